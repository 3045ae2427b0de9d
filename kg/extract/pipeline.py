"""The extraction component and the :class:`Extractor` that drives it over articles.

Extraction runs as a spaCy pipeline component (``kg_extract``), so ``nlp.pipe`` with
``n_process`` parallelises it together with the statistical model. The component leaves
plain data in ``doc.user_data``; :class:`Extractor` turns it into
:class:`~kg.records.ArticleGraph` records. No spaCy object leaves this package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import RuleError
from ..names import normalize_name
from ..records import Article, ArticleGraph, Entity, Evidence, Triple
from .annotate import annotate_doc, build_title_index, drop_title_words, unmark_doc
from .confidence import triple_features
from .entities import resolve_entities
from .gazetteer import Gazetteer, load_gazetteer, load_sentence_words
from .matching import build_matchers
from .mentions import find_mentions
from .relations import extract_relations
from .rules import RuleSet, load_rules
from .trace import Trace, trace_passes

__all__ = ["COMPONENT", "FEATURES_KEY", "LINES", "ExtractComponent", "Extractor"]

COMPONENT = "kg_extract"
"""Name of the registered component factory."""
LINES = "kg_line_breaks"
"""Name of the component that starts a sentence after every line break (before the parser)."""
_KEY = "kg.extract.v1"
FEATURES_KEY = "kg.confidence_features.v1"
"""``Doc.user_data`` key of the triples' confidence features (``record_features``)."""
_COUNTRY_KEY = "kg.country.v1"
"""``Doc.user_data`` key of the publisher's country, set before the pipeline runs."""


class ExtractComponent:
    """spaCy component: entities and relations of a ``Doc`` as plain data in ``user_data``."""

    def __init__(
        self, nlp: Language, rules: list[str], country: str = "", shipped_rules: bool = True
    ) -> None:
        self.ruleset: RuleSet = load_rules(*(Path(r) for r in rules), shipped=shipped_rules)
        self.gazetteer = load_gazetteer()
        self.country = _government_country(country, self.ruleset, self.gazetteer)
        self.titles = build_title_index(nlp.vocab, self.ruleset)
        self.matchers = build_matchers(nlp.vocab, self.ruleset, self.gazetteer)
        self.record_features = False
        """Leave each triple's confidence features in ``doc.user_data`` (for training)."""

    def publisher_country(self, article: Article) -> str:
        """The country of ``article``'s publisher (``publishers.tsv``): by its source, its
        URL's host, or a folder of its id named after the publisher; else ``""``."""
        host = urlsplit(article.url).hostname or ""
        # The folders of a file's id, nearest first: "bbc/politics/013.txt" whether the
        # folder or the file itself was given to kg build.
        folders = article.id.split("/")[-2::-1]
        for name in (article.source, host.removeprefix("www."), *folders):
            country = self.ruleset.publishers.get(normalize_name(name)) if name else None
            if country:
                return country
        return ""

    def __call__(self, doc: Doc, trace: Trace | None = None) -> Doc:
        mentions = find_mentions(doc, self.gazetteer, trace=trace)
        matches = self.titles.matcher(doc)  # run once: the title words, then the marks
        kept = drop_title_words(doc, mentions, self.titles, self.gazetteer, matches=matches)
        if trace is not None and kept is not mentions:
            trace_passes(trace, "titles.title_words", mentions, kept)
        mentions = kept
        resolution = resolve_entities(doc, mentions, self.gazetteer)
        annotation = annotate_doc(doc, resolution, self.titles, self.gazetteer, matches=matches)
        try:
            triples = extract_relations(
                doc,
                resolution,
                annotation,
                self.ruleset,
                self.matchers,
                self.gazetteer,
                country=self.country or doc.user_data.pop(_COUNTRY_KEY, ""),
                trace=trace,
            )
        finally:
            unmark_doc(doc, annotation)
        if self.record_features:
            doc.user_data[FEATURES_KEY] = triple_features(doc, resolution, annotation, triples)
        used = {t.subject for t in triples} | {t.object for t in triples}
        entities = [
            e for i, e in enumerate(resolution.entities) if resolution.mentions[i] or e in used
        ]
        doc.user_data[_KEY] = {
            "entities": [_entity_data(e) for e in entities],
            "triples": [
                [
                    _entity_data(t.subject),
                    t.predicate,
                    _entity_data(t.object),
                    list(_evidence_data(t.evidence)),
                ]
                for t in triples
            ],
        }
        return doc


def _government_country(name: str, ruleset: RuleSet, gazetteer: Gazetteer) -> str:
    """The canonical name of a country the government titles know ("UK" → United Kingdom)."""
    if not name:
        return ""
    found = gazetteer.lookup(name)
    canonical = found[0] if found and found[1] == "Place" else name
    known = sorted({post.country for post in ruleset.government.values()})
    if normalize_name(canonical) not in {normalize_name(c) for c in known}:
        raise RuleError(
            f"No government titles for the country {name!r} (--country); "
            f"government*.tsv knows: {', '.join(known)}"
        )
    return next(c for c in known if normalize_name(c) == normalize_name(canonical))


def _entity_data(entity: Entity) -> list[Any]:
    return [entity.name, entity.label, list(entity.aliases)]


def _evidence_data(ev: Evidence) -> tuple[Any, ...]:
    return (
        ev.sentence,
        ev.start,
        ev.end,
        ev.subject_text,
        ev.object_text,
        ev.rule,
        ev.confidence,
        ev.title,
        ev.status,
    )


def _entity(data: list[Any]) -> Entity:
    return Entity(data[0], data[1], tuple(data[2]))


@Language.factory(COMPONENT, default_config={"rules": [], "country": "", "shipped_rules": True})
def make_extract_component(
    nlp: Language, name: str, rules: list[str], country: str, shipped_rules: bool
) -> ExtractComponent:
    """Factory of the ``kg_extract`` component (``rules``: extra rule folders; ``country``:
    the country whose government titles articles mean, else found in each article;
    ``shipped_rules``: false to use only the ``rules`` folders)."""
    return ExtractComponent(nlp, rules, country, shipped_rules)


@Language.factory(LINES)
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    """Factory of the ``kg_line_breaks`` component (word lists: ``schemas/sentence_words.toml``)."""
    return LineBreaks(load_sentence_words())


class LineBreaks:
    """Headlines, captions and paragraphs end at a line break: never parse across one;
    "U.S." before a lower-case word or an office ("U.S. Senator") ends no sentence.

    Args:
        words: The lists ``initials`` (a country's initials, as written) and
            ``office_words`` (lower case) of ``schemas/sentence_words.toml``.
    """

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        self.initials = words["initials"]
        self.office_words = words["office_words"]

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
            elif token.text in self.initials:
                after = doc[token.i + 1]
                if after.is_lower or after.lower_ in self.office_words:
                    after.is_sent_start = False
        return doc


def graph_from_doc(article: Article, doc: Doc) -> ArticleGraph:
    """The :class:`ArticleGraph` that the component left on ``doc``."""
    data = doc.user_data[_KEY]
    by_key: dict[tuple[str, str], Entity] = {}
    entities = []
    for item in data["entities"]:
        entity = _entity(item)
        by_key[(entity.name, entity.label)] = entity
        entities.append(entity)
    triples = []
    for s, p, o, ev in data["triples"]:
        subject = by_key.get((s[0], s[1]), _entity(s))
        obj = by_key.get((o[0], o[1]), _entity(o))
        triples.append(Triple(subject, p, obj, Evidence(*ev)))
    return ArticleGraph(article, tuple(entities), tuple(triples))


class Extractor:
    """Runs a spaCy pipeline plus kg's extraction over articles.

    Args:
        nlp: A loaded pipeline with NER (see :func:`kg.nlp.load_pipeline`).
        rules: Extra rule folders to add to ``schemas/rules/``.
        shipped_rules: False to use only the ``rules`` folders, not ``schemas/rules/``.
        country: The country whose government titles the articles mean ("the chancellor"),
            as a name; empty: found in each article (dateline, the country named most).
    """

    def __init__(
        self,
        nlp: Language,
        *,
        rules: Iterable[Path] = (),
        country: str = "",
        shipped_rules: bool = True,
    ) -> None:
        if LINES not in nlp.pipe_names:
            anchor = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
            nlp.add_pipe(LINES, before=anchor) if anchor else nlp.add_pipe(LINES, first=True)
        if COMPONENT not in nlp.pipe_names:
            config = {"rules": [str(r) for r in rules], "country": country}
            nlp.add_pipe(COMPONENT, config={**config, "shipped_rules": shipped_rules})
        self.nlp = nlp
        component = nlp.get_pipe(COMPONENT)
        assert isinstance(component, ExtractComponent)
        self.component = component
        self.ruleset = component.ruleset

    @property
    def fingerprint(self) -> str:
        """Changes when the model or the rules change, so articles are built again."""
        meta = self.nlp.meta
        names = self.component.gazetteer.fingerprint
        country = f"+country-{self.component.country}" if self.component.country else ""
        return (
            f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
            f"+rules-{self.ruleset.fingerprint}+names-{names}{country}"
        )

    def _input(self, article: Article) -> str | Doc:
        """The article's text, or its tokens carrying its publisher's country."""
        country = "" if self.component.country else self.component.publisher_country(article)
        if not country:
            return article.text
        doc = self.nlp.make_doc(article.text)
        doc.user_data[_COUNTRY_KEY] = country
        return doc

    def extract(self, article: Article) -> ArticleGraph:
        """Extract one article."""
        return graph_from_doc(article, self.nlp(self._input(article)))

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[ArticleGraph]:
        """Extract a stream of articles, in order, ``n_process`` processes wide."""
        pairs = ((self._input(a), a) for a in articles)
        for doc, article in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            yield graph_from_doc(article, doc)

    def pipe_with_features(
        self, articles: Iterable[Article], *, batch_size: int = 32
    ) -> Iterator[tuple[ArticleGraph, list[dict[str, float]]]]:
        """Extract a stream of articles, in order, each with the confidence features of its
        triples (:func:`kg.extract.confidence.triple_features`, in the order of
        ``graph.triples``): for training and judging a confidence model (bench/)."""
        recording = self.component.record_features
        self.component.record_features = True
        try:
            pairs = ((self._input(a), a) for a in articles)
            for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield graph_from_doc(article, doc), doc.user_data[FEATURES_KEY]
        finally:
            self.component.record_features = recording

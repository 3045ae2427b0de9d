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

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Article, ArticleGraph, Entity, Evidence, Triple
from .annotate import annotate_doc, build_title_index, unmark_doc
from .entities import resolve_entities
from .gazetteer import load_gazetteer
from .matching import build_matchers
from .mentions import find_mentions
from .relations import extract_relations
from .rules import RuleSet, load_rules

__all__ = ["COMPONENT", "LINES", "ExtractComponent", "Extractor"]

COMPONENT = "kg_extract"
"""Name of the registered component factory."""
LINES = "kg_line_breaks"
"""Name of the component that starts a sentence after every line break (before the parser)."""
_KEY = "kg.extract.v1"


class ExtractComponent:
    """spaCy component: entities and relations of a ``Doc`` as plain data in ``user_data``."""

    def __init__(self, nlp: Language, rules: list[str]) -> None:
        self.ruleset: RuleSet = load_rules(*(Path(r) for r in rules))
        self.gazetteer = load_gazetteer()
        self.titles = build_title_index(nlp.vocab, self.ruleset)
        self.matchers = build_matchers(nlp.vocab, self.ruleset, self.gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_mentions(doc, self.gazetteer)
        resolution = resolve_entities(doc, mentions, self.gazetteer)
        annotation = annotate_doc(doc, resolution, self.titles, self.gazetteer)
        try:
            triples = extract_relations(
                doc, resolution, annotation, self.ruleset, self.matchers, self.gazetteer
            )
        finally:
            unmark_doc(doc, annotation)
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


@Language.factory(COMPONENT, default_config={"rules": []})
def make_extract_component(nlp: Language, name: str, rules: list[str]) -> ExtractComponent:
    """Factory of the ``kg_extract`` component (``rules``: extra rule folders)."""
    return ExtractComponent(nlp, rules)


@Language.component(LINES)
def start_sentences_at_line_breaks(doc: Doc) -> Doc:
    """Headlines, captions and paragraphs end at a line break: never parse across one."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
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
    """

    def __init__(self, nlp: Language, *, rules: Iterable[Path] = ()) -> None:
        if LINES not in nlp.pipe_names:
            anchor = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
            nlp.add_pipe(LINES, before=anchor) if anchor else nlp.add_pipe(LINES, first=True)
        if COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(COMPONENT, config={"rules": [str(r) for r in rules]})
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
        return (
            f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
            f"+rules-{self.ruleset.fingerprint}+names-{names}"
        )

    def extract(self, article: Article) -> ArticleGraph:
        """Extract one article."""
        return graph_from_doc(article, self.nlp(article.text))

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[ArticleGraph]:
        """Extract a stream of articles, in order, ``n_process`` processes wide."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            yield graph_from_doc(article, doc)

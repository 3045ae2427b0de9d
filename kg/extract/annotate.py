"""Mark the tokens of a ``Doc`` with what the relation patterns match on.

While the rules run, two native token attributes carry kg's marks (see
:data:`~kg.extract.rules.ENT_ATTR` and :data:`~kg.extract.rules.KIND_ATTR`):

- the entity tag: ``PERSON``, ``ORG``, ``PLACE`` or ``NORP`` when the token is part of a
  resolved entity or a demonym, else empty;
- the kind: for place tokens ``country``, ``region`` or ``other``; ``title`` for a token of a
  phrase of the title lexicon; else empty.

:func:`unmark_doc` gives the two attributes back their values from before, so nothing of
kg's is left on the ``Doc``. The same marks are kept in Python lists on the
:class:`Annotation` for the code that reads them token by token.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import ENT_ID, ENT_KB_ID
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .entities import Resolution
from .gazetteer import Gazetteer
from .mentions import SpanMention
from .rules import RuleSet, TitleEntry

__all__ = [
    "ENTITY_TAGS",
    "Annotation",
    "TitleIndex",
    "TitlePhrase",
    "annotate_doc",
    "build_title_index",
    "drop_title_words",
    "unmark_doc",
]

ENTITY_TAGS = {"Person": "PERSON", "Organization": "ORG", "Place": "PLACE"}
"""The entity tag of a token of an entity of each class."""


def _plurals(phrase: str) -> list[str]:
    words = phrase.split(" ")
    last = words[-1]
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    else:
        forms = [last + "s"]
    return [" ".join([*words[:-1], f]) for f in forms]


@dataclass(frozen=True)
class TitlePhrase:
    """A phrase of the title lexicon found in a ``Doc``: tokens ``[start, end)``.

    Attributes:
        start: The first token of the phrase.
        end: The token after the last one.
        text: The phrase as written ("Press Secretary").
        entries: The lexicon entries of the phrase (one per object class it distinguishes).
    """

    start: int
    end: int
    text: str
    entries: tuple[TitleEntry, ...]

    @property
    def last(self) -> int:
        """The last token of the phrase (its head noun in English)."""
        return self.end - 1


@dataclass
class TitleIndex:
    """The title lexicon compiled for matching."""

    matcher: PhraseMatcher
    entries: dict[str, list[TitleEntry]] = field(default_factory=dict)
    portfolios: frozenset[str] = frozenset()
    """Words of a government portfolio (``portfolios.tsv``)."""


def build_title_index(nlp_vocab: object, ruleset: RuleSet) -> TitleIndex:
    """Compile the title lexicon (and plurals) into a case-insensitive ``PhraseMatcher``."""
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    matcher = PhraseMatcher(nlp_vocab, attr="LOWER")  # type: ignore[arg-type]
    entries: dict[str, list[TitleEntry]] = {}
    for entry in ruleset.titles:
        forms = [entry.phrase, *_plurals(entry.phrase)]
        if "." in entry.phrase:  # "gov." is one token only capitalised, as news writes it: "Gov."
            forms.append(" ".join(w.capitalize() for w in entry.phrase.split(" ")))
        for form in forms:
            key = " ".join(t.lower_ for t in tokenizer(form))
            if key not in entries:
                matcher.add(key, [tokenizer(form)])
            if entry not in entries.get(key, []):
                entries.setdefault(key, []).append(entry)
    return TitleIndex(matcher, entries, frozenset(ruleset.portfolios))


@dataclass
class Annotation:
    """kg's marks on the tokens of one ``Doc``.

    Attributes:
        ent: The entity tag of each token (``""`` for none).
        geo: The kind of place of each place token (``""`` for others).
        titles: Token index → the title phrase it belongs to.
        saved: Token index → (entity id, knowledge-base id) the token had before kg marked
            it, for tokens where either was set (by an entity linker, say).
    """

    ent: list[str]
    geo: list[str]
    titles: dict[int, TitlePhrase] = field(default_factory=dict)
    saved: dict[int, tuple[int, int]] = field(default_factory=dict)


def annotate_doc(
    doc: Doc,
    resolution: Resolution,
    titles: TitleIndex,
    gazetteer: Gazetteer,
    *,
    matches: list[tuple[int, int, int]] | None = None,
) -> Annotation:
    """Mark the tokens of ``doc`` (until :func:`unmark_doc`) and return the marks
    (``matches``: the title matcher's matches on ``doc``, when the caller has them)."""
    annotation = Annotation([""] * len(doc), [""] * len(doc))
    ent, geo = annotation.ent, annotation.geo
    for i, index in resolution.token_entity.items():
        entity = resolution.entities[index]
        ent[i] = ENTITY_TAGS[entity.label]
        if entity.label == "Place":
            if gazetteer.is_country(entity.name):
                geo[i] = "country"
            elif gazetteer.is_region(entity.name):
                geo[i] = "region"
            else:
                geo[i] = "other"
    for i in resolution.demonyms:
        if i not in resolution.token_entity:
            ent[i] = "NORP"
    spans = []
    for match_id, start, end in titles.matcher(doc) if matches is None else matches:
        if any(ent[i] for i in range(start, end)) and not _names_inside(
            ent, resolution, start, end
        ):
            continue
        span = doc[start:end]
        span.label_ = doc.vocab.strings[match_id]
        spans.append(span)
    for span in filter_spans(spans):
        phrase = TitlePhrase(span.start, span.end, span.text, tuple(titles.entries[span.label_]))
        for i in range(span.start, span.end):
            annotation.titles[i] = phrase
    before = doc.to_array([ENT_ID, ENT_KB_ID])
    if before.any():
        for i, (ent_id, kb_id) in enumerate(before.tolist()):
            if ent_id or kb_id:
                annotation.saved[i] = (ent_id, kb_id)
                doc[i].ent_id = 0
                doc[i].ent_kb_id = 0
    for i, tag in enumerate(ent):
        if tag:
            doc[i].ent_id_ = tag
    for i, kind in enumerate(geo):
        if kind:
            doc[i].ent_kb_id_ = kind
    for i in annotation.titles:
        doc[i].ent_kb_id_ = "title"
    return annotation


def _names_inside(ent: list[str], resolution: Resolution, start: int, end: int) -> bool:
    """Whether the only names in a title phrase are an organization or place inside it,
    after its first word ("Secretary of State X", NER's "State"): the phrase is the title.
    A name in front ("Treasury Secretary") stays the object of the title."""
    if ent[start]:
        return False
    inside = [i for i in range(start, end) if ent[i]]
    if any(ent[i] not in ("ORG", "PLACE") for i in inside):
        return False
    last = resolution.token_entity.get(end - 1)
    return last is None or resolution.token_entity.get(end) != last


def drop_title_words(
    doc: Doc,
    mentions: list[SpanMention],
    titles: TitleIndex,
    gazetteer: Gazetteer,
    *,
    matches: list[tuple[int, int, int]] | None = None,
) -> list[SpanMention]:
    """``mentions`` without the words of a title NER made an organization.

    NER often tags the capitalised words before a title as an organization, and the title
    rules then read them as the title's object ("X works for Press"). Two kinds are the
    title's, not a name:

    - the first words of a longer phrase of the lexicon: "Deputy Press Secretary X",
      "Finance Minister X", "State Representative X" (the phrase is then matched whole), or
      the whole phrase right before a person's name: "Solicitor General X";
    - words of a government portfolio (``portfolios.tsv``) right before a title:
      "Transport Commissioner X", "Armed Forces Minister X"; after a name the gazetteer
      knows they are cut off it: "U.S. Energy Secretary X" keeps "U.S.", "Lib Dem Home
      Affairs spokesman X" the party.

    The object then comes from the text around the title or is implied (``government.tsv``).
    A name the gazetteer knows keeps its place as the object ("Treasury Secretary X").
    """
    orgs = {m.start: m for m in mentions if m.label == "Organization"}
    if not orgs:
        return mentions
    found = titles.matcher(doc) if matches is None else matches
    people = {m.start for m in mentions if m.label == "Person"}
    replaced: dict[SpanMention, SpanMention | None] = {}
    for _, start, end in found:
        m = orgs.get(start)
        if (
            m is not None
            and (m.end < end or (m.end == end and end in people))
            and gazetteer.lookup(m.text) is None
        ):
            replaced[m] = None  # "Press" of "Press Secretary", "Solicitor General" before X
    starts = {start for _, start, _ in found}
    for m in orgs.values():
        if m.end in starts and m not in replaced and gazetteer.lookup(m.text) is None:
            cut = _portfolio_start(doc, m, titles.portfolios)
            if cut == m.start:
                replaced[m] = None  # "Transport" of "Transport Commissioner"
            elif cut < m.end:
                replaced[m] = _named_part(doc, m, cut, gazetteer)
    if not replaced:
        return mentions
    kept = [replaced.get(m, m) for m in mentions]
    return [m for m in kept if m is not None]


def _portfolio_start(doc: Doc, mention: SpanMention, portfolios: frozenset[str]) -> int:
    """The first token of the portfolio words that end ``mention`` (its end when none)."""
    i = mention.end
    while i > mention.start and (
        doc[i - 1].lower_ in portfolios or (doc[i - 1].lower_ in ("and", "&") and i < mention.end)
    ):
        i -= 1
    while i < mention.end and doc[i].lower_ in ("and", "&"):
        i += 1  # a portfolio never starts with "and"
    return i


def _named_part(doc: Doc, mention: SpanMention, cut: int, gazetteer: Gazetteer) -> SpanMention:
    """The mention cut to its words before ``cut`` when the gazetteer knows them ("U.S."),
    with the gazetteer's class; else the mention as it is ("Acme Energy" may be a name)."""
    text = doc[mention.start : cut].text
    known = gazetteer.lookup(text)
    if known is None:
        return mention
    return SpanMention(mention.start, cut, text, text, known[1], mention.ner_label)


def unmark_doc(doc: Doc, annotation: Annotation) -> None:
    """Give the tokens marked by :func:`annotate_doc` their attributes from before."""
    for i, tag in enumerate(annotation.ent):
        if tag:
            doc[i].ent_id = 0
    for i, kind in enumerate(annotation.geo):
        if kind:
            doc[i].ent_kb_id = 0
    for i in annotation.titles:
        doc[i].ent_kb_id = 0
    for i, (ent_id, kb_id) in annotation.saved.items():
        doc[i].ent_id = ent_id
        doc[i].ent_kb_id = kb_id

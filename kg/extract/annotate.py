"""Mark the tokens of a ``Doc`` with what the relation patterns match on.

Extension attributes (all on ``Token._``):

- ``kg_ent``: ``PERSON``, ``ORG``, ``PLACE`` or ``NORP`` when the token is part of a
  resolved entity or a demonym, else ``""``;
- ``kg_title``: part of a phrase of the title lexicon;
- ``kg_mod``: a status modifier ("former", "acting", "shadow", …);
- ``kg_geo``: for place tokens, ``country``, ``region`` or ``other``;
- ``kg_orgword``: a word that makes a name an organization ("Inc", "Bank", "University").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from .entities import Resolution
from .gazetteer import Gazetteer
from .rules import RuleSet, TitleEntry

__all__ = ["TitleIndex", "annotate_doc", "build_title_index", "register_extensions"]

_TAG = {"Person": "PERSON", "Organization": "ORG", "Place": "PLACE"}


def register_extensions() -> None:
    """Register kg's token extensions once per process."""
    for name, default in (
        ("kg_ent", ""),
        ("kg_title", False),
        ("kg_mod", False),
        ("kg_geo", ""),
        ("kg_orgword", False),
    ):
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


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


@dataclass
class TitleIndex:
    """The title lexicon compiled for matching."""

    matcher: PhraseMatcher
    entries: dict[str, list[TitleEntry]] = field(default_factory=dict)


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
    return TitleIndex(matcher, entries)


@dataclass
class Annotation:
    """Title phrases found in a ``Doc``: token index → (start, end, entries)."""

    titles: dict[int, tuple[int, int, list[TitleEntry]]] = field(default_factory=dict)


def annotate_doc(
    doc: Doc, resolution: Resolution, titles: TitleIndex, ruleset: RuleSet, gazetteer: Gazetteer
) -> Annotation:
    """Set the ``kg_*`` token extensions and return the title phrases found."""
    for i, index in resolution.token_entity.items():
        entity = resolution.entities[index]
        token = doc[i]
        token._.kg_ent = _TAG[entity.label]
        if entity.label == "Place":
            if gazetteer.is_country(entity.name):
                token._.kg_geo = "country"
            elif gazetteer.is_region(entity.name):
                token._.kg_geo = "region"
            else:
                token._.kg_geo = "other"
    for i in resolution.demonyms:
        if i not in resolution.token_entity:
            doc[i]._.kg_ent = "NORP"
    for token in doc:
        token._.kg_orgword = token.lower_.rstrip(".") in gazetteer.org_suffixes
    for token in doc:
        if token.lower_ in ruleset.modifiers:
            token._.kg_mod = True
    spans = []
    for match_id, start, end in titles.matcher(doc):
        if any(doc[i]._.kg_ent for i in range(start, end)):
            continue
        span = doc[start:end]
        span.label_ = doc.vocab.strings[match_id]
        spans.append(span)
    annotation = Annotation()
    for span in filter_spans(spans):
        entries = titles.entries[span.label_]
        for token in span:
            token._.kg_title = True
            annotation.titles[token.i] = (span.start, span.end, entries)
    return annotation

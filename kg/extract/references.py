"""Pronouns and definite descriptions that refer back to an entity named just before.

"Barclays said its finance director John Varley would leave": *its* is Barclays. "Neil
Kinnock ... He is now chairman of the British Council": *He* is Kinnock. A reference takes the
entity of its class (``references.tsv``) named in its own sentence before it or in the
sentence before that, and only when exactly one such entity is named there: with two
candidates it refers to nothing, so that a wrong guess never makes a fact.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..names import normalize_name
from .entities import Resolution
from .rules import Reference

__all__ = ["find_references"]


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each token's sentence (the whole ``Doc`` when it has no sentences)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0] * len(doc)
    starts = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i] = sent.start
    return starts


def find_references(
    doc: Doc, resolution: Resolution, references: dict[str, Reference]
) -> dict[int, int]:
    """Token index → entity index of each reference with exactly one candidate entity.

    Args:
        doc: The ``Doc``.
        resolution: Its entities; tokens of an entity are never references.
        references: Lower-case word → what it refers to; a ``noun`` refers only after "the"
            ("the company"), and only to an entity whose name holds one of its
            ``name_words`` when it has some ("the panel" → "Senate Intelligence Committee").
    """
    found: dict[int, int] = {}
    starts: list[int] | None = None
    entities, token_entity = resolution.entities, resolution.token_entity
    for token in doc:
        entry = references.get(token.lower_)
        if entry is None or token.i in token_entity:
            continue
        if entry.kind == "noun" and (token.i == 0 or doc[token.i - 1].lower_ != "the"):
            continue
        if starts is None:
            starts = _sentence_starts(doc)
        start = starts[token.i]
        window = starts[start - 1] if start > 0 else 0
        candidates = {
            token_entity[j]
            for j in range(window, token.i)
            if j in token_entity
            and entities[token_entity[j]].label == entry.label
            and _has_name_word(entities[token_entity[j]].name, entry.name_words)
        }
        if len(candidates) == 1:
            found[token.i] = candidates.pop()
    return found


def _has_name_word(name: str, words: tuple[str, ...]) -> bool:
    """Whether ``name`` holds one of ``words`` (any name when there are none)."""
    return not words or bool(set(normalize_name(name).split()) & set(words))

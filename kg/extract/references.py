"""Pronouns and definite descriptions that refer back to an entity named just before.

"Barclays said its finance director John Varley would leave": *its* is Barclays. "Neil
Kinnock ... He is now chairman of the British Council": *He* is Kinnock. A reference takes the
entity of its class (``references.tsv``) named in its own sentence before it or in the
sentence before that, and only when exactly one such entity is named there: with two
candidates it refers to nothing, so that a wrong guess never makes a fact.

Two kinds of name are never an antecedent: a name in parentheses (the news agency of a
dateline, "WASHINGTON (Reuters) -"; an abbreviation, "Electric Power Authority (PREPA)", whose
full name is the candidate anyway), and, for a description, a name that ends in the word for
a public body (``body`` in ``references.tsv``): "the firm" is no "Intelligence Committee",
"the company" no "Justice Department" (only a ``public`` description, "the agency", is).
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
    doc: Doc,
    resolution: Resolution,
    references: dict[str, Reference],
    bodies: set[str] | frozenset[str] = frozenset(),
) -> dict[int, int]:
    """Token index → entity index of each reference with exactly one candidate entity.

    Args:
        doc: The ``Doc``.
        resolution: Its entities; tokens of an entity are never references.
        references: Lower-case word → what it refers to. A ``noun`` or ``public`` description
            refers only after "the" ("the company", "the agency"), and only to an entity whose
            name holds one of its ``name_words`` when it has some ("the panel" → "Senate
            Intelligence Committee").
        bodies: Last words of public bodies' names ("committee"): a name that ends in one is
            the antecedent of no ``noun`` description but its own word or one with name words.
    """
    found: dict[int, int] = {}
    starts: list[int] | None = None
    entities, token_entity = resolution.entities, resolution.token_entity
    for token in doc:
        entry = references.get(token.lower_)
        if entry is None or token.i in token_entity:
            continue
        if entry.kind != "pronoun" and (token.i == 0 or doc[token.i - 1].lower_ != "the"):
            continue
        if starts is None:
            starts = _sentence_starts(doc)
        start = starts[token.i]
        window = starts[start - 1] if start > 0 else 0
        candidates = set()
        for j in range(window, token.i):
            index = token_entity.get(j)
            if (
                index is None
                or entities[index].label != entry.label
                or _in_parentheses(doc, j, token_entity)
            ):
                continue
            name = entities[index].name
            if entry.name_words:
                if not _has_name_word(name, entry.name_words):
                    continue
            elif entry.kind == "noun" and _ends_in_another_body(name, token.lower_, bodies):
                continue
            candidates.add(index)
        if len(candidates) == 1:
            found[token.i] = candidates.pop()
    return found


def _in_parentheses(doc: Doc, i: int, token_entity: dict[int, int]) -> bool:
    """Whether the name at token ``i`` is written alone in parentheses: "(Reuters)"."""
    index = token_entity[i]
    start, end = i, i + 1
    while start > 0 and token_entity.get(start - 1) == index:
        start -= 1
    while end < len(doc) and token_entity.get(end) == index:
        end += 1
    return start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"


def _ends_in_another_body(name: str, word: str, bodies: set[str] | frozenset[str]) -> bool:
    """Whether ``name`` ends in a ``body`` word other than the description ``word``.

    >>> _ends_in_another_body("House Intelligence Committee", "firm", {"committee"})
    True
    >>> _ends_in_another_body("Intelligence Committee", "committee", {"committee"})
    False
    >>> _ends_in_another_body("Fusion GPS", "firm", {"committee"})
    False
    """
    last = name.rsplit(" ", 1)[-1].lower()
    return last in bodies and last != word


def _has_name_word(name: str, words: tuple[str, ...]) -> bool:
    """Whether ``name`` holds one of ``words`` (any name when there are none)."""
    return not words or bool(set(normalize_name(name).split()) & set(words))

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

from .entities import Resolution

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
    doc: Doc, resolution: Resolution, references: dict[str, tuple[str, str]]
) -> dict[int, int]:
    """Token index → entity index of each reference with exactly one candidate entity.

    Args:
        doc: The ``Doc``.
        resolution: Its entities; tokens of an entity are never references.
        references: Lower-case word → (class, ``pronoun``, ``noun``, ``public`` or
            ``body``); a ``noun`` or ``public`` description refers only after "the" ("the
            company", "the agency"); a ``body`` word refers to nothing, and a name that ends in
            it is the antecedent of no ``noun`` but its own word (a ``public`` description
            may take it: "the agency" for an "Administration").
    """
    found: dict[int, int] = {}
    starts: list[int] | None = None
    entities, token_entity = resolution.entities, resolution.token_entity
    bodies = {word for word, (_, kind) in references.items() if kind == "body"}
    for token in doc:
        entry = references.get(token.lower_)
        if entry is None or token.i in token_entity or entry[1] == "body":
            continue
        label, kind = entry
        if kind != "pronoun" and (token.i == 0 or doc[token.i - 1].lower_ != "the"):
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
                or entities[index].label != label
                or _in_parentheses(doc, j, token_entity)
            ):
                continue
            if kind == "noun" and _ends_in_another_body(entities[index].name, token.lower_, bodies):
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


def _ends_in_another_body(name: str, word: str, bodies: set[str]) -> bool:
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

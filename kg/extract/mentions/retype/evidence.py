"""What several retype passes read: the ``ner_label`` marks a pass gives a mention to make
its whole entity one class (:data:`TEAM`, :data:`PERSONAL`, :data:`LISTED_PLACE`,
:data:`COMPANY`), and the shared signals: a full personal name, a known place, an apposition's
head, one item of a list of like mentions, the pronoun after a name."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...gazetteer import Gazetteer
from ..base import SpanMention

__all__ = [
    "COMPANY",
    "LISTED_PLACE",
    "PERSONAL",
    "TEAM",
    "has_apposition_head",
    "is_full_personal_name",
    "is_known_place",
    "is_listed_with",
    "pronoun_after",
]


TEAM = "TEAM"
"""``ner_label`` of a place's name written as its sports team: an organization of its own,
never joined to the place of that name."""
PERSONAL = "PERSONAL"
"""``ner_label`` of a mention the text shows to be a person whatever NER said: its whole
entity is a person ("Trump said he would …" with "Trump" typed ORG everywhere)."""
LISTED_PLACE = "LISTED_PLACE"
"""``ner_label`` of a one-word name NER typed a person or an organization, written as one
item of a list of places ("visits Manchester, Liverpool, Dorset and Torbay"): its whole
entity is a place."""
COMPANY = "COMPANY"
"""``ner_label`` of a mention the text shows to be an organization whatever NER said: its
whole entity is an organization ("Ralph Lauren said its sales…", "said on Twitter")."""


def is_full_personal_name(words: list[str], gazetteer: Gazetteer) -> bool:
    """A given name, then one or two capitalised words: "Michael Cockerell" (after
    "documentary maker", which would otherwise make it a company)."""
    return (
        1 < len(words) <= 3
        and words[0] in gazetteer.first_names
        and all(w[:1].isupper() for w in words)
        and words[-1].lower() not in gazetteer.org_suffixes
    )


def is_known_place(text: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer, the cities or the regions know a name as a place."""
    hit = gazetteer.lookup(text)
    return (
        (hit is not None and hit[1] == "Place")
        or gazetteer.is_city(text)
        or gazetteer.is_region(text)
    )


def has_apposition_head(
    doc: Doc,
    end: int,
    determiners: tuple[str, ...],
    width: int,
    head: Callable[[Token], bool],
    goes_on: Callable[[Token], bool],
) -> bool:
    """Whether an apposition after token ``end`` ("Name, a … X") is headed by a word that
    ``head`` accepts, within ``width`` tokens of the comma and only over tokens ``goes_on``
    accepts before it."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in determiners:
        return False
    for i in range(end + 2, min(end + width, len(doc))):
        token = doc[i]
        if token.is_lower and head(token):
            after = doc[i + 1] if i + 1 < len(doc) else None
            # the head: not "a company director", "a group's chairman", "the deputy leader"
            return after is None or (after.pos_ not in ("NOUN", "PROPN") and after.tag_ != "POS")
        if not goes_on(token):
            return False
    return False


_LIST_GLUE = frozenset({",", "and", "or"})


def is_listed_with(
    doc: Doc,
    mentions: list[SpanMention],
    n: int,
    like: Callable[[SpanMention], bool],
    *,
    conjoined: bool = True,
) -> bool:
    """Whether mention ``n`` is one item of a list whose other items, two at least, are all
    mentions ``like`` accepts (a "the" before an item allowed: "the GMB and Unison, the TGWU
    and Amicus"). ``conjoined``: the list has an "and" or "or" (not "In Birmingham, Alabama,
    Jones told reporters")."""
    others, joined = 0, False
    for step in (-1, 1):
        j, edge = n + step, mentions[n]
        while 0 <= j < len(mentions):
            other = mentions[j]
            gap = doc[other.end : edge.start] if step < 0 else doc[edge.end : other.start]
            glue = [t for t in gap if t.lower_ != "the"]
            if not glue or any(t.text not in _LIST_GLUE for t in glue):
                break
            if not like(other):
                return False  # "Dior, Chanel and Ralph Lauren": not a list of people
            others += 1
            joined = joined or any(t.lower_ in ("and", "or") for t in glue)
            j, edge = j + step, other
    return others >= 2 and (joined or not conjoined)


_POSSESSIVES = frozenset({"its", "his", "her", "their", "he", "she", "they", "it", "him", "them"})
# What may stand between a company and its "its": "Ralph Lauren said on Tuesday that its".
_BETWEEN_POS = frozenset({"VERB", "AUX", "ADV", "SCONJ", "PART", "ADP", "PUNCT", "DET", "NUM"})


def pronoun_after(doc: Doc, start: int, end: int, taken: set[int]) -> str:
    """The first pronoun after the name that is the subject or owner of what the name said
    or did ("Name said (on Tuesday) that he …", "… its …"), in lower case; else ``""``."""
    sent_end = doc[start].sent.end
    for i in range(end, min(end + 9, sent_end)):
        token = doc[i]
        if token.lower_ in _POSSESSIVES:
            # "said its", "said that its", "said on Tuesday its": the subject of what was
            # said, not "were in its corner" or "withdrawal from its role".
            previous = doc[i - 1]
            return (
                token.lower_
                if i > end and (previous.pos_ in ("VERB", "SCONJ") or previous.ent_type_ == "DATE")
                else ""
            )
        if i in taken and token.ent_type_ != "DATE":
            return ""  # another name: "its" may be theirs
        if token.pos_ not in _BETWEEN_POS and token.ent_type_ != "DATE":
            return ""
    return ""

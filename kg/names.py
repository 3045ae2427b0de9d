"""Name normalisation shared by extraction, evaluation and graph look-ups.

>>> normalize_name("The U.S.")
'us'
>>> normalize_name("Mr  Zelenskyy's")
'zelenskyy'
>>> normalize_name("São Paulo")
'sao paulo'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "HONORIFICS",
    "NOBILITY",
    "match_name",
    "name_key",
    "normalize_name",
    "strip_leading",
]

HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "baroness",
        "baron",
        "prof",
        "professor",
        "rev",
        "reverend",
    ]
)
"""Courtesy titles ignored when names are compared."""

_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalize_name(text: str) -> str:
    """The comparison key of a name: case, accents, punctuation, a leading "the",
    a courtesy title and a possessive ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    text = _NON_WORD.sub("", text.casefold())
    words = _SPACE.sub(" ", text).strip().split(" ")
    while len(words) > 1 and (words[0] == "the" or words[0] in HONORIFICS):
        words = words[1:]
    return " ".join(words)


NOBILITY = frozenset(
    [
        "lord",
        "lady",
        "baroness",
        "baron",
        "sir",
        "dame",
        "earl",
        "countess",
        "viscount",
        "viscountess",
        "duke",
        "duchess",
        "marquess",
        "marchioness",
    ]
)
"""Titles of nobility: a name bearing one is never linked to a name without it."""

# Words dropped from the start of a name before the second round of matching.
_LEADING_TEXT = """
the a an mr mrs ms miss mx dr prof professor sir dame lord lady
president vice prime minister premier chancellor secretary senator sen
representative rep congressman congresswoman governor gov mayor judge justice
king queen prince princess pope general gen colonel col admiral adm ambassador
chairman chairwoman chair ceo former acting late
"""
_LEADING_WORDS = frozenset(_LEADING_TEXT.split())
_DELETED = re.compile(r"[.'’`]")  # "U.S." == "US", "O'Brien" == "OBrien"
_SEPARATORS = re.compile(r"[^\w]+|_")


def name_key(name: str) -> str:
    """A name folded for matching: no case, accents or punctuation, single spaces.

    >>> name_key("  São  Paulo ")
    'sao paulo'
    >>> name_key("U.S.")
    'us'
    >>> name_key("Johnson & Johnson")
    'johnson johnson'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_SEPARATORS.sub(" ", _DELETED.sub("", stripped.casefold())).split())


def strip_leading(key: str) -> str:
    """``key`` without its leading articles and titles (never down to nothing).

    >>> strip_leading("the prime minister keir starmer")
    'keir starmer'
    >>> strip_leading("the president")
    'president'
    """
    words = key.split()
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words.pop(0)
    return " ".join(words)


def match_name(
    name: str,
    entries: Iterable[tuple[str, str, Iterable[str]]],
    *,
    labels_first: bool = True,
) -> set[str]:
    """The ids of the entries that ``name`` names: the one name resolver of kg.

    ``entries`` are ``(id, label, aliases)``. Rounds, each tried only when the previous one
    found nothing: the exact id; the exact label or alias; the folded name
    (:func:`name_key`: no case, accents or punctuation) against labels, then aliases; the
    same without leading articles and titles (:func:`strip_leading`) on both sides. The
    first round that finds anything answers (several ids: an ambiguous name). With
    ``labels_first=False`` labels and aliases share each round (every bearer of a name).

    >>> people = [("p1", "Tony Blair", ["Blair"]), ("p2", "Cherie Blair", ["Blair"]),
    ...           ("p3", "São Paulo", []), ("p4", "Blair", [])]
    >>> match_name("blair", people), sorted(match_name("blair", people, labels_first=False))
    ({'p4'}, ['p1', 'p2', 'p4'])
    >>> match_name("Mr Tony Blair", people), match_name("sao paulo", people)
    ({'p1'}, {'p3'})
    >>> match_name("p3", people), match_name("x", people)
    ({'p3'}, set())
    """
    items = [(i, label, list(aliases)) for i, label, aliases in entries]
    if any(i == name for i, _, _ in items):
        return {name}
    found = {i for i, label, aliases in items if label == name or name in aliases}
    if found:
        return found
    key = name_key(name)
    for fold in (name_key, lambda text: strip_leading(name_key(text))):
        wanted = fold(name) if key else None
        if wanted is None:
            break
        by_label = {i for i, label, _ in items if fold(label) == wanted}
        by_alias = {i for i, _, aliases in items if any(fold(a) == wanted for a in aliases)}
        if labels_first:
            if by_label or by_alias:
                return by_label or by_alias
        elif by_label | by_alias:
            return by_label | by_alias
    return set()

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

__all__ = ["HONORIFICS", "normalize_name"]

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

"""Which country an article is about: the country whose government titles it means when it
writes "the chancellor" or "Prime Minister X" and names no department or country.

The choice, first that applies: the dateline's place ("LONDON (Reuters) -"), then the country
the article names most, counting the names of countries, their adjectives ("British") and the
names of ``country-cues.tsv`` (parliaments, parties, capitals), each as often as it is
mentioned. A tie gives no country: nothing is implied then.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..names import normalize_name
from .entities import Resolution
from .gazetteer import Gazetteer

__all__ = ["find_country"]

_DATELINE_WORDS = 6
"""How far into an article a dateline's opening bracket or dash may be."""


def _country_of(name: str, gazetteer: Gazetteer, cues: dict[str, str]) -> str:
    key = normalize_name(name)
    if key in gazetteer.countries:
        return name
    return cues.get(key, "")


def _dateline(doc: Doc, resolution: Resolution) -> int | None:
    """The entity a dateline opens with: a place, then "(Agency)" or a dash."""
    if not len(doc) or 0 not in resolution.token_entity:
        return None
    index = resolution.token_entity[0]
    if resolution.entities[index].label != "Place":
        return None
    for token in doc[1 : _DATELINE_WORDS + 1]:
        if token.text in ("(", "-", "—", "–"):
            return index
        if token.is_sent_start or (
            token.i not in resolution.token_entity and token.text not in (",", ".")
        ):
            return None
    return None


def find_country(
    doc: Doc, resolution: Resolution, gazetteer: Gazetteer, cues: dict[str, str]
) -> str:
    """The canonical name of the country ``doc`` is about, or ``""`` when unclear."""
    dateline = _dateline(doc, resolution)
    if dateline is not None:
        country = _country_of(resolution.entities[dateline].name, gazetteer, cues)
        if country:
            return country
    counts: Counter[str] = Counter()
    for index, entity in enumerate(resolution.entities):
        country = _country_of(entity.name, gazetteer, cues)
        if country:
            counts[country] += len(resolution.mentions[index])
    for name, label, _text in resolution.demonyms.values():
        if label == "Place" and gazetteer.is_country(name):
            counts[name] += 1
        elif label == "Organization" and normalize_name(name) in cues:
            counts[cues[normalize_name(name)]] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]

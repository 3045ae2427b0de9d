"""Places inside the name of an organization: "Bank of England", "Chicago Tribune".

An organization named after a country, region or city is based there ("University of
Chicago", "Texas Instruments", "Supreme Court of Canada"), and one named with a demonym
in front is based in that country ("German Government", "American Express"). The triple
is made only where the same sentence also names the place on its own ("the German
Government said Germany would ..."): a place written only inside a name is not named in
the sentence (``ANNOTATION.md``), and neither the house gold files nor CoNLL04 (whose
entities never nest) annotate it. The place is read as a country or alias of the
gazetteer, a leading demonym of a country, or any form of a place the article names.

Left out: embassies and missions (the "Brazilian Embassy" is in the host country), a
place after a preposition of topic ("Committee for Iraq"), a place joined to another by
a hyphen ("US-China Business Council"), and names with more than one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..names import normalize_name
from ..records import Entity, Evidence, Triple
from .entities import Resolution
from .gazetteer import Gazetteer

__all__ = ["RULE_ID", "places_in_names"]

RULE_ID = "name.org_named_after_place"
"""The rule id in the evidence of the triples made here."""
CONFIDENCE = 0.5
"""Below the explicit constructions ("Acme, based in Leeds"), which win in one sentence."""

# An embassy of a country is in another one; "in exile" is away from home.
_AWAY = frozenset(
    ["embassy", "embassies", "consulate", "consulates", "mission", "delegation", "exile"]
)
# Function words after which a place inside a name is where the organization is.
_LOCATIVE = frozenset(["of", "at", "in", "de", "del", "du", "des", "di", "the"])
# A last word that makes the "organization" an event NER mistook for one.
_EVENTS = frozenset(
    ["crisis", "war", "wars", "renaissance", "revolution", "affair", "scandal", "ties", "talks"]
)
_LONGEST = 4


@dataclass(frozen=True)
class _Place:
    """A place found in a name: its tokens ``[start, end)``, canonical name and text."""

    start: int
    end: int
    name: str
    text: str


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _place_at(
    doc: Doc,
    start: int,
    end: int,
    *,
    first: bool,
    named: dict[str, str],
    gazetteer: Gazetteer,
) -> _Place | None:
    """The place written as tokens ``[start, end)`` of a name, if the text says it is one."""
    span = doc[start:end]
    text = span.text
    if not (_capitalised(span[0].text) and _capitalised(span[-1].text)):
        return None
    if (start > 0 and doc[start - 1].text == "-") or (end < len(doc) and doc[end].text == "-"):
        return None  # "US-China Business Council", "Anglo-French"
    if len(text) <= 2 and doc[start:end].sent.text.isupper():
        return None  # "LA JORNADA": in a line of capitals, a short word is no abbreviation
    hit = gazetteer.lookup(text)
    if hit is not None:
        return _Place(start, end, hit[0], text) if hit[1] == "Place" else None
    known = named.get(normalize_name(text))
    if known is not None:
        return _Place(start, end, known, text)
    if first and end - start == 1:
        demonym = gazetteer.demonym(text)
        if demonym is not None and demonym[1] == "Place":
            return _Place(start, end, demonym[0], text)
    return None


def _places_in(
    doc: Doc, start: int, end: int, named: dict[str, str], gazetteer: Gazetteer
) -> list[_Place]:
    """The places written inside the name ``[start, end)``, longest first, left to right."""
    name = doc[start:end]
    if (
        any(t.lower_ in _AWAY or t.is_quote or t.text == "," for t in name)
        or name[-1].is_lower  # a headline cut short: "Laborers Move to"
        or name[-1].lower_ in _EVENTS
    ):
        return []
    lead = start + 1 if doc[start].lower_ == "the" else start
    found: list[_Place] = []
    i = lead
    while i < end:
        step = 1
        before = doc[i - 1] if i > lead else None
        # "Committee for Iraq": after a preposition of topic, a place is no seat
        if before is None or not before.is_lower or before.lower_ in _LOCATIVE:
            for n in range(min(_LONGEST, end - i), 0, -1):
                if i == lead and i + n == end:
                    continue  # the whole name is no place inside it
                place = _place_at(doc, i, i + n, first=i == lead, named=named, gazetteer=gazetteer)
                if place is not None:
                    found.append(place)
                    step = n
                    break
        i += step
    return found


def _place_named_apart(resolution: Resolution, place: _Place, start: int, end: int) -> int | None:
    """The index of the place's entity if the sentence ``[start, end)`` also names it on its
    own, with the text inside the name added to its aliases."""
    index = resolution.entity_named(place.name, "Place")
    if index is None or not any(start <= m.start < end for m in resolution.mentions[index]):
        return None
    old = resolution.entities[index]
    if place.text != old.name and place.text not in old.aliases:
        aliases = tuple(sorted({*old.aliases, place.text}))
        resolution.entities[index] = Entity(old.name, old.label, aliases)
    return index


def places_in_names(doc: Doc, resolution: Resolution, gazetteer: Gazetteer) -> list[Triple]:
    """``based_in`` triples from the places inside organizations' names, one per mention.

    Only where the sentence also names the place on its own ("the German Government said
    Germany would ..."): a place written only inside a name is not named in the sentence
    (``ANNOTATION.md``), and neither the house gold files nor CoNLL04 annotate it.
    """
    triples: list[Triple] = []
    named = {  # the places the article names on their own, by every form
        normalize_name(form): e.name
        for e in resolution.entities
        if e.label == "Place"
        for form in (e.name, *e.aliases)
    }
    for index, mentions in enumerate(resolution.mentions):
        org = resolution.entities[index]
        if org.label != "Organization":
            continue
        for mention in mentions:
            places = _places_in(doc, mention.start, mention.end, named, gazetteer)
            if len({p.name for p in places}) != 1:
                continue
            place = places[0]
            sentence = doc[mention.start].sent
            if normalize_name(place.name) == normalize_name(org.name):
                continue
            where = _place_named_apart(resolution, place, sentence.start, sentence.end)
            if where is None:
                continue
            evidence = Evidence(
                sentence=sentence.text,
                start=sentence.start_char,
                end=sentence.end_char,
                subject_text=mention.text,
                object_text=place.text,
                rule=RULE_ID,
                confidence=CONFIDENCE,
            )
            triples.append(Triple(org, "based_in", resolution.entities[where], evidence))
    return triples

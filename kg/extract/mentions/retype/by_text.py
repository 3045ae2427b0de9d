"""The ``retype_by_text`` pass: classes the words of a name or right around it contradict
(an organization's or a place's last word, a dateline, an initial and a surname, an age, a
peerage, "the capital of", a given name, "in nearby", one item of a list of places, a
company's noun before the name, "analyst X of Y")."""

from __future__ import annotations

from spacy.tokens import Doc

from ...gazetteer import Gazetteer
from ..base import UPPER, Context, SpanMention, age_follows, is_dateline
from .evidence import COMPANY, LISTED_PLACE, is_full_personal_name, is_known_place, is_listed_with

__all__ = ["retype_by_text"]


def _place_noun_follows(doc: Doc, end: int, place_nouns: frozenset[str]) -> bool:
    """Whether "a/the capital (of)", "the town" follows: the name before is a place."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in ("the", "a")
        and doc[end + 2].lower_ in place_nouns
        and (end + 3 >= len(doc) or doc[end + 3].lower_ in ("of", "in", ",", "."))
    )


def _initial_and_surname(words: list[str], gazetteer: Gazetteer) -> bool:
    """An initial, then one capitalised word: "S Lamont", "K. Maggs" (a person however NER
    typed it), not a name the gazetteer knows nor one ending in an organization's word."""
    return (
        len(words) == 2
        and len(words[0].rstrip(".")) == 1
        and words[0][:1].isupper()
        and words[1][:1].isupper()
        and words[1][1:2].islower()
        and words[1].lower() not in gazetteer.org_suffixes
        and gazetteer.lookup(" ".join(words)) is None
        and gazetteer.demonym(words[1]) is None  # "S Korean"
    )


def retype_by_text(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Fix NER classes the words of the name or around it contradict.

    - A name ending in an organization word is an organization ("Leeds United",
      "Investec Securities"); one ending in a building's or a natural feature's word a
      place ("Dayton International Airport").
    - A "person" right after another person and "of"/"at" is their employer
      ("analyst Mike Powell of Dresdner Kleinwort Wasserstein").
    - One word NER typed a person or an organization, one item of a list of places (two at
      least), is a place, and so is its whole entity (``ner_label`` :data:`LISTED_PLACE`):
      "he visits Manchester, Liverpool, Dorset and Torbay".
    """
    gazetteer = ctx.gazetteer
    peerages, place_nouns = ctx.words("peerages"), ctx.words("place_nouns")
    place_prefixes = ctx.words("place_prefixes")
    fixed: list[SpanMention] = []
    for n, m in enumerate(mentions):
        label = m.label
        words = m.text.split()
        if (
            label in ("Person", "Place")
            and len(words) > 1
            and words[-1].lower() in gazetteer.org_suffixes
        ):
            label = "Organization"
        elif (
            label == "Place"
            and len(words) >= 3
            and words[2][:1].isupper()
            and (
                (words[1] in ("for", "on") and words[0].lower() in {"center", "centre"})
                or (words[1] in ("for", "on", "of") and words[0].lower() in gazetteer.org_suffixes)
            )
            and gazetteer.lookup(m.text) is None
        ):
            label = "Organization"  # "Center for Immigration Studies" typed FAC by NER
        elif (
            label in ("Organization", "Person")
            and len(words) > 1
            and (
                words[-1].lower() in gazetteer.place_suffixes
                or (
                    words[0].lower().rstrip(".") in place_prefixes
                    and words[-1][:1].isupper()
                    and len(words) <= 3
                    and not any(w.lower() in gazetteer.org_suffixes or w == "of" for w in words)
                )  # not "Port Authority", "Mount Sinai School of Medicine"
            )
            and gazetteer.lookup(m.text) is None
            and not (label == "Person" and is_full_personal_name(words, gazetteer))
        ):
            label = "Place"  # "Brushy Mountain Penitentiary", "Fort Hamilton", "Niagara Falls"
        elif (
            label == "Place"
            and UPPER.match(m.text)
            and m.text.isalpha()
            and len(m.text) <= 4
            and gazetteer.lookup(m.text) is None
            and not gazetteer.is_region(m.text)
            and not gazetteer.is_city(m.text)
        ):
            label = "Organization"  # "partnerships such as that with BT": no place we know
        elif label != "Place" and is_dateline(doc, m.start, m.end, gazetteer):
            label = "Place"  # "DAYTON, Ohio (AP)" typed ORG by NER
        elif (
            label != "Person" and _initial_and_surname(words, gazetteer) and m.ner_label != "SOURCE"
        ):
            label = "Person"  # "S Lamont", "K. Maggs" in a team sheet, typed ORG by NER
        elif (
            label in ("Organization", "Place")
            and age_follows(doc, m.end)
            and len(words) <= 4
            and (label == "Organization" or not is_known_place(m.text, gazetteer))
        ):
            label = "Person"  # "Ulla Berg, 47, of the Red Cross", "Nielsen, 45," typed GPE
        elif (
            label != "Person"
            and len(words) >= 3
            and words[0].lower() in peerages
            and words[1] == "of"
        ):
            label = "Person"  # "the Duchess of York" typed a place by NER
        elif label == "Person" and _place_noun_follows(doc, m.end, place_nouns):
            label = "Place"  # "Yerevan, the capital of Armenia" typed PERSON by NER
        elif (
            label != "Person"
            and 1 < len(words) <= 4
            and words[0] in gazetteer.first_names
            and all(w[:1].isupper() for w in words)
            and words[-1].lower() not in gazetteer.org_suffixes
            and gazetteer.lookup(m.text) is None
        ):
            label = "Person"  # "Philippe Camus", "Nicola Sturgeon" typed ORG by NER
        elif (
            label == "Person"
            and len(words) == 1
            and m.start > 0
            and doc[m.start - 1].lower_ in ("in", "nearby", "near")
            and not (m.end < len(doc) and doc[m.end].tag_ == "POS")
        ):
            label = "Place"  # "he attended school in nearby Pengam"
        elif (
            label in ("Person", "Organization")
            and len(words) == 1
            and m.ner_label in ("PERSON", "ORG")
            and gazetteer.lookup(m.text) is None
            and is_listed_with(doc, mentions, n, lambda o: o.label == "Place")
        ):  # "he visits Manchester, Liverpool, Dorset and Torbay": the whole entity
            fixed.append(SpanMention(m.start, m.end, m.text, m.surface, "Place", LISTED_PLACE))
            continue
        elif (
            m.start > 0
            and doc[m.start - 1].is_lower
            and (
                doc[m.start - 1].lemma_ in gazetteer.org_nouns
                or doc[m.start - 1].lower_ in gazetteer.org_nouns  # "analysts", not "analyst"
            )
            and not (label == "Person" and is_full_personal_name(words, gazetteer))
        ):
            label = "Organization"  # "Russian crude producer Yukos", "analyst firm Gartner"
            if m.label != "Organization":  # the whole entity: "Yukos" typed PERSON elsewhere too
                fixed.append(SpanMention(m.start, m.end, m.text, m.surface, label, COMPANY))
                continue
        elif (
            label == "Person"
            and n > 0
            and mentions[n - 1].label == "Person"
            and mentions[n - 1].end + 1 == m.start
            and doc[m.start - 1].lower_ in ("of", "at")
        ):
            label = "Organization"
        fixed.append(
            m
            if label == m.label
            else SpanMention(m.start, m.end, m.text, m.surface, label, m.ner_label)
        )
    return fixed

"""The ``retype`` passes: fix NER classes that the text itself contradicts."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...names import normalize_name
from .base import Context, SpanMention, age_follows, clean_text, is_dateline, is_honorific

__all__ = ["in_text_order", "people_by_context", "retype_by_text"]


def in_text_order(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """The mentions sorted by their first token (the later passes read neighbours)."""
    return sorted(mentions, key=lambda m: m.start)


def _place_noun_follows(doc: Doc, end: int, place_nouns: frozenset[str]) -> bool:
    """Whether "a/the capital (of)", "the town" follows: the name before is a place."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in ("the", "a")
        and doc[end + 2].lower_ in place_nouns
        and (end + 3 >= len(doc) or doc[end + 3].lower_ in ("of", "in", ",", "."))
    )


def retype_by_text(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Fix NER classes the words of the name or around it contradict.

    - A name ending in an organization word is an organization ("Leeds United",
      "Investec Securities"); one ending in a building's or a natural feature's word a
      place ("Dayton International Airport").
    - A "person" right after another person and "of"/"at" is their employer
      ("analyst Mike Powell of Dresdner Kleinwort Wasserstein").
    """
    gazetteer = ctx.gazetteer
    peerages, place_nouns = ctx.words("peerages"), ctx.words("place_nouns")
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
            label == "Organization"
            and len(words) > 1
            and words[-1].lower() in gazetteer.place_suffixes
            and gazetteer.lookup(m.text) is None
        ):
            label = "Place"  # "Brushy Mountain Penitentiary", "Dayton International Airport"
        elif label != "Place" and is_dateline(doc, m.start, m.end, gazetteer):
            label = "Place"  # "DAYTON, Ohio (AP)" typed ORG by NER
        elif label == "Organization" and age_follows(doc, m.end) and len(words) <= 4:
            label = "Person"  # "Ulla Berg, 47, of the Red Cross" typed ORG by NER
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
            m.start > 0
            and doc[m.start - 1].is_lower
            and doc[m.start - 1].lemma_ in gazetteer.org_nouns
        ):
            label = "Organization"  # "Russian crude producer Yukos", "analyst firm Gartner"
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


def people_by_context(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Organizations and places the text shows to be people.

    - An honorific in front ("Mr Cable" typed ORG): the person "Cable", honorific dropped.
    - A word for what a person does in front ("Treasury spokesman Vince Cable", "striker
      Arjen Robben"), for a name of two or three capitalised words.
    - A name of two or three words whose last word the article also writes alone after an
      honorific ("Vince Cable" typed ORG, "Mr Cable" later).
    """
    gazetteer = ctx.gazetteer
    abbreviations = ctx.words("abbreviations")
    person_words = ctx.words("leading_titles") | ctx.words("person_nouns")
    person_nouns = ctx.words("person_nouns")

    def plain_name(m: SpanMention) -> bool:
        words = m.text.split()
        return (
            1 < len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and words[-1].lower() not in gazetteer.org_suffixes
            and not any(w.lower() in person_words for w in words)
            and gazetteer.lookup(m.text) is None
            and gazetteer.lookup(words[0]) is None  # "Labour MP", "Chelsea Village"
        )

    def honorific(token: Token) -> bool:  # "Miss World" is a contest
        return is_honorific(token) and token.lower_.rstrip(".") != "miss"

    fixed: list[SpanMention] = []
    for m in mentions:
        if m.label not in ("Organization", "Place") or m.ner_label in ("CREDIT", "SOURCE"):
            fixed.append(m)
            continue
        before = doc[m.start - 1] if m.start > 0 else None
        rest = m.text.split()[1:]
        if (
            honorific(doc[m.start])
            and m.end - m.start > 1
            and rest
            and rest[0].lower() not in person_words  # "Lord Chancellor"
        ):
            owner = next((t.i for t in doc[m.start + 1 : m.end] if t.tag_ == "POS"), m.end)
            if owner < m.end - 1:  # "Mr Brown's International Finance Facility": two names
                org = clean_text(doc, owner + 1, m.end, abbreviations)
                fixed.append(SpanMention(owner + 1, m.end, org, org, m.label, m.ner_label))
            if owner > m.start + 1:
                text = clean_text(doc, m.start + 1, owner, abbreviations)
                surface = clean_text(doc, m.start, owner, abbreviations)
                fixed.append(SpanMention(m.start + 1, owner, text, surface, "Person", m.ner_label))
            fixed.sort(key=lambda x: x.start)
            continue
        elif before is not None and honorific(before) and gazetteer.lookup(m.text) is None:
            surface = clean_text(doc, m.start - 1, m.end, abbreviations)
            m = SpanMention(m.start, m.end, m.text, surface, "Person", m.ner_label)
        elif (
            before is not None
            and before.lower_ in person_nouns
            and (before.is_lower or before.text in ("MP", "MEP", "MSP"))
            and plain_name(m)
        ):
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        fixed.append(m)
    alone = {  # "Mr Cable": a surname the article gives a person, with an honorific
        normalize_name(m.text)
        for m in fixed
        if m.label == "Person" and " " not in m.text and m.start > 0 and honorific(doc[m.start - 1])
    }
    return [
        SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        if m.label in ("Organization", "Place")
        and m.ner_label not in ("CREDIT", "SOURCE")
        and plain_name(m)
        and normalize_name(m.text.split()[-1]) in alone
        else m
        for m in fixed
    ]

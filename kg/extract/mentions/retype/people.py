"""The ``people_by_context`` pass: organizations and places the text shows to be people (an
honorific, a word for what a person does, a capitalised title of office, an apposition headed
by a word for a person or a title, a relative, a list of people, "he said", "the X
administration", a surname the article gives a person)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ....names import normalize_name
from ..base import Context, SpanMention, age_follows, clean_text, is_honorific
from .evidence import PERSONAL, has_apposition_head, is_listed_with, pronoun_after

__all__ = ["people_by_context"]


def _person_apposition(doc: Doc, end: int, nouns: frozenset[str]) -> bool:
    """ "Name, a 72-year-old deputy from …", "Name, the 16th president,": an apposition
    whose head is a word for a person."""
    return has_apposition_head(
        doc,
        end,
        ("a", "an", "the"),
        8,
        lambda t: t.lower_ in nouns,
        lambda t: t.text not in (",", ".", ";") and t.pos_ not in ("VERB", "AUX"),
    )


def _title_apposition(doc: Doc, end: int, titles: frozenset[str]) -> bool:
    """ "Name, chief executive of …", "Name, managing director at …": an apposition without
    a determiner, a title of office (up to three lower-case words) and then "of", "at" or
    "for" (no company is "chief executive of" anything)."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    for i in range(end + 1, min(end + 4, len(doc) - 1)):
        if not doc[i].is_lower or not doc[i].is_alpha:
            return False
        if doc[i].lower_ in titles and doc[i + 1].lower_ in ("of", "at", "for"):
            return True
    return False


def _kin_before(doc: Doc, start: int, nouns: frozenset[str]) -> bool:
    """ "his wife, Melania", "her son Hunter": a possessive pronoun and a word for a
    relative right before the name (a comma between allowed)."""
    i = start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 1 and doc[i].lower_ in nouns and doc[i - 1].lower_ in ("his", "her")


def _listed_with_people(doc: Doc, mentions: list[SpanMention], n: int) -> bool:
    """Whether mention ``n`` is one item of a list ("Carter Page, Sam Clovis, J.D. Gordon,
    and Walid Phares") whose other items are all full personal names, two at least."""
    return is_listed_with(
        doc, mentions, n, lambda m: m.label == "Person" and " " in m.text, conjoined=False
    )


_PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her"})


def _says_he(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """ "Name said (on Tuesday) (that) he/his …": the name is the subject of a verb and
    "he", "she", "his" or "her" the first pronoun after it, with no clause but "that"
    opened between (not "Name … not because he believed")."""
    if pronoun_after(doc, start, end, taken) not in _PERSONAL_PRONOUNS:
        return False
    between = []
    for token in doc[end : end + 9]:
        if token.lower_ in _PERSONAL_PRONOUNS:
            break
        between.append(token)
    return (
        bool(between)
        and between[0].pos_ in ("VERB", "AUX", "ADV")
        and any(t.pos_ == "VERB" for t in between)
        and all(t.lower_ == "that" for t in between if t.pos_ == "SCONJ")
    )


def people_by_context(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Organizations and places the text shows to be people.

    - An honorific in front ("Mr Cable" typed ORG): the person "Cable", honorific dropped.
    - A word for what a person does in front ("Treasury spokesman Vince Cable", "striker
      Arjen Robben"), for a name of two or three capitalised words.
    - Two family names joined by "and" ("Royer and Elgindy" typed ORG), each the last
      word of a person's full name in the article: the two people.
    - A title of office written capitalised right before it ("Representative Hakeem
      Jeffries", "President Trump"): the whole entity (``ner_label`` :data:`PERSONAL`).
    - One item of a list whose other items (two at least) are full personal names ("Will
      Smith, Kevin Spacey and Keanu Reeves"), for a name of two or three capitalised words.
    - A name of two or three words whose last word the article also writes alone after an
      honorific or before an age ("Vince Cable" typed ORG, "Mr Cable" or "Cable, 61," later).
    - An apposition headed by a word for a person ("Aleksandr Kruhlow, a 72-year-old deputy",
      "Lincoln, the 16th president,") or a bare title of office and "of"/"at"/"for" ("Maeve
      Sherlock, chief executive of the Refugee Council"), for a name the gazetteer does not know.
    - "he" or "she" as the subject or owner of what the name said or did ("Trump said he
      would", "Trump said on Tuesday his plan"), or a word only a person has right after the
      name ("the Trump administration", "Obama himself"): the whole entity (``ner_label``
      :data:`PERSONAL`).
    """
    gazetteer = ctx.gazetteer
    abbreviations = ctx.words("abbreviations")
    person_words = ctx.words("leading_titles") | ctx.words("person_nouns")
    person_nouns = ctx.words("person_nouns")
    apposition_nouns = ctx.words("apposition_person_nouns")
    apposition_titles = ctx.words("apposition_titles")
    person_heads = ctx.words("person_heads")
    taken = ctx.taken(mentions)

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

    def may_be_person(m: SpanMention) -> bool:
        """Not a known name, not after a preposition ("Royall of Blaisdon, an aide", "the
        Red Cross in Khartoum said he"), not after "Place," ("of Trapper Creek, Alaska, the
        last man")."""
        before = doc[m.start - 1] if m.start > 0 else None
        return (
            len(m.text.split()) <= 3
            and m.text.split()[-1].lower() not in gazetteer.org_suffixes
            and gazetteer.lookup(m.text) is None
            and not gazetteer.is_region(m.text)
            and not gazetteer.is_city(m.text)
            and not (before is not None and (before.pos_ == "ADP" or before.text == ","))
        )

    place_ends = {m.end for m in mentions if m.label == "Place"}

    def after_place(m: SpanMention) -> bool:
        """ "of Trapper Creek, Alaska, the last man": the name follows a place and a comma."""
        return m.start - 1 in place_ends

    def honorific(token: Token) -> bool:  # "Miss World" is a contest
        return is_honorific(token) and token.lower_.rstrip(".") != "miss"

    capital_titles = ctx.words("capital_titles")
    kin_nouns = ctx.words("kin_nouns")
    surnames = {m.text.split()[-1] for m in mentions if m.label == "Person" and " " in m.text}
    fixed: list[SpanMention] = []

    def titled(m: SpanMention) -> bool:
        before = doc[m.start - 1] if m.start > 0 else None
        return (
            before is not None
            and before.is_title
            and before.lower_.rstrip(".") in capital_titles
            and before.i not in taken
        )

    for n, m in enumerate(mentions):
        if m.label == "Person" and " " not in m.text and m.ner_label == "PERSON" and titled(m):
            # "President Trump" typed PERSON here and ORG elsewhere: the whole entity
            fixed.append(SpanMention(m.start, m.end, m.text, m.surface, "Person", PERSONAL))
            continue
        if m.label not in ("Organization", "Place") or m.ner_label in ("CREDIT", "SOURCE"):
            fixed.append(m)
            continue
        if (
            m.end - m.start == 3
            and doc[m.start + 1].lower_ == "and"
            and {doc[m.start].text, doc[m.end - 1].text} <= surnames
        ):  # "Royer and Elgindy used …" typed ORG, with "Jeffrey Royer", "Anthony Elgindy"
            for i in (m.start, m.end - 1):
                fixed.append(SpanMention(i, i + 1, doc[i].text, doc[i].text, "Person", "PERSON"))
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
            (
                before is not None
                and before.lower_ in person_nouns
                and (before.is_lower or before.text in ("MP", "MEP", "MSP"))
                and plain_name(m)
            )
            or (
                may_be_person(m)
                and m.text.split()[-1].lower() not in gazetteer.place_suffixes
                and _person_apposition(doc, m.end, apposition_nouns)
            )
            or (
                (
                    may_be_person(m)
                    or (before is not None and before.text == "," and not after_place(m))
                )
                and len(m.text.split()) <= 3
                and gazetteer.lookup(m.text) is None
                and m.text.split()[-1].lower()
                not in gazetteer.org_suffixes | gazetteer.place_suffixes
                and _title_apposition(doc, m.end, apposition_titles)
            )
        ):
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        elif titled(m) and (
            plain_name(m) or (" " not in m.text and may_be_person(m))
        ):  # "Representative Hakeem Jeffries", "President Trump": every mention is the person
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", PERSONAL)
        elif (plain_name(m) and _listed_with_people(doc, mentions, n)) or (
            m.label == "Place"
            and plain_name(m)
            and may_be_person(m)
            and m.end + 1 < len(doc)
            and doc[m.end].text == ","
            and doc[m.end + 1].lower_ == "who"
        ):  # "firing Leandra English, who had tried to" (typed FAC by NER)
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        elif (
            _kin_before(doc, m.start, kin_nouns)
            and len(m.text.split()) <= 3
            and gazetteer.lookup(m.text) is None
        ) or (
            may_be_person(m)
            and (
                _says_he(doc, m.start, m.end, taken)
                or (m.end < len(doc) and doc[m.end].is_lower and doc[m.end].lower_ in person_heads)
            )
        ):  # "his wife, Melania,", "Trump said he would", "the Trump administration": every
            # mention is the person
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", PERSONAL)
        fixed.append(m)
    alone = {  # "Mr Cable", "Nielsen, 45,": a surname the article gives a person, with an
        # honorific or an age
        normalize_name(m.text)
        for m in fixed
        if m.label == "Person"
        and " " not in m.text
        and ((m.start > 0 and honorific(doc[m.start - 1])) or age_follows(doc, m.end))
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

"""The ``retype`` passes: fix NER classes that the text itself contradicts."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...names import normalize_name
from ..gazetteer import Gazetteer
from .base import UPPER, Context, SpanMention, age_follows, clean_text, is_dateline, is_honorific

__all__ = [
    "in_text_order",
    "people_by_context",
    "people_in_team_sheets",
    "retype_by_text",
    "teams_before_sport_titles",
]


TEAM = "TEAM"
"""``ner_label`` of a place's name written as its sports team: an organization of its own,
never joined to the place of that name."""


def in_text_order(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """The mentions sorted by their first token (the later passes read neighbours)."""
    return sorted(mentions, key=lambda m: m.start)


_SHEET_WORDS = frozenset({"and", "capt", "c", "captain", "rep", "replacements", "subs"})


def _is_team_sheet(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are a list of names only: five commas or semicolons
    at least, and no word but capitalised ones and "capt" ("Walder; May, Tait, Mayerhofler,
    Stephenson; …", "Replacements: Peel, Wilson, Thompson, …")."""
    separators = 0
    for token in doc[start:end]:
        if token.text in (",", ";"):
            separators += 1
        elif token.is_alpha and not token.text[:1].isupper() and token.lower_ not in _SHEET_WORDS:
            return False
        elif not token.is_alpha and not token.is_punct and not token.is_space:
            return False  # a number or a symbol: a table of results, not a team
    return separators >= 5


def _in_sheet(token: Token) -> bool:
    """A token a team sheet may hold between two names: a separator, a capitalised word (a
    name NER missed), "capt"."""
    return (
        token.text in (",", ";", "(", ")")
        or token.lower_ in _SHEET_WORDS
        or (token.is_alpha and token.text[:1].isupper())
    )


def _team_sheets(doc: Doc, mentions: list[SpanMention]) -> list[tuple[int, int]]:
    """The token bounds of every team sheet's line: found from runs of mentions with only
    separators and capitalised words between them (no pass over every token of the
    ``Doc``), then checked over the whole line."""
    sheets: list[tuple[int, int]] = []
    i = 0
    while i < len(mentions):
        j, separators = i, 0
        while j + 1 < len(mentions):
            gap = doc[mentions[j].end : mentions[j + 1].start]
            if len(gap) > 20 or not all(_in_sheet(t) for t in gap):
                break
            separators += sum(t.text in (",", ";") for t in gap)
            j += 1
        if separators:
            start, end = mentions[i].start, mentions[j].end
            while start > 0 and not doc[start - 1].is_space and mentions[i].start - start < 40:
                start -= 1
            while end < len(doc) and not doc[end].is_space and end - mentions[j].end < 40:
                end += 1
            if _is_team_sheet(doc, start, end):
                sheets.append((start, end))
        i = j + 1
    return sheets


def people_in_team_sheets(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """The names of a team sheet ("Goodridge; Garvey, Simpson-Daniel, Fanolua, Kiole; Paul,
    Gomarsall; …", a line of its own) are people, whatever class NER gave them; a name the
    gazetteer knows, a city or a region (the team before its colon) keeps its class. A name in
    brackets after a player's ("J White (Leicester)", "M Tait (Newcastle)") is the club: an
    organization, a place's name made its team (:data:`TEAM`)."""
    gazetteer = ctx.gazetteer
    sheets = _team_sheets(doc, mentions)
    if not sheets:
        return list(mentions)
    fixed: list[SpanMention] = []
    for m in mentions:
        inside = any(start <= m.start and m.end <= end for start, end in sheets)
        if (
            inside
            and m.label in ("Organization", "Place")
            and m.start
            and doc[m.start - 1].text == "("
        ):
            if m.label == "Place":
                m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", TEAM)
        elif (
            m.label in ("Organization", "Place")
            and inside
            and len(m.text.split()) <= 3
            and gazetteer.lookup(m.text) is None
            and not gazetteer.is_city(m.text)
            and not gazetteer.is_region(m.text)
            and not (m.end < len(doc) and doc[m.end].text == ":")
        ):
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        fixed.append(m)
    return fixed


def _place_noun_follows(doc: Doc, end: int, place_nouns: frozenset[str]) -> bool:
    """Whether "a/the capital (of)", "the town" follows: the name before is a place."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in ("the", "a")
        and doc[end + 2].lower_ in place_nouns
        and (end + 3 >= len(doc) or doc[end + 3].lower_ in ("of", "in", ",", "."))
    )


def _full_personal_name(words: list[str], gazetteer: Gazetteer) -> bool:
    """A given name, then one or two capitalised words: "Michael Cockerell" (after
    "documentary maker", which would otherwise make it a company)."""
    return (
        1 < len(words) <= 3
        and words[0] in gazetteer.first_names
        and all(w[:1].isupper() for w in words)
        and words[-1].lower() not in gazetteer.org_suffixes
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
            and not (label == "Person" and _full_personal_name(words, gazetteer))
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
            and (label == "Organization" or not _known_place(m.text, gazetteer))
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
            and _listed_with(doc, mentions, n, lambda o: o.label == "Place")
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
            and not (label == "Person" and _full_personal_name(words, gazetteer))
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


def _apposition_head(
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


def _person_apposition(doc: Doc, end: int, nouns: frozenset[str]) -> bool:
    """ "Name, a 72-year-old deputy from …", "Name, the 16th president,": an apposition
    whose head is a word for a person."""
    return _apposition_head(
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


_LIST_GLUE = frozenset({",", "and", "or"})


def _listed_with_people(doc: Doc, mentions: list[SpanMention], n: int) -> bool:
    """Whether mention ``n`` is one item of a list ("Carter Page, Sam Clovis, J.D. Gordon,
    and Walid Phares") whose other items are all full personal names, two at least."""
    return _listed_with(
        doc, mentions, n, lambda m: m.label == "Person" and " " in m.text, conjoined=False
    )


def _listed_with(
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


_POSSESSIVES = frozenset({"its", "his", "her", "their", "he", "she", "they", "it", "him", "them"})
# What may stand between a company and its "its": "Ralph Lauren said on Tuesday that its".
_BETWEEN_POS = frozenset({"VERB", "AUX", "ADV", "SCONJ", "PART", "ADP", "PUNCT", "DET", "NUM"})
PERSONAL = "PERSONAL"
"""``ner_label`` of a mention the text shows to be a person whatever NER said: its whole
entity is a person ("Trump said he would …" with "Trump" typed ORG everywhere)."""
_PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her"})
LISTED_PLACE = "LISTED_PLACE"
"""``ner_label`` of a one-word name NER typed a person or an organization, written as one
item of a list of places ("visits Manchester, Liverpool, Dorset and Torbay"): its whole
entity is a place."""
COMPANY = "COMPANY"
"""``ner_label`` of a mention the text shows to be an organization whatever NER said: its
whole entity is an organization ("Ralph Lauren said its sales…", "said on Twitter")."""


def _owns_company_nouns(doc: Doc, end: int, nouns: frozenset[str]) -> bool:
    """ "Name 's [adjectives] sales", "Name' former key oil production unit": a possessive,
    then something only a company has (the head of the noun phrase, after up to four
    adjectives and nouns that modify it)."""
    if end >= len(doc) or doc[end].text not in ("'s", "’s", "'", "’"):
        return False
    i = end + 1
    while (
        i + 1 < len(doc)
        and i < end + 5
        and (doc[i].pos_ == "ADJ" or (doc[i].pos_ == "NOUN" and doc[i + 1].pos_ == "NOUN"))
        and doc[i].is_lower
        and doc[i].lower_ not in nouns
        and f"{doc[i].lower_} {doc[i + 1].lower_}" not in nouns  # "share price"
    ):
        i += 1
    if i >= len(doc):
        return False
    two = f"{doc[i].lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
    return doc[i].lower_ in nouns or two in nouns


def _its_follows(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """ "Name said (on Tuesday) that its …": the first pronoun after the name, in its
    sentence and with only verbs and function words between, is "its"."""
    return _pronoun_after(doc, start, end, taken) == "its"


def _says_he(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """ "Name said (on Tuesday) (that) he/his …": the name is the subject of a verb and
    "he", "she", "his" or "her" the first pronoun after it, with no clause but "that"
    opened between (not "Name … not because he believed")."""
    if _pronoun_after(doc, start, end, taken) not in _PERSONAL_PRONOUNS:
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


def _which_clause(doc: Doc, start: int, end: int) -> bool:
    """ "Euronext, which combines the Paris, Amsterdam and Lisbon exchanges, also began
    talks": the name, the subject of its clause, has a relative clause with "which" (a
    person's takes "who"; "He met X, which surprised many" is about the meeting)."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "which":
        return False
    verb = doc[end + 1].head
    return (
        verb.dep_ == "relcl"
        and start <= verb.head.i < end
        and doc[end - 1].dep_ in ("nsubj", "nsubjpass")
    )


def _pronoun_after(doc: Doc, start: int, end: int, taken: set[int]) -> str:
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


def _org_apposition(doc: Doc, end: int, org_nouns: frozenset[str]) -> bool:
    """ "Name, an airline owned by …", "Name, a Moscow consultancy,", "Name, the London
    exchange,", "Name, the world's largest reinsurance company,": an apposition whose head
    is a word for an organization. After "the", the apposition ends at the head (not
    "chief executive Sidney Taurel, the company says")."""
    definite = end + 1 < len(doc) and doc[end + 1].lower_ == "the"
    return _apposition_head(
        doc,
        end,
        ("a", "an", "the"),
        8,
        lambda t: (
            t.lemma_ in org_nouns
            and (not definite or t.i + 1 == len(doc) or doc[t.i + 1].text in (",", ".", ";", ")"))
        ),
        # "the world's largest reinsurance company": a possessive inside the apposition
        lambda t: (
            (t.pos_ in ("ADJ", "PROPN", "NOUN", "PUNCT") or t.tag_ == "POS") and t.text != ","
        ),
    )


def _based_before(doc: Doc, start: int, end: int) -> bool:
    """ "the London-based Name", "Paris-based Name": a place-based modifier right before,
    the name not a modifier itself ("the Windows-based Creative Zen media player")."""
    return (
        start > 2
        and doc[start - 1].lower_ == "based"
        and doc[start - 2].text == "-"
        and not (end < len(doc) and doc[end].is_lower and doc[end].pos_ in ("NOUN", "ADJ"))
    )


def _owned_after(doc: Doc, start: int, ctx: Context) -> bool:
    """ "a stake in Name", "the owner of Name", "the takeover of Name": what only a company
    is, right before the name (``stake_nouns``, ``owner_nouns``)."""
    if start < 2:
        return False
    before, noun = doc[start - 1].lower_, doc[start - 2].lower_
    return (before == "in" and noun in ctx.words("stake_nouns")) or (
        before == "of" and noun in ctx.words("owner_nouns")
    )


def _named_after_organization(
    words: list[str], organizations: set[str], gazetteer: Gazetteer, person_words: frozenset[str]
) -> bool:
    """Whether a "person" of two or more words starts with an organization's name and no
    given name or title follows it ("Yahoo Messenger"; not "Labour MP Ann Ruiz")."""
    if len(words) < 2 or words[0] in gazetteer.first_names:
        return False
    for n in range(1, len(words)):
        head, rest = " ".join(words[:n]), words[n:]
        hit = gazetteer.lookup(head)
        if normalize_name(head) in organizations or (hit is not None and hit[1] == "Organization"):
            return not any(w in gazetteer.first_names or w.lower() in person_words for w in rest)
    return False


def _place_is_company(
    doc: Doc,
    m: SpanMention,
    ctx: Context,
    org_appositions: frozenset[str],
    *,
    people: set[int],
    companies: set[str],
) -> bool:
    """Whether a "place" the gazetteer does not know as one is a company: "the London-based
    Liffe", "a stake in Liffe", "Liffe, the London exchange,", "Liffe's shareholders" (only
    what a country never owns: "China's sales" is a country's), "Jupiter analyst Olivier
    Beauvillain" (a title of a firm's people, then a person: ``people`` holds where persons
    start), or one word that starts a company's name of the article ("Bloomberg" with
    "Bloomberg News"; ``companies``)."""
    gazetteer = ctx.gazetteer
    if (
        gazetteer.lookup(m.text) is not None
        or gazetteer.is_city(m.text)
        or gazetteer.is_region(m.text)
        or gazetteer.demonym(m.text) is not None
    ):
        return False
    # Sport titles ("Chelsea boss X") make the place its team instead (teams_before_sport_titles).
    title_end = _sport_title_after(
        doc,
        m.end,
        ctx.words("org_titles") - ctx.words("sport_titles"),
        ctx.words("org_title_prefixes"),
    )
    return (
        _based_before(doc, m.start, m.end)
        or _owned_after(doc, m.start, ctx)
        or _org_apposition(doc, m.end, org_appositions)
        or _owns_company_nouns(doc, m.end, ctx.words("place_company_nouns"))
        or (title_end > 0 and title_end in people)
        or (" " not in m.text and normalize_name(m.text) in companies)
    )


def _known_place(text: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer, the cities or the regions know a name as a place."""
    hit = gazetteer.lookup(text)
    return (
        (hit is not None and hit[1] == "Place")
        or gazetteer.is_city(text)
        or gazetteer.is_region(text)
    )


def _company_first_words(mentions: list[SpanMention], ctx: Context) -> set[str]:
    """The first word of each organization's name of two words whose second word is no word
    of a place's institution ("Bloomberg News", "Jupiter Research"; not "Gwent Police",
    "Leeds United", "Kent County Council")."""
    institutions = ctx.words("place_institution_words")
    first: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if (
            m.label == "Organization"
            and len(words) == 2
            and words[1][:1].isupper()
            and words[1].lower() not in institutions
        ):
            first.add(normalize_name(words[0]))
    return first


def organizations_by_context(
    doc: Doc, mentions: list[SpanMention], ctx: Context
) -> list[SpanMention]:
    """People the text shows to be companies, platforms or outlets (``ner_label``
    :data:`COMPANY`, which makes the whole entity an organization).

    - A company named after a person: "Ralph Lauren said its sales rose", "Ralph
      Lauren's profits" (a possessive, then what only a company has), "Yukos boss X" (a
      company's noun as the head of a compound), "Air Shamrock, an airline owned by"
      (an apposition headed by a word for an organization, after "a", "an" or "the"), "the
      London-based X", "a stake in X", "the owner of X", "X and its", "X, which combines …"
      (a relative clause with "which" on the subject; for a name that is no given name and
      surname, with no title before it).
    - A "place" the gazetteer does not know as one, with the same evidence or "X's
      shareholders" ("the London-based Liffe", "Liffe, the London exchange,"), a firm's
      title and a person after it ("Jupiter analyst Olivier Beauvillain"), or one word that
      starts a company's name of the article ("Bloomberg" with "Bloomberg News").
    - A "place" the gazetteer does not know, as one item of a list of organizations (two at
      least): "the GMB and Unison, the TGWU and Amicus" (not a "person": NER's organizations
      in a list of people are as often wrong, "Buddy Holly, Richardson and Valens").
    - A platform: "said on Twitter", "wrote on Gab" (a posting verb, "on"), "a Twitter
      post", "Twitter users" (a platform noun after the name).
    - A product, unit or service named after its organization: "Yahoo Messenger", "BBC
      Sport" (the first words are an organization of the article or the gazetteer, and no
      given name or title follows them).
    """
    gazetteer = ctx.gazetteer
    platform, posting = ctx.words("platform_nouns"), ctx.words("posting_verbs")
    company, heads = ctx.words("company_nouns"), ctx.words("company_heads")
    person_words = ctx.words("leading_titles") | ctx.words("person_nouns")
    taken = ctx.taken(mentions)
    organizations = {normalize_name(m.text) for m in mentions if m.label == "Organization"}
    org_appositions = ctx.words("apposition_org_nouns")
    people = {m.start for m in mentions if m.label == "Person"}
    companies = _company_first_words(mentions, ctx)
    fixed: list[SpanMention] = []
    for n, m in enumerate(mentions):
        if m.label == "Place" and _place_is_company(
            doc, m, ctx, org_appositions, people=people, companies=companies
        ):
            m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", COMPANY)
        elif (
            m.label == "Place"
            and not _known_place(m.text, gazetteer)
            and _listed_with(doc, mentions, n, lambda o: o.label == "Organization")
        ):  # "the GMB and Unison, the TGWU and Amicus": one item of a list of organizations
            m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", m.ner_label)
        if m.label != "Person" or m.ner_label in ("CREDIT", "HONORIFIC"):
            fixed.append(m)
            continue
        if _named_after_organization(m.text.split(), organizations, gazetteer, person_words):
            fixed.append(SpanMention(m.start, m.end, m.text, m.surface, "Organization", COMPANY))
            continue
        before = doc[m.start - 1] if m.start > 0 else None
        after = doc[m.end] if m.end < len(doc) else None
        titled = before is not None and (
            is_honorific(before) or before.lower_ in person_words or before.text in ("Mr", "Ms")
        )
        evidence = (
            (after is not None and after.is_lower and after.lower_ in platform)
            or (
                m.start > 1
                and doc[m.start - 1].lower_ in ("on", "via")
                and doc[m.start - 2].lemma_ in posting
                and len(m.text.split()) == 1
                and not (after is not None and after.tag_ == "POS")  # "said on George's case"
            )
            or (not titled and _owns_company_nouns(doc, m.end, company))
            or (  # "Yukos boss", "Disney shares"
                not titled
                and after is not None
                and after.is_lower
                and after.pos_ == "NOUN"
                and after.lower_ in heads
            )
            or (not titled and _org_apposition(doc, m.end, org_appositions))
            or (  # "Yukos and its subsidiaries", not "boss Ann Ruiz and its chairman"
                not titled
                and not _full_personal_name(m.text.split(), gazetteer)
                and m.end + 1 < len(doc)
                and doc[m.end].lower_ == "and"
                and doc[m.end + 1].lower_ == "its"
            )
            or (
                not titled
                and (_based_before(doc, m.start, m.end) or _owned_after(doc, m.start, ctx))
                and not _full_personal_name(m.text.split(), gazetteer)
            )
            or (
                not titled
                and after is not None
                and after.text != ","
                and _its_follows(doc, m.start, m.end, taken)
            )
            or (not titled and _which_clause(doc, m.start, m.end))
        )
        if evidence and gazetteer.lookup(m.text) is None:
            m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", COMPANY)
        fixed.append(m)
    return fixed


def _sport_title_after(doc: Doc, end: int, titles: frozenset[str], prefixes: frozenset[str]) -> int:
    """Where a sport title that starts at ``end`` (after "'s" and words such as "assistant")
    ends; 0 when none does."""
    if end < len(doc) and doc[end].tag_ == "POS":
        end += 1
    while end < len(doc) and doc[end].lower_ in prefixes and doc[end].is_lower:
        end += 1
    for k in (3, 2, 1):
        words = doc[end : end + k]
        if (
            end + k <= len(doc)
            and words.text.lower() in titles
            and all(t.is_lower for t in words if t.is_alpha)
        ):
            return end + k
    return 0


def teams_before_sport_titles(
    doc: Doc, mentions: list[SpanMention], ctx: Context
) -> list[SpanMention]:
    """A place written before a sport title and a person's name is its club or national team
    (``ner_label`` :data:`TEAM`): "Leicester flanker Lewis Moody", "Wales coach Mike Ruddock",
    "England's captain, Michael Vaughan" (``sport_titles``). Other mentions of the name stay
    places; titles of a place's office ("London mayor X") are not sport titles. So is one word
    NER typed a person right before the title ("Bath prop Matt Stevens"), unless it is a given
    name or the family name of a person of the article ("Robinson's captain X": no "'s").
    A place right after a sport title and "of"/"at" is a team too ("manager at Manchester
    City", "the captain of England")."""
    titles, prefixes = ctx.words("sport_titles"), ctx.words("org_title_prefixes")
    people = {m.start: m for m in mentions if m.label == "Person"}
    surnames = {m.text.split()[-1] for m in mentions if m.label == "Person" and " " in m.text}
    ends = {m.end for m in mentions}
    fixed: list[SpanMention] = []
    for m in mentions:
        place = m.label == "Place" and not is_dateline(doc, m.start, m.end, ctx.gazetteer)
        one_word = (
            m.label == "Person"
            and m.ner_label == "PERSON"
            and m.end - m.start == 1
            and m.text not in ctx.gazetteer.first_names
            and m.text not in surnames
            and m.end < len(doc)
            and doc[m.end].tag_ != "POS"
        )
        if (place or one_word) and m.start not in ends:  # not "Microsoft UK boss X"
            end = _sport_title_after(doc, m.end, titles, prefixes)
            if end and end < len(doc) and doc[end].text == ",":
                end += 1
            if (end and end in people) or (place and _sport_title_before(doc, m.start, titles)):
                m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", TEAM)
        fixed.append(m)
    return _teams_again(doc, fixed, people, ctx)


def _sport_title_before(doc: Doc, start: int, titles: frozenset[str]) -> bool:
    """ "as manager at Manchester City", "the captain of England": a sport title in lower case,
    then "of" or "at", right before the name ("player" left out: "the best player at
    Wimbledon" names a tournament's place)."""
    if start < 2 or doc[start - 1].lower_ not in ("of", "at"):
        return False
    for k in (2, 1):
        words = doc[max(0, start - 1 - k) : start - 1]
        if (
            len(words) == k
            and words.text.lower() in titles
            and words.text.lower() != "player"
            and all(t.is_lower for t in words if t.is_alpha)
        ):
            return True
    return False


def _team_position(doc: Doc, m: SpanMention, people: dict[int, SpanMention], ctx: Context) -> bool:
    """Whether a name stands where a team does: "'s" before a person ("Leicester's Harry
    Ellis"), before a noun of a team ("the England squad", "Wales international X";
    ``team_nouns``) or after a verb of joining a club ("joined Leicester", "signed for
    Chelsea"; ``team_verbs``)."""
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.tag_ == "POS" and m.end + 1 in people:
        return True
    if after is not None and after.is_lower and after.lower_ in ctx.words("team_nouns"):
        return True
    verbs = ctx.words("team_verbs")
    return any(m.start >= k and doc[m.start - k : m.start].text.lower() in verbs for k in (1, 2))


def _teams_again(
    doc: Doc, mentions: list[SpanMention], people: dict[int, SpanMention], ctx: Context
) -> list[SpanMention]:
    """A name the article writes once as a team (a sport title after it) is the team too where
    it stands in a team's position again (:func:`_team_position`), and everywhere when it is no
    place the gazetteer knows and has two words or more ("Manchester City"); an article with
    no team keeps every place."""
    teams = {m.text for m in mentions if m.label == "Organization" and m.ner_label == TEAM}
    if not teams:
        return mentions
    gazetteer = ctx.gazetteer

    def known_place(text: str) -> bool:  # "Wales", "Leeds": a place too, elsewhere
        hit = gazetteer.lookup(text)
        return (
            (hit is not None and hit[1] == "Place")
            or gazetteer.is_city(text)
            or gazetteer.is_region(text)
            or " " not in text
        )

    return [
        SpanMention(m.start, m.end, m.text, m.surface, "Organization", TEAM)
        if m.label == "Place"
        and m.text in teams
        and (_team_position(doc, m, people, ctx) or not known_place(m.text))
        else m
        for m in mentions
    ]


def drop_products_and_laws(
    doc: Doc, mentions: list[SpanMention], ctx: Context
) -> list[SpanMention]:
    """Drop names the text shows to be products, laws, treaties, programs, events or
    awards: no node at all.

    - A law: a name ending in "Act", "Bill", "Treaty", "Agreement"… ("Affordable Care Act").
    - A program, event or award: a name ending in "Program", "Cup", "Awards", "Prize",
      "Lecture"… ("Children's Health Insurance Program", "Grammy Award", "Davis Cup").
    - A creative work: "Bizet's opera Carmen -", "his new book, Lawless World," (a noun for
      a work right before the name, and no verb of the name's own after it: not "the show
      Simon Cowell judges").
    - A product: "the new iPod", "its latest PlayStation", "launched the Xbox" (a
      determiner or possessive, an adjective of novelty or a launching verb, then the name as
      the head of its phrase). Every mention of the name in the article goes.
    """
    gazetteer = ctx.gazetteer
    laws = ctx.words("law_words") | ctx.words("event_words")
    verbs = ctx.words("product_verbs")
    novel = ctx.words("product_adjectives")
    works = ctx.words("work_nouns")
    determiners = ("the", "a", "an", "its", "their", "his", "her", "our")

    def product(m: SpanMention) -> bool:
        if m.label == "Place" or m.start < 2 or gazetteer.lookup(m.text) is not None:
            return False
        if m.end < len(doc) and (doc[m.end].pos_ in ("NOUN", "PROPN") or doc[m.end].tag_ == "POS"):
            return False  # "the new Trump administration": the name is no head
        a, b = doc[m.start - 2], doc[m.start - 1]
        if b.lower_ in novel and a.lower_ in determiners:
            return True  # "the new iPod"
        # "launched the Xbox"
        return b.lower_ in determiners and a.lemma_ in verbs and a.pos_ == "VERB"

    def work(m: SpanMention) -> bool:
        """ "Bizet's opera Carmen -", "his new book, Lawless World,", "the game Grand Theft
        Auto:": a noun for a creative work, then the name, then no clause of its own."""
        before = m.start - 1
        if before > 0 and doc[before].text == ",":
            before -= 1
        if before < 0 or m.start == 0 or gazetteer.lookup(m.text) is not None:
            return False
        after = doc[m.end] if m.end < len(doc) else None
        return (
            doc[before].is_lower
            and doc[before].lower_ in works
            and (after is None or after.is_punct or after.pos_ in ("ADP", "CCONJ"))
            and not _full_personal_name(m.text.split(), gazetteer)
        )

    gone = {
        normalize_name(m.text)
        for m in mentions
        if m.label != "Demonym"
        and (
            (len(m.text.split()) > 1 and m.text.split()[-1].lower() in laws)
            or product(m)
            or work(m)
        )
    }
    return [m for m in mentions if m.label == "Demonym" or normalize_name(m.text) not in gone]

"""Checks of the text around a match: where its object stands, and what the words near
its title make of it.

Each check is a predicate over a :class:`~kg.extract.relations.reading.Reading`; the
relation builder (:mod:`kg.extract.relations.builder`) refuses a match, or changes its
predicate, by them.
"""

from __future__ import annotations

from ...names import normalize_name
from ...records import Entity
from ..annotate import TitlePhrase
from ..mentions.retype import TEAM
from .reading import Argument, Reading, names_a_chamber

__all__ = [
    "body_beside",
    "conjoined_before",
    "describes_a_noun",
    "heads_a_body",
    "heads_a_part",
    "in_a_list",
    "is_adjective",
    "is_chamber",
    "is_plural",
    "is_team",
    "lists_on",
    "modifies_a_noun",
    "named_before",
    "names_a_committee",
    "names_a_titled_person",
    "object_after",
    "object_follows",
    "object_of_a_verb",
    "party_adjective",
    "place_before_a_noun",
    "plural_for_one",
    "renames_the_noun",
    "starts_a_clause",
    "starts_a_list",
    "takes_a_stance",
    "title_belongs_to_next_name",
    "word_before",
]


def is_adjective(reading: Reading, arg: Argument) -> bool:
    """Whether an entity is written as its adjective ("Democratic" for the Democratic Party)."""
    found = reading.gazetteer.demonym(arg.text)
    return found is not None and normalize_name(found[0]) != normalize_name(arg.text)


def party_adjective(reading: Reading, arg: Argument) -> bool:
    """Whether an entity is a political party written as its adjective ("Republican")."""
    entity = reading.res.entities[arg.entity]
    return (
        entity.label == "Organization"
        and reading.gazetteer.is_party(entity.name)
        and is_adjective(reading, arg)
    )


def body_beside(reading: Reading, arg: Argument, title_start: int) -> bool:
    """Whether an organization that is no party is written right before ``arg`` or
    between it and its title ("Senate Democratic leader", "Republican Senate leader"), the
    name of a chamber NER left untagged right before it ("House Democratic leader"), or a
    possessive: the title is held in the possessor's body ("the panel's Republican chairman",
    "the committee's Democratic leader")."""
    before = reading.doc[arg.start - 1] if arg.start > 0 else None
    if before is not None and (before.text in reading.words("chambers") or before.tag_ == "POS"):
        return True
    for i in (arg.start - 1, *range(arg.end, title_start)):
        index = reading.entity_at(i) if i >= 0 else None
        if index is None or index == arg.entity:
            continue
        entity = reading.res.entities[index]
        if (
            entity.label == "Organization"
            and not reading.gazetteer.is_party(entity.name)
            # "Liberal Democrat leader": NER's "Liberal" is the party's own first word
            and not (
                i == arg.start - 1 and reading.gazetteer.demonym(reading.doc[i : arg.end].text)
            )
        ):
            return True
    return False


def describes_a_noun(reading: Reading, obj: Argument, title_start: int) -> bool:
    """Whether a common noun stands between an object in front and its title."""
    return obj.end <= title_start and any(
        t.pos_ == "NOUN" and t.is_lower and t.lower_ not in reading.ruleset.modifiers
        for t in reading.doc[obj.end : title_start]
    )


def modifies_a_noun(reading: Reading, arg: Argument) -> bool:
    """Whether an entity only modifies the common noun after it ("London rock station");
    a noun for an organization names it ("of the smaller Acme company"), also at the end
    of a compound ("an economist with the Acme research group"). An entity in a
    hyphenated modifier describes what follows ("of the Hong Kong-based Acme"), and a place
    right before a capitalised word NER did not make a person is the first word of a longer
    name ("governor of the U.S. Virgin Islands", "head of France Telecom")."""
    doc = reading.doc
    nxt = doc[arg.end]
    if (
        reading.ann.ent[arg.start] == "PLACE"
        and nxt.is_title
        and nxt.pos_ == "PROPN"
        and reading.ann.ent[nxt.i] != "PERSON"
    ):
        return True  # "governor of the U.S. Virgin Islands": the place names part of a name
    if (
        nxt.text in ("-", "–")
        and arg.end + 1 < len(doc)
        and doc[arg.end + 1].is_lower
        and doc[arg.end + 1].is_alpha
    ):
        return True
    if not (nxt.is_lower and nxt.pos_ == "NOUN" and arg.end not in reading.ann.titles):
        return False
    if reading.ann.ent[arg.start] != "ORG":
        return True
    last = arg.end  # the head of the compound: its last common noun
    while last + 1 < len(doc) and doc[last + 1].is_lower and doc[last + 1].pos_ == "NOUN":
        last += 1
    names_another = last + 1 < len(doc) and bool(reading.ann.ent[last + 1])  # "station Xfm"
    return names_another or doc[last].lower_ not in reading.gazetteer.org_nouns


def place_before_a_noun(reading: Reading, arg: Argument) -> bool:
    """Whether a place only modifies the common noun or adjective after it ("toward
    Islamabad, U.S. officials"); a noun of its kind is part of it ("Perugia in Umbria
    province", ``place_kinds`` of ``schemas/relation_words.toml``)."""
    nxt = reading.doc[arg.end]
    return (
        nxt.is_lower
        and nxt.is_alpha  # not "Serbia 's southern province of Kosovo"
        and nxt.pos_ in ("NOUN", "ADJ")
        and nxt.lower_ not in reading.words("place_kinds")
    )


def starts_a_list(reading: Reading, arg: Argument) -> bool:
    """Whether a place starts a list that "and" or "or" closes ("in New York, Washington and
    Chicago", "in London or Paris"; not "Toledo, Ohio", a town and its state)."""
    doc, ent = reading.doc, reading.ann.ent
    i = arg.end
    while i + 1 < len(doc) and doc[i].text == "," and ent[i + 1] == "PLACE":
        i += 1
        while i < len(doc) and ent[i] == "PLACE":
            i += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i + 1 < len(doc) and doc[i].lower_ in ("and", "or") and ent[i + 1] == "PLACE"


def object_of_a_verb(reading: Reading, arg: Argument) -> bool:
    """Whether an organization is the object of a preposition that hangs on a verb ("exploited
    by the Springboks", "speaking at Queen's Club"): a place after it tells where that
    happened, not where the organization is based (unlike "an economist with Eaton Vance
    in Boston", "a spokesman for the Red Cross in Geneva", where the preposition hangs on a
    noun)."""
    doc = reading.doc
    head = doc[arg.end - 1]
    while head.dep_ in ("compound", "flat") and arg.start <= head.head.i < arg.end:
        head = head.head
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.dep_ in ("prep", "agent")
        and prep.head.pos_ in ("VERB", "AUX")
        and doc.has_annotation("DEP")
    )


def in_a_list(reading: Reading, arg: Argument) -> bool:
    """Whether a place is followed by another ("Leeds, Bradford and Hull"): a list, not a
    location; a town followed by its state ("Aiken, S.C.") is no list."""
    doc, i = reading.doc, arg.end
    ent = reading.ann.ent
    if i < len(doc) and doc[i].text == ",":
        i += 1
    conjoined = i < len(doc) and doc[i].lower_ in ("and", "or")
    if conjoined:
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":  # "China and the United States"
            i += 1
    if not (i > arg.end and i < len(doc) and ent[i] == "PLACE"):
        return False
    if conjoined or not (
        reading.ann.geo[arg.start] == "other" and reading.ann.geo[i] in ("country", "region")
    ):
        return True
    # "in Aiken, S.C.": a town, then its state or country, is no list, unless more
    # places follow ("London, Paris and Rome")
    while i < len(doc) and ent[i] == "PLACE":
        i += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("and", "or"):
        i += 1
    return i < len(doc) and ent[i] == "PLACE"


def object_follows(reading: Reading, end: int) -> bool:
    """Whether "of/at/for (the) Organization" follows a title ending before ``end``."""
    doc = reading.doc
    ent = reading.ann.ent
    if end >= len(doc) or doc[end].lower_ not in ("of", "at", "for"):
        return False
    i = end + 1
    while i < len(doc) and (
        doc[i].lower_ in ("the", "and")
        or ent[i] == "NORP"
        or (doc[i].pos_ in ("ADJ", "NOUN") and not ent[i])
        or (doc[i].tag_ in ("VBN", "VBG") and doc[i].is_lower)  # "of the banned VHP"
    ):
        i += 1
    return i < len(doc) and ent[i] in ("ORG", "PLACE")


def object_after(reading: Reading, end: int) -> list[int]:
    """The organization tokens of "of/at/for/with (the) Organization" right after ``end``."""
    doc = reading.doc
    ent = reading.ann.ent
    if end >= len(doc) or doc[end].lower_ not in ("of", "at", "for", "with"):
        return []
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    obj = []
    while i < len(doc) and ent[i] == "ORG":
        obj.append(i)
        i += 1
    return obj


def heads_a_part(reading: Reading, start: int, end: int, obj: Argument) -> bool:
    """Whether a leading title heads only a part of the organization."""
    doc = reading.doc
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and before.pos_ in ("NOUN", "PROPN")  # the parser takes "tax committee" for a name
        and before.is_lower
        and (before.dep_ in ("compound", "nmod", "amod") or not doc.has_annotation("DEP"))
        and not reading.ann.ent[start - 1]
        and before.lower_ not in reading.ruleset.modifiers
        and before.lower_ not in reading.words("whole_org_nouns")
    ):
        return True  # "research director", "performance director"
    if (
        before is not None
        and before.pos_ == "ADJ"
        and before.is_lower
        and before.lower_.endswith(tuple(reading.words("field_adjective_endings")))
        and before.lower_ not in reading.words("whole_org_adjectives")
        and before.lower_ not in reading.ruleset.modifiers
        and doc[end - 1].lower_ not in reading.words("whole_person_titles")
    ):
        return True  # "legislative director", "medical director": a field, not the whole
    if (
        end < len(doc)
        and doc[end].lower_ in ("of", "for")
        and not object_follows(reading, end)
        and not renames_the_noun(reading, end, obj)
    ):
        return True  # "head of consumer services"
    # "general manager of TI's Voip business"
    return (
        obj.start >= end
        and obj.end + 1 < len(doc)
        and doc[obj.end].tag_ == "POS"
        and doc[obj.end + 1].is_lower
    )


def renames_the_noun(reading: Reading, start: int, obj: Argument) -> bool:
    """Whether the object after an of-phrase names its noun, a kind of organization, in
    apposition: "chairman of the strongest opposition party, the Croatian Social Liberal
    Party" heads the whole party ("director of research, the Acme Institute" does not)."""
    doc = reading.doc
    comma = (
        obj.start - 2 if obj.start >= 2 and doc[obj.start - 1].lower_ == "the" else obj.start - 1
    )
    return (
        comma > start + 1
        and doc[comma].text == ","
        and doc[comma - 1].is_lower
        and (
            doc[comma - 1].lower_ in reading.gazetteer.org_nouns
            or doc[comma - 1].lower_ in reading.words("whole_org_nouns")
        )
    )


def heads_a_body(reading: Reading, title: TitlePhrase, obj: Argument) -> bool:
    """Whether a head title heads a committee of the organization, not the organization:
    "Senate tax committee chief X", "chairman of the Commons public accounts committee";
    or a party's group in it: "the SNP's Holyrood leader X", "Labour's Commons leader X"
    (a party, "'s", the body, a party post)."""
    doc = reading.doc
    if (
        obj.end <= title.start
        and obj.start > 1
        and doc[obj.start - 1].lower_ in ("'s", "’s", "'")
        and reading.res.entities[obj.entity].label == "Organization"
        and any(e.phrase in reading.words("party_posts") for e in title.entries)
    ):
        party = reading.entity_at(obj.start - 2)
        if party is not None and reading.gazetteer.is_party(reading.res.entities[party].name):
            return True
    if obj.end <= title.start:
        between = doc[obj.end : title.start]
    else:
        i = obj.end
        while i < len(doc) and (
            (doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN", "PROPN"))
            or reading.ann.ent[i] == "NORP"  # "of the House Democratic caucus"
        ):
            i += 1
        between = doc[obj.end : i]
    body_nouns = reading.words("body_nouns")
    return any(t.lower_ in body_nouns for t in between) or names_a_committee(reading, obj, title)


def names_a_committee(reading: Reading, obj: Argument, title: TitlePhrase) -> bool:
    """Whether capitalised words NER left untagged stand between a chamber and its head
    title: the name of one of its committees ("House Judiciary Chairman X", "Senate Ways
    and Means chairman X")."""
    doc = reading.doc
    between = doc[obj.end : title.start]
    if not between or obj.end > title.start:
        return False
    if not is_chamber(reading, reading.res.entities[obj.entity]):
        return False
    return all(
        (t.is_title and t.pos_ == "PROPN" and not reading.ann.ent[t.i])
        or (t.lower_ in ("and", "&") and 0 < k < len(between) - 1)
        for k, t in enumerate(between)
    )


def lists_on(reading: Reading, title: TitlePhrase, subject: Argument) -> bool:
    """Whether a plural title after one name is the next item of a list, not its
    apposition: "Kofi Annan, World Bank officials and ministers" (but "A and B,
    analysts at Z" and "X, one of the analysts at Z" are appositions)."""
    doc = reading.doc
    if not (is_plural(reading, title) and doc[title.last].lower_.endswith("s")):
        return False
    if subject.start > 0 and doc[subject.start - 1].lower_ in ("and", "&"):
        return False
    return not any(
        t.lower_ in ("one", "of", "among", "both") for t in doc[subject.end : title.start]
    )


def plural_for_one(reading: Reading, title: TitlePhrase, subject: Argument) -> bool:
    """Whether a plural title, a comma, then one name that no other name follows gives the
    title to that name alone: the title ends a phrase of its own and the name starts the
    clause ("Before a lunch with EU foreign ministers, Tillerson stressed ..."; but "Two
    Labour MPs, Ann Ruiz and Tom Hale, said" is a list, and "Democratic lawmakers,
    including X," names one of them)."""
    doc, ent = reading.doc, reading.ann.ent
    if not (
        title.end <= subject.start
        and is_plural(reading, title)
        and doc[title.last].lower_.endswith("s")
        and [t.text for t in doc[title.end : subject.start]] == [","]
    ):
        return False
    end = doc[subject.end - 1].sent.end
    return not any(
        doc[i].lower_ in (",", "and") and ent[i + 1] == "PERSON"
        for i in range(subject.end, min(end, subject.end + 12) - 1)
    )


def takes_a_stance(reading: Reading, title: TitlePhrase, obj: Argument) -> bool:
    """Whether the title is a stance (``stance_titles``) whose of-phrase holds the object:
    "X, a vocal critic of Time Warner" judges Time Warner and works for none."""
    doc = reading.doc
    return (
        obj.start > title.end
        and doc[title.last].lower_ in reading.words("stance_titles")
        and doc[title.end].lower_ == "of"
    )


def starts_a_clause(reading: Reading, title: TitlePhrase, subject: Argument) -> bool:
    """Whether a title after a name is the subject of a verb of its own, the name an
    object of what comes before ("went to Moore, an RNC official said")."""
    head = reading.doc[title.last]
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    name = reading.doc[subject.end - 1]
    return (
        head.dep_ in ("nsubj", "nsubjpass")
        and head.head.i > head.i
        and name.dep_ in ("pobj", "dobj", "conj")
        # "A and B, analysts at Z, said": a comma closes an apposition
        and not any(t.text == "," for t in reading.doc[head.i + 1 : head.head.i])
    )


def names_a_titled_person(reading: Reading, obj: Argument, subject: int) -> bool:
    """Whether an object after a title starts another person's title and name ("a
    spokesman for Pennsylvania House Speaker Mike Turzai": the speaker's spokesman)."""
    phrase = reading.ann.titles.get(obj.end)
    if phrase is None:
        return False
    person = reading.res.token_entity.get(phrase.end)
    return (
        person is not None and person != subject and reading.res.entities[person].label == "Person"
    )


def title_belongs_to_next_name(reading: Reading, end: int, subject: int) -> bool:
    """In "X, NME editor Conor McNicholas", the title is McNicholas's, not X's; in "X, the
    Republican senator's neighbor", a possessive after the title makes it another person's
    ("X, the president's son-in-law")."""
    if end >= len(reading.doc):
        return False
    if reading.doc[end].tag_ == "POS":
        return True
    nxt = reading.res.token_entity.get(end)
    return nxt is not None and nxt != subject and reading.res.entities[nxt].label == "Person"


def is_plural(reading: Reading, title: TitlePhrase) -> bool:
    """Whether a title is written in the plural ("Senators", "analysts")."""
    written = " ".join(t.lower_ for t in reading.doc[title.start : title.end])
    return all(written != entry.phrase for entry in title.entries)


def word_before(reading: Reading, title: TitlePhrase) -> int:
    """The token right before a title once its modifiers and hyphens are passed
    ("former", "ex-"), or -1 at the start of the Doc."""
    i = title.start - 1
    while i >= 0 and (
        reading.doc[i].lower_ in reading.ruleset.modifiers or reading.doc[i].text == "-"
    ):
        i -= 1
    return i


def named_before(reading: Reading, title: TitlePhrase) -> bool:
    """Whether an entity or a possessive stands right before a title (modifiers aside):
    "Tory chancellor", "House Republican leader", "Acme's chairman"."""
    i = word_before(reading, title)
    return i >= 0 and (bool(reading.ann.ent[i]) or reading.doc[i].tag_ == "POS")


def is_chamber(reading: Reading, entity: Entity) -> bool:
    """Whether an entity is a legislative chamber (:func:`~.reading.chamber_names`) by a name
    of it."""
    return names_a_chamber(entity, reading.chambers)


def is_team(reading: Reading, arg: Argument) -> bool:
    """Whether an organization is a sports team written as its town or country ("Leicester
    flanker X", then "Leicester's Harry Ellis"): its people are its members, not its staff."""
    return any(m.ner_label == TEAM for m in reading.res.mentions[arg.entity])


def conjoined_before(reading: Reading, obj: Argument, title: TitlePhrase) -> bool:
    """Whether an object in front of a title is conjoined with the titled name rather than
    written as the title's body: "Congress and President Donald Trump", "a Senate majority
    and President Trump" (not "Acme sales and marketing director X": a noun follows the
    conjunction)."""
    i = word_before(reading, title)
    return obj.end <= title.start and i >= obj.end and reading.doc[i].lower_ in ("and", "or", "&")

"""Constructions of schemas/rules/origins.toml, places.toml and affiliations.toml, each in
two wordings with negative cases, on hand-built Docs (no statistical model)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article
from tests.conftest import _tag
from tests.test_residence import _TAGS, locate, triples

_PARTICIPLES = {"banned": "VBN", "ruling": "VBG"}

_DEP_TAGS = {**_TAGS, "her": "PRON", "his": "PRON", "native": "ADJ", "returned": "VERB",
             "campaigned": "VERB", "opened": "VERB", "returning": "VERB", "prospered": "VERB", "pleased": "VERB", "Born": "VERB", "touting": "VERB", "said": "VERB",
             "hometown": "NOUN", "school": "NOUN", "win": "NOUN", "were": "AUX", "and": "CCONJ",
             "Both": "DET"}  # fmt: skip


def doc_of(make_doc, text, ents):
    """A Doc tagged from a small table, without a parse; participles are VERBs."""
    words = text.split()
    pos = [
        "VERB" if w in _PARTICIPLES else
        _DEP_TAGS.get(w, "NUM" if w.isdigit() else "PROPN" if w[:1].isupper() else "NOUN")
        for w in words
    ]  # fmt: skip
    tags = [_PARTICIPLES.get(w, _tag(w)) for w in words]
    lemmas = [{"was": "be", "is": "be", "were": "be"}.get(w, w.lower()) for w in words]
    return make_doc(text, ents=locate(text, ents), pos=pos, tags=tags, lemmas=lemmas)


def parsed(make_doc, text, ents, heads):
    """A Doc with the given ``(head, dep)`` per token."""
    words = text.split()
    pos = [_DEP_TAGS.get(w, "NUM" if w.isdigit() else "PROPN") for w in words]
    return make_doc(
        text, ents=locate(text, ents), parse=heads, pos=pos, lemmas=[w.lower() for w in words]
    )


# Ann(0) Ruiz(1) returned(2) to(3) her(4) native(5) Ohio(6) .(7)
_RETURNED_TO_NATIVE = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "prep"), (6, "poss"),
                       (6, "amod"), (3, "pobj"), (2, "punct")]  # fmt: skip
# Tom(0) Hale(1) campaigned(2) in(3) his(4) native(5) Texas(6) .(7)
_CAMPAIGNED_IN_NATIVE = _RETURNED_TO_NATIVE
# Ann(0) Ruiz(1) opened(2) a(3) school(4) in(5) her(6) native(7) Ohio(8) .(9)
_SCHOOL_IN_NATIVE = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (4, "det"), (2, "dobj"),
                     (4, "prep"), (8, "poss"), (8, "amod"), (5, "pobj"), (2, "punct")]  # fmt: skip
# Tom(0) Hale(1) was(2) touting(3) his(4) win(5) in(6) his(7) native(8) Texas(9) .(10)
_TOUTING_WIN_IN_NATIVE = [(1, "compound"), (3, "nsubj"), (3, "aux"), (3, "ROOT"), (5, "poss"),
                          (3, "dobj"), (5, "prep"), (9, "poss"), (9, "amod"), (6, "pobj"),
                          (3, "punct")]  # fmt: skip
# Ann(0) Ruiz(1) said(2) Tom(3) Hale(4) returned(5) to(6) his(7) native(8) Texas(9) .(10)
_SAID_OTHER_RETURNED = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (4, "compound"), (5, "nsubj"),
                        (2, "ccomp"), (5, "prep"), (9, "poss"), (9, "amod"), (6, "pobj"),
                        (2, "punct")]  # fmt: skip
# Ann(0) Ruiz(1) returned(2) to(3) her(4) hometown(5) of(6) Toledo(7) .(8)
_HOMETOWN_OF = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "prep"), (5, "poss"), (3, "pobj"),
                (5, "prep"), (6, "pobj"), (2, "punct")]  # fmt: skip
# Tom(0) Hale(1) is(2) returning(3) to(4) his(5) Iowa(6) hometown(7) .(8)
_PLACE_HOMETOWN = [(1, "compound"), (3, "nsubj"), (3, "aux"), (3, "ROOT"), (3, "prep"),
                   (7, "poss"), (7, "compound"), (4, "pobj"), (3, "punct")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "ents", "heads", "expected"),
    [
        # born.person_his_native_place
        ("Ann Ruiz returned to her native Ohio .", [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")],
         _RETURNED_TO_NATIVE, ("Ann Ruiz", "born_in", "Ohio")),
        ("Tom Hale campaigned in his native Texas .", [("Tom Hale", "PERSON"), ("Texas", "GPE")],
         _CAMPAIGNED_IN_NATIVE, ("Tom Hale", "born_in", "Texas")),
        # born.person_noun_in_his_native_place
        ("Ann Ruiz opened a school in her native Ohio .", [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")],
         _SCHOOL_IN_NATIVE, ("Ann Ruiz", "born_in", "Ohio")),
        ("Tom Hale was touting his win in his native Texas .",
         [("Tom Hale", "PERSON"), ("Texas", "GPE")], _TOUTING_WIN_IN_NATIVE,
         ("Tom Hale", "born_in", "Texas")),
        # resident.person_his_place_hometown
        ("Ann Ruiz returned to her hometown of Toledo .", [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
         _HOMETOWN_OF, ("Ann Ruiz", "resident_of", "Toledo")),
        ("Tom Hale is returning to his Iowa hometown .", [("Tom Hale", "PERSON"), ("Iowa", "GPE")],
         _PLACE_HOMETOWN, ("Tom Hale", "resident_of", "Iowa")),
    ],
)  # fmt: skip
def test_native_place_and_hometown_read_the_parse(component, make_doc, text, ents, heads, expected):
    assert expected in triples(component, parsed(make_doc, text, ents, heads))


def test_a_native_place_in_another_clause_is_not_the_speakers(component, make_doc):
    text = "Ann Ruiz said Tom Hale returned to his native Texas ."
    ents = [("Ann Ruiz", "PERSON"), ("Tom Hale", "PERSON"), ("Texas", "GPE")]
    graph = triples(component, parsed(make_doc, text, ents, _SAID_OTHER_RETURNED))
    assert ("Tom Hale", "born_in", "Texas") in graph
    assert ("Ann Ruiz", "born_in", "Texas") not in graph


def test_a_place_without_native_or_hometown_is_no_origin(component, make_doc):
    # Ann(0) Ruiz(1) returned(2) to(3) her(4) beloved(5) Ohio(6) .(7)
    text = "Ann Ruiz returned to her beloved Ohio ."
    graph = triples(component, parsed(make_doc, text, [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")],
                                      _RETURNED_TO_NATIVE))  # fmt: skip
    assert not any(p in ("born_in", "resident_of") for _, p, _ in graph)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # resident.person_s_hometown_of_place
        ("It rained near Ann Ruiz 's hometown of Toledo .", [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
         ("Ann Ruiz", "resident_of", "Toledo")),
        ("They drove to Tom Hale 's hometown , Leeds .", [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Tom Hale", "resident_of", "Leeds")),
        # born.person_born_month_day_in_place
        ("Ann Ruiz , born March 15 , 1767 , in Toledo , was a lawyer .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "born_in", "Toledo")),
        ("Tom Hale was born on Oct. 14 in Leeds .", [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Tom Hale", "born_in", "Leeds")),
        # born.persons_born_in_place
        ("Ann Ruiz and Tom Hale were born in Toledo .",
         [("Ann Ruiz", "PERSON"), ("Tom Hale", "PERSON"), ("Toledo", "GPE")],
         ("Ann Ruiz", "born_in", "Toledo")),
        ("Both Tom Hale and Ann Ruiz were born in Leeds .",
         [("Tom Hale", "PERSON"), ("Ann Ruiz", "PERSON"), ("Leeds", "GPE")],
         ("Tom Hale", "born_in", "Leeds")),
        # located.places_and_place_comma_region
        ("The road between Salida and Gunnison , Colorado , closed .",
         [("Salida", "GPE"), ("Gunnison", "GPE"), ("Colorado", "GPE")],
         ("Salida", "located_in", "Colorado")),
        ("Winds hit Lyon and Dijon , France , on Monday .",
         [("Lyon", "GPE"), ("Dijon", "GPE"), ("France", "GPE")], ("Lyon", "located_in", "France")),
        # located.place_s_noun_of_place
        ("Troops entered Serbia 's southern province of Kosovo .", [("Serbia", "GPE"), ("Kosovo", "GPE")],
         ("Kosovo", "located_in", "Serbia")),
        ("It rained in China 's eastern city of Hefei .", [("China", "GPE"), ("Hefei", "GPE")],
         ("Hefei", "located_in", "China")),
        # located.place_capital_of_place without an article
        ("They met in Cuenca , third most important city in Ecuador .",
         [("Cuenca", "GPE"), ("Ecuador", "GPE")], ("Cuenca", "located_in", "Ecuador")),
        # works.person_of_org_sentence_start
        ("Ann Ruiz , of the Downtown Toledo Association , said so .",
         [("Ann Ruiz", "PERSON"), ("Downtown Toledo Association", "ORG")],
         ("Ann Ruiz", "works_for", "Downtown Toledo Association")),
        ("Tom Hale of Acme Corp said so .", [("Tom Hale", "PERSON"), ("Acme Corp", "ORG")],
         ("Tom Hale", "works_for", "Acme Corp")),
        # works.person_of_place_s_org
        ("It quoted Ann Ruiz of Ohio 's Kent State University .",
         [("Ann Ruiz", "PERSON"), ("Ohio", "GPE"), ("Kent State University", "ORG")],
         ("Ann Ruiz", "works_for", "Kent State University")),
        ("Anatomist Tom Hale of New York 's Mount Sinai School disagreed .",
         [("Tom Hale", "PERSON"), ("New York", "GPE"), ("Mount Sinai School", "ORG")],
         ("Tom Hale", "works_for", "Mount Sinai School")),
        # compound.org_paren_acronym_title_person
        ("It went to Labor Party ( PT ) candidate Ana Ruiz .",
         [("Labor Party", "ORG"), ("Ana Ruiz", "PERSON")], ("Ana Ruiz", "member_of", "Labor Party")),
        ("The Acme Union ( AU ) chairman Tom Hale spoke .",
         [("Acme Union", "ORG"), ("Tom Hale", "PERSON")], ("Tom Hale", "leader_of", "Acme Union")),
    ],
)  # fmt: skip
def test_origin_place_and_affiliation_constructions(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "unwanted"),
    [
        # a list of towns is no town in a town
        ("It hit Leeds , Salida and Gunnison , Colorado .",
         [("Leeds", "GPE"), ("Salida", "GPE"), ("Gunnison", "GPE"), ("Colorado", "GPE")],
         ("Leeds", "located_in", "Salida")),
        # a peerage before the name
        ("It was Baron Tom Hale of Ohio 's Kent State University .",
         [("Tom Hale", "PERSON"), ("Ohio", "GPE"), ("Kent State University", "ORG")],
         ("Tom Hale", "works_for", "Kent State University")),
        # a person of an organization's programme, not its staff
        ("Tom Hale of NBC 's Today show spoke .", [("Tom Hale", "PERSON"), ("NBC", "ORG")],
         ("Tom Hale", "works_for", "NBC")),
        # a born date with no place after it
        ("Ann Ruiz , born March 15 , 1767 , in a cabin , died in Toledo .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "born_in", "Toledo")),
        # a lower-case aside in brackets is no acronym
        ("The Acme Union ( in talks ) chairman Tom Hale spoke .",
         [("Acme Union", "ORG"), ("Tom Hale", "PERSON")], ("Tom Hale", "leader_of", "Acme Union")),
    ],
)  # fmt: skip
def test_origin_place_and_affiliation_negatives(component, make_doc, text, ents, unwanted):
    assert unwanted not in triples(component, doc_of(make_doc, text, ents))


def _with_status(component, doc):
    graph = graph_from_doc(Article("t", doc.text, date="2025-03-05"), component(doc))
    return {(t.subject.name, t.predicate, t.object.name, t.evidence.status) for t in graph.triples}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # resident.person_grew_up_in_place: a past residence
        ("Ann Ruiz , who grew up in Toledo , moved .", [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
         ("Ann Ruiz", "resident_of", "Toledo", "former")),
        ("Tom Hale , a director - producer raised in Leeds , spoke .",
         [("Tom Hale", "PERSON"), ("Leeds", "GPE")], ("Tom Hale", "resident_of", "Leeds", "former")),
        # resident.person_an_occupation_in_place
        ("It was backed by Ann Ruiz , a lawyer in Toledo , on Monday .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "resident_of", "Toledo", "current")),
        ("Tom Hale , a famous opera singer in Leeds , said so .",
         [("Tom Hale", "PERSON"), ("Leeds", "GPE")], ("Tom Hale", "resident_of", "Leeds", "current")),
    ],
)  # fmt: skip
def test_grew_up_and_occupation_in_a_town(component, make_doc, text, ents, expected):
    assert expected in _with_status(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a post in a country is no residence
        ("Ann Ruiz , a diplomat in Iraq , said so .", [("Ann Ruiz", "PERSON"), ("Iraq", "GPE")]),
        # a post "of" something: the place ends a longer phrase
        ("Tom Hale , a professor of law in Leeds , said so .", [("Tom Hale", "PERSON"), ("Leeds", "GPE")]),
        # the place is a modifier of what follows
        ("Tom Hale , a lawyer in Leeds Crown Court , said .", [("Tom Hale", "PERSON"), ("Leeds", "GPE")]),
    ],
)  # fmt: skip
def test_an_occupation_abroad_or_of_something_is_no_residence(component, make_doc, text, ents):
    assert not any(
        p == "resident_of" for _, p, _, _ in _with_status(component, doc_of(make_doc, text, ents))
    )


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # resident.person_from_his_home_in_place
        ("Ann Ruiz , 81 , died on Monday at her home in Toledo .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "resident_of", "Toledo")),
        ("Tom Hale said from his home in suburban Leeds that he won .",
         [("Tom Hale", "PERSON"), ("Leeds", "GPE")], ("Tom Hale", "resident_of", "Leeds")),
        # appos.person_title_of_org: a participle before the organization
        ("It went to Ann Ruiz , leader of the banned Acme Union , today .",
         [("Ann Ruiz", "PERSON"), ("Acme Union", "ORG")], ("Ann Ruiz", "leader_of", "Acme Union")),
        ("Tom Hale , chairman of the ruling Acme Group , spoke .",
         [("Tom Hale", "PERSON"), ("Acme Group", "ORG")], ("Tom Hale", "leader_of", "Acme Group")),
        # a candidate of a party named "Party of ...": the party is a party
        ("Ann Ruiz , candidate of the Party of the Democratic Revolution , won .",
         [("Ann Ruiz", "PERSON"), ("Party of the Democratic Revolution", "ORG")],
         ("Ann Ruiz", "member_of", "Party of the Democratic Revolution")),
        ("Tom Hale , presidential candidate for the Party of Regions , won .",
         [("Tom Hale", "PERSON"), ("Party of Regions", "ORG")],
         ("Tom Hale", "member_of", "Party of Regions")),
    ],
)  # fmt: skip
def test_home_participles_and_party_of(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "unwanted"),
    [
        # another person's home
        ("Ann Ruiz visited Tom Hale at his home in Leeds .",
         [("Ann Ruiz", "PERSON"), ("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Ann Ruiz", "resident_of", "Leeds")),
        # a home near a town is not in it
        ("Ann Ruiz died at her home near Toledo .", [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
         ("Ann Ruiz", "resident_of", "Toledo")),
        # a candidate of a body that is no party is not in it ("Senate candidate")
        ("Ann Ruiz , candidate for the Senate of Ohio , won .",
         [("Ann Ruiz", "PERSON"), ("Senate of Ohio", "ORG")], ("Ann Ruiz", "member_of", "Senate of Ohio")),
    ],
)  # fmt: skip
def test_home_and_candidate_negatives(component, make_doc, text, ents, unwanted):
    assert unwanted not in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # appos.person_party_state_title_of_org
        ("Sen. Ann Ruiz , D - Mich. , chairman of the Senate Banking Committee , said no .",
         [("Ann Ruiz", "PERSON"), ("Senate Banking Committee", "ORG")],
         ("Ann Ruiz", "leader_of", "Senate Banking Committee")),
        ("Rep. Tom Hale , R - N.C. , a member of the House Ethics Committee , said no .",
         [("Tom Hale", "PERSON"), ("House Ethics Committee", "ORG")],
         ("Tom Hale", "member_of", "House Ethics Committee")),
    ],
)  # fmt: skip
def test_party_and_state_between_name_and_title(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


def test_a_party_and_state_without_a_title_is_no_affiliation(component, make_doc):
    text = "Sen. Ann Ruiz , D - Mich. , visited the Senate Banking Committee ."
    ents = [("Ann Ruiz", "PERSON"), ("Senate Banking Committee", "ORG")]
    assert not triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # based.org_a_place_based_noun
        ("Acme Corp , a Boston - based software maker , said so .",
         [("Acme Corp", "ORG"), ("Boston", "GPE")], ("Acme Corp", "based_in", "Boston")),
        ("Shares of Rexon , the Toledo - headquartered company , rose .",
         [("Rexon", "ORG"), ("Toledo", "GPE")], ("Rexon", "based_in", "Toledo")),
    ],
)  # fmt: skip
def test_an_organization_a_place_based_noun(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


def test_a_rival_of_a_place_based_company_is_not_based_there(component, make_doc):
    text = "Acme Corp , a rival of the Boston - based company , said so ."
    ents = [("Acme Corp", "ORG"), ("Boston", "GPE")]
    assert ("Acme Corp", "based_in", "Boston") not in triples(
        component, doc_of(make_doc, text, ents)
    )


# Born(0) in(1) Toledo(2) ,(3) Ann(4) Ruiz(5) moved(6) to(7) Denver(8) .(9)
_BORN_IN_OPENING = [(6, "advcl"), (0, "prep"), (1, "pobj"), (6, "punct"), (5, "compound"),
                    (6, "nsubj"), (6, "ROOT"), (6, "prep"), (7, "pobj"), (6, "punct")]  # fmt: skip
# Born(0) poor(1) in(2) Leeds(3) ,(4) Tom(5) Hale(6) has(7) prospered(8) .(9)
_BORN_POOR_IN_OPENING = [(8, "advcl"), (0, "acomp"), (0, "prep"), (2, "pobj"), (8, "punct"),
                         (6, "compound"), (8, "nsubj"), (8, "aux"), (8, "ROOT"), (8, "punct")]  # fmt: skip
# Born(0) in(1) Toledo(2) ,(3) the(4) idea(5) pleased(6) Ann(7) Ruiz(8) .(9)
_BORN_IN_OPENING_OBJECT = [(6, "advcl"), (0, "prep"), (1, "pobj"), (6, "punct"), (5, "det"),
                           (6, "nsubj"), (6, "ROOT"), (8, "compound"), (6, "dobj"), (6, "punct")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "ents", "heads", "expected"),
    [
        ("Born in Toledo , Ann Ruiz moved to Denver .",
         [("Toledo", "GPE"), ("Ann Ruiz", "PERSON"), ("Denver", "GPE")], _BORN_IN_OPENING,
         ("Ann Ruiz", "born_in", "Toledo")),
        ("Born poor in Leeds , Tom Hale has prospered .", [("Leeds", "GPE"), ("Tom Hale", "PERSON")],
         _BORN_POOR_IN_OPENING, ("Tom Hale", "born_in", "Leeds")),
    ],
)  # fmt: skip
def test_born_in_a_place_opening_the_sentence(component, make_doc, text, ents, heads, expected):
    # born.born_in_place_opening_person
    assert expected in triples(component, parsed(make_doc, text, ents, heads))


def test_born_in_a_place_opening_the_sentence_is_the_subjects(component, make_doc):
    text = "Born in Toledo , the idea pleased Ann Ruiz ."
    ents = [("Toledo", "GPE"), ("Ann Ruiz", "PERSON")]
    graph = triples(component, parsed(make_doc, text, ents, _BORN_IN_OPENING_OBJECT))
    assert ("Ann Ruiz", "born_in", "Toledo") not in graph


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # resident.person_s_hometown_of_place, the place before "hometown"
        ("They drove to Tom Hale 's Leeds hometown .", [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Tom Hale", "resident_of", "Leeds")),
        # born.person_s_birthplace
        ("A grant for Ann Ruiz 's Ohio birthplace was approved .",
         [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")], ("Ann Ruiz", "born_in", "Ohio")),
        ("They visited Tom Hale 's birthplace of Leeds .", [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Tom Hale", "born_in", "Leeds")),
        # born.person_s_native_place
        ("The museum stands in Ann Ruiz 's native Toledo .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "born_in", "Toledo")),
        ("It rained in Tom Hale 's native Leeds .", [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Tom Hale", "born_in", "Leeds")),
    ],
)  # fmt: skip
def test_possessive_birthplace_native_place_and_hometown(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    "text",
    [
        "It hurt Ann Ruiz 's Ohio campaign .",  # a place in a possessive is no origin
        "It hurt Ann Ruiz 's native tongue in Ohio .",  # "native" of something else
    ],
)
def test_a_place_in_a_possessive_is_no_origin(component, make_doc, text):
    graph = triples(component, doc_of(make_doc, text, [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")]))
    assert not any(p in ("born_in", "resident_of") for _, p, _ in graph)

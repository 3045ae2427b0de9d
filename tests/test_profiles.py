"""Constructions of schemas/rules/profiles.toml (a person's home state or town, a profile's
"Born ... in" fragment) and a candidate of or from an organization (the `candidacy` check),
each in two wordings with negative cases, on hand-built Docs (no statistical model)."""

from __future__ import annotations

import pytest

from tests.test_origins_places import doc_of, parsed
from tests.test_residence import triples


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # resident.person_s_home_state_of_place
        ("The vote in Ann Ruiz 's home state of Ohio was close .",
         [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")], ("Ann Ruiz", "resident_of", "Ohio")),
        ("Tom Hale 's home town , Leeds , backed him .",
         [("Tom Hale", "PERSON"), ("Leeds", "GPE")], ("Tom Hale", "resident_of", "Leeds")),
        ("He toured Tom Hale 's Iowa home state on Monday .",
         [("Tom Hale", "PERSON"), ("Iowa", "GPE")], ("Tom Hale", "resident_of", "Iowa")),
        # resident.place_the_home_state_of_person
        ("He campaigned in Ohio , the home state of Ann Ruiz , on Monday .",
         [("Ohio", "GPE"), ("Ann Ruiz", "PERSON")], ("Ann Ruiz", "resident_of", "Ohio")),
        ("Dole had hoped to win in North Carolina , the home state of his wife , Elizabeth .",
         [("Dole", "PERSON"), ("North Carolina", "GPE"), ("Elizabeth", "PERSON")],
         ("Elizabeth", "resident_of", "North Carolina")),
        # resident.place_person_s_home_state
        ("They met in Kentucky , Mitch McConnell 's home state , on Monday .",
         [("Kentucky", "GPE"), ("Mitch McConnell", "PERSON")],
         ("Mitch McConnell", "resident_of", "Kentucky")),
        ("Crowds filled Leeds , Tom Hale 's home town .",
         [("Leeds", "GPE"), ("Tom Hale", "PERSON")], ("Tom Hale", "resident_of", "Leeds")),
        # born.person_colon_born_in_place
        ("Gerald Ford ( 38th President ) : Born July 14 , 1913 , in Omaha .",
         [("Gerald Ford", "PERSON"), ("Omaha", "GPE")], ("Gerald Ford", "born_in", "Omaha")),
        ("Ann Ruiz : Born 1950 in Toledo .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "born_in", "Toledo")),
        ("Abe Lincoln ( 16th President ) : Born Feb. 12 , 1809 , in a log cabin in Hodgenville .",
         [("Abe Lincoln", "PERSON"), ("Hodgenville", "GPE")],
         ("Abe Lincoln", "born_in", "Hodgenville")),
    ],
)  # fmt: skip
def test_profile_construction_gives_the_fact(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "unwanted"),
    [
        # the home state of someone else named in the sentence
        ("Ann Ruiz said Ohio , the home state of Tom Hale , voted .",
         [("Ann Ruiz", "PERSON"), ("Ohio", "GPE"), ("Tom Hale", "PERSON")],
         ("Ann Ruiz", "resident_of", "Ohio")),
        # "home state" before a noun names no place
        ("Tom Hale 's home state governor , Ann Ruiz , spoke .",
         [("Tom Hale", "PERSON"), ("Ann Ruiz", "PERSON")], ("Ann Ruiz", "resident_of", "Tom Hale")),
        ("Ohio , the home state of the governor , backed Ann Ruiz .",
         [("Ohio", "GPE"), ("Ann Ruiz", "PERSON")], ("Ann Ruiz", "resident_of", "Ohio")),
        # a verb before the colon: no fragment of the name's profile
        ("Ann Ruiz said this : born in Toledo .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "born_in", "Toledo")),
        # the place of another sentence after the date
        ("Ann Ruiz : Born July 2 , 1950 . In Toledo she taught .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "born_in", "Toledo")),
    ],
)  # fmt: skip
def test_profile_construction_negatives(component, make_doc, text, ents, unwanted):
    assert unwanted not in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        # the organization that fields the candidate: of, from
        ("He trailed Cardenas , candidate of the PRD , with 9 percent .",
         [("Cardenas", "PERSON"), ("PRD", "ORG")], ("Cardenas", "member_of", "PRD"), True),
        ("Ann Ruiz , the candidate from the Acme Movement , spoke .",
         [("Ann Ruiz", "PERSON"), ("Acme Movement", "ORG")],
         ("Ann Ruiz", "member_of", "Acme Movement"), True),
        # the body one stands for is no membership
        ("Tom Hale , a candidate for the Senate , spoke .",
         [("Tom Hale", "PERSON"), ("Senate", "ORG")], ("Tom Hale", "member_of", "Senate"), False),
        ("Senate candidate Tom Hale spoke .",
         [("Senate", "ORG"), ("Tom Hale", "PERSON")], ("Tom Hale", "member_of", "Senate"), False),
    ],
)  # fmt: skip
def test_a_candidate_of_an_organization_is_its_member(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, doc_of(make_doc, text, ents))) is wanted


# Ann(0) Ruiz(1) returned(2) to(3) her(4) home(5) state(6) of(7) Ohio(8) .(9)
_HOME_STATE_OF = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "prep"), (6, "poss"),
                  (6, "compound"), (3, "pobj"), (6, "prep"), (7, "pobj"), (2, "punct")]  # fmt: skip
# Tom(0) Hale(1) returned(2) to(3) his(4) Iowa(5) home(6) town(7) .(8)
_PLACE_HOME_TOWN = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "prep"), (7, "poss"),
                    (7, "compound"), (7, "compound"), (3, "pobj"), (2, "punct")]  # fmt: skip
# Ann(0) Ruiz(1) said(2) Tom(3) Hale(4) returned(5) to(6) his(7) home(8) state(9) of(10) Texas(11) .(12)
_SAID_OTHER_HOME = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (4, "compound"), (5, "nsubj"),
                    (2, "ccomp"), (5, "prep"), (9, "poss"), (9, "compound"), (6, "pobj"),
                    (9, "prep"), (10, "pobj"), (2, "punct")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "ents", "heads", "expected"),
    [
        ("Ann Ruiz returned to her home state of Ohio .", [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")],
         _HOME_STATE_OF, ("Ann Ruiz", "resident_of", "Ohio")),
        ("Tom Hale returned to his Iowa home town .", [("Tom Hale", "PERSON"), ("Iowa", "GPE")],
         _PLACE_HOME_TOWN, ("Tom Hale", "resident_of", "Iowa")),
    ],
)  # fmt: skip
def test_his_home_state_reads_the_parse(component, make_doc, text, ents, heads, expected):
    assert expected in triples(component, parsed(make_doc, text, ents, heads))


def test_a_home_state_in_another_clause_is_not_the_speakers(component, make_doc):
    text = "Ann Ruiz said Tom Hale returned to his home state of Texas ."
    ents = [("Ann Ruiz", "PERSON"), ("Tom Hale", "PERSON"), ("Texas", "GPE")]
    graph = triples(component, parsed(make_doc, text, ents, _SAID_OTHER_HOME))
    assert ("Tom Hale", "resident_of", "Texas") in graph
    assert ("Ann Ruiz", "resident_of", "Texas") not in graph


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        # a town, then its state abbreviated: one item of a list of such pairs
        ("In Pittsburgh , Dade County , Fla. , and Rochester , N.Y. , teachers won .",
         [("Pittsburgh", "GPE"), ("Dade County", "GPE"), ("Fla.", "GPE"), ("Rochester", "GPE"),
          ("N.Y.", "GPE")], ("Dade County", "located_in", "Florida"), True),
        ("It sold papers in Pasadena , Calif. , and Gary , Ind. , last year .",
         [("Pasadena", "GPE"), ("Calif.", "GPE"), ("Gary", "GPE"), ("Ind.", "GPE")],
         ("Pasadena", "located_in", "California"), True),
        # a state written in full, or a plain list, is still an item of a list of places
        ("Storms hit Leeds , Yorkshire and Lancashire on Monday .",
         [("Leeds", "GPE"), ("Yorkshire", "GPE"), ("Lancashire", "GPE")],
         ("Leeds", "located_in", "Yorkshire"), False),
        ("Storms hit Dallas , Texas , and Miami on Monday .",
         [("Dallas", "GPE"), ("Texas", "GPE"), ("Miami", "GPE")],
         ("Dallas", "located_in", "Texas"), False),
    ],
)  # fmt: skip
def test_a_town_and_its_abbreviated_state_is_no_list(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, doc_of(make_doc, text, ents))) is wanted


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        # a party or movement the gazetteer does not know fields the candidate
        ("Polls show that PAN ( National Action Party ) candidate Ana Ruiz gained .",
         [("PAN", "ORG"), ("National Action Party", "ORG"), ("Ana Ruiz", "PERSON")],
         ("Ana Ruiz", "member_of", "PAN"), True),
        ("Tom Hale , the Freedom Alliance candidate , spoke .",
         [("Tom Hale", "PERSON"), ("Freedom Alliance", "ORG")],
         ("Tom Hale", "member_of", "Freedom Alliance"), True),
        # a body one stands for, or an organization of another kind, is no membership
        ("Tom Hale , the Acme Council candidate , spoke .",
         [("Tom Hale", "PERSON"), ("Acme Council", "ORG")],
         ("Tom Hale", "member_of", "Acme Council"), False),
        ("Polls show that Acme ( Acme Council ) candidate Ana Ruiz gained .",
         [("Acme", "ORG"), ("Acme Council", "ORG"), ("Ana Ruiz", "PERSON")],
         ("Ana Ruiz", "member_of", "Acme"), False),
    ],
)  # fmt: skip
def test_a_party_named_as_such_fields_its_candidate(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, doc_of(make_doc, text, ents))) is wanted


@pytest.mark.parametrize(
    ("text", "ents", "unwanted"),
    [
        # a list of places whose last item has a word of where before it
        ("Rain fell over Mississippi , Louisiana and eastern Texas on Monday .",
         [("Mississippi", "GPE"), ("Louisiana", "GPE"), ("Texas", "GPE")],
         ("Mississippi", "located_in", "Louisiana")),
        ("Streams rose in Tennessee , Kentucky and northern Alabama on Monday .",
         [("Tennessee", "GPE"), ("Kentucky", "GPE"), ("Alabama", "GPE")],
         ("Tennessee", "located_in", "Kentucky")),
    ],
)  # fmt: skip
def test_a_word_of_where_does_not_hide_the_next_item_of_a_list(
    component, make_doc, text, ents, unwanted
):
    assert unwanted not in triples(component, doc_of(make_doc, text, ents))


def test_a_word_of_where_after_a_town_and_its_country_is_no_list(component, make_doc):
    text = "Rain fell on Sheffield , England on Monday and eastern parts ."
    ents = [("Sheffield", "GPE"), ("England", "GPE")]
    assert ("Sheffield", "located_in", "England") in triples(
        component, doc_of(make_doc, text, ents)
    )


# Ann(0) Ruiz(1) visited(2) Leeds(3) ,(4) where(5) Tom(6) Hale(7) was(8) born(9) .(10)
_WHERE_BORN = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "dobj"), (3, "punct"),
               (9, "advmod"), (7, "compound"), (9, "nsubjpass"), (9, "auxpass"), (3, "relcl"),
               (2, "punct")]  # fmt: skip
# Tom(0) Hale(1) left(2) Toledo(3) ,(4) in(5) which(6) Ann(7) Ruiz(8) was(9) born(10) .(11)
_IN_WHICH_BORN = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "dobj"), (3, "punct"),
                  (10, "prep"), (5, "pobj"), (8, "compound"), (10, "nsubjpass"), (10, "auxpass"),
                  (3, "relcl"), (2, "punct")]  # fmt: skip
# Ann(0) Ruiz(1) visited(2) Leeds(3) ,(4) where(5) Tom(6) Hale(7) ,(8) who(9) was(10) born(11)
# in(12) Texas(13) ,(14) lives(15) .(16)
_WHERE_WHO_BORN = [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "dobj"), (3, "punct"),
                   (15, "advmod"), (7, "compound"), (15, "nsubj"), (7, "punct"), (11, "nsubjpass"),
                   (11, "auxpass"), (7, "relcl"), (11, "prep"), (12, "pobj"), (7, "punct"),
                   (3, "relcl"), (2, "punct")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "ents", "heads", "expected"),
    [
        ("Ann Ruiz visited Leeds , where Tom Hale was born .",
         [("Ann Ruiz", "PERSON"), ("Leeds", "GPE"), ("Tom Hale", "PERSON")], _WHERE_BORN,
         ("Tom Hale", "born_in", "Leeds")),
        ("Tom Hale left Toledo , in which Ann Ruiz was born .",
         [("Tom Hale", "PERSON"), ("Toledo", "GPE"), ("Ann Ruiz", "PERSON")], _IN_WHICH_BORN,
         ("Ann Ruiz", "born_in", "Toledo")),
    ],
)  # fmt: skip
def test_a_place_where_a_person_was_born(component, make_doc, text, ents, heads, expected):
    graph = triples(component, parsed(make_doc, text, ents, heads))
    assert expected in graph
    assert not any(p == "born_in" and s != expected[0] for s, p, _ in graph)


def test_a_birth_clause_on_another_name_is_not_the_places(component, make_doc):
    text = "Ann Ruiz visited Leeds , where Tom Hale , who was born in Texas , lives ."
    ents = [("Ann Ruiz", "PERSON"), ("Leeds", "GPE"), ("Tom Hale", "PERSON"), ("Texas", "GPE")]
    graph = triples(component, parsed(make_doc, text, ents, _WHERE_WHO_BORN))
    assert ("Tom Hale", "born_in", "Leeds") not in graph


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        # located.the_country_city_of_place
        ("The storm hit the U.S. state of Texas on Monday .",
         [("U.S.", "GPE"), ("Texas", "GPE")], ("Texas", "located_in", "United States"), True),
        ("They met in the Ohio city of Toledo on Monday .",
         [("Ohio", "GPE"), ("Toledo", "GPE")], ("Toledo", "located_in", "Ohio"), True),
        # two towns: which one is the part is not said by the words
        ("He lives in the Tolby district of Marrow .",
         [("Tolby", "GPE"), ("Marrow", "GPE")], ("Marrow", "located_in", "Tolby"), False),
        ("He lives in the Tolby district of Marrow .",
         [("Tolby", "GPE"), ("Marrow", "GPE")], ("Tolby", "located_in", "Marrow"), False),
    ],
)  # fmt: skip
def test_a_place_named_by_its_kind_and_its_country(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, doc_of(make_doc, text, ents))) is wanted

"""Party membership when the party is an adjective or a bare member noun before a person
(hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def facts(component, doc):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    return {
        (t.subject.name, t.predicate, t.object.name)
        for t in graph.triples
        if t.evidence.status == "current"
    }


@pytest.mark.parametrize(
    ("text", "ents", "person", "party"),
    [
        (
            "Murphy leads Republican opponent Kim Guadagno in the polls .",
            [(0, 1, "PERSON"), (2, 3, "NORP"), (4, 6, "PERSON")],
            "Kim Guadagno",
            "Republican Party",
        ),
        (
            "Tory activist Jo Bloggs said no .",
            [(0, 1, "NORP"), (2, 4, "PERSON")],
            "Jo Bloggs",
            "Conservative Party",
        ),
        (
            "The race pits Democratic rival Ann Lee against him .",
            [(3, 4, "NORP"), (5, 7, "PERSON")],
            "Ann Lee",
            "Democratic Party",
        ),
    ],
)
def test_party_adjective_before_a_person_noun(component, make_doc, text, ents, person, party):
    found = facts(component, make_doc(text, ents=ents))
    assert (person, "member_of", party) in found
    assert not any(p == "citizen_of" for _, p, _ in found)


def test_a_nationality_before_a_person_noun_stays_citizenship(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Russian historian Roy Medvedev disagreed .", ents=[(0, 1, "NORP"), (2, 4, "PERSON")]
        ),
    )
    assert ("Roy Medvedev", "citizen_of", "Russia") in found
    assert not any(p == "member_of" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "person", "party"),
    [
        (
            "The Republican Jeff Flake said no .",
            [(0, 4, "ORG")],
            "Jeff Flake",
            "Republican Party",
        ),
        (
            "Democrat Doug Jones won the seat .",
            [(0, 3, "ORG")],
            "Doug Jones",
            "Democratic Party",
        ),
    ],
)
def test_a_party_noun_inside_a_name_typed_as_an_organization_is_the_party(
    component, make_doc, text, ents, person, party
):
    # the model's "The Republican Jeff Flake" ORG span is cleaned into the name and a bare
    # "Republican", which the aliases resolve to the party
    assert (person, "member_of", party) in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("A Republican plan would cut taxes for Jo Bloggs .", [(1, 2, "NORP"), (7, 9, "PERSON")]),
        (
            "The Democratic - controlled Senate praised Jo Bloggs .",
            [(1, 2, "NORP"), (4, 5, "ORG"), (6, 8, "PERSON")],
        ),
        ("Labour 's policy was announced by Jo Bloggs .", [(0, 1, "ORG"), (6, 8, "PERSON")]),
        ("The Republican tax plan failed , Jo Bloggs said .", [(1, 2, "ORG"), (6, 8, "PERSON")]),
    ],
)
def test_a_party_that_describes_a_thing_gives_no_membership(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert not any(p in ("member_of", "leader_of") for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Later , Plaid Cymru 's economics spokesman Adam Price said no .",
            [(7, 9, "PERSON")],
            ("Adam Price", "member_of", "Plaid Cymru"),
        ),
        (
            "Later , DUP leader Ian Paisley said no .",
            [(4, 6, "PERSON")],
            ("Ian Paisley", "leader_of", "Democratic Unionist Party"),
        ),
    ],
)
def test_a_party_name_ner_missed_is_found_by_its_alias(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_a_lower_case_word_like_a_party_name_is_no_party(component, make_doc):
    found = facts(
        component,
        make_doc("Later , plaid jacket wearer Ann Lee said no .", ents=[(5, 7, "PERSON")]),
    )
    assert not any(p in ("member_of", "leader_of") for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "person", "party"),
    [
        (
            "Tory Michael Howard said no .",
            [(0, 3, "PERSON")],
            "Michael Howard",
            "Conservative Party",
        ),
        (
            "Later , Lib Dem Mark Oaten said no .",
            [(2, 6, "PERSON")],
            "Mark Oaten",
            "Liberal Democrats",
        ),
    ],
)
def test_a_party_word_glued_to_a_name_is_the_persons_party(
    component, make_doc, text, ents, person, party
):
    assert (person, "member_of", party) in facts(component, make_doc(text, ents=ents))


def test_a_name_of_two_words_keeps_its_first_word(component, make_doc):
    # "Democrat Jones" typed PERSON is left whole: a name keeps two words
    found = facts(component, make_doc("Democrat Jones said no .", ents=[(0, 2, "PERSON")]))
    assert not any(p == "member_of" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "person", "party"),
    [
        (
            "Republican lawmakers , including Senator Susan Collins , opposed it .",
            [(0, 1, "NORP"), (5, 7, "PERSON")],
            "Susan Collins",
            "Republican Party",
        ),
        (
            "Democratic senators such as Ann Lee voted against .",
            [(0, 1, "NORP"), (4, 6, "PERSON")],
            "Ann Lee",
            "Democratic Party",
        ),
    ],
)
def test_party_members_including_a_person_at_the_start(
    component, make_doc, text, ents, person, party
):
    assert (person, "member_of", party) in facts(component, make_doc(text, ents=ents))


def test_two_parties_including_a_person_give_no_membership(component, make_doc):
    doc = make_doc(
        "Republicans and Democrats , including Senator Susan Collins , opposed it .",
        ents=[(0, 1, "NORP"), (2, 3, "NORP"), (6, 8, "PERSON")],
    )
    assert not any(p == "member_of" and o.endswith("Party") for _, p, o in facts(component, doc))

"""Sport as BBC news writes it (hand-built Docs, no model): a player's position after the club
("Chelsea winger Arjen Robben") makes a member, and a nationality before a position ("their
Welsh striker", NER's organization) is no club."""

from __future__ import annotations

import pytest

from kg.extract.gazetteer import load_gazetteer
from kg.extract.mentions import find_mentions
from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def facts(component, doc):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    triples = {
        (t.subject.name, t.predicate, t.object.name, t.evidence.status) for t in graph.triples
    }
    return triples, {(e.name, e.label) for e in graph.entities}


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "Chelsea winger Arjen Robben is injured .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            ("Arjen Robben", "member_of", "Chelsea", "current"),
        ),
        (
            "Sale Sharks prop Andrew Sheridan will start .",
            [(0, 2, "ORG"), (3, 5, "PERSON")],
            ("Andrew Sheridan", "member_of", "Sale Sharks", "current"),
        ),
        (
            "But former Arsenal keeper David Seaman disagrees .",
            [(2, 3, "ORG"), (4, 6, "PERSON")],
            ("David Seaman", "member_of", "Arsenal", "former"),
        ),
        (
            "Leicester Tigers scrum-half Harry Ellis is fit .",
            [(0, 2, "ORG"), (5, 7, "PERSON")],
            ("Harry Ellis", "member_of", "Leicester Tigers", "current"),
        ),
    ],
)
def test_position_after_the_club_is_membership(component, make_doc, text, ents, triple):
    got, _ = facts(component, make_doc(text, ents=ents))
    assert got == {triple}


def test_position_word_as_an_everyday_word_gives_nothing(component, make_doc):
    doc = make_doc(
        "Acme will prop up prices , Ann Lee said .", ents=[(0, 1, "ORG"), (6, 8, "PERSON")]
    )
    got, _ = facts(component, doc)
    assert got == set()


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Newcastle fined their Welsh striker Craig Bellamy .",
            [(0, 1, "GPE"), (3, 4, "ORG"), (5, 7, "PERSON")],
        ),
        ("The Scottish midfielder Ann Lee scored twice .", [(1, 2, "ORG"), (3, 5, "PERSON")]),
    ],
)
def test_nationality_typed_as_organization_is_no_club(component, make_doc, text, ents):
    got, entities = facts(component, make_doc(text, ents=ents))
    assert not any(p == "member_of" for _, p, _, _ in got)
    assert not any(label == "Organization" for _, label in entities)


def test_party_typed_as_organization_stays_the_party(component, make_doc):
    doc = make_doc("Labour MP Ann Lee resigned .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")])
    got, _ = facts(component, doc)
    assert ("Ann Lee", "member_of", "Labour", "current") in got


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "Arsenal vice-chairman David Dein said the club would list when Arsenal moves .",
            [(4, 6, "PERSON")],
            ("David Dein", "works_for", "Arsenal", "current"),
        ),
        (
            "He said Gazprom chief Alexei Miller had agreed .",
            [(4, 6, "PERSON")],
            ("Alexei Miller", "leader_of", "Gazprom", "current"),
        ),
    ],
)
def test_name_ner_missed_before_a_title_and_a_person_is_an_organization(
    component, make_doc, text, ents, triple
):
    got, entities = facts(component, make_doc(text, ents=ents))
    assert got == {triple}
    assert (triple[2], "Organization") in entities


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Replacement hooker Robin McBryde remains a doubt .", [(2, 4, "PERSON")]),
        ("He praised Touching the Void director Kevin McDonald .", [(6, 8, "PERSON")]),
        ("He said England skipper Jason Robinson was fit .", [(4, 6, "PERSON")]),
    ],
)
def test_capitalised_word_before_a_title_is_not_always_an_organization(
    component, make_doc, text, ents
):
    got, entities = facts(component, make_doc(text, ents=ents))
    assert got == set()
    assert not any(label == "Organization" for _, label in entities)


def test_capitalised_title_keeps_its_own_words(component, make_doc):
    doc = make_doc(
        "No probe is possible , said Executive Director Susan Grundmann .",
        ents=[(8, 10, "PERSON")],
    )
    _, entities = facts(component, doc)
    assert not any(label == "Organization" for _, label in entities)


def test_surname_before_a_title_stays_a_person(make_doc):
    doc = make_doc(
        "Al Franken voted no . Franken spokesman Michael Dale said when Franken spoke .",
        ents=[(0, 2, "PERSON"), (7, 9, "PERSON")],
    )
    mentions = find_mentions(doc, load_gazetteer())
    assert not any(m.label == "Organization" for m in mentions)

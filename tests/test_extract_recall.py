"""Constructions that kg missed on unseen news (the recall audit of 2026-12-03,
bench/results/recall-audit-2026-12-03.md); hand-built Docs, no model."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def facts(component, doc, status="current"):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    return {
        (t.subject.name, t.predicate, t.object.name)
        for t in graph.triples
        if t.evidence.status == status
    }


@pytest.mark.parametrize(
    ("text", "ents", "person", "party"),
    [
        (
            "Later , the panel 's Republican chairman , Trey Gowdy , said no .",
            [(5, 6, "NORP"), (8, 10, "PERSON")],
            "Trey Gowdy",
            "Republican Party",
        ),
        (
            "Later , the Acme Committee 's Democratic chairman , Ann Lee , said no .",
            [(3, 5, "ORG"), (6, 7, "NORP"), (9, 11, "PERSON")],
            "Ann Lee",
            "Democratic Party",
        ),
    ],
)
def test_a_party_adjective_after_a_body_s_is_a_membership(component, make_doc, text, ents, person, party):
    found = facts(component, make_doc(text, ents=ents))
    assert (person, "member_of", party) in found
    assert (person, "leader_of", party) not in found


def test_a_party_adjective_before_a_party_post_still_leads(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Later , the Republican chairman , Reince Priebus , said no .",
            ents=[(3, 4, "NORP"), (6, 8, "PERSON")],
        ),
    )
    assert ("Reince Priebus", "leader_of", "Republican Party") in found


@pytest.mark.parametrize(
    ("text", "ents", "person", "party", "body"),
    [
        (
            "The Scottish National Party 's Holyrood leader , Nicola Sturgeon , welcomed it .",
            [(1, 4, "ORG"), (5, 6, "ORG"), (8, 10, "PERSON")],
            "Nicola Sturgeon",
            "Scottish National Party",
            "Holyrood",
        ),
        (
            "Later , Labour 's Commons leader Peter Hain said no .",
            [(2, 3, "ORG"), (4, 5, "ORG"), (6, 8, "PERSON")],
            "Peter Hain",
            "Labour",
            "House of Commons",
        ),
    ],
)
def test_a_party_s_post_in_a_body_is_a_member_of_both(
    component, make_doc, text, ents, person, party, body
):
    found = facts(component, make_doc(text, ents=ents))
    assert (person, "member_of", party) in found
    assert (person, "member_of", body) in found
    assert (person, "leader_of", body) not in found


def test_a_company_s_post_in_a_place_is_no_party_membership(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Later , Acme 's Leeds chairman Ann Lee said no .",
            ents=[(2, 3, "ORG"), (4, 5, "GPE"), (6, 8, "PERSON")],
        ),
    )
    assert not any(p == "member_of" for _, p, _ in found)

"""Title phrases with modifiers and complements, and parties named as nouns or adjectives
(hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from tests import docs


def facts(component, doc):
    return docs.facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "party"),
    [
        (
            "Susan Collins , a Republican , said no .",
            [(0, 2, "PERSON"), (4, 5, "NORP")],
            "Republican Party",
        ),
        (
            "Sherrod Brown , the ranking Democrat on the panel , said no .",
            [(0, 2, "PERSON"), (5, 6, "NORP")],
            "Democratic Party",
        ),
        (
            "Jo Bloggs ( a Tory ) said no .",
            [(0, 2, "PERSON"), (4, 5, "NORP")],
            "Conservative Party",
        ),
    ],
)
def test_party_as_a_noun_in_apposition(component, make_doc, text, ents, party):
    assert (text.split(" ")[0] + " " + text.split(" ")[1], "member_of", party) in facts(
        component, make_doc(text, ents=ents)
    )


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Sherrod Brown , the ranking Democrat on the Senate Banking Committee , said no .",
            [(0, 2, "PERSON"), (5, 6, "NORP"), (8, 11, "ORG")],
        ),
        (
            "Sherrod Brown , the top Republican on Senate Banking Committee , said no .",
            [(0, 2, "PERSON"), (5, 6, "NORP"), (7, 10, "ORG")],
        ),
    ],
)
def test_ranking_member_on_a_committee(component, make_doc, text, ents):
    assert ("Sherrod Brown", "member_of", "Senate Banking Committee") in facts(
        component, make_doc(text, ents=ents)
    )


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Jo Bloggs , a non - executive director of Acme Corp , resigned .",
            [(0, 2, "PERSON"), (9, 11, "ORG")],
        ),
        (
            "Acme Corp non - executive director Jo Bloggs resigned .",
            [(0, 2, "ORG"), (6, 8, "PERSON")],
        ),
    ],
)
def test_non_executive_director_is_a_board_member(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert ("Jo Bloggs", "member_of", "Acme Corp") in found
    assert ("Jo Bloggs", "leader_of", "Acme Corp") not in found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("House Speaker Paul Ryan spoke .", [(0, 1, "ORG"), (2, 4, "PERSON")]),
        ("Commons Speaker Jo Bloggs spoke .", [(0, 1, "ORG"), (2, 4, "PERSON")]),
    ],
)
def test_speaker_of_a_chamber_leads_it(component, make_doc, text, ents):
    doc = make_doc(text, ents=ents)
    found = {(s, p) for s, p, o in facts(component, doc) if o.endswith(doc[0].text)}
    assert (doc[2:4].text, "leader_of") in found

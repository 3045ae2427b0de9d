"""Roles inside a legislature: its party leaders and majority leaders are members (hand-built Docs)."""

from __future__ import annotations

import pytest

from tests.test_extract_relations import triples


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Senate Democratic leader Chuck Schumer spoke .",
            [(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON")],
            ("Chuck Schumer", "member_of", "Democratic Party"),
        ),
        (
            "House Republican leader Kevin McCarthy spoke .",
            [(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON")],
            ("Kevin McCarthy", "member_of", "Republican Party"),
        ),
    ],
)
def test_a_party_leader_in_a_legislature_is_a_member_of_the_party(
    component, make_doc, text, ents, expected
):
    found = triples(component, make_doc(text, ents=ents))
    assert expected in found
    assert (expected[0], "leader_of", expected[2]) not in found


def test_a_party_leader_without_a_legislature_leads_the_party(component, make_doc):
    doc = make_doc("Tory leader Michael Howard spoke .", ents=[(0, 1, "NORP"), (2, 4, "PERSON")])
    assert ("Michael Howard", "leader_of", "Conservative Party") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Senate Majority Leader Mitch McConnell spoke .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            ("Mitch McConnell", "member_of", "Senate"),
        ),
        (
            "Chuck Schumer , Senate minority leader , spoke .",
            [(0, 2, "PERSON"), (3, 4, "ORG")],
            ("Chuck Schumer", "member_of", "Senate"),
        ),
    ],
)
def test_majority_and_minority_leaders_are_members_of_the_body(
    component, make_doc, text, ents, expected
):
    found = triples(component, make_doc(text, ents=ents))
    assert expected in found
    assert not any(p in ("leader_of", "works_for") for s, p, _ in found if s == expected[0])


def test_a_party_name_in_two_words_is_no_legislature(component, make_doc):
    # NER's "Liberal" before "Democrat" is the party's own first word, not a body.
    doc = make_doc(
        "Liberal Democrat leader Charles Kennedy spoke .",
        ents=[(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON")],
    )
    found = triples(component, doc)
    assert not any(p == "member_of" for s, p, _ in found if s == "Charles Kennedy")


@pytest.mark.parametrize("party", ["Republican", "Democrat"])
def test_a_party_written_for_a_senator_leaves_him_in_the_senate(component, make_doc, party):
    doc = make_doc(
        f"WASHINGTON ( Reuters ) - Senator Ann Ruiz , a {party} , spoke .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (10, 11, "NORP")],
    )
    found = triples(component, doc)
    assert ("Ann Ruiz", "member_of", "Senate") in found
    assert any(s == "Ann Ruiz" and o.endswith("Party") for s, _, o in found)

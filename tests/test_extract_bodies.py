"""Roles inside a legislature: its party leaders and majority leaders are members (hand-built Docs)."""

from __future__ import annotations

import pytest

from tests import docs
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
            ("Mitch McConnell", "leader_of", "Senate"),
        ),
        (
            "Chuck Schumer , Senate minority leader , spoke .",
            [(0, 2, "PERSON"), (3, 4, "ORG")],
            ("Chuck Schumer", "leader_of", "Senate"),
        ),
        (
            "House Majority Whip Steve Scalise spoke .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            ("Steve Scalise", "member_of", "House"),
        ),
    ],
)
def test_majority_and_minority_leaders_lead_the_body_and_whips_sit_in_it(
    component, make_doc, text, ents, expected
):
    found = triples(component, make_doc(text, ents=ents))
    assert expected in found
    assert not any(p == "works_for" for s, p, _ in found if s == expected[0])


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
        **docs.naming(
            f"WASHINGTON ( Reuters ) - Senator Ann Ruiz , a {party} , spoke .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (10, 11, "NORP")],
            "Senate",
        )
    )
    found = triples(component, doc)
    assert ("Ann Ruiz", "member_of", "Senate") in found
    assert any(s == "Ann Ruiz" and o.endswith("Party") for s, _, o in found)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("The U.S. Senate voted .", [(1, 2, "GPE"), (2, 3, "ORG")]),
        ("A suit filed in U.S. District Court names him .", [(4, 5, "GPE"), (5, 7, "ORG")]),
        ("He quit the UK Independence Party .", [(3, 4, "GPE"), (4, 6, "ORG")]),
    ],
)
def test_a_country_before_its_own_organ_states_no_base(component, make_doc, text, ents):
    assert not any(p == "based_in" for _, p, _ in triples(component, make_doc(text, ents=ents)))


@pytest.mark.parametrize(
    ("text", "ents", "org"),
    [
        (
            "The US Federal Reserve raised rates .",
            [(1, 2, "GPE"), (2, 4, "ORG")],
            "Federal Reserve",
        ),
        ("The UK Barclays Bank grew .", [(1, 2, "GPE"), (2, 4, "ORG")], "Barclays Bank"),
        ("The US Vonage Holdings grew .", [(1, 2, "GPE"), (2, 4, "ORG")], "Vonage Holdings"),
    ],
)
def test_a_country_before_a_company_or_agency_is_its_base(component, make_doc, text, ents, org):
    found = triples(component, make_doc(text, ents=ents))
    assert any(s == org and p == "based_in" for s, p, _ in found)

"""Precision checks: constructions that look like a role but state none (hand-built Docs)."""

from __future__ import annotations

import pytest

from tests.test_extract_relations import evidence, triples


@pytest.mark.parametrize(
    ("text", "ents", "wrong"),
    [
        (
            "Republican Senate candidate Roy Moore spoke .",
            [(0, 1, "NORP"), (1, 2, "ORG"), (3, 5, "PERSON")],
            ("Roy Moore", "member_of", "Senate"),
        ),
        (
            "The Senate candidate Ann Ruiz lost .",
            [(1, 2, "ORG"), (3, 5, "PERSON")],
            ("Ann Ruiz", "member_of", "Senate"),
        ),
        (
            "Ann Ruiz , the Senate candidate , lost .",
            [(0, 2, "PERSON"), (4, 5, "ORG")],
            ("Ann Ruiz", "member_of", "Senate"),
        ),
    ],
)
def test_a_candidate_for_a_body_is_no_member_of_it(component, make_doc, text, ents, wrong):
    assert wrong not in triples(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Labour candidate Jane Smith spoke .", [(0, 1, "ORG"), (2, 4, "PERSON")]),
        ("Republican candidate Jane Smith spoke .", [(0, 1, "NORP"), (2, 4, "PERSON")]),
    ],
)
def test_a_party_candidate_is_still_a_member(component, make_doc, text, ents):
    found = triples(component, make_doc(text, ents=ents))
    assert any(s == "Jane Smith" and p == "member_of" for s, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "party"),
    [
        (
            "Democratic Mayor Bill de Blasio won .",
            [(0, 1, "NORP"), (2, 5, "PERSON")],
            "Democratic Party",
        ),
        (
            "Republican Governor Kay Ivey said so .",
            [(0, 1, "NORP"), (2, 4, "PERSON")],
            "Republican Party",
        ),
    ],
)
def test_a_party_adjective_before_a_state_post_makes_a_member(
    component, make_doc, text, ents, party
):
    found = triples(component, make_doc(text, ents=ents))
    person = ents[1]
    name = " ".join(text.split()[person[0] : person[1]])
    assert (name, "member_of", party) in found
    assert (name, "leader_of", party) not in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Tory leader Michael Howard spoke .",
            [(0, 1, "NORP"), (2, 4, "PERSON")],
            ("Michael Howard", "leader_of", "Conservative Party"),
        ),
        (
            "Republican chairman Ann Ruiz spoke .",
            [(0, 1, "NORP"), (2, 4, "PERSON")],
            ("Ann Ruiz", "leader_of", "Republican Party"),
        ),
    ],
)
def test_a_party_post_still_leads_the_party(component, make_doc, text, ents, expected):
    assert expected in triples(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Former acting U.S. Attorney General Sally Yates testified .",
            [(2, 3, "GPE"), (5, 7, "PERSON")],
            ("Sally Yates", "secretary_of"),
        ),
        (
            "The ex - interim chief executive of Acme , Ann Ruiz , left .",
            [(7, 8, "ORG"), (9, 11, "PERSON")],
            ("Ann Ruiz", "leader_of"),
        ),
    ],
)
def test_former_before_acting_makes_the_role_former(component, make_doc, text, ents, fact):
    doc = make_doc(text, ents=ents)
    statuses = {
        t.evidence.status for t in evidence(component, doc) if (t.subject.name, t.predicate) == fact
    }
    assert statuses == {"former"}


@pytest.mark.parametrize(
    ("text", "ents", "wrong"),
    [
        (
            "After talks with EU foreign ministers , Tillerson spoke .",
            [(3, 4, "ORG"), (7, 8, "PERSON")],
            ("Tillerson", "secretary_of", "European Union"),
        ),
        (
            "Having met Acme Bank analysts , Ann Ruiz left early .",
            [(2, 4, "ORG"), (6, 8, "PERSON")],
            ("Ann Ruiz", "works_for", "Acme Bank"),
        ),
    ],
)
def test_a_plural_title_before_one_name_is_not_its_post(component, make_doc, text, ents, wrong):
    # The title ends a phrase of its own; the name after the comma starts the clause.
    found = triples(component, make_doc(text, ents=ents))
    assert not any(s == wrong[0] for s, _, _ in found)


def test_a_plural_title_before_a_list_of_names_is_each_ones_post(component, make_doc):
    doc = make_doc(
        "Two Acme Bank analysts , Ann Ruiz and Tom Hale , said so .",
        ents=[(1, 3, "ORG"), (5, 7, "PERSON"), (8, 10, "PERSON")],
    )
    found = triples(component, doc)
    assert ("Ann Ruiz", "works_for", "Acme Bank") in found
    assert ("Tom Hale", "works_for", "Acme Bank") in found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Ann Ruiz , a vocal critic of Acme Bank , spoke .", [(0, 2, "PERSON"), (7, 9, "ORG")]),
        ("Ann Ruiz , a supporter of Acme Corp , spoke .", [(0, 2, "PERSON"), (6, 8, "ORG")]),
    ],
)
def test_a_stance_names_what_it_judges_not_an_employer(component, make_doc, text, ents):
    assert not triples(component, make_doc(text, ents=ents))


def test_a_post_in_the_same_apposition_still_counts(component, make_doc):
    doc = make_doc(
        "Ann Ruiz , a director of Acme Bank , spoke .", ents=[(0, 2, "PERSON"), (6, 8, "ORG")]
    )
    assert ("Ann Ruiz", "leader_of", "Acme Bank") in triples(component, doc)

"""Precision checks: constructions that look like a role but state none (hand-built Docs)."""

from __future__ import annotations

import pytest

from tests import docs
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


@pytest.mark.parametrize(
    ("text", "ents", "spec"),
    [
        (
            "The flaws were exploited by the Acme Club in Leeds .",
            [(6, 8, "ORG"), (9, 10, "GPE")],
            "DET/1/det NOUN/3/nsubjpass AUX/3/auxpass VERB/3/ROOT ADP/3/agent DET/7/det "
            "PROPN/7/compound PROPN/4/pobj ADP/7/prep PROPN/8/pobj PUNCT/3/punct",
        ),
        (
            "Ann Ruiz spoke at Acme Corp in Leeds .",
            [(0, 2, "PERSON"), (4, 6, "ORG"), (7, 8, "GPE")],
            "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT ADP/2/prep PROPN/5/compound "
            "PROPN/3/pobj ADP/5/prep PROPN/6/pobj PUNCT/2/punct",
        ),
        (
            "It has offices at Acme Corp in Leeds , Hull and York .",
            [(4, 6, "ORG"), (7, 8, "GPE"), (9, 10, "GPE"), (11, 12, "GPE")],
            "PRON/1/nsubj VERB/1/ROOT NOUN/1/dobj ADP/2/prep PROPN/5/compound PROPN/3/pobj "
            "ADP/5/prep PROPN/6/pobj PUNCT/7/punct PROPN/7/conj CCONJ/9/cc PROPN/9/conj "
            "PUNCT/1/punct",
        ),
    ],
)
def test_a_place_of_what_happened_is_no_base(component, make_doc, text, ents, spec):
    # The organization is the object of a verb's preposition, or the place starts a list.
    doc = docs.parsed(make_doc, text, ents, spec)
    assert not any(p == "based_in" for _, p, _ in triples(component, doc))


def test_an_employer_in_a_place_is_based_there(component, make_doc):
    doc = docs.parsed(
        make_doc,
        "Ann Ruiz , an economist with Acme Corp in Leeds , spoke .",
        [(0, 2, "PERSON"), (6, 8, "ORG"), (9, 10, "GPE")],
        "PROPN/1/compound PROPN/11/nsubj PUNCT/1/punct DET/4/det NOUN/1/appos ADP/4/prep "
        "PROPN/7/compound PROPN/5/pobj ADP/7/prep PROPN/8/pobj PUNCT/1/punct VERB/11/ROOT "
        "PUNCT/11/punct",
    )
    assert ("Acme Corp", "based_in", "Leeds") in triples(component, doc)


@pytest.mark.parametrize(
    ("verb", "lemma", "leads"),
    [("owns", "own", False), ("runs", "run", True), ("heads", "head", True)],
)
def test_an_owner_is_no_leader(component, make_doc, verb, lemma, leads):
    doc = docs.parsed(
        make_doc,
        f"Ann Ruiz {verb} Acme Corp .",
        [(0, 2, "PERSON"), (3, 5, "ORG")],
        f"PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT/{lemma} PROPN/4/compound PROPN/2/dobj "
        "PUNCT/2/punct",
    )
    assert (("Ann Ruiz", "leader_of", "Acme Corp") in triples(component, doc)) is leads

"""Precision checks from the audit of 2026-12-03 (bench/results/precision-audit-2026-12-03.md):
title words NER made an organization, and descriptions that referred to the wrong kind of body
(hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import ExtractComponent
from tests.test_extract_relations import triples


@pytest.fixture(scope="module")
def us_component(blank) -> ExtractComponent:
    return ExtractComponent(blank, [], country="United States")


@pytest.mark.parametrize(
    ("text", "ents", "junk"),
    [
        (
            "“ It is time , ” Deputy Press Secretary Raj Shah said .",
            [(6, 7, "ORG"), (8, 10, "PERSON")],
            "Press",
        ),
        (
            "“ We are committed , ” said Finance Minister Omar Davies .",
            [(7, 8, "ORG"), (9, 11, "PERSON")],
            "Finance",
        ),
        (
            "State Representative Carlos Smith opposed the budget .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            "State",
        ),
    ],
)
def test_first_word_of_a_title_is_no_organization(component, make_doc, text, ents, junk):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(o == junk for _, _, o in found)


def test_first_word_of_a_title_leaves_the_implied_department(us_component, make_doc):
    doc = make_doc(
        "Defense Secretary Jim Mattis joined the talks .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")]
    )
    found = triples(us_component, doc)
    assert ("Jim Mattis", "secretary_of", "Pentagon") in found
    assert not any(o == "Defense" for _, _, o in found)


def test_a_known_name_before_a_title_stays_its_object(component, make_doc):
    doc = make_doc(
        "Treasury Secretary Steven Mnuchin said so .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")]
    )
    assert ("Steven Mnuchin", "secretary_of", "Treasury") in triples(component, doc)


def test_an_organization_before_a_title_it_does_not_start_stays_its_object(component, make_doc):
    doc = make_doc("Acme spokesman Guy Whitcomb said so .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")])
    assert ("Guy Whitcomb", "spokesperson_of", "Acme") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "The House Intelligence Committee withdrew a subpoena served on Glenn Simpson , "
            "a founder of the firm .",
            [(1, 4, "ORG"), (9, 11, "PERSON")],
        ),
        (
            "The Justice Department sued . Glenn Simpson , a founder of the company , said so .",
            [(1, 3, "ORG"), (5, 7, "PERSON")],
        ),
    ],
)
def test_a_description_never_refers_to_another_kind_of_body(component, make_doc, text, ents):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(s == "Glenn Simpson" for s, _, _ in found)


def test_a_name_in_parentheses_is_no_antecedent(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - Ann Lee , a founder of the company , said so .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (5, 7, "PERSON")],
    )
    assert not any(p == "founder_of" for _, p, _ in triples(component, doc))


@pytest.mark.parametrize(
    ("text", "ents", "org"),
    [
        (
            "Acme Corp ( ACME ) rose . Jane Smith , a founder of the company , said so .",
            [(0, 2, "ORG"), (3, 4, "ORG"), (7, 9, "PERSON")],
            "Acme Corp",
        ),
        (
            "Shares of Fusion GPS rose . Jane Smith , a founder of the firm , said so .",
            [(2, 4, "ORG"), (6, 8, "PERSON")],
            "Fusion GPS",
        ),
    ],
)
def test_a_description_still_refers_to_its_kind_of_name(component, make_doc, text, ents, org):
    assert ("Jane Smith", "founder_of", org) in triples(component, make_doc(text, ents=ents))


_RED_CROSS = (
    "A spokesman for the Red Cross in Geneva said so .",
    [(4, 6, "ORG"), (7, 8, "GPE")],
    [(1, "det"), (8, "nsubj"), (1, "prep"), (5, "det"), (5, "compound"), (2, "pobj")]
    + [(5, "prep"), (6, "pobj"), (8, "ROOT"), (8, "advmod"), (8, "punct")],
    ("Red Cross", "based_in", "Geneva"),
)
_ECONOMIST = (
    "Ann Lee , an economist with Acme Capital in Boston , said so .",
    [(0, 2, "PERSON"), (6, 8, "ORG"), (9, 10, "GPE")],
    [(1, "compound"), (11, "nsubj"), (1, "punct"), (4, "det"), (1, "appos"), (4, "prep")]
    + [(7, "compound"), (5, "pobj"), (7, "prep"), (8, "pobj"), (1, "punct"), (11, "ROOT")]
    + [(11, "advmod"), (11, "punct")],
    ("Acme Capital", "based_in", "Boston"),
)


@pytest.mark.parametrize(("text", "ents", "parse", "fact"), [_RED_CROSS, _ECONOMIST])
def test_an_in_phrase_of_the_organization_gives_its_seat(
    component, make_doc, text, ents, parse, fact
):
    assert fact in triples(component, make_doc(text, ents=ents, parse=parse))


@pytest.mark.parametrize(
    ("text", "ents", "parse"),
    [
        (  # the place is where the game was
            "They played a game against Acme Tech in Shanghai .",
            [(5, 7, "ORG"), (8, 9, "GPE")],
            [(1, "nsubj"), (1, "ROOT"), (3, "det"), (1, "dobj"), (3, "prep"), (6, "compound")]
            + [(4, "pobj"), (3, "prep"), (7, "pobj"), (1, "punct")],
        ),
        (  # a place written after a word of its own is no seat ("in southeastern Virginia")
            "It holds the hub of Acme News in southeastern Virginia .",
            [(5, 7, "ORG"), (9, 10, "GPE")],
            [(1, "nsubj"), (1, "ROOT"), (3, "det"), (1, "dobj"), (3, "prep"), (6, "compound")]
            + [(4, "pobj"), (6, "prep"), (9, "amod"), (7, "pobj"), (1, "punct")],
        ),
        (  # the place is where the shares are listed
            "They intend to list Aramco in Riyadh .",
            [(4, 5, "ORG"), (6, 7, "GPE")],
            [(1, "nsubj"), (1, "ROOT"), (3, "aux"), (1, "xcomp"), (3, "dobj"), (3, "prep")]
            + [(5, "pobj"), (1, "punct")],
        ),
    ],
)
def test_an_in_phrase_of_a_verb_or_another_noun_gives_no_seat(
    component, make_doc, text, ents, parse
):
    found = triples(component, make_doc(text, ents=ents, parse=parse))
    assert not any(p == "based_in" for _, p, _ in found)

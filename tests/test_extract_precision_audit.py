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


def test_a_public_description_refers_to_a_public_body(component, make_doc):
    doc = make_doc(
        "The Justice Department sued . Ann Lee , a spokeswoman for the agency , said so .",
        ents=[(1, 3, "ORG"), (5, 7, "PERSON")],
    )
    assert ("Ann Lee", "spokesperson_of", "Justice Department") in triples(component, doc)


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
    [
        (1, "det"),
        (8, "nsubj"),
        (1, "prep"),
        (5, "det"),
        (5, "compound"),
        (2, "pobj"),
        (5, "prep"),
        (6, "pobj"),
        (8, "ROOT"),
        (8, "advmod"),
        (8, "punct"),
    ],
    ("Red Cross", "based_in", "Geneva"),
)
_ECONOMIST = (
    "Ann Lee , an economist with Acme Capital in Boston , said so .",
    [(0, 2, "PERSON"), (6, 8, "ORG"), (9, 10, "GPE")],
    [
        (1, "compound"),
        (11, "nsubj"),
        (1, "punct"),
        (4, "det"),
        (1, "appos"),
        (4, "prep"),
        (7, "compound"),
        (5, "pobj"),
        (7, "prep"),
        (8, "pobj"),
        (1, "punct"),
        (11, "ROOT"),
        (11, "advmod"),
        (11, "punct"),
    ],
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
            [
                (1, "nsubj"),
                (1, "ROOT"),
                (3, "det"),
                (1, "dobj"),
                (3, "prep"),
                (6, "compound"),
                (4, "pobj"),
                (3, "prep"),
                (7, "pobj"),
                (1, "punct"),
            ],
        ),
        (  # a place written after a word of its own is no seat ("in southeastern Virginia")
            "It holds the hub of Acme News in southeastern Virginia .",
            [(5, 7, "ORG"), (9, 10, "GPE")],
            [
                (1, "nsubj"),
                (1, "ROOT"),
                (3, "det"),
                (1, "dobj"),
                (3, "prep"),
                (6, "compound"),
                (4, "pobj"),
                (6, "prep"),
                (9, "amod"),
                (7, "pobj"),
                (1, "punct"),
            ],
        ),
        (  # the place is where the shares are listed
            "They intend to list Aramco in Riyadh .",
            [(4, 5, "ORG"), (6, 7, "GPE")],
            [
                (1, "nsubj"),
                (1, "ROOT"),
                (3, "aux"),
                (1, "xcomp"),
                (3, "dobj"),
                (3, "prep"),
                (5, "pobj"),
                (1, "punct"),
            ],
        ),
    ],
)
def test_an_in_phrase_of_a_verb_or_another_noun_gives_no_seat(
    component, make_doc, text, ents, parse
):
    found = triples(component, make_doc(text, ents=ents, parse=parse))
    assert not any(p == "based_in" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "department"),
    [
        (
            "Shadow Treasury chief secretary George Osborne said so .",
            [(1, 2, "ORG"), (4, 6, "PERSON")],
            "Treasury",
        ),
        (
            "The shadow Home Office minister Ann Lee spoke .",
            [(2, 4, "ORG"), (5, 7, "PERSON")],
            "Home Office",
        ),
    ],
)
def test_a_shadow_post_is_held_in_no_department(component, make_doc, text, ents, department):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(o == department for _, _, o in found)


def test_a_shadow_post_still_names_the_party(component, make_doc):
    doc = make_doc(
        "Conservative shadow home secretary David Davis said so .",
        ents=[(0, 1, "NORP"), (4, 6, "PERSON")],
    )
    assert ("David Davis", "member_of", "Conservative Party") in triples(component, doc)


# "Republican leaders and Senate Minority Leader Chuck Schumer met on Monday ." as parsed
_LEADERS_PARSE = [
    (1, "amod"),
    (8, "nsubj"),
    (1, "cc"),
    (5, "compound"),
    (5, "compound"),
    (1, "conj"),
    (7, "compound"),
    (1, "appos"),
    (8, "ROOT"),
    (8, "prep"),
    (9, "pobj"),
    (8, "punct"),
]
_LEADERS_TAGS = ["JJ", "NNS", "CC", "NNP", "NNP", "NNP", "NNP", "NNP", "VBD", "IN", "NNP", "."]


def test_a_plural_title_conjoined_names_other_people(component, make_doc):
    doc = make_doc(
        "Republican leaders and Senate Minority Leader Chuck Schumer met on Monday .",
        ents=[(0, 1, "NORP"), (3, 4, "ORG"), (6, 8, "PERSON"), (10, 11, "DATE")],
        parse=_LEADERS_PARSE,
        tags=_LEADERS_TAGS,
    )
    found = triples(component, doc)
    assert ("Chuck Schumer", "leader_of", "Senate") in found
    assert ("Chuck Schumer", "leader_of", "Republican Party") not in found


def test_a_singular_title_conjoined_is_still_the_subjects(component, make_doc):
    text = "Ann Lee , director of Acme and a member of Beta Club , spoke ."
    parse = [(1, "compound"), (13, "nsubj"), (1, "punct"), (1, "appos"), (3, "prep")]
    parse += [(4, "pobj"), (3, "cc"), (8, "det"), (3, "conj"), (8, "prep"), (11, "compound")]
    parse += [(9, "pobj"), (1, "punct"), (13, "ROOT"), (13, "punct")]
    tags = ["NNP", "NNP", ",", "NN", "IN", "NNP", "CC", "DT", "NN", "IN", "NNP", "NNP", ","]
    tags += ["VBD", "."]
    doc = make_doc(
        text, ents=[(0, 2, "PERSON"), (5, 6, "ORG"), (10, 12, "ORG")], parse=parse, tags=tags
    )
    assert ("Ann Lee", "member_of", "Beta Club") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "parse", "tags"),
    [
        (
            "Acme Director Richard Cordray , a Democrat , resigned on Friday .",
            [(0, 1, "ORG"), (2, 4, "PERSON"), (6, 7, "NORP"), (10, 11, "DATE")],
            [
                (1, "compound"),
                (3, "compound"),
                (3, "compound"),
                (8, "nsubj"),
                (3, "punct"),
                (6, "det"),
                (3, "appos"),
                (3, "punct"),
                (8, "ROOT"),
                (8, "prep"),
                (9, "pobj"),
                (8, "punct"),
            ],
            ["NNP", "NNP", "NNP", "NNP", ",", "DT", "NNP", ",", "VBD", "IN", "NNP", "."],
        ),
        (
            "Richard Cordray , the Acme director , stepped down on Friday .",
            [(0, 2, "PERSON"), (4, 5, "ORG"), (10, 11, "DATE")],
            [
                (1, "compound"),
                (7, "nsubj"),
                (1, "punct"),
                (5, "det"),
                (5, "compound"),
                (1, "appos"),
                (1, "punct"),
                (7, "ROOT"),
                (7, "advmod"),
                (7, "prep"),
                (9, "pobj"),
                (7, "punct"),
            ],
            ["NNP", "NNP", ",", "DT", "NNP", "NN", ",", "VBD", "RB", "IN", "NNP", "."],
        ),
        (
            "Acme Director Richard Cordray was fired on Monday .",
            [(0, 1, "ORG"), (2, 4, "PERSON"), (7, 8, "DATE")],
            [
                (1, "compound"),
                (3, "compound"),
                (3, "compound"),
                (5, "nsubjpass"),
                (5, "auxpass"),
                (5, "ROOT"),
                (5, "prep"),
                (6, "pobj"),
                (5, "punct"),
            ],
            ["NNP", "NNP", "NNP", "NNP", "VBD", "VBN", "IN", "NNP", "."],
        ),
    ],
)
def test_a_title_of_who_resigned_is_former(component, make_doc, text, ents, parse, tags):
    verbs = {"resigned": "resign", "stepped": "step", "fired": "fire"}
    lemmas = [verbs.get(w, w.lower()) for w in text.split()]
    doc = make_doc(text, ents=ents, parse=parse, tags=tags, lemmas=lemmas)
    assert ("Richard Cordray", "leader_of", "Acme") not in triples(component, doc)
    assert ("Richard Cordray", "leader_of", "Acme") in triples(component, doc, status="former")


def test_a_title_of_who_will_resign_or_did_not_stays_current(component, make_doc):
    text = "Acme Director Richard Cordray will not resign on Friday ."
    parse = [(1, "compound"), (3, "compound"), (3, "compound"), (6, "nsubj"), (6, "aux")]
    parse += [(6, "neg"), (6, "ROOT"), (6, "prep"), (7, "pobj"), (6, "punct")]
    tags = ["NNP", "NNP", "NNP", "NNP", "MD", "RB", "VB", "IN", "NNP", "."]
    doc = make_doc(
        text, ents=[(0, 1, "ORG"), (2, 4, "PERSON"), (8, 9, "DATE")], parse=parse, tags=tags
    )
    assert ("Richard Cordray", "leader_of", "Acme") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "junk"),
    [
        (
            "Transport Commissioner Jacques Barrot said so .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            "Transport",
        ),
        (
            "They face Armed Forces Minister Adam Ingram .",
            [(2, 4, "ORG"), (5, 7, "PERSON")],
            "Armed Forces",
        ),
        (
            "Work and Pensions Secretary Alan Johnson spoke .",
            [(0, 3, "ORG"), (4, 6, "PERSON")],
            "Work and Pensions",
        ),
    ],
)
def test_portfolio_words_before_a_title_are_no_organization(component, make_doc, text, ents, junk):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(o == junk for _, _, o in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "U.S. Energy Secretary Rick Perry visited Riyadh .",
            [(0, 2, "ORG"), (3, 5, "PERSON"), (6, 7, "GPE")],
            ("Rick Perry", "secretary_of", "United States"),
        ),
        (
            "Lib Dem Home Affairs spokesman Mark Oaten said so .",
            [(0, 4, "ORG"), (5, 7, "PERSON")],
            ("Mark Oaten", "member_of", "Liberal Democrats"),
        ),
    ],
)
def test_portfolio_words_are_cut_off_a_known_name(component, make_doc, text, ents, fact):
    found = triples(component, make_doc(text, ents=ents))
    assert fact in found
    assert not any(p == fact[1] and o != fact[2] for s, p, o in found if s == fact[0])


def test_a_name_that_ends_in_a_portfolio_word_stays_a_name(component, make_doc):
    doc = make_doc(
        "Acme Energy spokesman Ann Lee said so .", ents=[(0, 2, "ORG"), (3, 5, "PERSON")]
    )
    assert ("Ann Lee", "spokesperson_of", "Acme Energy") in triples(component, doc)

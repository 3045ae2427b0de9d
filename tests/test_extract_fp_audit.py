"""Precision checks from the false-positive audit of 2026-12-03
(bench/results/fp-audit-2026-12-03.md): a title held in another body, a place that starts a
longer name, and a title whose possessive names another person (hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from tests.docs import facts, parsed
from tests.test_extract_relations import triples
from tests.test_extract_teams import _ents


@pytest.mark.parametrize(
    ("text", "ents", "person"),
    [
        (
            "He remained confident in the panel 's Republican chairman , Richard Burr .",
            [(7, 8, "NORP"), (10, 12, "PERSON")],
            "Richard Burr",
        ),
        (
            "Cummings said the committee 's Democratic leader , Ann Ruiz , agreed .",
            [(0, 1, "PERSON"), (5, 6, "NORP"), (8, 10, "PERSON")],
            "Ann Ruiz",
        ),
    ],
)
def test_a_party_adjective_after_a_possessive_makes_a_member(
    component, make_doc, text, ents, person
):
    found = triples(component, make_doc(text, ents=ents))
    party = "Republican Party" if "Republican" in text else "Democratic Party"
    assert (person, "member_of", party) in found
    assert (person, "leader_of", party) not in found


def test_a_party_adjective_without_a_body_still_leads(component, make_doc):
    doc = make_doc(
        "The Republican chairman , Richard Burr , spoke .", ents=[(1, 2, "NORP"), (4, 6, "PERSON")]
    )
    found = triples(component, doc)
    assert ("Richard Burr", "leader_of", "Republican Party") in found


@pytest.mark.parametrize(
    ("text", "ents", "person", "chamber"),
    [
        (
            "House Judiciary Chairman Bob Goodlatte said so .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            "Bob Goodlatte",
            "House",
        ),
        (
            "Senate Ways and Means Chairman Kevin Brady said so .",
            [(0, 1, "ORG"), (5, 7, "PERSON")],
            "Kevin Brady",
            "Senate",
        ),
    ],
)
def test_a_committee_name_between_a_chamber_and_its_chair_makes_a_member(
    component, make_doc, text, ents, person, chamber
):
    found = triples(component, make_doc(text, ents=ents))
    assert (person, "member_of", chamber) in found
    assert (person, "leader_of", chamber) not in found


@pytest.mark.parametrize(
    ("text", "ents", "person", "org"),
    [
        (
            "House Speaker Paul Ryan said so .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            "Paul Ryan",
            "House",
        ),
        (  # no chamber: the capitalised word may be the end of a name NER cut short
            "Deutsche Bank Chairman Paul Achleitner said so .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            "Paul Achleitner",
            "Deutsche",
        ),
    ],
)
def test_a_chamber_or_organization_right_before_its_head_title_is_led(
    component, make_doc, text, ents, person, org
):
    assert (person, "leader_of", org) in triples(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "person", "place"),
    [
        (
            "Kenneth Mapp , governor of the U.S. Virgin Islands , said so .",
            [(0, 2, "PERSON"), (6, 7, "GPE")],
            "Kenneth Mapp",
            "United States",
        ),
        (
            "Ana Diaz , president of Mexico Air Lines , said so .",
            [(0, 2, "PERSON"), (5, 6, "GPE")],
            "Ana Diaz",
            "Mexico",
        ),
    ],
)
def test_a_place_before_a_capitalised_word_starts_a_longer_name(
    component, make_doc, text, ents, person, place
):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(s == person and o == place for s, _, o in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Greg Abbott , governor of Texas , said so .",
            [(0, 2, "PERSON"), (5, 6, "GPE")],
            ("Greg Abbott", "leader_of", "Texas"),
        ),
        (
            "Kenneth Mapp , governor of the Virgin Islands , said so .",
            [(0, 2, "PERSON"), (6, 8, "GPE")],
            ("Kenneth Mapp", "leader_of", "Virgin Islands"),
        ),
    ],
)
def test_a_whole_place_after_a_title_stays_the_object(component, make_doc, text, ents, fact):
    assert fact in triples(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "person"),
    [
        (
            "Boucher , the Republican senator 's neighbor , is charged .",
            [(0, 1, "PERSON"), (3, 4, "NORP")],
            "Boucher",
        ),
        (
            "Ann Ruiz , the Acme chairman 's daughter , spoke .",
            [(0, 2, "PERSON"), (4, 5, "ORG")],
            "Ann Ruiz",
        ),
    ],
)
def test_a_title_before_a_possessive_is_another_persons(component, make_doc, text, ents, person):
    assert not any(s == person for s, _, _ in triples(component, make_doc(text, ents=ents)))


def test_a_title_after_a_possessive_is_the_names(component, make_doc):
    doc = make_doc("Ann Ruiz , the Acme chairman , spoke .", ents=[(0, 2, "PERSON"), (4, 5, "ORG")])
    assert ("Ann Ruiz", "leader_of", "Acme") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "spec", "fact", "status"),
    [
        (
            "Bo Li spoke when Ann Ruiz was ambassador to France .",
            "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT SCONJ/6/advmod PROPN/5/compound "
            "PROPN/6/nsubj AUX/2/advcl/be NOUN/6/attr ADP/7/prep PROPN/8/pobj PUNCT/2/punct",
            ("Ann Ruiz", "works_for", "France"),
            "former",
        ),
        (
            "Bo Li spoke when Ann Ruiz was minister for Wales .",
            "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT SCONJ/6/advmod PROPN/5/compound "
            "PROPN/6/nsubj AUX/2/advcl/be NOUN/6/attr ADP/7/prep PROPN/8/pobj PUNCT/2/punct",
            ("Ann Ruiz", "secretary_of", "Wales"),
            "former",
        ),
        (  # no time clause: the role is current
            "Ann Ruiz is ambassador to France .",
            "PROPN/1/compound PROPN/2/nsubj AUX/2/ROOT/be NOUN/2/attr ADP/3/prep PROPN/4/pobj "
            "PUNCT/2/punct",
            ("Ann Ruiz", "works_for", "France"),
            "current",
        ),
    ],
)
def test_a_title_ending_in_its_preposition_takes_the_status_of_its_verb(
    component, make_doc, text, spec, fact, status
):
    words = text.split()
    ruiz, obj = words.index("Ann"), len(words) - 2
    ents = [(ruiz, ruiz + 2, "PERSON"), (obj, obj + 1, "GPE")]
    if "Bo" in words:
        ents.append((0, 2, "PERSON"))
    doc = parsed(make_doc, text, sorted(ents), spec)
    for token in doc:
        if token.lemma_ in ("be", "speak") and token.text in ("was", "spoke"):
            token.tag_ = "VBD"
    found = facts(component, doc, status=None, evidence=("status",))
    assert (*fact, status) in found
    assert not any(f[:3] == fact and f[3] != status for f in found)


@pytest.mark.parametrize(
    ("text", "names", "fact"),
    [
        (
            "Leicester flanker Lewis Moody is fit .\nLeicester 's Harry Ellis starts .",
            [("Leicester", "GPE"), ("Lewis Moody", "PERSON"), ("Harry Ellis", "PERSON")],
            ("Harry Ellis", "member_of", "Leicester"),
        ),
        (
            "Chelsea boss Jose Mourinho spoke .\nChelsea 's Frank Lampard scored twice .",
            [("Chelsea", "GPE"), ("Jose Mourinho", "PERSON"), ("Frank Lampard", "PERSON")],
            ("Frank Lampard", "member_of", "Chelsea"),
        ),
    ],
)
def test_a_teams_person_is_its_member(component, make_doc, text, names, fact):
    found = triples(component, make_doc(text, ents=_ents(make_doc, text, names)))
    assert fact in found
    assert (fact[0], "works_for", fact[2]) not in found


def test_a_companys_person_works_for_it(component, make_doc):
    doc = make_doc("Yahoo 's Nick Hazel disagreed .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")])
    assert ("Nick Hazel", "works_for", "Yahoo") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "person", "org"),
    [
        (
            "The deal was struck by Congress and President Donald Trump .",
            [(5, 6, "ORG"), (8, 10, "PERSON")],
            "Donald Trump",
            "Congress",
        ),
        (
            "Lawmakers in the Senate and Speaker Paul Ryan agreed .",
            [(3, 4, "ORG"), (6, 8, "PERSON")],
            "Paul Ryan",
            "Senate",
        ),
        (
            "Republicans also have a Senate majority and President Donald Trump .",
            [(0, 1, "NORP"), (4, 5, "ORG"), (8, 10, "PERSON")],
            "Donald Trump",
            "Senate",
        ),
    ],
)
def test_an_object_conjoined_with_the_titled_name_is_no_object(
    component, make_doc, text, ents, person, org
):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(s == person and o == org for s, _, o in found)


def test_a_noun_after_the_conjunction_keeps_the_object(component, make_doc):
    doc = make_doc(
        "Acme sales and marketing director Ann Ruiz said so .",
        ents=[(0, 1, "ORG"), (5, 7, "PERSON")],
    )
    assert ("Ann Ruiz", "works_for", "Acme") in triples(component, doc)


@pytest.fixture(scope="module")
def us_component(blank):
    from kg.extract.pipeline import ExtractComponent

    return ExtractComponent(blank, [], country="United States")


@pytest.mark.parametrize(
    ("text", "ents", "person"),
    [
        (
            "Trump will travel to China and President Xi Jinping will host him .",
            [(0, 1, "PERSON"), (4, 5, "GPE"), (7, 9, "PERSON")],
            "Xi Jinping",
        ),
        (
            "Talks between Russia and President Vladimir Putin stalled .",
            [(2, 3, "GPE"), (5, 7, "PERSON")],
            "Vladimir Putin",
        ),
    ],
)
def test_a_country_conjoined_before_a_title_leaves_no_implied_object(
    us_component, make_doc, text, ents, person
):
    found = triples(us_component, make_doc(text, ents=ents))
    assert not any(s == person for s, _, _ in found)


def test_a_body_conjoined_before_a_title_leaves_the_implied_object(us_component, make_doc):
    doc = make_doc(
        "The deal was struck by Congress and President Donald Trump .",
        ents=[(5, 6, "ORG"), (8, 10, "PERSON")],
    )
    found = triples(us_component, doc)
    assert any(s == "Donald Trump" and o == "United States" for s, _, o in found)
    assert not any(o == "Congress" for _, _, o in found)


def test_a_country_conjoined_before_a_title_in_its_own_story_keeps_the_implied_object(
    blank, make_doc
):
    from kg.extract.pipeline import ExtractComponent

    doc = make_doc(
        "It will surprise China and President Xi Jinping .",
        ents=[(3, 4, "GPE"), (6, 8, "PERSON")],
    )
    found = triples(ExtractComponent(blank, [], country="China"), doc)
    assert any(s == "Xi Jinping" and o == "China" for s, _, o in found)

"""Which name a title belongs to, when the sentence holds more than one (hand-built Docs)."""

from __future__ import annotations

import pytest

from tests.docs import parsed
from tests.test_extract_relations import triples


@pytest.mark.parametrize(
    ("text", "ents", "spokesman", "other"),
    [
        (
            "Stephen Miskin , a spokesman for Pennsylvania House Speaker Mike Turzai , spoke .",
            [(0, 2, "PERSON"), (6, 8, "ORG"), (9, 11, "PERSON")],
            "Stephen Miskin",
            "Pennsylvania House",
        ),
        (
            "Ann Ruiz , an adviser to Acme chairman Bob Ray , spoke .",
            [(0, 2, "PERSON"), (6, 7, "ORG"), (8, 10, "PERSON")],
            "Ann Ruiz",
            "Acme",
        ),
    ],
)
def test_an_organization_before_another_persons_title_is_his(
    component, make_doc, text, ents, spokesman, other
):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(s == spokesman and o == other for s, _, o in found)
    assert any(o == other and s != spokesman for s, _, o in found)


def test_a_title_right_after_a_name_still_takes_its_organization(component, make_doc):
    doc = make_doc(
        "Luke Popovich , a spokesman for the National Mining Association , spoke .",
        ents=[(0, 2, "PERSON"), (7, 10, "ORG")],
    )
    assert ("Luke Popovich", "spokesperson_of", "National Mining Association") in triples(
        component, doc
    )


CLAUSE = (
    "NOUN/1/nsubj VERB/9/ccomp ADP/1/prep PROPN/4/compound PROPN/2/pobj PUNCT/9/punct "
    "DET/8/det PROPN/8/compound NOUN/9/nsubj VERB/9/ROOT/say PUNCT/9/punct"
)
APPOSITION = (
    "NOUN/1/nsubj VERB/1/ROOT ADP/1/prep PROPN/4/compound PROPN/2/pobj PUNCT/4/punct "
    "DET/8/det PROPN/8/compound NOUN/4/appos PUNCT/4/punct PUNCT/1/punct"
)


@pytest.mark.parametrize(
    ("text", "spec", "stated"),
    [
        ("Money went to Roy Moore , an RNC official said .", CLAUSE, False),
        ("Money went to Roy Moore , a Fed official said .", CLAUSE, False),
        ("Money went to Roy Moore , an RNC official , .", APPOSITION, True),
    ],
)
def test_a_title_that_is_the_subject_of_a_verb_is_no_apposition(
    component, make_doc, text, spec, stated
):
    doc = parsed(make_doc, text, [(3, 5, "PERSON"), (7, 8, "ORG")], spec)
    found = triples(component, doc)
    assert any(s == "Roy Moore" for s, _, _ in found) is stated, found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Bob Ray is deputy leader . Acme 's chairman Ann Ruiz spoke .",
            [(0, 2, "PERSON"), (6, 7, "ORG"), (9, 11, "PERSON")],
            ("Ann Ruiz", "leader_of", "Acme"),
        ),
        (
            "Bob Ray is a former leader . Acme chairman Ann Ruiz spoke .",
            [(0, 2, "PERSON"), (7, 8, "ORG"), (9, 11, "PERSON")],
            ("Ann Ruiz", "leader_of", "Acme"),
        ),
    ],
)
def test_a_modifier_of_the_sentence_before_leaves_a_title_alone(
    component, make_doc, text, ents, expected
):
    assert expected in triples(component, make_doc(text, ents=ents))


def test_a_name_in_a_coordination_before_a_subject_title_is_no_apposition(component, make_doc):
    text = "Money went to Bo Li and Roy Moore , an RNC official said ."
    spec = (
        "NOUN/1/nsubj VERB/12/ccomp ADP/1/prep PROPN/4/compound PROPN/2/pobj CCONJ/4/cc "
        "PROPN/7/compound PROPN/4/conj PUNCT/12/punct DET/11/det PROPN/11/compound "
        "NOUN/12/nsubj VERB/12/ROOT/say PUNCT/12/punct"
    )
    doc = parsed(make_doc, text, [(3, 5, "PERSON"), (6, 8, "PERSON"), (10, 11, "ORG")], spec)
    assert not any(s == "Roy Moore" for s, _, _ in triples(component, doc))


@pytest.mark.parametrize(
    ("text", "ents", "pair"),
    [
        (
            "He took a line toward Islamabad , U.S. officials said .",
            [(5, 6, "GPE"), (7, 8, "GPE")],
            ("Islamabad", "United States"),
        ),
        (
            "On the Korean Peninsula , China and the United States agree .",
            [(2, 4, "LOC"), (5, 6, "GPE"), (8, 10, "GPE")],
            ("Korean Peninsula", "China"),
        ),
    ],
)
def test_a_place_before_a_comma_and_a_modifier_or_a_list_is_not_located(
    component, make_doc, text, ents, pair
):
    found = triples(component, make_doc(text, ents=ents))
    assert (pair[0], "located_in", pair[1]) not in found


def test_a_town_comma_its_country_is_located(component, make_doc):
    doc = make_doc("He lives in Leeds , England , now .", ents=[(3, 4, "GPE"), (5, 6, "GPE")])
    assert ("Leeds", "located_in", "England") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wrong"),
    [
        (
            "U.N. Ambassador Vassily Nebenzia spoke .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            None,
            ("Vassily Nebenzia", "works_for", "United Nations"),
        ),
        (
            "NATO ambassador Ann Ruiz spoke .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            None,
            ("Ann Ruiz", "works_for", "NATO"),
        ),
        (
            "U.S. Ambassador Jon Huntsman spoke .",
            [(0, 1, "GPE"), (2, 4, "PERSON")],
            ("Jon Huntsman", "works_for", "United States"),
            None,
        ),
        (
            "U.N. envoy Ann Ruiz spoke .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            ("Ann Ruiz", "works_for", "United Nations"),
            None,
        ),
    ],
)
def test_an_ambassador_serves_a_country_not_the_body_he_is_posted_to(
    component, make_doc, text, ents, expected, wrong
):
    found = triples(component, make_doc(text, ents=ents))
    if expected:
        assert expected in found
    if wrong:
        assert not any(s == wrong[0] and p == "works_for" for s, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Guests are Kofi Annan , World Bank officials and ministers .",
            [(2, 4, "PERSON"), (5, 7, "ORG")],
        ),
        ("Guests are Ann Ruiz , Acme directors and bankers .", [(2, 4, "PERSON"), (5, 6, "ORG")]),
    ],
)
def test_a_plural_title_after_one_name_is_the_next_item_of_a_list(component, make_doc, text, ents):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(s in ("Kofi Annan", "Ann Ruiz") for s, _, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Jane Doe and John Smith , analysts at Acme , said so .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (8, 9, "ORG")],
            ("John Smith", "works_for", "Acme"),
        ),
        (
            "Bo Li & John Smith , both analysts at Acme , said so .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (9, 10, "ORG")],
            ("John Smith", "works_for", "Acme"),
        ),
    ],
)
def test_a_plural_title_of_a_pair_is_an_apposition(component, make_doc, text, ents, expected):
    assert expected in triples(component, make_doc(text, ents=ents))


def test_a_comma_after_the_title_closes_an_apposition_whatever_the_parse(component, make_doc):
    # The parser makes "analysts" the subject of "said" and "Smith" a conjunct of "Doe".
    text = "Jane Doe and John Smith , analysts at Acme , said so ."
    spec = (
        "PROPN/1/compound PROPN/10/nsubj CCONJ/1/cc PROPN/4/compound PROPN/1/conj PUNCT/10/punct "
        "NOUN/10/nsubj ADP/6/prep PROPN/7/pobj PUNCT/6/punct VERB/10/ROOT/say ADV/10/advmod "
        "PUNCT/10/punct"
    )
    doc = parsed(make_doc, text, [(0, 2, "PERSON"), (3, 5, "PERSON"), (8, 9, "ORG")], spec)
    assert ("John Smith", "works_for", "Acme") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "George Soros , one of the Democratic Party 's backers , gave .",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
        ),
        ("Ann Ruiz , one of the Acme Bank 's clients , sued .", [(0, 2, "PERSON"), (6, 8, "ORG")]),
    ],
)
def test_of_a_possessive_organization_is_no_affiliation(component, make_doc, text, ents):
    found = triples(component, make_doc(text, ents=ents))
    assert not any(s in ("George Soros", "Ann Ruiz") for s, _, _ in found)


def test_of_an_organization_is_still_an_affiliation(component, make_doc):
    doc = make_doc(
        "Ulla Berg , 47 , of the Red Cross said so .", ents=[(0, 2, "PERSON"), (7, 9, "ORG")]
    )
    assert ("Ulla Berg", "works_for", "Red Cross") in triples(component, doc)

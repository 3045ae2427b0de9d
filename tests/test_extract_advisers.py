"""Advisers to a person: "Trump's national security adviser X", "X, an adviser to President Y",
"X, Y's senior adviser," give X adviser_to Y; no other title takes a person as its object
(hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from tests import docs

POS = {
    "NNP": "PROPN",
    "NN": "NOUN",
    "JJ": "ADJ",
    "DT": "DET",
    "IN": "ADP",
    "WP": "PRON",
    "VBZ": "AUX",
    "VBN": "AUX",
    "VBD": "VERB",
    ",": "PUNCT",
    ".": "PUNCT",
}


facts = docs.facts  # current facts (its default status)


def person_objects(found):
    """Facts whose object is one of the people of these sentences."""
    people = {"Donald Trump", "Theresa May", "Michael Flynn", "Stephen Miller", "John Smith"}
    return {f for f in found if f[2] in people}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Donald Trump 's national security adviser Michael Flynn spoke .",
            [(0, 2, "PERSON"), (6, 8, "PERSON")],
            ("Michael Flynn", "adviser_to", "Donald Trump"),
        ),
        (
            "Theresa May 's top adviser , Stephen Miller , spoke .",
            [(0, 2, "PERSON"), (6, 8, "PERSON")],
            ("Stephen Miller", "adviser_to", "Theresa May"),
        ),
        (
            "Donald Trump 's economic adviser John Smith spoke .",
            [(0, 2, "PERSON"), (5, 7, "PERSON")],
            ("John Smith", "adviser_to", "Donald Trump"),
        ),
        (
            "Stephen Miller , a senior adviser to Donald Trump , spoke .",
            [(0, 2, "PERSON"), (7, 9, "PERSON")],
            ("Stephen Miller", "adviser_to", "Donald Trump"),
        ),
        (
            "Michael Flynn , an adviser to President Donald Trump , spoke .",
            [(0, 2, "PERSON"), (7, 9, "PERSON")],
            ("Michael Flynn", "adviser_to", "Donald Trump"),
        ),
        (
            "Stephen Miller , Donald Trump 's senior policy adviser , spoke .",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            ("Stephen Miller", "adviser_to", "Donald Trump"),
        ),
        (
            "Donald Trump adviser Stephen Miller spoke .",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            ("Stephen Miller", "adviser_to", "Donald Trump"),
        ),
        (
            "He met Theresa May economic adviser John Smith .",
            [(2, 4, "PERSON"), (6, 8, "PERSON")],
            ("John Smith", "adviser_to", "Theresa May"),
        ),
    ],
)
def test_adviser_title_takes_the_person_advised(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "tagged", "expected"),
    [
        (
            "Stephen Miller , who has been an adviser to former oil minister John Smith , spoke .",
            [(0, 2, "PERSON"), (12, 14, "PERSON")],
            "NNP NNP , WP VBZ VBN DT NN IN JJ NN NN NNP NNP , VBD .",
            ("Stephen Miller", "adviser_to", "John Smith"),
        ),
        (
            "Michael Flynn is a senior adviser to Theresa May .",
            [(0, 2, "PERSON"), (7, 9, "PERSON")],
            "NNP NNP VBZ DT JJ NN IN NNP NNP .",
            ("Michael Flynn", "adviser_to", "Theresa May"),
        ),
        (
            "Michael Flynn became an adviser to President Donald Trump .",
            [(0, 2, "PERSON"), (7, 9, "PERSON")],
            "NNP NNP VBD DT NN IN NNP NNP NNP .",
            ("Michael Flynn", "adviser_to", "Donald Trump"),
        ),
    ],
)
def test_a_verb_of_being_names_the_person_advised(
    component, make_doc, text, ents, tagged, expected
):
    tags = tagged.split()
    lemmas = {"is": "be", "has": "have", "been": "be", "became": "become"}
    doc = make_doc(
        text,
        ents=ents,
        tags=tags,
        pos=[POS.get(t, "NOUN") for t in tags],
        lemmas=[lemmas.get(w, w.lower()) for w in text.split()],
    )
    assert expected in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # another title of a person is no relation kg has ("lawyer" works for an organization)
        ("Donald Trump 's lawyer John Smith spoke .", [(0, 2, "PERSON"), (4, 6, "PERSON")]),
        ("Donald Trump 's spokesman John Smith spoke .", [(0, 2, "PERSON"), (4, 6, "PERSON")]),
        ("John Smith , Donald Trump 's chairman , spoke .", [(0, 2, "PERSON"), (3, 5, "PERSON")]),
        ("John Smith , a leader to Donald Trump , spoke .", [(0, 2, "PERSON"), (6, 8, "PERSON")]),
        ("John Smith is a lawyer to Theresa May .", [(0, 2, "PERSON"), (6, 8, "PERSON")]),
        ("Donald Trump lawyer John Smith spoke .", [(0, 2, "PERSON"), (3, 5, "PERSON")]),
        # no person before the possessive: a pronoun, or a title that is no name
        ("His adviser Stephen Miller spoke .", [(2, 4, "PERSON")]),
        ("The adviser 's son John Smith spoke .", [(4, 6, "PERSON")]),
    ],
)
def test_no_other_title_takes_a_person_object(component, make_doc, text, ents):
    assert not person_objects(facts(component, make_doc(text, ents=ents)))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Donald Trump 's former adviser Michael Flynn spoke .",
            [(0, 2, "PERSON"), (5, 7, "PERSON")],
        ),
        # the modifier before the name of the person advised is read past that name
        (
            "He met former Donald Trump adviser Michael Flynn .",
            [(3, 5, "PERSON"), (6, 8, "PERSON")],
        ),
    ],
)
def test_former_adviser_to_a_person_is_not_current(component, make_doc, text, ents):
    doc = make_doc(text, ents=ents)
    assert not person_objects(facts(component, doc))
    assert ("Michael Flynn", "adviser_to", "Donald Trump") in docs.facts(
        component, doc, status="former"
    )

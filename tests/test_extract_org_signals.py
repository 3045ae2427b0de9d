"""Organizations that NER typed as a person or a place, shown by the article's words:
"the London-based X", "a stake in X", "X, the exchange,", "X's shareholders"."""

from __future__ import annotations

import pytest

from tests.test_extract_mentions import doc_of, entities


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a place-based modifier right before the name
        ("The London - based Liffe said so .", [("Liffe", "GPE")], "Liffe"),
        ("He sold Paris - based Hale Westwood .", [("Hale Westwood", "PERSON")], "Hale Westwood"),
        # what only a company is: a stake in it, its owner, its takeover
        ("Acme bought a stake in Liffe .", [("Acme", "ORG"), ("Liffe", "GPE")], "Liffe"),
        ("He is the owner of Hale Westwood .", [("Hale Westwood", "PERSON")], "Hale Westwood"),
        ("It approved the takeover of Liffe .", [("Liffe", "LOC")], "Liffe"),
        # an apposition with "the", headed by a word for an organization
        ("He left Liffe , the London exchange , in May .", [("Liffe", "GPE")], "Liffe"),
        (
            "He praised Hale Westwood , the firm , today .",
            [("Hale Westwood", "PERSON")],
            "Hale Westwood",
        ),
        (
            "It cited Hale Westwood , the world 's largest reinsurance company , today .",
            [("Hale Westwood", "PERSON")],
            "Hale Westwood",
        ),
        # "and its" right after the name
        ("Hale Westwood and its partners won .", [("Hale Westwood", "PERSON")], "Hale Westwood"),
        ("Westwood and its partners won .", [("Westwood", "PERSON")], "Westwood"),
        ("He sued Westwood and its owner .", [("Westwood", "PERSON")], "Westwood"),
        # a place's possessive, then what only a company has
        ("He said Liffe 's shareholders agreed .", [("Liffe", "GPE")], "Liffe"),
        ("It said Liffe 's share price fell .", [("Liffe", "GPE")], "Liffe"),
    ],
)
def test_a_person_or_place_the_text_shows_to_be_an_organization(
    component, make_doc, text, ents, name
):
    assert (name, "Organization") in entities(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "name", "label"),
    [
        # a title before the name still makes a person
        ("Mr Westwood 's shares rose .", [("Westwood", "PERSON")], "Westwood", "Person"),
        ("He met London - based Mr Westwood .", [("Westwood", "PERSON")], "Westwood", "Person"),
        # a given name and a surname stay a person
        ("It cited London - based Ann Ruiz .", [("Ann Ruiz", "PERSON")], "Ann Ruiz", "Person"),
        ("He bought a stake in Ann Ruiz .", [("Ann Ruiz", "PERSON")], "Ann Ruiz", "Person"),
        # "the" apposition headed by a word for a person, or a compound head
        ("It cited Ruiz , the club captain , today .", [("Ruiz", "PERSON")], "Ruiz", "Person"),
        ("It cited Ruiz , the firm 's boss , today .", [("Ruiz", "PERSON")], "Ruiz", "Person"),
        (
            "It cited Ruiz , the world 's richest man , today .",
            [("Ruiz", "PERSON")],
            "Ruiz",
            "Person",
        ),
        ("He sued Westwood and his owner .", [("Westwood", "PERSON")], "Westwood", "Person"),
        (
            "Acme named Ann Ruiz and its board .",
            [("Acme", "ORG"), ("Ann Ruiz", "PERSON")],
            "Ann Ruiz",
            "Person",
        ),
        (
            "Acme boss Ruiz and its board met .",
            [("Acme", "ORG"), ("Ruiz", "PERSON")],
            "Ruiz",
            "Person",
        ),
        (
            "In a letter from Ruiz , the company said it won .",
            [("Ruiz", "PERSON")],
            "Ruiz",
            "Person",
        ),
        (
            "It sold the Paris - based Hale Westwood portable player .",
            [("Hale Westwood", "PERSON")],
            "Hale Westwood",
            "Person",
        ),
        # a country: what a country owns, and a known place
        ("He said Greece 's shares fell .", [("Greece", "GPE")], "Greece", "Place"),
        (
            "Acme bought a stake in France .",
            [("Acme", "ORG"), ("France", "GPE")],
            "France",
            "Place",
        ),
        ("He said Liffe 's sales fell .", [("Liffe", "GPE")], "Liffe", "Place"),
    ],
)
def test_person_signals_and_known_places_win(component, make_doc, text, ents, name, label):
    assert (name, label) in entities(component, doc_of(make_doc, text, ents))

"""Pronouns and definite descriptions refer back to the one entity of their class named just
before (hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from tests.docs import extracted

_POS = {
    "arrived": "VERB",
    "said": "VERB",
    "is": "AUX",
    "was": "AUX",
    "he": "PRON",
    "she": "PRON",
    "right": "ADJ",
    "of": "ADP",
    "the": "DET",
    ".": "PUNCT",
    ";": "PUNCT",
}


def facts(component, doc):
    return {
        (t.subject.name, t.predicate, t.object.name): (t.evidence.rule, t.evidence.confidence)
        for t in extracted(component, doc).triples
        if t.evidence.status == "current"
    }


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Acme Corp said its chairman Jo Bloggs would leave .", [(0, 2, "ORG"), (5, 7, "PERSON")]),
        (
            "Shares in Acme Corp fell . The company 's chairman Jo Bloggs spoke .",
            [(2, 4, "ORG"), (10, 12, "PERSON")],
        ),
    ],
)
def test_organization_reference_before_a_title(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    rule, confidence = found[("Jo Bloggs", "leader_of", "Acme Corp")]
    assert rule == "compound.org_title_person.ref" and confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "Neil Kinnock arrived . He is chairman of the British Council .",
        "Neil Kinnock said she was right ; he is chairman of the British Council .",
    ],
)
def test_person_pronoun_after_a_sentence_naming_one_person(component, make_doc, text):
    words = text.split(" ")
    council = words.index("British")
    pos = [_POS.get(w.lower(), "PROPN" if w[:1].isupper() else "NOUN") for w in words]
    doc = make_doc(text, ents=[(0, 2, "PERSON"), (council, council + 2, "ORG")], pos=pos)
    assert ("Neil Kinnock", "leader_of", "British Council") in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Tony Blair and Gordon Brown spoke . He is chairman of the British Council .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (11, 13, "ORG")],
        ),
        (
            "Acme Corp bought Beta Bank . Its chairman Jo Bloggs spoke .",
            [(0, 2, "ORG"), (3, 5, "ORG"), (8, 10, "PERSON")],
        ),
    ],
)
def test_two_candidates_refer_to_nothing(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert not any(rule.endswith(".ref") for rule, _ in found.values())


def test_a_description_needs_the(component, make_doc):
    doc = make_doc(
        "Acme Corp grew . A company chairman Jo Bloggs spoke .",
        ents=[(0, 2, "ORG"), (7, 9, "PERSON")],
    )
    assert ("Jo Bloggs", "leader_of", "Acme Corp") not in facts(component, doc)

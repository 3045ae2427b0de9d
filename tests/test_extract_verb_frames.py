"""Verb frames that state a role and its status: resigning, succeeding, taking over, joining,
being put in charge (hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from tests import docs

_AUX = {"was", "is", "will", "has", "had", "would", "are"}
_LEMMA = {
    "resigned": "resign",
    "quit": "quit",
    "stepped": "step",
    "succeeds": "succeed",
    "replaced": "replace",
    "succeed": "succeed",
    "take": "take",
    "become": "become",
    "joined": "join",
    "put": "put",
    "placed": "place",
    "set": "set",
    "founded": "found",
    "co-founded": "co-found",
    "was": "be",
    "is": "be",
    "will": "will",
}


def doc_of(make_doc, text, ents):
    words = text.split(" ")
    pos = []
    for w in words:
        if w in _AUX:
            pos.append("AUX")
        elif w in _LEMMA:
            pos.append("VERB")
        elif w in (",", "."):
            pos.append("PUNCT")
        elif w in ("as", "of", "in", "at", "for", "on", "to"):
            pos.append("ADP")
        elif w in ("the", "a", "an"):
            pos.append("DET")
        else:
            pos.append("PROPN" if w[:1].isupper() else "NOUN")
    lemmas = [_LEMMA.get(w, w.lower()) for w in words]
    return make_doc(text, ents=ents, pos=pos, lemmas=lemmas)


def facts(component, doc):
    return docs.facts(component, doc, status=None, evidence=("status", "rule"))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Jane Doe resigned as chairman of Acme Corp on Monday .",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
        ),
        (
            "Jane Doe , 61 , has stepped down as the chairman of Acme Corp .",
            [(0, 2, "PERSON"), (12, 14, "ORG")],
        ),
        ("Jane Doe quit as chairman at Acme Corp .", [(0, 2, "PERSON"), (6, 8, "ORG")]),
    ],
)
def test_leaving_a_post_makes_it_former(component, make_doc, text, ents):
    found = facts(component, doc_of(make_doc, text, ents))
    assert (
        "Jane Doe",
        "leader_of",
        "Acme Corp",
        "former",
        "verb.person_resigned_as_title_of_org",
    ) in found
    assert not any(status == "current" for *_, status, _ in found)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Jane Doe will take over as chief executive of Acme Corp in May .",
            [(0, 2, "PERSON"), (9, 11, "ORG")],
        ),
        (
            "Jane Doe is to become the chief executive of Acme Corp .",
            [(0, 2, "PERSON"), (9, 11, "ORG")],
        ),
    ],
)
def test_a_post_to_come_is_future(component, make_doc, text, ents):
    found = facts(component, doc_of(make_doc, text, ents))
    assert ("Jane Doe", "leader_of", "Acme Corp", "future") in {f[:4] for f in found}
    assert not any(f[3] == "current" for f in found)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Stuart Rose succeeds Paul Myners as chairman of Acme Corp .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (8, 10, "ORG")],
        ),
        (
            "Stuart Rose replaced Paul Myners , as chairman of Acme Corp .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (9, 11, "ORG")],
        ),
    ],
)
def test_succession_current_for_the_successor_former_for_the_predecessor(
    component, make_doc, text, ents
):
    found = {f[:4] for f in facts(component, doc_of(make_doc, text, ents))}
    assert ("Stuart Rose", "leader_of", "Acme Corp", "current") in found
    assert ("Paul Myners", "leader_of", "Acme Corp", "former") in found
    assert ("Paul Myners", "leader_of", "Acme Corp", "current") not in found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Ann Ruiz was put in charge of Acme Corp .", [(0, 2, "PERSON"), (7, 9, "ORG")]),
        (
            "Ann Ruiz , who was placed in charge of the Acme Corp , spoke .",
            [(0, 2, "PERSON"), (10, 12, "ORG")],
        ),
    ],
)
def test_put_in_charge(component, make_doc, text, ents):
    found = facts(component, doc_of(make_doc, text, ents))
    assert (
        "Ann Ruiz",
        "leader_of",
        "Acme Corp",
        "current",
        "verb.person_put_in_charge_of_org",
    ) in found


@pytest.mark.parametrize(
    ("text", "ents", "predicate"),
    [
        (
            "Ann Ruiz joined Acme Corp as chief economist in 2001 .",
            [(0, 2, "PERSON"), (3, 5, "ORG")],
            "works_for",
        ),
        (
            "Ann Ruiz , who joined the Acme Corp as a spokeswoman , spoke .",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
            "spokesperson_of",
        ),
    ],
)
def test_joined_as_title(component, make_doc, text, ents, predicate):
    found = facts(component, doc_of(make_doc, text, ents))
    assert (
        "Ann Ruiz",
        predicate,
        "Acme Corp",
        "current",
        "verb.person_joined_org_as_title",
    ) in found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Ann Ruiz set up Acme Corp in 1976 .", [(0, 2, "PERSON"), (4, 6, "ORG")]),
        ("Ann Ruiz , who set up the Acme Corp , died .", [(0, 2, "PERSON"), (7, 9, "ORG")]),
    ],
)
def test_set_up_is_founding(component, make_doc, text, ents):
    found = facts(component, doc_of(make_doc, text, ents))
    assert ("Ann Ruiz", "founder_of", "Acme Corp", "current", "verb.person_set_up_org") in found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Ann Ruiz founded Acme Corp with Tom Hale .",
            [(0, 2, "PERSON"), (3, 5, "ORG"), (6, 8, "PERSON")],
        ),
        (
            "Ann Ruiz , who set up Acme Corp in 1998 with her partner Tom Hale , died .",
            [(0, 2, "PERSON"), (6, 8, "ORG"), (13, 15, "PERSON")],
        ),
    ],
)
def test_cofounder_after_with(component, make_doc, text, ents):
    found = {f[:3] for f in facts(component, doc_of(make_doc, text, ents))}
    assert ("Tom Hale", "founder_of", "Acme Corp") in found


@pytest.mark.parametrize(
    ("text", "ents", "founders"),
    [
        (
            "Shares in Acme Corp , the business Ann Ruiz founded in 1975 , rose .",
            [(2, 4, "ORG"), (7, 9, "PERSON")],
            {"Ann Ruiz"},
        ),
        (
            "Ann Ruiz is rich . She sold Acme Corp , the label she set up with Tom Hale , in 1999 .",
            [(0, 2, "PERSON"), (7, 9, "ORG"), (16, 18, "PERSON")],
            {"Ann Ruiz", "Tom Hale"},
        ),
    ],
)
def test_founders_in_a_clause_on_the_organization(component, make_doc, text, ents, founders):
    found = {f[0] for f in facts(component, doc_of(make_doc, text, ents)) if f[1] == "founder_of"}
    assert found == founders

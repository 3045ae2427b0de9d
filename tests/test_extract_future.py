"""Roles and meetings still to come are no current facts (hand-built, parsed Docs)."""

from __future__ import annotations

import pytest

from tests import docs
from tests.docs import parsed


def facts(component, doc):
    return docs.facts(component, doc, status=None, evidence=("status",), date="2017-11-05")


SERVE = "PROPN/1/compound PROPN/3/nsubj AUX/3/aux VERB/3/ROOT/serve ADP/3/prep NOUN/4/pobj ADP/5/prep PROPN/6/pobj PUNCT/3/punct"
NOMINATE = (
    "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT/nominate PROPN/4/compound PROPN/2/dobj "
    "PART/6/aux VERB/2/xcomp/become DET/8/det NOUN/6/attr ADP/8/prep PROPN/9/pobj PUNCT/2/punct"
)


@pytest.mark.parametrize(
    ("text", "ents", "spec", "fact"),
    [
        (
            "Ann Ruiz will serve as chairman of Acme .",
            [(0, 2, "PERSON"), (7, 8, "ORG")],
            SERVE,
            ("Ann Ruiz", "leader_of", "Acme"),
        ),
        (
            "Ann Ruiz will serve as deputy chairman of Acme .",
            [(0, 2, "PERSON"), (8, 9, "ORG")],
            "PROPN/1/compound PROPN/3/nsubj AUX/3/aux VERB/3/ROOT/serve ADP/3/prep ADJ/6/amod "
            "NOUN/4/pobj ADP/6/prep PROPN/7/pobj PUNCT/3/punct",
            ("Ann Ruiz", "works_for", "Acme"),
        ),
        (
            "Bo Li nominated Ann Ruiz to become a member of Acme .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (10, 11, "ORG")],
            NOMINATE,
            ("Ann Ruiz", "member_of", "Acme"),
        ),
    ],
)
def test_a_role_still_to_come_is_future(component, make_doc, text, ents, spec, fact):
    found = facts(component, parsed(make_doc, text, ents, spec))
    assert (*fact, "future") in found
    assert (*fact, "current") not in found


def test_serving_as_a_title_now_is_current(component, make_doc):
    doc = parsed(
        make_doc,
        "Ann Ruiz serves as chairman of Acme .",
        [(0, 2, "PERSON"), (6, 7, "ORG")],
        "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT/serve ADP/2/prep NOUN/3/pobj ADP/4/prep "
        "PROPN/5/pobj PUNCT/2/punct",
    )
    assert ("Ann Ruiz", "leader_of", "Acme", "current") in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "spec", "status"),
    [
        (
            "Ann Ruiz will meet Bob Ray .",
            "PROPN/1/compound PROPN/3/nsubj AUX/3/aux VERB/3/ROOT/meet PROPN/5/compound "
            "PROPN/3/dobj PUNCT/3/punct",
            "future",
        ),
        (
            "Ann Ruiz shall meet with Bob Ray .",
            "PROPN/1/compound PROPN/3/nsubj AUX/3/aux VERB/3/ROOT/meet ADP/3/prep "
            "PROPN/6/compound PROPN/4/pobj PUNCT/3/punct",
            "future",
        ),
        (
            "Ann Ruiz met Bob Ray .",
            "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT/meet PROPN/4/compound PROPN/2/dobj "
            "PUNCT/2/punct",
            "current",
        ),
    ],
)
def test_a_meeting_still_to_come_is_future(component, make_doc, text, spec, status):
    words = text.split()
    person_b = (words.index("Bob"), words.index("Bob") + 2)
    doc = parsed(make_doc, text, [(0, 2, "PERSON"), (*person_b, "PERSON")], spec)
    found = facts(component, doc)
    assert {(p, st) for _, p, _, st in found if p == "met_with"} == {("met_with", status)}


def test_the_next_holder_of_a_title_is_future(component, make_doc):
    doc = make_doc("Acme 's next chairman Ann Ruiz spoke .", ents=[(0, 1, "ORG"), (4, 6, "PERSON")])
    found = facts(component, doc)
    assert ("Ann Ruiz", "leader_of", "Acme", "future") in found
    assert ("Ann Ruiz", "leader_of", "Acme", "current") not in found


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Trump fired FBI Director James Comey .",
            [(0, 1, "PERSON"), (2, 3, "ORG"), (4, 6, "PERSON")],
            ("James Comey", "leader_of", "FBI"),
        ),
        (
            "Bo Li ousted Acme chairman Ann Ruiz .",
            [(0, 2, "PERSON"), (3, 4, "ORG"), (5, 7, "PERSON")],
            ("Ann Ruiz", "leader_of", "Acme"),
        ),
    ],
)
def test_a_title_after_a_verb_of_removal_is_former(component, make_doc, text, ents, fact):
    words = text.split()
    verb = 1 if words[1] == "fired" else 2
    pos = ["VERB" if i == verb else p for i, p in enumerate(_default_pos(words))]
    tags = ["VBD" if i == verb else "NNP" if p == "PROPN" else "NN" for i, p in enumerate(pos)]
    lemmas = ["fire" if w == "fired" else "oust" if w == "ousted" else w.lower() for w in words]
    found = facts(component, make_doc(text, ents=ents, pos=pos, tags=tags, lemmas=lemmas))
    assert (*fact, "former") in found
    assert (*fact, "current") not in found


def test_a_removal_still_planned_leaves_the_role_current(component, make_doc):
    text = "Bo Li plans to oust Acme chairman Ann Ruiz ."
    pos = ["PROPN", "PROPN", "VERB", "PART", "VERB", "PROPN", "NOUN", "PROPN", "PROPN", "PUNCT"]
    tags = ["NNP", "NNP", "VBZ", "TO", "VB", "NNP", "NN", "NNP", "NNP", "."]
    lemmas = ["bo", "li", "plan", "to", "oust", "acme", "chairman", "ann", "ruiz", "."]
    ents = [(0, 2, "PERSON"), (5, 6, "ORG"), (7, 9, "PERSON")]
    found = facts(component, make_doc(text, ents=ents, pos=pos, tags=tags, lemmas=lemmas))
    assert ("Ann Ruiz", "leader_of", "Acme", "current") in found


def _default_pos(words):
    return ["PUNCT" if w == "." else "PROPN" if w[:1].isupper() else "NOUN" for w in words]


def test_a_fire_chief_is_no_former_chief(component, make_doc):
    doc = make_doc("Acme fire chief Ann Ruiz spoke .", ents=[(0, 1, "ORG"), (3, 5, "PERSON")])
    assert not any(st == "former" for *_, st in facts(component, doc))


@pytest.mark.parametrize(
    ("text", "spec", "status"),
    [
        (
            "Ann Ruiz served as chairman of Acme .",
            "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT/serve ADP/2/prep NOUN/3/pobj ADP/4/prep "
            "PROPN/5/pobj PUNCT/2/punct",
            "former",
        ),
        (
            "Ann Ruiz was chairman of Acme when Bo Li spoke .",
            "PROPN/1/compound PROPN/2/nsubj AUX/2/ROOT/be NOUN/2/attr ADP/3/prep PROPN/4/pobj "
            "SCONJ/9/advmod PROPN/8/compound PROPN/9/nsubj VERB/2/advcl PUNCT/2/punct",
            "former",  # the post is placed at a past time, as in "when Ann Ruiz was chairman"
        ),
        (
            "Ann Ruiz was chairman of Acme until 2010 .",
            "PROPN/1/compound PROPN/2/nsubj AUX/2/ROOT/be NOUN/2/attr ADP/3/prep PROPN/4/pobj "
            "ADP/2/prep NUM/6/pobj PUNCT/2/punct",
            "former",
        ),
        (
            "Bo Li spoke when Ann Ruiz was chairman of Acme .",
            "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT SCONJ/6/advmod PROPN/5/compound "
            "PROPN/6/nsubj AUX/2/advcl/be NOUN/6/attr ADP/7/prep PROPN/8/pobj PUNCT/2/punct",
            "former",
        ),
    ],
)
def test_a_past_copula_of_a_time_clause_is_former(component, make_doc, text, spec, status):
    words = text.split()
    ruiz = words.index("Ann")
    acme = words.index("Acme")
    ents = [(ruiz, ruiz + 2, "PERSON"), (acme, acme + 1, "ORG")]
    if words[0] == "Bo" or "Bo" in words:
        bo = words.index("Bo")
        ents.append((bo, bo + 2, "PERSON"))
    doc = parsed(make_doc, text, sorted(ents), spec)
    for token in doc:
        if token.lemma_ in ("be", "serve", "speak") or token.text == "spoke":
            token.tag_ = "VBD"
    found = facts(component, doc)
    assert ("Ann Ruiz", "leader_of", "Acme", status) in found


LED_UNTIL = (
    "PROPN/1/compound PROPN/2/nsubj VERB/2/ROOT/{verb} PROPN/2/dobj SCONJ/6/mark PRON/6/nsubj "
    "VERB/2/advcl/sell PRON/6/dobj PUNCT/2/punct"
)


@pytest.mark.parametrize(
    ("text", "verb", "status"),
    [
        ("Ann Ruiz headed Acme until he sold it .", "head", "former"),
        ("Ann Ruiz led Acme until he sold it .", "lead", "former"),
        ("Ann Ruiz led Acme when he sold it .", "lead", "current"),
    ],
)
def test_a_role_until_a_clause_is_former(component, make_doc, text, verb, status):
    spec = LED_UNTIL.format(verb=verb)
    doc = parsed(make_doc, text, [(0, 2, "PERSON"), (3, 4, "ORG")], spec)
    doc[2].tag_ = doc[6].tag_ = "VBD"
    found = facts(component, doc)
    assert ("Ann Ruiz", "leader_of", "Acme", status) in found


@pytest.mark.parametrize("verb", ["lead", "head"])
def test_a_role_under_would_is_future(component, make_doc, verb):
    doc = parsed(
        make_doc,
        f"Ann Ruiz would {verb} Acme .",
        [(0, 2, "PERSON"), (4, 5, "ORG")],
        f"PROPN/1/compound PROPN/3/nsubj AUX/3/aux VERB/3/ROOT/{verb} PROPN/3/dobj PUNCT/3/punct",
    )
    found = facts(component, doc)
    assert ("Ann Ruiz", "leader_of", "Acme", "future") in found
    assert ("Ann Ruiz", "leader_of", "Acme", "current") not in found

"""Roles and meetings still to come are no current facts (hand-built, parsed Docs)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def facts(component, doc):
    graph = graph_from_doc(Article("t", doc.text, date="2017-11-05"), component(doc))
    return {(t.subject.name, t.predicate, t.object.name, t.evidence.status) for t in graph.triples}


_TAGS = {
    "PROPN": "NNP",
    "NOUN": "NN",
    "VERB": "VB",
    "AUX": "MD",
    "PART": "TO",
    "DET": "DT",
    "ADP": "IN",
    "PUNCT": ".",
}


def parsed(make_doc, text, ents, spec):
    """``spec``: one ``POS/head/dep[/lemma]`` per token."""
    rows = [item.split("/") for item in spec.split()]
    return make_doc(
        text,
        ents=ents,
        pos=[r[0] for r in rows],
        tags=[
            _TAGS[r[0]] if w != "met" else "VBD" for r, w in zip(rows, text.split(), strict=True)
        ],
        parse=[(int(r[1]), r[2]) for r in rows],
        lemmas=[r[3] if len(r) > 3 else w.lower() for r, w in zip(rows, text.split(), strict=True)],
    )


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

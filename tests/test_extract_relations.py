"""Each relation construction on hand-built Docs (no statistical model)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def triples(component, doc, *, status="current"):
    graph = graph_from_doc(Article("t", doc.text, date="2025-03-05"), component(doc))
    return {
        (t.subject.name, t.predicate, t.object.name)
        for t in graph.triples
        if status is None or t.evidence.status == status
    }


def evidence(component, doc):
    return graph_from_doc(Article("t", doc.text), component(doc)).triples


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "White House press secretary Karoline Leavitt said so .",
            [(0, 2, "ORG"), (4, 6, "PERSON")],
            ("Karoline Leavitt", "spokesperson_of", "White House"),
        ),
        (
            "Treasury Secretary Scott Bessent said so .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            ("Scott Bessent", "secretary_of", "Treasury"),
        ),
        (
            "Ukrainian President Volodymyr Zelenskyy visited .",
            [(0, 1, "NORP"), (2, 4, "PERSON")],
            ("Volodymyr Zelenskyy", "president_of", "Ukraine"),
        ),
        (
            "Tory leader Michael Howard spoke .",
            [(0, 1, "NORP"), (2, 4, "PERSON")],
            ("Michael Howard", "leader_of", "Conservative Party"),
        ),
        (
            "Fiat 's chief executive Sergio Marchionne spoke .",
            [(0, 1, "ORG"), (4, 6, "PERSON")],
            ("Sergio Marchionne", "leader_of", "Fiat"),
        ),
        (
            "Labour MP Jane Smith spoke .",
            [(2, 4, "PERSON")],  # NER missed "Labour": the demonym table knows it
            ("Jane Smith", "member_of", "Labour"),
        ),
    ],
)
def test_title_name_compound_with_organization_in_front(component, make_doc, text, ents, expected):
    assert expected in triples(component, make_doc(text, ents=ents))


def test_apposition_with_possessive_organization(component, make_doc):
    doc = make_doc(
        "Mike Waltz , the U.S. 's national security adviser , was there .",
        ents=[(0, 2, "PERSON"), (4, 5, "GPE")],
        tags=["NNP", "NNP", ",", "DT", "NNP", "POS", "JJ", "NN", "NN", ",", "VBD", "RB", "."],
        pos=[
            "PROPN",
            "PROPN",
            "PUNCT",
            "DET",
            "PROPN",
            "PART",
            "ADJ",
            "NOUN",
            "NOUN",
            "PUNCT",
            "AUX",
            "ADV",
            "PUNCT",
        ],
    )
    assert triples(component, doc) == {("Mike Waltz", "adviser_to", "United States")}
    (triple,) = evidence(component, doc)
    assert triple.evidence.title == "national security adviser"
    assert triple.evidence.subject_text == "Mike Waltz" and triple.evidence.object_text == "U.S."
    assert triple.evidence.rule == "appos.person_org_title"


def test_apposition_title_of_organization(component, make_doc):
    doc = make_doc(
        "Reg Carr , director of Oxford University Library Services , said so .",
        ents=[(0, 2, "PERSON"), (5, 9, "ORG")],
    )
    assert triples(component, doc) == {
        ("Reg Carr", "leader_of", "Oxford University Library Services")
    }


def test_copula_with_conjoined_titles_gives_two_triples(component, make_doc):
    text = "Em Luetkemeyer is a NOTUS reporter and an Allbritton Journalism Institute fellow ."
    parse = [
        (1, "compound"),
        (2, "nsubj"),
        (2, "ROOT"),
        (5, "det"),
        (5, "compound"),
        (2, "attr"),
        (5, "cc"),
        (11, "det"),
        (10, "compound"),
        (10, "compound"),
        (11, "compound"),
        (5, "conj"),
        (2, "punct"),
    ]
    doc = make_doc(text, ents=[(0, 2, "PERSON"), (4, 5, "ORG"), (8, 11, "ORG")], parse=parse)
    assert triples(component, doc) == {
        ("Em Luetkemeyer", "works_for", "NOTUS"),
        ("Em Luetkemeyer", "fellow_of", "Allbritton Journalism Institute"),
    }


def test_former_roles_are_recorded_but_never_current(component, make_doc):
    doc = make_doc(
        "Labour 's former leader Neil Kinnock and ex - chairman of Acme , Jo Bloggs , spoke .",
        ents=[(0, 1, "ORG"), (4, 6, "PERSON"), (11, 12, "ORG"), (13, 15, "PERSON")],
    )
    assert triples(component, doc) == set()
    assert triples(component, doc, status="former") == {
        ("Neil Kinnock", "leader_of", "Labour"),
        ("Jo Bloggs", "leader_of", "Acme"),
    }


def test_acting_and_shadow_posts(component, make_doc):
    doc = make_doc(
        "Acme acting chairman Jo Bloggs met Tory shadow chancellor Oliver Letwin .",
        ents=[(0, 1, "ORG"), (3, 5, "PERSON"), (6, 7, "NORP"), (9, 11, "PERSON")],
    )
    assert ("Jo Bloggs", "leader_of", "Acme") in triples(component, doc, status="acting")
    # Shadow posts are membership of the party, never secretary_of.
    assert ("Oliver Letwin", "member_of", "Conservative Party") in triples(component, doc)
    assert not any(p == "secretary_of" for _, p, _ in triples(component, doc, status=None))


def test_lists_attach_each_title_to_its_own_name(component, make_doc):
    doc = make_doc(
        "Labour MP Jane Smith and Tory MP John Brown voted .",
        ents=[(2, 4, "PERSON"), (5, 6, "NORP"), (7, 9, "PERSON")],
    )
    assert triples(component, doc) == {
        ("Jane Smith", "member_of", "Labour"),
        ("John Brown", "member_of", "Conservative Party"),
    }


def test_photo_credit(component, make_doc):
    doc = make_doc("Talks went on .\nJulia Demaree Nikhinson/AP\nMore .", ents=[])
    assert ("Julia Demaree Nikhinson", "works_for", "AP") in triples(component, doc)


def test_based_in_constructions(component, make_doc):
    doc = make_doc(
        "Shares in Sheffield - based Acme Ltd rose . Beta Corp , based in Leeds , fell .",
        ents=[(2, 3, "GPE"), (5, 7, "ORG"), (9, 11, "ORG"), (14, 15, "GPE")],
    )
    assert triples(component, doc) == {
        ("Acme Ltd", "based_in", "Sheffield"),
        ("Beta Corp", "based_in", "Leeds"),
    }


def test_place_comma_country_is_located_in_but_lists_are_not(component, make_doc):
    doc = make_doc(
        "It opened in Sheffield , England . Sales grew in France , Germany and Italy .",
        ents=[(3, 4, "GPE"), (5, 6, "GPE"), (10, 11, "GPE"), (12, 13, "GPE"), (14, 15, "GPE")],
    )
    assert triples(component, doc) == {("Sheffield", "located_in", "England")}


def test_verbs_lead_found_meet(component, make_doc):
    text = "Michael Howard , who heads the Conservative Party , met Tony Blair ."
    parse = [
        (1, "compound"),
        (9, "nsubj"),
        (1, "punct"),
        (4, "nsubj"),
        (1, "relcl"),
        (7, "det"),
        (7, "compound"),
        (4, "dobj"),
        (1, "punct"),
        (9, "ROOT"),
        (11, "compound"),
        (9, "dobj"),
        (9, "punct"),
    ]
    doc = make_doc(
        text,
        ents=[(0, 2, "PERSON"), (6, 8, "ORG"), (10, 12, "PERSON")],
        pos=[
            "PROPN",
            "PROPN",
            "PUNCT",
            "PRON",
            "VERB",
            "DET",
            "PROPN",
            "PROPN",
            "PUNCT",
            "VERB",
            "PROPN",
            "PROPN",
            "PUNCT",
        ],
        parse=parse,
    )
    got = triples(component, doc)
    assert ("Michael Howard", "leader_of", "Conservative Party") in got
    assert ("Michael Howard", "met_with", "Tony Blair") in got


def test_domain_and_range_are_enforced(component, make_doc):
    # A "president" between two people is not a role: no Person -> Person president_of.
    doc = make_doc(
        "Donald Trump President Joe Biden spoke .", ents=[(0, 2, "PERSON"), (3, 5, "PERSON")]
    )
    assert triples(component, doc, status=None) == set()


def test_evidence_offsets_point_at_the_sentence(component, make_doc):
    doc = make_doc(
        "Treasury Secretary Scott Bessent said so .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")]
    )
    (triple,) = evidence(component, doc)
    ev = triple.evidence
    assert doc.text[ev.start : ev.end] == ev.sentence
    assert ev.confidence == pytest.approx(0.9)
    assert ev.status == "current" and ev.title == "Secretary"

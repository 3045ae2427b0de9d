"""Bands as BBC news writes them (hand-built Docs, no model): a musician's role after the band
("Blur guitarist Graham Coxon") makes a member; a nationality before a musician's or a player's
title ("Ukrainian singer Ruslana") is their country."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def facts(component, doc):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    return {(t.subject.name, t.predicate, t.object.name) for t in graph.triples}


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "Blur guitarist Graham Coxon has left .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            ("Graham Coxon", "member_of", "Blur"),
        ),
        (
            "Fans cheered as Keane frontman Tom Chaplin sang .",
            [(3, 4, "ORG"), (5, 7, "PERSON")],
            ("Tom Chaplin", "member_of", "Keane"),
        ),
        (
            "The show starred Oasis lead singer Liam Gallagher .",
            [(3, 4, "ORG"), (6, 8, "PERSON")],
            ("Liam Gallagher", "member_of", "Oasis"),
        ),
    ],
)
def test_musician_after_the_band_is_a_member(component, make_doc, text, ents, triple):
    assert facts(component, make_doc(text, ents=ents)) == {triple}


def test_place_before_a_musician_is_no_band(component, make_doc):
    doc = make_doc("Devon singer Joss Stone won .", ents=[(0, 1, "GPE"), (2, 4, "PERSON")])
    assert not any(p == "member_of" for _, p, _ in facts(component, doc))


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "Ukrainian singer Ruslana won last year .",
            [(0, 1, "NORP"), (2, 3, "PERSON")],
            ("Ruslana", "citizen_of", "Ukraine"),
        ),
        (
            "He said French midfielder Patrick Vieira was booked .",
            [(2, 3, "NORP"), (4, 6, "PERSON")],
            ("Patrick Vieira", "citizen_of", "France"),
        ),
    ],
)
def test_nationality_before_a_player_or_musician(component, make_doc, text, ents, triple):
    assert facts(component, make_doc(text, ents=ents)) == {triple}


def test_nationality_before_a_title_of_office_keeps_the_office(component, make_doc):
    doc = make_doc(
        "Russian President Vladimir Putin spoke .", ents=[(0, 1, "NORP"), (2, 4, "PERSON")]
    )
    assert facts(component, doc) == {("Vladimir Putin", "president_of", "Russia")}

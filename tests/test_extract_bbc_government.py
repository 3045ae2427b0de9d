"""British government titles as BBC news writes them (hand-built Docs, no model): the portfolio
of a cabinet title is no organization ("Home Secretary Charles Clarke")."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import ExtractComponent, graph_from_doc
from kg.records import Article


@pytest.fixture(scope="module")
def uk(blank):
    return ExtractComponent(blank, [], "UK")


def facts(component, doc):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    return {(t.subject.name, t.predicate, t.object.name) for t in graph.triples}, {
        e.name for e in graph.entities
    }


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "An explanation was sent by Home Secretary Charles Clarke to MPs .",
            [(5, 6, "ORG"), (7, 9, "PERSON")],
            ("Charles Clarke", "secretary_of", "Home Office"),
        ),
        (
            "Education Secretary Ruth Kelly said schools would get more money .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            ("Ruth Kelly", "secretary_of", "Department for Education"),
        ),
        (
            "Defence Secretary Geoff Hoon visited the troops .",
            [(0, 1, "GPE"), (2, 4, "PERSON")],
            ("Geoff Hoon", "secretary_of", "Ministry of Defence"),
        ),
    ],
)
def test_portfolio_before_a_cabinet_title_is_no_organization(uk, make_doc, text, ents, triple):
    got, names = facts(uk, make_doc(text, ents=ents))
    assert got == {triple}
    assert not names & {"Home", "Education", "Defence"}


def test_a_name_of_its_own_before_a_cabinet_title_stays_its_object(uk, make_doc):
    doc = make_doc(
        "US Treasury Secretary John Snow arrived .",
        ents=[(0, 1, "GPE"), (1, 2, "ORG"), (3, 5, "PERSON")],
    )
    got, names = facts(uk, doc)
    assert ("John Snow", "secretary_of", "Treasury") in got
    assert "Treasury" in names


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "The plan of Trade and Industry Secretary Patricia Hewitt failed .",
            [(7, 9, "PERSON")],
            ("Patricia Hewitt", "secretary_of", "Department of Trade and Industry"),
        ),
        (
            "Aid was promised by International Development Secretary Hilary Benn .",
            [(7, 9, "PERSON")],
            ("Hilary Benn", "secretary_of", "Department for International Development"),
        ),
    ],
)
def test_british_cabinet_posts_name_their_department(uk, make_doc, text, ents, triple):
    got, _ = facts(uk, make_doc(text, ents=ents))
    assert got == {triple}


def test_british_cabinet_post_without_a_country_implies_nothing(component, make_doc):
    doc = make_doc(
        "The plan of Trade and Industry Secretary Patricia Hewitt failed .",
        ents=[(7, 9, "PERSON")],
    )
    got, _ = facts(component, doc)
    assert got == set()


@pytest.fixture(scope="module")
def us(blank):
    return ExtractComponent(blank, [], "United States")


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "Talks with Undersecretary of State John Bolton ended .",
            [(4, 5, "GPE"), (5, 7, "PERSON")],
            ("John Bolton", "works_for", "State Department"),
        ),
        (
            "Under Secretary of State Nicholas Burns flew in .",
            [(3, 4, "GPE"), (4, 6, "PERSON")],
            ("Nicholas Burns", "works_for", "State Department"),
        ),
        (  # no undersecretary: the secretary heads the department
            "Talks with Secretary of State Colin Powell ended .",
            [(4, 5, "GPE"), (5, 7, "PERSON")],
            ("Colin Powell", "secretary_of", "State Department"),
        ),
    ],
)
def test_undersecretary_of_state_works_for_the_department(us, make_doc, text, ents, triple):
    got, _ = facts(us, make_doc(text, ents=ents))
    assert got == {triple}  # never works_for "State"

"""Implied objects: a government title with no organization or country written gets its object
from ``schemas/rules/government.tsv`` for the article's country (hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from kg.errors import RuleError
from kg.extract.pipeline import ExtractComponent, graph_from_doc
from kg.records import Article
from tests import docs


def facts(component, doc, *, status="current"):
    return docs.facts(component, doc, status=status, evidence=("rule",))


def test_title_before_name_takes_the_department_of_the_country_named_most(component, make_doc):
    doc = make_doc(
        "In Britain , Chancellor Gordon Brown and Prime Minister Tony Blair spoke .",
        ents=[(1, 2, "GPE"), (4, 6, "PERSON"), (9, 11, "PERSON")],
    )
    assert facts(component, doc) == {
        ("Gordon Brown", "secretary_of", "HM Treasury", "implied.title_person"),
        ("Tony Blair", "prime_minister_of", "United Kingdom", "implied.title_person"),
    }
    (triple, *_) = graph_from_doc(Article("t", doc.text), component(doc)).triples
    assert triple.evidence.confidence < 0.7  # lower than any rule with a written object


def test_dateline_decides_the_country(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - President Donald Trump said Attorney General Jeff Sessions "
        "would stay in London .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (11, 13, "PERSON"), (16, 17, "GPE")],
    )
    assert {(s, p, o) for s, p, o, _ in facts(component, doc)} == {
        ("Donald Trump", "president_of", "United States"),
        ("Jeff Sessions", "secretary_of", "Justice Department"),
    }


@pytest.mark.parametrize(
    ("text", "ents", "rule"),
    [
        (
            "Voters in Britain heard Gordon Brown , the chancellor , say so .",
            [(2, 3, "GPE"), (4, 6, "PERSON")],
            "implied.person_comma_title",
        ),
        (
            "Labour says Gordon Brown , who is chancellor , was right .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            "implied.person_is_title",
        ),
    ],
)
def test_apposition_and_copula_wordings(component, make_doc, text, ents, rule):
    assert facts(component, make_doc(text, ents=ents)) >= {
        ("Gordon Brown", "secretary_of", "HM Treasury", rule)
    }


def test_no_country_no_implied_object(component, make_doc):
    doc = make_doc("Chancellor Gordon Brown spoke .", ents=[(1, 3, "PERSON")])
    assert facts(component, doc) == set()


def test_a_tie_between_countries_gives_no_country(component, make_doc):
    doc = make_doc(
        "President Jo Bloggs flew from France to Russia .",
        ents=[(1, 3, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE")],
    )
    assert facts(component, doc) == set()


def test_a_written_object_wins_over_the_implied_one(component, make_doc):
    doc = make_doc(
        "In Britain , US President George Bush met Tory shadow chancellor Oliver Letwin .",
        ents=[(1, 2, "GPE"), (3, 4, "GPE"), (5, 7, "PERSON"), (8, 9, "NORP"), (11, 13, "PERSON")],
    )
    found = {(s, p, o) for s, p, o, _ in facts(component, doc)}
    assert ("George Bush", "president_of", "United States") in found
    assert ("Oliver Letwin", "member_of", "Conservative Party") in found
    # neither the UK's presidency nor a shadow post in HM Treasury
    assert not any(o in ("United Kingdom", "HM Treasury") for _, _, o in found)


def test_former_government_title_is_recorded_as_former(component, make_doc):
    doc = make_doc(
        "In Britain , former Culture Secretary Chris Smith spoke .",
        ents=[(1, 2, "GPE"), (6, 8, "PERSON")],
    )
    assert facts(component, doc) == set()
    assert facts(component, doc, status="former") == {
        (
            "Chris Smith",
            "secretary_of",
            "Department for Culture, Media and Sport",
            "implied.title_person",
        )
    }


def test_country_setting_overrides_the_text(blank, make_doc):
    component = ExtractComponent(blank, [], "UK")
    assert component.country == "United Kingdom"
    doc = make_doc("Chancellor Gordon Brown spoke .", ents=[(1, 3, "PERSON")])
    assert {(s, p, o) for s, p, o, _ in facts(component, doc)} == {
        ("Gordon Brown", "secretary_of", "HM Treasury")
    }


def test_country_setting_must_be_a_country_with_government_titles(blank):
    with pytest.raises(RuleError, match="Narnia"):
        ExtractComponent(blank, [], "Narnia")


@pytest.mark.parametrize(
    ("article", "country"),
    [
        (Article("bbc/politics/013.txt", "x"), "United Kingdom"),
        (Article("/data/news/bbc/politics/013.txt", "x"), "United Kingdom"),
        (Article("politics/013.txt", "x"), ""),
        (Article("7", "x", url="https://www.nytimes.com/2017/01/01/a.html"), "United States"),
        (Article("7", "x", source="The Guardian"), "United Kingdom"),
        (Article("reuters/0a1b", "x", source="Reuters"), ""),
    ],
)
def test_publisher_country(component, article, country):
    assert component.publisher_country(article) == country


def test_party_adjective_before_a_title_of_the_state_is_membership(component, make_doc):
    for text, name in (
        ("Democratic President Bill Clinton signed .", "Democratic Party"),
        ("Republican President Ann Ruiz signed .", "Republican Party"),
    ):
        doc = make_doc(text, ents=[(0, 1, "NORP"), (2, 4, "PERSON")])
        found = {(s, p, o) for s, p, o, _ in facts(component, doc)}
        assert (" ".join(text.split()[2:4]), "member_of", name) in found
        assert not any(p == "leader_of" for _, p, _ in found)


def test_a_written_object_elsewhere_in_the_article_wins(component, make_doc):
    doc = make_doc(
        "BEIJING ( Reuters ) - U.S. President Donald Trump arrived . "
        "President Donald Trump , President Xi Jinping spoke .",
        ents=[
            (0, 1, "GPE"),
            (2, 3, "ORG"),
            (5, 6, "GPE"),
            (7, 9, "PERSON"),
            (12, 14, "PERSON"),
            (16, 18, "PERSON"),
        ],
    )
    found = {(s, p, o) for s, p, o, _ in facts(component, doc)}
    assert ("Donald Trump", "president_of", "United States") in found
    assert ("Donald Trump", "president_of", "China") not in found
    assert ("Xi Jinping", "president_of", "China") in found


def test_implied_object_reuses_the_node_the_article_names_by_another_name(component, make_doc):
    doc = make_doc(
        "In Britain , the Treasury said Chancellor Gordon Brown would speak .",
        ents=[(1, 2, "GPE"), (4, 5, "ORG"), (7, 9, "PERSON")],
    )
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    (triple,) = [t for t in graph.triples if t.predicate == "secretary_of"]
    assert triple.object.name == "Treasury"
    assert [e.name for e in graph.entities].count("Treasury") == 1
    assert "HM Treasury" not in [e.name for e in graph.entities]


def test_a_new_implied_node_carries_its_other_names(component, make_doc):
    doc = make_doc(
        "In Britain , Chancellor Gordon Brown spoke .", ents=[(1, 2, "GPE"), (4, 6, "PERSON")]
    )
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    (triple,) = graph.triples
    assert triple.object.name == "HM Treasury" and "Treasury" in triple.object.aliases


@pytest.mark.parametrize(
    ("text", "ents", "seat"),
    [
        (
            "WASHINGTON ( Reuters ) - Democratic Senator Ann Ruiz said no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 7, "NORP"), (7, 9, "PERSON")],
            ("Ann Ruiz", "member_of", "Senate"),
        ),
        (
            "In London , Tory MP Tom Hale said he was amazed .",
            [(1, 2, "GPE"), (3, 4, "NORP"), (5, 7, "PERSON")],
            ("Tom Hale", "member_of", "House of Commons"),
        ),
    ],
)
def test_an_adjective_seat_is_implied_only_where_the_article_names_the_chamber(
    component, make_doc, text, ents, seat
):
    # "Democratic Senator X", "Tory MP X": the adjective is the party; the chamber is
    # implied only once the article names it.
    unnamed = {(s, p, o) for s, p, o, _ in facts(component, make_doc(text, ents=ents))}
    assert seat not in unnamed
    named = facts(component, make_doc(**docs.naming(text, ents, seat[2])))
    assert (*seat, "implied.title_person") in named


@pytest.mark.parametrize(
    ("text", "ents", "seat"),
    [
        (
            "WASHINGTON ( Reuters ) - Senator Ann Ruiz said no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON")],
            ("Ann Ruiz", "member_of", "Senate"),
        ),
        (
            "WASHINGTON ( Reuters ) - Representative Ann Ruiz said no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON")],
            ("Ann Ruiz", "member_of", "House of Representatives"),
        ),
    ],
)
def test_a_bare_seat_title_implies_the_chamber_never_named(component, make_doc, text, ents, seat):
    # ANNOTATION.md: an object the article never names is implied (desirable).
    assert (*seat, "implied.title_person") in facts(component, make_doc(text, ents=ents))


def test_a_head_of_state_is_implied_without_the_country_named(component, make_doc):
    # Only seats in a chamber need the chamber named: "President X" keeps the country.
    doc = make_doc(
        "WASHINGTON ( Reuters ) - President Ann Ruiz said no .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON")],
    )
    assert ("Ann Ruiz", "president_of", "United States", "implied.title_person") in facts(
        component, doc
    )


@pytest.mark.parametrize(
    ("text", "ents", "seat"),
    [
        (
            "WASHINGTON ( Reuters ) - Representative Ann Ruiz , chairman of the House "
            "Foreign Affairs Committee , spoke .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (12, 16, "ORG")],
            ("Ann Ruiz", "member_of", "House of Representatives"),
        ),
        (
            "WASHINGTON ( Reuters ) - Senator Ann Ruiz spoke . The Senate Budget Committee met .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (11, 14, "ORG")],
            ("Ann Ruiz", "member_of", "Senate"),
        ),
    ],
)
def test_a_chamber_named_at_the_start_of_a_committee_is_named(
    component, make_doc, text, ents, seat
):
    assert (*seat, "implied.title_person") in facts(component, make_doc(text, ents=ents))

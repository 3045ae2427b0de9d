"""Sports teams written as their town or country (hand-built Docs, no model): a place before a
sport title and a person's name is the team, an organization of its own; titles of a place's
office ("London mayor X") leave the place alone."""

from __future__ import annotations

import pytest

from kg.extract.mentions import find_mentions
from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def facts(component, doc):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    triples = {(t.subject.name, t.predicate, t.object.name) for t in graph.triples}
    return triples, {(e.name, e.label) for e in graph.entities}


@pytest.mark.parametrize(
    ("text", "ents", "triple"),
    [
        (
            "So Leicester flanker Lewis Moody is fit .",
            [(1, 2, "GPE"), (3, 5, "PERSON")],
            ("Lewis Moody", "member_of", "Leicester"),
        ),
        (
            "He said Bath prop Duncan Bell will start .",
            [(2, 3, "GPE"), (4, 6, "PERSON")],
            ("Duncan Bell", "member_of", "Bath"),
        ),
        (
            "Then Wales coach Mike Ruddock named his side .",
            [(1, 2, "GPE"), (3, 5, "PERSON")],
            ("Mike Ruddock", "works_for", "Wales"),
        ),
        (  # NER's person of one word
            "England named Bath prop Matt Stevens to start .",
            [(0, 1, "GPE"), (2, 3, "PERSON"), (4, 6, "PERSON")],
            ("Matt Stevens", "member_of", "Bath"),
        ),
        (
            "Then Scotland assistant coach Matt Williams spoke .",
            [(1, 2, "GPE"), (4, 6, "PERSON")],
            ("Matt Williams", "works_for", "Scotland"),
        ),
        (
            "And Everton manager David Moyes was pleased .",
            [(1, 2, "GPE"), (3, 5, "PERSON")],
            ("David Moyes", "leader_of", "Everton"),
        ),
        (
            "But England 's captain , Michael Vaughan , was out .",
            [(1, 2, "GPE"), (5, 7, "PERSON")],
            ("Michael Vaughan", "member_of", "England"),
        ),
    ],
)
def test_place_before_a_sport_title_is_the_team(component, make_doc, text, ents, triple):
    got, entities = facts(component, make_doc(text, ents=ents))
    assert triple in got
    assert (triple[2], "Organization") in entities
    assert (triple[2], "Place") not in entities
    assert (triple[2], "Person") not in entities


def test_the_team_and_the_place_of_one_name_stay_apart(component, make_doc):
    doc = make_doc(
        "Then Wales coach Mike Ruddock lives in Wales .",
        ents=[(1, 2, "GPE"), (3, 5, "PERSON"), (7, 8, "GPE")],
    )
    _, entities = facts(component, doc)
    assert {("Wales", "Organization"), ("Wales", "Place")} <= entities


@pytest.mark.parametrize(
    ("text", "ents", "place"),
    [
        ("So Texas governor Greg Abbott spoke .", [(1, 2, "GPE"), (3, 5, "PERSON")], "Texas"),
        ("So London mayor Ken Livingstone spoke .", [(1, 2, "GPE"), (3, 5, "PERSON")], "London"),
        ("So Wales secretary Peter Hain spoke .", [(1, 2, "GPE"), (3, 5, "PERSON")], "Wales"),
        # a place after an organization's name: its branch, not a team
        (
            "So Acme UK boss Ann Lee spoke .",
            [(1, 2, "ORG"), (2, 3, "GPE"), (4, 6, "PERSON")],
            "United Kingdom",
        ),
        # a person's possessive: the coach's captain, no team
        (
            "So Robinson 's captain Martin Corry starts .",
            [(1, 2, "PERSON"), (4, 6, "PERSON")],
            "Robinson",
        ),
        # a sport title with no person after it: no evidence of a team
        ("They beat Leicester , the coach said .", [(2, 3, "GPE")], "Leicester"),
    ],
)
def test_office_titles_and_bare_titles_leave_the_place(component, make_doc, text, ents, place):
    _, entities = facts(component, make_doc(text, ents=ents))
    assert (place, "Organization") not in entities
    assert (place, "Place") in entities or (place, "Person") in entities


def _ents(make_doc, text, names):
    """Token spans ``(start, end, label)`` of every ``(name, label)`` written in ``text``."""
    words = [t.text for t in make_doc(text)]
    spans = []
    for name, label in names:
        n = len(name.split(" "))
        spans += [
            (i, i + n, label) for i in range(len(words)) if words[i : i + n] == name.split(" ")
        ]
    return sorted(spans)


def test_the_club_in_brackets_in_a_team_sheet_is_an_organization(component, make_doc):
    text = (
        "England named the side .\n"
        "J White ( Leicester ) , D Grewcock ( Bath ) , B Kay ( Leicester ) , "
        "A Hazell ( Gloucester ) , M Tait ( Newcastle ) , J Noon ( Newcastle ) .\n"
        "So Gloucester flanker Andy Hazell starts ."
    )
    names = [
        ("J White", "PERSON"),
        ("D Grewcock", "PERSON"),
        ("B Kay", "PERSON"),
        ("A Hazell", "PERSON"),
        ("M Tait", "PERSON"),
        ("J Noon", "PERSON"),
        ("Andy Hazell", "PERSON"),
        ("Leicester", "ORG"),
        ("Gloucester", "ORG"),
        ("Bath", "GPE"),
        ("Newcastle", "GPE"),
    ]
    triples, entities = facts(component, make_doc(text, ents=_ents(make_doc, text, names)))
    assert ("Andy Hazell", "member_of", "Gloucester") in triples
    for club in ("Leicester", "Gloucester", "Bath", "Newcastle"):
        assert (club, "Organization") in entities
        assert (club, "Person") not in entities


@pytest.mark.parametrize(
    ("text", "names", "team"),
    [
        (
            "Leicester flanker Lewis Moody is fit .\nLeicester 's Harry Ellis starts .",
            [("Leicester", "GPE"), ("Lewis Moody", "PERSON"), ("Harry Ellis", "PERSON")],
            "Leicester",
        ),
        (
            "Bath coach John Connolly spoke .\nMatt Stevens joined Bath in 2004 .",
            [("Bath", "GPE"), ("John Connolly", "PERSON"), ("Matt Stevens", "PERSON")],
            "Bath",
        ),
        (
            "Chelsea boss Jose Mourinho spoke .\nJoe Cole signed for Chelsea in 2003 .",
            [("Chelsea", "GPE"), ("Jose Mourinho", "PERSON"), ("Joe Cole", "PERSON")],
            "Chelsea",
        ),
        (
            "England coach Andy Robinson spoke .\nHe named the England squad on Monday .",
            [("England", "GPE"), ("Andy Robinson", "PERSON")],
            "England",
        ),
        (
            "Wales coach Mike Ruddock spoke .\nWales international Gareth Thomas is fit .",
            [("Wales", "GPE"), ("Mike Ruddock", "PERSON"), ("Gareth Thomas", "PERSON")],
            "Wales",
        ),
    ],
)
def test_a_team_of_the_article_is_the_team_again_where_a_team_stands(
    component, make_doc, text, names, team
):
    _, entities = facts(component, make_doc(text, ents=_ents(make_doc, text, names)))
    assert (team, "Organization") in entities
    assert (team, "Place") not in entities


def test_joining_a_team_of_the_article_makes_a_member(component, make_doc):
    text = "Bath coach John Connolly said Matt Stevens joined Bath in 2004 ."
    names = [("Bath", "GPE"), ("John Connolly", "PERSON"), ("Matt Stevens", "PERSON")]
    parse = [
        (3, "compound"),
        (3, "compound"),
        (3, "compound"),
        (4, "nsubj"),
        (4, "ROOT"),
        (6, "compound"),
        (7, "nsubj"),
        (4, "ccomp"),
        (7, "dobj"),
        (7, "prep"),
        (9, "pobj"),
        (4, "punct"),
    ]
    pos = [
        "PROPN",
        "NOUN",
        "PROPN",
        "PROPN",
        "VERB",
        "PROPN",
        "PROPN",
        "VERB",
        "PROPN",
        "ADP",
        "NUM",
        "PUNCT",
    ]
    lemmas = [
        "Bath",
        "coach",
        "John",
        "Connolly",
        "say",
        "Matt",
        "Stevens",
        "join",
        "Bath",
        "in",
        "2004",
        ".",
    ]
    doc = make_doc(text, ents=_ents(make_doc, text, names), parse=parse, pos=pos, lemmas=lemmas)
    triples, _ = facts(component, doc)
    assert any(t[0] == "Matt Stevens" and t[2] == "Bath" for t in triples)


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        # no sport title in the article: no team
        (
            "So London 's mayor Ken Livingstone spoke .",
            [("London", "GPE"), ("Ken Livingstone", "PERSON")],
            "London",
        ),
        (
            "Karl Rove joined Washington in 2001 , the senator said .",
            [("Washington", "GPE"), ("Karl Rove", "PERSON")],
            "Washington",
        ),
        # a team in the article, but this name is no team of it
        (
            "Chelsea boss Jose Mourinho spoke .\nThen London 's mayor Ken Livingstone joined London .",
            [
                ("Chelsea", "GPE"),
                ("Jose Mourinho", "PERSON"),
                ("London", "GPE"),
                ("Ken Livingstone", "PERSON"),
            ],
            "London",
        ),
        # the team's name where a place stands
        (
            "Leicester flanker Lewis Moody spoke .\nHe lives in Leicester .",
            [("Leicester", "GPE"), ("Lewis Moody", "PERSON")],
            "Leicester",
        ),
    ],
)
def test_places_out_of_a_team_position_or_article_stay_places(
    component, make_doc, text, names, place
):
    doc = make_doc(text, ents=_ents(make_doc, text, names))
    labels = [m.label for m in find_mentions(doc, component.gazetteer) if m.text == place]
    assert labels and labels[-1] == "Place"
    if place != "Leicester":
        assert set(labels) == {"Place"}

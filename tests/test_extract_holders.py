"""Posts of a place with one holder at a time (kg/extract/holders.py), on hand-built Docs."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.extract.holders import one_holder
from kg.records import Entity, Evidence, Triple
from tests import docs


def facts(component, doc):
    return docs.facts(component, doc, status=None, evidence=("status",), date="2017-11-05")


def sentences(doc, *starts):
    """Mark sentence starts (the hand-built Doc is one sentence otherwise)."""
    for i in range(1, len(doc)):
        doc[i].is_sent_start = i in starts
    return doc


def test_the_president_named_most_keeps_the_post_an_earlier_one_is_former(component, make_doc):
    doc = make_doc(
        "U.S. President Donald Trump spoke . Trump cut the tax that U.S. President "
        "Barack Obama set .",
        ents=[
            (0, 1, "GPE"),
            (2, 4, "PERSON"),
            (6, 7, "PERSON"),
            (11, 12, "GPE"),
            (13, 15, "PERSON"),
        ],
    )
    found = facts(component, sentences(doc, 6))
    assert ("Donald Trump", "president_of", "United States", "current") in found
    assert ("Barack Obama", "president_of", "United States", "former") in found
    assert ("Barack Obama", "president_of", "United States", "current") not in found


def test_a_second_president_with_an_implied_country_is_dropped(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - President Donald Trump will press President Xi Jinping . "
        "President Trump spoke .",
        ents=[
            (0, 1, "GPE"),
            (2, 3, "ORG"),
            (6, 8, "PERSON"),
            (11, 13, "PERSON"),
            (15, 16, "PERSON"),
        ],
        tags=[
            *[
                "NNP",
                ",",
                "NNP",
                ",",
                ",",
                "NNP",
                "NNP",
                "NNP",
                "MD",
                "VB",
                "NNP",
                "NNP",
                "NNP",
                ".",
                "NNP",
                "NNP",
                "VBD",
                ".",
            ]
        ],
    )
    found = facts(component, sentences(doc, 14))
    assert ("Donald Trump", "president_of", "United States", "current") in found
    assert not any(s == "Xi Jinping" and p == "president_of" for s, p, _, _ in found)


def test_presidents_of_two_countries_both_hold_their_posts(component, make_doc):
    doc = make_doc(
        "Chinese President Xi Jinping met U.S. President Donald Trump .",
        ents=[(0, 1, "NORP"), (2, 4, "PERSON"), (5, 6, "GPE"), (7, 9, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Xi Jinping", "president_of", "China", "current") in found
    assert ("Donald Trump", "president_of", "United States", "current") in found


def test_an_organization_may_have_two_leaders(component, make_doc):
    doc = make_doc(
        "Acme chairman Ann Ruiz and Acme chairman Bob Ray spoke .",
        ents=[(0, 1, "ORG"), (2, 4, "PERSON"), (5, 6, "ORG"), (7, 9, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Ann Ruiz", "leader_of", "Acme", "current") in found
    assert ("Bob Ray", "leader_of", "Acme", "current") in found


def _triple(person: str, place: str, start: int, rule: str = "compound.org_title_person"):
    evidence = Evidence("s", start, start + 1, person, place, rule, 0.9)
    return Triple(Entity(person, "Person"), "president_of", Entity(place, "Place"), evidence)


def test_a_tie_keeps_every_holder_and_mentions_break_a_tie_of_sentences():
    a, b = _triple("Ann Ruiz", "Freedonia", 0), _triple("Bob Ray", "Freedonia", 10)
    assert one_holder([a, b], Counter()) == [a, b]
    kept = one_holder([a, b], Counter({("Bob Ray", "Person"): 3, ("Ann Ruiz", "Person"): 1}))
    assert kept[1] == b
    assert kept[0].evidence.status == "former"
    assert kept[0].evidence.rule == "compound.org_title_person.past"
    implied = _triple("Ann Ruiz", "Freedonia", 0, "implied.title_person")
    assert one_holder([implied, b, _triple("Bob Ray", "Freedonia", 20)], Counter())[0] == b


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Senate tax committee chief Orrin Hatch spoke .",
            [(0, 1, "ORG"), (4, 6, "PERSON")],
            ("Orrin Hatch", "member_of", "Senate"),
        ),
        (
            "Ann Ruiz , chairman of the Commons public accounts committee , spoke .",
            [(0, 2, "PERSON"), (6, 7, "ORG")],
            ("Ann Ruiz", "member_of", "House of Commons"),
        ),
        (
            "Ann Ruiz , chairman of the House Democratic caucus , spoke .",
            [(0, 2, "PERSON"), (6, 7, "ORG"), (7, 8, "NORP")],
            ("Ann Ruiz", "member_of", "House"),
        ),
        (
            "Acme audit panel chairman Bob Ray spoke .",
            [(0, 1, "ORG"), (4, 6, "PERSON")],
            ("Bob Ray", "member_of", "Acme"),
        ),
    ],
)
def test_the_head_of_a_committee_is_a_member_of_the_whole(
    component, make_doc, text, ents, expected
):
    found = {(s, p, o) for s, p, o, _ in facts(component, make_doc(text, ents=ents))}
    assert expected in found
    assert (expected[0], "leader_of", expected[2]) not in found


def test_a_named_committee_is_led(component, make_doc):
    doc = make_doc(
        "Senate Judiciary Committee chairman Chuck Grassley spoke .",
        ents=[(0, 3, "ORG"), (4, 6, "PERSON")],
    )
    found = {(s, p, o) for s, p, o, _ in facts(component, doc)}
    assert ("Chuck Grassley", "leader_of", "Senate Judiciary Committee") in found


@pytest.mark.parametrize("noun", ["bill", "law"])
def test_a_noun_of_its_own_phrase_before_a_title_heads_no_part(component, make_doc, noun):
    # "The bill President George Bush signed passed": "bill" is the subject of "passed", not
    # a department the president heads ("research director").
    doc = make_doc(
        f"WASHINGTON ( Reuters ) - The {noun} President George Bush signed passed .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (8, 10, "PERSON")],
        parse=[
            (11, "npadvmod"),
            (2, "punct"),
            (0, "appos"),
            (2, "punct"),
            (11, "punct"),
            (6, "det"),
            (11, "nsubj"),
            (9, "compound"),
            (9, "compound"),
            (10, "nsubj"),
            (6, "relcl"),
            (11, "ROOT"),
            (11, "punct"),
        ],
    )
    found = {(s, p, o) for s, p, o, _ in facts(component, doc)}
    assert ("George Bush", "president_of", "United States") in found
    assert ("George Bush", "works_for", "United States") not in found


@pytest.mark.parametrize(
    ("text", "ents", "home"),
    [
        (
            "House Republican leader Kevin McCarthy of California spoke .",
            [(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON"), (6, 7, "GPE")],
            "California",
        ),
        (
            "Senate Democratic leader Chuck Schumer of New York spoke .",
            [(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON"), (6, 8, "GPE")],
            "New York",
        ),
    ],
)
def test_of_a_place_after_a_titled_name_is_no_object_when_the_title_has_one(
    component, make_doc, text, ents, home
):
    found = {(s, p, o) for s, p, o, _ in facts(component, make_doc(text, ents=ents))}
    assert not any(o == home for _, _, o in found)
    assert any(o.endswith("Party") for _, _, o in found)  # the party before the title


def test_a_title_with_nothing_before_it_governs_the_place_after_the_name(component, make_doc):
    doc = make_doc(
        "Prime Minister Ana Lopez of France arrived .", ents=[(2, 4, "PERSON"), (5, 6, "GPE")]
    )
    found = {(s, p, o) for s, p, o, _ in facts(component, doc)}
    assert ("Ana Lopez", "prime_minister_of", "France") in found


def test_a_written_country_beats_an_implied_one(component, make_doc):
    # A Beijing story: "President Trump" (implied: China, the article's country) three times,
    # "China 's President Xi Jinping" once.
    doc = make_doc(
        "BEIJING ( Reuters ) - President Donald Trump met China 's President Xi Jinping . "
        "President Trump spoke . President Trump left .",
        ents=[
            (0, 1, "GPE"),
            (2, 3, "ORG"),
            (6, 8, "PERSON"),
            (9, 10, "GPE"),
            (12, 14, "PERSON"),
            (16, 17, "PERSON"),
            (20, 21, "PERSON"),
        ],
        tags=[
            *[
                "NNP",
                ",",
                "NNP",
                ",",
                ",",
                "NNP",
                "NNP",
                "NNP",
                "VBD",
                "NNP",
                "POS",
                "NNP",
                "NNP",
                "NNP",
                ".",
                "NNP",
                "NNP",
                "VBD",
                ".",
                "NNP",
                "NNP",
                "VBD",
                ".",
            ]
        ],
    )
    found = facts(component, sentences(doc, 15, 19))
    assert ("Xi Jinping", "president_of", "China", "current") in found
    assert not any(s == "Donald Trump" and o == "China" for s, _, o, _ in found)

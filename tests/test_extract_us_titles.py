"""Titles of United States politics and business news: a party and a state before a title,
a country written before a government title, titles with a department inside them, company
officers and joint titles (hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article
from tests import docs


def facts(component, doc, *, status="current"):
    return docs.facts(component, doc, status=status)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Democratic U.S. Senator Jack Reed said no .",
            [(0, 1, "NORP"), (1, 2, "GPE"), (3, 5, "PERSON")],
            ("Jack Reed", "member_of", "Democratic Party"),
        ),
        (
            "Republican Ohio Governor John Kasich said no .",
            [(0, 1, "NORP"), (1, 2, "GPE"), (3, 5, "PERSON")],
            ("John Kasich", "member_of", "Republican Party"),
        ),
        (
            "Republican U.S. Representative Kevin Brady said no .",
            [(0, 1, "NORP"), (1, 2, "GPE"), (3, 5, "PERSON")],
            ("Kevin Brady", "member_of", "Republican Party"),
        ),
    ],
)
def test_party_then_place_then_title(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_party_place_title_keeps_the_place_reading(component, make_doc):
    doc = make_doc(
        "Republican Ohio Governor John Kasich said no .",
        ents=[(0, 1, "NORP"), (1, 2, "GPE"), (3, 5, "PERSON")],
    )
    assert ("John Kasich", "leader_of", "Ohio") in facts(component, doc)


def test_a_nationality_before_the_place_is_no_party(component, make_doc):
    doc = make_doc(
        "American Ohio Governor John Kasich said no .",
        ents=[(0, 1, "NORP"), (1, 2, "GPE"), (3, 5, "PERSON")],
    )
    assert not {f for f in facts(component, doc) if f[1] == "member_of"}


def test_former_party_place_title_is_not_current(component, make_doc):
    doc = make_doc(
        "Former Democratic U.S. Senator Al Franken spoke .",
        ents=[(1, 2, "NORP"), (2, 3, "GPE"), (4, 6, "PERSON")],
    )
    assert ("Al Franken", "member_of", "Democratic Party") not in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "U.S. Senator Rand Paul said no .",
            [(0, 1, "GPE"), (2, 4, "PERSON")],
            ("Rand Paul", "member_of", "Senate"),
        ),
        (
            "On Monday U.S. Representative John Conyers resigned .",
            [(2, 3, "GPE"), (4, 6, "PERSON")],
            ("John Conyers", "member_of", "House of Representatives"),
        ),
        (
            "In Paris , U.S. Senator Rand Paul said no .",  # the written country, not Paris's
            [(1, 2, "GPE"), (3, 4, "GPE"), (5, 7, "PERSON")],
            ("Rand Paul", "member_of", "Senate"),
        ),
    ],
)
def test_country_before_a_government_title_names_its_government(
    component, make_doc, text, ents, expected
):
    body = "Senate" if expected[2] == "Senate" else "House of Representatives"
    assert expected in facts(component, make_doc(**docs.naming(text, ents, body)))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a capitalised word before the title makes it another office
        (
            "U.S. Trade Representative Robert Lighthizer said no .",
            [(0, 1, "GPE"), (3, 5, "PERSON")],
        ),
        ("Trade Representative Robert Lighthizer said no .", [(2, 4, "PERSON")]),
        # a state is no country of government.tsv
        ("Ohio Senator Rob Portman said no .", [(0, 1, "GPE"), (2, 4, "PERSON")]),
        # a state legislator
        ("Kentucky state Representative Dan Johnson died .", [(0, 1, "GPE"), (3, 5, "PERSON")]),
        ("In Texas , state Representative Dan Johnson died .", [(1, 2, "GPE"), (5, 7, "PERSON")]),
        ("In Florida , state Sen. Ileana Ros spoke .", [(1, 2, "GPE"), (5, 7, "PERSON")]),
    ],
)
def test_no_implied_chamber(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert not {f for f in found if f[2] in ("House of Representatives", "Senate")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "WASHINGTON ( Reuters ) - Secretary of State Rex Tillerson met him .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (7, 8, "ORG"), (8, 10, "PERSON")],
            ("Rex Tillerson", "secretary_of", "State Department"),
        ),
        (
            "LONDON ( Reuters ) - Chancellor of the Exchequer Gordon Brown spoke .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (8, 9, "ORG"), (9, 11, "PERSON")],
            ("Gordon Brown", "secretary_of", "HM Treasury"),
        ),
    ],
)
def test_a_name_inside_a_title_is_part_of_the_title(component, make_doc, text, ents, expected):
    found = facts(component, make_doc(text, ents=ents))
    assert expected in found
    assert not {f for f in found if f[2] in ("State", "Exchequer")}


def test_a_name_in_front_of_a_title_stays_its_object(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - Treasury Secretary Steven Mnuchin spoke .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "ORG"), (7, 9, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Steven Mnuchin", "secretary_of", "Treasury") in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "WASHINGTON ( Reuters ) - Speaker Paul Ryan said no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON")],
            ("Paul Ryan", "leader_of", "House of Representatives"),
        ),
        (
            "WASHINGTON ( Reuters ) - Energy Secretary Rick Perry said no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (7, 9, "PERSON")],
            ("Rick Perry", "secretary_of", "Energy Department"),
        ),
        (
            "WASHINGTON ( Reuters ) - Representative Jackie Speier said no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON")],
            ("Jackie Speier", "member_of", "House of Representatives"),
        ),
    ],
)
def test_more_united_states_government_titles(component, make_doc, text, ents, expected):
    if expected[1] == "member_of":  # a seat only in an article that names the chamber
        doc = make_doc(**docs.naming(text, ents, expected[2]))
    else:
        doc = make_doc(text, ents=ents)
    assert expected in facts(component, doc)


def test_a_state_speaker_in_front_is_written(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - Ohio House Speaker Cliff Rosenberger said no .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (5, 7, "ORG"), (8, 10, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Cliff Rosenberger", "leader_of", "Ohio House") in found
    assert ("Cliff Rosenberger", "leader_of", "House of Representatives") not in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Apple Chief Financial Officer Luca Maestri said sales rose .",
            [(0, 1, "ORG"), (4, 6, "PERSON")],
            ("Luca Maestri", "works_for", "Apple"),
        ),
        (
            "Luca Maestri , chief operating officer of Apple , said sales rose .",
            [(0, 2, "PERSON"), (7, 8, "ORG")],
            ("Luca Maestri", "works_for", "Apple"),
        ),
        (
            "Apple CFO Luca Maestri said sales rose .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            ("Luca Maestri", "works_for", "Apple"),
        ),
        (
            "Ford President and CEO Jim Hackett said sales rose .",
            [(0, 1, "ORG"), (4, 6, "PERSON")],
            ("Jim Hackett", "leader_of", "Ford"),
        ),
        (
            "Jim Hackett , chairman and chief executive of Ford , said sales rose .",
            [(0, 2, "PERSON"), (8, 9, "ORG")],
            ("Jim Hackett", "leader_of", "Ford"),
        ),
    ],
)
def test_company_officers(component, make_doc, text, ents, expected):
    found = facts(component, make_doc(text, ents=ents))
    assert expected in found
    wrong = "leader_of" if expected[1] == "works_for" else "works_for"
    assert (expected[0], wrong, expected[2]) not in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Mitch McConnell , the Senate majority leader , said no .",
            [(0, 2, "PERSON"), (4, 5, "ORG")],
            ("Mitch McConnell", "leader_of", "Senate"),
        ),
        (
            "Senate Minority Leader Chuck Schumer said no .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            ("Chuck Schumer", "leader_of", "Senate"),
        ),
    ],
)
def test_chamber_leaders(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Thomas Massie , a Kentucky Republican , said no .",
            [(0, 2, "PERSON"), (4, 5, "GPE"), (5, 6, "NORP")],
            ("Thomas Massie", "member_of", "Republican Party"),
        ),
        (
            "Ann Ruiz , a New Mexico Democrat who chairs the panel , said no .",
            [(0, 2, "PERSON"), (4, 6, "GPE"), (6, 7, "NORP")],
            ("Ann Ruiz", "member_of", "Democratic Party"),
        ),
    ],
)
def test_state_and_party_in_apposition(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_state_and_party_before_a_noun_is_no_membership(component, make_doc):
    doc = make_doc(
        "Ann Ruiz , a Kentucky Republican voter , said no .",
        ents=[(0, 2, "PERSON"), (4, 5, "GPE"), (5, 6, "NORP")],
    )
    assert not {f for f in facts(component, doc) if f[1] == "member_of"}


@pytest.mark.parametrize(
    ("text", "ents", "lemmas", "expected"),
    [
        (
            "Idriss Deby has been Chad 's president since 1990 .",
            [(0, 2, "PERSON"), (4, 5, "GPE")],
            ["idriss", "deby", "have", "be", "chad", "'s", "president", "since", "1990", "."],
            ("Idriss Deby", "president_of", "Chad"),
        ),
        (
            "Ann Ruiz has become an Acme Corp director .",
            [(0, 2, "PERSON"), (5, 7, "ORG")],
            ["ann", "ruiz", "have", "become", "an", "acme", "corp", "director", "."],
            ("Ann Ruiz", "leader_of", "Acme Corp"),
        ),
    ],
)
def test_perfect_copula(component, make_doc, text, ents, lemmas, expected):
    pos = ["PROPN", "PROPN", "AUX", "AUX"] + [None] * (len(lemmas) - 4)
    doc = make_doc(text, ents=ents, lemmas=lemmas)
    for i, p in enumerate(pos):
        if p:
            doc[i].pos_ = p
    assert expected in facts(component, doc)


def test_a_party_membership_leaves_the_implied_chamber(component, make_doc):
    doc = make_doc(
        **docs.naming(
            "WASHINGTON ( Reuters ) - Senator Lisa Murkowski , an Alaska Republican , won .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (10, 11, "GPE"), (11, 12, "NORP")],
            "Senate",
        )
    )
    found = facts(component, doc)
    assert ("Lisa Murkowski", "member_of", "Republican Party") in found
    assert ("Lisa Murkowski", "member_of", "Senate") in found


def test_a_written_post_still_replaces_the_implied_one(component, make_doc):
    doc = make_doc(
        "BEIJING ( Reuters ) - U.S. President Donald Trump met Xi . President Trump left .",
        ents=[
            (0, 1, "GPE"),
            (2, 3, "ORG"),
            (5, 6, "GPE"),
            (7, 9, "PERSON"),
            (10, 11, "PERSON"),
            (14, 15, "PERSON"),
        ],
    )
    found = facts(component, doc)
    assert ("Donald Trump", "president_of", "United States") in found
    assert not {f for f in found if f[1] == "president_of" and f[2] != "United States"}


@pytest.mark.parametrize(
    ("text", "ents", "member"),
    [
        (  # the chamber before the party: the leader of the party's caucus is a member
            "Senate Democratic Leader Chuck Schumer said no .",
            [(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON")],
            ("Chuck Schumer", "member_of", "Democratic Party"),
        ),
        (  # the chamber between the party and the title
            "Republican Senate leader Mitch McConnell said no .",
            [(0, 1, "NORP"), (1, 2, "ORG"), (3, 5, "PERSON")],
            ("Mitch McConnell", "member_of", "Republican Party"),
        ),
        (  # a party adjective before the title of another body
            "Gregg Harper , the Republican chairman of the House Administration Committee , spoke .",
            [(0, 2, "PERSON"), (4, 5, "NORP"), (8, 12, "ORG")],
            ("Gregg Harper", "member_of", "Republican Party"),
        ),
    ],
)
def test_party_posts_held_in_another_body(component, make_doc, text, ents, member):
    found = facts(component, make_doc(text, ents=ents))
    assert member in found
    assert (member[0], "leader_of", member[2]) not in found


def test_the_chairman_of_the_committee_keeps_the_committee(component, make_doc):
    doc = make_doc(
        "Gregg Harper , the Republican chairman of the House Administration Committee , spoke .",
        ents=[(0, 2, "PERSON"), (4, 5, "NORP"), (8, 12, "ORG")],
    )
    assert ("Gregg Harper", "leader_of", "House Administration Committee") in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "leader"),
    [
        ("Labour leader Tony Blair said no .", [(0, 1, "ORG"), (2, 4, "PERSON")], "Labour"),
        (
            "Jeremy Corbyn , the Labour leader , said no .",
            [(0, 2, "PERSON"), (4, 5, "ORG")],
            "Labour",
        ),
    ],
)
def test_a_party_leader_still_leads_the_party(component, make_doc, text, ents, leader):
    found = facts(component, make_doc(text, ents=ents))
    assert any(f[1] == "leader_of" and f[2].startswith(leader) for f in found)


def test_a_party_candidate_for_a_body_is_a_party_member(component, make_doc):
    doc = make_doc(
        "Republican Senate candidate Roy Moore denied it .",
        ents=[(0, 1, "NORP"), (1, 2, "ORG"), (3, 5, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Roy Moore", "member_of", "Republican Party") in found
    assert not {f for f in found if f[2] == "Senate"}  # a candidate is no senator yet


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("EPA Administrator Scott Pruitt said no .", [(0, 1, "ORG"), (2, 4, "PERSON")]),
        (
            "Scott Pruitt , administrator of the EPA , said no .",
            [(0, 2, "PERSON"), (6, 7, "ORG")],
        ),
    ],
)
def test_an_agency_administrator_heads_it(component, make_doc, text, ents):
    assert ("Scott Pruitt", "leader_of", "EPA") in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            '" Growth will slow , " said Madiha Afzal , with the Brookings Institution .',
            [(7, 9, "PERSON"), (12, 14, "ORG")],
        ),
        (
            "Madiha Afzal , with Brookings Institution , said growth would slow .",
            [(0, 2, "PERSON"), (4, 6, "ORG")],
        ),
    ],
)
def test_with_an_organization_in_apposition(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert ("Madiha Afzal", "works_for", "Brookings Institution") in found


def test_with_an_organization_that_goes_on_is_no_affiliation(component, make_doc):
    doc = make_doc(
        "He met Ann Lee , with the Senate in recess .",
        ents=[(2, 4, "PERSON"), (7, 8, "ORG")],
    )
    assert not facts(component, doc)


def test_a_modifier_of_the_title_before_the_name_leaves_the_party(component, make_doc):
    doc = make_doc(
        "He met Senator - elect Doug Jones , the Democrat , on Monday .",
        ents=[(5, 7, "PERSON"), (9, 10, "NORP")],
    )
    assert ("Doug Jones", "member_of", "Democratic Party") in facts(component, doc)


def test_a_modifier_of_the_party_still_counts(component, make_doc):
    doc = make_doc(
        "Ex - UKIP Ann Lee said no .",
        ents=[(2, 3, "ORG"), (3, 5, "PERSON")],
    )
    assert ("Ann Lee", "member_of", "UK Independence Party") not in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        ("Republican U.S. Senator Bob Corker spoke .", "Senator", False),
        ("General John Nicholson , the top U.S. commander , spoke .", "commander", False),
        ("The plant is in the U.S. The company said so .", "The", None),
        ("Prices rose in the U.S. \n Senator Bob Corker spoke .", "Senator", True),
    ],
)
def test_country_initials_before_an_office_end_no_sentence(blank, text, after, expected):
    from kg.extract.gazetteer import load_sentence_words
    from kg.extract.pipeline import LineBreaks

    doc = LineBreaks(load_sentence_words())(blank.make_doc(text))
    token = [t for t in doc if t.text == after][-1]
    assert token.is_sent_start is expected


@pytest.mark.parametrize(
    ("text", "ents", "party"),
    [
        (
            "Dick Durbin , the chamber ’s No . 2 Democrat , said no .",
            [(0, 2, "PERSON"), (9, 10, "NORP")],
            "Democratic Party",
        ),
        (
            "Adam Schiff , the panel 's top Democrat , said no .",
            [(0, 2, "PERSON"), (7, 8, "NORP")],
            "Democratic Party",
        ),
    ],
)
def test_party_in_apposition_after_a_possessive(component, make_doc, text, ents, party):
    found = facts(component, make_doc(text, ents=ents))
    assert (text.split(" , ")[0], "member_of", party) in found


def test_a_demonym_of_a_territory_before_its_governor(component, make_doc):
    doc = make_doc(
        "Puerto Rican Governor Ricardo Rossello asked for aid .",
        ents=[(0, 2, "NORP"), (3, 5, "PERSON")],
    )
    assert ("Ricardo Rossello", "leader_of", "Puerto Rico") in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "WASHINGTON ( Reuters ) - Texas Senator Ted Cruz said no to the Senate .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "GPE"), (7, 9, "PERSON"), (13, 14, "ORG")],
            ("Ted Cruz", "member_of", "Senate"),
        ),
        (
            "Kentucky Congressman John Yarmuth said no to the U.S. House plan .",
            [(0, 1, "GPE"), (2, 4, "PERSON"), (8, 9, "GPE"), (9, 10, "ORG")],
            ("John Yarmuth", "member_of", "House"),
        ),
    ],
)
def test_a_region_before_a_legislator_is_the_seat(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_a_region_before_another_post_implies_nothing(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - Ohio Press Secretary Ann Lee said no .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "GPE"), (8, 10, "PERSON")],
    )
    assert not {f for f in facts(component, doc) if f[2] == "White House"}


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "WASHINGTON ( Reuters ) - Deputy Attorney General Rod Rosenstein spoke .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (8, 10, "PERSON")],
        ),
        (
            "WASHINGTON ( Reuters ) - Assistant Attorney General Rod Rosenstein spoke .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (8, 10, "PERSON")],
        ),
    ],
)
def test_a_deputy_works_for_the_implied_department(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert ("Rod Rosenstein", "works_for", "Justice Department") in found
    assert ("Rod Rosenstein", "secretary_of", "Justice Department") not in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "WASHINGTON ( Reuters ) - Speaker Paul Ryan said no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON")],
            ("Paul Ryan", "member_of", "House of Representatives"),
        ),
        (
            "Senate Majority Leader Mitch McConnell said no .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            ("Mitch McConnell", "member_of", "Senate"),
        ),
    ],
)
def test_the_leader_of_a_chamber_sits_in_it(component, make_doc, text, ents, expected):
    found = facts(component, make_doc(text, ents=ents))
    assert expected in found
    assert (expected[0], "leader_of", expected[2]) in found


@pytest.mark.parametrize(
    ("text", "ents", "org"),
    [
        (
            "Senate Intelligence Committee Chairman Richard Burr said no .",
            [(0, 3, "ORG"), (4, 6, "PERSON")],
            "Senate Intelligence Committee",
        ),
        (
            "Acme Corp chairman Richard Burr said no .",
            [(0, 2, "ORG"), (3, 5, "PERSON")],
            "Acme Corp",
        ),
    ],
)
def test_the_leader_of_another_body_is_no_member(component, make_doc, text, ents, org):
    found = facts(component, make_doc(text, ents=ents))
    assert ("Richard Burr", "leader_of", org) in found
    assert not {f for f in found if f[1] == "member_of"}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "WASHINGTON ( Reuters ) - Democratic Senator Chris Van Hollen said no to the Senate .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "NORP"), (7, 10, "PERSON"), (14, 15, "ORG")],
            {
                ("Chris Van Hollen", "member_of", "Democratic Party"),
                ("Chris Van Hollen", "member_of", "Senate"),
            },
        ),
        (
            "WASHINGTON ( Reuters ) - Republican Representative Kevin Brady told the House no .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "NORP"), (7, 9, "PERSON"), (11, 12, "ORG")],
            {
                ("Kevin Brady", "member_of", "Republican Party"),
                ("Kevin Brady", "member_of", "House"),
            },
        ),
    ],
)
def test_a_party_adjective_leaves_the_chamber_implied(component, make_doc, text, ents, expected):
    assert expected <= facts(component, make_doc(text, ents=ents))


def test_a_party_adjective_leaves_no_chamber_the_article_does_not_name(component, make_doc):
    doc = make_doc(
        "LONDON ( Reuters ) - Tory MP Boris Johnson said no .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (7, 9, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Boris Johnson", "member_of", "Conservative Party") in found
    assert not {f for f in found if f[2] == "House of Commons"}


def test_a_party_adjective_before_another_post_implies_nothing(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - Democratic President Bill Clinton spoke .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "NORP"), (7, 9, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Bill Clinton", "member_of", "Democratic Party") in found
    assert not {f for f in found if f[1] == "president_of"}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Ron Johnson and Bob Corker , both members of the Senate Budget Committee , objected .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (10, 13, "ORG")],
            {
                ("Ron Johnson", "member_of", "Senate Budget Committee"),
                ("Bob Corker", "member_of", "Senate Budget Committee"),
            },
        ),
        (
            "Ann Lee and Tom Hale , both analysts at Barclays , said so .",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (9, 10, "ORG")],
            {("Ann Lee", "works_for", "Barclays"), ("Tom Hale", "works_for", "Barclays")},
        ),
    ],
)
def test_two_names_sharing_a_plural_title(component, make_doc, text, ents, expected):
    assert expected <= facts(component, make_doc(text, ents=ents))


def test_two_names_and_a_title_without_both_are_no_pair(component, make_doc):
    doc = make_doc(
        "Ann Lee and Tom Hale , members said , left Barclays .",
        ents=[(0, 2, "PERSON"), (3, 5, "PERSON"), (10, 11, "ORG")],
    )
    assert not facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "The House 's top Republican , Speaker Paul Ryan , said no .",
            [(1, 2, "ORG"), (4, 5, "NORP"), (7, 9, "PERSON")],
            ("Paul Ryan", "member_of", "Republican Party"),
        ),
        (
            "The chamber 's No . 2 Democrat , Dick Durbin , said no .",
            [(6, 7, "NORP"), (8, 10, "PERSON")],
            ("Dick Durbin", "member_of", "Democratic Party"),
        ),
    ],
)
def test_a_ranked_party_member_before_the_name(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_a_ranked_nationality_is_no_party(component, make_doc):
    doc = make_doc(
        "The top American , Ann Lee , finished third .",
        ents=[(2, 3, "NORP"), (4, 6, "PERSON")],
    )
    assert not {f for f in facts(component, doc) if f[1] == "member_of"}


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "John Nicholson , the top U.S. general in Afghanistan , said so .",
            [(0, 2, "PERSON"), (5, 6, "GPE"), (8, 9, "GPE")],
        ),
        (
            "John Nicholson , a senior U.S. diplomat , said so .",
            [(0, 2, "PERSON"), (5, 6, "GPE")],
        ),
    ],
)
def test_a_ranked_public_servant_of_a_country(component, make_doc, text, ents):
    assert ("John Nicholson", "works_for", "United States") in facts(
        component, make_doc(text, ents=ents)
    )


def test_a_committee_seat_leaves_the_implied_chamber(component, make_doc):
    doc = make_doc(
        **docs.naming(
            "WASHINGTON ( Reuters ) - Senators Ron Johnson and Bob Corker , both members of the "
            "Senate Budget Committee , objected .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (9, 11, "PERSON"), (16, 19, "ORG")],
            "Senate",
        )
    )
    found = facts(component, doc)
    assert ("Ron Johnson", "member_of", "Senate") in found
    assert ("Bob Corker", "member_of", "Senate") in found
    assert ("Bob Corker", "member_of", "Senate Budget Committee") in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "A militant was freed in the Indian city of Mumbai on Thursday .",
            [(6, 7, "NORP"), (9, 10, "GPE")],
            ("Mumbai", "located_in", "India"),
        ),
        (
            "Fighting raged in the northern Syrian town of Aleppo .",
            [(5, 6, "NORP"), (8, 9, "GPE")],
            ("Aleppo", "located_in", "Syria"),
        ),
    ],
)
def test_the_demonym_city_of_a_place(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_a_demonym_before_another_noun_locates_nothing(component, make_doc):
    doc = make_doc(
        "He met the Indian envoy of Mumbai on Thursday .",
        ents=[(3, 4, "NORP"), (6, 7, "GPE")],
    )
    assert not {f for f in facts(component, doc) if f[1] == "located_in"}


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Shares of Washington - based energy and policy consultant Rapidan Energy Group rose .",
            [(2, 3, "GPE"), (9, 12, "ORG")],
        ),
        (
            "Shares of Washington - based Rapidan Energy Group rose .",
            [(2, 3, "GPE"), (5, 8, "ORG")],
        ),
    ],
)
def test_place_based_org_after_conjoined_nouns(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert ("Rapidan Energy Group", "based_in", "Washington") in found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            '" I will vote , " said Ann Ruiz , 41 , from Toledo .',
            [(7, 9, "PERSON"), (13, 14, "GPE")],
        ),
        ("Ann Ruiz , 41 , from Toledo , won the prize .", [(0, 2, "PERSON"), (6, 7, "GPE")]),
    ],
)
def test_an_age_then_where_from(component, make_doc, text, ents):
    assert ("Ann Ruiz", "resident_of", "Toledo") in facts(component, make_doc(text, ents=ents))


def test_a_message_from_a_place_is_no_residence(component, make_doc):
    doc = make_doc(
        "Ann Ruiz , 41 , flew in from Toledo .",
        ents=[(0, 2, "PERSON"), (8, 9, "GPE")],
    )
    assert not {f for f in facts(component, doc) if f[1] == "resident_of"}


def test_a_ranked_title_without_a_closing_comma_is_the_next_subject(component, make_doc):
    doc = make_doc(
        "In a reference to Donald Trump , the top U.N. rights official on Thursday condemned it .",
        ents=[(4, 6, "PERSON"), (9, 10, "ORG")],
    )
    assert not {f for f in facts(component, doc) if f[0] == "Donald Trump"}


def test_a_plural_title_is_no_apposition_of_one_name(component, make_doc):
    text = "Under pressure from Steve Daines , Senate Republican leaders raised it ."
    doc = make_doc(text, ents=[(3, 5, "PERSON"), (6, 7, "ORG"), (7, 8, "NORP")])
    doc[8].tag_ = "NNS"
    assert not {f for f in facts(component, doc) if f[0] == "Steve Daines"}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Corker and other Republican deficit hawks , including Senator James Lankford , spoke .",
            [(0, 1, "PERSON"), (3, 4, "NORP"), (9, 11, "PERSON")],
            ("James Lankford", "member_of", "Republican Party"),
        ),
        (
            "It was backed by powerful Democrats such as Elizabeth Warren .",
            [(5, 6, "NORP"), (8, 10, "PERSON")],
            ("Elizabeth Warren", "member_of", "Democratic Party"),
        ),
    ],
)
def test_a_party_member_named_after_including(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (  # the person may belong to either party
            "It was opposed by Republicans and Democrats , including Bob Corker .",
            [(4, 5, "NORP"), (6, 7, "NORP"), (9, 11, "PERSON")],
        ),
        ("Many Americans , including Tom Hanks , donated .", [(1, 2, "NORP"), (4, 6, "PERSON")]),
    ],
)
def test_no_party_membership_after_including(component, make_doc, text, ents):
    assert not {f for f in facts(component, make_doc(text, ents=ents)) if f[1] == "member_of"}


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Republicans and President Donald Trump cut taxes .",
            [(0, 1, "NORP"), (3, 5, "PERSON")],
        ),
        (
            "It is backed by seven Democrats and Senator Bernie Sanders , an independent .",
            [(5, 6, "NORP"), (8, 10, "PERSON")],
        ),
    ],
)
def test_a_party_conjoined_with_a_titled_name_is_not_his(component, make_doc, text, ents):
    pos = ["PROPN" if w[:1].isupper() else "NOUN" for w in text.split(" ")]
    pos = ["CCONJ" if w == "and" else p for w, p in zip(text.split(" "), pos, strict=True)]
    found = facts(component, make_doc(text, ents=ents, pos=pos))
    assert not {f for f in found if f[1] == "member_of" and "Party" in f[2]}


def test_a_party_before_a_title_with_a_conjunction_inside_still_counts(component, make_doc):
    text = "Labour Trade and Industry Secretary Patricia Hewitt spoke ."
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = make_doc(text, ents=[(0, 1, "ORG"), (5, 7, "PERSON")], pos=pos)
    assert ("Patricia Hewitt", "member_of", "Labour") in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "They wrote to EPA Administrator Scott Pruitt on Wednesday .",
            [(3, 5, "ORG"), (5, 7, "PERSON")],
            ("Scott Pruitt", "leader_of", "EPA"),
        ),
        (
            "It was filed by Justice Department Special Counsel Robert Mueller .",
            [(4, 8, "ORG"), (8, 10, "PERSON")],
            ("Robert Mueller", "works_for", "Justice Department"),
        ),
    ],
)
def test_a_title_ner_glued_to_the_organization_before_a_name(
    component, make_doc, text, ents, expected
):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_an_organization_ending_in_a_title_word_keeps_it_without_a_name(component, make_doc):
    doc = make_doc("Liberty Counsel said on Monday it would sue .", ents=[(0, 2, "ORG")])
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    assert "Liberty Counsel" in {e.name for e in graph.entities}

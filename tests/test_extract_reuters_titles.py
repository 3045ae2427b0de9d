"""Constructions of United States politics and business news found missing on a tuning sample of
Reuters 2017 articles: a party's leader inside a legislature, an age between a name and its
apposition, a relative clause in the present that states a post, a seat on a committee or a
board, and an organization's city in an apposition (hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import graph_from_doc
from kg.records import Article
from tests import docs


def facts(component, doc, *, status="current"):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    return {
        (t.subject.name, t.predicate, t.object.name)
        for t in graph.triples
        if t.evidence.status == status
    }


# -- "Senate Democratic leader X": a member of the chamber and of the party ---------------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Senate Democratic leader Chuck Schumer said no .",
            [(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON")],
            {
                ("Chuck Schumer", "member_of", "Senate"),
                ("Chuck Schumer", "member_of", "Democratic Party"),
            },
        ),
        (
            "Jones called House Republican whip Steve Scalise on Monday .",
            [(0, 1, "PERSON"), (2, 3, "ORG"), (3, 4, "NORP"), (5, 7, "PERSON")],
            {
                ("Steve Scalise", "member_of", "House"),
                ("Steve Scalise", "member_of", "Republican Party"),
            },
        ),
    ],
)
def test_party_leader_in_a_chamber_sits_in_it(component, make_doc, text, ents, expected):
    assert expected <= facts(component, make_doc(text, ents=ents))


def test_candidate_for_a_chamber_is_not_in_it(component, make_doc):
    doc = make_doc(
        "Senate Republican candidate Roy Moore said no .",
        ents=[(0, 1, "ORG"), (1, 2, "NORP"), (3, 5, "PERSON")],
    )
    assert ("Roy Moore", "member_of", "Senate") not in facts(component, doc)


def test_party_post_before_no_chamber_names_no_body(component, make_doc):
    doc = make_doc(
        "Fox News Republican strategist Jane Doe said no .",
        ents=[(0, 2, "ORG"), (2, 3, "NORP"), (4, 6, "PERSON")],
    )
    assert not {f for f in facts(component, doc) if f[2] == "Fox News" and f[1] == "member_of"}


# -- "X, 45, a psychologist for Y": an age before the apposition ---------------------------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Robert Strong , 45 , a psychologist for the County Health Department , said no .",
            [(0, 2, "PERSON"), (9, 12, "ORG")],
            ("Robert Strong", "works_for", "County Health Department"),
        ),
        (
            "Ann Lee , 61 , director of Acme Bank , said no .",
            [(0, 2, "PERSON"), (7, 9, "ORG")],
            ("Ann Lee", "leader_of", "Acme Bank"),
        ),
    ],
)
def test_age_before_an_apposition(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_age_then_a_verb_is_no_apposition(component, make_doc):
    doc = make_doc(
        "Ann Lee , 61 , said a director of Acme Bank was wrong .",
        ents=[(0, 2, "PERSON"), (9, 11, "ORG")],
    )
    assert not facts(component, doc)


# -- "X, who is currently CIA director" ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Mike Pompeo , who is currently CIA director , said no .",
            [(0, 2, "PERSON"), (6, 7, "ORG")],
            ("Mike Pompeo", "leader_of", "CIA"),
        ),
        (
            "Ann Lee , who is also a Barclays analyst , said no .",
            [(0, 2, "PERSON"), (7, 8, "ORG")],
            ("Ann Lee", "works_for", "Barclays"),
        ),
        (
            "Ann Lee , who is the chief executive of Acme Corp , said no .",
            [(0, 2, "PERSON"), (9, 11, "ORG")],
            ("Ann Lee", "leader_of", "Acme Corp"),
        ),
    ],
)
def test_relative_clause_in_the_present_states_a_post(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Ann Lee , who was the chief executive of Acme Corp , said no .",
            [(0, 2, "PERSON"), (9, 11, "ORG")],
        ),
        ("Mike Pompeo , who was CIA director , said no .", [(0, 2, "PERSON"), (5, 6, "ORG")]),
    ],
)
def test_relative_clause_in_the_past_states_no_current_post(component, make_doc, text, ents):
    assert not facts(component, make_doc(text, ents=ents))


# -- "X, who sits on the Judiciary Committee" ---------------------------------------------

_SITS = [
    (1, "compound"),
    (10, "nsubj"),
    (1, "punct"),
    (4, "nsubj"),
    (1, "relcl"),
    (4, "prep"),
    (8, "det"),
    (8, "compound"),
    (5, "pobj"),
    (1, "punct"),
    (10, "ROOT"),
    (10, "punct"),
]
_SITS_POS = [
    "PROPN",
    "PROPN",
    "PUNCT",
    "PRON",
    "VERB",
    "ADP",
    "DET",
    "PROPN",
    "PROPN",
    "PUNCT",
    "VERB",
    "PUNCT",
]


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        (
            "Ted Lieu , who sits on the Judiciary Committee , said .",
            "sit",
            ("Ted Lieu", "member_of", "Judiciary Committee"),
        ),
        (
            "Ann Lee , who serves on the Finance Committee , spoke .",
            "serve",
            ("Ann Lee", "member_of", "Finance Committee"),
        ),
    ],
)
def test_a_seat_on_a_committee(component, make_doc, text, lemma, expected):
    words = text.split()
    lemmas = [w.lower() for w in words]
    lemmas[4] = lemma
    doc = make_doc(
        text,
        ents=[(0, 2, "PERSON"), (7, 9, "ORG")],
        parse=_SITS,
        pos=_SITS_POS,
        lemmas=lemmas,
    )
    assert expected in facts(component, doc)


_BOARD = [
    (1, "compound"),
    (12, "nsubj"),
    (1, "punct"),
    (4, "nsubj"),
    (1, "relcl"),
    (4, "prep"),
    (7, "det"),
    (5, "pobj"),
    (7, "prep"),
    (10, "compound"),
    (8, "pobj"),
    (1, "punct"),
    (12, "ROOT"),
    (12, "punct"),
]
_BOARD_POS = [
    "PROPN",
    "PROPN",
    "PUNCT",
    "PRON",
    "VERB",
    "ADP",
    "DET",
    "NOUN",
    "ADP",
    "PROPN",
    "PROPN",
    "PUNCT",
    "VERB",
    "PUNCT",
]


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("Ann Lee , who sits on the board of Acme Corp , spoke .", True),
        # not a seat: what she sat on is no board of the organization
        ("Ann Lee , who sat on the steps of Acme Corp , spoke .", False),
    ],
)
def test_a_seat_on_a_board(component, make_doc, text, member):
    lemmas = [w.lower() for w in text.split()]
    lemmas[4] = "sit"
    doc = make_doc(
        text, ents=[(0, 2, "PERSON"), (9, 11, "ORG")], parse=_BOARD, pos=_BOARD_POS, lemmas=lemmas
    )
    assert (("Ann Lee", "member_of", "Acme Corp") in facts(component, doc)) is member


# -- "the Tax Foundation, a Washington think tank" ----------------------------------------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "He spoke at the Tax Foundation , a Washington think tank , on Monday .",
            [(4, 6, "ORG"), (8, 9, "GPE")],
            ("Tax Foundation", "based_in", "Washington"),
        ),
        (
            "Acme Health , a Boston nonprofit , said no .",
            [(0, 2, "ORG"), (4, 5, "GPE")],
            ("Acme Health", "based_in", "Boston"),
        ),
    ],
)
def test_organization_then_a_place_and_its_kind(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_organization_then_a_place_and_no_kind(component, make_doc):
    doc = make_doc(
        "Acme Health , a Boston ally , said no .",
        ents=[(0, 2, "ORG"), (4, 5, "GPE")],
    )
    assert not {f for f in facts(component, doc) if f[1] == "based_in"}


# -- "X was named White House chief of staff": an appointment in the passive --------------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "John Kelly was named White House chief of staff in July .",
            [(0, 2, "PERSON"), (4, 6, "ORG")],
            ("John Kelly", "works_for", "White House"),
        ),
        (
            "Ann Lee was appointed as an Acme Bank director on Monday .",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
            ("Ann Lee", "leader_of", "Acme Bank"),
        ),
    ],
)
def test_appointment_in_the_passive(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_appointment_of_another_person_is_not_hers(component, make_doc):
    doc = make_doc(
        "Ann Lee said Tom Hale was named Acme Bank director .",
        ents=[(0, 2, "PERSON"), (3, 5, "PERSON"), (7, 9, "ORG")],
    )
    assert ("Ann Lee", "leader_of", "Acme Bank") not in facts(component, doc)


# -- "Special Counsel Robert Mueller": no department unless one is written --------------------


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON ( Reuters ) - Special Counsel Robert Mueller charged two men .",
        "WASHINGTON ( Reuters ) - Charges were brought by special counsel Robert Mueller .",
    ],
)
def test_special_counsel_implies_no_department(component, make_doc, text):
    # The gold sets never list the Justice Department for a special counsel whose office
    # is not written ("Justice Department Special Counsel X" is: test_extract_us_titles).
    start = text.split().index("Robert")
    doc = make_doc(text, ents=[(0, 1, "GPE"), (2, 3, "ORG"), (start, start + 2, "PERSON")])
    assert not facts(component, doc)


def test_special_counsel_outside_the_united_states_names_no_department(component, make_doc):
    doc = make_doc(
        "LONDON ( Reuters ) - Special Counsel Ann Lee charged two men in Britain .",
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (6, 8, "PERSON"), (13, 14, "GPE")],
    )
    assert not facts(component, doc)


# -- "House Democratic leader X" when NER leaves "House" untagged -----------------------------


@pytest.mark.parametrize(
    ("text", "ents", "member"),
    [
        (
            "House Democratic leader Nancy Pelosi said no .",
            [(1, 2, "NORP"), (3, 5, "PERSON")],
            ("Nancy Pelosi", "member_of", "Democratic Party"),
        ),
        (
            "Assembly Republican leader Chad Mayes said no .",
            [(1, 2, "NORP"), (3, 5, "PERSON")],
            ("Chad Mayes", "member_of", "Republican Party"),
        ),
    ],
)
def test_party_leader_after_an_untagged_chamber_is_a_member(
    component, make_doc, text, ents, member
):
    found = facts(component, make_doc(text, ents=ents))
    assert member in found
    assert (member[0], "leader_of", member[2]) not in found


def test_party_leader_with_no_chamber_leads_the_party(component, make_doc):
    doc = make_doc(
        "He said Democratic leader Nancy Pelosi was wrong .",
        ents=[(2, 3, "NORP"), (4, 6, "PERSON")],
    )
    assert ("Nancy Pelosi", "leader_of", "Democratic Party") in facts(component, doc)


# -- "Press Secretary X": NER's "Press" is no organization ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON ( Reuters ) - Press Secretary Sean Spicer said no .",
        "WASHINGTON ( Reuters ) - Asked about it , Press Secretary Sean Spicer said no .",
    ],
)
def test_press_secretary_speaks_for_the_white_house(component, make_doc, text):
    words = text.split()
    press, name = words.index("Press"), words.index("Sean")
    doc = make_doc(
        text,
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (press, press + 1, "ORG"), (name, name + 2, "PERSON")],
    )
    found = facts(component, doc)
    assert ("Sean Spicer", "spokesperson_of", "White House") in found
    assert not {f for f in found if f[2] == "Press"}


def test_a_press_in_a_longer_name_stays_an_organization(component, make_doc):
    doc = make_doc(
        "Detroit Free Press editor Ann Lee said no .",
        ents=[(0, 3, "ORG"), (4, 6, "PERSON")],
    )
    assert ("Ann Lee", "works_for", "Detroit Free Press") in facts(component, doc)


# -- "Senators A of Maine and B of Alaska": a list of names with their home places -----------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "WASHINGTON ( Reuters ) - Senators Susan Collins of Maine and Lisa Murkowski "
            "of Alaska voted no .",
            [
                (0, 1, "GPE"),
                (2, 3, "ORG"),
                (6, 8, "PERSON"),
                (9, 10, "GPE"),
                (11, 13, "PERSON"),
                (14, 15, "GPE"),
            ],
            ("Lisa Murkowski", "member_of", "Senate"),
        ),
        (
            "Republican Senators Mike Lee of Utah , Ted Cruz of Texas and Rand Paul of "
            "Kentucky voted no .",
            [
                (0, 1, "NORP"),
                (2, 4, "PERSON"),
                (5, 6, "GPE"),
                (7, 9, "PERSON"),
                (10, 11, "GPE"),
                (12, 14, "PERSON"),
                (15, 16, "GPE"),
            ],
            ("Rand Paul", "member_of", "Republican Party"),
        ),
    ],
)
def test_list_after_a_plural_title_skips_home_places(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(**docs.naming(text, ents, "Senate")))


def test_list_ends_at_a_name_without_the_title(component, make_doc):
    doc = make_doc(
        **docs.naming(
            "WASHINGTON ( Reuters ) - Senators Susan Collins of Maine and the governor of Alaska , "
            "Bill Walker , voted no .",
            [
                (0, 1, "GPE"),
                (2, 3, "ORG"),
                (6, 8, "PERSON"),
                (9, 10, "GPE"),
                (14, 15, "GPE"),
                (16, 18, "PERSON"),
            ],
            "Senate",
        )
    )
    found = facts(component, doc)
    assert ("Susan Collins", "member_of", "Senate") in found
    assert ("Bill Walker", "member_of", "Senate") not in found


# -- "X, S&P's sovereign global chief rating officer": several adjectives before the title ----


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        (
            "Moritz Kraemer , Acme 's sovereign global chief rating officer , said no .",
            [
                "PROPN",
                "PROPN",
                "PUNCT",
                "PROPN",
                "PART",
                "ADJ",
                "ADJ",
                "ADJ",
                "NOUN",
                "NOUN",
                "PUNCT",
                "VERB",
                "INTJ",
                "PUNCT",
            ],
            ("Moritz Kraemer", "works_for", "Acme"),
        ),
        (
            "Ann Lee , Barclays ' senior European equity analyst , said no .",
            [
                "PROPN",
                "PROPN",
                "PUNCT",
                "PROPN",
                "PART",
                "ADJ",
                "ADJ",
                "NOUN",
                "NOUN",
                "PUNCT",
                "VERB",
                "INTJ",
                "PUNCT",
            ],
            ("Ann Lee", "works_for", "Barclays"),
        ),
    ],
)
def test_adjectives_between_an_organization_and_its_title(component, make_doc, text, pos, expected):
    doc = make_doc(text, ents=[(0, 2, "PERSON"), (3, 4, "ORG")], pos=pos)
    assert expected in facts(component, doc)


def test_adjectives_before_a_plural_title_are_no_apposition(component, make_doc):
    text = "Ann Lee , Barclays ' senior European equity analysts and traders said no ."
    pos = [
        "PROPN",
        "PROPN",
        "PUNCT",
        "PROPN",
        "PART",
        "ADJ",
        "ADJ",
        "NOUN",
        "NOUN",
        "CCONJ",
        "NOUN",
        "VERB",
        "INTJ",
        "PUNCT",
    ]
    tags = ["NNP", "NNP", ",", "NNP", "POS", "JJ", "JJ", "NN", "NNS", "CC", "NNS", "VBD", "UH", "."]
    doc = make_doc(text, ents=[(0, 2, "PERSON"), (3, 4, "ORG")], pos=pos, tags=tags)
    assert not facts(component, doc)


# -- "X, director of the health program at Y": heads a part, works for the whole ------------


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Craig Hale , director of the health program at Acme University , said no .",
            [(0, 2, "PERSON"), (9, 11, "ORG")],
        ),
        (
            "Craig Hale , head of the tax practice at Acme University , said no .",
            [(0, 2, "PERSON"), (9, 11, "ORG")],
        ),
    ],
)
def test_head_of_a_part_at_an_organization_works_for_it(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert ("Craig Hale", "works_for", "Acme University") in found
    assert ("Craig Hale", "leader_of", "Acme University") not in found


def test_head_of_the_organization_itself_leads_it(component, make_doc):
    doc = make_doc(
        "Craig Hale , the head of Acme University , said no .",
        ents=[(0, 2, "PERSON"), (6, 8, "ORG")],
    )
    assert ("Craig Hale", "leader_of", "Acme University") in facts(component, doc)


# -- "Republican nominee X", "Democratic challenger X": a party's candidate is a member -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Republican nominee Mitt Romney said no .",
            ("Mitt Romney", "member_of", "Republican Party"),
        ),
        (
            "Democratic challenger Doug Jones said no .",
            ("Doug Jones", "member_of", "Democratic Party"),
        ),
    ],
)
def test_party_nominee_is_a_member(component, make_doc, text, expected):
    doc = make_doc(text, ents=[(0, 1, "NORP"), (2, 4, "PERSON")])
    assert expected in facts(component, doc)


def test_nominee_for_an_agency_is_not_in_it(component, make_doc):
    doc = make_doc("EPA nominee Michael Dourson said no .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")])
    assert not {f for f in facts(component, doc) if f[2] == "EPA"}


# -- "X, who became U.S. Attorney General in February": an implied government post ----------

_DATELINE = [(0, 1, "GPE"), (2, 3, "ORG")]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "WASHINGTON ( Reuters ) - Jeff Sessions , who became U.S. Attorney General in "
            "February , spoke .",
            [*_DATELINE, (5, 7, "PERSON"), (10, 11, "GPE")],
            ("Jeff Sessions", "secretary_of", "Justice Department"),
        ),
        (
            "WASHINGTON ( Reuters ) - Tom Hale , who is now press secretary , spoke .",
            [*_DATELINE, (5, 7, "PERSON")],
            ("Tom Hale", "spokesperson_of", "White House"),
        ),
    ],
)
def test_relative_clause_gives_an_implied_post(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_relative_clause_in_the_past_gives_no_implied_post(component, make_doc):
    doc = make_doc(
        "WASHINGTON ( Reuters ) - Bill Clinton , who was president in 1998 , spoke .",
        ents=[*_DATELINE, (5, 7, "PERSON")],
    )
    assert not {f for f in facts(component, doc) if f[1] == "president_of"}


# -- "the panel's chairman": a description that names the kind of organization --------------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "The Senate Intelligence Committee met . Richard Burr , the panel 's chairman , said no .",
            [(1, 4, "ORG"), (6, 8, "PERSON")],
            ("Richard Burr", "leader_of", "Senate Intelligence Committee"),
        ),
        (
            "The Tax Policy Institute wrote . Carl Davis , research director of the institute , said no .",
            [(1, 4, "ORG"), (6, 8, "PERSON")],
            ("Carl Davis", "works_for", "Tax Policy Institute"),
        ),
    ],
)
def test_description_refers_to_the_organization_it_names(component, make_doc, text, ents, expected):
    assert expected in facts(component, make_doc(text, ents=ents))


def test_description_refers_to_no_organization_of_another_kind(component, make_doc):
    doc = make_doc(
        "Jane Doe left the White House . Richard Burr , the panel 's chairman , said no .",
        ents=[(0, 2, "PERSON"), (4, 6, "ORG"), (7, 9, "PERSON")],
    )
    assert not {f for f in facts(component, doc) if f[0] == "Richard Burr"}


# -- "John Cornyn, the Senate's No. 2 Republican": a ranking in the party and the chamber ----


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "John Cornyn , the Senate 's No. 2 Republican , said no .",
            [(0, 2, "PERSON"), (4, 5, "ORG"), (9, 10, "NORP")],
            {
                ("John Cornyn", "member_of", "Senate"),
                ("John Cornyn", "member_of", "Republican Party"),
            },
        ),
        (
            "Dick Durbin , the second-ranking Senate Democrat , said no .",
            [(0, 2, "PERSON"), (7, 8, "ORG"), (8, 9, "NORP")],
            {
                ("Dick Durbin", "member_of", "Senate"),
                ("Dick Durbin", "member_of", "Democratic Party"),
            },
        ),
        (
            "Steny Hoyer , the No. 2 Democrat in the House , said no .",
            [(0, 2, "PERSON"), (7, 8, "NORP"), (10, 11, "ORG")],
            {("Steny Hoyer", "member_of", "House")},
        ),
    ],
)
def test_ranking_in_the_party_names_party_and_chamber(component, make_doc, text, ents, expected):
    assert expected <= facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Jane Doe , the top Goldman Sachs banker , said no .", [(0, 2, "PERSON"), (5, 7, "ORG")]),
        ("Jane Doe , the Senate 's top lawyer , said no .", [(0, 2, "PERSON"), (4, 5, "ORG")]),
    ],
)
def test_ranking_without_a_party_makes_no_member(component, make_doc, text, ents):
    assert not {f for f in facts(component, make_doc(text, ents=ents)) if f[1] == "member_of"}


# -- "X, senior emerging markets economist at Y": a participle before the title -------------


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        (
            "Alex Wolf , senior emerging markets economist at Aberdeen Investments , said no .",
            [
                "NNP",
                "NNP",
                ",",
                "JJ",
                "VBG",
                "NNS",
                "NN",
                "IN",
                "NNP",
                "NNP",
                ",",
                "VBD",
                "UH",
                ".",
            ],
        ),
        (
            "Alex Wolf , a leading energy analyst at Aberdeen Investments , said no .",
            ["NNP", "NNP", ",", "DT", "VBG", "NN", "NN", "IN", "NNP", "NNP", ",", "VBD", "UH", "."],
        ),
    ],
)
def test_participle_before_an_apposition_title(component, make_doc, text, tags):
    pos = {"NNP": "PROPN", "NN": "NOUN", "NNS": "NOUN", "JJ": "ADJ", "VBG": "VERB", "DT": "DET"}
    pos |= {"IN": "ADP", ",": "PUNCT", ".": "PUNCT", "VBD": "VERB", "UH": "INTJ"}
    doc = make_doc(
        text, ents=[(0, 2, "PERSON"), (8, 10, "ORG")], tags=tags, pos=[pos[t] for t in tags]
    )
    assert ("Alex Wolf", "works_for", "Aberdeen Investments") in facts(component, doc)


def test_participle_clause_after_a_name_is_no_title(component, make_doc):
    text = "Alex Wolf , spending a year as analyst at Aberdeen Investments , said no ."
    tags = [
        "NNP",
        "NNP",
        ",",
        "VBG",
        "DT",
        "NN",
        "IN",
        "NN",
        "IN",
        "NNP",
        "NNP",
        ",",
        "VBD",
        "UH",
        ".",
    ]
    pos = {"NNP": "PROPN", "NN": "NOUN", "VBG": "VERB", "DT": "DET", "IN": "ADP"}
    pos |= {",": "PUNCT", ".": "PUNCT", "VBD": "VERB", "UH": "INTJ"}
    doc = make_doc(
        text, ents=[(0, 2, "PERSON"), (9, 11, "ORG")], tags=tags, pos=[pos[t] for t in tags]
    )
    assert ("Alex Wolf", "works_for", "Aberdeen Investments") not in facts(component, doc)

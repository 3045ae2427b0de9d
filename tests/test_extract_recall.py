"""Constructions that kg missed on unseen news (the recall audit of 2026-12-03,
bench/results/recall-audit-2026-12-03.md); hand-built Docs, no model."""

from __future__ import annotations

import pytest

from tests import docs
from tests.docs import facts


@pytest.mark.parametrize(
    ("text", "ents", "person", "party"),
    [
        (
            "Later , the panel 's Republican chairman , Trey Gowdy , said no .",
            [(5, 6, "NORP"), (8, 10, "PERSON")],
            "Trey Gowdy",
            "Republican Party",
        ),
        (
            "Later , the Acme Committee 's Democratic chairman , Ann Lee , said no .",
            [(3, 5, "ORG"), (6, 7, "NORP"), (9, 11, "PERSON")],
            "Ann Lee",
            "Democratic Party",
        ),
    ],
)
def test_a_party_adjective_after_a_body_s_is_a_membership(
    component, make_doc, text, ents, person, party
):
    found = facts(component, make_doc(text, ents=ents))
    assert (person, "member_of", party) in found
    assert (person, "leader_of", party) not in found


def test_a_party_adjective_before_a_party_post_still_leads(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Later , the Republican chairman , Reince Priebus , said no .",
            ents=[(3, 4, "NORP"), (6, 8, "PERSON")],
        ),
    )
    assert ("Reince Priebus", "leader_of", "Republican Party") in found


@pytest.mark.parametrize(
    ("text", "ents", "person", "party", "body"),
    [
        (
            "The Scottish National Party 's Holyrood leader , Nicola Sturgeon , welcomed it .",
            [(1, 4, "ORG"), (5, 6, "ORG"), (8, 10, "PERSON")],
            "Nicola Sturgeon",
            "Scottish National Party",
            "Scottish Parliament",
        ),
        (
            "Later , Labour 's Commons leader Peter Hain said no .",
            [(2, 3, "ORG"), (4, 5, "ORG"), (6, 8, "PERSON")],
            "Peter Hain",
            "Labour",
            "House of Commons",
        ),
    ],
)
def test_a_party_s_post_in_a_body_is_a_member_of_both(
    component, make_doc, text, ents, person, party, body
):
    found = facts(component, make_doc(text, ents=ents))
    assert (person, "member_of", party) in found
    assert (person, "member_of", body) in found
    assert (person, "leader_of", body) not in found


def test_a_company_s_post_in_a_place_is_no_party_membership(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Later , Acme 's Leeds chairman Ann Lee said no .",
            ents=[(2, 3, "ORG"), (4, 5, "GPE"), (6, 8, "PERSON")],
        ),
    )
    assert not any(p == "member_of" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Later , Germany 's central bank , the Bundesbank , said so .",
            [(2, 3, "GPE"), (8, 9, "ORG")],
            ("Bundesbank", "based_in", "Germany"),
        ),
        (
            "Later , Britain 's biggest union , Unison , said so .",
            [(2, 3, "GPE"), (7, 8, "ORG")],
            ("Unison", "based_in", "United Kingdom"),
        ),
        (
            "In four days , Britain 's biggest union Unison will start a ballot .",
            [(4, 5, "GPE"), (8, 9, "ORG")],
            ("Unison", "based_in", "United Kingdom"),
        ),
        (
            "Bates bought it through a Geneva - based company known as The Forward Fund .",
            [(0, 1, "PERSON"), (5, 6, "GPE"), (12, 14, "ORG")],
            ("Forward Fund", "based_in", "Geneva"),
        ),
        (
            "The Richmond , Virginia - based Fourth Circuit will hear it .",
            [(1, 2, "GPE"), (3, 4, "GPE"), (6, 8, "ORG")],
            ("Fourth Circuit", "based_in", "Richmond"),
        ),
        (
            "Shares in Columbus , Ohio - based Acme Corp rose .",
            [(2, 3, "GPE"), (4, 5, "GPE"), (7, 9, "ORG")],
            ("Acme Corp", "based_in", "Columbus"),
        ),
    ],
)
def test_a_place_s_kind_of_organization_is_where_it_is_based(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "It sanctioned Russian producer Rusal , the Treasury said .",
            [(2, 3, "NORP"), (4, 5, "ORG"), (7, 8, "ORG")],
        ),
        (
            "Later , Germany 's central bank , the Bundesbank said so .",
            [(2, 3, "GPE"), (8, 9, "ORG")],
        ),
    ],
)
def test_a_speaker_after_a_company_is_not_based_there(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert not any(s in ("Treasury", "Bundesbank") and p == "based_in" for s, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Copson was joined by Jim Hamel , a senior official from Curtiss-Wright Corp. , then .",
            [(0, 1, "PERSON"), (4, 6, "PERSON"), (11, 15, "ORG")],
            ("Jim Hamel", "works_for", "Curtiss-Wright Corp."),
        ),
        (
            "Ann Lee , an analyst from the Acme Bank , said so .",
            [(0, 2, "PERSON"), (7, 9, "ORG")],
            ("Ann Lee", "works_for", "Acme Bank"),
        ),
        (
            "Later , Bullitt County Coroner Dave Billings said so .",
            [(2, 4, "GPE"), (5, 7, "PERSON")],
            ("Dave Billings", "works_for", "Bullitt County"),
        ),
    ],
)
def test_a_title_from_an_organization_or_a_county_officer_works_for_it(
    component, make_doc, text, ents, fact
):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_a_person_from_a_place_works_for_nothing(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Ann Lee , a refugee from Syria , said so .", ents=[(0, 2, "PERSON"), (6, 7, "GPE")]
        ),
    )
    assert not any(p == "works_for" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "person"),
    [
        (
            "In Britain , a row broke out between Mr Kilroy , MEP Nigel Farage and Roger Knapman .",
            [(1, 2, "GPE"), (8, 10, "PERSON"), (12, 14, "PERSON"), (15, 17, "PERSON")],
            "Nigel Farage",
        ),
        (
            "In Germany , MEP Ann Ruiz said no .",
            [(1, 2, "GPE"), (4, 6, "PERSON")],
            "Ann Ruiz",
        ),
    ],
)
def test_an_mep_sits_in_the_european_parliament(component, make_doc, text, ents, person):
    assert (person, "member_of", "European Parliament") in facts(
        component, make_doc(**docs.naming(text, ents, "European Parliament"))
    )


def test_an_mep_of_a_country_without_the_post_sits_nowhere(component, make_doc):
    found = facts(
        component,
        make_doc("In Japan , MEP Ann Ruiz said no .", ents=[(1, 2, "GPE"), (4, 6, "PERSON")]),
    )
    assert not any(p == "member_of" for _, p, _ in found)


def _doc(make_doc, text, ents, spec):
    """A Doc parsed as ``spec``: one ``TAG/POS/head/dep/lemma`` per token."""
    rows = [item.split("/") for item in spec.split()]
    return make_doc(
        text,
        ents=ents,
        tags=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        parse=[(int(r[2]), r[3]) for r in rows],
        lemmas=[r[4] for r in rows],
    )


_JOINED_FROM = (
    "NNP/PROPN/1/compound/ann NNP/PROPN/2/nsubj/ruiz VBD/VERB/2/ROOT/{verb} "
    "NNP/PROPN/4/compound/acme NNP/PROPN/2/dobj/corp IN/ADP/2/prep/from "
    "NNP/PROPN/7/compound/hale NNP/PROPN/5/pobj/foods JJ/ADJ/9/amod/last "
    "NN/NOUN/2/npadvmod/year ./PUNCT/2/punct/."
)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Ann Ruiz joined Acme Corp from Hale Foods last year .", "join"),
        ("Ann Ruiz rejoined Acme Corp from Hale Foods last year .", "rejoin"),
    ],
)
def test_joining_from_another_organization_is_a_current_post(component, make_doc, text, verb):
    doc = _doc(
        make_doc,
        text,
        [(0, 2, "PERSON"), (3, 5, "ORG"), (6, 8, "ORG")],
        _JOINED_FROM.format(verb=verb),
    )
    assert ("Ann Ruiz", "works_for", "Acme Corp") in facts(component, doc)


def test_a_verb_with_a_time_span_from_a_year_is_still_a_former_post(component, make_doc):
    doc = _doc(
        make_doc,
        "Ann Ruiz headed Acme Corp from 1990 until 1995 .",
        [(0, 2, "PERSON"), (3, 5, "ORG")],
        "NNP/PROPN/1/compound/ann NNP/PROPN/2/nsubj/ruiz VBD/VERB/2/ROOT/head "
        "NNP/PROPN/4/compound/acme NNP/PROPN/2/dobj/corp IN/ADP/2/prep/from CD/NUM/5/pobj/1990 "
        "IN/ADP/2/prep/until CD/NUM/7/pobj/1995 ./PUNCT/2/punct/.",
    )
    assert ("Ann Ruiz", "leader_of", "Acme Corp") in facts(component, doc, status="former")


@pytest.mark.parametrize(
    ("text", "ents", "spec", "fact"),
    [
        (
            "Dick Greenwood was head of the RFU when the deal was signed .",
            [(0, 2, "PERSON"), (6, 7, "ORG")],
            "NNP/PROPN/1/compound/dick NNP/PROPN/2/nsubj/greenwood VBD/AUX/2/ROOT/be "
            "NN/NOUN/2/attr/head IN/ADP/3/prep/of DT/DET/6/det/the NNP/PROPN/4/pobj/rfu "
            "WRB/SCONJ/11/advmod/when DT/DET/9/det/the NN/NOUN/11/nsubjpass/deal "
            "VBD/AUX/11/auxpass/be VBN/VERB/2/advcl/sign ./PUNCT/2/punct/.",
            ("Dick Greenwood", "leader_of", "RFU"),
        ),
        (
            "Ann Ruiz was chairman of Acme Corp while the firm grew .",
            [(0, 2, "PERSON"), (5, 7, "ORG")],
            "NNP/PROPN/1/compound/ann NNP/PROPN/2/nsubj/ruiz VBD/AUX/2/ROOT/be "
            "NN/NOUN/2/attr/chairman IN/ADP/3/prep/of NNP/PROPN/6/compound/acme "
            "NNP/PROPN/4/pobj/corp IN/SCONJ/10/mark/while DT/DET/9/det/the "
            "NN/NOUN/10/nsubj/firm VBD/VERB/2/advcl/grow ./PUNCT/2/punct/.",
            ("Ann Ruiz", "leader_of", "Acme Corp"),
        ),
        (
            "Ann Ruiz was chief economist at Acme Bank before joining the Fed .",
            [(0, 2, "PERSON"), (6, 8, "ORG"), (11, 12, "ORG")],
            "NNP/PROPN/1/compound/ann NNP/PROPN/2/nsubj/ruiz VBD/AUX/2/ROOT/be "
            "JJ/ADJ/4/amod/chief NN/NOUN/2/attr/economist IN/ADP/4/prep/at "
            "NNP/PROPN/7/compound/acme NNP/PROPN/5/pobj/bank IN/ADP/2/prep/before "
            "VBG/VERB/8/pcomp/join DT/DET/11/det/the NNP/PROPN/9/dobj/fed ./PUNCT/2/punct/.",
            ("Ann Ruiz", "works_for", "Acme Bank"),
        ),
        (
            "Tom Hale was director of Acme Corp before he left .",
            [(0, 2, "PERSON"), (5, 7, "ORG")],
            "NNP/PROPN/1/compound/tom NNP/PROPN/2/nsubj/hale VBD/AUX/2/ROOT/be "
            "NN/NOUN/2/attr/director IN/ADP/3/prep/of NNP/PROPN/6/compound/acme "
            "NNP/PROPN/4/pobj/corp IN/SCONJ/9/mark/before PRP/PRON/9/nsubj/he "
            "VBD/VERB/2/advcl/leave ./PUNCT/2/punct/.",
            ("Tom Hale", "leader_of", "Acme Corp"),
        ),
    ],
)
def test_a_post_held_when_something_happened_is_former(component, make_doc, text, ents, spec, fact):
    doc = _doc(make_doc, text, ents, spec)
    assert fact in facts(component, doc, status="former")
    assert fact not in facts(component, doc)


def test_a_post_held_now_stays_current(component, make_doc):
    doc = _doc(
        make_doc,
        "Ann Ruiz is chairman of Acme Corp , the firm said .",
        [(0, 2, "PERSON"), (5, 7, "ORG")],
        "NNP/PROPN/1/compound/ann NNP/PROPN/2/nsubj/ruiz VBZ/AUX/10/ccomp/be "
        "NN/NOUN/2/attr/chairman IN/ADP/3/prep/of NNP/PROPN/6/compound/acme "
        "NNP/PROPN/4/pobj/corp ,/PUNCT/10/punct/, DT/DET/9/det/the NN/NOUN/10/nsubj/firm "
        "VBD/VERB/10/ROOT/say ./PUNCT/10/punct/.",
    )
    assert ("Ann Ruiz", "leader_of", "Acme Corp") in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Elaine Duke , a civil servant and the DHS deputy secretary , had been serving .",
            [(0, 2, "PERSON"), (8, 9, "ORG")],
            ("Elaine Duke", "works_for", "DHS"),
        ),
        (
            "Ann Ruiz , a lawyer and the Acme Corp chairman , said so .",
            [(0, 2, "PERSON"), (7, 9, "ORG")],
            ("Ann Ruiz", "leader_of", "Acme Corp"),
        ),
    ],
)
def test_the_second_of_two_joined_descriptions_gives_the_title(
    component, make_doc, text, ents, fact
):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_a_title_before_another_name_is_that_name_s(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Ann Ruiz , a lawyer and Acme Corp chairman Bo Li met .",
            ents=[(0, 2, "PERSON"), (6, 8, "ORG"), (9, 11, "PERSON")],
        ),
    )
    assert ("Ann Ruiz", "leader_of", "Acme Corp") not in found


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "It left Alireza , a gay Iranian refugee living in Turkey , confused .",
            [(2, 3, "PERSON"), (6, 7, "NORP"), (10, 11, "GPE")],
            ("Alireza", "resident_of", "Turkey"),
        ),
        (
            "Ann Ruiz , 41 , a nurse living in Toledo , said so .",
            [(0, 2, "PERSON"), (9, 10, "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
    ],
)
def test_a_person_living_in_a_place_is_its_resident(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_a_person_living_in_a_state_of_mind_is_nobody_s_resident(component, make_doc):
    found = facts(
        component,
        make_doc("Ann Ruiz , a nurse living in fear , said so .", ents=[(0, 2, "PERSON")]),
    )
    assert not any(p == "resident_of" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Senator Susan Collins , one of a handful of Republicans who voted no , spoke .",
            [(1, 3, "PERSON"), (9, 10, "NORP")],
            ("Susan Collins", "member_of", "Republican Party"),
        ),
        (
            "Ann Ruiz , one of three Democrats on the panel , spoke .",
            [(0, 2, "PERSON"), (6, 7, "NORP")],
            ("Ann Ruiz", "member_of", "Democratic Party"),
        ),
    ],
)
def test_one_of_a_party_s_members_is_a_member(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_one_of_a_party_s_critics_is_no_member(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Ann Ruiz , one of the Republicans ' fiercest critics , spoke .",
            ents=[(0, 2, "PERSON"), (6, 7, "NORP")],
        ),
    )
    assert not any(p == "member_of" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Munro found rugby at London 's Christ College , and took it home .",
            [(0, 1, "PERSON"), (4, 5, "GPE"), (6, 8, "ORG")],
            ("Christ College", "based_in", "London"),
        ),
        (
            "Shares in Detroit 's General Motors , a carmaker , fell .",
            [(2, 3, "GPE"), (4, 6, "ORG")],
            ("General Motors", "based_in", "Detroit"),
        ),
    ],
)
def test_a_town_s_organization_is_based_there(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_a_town_s_competition_before_a_noun_is_not_based_there(component, make_doc):
    found = facts(
        component,
        make_doc(
            "Later , Leeds 's Champions League hopes faded .",
            ents=[(2, 3, "GPE"), (4, 6, "ORG")],
        ),
    )
    assert not any(p == "based_in" for _, p, _ in found)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Flights left from the Czech capital , Prague , daily .",
            [(4, 5, "NORP"), (7, 8, "GPE")],
            ("Prague", "located_in", "Czech Republic"),
        ),
        (
            "Talks opened in the Libyan capital Tripoli on Monday .",
            [(4, 5, "NORP"), (6, 7, "GPE")],
            ("Tripoli", "located_in", "Libya"),
        ),
    ],
)
def test_a_town_after_its_country_s_adjective_and_kind_is_in_the_country(
    component, make_doc, text, ents, fact
):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_a_country_after_the_adjective_and_kind_is_no_town_of_it(component, make_doc):
    found = facts(
        component,
        make_doc("It hit the Syrian city , Turkey said .", ents=[(3, 4, "NORP"), (6, 7, "GPE")]),
    )
    assert not any(p == "located_in" for _, p, _ in found)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("Turkey", "Turkey"), ("Türkiye", "Turkey"), ("Burma", "Myanmar"), ("Swaziland", "Eswatini")],
)
def test_countries_pycountry_names_otherwise_are_countries(name, canonical):
    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.lookup(name) == (canonical, "Place")
    assert gazetteer.is_country(canonical)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "He spoke from Eskisehir , in northwestern Turkey .",
            [(3, 4, "GPE"), (7, 8, "GPE")],
            ("Eskisehir", "located_in", "Turkey"),
        ),
        (
            "Fighting broke out near Mandalay in central Burma .",
            [(4, 5, "GPE"), (7, 8, "GPE")],
            ("Mandalay", "located_in", "Myanmar"),
        ),
    ],
)
def test_a_town_in_a_renamed_country_is_in_the_country(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "person", "party"),
    [
        (
            "Prospective Tory candidate Jo Bloggs said no .",
            [(1, 2, "NORP"), (3, 5, "PERSON")],
            "Jo Bloggs",
            "Conservative Party",
        ),
        (
            "Later , Democratic Senator - elect Doug Jones won .",
            [(2, 3, "NORP"), (6, 8, "PERSON")],
            "Doug Jones",
            "Democratic Party",
        ),
    ],
)
def test_a_post_ahead_of_time_leaves_its_party_membership_current(
    component, make_doc, text, ents, person, party
):
    assert (person, "member_of", party) in facts(component, make_doc(text, ents=ents))


def test_a_party_post_ahead_of_time_stays_ahead(component, make_doc):
    doc = make_doc("Future Labour leader Ann Ruiz spoke .", ents=[(1, 2, "ORG"), (3, 5, "PERSON")])
    assert ("Ann Ruiz", "leader_of", "Labour") in facts(component, doc, status="future")
    assert ("Ann Ruiz", "leader_of", "Labour") not in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "Later , Tory hopeful Jo Bloggs said no .",
            [(2, 3, "NORP"), (4, 6, "PERSON")],
            ("Jo Bloggs", "member_of", "Conservative Party"),
        ),
        (
            "Later , Democratic Senate hopeful Ann Ruiz said no .",
            [(2, 3, "NORP"), (3, 4, "ORG"), (5, 7, "PERSON")],
            ("Ann Ruiz", "member_of", "Democratic Party"),
        ),
    ],
)
def test_a_party_s_hopeful_is_its_member(component, make_doc, text, ents, fact):
    found = facts(component, make_doc(text, ents=ents))
    assert fact in found
    assert ("Ann Ruiz", "member_of", "Senate") not in found  # a candidate for it, not in it


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "WASHINGTON ( Reuters ) - Solicitor General Noel Francisco argued the case .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (7, 9, "PERSON")],
            ("Noel Francisco", "works_for", "Justice Department"),
        ),
        (
            "In Britain , Solicitor General Harriet Harman spoke .",
            [(1, 2, "GPE"), (3, 5, "ORG"), (5, 7, "PERSON")],
            ("Harriet Harman", "works_for", "Attorney General's Office"),
        ),
    ],
)
def test_a_solicitor_general_works_for_the_law_officers(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "spec", "fact"),
    [
        (
            "Paul Miller , a lobbyist who heads the Acme Institute , spoke .",
            [(0, 2, "PERSON"), (8, 10, "ORG")],
            "NNP/PROPN/1/compound/paul NNP/PROPN/11/nsubj/miller ,/PUNCT/1/punct/, "
            "DT/DET/4/det/a NN/NOUN/1/appos/lobbyist WP/PRON/6/nsubj/who VBZ/VERB/4/relcl/head "
            "DT/DET/9/det/the NNP/PROPN/9/compound/acme NNP/PROPN/6/dobj/institute "
            ",/PUNCT/1/punct/, VBD/VERB/11/ROOT/speak ./PUNCT/11/punct/.",
            ("Paul Miller", "leader_of", "Acme Institute"),
        ),
        (
            "Ann Ruiz , an economist who runs Acme Research , said so .",
            [(0, 2, "PERSON"), (7, 9, "ORG")],
            "NNP/PROPN/1/compound/ann NNP/PROPN/10/nsubj/ruiz ,/PUNCT/1/punct/, "
            "DT/DET/4/det/an NN/NOUN/1/appos/economist WP/PRON/6/nsubj/who VBZ/VERB/4/relcl/run "
            "NNP/PROPN/8/compound/acme NNP/PROPN/6/dobj/research ,/PUNCT/1/punct/, "
            "VBD/VERB/10/ROOT/say RB/ADV/10/advmod/so ./PUNCT/10/punct/.",
            ("Ann Ruiz", "leader_of", "Acme Research"),
        ),
        (
            "Biden had sought the Democratic presidential nomination .",
            [(0, 1, "PERSON"), (4, 5, "NORP")],
            "NNP/PROPN/2/nsubj/biden VBD/AUX/2/aux/have VBN/VERB/2/ROOT/seek DT/DET/6/det/the "
            "JJ/ADJ/6/amod/democratic JJ/ADJ/6/amod/presidential NN/NOUN/2/dobj/nomination "
            "./PUNCT/2/punct/.",
            ("Biden", "member_of", "Democratic Party"),
        ),
        (
            "Rand Paul ran for the Republican presidential nomination .",
            [(0, 2, "PERSON"), (5, 6, "NORP")],
            "NNP/PROPN/1/compound/rand NNP/PROPN/2/nsubj/paul VBD/VERB/2/ROOT/run "
            "IN/ADP/2/prep/for DT/DET/7/det/the JJ/ADJ/7/amod/republican "
            "JJ/ADJ/7/amod/presidential NN/NOUN/3/pobj/nomination ./PUNCT/2/punct/.",
            ("Rand Paul", "member_of", "Republican Party"),
        ),
    ],
)
def test_a_relative_clause_of_leading_or_a_party_s_nomination(
    component, make_doc, text, ents, spec, fact
):
    assert fact in facts(component, _doc(make_doc, text, ents, spec))


@pytest.mark.parametrize(
    ("text", "ents", "spec"),
    [
        (
            "Ann Ruiz , an economist who studies Acme Research , said so .",
            [(0, 2, "PERSON"), (7, 9, "ORG")],
            "NNP/PROPN/1/compound/ann NNP/PROPN/10/nsubj/ruiz ,/PUNCT/1/punct/, "
            "DT/DET/4/det/an NN/NOUN/1/appos/economist WP/PRON/6/nsubj/who "
            "VBZ/VERB/4/relcl/study NNP/PROPN/8/compound/acme NNP/PROPN/6/dobj/research "
            ",/PUNCT/1/punct/, VBD/VERB/10/ROOT/say RB/ADV/10/advmod/so ./PUNCT/10/punct/.",
        ),
        (
            "Biden declined to seek the Democratic nomination .",
            [(0, 1, "PERSON"), (5, 6, "NORP")],
            "NNP/PROPN/1/nsubj/biden VBD/VERB/1/ROOT/decline TO/PART/3/aux/to "
            "VB/VERB/1/xcomp/seek DT/DET/6/det/the JJ/ADJ/6/amod/democratic "
            "NN/NOUN/3/dobj/nomination ./PUNCT/1/punct/.",
        ),
    ],
)
def test_studying_an_organization_or_declining_a_nomination_gives_nothing(
    component, make_doc, text, ents, spec
):
    found = facts(component, _doc(make_doc, text, ents, spec))
    assert not any(p in ("leader_of", "member_of") for _, p, _ in found)


def test_joining_a_party_ahead_of_time_stays_ahead(component, make_doc):
    doc = _doc(
        make_doc,
        "Ann Ruiz will join Labour .",
        [(0, 2, "PERSON"), (4, 5, "ORG")],
        "NNP/PROPN/1/compound/ann NNP/PROPN/3/nsubj/ruiz MD/AUX/3/aux/will VB/VERB/3/ROOT/join "
        "NNP/PROPN/3/dobj/labour ./PUNCT/3/punct/.",
    )
    assert ("Ann Ruiz", "member_of", "Labour") in facts(component, doc, status="future")
    assert ("Ann Ruiz", "member_of", "Labour") not in facts(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "fact"),
    [
        (
            "WASHINGTON ( Reuters ) - It was backed by the attorney general , Jeff Sessions , then .",
            [(0, 1, "GPE"), (2, 3, "ORG"), (13, 15, "PERSON")],
            ("Jeff Sessions", "secretary_of", "Justice Department"),
        ),
        (
            "In Britain , the chancellor , Gordon Brown , spoke .",
            [(1, 2, "GPE"), (6, 8, "PERSON")],
            ("Gordon Brown", "secretary_of", "HM Treasury"),
        ),
    ],
)
def test_a_government_title_then_the_name_in_apposition(component, make_doc, text, ents, fact):
    assert fact in facts(component, make_doc(text, ents=ents))


def test_a_government_title_before_a_list_of_names_is_no_apposition(component, make_doc):
    doc = make_doc(
        "In Britain , the chancellor , Gordon Brown and Tony Blair spoke .",
        ents=[(1, 2, "GPE"), (6, 8, "PERSON"), (9, 11, "PERSON")],
    )
    assert not any(p == "secretary_of" for _, p, _ in facts(component, doc))

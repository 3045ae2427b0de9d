"""Each relation construction on hand-built Docs (no statistical model)."""

from __future__ import annotations

import pytest

from tests.docs import extracted, facts


def triples(component, doc, *, status="current"):
    return facts(component, doc, status=status, date="2025-03-05")


def evidence(component, doc):
    return extracted(component, doc).triples


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


@pytest.mark.parametrize(
    ("text", "ents", "title_object"),
    [
        (
            "Ann Ruiz , the U.S. ambassador to the United Nations , said so .",
            [(0, 2, "PERSON"), (4, 5, "GPE"), (7, 10, "ORG")],
            ("Ann Ruiz", "works_for", "United Nations"),
        ),
        (
            "Tom Hale , the French chief executive of Renault , said so .",
            [(0, 2, "PERSON"), (4, 5, "GPE"), (8, 9, "ORG")],
            ("Tom Hale", "leader_of", "Renault"),
        ),
    ],
)
def test_apposition_title_of_organization_after_a_country(
    component, make_doc, text, ents, title_object
):
    doc = make_doc(text, ents=ents)
    assert title_object in triples(component, doc)


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
    # (a party adjective before "MP" leaves the chamber implied when the article names it)
    assert {t for t in triples(component, doc) if t[2] != "House of Commons"} == {
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


def test_evidence_sentence_leaves_out_the_line_breaks_around_it(component, make_doc):
    doc = make_doc(
        "Treasury Secretary Scott Bessent said so .\n\nThe talks went on .",
        ents=[(0, 1, "ORG"), (2, 4, "PERSON")],
    )
    doc[8].is_sent_start = True  # "The": after the line break, as the parser would have it
    (triple,) = evidence(component, doc)
    ev = triple.evidence
    assert ev.sentence == "Treasury Secretary Scott Bessent said so ."
    assert doc.text[ev.start : ev.end] == ev.sentence


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Illinois Gov. James Thompson signed it .",
            [(0, 1, "GPE"), (2, 4, "PERSON")],
            ("James Thompson", "leader_of", "Illinois"),
        ),
        (
            "Prime Minister Ana Lopez of Portugal , who arrived , spoke .",
            [(2, 4, "PERSON"), (5, 6, "GPE")],
            ("Ana Lopez", "prime_minister_of", "Portugal"),
        ),
        (
            "Tom Hill , another spokesman for Acme Corp , said so .",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
            ("Tom Hill", "spokesperson_of", "Acme Corp"),
        ),
        (
            "Anna Berg , 58 , is the chief executive of Acme Corp .",
            [(0, 2, "PERSON"), (10, 12, "ORG")],
            ("Anna Berg", "leader_of", "Acme Corp"),
        ),
        (
            "Ulla Berg , 47 , of the Red Cross said so .",
            [(0, 2, "PERSON"), (7, 9, "ORG")],
            ("Ulla Berg", "works_for", "Red Cross"),
        ),
        (
            "Jo Ann Emmerich , vice president of daytime programs for ABC Entertainment , said so .",
            [(0, 3, "PERSON"), (10, 12, "ORG")],
            ("Jo Ann Emmerich", "works_for", "ABC Entertainment"),
        ),
        (
            "They met in Tbilisi , the capital of Georgia .",
            [(3, 4, "GPE"), (8, 9, "GPE")],
            ("Tbilisi", "located_in", "Georgia"),
        ),
        (
            "It went to Maria Lopez , a Mexican novelist , on Friday .",
            [(3, 5, "PERSON"), (7, 8, "NORP")],
            ("Maria Lopez", "citizen_of", "Mexico"),
        ),
        (
            "It went to Pieter Jansen , a Netherlands businessman , on Friday .",
            [(3, 5, "PERSON"), (7, 8, "GPE")],
            ("Pieter Jansen", "citizen_of", "Netherlands"),
        ),
        (
            "Crowds filled Cairo 's Tahrir Square .",
            [(2, 3, "GPE"), (4, 6, "FAC")],
            ("Tahrir Square", "located_in", "Cairo"),
        ),
        (
            "Crowds filled Soho in London .",
            [(2, 3, "GPE"), (4, 5, "GPE")],
            ("Soho", "located_in", "London"),
        ),
        (
            "They met at Acme Ltd headquarters in nearby Leeds .",
            [(3, 5, "ORG"), (8, 9, "GPE")],
            ("Acme Ltd", "based_in", "Leeds"),
        ),
        (
            "Germany 's Angela Merkel arrived .",
            [(0, 1, "GPE"), (2, 4, "PERSON")],
            ("Angela Merkel", "citizen_of", "Germany"),
        ),
        (
            "Philippines first lady Imelda Marcos arrived .",
            [(0, 1, "GPE"), (3, 5, "PERSON")],
            ("Imelda Marcos", "citizen_of", "Philippines"),
        ),
        (
            "CNEN Radioprotection Director Laura Vinhas said so .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            ("Laura Vinhas", "leader_of", "CNEN"),
        ),
        (
            "It came from Mosul , northern Iraq .",
            [(3, 4, "GPE"), (6, 7, "GPE")],
            ("Mosul", "located_in", "Iraq"),
        ),
        (
            "It was cold in Leeds and Boise , Idaho",
            [(4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")],
            ("Boise", "located_in", "Idaho"),
        ),
        (
            "Malta , an island nation in the Mediterranean , voted .",
            [(0, 1, "GPE"), (7, 8, "LOC")],
            ("Malta", "located_in", "Mediterranean"),
        ),
        (
            "Winter , 53 , a former Yale University law professor , spoke .",
            [(6, 8, "ORG")],
            ("Winter", "works_for", "Yale University"),
        ),
    ],
)
def test_news_constructions(component, make_doc, text, ents, expected):
    assert expected in triples(component, make_doc(text, ents=ents), status=None)


def test_a_city_as_adjective_is_no_nationality(component, make_doc):
    doc = make_doc(
        "It went to Pieter Jansen , an Atlanta businessman , on Friday .",
        ents=[(3, 5, "PERSON"), (7, 8, "GPE")],
    )
    assert not any(p == "citizen_of" for _, p, _ in triples(component, doc))


def test_organization_in_place_needs_a_place_not_a_noun(component, make_doc):
    doc = make_doc(
        "The Red Cross in Geneva talks failed .",
        ents=[(1, 3, "ORG"), (4, 5, "GPE")],
    )
    assert ("Red Cross", "based_in", "Geneva") not in triples(component, doc)


def _parsed(make_doc, text, ents, parse, pos, lemmas=None):
    return make_doc(text, ents=ents, parse=parse, pos=pos, lemmas=lemmas)


def test_serving_in_and_teaching_at_an_organization(component, make_doc):
    text = "Tom Brady served ten years in the Senate ."
    doc = _parsed(
        make_doc,
        text,
        [(0, 2, "PERSON"), (7, 8, "ORG")],
        [
            (1, "compound"),
            (2, "nsubj"),
            (2, "ROOT"),
            (4, "nummod"),
            (2, "npadvmod"),
            (2, "prep"),
            (7, "det"),
            (5, "pobj"),
            (2, "punct"),
        ],
        ["PROPN", "PROPN", "VERB", "NUM", "NOUN", "ADP", "DET", "PROPN", "PUNCT"],
        ["tom", "brady", "serve", "ten", "year", "in", "the", "senate", "."],
    )
    assert ("Tom Brady", "works_for", "Senate") in triples(component, doc)
    text = "Ann Hale taught at Yale University ."
    doc = _parsed(
        make_doc,
        text,
        [(0, 2, "PERSON"), (4, 6, "ORG")],
        [
            (1, "compound"),
            (2, "nsubj"),
            (2, "ROOT"),
            (2, "prep"),
            (5, "compound"),
            (3, "pobj"),
            (2, "punct"),
        ],
        ["PROPN", "PROPN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"],
        ["ann", "hale", "teach", "at", "yale", "university", "."],
    )
    assert ("Ann Hale", "works_for", "Yale University") in triples(component, doc)


def test_second_title_of_an_apposition_takes_its_own_organization(component, make_doc):
    text = "Jo Hill , director of Acme Corp and a member of Beta Group , spoke ."
    doc = _parsed(
        make_doc,
        text,
        [(0, 2, "PERSON"), (5, 7, "ORG"), (11, 13, "ORG")],
        [
            (1, "compound"),
            (14, "nsubj"),
            (1, "punct"),
            (1, "appos"),
            (3, "prep"),
            (6, "compound"),
            (4, "pobj"),
            (3, "cc"),
            (9, "det"),
            (3, "conj"),
            (9, "prep"),
            (12, "compound"),
            (10, "pobj"),
            (1, "punct"),
            (14, "ROOT"),
            (14, "punct"),
        ],
        [
            "PROPN",
            "PROPN",
            "PUNCT",
            "NOUN",
            "ADP",
            "PROPN",
            "PROPN",
            "CCONJ",
            "DET",
            "NOUN",
            "ADP",
            "PROPN",
            "PROPN",
            "PUNCT",
            "VERB",
            "PUNCT",
        ],
    )
    got = triples(component, doc)
    assert ("Jo Hill", "leader_of", "Acme Corp") in got
    assert ("Jo Hill", "member_of", "Beta Group") in got


def test_a_list_of_places_in_a_city_is_not_located(component, make_doc):
    doc = make_doc(
        "Crowds filled Soho in London , Paris and Rome .",
        ents=[(2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")],
    )
    assert ("Soho", "located_in", "London") not in triples(component, doc)


def test_operating_an_organization_is_leading_it(component, make_doc):
    text = "Gerd Bauer operates Valley Museum ."
    doc = _parsed(
        make_doc,
        text,
        [(0, 2, "PERSON"), (3, 5, "ORG")],
        [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (4, "compound"), (2, "dobj"), (2, "punct")],
        ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"],
        ["gerd", "bauer", "operate", "valley", "museum", "."],
    )
    assert ("Gerd Bauer", "leader_of", "Valley Museum") in triples(component, doc)


def test_a_town_and_its_state_is_no_list_and_facts_chain_through_it(component, make_doc):
    doc = make_doc(
        "They met at Acme Corp headquarters in Rockville , Md. , and at Soho in London , England .",
        ents=[
            (3, 5, "ORG"),
            (7, 8, "GPE"),
            (9, 10, "GPE"),
            (13, 14, "GPE"),
            (15, 16, "GPE"),
            (17, 18, "GPE"),
        ],
    )
    got = triples(component, doc)
    assert ("Rockville", "located_in", "Maryland") in got
    assert ("Acme Corp", "based_in", "Rockville") in got
    assert ("Acme Corp", "based_in", "Maryland") in got
    assert ("Soho", "located_in", "London") in got
    assert ("Soho", "located_in", "England") in got
    chained = next(
        t
        for t in evidence(component, doc)
        if t.object.name == "Maryland" and t.subject.name == "Acme Corp"
    )
    assert chained.evidence.rule == "based.org_headquarters_in_place+located.place_comma_country"
    assert chained.evidence.object_text == "Md."


def test_relative_clause_on_a_person_states_employment(component, make_doc):
    text = "Ann Hale , who taught at Yale University , died ."
    doc = _parsed(
        make_doc,
        text,
        [(0, 2, "PERSON"), (6, 8, "ORG")],
        [
            (1, "compound"),
            (9, "nsubj"),
            (1, "punct"),
            (4, "nsubj"),
            (1, "relcl"),
            (4, "prep"),
            (7, "compound"),
            (5, "pobj"),
            (1, "punct"),
            (9, "ROOT"),
            (9, "punct"),
        ],
        [
            "PROPN",
            "PROPN",
            "PUNCT",
            "PRON",
            "VERB",
            "ADP",
            "PROPN",
            "PROPN",
            "PUNCT",
            "VERB",
            "PUNCT",
        ],
        ["ann", "hale", ",", "who", "teach", "at", "yale", "university", ",", "die", "."],
    )
    assert ("Ann Hale", "works_for", "Yale University") in triples(component, doc)


def test_extraction_leaves_no_marks_and_keeps_an_entity_linkers_ids(component, make_doc):
    text = "White House press secretary Karoline Leavitt said so ."
    doc = make_doc(text, ents=[(0, 2, "ORG"), (4, 6, "PERSON")])
    doc[4].ent_kb_id_ = "Q123"  # as an entity linker would set them
    doc[6].ent_id_ = "PERSON"  # a stray id on a non-entity token must not look like a mark
    doc[7].ent_kb_id_ = "title"
    found = triples(component, doc)
    assert found == {("Karoline Leavitt", "spokesperson_of", "White House")}
    kept = {(t.i, t.ent_id_, t.ent_kb_id_) for t in doc if t.ent_id or t.ent_kb_id}
    assert kept == {(4, "", "Q123"), (6, "PERSON", ""), (7, "", "title")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (  # an occupation of the lexicon, conjoined with another
            "Ann Ruiz , an ecologist and entomologist at Tulsa University , said so .",
            [(0, 2, "PERSON"), (8, 10, "ORG")],
            ("Ann Ruiz", "works_for", "Tulsa University"),
        ),
        (  # two occupations of the lexicon, conjoined
            "Tom Hale , an ecologist and entomologist at Tulsa University , said so .",
            [(0, 2, "PERSON"), (8, 10, "ORG")],
            ("Tom Hale", "works_for", "Tulsa University"),
        ),
        (  # a noun before the title of a copula
            "Tom Hale , 46 , was a feature reporter for the Tulsa Herald .",
            [(0, 2, "PERSON"), (11, 13, "ORG")],
            ("Tom Hale", "works_for", "Tulsa Herald"),
        ),
        (  # a legislator's party and state before the apposition
            "Sen. Ann Ruiz , D - Ohio , chairman of the Senate Banking Committee , spoke .",
            [(1, 3, "PERSON"), (6, 7, "GPE"), (11, 14, "ORG")],
            ("Ann Ruiz", "leader_of", "Senate Banking Committee"),
        ),
        (  # an age and a status modifier before the organization
            "Tom Hale , 54 , is a former Tulsa University professor of economics .",
            [(0, 2, "PERSON"), (8, 10, "ORG")],
            ("Tom Hale", "works_for", "Tulsa University"),
        ),
        (  # a place before the title of a copula
            "Tom Hale is Middle East correspondent for the Boston Globe .",
            [(0, 2, "PERSON"), (3, 5, "LOC"), (8, 10, "ORG")],
            ("Tom Hale", "works_for", "Boston Globe"),
        ),
        (  # an honorific between the comma and the name
            "The head of Tulsa Liver Service , Dr. Tom Hale , spoke .",
            [(3, 6, "ORG"), (8, 10, "PERSON")],
            ("Tom Hale", "leader_of", "Tulsa Liver Service"),
        ),
        (  # nouns between the organization and the title; an occupation before the name
            "Another Acme Corp employee , attorney Tom Hale , wrote .",
            [(1, 3, "ORG"), (6, 8, "PERSON")],
            ("Tom Hale", "works_for", "Acme Corp"),
        ),
        (
            "A Tulsa University law professor , Tom Hale spoke .",
            [(1, 3, "ORG"), (6, 8, "PERSON")],
            ("Tom Hale", "works_for", "Tulsa University"),
        ),
        (
            "A report by the Hale Foundation , headed by Ann Ruiz , came out .",
            [(4, 6, "ORG"), (9, 11, "PERSON")],
            ("Ann Ruiz", "leader_of", "Hale Foundation"),
        ),
    ],
)
def test_more_affiliation_constructions(component, make_doc, text, ents, expected):
    assert expected in triples(component, make_doc(text, ents=ents), status=None)


def test_to_be_a_title_and_an_adjective_before_the_organization(component, make_doc):
    doc = make_doc(
        "They elected Tom Hale to be chairman of the Tulsa Club .",
        ents=[(2, 4, "PERSON"), (9, 11, "ORG")],
        pos=[
            "PRON",
            "VERB",
            "PROPN",
            "PROPN",
            "PART",
            "AUX",
            "NOUN",
            "ADP",
            "DET",
            "PROPN",
            "PROPN",
            "PUNCT",
        ],
    )
    assert ("Tom Hale", "leader_of", "Tulsa Club") in triples(component, doc)
    doc = make_doc(
        "Spokesman Tom Hale of the smaller Acme Corp said so .",
        ents=[(1, 3, "PERSON"), (6, 8, "ORG")],
        pos=[
            "NOUN",
            "PROPN",
            "PROPN",
            "ADP",
            "DET",
            "ADJ",
            "PROPN",
            "PROPN",
            "VERB",
            "ADV",
            "PUNCT",
        ],
    )
    assert ("Tom Hale", "spokesperson_of", "Acme Corp") in triples(component, doc)


def test_journalists_cover_and_report_for_their_outlet(component, make_doc):
    doc = make_doc(
        "Ann Lee covers the Pentagon for the Boston Globe .",
        ents=[(0, 2, "PERSON"), (4, 5, "ORG"), (7, 9, "ORG")],
        pos=["PROPN", "PROPN", "VERB", "DET", "PROPN", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
        lemmas=["ann", "lee", "cover", "the", "pentagon", "for", "the", "boston", "globe", "."],
    )
    assert ("Ann Lee", "works_for", "Boston Globe") in triples(component, doc)


def test_appointing_a_person_to_a_title(component, make_doc):
    doc = make_doc(
        "Acme named Ann Ruiz publisher of the Tulsa Herald .",
        ents=[(0, 1, "ORG"), (2, 4, "PERSON"), (7, 9, "ORG")],
        pos=["PROPN", "VERB", "PROPN", "PROPN", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
        lemmas=["acme", "name", "ann", "ruiz", "publisher", "of", "the", "tulsa", "herald", "."],
    )
    assert ("Ann Ruiz", "leader_of", "Tulsa Herald") in triples(component, doc)


def test_an_organization_founded_by_a_person(component, make_doc):
    text = "The Hale Foundation was founded in 1977 by Ann Ruiz ."
    doc = _parsed(
        make_doc,
        text,
        [(1, 3, "ORG"), (8, 10, "PERSON")],
        [
            (2, "det"),
            (2, "compound"),
            (4, "nsubjpass"),
            (4, "auxpass"),
            (4, "ROOT"),
            (4, "prep"),
            (5, "pobj"),
            (4, "agent"),
            (9, "compound"),
            (7, "pobj"),
            (4, "punct"),
        ],
        ["DET", "PROPN", "PROPN", "AUX", "VERB", "ADP", "NUM", "ADP", "PROPN", "PROPN", "PUNCT"],
        ["the", "hale", "foundation", "be", "found", "in", "1977", "by", "ann", "ruiz", "."],
    )
    assert ("Ann Ruiz", "founder_of", "Hale Foundation") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "It went to Mary Kelly , a native of Ireland , on Friday .",
            [(3, 5, "PERSON"), (9, 10, "GPE")],
            ("Mary Kelly", "citizen_of", "Ireland"),
        ),
        (
            "Hale Training Center , Petaluma , Calif. , will close .",
            [(0, 3, "ORG"), (4, 5, "GPE"), (6, 7, "GPE")],
            ("Petaluma", "located_in", "California"),
        ),
        (
            "He was born at Gosforth in northeast England .",
            [(4, 5, "GPE"), (7, 8, "GPE")],
            ("Gosforth", "located_in", "England"),
        ),
        (
            "The town of Kassala is in Sudan .",
            [(3, 4, "GPE"), (6, 7, "GPE")],
            ("Kassala", "located_in", "Sudan"),
        ),
    ],
)
def test_nationality_and_location_constructions(component, make_doc, text, ents, expected):
    assert expected in triples(component, make_doc(text, ents=ents))


def test_a_native_of_a_city_is_no_nationality(component, make_doc):
    doc = make_doc(
        "It went to Mary Kelly , a native of Boston , on Friday .",
        ents=[(3, 5, "PERSON"), (9, 10, "GPE")],
    )
    assert not any(p == "citizen_of" for _, p, _ in triples(component, doc))


def test_organization_before_its_common_noun_is_still_the_employer(component, make_doc):
    tags = ["NN", "NNP", "NNP", "IN", "DT", "JJR", "NNP", "NN", "VBD", "RB", "."]
    doc = make_doc(
        "Spokesman Jo Bloggs of the smaller Acme company said so .",
        ents=[(1, 3, "PERSON"), (6, 7, "ORG")],
        tags=tags,
        pos=[
            "NOUN",
            "PROPN",
            "PROPN",
            "ADP",
            "DET",
            "ADJ",
            "PROPN",
            "NOUN",
            "VERB",
            "ADV",
            "PUNCT",
        ],
    )
    assert ("Jo Bloggs", "spokesperson_of", "Acme") in triples(component, doc)
    # a place before a noun other than an organization's is no employer
    doc = make_doc(
        "Spokesman Jo Bloggs of the smaller London rock station said so .",
        ents=[(1, 3, "PERSON"), (6, 7, "GPE")],
    )
    assert not triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Shares of Rexon Industries of Toledo , Ohio , fell .",
            [(2, 4, "ORG"), (5, 6, "GPE"), (7, 8, "GPE")],
            ("Rexon Industries", "based_in", "Toledo"),
        ),
        (
            "They met at the FDA 's Silver Spring , Md. , headquarters .",
            [(4, 5, "ORG"), (6, 8, "GPE"), (9, 10, "GPE")],
            ("FDA", "based_in", "Silver Spring"),
        ),
        (
            "The PDR ( Party of Democratic Renewal ) leader Ana Ruiz spoke .",
            [(1, 2, "ORG"), (3, 7, "ORG"), (9, 11, "PERSON")],
            ("Ana Ruiz", "leader_of", "Party of Democratic Renewal"),
        ),
    ],
)
def test_organization_next_to_a_place_or_its_other_name(component, make_doc, text, ents, expected):
    assert expected in triples(component, make_doc(text, ents=ents))


def test_organization_of_a_place_before_a_noun_is_no_seat(component, make_doc):
    doc = make_doc(
        "The Rexon Industries of Toledo plant closed .", ents=[(1, 3, "ORG"), (4, 5, "GPE")]
    )
    assert not triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "wrong"),
    [
        (
            "Senator Ron Johnson of Wisconsin said no .",
            [(1, 3, "PERSON"), (4, 5, "GPE")],
            ("Ron Johnson", "member_of", "Wisconsin"),
        ),
        (
            "North Carolina Senators Richard Burr and Thom Tillis said no .",
            [(0, 2, "GPE"), (3, 5, "PERSON"), (6, 8, "PERSON")],
            ("Richard Burr", "member_of", "North Carolina"),
        ),
        (
            "U.S. Senator Bernie Sanders spoke .",
            [(0, 1, "GPE"), (2, 4, "PERSON")],
            ("Bernie Sanders", "member_of", "United States"),
        ),
        (
            "U.S. Representative Jackie Speier called for an inquiry .",
            [(0, 1, "GPE"), (2, 4, "PERSON")],
            ("Jackie Speier", "works_for", "United States"),
        ),
        (
            "Representative Sander Levin of Michigan will retire .",
            [(1, 3, "PERSON"), (4, 5, "GPE")],
            ("Sander Levin", "works_for", "Michigan"),
        ),
        (  # "(D-Ohio)": the state that elected her, not a body she sits in
            "Sen. Ann Ruiz , D - Ohio , voted .",
            [(1, 3, "PERSON"), (6, 7, "GPE")],
            ("Ann Ruiz", "member_of", "Ohio"),
        ),
    ],
)
def test_a_legislator_is_no_member_of_a_state_or_country(component, make_doc, text, ents, wrong):
    """A legislator's state or country is where they were elected, not the body they sit in."""
    assert wrong not in triples(component, make_doc(text, ents=ents))


def test_a_legislator_still_belongs_to_a_named_body_or_party(component, make_doc):
    found = triples(component, make_doc("Labour MP Jane Smith spoke .", ents=[(2, 4, "PERSON")]))
    assert ("Jane Smith", "member_of", "Labour") in found
    found = triples(
        component,
        make_doc(
            "Democratic Senator Tom Carper of Delaware spoke .",
            ents=[(0, 1, "NORP"), (2, 4, "PERSON"), (5, 6, "GPE")],
        ),
    )
    assert ("Tom Carper", "member_of", "Democratic Party") in found


@pytest.mark.parametrize(
    ("text", "ents", "held"),
    [
        (
            "Trump 's predecessor , U.S. President Barack Obama , created DACA .",
            [(0, 1, "PERSON"), (4, 5, "GPE"), (6, 8, "PERSON"), (10, 11, "ORG")],
            ("Barack Obama", "president_of", "United States"),
        ),
        (
            "Her predecessor , Acme chief executive Ann Ruiz , left .",
            [(3, 4, "ORG"), (6, 8, "PERSON")],
            ("Ann Ruiz", "leader_of", "Acme"),
        ),
        (
            "His predecessor Acme chief executive Ann Ruiz left .",
            [(2, 3, "ORG"), (5, 7, "PERSON")],
            ("Ann Ruiz", "leader_of", "Acme"),
        ),
    ],
)
def test_a_predecessor_holds_the_title_no_more(component, make_doc, text, ents, held):
    """'X's predecessor, President Y': Y's presidency is over, recorded as former."""
    doc = make_doc(text, ents=ents)
    assert held not in triples(component, doc)
    assert held in triples(component, make_doc(text, ents=ents), status="former")


def test_then_before_a_comma_is_no_predecessor(component, make_doc):
    pos = ["CCONJ", "ADV", "PUNCT", "PROPN", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = make_doc(
        "And then , Acme chief executive Ann Ruiz left .",
        ents=[(3, 4, "ORG"), (6, 8, "PERSON")],
        pos=pos,
    )
    assert ("Ann Ruiz", "leader_of", "Acme") in triples(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "wrong"),
    [
        (
            "Ann Ruiz , president of the London - listed Acme Group , spoke .",
            [(0, 2, "PERSON"), (6, 7, "GPE"), (9, 11, "ORG")],
            ("Ann Ruiz", "president_of", "London"),
        ),
        (
            "Tom Hale , secretary general of the Hong Kong - based Energy Fund Committee , spoke .",
            [(0, 2, "PERSON"), (7, 9, "GPE"), (11, 14, "ORG")],
            ("Tom Hale", "leader_of", "Hong Kong"),
        ),
    ],
)
def test_a_place_in_a_hyphenated_modifier_is_no_title_object(
    component, make_doc, text, ents, wrong
):
    """'president of the London-listed Acme': London only describes Acme."""
    assert wrong not in triples(component, make_doc(text, ents=ents))


@pytest.mark.parametrize(
    ("text", "ents", "pos", "expected"),
    [
        (
            "White House legislative director Marc Short said so .",
            [(0, 2, "ORG"), (4, 6, "PERSON")],
            ["PROPN", "PROPN", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
            ("Marc Short", "works_for", "White House"),
        ),
        (
            "Ann Ruiz , Acme 's medical director , said so .",
            [(0, 2, "PERSON"), (3, 4, "ORG")],
            [
                "PROPN",
                "PROPN",
                "PUNCT",
                "PROPN",
                "PART",
                "ADJ",
                "NOUN",
                "PUNCT",
                "VERB",
                "ADV",
                "PUNCT",
            ],
            ("Ann Ruiz", "works_for", "Acme"),
        ),
        (  # an executive director runs the organization
            "Acme executive director Ann Ruiz said so .",
            [(0, 1, "ORG"), (3, 5, "PERSON")],
            ["PROPN", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
            ("Ann Ruiz", "leader_of", "Acme"),
        ),
    ],
)
def test_a_director_of_one_field_works_for_the_organization(
    component, make_doc, text, ents, pos, expected
):
    """'legislative director', 'medical director' head a part; the organization employs them."""
    found = triples(component, make_doc(text, ents=ents, pos=pos))
    assert expected in found
    assert not any(
        t[0] == expected[0] and t[2] == expected[2] and t[1] != expected[1] for t in found
    )


def test_a_field_adjective_before_leader_still_leads(component, make_doc):
    pos = ["PROPN", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = make_doc(
        "Hamas political leader Ann Ruiz said so .", ents=[(0, 1, "ORG"), (3, 5, "PERSON")], pos=pos
    )
    assert ("Ann Ruiz", "leader_of", "Hamas") in triples(component, doc)

"""Entity quality: what makes a name a person whatever NER said, and short forms that join a
full name (kg/extract/mentions/clean.py, retype/; kg/extract/entities.py). Hand-built Docs,
no statistical model; each construction in two wordings and a negative case."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from tests.test_extract_mentions import doc_of, entities, tokens


def doc_with(make_doc, text, ents):
    """``doc_of`` where ``ents`` are ``(phrase, label, n)``: the n-th occurrence of phrase."""
    words = tokens(text)
    doc = doc_of(make_doc, text, [])
    spans = []
    for phrase, label, n in ents:
        parts = tokens(phrase)
        starts = [i for i in range(len(words)) if words[i : i + len(parts)] == parts]
        spans.append(Span(doc, starts[n], starts[n] + len(parts), label=label))
    doc.ents = spans
    return doc


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Representative Hakeem Jeffries accused Sessions .",
            [("Hakeem Jeffries", "ORG", 0), ("Sessions", "PERSON", 0)],
            ("Hakeem Jeffries", "Person"),
        ),
        (
            "On Monday Judge Ann Ruiz ruled .",
            [("Ann Ruiz", "GPE", 0)],
            ("Ann Ruiz", "Person"),
        ),
        # one word after the title: every mention of it is the person
        (
            "It was a win for President Trump . Trump campaign staff left .",
            [("Trump", "PERSON", 0), ("Trump", "ORG", 1)],
            ("Trump", "Person"),
        ),
        (
            "Officials met Governor Brennan . Brennan said so .",
            [("Brennan", "ORG", 0), ("Brennan", "ORG", 1)],
            ("Brennan", "Person"),
        ),
    ],
)
def test_a_capitalised_title_makes_a_person(component, make_doc, text, ents, expected):
    assert expected in entities(component, doc_with(make_doc, text, ents))


def test_a_title_in_lower_case_or_an_organization_word_makes_no_person(component, make_doc):
    # "president" in lower case before a company; a title before a name ending in an
    # organization's word
    doc = doc_with(
        make_doc,
        "The president Acme said so . Governor Lake Holdings fell .",
        [("Acme", "ORG", 0), ("Lake Holdings", "ORG", 0)],
    )
    assert entities(component, doc) == {
        ("Acme", "Organization"),
        ("Lake Holdings", "Organization"),
    }


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "He wrote to Carter Page , Sam Clovis and Walid Phares . Phares said so .",
            [
                ("Carter Page", "PERSON", 0),
                ("Sam Clovis", "PERSON", 0),
                ("Walid Phares", "ORG", 0),
                ("Phares", "ORG", 1),
            ],
            ("Walid Phares", "Person"),
        ),
        (
            "Guests included Keanu Reeves , Will Smith , and Kevin Spacey .",
            [
                ("Keanu Reeves", "ORG", 0),
                ("Will Smith", "PERSON", 0),
                ("Kevin Spacey", "PERSON", 0),
            ],
            ("Keanu Reeves", "Person"),
        ),
    ],
)
def test_one_item_of_a_list_of_people_is_a_person(component, make_doc, text, ents, expected):
    found = entities(component, doc_with(make_doc, text, ents))
    assert expected in found
    assert not any(label == "Organization" for _, label in found)


def test_a_list_with_an_organization_in_it_types_nothing(component, make_doc):
    # one person only, or an organization in the list: the other names keep their class
    doc = doc_with(
        make_doc,
        "Rivals Dior Couture , Chanel and Ralph Lauren fell . Ann Ruiz and Acme Steel met .",
        [
            ("Dior Couture", "ORG", 0),
            ("Chanel", "ORG", 0),
            ("Ralph Lauren", "PERSON", 0),
            ("Ann Ruiz", "PERSON", 0),
            ("Acme Steel", "ORG", 0),
        ],
    )
    found = entities(component, doc)
    assert ("Dior Couture", "Organization") in found
    assert ("Acme Steel", "Organization") in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Stuart Grimes played . Ireland : S Grimes , K Maggs .",
            [("Stuart Grimes", "PERSON", 0), ("S Grimes", "ORG", 0), ("K Maggs", "ORG", 0)],
            {("Stuart Grimes", "Person"), ("K Maggs", "Person")},
        ),
        (
            "Jason White scored . Scotland : J. White , H. Southwell .",
            [("Jason White", "PERSON", 0), ("J. White", "GPE", 0), ("H. Southwell", "ORG", 0)],
            {("Jason White", "Person"), ("H. Southwell", "Person")},
        ),
    ],
)
def test_an_initial_and_a_surname_is_a_person_and_joins_the_full_name(
    component, make_doc, text, ents, expected
):
    found = entities(component, doc_with(make_doc, text, ents))
    assert expected <= found
    assert len([n for n, _ in found if "White" in n or "Grimes" in n]) == 1


def test_an_initial_joins_no_full_name_of_another_letter_or_two(component, make_doc):
    doc = doc_with(
        make_doc,
        "Jason White and Jim White played . J White scored . S Korean firms fell .",
        [
            ("Jason White", "PERSON", 0),
            ("Jim White", "PERSON", 0),
            ("J White", "PERSON", 0),
            ("S Korean", "ORG", 0),
        ],
    )
    found = entities(component, doc)
    assert ("J White", "Person") in found  # two full names start with J: neither is chosen
    assert ("S Korean", "Person") not in found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Judge Amy Berman Jackson ruled .",
            [("Amy Berman", "PERSON", 0), ("Jackson", "PERSON", 0)],
            ("Amy Berman Jackson", "Person"),
        ),
        (
            "Later Mary Ann Evans wrote .",
            [("Mary", "PERSON", 0), ("Ann Evans", "PERSON", 0)],
            ("Mary Ann Evans", "Person"),
        ),
    ],
)
def test_touching_person_spans_are_one_name(component, make_doc, text, ents, expected):
    assert entities(component, doc_with(make_doc, text, ents)) == {expected}


def test_person_spans_apart_stay_two(component, make_doc):
    doc = doc_with(
        make_doc, "Ann Ruiz , Bob Lee met .", [("Ann Ruiz", "PERSON", 0), ("Bob Lee", "PERSON", 0)]
    )
    assert entities(component, doc) == {("Ann Ruiz", "Person"), ("Bob Lee", "Person")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "The Bank of England said so . Now the BoE wants data .",
            [("Bank of England", "ORG", 0), ("BoE", "ORG", 0)],
            {("Bank of England", "Organization")},
        ),
        (
            "The DfES said so . The Department for Education and Skills agreed .",
            [("DfES", "ORG", 0), ("Department for Education and Skills", "ORG", 0)],
            {("Department for Education and Skills", "Organization")},
        ),
    ],
)
def test_a_mixed_case_acronym_joins_its_long_form(component, make_doc, text, ents, expected):
    assert entities(component, doc_with(make_doc, text, ents)) == expected


def test_a_word_with_small_letters_is_no_acronym(component, make_doc):
    doc = doc_with(
        make_doc,
        "Black Enterprise said so . Now Bee wants data .",
        [("Black Enterprise", "ORG", 0), ("Bee", "ORG", 0)],
    )
    assert entities(component, doc) == {
        ("Black Enterprise", "Organization"),
        ("Bee", "Organization"),
    }


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "He sobbed , the Associated Press news agency reported .",
            "Associated Press news agency",
            "AP",
        ),
        ("Shares of Acme Steel company fell .", "Acme Steel company", "Acme Steel"),
    ],
)
def test_a_noun_for_what_an_organization_is_leaves_its_name(
    component, make_doc, text, phrase, expected
):
    found = entities(component, doc_with(make_doc, text, [(phrase, "ORG", 0)]))
    assert found == {(expected, "Organization")}


def test_a_lowercase_word_that_is_no_organization_noun_stays(component, make_doc):
    doc = doc_with(make_doc, "He won Best Music act .", [("Best Music act", "ORG", 0)])
    assert entities(component, doc) == set()  # an award ("act"): no node at all


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "The survey was carried out by consultancy group Capgemini . Capgemini said so .",
            [("Capgemini", "GPE", 0), ("Capgemini", "GPE", 1)],
        ),
        (
            "Shares in US carmaker Tesla rose . Tesla fell later .",
            [("US", "GPE", 0), ("Tesla", "GPE", 0), ("Tesla", "LOC", 1)],
        ),
    ],
)
def test_a_noun_for_a_company_makes_every_mention_of_a_place_one(component, make_doc, text, ents):
    found = entities(component, doc_with(make_doc, text, ents))
    name = ents[-1][0]
    assert (name, "Organization") in found and (name, "Place") not in found


def test_a_place_after_no_company_noun_stays_a_place(component, make_doc):
    doc = doc_with(
        make_doc,
        "The group visited Tesla . Tesla is a town .",
        [("Tesla", "GPE", 0), ("Tesla", "GPE", 1)],
    )
    assert entities(component, doc) == {("Tesla", "Place")}


@pytest.mark.parametrize(
    ("text", "ents", "work", "kept"),
    [
        (
            "A version of Bizet 's opera Carmen - in Xhosa - won . Carmen is a hit .",
            [("Bizet", "PERSON", 0), ("Carmen", "ORG", 0), ("Carmen", "ORG", 1)],
            "Carmen",
            "Bizet",
        ),
        (
            "In his new book , Lawless World , Philippe Sands says so .",
            [("Lawless World", "ORG", 0), ("Philippe Sands", "PERSON", 0)],
            "Lawless World",
            "Philippe Sands",
        ),
    ],
)
def test_a_creative_work_is_no_node(component, make_doc, text, ents, work, kept):
    names = {n for n, _ in entities(component, doc_with(make_doc, text, ents))}
    assert work not in names and kept in names


def test_a_name_with_its_own_verb_after_a_work_noun_stays(component, make_doc):
    # "the show Simon Cowell judges": the name starts a clause, it is no title
    doc = doc_with(
        make_doc,
        "The show Simon Cowell judges is a hit . The film Kramer directs opens .",
        [("Simon Cowell", "PERSON", 0), ("Kramer", "PERSON", 0)],
    )
    assert entities(component, doc) == {("Simon Cowell", "Person"), ("Kramer", "Person")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "He has no intention of firing Leandra English , who tried to block him .",
            [("Leandra English", "FAC", 0)],
            ("Leandra English", "Person"),
        ),
        (
            "Officials met Oskar Lindqvist , who runs the port .",
            [("Oskar Lindqvist", "GPE", 0)],
            ("Oskar Lindqvist", "Person"),
        ),
    ],
)
def test_a_place_followed_by_who_is_a_person(component, make_doc, text, ents, expected):
    assert entities(component, doc_with(make_doc, text, ents)) == {expected}


def test_a_place_followed_by_which_or_a_known_place_stays(component, make_doc):
    doc = doc_with(
        make_doc,
        "They reached Kings Landing , which fell . They left Texas , who knew .",
        [("Kings Landing", "GPE", 0), ("Texas", "GPE", 0)],
    )
    assert entities(component, doc) == {("Kings Landing", "Place"), ("Texas", "Place")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Later , Trump and his wife , Melania , handed out food . Melania smiled .",
            [("Trump", "PERSON", 0), ("Melania", "GPE", 0), ("Melania", "GPE", 1)],
            {("Trump", "Person"), ("Melania", "Person")},
        ),
        (
            "She flew with her son Hunter Bidwell to Rome .",
            [("Hunter Bidwell", "ORG", 0), ("Rome", "GPE", 0)],
            {("Hunter Bidwell", "Person"), ("Rome", "Place")},
        ),
    ],
)
def test_a_relative_named_after_his_or_her_is_a_person(component, make_doc, text, ents, expected):
    assert entities(component, doc_with(make_doc, text, ents)) == expected


def test_a_relative_word_without_a_possessive_types_nothing(component, make_doc):
    doc = doc_with(
        make_doc, "The father Acme Holdings sold the son Jordan .", [("Jordan", "GPE", 0)]
    )
    assert ("Jordan", "Person") not in entities(component, doc)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He works at the Center for Immigration Studies now .", "Center for Immigration Studies"),
        ("She spoke at the Institute for Fiscal Policy today .", "Institute for Fiscal Policy"),
    ],
)
def test_an_organization_word_then_for_makes_a_facility_an_organization(
    component, make_doc, text, phrase
):
    doc = doc_with(make_doc, text, [(phrase, "FAC", 0)])
    assert entities(component, doc) == {(phrase, "Organization")}


def test_a_place_word_then_of_stays_a_place(component, make_doc):
    doc = doc_with(make_doc, "They saw the Tower of London .", [("Tower of London", "FAC", 0)])
    assert entities(component, doc) == {("Tower of London", "Place")}


def test_a_nationality_in_front_joins_no_x_of_y_name(component, make_doc):
    doc = doc_with(
        make_doc,
        "He teaches at the University of Florida . She teaches at American University .",
        [("University of Florida", "ORG", 0), ("American University", "ORG", 0)],
    )
    assert entities(component, doc) == {
        ("University of Florida", "Organization"),
        ("American University", "Organization"),
    }


@pytest.mark.parametrize(
    ("text", "ents", "people"),
    [
        (
            "Royer and Elgindy used the tools . Jeffrey Royer and Anthony Elgindy were convicted .",
            [
                ("Royer and Elgindy", "ORG", 0),
                ("Jeffrey Royer", "PERSON", 0),
                ("Anthony Elgindy", "PERSON", 0),
            ],
            {("Jeffrey Royer", "Person"), ("Anthony Elgindy", "Person")},
        ),
        (
            "Lauren Greene sued Blake Farenthold . Farenthold and Greene settled .",
            [
                ("Lauren Greene", "PERSON", 0),
                ("Blake Farenthold", "PERSON", 0),
                ("Farenthold and Greene", "ORG", 0),
            ],
            {("Lauren Greene", "Person"), ("Blake Farenthold", "Person")},
        ),
    ],
)
def test_two_family_names_joined_by_and_are_the_two_people(component, make_doc, text, ents, people):
    assert entities(component, doc_with(make_doc, text, ents)) == people


def test_a_company_of_two_names_stays_when_one_is_no_family_name(component, make_doc):
    doc = doc_with(
        make_doc,
        "Ann Marks shops at Marks and Spencer .",
        [("Ann Marks", "PERSON", 0), ("Marks and Spencer", "ORG", 0)],
    )
    assert ("Marks and Spencer", "Organization") in entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "people"),
    [
        (
            "Gloucester lost to Newcastle .\nWalder ; May , Tait , Stephenson ; Wilkinson , Grindal ; Eustace , Brown .",
            [("Newcastle", "GPE", 0), ("Wilkinson", "ORG", 0), ("Eustace , Brown", "ORG", 0)],
            {"Wilkinson", "Eustace", "Brown"},
        ),
        (
            "Ireland won .\nReplacements : Peel , Wilson , Thompson , Parling , Sititi , Charlton .",
            [
                ("Ireland", "GPE", 0),
                ("Wilson", "ORG", 0),
                ("Thompson , Parling", "ORG", 0),
                ("Charlton", "GPE", 0),
            ],
            {"Wilson", "Thompson", "Parling", "Charlton"},
        ),
    ],
)
def test_the_names_of_a_team_sheet_are_people(component, make_doc, text, ents, people):
    found = entities(component, doc_with(make_doc, text, ents))
    assert {n for n, label in found if label == "Person"} == people
    assert ("Newcastle", "Place") in found or ("Ireland", "Place") in found


def test_a_list_in_a_sentence_is_no_team_sheet(component, make_doc):
    # lower-case words: a sentence that lists, not a team sheet
    doc = doc_with(
        make_doc,
        "Shares in Acme , Wilson , Tesco , Boots and Zara fell , said Brown , Smith and Lee .",
        [("Acme", "ORG", 0), ("Wilson", "ORG", 0), ("Boots", "ORG", 0)],
    )
    assert {label for _, label in entities(component, doc)} == {"Organization"}


@pytest.mark.parametrize(
    ("text", "phrase", "label", "expected"),
    [
        ("Acme, Inc. said so .", "Acme, Inc.", "ORG", {("Acme, Inc.", "Organization")}),
        (
            "Martin Luther King, Jr. spoke .",
            "Martin Luther King, Jr.",
            "PERSON",
            {("Martin Luther King, Jr.", "Person")},
        ),
        ("They flew to Paris, Texas .", "Paris, Texas", "GPE", {("Paris, Texas", "Place")}),
    ],
)
def test_a_comma_that_ends_a_name_or_a_place_splits_nothing(
    component, make_doc, text, phrase, label, expected
):
    assert entities(component, doc_with(make_doc, text, [(phrase, label, 0)])) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "The Senate Judiciary Committee met . The Judiciary Committee voted .",
            [("Senate Judiciary Committee", "ORG", 0), ("Judiciary Committee", "ORG", 1)],
            {("Senate Judiciary Committee", "Organization")},
        ),
        (
            "The UN Security Council met . The Security Council voted .",
            [("UN Security Council", "ORG", 0), ("Security Council", "ORG", 1)],
            {("UN Security Council", "Organization")},
        ),
    ],
)
def test_the_end_of_the_one_longer_organization_name_joins_it(
    component, make_doc, text, ents, expected
):
    assert entities(component, doc_with(make_doc, text, ents)) == expected


def test_the_end_of_a_numbered_body_joins_it_not(component, make_doc):
    # NER left "9th" out of "the 9th Circuit Court": it is no "4th Circuit Court"
    doc = doc_with(
        make_doc,
        "The 9th Circuit Court ruled . The 4th Circuit Court agreed .",
        [("Circuit Court", "ORG", 0), ("4th Circuit Court", "ORG", 0)],
    )
    assert len(entities(component, doc)) == 2


def test_the_end_of_two_names_or_of_a_state_body_joins_neither(component, make_doc):
    doc = doc_with(
        make_doc,
        "The Alabama Supreme Court ruled . The Supreme Court agreed . The Senate Ethics Committee "
        "and the House Ethics Committee met . The Ethics Committee said so .",
        [
            ("Alabama Supreme Court", "ORG", 0),
            ("Supreme Court", "ORG", 1),
            ("Senate Ethics Committee", "ORG", 0),
            ("House Ethics Committee", "ORG", 0),
            ("Ethics Committee", "ORG", 2),
        ],
    )
    assert len(entities(component, doc)) == 5


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "The U.S. Consumer Financial Protection Bureau said so . The CFPB agreed .",
            [("U.S. Consumer Financial Protection Bureau", "ORG", 0), ("CFPB", "ORG", 0)],
            {("U.S. Consumer Financial Protection Bureau", "Organization")},
        ),
        (
            "The US Federal Election Commission met . The FEC agreed .",
            [("US Federal Election Commission", "ORG", 0), ("FEC", "ORG", 0)],
            {("US Federal Election Commission", "Organization")},
        ),
    ],
)
def test_an_acronym_joins_a_long_form_with_a_country_in_front(
    component, make_doc, text, ents, expected
):
    assert entities(component, doc_with(make_doc, text, ents)) == expected


def test_an_acronym_of_other_letters_joins_no_long_form(component, make_doc):
    doc = doc_with(
        make_doc,
        "The U.S. Consumer Financial Protection Bureau said so . The CFTC agreed .",
        [("U.S. Consumer Financial Protection Bureau", "ORG", 0), ("CFTC", "ORG", 0)],
    )
    assert len(entities(component, doc)) == 2


def test_a_comma_inside_a_name_with_a_small_word_splits_nothing(component, make_doc):
    phrase = "Committee on Science, Space and Technology"
    doc = doc_with(make_doc, f"The {phrase} met .", [(phrase, "ORG", 0)])
    assert entities(component, doc) == {(phrase, "Organization")}


def test_a_comma_in_a_span_with_a_small_word_splits_nothing(component, make_doc):
    # NER's "Skadden, Arps said Popeyes": no list of names (a verb inside), left as it is
    doc = doc_with(
        make_doc, "Skadden, Arps said Popeyes agreed .", [("Skadden, Arps said Popeyes", "ORG", 0)]
    )
    assert ("Skadden", "Organization") not in entities(component, doc)

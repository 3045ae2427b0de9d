"""Entity classes, session 6: a title of office before a given name NER missed, a bare title
in an apposition (kg/extract/mentions/recall.py, retype.py). Hand-built Docs, no statistical
model; two wordings and a negative case each."""

from __future__ import annotations

import pytest

from tests.test_extract_mentions import entities
from tests.test_extract_people_signals import doc_with


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Representative Nancy Kerr of Maryland said so .",
            [("Maryland", "GPE", 0)],
            ("Nancy Kerr", "Person"),
        ),
        ("On Monday Senator Ann Ruiz voted no .", [], ("Ann Ruiz", "Person")),
    ],
)
def test_a_capitalised_title_before_a_given_name_finds_the_person(
    component, make_doc, text, ents, expected
):
    assert expected in entities(component, doc_with(make_doc, text, ents))


def test_a_title_without_a_given_name_and_family_name_finds_no_person(component, make_doc):
    # a family name alone, a given name alone, a title in lower case
    doc = doc_with(
        make_doc,
        "Senator Ruiz voted . Governor Ann spoke . The senator Ann Ruiz left .",
        [],
    )
    assert entities(component, doc) == set()


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Welcoming it , Maeve Sherlock , chief executive of the Refugee Council , said so .",
            [("Maeve Sherlock", "ORG", 0), ("Refugee Council", "ORG", 0)],
            ("Maeve Sherlock", "Person"),
        ),
        (
            "Bo Lind , managing director at Nordbank , said so .",
            [("Bo Lind", "GPE", 0), ("Nordbank", "ORG", 0)],
            ("Bo Lind", "Person"),
        ),
    ],
)
def test_a_bare_title_in_an_apposition_makes_a_person(component, make_doc, text, ents, expected):
    assert expected in entities(component, doc_with(make_doc, text, ents))


def test_an_apposition_of_what_a_company_is_makes_no_person(component, make_doc):
    # "owner of" is no title of office; a name ending in an organization's word stays one
    doc = doc_with(
        make_doc,
        "Inditex , owner of Zara , said so . Acme Holdings , chief executive of Zara , left .",
        [("Inditex", "ORG", 0), ("Zara", "ORG", 0), ("Acme Holdings", "ORG", 0)],
    )
    assert {("Inditex", "Organization"), ("Acme Holdings", "Organization")} <= entities(
        component, doc
    )


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Pearce would like to succeed Keegan as manager at Manchester City . "
            "He moved to Manchester City in May .",
            [
                ("Pearce", "PERSON", 0),
                ("Keegan", "PERSON", 0),
                ("Manchester City", "GPE", 0),
                ("Manchester City", "GPE", 1),
            ],
            {("Manchester City", "Organization")},
        ),
        (
            "Vaughan was named the new captain of England .",
            [("Vaughan", "PERSON", 0), ("England", "GPE", 0)],
            {("England", "Organization")},
        ),
    ],
)
def test_a_sport_title_and_of_or_at_before_a_place_makes_a_team(
    component, make_doc, text, ents, expected
):
    found = entities(component, doc_with(make_doc, text, ents))
    assert expected <= found
    assert not {(name, "Place") for name, _ in expected} & found


def test_a_title_of_office_or_player_before_a_place_makes_no_team(component, make_doc):
    doc = doc_with(
        make_doc,
        "Ken Ruiz is the mayor of London . Ann Lee was the best player at Wimbledon .",
        [
            ("Ken Ruiz", "PERSON", 0),
            ("London", "GPE", 0),
            ("Ann Lee", "PERSON", 0),
            ("Wimbledon", "GPE", 0),
        ],
    )
    assert {("London", "Place"), ("Wimbledon", "Place")} <= entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Press said Zorba ' former oil production unit was sold .",
            [("Zorba", "PERSON", 0)],
            ("Zorba", "Organization"),
        ),
        (
            "Shares fell after Ann Ruiz 's annual retail sales fell .",
            [("Ann Ruiz", "PERSON", 0)],
            ("Ann Ruiz", "Organization"),
        ),
    ],
)
def test_what_only_a_company_has_at_the_head_of_a_possessive_makes_a_company(
    component, make_doc, text, ents, expected
):
    assert expected in entities(component, doc_with(make_doc, text, ents))


def test_a_possessive_headed_by_what_people_have_makes_no_company(component, make_doc):
    doc = doc_with(
        make_doc,
        "Ann Ruiz 's former campaign manager spoke .",
        [("Ann Ruiz", "PERSON", 0)],
    )
    assert entities(component, doc) == {("Ann Ruiz", "Person")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("The ex-Zorba boss left .", [("ex-Zorba", "ORG", 0)], {("Zorba", "Organization")}),
        (
            "An anti-Acme campaign grew .",
            [("anti-Acme", "ORG", 0)],
            {("Acme", "Organization")},
        ),
    ],
)
def test_a_hyphenated_prefix_is_no_part_of_a_name(component, make_doc, text, ents, expected):
    assert entities(component, doc_with(make_doc, text, ents)) == expected


def test_a_capitalised_prefix_stays_in_the_name(component, make_doc):
    doc = doc_with(make_doc, "The Pro-Life Alliance spoke .", [("Pro-Life Alliance", "ORG", 0)])
    assert entities(component, doc) == {("Pro-Life Alliance", "Organization")}


def test_the_subdivisions_pycountry_writes_with_a_second_name_are_regions():
    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.is_region("Wales")  # "Wales [Cymru GB-CYM]"
    assert gazetteer.is_region("Cardiff")  # "Cardiff [Caerdydd GB-CRD]"
    assert not gazetteer.is_region("Cymru GB-CYM")


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("He knows Wales said his side was ready .", [("Wales", "ORG", 0)], "Wales"),
        ("He knows Swansea said his team was ready .", [("Swansea", "GPE", 0)], "Swansea"),
    ],
)
def test_a_region_is_no_person_whatever_he_says(component, make_doc, text, ents, name):
    assert (name, "Person") not in entities(component, doc_with(make_doc, text, ents))


def test_a_name_no_gazetteer_knows_is_the_person_he_says(component, make_doc):
    doc = doc_with(make_doc, "He knows Ferrow said his side was ready .", [("Ferrow", "ORG", 0)])
    assert ("Ferrow", "Person") in entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "For Jupiter analyst Olivier Beauvillain , the plan failed .",
            [("Jupiter", "GPE", 0), ("Olivier Beauvillain", "PERSON", 0)],
        ),
        (
            "He met Tarsk deputy chairman Ann Ruiz .",
            [("Tarsk", "GPE", 0), ("Ann Ruiz", "PERSON", 0)],
        ),
    ],
)
def test_an_unknown_place_before_a_firm_title_and_a_person_is_a_company(
    component, make_doc, text, ents
):
    name = ents[0][0]
    found = entities(component, doc_with(make_doc, text, ents))
    assert (name, "Organization") in found
    assert (name, "Place") not in found


def test_a_known_place_or_no_person_after_the_title_keeps_the_place(component, make_doc):
    doc = doc_with(
        make_doc,
        "Fans met London chairman Ann Ruiz . Staff met the Tarsk chairman today .",
        [("London", "GPE", 0), ("Ann Ruiz", "PERSON", 0), ("Tarsk", "GPE", 0)],
    )
    assert {("London", "Place"), ("Tarsk", "Place")} <= entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        (
            "Lewandowski will testify , Ferrow reported . Ferrow News said so .",
            [("Lewandowski", "PERSON", 0), ("Ferrow", "GPE", 0), ("Ferrow News", "ORG", 0)],
            "Ferrow",
        ),
        (
            "Sites such as Ofoto charge a fee . Ofoto Gallery said so .",
            [("Ofoto", "GPE", 0), ("Ofoto Gallery", "ORG", 0)],
            "Ofoto",
        ),
    ],
)
def test_an_unknown_place_that_starts_a_company_name_is_no_place(
    component, make_doc, text, ents, name
):
    assert (name, "Place") not in entities(component, doc_with(make_doc, text, ents))


def test_a_place_that_starts_the_name_of_its_institution_stays_a_place(component, make_doc):
    doc = doc_with(
        make_doc,
        "Gwent was quiet . Gwent Police said so .",
        [("Gwent", "GPE", 0), ("Gwent Police", "ORG", 0)],
    )
    assert ("Gwent", "Place") in entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        (
            "Along with the GMB and Unison , the TGWU and Amicus worked together .",
            [("GMB", "ORG", 0), ("Unison", "GPE", 0), ("TGWU", "ORG", 0), ("Amicus", "ORG", 0)],
            "Unison",
        ),
        (
            "Rivals Sony , Nintendo and Sega cut prices .",
            [("Sony", "ORG", 0), ("Nintendo", "ORG", 0), ("Sega", "GPE", 0)],
            "Sega",
        ),
    ],
)
def test_one_item_of_a_list_of_organizations_is_an_organization(
    component, make_doc, text, ents, name
):
    assert (name, "Organization") in entities(component, doc_with(make_doc, text, ents))


def test_a_known_place_or_a_person_in_a_list_of_organizations_keeps_its_class(component, make_doc):
    doc = doc_with(
        make_doc,
        "Offices of Sony , Nintendo and London grew . Statues of Holly , Richardson and Valens .",
        [
            ("Sony", "ORG", 0),
            ("Nintendo", "ORG", 0),
            ("London", "GPE", 0),
            ("Holly", "ORG", 0),
            ("Richardson", "PERSON", 0),
            ("Valens", "ORG", 0),
        ],
    )
    assert {("London", "Place"), ("Richardson", "Person")} <= entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        (
            "He visits Manchester , Liverpool and Leicester . Manchester can cope .",
            [
                ("Manchester", "PERSON", 0),
                ("Liverpool", "GPE", 0),
                ("Leicester", "GPE", 0),
                ("Manchester", "PERSON", 1),
            ],
            "Manchester",
        ),
        (
            "Stops in Leeds , Torbay and Bath were cut .",
            [("Leeds", "GPE", 0), ("Torbay", "PERSON", 0), ("Bath", "GPE", 0)],
            "Torbay",
        ),
    ],
)
def test_one_word_in_a_list_of_places_is_a_place(component, make_doc, text, ents, name):
    found = entities(component, doc_with(make_doc, text, ents))
    assert (name, "Place") in found
    assert (name, "Person") not in found


def test_one_word_in_a_mixed_list_keeps_its_class(component, make_doc):
    doc = doc_with(
        make_doc,
        "He met Smith , Acme and Paris .",
        [("Smith", "PERSON", 0), ("Acme", "ORG", 0), ("Paris", "GPE", 0)],
    )
    assert ("Smith", "Person") in entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Bank chief executive Mervyn Davies spoke .",
            [("Mervyn Davies", "ORG", 0)],
            ("Mervyn Davies", "Person"),
        ),
        (
            "Telecoms equipment supplier Ericsson posted a rise .",
            [("Ericsson", "PERSON", 0)],
            ("Ericsson", "Organization"),
        ),
    ],
)
def test_what_a_name_is_written_right_before_it(component, make_doc, text, ents, expected):
    assert expected in entities(component, doc_with(make_doc, text, ents))


def test_a_company_noun_before_a_full_personal_name_keeps_the_person(component, make_doc):
    doc = doc_with(make_doc, "The drug supplier Ann Ruiz was jailed .", [("Ann Ruiz", "PERSON", 0)])
    assert entities(component, doc) == {("Ann Ruiz", "Person")}


def test_a_name_after_a_place_and_its_region_is_no_list(component, make_doc):
    doc = doc_with(
        make_doc,
        "In Birmingham , Alabama , Jones said so .",
        [("Birmingham", "GPE", 0), ("Alabama", "GPE", 0), ("Jones", "PERSON", 0)],
    )
    assert ("Jones", "Person") in entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "The book , by Sunday Telegraph journalist Robert Peston , said so .",
            [("Sunday", "DATE", 0), ("Telegraph", "ORG", 0), ("Robert Peston", "PERSON", 0)],
            ("Sunday Telegraph", "Organization"),
        ),
        (
            "He told the Saturday Mirror so .",
            [("Saturday", "DATE", 0), ("Mirror", "ORG", 0)],
            ("Saturday Mirror", "Organization"),
        ),
    ],
)
def test_a_day_before_a_newspaper_name_is_part_of_it(component, make_doc, text, ents, expected):
    assert expected in entities(component, doc_with(make_doc, text, ents))


def test_a_day_before_another_organization_stays_a_date(component, make_doc):
    # "on Sunday Labour won": not a newspaper; and "Sunday" is no short form of "Sunday Times"
    doc = doc_with(
        make_doc,
        "He told the Sunday Times so . On Sunday Labour won .",
        [("Sunday Times", "ORG", 0), ("Sunday", "DATE", 1), ("Labour", "ORG", 0)],
    )
    assert entities(component, doc) == {
        ("Sunday Times", "Organization"),
        ("Labour", "Organization"),
    }


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "The Senate confirmed Kirstjen Nielsen . Nielsen , 45 , will lead it .",
            [("Kirstjen Nielsen", "ORG", 0), ("Nielsen", "GPE", 1)],
            ("Kirstjen Nielsen", "Person"),
        ),
        (
            "Aid came from Ulla Berg . Berg , 47 , said so .",
            [("Ulla Berg", "GPE", 0), ("Berg", "GPE", 1)],
            ("Ulla Berg", "Person"),
        ),
    ],
)
def test_an_age_after_the_family_name_makes_the_full_name_a_person(
    component, make_doc, text, ents, expected
):
    found = entities(component, doc_with(make_doc, text, ents))
    assert expected in found
    assert all(label == "Person" for _, label in found)


def test_a_known_place_before_a_number_or_a_name_without_age_keeps_its_class(component, make_doc):
    doc = doc_with(
        make_doc,
        "In Texas , 45 , were hurt . The Senate confirmed Kirstjen Nielsen . Nielsen will lead .",
        [("Texas", "GPE", 0), ("Kirstjen Nielsen", "ORG", 0), ("Nielsen", "GPE", 1)],
    )
    found = entities(component, doc)
    assert ("Texas", "Place") in found
    assert ("Kirstjen Nielsen", "Person") not in found


@pytest.mark.parametrize(
    ("text", "parse", "name"),
    [
        (
            "Euronext , which began talks , said so .",
            [
                (6, "nsubj"),
                (0, "punct"),
                (3, "nsubj"),
                (0, "relcl"),
                (3, "dobj"),
                (0, "punct"),
                (6, "ROOT"),
                (6, "advmod"),
                (6, "punct"),
            ],
            "Euronext",
        ),
        (
            "Zorba , which owns shops , fell .",
            [
                (6, "nsubj"),
                (0, "punct"),
                (3, "nsubj"),
                (0, "relcl"),
                (3, "dobj"),
                (0, "punct"),
                (6, "ROOT"),
                (6, "punct"),
            ],
            "Zorba",
        ),
    ],
)
def test_a_which_clause_on_the_subject_makes_an_organization(
    component, make_doc, text, parse, name
):
    doc = make_doc(text, ents=[(0, 1, "PERSON")], parse=parse)
    assert entities(component, doc) == {(name, "Organization")}


def test_a_which_clause_about_the_event_keeps_the_person(component, make_doc):
    doc = make_doc(
        "He met Smith , which surprised many .",
        ents=[(2, 3, "PERSON")],
        parse=[
            (1, "nsubj"),
            (1, "ROOT"),
            (1, "dobj"),
            (1, "punct"),
            (5, "nsubj"),
            (2, "relcl"),
            (5, "dobj"),
            (1, "punct"),
        ],
    )
    assert entities(component, doc) == {("Smith", "Person")}

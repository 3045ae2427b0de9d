"""Split entities joined within an article, on hand-built Docs (no statistical model):
a short name and the longer one it stands for become one node, and no two things do."""

from __future__ import annotations

from tests.docs import extracted as extract


def names(graph):
    return {(e.name, e.label) for e in graph.entities}


def test_name_end_joins_the_one_company_it_ends(component, make_doc):
    doc = make_doc(
        "Deutsche Boerse made a bid . Boerse said it would wait .",
        ents=[(0, 2, "ORG"), (6, 7, "ORG")],
    )
    assert names(extract(component, doc)) == {("Deutsche Boerse", "Organization")}
    doc = make_doc(
        "Royal Dutch Shell reported profits . Shell shares rose .",
        ents=[(0, 3, "ORG"), (6, 7, "ORG")],
    )
    assert names(extract(component, doc)) == {("Royal Dutch Shell", "Organization")}


def test_family_name_joins_a_full_name_ner_typed_as_an_organization(component, make_doc):
    doc = make_doc(
        "Kirstjen Nielsen testified . Later Nielsen said no .",
        ents=[(0, 2, "ORG"), (5, 6, "ORG")],
    )
    graph = extract(component, doc)
    assert len(graph.entities) == 1 and graph.entities[0].name == "Kirstjen Nielsen"
    assert "Nielsen" in graph.entities[0].aliases


def test_name_end_shared_by_two_names_joins_neither(component, make_doc):
    doc = make_doc(
        "Deutsche Boerse and Euronext Boerse met . Boerse said no .",
        ents=[(0, 2, "ORG"), (3, 5, "ORG"), (7, 8, "ORG")],
    )
    assert len(extract(component, doc).entities) == 3


def test_generic_heads_places_and_people_are_no_short_names(component, make_doc):
    doc = make_doc("Deutsche Bank rose . Bank shares fell .", ents=[(0, 2, "ORG"), (4, 5, "ORG")])
    assert names(extract(component, doc)) == {
        ("Deutsche Bank", "Organization"),
        ("Bank", "Organization"),
    }
    doc = make_doc("Eastern Europe grew . Europe did not .", ents=[(0, 2, "LOC"), (4, 5, "LOC")])
    assert len(extract(component, doc).entities) == 2
    doc = make_doc(
        "Skype Voip launched . Voip calls are cheap .", ents=[(0, 2, "ORG"), (4, 5, "PERSON")]
    )
    assert ("Skype Voip", "Organization") in names(extract(component, doc))


def test_subject_of_a_department_joins_it(component, make_doc):
    doc = make_doc(
        "Energy Secretary Spencer Abraham spoke . The US Department of Energy paid .",
        ents=[(0, 1, "ORG"), (2, 4, "PERSON"), (7, 11, "ORG")],
    )
    graph = extract(component, doc)
    assert ("Energy", "Organization") not in names(graph)
    assert ("US Department of Energy", "Organization") in names(graph)
    doc = make_doc(
        "Secretary of State Hillary Clinton spoke . The State Department agreed .",
        ents=[(2, 3, "ORG"), (3, 5, "PERSON"), (8, 10, "ORG")],
    )
    assert names(extract(component, doc)) == {
        ("State Department", "Organization"),
        ("Hillary Clinton", "Person"),
    }


def test_subject_of_two_departments_joins_neither(component, make_doc):
    doc = make_doc(
        "The Department of Energy and the Ministry of Energy met . Energy said no .",
        ents=[(1, 4, "ORG"), (6, 9, "ORG"), (11, 12, "ORG")],
    )
    assert ("Energy", "Organization") in names(extract(component, doc))


def test_acronym_counts_of_of_its_long_form(component, make_doc):
    doc = make_doc(
        "The U.S. Department of Energy said so . DOE later agreed .",
        ents=[(1, 6, "ORG"), (9, 10, "ORG")],
    )
    assert len(extract(component, doc).entities) <= 2  # "U.S." may stand alone
    assert ("DOE", "Organization") not in names(extract(component, doc))
    doc = make_doc(
        "DOJ lawyers filed . The Department of Justice said so .",
        ents=[(0, 1, "ORG"), (5, 8, "ORG")],
    )
    assert len(extract(component, doc).entities) == 1
    doc = make_doc("The Department of Energy and DOT met .", ents=[(1, 4, "ORG"), (5, 6, "ORG")])
    assert ("DOT", "Organization") in names(extract(component, doc))


def test_spaced_dash_ends_a_name(component, make_doc):
    doc = make_doc(
        "He said Papadopoulos - a Chicago lawyer - lied .",
        ents=[(2, 5, "PERSON"), (5, 6, "GPE")],
    )
    assert ("Papadopoulos", "Person") in names(extract(component, doc))
    doc = make_doc(
        "Comedy Fat Albert - co-written by Bill Cosby - moved down .",
        ents=[(0, 5, "PERSON"), (8, 12, "PERSON")],
    )
    found = names(extract(component, doc))
    assert ("Bill Cosby", "Person") in found
    assert not any("-" in name for name, _ in found)


def test_unspaced_hyphen_stays_in_a_name(component, make_doc):
    doc = make_doc("Rolls-Royce hired Jae-in Moon .", ents=[(0, 3, "ORG"), (4, 8, "PERSON")])
    assert names(extract(component, doc)) == {
        ("Rolls-Royce", "Organization"),
        ("Jae-in Moon", "Person"),
    }


def test_spacing_and_hyphen_variants_are_one_entity(component, make_doc):
    doc = make_doc(
        "RipGuard blocks copies . Rip Guard works on DVDs .", ents=[(0, 1, "ORG"), (4, 6, "ORG")]
    )
    assert names(extract(component, doc)) == {("RipGuard", "Organization")}
    doc = make_doc("Al-Qaeda claimed it . Al Qaeda said so .", ents=[(0, 3, "ORG"), (6, 8, "ORG")])
    assert len(extract(component, doc).entities) == 1
    doc = make_doc(  # another class: not one entity
        "Mark Spencer spoke . Markspencer rose .", ents=[(0, 2, "PERSON"), (4, 5, "ORG")]
    )
    assert len(extract(component, doc).entities) == 2


def test_possessive_owner_named_alone_is_cut_from_a_body(component, make_doc):
    doc = make_doc(
        "Lamar Smith spoke . Smith’s Committee on Science met .",
        ents=[(0, 2, "PERSON"), (4, 9, "ORG")],
    )
    found = names(extract(component, doc))
    assert found == {("Lamar Smith", "Person"), ("Committee on Science", "Organization")}
    doc = make_doc(
        "Congress passed it . Congress’ Joint Committee on Taxation agreed .",
        ents=[(0, 1, "ORG"), (4, 10, "ORG")],
    )
    assert ("Joint Committee on Taxation", "Organization") in names(extract(component, doc))


def test_possessive_of_an_owner_never_named_alone_stays(component, make_doc):
    doc = make_doc(
        "McDonald's Corp rose . Moody's Investors Service said .",
        ents=[(0, 3, "ORG"), (5, 9, "ORG")],
    )
    found = {name for name, _ in names(extract(component, doc))}
    assert found == {"McDonald's Corp", "Moody's Investors Service"}


def test_known_organization_ending_a_person_span_is_the_organization(component, make_doc):
    doc = make_doc(
        "The Trump White House wants it . The White House said so .",
        ents=[(1, 4, "PERSON"), (8, 10, "ORG")],
    )
    assert names(extract(component, doc)) == {("White House", "Organization")}
    doc = make_doc("The Obama White House fought it .", ents=[(1, 4, "PERSON")])
    assert names(extract(component, doc)) == {("White House", "Organization")}
    doc = make_doc(  # one word of a known name ends no one's name: "Ford"
        "Bill Ford Jr spoke .", ents=[(0, 3, "PERSON")]
    )
    assert names(extract(component, doc)) == {("Bill Ford Jr", "Person")}


def test_one_country_written_two_ways_in_front_of_a_body(component, make_doc):
    doc = make_doc(
        "The U.S. Senate voted . The United States Senate met . The Senate left .",
        ents=[(1, 3, "ORG"), (6, 9, "ORG"), (12, 13, "ORG")],
    )
    assert len(extract(component, doc).entities) == 1
    doc = make_doc(
        "The Afghan Taliban and the Pakistani Taliban met . The Taliban left .",
        ents=[(1, 3, "ORG"), (5, 7, "ORG"), (10, 11, "ORG")],
    )
    assert len(extract(component, doc).entities) == 3


def test_legal_suffix_of_a_gazetteer_organization_is_dropped(component, make_doc):
    doc = make_doc(
        "Facebook Inc said so . Facebook shares rose .", ents=[(0, 2, "ORG"), (5, 6, "ORG")]
    )
    assert names(extract(component, doc)) == {("Facebook", "Organization")}
    doc = make_doc(
        "The Federal Reserve Board met . The Fed raised rates .",
        ents=[(1, 4, "ORG"), (7, 8, "ORG")],
    )
    assert names(extract(component, doc)) == {("Federal Reserve", "Organization")}
    doc = make_doc(  # a name the gazetteer does not know keeps its suffix
        "Acme Widgets Inc said so .", ents=[(0, 3, "ORG")]
    )
    assert names(extract(component, doc)) == {("Acme Widgets Inc", "Organization")}


def test_short_given_name_with_the_same_family_name_is_one_person(component, make_doc):
    doc = make_doc(
        "Dave Collins spoke . David Collins agreed .", ents=[(0, 2, "PERSON"), (4, 6, "PERSON")]
    )
    assert names(extract(component, doc)) == {("David Collins", "Person")}
    doc = make_doc(
        "Bill Clinton spoke . William Clinton agreed .", ents=[(0, 2, "PERSON"), (4, 6, "PERSON")]
    )
    assert len(extract(component, doc).entities) == 1
    doc = make_doc(  # another given name, or the same short name with another family name
        "Dave Collins spoke . Diane Collins and David Moyes agreed .",
        ents=[(0, 2, "PERSON"), (4, 6, "PERSON"), (7, 9, "PERSON")],
    )
    assert len(extract(component, doc).entities) == 3


def test_first_word_of_a_company_written_after_it_joins_it(component, make_doc):
    doc = make_doc(
        "Marsh & McLennan fell . Marsh said profits dropped .",
        ents=[(0, 3, "ORG"), (5, 6, "ORG")],
    )
    assert names(extract(component, doc)) == {("Marsh & McLennan", "Organization")}
    doc = make_doc(
        "Shares in Parmalat Finanziaria were suspended . Parmalat owes billions .",
        ents=[(2, 4, "ORG"), (7, 8, "ORG")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("Parmalat Finanziaria", "Organization")}
    assert "Parmalat" in graph.entities[0].aliases


def test_first_word_joins_no_name_it_comes_before_nor_one_of_two(component, make_doc):
    doc = make_doc(  # a product or unit named after the company, written after it
        "Yahoo said so . Yahoo Messenger is free .", ents=[(0, 1, "ORG"), (4, 6, "ORG")]
    )
    assert len(extract(component, doc).entities) == 2
    doc = make_doc(
        "Virgin Trains and Virgin Megastores grew . Virgin said so .",
        ents=[(0, 2, "ORG"), (3, 5, "ORG"), (7, 8, "ORG")],
    )
    assert len(extract(component, doc).entities) == 3


def test_first_word_that_is_a_body_or_a_place_joins_nothing(component, make_doc):
    doc = make_doc(
        "The Senate Judiciary Committee met . The Senate voted .",
        ents=[(1, 4, "ORG"), (7, 8, "ORG")],
    )
    assert len(extract(component, doc).entities) == 2
    doc = make_doc(
        "Minnesota Public Radio reported it . Minnesota voted .",
        ents=[(0, 3, "ORG"), (6, 7, "GPE")],
    )
    assert len(extract(component, doc).entities) == 2


def test_words_glued_before_a_courtesy_title_leave_the_name(component, make_doc):
    doc = make_doc(
        "Simon Bysshe spoke . Said Mr Bysshe : no .", ents=[(0, 2, "PERSON"), (4, 7, "PERSON")]
    )
    graph = extract(component, doc)
    assert names(graph) == {("Simon Bysshe", "Person")}
    assert "Mr Bysshe" in graph.entities[0].aliases
    doc = make_doc(
        "Margaret Dixon spoke . Added Mrs Dixon : yes .",
        ents=[(0, 2, "PERSON"), (4, 7, "PERSON")],
    )
    assert names(extract(component, doc)) == {("Margaret Dixon", "Person")}


def test_a_name_without_a_courtesy_title_inside_keeps_its_words(component, make_doc):
    doc = make_doc(
        "Edward Said spoke . Said Hamad left .", ents=[(0, 2, "PERSON"), (4, 6, "PERSON")]
    )
    assert names(extract(component, doc)) == {("Edward Said", "Person"), ("Said Hamad", "Person")}
    doc = make_doc("Mr Bysshe spoke .", ents=[(0, 2, "PERSON")])
    assert names(extract(component, doc)) == {("Bysshe", "Person")}


def test_a_given_name_typed_as_a_place_joins_the_one_full_name(component, make_doc):
    doc = make_doc(
        "Serena Williams won . Serena said she was tired .",
        ents=[(0, 2, "PERSON"), (4, 5, "GPE")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("Serena Williams", "Person")}
    assert "Serena" in graph.entities[0].aliases
    doc = make_doc(
        "Gavin Henson kicked . Gavin missed later .", ents=[(0, 2, "PERSON"), (4, 5, "ORG")]
    )
    assert names(extract(component, doc)) == {("Gavin Henson", "Person")}


def test_a_given_name_that_is_a_place_or_two_people_s_stays_apart(component, make_doc):
    doc = make_doc(  # "Milan" is a city the gazetteer knows
        "Milan Kundera wrote . Milan is rich .", ents=[(0, 2, "PERSON"), (4, 5, "GPE")]
    )
    assert ("Milan Kundera", "Person") in names(extract(component, doc))
    assert len(extract(component, doc).entities) == 2
    doc = make_doc(
        "Serena Williams and Serena Smith won . Serena said so .",
        ents=[(0, 2, "PERSON"), (3, 5, "PERSON"), (7, 8, "GPE")],
    )
    assert len(extract(component, doc).entities) == 3


def test_a_parliament_named_by_its_building_is_one_node(component, make_doc):
    doc = make_doc(
        "The Scottish Parliament voted . MSPs at Holyrood agreed .",
        ents=[(1, 3, "ORG"), (7, 8, "GPE")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("Scottish Parliament", "Organization")}
    doc = make_doc("Holyrood passed the bill .", ents=[(0, 1, "ORG")])
    assert names(extract(component, doc)) == {("Scottish Parliament", "Organization")}


def test_headline_end_is_after_a_short_first_line_without_a_full_stop():
    import spacy

    from kg.extract.name_joins import headline_end

    nlp = spacy.blank("en")
    doc = nlp("Sun offers processing by the hour\n\nSun Microsystems has launched it.")
    assert doc[: headline_end(doc)].text.strip() == "Sun offers processing by the hour"
    for text in ("Marsh said so.\nMore text follows.", "One long line with no break at all"):
        assert headline_end(nlp(text)) == 0


def test_a_committee_of_a_chamber_written_in_full_joins_the_short_one(component, make_doc):
    doc = make_doc(
        "The House of Representatives Intelligence Committee met . "
        "The House Intelligence Committee said so .",
        ents=[(1, 6, "ORG"), (9, 12, "ORG")],
    )
    assert len(extract(component, doc).entities) == 1
    doc = make_doc(
        "The U.S. House of Representatives Ethics Committee met . "
        "The House Ethics Committee said so .",
        ents=[(1, 7, "ORG"), (10, 13, "ORG")],
    )
    assert len(extract(component, doc).entities) == 1


def test_committees_of_two_chambers_or_two_subjects_stay_apart(component, make_doc):
    doc = make_doc(
        "The House of Representatives Intelligence Committee met . "
        "The Senate Intelligence Committee said so .",
        ents=[(1, 6, "ORG"), (9, 12, "ORG")],
    )
    assert len(extract(component, doc).entities) == 2
    doc = make_doc(
        "The House of Representatives Ethics Committee met . "
        "The House Intelligence Committee said so .",
        ents=[(1, 6, "ORG"), (9, 12, "ORG")],
    )
    assert len(extract(component, doc).entities) == 2


def test_an_abbreviation_with_full_stops_counts_all_its_letters(component, make_doc):
    doc = make_doc(
        "The U.S. Postal Service and United Parcel Service Inc compete . UPS said so .",
        ents=[(1, 4, "ORG"), (5, 9, "ORG"), (11, 12, "ORG")],
    )
    graph = extract(component, doc)
    postal = next(e for e in graph.entities if e.name == "U.S. Postal Service")
    assert "UPS" not in postal.aliases
    parcel = next(e for e in graph.entities if e.name.startswith("United Parcel"))
    assert "UPS" in parcel.aliases
    doc = make_doc(
        "The U.S. Postal Service lost money . USPS said so .", ents=[(1, 4, "ORG"), (7, 8, "ORG")]
    )
    assert names(extract(component, doc)) == {("U.S. Postal Service", "Organization")}


def test_an_acronym_of_a_place_joins_it(component, make_doc):
    doc = make_doc(
        "New York City voted . NYC officials agreed .", ents=[(0, 3, "GPE"), (5, 6, "ORG")]
    )
    graph = extract(component, doc)
    assert names(graph) == {("New York City", "Place")}
    assert "NYC" in graph.entities[0].aliases
    doc = make_doc(  # no place of those initials: the acronym stays an organization
        "New York voted . NYC officials agreed .", ents=[(0, 2, "GPE"), (4, 5, "ORG")]
    )
    assert ("NYC", "Organization") in names(extract(component, doc))


def test_a_headline_s_short_name_does_not_stop_the_first_word_join(component, make_doc):
    doc = make_doc(
        "Sun offers grid\n\nSun Microsystems launched it . Sun said so .",
        ents=[(0, 1, "ORG"), (4, 6, "ORG"), (9, 10, "ORG")],
    )
    assert names(extract(component, doc)) == {("Sun Microsystems", "Organization")}
    doc = make_doc(  # a first line that is a sentence is no headline
        "Sun offers grid .\n\nSun Microsystems launched it . Sun said so .",
        ents=[(0, 1, "ORG"), (5, 7, "ORG"), (10, 11, "ORG")],
    )
    assert len(extract(component, doc).entities) == 2

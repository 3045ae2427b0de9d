"""Mentions and entity resolution on hand-built Docs (no statistical model)."""

from __future__ import annotations

from kg.extract.pipeline import graph_from_doc
from kg.records import Article


def extract(component, doc):
    return graph_from_doc(Article("t", doc.text), component(doc))


def names(graph):
    return {(e.name, e.label) for e in graph.entities}


def test_mentions_split_at_line_breaks_and_read_photo_credits(component, make_doc):
    doc = make_doc(
        "Ukraine President Zelenskyy\nJulia Demaree Nikhinson/AP\nHe spoke .",
        ents=[(0, 1, "GPE"), (2, 5, "PERSON")],
    )
    graph = extract(component, doc)
    assert ("Zelenskyy", "Person") in names(graph)
    assert ("Julia Demaree Nikhinson", "Person") in names(graph)
    assert ("AP", "Organization") in names(graph)
    assert not any("\n" in e.name for e in graph.entities)
    assert ("Julia Demaree Nikhinson", "works_for", "AP") in {
        (t.subject.name, t.predicate, t.object.name) for t in graph.triples
    }


def test_mentions_strip_honorifics_the_and_possessive(component, make_doc):
    doc = make_doc(
        "Mr Tony Blair met The Acme Group 's chief . Later Blair 's aides left .",
        ents=[(0, 3, "PERSON"), (4, 8, "ORG"), (11, 13, "PERSON")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("Tony Blair", "Person"), ("Acme Group", "Organization")}
    blair = next(e for e in graph.entities if e.name == "Tony Blair")
    assert "Blair" in blair.aliases and "Mr Tony Blair" in blair.aliases


def test_mentions_drop_junk_without_proper_nouns(component, make_doc):
    doc = make_doc(
        "Newfound enthusiasm from she was high .",
        ents=[(0, 1, "GPE"), (3, 4, "PERSON")],
        tags=["JJ", "NN", "IN", "PRP", "VBD", "JJ", "."],
    )
    assert extract(component, doc).entities == ()


def test_surname_joins_full_name_whatever_its_ner_class(component, make_doc):
    doc = make_doc(
        "Donald Trump spoke . Trump said Zelenskyy 's letter came . Volodymyr Zelenskyy wrote .",
        ents=[(0, 2, "PERSON"), (4, 5, "ORG"), (6, 7, "GPE"), (11, 13, "PERSON")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("Donald Trump", "Person"), ("Volodymyr Zelenskyy", "Person")}
    zelenskyy = next(e for e in graph.entities if e.name == "Volodymyr Zelenskyy")
    assert zelenskyy.aliases == ("Zelenskyy",)


def test_country_aliases_resolve_to_one_place(component, make_doc):
    doc = make_doc(
        "The U.S. and America and the United States and Britain met .",
        ents=[(1, 2, "GPE"), (3, 4, "GPE"), (5, 8, "GPE"), (9, 10, "GPE")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("United States", "Place"), ("United Kingdom", "Place")}
    us = next(e for e in graph.entities if e.name == "United States")
    assert {"U.S.", "America"} <= set(us.aliases)


def test_acronym_joins_its_long_form_by_initials(component, make_doc):
    doc = make_doc(
        "The Associated Press said so . AP later agreed . The World Health Organisation and WHO too .",
        ents=[(1, 3, "ORG"), (6, 7, "ORG"), (11, 14, "ORG"), (15, 16, "ORG")],
    )
    graph = extract(component, doc)
    assert ("World Health Organisation", "Organization") in names(graph)
    assert ("WHO", "Organization") not in names(graph)
    assert ("AP", "Organization") in names(graph)  # the gazetteer names the agency "AP"
    assert len(graph.entities) == 2


def test_class_is_decided_by_all_mentions(component, make_doc):
    doc = make_doc(
        "Acme rose . Acme fell . Acme won .",
        ents=[(0, 1, "ORG"), (3, 4, "GPE"), (6, 7, "ORG")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("Acme", "Organization")}


def test_demonyms_never_become_nodes_without_a_relation(component, make_doc):
    doc = make_doc(
        "Ukrainian troops and British ships left .", ents=[(0, 1, "NORP"), (3, 4, "NORP")]
    )
    assert extract(component, doc).entities == ()


def test_capitalised_dateline_is_a_place(component, make_doc):
    # NER missed "BANGKOK" and typed "DAYTON" an organization: a dateline names a place,
    # in ordinary case, the capitals kept as an alias.
    for text, ents in (
        ("BANGKOK , Thailand ( AP )", [(2, 3, "GPE")]),
        ("DAYTON , Ohio ( AP )", [(0, 1, "ORG"), (2, 3, "GPE")]),
    ):
        graph = extract(component, make_doc(text, ents=ents))
        city = text.split(" ")[0].capitalize()
        assert (city, "Place") in names(graph)
        assert text.split(" ")[0] in next(e for e in graph.entities if e.name == city).aliases
        assert (city, "located_in", text.split(" ")[2]) in {
            (t.subject.name, t.predicate, t.object.name) for t in graph.triples
        }


def test_capitals_in_sentences_are_not_datelines(component, make_doc):
    graph = extract(component, make_doc("NATO , the alliance , met .", ents=[(0, 1, "ORG")]))
    assert ("NATO", "Organization") in names(graph)


def test_a_name_with_an_age_is_a_person_and_a_capital_a_place(component, make_doc):
    doc = make_doc(
        "Ulla Berg , 47 , spoke in Tbilisi , the capital of Georgia .",
        ents=[(0, 2, "ORG"), (7, 8, "PERSON"), (12, 13, "GPE")],
    )
    graph = extract(component, doc)
    assert ("Ulla Berg", "Person") in names(graph)
    assert ("Tbilisi", "Place") in names(graph)


def test_state_of_a_legislator_is_a_place(component, make_doc):
    doc = make_doc("Sen. Ann Ruiz , D-Ohio , voted .", ents=[(1, 3, "PERSON")])
    assert ("Ohio", "Place") in names(extract(component, doc))


def test_a_peer_of_a_place_is_a_person(component, make_doc):
    doc = make_doc("Britain 's Duchess of York spoke .", ents=[(0, 1, "GPE"), (2, 5, "GPE")])
    graph = extract(component, doc)
    assert ("Duchess of York", "Person") in names(graph)
    assert ("Duchess of York", "located_in", "United Kingdom") not in {
        (t.subject.name, t.predicate, t.object.name) for t in graph.triples
    }


def test_a_name_ner_missed_is_a_person_by_its_age(component, make_doc):
    doc = make_doc("Winter , 53 , spoke on Monday , 5 , May .", ents=[])
    got = names(extract(component, doc))
    assert ("Winter", "Person") in got
    assert not any(label == "Person" and name == "Monday" for name, label in got)


def test_source_line_is_a_city_and_its_outlet(component, make_doc):
    # NER reads "Lisbon DIARIO" as one place; the line names a city, then an outlet.
    for text, ents in (
        ("Lisbon DIARIO DE NOTICIAS", [(0, 2, "GPE")]),
        ("Harvest Falls AB1234567890 Lisbon RADIO NOVA in Portuguese 1200 GMT 3 Mar 94", []),
        ("Harvest Falls 94AB1234C Lisbon RADIO NOVA in Portuguese 3 Mar 94 p 2", []),
        ("Harvest Falls 944A1234C Lisbon RADIO NOVA in Portuguese 3 Mar 94 p 2", []),
        ("Lisbon Radio Nova", [(0, 3, "PERSON")]),
    ):
        graph = extract(component, make_doc(text, ents=ents))
        outlet = next(e.name for e in graph.entities if e.label == "Organization")
        assert ("Lisbon", "Place") in names(graph)
        assert (outlet, "based_in", "Lisbon") in {
            (t.subject.name, t.predicate, t.object.name) for t in graph.triples
        }
        assert outlet.lower() in ("diario de noticias", "radio nova")


def test_a_city_before_other_words_is_no_source_line(component, make_doc):
    for text in ("Lisbon Mayor Ana Costa", "Lisbon Mayor Ana Costa in Paris on Monday"):
        graph = extract(component, make_doc(text, ents=[(2, 4, "PERSON")]))
        assert not any(e.label == "Organization" for e in graph.entities)


def test_a_building_typed_organization_is_a_place(component, make_doc):
    doc = make_doc(
        "They met at Brushy Mountain Penitentiary in Tennessee .",
        ents=[(3, 6, "ORG"), (7, 8, "GPE")],
    )
    graph = extract(component, doc)
    assert ("Brushy Mountain Penitentiary", "Place") in names(graph)
    assert ("Brushy Mountain Penitentiary", "located_in", "Tennessee") in {
        (t.subject.name, t.predicate, t.object.name) for t in graph.triples
    }


def test_a_rank_glued_to_an_organization_is_dropped(component, make_doc):
    doc = make_doc("said Coast Guard Lt. Ann Ruiz .", ents=[(1, 5, "ORG"), (5, 7, "PERSON")])
    graph = extract(component, doc)
    assert ("Coast Guard", "Organization") in names(graph)
    assert ("Ann Ruiz", "works_for", "Coast Guard") in {
        (t.subject.name, t.predicate, t.object.name) for t in graph.triples
    }


def test_a_hyphenated_agency_ner_missed_is_found_by_name(component, make_doc):
    doc = make_doc("( By ITAR-TASS correspondent Ann Ruiz )", ents=[(6, 8, "PERSON")])
    graph = extract(component, doc)
    assert ("ITAR-TASS", "Organization") in names(graph)
    assert ("Ann Ruiz", "works_for", "ITAR-TASS") in {
        (t.subject.name, t.predicate, t.object.name) for t in graph.triples
    }


def test_the_language_of_a_source_line_is_no_place(component, make_doc):
    doc = make_doc(
        "AB1234567890 Lisbon RADIO NOVA in Portuguese 1200 GMT",
        ents=[(1, 2, "GPE"), (5, 7, "GPE")],
    )
    assert not any(name.startswith("Portuguese") for name, _ in names(extract(component, doc)))


def test_a_name_after_an_honorific_is_a_person_whatever_ner_says(component, make_doc):
    doc = make_doc(
        "Vince Cable spoke . Later Mr Cable left .",
        ents=[(0, 2, "ORG"), (5, 7, "ORG")],
    )
    graph = extract(component, doc)
    assert names(graph) == {("Vince Cable", "Person")}
    cable = graph.entities[0]
    assert {"Cable", "Mr Cable"} <= set(cable.aliases)


def test_an_honorific_with_a_possessive_gives_a_person_and_an_organization(component, make_doc):
    doc = make_doc(
        "Mr Brown 's International Finance Facility is new .",
        ents=[(0, 6, "ORG")],
    )
    assert names(extract(component, doc)) == {
        ("Brown", "Person"),
        ("International Finance Facility", "Organization"),
    }


def test_a_name_after_a_word_for_a_job_is_a_person(component, make_doc):
    doc = make_doc(
        "Treasury spokesman Vince Cable said so , as did striker Arjen Robben .",
        ents=[(0, 1, "ORG"), (2, 4, "ORG"), (10, 12, "GPE")],
    )
    found = names(extract(component, doc))
    assert {("Vince Cable", "Person"), ("Arjen Robben", "Person")} <= found


def test_words_for_jobs_do_not_make_people_of_parties_and_titles(component, make_doc):
    doc = make_doc(
        "Committee chairman Labour MP Jean Corston spoke . Lord Chancellor Falconer agreed .",
        ents=[(2, 4, "ORG"), (4, 6, "PERSON"), (8, 10, "ORG"), (10, 11, "PERSON")],
    )
    found = names(extract(component, doc))
    assert ("Labour MP", "Person") not in found and ("Chancellor", "Person") not in found
    assert ("Jean Corston", "Person") in found


def test_brackets_and_a_trailing_function_word_end_a_name(component, make_doc):
    doc = make_doc(
        "Votes went to the PDR ( Party of Democratic Renewal and Rexon Industries of Toledo .",
        ents=[(4, 10, "ORG"), (11, 14, "ORG"), (14, 15, "GPE")],
    )
    orgs = {e for e in extract(component, doc).entities if e.label == "Organization"}
    assert {(e.name, e.aliases) for e in orgs} == {
        ("Party of Democratic Renewal", ("PDR",)),
        ("Rexon Industries", ()),
    }


def test_a_saint_ner_cut_off_begins_the_name(component, make_doc):
    for ents in ([(3, 4, "ORG"), (4, 6, "PERSON")], [(4, 6, "ORG")]):
        doc = make_doc("He was at St. Agnes Hospital in Leeds .", ents=[*ents, (7, 8, "GPE")])
        assert ("St. Agnes Hospital", "Organization") in names(extract(component, doc))


def test_time_zones_awards_and_events_are_no_entities(component, make_doc):
    doc = make_doc(
        "Kick - off is at 1500 GMT before the Grand Slam decider , said Jo Smith .",
        ents=[(6, 7, "ORG"), (9, 11, "GPE"), (14, 16, "PERSON")],
    )
    assert names(extract(component, doc)) == {("Jo Smith", "Person")}


def test_a_single_name_after_an_article_is_no_person(component, make_doc):
    doc = make_doc(
        "She won an Oscar . A Hogg ( Edinburgh ) played .",
        ents=[(3, 4, "PERSON"), (5, 7, "PERSON"), (8, 9, "GPE")],
    )
    found = names(extract(component, doc))
    assert ("Oscar", "Person") not in found
    assert ("A Hogg", "Person") in found or ("Hogg", "Person") in found


def test_a_demonym_typed_person_is_a_demonym_but_a_party_stays_a_party(component, make_doc):
    doc = make_doc(
        "The Welsh won . Labour lost .",
        ents=[(1, 2, "PERSON"), (4, 5, "PERSON")],
    )
    assert names(extract(component, doc)) == {("Labour", "Organization")}


# --- one organization, several names (issue 11: splits) --------------------------------


def test_organization_key_meets_the_ways_one_name_is_written(component):
    from kg.extract.entities import organization_key

    gaz = component.gazetteer
    assert organization_key("U.S. Department of Justice", gaz) == "justice department"
    assert organization_key("Department of Justice", gaz) == "justice department"
    assert organization_key("Justice Department", gaz) == "justice department"
    assert organization_key("Ministry of Defence", gaz) == organization_key("Defence Ministry", gaz)
    assert organization_key("United States Senate", gaz) == "senate"
    assert organization_key("U.S. Senate", gaz) == "senate"
    # a state in front names another body; "of" after other heads is kept
    assert organization_key("Alabama Senate", gaz) == "alabama senate"
    assert organization_key("Bank of England", gaz) == "bank of england"


def test_short_names_of_an_organization_join_its_full_name(component, make_doc):
    doc = make_doc(
        "The U.S. Senate voted . The Senate left . The U.S. House of Representatives met . "
        "The House agreed . The Department of Justice sued . A Justice Department lawyer spoke .",
        ents=[(1, 3, "ORG"), (6, 7, "ORG"), (10, 14, "ORG"), (17, 18, "ORG"),
              (21, 24, "ORG"), (27, 29, "ORG")],
    )  # fmt: skip
    graph = extract(component, doc)
    assert names(graph) == {
        ("U.S. Senate", "Organization"),
        ("U.S. House of Representatives", "Organization"),
        ("Department of Justice", "Organization"),
    }


def test_a_newspaper_written_by_its_last_word_joins_its_full_name(component, make_doc):
    doc = make_doc(
        "The Washington Post reported it . The Post said more .",
        ents=[(1, 3, "ORG"), (7, 8, "ORG")],
    )
    assert names(extract(component, doc)) == {("Washington Post", "Organization")}
    doc = make_doc(
        "The New York Times and the Los Angeles Times reported it . The Times said more .",
        ents=[(1, 4, "ORG"), (6, 9, "ORG"), (13, 14, "ORG")],
    )  # two papers end in "Times": which one is meant is unknown
    assert ("Times", "Organization") in names(extract(component, doc))


def test_short_names_stay_apart_from_other_bodies(component, make_doc):
    doc = make_doc(
        "The Alabama Senate voted . The Senate left . The White House and the House of "
        "Representatives met . The House agreed .",
        ents=[(1, 3, "ORG"), (6, 7, "ORG"), (10, 12, "ORG"), (14, 17, "ORG"), (20, 21, "ORG")],
    )
    assert names(extract(component, doc)) == {
        ("Alabama Senate", "Organization"),
        ("Senate", "Organization"),
        ("White House", "Organization"),
        ("House of Representatives", "Organization"),
    }


def test_an_implied_organization_is_the_one_the_article_names(blank, make_doc):
    from kg.extract.pipeline import ExtractComponent

    component = ExtractComponent(blank, [], country="United States")

    def triples(doc):
        graph = extract(component, doc)
        return names(graph), {(t.subject.name, t.predicate, t.object.name) for t in graph.triples}

    doc = make_doc(
        "Senator Ann Ruiz spoke . The U.S. Senate voted .",
        ents=[(1, 3, "PERSON"), (6, 8, "ORG")],
    )
    found, facts = triples(doc)
    assert ("Ann Ruiz", "member_of", "U.S. Senate") in facts
    assert ("Senate", "Organization") not in found
    doc = make_doc(
        "Attorney General Ann Ruiz spoke . The Justice Department sued .",
        ents=[(2, 4, "PERSON"), (7, 9, "ORG")],
    )
    found, facts = triples(doc)
    assert ("Ann Ruiz", "secretary_of", "Justice Department") in facts
    assert ("Department of Justice", "Organization") not in found
    doc = make_doc(  # a state's senate is another body
        "Senator Ann Ruiz spoke . The Alabama Senate voted .",
        ents=[(1, 3, "PERSON"), (6, 8, "ORG")],
    )
    found, facts = triples(doc)
    assert ("Ann Ruiz", "member_of", "Senate") in facts
    assert ("Alabama Senate", "Organization") in found


# --- one node of the right class (issue 11: wrong-class and junk nodes) -----------------


def test_programs_events_and_awards_make_no_node(component, make_doc):
    doc = make_doc(
        "She won the Grammy Award . The Davis Cup final was near the Adam Smith Lecture .",
        ents=[(3, 5, "PERSON"), (7, 9, "PERSON"), (13, 16, "PERSON")],
    )
    assert names(extract(component, doc)) == set()
    doc = make_doc(
        "The Children 's Health Insurance Program ran out . Congress met .",
        ents=[(1, 6, "ORG"), (9, 10, "ORG")],
    )
    assert names(extract(component, doc)) == {("Congress", "Organization")}
    doc = make_doc(  # a UN agency and a foundation end in such words too: kept
        "The World Food Programme and the World Economic Forum met .",
        ents=[(1, 4, "ORG"), (6, 9, "ORG")],
    )
    assert names(extract(component, doc)) == {
        ("World Food Programme", "Organization"),
        ("World Economic Forum", "Organization"),
    }


def test_a_company_noun_before_a_full_personal_name_keeps_the_person(component, make_doc):
    doc = make_doc(
        "Documentary maker Michael Cockerell filmed it . Cockerell said so .",
        ents=[(2, 4, "PERSON"), (7, 8, "PERSON")],
    )
    assert names(extract(component, doc)) == {("Michael Cockerell", "Person")}
    doc = make_doc("Film director Chris Smith spoke .", ents=[(2, 4, "ORG")])
    assert names(extract(component, doc)) == {("Chris Smith", "Person")}
    doc = make_doc(  # the whole entity: NER's other PERSONs too
        "Russian oil refiner Yukos fell . Yukos said so . Yukos left .",
        ents=[(3, 4, "PERSON"), (6, 7, "PERSON"), (10, 11, "PERSON")],
    )
    assert ("Yukos", "Organization") in names(extract(component, doc))
    assert ("Yukos", "Person") not in names(extract(component, doc))


def test_an_apposition_headed_by_a_word_for_a_person_makes_a_person(component, make_doc):
    doc = make_doc(
        "It was opened by Kruhlow , a 72-year-old deputy for Sevastopol .",
        ents=[(4, 5, "ORG")],
    )
    assert names(extract(component, doc)) == {("Kruhlow", "Person")}
    doc = make_doc("Tidwell , a retired CIA officer , said so .", ents=[(0, 1, "ORG")])
    assert ("Tidwell", "Person") in names(extract(component, doc))
    doc = make_doc(  # the apposition is about the person whose title names the place
        "Baroness Royall of Blaisdon , a former aide , spoke .", ents=[(3, 4, "GPE")]
    )
    assert ("Blaisdon", "Place") in names(extract(component, doc))
    doc = make_doc(  # nor about a place after "Place,"
        "Ann Ruiz of Springfield , Ohio , a lawyer , spoke .",
        ents=[(0, 2, "PERSON"), (3, 4, "GPE"), (5, 6, "GPE")],
    )
    assert ("Ohio", "Place") in names(extract(component, doc))
    for text in (
        "Acme , a maker of cars , said so .",  # no word for a person
        "Nokia , the market leader , said so .",  # "leader" heads companies too
        "Acme , the president 's company , said so .",  # "president" is no head here
    ):
        doc = make_doc(text, ents=[(0, 1, "ORG")])
        assert names(extract(component, doc)) == {(text.split()[0], "Organization")}, text


def test_a_person_named_after_an_organization_is_its_product(component, make_doc):
    doc = make_doc(
        "Yahoo said so . Yahoo Messenger is free .", ents=[(0, 1, "ORG"), (4, 6, "PERSON")]
    )
    assert names(extract(component, doc)) == {
        ("Yahoo", "Organization"),
        ("Yahoo Messenger", "Organization"),
    }
    doc = make_doc(  # the gazetteer knows the organization
        "The Fed Beige Book came out .", ents=[(1, 4, "PERSON")]
    )
    assert names(extract(component, doc)) == {("Fed Beige Book", "Organization")}
    for text, ents, person in (
        ("Ford said so . Henry Ford spoke .", [(0, 1, "ORG"), (4, 6, "PERSON")], "Henry Ford"),
        (
            "Acme said so . Acme Ann Ruiz spoke .",
            [(0, 1, "ORG"), (4, 7, "PERSON")],
            "Acme Ann Ruiz",
        ),
    ):
        assert (person, "Person") in names(extract(component, make_doc(text, ents=ents))), text


def test_an_unknown_capitalised_abbreviation_typed_place_is_an_organization(component, make_doc):
    doc = make_doc("A deal with BT in the UK .", ents=[(3, 4, "GPE"), (6, 7, "GPE")])
    assert names(extract(component, doc)) == {
        ("BT", "Organization"),
        ("United Kingdom", "Place"),
    }
    doc = make_doc("A deal with ITV in the US .", ents=[(3, 4, "GPE"), (6, 7, "GPE")])
    assert names(extract(component, doc)) == {
        ("ITV", "Organization"),
        ("United States", "Place"),
    }


def test_one_name_typed_two_ways_is_one_node(component, make_doc):
    doc = make_doc(
        "Rodrigo Duterte spoke . Rodrigo Duterte left .",
        ents=[(0, 2, "PERSON"), (4, 6, "ORG")],
    )
    assert names(extract(component, doc)) == {("Rodrigo Duterte", "Person")}
    doc = make_doc("Sri Lanka voted . Sri Lanka won .", ents=[(0, 2, "PERSON"), (4, 6, "GPE")])
    assert names(extract(component, doc)) == {("Sri Lanka", "Place")}


def test_the_end_of_a_full_name_joins_it(component, make_doc):
    doc = make_doc(
        "Chris Van Hollen spoke . Van Hollen left .", ents=[(0, 3, "PERSON"), (5, 7, "PERSON")]
    )
    assert names(extract(component, doc)) == {("Chris Van Hollen", "Person")}
    doc = make_doc(
        "Mohammed al-Sabban spoke . Sabban left .", ents=[(0, 4, "PERSON"), (6, 7, "PERSON")]
    )
    assert names(extract(component, doc)) == {("Mohammed al-Sabban", "Person")}
    doc = make_doc(  # two people end so: which one is meant is unknown
        "Chris Van Hollen and Mary Van Hollen spoke . Van Hollen left .",
        ents=[(0, 3, "PERSON"), (4, 7, "PERSON"), (9, 11, "PERSON")],
    )
    assert ("Van Hollen", "Person") in names(extract(component, doc))


def test_a_nationality_in_front_of_an_organization_is_the_same_organization(component, make_doc):
    doc = make_doc(
        "The Afghan Taliban attacked . The Taliban said so .",
        ents=[(1, 3, "ORG"), (6, 7, "ORG")],
    )
    assert names(extract(component, doc)) == {("Afghan Taliban", "Organization")}
    doc = make_doc(
        "The Afghan Taliban and the Pakistani Taliban met . The Taliban said so .",
        ents=[(1, 3, "ORG"), (5, 7, "ORG"), (10, 11, "ORG")],
    )
    assert ("Taliban", "Organization") in names(extract(component, doc))


def _posed(
    make_doc,
    text,
    ents,
    verbs=("said", "wanted", "told", "sued", "believed"),
    sconj=("that", "because"),
):
    words = text.split()
    pos = [
        "PART" if w == "not" else "ADP" if w in ("in", "of") else "VERB" if w in verbs else "SCONJ" if w in sconj else "PRON" if w.islower() and w in
        ("he", "she", "his", "her", "its", "it", "him") else "PROPN" if w[:1].isupper() else
        "PUNCT" if w in (".", ",") else "NOUN"
        for w in words
    ]  # fmt: skip
    return make_doc(text, ents=ents, pos=pos)


def test_he_or_she_after_what_a_name_said_makes_the_whole_entity_a_person(component, make_doc):
    doc = _posed(
        make_doc, "Trump wanted it . Trump said he would sign .", [(0, 1, "ORG"), (4, 5, "ORG")]
    )
    assert names(extract(component, doc)) == {("Trump", "Person")}
    doc = _posed(make_doc, "Ruiz said that her plan worked .", [(0, 1, "ORG")])
    assert names(extract(component, doc)) == {("Ruiz", "Person")}
    for text, ents in (
        ("Acme said that its plan worked .", [(0, 1, "ORG")]),  # "its": a company
        ("Acme told Ann Ruiz that he left .", [(0, 1, "ORG"), (2, 4, "PERSON")]),  # his own "he"
        ("Bossi set up the Acme not because he believed .", [(4, 5, "ORG")]),  # Bossi's "he"
        ("Ann Ruiz of Acme said he left .", [(0, 2, "PERSON"), (3, 4, "ORG")]),  # Ruiz's "he"
    ):
        assert ("Acme", "Organization") in names(extract(component, _posed(make_doc, text, ents)))


def test_names_of_places_by_their_first_or_last_word(component, make_doc):
    for text, ents, place in (
        ("Troops left Fort Hamilton .", [(2, 4, "PERSON")], "Fort Hamilton"),
        ("He was held at Camp Butner .", [(4, 6, "ORG")], "Camp Butner"),
        ("They live in Niagara Falls .", [(3, 5, "PERSON")], "Niagara Falls"),
        ("A fire hit Pasayten Wilderness .", [(3, 5, "ORG")], "Pasayten Wilderness"),
    ):
        assert names(extract(component, make_doc(text, ents=ents))) == {(place, "Place")}, text
    for text, ents, name, cls in (
        ("The Port Authority said so .", [(1, 3, "ORG")], "Port Authority", "Organization"),
        ("Chris Falls said so .", [(0, 2, "PERSON")], "Chris Falls", "Person"),
        (
            "The Mount Sinai School of Medicine said so .",
            [(1, 6, "ORG")],
            "Mount Sinai School of Medicine",
            "Organization",
        ),
    ):
        assert (name, cls) in names(extract(component, make_doc(text, ents=ents))), text


def test_a_word_only_a_person_has_after_a_name_makes_the_whole_entity_a_person(component, make_doc):
    doc = make_doc(
        "The Trump administration said so . Trump left .", ents=[(1, 2, "ORG"), (6, 7, "ORG")]
    )
    assert names(extract(component, doc)) == {("Trump", "Person")}
    doc = make_doc("Even Obama himself said so .", ents=[(1, 2, "GPE")])
    assert names(extract(component, doc)) == {("Obama", "Person")}
    for text, ents, name, cls in (
        ("The Moscow administration said so .", [(1, 2, "GPE")], "Moscow", "Place"),
        ("The Acme campaign said so .", [(1, 2, "ORG")], "Acme", "Organization"),
        ("The Fed administration said so .", [(1, 2, "ORG")], "Federal Reserve", "Organization"),
    ):
        assert names(extract(component, make_doc(text, ents=ents))) == {(name, cls)}, text

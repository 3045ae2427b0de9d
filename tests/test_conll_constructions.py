"""Constructions found missing on CoNLL04 train that news writes too (bench/results/
conll04-audit-2026-12-03.md), each in two wordings with negative cases, on hand-built Docs
(no statistical model)."""

from __future__ import annotations

import pytest

from tests.conftest import _pos, _tag
from tests.test_origins_places import doc_of
from tests.test_residence import locate, triples

# What the model tags the words of a hyphenated modifier as ("reform-minded", "long-serving").
_MODEL_POS = {"-": "PUNCT", "minded": "ADJ", "long": "ADV", "serving": "VERB", "newly": "ADV",
              "appointed": "VERB", "chief": "ADJ", "hired": "VERB"}  # fmt: skip


def hyphen_doc(make_doc, text, ents):
    """A Doc tagged as the model tags a possessive, a hyphenated modifier, a verb and a title."""
    pos = [_MODEL_POS.get(w, _pos(_tag(w))) for w in text.split()]
    return make_doc(text, ents=locate(text, ents), pos=pos)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # located.place_in_place: two words of where, and the kind of place after the name
        ("The precinct lies near Lemmon in extreme northwestern Iowa .",
         [("Lemmon", "GPE"), ("Iowa", "GPE")], ("Lemmon", "located_in", "Iowa")),
        ("Troops entered Tal Afar in far northern Syria .",
         [("Tal Afar", "GPE"), ("Syria", "GPE")], ("Tal Afar", "located_in", "Syria")),
        ("Arrests were made in Perugia province in central Italy .",
         [("Perugia", "GPE"), ("Italy", "GPE")], ("Perugia", "located_in", "Italy")),
        # located.places_and_place_in_region
        ("Fighting spread to Homs and Hama provinces in western Syria .",
         [("Homs", "GPE"), ("Hama", "GPE"), ("Syria", "GPE")], ("Homs", "located_in", "Syria")),
        ("Arrests were made in Perugia and Terni provinces in central Italy .",
         [("Perugia", "GPE"), ("Terni", "GPE"), ("Italy", "GPE")],
         ("Perugia", "located_in", "Italy")),
        # an organization before a compound whose last noun is a kind of organization
        ("Tom Hale , an economist with the Acme Foundation research group , said so .",
         [("Tom Hale", "PERSON"), ("Acme Foundation", "ORG")],
         ("Tom Hale", "works_for", "Acme Foundation")),
        ("Ann Ruiz , an analyst at the Rexon Capital investment firm , said so .",
         [("Ann Ruiz", "PERSON"), ("Rexon Capital", "ORG")], ("Ann Ruiz", "works_for", "Rexon Capital")),
        # resident.person_from_his_place_home
        ("Ann Ruiz , 81 , died on Monday at her Toledo home .",
         [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")], ("Ann Ruiz", "resident_of", "Toledo")),
        ("Tom Hale spoke by phone from his Leeds apartment .",
         [("Tom Hale", "PERSON"), ("Leeds", "GPE")], ("Tom Hale", "resident_of", "Leeds")),
    ],
)  # fmt: skip
def test_conll_construction_gives_the_fact(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "unwanted"),
    [
        # a gapped clause: Lazio is not in Campania
        ("Rome is in Lazio province and Naples in Campania .",
         [("Rome", "GPE"), ("Lazio", "GPE"), ("Naples", "GPE"), ("Campania", "GPE")],
         ("Lazio", "located_in", "Campania")),
        # two places without a plural noun of their kind are no pair in one region
        ("It has contracts in Ohio and Dade County in Iowa .",
         [("Ohio", "GPE"), ("Dade County", "GPE"), ("Iowa", "GPE")], ("Ohio", "located_in", "Iowa")),
        # the compound introduces another organization's name
        ("Tom Hale , head of music at Virgin rock radio station Xfm , quit .",
         [("Tom Hale", "PERSON"), ("Virgin", "ORG"), ("Xfm", "ORG")], ("Tom Hale", "works_for", "Virgin")),
        ("Tom Hale , head of music at Virgin rock radio station Xfm , quit .",
         [("Tom Hale", "PERSON"), ("Virgin", "ORG"), ("Xfm", "ORG")], ("Tom Hale", "leader_of", "Virgin")),
        # someone else's home
        ("Ann Ruiz visited his Toledo home .", [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
         ("Ann Ruiz", "resident_of", "Toledo")),
        ("Ann Ruiz said Tom Hale spoke from his Leeds home .",
         [("Ann Ruiz", "PERSON"), ("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Ann Ruiz", "resident_of", "Leeds")),
    ],
)  # fmt: skip
def test_conll_construction_negatives(component, make_doc, text, ents, unwanted):
    assert unwanted not in triples(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        ("They elected Louisiana 's reform - minded governor , Buddy Roemer , last year .",
         [("Louisiana", "GPE"), ("Buddy Roemer", "PERSON")], ("Buddy Roemer", "leader_of", "Louisiana"),
         True),
        ("Fiat 's long - serving chief executive , Sergio Marchionne , spoke .",
         [("Fiat", "ORG"), ("Sergio Marchionne", "PERSON")], ("Sergio Marchionne", "leader_of", "Fiat"),
         True),
        ("Britain 's newly appointed foreign secretary , Boris Johnson , spoke .",
         [("Britain", "GPE"), ("Boris Johnson", "PERSON")],
         ("Boris Johnson", "secretary_of", "United Kingdom"), True),
        # no comma before the name: the title is not in apposition to it
        ("Louisiana 's reform - minded governor said Buddy Roemer , the senator , won .",
         [("Louisiana", "GPE"), ("Buddy Roemer", "PERSON")], ("Buddy Roemer", "leader_of", "Louisiana"),
         False),
    ],
)  # fmt: skip
def test_a_hyphenated_word_may_describe_a_title_in_apposition(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, hyphen_doc(make_doc, text, ents))) is wanted


_BORN_POS = {"was": "AUX", "born": "VERB", "as": "ADP", "his": "PRON", "small": "ADJ",
             "same": "ADJ", "log": "NOUN", ",": "PUNCT", "1950": "NUM", "2": "NUM"}  # fmt: skip


def born_doc(make_doc, text, ents):
    """A Doc tagged as the model tags a birth sentence."""
    pos = [_BORN_POS.get(w, _pos(_tag(w))) for w in text.split()]
    return make_doc(text, ents=locate(text, ents), pos=pos)


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        # born.person_born_in_a_building_in_place
        ("Tom Hale was born in a log cabin in what is now Larue County .",
         [("Tom Hale", "PERSON"), ("Larue County", "GPE")], ("Tom Hale", "born_in", "Larue County"), True),
        ("Ann Ruiz , born May 2 , 1950 , in a small village in Kent , died .",
         [("Ann Ruiz", "PERSON"), ("Kent", "GPE")], ("Ann Ruiz", "born_in", "Kent"), True),
        ("Tom Hale was born in the same week as his rival in London .",
         [("Tom Hale", "PERSON"), ("London", "GPE")], ("Tom Hale", "born_in", "London"), False),
        # born.person_born_name_in_place
        ("The singer Tom Hale was born Thomas Edward Hale in Toledo .",
         [("Tom Hale", "PERSON"), ("Thomas Edward Hale", "PERSON"), ("Toledo", "GPE")],
         ("Tom Hale", "born_in", "Toledo"), True),
        ("Ann Ruiz , who was born Ana Maria Lopez in Leeds , sang .",
         [("Ann Ruiz", "PERSON"), ("Ana Maria Lopez", "PERSON"), ("Leeds", "GPE")],
         ("Ann Ruiz", "born_in", "Leeds"), True),
        # born.birth_name_in_place
        ("The singer Tom Hale was born Thomas Edward Hale in Toledo .",
         [("Tom Hale", "PERSON"), ("Thomas Edward Hale", "PERSON"), ("Toledo", "GPE")],
         ("Thomas Edward Hale", "born_in", "Toledo"), True),
        ("Born Ana Maria Lopez in Leeds , Ann Ruiz sang .",
         [("Ana Maria Lopez", "PERSON"), ("Leeds", "GPE"), ("Ann Ruiz", "PERSON")],
         ("Ana Maria Lopez", "born_in", "Leeds"), True),
        # a birth date, not a name, after "born": no second person
        ("Ann Ruiz said Tom Hale was born in Leeds .",
         [("Ann Ruiz", "PERSON"), ("Tom Hale", "PERSON"), ("Leeds", "GPE")],
         ("Ann Ruiz", "born_in", "Leeds"), False),
    ],
)  # fmt: skip
def test_born_in_a_building_or_under_another_name(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, born_doc(make_doc, text, ents))) is wanted


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        ("A fire burned , said county Fire Department Capt . Hugh Madlock .",
         [("Fire Department", "ORG"), ("Hugh Madlock", "PERSON")],
         ("Hugh Madlock", "works_for", "Fire Department"), True),
        ("The Coast Guard Cmdr . Ann Ruiz led the search .",
         [("Coast Guard", "ORG"), ("Ann Ruiz", "PERSON")], ("Ann Ruiz", "works_for", "Coast Guard"), True),
        ("Army Maj . Tom Hale spoke .", [("Army", "ORG"), ("Tom Hale", "PERSON")],
         ("Tom Hale", "works_for", "Army"), True),
        # a rank before another organization's name is not in the one before
        ("Acme hired Capt . Tom Hale of the Navy .",
         [("Acme", "ORG"), ("Tom Hale", "PERSON"), ("Navy", "ORG")], ("Tom Hale", "works_for", "Acme"), False),
    ],
)  # fmt: skip
def test_an_abbreviated_rank_after_an_organization(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, hyphen_doc(make_doc, text, ents))) is wanted


def parsed_doc(make_doc, text, ents, heads, lemmas=None):
    """A Doc with a hand-made parse, tagged as the model tags it."""
    words = text.split()
    pos = [_MODEL_POS.get(w, "AUX" if w in ("is", "remains") else _pos(_tag(w))) for w in words]
    return make_doc(
        text, ents=locate(text, ents), parse=heads, pos=pos,
        lemmas=lemmas or [{"is": "be", "remains": "remain"}.get(w, w.lower()) for w in words],
    )  # fmt: skip


# Ann(0) Ruiz(1) ,(2) the(3) longest(4) member(5) ,(6) is(7) chief(8) executive(9) of(10)
# Rexon(11) Corp(12) .(13)
_APPOSITION_IS_TITLE_OF = [(1, "compound"), (7, "nsubj"), (1, "punct"), (5, "det"), (5, "amod"),
                           (1, "appos"), (1, "punct"), (7, "ROOT"), (9, "amod"), (7, "attr"),
                           (9, "prep"), (12, "compound"), (10, "pobj"), (7, "punct")]  # fmt: skip
# Tom(0) Hale(1) ,(2) a(3) lawyer(4) ,(5) remains(6) spokesman(7) for(8) Acme(9) Bank(10) .(11)
_APPOSITION_REMAINS_TITLE_FOR = [(1, "compound"), (6, "nsubj"), (1, "punct"), (4, "det"),
                                 (1, "appos"), (1, "punct"), (6, "ROOT"), (6, "attr"), (7, "prep"),
                                 (10, "compound"), (8, "pobj"), (6, "punct")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "ents", "heads", "expected", "wanted"),
    [
        ("Ann Ruiz , the longest member , is chief executive of Rexon Corp .",
         [("Ann Ruiz", "PERSON"), ("Rexon Corp", "ORG")], _APPOSITION_IS_TITLE_OF,
         ("Ann Ruiz", "leader_of", "Rexon Corp"), True),
        ("Tom Hale , a lawyer , remains spokesman for Acme Bank .",
         [("Tom Hale", "PERSON"), ("Acme Bank", "ORG")], _APPOSITION_REMAINS_TITLE_FOR,
         ("Tom Hale", "spokesperson_of", "Acme Bank"), True),
        # a noun that is no title: a fan of a club works for nobody
        ("Tom Hale , a lawyer , remains fan for Acme Bank .",
         [("Tom Hale", "PERSON"), ("Acme Bank", "ORG")], _APPOSITION_REMAINS_TITLE_FOR,
         ("Tom Hale", "works_for", "Acme Bank"), False),
    ],
)  # fmt: skip
def test_a_copula_after_an_apposition_reads_the_parse(
    component, make_doc, text, ents, heads, expected, wanted
):
    graph = triples(component, parsed_doc(make_doc, text, ents, heads))
    assert (expected in graph) is wanted
    if not wanted:
        assert not any(s == "Tom Hale" and o == "Acme Bank" for s, _, o in graph)


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        ("Tom Hale , leader of the main opposition party , the Social Democratic Party , spoke .",
         [("Tom Hale", "PERSON"), ("Social Democratic Party", "ORG")],
         ("Tom Hale", "leader_of", "Social Democratic Party"), True),
        ("Ann Ruiz , head of the country 's largest union , the CGT , said so .",
         [("Ann Ruiz", "PERSON"), ("CGT", "ORG")], ("Ann Ruiz", "leader_of", "CGT"), True),
        # a noun that is no title before the organization
        ("Tom Hale , a friend of the ruling party , the Acme Party , spoke .",
         [("Tom Hale", "PERSON"), ("Acme Party", "ORG")], ("Tom Hale", "member_of", "Acme Party"), False),
        # a field, not a kind of organization, before the name: no head of the whole
        ("Ann Ruiz , director of research , the Acme Institute , said so .",
         [("Ann Ruiz", "PERSON"), ("Acme Institute", "ORG")], ("Ann Ruiz", "leader_of", "Acme Institute"),
         False),
    ],
)  # fmt: skip
def test_a_title_of_a_described_organization_named_in_apposition(
    component, make_doc, text, ents, expected, wanted
):
    assert (expected in triples(component, hyphen_doc(make_doc, text, ents))) is wanted


@pytest.mark.parametrize(
    ("text", "ents", "expected", "wanted"),
    [
        # the kind of place after its name is part of it, no noun the place modifies
        ("Officials in Perugia in Umbria province said so .",
         [("Perugia", "GPE"), ("Umbria", "GPE")], ("Perugia", "located_in", "Umbria"), True),
        ("Fighting raged in Sangin in Helmand province on Monday .",
         [("Sangin", "GPE"), ("Helmand", "GPE")], ("Sangin", "located_in", "Helmand"), True),
        # a common noun of another kind after the place: it modifies that noun
        ("It rained on Perugia in Umbria vineyards .",
         [("Perugia", "GPE"), ("Umbria", "GPE")], ("Perugia", "located_in", "Umbria"), False),
    ],
)  # fmt: skip
def test_a_place_before_the_noun_of_its_kind(component, make_doc, text, ents, expected, wanted):
    assert (expected in triples(component, hyphen_doc(make_doc, text, ents))) is wanted

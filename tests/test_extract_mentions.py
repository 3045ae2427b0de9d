"""The mention passes (kg/extract/mentions): their order, their data, one pass at a time."""

from __future__ import annotations

import re
import shutil

import pytest
import spacy
from spacy.tokens import Span

from kg.errors import RuleError
from kg.extract.gazetteer import load_gazetteer
from kg.extract.mentions import CLEAN, PASSES, RECALL, RETYPE, find_mentions
from kg.extract.pipeline import graph_from_doc
from kg.records import Article
from kg.resources import schemas_dir


def spans(mentions):
    return [(m.text, m.label) for m in mentions]


def test_passes_are_clean_then_recall_then_retype():
    assert (*CLEAN, *RECALL, *RETYPE) == PASSES
    assert len(set(PASSES)) == len(PASSES)


def test_each_pass_returns_new_mentions_and_leaves_its_input_alone(component, make_doc):
    doc = make_doc("Mr Livingstone met the US firm Vonage .", ents=[])
    mentions: list = []
    for step in PASSES:
        before = list(mentions)
        out = step(doc, mentions, _context(component))
        assert mentions == before and out is not mentions
        mentions = out
    assert spans(mentions) == [
        ("Livingstone", "Person"),
        ("US", "Place"),
        ("Vonage", "Organization"),
    ]


def _context(component):
    from kg.extract.mentions import Context

    return Context(component.gazetteer)


def test_recall_passes_find_what_ner_missed_and_can_be_left_out(component, make_doc):
    doc = make_doc("Analysts at US firm Vonage spoke to Mr Livingstone .", ents=[])
    gaz = component.gazetteer
    assert ("Vonage", "Organization") in spans(find_mentions(doc, gaz))
    assert ("Livingstone", "Person") in spans(find_mentions(doc, gaz))
    assert find_mentions(doc, gaz, (*CLEAN, *RETYPE)) == []


def test_retype_passes_fix_classes_from_the_text(component, make_doc):
    # A name ending in an organization word; a name after a word for a person's job.
    doc = make_doc(
        "Leeds United signed striker Arjen Robben .",
        ents=[(0, 2, "PERSON"), (4, 6, "ORG")],
    )
    gaz = component.gazetteer
    assert spans(find_mentions(doc, gaz, CLEAN)) == [
        ("Leeds United", "Person"),
        ("Arjen Robben", "Organization"),
    ]
    assert spans(find_mentions(doc, gaz)) == [
        ("Leeds United", "Organization"),
        ("Arjen Robben", "Person"),
    ]


def test_word_lists_are_data_and_a_missing_list_is_named(tmp_path):
    folder = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), folder)
    words = folder / "mention_words.toml"
    text = words.read_text(encoding="utf-8")
    words.write_text(re.sub(r'"striker",\s*', "", text), encoding="utf-8")
    assert "striker" not in load_gazetteer(folder).words["person_nouns"]
    assert "striker" in load_gazetteer().words["person_nouns"]
    words.write_text(text.replace("peerages =", "peerage ="), encoding="utf-8")
    with pytest.raises(RuleError, match=r"mention_words.toml: missing list 'peerages'") as err:
        load_gazetteer(folder)
    assert "unknown list 'peerage'" in str(err.value)


_POS = {
    ",": "PUNCT",
    ".": "PUNCT",
    "-": "PUNCT",
    "(": "PUNCT",
    ")": "PUNCT",
    "'s": "PART",
    "the": "DET",
    "The": "DET",
    "a": "DET",
    "its": "PRON",
    "his": "PRON",
    "that": "SCONJ",
    "on": "ADP",
    "in": "ADP",
    "of": "ADP",
    "from": "ADP",
    "were": "AUX",
    "was": "AUX",
    "firmly": "ADV",
    "new": "ADJ",
    "latest": "ADJ",
    "annual": "ADJ",
    "small": "ADJ",
    "former": "ADJ",
    "'": "PART",
    "owned": "VERB",
    "Rock": "NOUN",
}
_VERBS = {
    "said": "say",
    "wrote": "write",
    "posted": "post",
    "launched": "launch",
    "unveiled": "unveil",
    "fell": "fall",
    "rose": "rise",
    "spoke": "speak",
    "met": "meet",
    "sold": "sell",
    "commenting": "comment",
    "praised": "praise",
    "passed": "pass",
}


_TOKENIZER = spacy.blank("en").tokenizer


def tokens(text):
    return [t.text for t in _TOKENIZER(text)]


def doc_of(make_doc, text, ents):
    """A Doc of ``text`` with part-of-speech tags and lemmas, ``ents`` as (phrase, label)."""
    words = tokens(text)
    spans = []
    for phrase, label in ents:
        parts = tokens(phrase)
        start = next(i for i in range(len(words)) if words[i : i + len(parts)] == parts)
        spans.append((start, start + len(parts), label))
    pos = [
        "VERB" if w in _VERBS else _POS.get(w, "PROPN" if w[:1].isupper() else "NOUN")
        for w in words
    ]
    tags = [
        "POS" if w == "'s" else "NNP" if p == "PROPN" else "XX"
        for w, p in zip(words, pos, strict=True)
    ]
    lemmas = [_VERBS.get(w, w.lower()) for w in words]
    return make_doc(text, ents=spans, pos=pos, tags=tags, lemmas=lemmas)


def entities(component, doc):
    graph = graph_from_doc(Article("t", doc.text), component(doc))
    return {(e.name, e.label) for e in graph.entities}


def graph_of(component, doc):
    return graph_from_doc(Article("t", doc.text), component(doc))


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # organizations_by_context: "its" after a verb of saying, what only a company owns
        ("Ralph Lauren said its sales fell .", [("Ralph Lauren", "PERSON")], "Ralph Lauren"),
        (
            "Ann Ruiz said on Monday that its stores were sold .",
            [("Ann Ruiz", "PERSON"), ("Monday", "DATE")],
            "Ann Ruiz",
        ),
        (
            "Shares fell after Ann Ruiz 's annual profits fell .",
            [("Ann Ruiz", "PERSON")],
            "Ann Ruiz",
        ),
        # a platform: a posting verb and "on", or a platform noun after the name
        ("He wrote on Gab that he won .", [("Gab", "PERSON")], "Gab"),
        ("A Gab post praised him .", [("Gab", "PERSON")], "Gab"),
        # the data table: well-known platforms
        ("Twitter said he lost .", [("Twitter", "PERSON")], "Twitter"),
        # a company's noun as the head of a compound; a bare possessive apostrophe
        ("He met Yukos boss Ann Ruiz .", [("Yukos", "PERSON"), ("Ann Ruiz", "PERSON")], "Yukos"),
        ("Acme bought Yukos ' former unit .", [("Acme", "ORG"), ("Yukos", "PERSON")], "Yukos"),
        # an apposition headed by a word for an organization
        (
            "He paid Air Shamrock , an airline owned by Ruiz .",
            [("Air Shamrock", "PERSON"), ("Ruiz", "PERSON")],
            "Air Shamrock",
        ),
        (
            "It cited Hale Westwood , a small consultancy , on Friday .",
            [("Hale Westwood", "PERSON")],
            "Hale Westwood",
        ),
        # a plural word for organizations before the name, and a band
        ("It cited analysts Hale Westwood .", [("Hale Westwood", "PERSON")], "Hale Westwood"),
        ("Rock band Keane won .", [("Keane", "PERSON")], "Keane"),
    ],
)
def test_a_person_the_text_shows_to_be_an_organization(component, make_doc, text, ents, name):
    assert (name, "Organization") in entities(component, doc_of(make_doc, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("Ann Ruiz said his sales fell .", [("Ann Ruiz", "PERSON")], "Ann Ruiz"),
        ("Ann Ruiz were firmly in its corner .", [("Ann Ruiz", "PERSON")], "Ann Ruiz"),
        ("He was commenting on Ruiz 's case .", [("Ruiz", "PERSON")], "Ruiz"),
        ("It cited Ann Ruiz , a company director .", [("Ann Ruiz", "PERSON")], "Ann Ruiz"),
        ("It cited Ann Ruiz , a radio broadcaster .", [("Ann Ruiz", "PERSON")], "Ann Ruiz"),
        ("A Ruiz spokesman said so .", [("Ruiz", "PERSON")], "Ruiz"),
        ("It cited analyst Ann Ruiz .", [("Ann Ruiz", "PERSON")], "Ann Ruiz"),
    ],
)
def test_a_person_stays_a_person_without_such_evidence(component, make_doc, text, ents, name):
    assert (name, "Person") in entities(component, doc_of(make_doc, text, ents))


def test_the_whole_entity_becomes_the_company(component, make_doc):
    text = "Ralph Lauren spoke . Ralph Lauren said its sales fell ."
    ents = [("Ralph Lauren", "PERSON")]
    doc = doc_of(make_doc, text, ents)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 6, label="PERSON")]
    assert entities(component, doc) == {("Ralph Lauren", "Organization")}


@pytest.mark.parametrize(
    ("text", "ents", "gone"),
    [
        # laws: a name ending in "Act", "Agreement", …
        (
            "Congress passed the Clean Air Act .",
            [("Congress", "ORG"), ("Clean Air Act", "ORG")],
            "Clean Air Act",
        ),
        (
            "He praised the Good Friday Agreement .",
            [("Good Friday Agreement", "ORG")],
            "Good Friday Agreement",
        ),
        # products: "the new X", "launched the X"
        ("Acme launched the Zune in May .", [("Acme", "ORG"), ("Zune", "ORG")], "Zune"),
        ("He sold the new Zune .", [("Zune", "PERSON")], "Zune"),
        # the curated list: programmes and television shows
        ("Medicare costs rose .", [("Medicare", "ORG")], "Medicare"),
        (
            "He met the Strictly Come Dancing judges .",
            [("Strictly Come Dancing", "ORG")],
            "Strictly Come Dancing",
        ),
    ],
)
def test_products_laws_and_shows_are_no_entities(component, make_doc, text, ents, gone):
    found = {name for name, _ in entities(component, doc_of(make_doc, text, ents))}
    assert gone not in found


def test_a_name_before_a_noun_is_no_product(component, make_doc):
    doc = doc_of(make_doc, "He met the new Trump administration .", [("Trump", "PERSON")])
    assert ("Trump", "Person") in entities(component, doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a country in front
        (
            "The U.S. Senate met . The Senate voted .",
            [("U.S. Senate", "ORG"), ("Senate voted", "ORG")],
            {("U.S. Senate", "Organization")},
        ),
        # cut before "of", and a country in front of the short name
        (
            "The House of Representatives met . The House voted . The U.S. House left .",
            [("House of Representatives", "ORG"), ("House voted", "ORG"), ("U.S. House", "ORG")],
            {("House of Representatives", "Organization")},
        ),
        # a leading "The"
        (
            "The New York Times said so . New York Times editors left .",
            [("The New York Times", "ORG"), ("New York Times editors", "ORG")],
            {("New York Times", "Organization")},
        ),
        # a first name alone after the full name
        (
            "Nancy Pelosi spoke . Nancy left .",
            [("Nancy Pelosi", "PERSON"), ("Nancy left", "PERSON")],
            {("Nancy Pelosi", "Person")},
        ),
        # family name first: Chinese and Korean names
        (
            "Xi Jinping spoke . Xi left .",
            [("Xi Jinping", "PERSON"), ("Xi left", "PERSON")],
            {("Xi Jinping", "Person")},
        ),
        (
            "Moon Jae-in spoke . Moon left .",
            [("Moon Jae-in", "PERSON"), ("Moon left", "PERSON")],
            {("Moon Jae-in", "Person")},
        ),
        # the initials of a full name
        (
            "Franklin D. Roosevelt spoke . FDR left .",
            [("Franklin D. Roosevelt", "PERSON"), ("FDR", "PERSON")],
            {("Franklin D. Roosevelt", "Person")},
        ),
        (
            "UK Athletics said so . UKA left .",
            [("UK Athletics", "ORG"), ("UKA", "ORG")],
            {("UK Athletics", "Organization")},
        ),
        # a name NER also types otherwise is no given name: "Yahoo" stays apart, and the
        # "person" named after the organization is its product
        (
            "Yahoo Messenger spoke . Yahoo left . Yahoo said so .",
            [("Yahoo Messenger", "PERSON"), ("Yahoo left", "PERSON"), ("Yahoo said", "ORG")],
            {("Yahoo Messenger", "Organization"), ("Yahoo", "Organization")},
        ),
    ],
)
def test_short_forms_land_on_one_node(component, make_doc, text, ents, expected):
    words = tokens(text)
    spans = []
    for phrase, label in ents:
        # "Senate voted": the phrase locates the second mention; its first word is the name
        parts = tokens(phrase)
        start = max(i for i in range(len(words)) if words[i : i + len(parts)] == parts)
        end = start + len(parts) - (parts[-1] in ("voted", "left", "editors", "said"))
        spans.append((start, end, label))
    doc = doc_of(make_doc, text, [])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    assert entities(component, doc) == expected


def test_a_state_body_is_not_the_national_one(component, make_doc):
    text = "The Alabama Republican Party met . The Republican Party voted ."
    doc = doc_of(make_doc, text, [("Alabama Republican Party", "ORG")])
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 7, 9, label="ORG")]
    names = {name for name, _ in entities(component, doc)}
    assert {"Alabama Republican Party", "Republican Party"} <= names


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Representative Lee Zeldin spoke .", [("Representative Lee Zeldin", "PERSON")]),
        ("Singer Lee Zeldin spoke .", [("Singer Lee Zeldin", "PERSON")]),
    ],
)
def test_titles_never_glue_to_names(component, make_doc, text, ents):
    assert entities(component, doc_of(make_doc, text, ents)) == {("Lee Zeldin", "Person")}


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON ( Reuters ) - The Senate met .",
        "LONDON ( Reuters ) - The Senate met .",
    ],
)
def test_a_dateline_gives_a_place_and_the_agency_and_no_relation(component, make_doc, text):
    city = text.split()[0]
    doc = doc_of(make_doc, text, [(city, "GPE"), ("Reuters", "ORG"), ("Senate", "ORG")])
    graph = graph_of(component, doc)
    names = {(e.name, e.label) for e in graph.entities}
    assert {(city.capitalize(), "Place"), ("Reuters", "Organization")} <= names
    assert not graph.triples

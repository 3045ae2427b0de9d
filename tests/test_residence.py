"""Where a person lives (resident_of) or was born (born_in): schemas/rules/residence.toml,
each construction in two wordings, on hand-built Docs (no statistical model)."""

from __future__ import annotations

import pytest

from kg.evaluate.conll04_scoring import conll_type
from kg.extract.pipeline import graph_from_doc
from kg.records import Article
from kg.vocab import DOMAINS, PREDICATES, RANGES, RESIDENCES


def triples(component, doc):
    graph = graph_from_doc(Article("t", doc.text, date="2025-03-05"), component(doc))
    return {
        (t.subject.name, t.predicate, t.object.name)
        for t in graph.triples
        if t.evidence.status == "current"
    }


_TAGS = {
    ",": "PUNCT",
    ".": "PUNCT",
    "-": "PUNCT",
    "a": "DET",
    "an": "DET",
    "the": "DET",
    "The": "DET",
    "of": "ADP",
    "in": "ADP",
    "at": "ADP",
    "from": "ADP",
    "by": "ADP",
    "to": "ADP",
    "on": "ADP",
    "who": "PRON",
    "It": "PRON",
    "He": "PRON",
    "was": "AUX",
    "is": "AUX",
    "has": "AUX",
    "been": "AUX",
    "born": "VERB",
    "lives": "VERB",
    "lived": "VERB",
    "moved": "VERB",
    "wrote": "VERB",
    "won": "VERB",
    "went": "VERB",
    "spoke": "VERB",
    "charged": "VERB",
    "signed": "VERB",
    "written": "VERB",
    "read": "VERB",
    "played": "VERB",
    "still": "ADV",
    "away": "ADV",
    "longtime": "ADJ",
    "lifelong": "ADJ",
    "young": "ADJ",
}
_LEMMAS = {"lives": "live", "lived": "live", "was": "be", "is": "be", "has": "have"}


def locate(text, ents):
    """Token spans of ``(phrase, label)`` pairs, each at its first occurrence in ``text``."""
    words = text.split()
    spans = []
    for phrase, label in ents:
        parts = phrase.split()
        start = next(i for i in range(len(words)) if words[i : i + len(parts)] == parts)
        spans.append((start, start + len(parts), label))
    return spans


def doc_of(make_doc, text, ents):
    words = text.split()
    ents = locate(text, ents)
    pos = [
        _TAGS.get(w, "NUM" if w.isdigit() else "PROPN" if w[:1].isupper() else "NOUN")
        for w in words
    ]
    lemmas = [_LEMMAS.get(w, w.lower()) for w in words]
    return make_doc(text, ents=ents, pos=pos, lemmas=lemmas)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # born.person_born_in_place
        (
            "Ann Ruiz , who was born in Toledo , moved away .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "born_in", "Toledo"),
        ),
        (
            "Tom Hale , 61 , was born in rural Kent .",
            [("Tom Hale", "PERSON"), ("Kent", "GPE")],
            ("Tom Hale", "born_in", "Kent"),
        ),
        # born.place_born_person
        (
            "The Toledo - born actor Ann Ruiz won .",
            [("Toledo", "GPE"), ("Ann Ruiz", "PERSON")],
            ("Ann Ruiz", "born_in", "Toledo"),
        ),
        (
            "It went to Glasgow - born Tom Hale .",
            [("Glasgow", "GPE"), ("Tom Hale", "PERSON")],
            ("Tom Hale", "born_in", "Glasgow"),
        ),
        # born.person_native_of_place
        (
            "It went to Ann Ruiz , a native of Toledo , on Friday .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "born_in", "Toledo"),
        ),
        (
            "Tom Hale , 40 , a lifelong native of Leeds , spoke .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "born_in", "Leeds"),
        ),
        # born.person_a_place_native
        (
            "It went to Ann Ruiz , a Toledo native , on Friday .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "born_in", "Toledo"),
        ),
        (
            "Tom Hale , a lifelong Leeds native , spoke .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "born_in", "Leeds"),
        ),
        # born.place_native_person
        (
            "It was written by Toledo native Ann Ruiz .",
            [("Toledo", "GPE"), ("Ann Ruiz", "PERSON")],
            ("Ann Ruiz", "born_in", "Toledo"),
        ),
        (
            "They quoted a Leeds native , Tom Hale , on Friday .",
            [("Leeds", "GPE"), ("Tom Hale", "PERSON")],
            ("Tom Hale", "born_in", "Leeds"),
        ),
        # resident.person_lives_in_place
        (
            "Ann Ruiz , who lives in Toledo , wrote .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "Tom Hale has lived in suburban Leeds .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
        # resident.person_resident_of_place
        (
            "The winner was Ann Ruiz , a resident of Toledo .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "Tom Hale , 42 , a longtime resident of Leeds , spoke .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
        # resident.person_a_place_resident
        (
            "The winner was Ann Ruiz , a Toledo resident .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "Tom Hale , 42 , a Leeds resident , spoke .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
        # resident.place_resident_person
        (
            "A letter from Toledo resident Ann Ruiz was read .",
            [("Toledo", "GPE"), ("Ann Ruiz", "PERSON")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "They quoted a Leeds resident , Tom Hale , on Friday .",
            [("Leeds", "GPE"), ("Tom Hale", "PERSON")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
        # resident.person_age_of_place
        (
            "Ann Ruiz , 42 , of Toledo , was charged .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "He named Tom Hale , 19 , of Leeds as the winner .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
        # resident.person_from_place
        (
            "The winner was Ann Ruiz , a teacher from Toledo .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "Tom Hale is from Leeds .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
        # resident.person_of_place
        (
            "The letter was signed by Ann Ruiz of Toledo .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "It went to Tom Hale , of Leeds , on Friday .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
        # resident.person_a_place_noun
        (
            "The design was by Ann Ruiz , a Toledo architect .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            ("Ann Ruiz", "resident_of", "Toledo"),
        ),
        (
            "Tom Hale , 35 , a Leeds teacher , spoke .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            ("Tom Hale", "resident_of", "Leeds"),
        ),
    ],
)
def test_residence_and_birthplace_constructions(component, make_doc, text, ents, expected):
    assert expected in triples(component, doc_of(make_doc, text, ents))


def _parse_born_on_date(make_doc, text, ents, heads):
    pos = [_TAGS.get(w, "NUM" if w.isdigit() else "PROPN") for w in text.split()]
    lemmas = [{"was": "be", "born": "bear"}.get(w, w.lower()) for w in text.split()]
    return make_doc(text, ents=locate(text, ents), parse=heads, pos=pos, lemmas=lemmas)


@pytest.mark.parametrize(
    ("text", "ents", "heads", "expected"),
    [
        (
            "Ann Ruiz was born on May 2 , 1950 , in Toledo .",
            [("Ann Ruiz", "PERSON"), ("Toledo", "GPE")],
            [
                (1, "compound"),
                (3, "nsubjpass"),
                (3, "auxpass"),
                (3, "ROOT"),
                (3, "prep"),
                (4, "pobj"),
                (5, "nummod"),
                (5, "punct"),
                (5, "nummod"),
                (3, "punct"),
                (3, "prep"),
                (10, "pobj"),
                (3, "punct"),
            ],
            ("Ann Ruiz", "born_in", "Toledo"),
        ),
        (
            "Tom Hale was born in 1961 in Leeds .",
            [("Tom Hale", "PERSON"), ("Leeds", "GPE")],
            [
                (1, "compound"),
                (3, "nsubjpass"),
                (3, "auxpass"),
                (3, "ROOT"),
                (3, "prep"),
                (4, "pobj"),
                (3, "prep"),
                (6, "pobj"),
                (3, "punct"),
            ],
            ("Tom Hale", "born_in", "Leeds"),
        ),
    ],
)
def test_born_past_a_date_reads_the_parse(component, make_doc, text, ents, heads, expected):
    # born.person_born_date_in_place
    assert expected in triples(component, _parse_born_on_date(make_doc, text, ents, heads))


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Ann Ruiz , 42 , of Mill Street , was charged .",
            [("Ann Ruiz", "PERSON"), ("Mill Street", "GPE")],
        ),
        ("It was Baron Ruiz of Toledo .", [("Ruiz", "PERSON"), ("Toledo", "GPE")]),
        ("It went to Lord Hale of Leeds .", [("Hale", "PERSON"), ("Leeds", "GPE")]),
    ],
)
def test_an_address_or_a_peerage_is_no_residence(component, make_doc, text, ents):
    graph = triples(component, doc_of(make_doc, text, ents))
    assert not any(p == "resident_of" for _, p, _ in graph)


def test_residence_is_a_person_place_predicate_and_conll_live_in():
    for p in RESIDENCES:
        assert p in PREDICATES
        assert DOMAINS[p] == ("Person",) and RANGES[p] == ("Place",)
        assert conll_type("Person", p, "Place") == "Live_In"
        assert conll_type("Organization", p, "Place") is None


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("It quoted Senator Ann Ruiz of Ohio .", [("Ann Ruiz", "PERSON"), ("Ohio", "GPE")]),
        ("It quoted Republican Tom Hale of Texas .", [("Tom Hale", "PERSON"), ("Texas", "GPE")]),
    ],
)
def test_a_constituency_is_no_residence(component, make_doc, text, ents):
    graph = triples(component, doc_of(make_doc, text, ents))
    assert not any(p == "resident_of" for _, p, _ in graph)


@pytest.mark.parametrize(
    "text",
    [
        "It quoted Senators Ann Ruiz of Ohio and Tom Hale of Texas .",
        "Two senators , Ann Ruiz of Ohio , and Tom Hale of Texas , spoke .",
    ],
)
def test_legislators_listed_with_their_states_are_no_residents(component, make_doc, text):
    ents = [("Ann Ruiz", "PERSON"), ("Ohio", "GPE"), ("Tom Hale", "PERSON"), ("Texas", "GPE")]
    graph = triples(component, doc_of(make_doc, text, ents))
    assert not any(p == "resident_of" for _, p, _ in graph)

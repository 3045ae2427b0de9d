"""The features of the triple-confidence study (kg/extract/confidence.py), on hand-built
Docs (no model), and the gold labels they are trained against (``triple_hits``)."""

from __future__ import annotations

import math
from pathlib import Path

import pyoxigraph as ox
import pytest
from spacy.language import Language

from kg.evaluate import load_gold
from kg.evaluate.graphdata import find_article
from kg.evaluate.scoring import triple_hits
from kg.extract.annotate import Annotation
from kg.extract.confidence import FeatureReader
from kg.extract.entities import Resolution
from kg.extract.pipeline import FEATURES_KEY, ExtractComponent, graph_from_doc
from kg.rdf.read import article_ids, read_article
from kg.records import Article
from kg.store import load_file

DATA = Path(__file__).parent / "data" / "eval"


@pytest.fixture(scope="module")
def recording(blank: Language) -> ExtractComponent:
    """An extraction component that leaves each triple's features on the Doc."""
    component = ExtractComponent(blank, [])
    component.record_features = True
    return component


def features_of(component, doc):
    """(subject, predicate, object) → features of each triple the component finds."""
    doc = component(doc)
    graph = graph_from_doc(Article("t", doc.text), doc)
    return {
        (t.subject.name, t.predicate, t.object.name): f
        for t, f in zip(graph.triples, doc.user_data[FEATURES_KEY], strict=True)
    }


def test_features_left_only_on_request(component, make_doc):
    doc = component(
        make_doc(
            "Treasury Secretary Scott Bessent said so .", ents=[(0, 1, "ORG"), (2, 4, "PERSON")]
        )
    )
    assert FEATURES_KEY not in doc.user_data


@pytest.mark.parametrize(
    ("text", "ents", "fact", "gap"),
    [
        (
            "White House press secretary Karoline Leavitt said so .",
            [(0, 2, "ORG"), (4, 6, "PERSON")],
            ("Karoline Leavitt", "spokesperson_of", "White House"),
            2,
        ),
        (
            "Treasury Secretary Scott Bessent said so .",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            ("Scott Bessent", "secretary_of", "Treasury"),
            1,
        ),
    ],
)
def test_features_of_a_title_compound(recording, make_doc, text, ents, fact, gap):
    feats = features_of(recording, make_doc(text, ents=ents))[fact]
    assert feats["bias"] == 1.0
    assert feats[f"predicate={fact[1]}"] == 1.0
    assert feats["classes=Person>Organization"] == 1.0
    assert any(k.startswith("rule=compound.") for k in feats)
    assert feats["family=compound"] == 1.0
    assert feats["distance"] == pytest.approx(math.log1p(gap))
    assert feats["names_between"] == 0.0
    assert feats["object_first"] == 1.0  # the organization is written before the person
    assert "object_not_in_sentence" not in feats
    assert feats["subject_mentions"] == pytest.approx(math.log1p(1))


def test_features_of_an_implied_object(recording, make_doc):
    doc = make_doc(
        "In Britain , Chancellor Gordon Brown spoke .", ents=[(1, 2, "GPE"), (4, 6, "PERSON")]
    )
    feats = features_of(recording, doc)[("Gordon Brown", "secretary_of", "HM Treasury")]
    assert feats["object_not_in_sentence"] == 1.0
    assert feats["family=implied"] == 1.0
    assert "distance" not in feats


@pytest.mark.parametrize(
    ("text", "ents", "fact", "goes_on"),
    [
        (  # a name NER cut short, before a capitalised word
            "Anna Berg , chairman of Nordic Steel Works , spoke .",
            [(0, 2, "PERSON"), (5, 7, "ORG")],
            ("Anna Berg", "leader_of", "Nordic Steel"),
            True,
        ),
        (  # over "and"
            "Acme Steel and Wire chief executive Anna Berg spoke .",
            [(0, 2, "ORG"), (6, 8, "PERSON")],
            ("Anna Berg", "leader_of", "Acme Steel"),
            True,
        ),
        (  # the whole name
            "Anna Berg , the chairman of Nordic Steel , spoke .",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
            ("Anna Berg", "leader_of", "Nordic Steel"),
            False,
        ),
        (  # a title after the name is no part of it
            "Nordic Steel Chairman Anna Berg spoke .",
            [(0, 2, "ORG"), (3, 5, "PERSON")],
            ("Anna Berg", "leader_of", "Nordic Steel"),
            False,
        ),
    ],
)
def test_features_see_a_name_that_goes_on(recording, make_doc, text, ents, fact, goes_on):
    feats = features_of(recording, make_doc(text, ents=ents))[fact]
    assert ("object_name_goes_on" in feats) is goes_on
    assert "subject_name_goes_on" not in feats


def test_features_of_the_sentence(make_doc):
    doc = make_doc(
        "Smith may not lead Acme ? He said so .",
        tags=["NNP", "MD", "RB", "VB", "NNP", ".", "PRP", "VBD", "RB", "."],
        pos=["PROPN", "AUX", "PART", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "ADV", "PUNCT"],
        lemmas=["smith", "may", "not", "lead", "acme", "?", "he", "say", "so", "."],
        parse=[
            (3, "nsubj"),
            (3, "aux"),
            (3, "neg"),
            (3, "ROOT"),
            (3, "dobj"),
            (3, "punct"),
            (7, "nsubj"),
            (7, "ROOT"),
            (7, "advmod"),
            (7, "punct"),
        ],
    )
    reader = FeatureReader(
        doc, Resolution([], {}, [], {}), Annotation([""] * len(doc), [""] * len(doc))
    )
    first = reader.sentence(0).features
    assert {"negation", "modal", "question"} <= first.keys()
    assert "reported" not in first
    second = reader.sentence(doc[6].idx).features
    assert second.keys() == {"sentence_length", "reported"}
    assert second["sentence_length"] == pytest.approx(math.log1p(4))


def test_triple_hits_label_each_direct_triple():
    store: ox.Store = load_file(DATA / "store.trig")
    gold = load_gold(DATA / "gold" / "politics-900.json")
    ids = article_ids(store)
    article = find_article(list(ids), gold.document)
    assert article is not None
    data = read_article(store, article, ids[article])
    strict = triple_hits(data, gold)
    lenient = triple_hits(data, gold, "lenient")
    assert list(strict) == data.direct
    # as test_evaluate_store_strict_and_lenient_relations counts them: 2 of 5 strictly, 3 leniently
    assert sum(bool(h) for h in strict.values()) == 2
    assert sum(bool(h) for h in lenient.values()) == 3


@pytest.mark.model
def test_pipe_with_features_gives_each_triple_its_features_and_records_no_more(nlp):
    from kg.extract.pipeline import Extractor

    extractor = Extractor(nlp)
    article = Article("t", "White House press secretary Karoline Leavitt said the talks went on.")
    ((graph, features),) = list(extractor.pipe_with_features([article]))
    assert graph.triples and len(features) == len(graph.triples)
    assert all(isinstance(value, float) for f in features for value in f.values())
    assert extractor.component.record_features is False
    assert graph.triples == extractor.extract(article).triples

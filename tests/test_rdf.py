"""kg.rdf writes kg's RDF shape and reads it back: a round trip gives the records again."""

from __future__ import annotations

import pyoxigraph as ox

from kg.iri import IRIMinter
from kg.rdf import article_entities, article_facts, article_ids, article_quads, read_article
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.vocab import KG

MINTER = IRIMinter("https://kg.example/")


def _graph(article_id: str, status: str = "current") -> ArticleGraph:
    ada = Entity("Ada Lovelace", "Person", ("Lovelace",))
    society = Entity("Royal Society", "Organization")
    text = "Ada Lovelace, a fellow of the Royal Society, spoke."
    evidence = Evidence(text, 0, 51, "Ada Lovelace", "Royal Society", "r1", 0.9, "fellow", status)
    return ArticleGraph(
        Article(article_id, text, date="2025-03-05"),
        (ada, society),
        (Triple(ada, "fellow_of", society, evidence),),
    )


def _store(*graphs: ArticleGraph) -> ox.Store:
    store = ox.Store()
    for graph in graphs:
        store.extend(article_quads(graph, MINTER, run="https://kg.example/run/1", fingerprint="h"))
    return store


def test_rdf_read_article_gives_back_what_was_written() -> None:
    store = _store(_graph("a1"), _graph("a2", status="former"))
    ids = article_ids(store)
    assert sorted(ids) == ["a1", "a2"]
    data = read_article(store, "a1", ids["a1"])
    ada = MINTER.entity("Person", "Ada Lovelace")
    society = MINTER.entity("Organization", "Royal Society")
    assert {iri: (n.label, n.classes, n.names) for iri, n in data.nodes.items()} == {
        ada: ("Ada Lovelace", {"Person"}, {"Ada Lovelace", "Lovelace"}),
        society: ("Royal Society", {"Organization"}, {"Royal Society"}),
    }
    assert data.direct == [(ada, "fellow_of", society)]
    (statement,) = data.statements
    assert (statement.predicate, statement.rule, statement.status, statement.start) == (
        "fellow_of",
        "r1",
        "current",
        0,
    )
    # a former role has a statement and no direct triple
    former = read_article(store, "a2", ids["a2"])
    assert former.direct == [] and [s.status for s in former.statements] == ["former"]


def test_rdf_article_entities_and_facts_read_every_article_graph() -> None:
    store = _store(_graph("a1"), _graph("a2"))
    entities = article_entities(store)
    ada = entities[MINTER.entity("Person", "Ada Lovelace")]
    assert (ada.cls, ada.label, ada.aliases) == ("Person", "Ada Lovelace", {"Lovelace"})
    assert ada.articles == {MINTER.article("a1"), MINTER.article("a2")}
    facts = article_facts(store)
    assert {(p, t) for _, p, _, t in facts} == {(KG.term("fellow_of"), "fellow")}
    assert len(facts) == 2  # one statement per article
    without = article_entities(store, without=[MINTER.article_graph("a2")])
    assert without[MINTER.entity("Person", "Ada Lovelace")].articles == {MINTER.article("a1")}

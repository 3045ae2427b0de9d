"""The consolidated graph: one node per entity, one fact per triple, kept in step with the
article graphs by every build batch, removal and link update."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.consolidate import consolidated_counts, consolidated_quads
from kg.graph import load_view
from kg.iri import IRIMinter
from kg.query import run_query
from kg.rdf import article_quads
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.store import open_store

BASE = "https://kg.example/"
KG = "https://kg.example/ontology#"
BLAIR = Entity("Blair", "Person")
TONY = Entity("Tony Blair", "Person", ("Blair", "Mr Blair"))
BROWN = Entity("Gordon Brown", "Person", ("Brown",))
LABOUR = Entity("Labour", "Organization", ("Labour Party",))
TREASURY = Entity("Treasury", "Organization")


def article(
    article_id: str,
    entities: tuple[Entity, ...],
    facts: tuple[tuple[Entity, str, Entity, str], ...] = (),
    date: str = "2005-01-01",
) -> ArticleGraph:
    triples = tuple(
        Triple(s, p, o, Evidence(f"{s.name} {p} {o.name}.", 0, 9, s.name, o.name, "r", 0.9, "", st))
        for s, p, o, st in facts
    )
    return ArticleGraph(Article(article_id, "text", title=article_id, date=date), entities, triples)


def quads(graph: ArticleGraph) -> list[ox.Quad]:
    return article_quads(graph, IRIMinter(), run=f"{BASE}run/1", fingerprint=graph.article.id)


def consolidated(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, ox.NamedNode(f"{BASE}kg")))


def recomputed(store: ox.Store) -> set[ox.Quad]:
    """The consolidated graph worked out in full from the article graphs and links."""
    copy = ox.Store()
    copy.extend(
        q
        for q in store.quads_for_pattern(None, None, None, None)
        if q.graph_name != ox.NamedNode(f"{BASE}kg")
    )
    return set(consolidated_quads(copy, BASE))


ARTICLES = [
    article("a1", (TONY, LABOUR), ((TONY, "leader_of", LABOUR, "current"),), "2005-01-03"),
    article("a2", (TONY, LABOUR, BROWN), ((TONY, "leader_of", LABOUR, "current"),), "2005-02-01"),
    article("a3", (BLAIR, LABOUR), ((BLAIR, "leader_of", LABOUR, "current"),), "2005-03-01"),
    article("a4", (BROWN, TREASURY), ((BROWN, "leader_of", TREASURY, "former"),)),
    article("a5", (BLAIR, BROWN), ((BLAIR, "met_with", BROWN, "current"),)),
]


def test_consolidated_graph_states_each_entity_and_fact_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "s", read_only=False) as kg:
        kg.replace_articles([], new=[(g.article.id, quads(g)) for g in ARTICLES[:2]])
        rows = run_query(
            kg.ox,
            "SELECT ?n ?first ?last WHERE { ?f rdf:predicate kg:leader_of ; kg:supportCount ?n ;"
            " kg:firstSeen ?first ; kg:lastSeen ?last }",
        ).to_dicts()
        direct = run_query(kg.ox, "SELECT ?s ?o WHERE { ?s kg:leader_of ?o }").to_dicts()
        labels = run_query(kg.ox, "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l }").to_dicts()
        mentions = run_query(
            kg.ox, "SELECT (COUNT(*) AS ?n) WHERE { ?a schema:mentions ?e . ?e a kg:Person }"
        ).to_dicts()
    assert rows == [{"n": "2", "first": "2005-01-03", "last": "2005-02-01"}]
    assert direct == [{"s": f"{BASE}person/Tony_Blair", "o": f"{BASE}organization/Labour"}]
    assert sorted(r["l"] for r in labels) == ["Gordon Brown", "Tony Blair"]
    assert mentions == [{"n": "3"}]  # Tony Blair in a1 and a2, Gordon Brown in a2: once each


def test_consolidated_graph_follows_batches_removals_and_links(tmp_path: Path) -> None:
    """After every step the graph kept in step equals the graph worked out in full."""
    rng = random.Random(7)
    with open_store(tmp_path / "s", read_only=False) as kg:
        for graph in ARTICLES:
            kg.replace_articles([], new=[(graph.article.id, quads(graph))])
            assert consolidated(kg.ox) == recomputed(kg.ox)
        kg.replace_links({f"{BASE}person/Blair": f"{BASE}person/Tony_Blair"})
        assert consolidated(kg.ox) == recomputed(kg.ox)
        folded = run_query(
            kg.ox, "SELECT ?n WHERE { ?f rdf:predicate kg:leader_of ; kg:supportCount ?n }"
        ).to_dicts()
        assert folded == [{"n": "3"}, {"n": "1"}] or folded == [{"n": "1"}, {"n": "3"}]
        # a replaced article (the role now former), removals, links undone
        changed = article("a1", (TONY, LABOUR), ((TONY, "leader_of", LABOUR, "former"),))
        kg.replace_articles([("a1", quads(changed))])
        assert consolidated(kg.ox) == recomputed(kg.ox)
        ids = ["a2", "a3", "a5"]
        rng.shuffle(ids)
        for article_id in ids:
            kg.remove_articles([article_id])
            assert consolidated(kg.ox) == recomputed(kg.ox)
        kg.replace_links({})
        assert consolidated(kg.ox) == recomputed(kg.ox)
        # a fact no article supports any more is gone, direct triple and all
        assert not list(kg.ox.quads_for_pattern(None, ox.NamedNode(KG + "met_with"), None, None))
        assert consolidated_counts(kg.ox) == (4, 0)


def test_view_and_counts_agree_with_the_consolidated_graph(tmp_path: Path) -> None:
    with open_store(tmp_path / "s", read_only=False) as kg:
        kg.replace_articles([], new=[(g.article.id, quads(g)) for g in ARTICLES])
        kg.replace_links({f"{BASE}person/Blair": f"{BASE}person/Tony_Blair"})
        view = load_view(kg)
        counts = consolidated_counts(kg.ox)
    assert counts == (view.number_of_nodes(), view.number_of_edges())
    node = view.nodes[f"{BASE}person/Tony_Blair"]
    assert node["same_as"] == [f"{BASE}person/Blair"] and node["articles"] == 4
    assert (
        view.edges[f"{BASE}person/Tony_Blair", f"{BASE}organization/Labour", "leader_of"]["count"]
        == 3
    )


def test_query_default_graph_is_the_consolidated_one(tmp_path: Path) -> None:
    with open_store(tmp_path / "s", read_only=False) as kg:
        kg.replace_articles([], new=[(g.article.id, quads(g)) for g in ARTICLES])
        natural = (
            "SELECT ?l (COUNT(?a) AS ?n) WHERE { ?a schema:mentions ?p . ?p a kg:Person ;"
            " rdfs:label ?l } GROUP BY ?l ORDER BY ?l"
        )
        one = {r["l"]: r["n"] for r in run_query(kg.ox, natural).to_dicts()}
        union = {r["l"]: r["n"] for r in run_query(kg.ox, natural, graphs="all").to_dicts()}
    # without DISTINCT: each article once here; the union repeats rows per graph
    assert one == {"Blair": "2", "Gordon Brown": "3", "Tony Blair": "2"}
    assert int(union["Gordon Brown"]) > 3  # rows multiplied by the graphs repeating them


@pytest.fixture
def built(tmp_path: Path) -> Path:
    store = tmp_path / "s"
    with open_store(store, read_only=False) as kg:
        kg.replace_articles([], new=[(g.article.id, quads(g)) for g in ARTICLES])
    return store


def test_cli_remove_takes_the_facts_out_and_unknown_ids_fail(built: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["remove", "a4", "--store", str(built)])
    assert result.exit_code == 0, result.output
    assert "Removed 1 article(s)" in result.output
    with open_store(built) as kg:
        assert "a4" not in kg.article_ids()
        assert not list(
            kg.ox.quads_for_pattern(None, None, ox.NamedNode(f"{BASE}organization/Treasury"), None)
        )
    result = runner.invoke(app, ["remove", "nope", "--store", str(built)])
    assert result.exit_code == 1 and "No article 'nope'" in str(result.exception)


def test_cli_link_explain_says_why(built: Path) -> None:
    result = CliRunner().invoke(app, ["link", "--explain", "BLAIR", "--store", str(built)])
    assert result.exit_code == 0, result.output
    # a3 mentions Labour, which Tony Blair leads: evidence beyond the surname
    assert "linked: Blair (Person, 2 articles) -> Tony Blair (2 articles): alias+organization" in (
        result.output
    )
    result = CliRunner().invoke(app, ["link", "--explain", "Gordon", "--store", str(built)])
    assert "no link was considered for 'Gordon'" in result.output

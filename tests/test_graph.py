"""The NetworkX view of the store (`kg.graph`): building it, asking it questions, exporting it."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import GraphError, KGError
from kg.graph import (
    EVIDENCE_CAP,
    centrality,
    communities,
    load_view,
    name_key,
    neighbors,
    pagerank_python,
    resolve_name,
    shortest_path,
    stats,
    to_export_graph,
    write_gexf,
    write_graphml,
)
from kg.store import load_file, open_store
from kg.vocab import PREDICATES

FIXTURE = Path(__file__).parent / "data" / "graph-fixture.trig"
KG = "https://kg.example/ontology#"
BASE = "https://kg.example/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")

ZELENSKY = f"{BASE}person/Volodymyr_Zelensky"
LEAVITT = f"{BASE}person/Karoline_Leavitt"
WHITE_HOUSE = f"{BASE}organization/White_House"
UKRAINE = f"{BASE}place/Ukraine"
SAO_PAULO = f"{BASE}place/S%C3%A3o_Paulo"
BORIS = f"{BASE}person/Boris_Johnson"
BOLSONARO = f"{BASE}person/Jair_Bolsonaro"
UK = f"{BASE}place/United_Kingdom"
BRAZIL = f"{BASE}place/Brazil"
EVIDENCE_KEYS = {"article", "headline", "date", "sentence", "title", "status", "confidence", "rule"}


@pytest.fixture(scope="module")
def view() -> nx.MultiDiGraph:
    return load_view(load_file(FIXTURE))


# --- a small store built quad by quad ----------------------------------------------------


class StoreBuilder:
    """Quads in the shape of schemas/README.md, one named graph per article."""

    def __init__(self) -> None:
        self.store = ox.Store()
        self._n = 0

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str, article: str) -> None:
        obj = ox.NamedNode(o) if isinstance(o, str) else o
        graph = ox.NamedNode(f"{BASE}graph/{article}")
        self.store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, graph))

    def entity(self, iri: str, cls: str, label: str, article: str) -> None:
        self.add(iri, RDF + "type", KG + cls, article)
        self.add(iri, RDFS + "label", ox.Literal(label), article)
        self.add(f"{BASE}article/{article}", SCHEMA + "mentions", iri, article)

    def relation(
        self, s: str, predicate: str, o: str, article: str, *, status: str = "current"
    ) -> None:
        if status == "current":
            self.add(s, KG + predicate, o, article)
        self._n += 1
        st = f"{BASE}statement/{self._n:020d}"
        self.add(st, RDF + "type", RDF + "Statement", article)
        self.add(st, RDF + "subject", s, article)
        self.add(st, RDF + "predicate", KG + predicate, article)
        self.add(st, RDF + "object", o, article)
        self.add(st, PROV + "wasDerivedFrom", f"{BASE}article/{article}", article)
        self.add(st, KG + "sentence", ox.Literal(f"Sentence {self._n} of {article}."), article)
        self.add(st, KG + "titlePhrase", ox.Literal(""), article)
        self.add(st, KG + "rule", ox.Literal("test.rule"), article)
        self.add(st, KG + "status", ox.Literal(status), article)
        self.add(st, KG + "confidence", ox.Literal("0.5", datatype=DECIMAL), article)


PERSON = f"{BASE}person/Ann_Lee"
ORG = f"{BASE}organization/Acme"


# --- load_view -------------------------------------------------------------------------


def test_load_view_counts_entities_relations_and_articles(view: nx.MultiDiGraph) -> None:
    assert view.number_of_nodes() == 16
    assert view.number_of_edges() == 11
    assert view.graph["articles"] == 3
    classes = [c for _, c in view.nodes(data="cls")]
    assert (classes.count("Person"), classes.count("Organization"), classes.count("Place")) == (
        7,
        2,
        7,
    )


def test_load_view_node_attributes(view: nx.MultiDiGraph) -> None:
    assert view.nodes[ZELENSKY] == {
        "label": "Volodymyr Zelensky",
        "cls": "Person",
        "aliases": ["Zelensky", "Zelenskyy"],
        "articles": 2,
        "same_as": [],
    }
    assert view.nodes[SAO_PAULO]["label"] == "São Paulo"
    assert view.nodes[UKRAINE]["aliases"] == []


def test_load_view_edge_keys_are_predicate_names(view: nx.MultiDiGraph) -> None:
    keys = {k for _, _, k in view.edges(keys=True)}
    assert keys == {
        "spokesperson_of",
        "president_of",
        "prime_minister_of",
        "met_with",
        "based_in",
        "located_in",
    }
    assert all(data["predicate"] == k for _, _, k, data in view.edges(keys=True, data=True))


def test_load_view_counts_supporting_articles(view: nx.MultiDiGraph) -> None:
    edge = view.edges[LEAVITT, WHITE_HOUSE, "spokesperson_of"]
    assert edge["count"] == 2
    assert edge["evidence_count"] == 2
    assert edge["titles"] == ["press secretary", "spokeswoman"]
    assert edge["confidence"] == pytest.approx(0.9)
    # newest first: the dated article before the undated one
    assert [e["article"] for e in edge["evidence"]] == [
        "seeds/minerals-deal-talks.txt",
        "reuters/003.txt",
    ]
    assert view.edges[ZELENSKY, UKRAINE, "president_of"]["count"] == 2
    assert view.edges[f"{BASE}place/London", UK, "located_in"]["count"] == 1


def test_load_view_evidence_is_plain_data(view: nx.MultiDiGraph) -> None:
    for _, _, data in view.edges(data=True):
        for item in data["evidence"]:
            assert set(item) == EVIDENCE_KEYS
            assert isinstance(item["confidence"], float)
            assert all(isinstance(v, str) for k, v in item.items() if k != "confidence")
    item = view.edges[ZELENSKY, UKRAINE, "president_of"]["evidence"][0]
    assert item == {
        "article": "bbc/politics/002.txt",
        "headline": "Starmer hosts Zelensky in London",
        "date": "2025-03-02",
        "sentence": "Volodymyr Zelenskyy, the president of Ukraine, arrived in London.",
        "title": "president",
        "status": "current",
        "confidence": 0.85,
        "rule": "appos.title_of_place",
    }


def test_load_view_former_roles_make_no_edge(view: nx.MultiDiGraph) -> None:
    assert BORIS in view and BOLSONARO in view
    assert view.degree(BORIS) == 0
    assert view.degree(BOLSONARO) == 0
    assert not view.has_edge(BORIS, UK)
    assert not view.has_edge(BOLSONARO, BRAZIL)


def test_load_view_noncurrent_adds_former_roles_as_edges_with_their_status() -> None:
    view = load_view(load_file(FIXTURE), noncurrent=True)
    edge = view.edges[BORIS, UK, "prime_minister_of"]
    assert edge["status"] == ["former"]
    assert edge["count"] == 1
    assert edge["evidence"][0]["sentence"] == "Former Prime Minister Boris Johnson also attended."
    assert view.edges[BOLSONARO, BRAZIL, "president_of"]["status"] == ["former"]
    plain = load_view(load_file(FIXTURE))
    assert view.number_of_edges() == plain.number_of_edges() + 2  # the current edges are kept
    assert not any("status" in d for *_, d in plain.edges(data=True))


def test_load_view_former_statement_is_evidence_beside_current_edge() -> None:
    b = StoreBuilder()
    for article in ("a1", "a2"):
        b.entity(PERSON, "Person", "Ann Lee", article)
        b.entity(ORG, "Organization", "Acme", article)
    b.relation(PERSON, "works_for", ORG, "a1")
    b.relation(PERSON, "works_for", ORG, "a2", status="former")
    edge = load_view(b.store).edges[PERSON, ORG, "works_for"]
    assert edge["count"] == 1
    assert edge["evidence_count"] == 2
    assert [e["status"] for e in edge["evidence"]] == ["current", "former"]


def test_load_view_caps_evidence_and_keeps_counts() -> None:
    b = StoreBuilder()
    for i in range(EVIDENCE_CAP + 2):
        b.entity(PERSON, "Person", "Ann Lee", f"a{i}")
        b.entity(ORG, "Organization", "Acme", f"a{i}")
        b.relation(PERSON, "works_for", ORG, f"a{i}")
    edge = load_view(b.store).edges[PERSON, ORG, "works_for"]
    assert len(edge["evidence"]) == EVIDENCE_CAP
    assert edge["count"] == edge["evidence_count"] == EVIDENCE_CAP + 2
    assert len(load_view(b.store, evidence_cap=1).edges[PERSON, ORG, "works_for"]["evidence"]) == 1


def test_load_view_label_is_most_common_then_longest() -> None:
    b = StoreBuilder()
    b.entity(PERSON, "Person", "Ann Lee", "a1")
    b.entity(PERSON, "Person", "Ann Lee", "a2")
    b.entity(PERSON, "Person", "Ann B. Lee", "a3")
    b.entity(ORG, "Organization", "Acme", "a1")
    b.entity(ORG, "Organization", "Acme Inc", "a2")
    view = load_view(b.store)
    assert view.nodes[PERSON]["label"] == "Ann Lee"
    assert view.nodes[ORG]["label"] == "Acme Inc"
    assert view.nodes[PERSON]["articles"] == 3


def test_load_view_leaves_out_relations_to_untyped_iris() -> None:
    b = StoreBuilder()
    b.entity(PERSON, "Person", "Ann Lee", "a1")
    b.relation(PERSON, "works_for", f"{BASE}organization/Untyped", "a1")
    view = load_view(b.store)
    assert list(view) == [PERSON]
    assert view.number_of_edges() == 0


def test_load_view_reads_turtle_in_the_default_graph(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(
        f"@prefix kg: <{KG}> . @prefix rdfs: <{RDFS}> .\n"
        f"<{PERSON}> a kg:Person ; rdfs:label 'Ann Lee' ; kg:works_for <{ORG}> .\n"
        f"<{ORG}> a kg:Organization ; rdfs:label 'Acme' .\n",
        encoding="utf-8",
    )
    view = load_view(load_file(path))
    assert view.edges[PERSON, ORG, "works_for"]["count"] == 1
    assert view.edges[PERSON, ORG, "works_for"]["evidence"] == []
    assert view.nodes[PERSON]["label"] == "Ann Lee"


def test_load_view_of_an_empty_store() -> None:
    view = load_view(ox.Store())
    assert view.number_of_nodes() == 0
    assert view.graph["articles"] == 0
    assert stats(view).components == 0


def test_load_view_accepts_an_open_kg_store(tmp_path: Path) -> None:
    disk = ox.Store(str(tmp_path / "store"))
    disk.load(path=str(FIXTURE))
    disk.flush()
    del disk
    with open_store(tmp_path / "store", read_only=True) as kg_store:
        view = load_view(kg_store)
    assert sorted(view.edges(keys=True)) == sorted(load_view(load_file(FIXTURE)).edges(keys=True))


ENTITIES = [f"{BASE}person/P{i}" for i in range(4)] + [f"{BASE}place/L{i}" for i in range(3)]
_relation = st.tuples(
    st.sampled_from(ENTITIES),
    st.sampled_from(PREDICATES),
    st.sampled_from(ENTITIES),
    st.sampled_from(["g1", "g2", "g3"]),
    st.sampled_from(["current", "current", "former", "acting"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_relation, max_size=25))
def test_view_edges_equal_distinct_direct_relations(
    relations: list[tuple[str, str, str, str, str]],
) -> None:
    b = StoreBuilder()
    for iri in ENTITIES:
        b.entity(iri, "Person" if "/person/" in iri else "Place", iri.rsplit("/", 1)[1], "g1")
    for s, p, o, graph, status in relations:
        b.relation(s, p, o, graph, status=status)
    direct = {(s, p, o) for s, p, o, _, status in relations if status == "current"}
    view = load_view(b.store)
    assert view.number_of_edges() == len(direct)
    assert set(view.edges(keys=True)) == {(s, o, p) for s, p, o in direct}
    for s, p, o in direct:
        graphs = {
            g for *triple, g, status in relations if (*triple, status) == (s, p, o, "current")
        }
        assert view.edges[s, o, p]["count"] == len(graphs)


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Volodymyr Zelensky", ZELENSKY),
        ("volodymyr zelensky", ZELENSKY),
        ("Zelenskyy", ZELENSKY),
        ("Mr Zelensky", ZELENSKY),
        ("sao paulo", SAO_PAULO),
        ("SÃO PAULO", SAO_PAULO),
        ("US", f"{BASE}place/United_States"),
        ("the U.S.", f"{BASE}place/United_States"),
        ("The White House", WHITE_HOUSE),
        ("President Lula", f"{BASE}person/Luiz_In%C3%A1cio_Lula_da_Silva"),
        ("Prime Minister Keir Starmer", f"{BASE}person/Keir_Starmer"),
        ("J&J", f"{BASE}organization/Johnson_&_Johnson"),
        (UKRAINE, UKRAINE),
    ],
)
def test_resolve_name_matches_labels_and_aliases(
    view: nx.MultiDiGraph, name: str, expected: str
) -> None:
    assert resolve_name(view, name) == expected


def test_resolve_name_ambiguous_lists_candidates_with_class(view: nx.MultiDiGraph) -> None:
    with pytest.raises(GraphError, match="ambiguous") as info:
        resolve_name(view, "Johnson")
    message = str(info.value)
    assert "Boris Johnson (Person" in message
    assert "Johnson & Johnson (Organization" in message


def test_resolve_name_unknown_suggests_close_matches(view: nx.MultiDiGraph) -> None:
    with pytest.raises(GraphError, match="did you mean: Volodymyr Zelensky"):
        resolve_name(view, "Zelenksy")


def test_resolve_name_unknown_without_close_match(view: nx.MultiDiGraph) -> None:
    with pytest.raises(GraphError, match="no close match") as info:
        resolve_name(view, "Xylophone Quartet")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, KGError)


def test_resolve_name_prefers_a_label_to_an_alias() -> None:
    view = nx.MultiDiGraph()
    view.add_node("place", label="Washington", cls="Place", aliases=[])
    view.add_node("person", label="George Washington", cls="Person", aliases=["Washington"])
    assert resolve_name(view, "washington") == "place"


def test_name_key_folds_case_accents_and_punctuation() -> None:
    assert name_key("Luiz Inácio  Lula-da-Silva") == name_key("luiz inacio lula da silva")
    assert name_key("O'Brien") == "obrien"


# --- questions -------------------------------------------------------------------------


def test_stats_of_the_fixture(view: nx.MultiDiGraph) -> None:
    result = stats(view, top=3)
    assert (result.nodes, result.edges, result.articles) == (16, 11, 3)
    assert result.by_class == {"Person": 7, "Place": 7, "Organization": 2}
    assert result.by_predicate["president_of"] == 3
    assert sum(result.by_predicate.values()) == 11
    assert (result.components, result.largest_component, result.isolated) == (5, 7, 2)
    assert [(r.label, r.score) for r in result.top] == [
        ("Volodymyr Zelensky", 3),
        ("Brazil", 2),
        ("Donald Trump", 2),
    ]
    assert json.loads(json.dumps(result.to_dict()))["top"][0]["cls"] == "Person"


def test_neighbors_one_and_two_hops(view: nx.MultiDiGraph) -> None:
    one = neighbors(view, "Starmer")
    assert one.label == "Keir Starmer"
    assert [(n.label, n.distance) for n in one.neighbors] == [
        ("United Kingdom", 1),
        ("Volodymyr Zelensky", 1),
    ]
    assert one.neighbors[0].links[0].predicate == "prime_minister_of"
    two = neighbors(view, "Starmer", hops=2)
    assert [(n.label, n.distance) for n in two.neighbors] == [
        ("United Kingdom", 1),
        ("Volodymyr Zelensky", 1),
        ("Donald Trump", 2),
        ("London", 2),
        ("Ukraine", 2),
    ]
    ukraine = two.neighbors[-1]
    assert [(lk.subject, lk.predicate, lk.object, lk.count) for lk in ukraine.links] == [
        ("Volodymyr Zelensky", "president_of", "Ukraine", 2)
    ]


def test_neighbors_of_an_entity_without_relations(view: nx.MultiDiGraph) -> None:
    assert neighbors(view, "Bolsonaro", hops=3).neighbors == []


def test_neighbors_rejects_zero_hops(view: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="hops"):
        neighbors(view, "Starmer", hops=0)


def test_shortest_path_found_with_evidence(view: nx.MultiDiGraph) -> None:
    result = shortest_path(view, "London", "Trump")
    assert result.found
    assert [(h.subject, h.predicate, h.object, h.direction) for h in result.hops] == [
        ("London", "located_in", "United Kingdom", "forward"),
        ("Keir Starmer", "prime_minister_of", "United Kingdom", "backward"),
        ("Keir Starmer", "met_with", "Volodymyr Zelensky", "forward"),
        ("Donald Trump", "met_with", "Volodymyr Zelensky", "backward"),
    ]
    assert result.hops[3].sentence == "Trump met Zelensky in the Oval Office."
    assert result.hops[3].article == "seeds/minerals-deal-talks.txt"


def test_shortest_path_not_found_is_a_result(view: nx.MultiDiGraph) -> None:
    result = shortest_path(view, "Leavitt", "Lula")
    assert not result.found
    assert result.hops == []
    assert result.target_label == "Luiz Inácio Lula da Silva"


def test_shortest_path_to_itself(view: nx.MultiDiGraph) -> None:
    result = shortest_path(view, "Leavitt", "Karoline Leavitt")
    assert result.found and result.hops == []


def test_shortest_path_unknown_name_raises(view: nx.MultiDiGraph) -> None:
    with pytest.raises(GraphError):
        shortest_path(view, "Leavitt", "Nobody Atall")


# --- measures --------------------------------------------------------------------------


def test_centrality_is_deterministic(view: nx.MultiDiGraph) -> None:
    first, second = centrality(view, top=5), centrality(load_view(load_file(FIXTURE)), top=5)
    assert first == second
    assert first.degree[0].label == "Volodymyr Zelensky"
    assert first.betweenness[0].label == "Volodymyr Zelensky"
    assert first.pagerank[0].label == "Brazil"
    assert first.betweenness_sample is None
    assert sum(r.score for r in centrality(view, top=100).pagerank) == pytest.approx(1.0)
    assert first.pagerank_method


def test_centrality_samples_betweenness_on_larger_graphs(view: nx.MultiDiGraph) -> None:
    sampled = centrality(view, sample=4)
    assert sampled.betweenness_sample == 4
    assert sampled == centrality(view, sample=4)


def test_pagerank_python_agrees_with_networkx_reference() -> None:
    reference = pytest.importorskip("networkx.algorithms.link_analysis.pagerank_alg")
    graph = nx.gnp_random_graph(40, 0.08, seed=3, directed=True)
    for i, (u, v) in enumerate(graph.edges()):
        graph[u][v]["weight"] = 1 + i % 3
    expected = reference._pagerank_python(graph, weight="weight", tol=1e-10, max_iter=500)
    ours = pagerank_python(graph)
    assert ours == pytest.approx(expected, abs=1e-6)


def test_communities_are_deterministic_and_largest_first(view: nx.MultiDiGraph) -> None:
    result = communities(view)
    assert result == communities(load_view(load_file(FIXTURE)))
    assert (result.total, result.singletons) == (6, 2)
    assert result.modularity > 0.3
    sizes = [c.size for c in result.communities]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == 16
    components = list(nx.weakly_connected_components(view))
    for community in result.communities:
        assert any(set(community.ids) <= comp for comp in components)
    assert len(communities(view, top=2).communities) == 2


def test_communities_of_a_graph_without_edges() -> None:
    view = nx.MultiDiGraph()
    view.add_nodes_from(["a", "b"], label="x", cls="Person")
    result = communities(view)
    assert (result.total, result.singletons, result.modularity) == (2, 2, 0.0)


# --- export ----------------------------------------------------------------------------


def test_to_export_graph_gives_numbers_colours_and_unique_edge_ids(view: nx.MultiDiGraph) -> None:
    graph = to_export_graph(view)
    assert graph.nodes[ZELENSKY]["aliases"] == "Zelensky | Zelenskyy"
    assert graph.nodes[ZELENSKY]["class"] == "Person"
    assert graph.nodes[ZELENSKY]["color"] == "#4e79a7"
    assert (graph.nodes[ZELENSKY]["r"], graph.nodes[ZELENSKY]["g"]) == (78, 121)
    assert isinstance(graph.nodes[ZELENSKY]["size"], float)
    assert graph.nodes[ZELENSKY]["articles"] == 2
    keys = [k for _, _, k in graph.edges(keys=True)]
    assert len(set(keys)) == len(keys) == view.number_of_edges()
    edge = next(
        d
        for s, o, d in graph.edges(data=True)
        if (s, o, d["predicate"]) == (LEAVITT, WHITE_HOUSE, "spokesperson_of")
    )
    assert edge["weight"] == 2
    assert edge["titles"] == "press secretary | spokeswoman"
    assert json.loads(edge["evidence"])[1]["article"] == "reuters/003.txt"
    assert view.edges[LEAVITT, WHITE_HOUSE, "spokesperson_of"]["count"] == 2  # view untouched


@pytest.mark.parametrize(
    ("write", "read"), [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)]
)
def test_export_reads_back_with_numeric_weights_and_unique_ids(
    view: nx.MultiDiGraph,
    tmp_path: Path,
    write: Callable[[nx.MultiDiGraph, Path], Path],
    read: Callable[[Path], nx.Graph],
) -> None:
    umask = os.umask(0o022)
    try:
        path = write(view, tmp_path / "out" / "graph.xml")
    finally:
        os.umask(umask)
    assert path == tmp_path / "out" / "graph.xml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # a normal file, not a 0600 temp file
    graph = read(path)
    assert graph.number_of_nodes() == 16
    assert graph.number_of_edges() == 11
    ids = [e.get("id") for e in ElementTree.parse(path).iter() if e.tag.endswith("}edge")]
    assert len(ids) == len(set(ids)) == 11  # Gephi keeps one edge per id
    assert graph.nodes[SAO_PAULO]["label"] == "São Paulo"
    assert graph.nodes[ZELENSKY]["articles"] == 2
    for *_, data in graph.edges(data=True):
        assert {"predicate", "weight", "confidence", "titles", "evidence"} <= set(data)
        assert isinstance(data["weight"], (int, float)) and data["weight"] >= 1
        assert isinstance(data["confidence"], float)
        assert isinstance(json.loads(data["evidence"]), list)
    predicates = sorted(d["predicate"] for *_, d in graph.edges(data=True))
    assert predicates.count("president_of") == 3
    assert [p.name for p in path.parent.iterdir()] == ["graph.xml"]  # no temp file left


def test_graphml_carries_class_colour_and_size(view: nx.MultiDiGraph, tmp_path: Path) -> None:
    graph = nx.read_graphml(write_graphml(view, tmp_path / "g.graphml"))
    node = graph.nodes[SAO_PAULO]
    assert node["class"] == "Place" and node["color"] == "#59a14f"
    assert (node["r"], node["g"], node["b"]) == (0x59, 0xA1, 0x4F)
    assert isinstance(node["size"], float) and node["size"] >= 9


def test_gexf_has_viz_colour_and_size_by_class(view: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = write_gexf(view, tmp_path / "g.gexf")
    text = path.read_text(encoding="utf-8")
    assert "viz:color" in text and "viz:size" in text
    graph = nx.read_gexf(path)
    colours = {d["class"]: d["viz"]["color"] for _, d in graph.nodes(data=True)}
    assert colours["Person"] == {"r": 0x4E, "g": 0x79, "b": 0xA7, "a": 1.0}
    assert colours["Place"] != colours["Person"]
    assert all(d["viz"]["size"] >= 9 for _, d in graph.nodes(data=True))


def test_export_drops_characters_xml_cannot_hold(tmp_path: Path) -> None:
    view = nx.MultiDiGraph(articles=1)
    view.add_node("https://kg.example/person/X", label="Bell\x07 Ringer", cls="Person", aliases=[])
    write_graphml(view, tmp_path / "g.graphml")
    write_gexf(view, tmp_path / "g.gexf")
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["https://kg.example/person/X"][
        "label"
    ] == ("Bell Ringer")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 1


def test_export_failure_leaves_no_temp_file(view: nx.MultiDiGraph, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(OSError):
        write_graphml(view, target)
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]

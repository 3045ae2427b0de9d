"""SPARQL with guard rails, timeouts, result formats and the named queries (kg.query)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from rich.console import Console

import kg.query.guard
from kg.errors import KGError, QueryError
from kg.query import (
    PREFIXES,
    QueryResult,
    ResultTerm,
    check_query,
    run_query,
    to_term,
)
from kg.query.named import (
    list_named_queries,
    load_named_query,
    read_named_query,
    run_named_query,
)
from kg.vocab import SUPER_PROPERTY

FIXTURE = Path(__file__).parent / "data" / "query-fixture.trig"
KG = "https://kg.example/ontology#"
KGD = "https://kg.example/"
XSD = "http://www.w3.org/2001/XMLSchema#"
NAMED_QUERIES = {"affiliations", "co-mentioned", "evidence", "role-holders", "roles-as-of", "whois"}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """The query fixture in an in-memory store (tests must not write to it)."""
    s = ox.Store()
    s.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return s


@pytest.fixture(scope="module")
def big_store() -> ox.Store:
    """300 triples: a four-way cartesian product over them (8.1e9 rows) never finishes."""
    s = ox.Store()
    p, g = ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/g")
    s.extend(
        ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(str(i)), g)
        for i in range(300)
    )
    return s


EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def rows(result: QueryResult, *names: str) -> list[tuple[str, ...]]:
    """The values of some variables, row by row ("" where unbound)."""
    return [tuple(r.get(n, "") for n in names) for r in result.to_dicts()]


# --- guard rails ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <http://dbpedia.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SERVICE ?endpoint { ?s ?q ?r } }",
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://x.example/> { ?s ?p ?o } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x.example/> { ?s ?p ?o } } } }",
        "SELECT * WHERE { OPTIONAL { SERVICE <http://x.example/> { ?s ?p ?o } } }",
        "ASK { service <http://x.example/> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <http://x.example/> { ?s ?p ?o } }",
    ],
)
def test_check_query_refuses_service(query: str) -> None:
    with pytest.raises(QueryError, match=r"Refused SPARQL query: SERVICE .*--allow-network"):
        check_query(query)


@pytest.mark.parametrize(
    ("query", "clause"),
    [
        ("SELECT * FROM <http://x.example/data.ttl> WHERE { ?s ?p ?o }", "FROM <http"),
        ("SELECT * FROM NAMED <http://x.example/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM NAMED"),
        ("SELECT * FROM kgd:meta WHERE { ?s ?p ?o }", "FROM kgd:meta"),
        ("ASK FROM <http://x.example/data.ttl> { ?s ?p ?o }", "FROM <http"),
        ("DESCRIBE ?s FROM <http://x.example/d> WHERE { ?s ?p ?o }", "FROM <http"),
    ],
)
def test_check_query_refuses_from_and_from_named(query: str, clause: str) -> None:
    with pytest.raises(QueryError, match="Refused SPARQL query") as caught:
        check_query(query)
    assert clause in str(caught.value)
    assert "GRAPH <iri>" in str(caught.value)  # the local alternative is suggested


@pytest.mark.parametrize(
    ("update", "operation"),
    [
        ("INSERT DATA { <http://a.example/> <http://b.example/> 1 }", "INSERT DATA"),
        ("DELETE DATA { <http://a.example/> <http://b.example/> 1 }", "DELETE DATA"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("DELETE { ?s ?p ?o } INSERT { ?o ?p ?s } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
        ("WITH <http://g.example/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
        ("DROP ALL", "DROP"),
        ("DROP GRAPH <http://g.example/>", "DROP"),
        ("CLEAR DEFAULT", "CLEAR"),
        ("CREATE GRAPH <http://g.example/>", "CREATE"),
        ("COPY DEFAULT TO <http://g.example/>", "COPY"),
        ("MOVE DEFAULT TO <http://g.example/>", "MOVE"),
        ("ADD DEFAULT TO <http://g.example/>", "ADD"),
        ("LOAD <http://x.example/data.ttl>", "LOAD"),
        ("PREFIX ex: <http://e.example/>\nCLEAR ALL ; DROP ALL", "CLEAR, DROP"),
    ],
)
def test_check_query_refuses_updates(update: str, operation: str) -> None:
    with pytest.raises(QueryError, match=r"Refused SPARQL update") as caught:
        check_query(update)
    assert f"({operation})" in str(caught.value)
    assert "--allow-update" in str(caught.value)


def test_check_query_allows_updates_when_asked() -> None:
    assert check_query("DROP ALL", allow_update=True) == "update"
    assert (
        check_query("INSERT DATA { <http://a.example/> <http://b.example/> 1 }", allow_update=True)
        == "update"
    )


def test_check_query_refuses_load_and_using_without_network_even_for_updates() -> None:
    with pytest.raises(QueryError, match=r"LOAD <http://x.example/d.ttl> fetches a document"):
        check_query("LOAD <http://x.example/d.ttl>", allow_update=True)
    with pytest.raises(QueryError, match=r"USING <http://x.example/d>"):
        check_query(
            "DELETE { ?s ?p ?o } USING <http://x.example/d> WHERE { ?s ?p ?o }", allow_update=True
        )
    with pytest.raises(QueryError, match=r"SERVICE <http://x.example/>"):
        check_query(
            "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }",
            allow_update=True,
        )
    assert check_query("LOAD <http://x.example/d>", allow_update=True, allow_network=True) == (
        "update"
    )


def test_check_query_allows_network_clauses_when_asked() -> None:
    assert (
        check_query(
            "SELECT * WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }", allow_network=True
        )
        == "select"
    )
    assert (
        check_query("SELECT * FROM <http://x.example/d> WHERE { ?s ?p ?o }", allow_network=True)
        == "select"
    )


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x.example/> { ?s ?p ?o }",
        "# LOAD <http://x.example/d.ttl>\nSELECT * WHERE { ?s ?p ?o }",
        "# FROM <http://x.example/d>\nSELECT * WHERE { ?s ?p ?o }",
        "# DROP ALL\nSELECT * WHERE { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p 'SERVICE <http://x.example/> { ?s ?p ?o }' }",
        'SELECT * WHERE { ?s ?p "FROM <http://x.example/d>" }',
        'SELECT * WHERE { ?s ?p """LOAD <http://x.example/d>\n DROP ALL""" }',
        "SELECT * WHERE { ?s ?p ?o FILTER(?o != 'INSERT DATA { <a> <b> <c> }') }",
        "SELECT * WHERE { ?s <http://x.example/SERVICE> ?o }",
        "PREFIX service: <http://x.example/>\nSELECT * WHERE { ?s service:from ?load }",
        "SELECT ?service ?from WHERE { ?service ?from ?using }",
    ],
)
def test_check_query_allows_keywords_in_comments_strings_and_names(query: str) -> None:
    assert check_query(query) == "select"


def test_check_query_second_belt_refuses_a_keyword_the_parse_tree_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Simulate rdflib and Oxigraph disagreeing: the tree shows no SERVICE, the text does.
    monkeypatch.setattr(kg.query.guard, "_network_uses", lambda tree: iter(()))
    with pytest.raises(QueryError, match="keyword SERVICE appears outside comments"):
        check_query("SELECT * WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }")
    assert check_query("SELECT * WHERE { ?s ?p 'SERVICE' }") == "select"


def test_run_query_refused_update_leaves_the_store_unchanged(store: ox.Store) -> None:
    before = len(store)
    with pytest.raises(QueryError, match="Refused SPARQL update"):
        run_query(store, "DELETE WHERE { ?s ?p ?o }")
    assert len(store) == before


def test_run_query_runs_an_allowed_update() -> None:
    s = ox.Store()
    result = run_query(s, "INSERT DATA { GRAPH kgd:g { kgd:a rdfs:label 'A' } }", allow_update=True)
    assert result.kind == "update"
    assert len(s) == 1
    with pytest.raises(QueryError, match="an update returns no results"):
        result.to_csv()


def test_query_error_is_a_kg_error_and_a_value_error() -> None:
    with pytest.raises(KGError):
        check_query("DROP ALL")
    with pytest.raises(ValueError):
        check_query("DROP ALL")


# --- malformed queries ------------------------------------------------------------------


def test_malformed_query_reports_line_and_column() -> None:
    query = "SELECT ?x\nWHERE {\n  ?x ?y ?z .\n  FILTER( }"
    with pytest.raises(QueryError) as caught:
        check_query(query)
    message = str(caught.value)
    assert message.startswith("Malformed SPARQL query at line 4, column 3:")
    assert "  FILTER( }" in message  # the offending line is quoted with a caret
    assert "\n      ^" in message


def test_malformed_query_on_first_line() -> None:
    with pytest.raises(QueryError, match=r"at line 1, column 1: Expected \{SelectQuery"):
        check_query("SELEC ?x WHERE { ?x ?y ?z }")


def test_malformed_update_points_inside_the_operation() -> None:
    with pytest.raises(QueryError, match=r"Malformed SPARQL update at line 2, column 15"):
        check_query("PREFIX ex: <http://e.example/>\nINSERT DATA { <http://a> <http://b> }")


def test_oxigraph_syntax_error_reports_line_and_column(store: ox.Store) -> None:
    # rdflib's parser accepts this; Oxigraph's stricter one does not.
    with pytest.raises(QueryError) as caught:
        run_query(store, "SELECT *\nWHERE { ?s ?p ?o }\nGROUP BY ?s")
    message = str(caught.value)
    assert message.startswith("Malformed SPARQL query at line 3, column")
    assert "SELECT * is not authorized with GROUP BY" in message
    assert "..=" not in message  # Oxigraph's character classes are left out


def test_unknown_prefix_is_reported(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="Prefix not found"):
        run_query(store, "SELECT * WHERE { ?s nope:p ?o }")


@pytest.mark.parametrize(
    "query", ["", "   \n", "# nothing but a comment\n", "PREFIX ex: <http://e/>"]
)
def test_empty_query_is_refused(query: str) -> None:
    with pytest.raises(QueryError, match="empty"):
        check_query(query)


# --- running queries --------------------------------------------------------------------


def test_run_query_sees_the_union_of_graphs_with_predeclared_prefixes(store: ox.Store) -> None:
    result = run_query(store, "SELECT DISTINCT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }")
    assert result.kind == "select"
    assert result.variables == ("name",)
    assert sorted(r["name"] for r in result.to_dicts()) == [
        "Donald Trump",
        "Jake Sullivan",
        "Karoline Leavitt",
        "Mike Waltz",
        "Volodymyr Zelensky",
    ]


def test_run_query_binds_params(store: ox.Store) -> None:
    query = "SELECT DISTINCT ?who ?name WHERE { ?who rdfs:label ?name }"
    result = run_query(store, query, params={"name": "Mike Waltz"})
    assert rows(result, "who") == [(f"{KGD}person/Mike_Waltz",)]
    iri = run_query(store, query, params={"who": "kgd:person/Mike_Waltz"})
    assert rows(iri, "name") == [("Mike Waltz",)]


def test_run_query_param_must_be_projected(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="a SELECT query must project"):
        run_query(store, "SELECT ?who WHERE { ?who rdfs:label ?name }", params={"name": "X"})


def test_run_query_rejects_bad_params(store: ox.Store) -> None:
    query = "SELECT ?x WHERE { ?x ?p ?o }"
    with pytest.raises(QueryError, match=r"Invalid value 'not an iri' for \?x"):
        run_query(store, query, params={"x": "<not an iri>"})
    with pytest.raises(QueryError, match="Invalid parameter name 'my-x'"):
        run_query(store, query, params={"my-x": "a"})


def test_run_query_on_a_store_folder(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    on_disk = ox.Store(str(folder))
    on_disk.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    on_disk.flush()
    del on_disk
    result = run_query(folder, "ASK { kgd:person\\/Mike_Waltz a kg:Person }")
    assert result.boolean is True
    with pytest.raises(QueryError, match="Cannot open the store"):
        run_query(tmp_path / "missing", "ASK { ?s ?p ?o }")


def test_run_query_keeps_no_reference_to_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    on_disk = ox.Store(str(folder))
    insert = "INSERT DATA { GRAPH kgd:g { kgd:a rdfs:label 'A' } }"
    run_query(on_disk, insert, allow_update=True)  # rdflib's failed parse as a query leaves cycles
    assert run_query(on_disk, "ASK { kgd:a rdfs:label 'A' }").boolean is True
    del on_disk
    reopened = ox.Store(str(folder))  # RocksDB refuses while an old handle is alive anywhere
    assert len(reopened) == 1


def test_run_query_kgd_follows_the_base() -> None:
    s = ox.Store()
    s.add(
        ox.Quad(
            ox.NamedNode("https://news.example/person/A"),
            ox.NamedNode(KG + "x"),
            ox.Literal("1"),
            ox.NamedNode("https://news.example/graph/1"),
        )
    )
    query = "ASK { kgd:person\\/A kg:x '1' }"
    assert run_query(s, query).boolean is False
    assert run_query(s, query, base="https://news.example/").boolean is True


# --- timeout ----------------------------------------------------------------------------


def test_run_query_timeout_raises(big_store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"Query timed out after 0\.5 s"):
        run_query(big_store, EXPENSIVE, timeout=0.5)


def test_run_query_timeout_on_a_store_folder(tmp_path: Path, big_store: ox.Store) -> None:
    folder = tmp_path / "big"
    on_disk = ox.Store(str(folder))
    on_disk.extend(big_store)
    on_disk.flush()
    del on_disk
    with pytest.raises(QueryError, match="timed out"):
        run_query(folder, EXPENSIVE, timeout=0.5)
    result = run_query(folder, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=60)
    assert result.to_dicts() == [{"n": "300"}]


def test_run_query_with_a_timeout_returns_the_same_results(store: ox.Store) -> None:
    query = "SELECT DISTINCT ?who ?name WHERE { ?who rdfs:label ?name } ORDER BY ?name"
    direct = run_query(store, query, params={"name": "Mike Waltz"})
    in_child = run_query(store, query, params={"name": "Mike Waltz"}, timeout=60)
    assert in_child.rows == direct.rows
    assert in_child.variables == direct.variables


def test_run_query_with_a_timeout_reports_errors_from_the_child(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="a SELECT query must project"):
        run_query(store, "SELECT ?s WHERE { ?s ?p ?name }", params={"name": "X"}, timeout=60)


@pytest.mark.parametrize("timeout", [0, -1.0])
def test_run_query_rejects_a_timeout_not_above_zero(store: ox.Store, timeout: float) -> None:
    with pytest.raises(QueryError, match="Invalid timeout"):
        run_query(store, "ASK { ?s ?p ?o }", timeout=timeout)


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 2.7e7 rows, ~5 s


def test_run_query_stops_a_query_past_the_default_time_limit(
    big_store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.query.worker.DEFAULT_TIMEOUT", 0.5)  # 120 s is long for a test
    with pytest.raises(QueryError, match=r"Query timed out after 0\.5 s"):
        run_query(big_store, SLOW)


def test_run_named_query_stops_a_query_past_the_default_time_limit(
    big_store: ox.Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "slow.rq").write_text(f"# name: slow\n# description: slow\n{SLOW}\n")
    monkeypatch.setattr("kg.query.worker.DEFAULT_TIMEOUT", 0.5)
    with pytest.raises(QueryError, match=r"Query timed out after 0\.5 s"):
        run_named_query(big_store, "slow", directory=tmp_path)


def test_run_query_without_a_time_limit_runs_in_this_process(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_child(*args: object) -> bytes:
        raise AssertionError("timeout=None must not start a worker process")

    monkeypatch.setattr("kg.query.worker._evaluate_in_child", no_child)
    assert run_query(store, "ASK { ?s ?p ?o }", timeout=None).boolean is True
    assert run_query(ox.Store(), "DROP ALL", allow_update=True).kind == "update"  # no limit
    with pytest.raises(AssertionError, match="must not start"):
        run_query(store, "ASK { ?s ?p ?o }")  # the default limit runs it in a worker


def test_run_query_timeout_is_not_applied_to_updates() -> None:
    with pytest.raises(QueryError, match="cannot stop an update"):
        run_query(ox.Store(), "DROP ALL", allow_update=True, timeout=5)


# --- result formats ---------------------------------------------------------------------

SELECT_ROLES = """
SELECT DISTINCT ?person ?name ?asOf WHERE {
  ?st rdf:subject ?person ; rdf:predicate kg:adviser_to ; kg:asOf ?asOf .
  ?person rdfs:label ?name .
} ORDER BY ?asOf ?name
"""


def test_select_json_follows_sparql_results_json(store: ox.Store) -> None:
    document = json.loads(run_query(store, SELECT_ROLES, graphs="all").to_json())
    assert document["head"]["vars"] == ["person", "name", "asOf"]
    bindings = document["results"]["bindings"]
    assert len(bindings) == 3
    first = bindings[0]
    assert first["person"] == {"type": "uri", "value": f"{KGD}person/Jake_Sullivan"}
    assert first["name"] == {"type": "literal", "value": "Jake Sullivan"}
    assert first["asOf"] == {"type": "literal", "value": "2025-03-02", "datatype": XSD + "date"}


def test_select_csv_and_tsv_parse_back(store: ox.Store) -> None:
    result = run_query(store, SELECT_ROLES, graphs="all")
    table = list(csv.reader(io.StringIO(result.to_csv())))
    assert table[0] == ["person", "name", "asOf"]
    assert table[1:] == [
        [f"{KGD}person/Jake_Sullivan", "Jake Sullivan", "2025-03-02"],
        [f"{KGD}person/Mike_Waltz", "Mike Waltz", "2025-03-02"],
        [f"{KGD}person/Mike_Waltz", "Mike Waltz", "2025-03-10"],
    ]
    tsv = list(csv.reader(io.StringIO(result.to_tsv()), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tsv[0] == ["?person", "?name", "?asOf"]
    assert tsv[1][0] == f"<{KGD}person/Jake_Sullivan>"
    assert tsv[1][1] == '"Jake Sullivan"'
    assert tsv[1][2] == f'"2025-03-02"^^<{XSD}date>'
    assert len(tsv) == 4


def test_select_unbound_values_are_none(store: ox.Store) -> None:
    query = """SELECT ?a ?url WHERE { ?a a schema:NewsArticle OPTIONAL { ?a schema:url ?url } }
               ORDER BY ?a"""
    result = run_query(store, query, graphs="all")  # articles are described in kgd:meta
    assert [row[1] is None for row in result.rows] == [True, True, False]
    assert [sorted(d) for d in result.to_dicts()] == [["a"], ["a"], ["a", "url"]]
    assert result.rows[2][1] == ResultTerm(
        "https://notus.example/minerals-deal-talks", "literal", XSD + "anyURI"
    )


def test_result_terms_carry_their_type(store: ox.Store) -> None:
    result = run_query(
        store,
        "SELECT ?c WHERE { kgd:statement\\/a1000000000000000001 kg:confidence ?c }",
        graphs="all",  # statements are in the article graphs
    )
    (term,) = result.rows[0]
    assert term == ResultTerm("0.9", "literal", XSD + "decimal")
    assert term.to_pyoxigraph() == ox.Literal("0.9", datatype=ox.NamedNode(XSD + "decimal"))
    assert ResultTerm("x", "literal", language="en").to_pyoxigraph() == ox.Literal(
        "x", language="en"
    )


def test_ask_query(store: ox.Store) -> None:
    yes = run_query(store, "ASK { <https://kg.example/person/Mike_Waltz> kg:adviser_to ?org }")
    no = run_query(
        store, "ASK { <https://kg.example/person/Jake_Sullivan> kg:adviser_to ?org }"
    )  # former only
    assert (yes.kind, yes.boolean, no.boolean) == ("ask", True, False)
    assert json.loads(yes.to_json()) == {"head": {}, "boolean": True}
    assert yes.to_csv().strip() == "true"
    assert "false" in no.render("table")


def test_construct_query_gives_turtle_that_parses_back(store: ox.Store) -> None:
    query = """CONSTRUCT { ?p kg:spokesperson_of ?o ; rdfs:label ?name }
               WHERE { ?p kg:spokesperson_of ?o ; rdfs:label ?name }"""
    result = run_query(store, query)
    assert result.kind == "construct"
    assert len(result) == 2  # the same triples from two article graphs appear once
    turtle = result.to_turtle()
    assert "@prefix kg: <https://kg.example/ontology#>" in turtle
    assert "@prefix wdt:" not in turtle  # only the prefixes it uses
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    leavitt = rdflib.URIRef(f"{KGD}person/Karoline_Leavitt")
    expected = rdflib.Graph()
    expected.add(
        (
            leavitt,
            rdflib.URIRef(KG + "spokesperson_of"),
            rdflib.URIRef(f"{KGD}organization/White_House"),
        )
    )
    expected.add((leavitt, rdflib.RDFS.label, rdflib.Literal("Karoline Leavitt")))
    assert isomorphic(graph, expected)
    json_ld = rdflib.Graph().parse(data=result.to_json(), format="json-ld")
    assert isomorphic(json_ld, expected)


def test_describe_query_is_a_graph(store: ox.Store) -> None:
    result = run_query(store, "DESCRIBE <https://kg.example/organization/Democratic_Party>")
    assert result.kind == "construct"
    graph = rdflib.Graph().parse(data=result.to_turtle(), format="turtle")
    assert (
        rdflib.URIRef(f"{KGD}organization/Democratic_Party"),
        rdflib.RDFS.label,
        rdflib.Literal("Democratic Party"),
    ) in graph


def test_formats_that_do_not_fit_the_result_are_refused(store: ox.Store) -> None:
    graph = run_query(store, "CONSTRUCT WHERE { ?s rdfs:label ?o }")
    with pytest.raises(QueryError, match="Cannot write construct results as csv"):
        graph.render("csv")
    select = run_query(store, "SELECT * WHERE { ?s rdfs:label ?o } LIMIT 1")
    with pytest.raises(QueryError, match="Only CONSTRUCT and DESCRIBE"):
        select.render("turtle")
    with pytest.raises(QueryError, match="Unknown output format 'xml'; known: table, csv"):
        select.render("xml")


def test_table_shortens_iris_and_never_reads_markup() -> None:
    s = ox.Store()
    s.add(
        ox.Quad(
            ox.NamedNode(f"{KGD}person/A"),
            ox.NamedNode(KG + "sentence"),
            ox.Literal("[bold red]hi[/] [link=http://evil.example]x[/link]"),
            ox.NamedNode(f"{KGD}graph/1"),
        )
    )
    result = run_query(s, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    text = result.render("table")
    assert "kgd:person/A" in text and "kg:sentence" in text
    assert "[bold red]hi[/] [link=http://evil.example]x[/link]" in text
    table = result.to_table(hide=("p",))
    assert [c.header for c in table.columns] == ["s", "o"]
    console = Console(file=io.StringIO(), width=200)
    console.print(table)
    assert "kg:sentence" not in console.file.getvalue()  # type: ignore[attr-defined]


# --- parameters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Karoline Leavitt", ResultTerm("Karoline Leavitt")),
        ("kgd:person/Mike_Waltz", ResultTerm(f"{KGD}person/Mike_Waltz", "uri")),
        ("kg:works_for", ResultTerm(KG + "works_for", "uri")),
        ("<https://kg.example/person/X>", ResultTerm(f"{KGD}person/X", "uri")),
        ("https://kg.example/person/X", ResultTerm(f"{KGD}person/X", "uri")),
        ("urn:isbn:0451450523", ResultTerm("urn:isbn:0451450523", "uri")),
        ('"kg:works_for"', ResultTerm("kg:works_for")),
        ("U.S.", ResultTerm("U.S.")),
        ("Note: unknown prefix", ResultTerm("Note: unknown prefix")),
        ("nope:thing", ResultTerm("nope:thing")),
        ("2025-03-05", ResultTerm("2025-03-05")),
        ("works_for", ResultTerm("works_for")),
    ],
)
def test_to_term(value: str, expected: ResultTerm) -> None:
    assert to_term(value) == expected


def test_prefixes_are_predeclared() -> None:
    assert {
        "kg",
        "kgd",
        "rdf",
        "rdfs",
        "xsd",
        "skos",
        "owl",
        "schema",
        "prov",
        "org",
        "wdt",
    } <= set(PREFIXES)
    assert PREFIXES["kgd"] == KGD
    assert PREFIXES["schema"] == "http://schema.org/"


# --- named queries ----------------------------------------------------------------------


def test_list_named_queries() -> None:
    queries = list_named_queries()
    assert {q.name for q in queries} == NAMED_QUERIES
    assert [q.name for q in queries] == sorted(q.name for q in queries)
    for named in queries:
        assert named.description
        assert named.params
        assert all(p.description and p.example for p in named.params), named.name


@pytest.mark.parametrize("name", sorted(NAMED_QUERIES))
def test_named_query_is_a_safe_distinct_select_projecting_its_params(name: str) -> None:
    named = load_named_query(name)
    assert check_query(named.text) == "select"
    assert "SELECT DISTINCT" in named.text
    projection = named.text.split("WHERE", 1)[0]
    for param in named.params:
        assert f"?{param.name}" in projection.split("SELECT", 1)[1], param.name


def test_load_named_query_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(QueryError) as caught:
        load_named_query("who-is")
    message = str(caught.value)
    assert "Unknown named query 'who-is'; known: affiliations, co-mentioned" in message
    assert "whois" in message
    with pytest.raises(QueryError, match="Unknown named query"):
        load_named_query("../README")


def test_named_query_missing_required_param(store: ox.Store) -> None:
    with pytest.raises(
        QueryError, match=r"Missing parameter 'org' of the named query 'role-holders'"
    ):
        run_named_query(store, "role-holders", {})
    with pytest.raises(QueryError, match=r"Missing parameter 'date'.*e\.g\. --param date="):
        run_named_query(store, "roles-as-of", {"person": "Waltz"})


def test_named_query_unknown_param(store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"Unknown parameter organisation .*known: org"):
        run_named_query(store, "role-holders", {"organisation": "White House"})


def test_read_named_query_reports_every_header_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# name: other\n# param: ?bad\n# param: unused  Never used\nSELECT ?x {}\n")
    with pytest.raises(QueryError) as caught:
        read_named_query(path)
    message = str(caught.value)
    assert f"{path}:2: expected '# param: NAME  description'" in message
    assert f"{path}:3: parameter ?unused is not used" in message
    assert "'# name: broken' must head the file" in message
    assert "missing '# description: …'" in message


def test_named_queries_from_another_directory(tmp_path: Path, store: ox.Store) -> None:
    (tmp_path / "people.rq").write_text(
        "# name: people\n# description: Everyone.\n"
        "SELECT DISTINCT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }\n"
    )
    assert [q.name for q in list_named_queries(tmp_path)] == ["people"]
    result = run_named_query(store, "people", directory=tmp_path)
    assert len(result) == 5


def test_fixture_ontology_graph_mirrors_the_vocabulary(store: ox.Store) -> None:
    result = run_query(
        store,
        "SELECT ?p ?parent WHERE { GRAPH <https://kg.example/ontology> "
        "{ ?p rdfs:subPropertyOf ?parent } }",
    )
    found = {(r["p"].removeprefix(KG), r["parent"].removeprefix(KG)) for r in result.to_dicts()}
    assert found == set(SUPER_PROPERTY.items())


@pytest.mark.parametrize(
    "org",
    [
        "White House",
        "white house",
        "WHITE HOUSE",
        "kgd:organization/White_House",
        "https://kg.example/organization/White_House",
    ],
)
def test_role_holders(store: ox.Store, org: str) -> None:
    result = run_named_query(store, "role-holders", {"org": org})
    got = rows(result, "name", "role", "status", "articles", "latest")
    assert got == [
        ("Jake Sullivan", KG + "adviser_to", "former", "1", "2025-03-02"),
        ("Karoline Leavitt", KG + "spokesperson_of", "current", "2", "2025-03-02"),
        ("Mike Waltz", KG + "adviser_to", "current", "1", "2025-03-02"),
        ("Mike Waltz", KG + "adviser_to", "former", "1", "2025-03-10"),
    ]
    titles = {r["name"]: set(r.get("titles", "").split("; ")) for r in result.to_dicts()}
    assert titles["Karoline Leavitt"] == {"press secretary", "spokeswoman"}


def test_role_holders_of_a_place_and_of_nothing(store: ox.Store) -> None:
    us = run_named_query(store, "role-holders", {"org": "U.S."})  # an alias
    assert rows(us, "name", "role") == [("Donald Trump", KG + "president_of")]
    assert len(run_named_query(store, "role-holders", {"org": "Nowhere Inc"})) == 0


def test_affiliations_follow_the_sub_property_hierarchy(store: ox.Store) -> None:
    result = run_named_query(store, "affiliations", {"person": "jake sullivan"})
    assert rows(result, "relation", "objectName", "status") == [
        (KG + "adviser_to", "White House", "former"),
        (KG + "member_of", "Democratic Party", "current"),
    ]
    waltz = run_named_query(store, "affiliations", {"person": "Waltz"})
    assert rows(waltz, "status", "latest") == [("current", "2025-03-02"), ("former", "2025-03-10")]
    # met_with is not an affiliation; president_of is one, two levels down
    trump = run_named_query(store, "affiliations", {"person": "kgd:person/Donald_Trump"})
    assert rows(trump, "relation", "objectName") == [(KG + "president_of", "United States")]


def test_affiliations_without_the_ontology_graph_find_only_direct_ones() -> None:
    s = ox.Store()
    s.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    s.remove_graph(ox.NamedNode("https://kg.example/ontology"))
    assert len(run_named_query(s, "affiliations", {"person": "Mike Waltz"})) == 0


def test_evidence_by_subject(store: ox.Store) -> None:
    result = run_named_query(store, "evidence", {"subject": "Ms Leavitt"})
    assert rows(result, "date", "headline", "relation") == [
        (
            "2025-02-26",
            "Trump to host Zelensky as minerals deal talks resume",
            KG + "spokesperson_of",
        ),
        ("2025-03-02", "White House names its new security team", KG + "spokesperson_of"),
    ]
    sentences = [r["sentence"] for r in result.to_dicts()]
    assert sentences[0].startswith("White House press secretary Karoline Leavitt")


def test_evidence_by_predicate_includes_sub_properties(store: ox.Store) -> None:
    works_for = run_named_query(store, "evidence", {"predicate": "works_for"})
    assert sorted(r["statement"].rsplit("/", 1)[1][:3] for r in works_for.to_dicts()) == [
        "a10",
        "b20",
        "b20",
        "b20",
        "c30",
    ]
    assert {r["relation"] for r in works_for.to_dicts()} == {
        KG + "spokesperson_of",
        KG + "adviser_to",
    }
    by_curie = run_named_query(store, "evidence", {"predicate": "kg:works_for"})
    assert rows(by_curie, "statement") == rows(works_for, "statement")


def test_evidence_by_object_and_all_three(store: ox.Store) -> None:
    democrats = run_named_query(store, "evidence", {"object": "democrats"})
    assert rows(democrats, "subjectName", "headline") == [
        ("Jake Sullivan", "Waltz leaves White House post")
    ]
    fact = {"subject": "Waltz", "predicate": "adviser_to", "object": "White House"}
    result = run_named_query(store, "evidence", fact)
    assert rows(result, "date", "status") == [("2025-03-02", "current"), ("2025-03-10", "former")]
    assert len(run_named_query(store, "evidence", {})) == 10  # every statement, once each


def test_co_mentioned_ranks_by_shared_articles(store: ox.Store) -> None:
    result = run_named_query(store, "co-mentioned", {"person": "Karoline Leavitt"})
    assert rows(result, "name", "sharedArticles") == [
        ("Jake Sullivan", "2"),
        ("Mike Waltz", "2"),
        ("Volodymyr Zelensky", "2"),
        ("Donald Trump", "1"),
    ]
    trump = run_named_query(store, "co-mentioned", {"person": "trump"})
    assert rows(trump, "name") == [("Karoline Leavitt",), ("Volodymyr Zelensky",)]


def test_roles_as_of_takes_the_latest_statement_before_the_date(store: ox.Store) -> None:
    early = run_named_query(store, "roles-as-of", {"date": "2025-03-05"})
    assert rows(early, "name", "role", "organizationName", "status", "asOf") == [
        ("Donald Trump", KG + "president_of", "United States", "current", "2025-02-26"),
        ("Jake Sullivan", KG + "adviser_to", "White House", "former", "2025-03-02"),
        ("Karoline Leavitt", KG + "spokesperson_of", "White House", "current", "2025-03-02"),
        ("Mike Waltz", KG + "adviser_to", "White House", "current", "2025-03-02"),
        ("Volodymyr Zelensky", KG + "president_of", "Ukraine", "current", "2025-02-26"),
    ]
    late = run_named_query(store, "roles-as-of", {"date": "2025-03-15", "person": "Mike Waltz"})
    assert rows(late, "name", "status", "asOf") == [("Mike Waltz", "former", "2025-03-10")]
    sullivan = run_named_query(
        store, "roles-as-of", {"date": "2025-03-15", "person": "Sullivan", "org": "Democrats"}
    )
    assert rows(sullivan, "role", "status") == [(KG + "member_of", "current")]
    assert len(run_named_query(store, "roles-as-of", {"date": "2025-01-01"})) == 0


def test_whois(store: ox.Store) -> None:
    result = run_named_query(store, "whois", {"name": "TRUMP"})
    got = {(r["direction"], r["property"], r["valueLabel"]) for r in result.to_dicts()}
    assert got == {
        ("out", "http://www.w3.org/2004/02/skos/core#altLabel", "Trump"),
        ("out", KG + "articleCount", "1"),  # the consolidated graph counts the articles
        ("out", KG + "met_with", "Volodymyr Zelensky"),
        ("out", KG + "president_of", "United States"),
        (
            "in",
            "http://schema.org/mentions",
            "Trump to host Zelensky as minerals deal talks resume",
        ),
    }
    assert {r["class"] for r in result.to_dicts()} == {KG + "Person"}
    house = run_named_query(store, "whois", {"name": "kgd:organization/White_House"})
    incoming = {r["valueLabel"] for r in house.to_dicts() if r["direction"] == "in"}
    assert {"Karoline Leavitt", "Mike Waltz"} <= incoming
    assert len({r["value"] for r in house.to_dicts() if r["property"].endswith("mentions")}) == 3

"""`kg serve` end to end: a real server process, real SPARQL clients, the guard rails."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import psutil
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
from test_cli_query import make_store  # the fixture TriG as an on-disk store

from kg.serve import is_loopback, negotiate

ROOT = Path(__file__).resolve().parent.parent
KG = "https://kg.example/ontology#"
PEOPLE = (
    "PREFIX kg: <https://kg.example/ontology#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT DISTINCT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
)
NAMES = ["Donald Trump", "Jake Sullivan", "Karoline Leavitt", "Mike Waltz", "Volodymyr Zelensky"]


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str  # the endpoint, ending in /query

    @property
    def root(self) -> str:
        return self.url.removesuffix("query")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=20)


def start_server(store: Path, *args: str) -> Server:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("Serving"), (line, process.stderr.read() if process.stderr else "")
    url = next(word for word in line.split() if word.endswith("/query"))
    return Server(process, url)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("serve") / "kg.oxigraph")


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[Server]:
    running = start_server(store, "--max-rows", "50", "--workers", "2")
    yield running
    if running.process.poll() is None:
        running.stop()


def names(document: dict) -> list[str]:
    return [b["name"]["value"] for b in document["results"]["bindings"]]


def test_serve_answers_a_get_with_sparql_json(server: Server):
    response = httpx.get(server.url, params={"query": PEOPLE})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert names(response.json()) == NAMES


def test_serve_uses_the_predeclared_prefixes_of_kg_query(server: Server):
    query = "SELECT DISTINCT ?name WHERE { ?p kg:spokesperson_of ?o ; rdfs:label ?name }"
    assert names(httpx.get(server.url, params={"query": query}).json()) == ["Karoline Leavitt"]


def test_serve_answers_posts_urlencoded_and_sparql_query(server: Server):
    form = httpx.post(server.url, data={"query": PEOPLE})
    direct = httpx.post(
        server.url, content=PEOPLE, headers={"Content-Type": "application/sparql-query"}
    )
    assert names(form.json()) == names(direct.json()) == NAMES


@pytest.mark.parametrize(
    ("accept", "parse"),
    [
        ("text/csv", lambda text: [r["name"] for r in csv.DictReader(io.StringIO(text))]),
        (
            "text/tab-separated-values",
            lambda text: [line.strip('"') for line in text.splitlines()[1:]],
        ),
        (
            "application/sparql-results+xml",
            lambda text: [
                r.value
                for r in ox.parse_query_results(text.encode(), ox.QueryResultsFormat.XML)
                for r in [r["name"]]
            ],
        ),
    ],
)
def test_serve_writes_the_format_the_accept_header_asks_for(server: Server, accept, parse):
    response = httpx.get(server.url, params={"query": PEOPLE}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith(accept)
    assert parse(response.text) == NAMES


def test_serve_says_406_when_it_cannot_write_an_accepted_format(server: Server):
    response = httpx.get(server.url, params={"query": PEOPLE}, headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_serve_construct_is_turtle_or_n_triples(server: Server):
    query = "CONSTRUCT { ?p kg:spokesperson_of ?o } WHERE { ?p kg:spokesperson_of ?o }"
    turtle = httpx.get(server.url, params={"query": query})
    assert turtle.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=turtle.text, format="turtle")
    assert len(graph) == 1
    nt = httpx.get(server.url, params={"query": query}, headers={"Accept": "application/n-triples"})
    assert isomorphic(graph, rdflib.Graph().parse(data=nt.text, format="nt"))


def test_serve_answers_sparqlwrapper(server: Server):
    client = SPARQLWrapper(server.url)
    client.setQuery(PEOPLE)
    client.setReturnFormat(JSON)
    assert names(client.queryAndConvert()) == NAMES
    client.setQuery("ASK { ?p <https://kg.example/ontology#spokesperson_of> ?o }")
    assert client.queryAndConvert()["boolean"] is True
    client.setMethod("POST")
    client.setReturnFormat(TURTLE)
    client.setQuery("CONSTRUCT { ?p kg:spokesperson_of ?o } WHERE { ?p kg:spokesperson_of ?o }")
    graph = rdflib.Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert len(graph) == 1


def test_serve_answers_rdflib_sparqlstore(server: Server):
    graph = rdflib.Graph(store=SPARQLStore(server.url))
    assert sorted(str(row[0]) for row in graph.query(PEOPLE)) == NAMES
    spokes = rdflib.URIRef(KG + "spokesperson_of")
    # The default graph is the union of the article graphs: two articles state this one.
    assert len(set(graph.triples((None, spokes, None)))) == 1


class _Trap(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Trap.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def trap() -> Iterator[str]:
    """A local HTTP server that records any request made to it."""
    _Trap.hits.clear()
    http = ThreadingHTTPServer(("127.0.0.1", 0), _Trap)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_address[1]}/sparql"
    http.shutdown()
    http.server_close()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ],
)
def test_serve_refuses_remote_data_and_makes_no_request(server: Server, trap: str, query: str):
    response = httpx.get(server.url, params={"query": query.format(url=trap)})
    assert response.status_code == 403
    assert "Refused" in response.text
    assert _Trap.hits == []


def test_serve_refuses_updates_and_the_store_is_unchanged(server: Server, store: Path, trap: str):
    update = "INSERT DATA { <https://x.example/a> <https://x.example/b> 'c' }"
    as_query = httpx.get(server.url, params={"query": update})
    as_update = httpx.post(server.url, data={"update": update})
    as_body = httpx.post(
        server.url, content=f"LOAD <{trap}>", headers={"Content-Type": "application/sparql-update"}
    )
    assert [r.status_code for r in (as_query, as_update, as_body)] == [403, 403, 403]
    assert _Trap.hits == []
    ask = httpx.get(server.url, params={"query": "ASK { ?s <https://x.example/b> ?o }"})
    assert ask.json()["boolean"] is False


def test_serve_refuses_a_dataset_given_by_parameter(server: Server):
    response = httpx.get(
        server.url, params={"query": PEOPLE, "default-graph-uri": "http://x.example/"}
    )
    assert response.status_code == 400


def test_serve_reports_a_malformed_query_with_its_position(server: Server):
    response = httpx.get(server.url, params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert "line 1" in response.text


def test_serve_caps_the_rows_of_a_result(server: Server):
    response = httpx.get(server.url, params={"query": "SELECT * { ?s ?p ?o }"})
    assert response.status_code == 400
    assert "more than 50 rows" in response.text and "LIMIT" in response.text
    limited = httpx.get(server.url, params={"query": "SELECT * { ?s ?p ?o } LIMIT 50"})
    assert len(limited.json()["results"]["bindings"]) == 50


def test_serve_shows_the_viewer_at_the_root(server: Server):
    response = httpx.get(server.root)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in response.text and "Karoline Leavitt" in response.text


def test_serve_sees_what_a_writer_commits_while_it_serves(tmp_path: Path):
    store = make_store(tmp_path / "kg.oxigraph")
    running = start_server(store)
    try:
        ask = "ASK { GRAPH ?g { <https://x.example/new> ?p ?o } }"
        assert httpx.get(running.url, params={"query": ask}).json()["boolean"] is False
        writer = ox.Store(str(store))  # the server holds no lock: a build can open it
        writer.add(
            ox.Quad(
                ox.NamedNode("https://x.example/new"),
                ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                ox.Literal("new"),
                ox.NamedNode("https://x.example/graph/new"),
            )
        )
        answers = [httpx.get(running.url, params={"query": ask}).json()["boolean"] for _ in "ab"]
        assert answers == [True, True]  # every worker reopened the store
        del writer
    finally:
        running.stop()


def test_serve_times_out_a_slow_query_and_keeps_serving(store: Path):
    running = start_server(store, "--timeout", "1", "--workers", "1")
    try:
        slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
        response = httpx.get(running.url, params={"query": slow}, timeout=30)
        assert response.status_code == 503
        assert "timed out after 1 s" in response.text
        assert names(httpx.get(running.url, params={"query": PEOPLE}, timeout=30).json()) == NAMES
    finally:
        running.stop()


def test_serve_stops_cleanly_on_sigterm_with_its_workers(store: Path):
    running = start_server(store, "--workers", "2")
    httpx.get(running.url, params={"query": PEOPLE})
    workers = psutil.Process(running.process.pid).children(recursive=True)
    assert len(workers) == 2
    assert running.stop() == 0
    assert running.process.stdout is not None and "Stopped." in running.process.stdout.read()
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def test_serve_warns_when_it_listens_beyond_loopback(store: Path):
    running = start_server(store, "--host", "0.0.0.0")
    assert running.stop() == 0
    assert running.process.stderr is not None
    assert "not loopback" in running.process.stderr.read()


def test_serve_refuses_a_missing_store(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "none"), "--port", "0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "No kg store" in result.stderr


def test_is_loopback_and_negotiate():
    assert is_loopback("localhost") and is_loopback("127.0.0.2")
    assert not is_loopback("192.168.1.10")
    offered = ["application/sparql-results+json", "text/csv"]
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("*/*;q=0.1, text/csv;q=0", offered) == "application/sparql-results+json"


@pytest.mark.model
def test_serve_answers_while_kg_build_writes_the_store(tmp_path: Path):
    store = tmp_path / "kg.oxigraph"
    first = subprocess.run(
        [sys.executable, "-m", "kg", "build", "seeds", "--store", str(store)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    running = start_server(store)
    try:
        ask = 'ASK { ?article <http://schema.org/identifier> "extra-1" }'
        assert httpx.get(running.url, params={"query": ask}).json()["boolean"] is False
        extra = tmp_path / "extra.jsonl"
        text = (
            "Scott Bessent, the Treasury secretary, met Karoline Leavitt in Washington on Monday."
        )
        extra.write_text(json.dumps({"id": "extra-1", "text": text}) + "\n", encoding="utf-8")
        build = subprocess.run(
            [sys.executable, "-m", "kg", "build", str(extra), "--store", str(store)],
            capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        assert build.returncode == 0, build.stderr  # the server holds no lock
        assert "1 added" in build.stdout
        assert httpx.get(running.url, params={"query": ask}).json()["boolean"] is True
    finally:
        assert running.stop() == 0


def _ask(server: Server, query: str) -> bool:
    return bool(httpx.get(server.url, params={"query": query}).json()["boolean"])


SOURCE_FILE = f"<{KG}sourceFile>"


@pytest.mark.model
def test_serve_hides_source_file_paths_unless_asked(tmp_path: Path):
    folder = tmp_path / "private-folder"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Karoline Leavitt, the White House press secretary, spoke in Washington.",
        encoding="utf-8",
    )
    store = tmp_path / "kg.oxigraph"
    build = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(folder), "--store", str(store)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    leaks = (
        f"ASK {{ {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} "
        f'FILTER(CONTAINS(STR(?o), "private-folder") || ?p = {SOURCE_FILE}) }}'
    )
    article = "SELECT ?a WHERE { ?a <http://schema.org/identifier> ?id }"
    running = start_server(store)
    try:
        assert not _ask(running, leaks)
        (row,) = httpx.get(running.url, params={"query": article}).json()["results"]["bindings"]
        described = httpx.get(
            running.url,
            params={"query": f"DESCRIBE <{row['a']['value']}>"},
            headers={"Accept": "application/n-triples"},
        ).text
        assert "schema.org/identifier" in described and "private-folder" not in described
        graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        names = [
            b["g"]["value"]
            for b in httpx.get(running.url, params={"query": graphs}).json()["results"]["bindings"]
        ]
        assert names and not any(n.endswith("/local") for n in names)
    finally:
        assert running.stop() == 0
    running = start_server(store, "--with-source-files")
    try:
        assert _ask(running, leaks)
        assert _ask(running, f"ASK {{ ?a {SOURCE_FILE} ?f FILTER(STRENDS(?f, 'a.txt')) }}")
    finally:
        assert running.stop() == 0


def test_serve_refuses_a_store_with_source_files_in_its_metadata_graph(tmp_path: Path):
    # A store built by an older kg keeps kg:sourceFile in the metadata graph.
    path = make_store(tmp_path / "kg.oxigraph")
    article = ox.NamedNode("https://kg.example/article/old")
    legacy = ox.Quad(
        article,
        ox.NamedNode(KG + "sourceFile"),
        ox.Literal("/home/ada/private/old.txt"),
        ox.NamedNode("https://kg.example/meta"),
    )
    store = ox.Store(str(path))
    store.add(legacy)
    store.flush()
    del store
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--store", str(path), "--port", "0"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "kg:sourceFile" in result.stderr and "--with-source-files" in result.stderr
    running = start_server(path, "--with-source-files")
    try:
        assert _ask(running, f'ASK {{ ?a {SOURCE_FILE} "/home/ada/private/old.txt" }}')
    finally:
        assert running.stop() == 0
    # A writer moves them to the local graph, which kg serve hides.
    from kg.store import open_store

    with open_store(path, read_only=False) as kg:
        kg.ensure_local_graph()
    moved = ox.Store.read_only(str(path))
    assert legacy not in moved
    local = ox.NamedNode("https://kg.example/local")
    assert ox.Quad(legacy.subject, legacy.predicate, legacy.object, local) in moved
    del moved
    running = start_server(path)
    try:
        assert not _ask(running, f"ASK {{ ?a {SOURCE_FILE} ?f }}")
    finally:
        assert running.stop() == 0

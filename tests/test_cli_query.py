"""`kg query` end to end: named and ad-hoc queries, formats, guard rails, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import Result
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, StoreError

FIXTURE = Path(__file__).parent / "data" / "query-fixture.trig"
KG = "https://kg.example/ontology#"
KGD = "https://kg.example/"
PEOPLE = "SELECT DISTINCT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
NAMES = ["Donald Trump", "Jake Sullivan", "Karoline Leavitt", "Mike Waltz", "Volodymyr Zelensky"]


def make_store(path: Path) -> Path:
    """An on-disk Oxigraph store holding the fixture, closed so that the CLI can open it."""
    store = ox.Store(str(path))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store  # releases the RocksDB lock
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store the tests only read."""
    return make_store(tmp_path_factory.mktemp("cli-query") / "kg.oxigraph")


def kg(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["query", *map(str, args)], input=stdin, env={"COLUMNS": "200"})


def ok(*args: str | Path, stdin: str | None = None) -> Result:
    result = kg(*args, stdin=stdin)
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def fails(*args: str | Path) -> str:
    """Run a command that must fail with a KGError (exit 1); return the error message."""
    result = kg(*args)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, (QueryError, StoreError)), repr(result.exception)
    return str(result.exception)


def test_named_query_table(store: Path) -> None:
    result = ok("--store", store, "--name", "role-holders", "--param", "org=white house")
    for text in ("Karoline Leavitt", "kg:spokesperson_of", "Mike Waltz", "former", "2025-03-10"):
        assert text in result.stdout
    header = result.stdout.splitlines()[1]
    assert "titles" in header and "│ org " not in header and "┃ org " not in header
    assert "4 rows" in result.stderr


def test_named_query_csv_parses_back(store: Path) -> None:
    result = ok("--store", store, "-n", "co-mentioned", "-p", "person=Leavitt", "-F", "csv")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["name"], r["sharedArticles"]) for r in table] == [
        ("Jake Sullivan", "2"),
        ("Mike Waltz", "2"),
        ("Volodymyr Zelensky", "2"),
        ("Donald Trump", "1"),
    ]
    assert {r["person"] for r in table} == {"Leavitt"}  # the parameter is a column of the data


def test_named_query_json_parses_back(store: Path) -> None:
    result = ok(
        "--store",
        store,
        "--name",
        "affiliations",
        "--param",
        f"person=<{KGD}person/Mike_Waltz>",
        "--format",
        "json",
    )
    document = json.loads(result.stdout)
    assert "relation" in document["head"]["vars"]
    bindings = document["results"]["bindings"]
    assert [b["status"]["value"] for b in bindings] == ["current", "former"]
    assert bindings[0]["relation"] == {"type": "uri", "value": KG + "adviser_to"}


def test_adhoc_query_tsv(store: Path) -> None:
    result = ok("--store", store, PEOPLE, "--format", "tsv")
    lines = result.stdout.splitlines()
    assert lines[0] == "?name"
    assert lines[1:] == [f'"{n}"' for n in NAMES]


def test_adhoc_query_with_params(store: Path) -> None:
    query = "SELECT DISTINCT ?who ?name WHERE { ?who rdfs:label ?name }"
    result = ok("--store", store, query, "--param", "name=Mike Waltz", "-F", "csv")
    assert f"{KGD}person/Mike_Waltz" in result.stdout


def test_ask_prints_true_or_false(store: Path) -> None:
    assert ok("--store", store, "ASK { ?p kg:adviser_to ?o }").stdout == "true\n"
    assert ok("--store", store, "ASK { ?p kg:founder_of ?o }").stdout == "false\n"


def test_construct_prints_turtle(store: Path) -> None:
    query = "CONSTRUCT { ?p kg:member_of ?o } WHERE { ?p kg:member_of ?o }"
    result = ok("--store", store, query)
    assert "@prefix kg:" in result.stdout
    graph = rdflib.Graph().parse(data=result.stdout, format="turtle")
    assert list(graph) == [
        (
            rdflib.URIRef(f"{KGD}person/Jake_Sullivan"),
            rdflib.URIRef(KG + "member_of"),
            rdflib.URIRef(f"{KGD}organization/Democratic_Party"),
        )
    ]
    assert "cannot" in fails("--store", store, query, "--format", "csv").lower()


def test_query_from_file_and_stdin(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "people.rq"
    path.write_text(PEOPLE, encoding="utf-8")
    from_file = ok("--store", store, "--file", path, "-F", "csv")
    from_stdin = ok("--store", store, "-", "-F", "csv", stdin=PEOPLE)
    assert from_file.stdout == from_stdin.stdout
    assert from_file.stdout.splitlines()[1:] == NAMES


def test_query_a_data_file() -> None:
    result = ok("--data", FIXTURE, "-n", "whois", "-p", "name=Democrats", "-F", "json")
    values = {b["valueLabel"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]}
    assert {"Democrats", "Jake Sullivan", "Waltz leaves White House post"} <= values


def test_list_named_queries() -> None:
    result = ok("--list")
    for name in (
        "role-holders",
        "affiliations",
        "evidence",
        "co-mentioned",
        "roles-as-of",
        "whois",
    ):
        assert name in result.stdout
    assert "subject?" in result.stdout  # optional parameters are marked
    assert "e.g. White House" in result.stdout


def test_timeout_success_and_expiry(store: Path, tmp_path: Path) -> None:
    result = ok("--store", store, PEOPLE, "--timeout", "60", "-F", "csv")
    assert result.stdout.splitlines()[1:] == NAMES
    big = tmp_path / "big.nt"
    big.write_text(
        "".join(f'<http://example.org/s{i}> <http://example.org/p> "{i}" .\n' for i in range(300))
    )
    expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    assert "timed out after 0.5 s" in fails("--data", big, expensive, "--timeout", "0.5")


def test_guard_rails_exit_1(store: Path) -> None:
    service = "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }"
    assert "--allow-network" in fails("--store", store, service)
    assert "FROM <http" in fails(
        "--store", store, "SELECT * FROM <http://x.example/d> { ?s ?p ?o }"
    )
    assert "--allow-update" in fails("--store", store, "DELETE WHERE { ?s ?p ?o }")
    assert "fetches a document" in fails(
        "--store", store, "LOAD <http://x.example/d.ttl>", "--allow-update"
    )
    # the refused update did not touch the store
    assert ok("--store", store, PEOPLE, "-F", "csv").stdout.splitlines()[1:] == NAMES


def test_allowed_update_writes_the_store(tmp_path: Path) -> None:
    path = make_store(tmp_path / "kg.oxigraph")
    insert = "INSERT DATA { GRAPH kgd:extra { kgd:person\\/Ada a kg:Person ; rdfs:label 'Ada' } }"
    result = ok("--store", path, insert, "--allow-update")
    assert "Update applied." in result.stdout
    assert ok("--store", path, PEOPLE, "-F", "csv").stdout.splitlines()[1] == "Ada"
    ok("--store", path, "DROP GRAPH kgd:extra", "--allow-update")
    assert ok("--store", path, PEOPLE, "-F", "csv").stdout.splitlines()[1:] == NAMES
    assert "cannot stop an update" in fails(
        "--store", path, "DROP ALL", "--allow-update", "-t", "5"
    )


def test_update_on_a_data_file_leaves_the_file_alone(tmp_path: Path) -> None:
    data = tmp_path / "small.ttl"
    data.write_text("<http://example.org/a> <http://example.org/p> 1 .\n")
    result = ok("--data", data, "DELETE WHERE { ?s ?p ?o }", "--allow-update")
    assert "the file is unchanged" in result.stdout
    assert data.read_text() == "<http://example.org/a> <http://example.org/p> 1 .\n"


def test_errors_exit_1(store: Path, tmp_path: Path) -> None:
    malformed = fails("--store", store, "SELECT ?x\nWHERE { ?x ?y }")
    assert "Malformed SPARQL query at line 2, column" in malformed
    assert "Unknown named query 'nope'; known: affiliations" in fails(
        "--store", store, "-n", "nope"
    )
    assert "Missing parameter 'org'" in fails("--store", store, "-n", "role-holders")
    assert "Unknown parameter colour" in fails(
        "--store", store, "-n", "whois", "-p", "name=X", "-p", "colour=red"
    )
    assert "No kg store at" in fails("--store", tmp_path / "missing", PEOPLE)
    assert not (tmp_path / "missing").exists()
    assert "No kg store at" in fails("--store", tmp_path / "nope", "DROP ALL", "--allow-update")
    assert not (tmp_path / "nope").exists()  # an update never creates a store


@pytest.mark.parametrize(
    "args",
    [
        [],
        [PEOPLE, "--name", "whois"],
        ["--name", "whois", "--param", "name"],
        ["--name", "whois", "--param", "=x"],
        [PEOPLE, "--timeout", "0"],
        [PEOPLE, "--format", "xml"],
        ["--file", "/nonexistent/query.rq"],
    ],
)
def test_usage_errors_exit_2(store: Path, args: list[str]) -> None:
    result = kg("--store", store, *args)
    assert result.exit_code == 2, result.output


def test_console_script_reports_errors_on_stderr(store: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "query", "--store", str(store), "DROP ALL"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )
    assert proc.returncode == 1
    assert "Error: Refused SPARQL update (DROP)" in proc.stderr
    assert proc.stdout == ""


def test_table_fits_a_narrow_terminal_names_first_iris_cut(store: Path) -> None:
    query = (
        "SELECT ?person ?name ?org ?orgName WHERE { ?person kg:spokesperson_of ?org ; "
        "rdfs:label ?name . ?org rdfs:label ?orgName }"
    )
    result = CliRunner().invoke(app, ["query", "--store", str(store), query], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    header = lines[1]
    assert header.index("name") < header.index("person")  # names before IRIs
    assert "orgName" in header  # a header is never broken
    assert "Karoline" in result.stdout and "Leavitt" in result.stdout  # wrapped between words
    assert "…" in result.stdout and "kgd:person/Karoline_Leavitt" not in result.stdout
    assert "Column org left out" in result.stderr  # too narrow to be of use
    assert "--format csv" in result.stderr  # says where the whole values are
    whole = CliRunner().invoke(
        app, ["query", "--store", str(store), "-F", "csv", query], env={"COLUMNS": "60"}
    )
    row = next(csv.DictReader(io.StringIO(whole.stdout)))
    assert row["person"] == KGD + "person/Karoline_Leavitt"  # csv stays complete


def test_table_escapes_terminal_controls_from_the_data(tmp_path: Path) -> None:
    data = tmp_path / "evil.ttl"
    data.write_text(
        "<https://kg.example/person/X> <http://www.w3.org/2000/01/rdf-schema#label> "
        '"Ada\\u001b]0;owned\\u0007 Lovelace" .\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["query", "--data", str(data), "SELECT ?s ?name WHERE { ?s rdfs:label ?name }"]
    )
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Ada\\x1b]0;owned" in result.stdout  # shown, not obeyed


def test_table_with_no_rows_still_prints_its_header(store: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["query", "--store", str(store), "SELECT ?nobody WHERE { ?nobody kg:no_such ?x }"],
        env={"COLUMNS": "40"},
    )
    assert result.exit_code == 0, result.output
    assert "nobody" in result.stdout and "0 rows" in result.stderr

"""Every export format, parsed back by rdflib / csv and compared with the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.export import CSV_COLUMNS, FORMATS, RDF_FORMATS, export
from kg.iri import IRIMinter
from kg.rdf import article_quads
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.store import open_store

LEAVITT = Entity("Karoline Leavitt", "Person", ("Leavitt",))
WHITE_HOUSE = Entity("White House", "Organization", ("The White House",))
WALTZ = Entity("Mike Waltz", "Person")
US = Entity("United States", "Place", ("U.S.",))


def _graph(
    article_id: str, text: str, triples: list[tuple[Entity, str, Entity, str]]
) -> ArticleGraph:
    made = []
    for s, p, o, status in triples:
        ev = Evidence(text, 0, len(text), s.name, o.name, "test.rule", 0.8, "title", status)
        made.append(Triple(s, p, o, ev))
    entities = tuple(dict.fromkeys(e for t in triples for e in (t[0], t[2])))
    return ArticleGraph(
        Article(article_id, text, title="Head", date="2025-03-05"), entities, tuple(made)
    )


@pytest.fixture()
def small_store(tmp_path: Path) -> Path:
    path = tmp_path / "s"
    minter = IRIMinter()
    with open_store(path, read_only=False) as kg:
        kg.ensure_ontology()
        for g in (
            _graph(
                "a/1.txt", "Leavitt spoke.", [(LEAVITT, "spokesperson_of", WHITE_HOUSE, "current")]
            ),
            _graph(
                "a/2.txt",
                'Waltz "advised",\nthen left.',
                [
                    (WALTZ, "adviser_to", US, "former"),
                    (LEAVITT, "spokesperson_of", WHITE_HOUSE, "current"),
                ],
            ),
        ):
            kg.add(article_quads(g, minter, run="https://kg.example/run/1", fingerprint="f"))
    return path


def _union(path: Path) -> rdflib.Graph:
    data = rdflib.Dataset()
    data.parse(path.parent / "all.nq", format="nquads")
    flat = rdflib.Graph()
    for s, p, o, g in data.quads():
        if str(g) != "https://kg.example/ontology":
            flat.add((s, p, o))
    return flat


def test_export_rdf_formats_round_trip(small_store: Path, tmp_path: Path):
    with open_store(small_store) as kg:
        for fmt, suffix in (
            ("nq", "nq"),
            ("turtle", "ttl"),
            ("nt", "nt"),
            ("trig", "trig"),
            ("jsonld", "jsonld"),
        ):
            export(kg, fmt, tmp_path / f"all.{suffix}")
    expected = _union(tmp_path / "all.nq")
    assert len(expected) > 30
    for suffix, rdf_format in (("ttl", "turtle"), ("nt", "nt")):
        graph = rdflib.Graph().parse(tmp_path / f"all.{suffix}", format=rdf_format)
        assert isomorphic(graph, expected), suffix
    for suffix, rdf_format in (("trig", "trig"), ("jsonld", "json-ld")):
        data = rdflib.Dataset()
        data.parse(tmp_path / f"all.{suffix}", format=rdf_format)
        graphs = {str(g) for _, _, _, g in data.quads()}
        assert "https://kg.example/graph/a/1.txt" in graphs and "https://kg.example/meta" in graphs
        flat = rdflib.Graph()
        for s, p, o, _ in data.quads():
            flat.add((s, p, o))
        assert isomorphic(flat, expected), suffix


def test_export_jsonld_is_compacted_with_its_own_local_context(small_store: Path, tmp_path: Path):
    with open_store(small_store) as kg:
        written = export(kg, "jsonld", tmp_path / "x.jsonld")
    assert written == [tmp_path / "x.jsonld", tmp_path / "x.context.jsonld"]
    doc = json.loads((tmp_path / "x.jsonld").read_text(encoding="utf-8"))
    context = doc["@context"]
    assert isinstance(context, dict)  # in-lined: nothing to fetch
    assert json.loads((tmp_path / "x.context.jsonld").read_text())["@context"] == context
    assert context["kgd"] == "https://kg.example/"
    assert context["spokesperson_of"] == {"@id": "kg:spokesperson_of", "@type": "@id"}
    keys = {key for graph in doc["@graph"] for node in graph.get("@graph", []) for key in node}
    assert {"@id", "@type", "label", "spokesperson_of", "subject", "wasDerivedFrom"} <= keys
    assert not [k for k in keys if k.startswith("http")]  # no full IRI as a key
    article = next(g for g in doc["@graph"] if g["@id"] == "kgd:graph/a/1.txt")
    leavitt = next(n for n in article["@graph"] if n["@id"] == "kgd:person/Karoline_Leavitt")
    assert leavitt["@type"] == "kg:Person"
    assert leavitt["spokesperson_of"] == "kgd:organization/White_House"
    assert leavitt["label"] == "Karoline Leavitt"


def test_export_jsonld_to_stdout_or_a_fifo_writes_no_context_file_beside(
    small_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import os

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    runner = CliRunner()
    out = runner.invoke(app, ["export", "--store", str(small_store), "-f", "jsonld", "-o", "-"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["@context"]["kgd"] == "https://kg.example/"
    fifo = work / "pipe"
    os.mkfifo(fifo)
    with open_store(small_store) as kg:
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            assert export(kg, "jsonld", fifo) == [fifo]
        except BlockingIOError:  # the pipe's buffer is smaller than the document
            pass
        finally:
            os.close(reader)
    assert fifo.is_fifo()
    assert sorted(p.name for p in work.iterdir()) == ["pipe"]  # no "-.context.jsonld"


def test_export_jsonld_parses_back_with_the_network_cut(
    small_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the JSON-LD reader went to the network")

    with open_store(small_store) as kg:
        export(kg, "jsonld", tmp_path / "x.jsonld")
        export(kg, "nq", tmp_path / "x.nq")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    parsed, expected = rdflib.Dataset(), rdflib.Dataset()
    parsed.parse(tmp_path / "x.jsonld", format="json-ld")
    expected.parse(tmp_path / "x.nq", format="nquads")
    assert len(parsed) == len(expected) > 30


def test_export_with_ontology_adds_the_ontology_graph(small_store: Path, tmp_path: Path):
    with open_store(small_store) as kg:
        export(kg, "trig", tmp_path / "plain.trig")
        export(kg, "trig", tmp_path / "full.trig", with_ontology=True)
        export(kg, "jsonld", tmp_path / "full.jsonld", with_ontology=True)
        with pytest.raises(StoreError, match="cannot carry the ontology"):
            export(kg, "csv", tmp_path / "x.csv", with_ontology=True)
    graphs = {}
    for name, fmt in (("plain.trig", "trig"), ("full.trig", "trig"), ("full.jsonld", "json-ld")):
        data = rdflib.Dataset()
        data.parse(tmp_path / name, format=fmt)
        graphs[name] = {str(g) for _, _, _, g in data.quads()}
    assert "https://kg.example/ontology" not in graphs["plain.trig"]
    assert "https://kg.example/ontology" in graphs["full.trig"]
    assert graphs["full.jsonld"] == graphs["full.trig"]


def test_export_csv_has_one_row_per_relation_with_the_issue_columns(
    small_store: Path, tmp_path: Path
):
    with open_store(small_store) as kg:
        export(kg, "csv", tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 3
    former = next(r for r in rows if r["predicate"] == "adviser_to")
    assert former["status"] == "former" and former["document"] == "a/2.txt"
    assert former["sentence"] == 'Waltz "advised",\nthen left.'
    assert former["subject"] == "https://kg.example/person/Mike_Waltz"
    assert former["subject_label"] == "Mike Waltz" and former["date"] == "2025-03-05"
    assert (former["subject_class"], former["object_class"]) == ("Person", "Place")
    assert (former["start"], former["end"]) == ("0", str(len(former["sentence"])))


def test_export_unknown_format_is_refused(small_store: Path, tmp_path: Path):
    with (
        open_store(small_store) as kg,
        pytest.raises(StoreError, match="Unknown export format 'rdfxml'"),
    ):
        export(kg, "rdfxml", tmp_path / "x.rdf")


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20
).filter(str.strip)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(subject=names, obj=names, sentence=st.text(max_size=60))
def test_export_turtle_round_trips_any_text(tmp_path: Path, subject: str, obj: str, sentence: str):
    path = tmp_path / "p"
    import shutil

    shutil.rmtree(path, ignore_errors=True)
    g = _graph(
        "x",
        sentence or ".",
        [(Entity(subject, "Person"), "works_for", Entity(obj, "Organization"), "current")],
    )
    with open_store(path, read_only=False) as kg:
        kg.add(article_quads(g, IRIMinter(), run="https://kg.example/run/1", fingerprint="f"))
        export(kg, "nq", tmp_path / "all.nq")
        export(kg, "turtle", tmp_path / "all.ttl")
    assert isomorphic(
        rdflib.Graph().parse(tmp_path / "all.ttl", format="turtle"), _union(tmp_path / "all.nq")
    )


def test_export_neo4j_writes_import_ready_files_through_the_cli(small_store: Path, tmp_path: Path):
    out = tmp_path / "neo"
    result = CliRunner().invoke(
        app, ["export", "--format", "neo4j", "-o", str(out), "--store", str(small_store)]
    )
    assert result.exit_code == 0, result.output
    assert f"neo4j-admin database import full --nodes={out / 'nodes.csv'}" in result.stdout
    with (out / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.reader(handle))
    with (out / "relationships.csv").open(encoding="utf-8", newline="") as handle:
        rels = list(csv.reader(handle))
    assert nodes[0][:3] == ["iri:ID", "name", ":LABEL"]
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "weight:int" in rels[0]
    by_name = {row[1]: row for row in nodes[1:]}
    assert by_name["Karoline Leavitt"][2] == "Person"
    assert by_name["White House"][2] == "Organization"
    assert by_name["White House"][3] == "The White House"  # aliases:string[]
    ids = {row[0] for row in nodes[1:]}
    assert len(ids) == len(nodes) - 1
    (rel,) = [dict(zip(rels[0], row, strict=True)) for row in rels[1:]]
    assert rel[":TYPE"] == "SPOKESPERSON_OF" and rel["weight:int"] == "2"
    assert {rel[":START_ID"], rel[":END_ID"]} <= ids  # every relationship joins known nodes


def test_export_with_ontology_is_refused_for_graph_formats(small_store: Path, tmp_path: Path):
    result = CliRunner().invoke(
        app,
        [
            "export",
            "-o",
            str(tmp_path / "g.graphml"),
            "--with-ontology",
            "--store",
            str(small_store),
        ],
    )
    assert result.exit_code == 2
    assert not (tmp_path / "g.graphml").exists()


PRIVATE_FOLDER = "/home/ada/private-news"


@pytest.fixture()
def store_with_source_files(tmp_path: Path) -> Path:
    """Two articles read from files, as kg build stores them: with their absolute paths."""
    path = tmp_path / "s"
    with open_store(path, read_only=False) as kg:
        for n, triple in enumerate(
            [
                (LEAVITT, "spokesperson_of", WHITE_HOUSE, "current"),
                (WALTZ, "adviser_to", US, "current"),
            ]
        ):
            kg.add(
                article_quads(
                    _graph(f"sha256:{n}", "Leavitt spoke.", [triple]),
                    kg.minter,
                    run="https://kg.example/run/1",
                    fingerprint="f",
                    source_file=f"{PRIVATE_FOLDER}/{n}.txt",
                )
            )
    return path


def _exported(store: Path, out: Path, fmt: str, *more: str) -> tuple[int, bytes]:
    result = CliRunner().invoke(
        app, ["export", "-f", fmt, "-o", str(out), "--store", str(store), *more]
    )
    files = sorted(out.iterdir()) if out.is_dir() else [out] if out.exists() else []
    return result.exit_code, b"".join(f.read_bytes() for f in files)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_leaves_local_source_paths_out_unless_asked(
    store_with_source_files: Path, tmp_path: Path, fmt: str
):
    code, data = _exported(store_with_source_files, tmp_path / f"out.{fmt}", fmt)
    assert code == 0
    assert b"Karoline Leavitt" in data  # the export holds the graph...
    assert PRIVATE_FOLDER.encode() not in data and b"sourceFile" not in data  # ...not the paths
    with open_store(store_with_source_files) as kg:  # the store keeps them for kg prune
        assert kg.source_files()["sha256:0"] == {f"{PRIVATE_FOLDER}/0.txt"}
    code, data = _exported(
        store_with_source_files, tmp_path / f"all.{fmt}", fmt, "--with-source-files"
    )
    if fmt in RDF_FORMATS:
        assert code == 0
        assert f"{PRIVATE_FOLDER}/0.txt".encode() in data
        assert f"{PRIVATE_FOLDER}/1.txt".encode() in data
    else:  # a graph or table format has no place for them: a usage error, nothing written
        assert (code, data) == (2, b"")


def test_csv_and_neo4j_cells_never_run_as_formulas(tmp_path: Path):
    path = tmp_path / "s"
    evil = Entity('=HYPERLINK("http://x")', "Person")
    with open_store(path, read_only=False) as kg:
        kg.add(
            article_quads(
                _graph(
                    "a/1.txt",
                    "@SUM(A1) spoke.",
                    [(evil, "spokesperson_of", WHITE_HOUSE, "current")],
                ),
                IRIMinter(),
                run="https://kg.example/run/1",
                fingerprint="f",
            )
        )
    with open_store(path) as kg:
        export(kg, "csv", tmp_path / "r.csv")
        export(kg, "neo4j", tmp_path / "neo")
    for name in ("r.csv", "neo/nodes.csv", "neo/relationships.csv"):
        with (tmp_path / name).open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "@")], name
        assert any(c.startswith("'=HYPERLINK") or c.startswith("'@SUM") for c in cells), name

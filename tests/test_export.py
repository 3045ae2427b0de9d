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

from kg.errors import StoreError
from kg.export import CSV_COLUMNS, export
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


def test_export_jsonld_has_only_a_local_context(small_store: Path, tmp_path: Path):
    with open_store(small_store) as kg:
        export(kg, "jsonld", tmp_path / "x.jsonld")
    doc = json.loads((tmp_path / "x.jsonld").read_text(encoding="utf-8"))
    assert isinstance(doc["@context"], dict)
    assert all(isinstance(v, str) for v in doc["@context"].values())


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

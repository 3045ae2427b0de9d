"""The graph commands end to end: `kg stats|neighbors|path|central|communities`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import Result
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphError, StoreError

FIXTURE = Path(__file__).parent / "data" / "graph-fixture.trig"
KG = "https://kg.example/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def make_store(path: Path, data: Path | str = FIXTURE) -> Path:
    """An on-disk Oxigraph store holding ``data`` (a TriG file or TriG text), closed."""
    store = ox.Store(str(path))
    if isinstance(data, Path):
        store.load(path=str(data))
    else:
        store.load(data.encode("utf-8"), format=ox.RdfFormat.TRIG)
    store.flush()
    del store  # releases the RocksDB lock before the CLI opens it
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("cli-graph") / "kg.oxigraph")


def kg(*args: str | Path) -> Result:
    runner = CliRunner()
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def kg_json(*args: str | Path) -> Any:
    result = kg(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stats_tables(store: Path) -> None:
    result = kg("stats", "--store", store)
    assert result.exit_code == 0, result.output
    assert "16 entities, 11 relations, 3 articles" in result.stdout
    assert "5 connected components; the largest has 7 entities" in result.stdout
    assert "president_of" in result.stdout
    assert "Volodymyr Zelensky" in result.stdout


def test_stats_json(store: Path) -> None:
    data = kg_json("stats", "--store", store, "--top", "2")
    assert (data["nodes"], data["edges"], data["articles"]) == (16, 11, 3)
    assert data["by_class"] == {"Person": 7, "Place": 7, "Organization": 2}
    assert [item["label"] for item in data["top"]] == ["Volodymyr Zelensky", "Brazil"]


def test_neighbors_by_alias_with_title(store: Path) -> None:
    result = kg("neighbors", "Mr Starmer", "--hops", "2", "--store", store)
    assert result.exit_code == 0, result.output
    assert "5 entities within 2 relations to Keir Starmer (Person)" in result.stdout
    assert "Donald Trump met_with Volodymyr Zelensky" in result.stdout


def test_neighbors_json(store: Path) -> None:
    data = kg_json("neighbors", "sao paulo", "--store", store)
    assert data["label"] == "São Paulo"
    assert {(n["label"], n["distance"]) for n in data["neighbors"]} == {
        ("Brazil", 1),
        ("Johnson & Johnson", 1),
    }


def test_neighbors_of_an_isolated_entity(store: Path) -> None:
    result = kg("neighbors", "Bolsonaro", "--store", store)
    assert result.exit_code == 0
    assert "Jair Bolsonaro (Person) has no relation in the graph." in result.stdout


def test_neighbors_unknown_name_fails_with_suggestions(store: Path) -> None:
    result = kg("neighbors", "Zelenksy", "--store", store)
    assert result.exit_code == 1
    assert isinstance(result.exception, GraphError)
    assert "did you mean: Volodymyr Zelensky (Person)" in str(result.exception)


def test_neighbors_ambiguous_name_fails(store: Path) -> None:
    result = kg("neighbors", "Johnson", "--store", store)
    assert result.exit_code == 1
    assert isinstance(result.exception, GraphError)
    assert "Johnson & Johnson (Organization" in str(result.exception)


def test_neighbors_rejects_zero_hops(store: Path) -> None:
    result = kg("neighbors", "Starmer", "--hops", "0", "--store", store)
    assert result.exit_code == 2


def test_path_found_prints_each_hop_with_evidence(store: Path) -> None:
    result = kg("path", "London", "Trump", "--store", store)
    assert result.exit_code == 0, result.output
    assert "London → Donald Trump: 4 relations" in result.stdout
    assert "Keir Starmer prime_minister_of United Kingdom" in result.stdout
    assert "Trump met Zelensky in the Oval Office." in result.stdout
    assert "seeds/minerals-deal-talks.txt, 2025-02-26" in result.stdout


def test_path_not_found_says_so_and_exits_0(store: Path) -> None:
    result = kg("path", "Leavitt", "Lula", "--store", store)
    assert result.exit_code == 0
    assert "No connection between Karoline Leavitt and Luiz Inácio Lula da Silva." in result.stdout
    assert kg_json("path", "Leavitt", "Lula", "--store", store)["found"] is False


def test_path_json(store: Path) -> None:
    data = kg_json("path", "Trump", "Starmer", "--store", store)
    assert data["found"] is True
    assert [(h["subject"], h["predicate"], h["direction"]) for h in data["hops"]] == [
        ("Donald Trump", "met_with", "forward"),
        ("Keir Starmer", "met_with", "backward"),
    ]


def test_central_table_and_method_notes(store: Path) -> None:
    result = kg("central", "--top", "3", "--store", store)
    assert result.exit_code == 0, result.output
    assert "Volodymyr Zelensky" in result.stdout
    assert "PageRank: " in result.stdout
    assert "Betweenness: exact, over all 16 entities." in result.stdout
    sampled = kg("central", "--sample", "4", "--store", store)
    assert "Betweenness: estimated from 4 of 16 entities sampled with seed 42" in sampled.stdout


def test_central_json_is_deterministic(store: Path) -> None:
    first = kg_json("central", "--top", "4", "--store", store)
    assert first == kg_json("central", "--top", "4", "--store", store)
    assert len(first["degree"]) == 4
    assert first["pagerank"][0]["label"] == "Brazil"
    assert first["betweenness_sample"] is None


def test_communities(store: Path) -> None:
    result = kg("communities", "--top", "2", "--store", store)
    assert result.exit_code == 0, result.output
    assert "6 communities (2 of a single entity)" in result.stdout
    data = kg_json("communities", "--top", "2", "--store", store)
    assert data["total"] == 6
    assert [c["size"] for c in data["communities"]] == [4, 4]


def test_missing_store_fails(tmp_path: Path) -> None:
    result = kg("stats", "--store", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert isinstance(result.exception, StoreError)


def test_names_from_articles_are_printed_as_text_not_markup(tmp_path: Path) -> None:
    hostile = "[bold red]Evil[/] Corp"
    store = make_store(
        tmp_path / "hostile",
        f"""
        <https://kg.example/graph/a> {{
          <https://kg.example/organization/Evil> a <{KG}Organization> ;
              <{RDFS}label> "{hostile}" ;
              <{KG}based_in> <https://kg.example/place/Nowhere> .
          <https://kg.example/place/Nowhere> a <{KG}Place> ; <{RDFS}label> "Nowhere" .
        }}
        """,
    )
    result = kg("neighbors", "Nowhere", "--store", store)
    assert result.exit_code == 0, result.output
    assert hostile in result.stdout
    assert hostile in kg("stats", "--store", store).stdout


def test_console_script_reports_errors_on_stderr(store: Path) -> None:
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "neighbors", "Zelenksy", "--store", str(store)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    assert "Error:" in proc.stderr
    assert "Volodymyr Zelensky" in proc.stderr
    assert proc.stdout == ""


def test_cli_central_default_sample_matches_the_library_default():
    import inspect

    from kg.cli._graph import central
    from kg.graph import BETWEENNESS_SAMPLE

    assert inspect.signature(central).parameters["sample"].default == BETWEENNESS_SAMPLE

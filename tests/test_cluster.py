"""`kg build --cluster`: extraction on a local Dask cluster stores what one process stores."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cluster import DaskExtraction, parse_cluster
from kg.errors import ClusterError

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters" / "reuters-2017.jsonl"
ONTOLOGY_GRAPH = "https://kg.example/ontology"
RUN = "https://kg.example/run/"


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT
    )


def comparable(store: Path) -> set[str]:
    """The store's quads, the build run's random IRI and its description left out.

    The ontology graph (the same file, parsed with fresh blank nodes) is counted instead.
    """
    quads = set()
    ontology = 0
    for quad in ox.Store.read_only(str(store)):
        if str(quad.graph_name) == f"<{ONTOLOGY_GRAPH}>":
            ontology += 1
            continue
        if str(quad.subject).startswith(f"<{RUN}"):
            continue
        quads.add(
            str(quad).replace(str(quad.object), "<run>") if RUN in str(quad.object) else str(quad)
        )
    quads.add(f"ontology graph: {ontology} quads")
    return quads


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/corpus/reuters")
def test_cluster_build_stores_what_a_one_process_build_stores(tmp_path: Path):
    articles = tmp_path / "articles.jsonl"
    with REUTERS.open(encoding="utf-8") as corpus:
        articles.write_text("".join(itertools.islice(corpus, 24)), encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    alone = kg("build", str(articles), "--store", str(one), "--batch-size", "8")
    assert alone.returncode == 0, alone.stderr
    spread = kg("build", str(articles), "--store", str(two), "--batch-size", "5",
                "--cluster", "local:2")  # fmt: skip
    assert spread.returncode == 0, spread.stderr
    assert "Extracting on Dask: 2 workers" in spread.stderr
    assert "24 added" in spread.stdout
    expected = comparable(one)
    assert len(expected) > 1000
    assert comparable(two) == expected
    again = kg("build", str(articles), "--store", str(two), "--cluster", "local:2")
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 replaced, 24 unchanged" in again.stdout and "+0 triples" in again.stdout
    assert "Extracting on Dask" not in again.stderr  # nothing to extract: no cluster started


@pytest.mark.model
@pytest.mark.slow
def test_no_default_rules_gives_the_same_store_on_a_cluster_and_through_shards(tmp_path: Path):
    seed = ROOT / "seeds" / "minerals-deal-talks.txt"
    mine = tmp_path / "rules"  # the shipped patterns, and one title of all the lexicon
    mine.mkdir()
    (mine / "roles.toml").write_bytes((ROOT / "schemas" / "rules" / "roles.toml").read_bytes())
    (mine / "titles.tsv").write_text("press secretary\tspokesperson_of\n", encoding="utf-8")
    only = ("--rules", str(mine), "--no-default-rules")
    one, two, shards, loaded = (tmp_path / n for n in ("one", "two", "shards", "loaded"))
    for args in (
        ("--store", str(one)),
        ("--store", str(two), "--cluster", "local:1"),
        ("--shards", str(shards)),
    ):
        result = kg("build", str(seed), *only, *args)
        assert result.returncode == 0, result.stderr
    assert kg("load", str(shards), "--store", str(loaded)).returncode == 0
    expected = comparable(one)
    assert comparable(two) == expected
    assert comparable(loaded) == expected
    predicates = {q.split()[1] for q in expected if q.startswith("<")}
    assert "<https://kg.example/ontology#spokesperson_of>" in predicates
    # "Treasury Secretary Scott Bessent": a title of the shipped lexicon, not of these rules
    assert "<https://kg.example/ontology#secretary_of>" not in predicates
    default = kg("build", str(seed), "--store", str(one), "--cluster", "local:1")
    assert default.returncode == 0 and "1 replaced" in default.stdout  # other rules


def test_parse_cluster_refuses_what_is_not_a_cluster():
    assert parse_cluster("local:1") == ("local", 1)
    for value in ("local:0", "http://x:8786", "tcp://x", "remote"):
        with pytest.raises(ClusterError, match="--cluster"):
            parse_cluster(value)


def test_cluster_that_cannot_be_reached_is_a_clear_error():
    extraction = DaskExtraction("tcp://127.0.0.1:9", partition_size=1)
    with pytest.raises(
        ClusterError, match=r"Cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        extraction.client  # noqa: B018
    extraction.close()


@pytest.mark.model
@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/corpus/reuters")
def test_shards_then_load_give_the_store_a_build_gives(tmp_path: Path):
    articles = tmp_path / "articles.jsonl"
    with REUTERS.open(encoding="utf-8") as corpus:
        articles.write_text("".join(itertools.islice(corpus, 6)), encoding="utf-8")
    built, shards, loaded = tmp_path / "built", tmp_path / "shards", tmp_path / "loaded"
    assert kg("build", str(articles), "--store", str(built)).returncode == 0
    written = kg("build", str(articles), "--shards", str(shards))
    assert written.returncode == 0, written.stderr
    assert "6 articles" in written.stdout
    assert sorted(p.name for p in shards.iterdir()) == ["part-00000.nq", "run.nq"]
    load = kg("load", str(shards), "--store", str(loaded))
    assert load.returncode == 0, load.stderr
    assert comparable(loaded) == comparable(built)
    again = kg("build", str(articles), "--store", str(loaded))
    assert "0 added, 0 replaced, 6 unchanged" in again.stdout  # the fingerprints came along
    refused = kg("load", str(shards), "--store", str(loaded))
    assert refused.returncode == 1 and "holds" in refused.stderr and "new store" in refused.stderr


def test_load_refuses_a_folder_without_shards(tmp_path: Path):
    result = kg("load", str(tmp_path), "--store", str(tmp_path / "s"))
    assert result.returncode == 1
    assert "No N-Quads shards" in result.stderr

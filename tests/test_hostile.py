"""Hostile input through the real command line: every case exits as it should, prints no
traceback, and lets no raw control or bidi character reach stdout or stderr.

The store holds one article built by hand (no model) whose names, headline and sentence carry
terminal escape sequences, bidi overrides and spreadsheet formulas.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.iri import IRIMinter
from kg.rdf import article_quads, run_quads
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent

EVE = "Eve\x1b[2J\x1b]0;pwned\x07 Mallory"
BOB = "Bob \u202eyeknom\u202c Smith"
ACME = '=HYPERLINK("http://evil.example","click")'
CITY = "@Paris\x9b31m\u2066x\u2069"
HEADLINE = "\x1b[31mRed alert\x1b[0m headline"
SENTENCE = f"{EVE} works for {ACME}, said {BOB} in {CITY}."
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"

# A control or bidi character a terminal would act on. Line feeds and tabs lay text out, and
# CSV ends its lines with CR LF: those are allowed, a lone CR is not.
_RAW = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def _assert_clean(done: subprocess.CompletedProcess[str], code: int) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert "Traceback" not in output, output
    raw = _RAW.search(output.replace("\r\n", "\n"))
    assert raw is None and "\r" not in output.replace("\r\n", ""), repr(output)


def kg(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=300,
    )


def _hostile_graph() -> ArticleGraph:
    eve, bob = Entity(EVE, "Person"), Entity(BOB, "Person", (f"{BOB}\x1b[K",))
    acme, city = Entity(ACME, "Organization"), Entity(CITY, "Place")

    def evidence(subject: str, obj: str) -> Evidence:
        return Evidence(SENTENCE, 0, len(SENTENCE), subject, obj, "test.rule", 0.9)

    return ArticleGraph(
        Article("hostile\x1b[1m", SENTENCE, title=HEADLINE, date="2025-03-05"),
        (eve, bob, acme, city),
        (
            Triple(eve, "works_for", acme, evidence(EVE, ACME)),
            Triple(bob, "works_for", acme, evidence(BOB, ACME)),
        ),
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "kg.oxigraph"
    minter = IRIMinter()
    run = minter.run("00000000-0000-4000-8000-000000000001")
    graph = _hostile_graph()
    with open_store(path, read_only=False) as kg_store:
        kg_store.add(
            [
                *run_quads(
                    minter,
                    run,
                    started="2025-03-05T10:00:00Z",
                    model="blank",
                    model_version="0",
                    kg_version="0",
                ),
                *article_quads(graph, minter, run=run, fingerprint="0" * 64),
            ]
        )
    return path


# --- terminal output of article text -------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("stats",), 0),
        (("neighbors", EVE), 0),
        (("neighbors", BOB, "--hops", "2"), 0),
        (("neighbors", "Eve"), 1),  # the error suggests the hostile name
        (("neighbors", "Zed\x1b[2J\u202e"), 1),  # the error quotes what was typed
        (("path", EVE, BOB), 0),
        (("central",), 0),
        (("communities",), 0),
        (("validate",), 0),
        (("query", "SELECT ?name WHERE { ?e rdfs:label ?name }"), 0),
        (("query", "SELECT ?s ?h WHERE { ?s schema:headline ?h }"), 0),
        (("query", "CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e rdfs:label ?n }"), 0),
        (("query", "--name", "evidence", "--param", f"subject={EVE}"), 0),
        (("query", "SELECT \x1b[2J\u202e WHERE {"), 1),  # the syntax error quotes the query
        (("query", "--param", "x\x1b[31m=1", "ASK {}"), 2),  # a usage error quotes the option
        (("query", "--file", "no\x1b[2Jsuch\u202e.rq"), 2),  # and so does a missing file
    ],
    ids=lambda a: (
        "-".join(re.sub(r"\W+", "_", x)[:12] for x in a) if isinstance(a, tuple) else str(a)
    ),
)
def test_hostile_text_never_reaches_the_terminal_raw(
    store: Path, args: tuple[str, ...], code: int
) -> None:
    _assert_clean(kg(*args, "--store", store), code)


def test_hostile_table_shows_the_escapes(store: Path) -> None:
    done = kg("query", "SELECT ?name WHERE { ?e a kg:Person ; rdfs:label ?name }", "--store", store)
    _assert_clean(done, 0)
    assert "Eve\\x1b[2J\\x1b]0;pwned\\x07 Mallory" in done.stdout
    assert "Bob \\u202eyeknom\\u202c Smith" in done.stdout


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_hostile_query_csv_and_tsv_cells_are_neutralised(store: Path, fmt: str) -> None:
    done = kg(
        "query",
        "SELECT ?name WHERE { ?e rdfs:label ?name } ORDER BY ?name",
        "--format",
        fmt,
        "--store",
        store,
    )
    _assert_clean(done, 0)
    rows = list(csv.reader(io.StringIO(done.stdout), delimiter="," if fmt == "csv" else "\t"))
    cells = [row[0] for row in rows[1:]]
    assert all(not c.lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells
    assert any(c.lstrip('"').startswith("'=HYPERLINK") for c in cells), cells
    assert any(c.lstrip('"').startswith("'@Paris") for c in cells), cells


def test_hostile_query_json_escapes_but_keeps_the_exact_text(store: Path) -> None:
    done = kg(
        "query",
        "SELECT ?name WHERE { ?e a kg:Person ; rdfs:label ?name }",
        "-F",
        "json",
        "--store",
        store,
    )
    _assert_clean(done, 0)
    names = {b["name"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]}
    assert names == {EVE, BOB}


def test_hostile_export_csv_to_stdout_is_neutralised(store: Path) -> None:
    done = kg("export", "-o", "-", "-f", "csv", "--store", store)
    _assert_clean(done, 0)
    cells = [c for row in csv.reader(io.StringIO(done.stdout)) for c in row]
    assert "'" + ACME in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert "Exported csv to standard output" in done.stderr


def test_hostile_export_turtle_to_stdout_keeps_the_data(store: Path) -> None:
    done = kg("export", "-o", "-", "-f", "nt", "--store", store)
    _assert_clean(done, 0)
    graph = ox.parse(done.stdout.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    labels = {t.object.value for t in graph if t.predicate.value.endswith("#label")}
    assert {EVE, BOB, ACME, CITY} <= labels


def test_hostile_show_focus_writes_the_page(store: Path, tmp_path: Path) -> None:
    done = kg("show", "--focus", EVE, "-o", tmp_path / "v.html", "--store", store)
    _assert_clean(done, 0)
    assert "Wrote " in done.stdout and (tmp_path / "v.html").stat().st_size > 0


# --- query limits --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "1e400", "1e7"])
def test_hostile_timeout_values_are_usage_errors(store: Path, value: str) -> None:
    done = kg("query", "--timeout", value, "ASK {}", "--store", store)
    _assert_clean(done, 2)
    assert "--timeout" in done.stderr


def test_hostile_runaway_query_stops_at_its_time_limit(store: Path) -> None:
    done = kg("query", "--timeout", "1", RUNAWAY, "--store", store)
    _assert_clean(done, 1)
    assert "Query timed out after 1 s" in done.stderr


def test_hostile_deeply_nested_query_is_a_clear_error(store: Path) -> None:
    query = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    done = kg("query", query, "--store", store)
    _assert_clean(done, 1)
    assert "nested too deeply" in done.stderr and "5000" in done.stderr


def _workers(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat_line = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if int(stat_line.rsplit(")", 1)[1].split()[1]) == parent and b"kg.query.worker" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_hostile_ctrl_c_stops_a_running_query_and_its_worker(store: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "query", RUNAWAY, "--store", str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,  # a process group of its own, as a shell's foreground job
    )
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 120
        while not workers and proc.poll() is None and time.monotonic() < deadline:
            workers = _workers(proc.pid)  # polled: the worker starts when kg is ready
        assert workers, "no query worker started"
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    _assert_clean(subprocess.CompletedProcess(proc.args, proc.returncode, out, err), 130)
    assert "Interrupted." in err
    for pid in workers:  # the worker was killed, not left running
        assert (
            not Path(f"/proc/{pid}").exists()
            or "Z" in Path(f"/proc/{pid}/stat").read_text().split(")")[1][:3]
        )


# --- output paths (-o) ---------------------------------------------------------------------


def test_hostile_output_to_a_directory_is_an_error(store: Path, tmp_path: Path) -> None:
    done = kg("export", "-o", tmp_path, "-f", "turtle", "--store", store)
    _assert_clean(done, 1)
    assert "it is a folder" in done.stderr


def test_hostile_output_to_a_full_disk_is_an_error(store: Path) -> None:
    done = kg("export", "-o", "/dev/full", "-f", "nt", "--store", store)
    _assert_clean(done, 1)
    assert "/dev/full: the disk is full" in done.stderr


def test_hostile_output_without_permission_is_an_error(store: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/sys/kg-test.ttl")  # root may write anywhere but into sysfs
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        target = locked / "out.ttl"
    done = kg("export", "-o", target, "--store", store)
    _assert_clean(done, 1)
    assert "permission denied" in done.stderr


def test_hostile_output_dash_is_standard_output(store: Path, tmp_path: Path) -> None:
    done = kg("export", "-o", "-", "-f", "turtle", "--store", store, cwd=tmp_path)
    _assert_clean(done, 0)
    assert "@prefix" in done.stdout
    assert not (tmp_path / "-").exists()


def test_hostile_output_through_a_symlink_keeps_the_link(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.ttl"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    done = kg("export", "-o", link, "--store", store)
    _assert_clean(done, 0)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "@prefix" in target.read_text(encoding="utf-8")


def test_hostile_output_to_a_dangling_symlink_creates_its_target(
    store: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.ttl"
    link.symlink_to(tmp_path / "new.ttl")
    _assert_clean(kg("export", "-o", link, "--store", store), 0)
    assert link.is_symlink() and (tmp_path / "new.ttl").is_file()


def test_hostile_output_to_a_fifo_is_written_through(store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.nt"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = kg("export", "-o", fifo, "--store", store)
    reader.join(timeout=60)
    _assert_clean(done, 0)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"schema.org" in received[0]


def test_hostile_output_to_a_device_is_written_through(store: Path) -> None:
    done = kg("export", "-o", "/dev/null", "-f", "nt", "--store", store)
    _assert_clean(done, 0)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_hostile_show_output_to_a_directory_is_an_error(store: Path, tmp_path: Path) -> None:
    done = kg("show", "-o", tmp_path, "--store", store)
    _assert_clean(done, 1)
    assert "it is a folder" in done.stderr


# --- damaged and misplaced stores ----------------------------------------------------------


@pytest.fixture
def damaged(store: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "damaged.oxigraph"
    shutil.copytree(store, copy)
    yield copy


@pytest.mark.parametrize(
    "command", [("stats",), ("query", "ASK {}"), ("validate",), ("export", "-o", "-", "-f", "nt")]
)
def test_hostile_store_with_a_corrupt_current_file(damaged: Path, command: tuple[str, ...]) -> None:
    (damaged / "CURRENT").write_text("garbage\n", encoding="utf-8")
    done = kg(*command, "--store", damaged)
    _assert_clean(done, 1)
    assert "is damaged" in done.stderr and str(damaged) in done.stderr


def test_hostile_store_with_truncated_data_files(damaged: Path) -> None:
    for table in damaged.glob("*.sst"):
        table.write_bytes(table.read_bytes()[:100])
    for log in damaged.glob("*.log"):
        log.write_bytes(b"\x00" * 10)
    done = kg("query", "ASK { ?s ?p ?o }", "--store", damaged)
    _assert_clean(done, 1)
    assert "Error:" in done.stderr


@pytest.mark.parametrize("command", [("stats",), ("query", "ASK {}"), ("build", "seeds")])
def test_hostile_file_where_the_store_folder_should_be(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    not_a_store = tmp_path / "kg.oxigraph"
    not_a_store.write_text("not a store", encoding="utf-8")
    done = kg(*command, "--store", not_a_store)
    _assert_clean(done, 1)
    assert "is a file, not a folder" in done.stderr


def test_hostile_build_with_another_base_is_refused(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(store, copy)
    done = kg("build", "seeds", "--store", copy, "--base", "https://other.example/")
    _assert_clean(done, 1)
    assert "was built with the base IRI https://kg.example/" in done.stderr
    assert "Use --base https://kg.example/" in done.stderr


def test_hostile_store_of_kg_0_2_0_is_refused_for_building_but_read(tmp_path: Path) -> None:
    legacy = tmp_path / "old.oxigraph"
    minter = IRIMinter()
    graph = _hostile_graph()
    old = ox.Store(str(legacy))  # as kg 0.2.0 wrote it: no store record
    old.extend(article_quads(graph, minter, run=minter.run("r"), fingerprint="0" * 64))
    old.flush()
    del old
    done = kg("build", "seeds", "--store", legacy)
    _assert_clean(done, 1)
    assert "written by kg 0.2.0" in done.stderr and "--store NEW" in done.stderr
    _assert_clean(kg("query", "ASK { ?s ?p ?o }", "--store", legacy), 0)

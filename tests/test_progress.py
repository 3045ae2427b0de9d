"""Progress of ``kg build``: a bar on a terminal's stderr, nothing when piped or quiet.

The terminal is a real pseudo-terminal (``os.openpty``): the command decides for
itself, as it would for a user, whether its stderr is a terminal.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress

from kg.cli._progress import EtaColumn, RateColumn, item_progress

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ["Karoline Leavitt", "Mike Waltz", "Marco Rubio", "Pete Hegseth", "Tulsi Gabbard"]
ORGS = ["White House", "Pentagon", "State Department", "Senate", "Reuters"]


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    lines = []
    for i in range(40):
        person, org = PEOPLE[i % 5], ORGS[(i // 5) % 5]
        text = f"{person} spoke for the {org} on Monday. {person} met reporters in Washington."
        lines.append(json.dumps({"id": f"n{i}", "text": text, "date": "2025-03-05"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_on_terminal(*args: str) -> tuple[int, str, str]:
    """Run ``kg ARGS`` with stderr on a pseudo-terminal; (exit code, stdout, terminal text)."""
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:  # read as it comes, or a full terminal buffer would block the command
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    code = proc.wait()
    return code, stdout, b"".join(chunks).decode("utf-8", "replace")


def run_piped(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT
    )


@pytest.mark.model
def test_build_on_a_terminal_shows_progress(articles: Path, tmp_path: Path) -> None:
    store = tmp_path / "s"
    code, stdout, terminal = run_on_terminal(
        "build", str(articles), "--store", str(store), "--batch-size", "8", "--no-link"
    )
    assert code == 0, terminal
    assert "Building" in terminal
    assert "40/40" in terminal and "articles/s" in terminal and "ETA" in terminal
    assert "40 added" in stdout  # the summary stays on stdout


@pytest.mark.model
def test_build_piped_or_quiet_shows_no_progress(articles: Path, tmp_path: Path) -> None:
    piped = run_piped("build", str(articles), "--store", str(tmp_path / "s"), "--no-link")
    assert piped.returncode == 0, piped.stderr
    assert "Building" not in piped.stderr and "\x1b[" not in piped.stderr
    assert "40 added" in piped.stdout
    code, stdout, terminal = run_on_terminal(
        "build", str(articles), "--store", str(tmp_path / "q"), "--no-link", "-q"
    )
    assert code == 0, terminal
    assert "Building" not in terminal and "articles/s" not in terminal
    assert stdout == ""


@pytest.mark.model
def test_build_json_summary(articles: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    first = run_piped("build", str(articles), "--store", store, "--no-link", "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["added"] == 40 and summary["unchanged"] == 0
    assert summary["triples"] > 0 and summary["store"] == store
    again = json.loads(run_piped("build", str(articles), "--store", store, "--json").stdout)
    assert (again["added"], again["unchanged"], again["triples_added"]) == (0, 40, 0)


def test_progress_is_disabled_off_a_terminal() -> None:
    import io

    console = Console(file=io.StringIO(), force_terminal=False)
    assert item_progress(console, verb="Building", unit="articles").disable
    terminal = Console(file=io.StringIO(), force_terminal=True)
    assert not item_progress(terminal, verb="Building", unit="articles").disable
    assert item_progress(terminal, verb="Building", unit="articles", quiet=True).disable


def test_rate_and_eta_use_the_whole_run() -> None:
    progress = Progress(get_time=lambda: clock[0])
    clock = [0.0]
    task_id = progress.add_task("x", total=100)
    progress.start_task(task_id)
    task = progress.tasks[0]
    assert RateColumn("articles").render(task).plain == "– articles/s"
    clock[0] = 10.0
    progress.update(task_id, advance=40)  # one batch of 40 in ten seconds
    assert RateColumn("articles").render(task).plain == "4.0 articles/s"
    assert EtaColumn().render(task).plain == "ETA 0:00:15"

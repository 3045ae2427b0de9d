"""How fast Ctrl-C and the time limit stop a runaway ``kg query``.

Usage: ``python bench/interrupt_bench.py STORE [--runs N]`` (any store; the query is a cross
join of six triple patterns, which does not end on more than a few dozen triples).

For each run, ``kg query`` starts in a session of its own, as a shell starts a foreground job;
once its worker process has been running the query for one second, SIGINT goes to the whole
process group, as a terminal sends it on Ctrl-C. Printed: the seconds from SIGINT to the exit
of ``kg``, its exit code, and whether any worker process is left; then the same for the time
limit (``--timeout 2``): seconds from start to exit. The baseline is the start-up of
``kg query`` on a trivial query (``ASK {}``) in the same run, so the ratio says how much of
the stop is kg's own start and stop.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def _workers(parent: int) -> list[int]:
    """Pids of the query worker processes whose parent is ``parent``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and b"kg.query.worker" in cmdline:
            found.append(int(entry.name))
    return found


def _interrupt_once(store: str) -> tuple[float, int, bool]:
    proc = subprocess.Popen(
        _kg("query", "--store", store, RUNAWAY),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while not workers and time.monotonic() < deadline:
        workers = _workers(proc.pid)
        time.sleep(0.05)
    if not workers:
        proc.kill()
        raise SystemExit("no query worker process appeared within 60 s")
    time.sleep(1.0)  # the query is now running inside Oxigraph
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    proc.wait()
    stopped = time.monotonic() - sent
    left = any(Path(f"/proc/{pid}").exists() for pid in workers)
    return stopped, proc.returncode, left


def _timed(*args: str) -> tuple[float, int]:
    start = time.monotonic()
    done = subprocess.run(_kg(*args), capture_output=True)
    return time.monotonic() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    baseline = [_timed("query", "--store", args.store, "ASK {}")[0] for _ in range(args.runs)]
    base = statistics.median(baseline)
    print(f"baseline: kg query 'ASK {{}}' takes {base:.2f} s (median of {args.runs})")
    stops = []
    for i in range(args.runs):
        stopped, code, left = _interrupt_once(args.store)
        stops.append(stopped)
        print(f"Ctrl-C run {i + 1}: exit {code} {stopped:.3f} s after SIGINT; worker left: {left}")
    print(f"Ctrl-C: median {statistics.median(stops):.3f} s from SIGINT to exit")
    limits = []
    for i in range(args.runs):
        took, code = _timed("query", "--store", args.store, "--timeout", "2", RUNAWAY)
        limits.append(took)
        print(f"--timeout 2 run {i + 1}: exit {code} after {took:.2f} s")
    over = statistics.median(limits) - 2
    print(
        f"--timeout 2: median {statistics.median(limits):.2f} s in all, {over:.2f} s over the "
        f"limit = {over / base:.2f}x the baseline start-up"
    )


if __name__ == "__main__":
    main()

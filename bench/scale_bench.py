"""Beyond one process: a Dask cluster build, bulk loading, and ``kg serve`` under load.

Each part compares against a baseline measured in the same run:

1. **Cluster build.** ``kg build`` of the same articles (``--articles`` Reuters articles)
   in one process, then with ``--cluster local:N`` (``--workers``), both as the CLI runs
   them (model loading and cluster start-up included), into fresh stores; then the cluster
   build again (it must add 0). Ratio: one-process wall time / cluster wall time (above 1:
   the cluster is faster). The two stores are compared (article graphs and metadata,
   the random run IRI left out).
2. **Bulk load.** The synthetic store of ``bench/query_bench.py`` (``--quads``, 1M by
   default; generated once and reused) dumped as N-Quads, then loaded into fresh on-disk
   stores two ways: pyoxigraph's bulk loader (what ``kg load`` would use) and
   transactions of ``--batch`` quads (how ``kg build`` writes). Quads per second, ratio.
3. **kg serve.** The same store served by ``kg serve --workers W``; the named queries whose
   parameters are all entities (bound as ``kg query`` binds them) and the aggregate of
   ``query_bench`` are sent over HTTP by 1 client (baseline), then by ``--clients``
   concurrent clients, ``--rounds`` times each. Latency p50 / p95 / max, queries per second.
4. **Push.** The cluster-built store pushed to an Oxigraph server on 127.0.0.1 (PyPI
   ``oxigraph``), twice: seconds, graphs, and the server's quad count after each push.

Usage (from the repository root)::

    .venv/bin/python bench/scale_bench.py                       # 60 articles, 2 workers, 1M quads
    .venv/bin/python bench/scale_bench.py --quads 100000 --articles 20   # a smoke run
    .venv/bin/python bench/scale_bench.py --skip cluster        # only bulk load, serve, push

The report goes to stdout (and ``--output FILE``), progress to stderr.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import pyoxigraph as ox
from query_bench import AGGREGATE, build_store, choose_parameters, make_specs

from kg.push import push
from kg.query import list_named_queries

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters" / "reuters-2017.jsonl"
DEFAULT_STORE = ROOT / "bench" / "out" / "query-bench"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def kg(*args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT
    )
    if result.returncode:
        raise SystemExit(f"kg {' '.join(args)} failed:\n{result.stderr}")
    return time.perf_counter() - started, result


def comparable(store: Path) -> set[str]:
    """Quads outside the ontology graph, the run's IRI and description left out."""
    run = "<https://kg.example/run/"
    out = set()
    for quad in ox.Store.read_only(str(store)):
        text = str(quad)
        if str(quad.graph_name) == "<https://kg.example/ontology>" or str(quad.subject).startswith(
            run
        ):
            continue
        out.add(
            text.replace(str(quad.object), "<run>") if str(quad.object).startswith(run) else text
        )
    return out


def part_cluster(args: argparse.Namespace, tmp: Path) -> tuple[list[str], Path]:
    articles = tmp / "articles.jsonl"
    with REUTERS.open(encoding="utf-8") as corpus:
        articles.write_text("".join(itertools.islice(corpus, args.articles)), encoding="utf-8")
    one, two = tmp / "one", tmp / "cluster"
    log(f"one-process build of {args.articles} articles")
    t_one, r_one = kg("build", str(articles), "--store", str(one))
    log(f"cluster build (local:{args.workers})")
    t_two, r_two = kg(
        "build", str(articles), "--store", str(two), "--cluster", f"local:{args.workers}"
    )
    log("cluster build again (must add 0)")
    t_again, r_again = kg(
        "build", str(articles), "--store", str(two), "--cluster", f"local:{args.workers}"
    )
    same = comparable(one) == comparable(two)
    lines = [
        f"## 1. Cluster build: {args.articles} Reuters articles, whole CLI runs (model load and cluster start included)",
        f"  one process                 {t_one:7.1f} s   {args.articles / t_one:5.2f} articles/s",
        f"  --cluster local:{args.workers}            {t_two:7.1f} s   {args.articles / t_two:5.2f} articles/s",
        f"  ratio one process / cluster: {t_one / t_two:.2f}x (above 1: the cluster is faster)",
        f"  cluster build again          {t_again:7.1f} s   {r_again.stdout.strip().split('; ')[0]}",
        f"  stores identical (article graphs + metadata): {'yes' if same else 'NO'}",
        f"  one process: {r_one.stdout.strip()}",
        f"  cluster:     {r_two.stdout.strip()}",
        f"  cluster stderr: {' | '.join(r_two.stderr.strip().splitlines()[:2])}",
    ]
    return lines, two


def part_bulk(store: Path, tmp: Path, batch: int) -> list[str]:
    dump = tmp / "dump.nq"
    ox.Store.read_only(str(store)).dump(str(dump), format=ox.RdfFormat.N_QUADS)
    quads = sum(1 for _ in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS))
    log(f"bulk_load of {quads:,} quads")
    started = time.perf_counter()
    bulk = ox.Store(str(tmp / "bulk"))
    bulk.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    bulk.flush()
    t_bulk = time.perf_counter() - started
    del bulk
    log(f"transactions of {batch:,} quads")
    started = time.perf_counter()
    txn = ox.Store(str(tmp / "txn"))
    parsed = ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS)
    while chunk := list(itertools.islice(parsed, batch)):
        txn.extend(chunk)
    txn.flush()
    t_txn = time.perf_counter() - started
    del txn
    return [
        f"## 2. Loading {quads:,} quads ({dump.stat().st_size / 2**20:.0f} MB N-Quads) into a fresh on-disk store",
        f"  Store.bulk_load             {t_bulk:7.1f} s   {quads / t_bulk:10,.0f} quads/s",
        f"  transactions of {batch:,} quads {t_txn:7.1f} s   {quads / t_txn:10,.0f} quads/s",
        f"  ratio transactions / bulk_load: {t_txn / t_bulk:.2f}x",
    ]


def start_serve(store: Path, workers: int) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0",
         "--workers", str(workers), "--max-rows", "1000000", "--timeout", "120"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline()
    return process, next(w for w in line.split() if w.endswith("/query"))


def _latencies(
    url: str, queries: Sequence[str], clients: int, rounds: int
) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def client(offset: int) -> None:
        with httpx.Client(timeout=300) as http:
            for i in range(rounds * len(queries)):
                query = queries[(i + offset) % len(queries)]
                started = time.perf_counter()
                response = http.post(url, data={"query": query})
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors[0] += response.status_code != 200

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - started, errors[0]


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def part_serve(store: Path, args: argparse.Namespace) -> list[str]:
    reader = ox.Store.read_only(str(store))
    parameters = choose_parameters(reader)
    # The endpoint takes no substitutions: keep the named queries whose parameters are all
    # entities, which make_specs has already bound in the text (as kg query binds them).
    entity_params = {n.name: {p.name for p in n.params if p.entity} for n in list_named_queries()}
    specs = [
        s
        for s in make_specs(parameters, reader)
        if s.kind == "sparql"
        and s.named
        and "†" not in s.label
        and all(k in entity_params[s.named] for k, _ in s.params)
    ]
    queries = [s.text for s in specs] + [AGGREGATE]
    labels = [s.label for s in specs] + ["aggregate"]
    del reader
    process, url = start_serve(store, args.serve_workers)
    try:
        log(f"serve: warm-up, then 1 client, then {args.clients} clients")
        _latencies(url, queries, 1, 1)
        one, t_one, e_one = _latencies(url, queries, 1, args.rounds)
        many, t_many, e_many = _latencies(url, queries, args.clients, args.rounds)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)

    def row(name: str, values: list[float], wall: float, errors: int) -> str:
        return (
            f"  {name:<12} {len(values):4d} queries  p50 {_pct(values, 50) * 1000:7.0f} ms  "
            f"p95 {_pct(values, 95) * 1000:7.0f} ms  max {max(values) * 1000:7.0f} ms  "
            f"{len(values) / wall:5.1f} q/s  {errors} errors"
        )

    return [
        f"## 3. kg serve --workers {args.serve_workers} on {len(ox.Store.read_only(str(store))):,} quads: "
        f"{len(queries)} queries x {args.rounds} rounds per client",
        f"  queries: {', '.join(labels)}",
        row("1 client", one, t_one, e_one),
        row(f"{args.clients} clients", many, t_many, e_many),
        f"  ratio p50 {args.clients} clients / 1 client: {_pct(many, 50) / _pct(one, 50):.2f}x; "
        f"throughput ratio {len(many) / t_many / (len(one) / t_one):.2f}x",
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def part_push(store: Path, tmp: Path) -> list[str]:
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
        "oxigraph"
    )
    if binary is None:
        return ["## 4. Push: skipped (pip install oxigraph for the server)"]
    port = _free_port()
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    count = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"

    def on_server() -> int:
        answer = httpx.get(base + "/query", params={"query": count},
                           headers={"Accept": "application/sparql-results+json"})  # fmt: skip
        return int(answer.json()["results"]["bindings"][0]["n"]["value"])

    try:
        for _ in range(200):
            try:
                httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        lines = [f"## 4. kg push of {store.name} to an Oxigraph server on 127.0.0.1"]
        local = len(ox.Store.read_only(str(store)))
        for attempt in ("first", "second"):
            report = push(store, base + "/store", allow_private=True)
            lines.append(
                f"  {attempt} push: {report.seconds:6.2f} s  {report.graphs:,} graphs  "
                f"{report.triples:,} triples  ({report.graphs / report.seconds:,.0f} graphs/s); "
                f"server holds {on_server():,} quads (store: {local:,})"
            )
        return lines
    finally:
        server.terminate()
        server.wait(timeout=20)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--articles", type=int, default=60, help="Reuters articles of the cluster build (60)")
    add("--workers", type=int, default=2, help="Dask workers of the cluster build (2)")
    add("--quads", type=int, default=1_000_000, help="size of the synthetic store (1,000,000)")
    add(
        "--store",
        type=Path,
        help="synthetic store folder (default bench/out/query-bench/store-q<QUADS>-s7)",
    )
    add("--batch", type=int, default=5_000, help="quads per transaction in part 2 (5,000)")
    add("--clients", type=int, default=8, help="concurrent HTTP clients (8)")
    add("--rounds", type=int, default=3, help="rounds of the query mix per client (3)")
    add("--serve-workers", type=int, default=2, help="kg serve --workers (2)")
    add("--skip", action="append", default=[], choices=("cluster", "bulk", "serve", "push"))
    add("--output", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    store = args.store or DEFAULT_STORE / f"store-q{args.quads}-s7"
    report = [
        "# kg scale benchmark",
        f"date: {time.strftime('%Y-%m-%d %H:%M')}; Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at start",
        f"command: python bench/scale_bench.py {' '.join(sys.argv[1:] if argv is None else argv)}",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as folder:
        tmp = Path(folder)
        pushed = None
        if "cluster" not in args.skip:
            lines, pushed = part_cluster(args, tmp)
            report += [*lines, ""]
        parts: list[tuple[str, Callable[[], list[str]]]] = [
            ("bulk", lambda: part_bulk(store, tmp, args.batch)),
            ("serve", lambda: part_serve(store, args)),
        ]
        if any(p not in args.skip for p in ("bulk", "serve")):
            build_store(store, quads=args.quads, seed=7, write="bulk")
        for name, run in parts:
            if name not in args.skip:
                report += [*run(), ""]
        if "push" not in args.skip and pushed is not None:
            report += [*part_push(pushed, tmp), ""]
    report.append(f"load average at the end: {os.getloadavg()[0]:.1f}")
    text = "\n".join(report)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

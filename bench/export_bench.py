"""Time every ``kg export`` format against Oxigraph's own N-Quads dump of the same store.

The baseline is the cheapest way to get the data out: ``Store.dump`` as N-Quads, measured
before and after the exports in the same run (ratios use the mean of both). Each format is
written to a temporary folder and its size reported.

    .venv/bin/python bench/export_bench.py --store graphs/kg.oxigraph
    .venv/bin/python bench/export_bench.py --store S --formats jsonld csv --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.export import FORMATS, export
from kg.store import KGStore, open_store

SUFFIX = {"turtle": "ttl", "neo4j": "neo4j"}


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="An existing kg store.")
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--repeat", type=int, default=1, help="Runs per format; the best counts.")
    args = parser.parse_args()
    with open_store(args.store, read_only=True) as kg, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def baseline(kg: KGStore = kg) -> None:
            with (out / "baseline.nq").open("wb") as handle:
                kg.ox.dump(handle, format=ox.RdfFormat.N_QUADS)

        first = best_of(args.repeat, baseline)
        rows = []
        for fmt in args.formats:
            path = out / f"kg.{SUFFIX.get(fmt, fmt)}"
            seconds = best_of(args.repeat, lambda fmt=fmt, path=path: export(kg, fmt, path))
            rows.append((fmt, seconds, size(path)))
        second = best_of(args.repeat, baseline)
        base = statistics.mean((first, second))
        print(f"store {args.store}: {len(kg):,} quads")
        print(f"baseline: Oxigraph N-Quads dump {base:.2f} s ({first:.2f}, {second:.2f})")
        print(f"{'format':<8} {'seconds':>8} {'x dump':>7} {'bytes':>12}")
        for fmt, seconds, n_bytes in rows:
            print(f"{fmt:<8} {seconds:>8.2f} {seconds / base:>7.1f} {n_bytes:>12,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

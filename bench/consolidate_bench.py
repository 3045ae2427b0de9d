"""What keeping the consolidated graph in step costs a build, and what it saves a query.

The article quads of a built store are replayed into fresh stores, batch by batch as
``kg build`` commits them, two ways in the same run:

- baseline: ``Store.extend`` of each batch (how kg stored new articles before the
  consolidated graph; no consolidation);
- kg: :meth:`kg.store.KGStore.replace_articles` (one SPARQL update per batch: the
  articles and the change to ``{base}kg``), then the link update.

Then the natural query of issue 8 runs over the union of all graphs (as before) and over
the consolidated graph (the default now), with a time limit. spaCy is not involved: its
time is the same either way, so the ratio here is the storage overhead alone.

    .venv/bin/python bench/consolidate_bench.py STORE [--batch-size 64] [--timeout 300]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.link import update_links
from kg.query import run_query
from kg.store import open_store

NATURAL = (
    "SELECT ?l (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?p . ?p a kg:Person ; "
    "rdfs:label ?l . OPTIONAL { ?p kg:member_of ?party } } GROUP BY ?l"
)


def article_batches(path: Path, batch_size: int) -> list[list[tuple[str, list[ox.Quad]]]]:
    """``(article id, its quads)`` of every article of the store at ``path``, in batches."""
    with open_store(path) as kg:
        base = kg.minter.base
        meta = ox.NamedNode(kg.minter.metadata_graph)
        articles = []
        for article_id in kg.article_ids():
            graph = ox.NamedNode(kg.minter.article_graph(article_id))
            node = ox.NamedNode(kg.minter.article(article_id))
            quads = list(kg.ox.quads_for_pattern(None, None, None, graph))
            quads += list(kg.ox.quads_for_pattern(node, None, None, meta))
            articles.append((article_id, quads))
    assert base
    return [articles[i : i + batch_size] for i in range(0, len(articles), batch_size)]


def time_query(store: Path, graphs: str, timeout: float) -> str:
    started = time.perf_counter()
    try:
        rows = len(run_query(str(store), NATURAL, graphs=graphs, timeout=timeout))
    except Exception as exc:  # a timeout is a result here
        return f"{graphs}: failed after {time.perf_counter() - started:.1f} s ({exc})"
    return f"{graphs}: {time.perf_counter() - started:.2f} s, {rows} rows"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="A built store whose articles are replayed")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    batches = article_batches(args.store, args.batch_size)
    n = sum(len(b) for b in batches)
    with tempfile.TemporaryDirectory() as folder:
        plain, kept = Path(folder) / "plain", Path(folder) / "kept"
        started = time.perf_counter()
        with open_store(plain, read_only=False) as kg:
            for batch in batches:
                kg.add(q for _, quads in batch for q in quads)
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        with open_store(kept, read_only=False) as kg:
            for batch in batches:
                kg.replace_articles([], new=batch)
            links = len(update_links(kg))
        consolidated = time.perf_counter() - started
        print(f"{n} articles in {len(batches)} batches of {args.batch_size}")
        print(f"store, baseline (extend, no consolidated graph): {baseline:.2f} s")
        print(f"store, kg (articles + consolidated graph, then {links} links): {consolidated:.2f} s")
        print(f"ratio kg / baseline: {consolidated / baseline:.2f}")
        print("natural query of issue 8 (kg query, a child process with a time limit):")
        print("  " + time_query(kept, "all", args.timeout))
        print("  " + time_query(kept, "kg", args.timeout))
        shutil.rmtree(plain, ignore_errors=True)


if __name__ == "__main__":
    main()

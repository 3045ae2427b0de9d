"""The query worker: a child process that holds the store open read-only and answers queries.

Oxigraph cannot interrupt a running query from Python, so ``kg serve`` runs queries in
child processes it can kill when a query runs out of time (:mod:`kg.serve.pool`). Unlike
``kg query --timeout``, which starts an interpreter per query, a worker lives on: it opens
the store once and answers query after query.

A read-only RocksDB instance sees the store as it was when it was opened. Before each
query the worker compares the store folder's files (names, sizes, times) with those it
opened; when a build has written since, it opens the store again, so every query sees
every batch committed before it started.

Protocol, over the child's stdin and stdout: the parent writes one JSON line per query
(``{"query": …, "max_rows": …, "prefixes": {…}, "hidden": [graph IRI, …]}``: the query
sees every graph but the hidden ones, as if they were not in the store); the worker answers a header line
``O <length>`` or ``E <length>`` followed by that many bytes: the SPARQL JSON results
(SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE), or an error message. Its first line,
``O 0`` or ``E <length>``, says whether the store opened.
"""

from __future__ import annotations

import json
import os
import sys
import time
from itertools import islice
from typing import Any

import pyoxigraph as ox

from ..vocab import XSD

__all__ = ["ResultCapError", "evaluate", "store_signature", "visible_graphs"]


class ResultCapError(Exception):
    """A result has more rows (or triples) than the cap allows."""


def store_signature(path: str) -> tuple[tuple[str, int, int], ...]:
    """What changes in a RocksDB folder whenever a transaction commits.

    The info logs (``LOG*``) are left out: opening a store read-only writes them.
    """
    entries = []
    with os.scandir(path) as scan:
        for entry in scan:
            if entry.name.startswith("LOG"):
                continue
            stat = entry.stat()
            entries.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def _term(term: Any) -> dict[str, Any]:
    """A term in SPARQL 1.1 Query Results JSON."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD.string:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _term(term.subject),
            "predicate": _term(term.predicate),
            "object": _term(term.object),
        },
    }


def visible_graphs(store: ox.Store, hidden: list[str]) -> list[ox.NamedNode | ox.BlankNode]:
    """The named graphs of ``store`` but the ``hidden`` ones."""
    skip = {ox.NamedNode(g) for g in hidden}
    return [g for g in store.named_graphs() if g not in skip]


def evaluate(
    store: ox.Store,
    query: str,
    *,
    prefixes: dict[str, str],
    max_rows: int,
    graphs: list[ox.NamedNode | ox.BlankNode] | None = None,
) -> bytes:
    """Run a (checked) query over the union of all graphs, or of the default graph and
    ``graphs`` only (a dataset in which no other graph exists); stop past ``max_rows``.

    Returns:
        SPARQL JSON results for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE.

    Raises:
        ResultCapError: More than ``max_rows`` solutions or triples.
    """
    if graphs is None:
        result = store.query(query, prefixes=prefixes, use_default_graph_as_union=True)
    else:
        result = store.query(
            query,
            prefixes=prefixes,
            default_graph=[ox.DefaultGraph(), *graphs],
            named_graphs=graphs,
        )
    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(result)}).encode()
    if isinstance(result, ox.QueryTriples):
        triples = list(islice(result, max_rows + 1))
        if len(triples) > max_rows:
            raise ResultCapError(f"The result has more than {max_rows:,} triples")
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    variables = [v.value for v in result.variables]
    solutions = list(islice(result, max_rows + 1))
    if len(solutions) > max_rows:
        raise ResultCapError(f"The result has more than {max_rows:,} rows")
    bindings = []
    for solution in solutions:
        row = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                row[name] = _term(value)
        bindings.append(row)
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _open(path: str) -> ox.Store:
    # A writer may be mid-flush when we open: try again briefly before giving up.
    for attempt in range(5):
        try:
            return ox.Store.read_only(path)
        except OSError:
            if attempt == 4:
                raise
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


def _reply(out: Any, status: bytes, payload: bytes) -> None:
    out.write(status + b" " + str(len(payload)).encode() + b"\n" + payload)
    out.flush()


def main() -> None:
    """Body of a worker process: ``python -m kg.serve.worker STORE``."""
    out = sys.stdout.buffer
    path = sys.argv[1]
    try:
        signature = store_signature(path)
        store = _open(path)
    except OSError as exc:
        _reply(out, b"E", f"Cannot open the store {path} read-only: {exc}".encode())
        return
    _reply(out, b"O", b"")
    visible: dict[tuple[str, ...], list[ox.NamedNode | ox.BlankNode]] = {}
    for line in sys.stdin.buffer:
        job = json.loads(line)
        now = store_signature(path)
        if now != signature:
            del store
            store, signature = _open(path), now
            visible.clear()
        hidden = tuple(job.get("hidden", ()))
        if hidden and hidden not in visible:
            visible[hidden] = visible_graphs(store, list(hidden))
        try:
            payload = evaluate(
                store,
                job["query"],
                prefixes=job["prefixes"],
                max_rows=job["max_rows"],
                graphs=visible[hidden] if hidden else None,
            )
        except ResultCapError as exc:
            _reply(out, b"C", str(exc).encode())
        except (SyntaxError, OSError, RuntimeError, ValueError, TypeError) as exc:
            _reply(out, b"E", f"SPARQL evaluation failed: {exc}".encode())
        else:
            _reply(out, b"O", payload)


if __name__ == "__main__":
    main()

"""Run a checked SPARQL query with Oxigraph, in this process or in a worker process.

A running Oxigraph query cannot be interrupted from Python (a thread left running would keep a
core busy until the query ends), so a query with a time limit runs in a child Python process
that is killed when time runs out.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Final

import pyoxigraph as ox

from ..consolidate import consolidated_store
from ..errors import QueryError
from ..iri import DEFAULT_BASE
from ..vocab import ONTOLOGY_GRAPH
from .guard import check_query
from .results import QueryResult
from .terms import QueryKind, ResultTerm, prefixes_for, to_term

__all__ = [
    "DEFAULT_TIMEOUT",
    "GRAPHS",
    "MAX_TIMEOUT",
    "USE_DEFAULT",
    "UseDefault",
    "check_timeout",
    "open_read_only",
    "run_query",
    "timeout_for",
]

DEFAULT_TIMEOUT = 120.0
"""Seconds a query may run before it is stopped, in ``kg query`` (``--timeout`` to change)
and in :func:`run_query` (``timeout=`` to change, ``timeout=None`` for no limit)."""


class UseDefault(enum.Enum):
    """The type of :data:`USE_DEFAULT`: a time limit not given, as opposed to ``None`` (none)."""

    TIMEOUT = "default"


USE_DEFAULT: Final = UseDefault.TIMEOUT
"""The time limit of a call that gives none: :data:`DEFAULT_TIMEOUT` for a query, none for
an update (an update killed mid-way is unsafe; see :func:`timeout_for`)."""

MAX_TIMEOUT = 1_000_000.0
"""The longest time limit accepted (about 11 days); the operating system refuses more."""

GRAPHS = ("kg", "all")
"""What the default graph of a query is: the consolidated graph, or every graph."""

# Character classes Oxigraph lists among what it expected: long and of no help to a reader.
_CHARACTER_CLASSES = re.compile(r",?\s*\[[^\]]*\]")
_OXIGRAPH_POSITION = re.compile(r"^error at (\d+):(\d+): ", re.S)


@dataclass(frozen=True)
class _Request:
    """Everything needed to run a query, as plain values (they cross to the child as JSON)."""

    query: str
    kind: QueryKind
    prefixes: dict[str, str]
    params: dict[str, ResultTerm]
    graphs: str = "kg"


def run_query(
    source: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    params: Mapping[str, str | ResultTerm] | None = None,
    timeout: float | UseDefault | None = USE_DEFAULT,
    allow_network: bool = False,
    allow_update: bool = False,
    base: str = DEFAULT_BASE,
    graphs: str = "kg",
) -> QueryResult:
    """Run a SPARQL query over the consolidated graph of a store, or over all its graphs.

    Args:
        source: A pyoxigraph store, or the folder of an on-disk store (opened read-only).
        query: The SPARQL 1.1 query (or update, with ``allow_update``).
        params: Values of variables, bound with Oxigraph substitutions: a string is read
            with :func:`to_term`. A SELECT query must project the variables it binds.
        timeout: Seconds to wait for the results: :data:`DEFAULT_TIMEOUT` (120 s, as
            ``kg query``) unless given, ``None`` waits as long as it takes. An update runs
            without a limit, and refuses one (see :func:`timeout_for`).
        allow_network: Allow clauses that fetch remote data (see :func:`check_query`).
        allow_update: Allow SPARQL updates (never with a timeout: a killed writer is unsafe).
        base: The data base that the ``kgd:`` prefix stands for.
        graphs: ``"kg"``: the default graph is the consolidated graph ``{base}kg`` (one node
            per entity, one triple per fact, see :mod:`kg.consolidate`) and the ontology;
            a store without one gets it worked out in memory (RDF with no kg entity at
            all is read as it is). ``"all"``: the union of every
            graph. Either way ``GRAPH`` reaches every named graph.

    A running Oxigraph query cannot be interrupted from Python (a thread left running would
    keep a core busy until the query ends), so with a ``timeout`` (the default) the query
    runs in a child Python process, killed when time runs out; it costs the start of an
    interpreter (under a second), and the clock starts once the child has opened the data.
    The child opens an on-disk ``source`` read-only itself; a pyoxigraph store is copied to
    it as N-Quads, so pass the folder of a large on-disk store rather than its open store.
    With ``timeout=None`` the query runs in this process, at no extra cost and with no
    limit: for queries of your own on data you trust, e.g. many small queries in a loop.

    The child is also what lets Ctrl-C stop a query at once: the wait for it is Python code,
    which a ``KeyboardInterrupt`` interrupts, and the child is then killed (``kg query``
    always runs its queries this way, under :data:`DEFAULT_TIMEOUT` unless told otherwise).

    Raises:
        QueryError: Malformed, refused, failed or timed out.
    """
    kind = check_query(query, allow_network=allow_network, allow_update=allow_update)
    prefixes = prefixes_for(base)
    bound = {
        name.lstrip("?$"): value if isinstance(value, ResultTerm) else to_term(value, prefixes)
        for name, value in (params or {}).items()
    }
    for name in bound:
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"Invalid parameter name {name!r}: give a SPARQL variable name")
    if graphs not in GRAPHS:
        raise QueryError(f"Unknown graphs {graphs!r}; give one of {', '.join(GRAPHS)}")
    request = _Request(query, kind, prefixes, bound, graphs)
    timeout = timeout_for(kind, timeout)
    if timeout is None:
        store = source if isinstance(source, ox.Store) else open_read_only(os.fspath(source))
        return QueryResult._from_payload(kind, _evaluate(store, request), prefixes)
    check_timeout(timeout)
    if kind == "update":
        raise QueryError("A timeout cannot stop an update safely; run the update without a timeout")
    payload = _evaluate_in_child(source, request, timeout)
    return QueryResult._from_payload(kind, payload, prefixes)


def timeout_for(kind: QueryKind, timeout: float | UseDefault | None) -> float | None:
    """The time limit to run a ``kind`` of query under, given ``timeout``.

    >>> timeout_for("select", USE_DEFAULT), timeout_for("update", USE_DEFAULT), timeout_for("ask", None)
    (120.0, None, None)
    """
    if timeout is USE_DEFAULT:
        return None if kind == "update" else DEFAULT_TIMEOUT
    assert not isinstance(timeout, UseDefault)
    return timeout


def check_timeout(timeout: float) -> float:
    """``timeout`` if it is a usable time limit in seconds, else a :class:`QueryError`.

    >>> check_timeout(2.5)
    2.5
    >>> check_timeout(float("nan"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: Invalid timeout nan: give a number of seconds above 0 and at most ...
    """
    if not math.isfinite(timeout) or not 0 < timeout <= MAX_TIMEOUT:
        raise QueryError(
            f"Invalid timeout {timeout:g}: give a number of seconds above 0 and at most "
            f"{MAX_TIMEOUT:,.0f}"
        )
    return timeout


def open_read_only(path: str) -> ox.Store:
    try:
        return ox.Store.read_only(path)
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"Cannot open the store {path} read-only: {exc}") from exc


def _evaluate(store: ox.Store, request: _Request) -> bytes:
    """Run the request to completion: SPARQL JSON results, or N-Triples for a graph."""
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    for name, value in request.params.items():
        try:
            substitutions[ox.Variable(name)] = value.to_pyoxigraph()
        except ValueError as exc:
            raise QueryError(f"Invalid value {value.value!r} for ?{name}: {exc}") from exc
    if request.kind == "update" and substitutions:
        raise QueryError("Parameters cannot be bound in an update; write the values in it")
    try:
        if request.kind == "update":
            store.update(request.query, prefixes=request.prefixes)
            return b""
        if request.graphs == "all":
            scope: dict[str, Any] = {"use_default_graph_as_union": True}
        else:
            base = request.prefixes.get("kgd", DEFAULT_BASE)
            consolidated, graph = consolidated_store(store, base)
            if next(islice(consolidated.quads_for_pattern(None, None, None, graph), 1, 2), None):
                store = consolidated
                scope = {"default_graph": [graph, ox.NamedNode(ONTOLOGY_GRAPH)]}
            else:  # no kg entity at all (RDF of another shape): read it as it is
                scope = {"use_default_graph_as_union": True}
        result = store.query(
            request.query,
            prefixes=request.prefixes,
            substitutions=substitutions or None,
            **scope,
        )
        # Serializing drains the (lazy) results, so the whole evaluation happens here.
        if isinstance(result, ox.QueryTriples):
            return result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        return result.serialize(format=ox.QueryResultsFormat.JSON) or b""
    except SyntaxError as exc:
        message = str(exc)
        position = _OXIGRAPH_POSITION.match(message)
        if position:
            line, column = position.groups()
            expected = _CHARACTER_CLASSES.sub("", message[position.end() :])
            message = f"at line {line}, column {column}: {' '.join(expected.split())}"
        else:
            message = f": {message}"
        raise QueryError(f"Malformed SPARQL query {message}") from exc
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        hint = ""
        if substitutions and "projection" in str(exc):
            hint = " (a parameter binds a variable, which a SELECT query must project)"
        raise QueryError(f"SPARQL evaluation failed: {exc}{hint}") from exc


def _evaluate_in_child(
    source: ox.Store | str | os.PathLike[str], request: _Request, timeout: float
) -> bytes:
    """Run :func:`_evaluate` in a child Python process; kill it after ``timeout`` seconds.

    A plain subprocess rather than :mod:`multiprocessing`: ``spawn`` would re-run the
    caller's main script, and ``fork`` is unsafe beside Oxigraph's native threads. The
    request goes through a private temporary folder; the child answers on stdout with
    ``R`` (data open, the clock starts) then ``O`` and the payload, or ``E`` and a message.
    """
    if not sys.executable:
        raise QueryError("Cannot run a query with a timeout: no Python interpreter path")
    with tempfile.TemporaryDirectory(prefix="kg-query-") as folder:
        job: dict[str, Any] = {
            "query": request.query,
            "kind": request.kind,
            "prefixes": request.prefixes,
            "params": {k: dataclasses.astuple(v) for k, v in request.params.items()},
            "graphs": request.graphs,
            "store": None if isinstance(source, ox.Store) else os.fspath(source),
        }
        if isinstance(source, ox.Store):
            job["data"] = os.path.join(folder, "data.nq")
            source.dump(job["data"], format=ox.RdfFormat.N_QUADS)
        job_path = os.path.join(folder, "job.json")
        with open(job_path, "w", encoding="utf-8") as handle:
            json.dump(job, handle)
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from kg.query.worker import _child_main; _child_main()",
                job_path,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            bufsize=0,  # unbuffered: reading the ready byte must not swallow the payload
        )
        try:
            assert child.stdout is not None
            ready = child.stdout.read(1)
            if ready == b"R":
                try:
                    output, errors = child.communicate(timeout=timeout)
                except subprocess.TimeoutExpired:
                    raise QueryError(
                        f"Query timed out after {timeout:g} s and was stopped; narrow it (scope "
                        "it to a graph with GRAPH, add LIMIT) or allow more time (--timeout "
                        "SECONDS)"
                    ) from None
            else:
                output, errors = (
                    ready + child.stdout.read(),
                    child.stderr.read() if child.stderr else b"",
                )
        finally:
            if child.poll() is None:
                child.kill()  # it only reads the store: there is nothing to clean up
            child.communicate()
    if output[:1] == b"O":
        return output[1:]
    if output[:1] == b"E":
        raise QueryError(output[1:].decode("utf-8", "replace"))
    last = (errors.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
    raise QueryError(
        f"The query worker process stopped unexpectedly (exit code {child.returncode}): {last}"
    )


def _child_main() -> None:
    """Body of the child process of :func:`_evaluate_in_child`."""
    out = sys.stdout.buffer
    try:
        with open(sys.argv[1], encoding="utf-8") as handle:
            job = json.load(handle)
        request = _Request(
            job["query"],
            job["kind"],
            job["prefixes"],
            {k: ResultTerm(*v) for k, v in job["params"].items()},
            job.get("graphs", "kg"),
        )
        if job["store"] is not None:
            store = open_read_only(job["store"])
        else:
            store = ox.Store()
            try:
                store.bulk_load(path=job["data"], format=ox.RdfFormat.N_QUADS)
            except (OSError, SyntaxError, ValueError) as exc:
                raise QueryError(f"Cannot copy the store to the query worker: {exc}") from exc
        out.write(b"R")
        out.flush()
        payload = b"O" + _evaluate(store, request)
    except QueryError as exc:
        payload = b"E" + str(exc).encode("utf-8")
    out.write(payload)
    out.flush()

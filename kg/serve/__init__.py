"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store, and the viewer.

Other tools (SPARQL clients, notebooks, dashboards) query the graph over HTTP::

    GET  /query?query=SELECT…            results by Accept: SPARQL JSON (default), XML, CSV, TSV
    POST /query  (form or application/sparql-query)    CONSTRUCT/DESCRIBE: Turtle (default),
                                                       N-Triples, JSON-LD, RDF/XML
    GET  /                               the interactive viewer (``kg show``'s page)

The guard rails of ``kg query`` apply (no SERVICE, LOAD, FROM, USING or update; no
``default-graph-uri``), each query gets a time limit and a cap on its rows. The paths the
articles were read from (``kg:sourceFile``, in the store's local graph) name folders of this
machine: no query sees them unless ``with_source_files``. Queries run in
worker processes that hold the store open read-only (:mod:`kg.serve.worker`), so a build
can write the store while it is served and the next query sees what it committed.

Modules: :mod:`kg.serve.http` (requests, formats, signals), :mod:`kg.serve.pool` (the
worker processes and their time limit), :mod:`kg.serve.worker` (a worker's body).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NetworkError, StoreError
from ..iri import IRIMinter, resolve_base
from ..query import prefixes_for
from ..vocab import KG
from .http import SparqlServer, is_loopback, negotiate, serve_until_stopped
from .pool import QueryPool

__all__ = ["SparqlServer", "is_loopback", "make_server", "negotiate", "serve_until_stopped"]


def make_server(
    store: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    workers: int = 2,
    timeout: float = 30.0,
    max_rows: int = 10_000,
    base: str | None = None,
    with_source_files: bool = False,
) -> SparqlServer:
    """Bind a :class:`SparqlServer` over the store at ``store`` (``port=0``: any free port).

    Raises:
        StoreError: No store at ``store``, or one that keeps ``kg:sourceFile`` in its
            metadata graph (built by an older kg) while they are to be hidden.
        NetworkError: The address cannot be bound.
    """
    path = Path(store)
    if not (path / "CURRENT").exists():
        raise StoreError(
            f"No kg store at {path}: build one first with `kg build INPUT --store {path}`"
        )
    minter = IRIMinter(base)
    if not with_source_files:
        _refuse_source_files_in_metadata(path, minter)
    pool = QueryPool(
        path,
        size=workers,
        timeout=timeout,
        max_rows=max_rows,
        prefixes=prefixes_for(resolve_base(base)),
        hidden=() if with_source_files else (minter.local_graph,),
    )
    try:
        return SparqlServer((host, port), pool=pool, store=path, base=resolve_base(base))
    except OSError as exc:
        pool.close()
        raise NetworkError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def _refuse_source_files_in_metadata(path: Path, minter: IRIMinter) -> None:
    """A store built before the local graph keeps ``kg:sourceFile`` where queries see it."""
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"Cannot open the store {path} read-only: {exc}") from exc
    found = next(
        store.quads_for_pattern(
            None, ox.NamedNode(KG.sourceFile), None, ox.NamedNode(minter.metadata_graph)
        ),
        None,
    )
    del store
    if found is not None:
        raise StoreError(
            f"The store {path} keeps the local paths of its articles (kg:sourceFile) in its "
            "metadata graph, where queries would see them (built by an older kg): run "
            f"`kg build INPUT --store {path}` once (again on the same input: nothing is added "
            "twice) to move them to its local graph, or serve them with --with-source-files"
        )

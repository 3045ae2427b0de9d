"""The on-disk RDF store: Oxigraph, one named graph per article, plus a metadata graph.

The store is the source of truth of kg. Every write is a single Oxigraph transaction,
so a build killed at any moment leaves a store that opens and holds every article whose
transaction had committed. Oxigraph (RocksDB) takes an exclusive lock on the folder: a
second writer gets :class:`~kg.errors.StoreLockedError` (or waits, with ``wait``).
"""

from __future__ import annotations

import hashlib
import io
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox

from . import consolidate
from .errors import StoreError, StoreLockedError
from .files import describe_os_error
from .iri import IRIMinter
from .rdf.terms import CURATED_CLASS, CURATED_LABEL, SAME_AS
from .resources import schemas_dir
from .store_record import check_record
from .vocab import KG, ONTOLOGY_GRAPH, SCHEMA

__all__ = ["FORMATS", "ONTOLOGY_GRAPH", "KGStore", "load_file", "open_store"]

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}
"""RDF files kg reads, by suffix. RDF/XML is never parsed (entity expansion bombs)."""

_KG = KG.NS
_SCHEMA_ID = SCHEMA.identifier


class KGStore:
    """An open kg store. Use :func:`open_store` to get one.

    Attributes:
        ox: The underlying :class:`pyoxigraph.Store`.
        path: The store folder.
        minter: Mints the IRIs of this store.
        read_only: Whether the store was opened read-only.
    """

    def __init__(self, ox_store: ox.Store, path: Path, minter: IRIMinter, read_only: bool) -> None:
        self.ox = ox_store
        self.path = path
        self.minter = minter
        self.read_only = read_only

    def __enter__(self) -> KGStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (and its lock)."""
        if not self.read_only:
            with self._writing():
                self.ox.flush()
        del self.ox

    def __len__(self) -> int:
        return len(self.ox)

    # --- reading -------------------------------------------------------------------

    def fingerprints(self) -> dict[str, str]:
        """Map of article id → the fingerprint it was built with."""
        meta = ox.NamedNode(self.minter.metadata_graph)
        ids = {
            q.subject: q.object.value
            for q in self.ox.quads_for_pattern(None, ox.NamedNode(_SCHEMA_ID), None, meta)
            if isinstance(q.object, ox.Literal)
        }
        hashes = {
            q.subject: q.object.value
            for q in self.ox.quads_for_pattern(None, ox.NamedNode(_KG + "contentHash"), None, meta)
            if isinstance(q.object, ox.Literal)
        }
        return {ids[s]: h for s, h in hashes.items() if s in ids}

    def article_iris(self) -> dict[str, str]:
        """Map of stored article IRI → its id (to refuse a second id on one IRI)."""
        meta = ox.NamedNode(self.minter.metadata_graph)
        return {
            q.subject.value: q.object.value
            for q in self.ox.quads_for_pattern(None, ox.NamedNode(_SCHEMA_ID), None, meta)
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
        }

    def source_files(self) -> dict[str, set[str]]:
        """Map of article id → the files it was read from (``kg:sourceFile``)."""
        ids = self.article_iris()
        files: dict[str, set[str]] = {}
        # the metadata graph: where a store opened read-only and built by kg before the
        # local graph keeps them (ensure_local_graph moves them when it is written)
        for graph in (self.minter.local_graph, self.minter.metadata_graph):
            for q in self.ox.quads_for_pattern(
                None, ox.NamedNode(_KG + "sourceFile"), None, ox.NamedNode(graph)
            ):
                if not isinstance(q.subject, ox.NamedNode) or not isinstance(q.object, ox.Literal):
                    continue
                if q.subject.value in ids:
                    files.setdefault(ids[q.subject.value], set()).add(q.object.value)
        return files

    def article_ids(self) -> list[str]:
        """Ids of every stored article, sorted."""
        return sorted(self.fingerprints())

    # --- writing -------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a failed write (disk full, read-only, damaged store) into a StoreError."""
        try:
            yield
        except (OSError, RuntimeError) as exc:
            reason = (
                describe_os_error(exc, self.path)
                if isinstance(exc, OSError)
                else (f"{self.path}: {' '.join(str(exc).split())}")
            )
            raise StoreError(
                f"Cannot write the store {reason}; what was committed before is kept: free "
                "space or fix the folder, then run the build again (it resumes)"
            ) from exc

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"Store {self.path} is open read-only")

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction: all of them are stored, or none."""
        self._check_writable()
        with self._writing():
            self.ox.extend(quads)

    def replace_articles(
        self,
        articles: Sequence[tuple[str, Sequence[ox.Quad]]],
        *,
        new: Sequence[tuple[str, Sequence[ox.Quad]]] = (),
    ) -> None:
        """Store articles and update the consolidated graph, in one transaction.

        Args:
            articles: ``(article id, its new quads)`` of articles already stored: their
                graphs and metadata are replaced.
            new: ``(article id, its quads)`` of articles not stored yet.
        """
        self._check_writable()
        quads = [q for _, qs in (*articles, *new) for q in qs]
        graphs = [self.minter.article_graph(article_id) for article_id, _ in articles]
        parts = [self._drop_article_update(article_id) for article_id, _ in articles]
        if quads:
            parts.append("INSERT DATA {\n" + _quads_to_sparql(quads) + "\n}")
        parts.append(self._consolidation(dropped=graphs, added=quads))
        with self._writing():
            self.ox.update(" ;\n".join(p for p in parts if p))

    def replace_graph(self, graph: str, quads: Sequence[ox.Quad]) -> None:
        """Replace everything in the named graph ``graph`` with ``quads``, in one transaction."""
        self._check_writable()
        update = f"DROP SILENT GRAPH <{graph}>"
        if quads:
            update += " ;\nINSERT DATA {\n" + _quads_to_sparql(quads) + "\n}"
        with self._writing():
            self.ox.update(update)

    def replace_links(
        self, links: dict[str, str], curated: dict[str, tuple[str, str]] | None = None
    ) -> None:
        """Replace the links graph with ``links`` (source → target) and the curated labels
        and classes (IRI → (label, class), ``""``: unset), and update the consolidated
        graph, in one transaction."""
        self._check_writable()
        curated = curated or {}
        work = consolidate.Consolidation(self.ox, self.minter.base, links=links, curated=curated)
        work.touch_links()
        change = work.update()
        self.ox.update(self._links_update(links, curated) + (" ;\n" + change if change else ""))

    def _links_update(
        self, links: dict[str, str], curated: dict[str, tuple[str, str]] | None
    ) -> str:
        """The SPARQL update that replaces the links graph (see :meth:`replace_links`)."""
        graph = ox.NamedNode(self.minter.links_graph)
        curated = curated or {}
        quads = [
            ox.Quad(ox.NamedNode(s), SAME_AS, ox.NamedNode(t), graph)
            for s, t in sorted(links.items())
        ]
        for iri, (label, cls) in sorted(curated.items()):
            if label:
                quads.append(ox.Quad(ox.NamedNode(iri), CURATED_LABEL, ox.Literal(label), graph))
            if cls:
                node = ox.NamedNode(KG.term(cls))
                quads.append(ox.Quad(ox.NamedNode(iri), CURATED_CLASS, node, graph))
        update = f"DROP SILENT GRAPH <{graph.value}>"
        if quads:
            update += " ;\nINSERT DATA {\n" + _quads_to_sparql(quads) + "\n}"
        return update

    def remove_articles(
        self,
        article_ids: Iterable[str],
        *,
        links: dict[str, str] | None = None,
        curated: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        """Remove articles (their graphs, metadata and facts) in one transaction.

        With ``links`` (and ``curated``), the links graph is replaced in the same
        transaction, as :meth:`replace_links` does (:func:`kg.link.remove_articles` works
        them out for the store without the articles): readers never see the articles gone
        and the links not yet worked out again.
        """
        self._check_writable()
        ids = list(article_ids)
        parts = [self._drop_article_update(i) for i in ids]
        if parts:
            graphs = [self.minter.article_graph(i) for i in ids]
            if links is not None:
                curated = curated or {}
                parts.append(self._links_update(links, curated))
            parts.append(
                self._consolidation(dropped=graphs, added=(), links=links, curated=curated)
            )
            with self._writing():
                self.ox.update(" ;\n".join(p for p in parts if p))

    def _consolidation(
        self,
        *,
        dropped: Sequence[str],
        added: Sequence[ox.Quad],
        links: dict[str, str] | None = None,
        curated: dict[str, tuple[str, str]] | None = None,
    ) -> str:
        """The update of the consolidated graph that goes with dropping and adding graphs
        (and with new links, when given)."""
        work = consolidate.Consolidation(
            self.ox, self.minter.base, dropped=dropped, added=added, links=links, curated=curated
        )
        work.touch_graph_content()
        if links is not None:
            work.touch_links()
        return work.update()

    def ensure_consolidated(self) -> None:
        """Work out the consolidated graph in full when the store has none (older kg)."""
        self._check_writable()
        if not consolidate.has_consolidated_graph(self.ox, self.minter.base):
            update = self._consolidation(dropped=(), added=())
            if update:
                with self._writing():
                    self.ox.update(update)

    def _drop_article_update(self, article_id: str) -> str:
        graph = self.minter.article_graph(article_id)
        article = self.minter.article(article_id)
        meta = self.minter.metadata_graph
        local = self.minter.local_graph
        return (
            f"DROP SILENT GRAPH <{graph}> ;\n"
            f"DELETE WHERE {{ GRAPH <{meta}> {{ <{article}> ?p ?o }} }} ;\n"
            f"DELETE WHERE {{ GRAPH <{local}> {{ <{article}> ?p ?o }} }}"
        )

    def ensure_local_graph(self) -> None:
        """Move the ``kg:sourceFile`` paths a store built by an older kg keeps in the
        metadata graph to the local graph (which ``kg serve`` can hide)."""
        self._check_writable()
        meta = ox.NamedNode(self.minter.metadata_graph)
        source_file = ox.NamedNode(_KG + "sourceFile")
        if next(self.ox.quads_for_pattern(None, source_file, None, meta), None) is None:
            return
        pattern = f"?article <{source_file.value}> ?file"
        with self._writing():
            self.ox.update(
                f"DELETE {{ GRAPH {meta} {{ {pattern} }} }}\n"
                f"INSERT {{ GRAPH <{self.minter.local_graph}> {{ {pattern} }} }}\n"
                f"WHERE {{ GRAPH {meta} {{ {pattern} }} }}"
            )

    def ensure_ontology(self) -> None:
        """Keep a copy of ``schemas/ontology.ttl`` in its own graph, updated when it changes."""
        self._check_writable()
        path = schemas_dir() / "ontology.ttl"
        if not path.exists():
            return
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        marker = ox.Quad(graph, ox.NamedNode(_KG + "contentHash"), ox.Literal(digest), graph)
        if marker in self.ox:
            return
        parsed = ox.Store()
        parsed.load(data, format=ox.RdfFormat.TURTLE, to_graph=graph)
        with self._writing():
            self.ox.update(
                f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\n"
                "INSERT DATA {\n" + _quads_to_sparql([*parsed, marker]) + "\n}"
            )


def _quads_to_sparql(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of a SPARQL ``INSERT DATA`` (terms use N-Triples syntax)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())


def _is_store(path: Path) -> bool:
    return (path / "CURRENT").exists()


def open_store(
    path: Path | str,
    *,
    read_only: bool = True,
    base: str | None = None,
    wait: float = 0.0,
) -> KGStore:
    """Open the store at ``path``; create it when opened for writing.

    Args:
        path: The store folder (``graphs/kg.oxigraph`` by default in the CLI).
        read_only: Open for reading only; queries can then run beside a build.
        base: The IRI base of minted IRIs (see :func:`kg.iri.resolve_base`); ``None``: the
            store's own (:mod:`kg.store_record`).
        wait: Seconds to wait for another writer to release the store.

    Raises:
        StoreError: There is no store at ``path`` (read-only), it cannot be opened, or its
            record refuses it (another ``base`` for writing, another format version).
        StoreLockedError: Another process is writing the store, still after ``wait`` seconds.
    """
    path = Path(path)
    IRIMinter(base)  # an invalid base fails here, before anything is opened
    if path.exists() and not path.is_dir():
        raise StoreError(
            f"Cannot use {path} as a store: it is a file, not a folder; give the store's "
            "folder (--store)"
        )
    if read_only:
        if not _is_store(path):
            raise StoreError(
                f"No kg store at {path}: build one first with `kg build INPUT --store {path}`"
            )
        try:
            ox_store = ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            raise _open_error(path, exc) from exc
        stored_base = check_record(ox_store, path=path, base=base, writable=False)
        return KGStore(ox_store, path, IRIMinter(stored_base), True)
    if path.is_dir() and any(path.iterdir()) and not _is_store(path):
        raise StoreError(
            f"Cannot use {path} as a store: the folder holds other files; give an empty "
            "or new folder"
        )
    deadline = time.monotonic() + wait
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ox_store = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            if "lock" not in str(exc).lower():
                raise _open_error(path, exc) from exc
            if time.monotonic() >= deadline:
                raise StoreLockedError(
                    f"The store {path} is in use by another kg process (a build is writing "
                    "it). Wait for it to finish, pass --wait SECONDS, or use another --store."
                ) from exc
            time.sleep(0.2)
            continue
        try:
            stored_base = check_record(ox_store, path=path, base=base, writable=True)
        except (StoreError, OSError, RuntimeError) as exc:
            del ox_store  # releases the lock
            if isinstance(exc, StoreError):
                raise
            raise _open_error(path, exc) from exc
        return KGStore(ox_store, path, IRIMinter(stored_base), False)


def _open_error(path: Path, exc: OSError | RuntimeError) -> StoreError:
    """The error for a store that cannot be opened: why, and what to do."""
    message = " ".join(str(exc).split())
    if isinstance(exc, OSError) and exc.strerror:
        message = describe_os_error(exc, path)
        return StoreError(f"Cannot open the store {message}")
    if "corrupt" in message.lower() or isinstance(exc, RuntimeError):
        return StoreError(
            f"Cannot open the store {path}: it is damaged ({message}); build it again into a "
            "new folder (kg build INPUT --store NEW), or restore a copy"
        )
    return StoreError(f"Cannot open the store {path}: {message}")


def load_file(path: Path | str) -> ox.Store:
    """An in-memory store holding an RDF file (Turtle, TriG, N-Triples or N-Quads).

    Raises:
        StoreError: The file is missing, of an unsupported format, or not valid RDF.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(
            f"Cannot read {path}: unsupported format {path.suffix!r}; "
            f"use one of {', '.join(FORMATS)}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}") from exc
    store = ox.Store()
    try:
        store.load(io.BytesIO(data), format=fmt)
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid {fmt.name}: {exc}") from exc
    return store


def iter_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of a store."""
    return iter(store.quads_for_pattern(None, None, None, None))

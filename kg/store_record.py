"""What a store says about itself: the IRI base it was built with and its format version.

A store keeps one record in a graph of its own, at an IRI that does not depend on the base::

    GRAPH <https://kg.example/store> {
        <https://kg.example/store> kg:base "https://kg.example/"^^xsd:anyURI ;
                                   kg:formatVersion 2 .
    }

Every open checks it (:func:`check_record`): a build with another ``--base`` would mint a
second IRI for every article and entity, and a store written under other identity rules
would store articles twice, so both are refused with what to do. Stores of kg 0.2.0 have no
record (format 1: articles named by file path): they can still be read and updated, not built
on (:func:`require_record`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import StoreError
from .iri import ONTOLOGY, resolve_base

__all__ = [
    "FORMAT_VERSION",
    "STORE_GRAPH",
    "StoreRecord",
    "check_record",
    "read_record",
    "require_record",
]

FORMAT_VERSION = 2
"""The store format this kg writes: 2 = articles named by id, canonical URL or text hash."""

STORE_GRAPH = "https://kg.example/store"
"""The graph (and subject) of the store record."""

_BASE = ox.NamedNode(ONTOLOGY + "base")
_VERSION = ox.NamedNode(ONTOLOGY + "formatVersion")
_IDENTIFIER = ox.NamedNode("http://schema.org/identifier")
_ANY_URI = ox.NamedNode("http://www.w3.org/2001/XMLSchema#anyURI")
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass(frozen=True)
class StoreRecord:
    """The record of a store.

    Attributes:
        base: The IRI base its IRIs were minted under.
        version: Its format version (see :data:`FORMAT_VERSION`).
    """

    base: str
    version: int


def read_record(store: ox.Store) -> StoreRecord | None:
    """The record of ``store``, or ``None`` if it has none (empty, or written by kg 0.2.0)."""
    node = ox.NamedNode(STORE_GRAPH)
    graph = ox.NamedNode(STORE_GRAPH)
    bases = [
        q.object.value
        for q in store.quads_for_pattern(node, _BASE, None, graph)
        if isinstance(q.object, ox.Literal)
    ]
    versions = [
        q.object.value
        for q in store.quads_for_pattern(node, _VERSION, None, graph)
        if isinstance(q.object, ox.Literal)
    ]
    if not bases or not versions:
        return None
    try:
        version = int(versions[0])
    except ValueError:
        version = -1
    return StoreRecord(bases[0], version)


def _record_quads(base: str) -> list[ox.Quad]:
    node = ox.NamedNode(STORE_GRAPH)
    return [
        ox.Quad(node, _BASE, ox.Literal(base, datatype=_ANY_URI), node),
        ox.Quad(node, _VERSION, ox.Literal(str(FORMAT_VERSION), datatype=_INTEGER), node),
    ]


def _has_articles(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, _IDENTIFIER, None, None)), None) is not None


def check_record(store: ox.Store, *, path: object, base: str | None, writable: bool) -> str:
    """Check the record of an open store against what the caller asks; return the base to use.

    A store opened for writing that has no record and no article gets one now.

    Args:
        store: The open store.
        path: Its folder, for messages.
        base: The base asked for (``--base``), or ``None``: then ``KG_BASE``, then the
            store's own base, then the default.
        writable: Whether the store is opened for writing (a build, an update).

    Raises:
        StoreError: Written by another version of kg, or built with another base.
    """
    asked = base or os.environ.get("KG_BASE") or None
    record = read_record(store)
    if record is None:
        if not _has_articles(store):
            chosen = resolve_base(asked)
            if writable:
                store.extend(_record_quads(chosen))
            return chosen
        return resolve_base(asked)  # kg 0.2.0's: readable, but no build (require_record)
    if record.version != FORMAT_VERSION:
        newer = record.version > FORMAT_VERSION
        raise StoreError(
            f"The store {path} has format {record.version}; this kg reads and writes format "
            f"{FORMAT_VERSION}. "
            + (
                "Upgrade kg to use it"
                if newer
                else "Build it again into a new folder (kg build INPUT --store NEW)"
            )
        )
    if asked is not None and writable and resolve_base(asked) != record.base:
        raise StoreError(
            f"The store {path} was built with the base IRI {record.base}, not "
            f"{resolve_base(asked)} (from --base or KG_BASE): building on it would store every "
            f"article and entity a second time. Use --base {record.base}, or another --store"
        )
    return record.base


def require_record(store: ox.Store, *, path: object) -> None:
    """Refuse to build on a store without a record that holds articles (kg 0.2.0's).

    Its articles are named by file path: new ones, named by id, URL or text, would store
    every article a second time.

    Raises:
        StoreError: The store holds articles and no record.
    """
    if read_record(store) is None and _has_articles(store):
        raise StoreError(
            f"The store {path} was written by kg 0.2.0 (articles named by file path, "
            f"format 1); this kg writes format {FORMAT_VERSION}, where an article is its "
            "id, its canonical URL or its text. Build it again into a new folder "
            "(kg build INPUT --store NEW); the old store can still be read"
        )

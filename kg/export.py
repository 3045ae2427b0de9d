"""Write the graph in standard formats: RDF serialisations, CSV of relations, GraphML/GEXF, Neo4j.

Every file is written atomically (a temporary file beside it, then renamed), so an
interrupted export never leaves a truncated file behind. An export is meant to leave the
machine: the paths articles were read from (``kg:sourceFile``, see
:data:`kg.rdf.terms.LOCAL_ONLY`) stay in the store unless ``with_source_files``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import StoreError
from .files import is_stdout, write_atomic
from .jsonld import to_compact_jsonld
from .rdf.terms import is_local_only
from .records import ENTITY_CLASSES
from .sanitize import escape_terminal, escape_unicode, neutralise_csv_row
from .store import ONTOLOGY_GRAPH, KGStore
from .store_record import STORE_GRAPH
from .vocab import DATA_PREFIXES, KG

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "RDF_FORMATS",
    "context_path",
    "export",
    "format_from_suffix",
]

FORMATS = ("turtle", "trig", "nt", "nq", "jsonld", "csv", "graphml", "gexf", "neo4j")
"""Formats of ``kg export`` (``neo4j`` writes a folder)."""

RDF_FORMATS = ("turtle", "trig", "nt", "nq", "jsonld")
"""The formats that can carry the ontology too (``with_ontology``), and the source files
(``with_source_files``)."""

CSV_COLUMNS = (
    "subject",
    "predicate",
    "object",
    "subject_label",
    "object_label",
    "subject_class",
    "object_class",
    "subject_text",
    "object_text",
    "document",
    "sentence",
    "start",
    "end",
    "rule",
    "confidence",
    "status",
    "date",
)
"""Columns of the CSV of relations, one row per extracted relation."""

PREFIXES = dict(DATA_PREFIXES)

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
}
_DATASET = {"trig", "nq"}


def _data_quads(
    store: KGStore, *, with_ontology: bool = False, with_source_files: bool = False
) -> list[ox.Quad]:
    """Every quad, but the store record, and unless asked the copy of the ontology (which
    lives in ``schemas/``) and the local paths of the source files."""
    ontology, record = ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(STORE_GRAPH)
    return [
        q
        for q in store.ox.quads_for_pattern(None, None, None, None)
        if q.graph_name != record
        and (with_ontology or q.graph_name != ontology)
        and (with_source_files or not is_local_only(q))
    ]


def context_path(path: Path) -> Path:
    """Where the JSON-LD export to ``path`` writes its context too.

    >>> context_path(Path("out/kg.jsonld"))
    PosixPath('out/kg.context.jsonld')
    """
    return path.with_name(f"{path.stem}.context.jsonld")


def _write_jsonld(store: KGStore, path: Path, **which: bool) -> list[Path]:
    quads = _data_quads(store, **which)
    document = to_compact_jsonld(quads, {**PREFIXES, "kgd": store.minter.base})
    # The context is in-lined, so that the document never points at one to fetch; the
    # copy beside it serves other documents (and the user who wants to read it). Standard
    # output, a FIFO or a device has no "beside": the in-lined context is all there is.
    written = [path]
    if not is_stdout(path) and (path.is_file() or not path.exists()):
        beside = context_path(path)
        write_atomic(beside, _json_writer({"@context": document["@context"]}))
        written.append(beside)
    write_atomic(path, _json_writer(document))
    return written


def _json_writer(data: Any) -> Callable[[IO[bytes]], None]:
    def write(out: IO[bytes]) -> None:
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    return write


def _write_rdf(store: KGStore, fmt: str, out: IO[bytes], **which: bool) -> None:
    staged = ox.Store()
    quads = _data_quads(store, **which)
    base = store.minter.base
    prefixes = {**PREFIXES, "kgd": base}
    if fmt in _DATASET:
        staged.extend(quads)
        staged.dump(out, format=_RDF_FORMATS[fmt], prefixes=prefixes if fmt != "nq" else None)
    else:  # flatten the union of the article graphs into one graph
        staged.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
        staged.dump(
            out,
            format=_RDF_FORMATS[fmt],
            from_graph=ox.DefaultGraph(),
            prefixes=prefixes if fmt == "turtle" else None,
        )


_CSV_PREFIXES = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in DATA_PREFIXES.items())
# Each query stays inside GRAPH ?g: a join over the union of all graphs is many times
# slower in Oxigraph. Article ids and classes are joined in Python.
_CSV_QUERY = (
    _CSV_PREFIXES
    + """
SELECT ?s ?p ?o ?sl ?ol ?st ?ot ?article ?sentence ?start ?end ?rule ?confidence ?status ?date
WHERE {
  GRAPH ?g {
    ?stmt a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
          prov:wasDerivedFrom ?article ; kg:sentence ?sentence ; kg:start ?start ; kg:end ?end ;
          kg:subjectText ?st ; kg:objectText ?ot ; kg:rule ?rule ; kg:confidence ?confidence ;
          kg:status ?status .
    OPTIONAL { ?stmt kg:asOf ?date }
    OPTIONAL { ?s rdfs:label ?sl }
    OPTIONAL { ?o rdfs:label ?ol }
  }
}
"""
)
_CSV_IDS = _CSV_PREFIXES + "SELECT ?a ?id WHERE { GRAPH ?g { ?a schema:identifier ?id } }"
_CSV_CLASSES = (
    _CSV_PREFIXES
    + "SELECT ?e ?c WHERE { GRAPH ?g { ?e a ?c } VALUES ?c { "
    + " ".join(f"kg:{c}" for c in ENTITY_CLASSES)
    + " } }"
)


def _pairs(store: KGStore, query: str) -> dict[str, str]:
    solutions = store.ox.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return {str(row[0].value): str(row[1].value) for row in solutions}


def _write_csv(store: KGStore, out: IO[bytes]) -> None:
    ids = _pairs(store, _CSV_IDS)
    classes = {e: c.removeprefix(KG.NS) for e, c in _pairs(store, _CSV_CLASSES).items()}
    solutions = store.ox.query(_CSV_QUERY)
    assert isinstance(solutions, ox.QuerySolutions)
    rows = []
    for row in solutions:
        s, p, o, sl, ol, st, ot, article, *rest = (t.value if t is not None else "" for t in row)
        if article not in ids:
            continue  # not an article of this store
        sc, oc = classes.get(s, ""), classes.get(o, "")
        rows.append([s, p.removeprefix(KG.NS), o, sl, ol, sc, oc, st, ot, ids[article], *rest])
    start = CSV_COLUMNS.index("start")
    rows.sort(key=lambda r: (r[start - 2], int(r[start] or 0), r[0], r[1], r[2]))
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    # Safe in a spreadsheet and a terminal (see kg.sanitize).
    writer.writerows(
        neutralise_csv_row(escape_terminal(str(v), keep="\n\t") for v in values) for values in rows
    )
    text.flush()
    text.detach()


def export(
    store: KGStore,
    fmt: str,
    path: Path,
    *,
    with_ontology: bool = False,
    with_source_files: bool = False,
) -> list[Path]:
    """Write the whole graph of ``store`` to ``path`` in format ``fmt`` (see :data:`FORMATS`).

    Turtle and N-Triples flatten the union of the article graphs; TriG, N-Quads and
    JSON-LD keep them. JSON-LD is compacted with kg's own context, in-lined (see
    :mod:`kg.jsonld`), never a remote one. ``neo4j`` makes ``path`` a folder holding
    ``nodes.csv`` and ``relationships.csv`` (see :func:`kg.graph.write_neo4j`).

    Args:
        with_ontology: Also write the ontology (its own graph in TriG, N-Quads and
            JSON-LD); only for :data:`RDF_FORMATS`.
        with_source_files: Also write the absolute paths the articles were read from
            (``kg:sourceFile``), which name folders of this machine; only for
            :data:`RDF_FORMATS` (the others never carry them).

    Returns:
        The files written.

    Raises:
        StoreError: ``fmt`` is not one of :data:`FORMATS`, or cannot carry the ontology
            or the source files.
    """
    if fmt not in FORMATS:
        raise StoreError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    for asked, what in ((with_ontology, "the ontology"), (with_source_files, "source files")):
        if asked and fmt not in RDF_FORMATS:
            raise StoreError(
                f"The {fmt} export cannot carry {what}; use one of {', '.join(RDF_FORMATS)}"
            )
    which = {"with_ontology": with_ontology, "with_source_files": with_source_files}
    if fmt == "csv":
        write_atomic(path, lambda out: _write_csv(store, out))
    elif fmt in ("graphml", "gexf", "neo4j"):
        from .graph import load_view, write_gexf, write_graphml, write_neo4j

        view = load_view(store)
        if fmt == "neo4j":
            return list(write_neo4j(view, path))
        (write_graphml if fmt == "graphml" else write_gexf)(view, path)
    elif fmt == "jsonld":
        return _write_jsonld(store, path, **which)
    elif is_stdout(path):  # a terminal may be reading: escape what would reach it raw
        buffer = io.BytesIO()
        _write_rdf(store, fmt, buffer, **which)
        text = escape_unicode(buffer.getvalue().decode("utf-8"))
        data = text.encode("utf-8")

        def write(out: IO[bytes]) -> None:
            out.write(data)

        write_atomic(path, write)
    else:
        write_atomic(path, lambda out: _write_rdf(store, fmt, out, **which))
    return [path]


def format_from_suffix(path: Path) -> str | None:
    """The export format a file name asks for (``.ttl`` → ``turtle``), or ``None``."""
    return {
        ".ttl": "turtle",
        ".trig": "trig",
        ".nt": "nt",
        ".nq": "nq",
        ".jsonld": "jsonld",
        ".json": "jsonld",
        ".csv": "csv",
        ".graphml": "graphml",
        ".gexf": "gexf",
    }.get(Path(path).suffix.lower())

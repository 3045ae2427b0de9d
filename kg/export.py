"""Write the graph in standard formats: RDF serialisations, CSV of relations, GraphML/GEXF.

Every file is written atomically (a temporary file beside it, then renamed), so an
interrupted export never leaves a truncated file behind.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .errors import StoreError
from .files import is_stdout, write_atomic
from .iri import ONTOLOGY
from .rdf import NS
from .sanitize import escape_terminal, escape_unicode, neutralise_csv_cell
from .store import ONTOLOGY_GRAPH, KGStore
from .store_record import STORE_GRAPH

__all__ = ["CSV_COLUMNS", "FORMATS", "export", "format_from_suffix"]

FORMATS = ("turtle", "trig", "nt", "nq", "jsonld", "csv", "graphml", "gexf")
"""Formats of ``kg export``."""

CSV_COLUMNS = (
    "subject",
    "predicate",
    "object",
    "subject_label",
    "object_label",
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

PREFIXES = {
    "kg": ONTOLOGY,
    "rdf": NS.RDF,
    "rdfs": NS.RDFS,
    "xsd": NS.XSD,
    "skos": NS.SKOS,
    "schema": NS.SCHEMA,
    "prov": NS.PROV,
}

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_DATASET = {"trig", "nq", "jsonld"}


def _data_quads(store: KGStore) -> list[ox.Quad]:
    """Every quad but the copy of the ontology (which lives in ``schemas/``) and the record."""
    skip = {ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(STORE_GRAPH)}
    return [q for q in store.ox.quads_for_pattern(None, None, None, None) if q.graph_name not in skip]


def _write_rdf(store: KGStore, fmt: str, out: IO[bytes]) -> None:
    staged = ox.Store()
    quads = _data_quads(store)
    base = store.minter.base
    prefixes = {**PREFIXES, "kgd": base}
    if fmt == "jsonld":
        staged.extend(quads)
        graphs = json.loads(staged.dump(format=ox.RdfFormat.JSON_LD) or b"[]")
        # A local context only: the document never points at a remote one.
        out.write(json.dumps({"@context": prefixes, "@graph": graphs}, ensure_ascii=False).encode())
    elif fmt in _DATASET:
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


_CSV_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX kg: <https://kg.example/ontology#>
SELECT ?s ?p ?o ?sl ?ol ?st ?ot ?doc ?sentence ?start ?end ?rule ?confidence ?status ?date WHERE {
  GRAPH ?g {
    ?stmt a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
          prov:wasDerivedFrom ?article ; kg:sentence ?sentence ; kg:start ?start ; kg:end ?end ;
          kg:subjectText ?st ; kg:objectText ?ot ; kg:rule ?rule ; kg:confidence ?confidence ;
          kg:status ?status .
    OPTIONAL { ?stmt kg:asOf ?date }
    OPTIONAL { ?s rdfs:label ?sl }
    OPTIONAL { ?o rdfs:label ?ol }
  }
  ?article schema:identifier ?doc .
}
ORDER BY ?doc ?start ?s ?p ?o
"""


def _write_csv(store: KGStore, out: IO[bytes]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    solutions = store.ox.query(_CSV_QUERY, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        values = [term.value if term is not None else "" for term in row]
        values[1] = values[1].removeprefix(ONTOLOGY)
        # Safe in a spreadsheet and a terminal (see kg.sanitize).
        writer.writerow(neutralise_csv_cell(escape_terminal(v, keep="\n\t")) for v in values)
    text.flush()
    text.detach()


def export(store: KGStore, fmt: str, path: Path) -> None:
    """Write the whole graph of ``store`` to ``path`` in format ``fmt`` (see :data:`FORMATS`).

    Turtle and N-Triples flatten the union of the article graphs; TriG, N-Quads and
    JSON-LD keep them. JSON-LD carries its own inline context, never a remote one.

    Raises:
        StoreError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise StoreError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "csv":
        write_atomic(path, lambda out: _write_csv(store, out))
    elif fmt in ("graphml", "gexf"):
        from .graph import load_view, write_gexf, write_graphml

        view = load_view(store)
        (write_graphml if fmt == "graphml" else write_gexf)(view, path)
    elif is_stdout(path):  # a terminal may be reading: escape what would reach it raw
        buffer = io.BytesIO()
        _write_rdf(store, fmt, buffer)
        text = escape_unicode(buffer.getvalue().decode("utf-8"))
        write_atomic(path, lambda out: out.write(text.encode("utf-8")))
    else:
        write_atomic(path, lambda out: _write_rdf(store, fmt, out))


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

"""Validate a knowledge graph against kg's SHACL shapes (``schemas/shapes.ttl``).

Every shape is checked over the union of all graphs, so a statement in an article's graph can
point to the article described in the metadata graph. :func:`validate_store` flattens a store
into one :class:`rdflib.Graph` and hands it to pySHACL (SHACL Core, no inference, no network).

>>> from rdflib import Graph
>>> result = validate_graph(Graph())
>>> result.conforms, result.violations
(True, ())
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph
from rdflib import BNode, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .errors import KGError, StoreError
from .resources import schemas_dir
from .vocab import XSD

if TYPE_CHECKING:
    from .store import KGStore

__all__ = [
    "SchemaError",
    "ValidationResult",
    "Violation",
    "load_shapes",
    "schemas_dir",
    "to_rdflib_graph",
    "to_rdflib_term",
    "validate_graph",
    "validate_store",
]

SHAPES_FILE = "shapes.ttl"
ONTOLOGY_FILE = "ontology.ttl"


class SchemaError(KGError, ValueError):
    """A schema file (ontology or shapes) is missing, is not valid Turtle, or holds a bad shape."""


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result.

    Attributes:
        focus: The node that failed, an IRI or ``_:id`` for a blank node.
        path: The IRI of the property checked; a SPARQL property path such as
            ``^<…#predicate>/<…#object>`` for a complex path; ``""`` for a check of the node
            itself.
        message: What is wrong, from the shape's ``sh:message``.
        severity: ``Violation``, ``Warning`` or ``Info``.
        value: The offending value, when the check names one, else ``""``.
        constraint: The local name of the SHACL constraint component
            (``MaxInclusiveConstraintComponent``).
    """

    focus: str
    path: str
    message: str
    severity: str
    value: str = ""
    constraint: str = ""


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of validating a graph.

    Attributes:
        conforms: Whether the data conforms to every shape.
        violations: Every result, sorted by focus node, path and message.
        text: pySHACL's plain-text report.
        triples: The number of distinct triples validated.
    """

    conforms: bool
    violations: tuple[Violation, ...]
    text: str
    triples: int = 0


def _parse_turtle(path: Path, *, fix: str) -> Graph:
    if not path.is_file():
        raise SchemaError(f"Schema file {path} not found; {fix}")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        raise SchemaError(f"Cannot parse {path} as Turtle: {exc}") from exc
    return graph


def load_shapes(shapes: Path | None = None) -> tuple[Graph, Graph]:
    """Load the SHACL shapes and the ontology.

    Args:
        shapes: The shapes file; by default ``shapes.ttl`` in :func:`schemas_dir`.
            The ontology is always ``ontology.ttl`` of :func:`schemas_dir`.

    Returns:
        The shapes graph and the ontology graph.

    Raises:
        SchemaError: A file is missing or is not valid Turtle.
    """
    folder = schemas_dir()
    default_fix = f"set KG_SCHEMAS to the folder holding {SHAPES_FILE} and {ONTOLOGY_FILE}"
    if shapes is None:
        shapes_graph = _parse_turtle(folder / SHAPES_FILE, fix=default_fix)
    else:
        shapes_graph = _parse_turtle(shapes, fix="give the path of a Turtle file of SHACL shapes")
    return shapes_graph, _parse_turtle(folder / ONTOLOGY_FILE, fix=default_fix)


def to_rdflib_term(
    term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal,
) -> URIRef | BNode | Literal:
    """Convert a pyoxigraph term to the equal rdflib term.

    A literal typed ``xsd:string`` becomes a plain rdflib literal, as rdflib's own parsers
    make it, so that it equals the plain literals of the shapes (``sh:in ("current" ...)``).

    >>> to_rdflib_term(pyoxigraph.NamedNode("https://kg.example/person/A"))
    rdflib.term.URIRef('https://kg.example/person/A')
    >>> to_rdflib_term(pyoxigraph.Literal("current")) == Literal("current")
    True

    Raises:
        StoreError: The term is an RDF 1.2 triple term, which rdflib cannot hold.
    """
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD.string:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise StoreError(
        f"Cannot convert the RDF term {term!r} to rdflib: triple terms are not supported"
    )


def to_rdflib_graph(store: pyoxigraph.Store) -> Graph:
    """Return the union of every graph of ``store`` as one rdflib graph.

    A triple stated in several graphs appears once. Each distinct term is converted once:
    on a ~100k-quad store this takes a fraction of the time of dumping N-Quads and parsing
    them with rdflib.

    >>> from pyoxigraph import NamedNode, Quad
    >>> ox = pyoxigraph.Store()
    >>> a, b = NamedNode("https://kg.example/a"), NamedNode("https://kg.example/b")
    >>> ox.add(Quad(a, b, a, NamedNode("https://kg.example/graph/1")))
    >>> ox.add(Quad(a, b, a, NamedNode("https://kg.example/graph/2")))
    >>> len(to_rdflib_graph(ox))
    1

    Raises:
        StoreError: The store holds an RDF 1.2 triple term.
    """
    memo: dict[object, URIRef | BNode | Literal] = {}

    def convert(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal) -> Node:
        converted = memo.get(term)
        if converted is None:
            converted = memo[term] = to_rdflib_term(term)
        return converted

    union = Graph()
    add = union.add
    for subject, predicate, obj, _graph in store.quads_for_pattern(None, None, None, None):
        add((convert(subject), convert(predicate), convert(obj)))
    return union


def validate_graph(data: Graph, *, shapes: Path | None = None) -> ValidationResult:
    """Validate a graph against the shapes.

    Args:
        data: The graph to check; it is not modified. A :class:`rdflib.Dataset` is flattened
            first, so that its named graphs are checked as one union, as a store is.
        shapes: A shapes file instead of ``schemas/shapes.ttl``.

    Returns:
        The result; ``conforms`` is false when any shape reports a result.

    Raises:
        SchemaError: A schema file is missing or is not valid Turtle, or a shape is malformed.
    """
    if isinstance(data, ConjunctiveGraph):  # rdflib's Dataset derives from it
        union = Graph()
        for subject, predicate, obj, _graph in data.quads((None, None, None, None)):
            union.add((subject, predicate, obj))
        return _validate(union, shapes=shapes, inplace=True)
    return _validate(data, shapes=shapes, inplace=False)


def validate_store(
    store: KGStore | pyoxigraph.Store, *, shapes: Path | None = None
) -> ValidationResult:
    """Validate the union of all graphs of a store against the shapes (the consolidated
    graph on its own, with the article metadata: it restates the article graphs).

    Args:
        store: An open :class:`~kg.store.KGStore`, or a bare :class:`pyoxigraph.Store`.
        shapes: A shapes file instead of ``schemas/shapes.ttl``.

    Raises:
        SchemaError: A schema file is missing or is not valid Turtle, or a shape is malformed.
        StoreError: The store holds an RDF 1.2 triple term.
    """
    ox = store if isinstance(store, pyoxigraph.Store) else store.ox
    consolidated = _consolidated_graphs(ox)
    if not consolidated:
        # The flattened graph is ours: let pySHACL mix the ontology into it without a copy.
        return _validate(to_rdflib_graph(ox), shapes=shapes, inplace=True)
    # The consolidated graph restates every entity once, with a curated label or class
    # where the curation file says so: it is checked on its own (with the article
    # metadata), and the article graphs without it.
    articles, merged = pyoxigraph.Store(), pyoxigraph.Store()
    articles.extend(
        q for q in ox.quads_for_pattern(None, None, None, None) if q.graph_name not in consolidated
    )
    merged.extend(
        q
        for q in ox.quads_for_pattern(None, None, None, None)
        if q.graph_name in consolidated or str(q.graph_name).endswith(("/meta>", "/ontology>"))
    )
    first = _validate(to_rdflib_graph(articles), shapes=shapes, inplace=True)
    second = _validate(to_rdflib_graph(merged), shapes=shapes, inplace=True)
    return ValidationResult(
        conforms=first.conforms and second.conforms,
        violations=tuple(sorted({*first.violations, *second.violations}, key=_sort_key)),
        text=first.text + "\n" + second.text,
        triples=first.triples + second.triples,
    )


def _consolidated_graphs(store: pyoxigraph.Store) -> set[pyoxigraph.NamedNode]:
    """The consolidated graphs of ``store`` (see :mod:`kg.consolidate`), by their marker."""
    from .rdf.terms import CONSOLIDATED_GRAPH_CLASS, TYPE

    return {
        q.graph_name
        for q in store.quads_for_pattern(None, TYPE, CONSOLIDATED_GRAPH_CLASS, None)
        if isinstance(q.graph_name, pyoxigraph.NamedNode) and q.graph_name == q.subject
    }


def _validate(data: Graph, *, shapes: Path | None, inplace: bool) -> ValidationResult:
    import pyshacl  # slow to import: only when validating
    from pyshacl.errors import ReportableRuntimeError

    shapes_graph, ontology = load_shapes(shapes)
    triples = len(data)
    try:
        conforms, report, text = pyshacl.validate(
            data,
            shacl_graph=shapes_graph,
            ont_graph=ontology,
            inference="none",
            abort_on_first=False,
            allow_infos=False,
            allow_warnings=False,
            meta_shacl=False,
            advanced=False,
            js=False,
            do_owl_imports=False,
            inplace=inplace,
        )
    except ReportableRuntimeError as exc:  # every pySHACL error: a malformed shape
        where = shapes if shapes is not None else schemas_dir() / SHAPES_FILE
        raise SchemaError(f"Cannot validate with the SHACL shapes of {where}: {exc}") from exc
    assert isinstance(report, Graph)
    violations = tuple(sorted(_read_report(report), key=_sort_key))
    return ValidationResult(
        conforms=bool(conforms), violations=violations, text=str(text), triples=triples
    )


def _sort_key(violation: Violation) -> tuple[str, str, str, str]:
    return (violation.focus, violation.path, violation.message, violation.value)


def _show(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _local_name(node: Node | None) -> str:
    text = _show(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


_PATH_SUFFIXES = ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?"))


def _show_path(report: Graph, path: Node | None) -> str:
    """Show a SHACL path: a predicate's IRI, or a SPARQL property path for a complex one."""
    if path is None:
        return ""
    if not isinstance(path, BNode):
        return str(path)
    return _sparql_path(report, path)


def _sparql_path(report: Graph, path: Node) -> str:
    if not isinstance(path, BNode):
        return f"<{path}>"
    if report.value(path, RDF.first) is not None:
        return "/".join(_sparql_path(report, step) for step in Collection(report, path))
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_sparql_path(report, inverse)}"
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        choices = "|".join(_sparql_path(report, a) for a in Collection(report, alternatives))
        return f"({choices})"
    for predicate, suffix in _PATH_SUFFIXES:
        inner = report.value(path, predicate)
        if inner is not None:
            return f"({_sparql_path(report, inner)}){suffix}"
    return f"_:{path}"


def _read_report(report: Graph) -> list[Violation]:
    violations = []
    # Only top-level results: those nested under sh:detail explain an sh:node failure again.
    for result in report.objects(None, SH.result, unique=True):
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        violations.append(
            Violation(
                focus=_show(report.value(result, SH.focusNode)),
                path=_show_path(report, report.value(result, SH.resultPath)),
                message="; ".join(messages),
                severity=_local_name(report.value(result, SH.resultSeverity)),
                value=_show(report.value(result, SH.value)),
                constraint=_local_name(report.value(result, SH.sourceConstraintComponent)),
            )
        )
    return violations

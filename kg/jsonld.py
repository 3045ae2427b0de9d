"""Compacted JSON-LD: kg's own ``@context``, short keys, every graph kept.

A JSON-LD document that names its properties by full IRI is valid but no one reads it.
:func:`to_compact_jsonld` gives each property a short term (``works_for``, ``label``,
``wasDerivedFrom``), coerces the values of IRI-valued properties (``"@type": "@id"``) and of
typed literals (``xsd:date``), and writes IRIs as CURIEs (``kgd:person/Karoline_Leavitt``).
The context is built from the data, so it is always complete, and it is in-lined in the
document: a reader never fetches anything (rdflib and pyld fetch a remote ``@context``).

The compaction is done here, over the quads, rather than by a JSON-LD processor: kg's
data has a fixed shape, and a generic processor is slower by orders of magnitude on a
store of a few hundred thousand quads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox

from .vocab import RDF, XSD

__all__ = ["make_context", "to_compact_jsonld"]

_KEYWORDS = {"type", "id", "graph", "context", "value", "language", "list", "set"}


def _split(iri: str) -> tuple[str, str]:
    """(namespace, local name) at the last ``#`` or ``/``."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1], iri[cut + 1 :]


def _curie(iri: str, prefixes: Mapping[str, str]) -> str:
    """``iri`` as ``prefix:rest`` with the longest matching namespace, or as it is."""
    best = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(prefixes.get(best, "")):
            rest = iri[len(namespace) :]
            if rest and not rest.startswith("//") and not rest.startswith("_:"):
                best = prefix
    return f"{best}:{iri[len(prefixes[best]) :]}" if best else iri


def make_context(
    quads: Iterable[ox.Quad], prefixes: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The ``@context`` for ``quads`` and the term of each predicate IRI.

    Each predicate gets its local name as term when that name is free (the namespaces of
    ``prefixes`` are served in their order, so ``kg:`` names win), else its CURIE. A term
    whose every value is an IRI is coerced to ``@id``; one whose every value is a literal
    of one datatype (not ``xsd:string``) to that datatype.

    Example:
        >>> kg = "https://kg.example/ontology#"
        >>> q = ox.Quad(ox.NamedNode("https://x/a"), ox.NamedNode(kg + "works_for"),
        ...             ox.NamedNode("https://x/b"))
        >>> context, terms = make_context([q], {"kg": kg, "x": "https://x/"})
        >>> context["works_for"], terms[kg + "works_for"]
        ({'@id': 'kg:works_for', '@type': '@id'}, 'works_for')
    """
    kinds: dict[str, set[str]] = defaultdict(set)
    for quad in quads:
        obj = quad.object
        if isinstance(obj, ox.Literal):
            kind = "@language" if obj.language else obj.datatype.value
        else:
            kind = "@id"
        kinds[quad.predicate.value].add(kind)
    context: dict[str, Any] = dict(prefixes)
    terms: dict[str, str] = {}
    order = {ns: i for i, ns in enumerate(prefixes.values())}
    taken = set(prefixes)
    ranked = sorted(kinds, key=lambda p: (order.get(_split(p)[0], len(order)), p))
    for predicate in ranked:
        if predicate == RDF.type and kinds[predicate] == {"@id"}:
            terms[predicate] = "@type"
            continue
        local = _split(predicate)[1]
        compact = _curie(predicate, prefixes)
        usable = local and local.isidentifier() and local.lower() not in _KEYWORDS
        term = local if usable and local not in taken and compact != predicate else compact
        taken.add(term)
        terms[predicate] = term
        definition: dict[str, str] = {"@id": compact}
        only: str | None = next(iter(kinds[predicate])) if len(kinds[predicate]) == 1 else None
        if only == "@id":
            definition["@type"] = "@id"
        elif only and only not in ("@language", XSD.string, RDF.langString):
            definition["@type"] = _curie(only, prefixes)
        if term != compact or len(definition) > 1:
            context[term] = definition if len(definition) > 1 else compact
    return context, terms


def to_compact_jsonld(quads: Iterable[ox.Quad], prefixes: Mapping[str, str]) -> dict[str, Any]:
    """A compacted JSON-LD document of ``quads``, its ``@context`` in-lined.

    Default-graph nodes sit in the top ``@graph``; each named graph is a node with its own
    ``@graph``. Nodes and graphs come sorted by IRI, so the same data gives the same file.
    """
    quads = list(quads)
    context, terms = make_context(quads, prefixes)
    coerced = {
        term: definition.get("@type")
        for term, definition in context.items()
        if isinstance(definition, dict)
    }
    graphs: dict[str, dict[str, dict[str, list[Any]]]] = defaultdict(lambda: defaultdict(dict))
    for quad in quads:
        graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else _id(quad.graph_name)
        term = terms[quad.predicate.value]
        node = graphs[graph][_id(quad.subject)]
        coerce = "@id" if term == "@type" else coerced.get(term)
        node.setdefault(term, []).append(_value(quad.object, coerce, prefixes))
    top = _nodes(graphs.pop("", {}), prefixes)
    by_id = {node["@id"]: node for node in top}
    for name in sorted(graphs):
        graph_id = _curie(name, prefixes) if not name.startswith("_:") else name
        holder = by_id.get(graph_id)
        if holder is None:
            holder = by_id[graph_id] = {"@id": graph_id}
            top.append(holder)
        holder["@graph"] = _nodes(graphs[name], prefixes)
    return {"@context": context, "@graph": top}


def _id(term: Any) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term.value)


def _nodes(
    subjects: Mapping[str, Mapping[str, list[Any]]], prefixes: Mapping[str, str]
) -> list[dict[str, Any]]:
    nodes = []
    for subject in sorted(subjects):
        node: dict[str, Any] = {
            "@id": subject if subject.startswith("_:") else _curie(subject, prefixes)
        }
        for term in sorted(subjects[subject], key=lambda t: (t != "@type", t)):
            values = sorted(subjects[subject][term], key=_sort_key)
            node[term] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return nodes


def _sort_key(value: Any) -> str:
    return value if isinstance(value, str) else str(sorted(value.items()))


def _value(term: Any, coerce: str | None, prefixes: Mapping[str, str]) -> Any:
    """One object in compact form: a bare string when the term's coercion says what it is."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if coerce is None and datatype == XSD.string:
            return term.value
        if coerce is not None and coerce != "@id" and coerce == _curie(datatype, prefixes):
            return term.value
        return {"@value": term.value, "@type": _curie(datatype, prefixes)}
    iri = _id(term)
    compact = iri if iri.startswith("_:") else _curie(iri, prefixes)
    return compact if coerce == "@id" else {"@id": compact}

"""Read one article's named graph out of a store: nodes, direct triples, statements.

Only the article's own graph is read, so an entity or relation that another article
states does not count for this one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import EvaluationError
from ..names import normalize_name
from ..rdf import NS
from ..records import ENTITY_CLASSES
from ..vocab import PREDICATES

__all__ = ["ArticleData", "Node", "Statement", "article_ids", "find_article", "read_article"]

_TYPE = NS.RDF + "type"
_LABEL = NS.RDFS + "label"
_ALT = NS.SKOS + "altLabel"
_IDENTIFIER = NS.SCHEMA + "identifier"
_GRAPH = NS.KG + "graph"
_SOURCE_FILE = NS.KG + "sourceFile"
_STATEMENT = NS.RDF + "Statement"
_CLASSES = {NS.KG + c: c for c in ENTITY_CLASSES}
_PREDICATES = {NS.KG + p: p for p in PREDICATES}
_STATEMENT_PROPS = {
    NS.RDF + "subject": "subject",
    NS.RDF + "predicate": "predicate",
    NS.RDF + "object": "object",
    NS.KG + "sentence": "sentence",
    NS.KG + "rule": "rule",
    NS.KG + "status": "status",
    NS.KG + "subjectText": "subject_text",
    NS.KG + "objectText": "object_text",
    NS.KG + "start": "start",
}


@dataclass
class Node:
    """An entity node of the article graph.

    Attributes:
        iri: The node IRI.
        label: Its ``rdfs:label`` (the IRI when it has none).
        classes: Its kg classes in this graph.
        names: Its label and ``skos:altLabel`` values.
    """

    iri: str
    label: str = ""
    classes: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    @property
    def keys(self) -> frozenset[str]:
        """Comparison keys of every name of the node."""
        return frozenset(k for k in map(normalize_name, self.names) if k)

    @property
    def cls(self) -> str:
        """Its classes, for display."""
        return "/".join(sorted(self.classes)) or "untyped"


@dataclass(frozen=True)
class Statement:
    """A reified statement with its evidence (predicate as a local name, nodes as IRIs)."""

    subject: str
    predicate: str
    object: str
    status: str = "current"
    sentence: str = ""
    rule: str = ""
    subject_text: str = ""
    object_text: str = ""
    start: int = 0


@dataclass
class ArticleData:
    """What one article graph asserts.

    Attributes:
        article_id: The stored ``schema:identifier``.
        graph: The named graph IRI.
        nodes: Typed entity nodes, by IRI.
        direct: Direct relation triples ``(subject IRI, predicate, object IRI)``, sorted.
        statements: Reified statements, in text order.
    """

    article_id: str
    graph: str
    nodes: dict[str, Node] = field(default_factory=dict)
    direct: list[tuple[str, str, str]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def label(self, iri: str) -> str:
        """Display label of a node."""
        node = self.nodes.get(iri)
        return node.label if node else iri.rsplit("/", 1)[-1]

    def evidence(self, triple: tuple[str, str, str], status: str = "current") -> Statement | None:
        """The first statement behind a triple with this status, if any."""
        for st in self.statements:
            if (st.subject, st.predicate, st.object) == triple and st.status == status:
                return st
        return None


def article_ids(store: ox.Store) -> dict[str, str]:
    """Map of stored article id, and of the file of a one-article file, → its graph IRI."""
    ids: dict[str, str] = {}
    graphs: dict[str, str] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(_IDENTIFIER), None, None):
        if isinstance(q.object, ox.Literal) and isinstance(q.subject, ox.NamedNode):
            ids[q.subject.value] = q.object.value
    for q in store.quads_for_pattern(None, ox.NamedNode(_GRAPH), None, None):
        if isinstance(q.object, ox.NamedNode) and isinstance(q.subject, ox.NamedNode):
            graphs[q.subject.value] = q.object.value
    out = {}
    for article, article_id in ids.items():
        # Without kg:graph, the graph IRI follows the minting convention of kg/iri.py.
        out[article_id] = graphs.get(article, article.replace("/article/", "/graph/", 1))
    # An article known by its text (a .txt file) is found by its file too: a gold file names
    # it so. A file that holds several articles (JSONL) names none of them.
    files: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(_SOURCE_FILE), None, None):
        if not isinstance(q.object, ox.Literal) or not isinstance(q.subject, ox.NamedNode):
            continue
        if q.subject.value in ids:
            files.setdefault(q.object.value, []).append(q.subject.value)
    for file, articles in files.items():
        if len(articles) == 1 and file not in out:
            out[file] = out[ids[articles[0]]]
    return out


def find_article(ids: list[str], document: str) -> str | None:
    """The stored id a gold ``document`` refers to: the same id, or one ending with the other.

    A suffix must start at a ``/`` boundary, so ``2.txt`` never matches ``012.txt``. A
    document written ``FILE#ID`` (an article inside a JSONL file) refers to the article ``ID``.

    >>> find_article(["minerals-deal-talks.txt"], "seeds/minerals-deal-talks.txt")
    'minerals-deal-talks.txt'
    >>> find_article(["data/bbc/politics/012.txt"], "bbc/politics/012.txt")
    'data/bbc/politics/012.txt'
    >>> find_article(["bbc/politics/012.txt"], "2.txt") is None
    True
    >>> find_article(["reuters/c71bdda7be"], "reuters/reuters-2017.jsonl#reuters/c71bdda7be")
    'reuters/c71bdda7be'

    Raises:
        EvaluationError: Several stored articles match.
    """
    document = document.rpartition("#")[2]
    if document in ids:
        return document
    found = [i for i in ids if i.endswith("/" + document) or document.endswith("/" + i)]
    if len(found) > 1:
        raise EvaluationError(
            f"Gold document {document!r} matches several stored articles: "
            f"{', '.join(sorted(found))}; give the full article id in the gold file's 'document'"
        )
    return found[0] if found else None


def read_article(store: ox.Store, article_id: str, graph: str) -> ArticleData:
    """Read the named graph of one article."""
    data = ArticleData(article_id, graph)
    props: dict[str, dict[str, str]] = {}
    statements: set[str] = set()
    labels: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    direct = set()
    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
        if isinstance(q.subject, ox.Triple) or isinstance(q.object, ox.Triple):
            continue  # RDF-star terms are no part of kg's data model
        s, p, o = q.subject.value, q.predicate.value, q.object
        if p == _TYPE:
            if o.value in _CLASSES:
                classes.setdefault(s, set()).add(_CLASSES[o.value])
            elif o.value == _STATEMENT:
                statements.add(s)
        elif p == _LABEL and isinstance(o, ox.Literal):
            labels[s] = o.value
            names.setdefault(s, set()).add(o.value)
        elif p == _ALT and isinstance(o, ox.Literal):
            names.setdefault(s, set()).add(o.value)
        elif p in _PREDICATES and isinstance(o, ox.NamedNode):
            direct.add((s, _PREDICATES[p], o.value))
        elif p in _STATEMENT_PROPS:
            value = o.value
            if p == NS.RDF + "predicate":
                value = _PREDICATES.get(value, value)
            props.setdefault(s, {})[_STATEMENT_PROPS[p]] = value
    for iri in sorted(classes):
        data.nodes[iri] = Node(iri, labels.get(iri, iri), classes[iri], names.get(iri, set()))
    data.direct = sorted(direct)
    for iri in statements:
        d = props.get(iri, {})
        if not {"subject", "predicate", "object"} <= d.keys():
            continue
        start = d.get("start", "0")
        data.statements.append(
            Statement(
                d["subject"],
                d["predicate"],
                d["object"],
                d.get("status", "current"),
                d.get("sentence", ""),
                d.get("rule", ""),
                d.get("subject_text", ""),
                d.get("object_text", ""),
                int(start) if start.lstrip("-").isdigit() else 0,
            )
        )
    data.statements.sort(key=lambda st: (st.start, st.subject, st.predicate, st.object, st.rule))
    first: dict[tuple[str, str, str], int] = {}
    for st in data.statements:
        first.setdefault((st.subject, st.predicate, st.object), st.start)
    # In text order, so listings read like the article.
    data.direct.sort(key=lambda t: (first.get(t, -1), t))
    return data

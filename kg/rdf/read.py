"""Read kg's RDF shape back: what the article graphs state, as plain records.

:mod:`kg.rdf.write` writes the shape (``schemas/README.md``); this module is where it is
read back, so a change of shape is made in these two modules. Two readings:

- over every article graph of a store (:func:`article_entities`, :func:`article_facts`):
  what linking and the consolidated graph start from;
- of one article's named graph (:func:`read_article`): what evaluation scores. Only that
  graph is read, so an entity or relation another article states does not count for it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..iri import DEFAULT_BASE
from ..vocab import ENTITY_CLASSES, KG, PREDICATES, RDF, RDFS, SCHEMA, SKOS, SUPER_PROPERTY
from .terms import (
    ALT_LABEL,
    CLASSES,
    LABEL,
    MENTIONS,
    OBJECT,
    PREDICATE,
    SUBJECT,
    TITLE,
    TYPE,
    Term,
    store_graphs,
    term_value,
)

__all__ = [
    "ArticleData",
    "ArticleEntity",
    "Node",
    "Statement",
    "article_entities",
    "article_facts",
    "article_ids",
    "read_article",
]

_CLASS_NAMES = {KG.term(c): c for c in ENTITY_CLASSES}
_PREDICATE_NAMES = {KG.term(p): p for p in PREDICATES}
_STATEMENT_PROPS = {
    RDF.subject: "subject",
    RDF.predicate: "predicate",
    RDF.object: "object",
    KG.sentence: "sentence",
    KG.rule: "rule",
    KG.status: "status",
    KG.subjectText: "subject_text",
    KG.objectText: "object_text",
    KG.start: "start",
}


# --- every article graph ------------------------------------------------------------


@dataclass(frozen=True)
class ArticleEntity:
    """One entity IRI as the article graphs state it (links not folded).

    Attributes:
        cls: Its class's local name (the most common one).
        labels: Each ``rdfs:label`` → the number of graphs stating it.
        aliases: Every ``skos:altLabel``.
        articles: The articles that mention it.
    """

    cls: str
    labels: dict[str, int]
    aliases: frozenset[str]
    articles: frozenset[str]

    @property
    def label(self) -> str:
        """The canonical label: the most common across graphs, then the longest (or ``""``)."""
        if not self.labels:
            return ""
        return min(self.labels, key=lambda name: (-self.labels[name], -len(name), name))


def article_entities(
    store: ox.Store, base: str | None = None, *, without: Iterable[str] = ()
) -> dict[str, ArticleEntity]:
    """Every typed entity of the article graphs of ``store`` (IRI → what they state of it).

    The consolidated, links, metadata and ontology graphs of ``base`` are not read, so what
    linking decides never feeds back into it; nor are the graphs ``without`` (articles
    about to be removed).
    """
    skip = {ox.NamedNode(g) for g in (*store_graphs(base or DEFAULT_BASE), *without)}
    classes: dict[Term, Counter[str]] = defaultdict(Counter)
    for q in store.quads_for_pattern(None, TYPE, None, None):
        if term_value(q.object) in CLASSES and q.graph_name not in skip:
            classes[q.subject][KG.local(term_value(q.object))] += 1
    found = {}
    for node, counts in classes.items():
        if not isinstance(node, ox.NamedNode):
            continue
        labels: Counter[str] = Counter()
        aliases: set[str] = set()
        for q in store.quads_for_pattern(node, None, None, None):
            if q.graph_name in skip:
                continue
            if q.predicate == LABEL:
                labels[term_value(q.object)] += 1
            elif q.predicate == ALT_LABEL:
                aliases.add(term_value(q.object))
        articles = frozenset(
            term_value(q.subject)
            for q in store.quads_for_pattern(None, MENTIONS, node, None)
            if q.graph_name not in skip
        )
        cls = min(counts, key=lambda c: (-counts[c], c))
        found[node.value] = ArticleEntity(cls, dict(labels), frozenset(aliases), articles)
    return found


def article_facts(
    store: ox.Store, base: str | None = None, *, without: Iterable[str] = ()
) -> list[tuple[str, str, str, str]]:
    """``(subject, predicate, object, title phrase)`` of every relation of the article graphs
    (but the graphs ``without``): each reified statement, and each direct triple that no
    statement describes."""
    skip = {ox.NamedNode(g) for g in (*store_graphs(base or DEFAULT_BASE), *without)}
    found: list[tuple[str, str, str, str]] = []
    stated: set[tuple[str, str, str]] = set()
    for q in store.quads_for_pattern(None, SUBJECT, None, None):
        if q.graph_name in skip:
            continue
        values = {
            p.predicate: term_value(p.object)
            for p in store.quads_for_pattern(q.subject, None, None, q.graph_name)
        }
        if PREDICATE in values and OBJECT in values:
            fact = (values[SUBJECT], values[PREDICATE], values[OBJECT])
            stated.add(fact)
            found.append((*fact, values.get(TITLE, "")))
    predicates = {*PREDICATES, *SUPER_PROPERTY.values()}
    for name in sorted(predicates):
        for q in store.quads_for_pattern(None, ox.NamedNode(KG.term(name)), None, None):
            if (
                q.graph_name not in skip
                and isinstance(q.object, ox.NamedNode)
                and isinstance(q.subject, ox.NamedNode)
            ):
                fact = (term_value(q.subject), q.predicate.value, term_value(q.object))
                if fact not in stated:
                    stated.add(fact)
                    found.append((*fact, ""))
    return found


# --- one article graph --------------------------------------------------------------


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
    for q in store.quads_for_pattern(None, ox.NamedNode(SCHEMA.identifier), None, None):
        if isinstance(q.object, ox.Literal) and isinstance(q.subject, ox.NamedNode):
            ids[q.subject.value] = q.object.value
    for q in store.quads_for_pattern(None, ox.NamedNode(KG.graph), None, None):
        if isinstance(q.object, ox.NamedNode) and isinstance(q.subject, ox.NamedNode):
            graphs[q.subject.value] = q.object.value
    out = {}
    for article, article_id in ids.items():
        # Without kg:graph, the graph IRI follows the minting convention of kg/iri.py.
        out[article_id] = graphs.get(article, article.replace("/article/", "/graph/", 1))
    # An article known by its text (a .txt file) is found by its file too: a gold file names
    # it so. A file that holds several articles (JSONL) names none of them.
    files: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(KG.sourceFile), None, None):
        if not isinstance(q.object, ox.Literal) or not isinstance(q.subject, ox.NamedNode):
            continue
        if q.subject.value in ids:
            files.setdefault(q.object.value, []).append(q.subject.value)
    for file, articles in files.items():
        if len(articles) == 1 and file not in out:
            out[file] = out[ids[articles[0]]]
    return out


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
        if p == RDF.type:
            if o.value in _CLASS_NAMES:
                classes.setdefault(s, set()).add(_CLASS_NAMES[o.value])
            elif o.value == RDF.Statement:
                statements.add(s)
        elif p == RDFS.label and isinstance(o, ox.Literal):
            labels[s] = o.value
            names.setdefault(s, set()).add(o.value)
        elif p == SKOS.altLabel and isinstance(o, ox.Literal):
            names.setdefault(s, set()).add(o.value)
        elif p in _PREDICATE_NAMES and isinstance(o, ox.NamedNode):
            direct.add((s, _PREDICATE_NAMES[p], o.value))
        elif p in _STATEMENT_PROPS:
            value = o.value
            if p == RDF.predicate:
                value = _PREDICATE_NAMES.get(value, value)
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

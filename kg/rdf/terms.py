"""The RDF terms of kg's shape, as pyoxigraph terms, and the graphs every store has.

The IRIs themselves are spelt in :mod:`kg.vocab`; here they become the
:class:`pyoxigraph.NamedNode` values that writers and readers compare quads with.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..vocab import ENTITY_CLASSES, KG, ONTOLOGY_GRAPH, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = [
    "ALT_LABEL",
    "ARTICLE_COUNT",
    "AS_OF",
    "CLASSES",
    "CONSOLIDATED_GRAPH_CLASS",
    "CURATED_CLASS",
    "CURATED_LABEL",
    "DERIVED_FROM",
    "FACT",
    "FIRST_SEEN",
    "LABEL",
    "LAST_SEEN",
    "LOCAL_ONLY",
    "MENTIONS",
    "OBJECT",
    "PREDICATE",
    "SAME_AS",
    "STATUS",
    "SUBJECT",
    "SUPPORTED_BY",
    "SUPPORT_COUNT",
    "TITLE",
    "TYPE",
    "XSD_DATE",
    "XSD_INTEGER",
    "Term",
    "is_local_only",
    "store_graphs",
    "term_value",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

TYPE = ox.NamedNode(RDF.type)
LABEL = ox.NamedNode(RDFS.label)
ALT_LABEL = ox.NamedNode(SKOS.altLabel)
MENTIONS = ox.NamedNode(SCHEMA.mentions)
SAME_AS = ox.NamedNode(OWL.sameAs)
SUBJECT = ox.NamedNode(RDF.subject)
PREDICATE = ox.NamedNode(RDF.predicate)
OBJECT = ox.NamedNode(RDF.object)
DERIVED_FROM = ox.NamedNode(PROV.wasDerivedFrom)
STATUS = ox.NamedNode(KG.status)
TITLE = ox.NamedNode(KG.titlePhrase)
AS_OF = ox.NamedNode(KG.asOf)
FACT = ox.NamedNode(KG.Fact)
ARTICLE_COUNT = ox.NamedNode(KG.articleCount)
SUPPORT_COUNT = ox.NamedNode(KG.supportCount)
FIRST_SEEN = ox.NamedNode(KG.firstSeen)
LAST_SEEN = ox.NamedNode(KG.lastSeen)
SUPPORTED_BY = ox.NamedNode(KG.supportedBy)
CONSOLIDATED_GRAPH_CLASS = ox.NamedNode(KG.ConsolidatedGraph)
CURATED_LABEL = ox.NamedNode(KG.curatedLabel)
CURATED_CLASS = ox.NamedNode(KG.curatedClass)
XSD_DATE = ox.NamedNode(XSD.date)
XSD_INTEGER = ox.NamedNode(XSD.integer)
CLASSES = frozenset(KG.term(c) for c in ENTITY_CLASSES)
"""IRIs of the entity classes."""
LOCAL_ONLY = frozenset({ox.NamedNode(KG.sourceFile)})
"""Predicates whose values describe this machine (``kg:sourceFile``: the absolute path an
article was read from). The store needs them (``kg prune --missing``, ``kg explain --store``);
what leaves the machine (exports, ``kg push``, ``kg serve``) leaves them out unless asked.
A store keeps them in a graph of their own (``IRIMinter.local_graph``)."""


def store_graphs(base: str) -> tuple[str, str, str, str, str]:
    """The graphs of a store that hold no article: consolidated, links, metadata, ontology
    and local (``kg:sourceFile``)."""
    return f"{base}kg", f"{base}links", f"{base}meta", ONTOLOGY_GRAPH, f"{base}local"


def term_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph) -> str:
    """The plain string of an RDF term (an IRI, a blank node id, a literal's lexical form)."""
    return str(term) if isinstance(term, (ox.Triple, ox.DefaultGraph)) else term.value


def is_local_only(quad: ox.Quad) -> bool:
    """Whether a quad states something only this machine needs (see :data:`LOCAL_ONLY`).

    >>> is_local_only(ox.Quad(ox.NamedNode("https://kg.example/article/a"),
    ...     ox.NamedNode(KG.sourceFile), ox.Literal("/home/ada/news/a.txt")))
    True
    """
    return quad.predicate in LOCAL_ONLY

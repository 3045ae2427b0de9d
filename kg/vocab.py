"""The vocabulary of kg, in one place: namespaces, prefixes, classes, statuses, relations.

Everything here is a plain string (an IRI, or an ontology local name), so every layer can
import it, the extraction layer included, without loading RDF. Modules that write or read
RDF turn these IRIs into terms (:mod:`kg.rdf`). Like rdflib's ``DefinedNamespace``, each
vocabulary class lists the terms kg uses as typed constants, so a typo is an
``AttributeError`` at import and mypy sees every use::

    >>> RDF.type
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
    >>> KG.term("works_for")
    'https://kg.example/ontology#works_for'
    >>> KG.local(KG.Person)
    'Person'

The ontology (``schemas/ontology.ttl``) is the authoritative description of the ``kg:``
terms; ``tests/test_ontology.py`` checks that both agree.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

__all__ = [
    "AFFILIATIONS",
    "DATA_PREFIXES",
    "DOMAINS",
    "ENTITY_CLASSES",
    "KG",
    "ONTOLOGY_GRAPH",
    "OWL",
    "PREDICATES",
    "PREFIXES",
    "PROV",
    "RANGES",
    "RDF",
    "RDFS",
    "RESIDENCES",
    "SCHEMA",
    "SKOS",
    "STATUSES",
    "SUPER_PROPERTY",
    "SYMMETRIC",
    "XSD",
    "Namespace",
    "Status",
]


class Namespace(str):
    """An IRI prefix: a ``str`` that mints the IRIs of its terms (rdflib's ``Namespace``,
    as plain strings)."""

    __slots__ = ()

    def term(self, name: str) -> str:
        """The IRI of the term ``name``.

        >>> Namespace("https://x.example/#").term("a")
        'https://x.example/#a'
        """
        return str(self) + name

    def local(self, iri: str) -> str:
        """The local name of an IRI of this namespace (``""`` for any other IRI).

        >>> Namespace("https://x.example/#").local("https://x.example/#a")
        'a'
        >>> Namespace("https://x.example/#").local("https://y.example/#a")
        ''
        """
        return iri[len(self) :] if iri.startswith(self) else ""


class RDF:
    """The ``rdf:`` terms kg uses."""

    NS: Final = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    type: Final = NS + "type"
    Statement: Final = NS + "Statement"
    subject: Final = NS + "subject"
    predicate: Final = NS + "predicate"
    object: Final = NS + "object"
    langString: Final = NS + "langString"


class RDFS:
    """The ``rdfs:`` terms kg uses."""

    NS: Final = Namespace("http://www.w3.org/2000/01/rdf-schema#")
    label: Final = NS + "label"


class XSD:
    """The ``xsd:`` datatypes kg uses."""

    NS: Final = Namespace("http://www.w3.org/2001/XMLSchema#")
    string: Final = NS + "string"
    date: Final = NS + "date"
    dateTime: Final = NS + "dateTime"
    integer: Final = NS + "integer"
    decimal: Final = NS + "decimal"
    anyURI: Final = NS + "anyURI"


class SKOS:
    """The ``skos:`` terms kg uses."""

    NS: Final = Namespace("http://www.w3.org/2004/02/skos/core#")
    altLabel: Final = NS + "altLabel"


class OWL:
    """The ``owl:`` terms kg uses."""

    NS: Final = Namespace("http://www.w3.org/2002/07/owl#")
    sameAs: Final = NS + "sameAs"


class SCHEMA:
    """The ``schema:`` (schema.org) terms kg uses."""

    NS: Final = Namespace("http://schema.org/")
    NewsArticle: Final = NS + "NewsArticle"
    mentions: Final = NS + "mentions"
    identifier: Final = NS + "identifier"
    headline: Final = NS + "headline"
    datePublished: Final = NS + "datePublished"
    url: Final = NS + "url"
    publisher: Final = NS + "publisher"
    author: Final = NS + "author"
    articleBody: Final = NS + "articleBody"


class PROV:
    """The ``prov:`` terms kg uses."""

    NS: Final = Namespace("http://www.w3.org/ns/prov#")
    Entity: Final = NS + "Entity"
    Activity: Final = NS + "Activity"
    wasDerivedFrom: Final = NS + "wasDerivedFrom"
    wasGeneratedBy: Final = NS + "wasGeneratedBy"
    startedAtTime: Final = NS + "startedAtTime"
    endedAtTime: Final = NS + "endedAtTime"


class KG:
    """The ``kg:`` terms of ``schemas/ontology.ttl`` that kg writes or reads by name
    (relation predicates are minted from their local names: ``KG.term("works_for")``)."""

    NS: Final = Namespace("https://kg.example/ontology#")
    # entity classes (ENTITY_CLASSES are their local names)
    Person: Final = NS + "Person"
    Organization: Final = NS + "Organization"
    Place: Final = NS + "Place"
    # the consolidated graph
    Fact: Final = NS + "Fact"
    ConsolidatedGraph: Final = NS + "ConsolidatedGraph"
    articleCount: Final = NS + "articleCount"
    supportCount: Final = NS + "supportCount"
    firstSeen: Final = NS + "firstSeen"
    lastSeen: Final = NS + "lastSeen"
    supportedBy: Final = NS + "supportedBy"
    curatedLabel: Final = NS + "curatedLabel"
    curatedClass: Final = NS + "curatedClass"
    # the evidence of a reified statement
    sentence: Final = NS + "sentence"
    start: Final = NS + "start"
    end: Final = NS + "end"
    subjectText: Final = NS + "subjectText"
    objectText: Final = NS + "objectText"
    titlePhrase: Final = NS + "titlePhrase"
    rule: Final = NS + "rule"
    confidence: Final = NS + "confidence"
    status: Final = NS + "status"
    asOf: Final = NS + "asOf"
    # article and run metadata
    contentHash: Final = NS + "contentHash"
    sourceFile: Final = NS + "sourceFile"
    graph: Final = NS + "graph"
    model: Final = NS + "model"
    modelVersion: Final = NS + "modelVersion"
    kgVersion: Final = NS + "kgVersion"
    # on a server kg push sends to: the graphs it sent
    pushedGraph: Final = NS + "pushedGraph"

    @staticmethod
    def term(name: str) -> str:
        """The IRI of the ``kg:`` term ``name``."""
        return KG.NS.term(name)

    @staticmethod
    def local(iri: str) -> str:
        """The local name of a ``kg:`` IRI (``""`` for any other IRI)."""
        return KG.NS.local(iri)


ONTOLOGY_GRAPH: Final = "https://kg.example/ontology"
"""Named graph holding a copy of ``schemas/ontology.ttl``, so queries can follow the hierarchy."""

DATA_PREFIXES: dict[str, str] = {
    "kg": KG.NS,
    "rdf": RDF.NS,
    "rdfs": RDFS.NS,
    "xsd": XSD.NS,
    "skos": SKOS.NS,
    "schema": SCHEMA.NS,
    "prov": PROV.NS,
    "owl": OWL.NS,
}
"""The prefixes of the namespaces kg writes (exports declare these)."""

PREFIXES: dict[str, str] = {
    "kg": KG.NS,
    "rdf": RDF.NS,
    "rdfs": RDFS.NS,
    "xsd": XSD.NS,
    "skos": SKOS.NS,
    "owl": OWL.NS,
    "sh": "http://www.w3.org/ns/shacl#",
    "schema": SCHEMA.NS,
    "prov": PROV.NS,
    "org": "http://www.w3.org/ns/org#",
    "wdt": "http://www.wikidata.org/prop/direct/",
}
"""The prefixes every query may use without declaring them (``kgd:``, the data base, is
added by :func:`kg.query.terms.prefixes_for`); see ``schemas/README.md``."""

ENTITY_CLASSES: tuple[str, ...] = ("Person", "Organization", "Place")
"""The ontology classes an entity can have (local names of ``KG.Person`` …)."""

Status: TypeAlias = Literal["current", "former", "acting", "future"]
"""The status of a role on its evidence."""

STATUSES: tuple[Status, ...] = ("current", "former", "acting", "future")
"""Every :data:`Status`; only ``current`` roles become direct triples."""

SUPER_PROPERTY: dict[str, str] = {
    "works_for": "affiliated_with",
    "leader_of": "affiliated_with",
    "member_of": "affiliated_with",
    "fellow_of": "affiliated_with",
    "founder_of": "affiliated_with",
    "citizen_of": "affiliated_with",
    "president_of": "leader_of",
    "prime_minister_of": "leader_of",
    "secretary_of": "works_for",
    "spokesperson_of": "works_for",
    "adviser_to": "works_for",
}
"""Direct ``rdfs:subPropertyOf`` parent of each affiliation predicate."""

AFFILIATIONS: tuple[str, ...] = (
    "president_of",
    "prime_minister_of",
    "leader_of",
    "secretary_of",
    "spokesperson_of",
    "adviser_to",
    "member_of",
    "works_for",
    "fellow_of",
    "founder_of",
    "citizen_of",
)
"""Person → Organization/Place predicates: every one is a kind of ``affiliated_with``."""

RESIDENCES: tuple[str, ...] = ("resident_of", "born_in")
"""Person → Place predicates of where a person lives or was born: not affiliations."""

PREDICATES: tuple[str, ...] = (*AFFILIATIONS, *RESIDENCES, "based_in", "located_in", "met_with")
"""Every predicate a rule may produce."""

DOMAINS: dict[str, tuple[str, ...]] = {
    **{p: ("Person",) for p in AFFILIATIONS},
    **{p: ("Person",) for p in RESIDENCES},
    "based_in": ("Organization",),
    "located_in": ("Place",),
    "met_with": ("Person",),
}
"""Classes a predicate's subject may have."""

RANGES: dict[str, tuple[str, ...]] = {
    **{p: ("Organization", "Place") for p in AFFILIATIONS},
    # ANNOTATION.md: an adviser to "a person, government or organization" ("Trump's national
    # security adviser X"); no other affiliation takes a person.
    "adviser_to": ("Organization", "Place", "Person"),
    "citizen_of": ("Place",),
    **{p: ("Place",) for p in RESIDENCES},
    "based_in": ("Place",),
    "located_in": ("Place",),
    "met_with": ("Person",),
}
"""Classes a predicate's object may have."""

SYMMETRIC: frozenset[str] = frozenset({"met_with"})
"""Predicates that hold both ways; kg stores one direction (subject name first)."""

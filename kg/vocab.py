"""The relation vocabulary of kg, as plain strings.

The ontology (``schemas/ontology.ttl``) is the authoritative description; this module
mirrors its local names so that the extraction layer can validate rules without
loading RDF. ``tests/test_ontology.py`` checks that both agree.
"""

from __future__ import annotations

__all__ = [
    "AFFILIATIONS",
    "DOMAINS",
    "PREDICATES",
    "RANGES",
    "RESIDENCES",
    "SUPER_PROPERTY",
    "SYMMETRIC",
]

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
    "citizen_of": ("Place",),
    **{p: ("Place",) for p in RESIDENCES},
    "based_in": ("Place",),
    "located_in": ("Place",),
    "met_with": ("Person",),
}
"""Classes a predicate's object may have."""

SYMMETRIC: frozenset[str] = frozenset({"met_with"})
"""Predicates that hold both ways; kg stores one direction (subject name first)."""

"""Link entities across articles: which entity IRIs name the same real-world entity.

Within an article, extraction already joins "Trump" to "Donald Trump". Across articles it
cannot: an article that only ever writes "Blair" gives an entity named *Blair*, a node of
its own beside *Tony Blair*. After each build, :func:`update_links` looks at every entity of
the store together and writes ``owl:sameAs`` links, from the short form to the full one,
into one graph of their own (``{base}links``, replaced as a whole each time). Readers (the
NetworkX view, hence ``kg show``, ``kg stats``, ``kg path``…) fold each link's source into
its target; the article graphs stay as extracted.

A link is written only when the evidence is strong (see :func:`find_links`): the
entity's name is a surface form (``skos:altLabel``) of a longer-named entity of the same
class, written beside that full name in some article ("Blair" of *Tony Blair*, "IAAF" of
*International Association of Athletics Federations*), and the full name is mentioned by
at least as many articles ("Sony" in 60 articles is no short form of *Sony Pictures
Entertainment* in 3). When several entities fit, the link goes to the one most articles mention, and only if it
has at least ``dominance`` times the articles of all the others together; else the name
stays ambiguous and unlinked ("Brown": *Gordon Brown* and *James Brown* both called so).
A one-word name that no article wrote beside a full name stays as it is: a surname alone
is too weak a hint. Names stored with two classes (*Manchester City* as a place in some
articles) are not linked either: on the BBC corpus the majority class was wrong in about
four cases of ten, so that needs better typing at extraction, not a vote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from .consolidate import article_entities
from .store import KGStore

__all__ = ["DOMINANCE", "EntityInfo", "Link", "find_links", "read_entities", "update_links"]

OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
DOMINANCE = 3.0
"""How many times the articles of all other candidates the chosen one needs."""


@dataclass(frozen=True)
class EntityInfo:
    """What linking needs to know of one entity IRI, over the whole store.

    Attributes:
        iri: The entity's IRI.
        cls: ``"Person"``, ``"Organization"`` or ``"Place"``.
        label: Its canonical name (the most common ``rdfs:label``).
        aliases: Every other surface form stored for it.
        articles: How many articles mention it.
    """

    iri: str
    cls: str
    label: str
    aliases: frozenset[str] = frozenset()
    articles: int = 0


@dataclass(frozen=True)
class Link:
    """``source owl:sameAs target``: ``target`` is the entity ``source`` is folded into."""

    source: str
    target: str
    rule: str


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _dominant(candidates: list[EntityInfo], dominance: float) -> EntityInfo | None:
    """The candidate with the most articles, if it dominates all the others together."""
    ranked = sorted(candidates, key=lambda e: (-e.articles, e.iri))
    best, rest = ranked[0], ranked[1:]
    if not rest or best.articles >= dominance * max(1, sum(e.articles for e in rest)):
        return best
    return None


def find_links(entities: Iterable[EntityInfo], *, dominance: float = DOMINANCE) -> list[Link]:
    """The ``owl:sameAs`` links among ``entities`` (see the module docstring for the rules).

    Every link points at an entity that is itself never linked, so following one link is
    always enough. The result is sorted and depends only on the entities given.

    Example:
        >>> tony = EntityInfo("p/Tony_Blair", "Person", "Tony Blair", frozenset({"Blair"}), 40)
        >>> cherie = EntityInfo("p/Cherie_Blair", "Person", "Cherie Blair", frozenset(), 3)
        >>> blair = EntityInfo("p/Blair", "Person", "Blair", frozenset(), 9)
        >>> find_links([tony, cherie, blair])
        [Link(source='p/Blair', target='p/Tony_Blair', rule='alias')]
    """
    items = sorted(entities, key=lambda e: e.iri)
    by_alias: dict[tuple[str, str], list[EntityInfo]] = defaultdict(list)
    for entity in items:
        for alias in entity.aliases:
            by_alias[(entity.cls, _fold(alias))].append(entity)

    links: dict[str, Link] = {}
    for entity in items:
        key = _fold(entity.label)
        fuller = [
            e
            for e in by_alias.get((entity.cls, key), [])
            if e.iri != entity.iri and len(_fold(e.label)) > len(key)
        ]
        if fuller:
            target = _dominant(fuller, dominance)
            # "Sony" in 60 articles is no short form of "Sony Pictures Entertainment" in 3
            if target is not None and target.articles >= entity.articles:
                links[entity.iri] = Link(entity.iri, target.iri, "alias")
    # A target must not be linked itself: follow the chain to its end (chains are short,
    # and always lead to a longer name or more articles, so they cannot loop).
    final = {}
    for source, link in links.items():
        end, seen = link.target, {source}
        while end in links and end not in seen:
            seen.add(end)
            end = links[end].target
        if end != source:
            final[source] = Link(source, end, link.rule)
    return sorted(final.values(), key=lambda link: link.source)


def read_entities(store: ox.Store, base: str | None = None) -> list[EntityInfo]:
    """Every typed entity of the article graphs with its canonical label, aliases and
    article count (the consolidated and links graphs are not read)."""
    found = []
    for iri, record in sorted(article_entities(store, base).items()):
        if not record.labels:
            continue
        label = record.label
        others = (record.aliases | set(record.labels)) - {label}
        found.append(EntityInfo(iri, record.cls, label, frozenset(others), len(record.articles)))
    return found


def update_links(kg: KGStore, *, dominance: float = DOMINANCE) -> list[Link]:
    """Work out the links of the whole store again and replace its links graph with them.

    One transaction: readers see the old links or the new ones, never a mix. Running it
    again on an unchanged store writes the very same triples.
    """
    links = find_links(read_entities(kg.ox, kg.minter.base), dominance=dominance)
    graph = ox.NamedNode(kg.minter.links_graph)
    same_as = ox.NamedNode(OWL_SAME_AS)
    new = {ox.Quad(ox.NamedNode(k.source), same_as, ox.NamedNode(k.target), graph) for k in links}
    old = set(kg.ox.quads_for_pattern(None, None, None, graph))
    if new != old:
        kg.replace_links({k.source: k.target for k in links})
    return links

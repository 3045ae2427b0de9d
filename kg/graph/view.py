"""Build the NetworkX view of a kg store.

The view is a :class:`networkx.MultiDiGraph` rebuilt from the store by a handful of
queries over the union of all graphs; nothing ever writes it back. Nodes are the typed
entities, edges the *direct* (current) relation triples, each carrying a short list of
evidence. Reified statements whose status is ``former``, ``acting`` or ``future`` have no
direct triple, so they never make an edge of their own; they only appear as evidence
beside a current edge for the same fact.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox

from ..consolidate import consolidated_store
from ..rdf.terms import (
    ALT_LABEL,
    ARTICLE_COUNT,
    FACT,
    LABEL,
    MENTIONS,
    OBJECT,
    PREDICATE,
    SAME_AS,
    STATUS,
    SUBJECT,
    SUPPORT_COUNT,
    SUPPORTED_BY,
    TYPE,
    term_value,
)
from ..vocab import ENTITY_CLASSES, KG, PREFIXES

if TYPE_CHECKING:
    from ..store import KGStore

__all__ = ["EVIDENCE_CAP", "load_view"]

logger = logging.getLogger(__name__)

EVIDENCE_CAP = 5
"""Default number of evidence items kept per edge (``count`` and ``evidence_count`` stay exact)."""

_Q_ARTICLES = """
SELECT ?a ?id ?headline ?date WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:identifier ?id }
  OPTIONAL { ?a schema:headline ?headline }
  OPTIONAL { ?a schema:datePublished ?date }
}
"""
# One query per statement property, joined in Python: Oxigraph answers a single query
# with seven OPTIONALs over the union graph three times slower.
_STATEMENT_PROPERTIES = {
    "article": "prov:wasDerivedFrom",
    "sentence": "kg:sentence",
    "title": "kg:titlePhrase",
    "status": "kg:status",
    "confidence": "kg:confidence",
    "rule": "kg:rule",
    "as_of": "kg:asOf",
}


def load_view(
    store: KGStore | ox.Store, *, evidence_cap: int = EVIDENCE_CAP, noncurrent: bool = False
) -> nx.MultiDiGraph:
    """Build the entity graph of a store.

    Nodes are entity IRIs (``str``) with the attributes

    - ``label``: the canonical ``rdfs:label`` (the most common across articles, then the longest),
    - ``cls``: ``"Person"``, ``"Organization"`` or ``"Place"``,
    - ``aliases``: sorted list of every ``skos:altLabel``,
    - ``articles``: number of articles that mention the entity,
    - ``same_as``: the IRIs folded into this node (see below).

    An entity linked by ``owl:sameAs`` to another (:mod:`kg.link` writes such links from
    "Blair" to "Tony Blair") is no node of its own: its names, mentions and relations go to
    the entity it links to.

    There is one edge per distinct direct relation triple, keyed by the predicate's local
    name (``"spokesperson_of"``), with the attributes

    - ``predicate``: the local name again,
    - ``count``: number of articles stating the triple,
    - ``evidence``: at most ``evidence_cap`` dicts of plain ``str``/``float`` values (``article``,
      ``headline``, ``date``, ``sentence``, ``title``, ``status``, ``confidence``, ``rule``),
      current statements first, then newest first,
    - ``evidence_count``: number of statements about the triple (all of them, any status),
    - ``titles``: distinct title phrases of the current statements, most frequent first,
    - ``confidence``: the highest confidence of a current statement (``0.0`` when none).

    With ``noncurrent``, a fact stated only as former, acting or future (which has no
    direct triple) is an edge too, with the same attributes plus ``status``: its sorted
    statuses (``["former"]``); its ``count`` is the number of articles stating it. The
    viewer draws these dashed. Graph questions leave them out (the default).

    Relation predicates are the ``kg:`` ones of :mod:`kg.vocab` and any other ``kg:``
    predicate a reified statement names. A relation whose subject or object is not a
    typed entity is left out (and logged).
    The graph attribute ``articles`` holds the number of articles in the store.

    Args:
        store: An open :class:`~kg.store.KGStore` or a :class:`pyoxigraph.Store`.
        evidence_cap: Keep at most this many evidence items per edge.

    Returns:
        A new graph; the store stays the source of truth, so rebuild it rather than edit it.

    Example:
        >>> import pyoxigraph as ox
        >>> store = ox.Store()
        >>> store.load(
        ...     b'@prefix kg: <https://kg.example/ontology#> . '
        ...     b'@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . '
        ...     b'<https://kg.example/person/A> a kg:Person ; rdfs:label "A" ; '
        ...     b'  kg:works_for <https://kg.example/organization/B> . '
        ...     b'<https://kg.example/organization/B> a kg:Organization ; rdfs:label "B" .',
        ...     format=ox.RdfFormat.TURTLE,
        ... )
        >>> view = load_view(store)
        >>> list(view.edges(keys=True))
        [('https://kg.example/person/A', 'https://kg.example/organization/B', 'works_for')]
    """
    ox_store: ox.Store = store if isinstance(store, ox.Store) else store.ox
    base = None if isinstance(store, ox.Store) else store.minter.base
    ox_store, kg = consolidated_store(ox_store, base)
    view = nx.MultiDiGraph()

    folded: dict[str, list[str]] = defaultdict(list)
    for q in ox_store.quads_for_pattern(None, SAME_AS, None, kg):
        folded[term_value(q.object)].append(term_value(q.subject))
    records: dict[str, dict[str, Any]] = defaultdict(lambda: {"aliases": [], "cls": ""})
    for q in ox_store.quads_for_pattern(None, None, None, kg):
        p = q.predicate
        if p == TYPE:
            cls = KG.local(term_value(q.object))
            if cls in ENTITY_CLASSES:
                record = records[term_value(q.subject)]
                record["cls"] = min(filter(None, (record["cls"], cls)))
        elif p == LABEL:
            records[term_value(q.subject)]["label"] = term_value(q.object)
        elif p == ALT_LABEL:
            records[term_value(q.subject)]["aliases"].append(term_value(q.object))
        elif p == ARTICLE_COUNT:
            records[term_value(q.subject)]["articles"] = int(term_value(q.object))
    for entity in sorted(records):
        record = records[entity]
        if not record["cls"]:
            continue
        view.add_node(
            entity,
            label=record.get("label") or _name_from_iri(entity),
            cls=record["cls"],
            aliases=sorted(record["aliases"]),
            articles=record.get("articles", 0),
            same_as=sorted(folded.get(entity, ())),
        )

    articles = _articles(ox_store)
    mentioning = {
        term_value(q.subject) for q in ox_store.quads_for_pattern(None, MENTIONS, None, kg)
    }
    view.graph["articles"] = len(articles.keys() | mentioning)
    statements = _statements(ox_store, articles)

    facts: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {"statements": [], "count": 0, "current": False, "statuses": set()}
    )
    for q in ox_store.quads_for_pattern(None, TYPE, FACT, kg):
        fact = _fact(ox_store, q.subject, kg)
        if fact is None:
            continue
        subject, predicate, obj, status, support, supported_by = fact
        if not predicate.startswith(KG.NS):
            continue
        entry = facts[(subject, KG.local(predicate), obj)]
        entry["statements"].extend(statements[st] for st in supported_by if st in statements)
        entry["statuses"].add(status)
        if status == "current":
            entry["current"] = True
            entry["count"] = support
    skipped = 0
    for (subject, key, obj), entry in sorted(facts.items()):
        if subject not in view or obj not in view:
            skipped += 1
            continue
        items = _sort_evidence(entry["statements"])
        if entry["current"]:
            current = [e for e in items if e["status"] == "current"]
            view.add_edge(
                subject,
                obj,
                key=key,
                predicate=key,
                count=entry["count"],
                evidence=items[:evidence_cap],
                evidence_count=len(items),
                titles=_titles(e["title"] for e in current),
                confidence=max((e["confidence"] for e in current), default=0.0),
            )
        elif noncurrent and subject != obj:
            view.add_edge(
                subject,
                obj,
                key=key,
                predicate=key,
                status=sorted(entry["statuses"]),
                count=len({e["article"] for e in items}),
                evidence=items[:evidence_cap],
                evidence_count=len(items),
                titles=_titles(e["title"] for e in items),
                confidence=max((e["confidence"] for e in items), default=0.0),
            )
    if skipped:
        logger.info("Left out %d relation triples whose subject or object is no entity", skipped)
    return view


def _fact(
    store: ox.Store, fact: ox.NamedNode | ox.BlankNode | ox.Triple, kg: ox.NamedNode
) -> tuple[str, str, str, str, int, list[str]] | None:
    values: dict[ox.NamedNode, str] = {}
    supported_by: list[str] = []
    for q in store.quads_for_pattern(fact, None, None, kg):
        if q.predicate == SUPPORTED_BY:
            supported_by.append(term_value(q.object))
        else:
            values[q.predicate] = term_value(q.object)
    try:
        return (
            values[SUBJECT],
            values[PREDICATE],
            values[OBJECT],
            values.get(STATUS, "current"),
            int(values.get(SUPPORT_COUNT, "0")),
            supported_by,
        )
    except (KeyError, ValueError):
        return None


def _select(store: ox.Store, query: str, *, union: bool = True) -> Iterator[tuple[str, ...]]:
    """Rows of a SELECT (over the union of all graphs), each term as its plain string value."""
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=union)
    assert isinstance(solutions, ox.QuerySolutions)
    width = len(solutions.variables)
    for row in solutions:
        yield tuple("" if row[i] is None else row[i].value for i in range(width))


def _pairs(store: ox.Store, query: str) -> dict[str, str]:
    """First column → second column of a two-column SELECT over the union of all graphs.

    Of several values for one key the smallest is kept, so the result is deterministic.
    This is the hot loop of :func:`load_view`, hence no generic row handling.
    """
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    found: dict[str, str] = {}
    for key_term, value_term in solutions:
        key, value = key_term.value, value_term.value
        if key not in found or value < found[key]:
            found[key] = value
    return found


def _articles(store: ox.Store) -> dict[str, dict[str, str]]:
    """Article IRI → id, headline and date (plain strings, ``""`` when unknown)."""
    articles: dict[str, dict[str, str]] = {}
    for iri, ident, headline, date in _select(store, _Q_ARTICLES):
        seen = articles.setdefault(iri, {"id": "", "headline": "", "date": ""})
        for field, value in (("id", ident), ("headline", headline), ("date", date)):
            if value and not seen[field]:
                seen[field] = value
    for iri, info in articles.items():
        info["id"] = info["id"] or iri
    return articles


def _statements(store: ox.Store, articles: dict[str, dict[str, str]]) -> dict[str, dict[str, Any]]:
    """Evidence of every reified statement of the article graphs, by statement IRI."""
    values = {
        field: _pairs(store, f"SELECT ?st ?x WHERE {{ ?st {prop} ?x }}")
        for field, prop in _STATEMENT_PROPERTIES.items()
    }
    found: dict[str, dict[str, Any]] = {}
    for st, article in values["article"].items():
        info = articles.get(article, {})
        found[st] = {
            "article": info.get("id") or article,
            "headline": info.get("headline", ""),
            "date": info.get("date") or values["as_of"].get(st, ""),
            "sentence": values["sentence"].get(st, ""),
            "title": values["title"].get(st, ""),
            "status": values["status"].get(st) or "current",
            "confidence": _to_float(values["confidence"].get(st, "")),
            "rule": values["rule"].get(st, ""),
        }
    return found


def _titles(titles: Iterable[str]) -> list[str]:
    """Distinct title phrases, most frequent first; case variants count as one."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for title in titles:
        if title:
            counts[title.casefold()] += 1
            forms[title.casefold()][title] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [min(forms[key].items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, _ in ranked]


def _sort_evidence(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Current statements first, then newest first (undated last), then by article."""
    if len(items) < 2:
        return items
    items = sorted(items, key=lambda e: (e["article"], e["sentence"]))
    items.sort(key=lambda e: e["date"], reverse=True)  # "" sorts last when reversed
    items.sort(key=lambda e: e["status"] != "current")
    return items


def _to_float(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def _name_from_iri(iri: str) -> str:
    """A readable name for an entity without ``rdfs:label``: its last IRI segment."""
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ")

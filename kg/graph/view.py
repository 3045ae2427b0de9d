"""Build the NetworkX view of a kg store.

The view is a :class:`networkx.MultiDiGraph` rebuilt from the store by a handful of
queries over the union of all graphs; nothing ever writes it back. Nodes are the typed
entities, edges the *direct* (current) relation triples, each carrying a short list of
evidence. Reified statements whose status is ``former``, ``acting`` or ``future`` have no
direct triple, so they make no edge of their own (unless the viewer asks for them with
``noncurrent=True``); they appear as evidence beside a current edge for the same fact.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox

from ..iri import ONTOLOGY
from ..records import ENTITY_CLASSES
from ..vocab import PREDICATES, SUPER_PROPERTY

if TYPE_CHECKING:
    from ..store import KGStore

__all__ = ["EVIDENCE_CAP", "StoredEntity", "load_view", "stored_entities"]

logger = logging.getLogger(__name__)

EVIDENCE_CAP = 5
"""Default number of evidence items kept per edge (``count`` and ``evidence_count`` stay exact)."""

_PREFIXES = {
    "kg": ONTOLOGY,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
_CLASS_VALUES = " ".join(f"kg:{c}" for c in ENTITY_CLASSES)
# Relation predicates: kg's vocabulary, plus any other one a statement names. A full scan
# for "every kg: predicate with an IRI object" is ten times slower on a large store.
_KNOWN_PREDICATES = tuple(sorted({*PREDICATES, *SUPER_PROPERTY.values()}))

_Q_NODES = f"""
SELECT DISTINCT ?e ?cls WHERE {{ VALUES ?cls {{ {_CLASS_VALUES} }} ?e a ?cls . FILTER(isIRI(?e)) }}
"""
_Q_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
_Q_MENTIONS = "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e } GROUP BY ?e"
_Q_MENTIONING = "SELECT DISTINCT ?a WHERE { ?a schema:mentions ?e }"
_Q_ARTICLES = """
SELECT ?a ?id ?headline ?date WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:identifier ?id }
  OPTIONAL { ?a schema:headline ?headline }
  OPTIONAL { ?a schema:datePublished ?date }
}
"""
_Q_SAME_AS = "SELECT DISTINCT ?s ?t WHERE { ?s owl:sameAs ?t FILTER(isIRI(?s) && isIRI(?t)) }"
_Q_STATED_PREDICATES = "SELECT DISTINCT ?p WHERE { ?st rdf:predicate ?p }"
# One query per statement property, joined in Python: Oxigraph answers a single query
# with seven OPTIONALs over the union graph three times slower.
_STATEMENT_PROPERTIES = {
    "subject": "rdf:subject",
    "predicate": "rdf:predicate",
    "object": "rdf:object",
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
    view = nx.MultiDiGraph()

    stored = stored_entities(ox_store)
    classes = {e: record.cls for e, record in stored.items()}
    labels = {e: record.label for e, record in stored.items() if record.labels}
    aliases = {e: set(record.aliases) for e, record in stored.items()}
    mentions = {e: record.articles for e, record in stored.items()}
    canonical = _same_as(ox_store, classes)
    folded: dict[str, list[str]] = defaultdict(list)
    for source, target in canonical.items():
        folded[target].append(source)
    for entity in sorted(classes):
        if entity in canonical:
            continue
        names = set(aliases.get(entity, ()))
        for source in folded.get(entity, ()):
            names |= aliases.get(source, set())
            names.add(labels.get(source) or _name_from_iri(source))
        label = labels.get(entity) or _name_from_iri(entity)
        view.add_node(
            entity,
            label=label,
            cls=classes[entity],
            aliases=sorted(names - {label}),
            articles=sum(mentions.get(e, 0) for e in [entity, *folded.get(entity, ())]),
            same_as=sorted(folded.get(entity, ())),
        )

    articles = _articles(ox_store)
    mentioning = {a for (a,) in _select(ox_store, _Q_MENTIONING)}
    view.graph["articles"] = len(articles.keys() | mentioning)
    statements = _statements(ox_store, articles)

    relations: Counter[tuple[str, str, str]] = Counter()
    merged: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    skipped = 0
    for (subject, key, obj), n_graphs in _relations(ox_store, statements).items():
        if subject not in classes or obj not in classes:
            skipped += 1
            continue
        fact = (canonical.get(subject, subject), key, canonical.get(obj, obj))
        if fact[0] == fact[2] and subject != obj:
            continue  # "Blair met Tony Blair": one person once linked
        relations[fact] += n_graphs
        merged[fact].extend(statements.get((subject, key, obj), []))
    for (subject, key, obj), n_graphs in sorted(relations.items()):
        items = _sort_evidence(merged[(subject, key, obj)])
        current = [e for e in items if e["status"] == "current"]
        view.add_edge(
            subject,
            obj,
            key=key,
            predicate=key,
            count=max(n_graphs, len({e["article"] for e in current})),
            evidence=items[:evidence_cap],
            evidence_count=len(items),
            titles=_titles(e["title"] for e in current),
            confidence=max((e["confidence"] for e in current), default=0.0),
        )
    if noncurrent:
        _add_noncurrent_edges(view, statements, canonical, evidence_cap=evidence_cap)
    if skipped:
        logger.info("Left out %d relation triples whose subject or object is no entity", skipped)
    return view


def _add_noncurrent_edges(
    view: nx.MultiDiGraph,
    statements: dict[tuple[str, str, str], list[dict[str, Any]]],
    canonical: dict[str, str],
    *,
    evidence_cap: int,
) -> None:
    """Add an edge for each fact stated only as former, acting or future (see load_view)."""
    facts: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for (subject, key, obj), items in statements.items():
        fact = (canonical.get(subject, subject), key, canonical.get(obj, obj))
        if fact[0] in view and fact[2] in view and fact[0] != fact[2]:
            facts[fact].extend(items)
    for (subject, key, obj), items in sorted(facts.items()):
        statuses = sorted({e["status"] for e in items})
        if "current" in statuses or view.has_edge(subject, obj, key):
            continue
        items = _sort_evidence(items)
        view.add_edge(
            subject,
            obj,
            key=key,
            predicate=key,
            status=statuses,
            count=len({e["article"] for e in items}),
            evidence=items[:evidence_cap],
            evidence_count=len(items),
            titles=_titles(e["title"] for e in items),
            confidence=max(e["confidence"] for e in items),
        )


@dataclass(frozen=True)
class StoredEntity:
    """One typed entity of a store, read over all its graphs.

    Attributes:
        cls: ``"Person"``, ``"Organization"`` or ``"Place"``.
        labels: Each ``rdfs:label`` stated for it → the number of graphs stating it.
        aliases: Every ``skos:altLabel``.
        articles: How many articles mention it.
    """

    cls: str
    labels: dict[str, int]
    aliases: frozenset[str]
    articles: int

    @property
    def label(self) -> str:
        """The canonical label: the most common across graphs, then the longest (or ``""``)."""
        if not self.labels:
            return ""
        return min(self.labels, key=lambda name: (-self.labels[name], -len(name), name))


def stored_entities(store: ox.Store) -> dict[str, StoredEntity]:
    """Every typed entity of ``store`` (IRI → what the store says of it).

    Shared by :func:`load_view` and :mod:`kg.link`, which look at entities the same way.
    """
    classes = {e: cls[len(ONTOLOGY) :] for e, cls in _select(store, _Q_NODES)}
    labels: dict[str, dict[str, int]] = defaultdict(dict)
    for (entity, label), n in _count_graphs(store, "?e ?l", "?e rdfs:label ?l").items():
        if entity in classes:
            labels[entity][label] = n
    aliases: dict[str, set[str]] = defaultdict(set)
    for entity, alias in _select(store, _Q_ALIASES):
        if entity in classes:
            aliases[entity].add(alias)
    mentions = {e: int(n) for e, n in _select(store, _Q_MENTIONS)}
    return {
        entity: StoredEntity(
            cls,
            labels.get(entity, {}),
            frozenset(aliases.get(entity, ())),
            mentions.get(entity, 0),
        )
        for entity, cls in classes.items()
    }


def _same_as(store: ox.Store, classes: dict[str, str]) -> dict[str, str]:
    """Entity → the entity it is folded into, following ``owl:sameAs`` links to their end.

    kg writes the links (:mod:`kg.link`); links loaded from elsewhere count too, when both
    ends are typed entities. Cycles are broken at their smallest IRI.
    """
    links = {
        s: t for s, t in _select(store, _Q_SAME_AS) if s in classes and t in classes and s != t
    }
    canonical = {}
    for source in links:
        end, seen = source, [source]
        while end in links and links[end] not in seen:
            end = links[end]
            seen.append(end)
        if end in links:  # a cycle: everyone in it goes to its smallest member
            end = min(seen)
        if end != source:
            canonical[source] = end
    return canonical


def _select(store: ox.Store, query: str, *, union: bool = True) -> Iterator[tuple[str, ...]]:
    """Rows of a SELECT (over the union of all graphs), each term as its plain string value."""
    solutions = store.query(query, prefixes=_PREFIXES, use_default_graph_as_union=union)
    assert isinstance(solutions, ox.QuerySolutions)
    width = len(solutions.variables)
    for row in solutions:
        yield tuple("" if row[i] is None else row[i].value for i in range(width))


def _pairs(store: ox.Store, query: str) -> dict[str, str]:
    """First column → second column of a two-column SELECT over the union of all graphs.

    Of several values for one key the smallest is kept, so the result is deterministic.
    This is the hot loop of :func:`load_view`, hence no generic row handling.
    """
    solutions = store.query(query, prefixes=_PREFIXES, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    found: dict[str, str] = {}
    for key_term, value_term in solutions:
        key, value = key_term.value, value_term.value
        if key not in found or value < found[key]:
            found[key] = value
    return found


def _count_graphs(store: ox.Store, variables: str, pattern: str) -> Counter[tuple[str, ...]]:
    """How many graphs hold each solution of ``pattern``.

    Every named graph counts once, and so does the store's default graph (where
    :func:`kg.store.load_file` puts the triples of a Turtle file).
    """
    counts: Counter[tuple[str, ...]] = Counter()
    named = (
        f"SELECT {variables} (COUNT(*) AS ?n) "
        f"WHERE {{ GRAPH ?g {{ {pattern} }} }} GROUP BY {variables}"
    )
    for row in _select(store, named):
        counts[row[:-1]] += int(row[-1])
    default = f"SELECT DISTINCT {variables} WHERE {{ {pattern} }}"
    for row in _select(store, default, union=False):
        counts[row] += 1
    return counts


def _relations(
    store: ox.Store, statements: dict[tuple[str, str, str], list[dict[str, Any]]]
) -> Counter[tuple[str, str, str]]:
    """Every distinct direct relation triple (predicate as local name) → graphs stating it."""
    names = set(_KNOWN_PREDICATES)
    names.update(
        p[len(ONTOLOGY) :]
        for (p,) in _select(store, _Q_STATED_PREDICATES)
        if p.startswith(ONTOLOGY)
    )
    values = " ".join(f"<{ONTOLOGY}{name}>" for name in sorted(names) if _is_local_name(name))
    counts = _count_graphs(
        store, "?s ?p ?o", f"VALUES ?p {{ {values} }} ?s ?p ?o FILTER(isIRI(?o))"
    )
    return Counter({(s, p[len(ONTOLOGY) :], o): n for (s, p, o), n in counts.items()})


def _is_local_name(name: str) -> bool:
    # Only names that are safe inside <...> in a query (a predicate comes from the store).
    return bool(name) and all(c.isalnum() or c in "_-." for c in name)


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


def _statements(
    store: ox.Store, articles: dict[str, dict[str, str]]
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Evidence of every reified statement, grouped by (subject, predicate name, object)."""
    values = {
        field: _pairs(store, f"SELECT ?st ?x WHERE {{ ?st {prop} ?x }}")
        for field, prop in _STATEMENT_PROPERTIES.items()
    }
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    subjects, predicates, objects = values["subject"], values["predicate"], values["object"]
    for st in sorted(subjects.keys() & predicates.keys() & objects.keys()):
        predicate = predicates[st]
        if not predicate.startswith(ONTOLOGY):
            continue
        article = values["article"].get(st, "")
        info = articles.get(article, {})
        grouped[(subjects[st], predicate[len(ONTOLOGY) :], objects[st])].append(
            {
                "article": info.get("id") or article,
                "headline": info.get("headline", ""),
                "date": info.get("date") or values["as_of"].get(st, ""),
                "sentence": values["sentence"].get(st, ""),
                "title": values["title"].get(st, ""),
                "status": values["status"].get(st) or "current",
                "confidence": _to_float(values["confidence"].get(st, "")),
                "rule": values["rule"].get(st, ""),
            }
        )
    return grouped


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

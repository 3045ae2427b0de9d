"""The consolidated graph ``{base}kg``: one node per entity, one triple per fact.

The article graphs keep everything extracted, with its provenance; they repeat an entity's
class and labels once per article and state a fact once per article. The consolidated graph
says each thing once, over the whole store, with the ``owl:sameAs`` links of ``{base}links``
folded in (see ``schemas/README.md`` for the model)::

    kgd:person/Tony_Blair a kg:Person ; rdfs:label "Tony Blair" ;
        skos:altLabel "Blair" ; kg:articleCount 41 .          # every alias once
    kgd:person/Blair owl:sameAs kgd:person/Tony_Blair .        # a folded entity
    kgd:article/x schema:mentions kgd:person/Tony_Blair .      # once per article
    kgd:person/Tony_Blair kg:leader_of kgd:organization/Labour .   # a current fact
    kgd:fact/… a kg:Fact ; rdf:subject … ; rdf:predicate kg:leader_of ; rdf:object … ;
        kg:status "current" ; kg:supportCount 12 ;            # articles stating it
        kg:firstSeen "2005-01-03"^^xsd:date ; kg:lastSeen … ;  # when the articles are dated
        kg:titlePhrase "leader" ; kg:supportedBy kgd:statement/… .

It is kept in step with the article graphs in the same transaction as each change: a
:class:`Consolidation` is given the graphs a transaction drops and the quads it adds, works
out which entities and subjects they touch (old and new content), reads everything else of
those entities from the store, and returns the SPARQL that replaces their part of the
consolidated graph. Only touched entities and subjects are recomputed.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from .iri import DEFAULT_BASE
from .rdf.terms import (
    ALT_LABEL,
    ARTICLE_COUNT,
    AS_OF,
    CONSOLIDATED_GRAPH_CLASS,
    CURATED_CLASS,
    CURATED_LABEL,
    DERIVED_FROM,
    FACT,
    FIRST_SEEN,
    LABEL,
    LAST_SEEN,
    MENTIONS,
    OBJECT,
    PREDICATE,
    SAME_AS,
    STATUS,
    SUBJECT,
    SUPPORT_COUNT,
    SUPPORTED_BY,
    TITLE,
    TYPE,
    XSD_DATE,
    XSD_INTEGER,
    store_graphs,
    term_value,
)
from .rdf.terms import CLASSES as _CLASSES
from .rdf.terms import Term as _Term
from .vocab import KG

__all__ = [
    "CONSOLIDATED_MARKER",
    "Consolidation",
    "consolidated_quads",
    "consolidated_store",
    "fold_links",
    "has_consolidated_graph",
    "read_links",
    "term_value",
]

_NOT_RELATIONS = frozenset(
    (KG.graph, KG.supportedBy, KG.articleCount, KG.supportCount, KG.contentHash)
)
_ENTITY_PREDICATES = (TYPE, LABEL, ALT_LABEL, ARTICLE_COUNT, SAME_AS)

CONSOLIDATED_MARKER = "consolidated graph marker"
"""What the quad ``<{base}kg> a kg:ConsolidatedGraph`` in ``{base}kg`` says: it is complete."""


def fact_iri(base: str, subject: str, predicate: str, obj: str, status: str) -> str:
    """IRI of the consolidated fact ``(subject, predicate, object, status)``: a stable hash."""
    key = "\x1f".join((subject, predicate, obj, status)).encode("utf-8", "surrogatepass")
    return f"{base}fact/{hashlib.sha1(key).hexdigest()[:20]}"


def has_consolidated_graph(store: ox.Store, base: str) -> bool:
    """Whether ``store`` holds a complete consolidated graph for ``base``."""
    graph = ox.NamedNode(f"{base}kg")
    return ox.Quad(graph, TYPE, CONSOLIDATED_GRAPH_CLASS, graph) in store


def read_links(store: ox.Store, base: str | None = None) -> dict[str, str]:
    """The ``owl:sameAs`` links between IRIs: of ``{base}links``, or of any graph but ``{base}kg``."""
    if base is not None:
        quads = store.quads_for_pattern(None, SAME_AS, None, ox.NamedNode(f"{base}links"))
        skip = None
    else:
        quads = store.quads_for_pattern(None, SAME_AS, None, None)
        skip = None
    return {
        term_value(q.subject): term_value(q.object)
        for q in quads
        if isinstance(q.subject, ox.NamedNode)
        and isinstance(q.object, ox.NamedNode)
        and q.subject != q.object
        and (skip is None or q.graph_name != skip)
    }


def read_curated(store: ox.Store, base: str) -> dict[str, tuple[str, str]]:
    """Entity IRI → (label, class local name) the curation file set (in ``{base}links``)."""
    graph = ox.NamedNode(f"{base}links")
    found: dict[str, tuple[str, str]] = {}
    for q in store.quads_for_pattern(None, CURATED_LABEL, None, graph):
        found[term_value(q.subject)] = (
            term_value(q.object),
            found.get(term_value(q.subject), ("", ""))[1],
        )
    for q in store.quads_for_pattern(None, CURATED_CLASS, None, graph):
        cls = KG.local(term_value(q.object))
        found[term_value(q.subject)] = (found.get(term_value(q.subject), ("", ""))[0], cls)
    return found


def fold_links(links: Mapping[str, str]) -> dict[str, str]:
    """IRI → the IRI it is folded into, following links to their end.

    A cycle is broken at its smallest member, which everyone in it folds into.

    >>> fold_links({"a": "b", "b": "c", "x": "y", "y": "x"})
    {'a': 'c', 'b': 'c', 'y': 'x'}
    """
    folded: dict[str, str] = {}
    for source in links:
        end, seen = source, [source]
        while end in links and links[end] not in seen:
            end = links[end]
            seen.append(end)
        if end in links:
            end = min(seen)
        if end != source:
            folded[source] = end
    return folded


@dataclass
class _Statement:
    subject: str
    predicate: str
    object: str
    status: str = "current"
    title: str = ""
    as_of: str = ""
    article: str = ""
    iri: str = ""
    graph: str = ""


@dataclass
class _Overlay:
    """The article data of a store as it will be once a transaction has run.

    Reads go to the store, except for the graphs the transaction drops, and to the quads
    it adds (indexed here). Graphs that hold no article data (the consolidated, links,
    metadata and ontology graphs) are never read.
    """

    store: ox.Store
    skip: set[ox.NamedNode | ox.DefaultGraph]
    by_subject: dict[ox.NamedNode, list[ox.Quad]] = field(default_factory=lambda: defaultdict(list))
    by_object: dict[tuple[ox.NamedNode, _Term], list[ox.Quad]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, quads: Iterable[ox.Quad], *, skip: set[ox.NamedNode | ox.DefaultGraph]) -> None:
        """Index quads the transaction adds (in graphs not in ``skip``; a graph it drops
        may well be one it adds again)."""
        for q in quads:
            if q.graph_name in skip:
                continue
            self.by_subject[q.subject].append(q)  # type: ignore[index]
            self.by_object[(q.predicate, q.object)].append(q)

    def with_subject(
        self, subject: ox.NamedNode, predicate: ox.NamedNode | None
    ) -> Iterator[ox.Quad]:
        for q in self.store.quads_for_pattern(subject, predicate, None, None):
            if q.graph_name not in self.skip:
                yield q
        for q in self.by_subject.get(subject, ()):
            if predicate is None or q.predicate == predicate:
                yield q

    def with_object(self, predicate: ox.NamedNode, obj: ox.NamedNode) -> Iterator[ox.Quad]:
        for q in self.store.quads_for_pattern(None, predicate, obj, None):
            if q.graph_name not in self.skip:
                yield q
        yield from self.by_object.get((predicate, obj), ())


class Consolidation:
    """Works out the change to the consolidated graph that goes with a change of the store.

    Args:
        store: The store, as it is before the transaction.
        base: The data base (``{base}kg`` is the consolidated graph).
        dropped: Named graphs the transaction drops (articles removed or replaced).
        added: Quads the transaction adds (new article graphs and their metadata).
        links: The ``owl:sameAs`` links in force after the transaction (``None``: those
            of ``{base}links`` in the store).
        curated: Entity IRI → (label, class local name) set by the curation file (``""``:
            not set), in force after the transaction (``None``: those of ``{base}links``).
    """

    def __init__(
        self,
        store: ox.Store,
        base: str,
        *,
        dropped: Iterable[str] = (),
        added: Iterable[ox.Quad] = (),
        links: Mapping[str, str] | None = None,
        curated: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        self.store = store
        self.base = base
        graphs = store_graphs(base)
        self.graph = ox.NamedNode(graphs[0])
        skip: set[ox.NamedNode | ox.DefaultGraph] = {ox.NamedNode(g) for g in graphs}
        self.dropped = [ox.NamedNode(g) for g in dropped]
        self.new = _Overlay(store, skip | set(self.dropped))
        added = list(added)
        self.new.add(added, skip=skip)
        self.added = added
        self.old_fold = fold_links(read_links(store, base))
        self.fold = fold_links(links) if links is not None else self.old_fold
        self.old_curated = read_curated(store, base)
        self.curated = self.old_curated if curated is None else curated
        self.members: dict[str, set[str]] = defaultdict(set)
        for source, target in self.fold.items():
            self.members[target].add(source)
        self.entities: set[str] = set()
        self.subjects: set[str] = set()

    # --- what is touched ------------------------------------------------------------

    def touch_graph_content(self) -> None:
        """Touch the entities and subjects of the dropped graphs and of the added quads."""
        quads: list[ox.Quad] = list(self.added)
        for graph in self.dropped:
            quads.extend(self.store.quads_for_pattern(None, None, None, graph))
        for q in quads:
            p = q.predicate
            if p == TYPE and term_value(q.object) in _CLASSES:
                self.touch_entity(term_value(q.subject))
            elif p == MENTIONS:
                self.touch_entity(term_value(q.object))
            elif p == SUBJECT:
                self.touch_subject(term_value(q.object))

    def touch_entity(self, iri: str) -> None:
        """Recompute the entity ``iri`` stands for (before and after), and its members."""
        for canonical in (iri, self.old_fold.get(iri, iri), self.fold.get(iri, iri)):
            self.entities.add(canonical)
            self.entities.update(self.members.get(canonical, ()))

    def touch_subject(self, iri: str) -> None:
        """Recompute every fact whose subject is (or folds into) what ``iri`` stands for."""
        self.subjects.add(self.old_fold.get(iri, iri))
        self.subjects.add(self.fold.get(iri, iri))

    def touch_links(self) -> None:
        """Touch everything whose folding differs between the old links and the new ones."""
        changed = {
            iri
            for iri in self.old_fold.keys() | self.fold.keys()
            if self.old_fold.get(iri) != self.fold.get(iri)
        }
        for iri in self.old_curated.keys() | self.curated.keys():
            if self.old_curated.get(iri) != self.curated.get(iri):
                self.touch_entity(iri)
        for iri in changed:
            for end in (iri, self.old_fold.get(iri, iri), self.fold.get(iri, iri)):
                self.touch_entity(end)
                self.touch_subject(end)
        # Facts pointing at an entity whose folding changed: their subjects, old and new.
        kg = self.graph
        for iri in changed:
            node = ox.NamedNode(iri)
            for q in self.store.quads_for_pattern(None, OBJECT, node, None):
                if q.graph_name == kg:
                    for s in self.store.quads_for_pattern(q.subject, SUBJECT, None, kg):
                        self.subjects.add(term_value(s.object))
                elif q.graph_name not in self.new.skip:
                    for s in self.store.quads_for_pattern(q.subject, SUBJECT, None, q.graph_name):
                        self.touch_subject(term_value(s.object))
            for q in self.new.by_object.get((OBJECT, node), ()):
                for s in self.new.by_subject.get(q.subject, ()):  # type: ignore[arg-type]
                    if s.predicate == SUBJECT:
                        self.touch_subject(term_value(s.object))
        for old_target in {self.old_fold.get(i, i) for i in changed}:
            for q in self.store.quads_for_pattern(None, OBJECT, ox.NamedNode(old_target), kg):
                for s in self.store.quads_for_pattern(q.subject, SUBJECT, None, kg):
                    self.subjects.add(term_value(s.object))

    def touch_all(self) -> None:
        """Touch every entity and subject of the store (a full rebuild)."""
        for q in self.new.store.quads_for_pattern(None, TYPE, None, None):
            if term_value(q.object) in _CLASSES and q.graph_name not in self.new.skip:
                self.touch_entity(term_value(q.subject))
                self.touch_subject(term_value(q.subject))  # direct triples written by hand
        for q in self.new.store.quads_for_pattern(None, SUBJECT, None, None):
            if q.graph_name not in self.new.skip:
                self.touch_subject(term_value(q.object))
        for q in self.added:
            if q.predicate == TYPE and term_value(q.object) in _CLASSES:
                self.touch_entity(term_value(q.subject))
            elif q.predicate == SUBJECT:
                self.touch_subject(term_value(q.object))
        for q in self.store.quads_for_pattern(None, None, None, self.graph):
            if q.predicate == SUBJECT:
                self.subjects.add(term_value(q.object))
            elif q.predicate in (TYPE, SAME_AS) and q.subject != self.graph:
                self.entities.add(term_value(q.subject))

    # --- the change -----------------------------------------------------------------

    def quads(self) -> tuple[set[ox.Quad], set[ox.Quad]]:
        """``(to delete, to insert)`` in the consolidated graph for what was touched."""
        if not has_consolidated_graph(self.store, self.base):
            self.touch_all()  # a store of an older kg, or a new one: work it out in full
        old = self._old_quads()
        new: set[ox.Quad] = {ox.Quad(self.graph, TYPE, CONSOLIDATED_GRAPH_CLASS, self.graph)}
        for iri in sorted(self.entities):
            new.update(self._entity_quads(iri))
        for iri in sorted(self.subjects):
            new.update(self._fact_quads(iri))
        return old - new, new - old

    def update(self) -> str:
        """The SPARQL update (without the article part) that applies :meth:`quads`."""
        delete, insert = self.quads()
        parts = []
        if delete:
            parts.append("DELETE DATA {\n" + quads_to_sparql(delete) + "\n}")
        if insert:
            parts.append("INSERT DATA {\n" + quads_to_sparql(insert) + "\n}")
        return " ;\n".join(parts)

    def _old_quads(self) -> set[ox.Quad]:
        kg, store = self.graph, self.store
        old: set[ox.Quad] = set()
        for iri in self.entities:
            node = ox.NamedNode(iri)
            for p in _ENTITY_PREDICATES:
                old.update(store.quads_for_pattern(node, p, None, kg))
            old.update(store.quads_for_pattern(None, SAME_AS, node, kg))
            old.update(store.quads_for_pattern(None, MENTIONS, node, kg))
        for iri in self.subjects:
            node = ox.NamedNode(iri)
            for q in store.quads_for_pattern(None, SUBJECT, node, kg):
                old.update(store.quads_for_pattern(q.subject, None, None, kg))
            for q in store.quads_for_pattern(node, None, None, kg):
                if q.predicate.value.startswith(KG.NS) and isinstance(q.object, ox.NamedNode):
                    old.add(q)
        old.update(store.quads_for_pattern(self.graph, TYPE, CONSOLIDATED_GRAPH_CLASS, kg))
        return old

    def _entity_quads(self, iri: str) -> Iterator[ox.Quad]:
        """The consolidated record of ``iri``, when it is an entity of its own (not folded)."""
        if iri in self.fold:
            return
        node = ox.NamedNode(iri)
        classes: set[_Term] = set()
        labels: Counter[str] = Counter()
        names: set[str] = set()
        for q in self.new.with_subject(node, None):
            if q.predicate == TYPE and term_value(q.object) in _CLASSES:
                classes.add(q.object)
            elif q.predicate == LABEL:
                labels[term_value(q.object)] += 1
            elif q.predicate == ALT_LABEL:
                names.add(term_value(q.object))
        if not classes:
            return
        articles: set[str] = set()
        members = sorted(self.members.get(iri, ()))
        for member in [iri, *members]:
            m = ox.NamedNode(member)
            articles.update(term_value(q.subject) for q in self.new.with_object(MENTIONS, m))
            if member != iri:
                kinds = False
                for q in self.new.with_subject(m, None):
                    if q.predicate in (LABEL, ALT_LABEL):
                        names.add(term_value(q.object))
                    kinds = kinds or q.predicate == TYPE
                if kinds:
                    yield ox.Quad(m, SAME_AS, node, self.graph)
        label = (
            min(labels, key=lambda n: (-labels[n], -len(n), n)) if labels else _name_from_iri(iri)
        )
        curated_label, curated_class = self.curated.get(iri, ("", ""))
        if curated_label:
            names.update(labels)
            label = curated_label
        if curated_class:
            classes = {ox.NamedNode(KG.term(curated_class))}
        g = self.graph
        for cls in classes:
            yield ox.Quad(node, TYPE, cls, g)
        yield ox.Quad(node, LABEL, ox.Literal(label), g)
        for name in names - {label}:
            yield ox.Quad(node, ALT_LABEL, ox.Literal(name), g)
        yield ox.Quad(node, ARTICLE_COUNT, ox.Literal(str(len(articles)), datatype=XSD_INTEGER), g)
        for article in articles:
            yield ox.Quad(ox.NamedNode(article), MENTIONS, node, g)

    def _fact_quads(self, iri: str) -> Iterator[ox.Quad]:
        """Every consolidated fact whose subject is ``iri`` (nothing when it is folded)."""
        if iri in self.fold:
            return
        grouped: dict[tuple[str, str, str], list[_Statement]] = defaultdict(list)
        for member in [iri, *sorted(self.members.get(iri, ()))]:
            for q in self.new.with_object(SUBJECT, ox.NamedNode(member)):
                st = self._statement(q.subject, q.graph_name)  # type: ignore[arg-type]
                if st is None or not st.predicate.startswith(KG.NS):
                    continue
                obj = self.fold.get(st.object, st.object)
                if obj == iri and st.object != member:
                    continue  # "Blair met Tony Blair": one person once linked
                grouped[(st.predicate, obj, st.status)].append(st)
            # A direct triple without a statement (RDF written by hand) is a fact too.
            for q in self.new.with_subject(ox.NamedNode(member), None):
                predicate = q.predicate.value
                if (
                    not isinstance(q.object, ox.NamedNode)
                    or not predicate.startswith(KG.NS)
                    or predicate in _NOT_RELATIONS
                ):
                    continue
                obj = self.fold.get(term_value(q.object), term_value(q.object))
                if obj == iri and term_value(q.object) != member:
                    continue
                graph = str(q.graph_name)
                known = grouped[(predicate, obj, "current")]
                if not any(st.graph == graph for st in known):
                    known.append(_Statement(iri, predicate, obj, article=graph, graph=graph))
        g, s = self.graph, ox.NamedNode(iri)
        for (predicate, obj, status), statements in grouped.items():
            fact = ox.NamedNode(fact_iri(self.base, iri, predicate, obj, status))
            p, o = ox.NamedNode(predicate), ox.NamedNode(obj)
            if status == "current":
                yield ox.Quad(s, p, o, g)
            yield ox.Quad(fact, TYPE, FACT, g)
            yield ox.Quad(fact, SUBJECT, s, g)
            yield ox.Quad(fact, PREDICATE, p, g)
            yield ox.Quad(fact, OBJECT, o, g)
            yield ox.Quad(fact, STATUS, ox.Literal(status), g)
            articles = {st.article for st in statements if st.article}
            yield ox.Quad(
                fact, SUPPORT_COUNT, ox.Literal(str(len(articles)), datatype=XSD_INTEGER), g
            )
            dates = sorted(st.as_of for st in statements if st.as_of)
            if dates:
                yield ox.Quad(fact, FIRST_SEEN, ox.Literal(dates[0], datatype=XSD_DATE), g)
                yield ox.Quad(fact, LAST_SEEN, ox.Literal(dates[-1], datatype=XSD_DATE), g)
            for title in {st.title for st in statements if st.title}:
                yield ox.Quad(fact, TITLE, ox.Literal(title), g)
            for st in statements:
                if st.iri:
                    yield ox.Quad(fact, SUPPORTED_BY, ox.NamedNode(st.iri), g)

    def _statement(self, node: ox.NamedNode, graph: ox.NamedNode) -> _Statement | None:
        values: dict[ox.NamedNode, str] = {}
        quads: Iterable[ox.Quad]
        if node in self.new.by_subject:
            quads = self.new.by_subject[node]
        else:
            quads = self.store.quads_for_pattern(node, None, None, graph)
        for q in quads:
            values.setdefault(q.predicate, term_value(q.object))
        try:
            subject, predicate, obj = values[SUBJECT], values[PREDICATE], values[OBJECT]
        except KeyError:
            return None
        return _Statement(
            self.fold.get(subject, subject),
            predicate,
            obj,
            values.get(STATUS) or "current",
            values.get(TITLE, ""),
            values.get(AS_OF, ""),
            values.get(DERIVED_FROM, ""),
            node.value,
            str(graph),
        )


def consolidated_quads(store: ox.Store, base: str | None = None) -> list[ox.Quad]:
    """The whole consolidated graph of ``store``, worked out from its article data.

    For a store without one (a file loaded in memory, a store built by an older kg): the
    links are those of ``{base}links`` (any ``owl:sameAs`` when ``base`` is ``None``).
    """
    work = Consolidation(store, base or DEFAULT_BASE, links=read_links(store, base))
    work.touch_all()
    _, insert = work.quads()
    return sorted(insert, key=str)


def consolidated_store(store: ox.Store, base: str | None = None) -> tuple[ox.Store, ox.NamedNode]:
    """``store`` and its consolidated graph (see :mod:`kg.consolidate`).

    A store without one (a file read in memory, a store of an older kg) is copied into
    memory with the consolidated graph worked out.
    """
    for q in store.quads_for_pattern(None, TYPE, CONSOLIDATED_GRAPH_CLASS, None):
        graph = q.graph_name
        if graph == q.subject and (base is None or term_value(graph) == f"{base}kg"):
            return store, graph  # type: ignore[return-value]
    copy = ox.Store()
    copy.extend(store.quads_for_pattern(None, None, None, None))
    copy.extend(consolidated_quads(store, base))
    return copy, ox.NamedNode(f"{base or DEFAULT_BASE}kg")


def quads_to_sparql(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of a SPARQL ``INSERT DATA``/``DELETE DATA`` (N-Triples terms)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())


def _name_from_iri(iri: str) -> str:
    from urllib.parse import unquote

    return unquote(iri.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ")


def entity_names(store: ox.Store, base: str = DEFAULT_BASE) -> list[tuple[str, str, list[str]]]:
    """``(IRI, label, aliases)`` of every entity of the consolidated graph (worked out in
    memory when ``store`` has none), for :func:`kg.names.match_name`."""
    store, graph = consolidated_store(store, base)
    labels: dict[str, str] = {}
    aliases: dict[str, list[str]] = defaultdict(list)
    for q in store.quads_for_pattern(None, LABEL, None, graph):
        labels[term_value(q.subject)] = term_value(q.object)
    for q in store.quads_for_pattern(None, ALT_LABEL, None, graph):
        aliases[term_value(q.subject)].append(term_value(q.object))
    return [(iri, label, aliases.get(iri, [])) for iri, label in sorted(labels.items())]


def consolidated_counts(store: ox.Store, base: str = DEFAULT_BASE) -> tuple[int, int]:
    """``(entities, current facts)`` of the consolidated graph: the node and edge counts of
    the NetworkX view, ``kg stats`` and the viewer."""
    graph = ox.NamedNode(f"{base}kg")
    entities = {
        q.subject
        for q in store.quads_for_pattern(None, TYPE, None, graph)
        if term_value(q.object) in _CLASSES
    }
    facts = sum(
        1
        for q in store.quads_for_pattern(None, STATUS, ox.Literal("current"), graph)
        if ox.Quad(q.subject, TYPE, FACT, graph) in store
    )
    return len(entities), facts

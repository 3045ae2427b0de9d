"""Score the graph of one article against its gold file (the rules of ``ANNOTATION.md``).

A node matches a gold entity when the one name resolver of kg, :func:`~kg.names.match_name`,
finds it by the entity's label or an alias (among the node names, ``rdfs:label`` and
``skos:altLabel``: exactly, else with case, accents and punctuation folded, else without
leading articles and titles), and its class is one the gold file lists the entity under
(required or allowed). Relations are
scored twice: *strict* (the predicate must be equal) and *lenient* (any two affiliation
predicates of :data:`~kg.vocab.AFFILIATIONS` count as equal).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import pyoxigraph as ox

from ..errors import EvaluationError
from ..names import match_name, normalize_name
from ..rdf.read import ArticleData, Node, Statement, article_ids, read_article
from ..records import ENTITY_CLASSES
from ..store import KGStore
from ..vocab import AFFILIATIONS, SYMMETRIC
from .gold import WILDCARD, Gold, GoldTriple
from .graphdata import find_article
from .metrics import Score
from .report import (
    ArticleReport,
    EvaluationReport,
    Extraction,
    Miss,
    NodeRef,
    RelationScores,
    Split,
    Summary,
)

__all__ = [
    "MODES",
    "evaluate_store",
    "predicates_agree",
    "score_article",
    "triple_hits",
]

MODES = ("strict", "lenient")
"""How predicates are compared: exactly, or any affiliation for any affiliation."""

Mode = Literal["strict", "lenient"]
_AFFILIATIONS = frozenset(AFFILIATIONS)


def predicates_agree(predicted: str, gold: str, mode: str) -> bool:
    """Whether a predicted predicate counts as the gold one under ``mode``.

    >>> predicates_agree("leader_of", "president_of", "lenient")
    True
    >>> predicates_agree("leader_of", "president_of", "strict")
    False
    >>> predicates_agree("based_in", "located_in", "lenient")
    False
    """
    if predicted == gold:
        return True
    return mode == "lenient" and predicted in _AFFILIATIONS and gold in _AFFILIATIONS


def evaluate_store(
    store: KGStore | ox.Store,
    golds: Sequence[Gold],
    *,
    on_missing: Literal["raise", "skip"] = "raise",
) -> EvaluationReport:
    """Score the article graphs of a store against gold files.

    Args:
        store: An open kg store (or a bare :class:`pyoxigraph.Store` of the same shape).
        golds: Gold files (see :func:`~kg.evaluate.load_gold`); each is matched to the
            stored article whose id equals its ``document`` or ends with it (or the reverse).
        on_missing: ``"raise"`` when a gold file's article is not stored; ``"skip"``
            lists it in :attr:`EvaluationReport.missing`.

    Raises:
        EvaluationError: An article is not in the store (``on_missing="raise"``), or a
            document matches several stored articles.
    """
    ox_store = store.ox if isinstance(store, KGStore) else store
    graphs = article_ids(ox_store)
    report = EvaluationReport()
    for gold in golds:
        article_id = find_article(list(graphs), gold.document)
        if article_id is None:
            if on_missing == "raise":
                near = ", ".join(sorted(graphs)[:5]) or "none"
                raise EvaluationError(
                    f"{gold.path}: the article {gold.document!r} is not in the store "
                    f"({len(graphs)} article(s), e.g. {near}); build it first"
                )
            report.missing.append((gold.path, gold.document))
            continue
        data = read_article(ox_store, article_id, graphs[article_id])
        report.articles.append(score_article(data, gold))
    return report


def triple_hits(
    data: ArticleData, gold: Gold, mode: Mode = "strict"
) -> dict[tuple[str, str, str], list[GoldTriple]]:
    """The required and desirable gold triples each direct triple of ``data`` matches
    (an empty list: it counts against precision), as :func:`score_article` counts them."""
    m = _Matcher(data, gold)
    wanted = (*gold.required, *gold.desirable)
    return {t: _gold_hits(t, wanted, m, mode) for t in data.direct}


class _Matcher:
    """Which gold entities each node stands for."""

    def __init__(self, data: ArticleData, gold: Gold) -> None:
        self.data, self.gold = data, gold
        # Names are resolved as everywhere in kg (kg.names.match_name): every node bearing
        # a gold form, exactly, else folded, else without leading articles and titles.
        entries = [(iri, node.label, sorted(node.names)) for iri, node in data.nodes.items()]
        self.by_name: dict[str, set[str]] = {iri: set() for iri in data.nodes}
        for entity in gold.entities:
            for form in (entity, *gold.aliases.get(entity, ())):
                for iri in match_name(form, entries, labels_first=False):
                    self.by_name[iri].add(entity)
        self.by_class: dict[str, set[str]] = {
            iri: {e for e in named if data.nodes[iri].classes & gold.classes_of(e)}
            for iri, named in self.by_name.items()
        }

    def nodes_of(self, entity: str) -> list[str]:
        return [iri for iri, ents in self.by_class.items() if entity in ents]

    def named(self, iri: str, entity: str) -> bool:
        return entity in self.by_name.get(iri, set())

    def matches(self, iri: str, entity: str) -> bool:
        return entity in self.by_class.get(iri, set())


def _ref(node: Node, entity: str = "") -> NodeRef:
    return NodeRef(node.label, node.cls, entity)


def score_article(data: ArticleData, gold: Gold) -> ArticleReport:
    """Compare what one article graph asserts with its gold file."""
    m = _Matcher(data, gold)
    report = ArticleReport(gold.path, gold.document, data.article_id, Summary())
    entity_scores = _score_entities(data, gold, m, report)
    modes = {mode: _score_relations(data, gold, m, mode) for mode in MODES}
    _explain(data, gold, m, report)
    report.summary = Summary(
        entity_scores,
        modes["strict"],
        modes["lenient"],
        len(report.wrong_class),
        len(report.splits),
        len(report.forbidden_entities),
        len(report.forbidden_relations),
    )
    return report


def _score_entities(
    data: ArticleData, gold: Gold, m: _Matcher, report: ArticleReport
) -> dict[str, Score]:
    scores = {}
    for cls in ENTITY_CLASSES:
        lists = gold.classes[cls]
        nodes = [iri for iri, n in data.nodes.items() if cls in n.classes]
        correct = [iri for iri in nodes if any(cls in gold.classes_of(e) for e in m.by_class[iri])]
        found = 0
        for entity in lists.required:
            if any(cls in data.nodes[iri].classes for iri in m.nodes_of(entity)):
                found += 1
            else:
                report.missing_entities.append(NodeRef(entity, cls, entity))
        scores[cls] = Score(len(nodes), len(correct), len(lists.required), found)
        for entity in gold.entities:
            same = [data.nodes[iri] for iri in m.nodes_of(entity) if cls in data.nodes[iri].classes]
            if len(same) > 1:
                report.splits.append(Split(entity, cls, tuple(sorted(n.label for n in same))))
        forbidden = {normalize_name(f) for f in lists.forbidden}
        for iri in nodes:
            if normalize_name(data.nodes[iri].label) in forbidden:
                report.forbidden_entities.append(NodeRef(data.nodes[iri].label, cls))
    for iri, node in data.nodes.items():
        if m.by_class[iri]:
            continue
        if m.by_name[iri]:
            for entity in sorted(m.by_name[iri]):
                report.wrong_class.append(
                    NodeRef(
                        node.label,
                        node.cls,
                        f"{entity} ({'/'.join(sorted(gold.classes_of(entity)))})",
                    )
                )
        else:
            report.unlisted.append(_ref(node))
    return scores


def _gold_hits(
    triple: tuple[str, str, str], golds: Iterable[GoldTriple], m: _Matcher, mode: str
) -> list[GoldTriple]:
    s, p, o = triple
    return [
        g
        for g in golds
        if predicates_agree(p, g[1], mode)
        and (
            (m.matches(s, g[0]) and m.matches(o, g[2]))
            or (p in SYMMETRIC and m.matches(s, g[2]) and m.matches(o, g[0]))
        )
    ]


def _score_relations(data: ArticleData, gold: Gold, m: _Matcher, mode: str) -> RelationScores:
    wanted = (*gold.required, *gold.desirable)
    correct = 0
    hit: set[GoldTriple] = set()
    former_as_current = 0
    for triple in data.direct:
        hits = _gold_hits(triple, wanted, m, mode)
        if hits:
            correct += 1
            hit.update(hits)
        elif _gold_hits(triple, gold.former, m, mode):
            former_as_current += 1
    formers = [st for st in data.statements if st.status == "former"]
    credited = [
        st
        for st in formers
        if _gold_hits((st.subject, st.predicate, st.object), gold.former, m, mode)
    ]
    former_hit = {
        g
        for st in formers
        for g in _gold_hits((st.subject, st.predicate, st.object), gold.former, m, mode)
    }
    n = len(data.direct)
    return RelationScores(
        Score(n, correct, len(gold.required), len(hit & set(gold.required))),
        Score(n, correct, len(wanted), len(hit)),
        Score(len(formers), len(credited), len(gold.former), len(former_hit)),
        former_as_current,
    )


def _extraction(
    data: ArticleData, st: Statement | tuple[str, str, str], note: str = ""
) -> Extraction:
    if isinstance(st, tuple):
        triple = st
        found = data.evidence(triple)
        st = found or Statement(*triple)
    return Extraction(
        data.label(st.subject),
        st.predicate,
        data.label(st.object),
        st.sentence,
        st.rule,
        st.status,
        note,
    )


def _explain(data: ArticleData, gold: Gold, m: _Matcher, report: ArticleReport) -> None:
    wanted = (*gold.required, *gold.desirable)
    for triple in data.direct:
        s, p, o = triple
        forbidden = [
            f
            for f in gold.forbidden
            if f[1] == p and m.named(s, f[0]) and (f[2] == WILDCARD or m.named(o, f[2]))
        ]
        if forbidden:
            note = "forbidden: " + " ".join(forbidden[0])
            report.forbidden_relations.append(_extraction(data, triple, note))
        if _gold_hits(triple, wanted, m, "strict"):
            continue
        former = _gold_hits(triple, gold.former, m, "lenient")
        lenient = _gold_hits(triple, wanted, m, "lenient")
        if former:
            note = "former role asserted as current: " + " ".join(former[0])
            report.former_as_current.append(_extraction(data, triple, note))
        elif forbidden:
            pass  # the note names the forbidden triple
        elif lenient:
            note = f"predicate differs: gold has {lenient[0][1]}"
        elif not m.by_class[s] or not m.by_class[o]:
            unknown = [data.label(x) for x in (s, o) if not m.by_class[x]]
            note = "not a gold entity: " + ", ".join(repr(u) for u in unknown)
        else:
            note = "no such gold relation"
        report.unmatched.append(_extraction(data, triple, note))
    for st in data.statements:
        if st.status == "former" and _gold_hits(
            (st.subject, st.predicate, st.object), gold.former, m, "lenient"
        ):
            report.former_credited.append(_extraction(data, st, "former role marked as former"))
    for tier, triples in (("required", gold.required), ("desirable", gold.desirable)):
        for g in triples:
            reason = _why_missed(data, g, m)
            if reason:
                report.misses.append(Miss(g, tier, reason))


def _why_missed(data: ArticleData, g: GoldTriple, m: _Matcher) -> str:
    """Why no direct triple strictly matches a gold triple, or ``""`` when one does."""
    s_nodes, o_nodes = m.nodes_of(g[0]), m.nodes_of(g[2])
    absent = []
    for role, entity, nodes in (("subject", g[0], s_nodes), ("object", g[2], o_nodes)):
        if not nodes:
            wrong = sorted({data.nodes[i].cls for i in data.nodes if m.named(i, entity)})
            absent.append(
                f"{role} {entity!r} only typed {', '.join(wrong)}"
                if wrong
                else f"entity missing: {entity!r}"
            )
    if absent:
        return "; ".join(absent)
    between = [t for t in data.direct if t[0] in s_nodes and t[2] in o_nodes]
    if any(t[1] == g[1] for t in between):
        return ""
    if between:
        got = sorted({t[1] for t in between})
        lenient = (
            " (lenient match)" if any(predicates_agree(p, g[1], "lenient") for p in got) else ""
        )
        return f"predicate differs: extracted {', '.join(got)}{lenient}"
    if any(t[0] in o_nodes and t[2] in s_nodes and t[1] == g[1] for t in data.direct):
        if g[1] in SYMMETRIC:
            return ""
        return "extracted in the reverse direction"
    other = sorted(
        {
            st.status
            for st in data.statements
            if st.subject in s_nodes and st.object in o_nodes and st.status != "current"
        }
    )
    if other:
        return f"extracted with status {', '.join(other)}"
    return "not extracted"

"""The data the page draws: one JSON record per node and per edge, and seed positions."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["CLASS_STYLES", "EVIDENCE_CAP", "edge_records", "label", "node_record", "seed_positions"]

CLASS_STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#4e79a7", "border": "#2b4c70", "shape": "dot"},
    "Organization": {"color": "#f28e2b", "border": "#a85a10", "shape": "square"},
    "Place": {"color": "#59a14f", "border": "#336b2c", "shape": "triangle"},
    "Other": {"color": "#9c9c9c", "border": "#5f5f5f", "shape": "diamond"},
}
"""Colour and vis-network shape of each entity class (``Other`` for anything else)."""

EVIDENCE_CAP = 50
"""At most this many evidence items per edge are embedded (the count is always exact)."""

_SEED_SPACING = 30.0

_EVIDENCE_KEYS = (
    "article",
    "headline",
    "date",
    "sentence",
    "title",
    "status",
    "confidence",
    "rule",
)


def label(view: nx.MultiDiGraph, node: str) -> str:
    """The name to show for ``node``: its label, else the end of its IRI."""
    name = view.nodes[node].get("label")
    if isinstance(name, str) and name:
        return name
    return str(node).rstrip("/").rsplit("/", 1)[-1].replace("_", " ")


def _aliases(view: nx.MultiDiGraph, node: str) -> list[str]:
    aliases = view.nodes[node].get("aliases") or []
    return [str(a) for a in aliases]


def node_record(view: nx.MultiDiGraph, node: str, degree: int) -> dict[str, Any]:
    attrs = view.nodes[node]
    cls = attrs.get("cls")
    return {
        "id": str(node),
        "label": label(view, node),
        "cls": cls if isinstance(cls, str) and cls in CLASS_STYLES else "Other",
        "aliases": _aliases(view, node),
        "articles": _int(attrs.get("articles")),
        "degree": degree,
    }


def seed_positions(
    nodes: list[str], edges: list[tuple[str, str, Any, Mapping[str, Any]]]
) -> dict[str, list[float]]:
    """Starting positions that put neighbours near each other, in O(nodes + edges).

    Nodes are visited breadth-first from the most connected one (``nodes`` comes sorted
    by degree) and laid on a sunflower spiral in that order, so a hub sits in the middle
    of its neighbours. The browser's physics then needs far fewer iterations.
    """
    neighbours: dict[str, list[str]] = {n: [] for n in nodes}
    for u, v, _, _ in edges:
        if u != v:
            neighbours[u].append(v)
            neighbours[v].append(u)
    rank = {n: i for i, n in enumerate(nodes)}
    order: list[str] = []
    seen: set[str] = set()
    for start in nodes:
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            node = queue.popleft()
            order.append(node)
            for nbr in sorted(set(neighbours[node]) - seen, key=rank.__getitem__):
                seen.add(nbr)
                queue.append(nbr)
    golden = math.pi * (3 - math.sqrt(5))
    return {
        node: [
            round(_SEED_SPACING * math.sqrt(i) * math.cos(i * golden), 1),
            round(_SEED_SPACING * math.sqrt(i) * math.sin(i * golden), 1),
        ]
        for i, node in enumerate(order)
    }


def edge_records(edges: Iterable[tuple[str, str, Any, Mapping[str, Any]]]) -> list[dict[str, Any]]:
    records = []
    seen_pairs: dict[frozenset[str], int] = {}
    for index, (u, v, key, attrs) in enumerate(edges):
        evidence = [
            _evidence_record(e) for e in attrs.get("evidence") or [] if isinstance(e, Mapping)
        ]
        stated = attrs.get("status")  # set on the edges of facts that are not current
        if isinstance(stated, (list, tuple)) and stated:
            statuses = sorted({str(x) for x in stated})
        else:
            statuses = sorted({e["status"] for e in evidence if e.get("status")})
        # Parallel edges between one pair are bent apart so that each stays visible.
        pair = frozenset((u, v))
        nth = seen_pairs.get(pair, 0)
        seen_pairs[pair] = nth + 1
        bend = 0.0 if nth == 0 else (0.2 * ((nth + 1) // 2)) * (1 if nth % 2 else -1)
        records.append(
            {
                "id": index,
                "from": str(u),
                "to": str(v),
                "predicate": str(attrs.get("predicate") or key),
                "count": _int(attrs.get("count", len(evidence))),
                "confidence": _float(attrs.get("confidence")),
                "titles": [str(t) for t in attrs.get("titles") or [] if t],
                "statuses": statuses,
                "evidence": evidence[:EVIDENCE_CAP],
                "evidenceTotal": max(len(evidence), _int(attrs.get("evidence_count"))),
                "bend": bend,
            }
        )
    return records


def _evidence_record(evidence: Mapping[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key in _EVIDENCE_KEYS:
        value = evidence.get(key)
        if value is None:
            continue
        record[key] = _float(value) if key == "confidence" else str(value)
    return record


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None

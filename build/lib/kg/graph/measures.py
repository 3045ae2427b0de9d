"""Who matters and who belongs together: centrality rankings and communities.

- *degree*: relations of an entity, in either direction;
- *PageRank*: on the directed graph with parallel edges merged, weighted by how many
  articles state each relation. networkx computes it with SciPy; without SciPy kg runs
  the same power iteration in pure Python (the result says which);
- *betweenness*: on the undirected graph; above ``sample`` entities it is estimated
  from ``sample`` source entities drawn with a fixed seed (the result says so);
- *communities*: Louvain with a fixed seed on the undirected graph, weighted like PageRank.

Every result is deterministic: the view is built in sorted order and every random
choice is seeded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from .questions import Ranked, top_ranked

__all__ = [
    "BETWEENNESS_SAMPLE",
    "SEED",
    "Centrality",
    "Communities",
    "Community",
    "centrality",
    "communities",
    "pagerank_python",
]

SEED = 42
"""Seed of every random choice (betweenness sampling, Louvain)."""

BETWEENNESS_SAMPLE = 100
"""Above this many entities, betweenness is estimated from this many sources."""


@dataclass(frozen=True)
class Centrality:
    """The most central entities by three measures.

    Attributes:
        nodes: Entities in the graph.
        degree: Highest degree first (``score`` = relations in either direction).
        pagerank: Highest PageRank first.
        betweenness: Highest normalized betweenness first.
        pagerank_method: How PageRank was computed (``"networkx/scipy"`` or ``"pure Python"``).
        betweenness_sample: Number of sampled source entities, or ``None`` when exact.
        seed: Seed of the sampling.
    """

    nodes: int
    degree: list[Ranked]
    pagerank: list[Ranked]
    betweenness: list[Ranked]
    pagerank_method: str
    betweenness_sample: int | None
    seed: int = SEED

    def to_dict(self) -> dict[str, Any]:
        """The rankings as JSON-ready plain data."""
        return asdict(self)


@dataclass(frozen=True)
class Community:
    """A group of entities more tied to each other than to the rest.

    Attributes:
        size: Number of entities.
        labels: Their names, most connected first.
        ids: Their IRIs, in the same order.
    """

    size: int
    labels: list[str]
    ids: list[str]


@dataclass(frozen=True)
class Communities:
    """The communities of the graph.

    Attributes:
        total: Number of communities (an entity without relations is one on its own).
        singletons: How many of them have a single entity.
        modularity: Modularity of the partition (-0.5..1, higher is more clear-cut).
        communities: The largest ones first (at most ``top`` of them).
        method: How they were found.
    """

    total: int
    singletons: int
    modularity: float
    communities: list[Community]
    method: str

    def to_dict(self) -> dict[str, Any]:
        """The communities as JSON-ready plain data."""
        return asdict(self)


def centrality(
    view: nx.MultiDiGraph, *, top: int = 10, sample: int = BETWEENNESS_SAMPLE
) -> Centrality:
    """Rank entities by degree, PageRank and betweenness.

    Args:
        view: The view built by :func:`kg.graph.load_view`.
        top: How many entities each ranking lists.
        sample: Estimate betweenness from this many source entities when the graph
            has more entities than that (exact below).

    Example:
        >>> view = nx.MultiDiGraph()
        >>> view.add_nodes_from(["a", "b", "c"], cls="Person")
        >>> view.add_edge("a", "b", key="met_with", count=1)
        'met_with'
        >>> view.add_edge("c", "b", key="met_with", count=1)
        'met_with'
        >>> [r.id for r in centrality(view, top=1).betweenness]
        ['b']
    """
    n = view.number_of_nodes()
    degree = [_ranked(view, node, d) for node, d in view.degree()]
    pagerank, method = _pagerank(_weighted_digraph(view))
    k = sample if n > sample else None
    betweenness = nx.betweenness_centrality(_weighted_graph(view), k=k, seed=SEED)
    return Centrality(
        nodes=n,
        degree=top_ranked(degree, top),
        pagerank=top_ranked((_ranked(view, v, s) for v, s in pagerank.items()), top),
        betweenness=top_ranked((_ranked(view, v, s) for v, s in betweenness.items()), top),
        pagerank_method=method,
        betweenness_sample=k,
    )


def communities(view: nx.MultiDiGraph, *, top: int | None = None) -> Communities:
    """Find communities with Louvain (seeded, so the same graph gives the same result).

    Args:
        view: The view built by :func:`kg.graph.load_view`.
        top: List only the ``top`` largest communities (all when ``None``).
    """
    graph = _weighted_graph(view)
    if graph.number_of_edges() == 0:
        parts = [{node} for node in graph]
        modularity = 0.0
    else:
        parts = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
        modularity = float(nx.community.modularity(graph, parts, weight="weight"))
    degree = dict(view.degree())
    found = []
    for part in parts:
        members = sorted(part, key=lambda v: (-degree[v], _label(view, v).casefold(), v))
        found.append(Community(len(members), [_label(view, v) for v in members], members))
    found.sort(key=lambda c: (-c.size, c.labels[0].casefold(), c.ids[0]))
    return Communities(
        total=len(found),
        singletons=sum(1 for c in found if c.size == 1),
        modularity=round(modularity, 6),
        communities=found if top is None else found[: max(top, 0)],
        method=f"Louvain (networkx, seed {SEED}), weighted by supporting articles",
    )


def _label(view: nx.MultiDiGraph, node: str) -> str:
    label = view.nodes[node].get("label")
    return label if isinstance(label, str) and label else node


def _ranked(view: nx.MultiDiGraph, node: str, score: float) -> Ranked:
    return Ranked(node, _label(view, node), str(view.nodes[node].get("cls", "")), score)


def _weighted_digraph(view: nx.MultiDiGraph) -> nx.DiGraph:
    """Parallel edges merged; ``weight`` is the sum of their supporting-article counts."""
    graph = nx.DiGraph()
    graph.add_nodes_from(view)
    for s, o, count in view.edges(data="count", default=1):
        if graph.has_edge(s, o):
            graph[s][o]["weight"] += int(count)
        else:
            graph.add_edge(s, o, weight=int(count))
    return graph


def _weighted_graph(view: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, parallel and opposite edges merged; ``weight`` sums their counts."""
    graph = nx.Graph()
    graph.add_nodes_from(view)
    for s, o, count in view.edges(data="count", default=1):
        if graph.has_edge(s, o):
            graph[s][o]["weight"] += int(count)
        else:
            graph.add_edge(s, o, weight=int(count))
    return graph


def _pagerank(graph: nx.DiGraph) -> tuple[dict[str, float], str]:
    """PageRank with networkx (needs SciPy), else with :func:`pagerank_python`."""
    try:
        return nx.pagerank(graph, weight="weight"), "networkx/scipy"
    except ImportError:  # networkx >= 3 computes PageRank with SciPy only
        return pagerank_python(graph), "pure Python (SciPy not installed)"


def pagerank_python(
    graph: nx.DiGraph,
    *,
    alpha: float = 0.85,
    max_iter: int = 200,
    tol: float = 1.0e-8,
    weight: str = "weight",
) -> dict[str, float]:
    """PageRank by power iteration, in pure Python, with networkx's conventions.

    The teleport and the rank of dangling entities (no outgoing relation) are spread
    uniformly; the result sums to 1. Stops when the L1 change is below ``n * tol``.

    Example:
        >>> g = nx.DiGraph([("a", "b"), ("c", "b")])
        >>> ranks = pagerank_python(g)
        >>> max(ranks, key=ranks.get), round(sum(ranks.values()), 6)
        ('b', 1.0)
    """
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    out: list[list[tuple[int, float]]] = []
    for node in nodes:
        targets = [
            (index[v], float(d.get(weight, 1))) for _, v, d in graph.out_edges(node, data=True)
        ]
        total = sum(w for _, w in targets)
        out.append([(j, w / total) for j, w in targets] if total > 0 else [])
    dangling = [i for i, targets in enumerate(out) if not targets]
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        spread = alpha * sum(rank[i] for i in dangling) / n + (1.0 - alpha) / n
        new = [spread] * n
        for i, targets in enumerate(out):
            share = alpha * rank[i]
            for j, w in targets:
                new[j] += share * w
        change = sum(abs(x - y) for x, y in zip(new, rank, strict=True))
        rank = new
        if change < n * tol:
            break
    return {node: rank[i] for i, node in enumerate(nodes)}

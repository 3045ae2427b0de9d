"""Questions about the view: what is in it, who is near whom, how two entities connect.

Each function takes the view built by :func:`kg.graph.load_view` and returns plain data
(frozen dataclasses of ``str``/``int``/``float`` and lists of them) that the CLI renders
as tables or JSON. Neighbourhoods and paths ignore edge direction: *Leavitt
spokesperson_of White House* connects the two either way.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import pairwise
from typing import Any

import networkx as nx

from .names import resolve_name

__all__ = [
    "Hop",
    "Link",
    "Neighbor",
    "Neighborhood",
    "PathResult",
    "Ranked",
    "Stats",
    "neighbors",
    "shortest_path",
    "stats",
]


@dataclass(frozen=True)
class Ranked:
    """An entity with a score (a degree, a PageRank, …).

    Attributes:
        id: The entity IRI.
        label: Its name.
        cls: ``Person``, ``Organization`` or ``Place``.
        score: The value it is ranked by.
    """

    id: str
    label: str
    cls: str
    score: float


@dataclass(frozen=True)
class Stats:
    """What the graph holds.

    Attributes:
        nodes: Number of entities.
        edges: Number of relation edges (distinct current relation triples).
        articles: Number of articles in the store.
        by_class: Entities per class, largest first.
        by_predicate: Edges per predicate, largest first.
        top: The most connected entities; ``score`` is the degree (relations in either direction).
        components: Number of weakly connected components (an isolated entity is one).
        largest_component: Number of entities in the largest of them.
        isolated: Entities without any relation.
    """

    nodes: int
    edges: int
    articles: int
    by_class: dict[str, int]
    by_predicate: dict[str, int]
    top: list[Ranked]
    components: int
    largest_component: int
    isolated: int

    def to_dict(self) -> dict[str, Any]:
        """The stats as JSON-ready plain data."""
        return asdict(self)


@dataclass(frozen=True)
class Link:
    """One relation edge, named for people.

    Attributes:
        subject: Label of the subject.
        predicate: Local name of the predicate (``spokesperson_of``).
        object: Label of the object.
        count: Number of articles stating it.
    """

    subject: str
    predicate: str
    object: str
    count: int


@dataclass(frozen=True)
class Neighbor:
    """An entity near the centre of a neighbourhood.

    Attributes:
        id: The entity IRI.
        label: Its name.
        cls: Its class.
        distance: Undirected hops from the centre.
        links: The relations that tie it to entities one hop closer to the centre.
    """

    id: str
    label: str
    cls: str
    distance: int
    links: list[Link]


@dataclass(frozen=True)
class Neighborhood:
    """The entities within some hops of one entity.

    Attributes:
        id: IRI of the centre.
        label: Its name.
        cls: Its class.
        hops: The radius asked for.
        neighbors: Every entity within ``hops``, nearest first, then by name.
    """

    id: str
    label: str
    cls: str
    hops: int
    neighbors: list[Neighbor]

    def to_dict(self) -> dict[str, Any]:
        """The neighbourhood as JSON-ready plain data."""
        return asdict(self)


@dataclass(frozen=True)
class Hop:
    """One step of a path: a relation, in the direction it was stated, with one piece of evidence.

    Attributes:
        subject: Label of the relation's subject.
        predicate: Local name of the predicate.
        object: Label of the relation's object.
        direction: ``"forward"`` when the path walks from subject to object, else ``"backward"``.
        sentence: A sentence stating it (``""`` when the store holds no evidence).
        article: Id of the article of that sentence.
        headline: Headline of that article.
        date: Date of that article (``YYYY-MM-DD`` or ``""``).
        subject_id: IRI of the subject.
        object_id: IRI of the object.
    """

    subject: str
    predicate: str
    object: str
    direction: str
    sentence: str
    article: str
    headline: str
    date: str
    subject_id: str
    object_id: str


@dataclass(frozen=True)
class PathResult:
    """How two entities connect, or that they do not.

    Attributes:
        source: IRI of the first entity.
        source_label: Its name.
        target: IRI of the second entity.
        target_label: Its name.
        found: Whether any path connects them.
        hops: The relations of one shortest path, from source to target (empty if not found).
    """

    source: str
    source_label: str
    target: str
    target_label: str
    found: bool
    hops: list[Hop]

    def to_dict(self) -> dict[str, Any]:
        """The path as JSON-ready plain data."""
        return asdict(self)


def stats(view: nx.MultiDiGraph, *, top: int = 10) -> Stats:
    """Count what the graph holds and find its most connected entities.

    Args:
        view: The view built by :func:`kg.graph.load_view`.
        top: How many of the most connected entities to list.

    Example:
        >>> view = nx.MultiDiGraph(articles=1)
        >>> view.add_node("p", label="P", cls="Person")
        >>> view.add_node("o", label="O", cls="Organization")
        >>> view.add_edge("p", "o", key="works_for", predicate="works_for", count=1)
        'works_for'
        >>> s = stats(view)
        >>> s.nodes, s.edges, s.by_predicate, s.components
        (2, 1, {'works_for': 1}, 1)
    """
    by_class = Counter(str(c or "?") for _, c in view.nodes(data="cls"))
    by_predicate = Counter(str(k) for _, _, k in view.edges(keys=True))
    components = [len(c) for c in nx.weakly_connected_components(view)]
    ranked = [_ranked(view, node, degree) for node, degree in view.degree() if degree > 0]
    return Stats(
        nodes=view.number_of_nodes(),
        edges=view.number_of_edges(),
        articles=int(view.graph.get("articles", 0)),
        by_class=_largest_first(by_class),
        by_predicate=_largest_first(by_predicate),
        top=top_ranked(ranked, top),
        components=len(components),
        largest_component=max(components, default=0),
        isolated=sum(1 for _, degree in view.degree() if degree == 0),
    )


def neighbors(view: nx.MultiDiGraph, name: str, *, hops: int = 1) -> Neighborhood:
    """The entities within ``hops`` undirected steps of the entity called ``name``.

    Args:
        view: The view built by :func:`kg.graph.load_view`.
        name: Label, alias or IRI of the centre (see :func:`kg.graph.resolve_name`).
        hops: The radius, at least 1.

    Raises:
        GraphError: ``name`` is unknown or ambiguous.
        ValueError: ``hops`` is less than 1.
    """
    if hops < 1:
        raise ValueError(f"hops must be at least 1, got {hops}")
    center = resolve_name(view, name)
    distance = {center: 0}
    layers: list[list[str]] = [[center]]
    while len(layers) <= hops:
        nxt = sorted({m for n in layers[-1] for m in _adjacent(view, n)} - distance.keys())
        if not nxt:
            break
        for node in nxt:
            distance[node] = len(layers)
        layers.append(nxt)
    found = []
    for d, layer in enumerate(layers[1:], start=1):
        for node in layer:
            closer = [m for m in _adjacent(view, node) if distance.get(m) == d - 1]
            links = [link for m in closer for link in _links(view, m, node)]
            attrs = view.nodes[node]
            found.append(Neighbor(node, _label(view, node), str(attrs.get("cls", "")), d, links))
    found.sort(key=lambda n: (n.distance, n.label.casefold(), n.id))
    return Neighborhood(
        center, _label(view, center), str(view.nodes[center].get("cls", "")), hops, found
    )


def shortest_path(view: nx.MultiDiGraph, a: str, b: str) -> PathResult:
    """One shortest undirected path between two entities, each hop with its evidence.

    Entities in different components are not an error: the result has ``found=False``.

    Args:
        view: The view built by :func:`kg.graph.load_view`.
        a: Label, alias or IRI of the first entity.
        b: Label, alias or IRI of the second entity.

    Raises:
        GraphError: A name is unknown or ambiguous.
    """
    source, target = resolve_name(view, a), resolve_name(view, b)
    nodes = _bfs_path(view, source, target)
    hops = [_hop(view, u, v) for u, v in pairwise(nodes)] if nodes else []
    return PathResult(
        source, _label(view, source), target, _label(view, target), nodes is not None, hops
    )


def top_ranked(ranked: Iterable[Ranked], top: int) -> list[Ranked]:
    """The ``top`` highest scores; ties broken by name, then IRI, so results are stable."""
    return sorted(ranked, key=lambda r: (-r.score, r.label.casefold(), r.id))[: max(top, 0)]


def _ranked(view: nx.MultiDiGraph, node: str, score: float) -> Ranked:
    return Ranked(node, _label(view, node), str(view.nodes[node].get("cls", "")), score)


def _largest_first(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _label(view: nx.MultiDiGraph, node: str) -> str:
    label = view.nodes[node].get("label")
    return label if isinstance(label, str) and label else node


def _adjacent(view: nx.MultiDiGraph, node: str) -> list[str]:
    """Neighbours in either direction, sorted so that every walk is reproducible."""
    return sorted(set(view.succ[node]) | set(view.pred[node]))


def _links(view: nx.MultiDiGraph, u: str, v: str) -> list[Link]:
    """Every relation between ``u`` and ``v``, in either direction."""
    links = []
    for s, o in ((u, v), (v, u)):
        for key, attrs in sorted((view.get_edge_data(s, o) or {}).items()):
            links.append(
                Link(_label(view, s), str(key), _label(view, o), int(attrs.get("count", 1)))
            )
    return links


def _bfs_path(view: nx.MultiDiGraph, source: str, target: str) -> list[str] | None:
    if source == target:
        return [source]
    parent: dict[str, str] = {source: source}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nbr in _adjacent(view, node):
            if nbr in parent:
                continue
            parent[nbr] = node
            if nbr == target:
                path = [target]
                while path[-1] != source:
                    path.append(parent[path[-1]])
                return path[::-1]
            queue.append(nbr)
    return None


def _hop(view: nx.MultiDiGraph, u: str, v: str) -> Hop:
    """The best supported relation between ``u`` and ``v`` as a step from ``u`` to ``v``."""
    candidates = [
        (s, o, str(key), attrs)
        for s, o in ((u, v), (v, u))
        for key, attrs in (view.get_edge_data(s, o) or {}).items()
    ]
    s, o, key, attrs = min(
        candidates,
        key=lambda c: (-int(c[3].get("count", 1)), -float(c[3].get("confidence", 0.0)), c[2], c[0]),
    )
    evidence = (attrs.get("evidence") or [{}])[0]
    return Hop(
        subject=_label(view, s),
        predicate=key,
        object=_label(view, o),
        direction="forward" if s == u else "backward",
        sentence=str(evidence.get("sentence", "")),
        article=str(evidence.get("article", "")),
        headline=str(evidence.get("headline", "")),
        date=str(evidence.get("date", "")),
        subject_id=s,
        object_id=o,
    )

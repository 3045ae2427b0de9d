"""The NetworkX view of a kg store and the graph questions kg answers on it.

The RDF store is the source of truth; :func:`load_view` rebuilds a
:class:`networkx.MultiDiGraph` from it (entities as nodes, current relations as edges
with their evidence) and everything else here reads that view::

    store ─▶ load_view ─▶ view ─┬─▶ stats, neighbors, shortest_path      (questions.py)
                                ├─▶ centrality, communities              (measures.py)
                                ├─▶ resolve_name                         (names.py)
                                └─▶ write_graphml, write_gexf            (export.py)
"""

from __future__ import annotations

from .export import LIST_SEPARATOR, to_string_graph, write_gexf, write_graphml
from .measures import (
    BETWEENNESS_SAMPLE,
    SEED,
    Centrality,
    Communities,
    Community,
    centrality,
    communities,
    pagerank_python,
)
from .names import name_key, resolve_name
from .questions import (
    Hop,
    Link,
    Neighbor,
    Neighborhood,
    PathResult,
    Ranked,
    Stats,
    neighbors,
    shortest_path,
    stats,
)
from .view import EVIDENCE_CAP, load_view

__all__ = [
    "BETWEENNESS_SAMPLE",
    "EVIDENCE_CAP",
    "LIST_SEPARATOR",
    "SEED",
    "Centrality",
    "Communities",
    "Community",
    "Hop",
    "Link",
    "Neighbor",
    "Neighborhood",
    "PathResult",
    "Ranked",
    "Stats",
    "centrality",
    "communities",
    "load_view",
    "name_key",
    "neighbors",
    "pagerank_python",
    "resolve_name",
    "shortest_path",
    "stats",
    "to_string_graph",
    "write_gexf",
    "write_graphml",
]

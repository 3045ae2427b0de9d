"""The NetworkX view of a kg store and the graph questions kg answers on it.

The RDF store is the source of truth; :func:`load_view` rebuilds a
:class:`networkx.MultiDiGraph` from it (entities as nodes, current relations as edges
with their evidence) and everything else here reads that view::

    store ─▶ load_view ─▶ view ─┬─▶ stats, neighbors, shortest_path      (questions.py)
                                ├─▶ centrality, communities              (measures.py)
                                ├─▶ resolve_name                         (names.py)
                                └─▶ write_graphml, write_gexf, write_neo4j (export.py)
"""

from __future__ import annotations

from .export import (
    LIST_SEPARATOR,
    NEO4J_FILES,
    neo4j_import_command,
    to_export_graph,
    write_gexf,
    write_graphml,
    write_neo4j,
)
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
    "NEO4J_FILES",
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
    "neo4j_import_command",
    "pagerank_python",
    "resolve_name",
    "shortest_path",
    "stats",
    "to_export_graph",
    "write_gexf",
    "write_graphml",
    "write_neo4j",
]

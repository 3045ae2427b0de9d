"""Write the view as GraphML or GEXF, for Gephi, Cytoscape, yEd or networkx.

Every attribute is written as a string, because that is the one type all of these
tools read the same way: lists are joined with ``" | "`` and the evidence of an edge is
a JSON array. Characters that XML 1.0 cannot hold (control characters an article may
contain) are dropped. Files are written atomically: a reader never sees half a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from ..files import atomic_path

__all__ = ["LIST_SEPARATOR", "to_string_graph", "write_gexf", "write_graphml"]

LIST_SEPARATOR = " | "
"""Joins the items of a list attribute (aliases, titles)."""

# Everything XML 1.0 forbids: C0 controls but tab/newline/return, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_string_graph(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``view`` whose every graph, node and edge attribute is an XML-safe ``str``.

    Node attributes: ``label``, ``cls``, ``aliases`` (joined), ``articles``. Edge
    attributes: ``label`` and ``predicate`` (the local name), ``count``, ``confidence``,
    ``evidence_count``, ``titles`` (joined) and ``evidence`` (a JSON array of the kept
    evidence items). Edge keys stay the predicate names.

    Example:
        >>> view = nx.MultiDiGraph(articles=1)
        >>> view.add_node("p", label="P", cls="Person", aliases=["Mr P", "P."], articles=1)
        >>> to_string_graph(view).nodes["p"]["aliases"]
        'Mr P | P.'
    """
    graph = nx.MultiDiGraph()
    graph.graph.update({str(k): _text(v) for k, v in view.graph.items()})
    for node, attrs in view.nodes(data=True):
        graph.add_node(node, **{str(k): _text(v) for k, v in attrs.items()})
    for s, o, key, attrs in view.edges(keys=True, data=True):
        data = {str(k): _text(v) for k, v in attrs.items()}
        data.setdefault("predicate", _text(key))
        data.setdefault("label", data["predicate"])
        graph.add_edge(s, o, key=key, **data)
    return graph


def write_graphml(view: nx.MultiDiGraph, path: Path | str) -> Path:
    """Write ``view`` as GraphML (all attributes strings), atomically.

    Returns:
        The path written.

    Raises:
        OSError: The file cannot be written (nothing is left behind).
    """
    return _write_atomic(Path(path), to_string_graph(view), nx.write_graphml)


def write_gexf(view: nx.MultiDiGraph, path: Path | str) -> Path:
    """Write ``view`` as GEXF 1.2 (all attributes strings), atomically.

    Returns:
        The path written.

    Raises:
        OSError: The file cannot be written (nothing is left behind).
    """
    return _write_atomic(Path(path), to_string_graph(view), nx.write_gexf)


def _text(value: Any) -> str:
    """Any attribute value as one XML-safe string."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, (list, tuple, set, frozenset)) and all(
        not isinstance(v, (dict, list)) for v in value
    ):
        text = LIST_SEPARATOR.join(str(v) for v in value)
    elif isinstance(value, (dict, list, tuple)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    else:
        text = str(value)
    return _NOT_XML.sub("", text)


def _write_atomic(
    path: Path, graph: nx.MultiDiGraph, write: Callable[[nx.MultiDiGraph, Path], None]
) -> Path:
    with atomic_path(path) as tmp:
        write(graph, tmp)
    return path

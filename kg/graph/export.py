"""Write the view for graph tools: GraphML and GEXF (Gephi, Cytoscape, yEd, networkx), Neo4j CSV.

What the tools need, each file has:

- one unique id per edge (Gephi keeps one edge per id: ids that repeat the predicate
  name lost most edges),
- a numeric ``weight`` per edge, the number of articles supporting the relation,
- per node a ``class`` with its ``color`` (``#rrggbb`` and ``r``/``g``/``b``, which Gephi
  reads from GraphML) and a ``size`` growing with the number of relations, as in the
  viewer; GEXF carries the colour and size as ``viz:color`` and ``viz:size``.

Counts are integers and confidences floats; every other attribute is a string: lists
are joined with ``" | "`` and the evidence of an edge is a JSON array. Characters that
XML 1.0 cannot hold (control characters an article may contain) are dropped. Files are
written atomically: a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ..files import atomic_path, write_atomic
from ..sanitize import neutralise_csv_cell

__all__ = [
    "LIST_SEPARATOR",
    "NEO4J_FILES",
    "class_color",
    "neo4j_import_command",
    "node_size",
    "to_export_graph",
    "write_gexf",
    "write_graphml",
    "write_neo4j",
]

LIST_SEPARATOR = " | "
"""Joins the items of a list attribute (aliases, titles)."""

NEO4J_FILES = ("nodes.csv", "relationships.csv")
"""The files ``write_neo4j`` writes, in the order neo4j-admin needs them."""

# Everything XML 1.0 forbids: C0 controls but tab/newline/return, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NUMBERS = {"weight": int, "articles": int, "evidence_count": int, "confidence": float}
# neo4j-admin's default array delimiter: kept out of the values of array columns.
_NEO4J_ARRAY = ";"


def class_color(cls: str) -> str:
    """The viewer's colour of an entity class, as ``#rrggbb`` (grey for unknown classes).

    >>> class_color("Person")
    '#4e79a7'
    """
    from ..viz.records import CLASS_STYLES

    return CLASS_STYLES.get(cls, CLASS_STYLES["Other"])["color"]


def node_size(degree: int) -> float:
    """The viewer's size of a node with ``degree`` relations (9 for none, at most 46).

    >>> node_size(0), node_size(4), node_size(1000)
    (9.0, 17.4, 46.0)
    """
    return round(min(46.0, 9 + 4.2 * math.sqrt(degree)), 1)


def to_export_graph(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``view`` with the attributes graph tools read, every one XML-safe.

    Node attributes: ``label``, ``class``, ``color`` (``#rrggbb``), ``r``, ``g``, ``b``,
    ``size`` (float), ``degree`` and ``articles`` (int), ``aliases`` and ``same_as``
    (joined). Edge attributes: ``id`` (``e0``, ``e1``, … unique), ``label`` and
    ``predicate`` (the local name), ``weight`` (int: supporting articles),
    ``confidence`` (float), ``evidence_count`` (int), ``titles`` (joined), ``evidence``
    (a JSON array of the kept evidence items). Edge keys are the ids too.

    Example:
        >>> view = nx.MultiDiGraph(articles=1)
        >>> view.add_node("p", label="P", cls="Person", aliases=["Mr P", "P."], articles=1)
        >>> view.add_node("o", label="O", cls="Organization", aliases=[], articles=1)
        >>> view.add_edge("p", "o", key="works_for", predicate="works_for", count=2)
        'works_for'
        >>> view.add_edge("p", "o", key="leader_of", predicate="leader_of", count=1)
        'leader_of'
        >>> graph = to_export_graph(view)
        >>> graph.nodes["p"]["aliases"], graph.nodes["p"]["class"], graph.nodes["p"]["r"]
        ('Mr P | P.', 'Person', 78)
        >>> [(k, d["predicate"], d["weight"]) for _, _, k, d in graph.edges(keys=True, data=True)]
        [('e0', 'works_for', 2), ('e1', 'leader_of', 1)]
    """
    graph = nx.MultiDiGraph()
    graph.graph.update({str(k): _text(v) for k, v in view.graph.items()})
    for node, attrs in view.nodes(data=True):
        cls = str(attrs.get("cls") or "")
        color = class_color(cls)
        degree = int(view.degree(node))
        data: dict[str, Any] = {
            "label": _text(attrs.get("label") or node),
            "class": _text(cls),
            "color": color,
            "r": int(color[1:3], 16),
            "g": int(color[3:5], 16),
            "b": int(color[5:7], 16),
            "size": node_size(degree),
            "degree": degree,
        }
        for key, value in attrs.items():
            if key not in ("cls", "label") and value is not None:
                data[str(key)] = _value(str(key), value)
        graph.add_node(node, **data)
    for index, (s, o, key, attrs) in enumerate(view.edges(keys=True, data=True)):
        edge_id = f"e{index}"
        predicate = _text(attrs.get("predicate") or key)
        data = {"id": edge_id, "label": predicate, "predicate": predicate}
        data["weight"] = int(attrs.get("count", 1) or 0)
        for name, value in attrs.items():
            if name not in ("count", "predicate", "label", "id") and value is not None:
                data[str(name)] = _value(str(name), value)
        graph.add_edge(s, o, key=edge_id, **data)
    return graph


def write_graphml(view: nx.MultiDiGraph, path: Path | str) -> Path:
    """Write ``view`` as GraphML, atomically (see :func:`to_export_graph` for the attributes).

    Returns:
        The path written.

    Raises:
        OSError: The file cannot be written (nothing is left behind).
    """
    graph = to_export_graph(view)
    for _, _, data in graph.edges(data=True):
        del data["id"]  # the key is the GraphML edge id
    return _write_atomic(Path(path), graph, nx.write_graphml)


def write_gexf(view: nx.MultiDiGraph, path: Path | str) -> Path:
    """Write ``view`` as GEXF 1.2, with ``viz:color`` and ``viz:size`` by class, atomically.

    Returns:
        The path written.

    Raises:
        OSError: The file cannot be written (nothing is left behind).
    """
    graph = to_export_graph(view)
    for _, data in graph.nodes(data=True):
        rgb = {c: data.pop(c) for c in "rgb"}
        data["viz"] = {"color": {**rgb, "a": 1.0}, "size": data.pop("size")}
    return _write_atomic(Path(path), graph, nx.write_gexf)


def write_neo4j(view: nx.MultiDiGraph, folder: Path | str) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import``.

    Nodes have the header ``iri:ID,name,:LABEL,aliases:string[],articles:int,…``: the
    label is the entity class. Relationships have ``:START_ID,:END_ID,:TYPE,weight:int,…``;
    the type is the predicate in capitals (``SPOKESPERSON_OF``), as Neo4j names types.
    Text cells that a spreadsheet would run as a formula are neutralised.

    Returns:
        The paths of the two files, in :data:`NEO4J_FILES` order.

    Raises:
        OSError: A file cannot be written (a file not yet replaced is left untouched).
    """
    graph = to_export_graph(view)
    out = Path(folder)
    nodes_path, rels_path = (out / name for name in NEO4J_FILES)
    node_header = ["iri:ID", "name", ":LABEL", "aliases:string[]", "articles:int", "degree:int"]
    rel_header = [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "predicate",
        "weight:int",
        "confidence:float",
        "titles:string[]",
        "sentence",
    ]

    def nodes(handle: IO[bytes]) -> None:
        rows = (
            [
                node,
                data["label"],
                data["class"] or "Entity",
                _neo4j_array(view.nodes[node].get("aliases")),
                data.get("articles", 0),
                data["degree"],
            ]
            for node, data in graph.nodes(data=True)
        )
        _write_csv(handle, node_header, rows)

    def relationships(handle: IO[bytes]) -> None:
        rows = (
            [
                s,
                o,
                data["predicate"].upper(),
                data["predicate"],
                data["weight"],
                data.get("confidence", ""),
                _neo4j_array(view.edges[s, o, key].get("titles")),
                _first_sentence(view.edges[s, o, key].get("evidence")),
            ]
            for s, o, key, data in _view_keys(view, graph)
        )
        _write_csv(handle, rel_header, rows)

    write_atomic(nodes_path, nodes)
    write_atomic(rels_path, relationships)
    return nodes_path, rels_path


def neo4j_import_command(folder: Path | str, *, database: str = "neo4j") -> str:
    """The one-line ``neo4j-admin`` (Neo4j 5) command that imports :func:`write_neo4j` files.

    >>> neo4j_import_command("out")
    'neo4j-admin database import full --nodes=out/nodes.csv --relationships=out/relationships.csv --overwrite-destination neo4j'
    """
    nodes, rels = (Path(folder) / name for name in NEO4J_FILES)
    return (
        f"neo4j-admin database import full --nodes={nodes} --relationships={rels} "
        f"--overwrite-destination {database}"
    )


def _view_keys(
    view: nx.MultiDiGraph, graph: nx.MultiDiGraph
) -> list[tuple[str, str, Any, dict[str, Any]]]:
    """The export graph's edges, each with the key of the same edge in ``view``."""
    original = [key for _, _, key in view.edges(keys=True)]
    return [(s, o, original[i], data) for i, (s, o, data) in enumerate(graph.edges(data=True))]


def _write_csv(handle: IO[bytes], header: list[str], rows: Any) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    text.flush()
    text.detach()


def _csv_cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return neutralise_csv_cell(_NOT_XML.sub("", value))


def _neo4j_array(values: Any) -> str:
    items = [str(v).replace(_NEO4J_ARRAY, ",") for v in values or () if str(v)]
    return _NEO4J_ARRAY.join(items)


def _first_sentence(evidence: Any) -> str:
    for item in evidence or ():
        if isinstance(item, dict) and item.get("sentence"):
            return str(item["sentence"])
    return ""


def _value(name: str, value: Any) -> Any:
    """A number for the counted attributes, else one XML-safe string."""
    kind = _NUMBERS.get(name)
    if kind is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        number = kind(value)
        if not (isinstance(number, float) and not math.isfinite(number)):
            return number
    return _text(value)


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

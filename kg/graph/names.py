"""Find the entity a person means by a name typed on the command line.

A name matches a node's label or any of its aliases, ignoring case, accents and
punctuation (``"sao paulo"`` finds *São Paulo*, ``"US"`` finds the alias *U.S.*), and
ignoring a leading article, honorific or title (``"the White House"``, ``"Mr Starmer"``,
``"President Lula"``). The node's IRI works too.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

import networkx as nx

from ..errors import GraphError
from ..names import match_name, name_key

__all__ = ["name_key", "resolve_name"]


def resolve_name(view: nx.MultiDiGraph, name: str) -> str:
    """Return the node (entity IRI) that ``name`` refers to.

    Rounds of matching, each tried only when the previous one found nothing: the exact
    IRI; the folded name (see :func:`name_key`) against labels, then against aliases;
    the same after dropping leading articles and titles from both sides.

    Args:
        view: The view built by :func:`kg.graph.load_view`.
        name: A label, an alias or an IRI.

    Raises:
        GraphError: No node matches (the message lists close matches), or several match
            in the same round (the message lists them with their class and IRI).

    Example:
        >>> view = nx.MultiDiGraph()
        >>> view.add_node("https://kg.example/place/S%C3%A3o_Paulo", label="São Paulo",
        ...               cls="Place", aliases=[])
        >>> resolve_name(view, "sao paulo")
        'https://kg.example/place/S%C3%A3o_Paulo'
    """
    entries = (
        (node, _label(node, attrs), [str(a) for a in attrs.get("aliases") or ()])
        for node, attrs in view.nodes(data=True)
    )
    found = match_name(name, entries)
    if len(found) == 1:
        return next(iter(found))
    if found:
        listed = "; ".join(_describe(view, n) for n in _ordered(view, found))
        raise GraphError(
            f"The name {name!r} is ambiguous, it matches {len(found)} entities: {listed}. "
            "Give the full name or the IRI."
        )
    labels: dict[str, set[str]] = defaultdict(set)
    for node, attrs in view.nodes(data=True):
        labels[name_key(_label(node, attrs))].add(node)
    raise GraphError(
        f"No entity named {name!r} in the graph; {_suggest(view, name_key(name), labels)}"
    )


def _label(node: str, attrs: dict[str, object]) -> str:
    label = attrs.get("label")
    return label if isinstance(label, str) and label else node


def _describe(view: nx.MultiDiGraph, node: str) -> str:
    attrs = view.nodes[node]
    return f"{_label(node, attrs)} ({attrs.get('cls') or '?'}, {node})"


def _ordered(view: nx.MultiDiGraph, nodes: set[str]) -> list[str]:
    return sorted(nodes, key=lambda n: (_label(n, view.nodes[n]).casefold(), n))


def _suggest(view: nx.MultiDiGraph, key: str, labels: dict[str, set[str]]) -> str:
    """``did you mean …`` with the closest labels, or a hint when there are none."""
    if view.number_of_nodes() == 0:
        return "the graph is empty: build it first with `kg build`."
    candidates: dict[str, set[str]] = defaultdict(set)
    for node, attrs in view.nodes(data=True):
        for text in (_label(node, attrs), *(str(a) for a in attrs.get("aliases") or ())):
            candidates[name_key(text)].add(node)
    close = difflib.get_close_matches(key, list(candidates), n=5, cutoff=0.6)
    # A word of a label ("leavitt" in "karoline leavitt") is a good guess as well.
    words = [k for k in sorted(labels) if key and f" {key} " in f" {k} "]
    nodes: list[str] = []
    for k in (*close, *words):
        for node in _ordered(view, candidates[k]):
            if node not in nodes:
                nodes.append(node)
    if not nodes:
        return "no close match. Try `kg stats` for the most connected entities."
    listed = ", ".join(
        f"{_label(n, view.nodes[n])} ({view.nodes[n].get('cls') or '?'})" for n in nodes[:5]
    )
    return f"did you mean: {listed}?"

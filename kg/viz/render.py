"""Choose what to draw of a view and write the page: :func:`render_html`."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .page import render_page, vis_options, write_page
from .records import CLASS_STYLES, edge_records, node_record, seed_positions
from .records import label as _label

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SEED_LAYOUT_ABOVE", "RenderReport", "render_html"]

SEED_LAYOUT_ABOVE = 1000
"""Views with more drawn nodes than this start from a layout computed here (see
:func:`kg.viz.records.seed_positions`) rather than from random positions."""


@dataclass(frozen=True)
class RenderReport:
    """What :func:`render_html` drew and what it left out.

    Attributes:
        path: The HTML file written.
        nodes_drawn: Entities drawn.
        edges_drawn: Relation edges drawn.
        nodes_total: Entities in the view.
        edges_total: Relation edges in the view.
        focus: IRI of the focus entity, or ``None``.
        hops: Radius of the focus neighbourhood.
        outside_focus: Entities left out for being farther than ``hops`` from the focus.
        below_min_degree: Entities left out for having fewer than ``min_degree`` relations.
        over_max_nodes: Entities left out to keep the ``max_nodes`` most connected.
        min_degree: The ``min_degree`` applied.
        focus_label: Name of the focus entity, or ``""``.
    """

    path: Path
    nodes_drawn: int
    edges_drawn: int
    nodes_total: int
    edges_total: int
    focus: str | None = None
    hops: int = 1
    outside_focus: int = 0
    below_min_degree: int = 0
    over_max_nodes: int = 0
    min_degree: int = 0
    focus_label: str = ""

    @property
    def nodes_left_out(self) -> int:
        """Entities of the view that are not drawn."""
        return self.outside_focus + self.below_min_degree + self.over_max_nodes

    @property
    def edges_left_out(self) -> int:
        """Relation edges of the view that are not drawn."""
        return self.edges_total - self.edges_drawn

    def reasons(self) -> list[str]:
        """One plain-English line per reason entities were left out.

        >>> RenderReport(Path("x.html"), 3, 2, 10, 9, over_max_nodes=7).reasons()
        ['7 entities not shown (kept the 3 most connected)']
        """
        lines = []
        if self.outside_focus:
            hop_word = "hop" if self.hops == 1 else "hops"
            lines.append(
                f"{_entities(self.outside_focus)} not shown: farther than {self.hops} "
                f"{hop_word} from {self.focus_label or self.focus}"
            )
        if self.below_min_degree:
            fewer = (
                "no relations"
                if self.min_degree == 1
                else f"fewer than {self.min_degree} relations"
            )
            lines.append(f"{_entities(self.below_min_degree)} not shown: {fewer}")
        if self.over_max_nodes:
            lines.append(
                f"{_entities(self.over_max_nodes)} not shown "
                f"(kept the {self.nodes_drawn} most connected)"
            )
        return lines


def _entities(n: int) -> str:
    return f"{n} entity" if n == 1 else f"{n} entities"


def render_html(
    view: nx.MultiDiGraph,
    path: Path | str,
    *,
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int = 300,
    min_degree: int = 0,
    title: str = "kg",
) -> RenderReport:
    """Write ``view`` as one self-contained, offline, interactive HTML page.

    Args:
        view: The entity graph (see :func:`kg.graph.load_view` for its attributes).
        path: Where to write the page; its folder is created. Written atomically.
        focus: Name, alias or IRI of an entity: draw only its neighbourhood.
        hops: Radius of the neighbourhood around ``focus`` (undirected steps).
        max_nodes: Draw at most this many entities, keeping the most connected.
        min_degree: Leave out entities with fewer relations than this.
        title: Page title and heading (shown as text).

    Returns:
        What was drawn and what was left out, and why.

    Raises:
        InputError: ``hops``, ``max_nodes`` or ``min_degree`` is out of range.
        GraphError: ``focus`` matches no entity, or several.
    """
    if hops < 0:
        raise InputError(f"hops must be 0 or more, got {hops}")
    if max_nodes < 1:
        raise InputError(f"max_nodes must be 1 or more, got {max_nodes}")
    if min_degree < 0:
        raise InputError(f"min_degree must be 0 or more, got {min_degree}")
    out = Path(path)

    center = _resolve_focus(view, focus) if focus is not None else None
    candidates = _ego_nodes(view, center, hops) if center is not None else set(view)
    edges_in = [
        (u, v, k, d)
        for u, v, k, d in view.edges(keys=True, data=True)
        if u in candidates and v in candidates
    ]
    degree = dict.fromkeys(candidates, 0)
    for u, v, _, _ in edges_in:
        degree[u] += 1
        degree[v] += 1

    kept = {n for n in candidates if degree[n] >= min_degree or n == center}
    below = len(candidates) - len(kept)
    ranked = sorted(kept, key=lambda n: (n != center, -degree[n], _label(view, n).casefold(), n))
    drawn = ranked[:max_nodes]
    drawn_set = set(drawn)
    edges = [e for e in edges_in if e[0] in drawn_set and e[1] in drawn_set]

    report = RenderReport(
        path=out,
        nodes_drawn=len(drawn),
        edges_drawn=len(edges),
        nodes_total=view.number_of_nodes(),
        edges_total=view.number_of_edges(),
        focus=center,
        hops=hops,
        outside_focus=view.number_of_nodes() - len(candidates),
        below_min_degree=below,
        over_max_nodes=len(ranked) - len(drawn),
        min_degree=min_degree,
        focus_label=_label(view, center) if center is not None else "",
    )
    payload = {
        "title": title,
        "focus": center,
        "classes": CLASS_STYLES,
        "nodes": [node_record(view, n, degree[n]) for n in drawn],
        "seed": seed_positions(drawn, edges) if len(drawn) > SEED_LAYOUT_ABOVE else {},
        "edges": edge_records(edges),
        "options": vis_options(len(drawn)),
    }
    page = render_page(payload, report, title)
    write_page(out, page)
    return report


# -- selection ---------------------------------------------------------------------------


def _resolve_focus(view: nx.MultiDiGraph, name: str) -> str:
    """Return the node named ``name`` (IRI, label or alias), as :func:`kg.graph.resolve_name`."""
    from ..graph import resolve_name

    return resolve_name(view, name)


def _ego_nodes(view: nx.MultiDiGraph, center: str, hops: int) -> set[str]:
    """Nodes within ``hops`` undirected steps of ``center``."""
    seen = {center}
    frontier: deque[tuple[str, int]] = deque([(center, 0)])
    while frontier:
        node, dist = frontier.popleft()
        if dist == hops:
            continue
        for nbr in (*view.succ[node], *view.pred[node]):
            if nbr not in seen:
                seen.add(nbr)
                frontier.append((nbr, dist + 1))
    return seen

"""NetworkX view → one self-contained, offline, interactive HTML page.

:func:`render_html` draws the view that :func:`kg.graph.load_view` builds (nodes are
entities, edges are relations carrying their evidence) with vis-network, the library
pyvis wraps. The page needs no network at all: it can be mailed, opened from a USB stick
or archived, and it works the same in ten years.

Why not pyvis's own template: it links Bootstrap and tom-select from a CDN, turns any
``title`` that contains ``href`` into live HTML and writes the heading and the select
menu raw. Article text is untrusted, so an entity called ``<img src=x onerror=…>`` would
run code. We therefore use pyvis 0.3.2 only for what it does well, the vis-network 9.1.2
JavaScript and CSS it ships (read from the installed package and in-lined, which is what
its ``cdn_resources="in_line"`` mode does) and its physics option builders, and render
our own template, ``kg/templates/viewer.html``, with jinja2 autoescaping:

- node and edge data travel as JSON in a ``<script type="application/json">`` block,
  with ``<``, ``>``, ``&`` and U+2028/U+2029 escaped so no text can close the block;
- ``kg/templates/viewer.js`` builds every tooltip, panel, legend and search result
  with ``textContent``; labels are drawn on the canvas, which only draws text;
- a Content-Security-Policy allows exactly the two in-lined scripts (by SHA-256) and
  no network source at all, so even an injected handler could not run or phone home.

Selection (what is drawn when the view is large), in this order: ``focus`` keeps the
nodes within ``hops`` undirected steps of the focus entity; ``min_degree`` drops nodes
with fewer relations (the focus node is always kept); ``max_nodes`` keeps the most
connected of what is left. Degrees are counted in the graph left after ``focus``, one
per relation edge, in either direction. The layout happens in the browser: physics runs
until stabilized, then stops.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .errors import InputError
from .files import write_atomic

if TYPE_CHECKING:
    import jinja2
    import networkx as nx

__all__ = ["CLASS_STYLES", "EVIDENCE_CAP", "RenderReport", "render_html"]

CLASS_STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#4e79a7", "border": "#2b4c70", "shape": "dot"},
    "Organization": {"color": "#f28e2b", "border": "#a85a10", "shape": "square"},
    "Place": {"color": "#59a14f", "border": "#336b2c", "shape": "triangle"},
    "Other": {"color": "#9c9c9c", "border": "#5f5f5f", "shape": "diamond"},
}
"""Colour and vis-network shape of each entity class (``Other`` for anything else)."""

EVIDENCE_CAP = 50
"""At most this many evidence items per edge are embedded (the count is always exact)."""

SEED_LAYOUT_ABOVE = 1000
"""Views with more drawn nodes than this start from a layout computed here (see
:func:`_seed_positions`) rather than from random positions."""

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
_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
_SCRIPT_BREAKERS = re.compile(r"<(/script|!--)", re.IGNORECASE)
_STYLE_BREAKER = re.compile(r"</style", re.IGNORECASE)


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
        "nodes": [_node_record(view, n, degree[n]) for n in drawn],
        "seed": _seed_positions(drawn, edges) if len(drawn) > SEED_LAYOUT_ABOVE else {},
        "edges": _edge_records(edges),
        "options": _vis_options(len(drawn)),
    }
    page = _render_page(payload, report, title)
    _write_atomic(out, page)
    return report


# -- selection ---------------------------------------------------------------------------


def _label(view: nx.MultiDiGraph, node: str) -> str:
    label = view.nodes[node].get("label")
    if isinstance(label, str) and label:
        return label
    return str(node).rstrip("/").rsplit("/", 1)[-1].replace("_", " ")


def _aliases(view: nx.MultiDiGraph, node: str) -> list[str]:
    aliases = view.nodes[node].get("aliases") or []
    return [str(a) for a in aliases]


def _resolve_focus(view: nx.MultiDiGraph, name: str) -> str:
    """Return the node named ``name`` (IRI, label or alias), as :func:`kg.graph.resolve_name`."""
    from .graph import resolve_name

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


# -- data for the page ---------------------------------------------------------------------


def _node_record(view: nx.MultiDiGraph, node: str, degree: int) -> dict[str, Any]:
    attrs = view.nodes[node]
    cls = attrs.get("cls")
    return {
        "id": str(node),
        "label": _label(view, node),
        "cls": cls if isinstance(cls, str) and cls in CLASS_STYLES else "Other",
        "aliases": _aliases(view, node),
        "articles": _int(attrs.get("articles")),
        "degree": degree,
    }


def _seed_positions(
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


def _edge_records(edges: Iterable[tuple[str, str, Any, Mapping[str, Any]]]) -> list[dict[str, Any]]:
    records = []
    seen_pairs: dict[frozenset[str], int] = {}
    for index, (u, v, key, attrs) in enumerate(edges):
        evidence = [
            _evidence_record(e) for e in attrs.get("evidence") or [] if isinstance(e, Mapping)
        ]
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


def _vis_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: pyvis's physics builders, then our look and interaction."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    big = n_nodes > 1000
    # ForceAtlas2 spreads hubs and their leaves well. On a big graph every iteration costs
    # ~0.1 s in a software-rendered browser, so it runs fewer, coarser iterations there.
    net.force_atlas_2based(
        gravity=-60,
        central_gravity=0.02 if big else 0.01,
        spring_length=140,
        spring_strength=0.06,
        damping=0.5,
        overlap=0 if big else 0.4,
    )
    options: dict[str, Any] = json.loads(net.options.to_json())
    options["physics"].pop("barnesHut", None)
    options["physics"]["forceAtlas2Based"]["theta"] = 0.8 if big else 0.5
    iterations = 600 if n_nodes <= 300 else 250 if n_nodes <= 1000 else 80
    options["physics"]["stabilization"].update(
        enabled=True, iterations=iterations, updateInterval=10 if big else 25, fit=True
    )
    options["physics"]["minVelocity"] = 1.0
    options["layout"] = {"randomSeed": 7, "improvedLayout": n_nodes <= 100}
    options["nodes"] = {
        "borderWidth": 1.5,
        "font": {
            "size": 14,
            "face": "system-ui, sans-serif",
            "color": "#1f2937",
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
        },
    }
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "color": {"color": "#9aa3b2", "highlight": "#1f2937", "hover": "#1f2937", "inherit": False},
        "font": {
            "size": 11,
            "face": "system-ui, sans-serif",
            "color": "#4b5563",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "align": "horizontal",
        },
        "smooth": {"enabled": False},
        "width": 1.2,
        "selectionWidth": 2,
        "hoverWidth": 1.5,
    }
    options["interaction"] = {
        "hover": True,
        "tooltipDelay": 120,
        "dragNodes": True,
        "keyboard": False,
        "hideEdgesOnDrag": n_nodes > 1000,
        "navigationButtons": False,
    }
    return options


# -- the page ------------------------------------------------------------------------------


def _json_for_script(obj: Any) -> str:
    """JSON that is safe between ``<script>`` tags: nothing in it can end the element.

    >>> _json_for_script({"a": "</script><b>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _assets() -> tuple[str, str, str, str]:
    """(vis JS, vis CSS, viewer JS, viewer CSS), made safe to in-line."""
    import pyvis

    vis_dir = Path(pyvis.__file__).parent.joinpath(*_VIS_DIR)
    vis_js = (vis_dir / "vis-network.min.js").read_text(encoding="utf-8")
    vis_css = (vis_dir / "vis-network.css").read_text(encoding="utf-8")
    ours = resources.files("kg").joinpath("templates")
    viewer_js = ours.joinpath("viewer.js").read_text(encoding="utf-8")
    viewer_css = ours.joinpath("viewer.css").read_text(encoding="utf-8")
    # Inside JS strings, regexes and comments, "<\/" and "<\!" mean "</" and "<!".
    vis_js = _SCRIPT_BREAKERS.sub(lambda m: "<\\" + m.group(1), vis_js)
    viewer_js = _SCRIPT_BREAKERS.sub(lambda m: "<\\" + m.group(1), viewer_js)
    vis_css = _STYLE_BREAKER.sub("<\\\\/style", vis_css)
    viewer_css = _STYLE_BREAKER.sub("<\\\\/style", viewer_css)
    return vis_js, vis_css, viewer_js, viewer_css


@cache
def _template() -> jinja2.Template:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("viewer.html")


def _render_page(payload: dict[str, Any], report: RenderReport, title: str) -> str:
    from markupsafe import Markup

    vis_js, vis_css, viewer_js, viewer_css = _assets()
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(viewer_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return _template().render(
        title=title,
        csp=csp,
        report=report,
        notes=report.reasons(),
        focus_label=report.focus_label,
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        viewer_js=Markup(viewer_js),
        viewer_css=Markup(viewer_css),
        data_json=Markup(_json_for_script(payload)),
    )


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    data = text.encode("utf-8")

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    write_atomic(path, write)

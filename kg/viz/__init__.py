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

Modules: :mod:`kg.viz.render` (selection and :func:`render_html`), :mod:`kg.viz.records`
(the JSON data of nodes and edges), :mod:`kg.viz.page` (assets, template, escaping).
"""

from .records import CLASS_STYLES, EVIDENCE_CAP
from .render import SEED_LAYOUT_ABOVE, RenderReport, render_html

__all__ = ["CLASS_STYLES", "EVIDENCE_CAP", "SEED_LAYOUT_ABOVE", "RenderReport", "render_html"]

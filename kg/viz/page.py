"""The HTML page: vis-network and our viewer in-lined, data escaped, a strict CSP."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..files import write_atomic
from ..sanitize import escape_unicode

if TYPE_CHECKING:
    import jinja2

    from .render import RenderReport

__all__ = ["render_page", "vis_options", "write_page"]

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


def vis_options(n_nodes: int) -> dict[str, Any]:
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
    """JSON that is safe between ``<script>`` tags: nothing in it can end the element, and
    no control or bidi character from article text stands raw in the file (each is the same
    character as a ``\\uNNNN`` escape).

    >>> _json_for_script({"a": "</script><b>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return escape_unicode(text.translate(_JSON_ESCAPES), keep="")


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


def render_page(payload: dict[str, Any], report: RenderReport, title: str) -> str:
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


def write_page(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    data = text.encode("utf-8")

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    write_atomic(path, write)

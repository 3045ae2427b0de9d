"""The HTML viewer in a real headless Chromium, offline.

Every request the page makes is recorded and, unless it is the page itself, refused:
the viewer must need nothing from the network. Hostile names must show as text and never
run. Set ``KG_SCREENSHOT=1`` to also save ``graphs/screenshot.png``.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.viz import RenderReport, render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_ALIAS = "<svg onload=window.__kgPwned=1>"
BASE = "https://kg.example/"
SENTENCE = "White House press secretary Karoline Leavitt said the talks went well."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"
    ),
]

# Installed before any page script: records what hostile text might try to do.
WATCH = """
window.__kgAlerts = [];
window.__kgCsp = [];
for (const name of ["alert", "confirm", "prompt"]) {
  const original = window[name];
  window[name] = function (message) {
    window.__kgAlerts.push(name + ":" + String(message));
    return original.call(window, message);
  };
}
document.addEventListener("securitypolicyviolation", (event) => {
  window.__kgCsp.push(event.violatedDirective + " " + event.blockedURI);
});
"""


# -- views built by hand -------------------------------------------------------------------


def iri(cls: str, name: str) -> str:
    return f"{BASE}{cls.lower()}/{name.replace(' ', '_')}"


def add_relation(
    view: nx.MultiDiGraph,
    subject: str,
    predicate: str,
    obj: str,
    sentence: str,
    *,
    title: str = "",
    headline: str = "Talks in Washington",
) -> None:
    item = {
        "article": "seeds/talks.txt",
        "headline": headline,
        "date": "2025-03-05",
        "sentence": sentence,
        "title": title,
        "status": "current",
        "confidence": 0.9,
        "rule": "title.compound.org_title_name",
    }
    view.add_edge(
        subject,
        obj,
        key=predicate,
        predicate=predicate,
        count=1,
        evidence=[item],
        titles=[title] if title else [],
        confidence=0.9,
    )


def news_view() -> nx.MultiDiGraph:
    view = nx.MultiDiGraph()
    for cls, name, aliases, articles in [
        ("Person", "Karoline Leavitt", ["Leavitt"], 2),
        ("Person", "Donald Trump", ["Trump"], 5),
        ("Person", HOSTILE, [HOSTILE_ALIAS], 1),
        ("Organization", "White House", [], 4),
        ("Place", "United States", ["U.S."], 3),
    ]:
        view.add_node(iri(cls, name), label=name, cls=cls, aliases=aliases, articles=articles)
    leavitt, trump = iri("Person", "Karoline Leavitt"), iri("Person", "Donald Trump")
    house, usa = iri("Organization", "White House"), iri("Place", "United States")
    add_relation(view, leavitt, "spokesperson_of", house, SENTENCE, title="press secretary")
    add_relation(view, trump, "president_of", usa, "President Donald Trump of the United States.")
    add_relation(view, house, "based_in", usa, "The White House, in the United States.")
    add_relation(
        view, iri("Person", HOSTILE), "member_of", house, HOSTILE, title=HOSTILE, headline=HOSTILE
    )
    return view


def synthetic_view(n: int, *, seed: int = 3) -> nx.MultiDiGraph:
    """``n`` entities, about 1.5 relations each, a few hubs."""
    rnd = random.Random(seed)
    classes = ["Person", "Person", "Organization", "Place"]
    view = nx.MultiDiGraph()
    for i in range(n):
        cls = classes[i % 4]
        view.add_node(iri(cls, f"E{i}"), label=f"{cls} {i}", cls=cls, aliases=[], articles=1)
    nodes = list(view)
    for i in range(n * 3 // 2):
        u = nodes[min(int(rnd.paretovariate(1.5)) - 1, n - 1)] if i % 2 else rnd.choice(nodes)
        v = rnd.choice(nodes)
        if u != v:
            add_relation(view, u, "met_with", v, f"Sentence {i}.")
    return view


# -- the browser -----------------------------------------------------------------------------


@dataclass
class Viewer:
    """A loaded viewer page and everything it tried to do."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, function: str, arg: Any = None) -> Any:
        return self.page.evaluate(function, arg)

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url]

    def assert_nothing_ran(self) -> None:
        assert self.external_requests() == []
        assert self.dialogs == []
        assert self.errors == []
        assert self.js("() => window.__kgAlerts") == []
        assert self.js("() => window.__kgCsp") == []
        assert self.js("() => window.__kgPwned === undefined")
        assert self.js("() => document.querySelectorAll('img, svg, iframe').length") == 0

    def node_point(self, node_id: str) -> tuple[float, float]:
        x, y = self.js(
            """(id) => {
                const dom = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
                const box = document.getElementById("kg-network").getBoundingClientRect();
                return [box.left + dom.x, box.top + dom.y];
            }""",
            node_id,
        )
        return x, y

    def edge_point(self, edge_id: int) -> tuple[float, float]:
        """A point on the (straight) edge where no node sits."""
        point = self.js(
            """(id) => {
                const edge = kgEdges.get(id);
                const pos = kgNetwork.getPositions([edge.from, edge.to]);
                const a = pos[edge.from], b = pos[edge.to];
                const box = document.getElementById("kg-network").getBoundingClientRect();
                for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
                    const at = {x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)};
                    const dom = kgNetwork.canvasToDOM(at);
                    if (kgNetwork.getNodeAt(dom) === undefined && kgNetwork.getEdgeAt(dom) === id) {
                        return [box.left + dom.x, box.top + dom.y];
                    }
                }
                return null;
            }""",
            edge_id,
        )
        assert point is not None, f"no free point on edge {edge_id}"
        return point[0], point[1]

    def edge_id(self, predicate: str) -> int:
        edge_id: int = self.js("(p) => kgData.edges.find((e) => e.predicate === p).id", predicate)
        return edge_id

    def hover(self, x: float, y: float, kind: str, item: str | int) -> str:
        """Move the mouse onto a node or an edge; return the tooltip's text."""
        self.page.mouse.move(1, 1)
        self.page.mouse.move(x, y)
        self.page.wait_for_function(
            """([kind, item]) => {
                const tip = window.kgState.tooltip;
                return tip !== null && tip.kind === kind && tip.id === item;
            }""",
            arg=[kind, item],
        )
        text: str = self.page.inner_text("#kg-tooltip")
        return text

    def panel(self) -> str:
        text: str = self.page.inner_text("#kg-panel")
        return text


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (python)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def open_viewer(browser: Any) -> Iterator[Callable[[Path], Viewer]]:
    contexts: list[Any] = []

    def open_(path: Path) -> Viewer:
        context = browser.new_context(viewport={"width": 1400, "height": 860})
        contexts.append(context)
        context.add_init_script(WATCH)
        page = context.new_page()
        viewer = Viewer(page, path.resolve().as_uri())

        def route(route: Any) -> None:
            viewer.requests.append(route.request.url)
            if route.request.url == viewer.url:
                route.continue_()
            else:
                route.abort()

        def dialog(d: Any) -> None:
            viewer.dialogs.append(d.message)
            d.dismiss()

        context.route("**/*", route)
        page.on("dialog", dialog)
        page.on("pageerror", lambda exc: viewer.errors.append(str(exc)))
        page.on(
            "console",
            lambda msg: viewer.errors.append(msg.text) if msg.type == "error" else None,
        )
        page.goto(viewer.url)
        page.wait_for_function("() => window.kgState && window.kgState.ready")
        page.wait_for_function("() => window.kgState.physicsStopped", timeout=120_000, polling=100)
        return viewer

    yield open_
    for context in contexts:
        context.close()


def save_screenshot(viewer: Viewer, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    viewer.page.screenshot(path=str(shot))
    if os.environ.get("KG_SCREENSHOT"):
        Path("graphs").mkdir(exist_ok=True)
        viewer.page.screenshot(path="graphs/screenshot.png")
    return shot


@pytest.fixture
def news(tmp_path: Path, open_viewer: Callable[[Path], Viewer]) -> tuple[Viewer, RenderReport]:
    report = render_html(news_view(), tmp_path / "news.html", title="News graph")
    return open_viewer(report.path), report


# -- tests -----------------------------------------------------------------------------------


def test_viewer_draws_every_node_and_edge_offline(news):
    viewer, report = news
    assert viewer.js("() => kgNodes.length") == report.nodes_drawn == 5
    assert viewer.js("() => kgEdges.length") == report.edges_drawn == 4
    assert len(viewer.js("() => Object.keys(kgNetwork.getPositions())")) == 5
    assert viewer.requests == [viewer.url]
    assert viewer.page.inner_text("#kg-title") == "News graph"
    legend = viewer.page.inner_text("#kg-legend")
    for line in ("Person (3)", "Organization (1)", "Place (1)"):
        assert line in legend
    viewer.assert_nothing_ran()


def test_viewer_stops_physics_after_stabilizing(news):
    viewer, _ = news
    assert viewer.js("() => window.kgState.stabilized")
    assert viewer.js("() => kgNetwork.physics.physicsEnabled") is False
    before = viewer.js("() => kgNetwork.getPositions()")
    viewer.js("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))")
    assert viewer.js("() => kgNetwork.getPositions()") == before


def test_viewer_hover_node_shows_class_aliases_and_roles(news):
    viewer, _ = news
    leavitt = iri("Person", "Karoline Leavitt")
    text = viewer.hover(*viewer.node_point(leavitt), "node", leavitt)
    assert "Karoline Leavitt" in text
    assert "Person" in text
    assert "Also known as: Leavitt" in text
    assert "spokesperson_of → White House" in text
    viewer.assert_nothing_ran()


def test_viewer_hover_edge_shows_the_evidence(news, tmp_path):
    viewer, _ = news
    edge = viewer.edge_id("spokesperson_of")
    text = viewer.hover(*viewer.edge_point(edge), "edge", edge)
    assert SENTENCE in text
    for expected in (
        "Karoline Leavitt → spokesperson_of → White House",
        "Title: press secretary",
        "Status: current",
        "Confidence: 0.90",
        "Supporting articles: 1",
        "Talks in Washington",
        "2025-03-05",
    ):
        assert expected in text
    # Click it too: the side panel holds the same details, and the screenshot shows both.
    viewer.page.mouse.click(*viewer.edge_point(edge))
    assert SENTENCE in viewer.panel()
    assert "Supporting articles: 1" in viewer.panel()
    shot = save_screenshot(viewer, tmp_path, "viewer.png")
    assert shot.read_bytes().startswith(b"\x89PNG")
    viewer.assert_nothing_ran()


def test_viewer_click_node_fills_the_panel_and_links_move_on(news):
    viewer, _ = news
    viewer.page.mouse.click(*viewer.node_point(iri("Person", "Donald Trump")))
    panel = viewer.panel()
    assert "Donald Trump" in panel
    assert "Also known as: Trump" in panel
    assert "Mentioned in: 5 articles" in panel
    assert "president_of → United States" in panel
    viewer.page.get_by_role("button", name="United States").click()
    assert "Also known as: U.S." in viewer.panel()
    assert viewer.js("() => kgNetwork.getSelectedNodes()") == [iri("Place", "United States")]


def test_viewer_search_finds_an_entity_by_alias(news):
    viewer, _ = news
    viewer.page.fill("#kg-search", "u.s.")
    results = viewer.page.inner_text("#kg-results")
    assert "United States" in results
    assert "alias: U.S." in results
    viewer.page.press("#kg-search", "Enter")
    assert viewer.js("() => kgNetwork.getSelectedNodes()") == [iri("Place", "United States")]
    assert "United States" in viewer.panel()
    viewer.page.fill("#kg-search", "LEAVITT")  # case ignored, alias or label
    assert "Karoline Leavitt" in viewer.page.inner_text("#kg-results")
    viewer.page.fill("#kg-search", "nobody at all")
    assert "No entity matches." in viewer.page.inner_text("#kg-results")


def test_viewer_search_ignores_accents_in_names_and_aliases(tmp_path, open_viewer):
    view = news_view()
    view.add_node(iri("Place", "São Paulo"), label="São Paulo", cls="Place", aliases=["Sampa"])
    view.add_node(
        iri("Person", "Lula"),
        label="Luiz Inácio Lula da Silva",
        cls="Person",
        aliases=["Presidente Lulá"],
        articles=1,
    )
    viewer = open_viewer(render_html(view, tmp_path / "accents.html").path)
    viewer.page.fill("#kg-search", "sao paulo")
    assert "São Paulo" in viewer.page.inner_text("#kg-results")
    viewer.page.fill("#kg-search", "inacio")
    assert "Luiz Inácio Lula da Silva" in viewer.page.inner_text("#kg-results")
    viewer.page.fill("#kg-search", "presidente lula")  # an alias, accent left out
    results = viewer.page.inner_text("#kg-results")
    assert "Luiz Inácio Lula da Silva" in results and "alias: Presidente Lulá" in results
    viewer.assert_nothing_ran()


def test_viewer_draws_former_roles_dashed_and_the_legend_toggles_them(tmp_path, open_viewer):
    view = news_view()
    waltz, usa = iri("Person", "Mike Waltz"), iri("Place", "United States")
    view.add_node(waltz, label="Mike Waltz", cls="Person", aliases=["Waltz"], articles=1)
    add_relation(view, waltz, "adviser_to", usa, "Former adviser Mike Waltz spoke.")
    view.edges[waltz, usa, "adviser_to"]["status"] = ["former"]
    view.edges[waltz, usa, "adviser_to"]["evidence"][0]["status"] = "former"
    viewer = open_viewer(render_html(view, tmp_path / "roles.html").path)
    former = viewer.edge_id("adviser_to")
    current = viewer.edge_id("spokesperson_of")
    drawn = """(id) => {
        const options = kgNetwork.body.edges[id].options;
        return { dashes: Boolean(options.dashes), hidden: Boolean(options.hidden) };
    }"""
    assert viewer.js(drawn, former)["dashes"]  # drawn as the legend says
    assert not viewer.js(drawn, current)["dashes"]
    assert "adviser_to (former)" in viewer.js("(id) => kgEdges.get(id).label", former)
    legend = viewer.page.inner_text("#kg-legend")
    assert "former / acting / future (1)" in legend
    toggle = viewer.page.locator("#kg-toggle-roles")
    assert toggle.is_checked()
    toggle.click()
    assert viewer.js("(id) => kgEdges.get(id).hidden", former) is True
    assert viewer.js(drawn, former)["hidden"] is True
    assert not viewer.js(drawn, current)["hidden"]
    toggle.click()
    assert viewer.js(drawn, former)["hidden"] is False
    viewer.assert_nothing_ran()


def test_viewer_shows_hostile_names_as_text(tmp_path, open_viewer):
    report = render_html(news_view(), tmp_path / "hostile.html", title=HOSTILE)
    viewer = open_viewer(report.path)
    node = iri("Person", HOSTILE)
    assert viewer.js("() => document.title") == HOSTILE
    assert viewer.page.inner_text("#kg-title") == HOSTILE
    assert viewer.js("(id) => kgNodes.get(id).label", node) == HOSTILE  # drawn on the canvas
    assert HOSTILE in viewer.hover(*viewer.node_point(node), "node", node)
    viewer.page.mouse.click(*viewer.node_point(node))
    panel = viewer.panel()
    assert HOSTILE in panel
    assert HOSTILE_ALIAS in panel
    edge = viewer.edge_id("member_of")
    tooltip = viewer.hover(*viewer.edge_point(edge), "edge", edge)
    assert tooltip.count(HOSTILE) >= 3  # heading, title phrase, headline, sentence
    viewer.page.fill("#kg-search", "onerror")
    assert HOSTILE in viewer.page.inner_text("#kg-results")
    viewer.page.fill("#kg-search", "svg")
    assert HOSTILE_ALIAS in viewer.page.inner_text("#kg-results")
    viewer.page.press("#kg-search", "Enter")
    assert HOSTILE in viewer.panel()
    viewer.assert_nothing_ran()


def test_viewer_says_what_it_left_out(tmp_path, open_viewer):
    report = render_html(synthetic_view(40), tmp_path / "cut.html", max_nodes=12)
    viewer = open_viewer(report.path)
    assert viewer.js("() => kgNodes.length") == 12
    assert viewer.js("() => kgEdges.length") == report.edges_drawn
    header = viewer.page.inner_text("#kg-header")
    assert "28 entities not shown (kept the 12 most connected)" in header
    viewer.assert_nothing_ran()


def test_viewer_lays_out_300_entities_and_stops(tmp_path, open_viewer):
    report = render_html(synthetic_view(300), tmp_path / "big.html")
    viewer = open_viewer(report.path)
    assert viewer.js("() => kgNodes.length") == report.nodes_drawn == 300
    assert viewer.js("() => kgEdges.length") == report.edges_drawn
    assert viewer.js("() => window.kgState.stabilized")
    assert viewer.page.inner_text("#kg-progress") == ""
    viewer.assert_nothing_ran()


def test_viewer_starts_from_seeded_positions(tmp_path, open_viewer, monkeypatch):
    import kg.viz.render

    monkeypatch.setattr(kg.viz.render, "SEED_LAYOUT_ABOVE", 0)
    report = render_html(news_view(), tmp_path / "seeded.html")
    viewer = open_viewer(report.path)
    assert viewer.js("() => Object.keys(kgData.seed).length") == 5
    assert viewer.js("() => kgNodes.get().every((n) => typeof n.x === 'number')")
    assert len(viewer.js("() => Object.keys(kgNetwork.getPositions())")) == 5
    viewer.assert_nothing_ran()


def test_viewer_opens_on_the_focus_entity(tmp_path, open_viewer):
    report = render_html(news_view(), tmp_path / "focus.html", focus="trump")
    viewer = open_viewer(report.path)
    trump = iri("Person", "Donald Trump")
    assert viewer.js("() => kgNodes.getIds().sort()") == sorted(
        [trump, iri("Place", "United States")]
    )
    assert viewer.js("() => kgNetwork.getSelectedNodes()") == [trump]
    assert "Donald Trump" in viewer.panel()
    assert "3 entities not shown: farther than 1 hop from Donald Trump" in viewer.page.inner_text(
        "#kg-header"
    )
    viewer.assert_nothing_ran()


def test_viewer_csp_would_stop_an_injected_handler(news):
    """Defence in depth: even HTML injected by a bug could neither run nor load."""
    viewer, _ = news
    viewer.js(
        """() => {
            const box = document.createElement("div");
            box.innerHTML = '<img src="x.png" onerror="window.__kgPwned = 1">';
            document.body.appendChild(box);
            const s = document.createElement("script");
            s.textContent = "window.__kgPwned = 2";
            document.body.appendChild(s);
        }"""
    )
    viewer.page.wait_for_function("() => window.__kgCsp.length >= 2")
    assert viewer.js("() => window.__kgPwned === undefined")
    directives = " ".join(viewer.js("() => window.__kgCsp"))
    assert "img-src" in directives
    assert "script-src" in directives
    assert viewer.external_requests() == []

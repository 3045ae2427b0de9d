"""The offline HTML viewer, without a browser: `kg.viz.render_html` and `kg show`."""

from __future__ import annotations

import itertools
import json
import os
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphError, InputError
from kg.viz import RenderReport, render_html

HOSTILE = "<img src=x onerror=alert(1)>"
BASE = "https://kg.example/"


def iri(cls: str, name: str) -> str:
    return f"{BASE}{cls.lower()}/{name.replace(' ', '_')}"


def evidence(sentence: str, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "article": "seeds/a.txt",
        "headline": "A headline",
        "date": "2025-03-05",
        "sentence": sentence,
        "title": "",
        "status": "current",
        "confidence": 0.9,
        "rule": "title.compound",
    }
    item.update(extra)
    return item


def add_relation(
    view: nx.MultiDiGraph, subject: str, predicate: str, obj: str, *items: dict[str, Any]
) -> None:
    items = items or (evidence(f"{subject} {predicate} {obj}."),)
    view.add_edge(
        subject,
        obj,
        key=predicate,
        predicate=predicate,
        count=len({e["article"] for e in items}),
        evidence=list(items),
        titles=sorted({e["title"] for e in items if e["title"]}),
        confidence=max(float(e["confidence"]) for e in items),
    )


@pytest.fixture
def news_view() -> nx.MultiDiGraph:
    """A small view: a spokesperson, a president, a hostile name in every field."""
    view = nx.MultiDiGraph()
    for cls, name, aliases, articles in [
        ("Person", "Karoline Leavitt", ["Leavitt"], 2),
        ("Person", "Donald Trump", ["Trump"], 5),
        ("Person", HOSTILE, [HOSTILE + " alias"], 1),
        ("Organization", "White House", [], 4),
        ("Place", "United States", ["U.S."], 3),
    ]:
        view.add_node(iri(cls, name), label=name, cls=cls, aliases=aliases, articles=articles)
    leavitt, trump = iri("Person", "Karoline Leavitt"), iri("Person", "Donald Trump")
    house, usa = iri("Organization", "White House"), iri("Place", "United States")
    add_relation(
        view,
        leavitt,
        "spokesperson_of",
        house,
        evidence(
            "White House press secretary Karoline Leavitt said the talks went well.",
            title="press secretary",
        ),
    )
    add_relation(view, trump, "president_of", usa)
    add_relation(view, house, "based_in", usa)
    add_relation(
        view,
        iri("Person", HOSTILE),
        "member_of",
        house,
        evidence(HOSTILE, headline=HOSTILE, title=HOSTILE, article=HOSTILE, rule=HOSTILE),
    )
    return view


def star_view(n_leaves: int = 9) -> nx.MultiDiGraph:
    """Hub P0 linked to every leaf; leaves P1..P3 also linked to each other."""
    view = nx.MultiDiGraph()
    for i in range(n_leaves + 1):
        view.add_node(iri("Person", f"P{i}"), label=f"P{i}", cls="Person", aliases=[], articles=1)
    for i in range(1, n_leaves + 1):
        add_relation(view, iri("Person", "P0"), "met_with", iri("Person", f"P{i}"))
    add_relation(view, iri("Person", "P1"), "met_with", iri("Person", "P2"))
    add_relation(view, iri("Person", "P2"), "met_with", iri("Person", "P3"))
    return view


def chain_view() -> nx.MultiDiGraph:
    """Alpha → Beta → Gamma → Delta, each a Person with an alias."""
    view = nx.MultiDiGraph()
    names = ["Alpha", "Beta", "Gamma", "Delta"]
    for name in names:
        view.add_node(
            iri("Person", name), label=name, cls="Person", aliases=[f"Mr {name}"], articles=1
        )
    for a, b in itertools.pairwise(names):
        add_relation(view, iri("Person", a), "met_with", iri("Person", b))
    return view


class _Page(HTMLParser):
    """Collects the tags, attributes and script bodies of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def page_data(html: str) -> dict[str, Any]:
    """The JSON the viewer script reads."""
    for attrs, body in parse(html).scripts:
        if attrs.get("id") == "kg-data":
            data: dict[str, Any] = json.loads(body)
            return data
    raise AssertionError("no kg-data block in the page")


def page_text(html: str) -> str:
    """The visible text of the page (outside scripts), whitespace collapsed."""
    return " ".join("".join(parse(html).text).split())


def drawn_labels(html: str) -> set[str]:
    return {n["label"] for n in page_data(html)["nodes"]}


# -- offline and self-contained ----------------------------------------------------------


def test_render_html_loads_nothing_from_the_network(news_view, tmp_path):
    out = tmp_path / "kg.html"
    render_html(news_view, out)
    page = parse(out.read_text(encoding="utf-8"))
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "data", "action", "poster", "background"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (tag, name, value)
        assert tag not in {"link", "iframe", "object", "embed", "img", "base"}, tag
        if tag == "script":
            assert "src" not in attrs


def test_render_html_inlines_vis_network_from_pyvis(news_view, tmp_path):
    import pyvis

    vis_js = (Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js").read_text(
        encoding="utf-8"
    )
    out = tmp_path / "kg.html"
    render_html(news_view, out)
    html = out.read_text(encoding="utf-8")
    assert "@version 9.1.2" in html
    assert vis_js[-20000:] in html
    scripts = [attrs for attrs, _ in parse(html).scripts]
    assert [a.get("type") for a in scripts] == ["application/json", None, None]


def test_render_html_sets_a_csp_that_allows_no_source(news_view, tmp_path):
    out = tmp_path / "kg.html"
    render_html(news_view, out)
    metas = [a for t, a in parse(out.read_text(encoding="utf-8")).tags if t == "meta"]
    csp = next(a["content"] for a in metas if a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    assert "default-src 'none'" in csp
    assert "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert csp.count("'sha256-") == 2


# -- hostile text --------------------------------------------------------------------------


def test_render_html_never_writes_a_hostile_name_raw(news_view, tmp_path):
    out = tmp_path / "kg.html"
    render_html(news_view, out, title=HOSTILE, focus=HOSTILE, hops=2)
    html = out.read_text(encoding="utf-8")
    assert HOSTILE not in html
    page = parse(html)
    assert [t for t, _ in page.tags].count("script") == 3
    assert "img" not in {t for t, _ in page.tags}
    # The title and heading show it as text; the JSON round-trips it exactly.
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert HOSTILE in "".join(page.text)
    data = page_data(html)
    assert HOSTILE in drawn_labels(html)
    hostile_edge = next(e for e in data["edges"] if e["predicate"] == "member_of")
    assert hostile_edge["evidence"][0]["sentence"] == HOSTILE
    assert hostile_edge["evidence"][0]["headline"] == HOSTILE
    assert data["title"] == HOSTILE


def test_render_html_keeps_script_closers_out_of_the_data(tmp_path):
    view = nx.MultiDiGraph()
    name = "</script><script>alert(1)</script>\u2028<!--"
    view.add_node(iri("Person", "X"), label=name, cls="Person", aliases=[name], articles=1)
    out = tmp_path / "kg.html"
    render_html(view, out)
    html = out.read_text(encoding="utf-8")
    assert html.lower().count("</script") == 3
    assert "\u2028" not in html
    assert "<!--" not in html
    assert drawn_labels(html) == {name}


def test_render_html_writes_no_raw_control_or_bidi_character_of_the_data(tmp_path):
    view = nx.MultiDiGraph()
    name = "Ada\x1b[31m Lovelace\u202e\x07"
    view.add_node(iri("Person", "X"), label=name, cls="Person", aliases=[name], articles=1)
    out = tmp_path / "kg.html"
    render_html(view, out)
    html = out.read_text(encoding="utf-8")
    assert not any(c in html for c in "\x1b\x07\u202e")
    assert drawn_labels(html) == {name}  # the browser still gets the very same name


def test_viewer_script_builds_text_nodes_only():
    from importlib import resources

    script = resources.files("kg").joinpath("templates/viewer.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


# -- what is drawn -------------------------------------------------------------------------


def test_render_html_reports_what_it_drew(news_view, tmp_path):
    report = render_html(news_view, tmp_path / "kg.html")
    assert report == RenderReport(
        path=tmp_path / "kg.html", nodes_drawn=5, edges_drawn=4, nodes_total=5, edges_total=4
    )
    assert report.reasons() == []
    html = report.path.read_text(encoding="utf-8")
    assert "5 entities and 4 relations shown" in page_text(html)
    data = page_data(html)
    edge = next(e for e in data["edges"] if e["predicate"] == "spokesperson_of")
    assert edge["titles"] == ["press secretary"]
    assert edge["statuses"] == ["current"]
    assert edge["count"] == 1
    assert edge["evidence"][0]["sentence"].startswith("White House press secretary")
    assert {n["cls"] for n in data["nodes"]} == {"Person", "Organization", "Place"}


def test_render_html_keeps_the_most_connected_nodes(tmp_path):
    view = star_view(9)
    report = render_html(view, tmp_path / "kg.html", max_nodes=3)
    assert (report.nodes_drawn, report.nodes_total, report.over_max_nodes) == (3, 10, 7)
    assert report.reasons() == ["7 entities not shown (kept the 3 most connected)"]
    html = report.path.read_text(encoding="utf-8")
    assert "7 entities not shown (kept the 3 most connected)" in page_text(html)
    assert drawn_labels(html) == {"P0", "P2", "P1"}
    assert report.edges_drawn == 3  # P0-P1, P0-P2, P1-P2
    assert report.edges_left_out == report.edges_total - 3


def test_render_html_applies_min_degree_before_max_nodes(tmp_path):
    view = star_view(9)
    report = render_html(view, tmp_path / "kg.html", min_degree=2, max_nodes=2)
    # degree >= 2: P0 (9), P2 (3), P1 (2), P3 (2); then the 2 most connected.
    assert report.below_min_degree == 6
    assert report.over_max_nodes == 2
    assert drawn_labels(report.path.read_text(encoding="utf-8")) == {"P0", "P2"}
    assert report.reasons() == [
        "6 entities not shown: fewer than 2 relations",
        "2 entities not shown (kept the 2 most connected)",
    ]


def test_render_html_draws_the_neighbourhood_of_the_focus(tmp_path):
    view = chain_view()
    report = render_html(view, tmp_path / "kg.html", focus="gamma")
    assert report.focus == iri("Person", "Gamma")
    assert drawn_labels(report.path.read_text(encoding="utf-8")) == {"Beta", "Gamma", "Delta"}
    assert report.outside_focus == 1
    assert report.reasons() == ["1 entity not shown: farther than 1 hop from Gamma"]
    report = render_html(view, tmp_path / "kg.html", focus="Mr Alpha", hops=2)
    assert drawn_labels(report.path.read_text(encoding="utf-8")) == {"Alpha", "Beta", "Gamma"}
    report = render_html(view, tmp_path / "kg.html", focus=iri("Person", "Delta"), hops=0)
    assert drawn_labels(report.path.read_text(encoding="utf-8")) == {"Delta"}
    assert page_data(report.path.read_text(encoding="utf-8"))["focus"] == iri("Person", "Delta")


def test_render_html_keeps_the_focus_below_min_degree(tmp_path):
    report = render_html(chain_view(), tmp_path / "kg.html", focus="Alpha", min_degree=2)
    assert drawn_labels(report.path.read_text(encoding="utf-8")) == {"Alpha"}
    assert report.below_min_degree == 1


def test_render_html_unknown_focus_lists_close_matches(tmp_path):
    with pytest.raises(GraphError, match="No entity named 'Gamma Ray'") as info:
        render_html(chain_view(), tmp_path / "kg.html", focus="Gamma Ray")
    assert "Gamma" in str(info.value).split(";", 1)[1]
    with pytest.raises(GraphError, match="No entity named 'Zzyzx'"):
        render_html(chain_view(), tmp_path / "kg.html", focus="Zzyzx")
    assert not (tmp_path / "kg.html").exists()


def test_render_html_ambiguous_focus_names_the_candidates(tmp_path):
    view = chain_view()
    view.add_node(iri("Place", "Gamma"), label="Gamma", cls="Place", aliases=[], articles=1)
    with pytest.raises(GraphError, match="ambiguous") as info:
        render_html(view, tmp_path / "kg.html", focus="Gamma")
    assert iri("Place", "Gamma") in str(info.value)
    assert iri("Person", "Gamma") in str(info.value)


@pytest.mark.parametrize(("option", "value"), [("hops", -1), ("max_nodes", 0), ("min_degree", -2)])
def test_render_html_rejects_bad_limits(option, value, tmp_path):
    with pytest.raises(InputError, match=option):
        render_html(chain_view(), tmp_path / "kg.html", **{option: value})


def test_render_html_bends_parallel_edges_apart(tmp_path):
    view = chain_view()
    alpha, beta = iri("Person", "Alpha"), iri("Person", "Beta")
    add_relation(view, alpha, "adviser_to", beta)
    add_relation(view, beta, "adviser_to", alpha)
    report = render_html(view, tmp_path / "kg.html")
    edges = page_data(report.path.read_text(encoding="utf-8"))["edges"]
    bends = [e["bend"] for e in edges if {e["from"], e["to"]} == {alpha, beta}]
    assert len(bends) == 3
    assert len(set(bends)) == 3


def test_render_html_marks_statuses_and_caps_evidence(tmp_path):
    view = chain_view()
    alpha, delta = iri("Person", "Alpha"), iri("Person", "Delta")
    items = [evidence(f"S{i}.", article=f"a{i}", status="former") for i in range(60)]
    add_relation(view, alpha, "adviser_to", delta, *items)
    view.edges[alpha, delta, "adviser_to"]["evidence_count"] = 75
    report = render_html(view, tmp_path / "kg.html")
    edge = next(
        e
        for e in page_data(report.path.read_text(encoding="utf-8"))["edges"]
        if e["predicate"] == "adviser_to"
    )
    assert edge["statuses"] == ["former"]
    assert len(edge["evidence"]) == 50
    assert edge["evidenceTotal"] == 75


def test_render_html_seeds_the_layout_of_big_views(tmp_path):
    view = star_view(1000)
    data = page_data(render_html(view, tmp_path / "big.html", max_nodes=2000).path.read_text())
    assert len(data["seed"]) == 1001
    assert data["seed"][iri("Person", "P0")] == [0.0, 0.0]  # the hub sits in the middle
    assert len({tuple(xy) for xy in data["seed"].values()}) == 1001
    small = page_data(render_html(view, tmp_path / "small.html").path.read_text())
    assert small["seed"] == {}


def test_render_html_draws_an_empty_view(tmp_path):
    report = render_html(nx.MultiDiGraph(), tmp_path / "kg.html")
    assert (report.nodes_drawn, report.edges_drawn) == (0, 0)
    assert "No entities to show." in report.path.read_text(encoding="utf-8")


def test_render_html_tolerates_missing_attributes(tmp_path):
    view = nx.MultiDiGraph()
    view.add_edge(iri("Person", "No_Label"), iri("Thing", "Odd"), key="met_with")
    report = render_html(view, tmp_path / "kg.html")
    data = page_data(report.path.read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == {"No Label", "Odd"}
    assert {n["cls"] for n in data["nodes"]} == {"Other"}
    assert data["edges"][0]["predicate"] == "met_with"


def test_render_html_is_deterministic(news_view, tmp_path):
    first = render_html(news_view, tmp_path / "a.html").path.read_bytes()
    second = render_html(news_view, tmp_path / "b.html").path.read_bytes()
    assert first == second


# -- writing -------------------------------------------------------------------------------


def test_render_html_replaces_the_file_atomically(news_view, tmp_path):
    out = tmp_path / "deep" / "folder" / "kg.html"
    render_html(news_view, out)
    assert out.exists()
    out.write_text("old", encoding="utf-8")
    render_html(chain_view(), out)
    assert drawn_labels(out.read_text(encoding="utf-8")) == {"Alpha", "Beta", "Gamma", "Delta"}
    assert sorted(p.name for p in out.parent.iterdir()) == ["kg.html"]


def test_render_html_leaves_the_old_file_when_writing_fails(news_view, tmp_path, monkeypatch):
    out = tmp_path / "kg.html"
    out.write_text("old", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        render_html(news_view, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.html"]


# -- kg show -------------------------------------------------------------------------------

TRIG = """
@prefix kg: <https://kg.example/ontology#> .
@prefix kgd: <https://kg.example/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kgd:graph\\/a1 {
  kgd:person\\/Karoline_Leavitt a kg:Person ; rdfs:label "Karoline Leavitt" ;
      skos:altLabel "Leavitt" ; kg:spokesperson_of kgd:organization\\/White_House .
  kgd:organization\\/White_House a kg:Organization ; rdfs:label "White House" .
  kgd:place\\/Ohio a kg:Place ; rdfs:label "Ohio" .
  kgd:article\\/a1 schema:mentions kgd:person\\/Karoline_Leavitt ,
      kgd:organization\\/White_House , kgd:place\\/Ohio .
  kgd:statement\\/s1 a rdf:Statement ;
      rdf:subject kgd:person\\/Karoline_Leavitt ; rdf:predicate kg:spokesperson_of ;
      rdf:object kgd:organization\\/White_House ; prov:wasDerivedFrom kgd:article\\/a1 ;
      kg:sentence "White House press secretary Karoline Leavitt said so." ;
      kg:start 0 ; kg:end 52 ; kg:subjectText "Karoline Leavitt" ;
      kg:objectText "White House" ; kg:titlePhrase "press secretary" ;
      kg:rule "title.compound.org_title_name" ; kg:confidence 0.9 ;
      kg:status "current" ; kg:asOf "2025-03-05"^^xsd:date .
}
kgd:meta {
  kgd:article\\/a1 a schema:NewsArticle ; schema:identifier "a1" ;
      schema:headline "Talks" ; schema:datePublished "2025-03-05"^^xsd:date .
}
"""


@pytest.fixture
def small_store(tmp_path) -> Path:
    import pyoxigraph as ox

    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.load(TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return path


def test_kg_show_writes_the_page_and_says_what_it_left_out(small_store, tmp_path):
    out = tmp_path / "out" / "view.html"
    result = CliRunner().invoke(
        app,
        ["show", "-o", str(out), "--store", str(small_store), "--min-degree", "1"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}: 2 of 3 entities, 1 of 1 relations." in result.output
    assert "Left out: 1 entity not shown: no relations." in result.output
    html = out.read_text(encoding="utf-8")
    assert drawn_labels(html) == {"Karoline Leavitt", "White House"}
    edge = page_data(html)["edges"][0]
    assert edge["evidence"][0]["sentence"] == (
        "White House press secretary Karoline Leavitt said so."
    )


def test_kg_show_defaults_to_graphs_kg_html(small_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["show", "--store", str(small_store), "--focus", "leavitt", "--title", "T"]
    )
    assert result.exit_code == 0, result.output
    assert "Wrote graphs/kg.html: 2 of 3 entities" in result.output
    assert "Left out: 1 entity not shown: farther than 1 hop from Karoline Leavitt." in (
        result.output
    )
    assert (tmp_path / "graphs" / "kg.html").exists()


def test_kg_show_unknown_focus_exits_1(small_store, tmp_path, monkeypatch, capsys):
    from kg.cli import main

    out = tmp_path / "x.html"
    argv = ["kg", "show", "-o", str(out), "--store", str(small_store), "--focus", "Leavit"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    stderr = " ".join(capsys.readouterr().err.split())
    assert "Error: No entity named 'Leavit' in the graph;" in stderr
    assert "Leavitt" in stderr.split(";", 1)[1]
    assert not out.exists()


def test_kg_show_rejects_a_bad_limit(small_store, tmp_path):
    result = CliRunner().invoke(app, ["show", "--store", str(small_store), "--max-nodes", "0"])
    assert result.exit_code == 2

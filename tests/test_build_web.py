"""Building from HTML pages, feeds and dated text, end to end through the CLI (model needed)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

WEB = Path(__file__).parent / "data" / "web"
PAGE = WEB / "minister-resigns.html"


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=False
    )


def rows(store: Path, sparql: str) -> list[dict[str, str]]:
    result = kg("query", "--store", str(store), "-F", "csv", sparql)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.fixture(scope="module")
def page_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("web") / "store"
    result = kg("build", str(PAGE), "--store", str(store), "--no-link")
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    return store


def test_build_html_page_stores_headline_date_canonical_url_and_text(page_store: Path) -> None:
    (row,) = rows(
        page_store,
        "SELECT ?headline ?date ?url ?site ?author WHERE { GRAPH ?m { ?a a schema:NewsArticle ; "
        "schema:headline ?headline ; schema:datePublished ?date ; schema:url ?url ; "
        "schema:publisher ?site ; schema:author ?author } }",
    )
    assert row == {
        "headline": "Finance minister resigns after budget talks fail",
        "date": "2024-03-05",
        "url": "https://gazette.example/politics/finance-minister-resigns",
        "site": "The Harbour Gazette",
        "author": "Priya Lindqvist",
    }
    assert kg("validate", "--store", str(page_store)).returncode == 0


def test_build_html_page_keeps_boilerplate_out_of_the_graph(page_store: Path) -> None:
    labels = {
        r["label"]
        for r in rows(
            page_store, "SELECT DISTINCT ?label WHERE { GRAPH ?g { ?e rdfs:label ?label } }"
        )
    }
    assert {"Tomas Brandvik", "Norland"} <= labels
    for junk in ("QuietReader42", "Harbourite", "Lottery", "Harbour Gazette", "Privacy"):
        assert not any(junk in label for label in labels), junk


def test_build_html_evidence_offsets_point_into_the_stored_text(page_store: Path) -> None:
    (body,) = rows(page_store, "SELECT ?body WHERE { GRAPH ?m { ?a schema:articleBody ?body } }")
    evidence = rows(
        page_store,
        "SELECT ?sentence ?start ?end WHERE { GRAPH ?g { ?s kg:sentence ?sentence ; "
        "kg:start ?start ; kg:end ?end } }",
    )
    assert evidence
    for ev in evidence:
        assert body["body"][int(ev["start"]) : int(ev["end"])] == ev["sentence"]


def test_build_feed_gives_one_dated_article_per_entry(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = kg("build", str(WEB / "harbour.atom"), str(WEB / "harbour.rss"), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout
    assert "passed over 1 feed entries with only a link" in result.stderr
    dates = rows(
        store,
        "SELECT ?date WHERE { GRAPH ?m { ?a schema:datePublished ?date } } ORDER BY ?date",
    )
    assert [r["date"] for r in dates] == ["2024-03-06", "2024-03-07", "2024-03-08"]


def test_build_date_and_roles_as_of_warning_for_undated_articles(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text(
        "Date: 2025-03-05\n\nTalks resume\n\nKaroline Leavitt, the White House press secretary, "
        "said talks would resume.\n"
    )
    (tmp_path / "undated.txt").write_text(
        "Bank names governor\n\nIngrid Solberg, the governor of the Norland Central Bank, "
        "spoke on Monday.\n"
    )
    store = tmp_path / "store"
    assert kg("build", str(tmp_path), "--store", str(store)).returncode == 0
    query = (
        "query",
        "--store",
        str(store),
        "-F",
        "csv",
        "-n",
        "roles-as-of",
        "-p",
        "date=2025-12-31",
    )
    warned = kg(*query)
    assert warned.returncode == 0
    assert "warning: 1 of 2 articles have no date" in warned.stderr
    assert "Karoline Leavitt" in warned.stdout
    bad = kg("build", str(tmp_path), "--store", str(store), "--date", "someday")
    assert bad.returncode == 2 and "--date" in bad.stderr
    assert kg("build", str(tmp_path), "--store", str(store), "--date", "2025-06-01").returncode == 0
    quiet = kg(*query)
    assert "no date" not in quiet.stderr
    assert "Ingrid Solberg" in quiet.stdout

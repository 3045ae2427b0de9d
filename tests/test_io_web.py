"""Readers for news as it comes: HTML pages, RSS/Atom feeds, web archives, dated .txt files."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kg.errors import InputError
from kg.io import ReadReport, count_inputs, read_articles
from kg.io.dates import to_iso_date

WEB = Path(__file__).parent / "data" / "web"
PAGE = WEB / "minister-resigns.html"
BOILERPLATE = (
    "cookie",
    "Accept all",
    "Most read",
    "Lottery",
    "recipes",
    "QuietReader42",
    "ferry tickets",
    "All rights reserved",
    "Privacy",
    "Home",
    "Weather",
)


def read(*inputs: Path | str, **kwargs: object) -> tuple[list, ReadReport]:
    report = ReadReport()
    articles = list(read_articles(list(inputs), report=report, **kwargs))  # type: ignore[arg-type]
    return articles, report


# --- HTML ---------------------------------------------------------------------------------


def test_html_page_gives_headline_date_canonical_url_site_and_author() -> None:
    (article,), report = read(PAGE)
    assert article.title == "Finance minister resigns after budget talks fail"
    assert article.date == "2024-03-05"
    assert article.url == "https://gazette.example/politics/finance-minister-resigns"
    assert article.source == "The Harbour Gazette"
    assert article.author == "Priya Lindqvist"
    assert article.extracted
    assert report.summary() == "1 article read, 0 skipped"


def test_html_page_text_is_the_article_without_boilerplate() -> None:
    (article,), _ = read(PAGE)
    assert article.text.startswith(article.title + "\n\n")
    assert "Tomas Brandvik, the finance minister of Norland, resigned" in article.text
    assert "Norland Central Bank" in article.text
    for junk in BOILERPLATE:
        assert junk not in article.text, junk


def test_html_page_without_canonical_takes_the_url_it_was_fetched_from(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8").replace(
        '<link rel="canonical" href="https://gazette.example/politics/finance-minister-resigns">',
        "",
    )
    page = tmp_path / "page.htm"
    page.write_text(html, encoding="utf-8")
    (article,), _ = read(page, urls={page: "https://mirror.example/p/1"})
    assert article.url == "https://mirror.example/p/1"
    (article,), _ = read(page)
    assert article.url == ""


def test_html_page_with_only_boilerplate_is_refused_naming_the_file(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text(  # a page whose text a script would fill in
        "<html><head><title>News</title><script>render()</script></head>"
        '<body><div id="app"></div></body></html>'
    )
    with pytest.raises(InputError, match=r"menu\.html: no article text found in the page"):
        read(page)
    articles, report = read(page, on_error="skip")
    assert articles == [] and report.skipped == 1


def test_html_folder_pages_are_their_canonical_url_so_a_copy_is_a_duplicate(
    tmp_path: Path,
) -> None:
    (tmp_path / "site" / "politics").mkdir(parents=True)
    shutil.copy(PAGE, tmp_path / "site" / "politics" / "a.html")
    shutil.copy(PAGE, tmp_path / "site" / "b.htm")
    (tmp_path / "site" / "feed.xml").write_text("<not-a-feed/>")  # .xml in folders is ignored
    articles, report = read(tmp_path / "site")
    assert [a.id for a in articles] == ["https://gazette.example/politics/finance-minister-resigns"]
    assert report.duplicates == 1
    assert count_inputs([tmp_path / "site"]) == 2


# --- feeds --------------------------------------------------------------------------------


def test_rss2_entry_with_full_content_is_one_dated_article() -> None:
    articles, report = read(WEB / "harbour.rss")
    (article,) = articles
    assert article.id == "https://gazette.example/politics/new-governor"  # its link
    assert article.title == "Central bank names new governor"
    assert article.date == "2024-03-06"
    assert article.url == "https://gazette.example/politics/new-governor"
    assert article.source == "The Harbour Gazette: Politics"
    assert article.author == "Priya Lindqvist"
    assert article.text.startswith(
        "Central bank names new governor\n\nIngrid Solberg, an economist"
    )
    assert "<p>" not in article.text and "teaser" not in article.text
    assert report.passed_over == {"feed entries with only a link (kg fetch reads them)": 1}
    assert "1 passed over (not articles)" in report.summary()


def test_atom_entries_are_dated_from_published_else_updated() -> None:
    articles, _ = read(WEB / "harbour.atom")
    assert [(a.title, a.date, a.url) for a in articles] == [
        ("Shipyard wins navy contract", "2024-03-08", "https://gazette.example/business/shipyard"),
        (
            "Ferry operator posts record profit",
            "2024-03-07",
            "https://gazette.example/business/ferry",
        ),
    ]
    assert articles[0].author == "Jonas Eide"
    assert "Maria Dahl" in articles[0].text and "&lt;" not in articles[0].text
    assert articles[1].text.endswith("Its chairman, Erik Vang, credited the rise in tourism.")


def test_rss091_long_description_is_the_text_and_rss1_xml_is_read_given_directly() -> None:
    (weekly,), _ = read(WEB / "weekly.rss")
    assert weekly.title == "Mayor opens new library" and weekly.date == ""
    assert "Sofie Aas" in weekly.text
    (council,), _ = read(WEB / "council.xml")
    assert council.date == "2024-02-28"
    assert council.source == "Westhaven Council News"
    assert "Nils Strand" in council.text


def test_feed_entry_date_is_taken_in_utc(tmp_path: Path) -> None:
    feed = tmp_path / "late.rss"
    feed.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>Late</title>'
        "<guid>x1</guid><pubDate>Thu, 07 Mar 2024 23:40:00 -0300</pubDate>"
        "<description>" + "word " * 60 + "</description></item></channel></rss>"
    )
    (article,), _ = read(feed)
    assert article.date == "2024-03-08"


def test_not_a_feed_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "broken.atom"
    feed.write_text("this is not xml at all")
    with pytest.raises(InputError, match=r"broken\.atom: not an RSS or Atom feed"):
        read(feed)


def test_count_inputs_counts_feed_entries() -> None:
    assert count_inputs([WEB / "harbour.rss", WEB / "harbour.atom", PAGE]) == 5


# --- web archives -------------------------------------------------------------------------


def _response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    date: str = "2024-04-01T12:00:00Z",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def write_warc(path: Path, *, gzipped: bool) -> None:
    page = PAGE.read_bytes()
    undated = page.replace(b"2024-03-05T09:30:00+00:00", b"").replace(
        b"finance-minister-resigns", b"other"
    )
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = StatusAndHeaders(
            "GET /a HTTP/1.1", [("Host", "gazette.example")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "https://gazette.example/a",
                "request",
                payload=io.BytesIO(b""),
                http_headers=request,
            )
        )
        _response(writer, "https://gazette.example/a", page)
        _response(
            writer, "https://gazette.example/logo.png", b"\x89PNG....", content_type="image/png"
        )
        _response(
            writer, "https://gazette.example/gone", b"<html>gone</html>", status="404 Not Found"
        )
        _response(writer, "https://gazette.example/a", page)  # a re-crawl of the same page
        _response(writer, "https://gazette.example/b", undated, date="2024-04-02T08:00:00Z")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_gives_its_html_responses_only_with_target_uri_and_date(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    warc = tmp_path / name
    write_warc(warc, gzipped=name.endswith(".gz"))
    articles, report = read(warc)
    assert [(a.id, a.url, a.date) for a in articles] == [
        ("https://gazette.example/a", "https://gazette.example/a", "2024-03-05"),
        ("https://gazette.example/b", "https://gazette.example/b", "2024-04-02"),
    ]
    assert articles[0].title == "Finance minister resigns after budget talks fail"
    assert all(a.extracted for a in articles)
    assert articles[0].origin.startswith(f"{name}@")
    assert report.passed_over == {
        "WARC warcinfo records": 1,
        "WARC request records": 1,
        "WARC responses that are not HTML pages (status 200)": 2,
        "WARC responses for a URI already read": 1,
    }
    assert count_inputs([warc]) is None


def test_warc_whole_file_gzip_is_read_too(tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc"
    write_warc(plain, gzipped=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    articles, _ = read(whole)
    assert len(articles) == 2


def test_not_a_warc_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_text("hello, this is not an archive\n")
    with pytest.raises(InputError, match=r"bad\.warc: not a web archive"):
        read(bad)


# --- dates of plain text ------------------------------------------------------------------


def test_txt_date_header_is_read_and_blanked_so_offsets_count_from_the_file(tmp_path: Path) -> None:
    raw = "Date: 5 March 2025\nURL: https://x.org/talks\n\nTalks resume\n\nEnvoys met in Riyadh.\n"
    path = tmp_path / "talks.txt"
    path.write_text(raw)
    (article,), _ = read(path)
    assert (article.date, article.url, article.title) == (
        "2025-03-05",
        "https://x.org/talks",
        "Talks resume",
    )
    assert len(article.text) == len(raw)
    assert article.text[raw.index("Envoys") :].startswith("Envoys met in Riyadh.")
    assert "Date" not in article.text and not article.extracted


def test_txt_yaml_front_matter_is_read(tmp_path: Path) -> None:
    raw = '---\ntitle: "Talks resume"\ndate: 2025-03-05\ntags: [diplomacy]\nsource: Daily\n---\nTalks resume in Riyadh\n'
    path = tmp_path / "talks.txt"
    path.write_text(raw)
    (article,), _ = read(path)
    assert (article.date, article.title, article.source) == ("2025-03-05", "Talks resume", "Daily")
    assert article.text.strip() == "Talks resume in Riyadh"
    assert len(article.text) == len(raw)


def test_txt_without_header_keeps_a_colon_headline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Update: talks resume\n\nEnvoys met.")
    (article,), _ = read(path)
    assert article.title == "Update: talks resume" and article.date == ""


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        ("Date: sometime soon\n\nText.", "bad.txt:1"),
        ("---\ntitle: x\ndate: 2025-13-45\n---\nText", "bad.txt:3"),
    ],
)
def test_txt_bad_header_date_is_refused_with_its_line(tmp_path: Path, raw: str, where: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(raw)
    with pytest.raises(InputError, match=rf"{where}: bad date"):
        read(path)


def test_txt_front_matter_never_closed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "open.txt"
    path.write_text("---\ndate: 2025-03-05\nText without the closing line.\n")
    with pytest.raises(InputError, match="never closed"):
        read(path)


def test_run_date_fills_only_articles_without_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Date: 2024-01-02\n\nDated article.")
    (tmp_path / "b.txt").write_text("Undated article.")
    articles, _ = read(tmp_path, date="2025-03-05")
    assert [a.date for a in articles] == ["2024-01-02", "2025-03-05"]
    with pytest.raises(InputError, match="Invalid date 'soon'"):
        read(tmp_path, date="soon")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-05", "2025-03-05"),
        ("2025-03-05T23:59:00+09:00", "2025-03-05"),
        ("Wed, 05 Mar 2025 10:00:00 GMT", "2025-03-05"),
        ("March 5, 2025", "2025-03-05"),
        ("5 March 2025", "2025-03-05"),
        ("March 2025", None),
        ("", None),
        ("31 February 2025", None),
    ],
)
def test_to_iso_date(value: str, expected: str | None) -> None:
    assert to_iso_date(value) == expected


def test_feed_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    feed = tmp_path / "xxe.rss"
    feed.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>Leak &x;</title><guid>1</guid>'
        "<description>" + "word " * 50 + "&x;</description></item></channel></rss>"
    )
    (article,), _ = read(feed)
    assert article.title == "Leak"
    assert "TOP-SECRET" not in article.text
    assert article.url == ""  # the guid "1" is no URL

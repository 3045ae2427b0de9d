"""kg fetch: guarded downloads into the cache, against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.cache import Cache
from kg.fetch import USER_AGENT, FetchPolicy, fetch_urls

WEB = Path(__file__).parent / "data" / "web"
PAGE = (WEB / "minister-resigns.html").read_bytes()


def feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Local Gazette</title>
<item><title>Central bank names new governor</title><guid>g1</guid>
<link>{base}/governor</link><pubDate>Wed, 06 Mar 2024 08:15:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Ingrid Solberg was named governor of the Norland Central Bank on Wednesday.</p>]]></content:encoded></item>
<item><title>Finance minister resigns</title><guid>g2</guid><link>/minister</link>
<description>Teaser only.</description></item>
<item><title>Secret</title><guid>g3</guid><link>{base}/private/secret</link><description>Teaser.</description></item>
</channel></rss>""".encode()


class Site:
    """A tiny news site: its routes, and a count of the requests each path got."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.base = ""

    def route(self, path: str) -> tuple[int, dict[str, str], bytes]:
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if path in ("/minister", "/private/secret"):
            return 200, html, PAGE
        if path == "/feed":
            return 200, {"Content-Type": "application/rss+xml"}, feed(self.base)
        if path == "/old":
            return 301, {"Location": "/minister"}, b""
        if path == "/loop":
            return 302, {"Location": "/loop"}, b""
        if path == "/big":
            return 200, html, b"<html><body>" + b"x" * 200_000 + b"</body></html>"
        if path == "/logo.png":
            return 200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\0" * 64
        if path == "/to-private":
            port = self.base.rsplit(":", 1)[1]
            return 302, {"Location": f"http://127.0.0.2:{port}/minister"}, b""
        if path == "/to-file":
            return 302, {"Location": "file:///etc/passwd"}, b""
        return 404, html, b"<html><body>Not found</body></html>"


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits[self.path] += 1
            state.agents.add(self.headers.get("User-Agent", ""))
            status, headers, body = state.route(self.path)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


LOCAL = FetchPolicy(allow_private=True, delay=0.0, timeout=5.0)


def test_fetch_refuses_loopback_without_allow_private(site: Site, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    report = fetch_urls([site.base + "/minister"], cache=cache, policy=FetchPolicy(delay=0.0))
    ((url, reason),) = report.failed
    assert url == site.base + "/minister"
    assert "refused" in reason and "127.0.0.1" in reason and "--allow-private" in reason
    assert sum(site.hits.values()) == 0  # not even robots.txt was asked for
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("host", ["localhost", "[::1]", "169.254.169.254", "10.0.0.1"])
def test_fetch_refuses_other_private_hosts(host: str, tmp_path: Path) -> None:
    policy = FetchPolicy(delay=0.0, timeout=0.5)
    report = fetch_urls([f"http://{host}/x"], cache=Cache(tmp_path), policy=policy)
    ((_, reason),) = report.failed
    assert "refused" in reason


def test_fetch_feed_stores_it_and_the_pages_its_link_only_entries_point_to(
    site: Site, tmp_path: Path
) -> None:
    cache = Cache(tmp_path / "cache")
    report = fetch_urls([site.base + "/feed"], cache=cache, policy=LOCAL)
    assert [e.url for e in report.entries] == [site.base + "/feed", site.base + "/minister"]
    assert [e.kind for e in report.entries] == ["feed", "html"]
    assert report.downloaded == 2 and report.cached == 0
    # the third entry links under /private/, which robots.txt disallows: a warning, not a failure
    assert report.failed == []
    ((url, reason),) = report.warnings
    assert url.endswith("/private/secret") and "robots.txt" in reason
    assert site.hits["/private/secret"] == 0
    assert site.hits["/robots.txt"] == 1
    assert site.agents == {USER_AGENT}
    body = cache.body_path(report.entries[1])
    assert body.read_bytes() == PAGE and body.suffix == ".html"
    assert body.name.startswith(report.entries[1].sha256)


def test_fetch_again_reads_the_cache_and_never_downloads(site: Site, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    fetch_urls([site.base + "/feed"], cache=cache, policy=LOCAL)
    before = site.hits.copy()
    report = fetch_urls([site.base + "/feed"], cache=cache, policy=LOCAL)
    assert report.downloaded == 0 and report.cached == 2
    # only robots.txt, asked again for the page it disallows (which is never cached)
    assert site.hits - before == Counter({"/robots.txt": 1})
    report = fetch_urls([site.base + "/minister"], cache=cache, policy=LOCAL, refresh=True)
    assert report.downloaded == 1


def test_fetch_follows_redirects_and_records_the_final_url(site: Site, tmp_path: Path) -> None:
    report = fetch_urls([site.base + "/old"], cache=Cache(tmp_path), policy=LOCAL)
    (entry,) = report.entries
    assert entry.url == site.base + "/old" and entry.final_url == site.base + "/minister"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "more than 5 redirects"),
        ("/big", "larger than 100,000 bytes"),
        ("/logo.png", "neither an HTML page nor an RSS/Atom feed"),
        ("/missing", "HTTP 404"),
        ("/private/secret", "robots.txt disallows it"),
        ("/to-file", "only http and https"),
    ],
)
def test_fetch_refuses_what_is_out_of_bounds(
    site: Site, tmp_path: Path, path: str, reason: str
) -> None:
    policy = FetchPolicy(allow_private=True, delay=0.0, timeout=5.0, max_bytes=100_000)
    report = fetch_urls([site.base + path], cache=Cache(tmp_path), policy=policy)
    assert report.entries == []
    ((_, why),) = report.failed
    assert reason in why


def test_fetch_checks_the_address_of_every_redirect_hop(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test server stands in for a public site: only its own address counts as public.
    monkeypatch.setattr("kg.netguard.is_public_address", lambda address: address == "127.0.0.1")
    report = fetch_urls(
        [site.base + "/to-private"], cache=Cache(tmp_path), policy=FetchPolicy(delay=0.0)
    )
    ((url, reason),) = report.failed
    assert url == site.base + "/to-private"
    assert "refused: 127.0.0.2 resolves to 127.0.0.2" in reason
    assert site.hits["/to-private"] == 1 and site.hits["/minister"] == 0


def test_fetch_cli_refuses_loopback_and_exits_1(site: Site, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "fetch",
            site.base + "/minister",
            "--store",
            str(tmp_path / "store"),
            "--cache",
            str(tmp_path / "cache"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "refused" in result.stderr and "--allow-private" in result.stderr
    assert not (tmp_path / "store").exists()


@pytest.mark.model
def test_fetch_cli_stores_a_local_feeds_articles_and_rebuilds_from_the_cache(
    site: Site, tmp_path: Path
) -> None:
    args = [
        sys.executable,
        "-m",
        "kg",
        "fetch",
        site.base + "/feed",
        "--allow-private",
        "--delay",
        "0",
        "--store",
        str(tmp_path / "store"),
        "--cache",
        str(tmp_path / "cache"),
    ]
    first = subprocess.run(args, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "2 downloaded, 0 from the cache" in first.stdout
    assert "2 added" in first.stdout
    query = [
        sys.executable,
        "-m",
        "kg",
        "query",
        "--store",
        str(tmp_path / "store"),
        "-F",
        "csv",
        "SELECT ?url ?date WHERE { GRAPH ?g { ?a schema:url ?url "
        "OPTIONAL { ?a schema:datePublished ?date } } } ORDER BY ?url",
    ]
    rows = subprocess.run(query, capture_output=True, text=True, check=True).stdout.split()
    assert rows == [
        "url,date",
        f"{site.base}/governor,2024-03-06",
        "https://gazette.example/politics/finance-minister-resigns,2024-03-05",
    ]
    hits_before = site.hits.copy()
    again = subprocess.run(args, capture_output=True, text=True, check=False)
    assert "0 downloaded, 2 from the cache" in again.stdout
    assert "0 added, 0 replaced, 2 unchanged" in again.stdout
    assert site.hits - hits_before == Counter({"/robots.txt": 1})  # for the uncached page


def test_build_never_fetches(site: Site, tmp_path: Path) -> None:
    page = tmp_path / "links.html"
    page.write_text(
        f'<html><head><link rel="canonical" href="{site.base}/minister"></head><body>'
        f'<article><h1>Links</h1><p>See <a href="{site.base}/minister">this</a> '
        f'and <img src="{site.base}/logo.png"> for the whole story of the resignation '
        "of the finance minister of Norland after the budget talks collapsed.</p>"
        "</article></body></html>"
    )
    from kg.io import read_articles

    (article,) = read_articles([page])
    assert article.url == f"{site.base}/minister"
    assert sum(site.hits.values()) == 0


def test_fetch_connects_to_the_address_it_checked_not_to_a_second_dns_answer(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # rebind.test answers 127.0.0.2 (standing in for a public address; nothing listens
    # there), then the test server's 127.0.0.1, as a rebinding DNS server would.
    monkeypatch.setattr("kg.netguard.is_public_address", lambda address: address == "127.0.0.2")
    real, answers = socket.getaddrinfo, ["127.0.0.2", "127.0.0.1"]

    def resolve(host: str, port: object, *args: object, **kwargs: object) -> object:
        if host == "rebind.test":
            host = answers.pop(0) if len(answers) > 1 else answers[0]
        return real(host, port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    port = site.base.rsplit(":", 1)[1]
    report = fetch_urls(
        [f"http://rebind.test:{port}/minister"], cache=Cache(tmp_path), policy=FetchPolicy(delay=0)
    )
    assert report.failed and report.downloaded == 0
    assert sum(site.hits.values()) == 0  # neither robots.txt nor the page reached the server

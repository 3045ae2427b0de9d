"""``kg fetch``: download pages and feeds into the cache, explicitly and within bounds.

This is the only module of kg (with ``kg push``) that opens network connections, and only
for the URLs its caller gives (and the pages a feed's link-only entries point to). Every
request is bounded:

- **addresses**: every connection, including each redirect hop and every ``robots.txt``,
  goes through :mod:`kg.netguard`, which resolves the host itself, refuses loopback,
  private, link-local, shared, multicast and reserved addresses (unless ``allow_private``),
  and connects to the address it checked, so a DNS answer cannot change in between;
- **redirects**: followed by hand, at most :attr:`FetchPolicy.max_redirects`, http(s) only;
- **size and time**: bodies over :attr:`FetchPolicy.max_bytes` (decoded, so a compression
  bomb stops early) are refused; connect/read timeouts plus a deadline per download;
- **politeness**: ``robots.txt`` is read per host and obeyed (for the agent ``kg``), requests to
  one host are spaced by :attr:`FetchPolicy.delay` seconds (or the site's ``Crawl-delay``),
  and the ``User-Agent`` says what kg is;
- **no proxies from the environment**, no cookies kept between hosts.

Bodies land in a :class:`~kg.cache.Cache`; a URL already there is not downloaded again
unless ``refresh`` is set, so building again from the same URLs touches no network.
"""

from __future__ import annotations

import logging
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from . import __version__
from .cache import Cache, CacheEntry
from .errors import FetchError, InputError
from .io.feeds import is_feed, read_feed
from .netguard import guarded_transport, refused_cause

__all__ = [
    "USER_AGENT",
    "FetchPolicy",
    "FetchReport",
    "HostRateLimiter",
    "fetch_urls",
]

logger = logging.getLogger(__name__)

USER_AGENT = (
    f"kg/{__version__} (news knowledge graph builder; fetches only the URLs its user gives)"
)
"""The ``User-Agent`` of every request; robots.txt rules for ``kg`` apply."""

_ROBOTS_AGENT = "kg"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_XML_TYPES = ("application/xml", "text/xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """The bounds of a fetch.

    Attributes:
        allow_private: Allow loopback, private and link-local addresses (a local server).
        timeout: Seconds to connect, and between two reads.
        deadline: Seconds one download may take in all.
        max_bytes: The largest body accepted, decoded.
        delay: Seconds between two requests to the same host (at least; a robots.txt
            ``Crawl-delay`` may ask for more).
        max_redirects: Redirects followed per URL.
        follow_feed_links: Fetch the pages that link-only feed entries point to.
        max_feed_links: At most this many linked pages per feed.
    """

    allow_private: bool = False
    timeout: float = 15.0
    deadline: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    delay: float = 1.0
    max_redirects: int = 5
    follow_feed_links: bool = True
    max_feed_links: int = 100


@dataclass
class FetchReport:
    """What a fetch did.

    Attributes:
        downloaded: URLs downloaded now.
        cached: URLs found in the cache (not downloaded).
        failed: ``(url, reason)`` for each URL given that could not be fetched.
        warnings: ``(url, reason)`` for linked pages (of feeds) that could not be fetched.
        entries: The cache entries to build from, in order (given URLs, then linked pages).
    """

    downloaded: int = 0
    cached: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    entries: list[CacheEntry] = field(default_factory=list)


class HostRateLimiter:
    """Spaces requests to one host by at least ``interval`` seconds.

    >>> now = [0.0]
    >>> waits = []
    >>> limiter = HostRateLimiter(1.0, clock=lambda: now[0], sleep=waits.append)
    >>> limiter.wait("a.org"); limiter.wait("b.org"); limiter.wait("a.org")
    >>> waits
    [1.0]
    """

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._extra: dict[str, float] = {}

    def set_interval(self, host: str, seconds: float) -> None:
        """Ask for at least ``seconds`` between requests to ``host`` (a Crawl-delay)."""
        self._extra[host] = seconds

    def wait(self, host: str) -> None:
        """Sleep until a request to ``host`` is allowed, and count it as made."""
        interval = max(self.interval, self._extra.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            remaining = last + interval - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


class _RefusedError(FetchError):
    """A URL refused by policy (its address), as opposed to one that failed."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: refused: {reason}")
        self.reason = reason


class _Downloader:
    """One HTTP client with the guards, robots.txt per host and the per-host spacing."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        transport = guarded_transport(
            allow_private=policy.allow_private,
            hint="kg fetch refuses those unless given --allow-private",
        )
        self.client = httpx.Client(
            transport=transport,
            trust_env=False,
            follow_redirects=False,
            timeout=httpx.Timeout(policy.timeout),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html, application/xhtml+xml, "
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
            },
        )
        self.limiter = HostRateLimiter(policy.delay)
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def close(self) -> None:
        self.client.close()

    def _get(self, url: str, max_bytes: int) -> tuple[httpx.Response, bytes]:
        """One GET, no redirects followed, the body read up to ``max_bytes``."""
        host = urlsplit(url).netloc.lower()
        self.limiter.wait(host)
        started = time.monotonic()
        try:
            with self.client.stream("GET", url) as response:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(
                            f"{url}: body larger than {max_bytes:,} bytes; "
                            "raise --max-bytes if it is really a page"
                        )
                    if time.monotonic() - started > self.policy.deadline:
                        raise FetchError(
                            f"{url}: download took more than {self.policy.deadline:g} s; gave up"
                        )
                    chunks.append(chunk)
                return response, b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out after {self.policy.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            refused = refused_cause(exc)
            if refused is not None:
                raise _RefusedError(url, refused.reason) from exc
            raise FetchError(f"{url}: cannot fetch: {exc}") from exc

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        robots = self._robots.get(origin)
        if robots is None:
            robots = urllib.robotparser.RobotFileParser()
            try:
                response, body = self._get(origin + "/robots.txt", _ROBOTS_MAX_BYTES)
            except _RefusedError as exc:  # the site's address itself is refused
                raise _RefusedError(url, exc.reason) from exc
            except FetchError:
                robots.parse([])  # no robots.txt to read: nothing disallowed
            else:
                if response.status_code in (401, 403) or response.status_code >= 500:
                    # Forbidden robots.txt means "keep out"; a failing server, "not now".
                    robots.parse(["User-agent: *", "Disallow: /"])
                elif response.status_code >= 400:
                    robots.parse([])
                else:
                    robots.parse(body.decode("utf-8", "replace").splitlines())
                    delay = robots.crawl_delay(_ROBOTS_AGENT)
                    if delay:
                        self.limiter.set_interval(parts.netloc.lower(), float(delay))
            self._robots[origin] = robots
        return robots.can_fetch(_ROBOTS_AGENT, url)

    def download(self, url: str) -> tuple[str, str, bytes]:
        """``(final_url, content_type, body)`` of ``url``, redirects followed within bounds.

        Raises:
            FetchError: Refused (address, scheme, robots.txt, size) or failed.
        """
        current = url
        for _ in range(self.policy.max_redirects + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError(f"{current}: only http and https URLs are fetched")
            if not self._allowed(current):
                raise FetchError(f"{current}: refused: robots.txt disallows it for {_ROBOTS_AGENT}")
            response, body = self._get(current, self.policy.max_bytes)
            if response.status_code in _REDIRECTS and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            if response.status_code != 200:
                raise FetchError(f"{current}: HTTP {response.status_code} {response.reason_phrase}")
            return current, response.headers.get("content-type", ""), body
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects; gave up")


def _kind_of(content_type: str, body: bytes) -> str | None:
    """``"html"`` or ``"feed"`` from the content type, else by sniffing; ``None``: neither."""
    media = content_type.split(";")[0].strip().lower()
    if media in _FEED_TYPES or (media in _XML_TYPES and is_feed(body)):
        return "feed"
    if media in _HTML_TYPES:
        return "html"
    if is_feed(body):
        return "feed"
    head = body[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _feed_links(cache: Cache, entry: CacheEntry, most: int) -> list[str]:
    """The absolute http(s) links of a cached feed's entries that carry no text."""
    data = cache.body_path(entry).read_bytes()
    try:
        links = read_feed(data, feed_id=entry.url, origin=entry.url).link_only
    except InputError:  # not readable as a feed after all: the build will say so
        return []
    absolute = (urljoin(entry.final_url, link) for link in links if link)
    return [url for url in absolute if urlsplit(url).scheme in ("http", "https")][:most]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def fetch_urls(
    urls: Sequence[str],
    *,
    cache: Cache,
    policy: FetchPolicy | None = None,
    refresh: bool = False,
) -> FetchReport:
    """Fetch ``urls`` into ``cache`` (or find them there), with the links of their feeds.

    A URL already in the cache is not downloaded again unless ``refresh``. For a feed, the
    pages its link-only entries point to are fetched too (``policy.follow_feed_links``).

    Args:
        urls: http(s) URLs of pages or feeds.
        cache: Where bodies are kept.
        policy: The bounds (:class:`FetchPolicy`); the defaults without one.
        refresh: Download even URLs already in the cache.

    Returns:
        What happened; failures are recorded, not raised, so one bad URL costs only itself.
    """
    policy = policy or FetchPolicy()
    report = FetchReport()
    downloader: _Downloader | None = None
    seen: set[str] = set()

    def get(url: str) -> CacheEntry:
        nonlocal downloader
        entry = None if refresh else cache.get(url)
        if entry is not None:
            report.cached += 1
            return entry
        if downloader is None:
            downloader = _Downloader(policy)
        final_url, content_type, body = downloader.download(url)
        kind = _kind_of(content_type, body)
        if kind is None:
            raise FetchError(
                f"{url}: neither an HTML page nor an RSS/Atom feed (Content-Type "
                f"{content_type or 'missing'!r}); kg reads pages and feeds"
            )
        report.downloaded += 1
        return cache.put(
            url,
            body=body,
            final_url=final_url,
            content_type=content_type,
            kind=kind,
            fetched=_now(),
        )

    def attempt(url: str, failures: list[tuple[str, str]]) -> CacheEntry | None:
        if url in seen:
            return None
        seen.add(url)
        try:
            return get(url)
        except FetchError as exc:
            failures.append((url, str(exc).removeprefix(f"{url}: ")))
            return None

    try:
        linked: list[str] = []
        for url in urls:
            entry = attempt(url, report.failed)
            if entry is None:
                continue
            report.entries.append(entry)
            if entry.kind == "feed" and policy.follow_feed_links:
                linked.extend(_feed_links(cache, entry, policy.max_feed_links))
        for url in linked:  # a linked page that fails is a warning: the feed itself was read
            entry = attempt(url, report.warnings)
            if entry is not None and entry.kind == "html":
                report.entries.append(entry)
    finally:
        if downloader is not None:
            downloader.close()
    return report


def entry_inputs(cache: Cache, entries: Iterable[CacheEntry]) -> dict[Path, str]:
    """The body file of each entry, with the URL it came from (final URL after redirects)."""
    return {cache.body_path(entry): entry.final_url for entry in entries}

"""RSS and Atom feeds to articles: one article per entry that carries its text.

feedparser reads RSS 0.9x, 1.0 (RDF) and 2.0 and Atom 0.3/1.0. An entry becomes an article
from its full content (``content:encoded`` in RSS, ``<content>`` in Atom); an entry with
only a summary (``<description>``, ``<summary>``) is read from it when the summary has at
least :data:`MIN_SUMMARY_WORDS` words, as RSS 0.9x feeds carry whole stories there. Other
entries only link to their page: they are passed over and counted (``kg fetch`` fetches the
pages they link to). HTML content becomes text through :func:`kg.io.html.html_to_text`.

An entry's date is its ``published`` date, else its ``updated`` date, in UTC; its URL is its
link; its source is the feed's title. feedparser does not resolve external entities, and
kg never lets it fetch: it is given the bytes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..records import Article
from ._decode import RejectedError, first_line
from .html import html_to_text

__all__ = ["MIN_SUMMARY_WORDS", "FeedEntries", "is_feed", "read_feed"]

MIN_SUMMARY_WORDS = 40
"""A summary this long (in words) is read as the entry's text; a shorter one is a teaser."""

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class FeedEntries:
    """The outcome of reading one feed.

    Attributes:
        articles: One per entry with text, in feed order.
        link_only: The links of entries with no text of their own (passed over); ``""``
            for such an entry without a link.
        title: The feed's title, or ``""``.
    """

    articles: list[Article]
    link_only: list[str]
    title: str = ""


def is_feed(data: bytes) -> bool:
    """Whether the bytes look like an RSS or Atom feed (by their first elements).

    >>> is_feed(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    True
    >>> is_feed(b"<!doctype html><html><body>Hi</body></html>")
    False
    """
    head = data[:2048].lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel"))


def _text_of(detail: Any) -> str:
    """Text of a feedparser content or summary detail (HTML or plain)."""
    value = detail.get("value") or ""
    if detail.get("type", "text/html") in _HTML_TYPES or "<" in value:
        return html_to_text(value)
    return "\n\n".join(p.strip() for p in value.split("\n\n") if p.strip())


def _resolve(link: str, base: str) -> tuple[str, str]:
    """An entry's link against the feed's own link: ``(as resolved, the URL or "")``.

    The URL is ``""`` unless the link resolves to http(s): feedparser takes an RSS
    ``<guid>`` for the link unless ``isPermaLink="false"``, and a guid such as ``1`` must not
    become the article's URL. The resolved link may stay relative (a feed without a link of
    its own), for ``kg fetch`` to resolve against the feed's address.

    >>> _resolve("/rain", "https://x.org/news"), _resolve("1", ""), _resolve("/rain", "")
    (('https://x.org/rain', 'https://x.org/rain'), ('1', ''), ('/rain', ''))
    """
    resolved = urljoin(base, link) if base and link else link
    return resolved, resolved if urlsplit(resolved).scheme in ("http", "https") else ""


def _entry_date(entry: Any) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date().isoformat()
    return ""


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        text = _text_of(content)
        if text.strip():
            return text
    summary = entry.get("summary_detail")
    if summary:
        text = _text_of(summary)
        if len(text.split()) >= MIN_SUMMARY_WORDS:
            return text
    return ""


def read_feed(data: bytes, *, feed_id: str, origin: str) -> FeedEntries:
    """Read a feed's entries.

    Args:
        data: The feed, as bytes (feedparser reads the XML encoding declaration).
        feed_id: The id of the feed; an entry's article id is ``FEED_ID#KEY``, with KEY its
            ``id``/``guid``, else its link, else its position (1-based).
        origin: Where the feed came from, for messages; an entry's origin is
            ``ORIGIN#POSITION``.

    Raises:
        RejectedError: The bytes are not a feed feedparser can read.

    >>> rss = (b'<rss version="2.0"><channel><title>Daily</title><item><title>Rain</title>'
    ...        b'<link>https://x.org/rain</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>'
    ...        b'<description>Short teaser.</description></item></channel></rss>')
    >>> read_feed(rss, feed_id="daily.rss", origin="daily.rss").link_only
    ['https://x.org/rain']
    """
    import feedparser  # only when feeds are read

    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise RejectedError(
            origin,
            f"not an RSS or Atom feed{detail}; give a feed file (.rss, .atom, .xml) "
            "or an HTML page (.html)",
        )
    feed_title = " ".join(str(parsed.feed.get("title", "")).split())
    feed_link = str(parsed.feed.get("link", "")).strip()
    result = FeedEntries(articles=[], link_only=[], title=feed_title)
    for position, entry in enumerate(parsed.entries, start=1):
        link, url = _resolve(str(entry.get("link", "")).strip(), feed_link)
        text = _entry_text(entry)
        if not text.strip():
            result.link_only.append(link)
            continue
        title = " ".join(str(entry.get("title", "")).split()) or first_line(text)
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        key = str(entry.get("id", "")).strip() or url or str(position)
        result.articles.append(
            Article(
                id=f"{feed_id}#{key}",
                text=text,
                title=title,
                date=_entry_date(entry),
                url=url,
                source=feed_title,
                origin=f"{origin}#{position}",
                author=" ".join(str(entry.get("author", "")).split()),
                extracted=True,
            )
        )
    return result

"""HTML pages to articles: the main text and the page's metadata, by trafilatura.

trafilatura finds the article body and leaves out navigation, cookie banners, "most read"
boxes, footers and (here, on purpose) comments; its metadata pass (htmldate for the date)
reads the headline, publication date, author, canonical URL and site name from ``<meta>``,
JSON-LD and ``<link rel="canonical">``. Nothing here touches the network: trafilatura only
fetches when asked to, and kg never asks.

The article text is what trafilatura extracts, one paragraph per block separated by a blank
line, with the headline first (added when the body does not start with it). Character
offsets count in this text, which is why :class:`~kg.records.Article` marks it as
``extracted`` and the store keeps it: the page alone cannot reproduce the offsets once
trafilatura changes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..records import Article
from ._decode import RejectedError, first_line

__all__ = ["PageMeta", "article_from_html", "html_to_text", "read_page"]

_BLANKS = re.compile(r"[ \t\u00a0]+")
_LINES = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class PageMeta:
    """What trafilatura found in one page.

    Attributes:
        text: The main text, paragraphs separated by blank lines (``""``: none found).
        title: The headline, or ``""``.
        date: The publication date as ``YYYY-MM-DD``, or ``""``.
        author: The author(s), or ``""``.
        url: The canonical URL, or ``""``.
        site: The site name, or ``""``.
    """

    text: str
    title: str = ""
    date: str = ""
    author: str = ""
    url: str = ""
    site: str = ""


def _clean(value: object) -> str:
    return _BLANKS.sub(" ", value).strip() if isinstance(value, str) else ""


def _paragraphs(text: str | None) -> str:
    """trafilatura's one-line-per-block text as paragraphs separated by blank lines."""
    if not text:
        return ""
    lines = [_BLANKS.sub(" ", line).strip() for line in _LINES.split(text)]
    return "\n\n".join(line for line in lines if line)


def _iso_date(value: object) -> str:
    if not isinstance(value, str) or not value:
        return ""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return ""


def read_page(html: bytes | str, *, url: str = "") -> PageMeta:
    """Extract the main text and the metadata of one HTML page.

    Args:
        html: The page; bytes are decoded by trafilatura (``<meta charset>``, then guessing).
        url: Where the page came from, if known: helps trafilatura resolve relative links
            and is the URL when the page names no canonical one.

    >>> page = read_page(
    ...     '<html><head><title>Rain - Daily</title><link rel="canonical" href="https://x.org/rain">'
    ...     '</head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav><article><h1>Rain due</h1>'
    ...     '<p>Heavy rain is expected across the north of the country on Monday evening.</p>'
    ...     '</article><footer>Copyright Daily</footer></body></html>')
    >>> page.title, page.url, page.text.split("\\n\\n")[-1]
    ('Rain due', 'https://x.org/rain', 'Heavy rain is expected across the north of the country on Monday evening.')
    """
    from trafilatura import bare_extraction  # slow import; only when pages are read
    from trafilatura.settings import Document

    doc = bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        # Publication date from the page's markup only: the extensive search guesses from
        # free text and took a footer's "(c) 2024" for 1 January 2024.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(doc, Document):  # None: nothing found
        return PageMeta(text="", url=url)
    return PageMeta(
        text=_paragraphs(doc.text),
        title=_clean(doc.title),
        date=_iso_date(doc.date),
        author=_clean(doc.author),
        url=_clean(doc.url) or url,
        site=_clean(doc.sitename),
    )


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs separated by blank lines.

    The fragment goes through trafilatura like a page; if trafilatura keeps nothing (a
    fragment too short to look like an article), the text of every element is used.

    >>> html_to_text("<p>One <b>bold</b> claim.</p><p>Two.</p>")
    'One bold claim.\\n\\nTwo.'
    """
    text = read_page(f"<html><body><article>{fragment}</article></body></html>").text
    if text:
        return text
    import lxml.html  # installed with trafilatura

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several unrelated types on odd markup
        return _paragraphs(fragment)
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr"):
        block.tail = "\n" + (block.tail or "")
    return _paragraphs(root.text_content())


def article_from_html(
    html: bytes | str,
    *,
    article_id: str,
    origin: str,
    url: str = "",
    base_url: str = "",
    date: str = "",
) -> Article:
    """One HTML page as an article: headline first, then the main text.

    Args:
        html: The page.
        article_id: The article id (see :mod:`kg.io.readers`).
        origin: Where it came from, for messages.
        url: The article's URL whatever the page says (a WARC record's target URI).
        base_url: Where the page was downloaded from: the article's URL when the page
            names no canonical URL.
        date: A date to use when the page carries none (a WARC record's date).

    Raises:
        RejectedError: The page holds no main text.
    """
    page = read_page(html, url=url or base_url)
    if not page.text.strip():
        raise RejectedError(
            origin,
            "no article text found in the page (only navigation or boilerplate); "
            "check it is a news article page, or remove it",
        )
    title = page.title or first_line(page.text)
    text = page.text
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(
        id=article_id,
        text=text,
        title=title,
        date=page.date or date,
        url=url or page.url or base_url,
        source=page.site,
        author=page.author,
        origin=origin,
        extracted=True,
    )

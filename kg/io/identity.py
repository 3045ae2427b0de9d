"""What makes an article the same article: the one rule, for every reader.

An article is, in this order of preference:

1. its own **id**, when the input gives one (the JSONL ``id``), exactly as written;
2. else its **canonical URL** (:attr:`Article.url`, which readers of web pages and feeds set
   to the page's canonical link), lightly normalised by :func:`canonical_url`;
3. else its **text**: ``sha256:`` and the first 32 hex digits of the SHA-256 of the text
   (composed to Unicode NFC, surrounding whitespace stripped).

Never its file name: the same articles under a renamed folder are the same articles, and an
identical text under another name is a duplicate, stored once. Readers build an
:class:`~kg.records.Article` with ``id=""`` when the input has no id of its own, and
:func:`identify` gives it its identity; :meth:`kg.iri.IRIMinter.article` maps every id to an
IRI of its own.

>>> identify(Article(id="", text="Head\\n\\nBody", url="HTTPS://News.Example:443/a?x=1#top")).id
'https://news.example/a?x=1'
>>> identify(Article(id="", text="  Head\\n\\nBody \\n")).id == identify(Article(id="", text="Head\\n\\nBody")).id
True
>>> identify(Article(id="a7", text="Body", url="https://news.example/a")).id
'a7'
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from ..records import Article

__all__ = ["TEXT_ID_PREFIX", "canonical_url", "identify", "text_id"]

TEXT_ID_PREFIX = "sha256:"
"""How the id of an article known only by its text starts."""

_DEFAULT_PORTS = {"http": 80, "https": 443}


def text_id(text: str) -> str:
    """The id of an article known only by its text.

    >>> text_id("Head\\n\\nBody")
    'sha256:1f71d44080178ab941824684acac82d7'
    """
    normal = unicodedata.normalize("NFC", text).strip()
    digest = hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()
    return TEXT_ID_PREFIX + digest[:32]


def canonical_url(url: str) -> str:
    """``url`` as an identity: scheme and host in lower case, no default port, no fragment.

    Returns ``""`` for anything but an absolute ``http``/``https`` URL with a host, which
    cannot name an article (``"n/a"``, ``"/news/1"``, ``"mailto:…"``).

    >>> canonical_url("HTTP://WWW.Example.com:80/News/1#comments")
    'http://www.example.com/News/1'
    >>> canonical_url("/news/1"), canonical_url("n/a")
    ('', '')
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    if parts.username or parts.password:
        return ""  # credentials are no part of an article's name
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def identify(article: Article) -> Article:
    """``article`` with its identity as its ``id`` (see the module docstring)."""
    if article.id:
        return article
    return dataclasses.replace(article, id=canonical_url(article.url) or text_id(article.text))

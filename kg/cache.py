"""The download cache of ``kg fetch``: content-addressed bodies, one metadata file per URL.

Layout of a cache folder::

    CACHE/objects/ab/ab12…ef.html   a body, named by its SHA-256 (.html pages, .rss feeds)
    CACHE/urls/34cd…90.json         what a URL gave: url, final URL, status, type, date, body

A URL is looked up by the SHA-256 of the URL as given, so fetching it again reads the body
from disk and never downloads (unless asked to refresh). Two URLs that gave the same bytes
share one body. Every file is written to a temporary name and renamed, so a fetch killed
mid-way leaves no half-written entry. The bodies are ordinary input files: ``kg build
CACHE/objects`` reads them (without the URLs, which only ``kg fetch`` passes on).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["Cache", "CacheEntry"]


@dataclass(frozen=True)
class CacheEntry:
    """What one URL gave when it was fetched.

    Attributes:
        url: The URL as asked for.
        final_url: The URL after redirects.
        status: The HTTP status (200 for every stored body).
        content_type: The ``Content-Type`` header, as sent.
        kind: ``"html"`` or ``"feed"``: how the body is read.
        fetched: When, as an ISO 8601 UTC date-time.
        sha256: The SHA-256 of the body.
        size: The body's size in bytes.
        path: The body's path, relative to the cache folder.
    """

    url: str
    final_url: str
    status: int
    content_type: str
    kind: str
    fetched: str
    sha256: str
    size: int
    path: str


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Cache:
    """A cache folder (created when first written).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     cache = Cache(Path(tmp))
    ...     entry = cache.put("https://x.org/a", body=b"<html></html>", final_url="https://x.org/a",
    ...                       content_type="text/html", kind="html", fetched="2025-03-05T10:00:00Z")
    ...     cache.get("https://x.org/a") == entry, cache.body_path(entry).read_bytes()
    (True, b'<html></html>')
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        if root.exists() and not root.is_dir():
            raise InputError(f"{root}: the cache must be a folder; give another --cache")

    def _meta_path(self, url: str) -> Path:
        return self.root / "urls" / f"{hashlib.sha256(url.encode()).hexdigest()}.json"

    def get(self, url: str) -> CacheEntry | None:
        """The entry of ``url``, or ``None`` if it was never fetched (or its body is gone)."""
        path = self._meta_path(url)
        try:
            entry = CacheEntry(**json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            raise InputError(
                f"{path}: unreadable cache entry for {url} ({exc}); delete the file to fetch again"
            ) from exc
        if not entry.path.startswith("objects/") or ".." in entry.path.split("/"):
            raise InputError(f"{path}: cache entry points outside the cache; delete the file")
        return entry if self.body_path(entry).is_file() else None

    def put(
        self, url: str, *, body: bytes, final_url: str, content_type: str, kind: str, fetched: str
    ) -> CacheEntry:
        """Store a body and what ``url`` gave; returns the entry."""
        digest = hashlib.sha256(body).hexdigest()
        suffix = ".rss" if kind == "feed" else ".html"
        relative = f"objects/{digest[:2]}/{digest}{suffix}"
        body_path = self.root / relative
        if not body_path.is_file():
            _write_atomic(body_path, body)
        entry = CacheEntry(
            url=url,
            final_url=final_url,
            status=200,
            content_type=content_type,
            kind=kind,
            fetched=fetched,
            sha256=digest,
            size=len(body),
            path=relative,
        )
        _write_atomic(
            self._meta_path(url), json.dumps(asdict(entry), indent=1).encode("utf-8") + b"\n"
        )
        return entry

    def body_path(self, entry: CacheEntry) -> Path:
        """Where the entry's body is on disk."""
        return self.root / entry.path

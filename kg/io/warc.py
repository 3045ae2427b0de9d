"""Web archives (``.warc``, ``.warc.gz``) to articles, streamed record by record.

warcio reads one record at a time from the open file, so memory holds one record's payload
(at most :data:`MAX_RECORD_BYTES`) whatever the archive's size. A ``response`` record with
HTTP status 200 and an HTML content type becomes an article through
:func:`kg.io.html.article_from_html`, with the record's ``WARC-Target-URI`` as its URL and
the page's publication date, else the record's ``WARC-Date``. Every other record (requests,
metadata, redirects, images, revisits, oversized payloads) is counted and passed over.
"""

from __future__ import annotations

import contextlib
import gzip
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..records import Article
from ._decode import RejectedError
from .html import article_from_html

__all__ = ["MAX_RECORD_BYTES", "is_warc_name", "read_warc"]

MAX_RECORD_BYTES = 20 * 1024 * 1024
"""A response payload larger than this is passed over rather than read into memory."""

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_name(name: str) -> bool:
    """Whether a file name is a web archive's (``.warc`` or ``.warc.gz``).

    >>> is_warc_name("CC-NEWS-2024.warc.gz"), is_warc_name("notes.gz")
    (True, False)
    """
    lower = name.lower()
    return lower.endswith((".warc", ".warc.gz"))


def read_warc(
    path: Path, *, warc_id: str, origin: str, passed_over: Counter[str]
) -> Iterator[Article | RejectedError]:
    """Yield an article (or a rejection) per HTML response of the archive, in file order.

    Args:
        path: The archive, plain or gzipped (per record or whole).
        warc_id: The archive's id; an article's id is ``WARC_ID#TARGET_URI``. A URI seen
            again in the same archive (a re-crawl) is passed over: the first capture counts.
        origin: The archive as the user should see it; a record's origin is
            ``ORIGIN@OFFSET`` (the record's byte offset in the uncompressed archive).
        passed_over: Receives a count per kind of record passed over.

    Raises:
        RejectedError: The file is not a web archive (raised while iterating).
    """
    from warcio.archiveiterator import ArchiveIterator  # only when archives are read
    from warcio.exceptions import ArchiveLoadFailed

    seen: set[str] = set()
    try:
        with path.open("rb") as raw, contextlib.ExitStack() as stack:
            # gzip reads per-record members and a whole-file stream alike (warcio's own
            # reader refuses the latter); offsets then count in the uncompressed archive.
            gzipped = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            fh = stack.enter_context(gzip.GzipFile(fileobj=raw)) if gzipped else raw
            records = ArchiveIterator(fh)
            for record in records:
                if record.format != "warc":
                    raise RejectedError(
                        origin, "not a web archive (no WARC record header); give a WARC file"
                    )
                kind = record.rec_type
                if kind != "response":
                    passed_over[f"WARC {kind} records"] += 1
                    continue
                http = record.http_headers
                status = http.get_statuscode() if http is not None else ""
                content_type = (http.get_header("Content-Type") or "") if http is not None else ""
                if status != "200" or not content_type.lower().startswith(_HTML_TYPES):
                    passed_over["WARC responses that are not HTML pages (status 200)"] += 1
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if uri in seen:
                    passed_over["WARC responses for a URI already read"] += 1
                    continue
                payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(payload) > MAX_RECORD_BYTES:
                    passed_over[f"WARC responses over {MAX_RECORD_BYTES // 2**20} MB"] += 1
                    continue
                seen.add(uri)
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10]
                try:
                    yield article_from_html(
                        payload,
                        article_id=f"{warc_id}#{uri}",
                        origin=f"{origin}@{records.get_record_offset()}",
                        url=uri,
                        date=date,
                    )
                except RejectedError as exc:
                    yield exc
    except ArchiveLoadFailed as exc:
        raise RejectedError(
            origin, f"not a web archive ({exc.msg}); give a .warc or .warc.gz file"
        ) from exc
    except OSError as exc:  # includes a gzip stream cut short
        raise RejectedError(origin, f"cannot read web archive ({exc}); check the file") from exc

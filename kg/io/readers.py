"""Read articles from ``.txt``, JSON Lines, HTML, feed and web archive files, and folders.

Inputs:

- a ``.txt`` file is one article: the first non-empty line is the headline, and the text
  is the whole file, headline included, so offsets count from the start of the file. It may
  start with a ``Date:`` header or YAML front matter (:mod:`kg.io._header`), which is read
  for the date, title, URL, source and author and blanked to spaces in the text;
- a ``.jsonl`` file holds one article per line: ``{"id": ..., "text": ..., "title"?: ...,
  "date"?: "YYYY-MM-DD", "url"?: ..., "source"?: ...}``; other keys are ignored;
- an ``.html``/``.htm`` file is one page: its main text and metadata (:mod:`kg.io.html`);
- an ``.rss``, ``.atom`` or (given directly) ``.xml`` file is a feed: one article per entry
  that carries its text (:mod:`kg.io.feeds`);
- a ``.warc``/``.warc.gz`` file is a web archive: one article per HTML response, streamed
  (:mod:`kg.io.warc`);
- a folder stands for every file of those kinds below it (``.xml`` excepted), recursively,
  sorted by path. Hidden files and folders (name starting with ``.``) are left out, and
  symbolic links to folders are not followed.

Feed entries and archive records that are not articles are counted in
:attr:`ReadReport.passed_over`. Articles read from markup are marked ``extracted``: the store
keeps their text, which no input file holds as the offsets count it.

Identity follows :mod:`kg.io.identity`: the JSONL ``id`` (a string, or an integer turned into
a string), else the canonical URL (a page's canonical link, a feed entry's link, an archived
page's target URI, a JSONL ``url``), else a hash of the text; never the file name, so a
renamed folder holds the same articles. An article read twice (the same id and the same
content, e.g. one text in two files) is a duplicate: read once, with a warning. The same id
with another content is an error. Every article records the absolute path of its file.

Text is kept exactly as decoded, except that ``\\r\\n`` and lone ``\\r`` become ``\\n`` and a
UTF-8 byte order mark is dropped; character offsets count in this stored text. Bytes that
are not valid UTF-8 are decoded as cp1252 (else Latin-1) with a warning naming the byte
offset, so one stray byte never costs an article.

Everything streams: files are read one at a time and JSONL line by line, so a 1 GB JSONL
file never sits in memory. Only the set of ids seen (to refuse duplicates) grows.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from ..errors import InputError
from ..records import Article
from ._decode import (
    BOM,
    RejectedError,
    check_control_share,
    check_not_binary,
    decode_text,
    first_line,
    normalize_newlines,
    strip_bom,
)
from ._header import read_header
from ._json import article_from_json
from .dates import to_iso_date
from .feeds import read_feed
from .html import article_from_html
from .identity import identify
from .report import Problem, ReadReport
from .warc import is_warc_name, read_warc

__all__ = ["OnError", "count_inputs", "read_articles"]

OnError = Literal["raise", "skip"]
"""What a bad article does: ``"raise"`` an :class:`~kg.errors.InputError`, or ``"skip"`` it."""

_logger = logging.getLogger(__name__)

_KINDS = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
}
_DIRECT_KINDS = {".xml": "feed"}  # too common in folders to mean "a feed" there
_KIND_NAMES = ".txt, .jsonl, .html, .htm, .rss, .atom, .xml, .warc, .warc.gz"
_FOLDER_KIND_NAMES = ".txt, .jsonl, .html, .htm, .rss, .atom, .warc, .warc.gz"
_HTML_LIMIT = 50 * 1024 * 1024
_SNIFF_BYTES = 8192
_COUNT_LIMIT = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class _Source:
    """One file to read: where it is, how to call it, what it holds, the URL it came from."""

    path: Path
    display: str
    kind: str
    url: str = ""


class _Policy:
    """Routes problems: warnings to the report, errors raised or recorded and skipped."""

    def __init__(self, on_error: OnError, report: ReadReport | None) -> None:
        self.raise_errors = on_error == "raise"
        self.report = report if report is not None else ReadReport()
        # Without a report nobody would see a problem, so log it instead of dropping it.
        self.log = report is None

    def warn(self, origin: str, message: str) -> None:
        self._record(Problem(origin, message, "warning"))

    def reject(self, rejected: RejectedError) -> None:
        if self.raise_errors:
            raise InputError(str(rejected)) from rejected.__cause__
        self.report.skipped += 1
        self._record(Problem(rejected.origin, rejected.message, "error"))

    def _record(self, problem: Problem) -> None:
        if self.log:
            _logger.warning("%s", problem)
        else:
            self.report.problems.append(problem)


def read_articles(
    inputs: Sequence[Path | str] | Path | str,
    *,
    on_error: OnError = "raise",
    report: ReadReport | None = None,
    date: str = "",
    urls: Mapping[Path, str] | None = None,
) -> Iterator[Article]:
    """Read articles from files and folders, lazily, in a deterministic order.

    The inputs are checked before anything is read: every path that does not exist or is
    neither a readable kind of file nor a folder is listed in one :class:`InputError`,
    whatever ``on_error`` says, so a typo fails before a long build starts.

    Args:
        inputs: Files of the kinds in the module doc and folders, in any mix.
        on_error: ``"raise"``: the first bad article raises. ``"skip"``: bad articles are
            skipped, counted and recorded in ``report``.
        report: Receives warnings (encoding fallback, BOM, a file reached twice), skipped
            articles and counts. Without one, problems are logged.
        date: The date (any form :func:`~kg.io.dates.to_iso_date` reads) of every article
            that carries none of its own.
        urls: The URL each of some input files was downloaded from (``kg fetch``): the URL
            of a page that names no canonical one.

    Returns:
        An iterator of articles; a file is opened only when the iterator reaches it.

    Raises:
        InputError: At once, for paths that are missing or not readable inputs; while
            iterating with ``on_error="raise"``, for the first bad article, as
            ``FILE:LINE: problem; how to fix``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "a.txt").write_text("Headline\\n\\nBody text.")
    ...     [(a.title, a.text) for a in read_articles([tmp])]
    [('Headline', 'Headline\\n\\nBody text.')]
    """
    if on_error not in ("raise", "skip"):
        raise InputError(f"Invalid on_error {on_error!r}; valid: 'raise', 'skip'")
    default_date = ""
    if date:
        default_date = to_iso_date(date) or ""
        if not default_date:
            raise InputError(f"Invalid date {date!r}; write it like 2025-03-05")
    policy = _Policy(on_error, report)
    sources = _plan(inputs, policy)
    if urls:
        by_path = {os.path.realpath(p): url for p, url in urls.items()}
        sources = [
            dataclasses.replace(s, url=by_path.get(os.path.realpath(s.path), "")) for s in sources
        ]
    return _iter_articles(sources, policy, default_date)


def count_inputs(inputs: Sequence[Path | str] | Path | str) -> int | None:
    """Estimate the number of articles in ``inputs`` cheaply, for a progress bar.

    Each ``.txt`` and HTML file counts one; JSONL lines are counted by a binary newline
    count, and feed entries by their ``<item``/``<entry`` tags, but only if those files
    together are under 200 MB.

    Returns:
        The estimate, or ``None`` if the files are too large to count quickly, cannot be
        read, or include a web archive (whose pages are known only once read).

    Raises:
        InputError: Paths are missing or not readable inputs, as for :func:`read_articles`.
    """
    sources = _plan(inputs, None)
    if any(s.kind == "warc" for s in sources):
        return None
    counted = [s for s in sources if s.kind in ("jsonl", "feed")]
    total = len(sources) - len(counted)
    try:
        if sum(s.path.stat().st_size for s in counted) >= _COUNT_LIMIT:
            return None
        for source in counted:
            if source.kind == "jsonl":
                total += _count_lines(source.path)
            else:
                data = source.path.read_bytes()
                total += data.count(b"<item") + data.count(b"<entry")
    except OSError:
        return None
    return total


def _count_lines(path: Path) -> int:
    lines = 0
    last = b"\n"
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


# --- planning: which files, in which order, under which ids ------------------------------


def _display(path: Path) -> str:
    """The path as the user should see it: relative to the working directory if inside it."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    try:
        inside = os.path.commonpath([absolute, cwd]) == cwd
    except ValueError:  # another drive on Windows
        inside = False
    shown = os.path.relpath(absolute, cwd) if inside else os.path.normpath(path)
    return PurePath(shown).as_posix()


def _kind(path: Path, *, direct: bool = False) -> str | None:
    if is_warc_name(path.name):
        return "warc"
    suffix = path.suffix.lower()
    return _KINDS.get(suffix) or (_DIRECT_KINDS.get(suffix) if direct else None)


def _walk(folder: Path, bad: list[str]) -> list[tuple[str, ...]]:
    """Relative paths (as parts) of the readable inputs below ``folder``, sorted."""

    def on_error(exc: OSError) -> None:
        bad.append(f"{_display(Path(exc.filename))}: cannot list folder ({exc.strerror})")

    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = Path(dirpath).relative_to(folder)
        for name in filenames:
            path = Path(dirpath, name)
            if not name.startswith(".") and _kind(path) and path.is_file():
                found.append((rel_dir / name).parts)
    found.sort()
    return found


def _plan(inputs: Sequence[Path | str] | Path | str, policy: _Policy | None) -> list[_Source]:
    """Resolve the inputs into files to read, failing at once on every bad path."""
    if isinstance(inputs, str | PurePath):
        inputs = [inputs]
    if not inputs:
        raise InputError(f"No inputs given; give files ({_KIND_NAMES}) or folders holding them")
    bad: list[str] = []
    sources: list[_Source] = []
    first_display: dict[str, str] = {}

    def add(source: _Source) -> None:
        real = os.path.realpath(source.path)
        if real in first_display:
            if policy is not None:
                policy.warn(source.display, f"already read as {first_display[real]}; read once")
            return
        first_display[real] = source.display
        sources.append(source)

    for given in inputs:
        path = Path(given)
        shown = _display(path)
        if path.is_dir():
            parts_list = _walk(path, bad)
            if not parts_list and policy is not None:
                policy.warn(shown, f"no readable files ({_FOLDER_KIND_NAMES}) below this folder")
            for parts in parts_list:
                file = path.joinpath(*parts)
                add(_Source(file, _display(file), _kind(file) or ""))
        elif not path.exists():
            bad.append(f"{shown}: no such file or folder; check the path")
        elif (file_kind := _kind(path, direct=True)) and path.is_file():
            add(_Source(path, shown, file_kind))
        else:
            bad.append(
                f"{shown}: not a readable kind of file, nor a folder; give .txt files (one "
                "article each), .jsonl files (one JSON article per line), HTML pages, feeds "
                f"or web archives ({_KIND_NAMES}), or folders"
            )
    if bad:
        listing = "\n".join(f"  {line}" for line in bad)
        raise InputError(f"{len(bad)} input(s) cannot be read; nothing was read:\n{listing}")
    return sources


# --- reading ------------------------------------------------------------------------------


def _iter_articles(
    sources: list[_Source], policy: _Policy, default_date: str = ""
) -> Iterator[Article]:
    first_seen: dict[str, tuple[str, str]] = {}  # id -> (origin, content hash)
    for source in sources:
        items = _READERS[source.kind](source, policy)
        source_file = os.path.abspath(source.path)
        try:
            for item in items:
                if isinstance(item, RejectedError):
                    policy.reject(item)
                    continue
                if default_date and not item.date:
                    item = dataclasses.replace(item, date=default_date)
                if not item.source_file:
                    item = dataclasses.replace(item, source_file=source_file)
                item = identify(item)
                seen = first_seen.get(item.id)
                if seen is not None and seen[1] == item.content_hash:
                    policy.report.duplicates += 1
                    policy.warn(item.origin, f"duplicate of {seen[0]} (same text); read once")
                    continue
                if seen is not None:
                    policy.reject(
                        RejectedError(
                            item.origin,
                            f"duplicate id {item.id!r} with another text, first seen at "
                            f"{seen[0]}; ids must be unique across all inputs",
                        )
                    )
                    continue
                first_seen[item.id] = (item.origin, item.content_hash)
                policy.report.articles_read += 1
                yield item
        except RejectedError as exc:  # the whole file is unreadable
            policy.reject(exc)


def _read_txt(source: _Source, policy: _Policy) -> Iterator[Article | RejectedError]:
    """One .txt file: one article. Raises :class:`RejectedError` if it cannot be one."""
    origin = source.display
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise RejectedError(origin, f"cannot read file ({exc.strerror}); check it") from exc
    empty = "empty file (no text, or only whitespace); add the article text or remove the file"
    if not data.strip():
        raise RejectedError(origin, empty)
    data, skipped = strip_bom(data, origin, policy.warn)
    check_not_binary(data, origin, offset=skipped)
    text = normalize_newlines(decode_text(data, origin, policy.warn, offset=skipped))
    check_control_share(text, origin)
    header = read_header(text, origin)
    text = header.text
    if not text.strip():
        raise RejectedError(origin, empty)
    yield Article(
        id="",  # its URL or its text (kg.io.identity), never its file name
        text=text,
        title=header.title or first_line(text),
        date=header.date,
        url=header.url or source.url,
        source=header.source,
        author=header.author,
        origin=origin,
    )


def _read_jsonl(source: _Source, policy: _Policy) -> Iterator[Article | RejectedError]:
    """One .jsonl file, line by line: each line gives an article or a rejection.

    Raises :class:`RejectedError` if the file as a whole cannot be read.
    """
    records = 0
    try:
        with source.path.open("rb") as fh:
            check_not_binary(fh.read(_SNIFF_BYTES), source.display)
            fh.seek(0)
            offset = 0
            for lineno, raw in enumerate(fh, start=1):
                start, offset = offset, offset + len(raw)
                if not raw.removeprefix(BOM).strip():
                    continue  # blank lines, such as a final one, are fine
                records += 1
                origin = f"{source.display}:{lineno}"
                item: Article | RejectedError
                try:
                    line, skipped = strip_bom(raw, origin, policy.warn)
                    text = decode_text(line, origin, policy.warn, offset=start + skipped)
                    item = article_from_json(text, origin, policy.warn)
                except RejectedError as exc:
                    item = exc
                yield item
    except OSError as exc:
        raise RejectedError(source.display, f"cannot read file ({exc.strerror}); check it") from exc
    if not records:
        raise RejectedError(
            source.display,
            "empty file (no JSON lines, or only whitespace); add one JSON article per line "
            "or remove the file",
        )


def _read_bytes(source: _Source, what: str) -> bytes:
    """The whole file (an HTML page or a feed), refused over 50 MB."""
    try:
        if source.path.stat().st_size > _HTML_LIMIT:
            raise RejectedError(
                source.display,
                f"{what} of more than {_HTML_LIMIT // 2**20} MB; is it really one? "
                "Remove it or split it",
            )
        data = source.path.read_bytes()
    except OSError as exc:
        raise RejectedError(source.display, f"cannot read file ({exc.strerror}); check it") from exc
    if not data.strip():
        raise RejectedError(source.display, "empty file; remove it")
    return data


def _read_html(source: _Source, policy: _Policy) -> Iterator[Article | RejectedError]:
    """One HTML page: one article. Raises :class:`RejectedError` if it holds no text."""
    data = _read_bytes(source, "an HTML page")
    yield article_from_html(data, article_id="", origin=source.display, base_url=source.url)


def _read_feed(source: _Source, policy: _Policy) -> Iterator[Article | RejectedError]:
    """One feed: an article per entry with text; link-only entries are counted."""
    data = _read_bytes(source, "a feed")
    entries = read_feed(data, feed_id=source.display, origin=source.display)
    if entries.link_only:
        policy.report.passed_over["feed entries with only a link (kg fetch reads them)"] += len(
            entries.link_only
        )
    # An entry is its link or its text (kg.io.identity), not its place in a file.
    yield from (dataclasses.replace(a, id="") for a in entries.articles)


def _read_warc(source: _Source, policy: _Policy) -> Iterator[Article | RejectedError]:
    """One web archive, record by record."""
    records = read_warc(
        source.path,
        warc_id=source.display,
        origin=source.display,
        passed_over=policy.report.passed_over,
    )
    # A page is its URL (the target URI, or its canonical link) or its text (kg.io.identity).
    yield from (
        r if isinstance(r, RejectedError) else dataclasses.replace(r, id="") for r in records
    )


_READERS = {
    "txt": _read_txt,
    "jsonl": _read_jsonl,
    "html": _read_html,
    "feed": _read_feed,
    "warc": _read_warc,
}

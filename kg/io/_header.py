"""The metadata header a ``.txt`` article may start with: ``Date:`` lines or YAML front matter.

Two forms are read, at the very start of the file::

    Date: 2025-03-05            ---
    Title: Talks resume         date: 2025-03-05
    URL: https://x.org/talks    title: "Talks resume"
                                ---
    Talks resume ...            Talks resume ...

A header block is one or more ``Key: value`` lines (keys ``date``, ``title``, ``url``,
``source``, ``author``, any case; the block needs a ``Date:`` line), ended by a blank line.
Front matter sits between two ``---`` lines; only ``key: value`` lines are read from it,
other keys are ignored. The header's characters become spaces (newlines stay) rather than
being cut, so character offsets still count from the start of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._decode import RejectedError
from .dates import to_iso_date

__all__ = ["TextHeader", "read_header"]

_KEYS = ("date", "title", "url", "source", "author")
_FIELD = re.compile(r"([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*")
_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class TextHeader:
    """The fields of a header; ``""`` where absent. ``text`` is the article with it blanked."""

    text: str
    date: str = ""
    title: str = ""
    url: str = ""
    source: str = ""
    author: str = ""


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _blank(text: str, end: int) -> str:
    return re.sub(r"[^\n]", " ", text[:end]) + text[end:]


def _fields(lines: list[str], origin: str, first_line: int) -> dict[str, str]:
    found: dict[str, str] = {}
    for number, line in enumerate(lines, start=first_line):
        match = _FIELD.fullmatch(line)
        if not match:
            continue
        key = match.group(1).lower()
        if key == "publisher":
            key = "source"
        if key in _KEYS and key not in found:
            found[key] = _unquote(match.group(2))
            if key == "date":
                date = to_iso_date(found[key])
                if date is None:
                    raise RejectedError(
                        f"{origin}:{number}",
                        f"bad date {found[key]!r} in the header; write it like 2025-03-05 "
                        "or remove the line",
                    )
                found[key] = date
    return found


def read_header(text: str, origin: str) -> TextHeader:
    """Split off the header of a ``.txt`` article, if it has one.

    Raises:
        RejectedError: The header's date cannot be read, or front matter is never closed.

    >>> h = read_header("Date: 5 March 2025\\nURL: https://x.org/a\\n\\nTalks resume.", "a.txt")
    >>> h.date, h.url, h.text.lstrip()
    ('2025-03-05', 'https://x.org/a', 'Talks resume.')
    >>> read_header("Talks resume: day two.\\n\\nText.", "a.txt").date
    ''
    """
    if _FRONT_OPEN.match(text):
        close = _FRONT_CLOSE.search(text, text.index("\n") + 1)
        if close is None:
            raise RejectedError(
                origin, "front matter opened with '---' on line 1 is never closed; add a '---' line"
            )
        body = text[text.index("\n") + 1 : close.start()]
        fields = _fields(body.split("\n"), origin, 2)
        return TextHeader(text=_blank(text, close.end()), **fields)
    lines = text.split("\n")
    block: list[str] = []
    for line in lines:
        if not line.strip():
            break
        match = _FIELD.fullmatch(line)
        if not match or match.group(1).lower() not in (*_KEYS, "publisher"):
            return TextHeader(text=text)
        block.append(line)
    if not any(_FIELD.fullmatch(line).group(1).lower() == "date" for line in block):  # type: ignore[union-attr]
        return TextHeader(text=text)
    fields = _fields(block, origin, 1)
    end = sum(len(line) + 1 for line in block)
    return TextHeader(text=_blank(text, min(end, len(text))), **fields)

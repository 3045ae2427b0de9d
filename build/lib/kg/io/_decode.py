"""Bytes to article text: BOM, UTF-8 with a cp1252 fallback, binary detection, newlines.

Every function here reports through :class:`RejectedError` (the bytes cannot be an article)
or a ``warn(origin, message)`` callback (they can, with a caveat); the reader decides
what the policy does with either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..errors import InputError

__all__ = [
    "BOM",
    "RejectedError",
    "Warn",
    "check_control_share",
    "check_not_binary",
    "decode_text",
    "first_line",
    "normalize_newlines",
    "strip_bom",
]

Warn = Callable[[str, str], None]
"""``warn(origin, message)``: record a warning and carry on."""

BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte order mark."""
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 controls other than \t \n \v \f \r, DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SNIFF_CHARS = 65_536
_MAX_CONTROL_SHARE = 0.10
_FIRST_LINE = re.compile(r"\S[^\n]*")


class RejectedError(InputError):
    """The input cannot become an article.

    Internal to :mod:`kg.io`: the reader's policy turns it into a plain
    :class:`~kg.errors.InputError` or a recorded :class:`~kg.io.Problem`.

    Args:
        origin: Where (``"a.jsonl:3"``, ``"x.txt"``).
        message: What is wrong and how to fix it.
    """

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


def strip_bom(data: bytes, origin: str, warn: Warn) -> tuple[bytes, int]:
    """Remove a UTF-8 byte order mark, with a warning; reject UTF-16.

    Returns:
        The bytes without the mark and the number of bytes removed (0 or 3).

    Raises:
        RejectedError: The data starts with a UTF-16 byte order mark.
    """
    if data.startswith(BOM):
        warn(origin, "UTF-8 byte order mark (BOM) at the start removed; the text is unchanged")
        return data[len(BOM) :], len(BOM)
    if data.startswith(_UTF16_BOMS):
        raise RejectedError(origin, "the file is UTF-16 encoded; re-save it as UTF-8")
    return data, 0


def check_not_binary(data: bytes, origin: str, *, offset: int = 0) -> None:
    """Reject data holding a NUL byte, which no text file does.

    Args:
        data: The raw bytes.
        origin: Where, for the message.
        offset: Byte offset of ``data`` in its file, so the message points into the file.

    Raises:
        RejectedError: ``data`` holds a NUL byte.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        raise RejectedError(
            origin,
            f"binary file (NUL byte at byte offset {offset + nul}); give UTF-8 text "
            "(a UTF-16 file must be re-saved as UTF-8)",
        )


@cache
def _fallback_table() -> dict[int, str]:
    """Map the surrogate escape of each non-ASCII byte to its cp1252 (else Latin-1) char."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned in cp1252
            char = bytes([byte]).decode("latin-1")
        table[0xDC00 + byte] = char
    return table


def decode_text(data: bytes, origin: str, warn: Warn, *, offset: int = 0) -> str:
    """Decode UTF-8; decode the bytes that are not valid UTF-8 as cp1252, with a warning.

    Only the invalid bytes fall back, so a UTF-8 file with one stray Latin-1 byte keeps its
    UTF-8 characters intact. Bytes cp1252 leaves unassigned fall back to Latin-1.

    Args:
        data: The raw bytes (without BOM).
        origin: Where, for the warning.
        warn: Receives the warning, which names the byte offset of the first invalid byte.
        offset: Byte offset of ``data`` in its file.

    >>> decode_text(b"a \\xa315m fee", "x.txt", lambda o, m: print(o, m, sep=": "))
    x.txt: invalid UTF-8 at byte offset 2 (byte 0xa3); 1 invalid byte decoded as cp1252 ('£'); re-save the file as UTF-8 to silence this
    'a £15m fee'
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    escaped = data.decode("utf-8", "surrogateescape")
    n_bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    text = escaped.translate(_fallback_table())
    sample = bytes([data[first]]).decode("cp1252", "replace")
    count = f"{n_bad} invalid byte{'' if n_bad == 1 else 's'}"
    warn(
        origin,
        f"invalid UTF-8 at byte offset {offset + first} (byte 0x{data[first]:02x}); "
        f"{count} decoded as cp1252 ({sample!r}); re-save the file as UTF-8 to silence this",
    )
    return text


def check_control_share(text: str, origin: str) -> None:
    """Reject text that is mostly control characters: a binary file without NUL bytes.

    Raises:
        RejectedError: More than 10% of the first 64k characters are control characters.
    """
    head = text[:_SNIFF_CHARS]
    if not head:
        return
    share = sum(1 for _ in _CONTROL.finditer(head)) / len(head)
    if share > _MAX_CONTROL_SHARE:
        raise RejectedError(
            origin,
            f"binary file ({share:.0%} of the characters are control characters); "
            "give UTF-8 text files",
        )


def normalize_newlines(text: str) -> str:
    r"""Turn ``\r\n`` and lone ``\r`` into ``\n``, as Python's text mode does.

    Offsets in kg count characters of the normalised text, which is what is stored.

    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def first_line(text: str) -> str:
    """Return the first non-empty line of ``text``, stripped, or ``""``.

    >>> first_line("\\n  Headline here \\n\\nBody.")
    'Headline here'
    """
    match = _FIRST_LINE.search(text)
    return match.group().strip() if match else ""

"""Make untrusted text safe for a terminal and for a spreadsheet.

Article text is untrusted: a name can hold an escape sequence that retitles the terminal or
hides the rest of the line, a right-to-left override that makes ``evil.exe`` read ``exe.live``,
or, in a CSV cell, a formula that a spreadsheet runs (``=HYPERLINK(…)``, ``@SUM(…)``).

:func:`escape_terminal` writes every control and bidi-control character as a visible escape, so
nothing from an article reaches a terminal raw; :func:`neutralise_csv_cell` prefixes a cell that
a spreadsheet would read as a formula with ``'`` (OWASP's advice on CSV injection).

>>> escape_terminal("Ada\\x1b]0;owned\\x07 Lovelace")
'Ada\\\\x1b]0;owned\\\\x07 Lovelace'
>>> neutralise_csv_cell("=1+1")
"'=1+1"
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["escape_terminal", "escape_unicode", "neutralise_csv_cell", "neutralise_csv_row"]

# C0 controls, DEL, C1 controls; the bidi marks, embeddings, overrides and isolates
# (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069); the line and paragraph separators
# (some terminals break lines on them); and lone surrogates (a file name that is not UTF-8,
# decoded with surrogateescape), which cannot be written to a UTF-8 stream at all.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
# What a spreadsheet reads as the start of a formula (OWASP: = + - @ tab carriage return).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number starts with + or - too, and no spreadsheet runs it.
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_terminal(text: str, *, keep: str = "") -> str:
    """``text`` with every control and bidi-control character written as an escape.

    C0 and C1 controls and DEL become ``\\xNN``; bidi controls, line and paragraph separators
    and lone surrogates become ``\\uNNNN``. Everything else, accents and scripts included,
    passes unchanged.

    Args:
        text: Untrusted text, e.g. a name or a sentence from an article.
        keep: Characters to pass through as they are, e.g. ``"\\n"`` for a message of
            several lines that kg itself laid out.

    >>> escape_terminal("caf\\u00e9 \\u202eexe.live")
    'café \\\\u202eexe.live'
    >>> escape_terminal("two\\nlines\\ttab", keep="\\n")
    'two\\nlines\\\\x09tab'
    """
    if keep:
        return _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _escape(m), text)
    return _UNSAFE.sub(_escape, text)


def escape_unicode(text: str, *, keep: str = "\n\t") -> str:
    """Serialized JSON, Turtle, N-Triples or SPARQL TSV, the same characters as ``\\uNNNN``.

    These syntaxes only hold such characters inside strings and IRIs, where ``\\uNNNN`` is a
    valid escape for the very same character: the data does not change, and no terminal
    sees a raw control character. Line breaks and tabs that lay the text out are kept.

    >>> escape_unicode('{"name": "Ada\u202e"}')
    '{"name": "Ada\\\\u202e"}'
    """
    return _UNSAFE.sub(lambda m: m[0] if m[0] in keep else f"\\u{ord(m[0]):04x}", text)


def neutralise_csv_cell(text: str) -> str:
    """``text`` prefixed with ``'`` if a spreadsheet would read it as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed
    (OWASP, "CSV Injection"); a plain number such as ``-3.5`` is left as it is.

    >>> neutralise_csv_cell("@SUM(A1:A9)"), neutralise_csv_cell("-3.5"), neutralise_csv_cell("Ada")
    ("'@SUM(A1:A9)", '-3.5', 'Ada')
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def neutralise_csv_row(cells: Iterable[object]) -> list[str]:
    """Every cell of a row as a string, through :func:`neutralise_csv_cell` (``None`` is ``""``).

    >>> neutralise_csv_row(["=cmd", 3, None])
    ["'=cmd", '3', '']
    """
    return [neutralise_csv_cell("" if cell is None else str(cell)) for cell in cells]

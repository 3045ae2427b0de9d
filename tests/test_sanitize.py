"""Untrusted text made safe for terminals and spreadsheets (kg.sanitize)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.sanitize import escape_terminal, neutralise_csv_cell, neutralise_csv_row

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _is_unsafe(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in BIDI_CONTROLS


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_escape_terminal_leaves_no_control_or_bidi_character(text: str) -> None:
    escaped = escape_terminal(text)
    assert not any(_is_unsafe(c) for c in escaped)
    escaped.encode("utf-8")  # no lone surrogate left


@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_escape_terminal_keeps_ordinary_text(text: str) -> None:
    text = "".join(c for c in text if c not in BIDI_CONTROLS)
    assert escape_terminal(text) == text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("\x9b31m", "\\x9b31m"),
        ("bell\x07", "bell\\x07"),
        ("del\x7f", "del\\x7f"),
        ("nul\x00", "nul\\x00"),
        ("\u202egnp.exe", "\\u202egnp.exe"),
        ("\u2067isolate\u2069", "\\u2067isolate\\u2069"),
        ("line\u2028sep", "line\\u2028sep"),
        ("bad\udcffname", "bad\\udcffname"),
        ("a\r\nb", "a\\x0d\\x0ab"),
        ("Zoë Ödön café 東京", "Zoë Ödön café 東京"),
    ],
)
def test_escape_terminal_cases(raw: str, shown: str) -> None:
    assert escape_terminal(raw) == shown


def test_escape_terminal_keeps_only_what_it_is_told() -> None:
    assert escape_terminal("a\nb\x1b", keep="\n") == "a\nb\\x1b"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3.5", "-3.5"),
        ("+7", "+7"),
        ("1e-3", "1e-3"),
        ("Ada = genius", "Ada = genius"),
        ("", ""),
    ],
)
def test_neutralise_csv_cell(cell: str, safe: str) -> None:
    assert neutralise_csv_cell(cell) == safe


@given(st.text())
def test_neutralised_cell_never_starts_a_formula(text: str) -> None:
    cell = neutralise_csv_cell(text)
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        float(cell)  # only a plain number may keep such a start
    assert cell in (text, "'" + text)


def test_neutralise_csv_row() -> None:
    assert neutralise_csv_row(["=a", None, 2, "b"]) == ["'=a", "", "2", "b"]

"""One JSON Lines record to an :class:`~kg.records.Article`, every field validated."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from ..records import Article
from ._decode import RejectedError, Warn, first_line, normalize_newlines

__all__ = ["article_from_json"]

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ID_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "an object",
}
_LINE_SHAPE = """each line must be one JSON object, e.g. {"id": "a1", "text": "..."}"""


def article_from_json(line: str, origin: str, warn: Warn) -> Article:
    r"""Parse one JSONL line into an article.

    Args:
        line: The decoded line.
        origin: ``"FILE:LINE"``, for messages and :attr:`Article.origin`.
        warn: Receives warnings (unpaired surrogates replaced).

    Raises:
        RejectedError: The line is not a JSON object with a usable ``id`` and ``text``, or a
            field has the wrong type, or the date is not ``YYYY-MM-DD``.

    >>> article_from_json('{"id": 7, "text": "Head\\nBody", "date": "2005-03-14"}', "a.jsonl:1", print)
    Article(id='7', text='Head\nBody', title='Head', date='2005-03-14', url='', source='', origin='a.jsonl:1', author='', extracted=False, source_file='')
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RejectedError(
            origin, f"malformed JSON at column {exc.colno}: {exc.msg}; {_LINE_SHAPE}"
        ) from exc
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        raise RejectedError(origin, f"malformed JSON ({exc}); {_LINE_SHAPE}") from exc
    if not isinstance(record, dict):
        raise RejectedError(
            origin, f"expected a JSON object, got {_json_type(record)}; {_LINE_SHAPE}"
        )

    raw_id = record.get("id")
    article_id = ""  # without an id, the URL or the text is the identity (kg.io.identity)
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        raise RejectedError(
            origin,
            f"'id' must be a string or an integer, got {_json_type(raw_id)} {_short(raw_id)}; "
            "give every line a unique string or integer 'id'",
        )
    if raw_id is not None:
        article_id = _clean(str(raw_id), origin, "id", warn)
        if not article_id.strip():
            raise RejectedError(
                origin, "empty 'id'; give a unique, non-empty 'id', or leave it out"
            )
        if _ID_CONTROL.search(article_id):
            raise RejectedError(origin, f"'id' {article_id!r} holds a control character; remove it")

    raw_text = record.get("text")
    if raw_text is None:
        raise RejectedError(origin, "missing 'text'; give the article text as a string")
    if not isinstance(raw_text, str):
        raise RejectedError(
            origin,
            f"'text' must be a string, got {_json_type(raw_text)}; give the text as a JSON string",
        )
    text = normalize_newlines(_clean(raw_text, origin, "text", warn))
    if not text.strip():
        raise RejectedError(
            origin, "empty 'text' (only whitespace); give the text or drop the line"
        )

    title = normalize_newlines(_optional(record, "title", origin, warn)) or first_line(text)
    return Article(
        id=article_id,
        text=text,
        title=title,
        date=_date(record.get("date"), origin),
        url=_optional(record, "url", origin, warn),
        source=_optional(record, "source", origin, warn),
        origin=origin,
    )


def _optional(record: dict[str, Any], key: str, origin: str, warn: Warn) -> str:
    """An optional string field, stripped; ``""`` if absent or null."""
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RejectedError(
            origin,
            f"'{key}' must be a string, got {_json_type(value)}; "
            "give a JSON string or leave it out",
        )
    return _clean(value, origin, key, warn).strip()


def _date(value: Any, origin: str) -> str:
    """A date normalised to ``YYYY-MM-DD``; ``""`` if absent, null or empty."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise RejectedError(
        origin,
        f"bad 'date' {_short(value)} (not a date as YYYY-MM-DD); write it like '2005-03-14' "
        "or leave it out",
    )


def _clean(value: str, origin: str, key: str, warn: Warn) -> str:
    """Replace unpaired surrogates (valid JSON escapes, but not Unicode text) with U+FFFD."""
    if not _SURROGATE.search(value):
        return value
    warn(origin, f"'{key}' holds unpaired surrogate escapes; replaced with U+FFFD")
    return _SURROGATE.sub("\ufffd", value)


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

"""Dates as articles carry them: any common written form to ``YYYY-MM-DD``.

One function, :func:`to_iso_date`, serves the ``Date:`` header of ``.txt`` files, ``--date``
and WARC record dates, so every input understands the same forms.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["to_iso_date"]

_DEFAULT = dt.datetime(2000, 1, 1)


def to_iso_date(value: str) -> str | None:
    """The date ``value`` names as ``YYYY-MM-DD``, or ``None`` if it names none.

    ISO 8601 dates and date-times are read as they are (a date-time's own day, whatever its
    offset); other forms (``3 March 2025``, ``Mon, 03 Mar 2025 10:00:00 GMT``) through
    dateutil, which must find a year, a month and a day.

    >>> to_iso_date("2025-03-05"), to_iso_date("2025-03-05T23:30:00-05:00")
    ('2025-03-05', '2025-03-05')
    >>> to_iso_date("Mon, 03 Mar 2025 10:00:00 GMT"), to_iso_date("5 March 2025")
    ('2025-03-03', '2025-03-05')
    >>> to_iso_date("March 2025") is None, to_iso_date("soon") is None
    (True, True)
    """
    text = value.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    from dateutil import parser  # installed with htmldate

    try:
        # Two different defaults: a field dateutil filled in differs between the two parses.
        first = parser.parse(text, default=_DEFAULT, fuzzy=False)
        second = parser.parse(text, default=dt.datetime(2001, 2, 2), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    day: dt.date = first.date()
    return day.isoformat() if day == second.date() else None

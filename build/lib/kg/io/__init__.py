"""Input: turn ``.txt`` files, folders and JSON Lines files into :class:`~kg.records.Article`.

>>> from kg.io import ReadReport, read_articles
>>> report = ReadReport()
>>> articles = read_articles(["corpus/bbc"], on_error="skip", report=report)  # doctest: +SKIP
>>> report.summary()  # doctest: +SKIP
'2,209 articles read, 0 skipped, 1 warning'
"""

from __future__ import annotations

from .readers import OnError, count_inputs, read_articles
from .report import Problem, ProblemKind, ReadReport

__all__ = ["OnError", "Problem", "ProblemKind", "ReadReport", "count_inputs", "read_articles"]

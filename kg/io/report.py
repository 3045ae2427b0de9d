"""What happened while reading the inputs: problems found, articles read and skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Problem", "ProblemKind", "ReadReport"]

ProblemKind = Literal["error", "warning"]
"""``"error"``: the article (or file) was not read. ``"warning"``: it was, with a caveat."""


@dataclass(frozen=True)
class Problem:
    """One problem with the input.

    Attributes:
        origin: Where: ``"a.jsonl:12"`` for a JSONL line, ``"seeds/x.txt"`` for a file.
        message: What is wrong and how to fix it.
        kind: ``"error"`` if the article was skipped, ``"warning"`` if it was read anyway.

    >>> str(Problem("a.jsonl:3", "missing 'text'"))
    "a.jsonl:3: missing 'text'"
    """

    origin: str
    message: str
    kind: ProblemKind = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@dataclass
class ReadReport:
    """Collects the problems of one reading run; pass one to :func:`kg.io.read_articles`.

    Attributes:
        problems: Errors (skipped articles, with ``on_error="skip"``) and warnings, in order.
        articles_read: Articles yielded.
        skipped: Articles skipped because of an error (a file that cannot be read at all
            counts as one).
        duplicates: Articles read a second time (the same id and content, e.g. one text in
            two files), left out with a warning.
        passed_over: Items of the input that are not articles, by kind, such as web
            archive requests or feed entries with only a link; not errors.

    >>> report = ReadReport(articles_read=2209, skipped=1)
    >>> report.problems.append(Problem("bbc/sport/199.txt", "invalid UTF-8", "warning"))
    >>> report.summary()
    '2,209 articles read, 1 skipped, 1 warning'
    """

    problems: list[Problem] = field(default_factory=list)
    articles_read: int = 0
    skipped: int = 0
    duplicates: int = 0
    passed_over: Counter[str] = field(default_factory=Counter)

    @property
    def errors(self) -> list[Problem]:
        """The problems of kind ``"error"``."""
        return [p for p in self.problems if p.kind == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems of kind ``"warning"``."""
        return [p for p in self.problems if p.kind == "warning"]

    def summary(self) -> str:
        """One line for humans: counts of articles read, skipped and warnings."""
        parts = [f"{_plural(self.articles_read, 'article')} read", f"{self.skipped:,} skipped"]
        if self.duplicates:
            parts.append(_plural(self.duplicates, "duplicate"))
        n_warnings = len(self.warnings)
        if n_warnings:
            parts.append(_plural(n_warnings, "warning"))
        passed = sum(self.passed_over.values())
        if passed:
            parts.append(f"{passed:,} passed over (not articles)")
        return ", ".join(parts)

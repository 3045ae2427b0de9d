"""An optional record of why extraction found what it found, for ``kg explain``.

The extraction code calls a :class:`Trace` only when one is given (``None`` by default, at
no cost otherwise). A trace holds plain strings and ints, never spaCy objects:

- :class:`MentionStep`: what one mention pass did to one span (added, retyped, dropped);
- :class:`RuleMatch`: a rule that matched and the triple it proposed;
- :class:`RuleRejection`: a rule that matched and the check of the relation builder that
  kept its match out of the graph.
"""

from __future__ import annotations

import inspect
import linecache
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import CodeType, FrameType
from typing import Any

__all__ = ["MentionStep", "RuleMatch", "RuleRejection", "Trace", "trace_passes", "traced_add"]


@dataclass(frozen=True)
class MentionStep:
    """What one mention pass did to one span: ``added``, ``retyped``, ``renamed`` or
    ``dropped`` (``not kept``: an NER span the clean passes did not keep)."""

    pass_name: str
    action: str
    start: int
    end: int
    text: str
    ner_label: str
    label: str
    before: str = ""
    """The class before a ``retyped`` step, the text before a ``renamed`` one."""


@dataclass(frozen=True)
class RuleMatch:
    """A rule that matched and the triple it proposed."""

    rule: str
    text: str
    subject: str
    predicate: str
    object: str
    status: str
    confidence: float


@dataclass(frozen=True)
class RuleRejection:
    """A rule that matched, and the check that kept its match out of the graph."""

    rule: str
    text: str
    check: str
    reason: str


@dataclass
class Trace:
    """Collects mention steps, matches and rejections while one text is extracted."""

    mentions: list[MentionStep] = field(default_factory=list)
    matches: list[RuleMatch] = field(default_factory=list)
    rejections: list[RuleRejection] = field(default_factory=list)

    def mention(
        self,
        pass_name: str,
        action: str,
        span: tuple[int, int, str],
        ner_label: str,
        label: str,
        before: str = "",
    ) -> None:
        """Record what pass ``pass_name`` did to the span ``(start, end, text)``."""
        start, end, text = span
        self.mentions.append(
            MentionStep(pass_name, action, start, end, text, ner_label, label, before)
        )

    def matched(self, match: RuleMatch) -> None:
        """Record a rule match that gave a triple."""
        self.matches.append(match)

    def rejected(self, rule: str, text: str, check: str, reason: str) -> None:
        """Record a rule match that ``check`` turned down, and why."""
        self.rejections.append(RuleRejection(rule, text, check, reason))


def trace_passes(trace: Trace, name: str, before: list[Any], after: list[Any]) -> None:
    """Record what one mention pass changed: spans added, retyped, renamed or dropped."""
    old = {(m.start, m.end): m for m in before}
    new = {(m.start, m.end): m for m in after}
    for key, m in new.items():
        span = (m.start, m.end, m.text)
        if key not in old:
            trace.mention(name, "added", span, m.ner_label, m.label)
        elif old[key].label != m.label:
            trace.mention(name, "retyped", span, m.ner_label, m.label, old[key].label)
        elif old[key].text != m.text:
            trace.mention(name, "renamed", span, m.ner_label, m.label, old[key].text)
    for key, m in old.items():
        if key not in new:
            trace.mention(name, "dropped", (m.start, m.end, m.text), m.ner_label, m.label)


@contextmanager
def _returns_of(code: CodeType) -> Iterator[list[int]]:
    """The line numbers at which the first call of ``code`` returns, while tracing.

    ``kg explain`` learns which check of the relation builder refused a match from the
    line it returned at, so the checks need no hook of their own (only explaining pays).
    """
    lines: list[int] = []
    started = [False]

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "return":
            lines.append(frame.f_lineno)
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "call" and frame.f_code is code and not started[0]:
            started[0] = True
            return local
        return None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        yield lines
    finally:
        sys.settrace(old)


def check_at(code: CodeType, line: int) -> tuple[str, str]:
    """The check a ``return`` at ``line`` of ``code`` stands for: the condition of the ``if``
    it ends, and the comment that explains it (else the condition itself)."""
    filename = code.co_filename
    text = linecache.getline(filename, line)
    comment = text.partition("#")[2].strip()
    indent = len(text) - len(text.lstrip())
    condition: list[str] = []
    for number in range(line - 1, code.co_firstlineno, -1):
        above = linecache.getline(filename, number)
        if not above.strip():
            continue
        depth = len(above) - len(above.lstrip())
        if depth < indent:
            stripped = above.strip()
            condition.insert(0, stripped)
            if stripped.startswith(("if ", "elif ", "if(")):
                break
            indent = depth + 1
        elif condition:
            condition.insert(0, above.strip())
    check = " ".join(" ".join(condition).split()).removesuffix(":")
    if "#" in check:
        comment = comment or check.partition("#")[2].strip()
        check = check.partition("#")[0].strip().removesuffix(":")
    return check, comment or check


def traced_add(builder: Any, rule: Any, roles: dict[str, list[int]], trace: Trace) -> None:
    """Run ``builder.add(rule, roles)`` and record the triples it made, or the check that
    refused the match (read from the line ``add`` returned at)."""
    doc = builder.doc
    tokens = [i for ids in roles.values() for i in ids]
    text = doc[min(tokens) : max(tokens) + 1].text if tokens else ""
    before = dict(builder.triples)
    code = type(builder).add.__code__
    with _returns_of(code) as lines:
        builder.add(rule, roles)
    made = [t for key, t in builder.triples.items() if before.get(key) is not t]
    for t in made:
        ev = t.evidence
        trace.matched(
            RuleMatch(
                ev.rule, text, t.subject.name, t.predicate, t.object.name, ev.status, ev.confidence
            )
        )
    if made:
        return
    check, reason = check_at(code, lines[-1]) if lines else ("", "")
    if not check.startswith(("if", "elif")):
        check, reason = "same fact", "an earlier match gave this fact with as much confidence"
    elif reason == check:  # no comment: the docstrings of the checks it calls say why
        docs = [_first_line(_function(builder, name)) for name in _CALLS.findall(check)]
        reason = " ".join(d for d in docs if d) or _none_when(builder, check) or reason
    trace.rejected(rule.id, text, check, reason)


_CALLS = re.compile(r"(\w+)\(")


def _function(builder: Any, name: str) -> Any:
    """The method of ``builder`` (or of its ``reading``) or the function its ``add`` calls
    by ``name``; None for any other name."""
    for owner in (builder, getattr(builder, "reading", None)):
        found = getattr(owner, name, None)
        if callable(found):
            return found
    return type(builder).add.__globals__.get(name)


def _none_when(builder: Any, check: str) -> str:
    """For ``if x is None``: what the docstring of the method that gave ``x`` says about None."""
    var = re.match(r"(?:el)?if (\w+) is None", check)
    if not var:
        return ""
    source = inspect.getsource(type(builder).add)
    call = re.search(rf"\b{var.group(1)} = (?:self\.)?(\w+)\(", source)
    doc = (
        " ".join((getattr(_function(builder, call.group(1)), "__doc__", None) or "").split())
        if call
        else ""
    )
    found = re.search(r"None when [^.]*\.", doc)
    return found.group(0) if found else ""


def _first_line(method: Any) -> str:
    """The first sentence of a method's docstring, on one line."""
    doc = " ".join((getattr(method, "__doc__", None) or "").split())
    return doc.split(". ")[0].rstrip(".") + "." if doc else ""

"""An optional record of why extraction found what it found, for ``kg explain``.

The extraction code calls a :class:`Trace` only when one is given (``None`` by default, at
no cost otherwise). A trace holds plain strings and ints, never spaCy objects:

- :class:`MentionStep`: what one mention pass did to one span (added, retyped, dropped);
- :class:`RuleMatch`: a rule that matched and the triple it proposed;
- :class:`RuleRejection`: a rule that matched and the check of the relation builder that
  kept its match out of the graph (by its name, :class:`~kg.extract.relations.refusals.Refusal`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["MentionStep", "RuleMatch", "RuleRejection", "Trace", "trace_passes"]


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
    """The name of the check (``schemas/rules/README.md`` lists them)."""
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

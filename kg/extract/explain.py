"""Why extraction found what it found in one text: the data behind ``kg explain``.

:func:`explain` runs the pipeline over one article with a :class:`~kg.extract.trace.Trace`
and returns plain records: each mention and what the passes did to it, the entities, every
rule that matched with the triple it proposed, and every check that refused a match.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..names import normalize_name
from ..records import Article
from .pipeline import COMPONENT, Extractor, graph_from_doc
from .trace import MentionStep, RuleMatch, RuleRejection, Trace

__all__ = ["Explanation", "MentionHistory", "explain"]


@dataclass(frozen=True)
class MentionHistory:
    """One span that NER or a mention pass found, its final class and the steps that made it."""

    start: int
    end: int
    text: str
    ner_label: str
    label: str
    """The final class, or ``""`` when the span was dropped."""
    steps: tuple[MentionStep, ...]


@dataclass(frozen=True)
class ExplainedEntity:
    name: str
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Everything :func:`explain` found, as plain data."""

    article: str
    mentions: tuple[MentionHistory, ...]
    entities: tuple[ExplainedEntity, ...]
    matches: tuple[RuleMatch, ...]
    rejections: tuple[RuleRejection, ...]
    triples: tuple[tuple[str, str, str, str, str], ...]
    """Subject, predicate, object, status and rule of each triple the graph gets."""

    def about(self, name: str) -> Explanation:
        """Only what concerns the entity named (or aliased) ``name``."""
        key = normalize_name(name)
        chosen = [
            e for e in self.entities if key in {normalize_name(n) for n in (e.name, *e.aliases)}
        ] or [  # else every entity with these words in its name ("Bessent")
            e for e in self.entities if set(key.split()) <= set(normalize_name(e.name).split())
        ]
        names = {normalize_name(n) for e in chosen for n in (e.name, *e.aliases)} or {key}

        def mentions(text: str) -> bool:
            norm = normalize_name(text)
            return any(n and n in norm for n in names)

        return Explanation(
            self.article,
            tuple(m for m in self.mentions if normalize_name(m.text) in names),
            tuple(chosen),
            tuple(
                m
                for m in self.matches
                if normalize_name(m.subject) in names or normalize_name(m.object) in names
            ),
            tuple(r for r in self.rejections if mentions(r.text)),
            tuple(
                t
                for t in self.triples
                if normalize_name(t[0]) in names or normalize_name(t[2]) in names
            ),
        )

    def as_json(self) -> dict[str, Any]:
        """The explanation as JSON-ready data."""
        return {
            "article": self.article,
            "mentions": [
                {**asdict(m), "steps": [asdict(s) for s in m.steps]} for m in self.mentions
            ],
            "entities": [asdict(e) for e in self.entities],
            "matches": [asdict(m) for m in self.matches],
            "rejections": [asdict(r) for r in self.rejections],
            "triples": [
                dict(zip(("subject", "predicate", "object", "status", "rule"), t, strict=True))
                for t in self.triples
            ],
        }


def explain(extractor: Extractor, article: Article) -> Explanation:
    """Extract ``article`` once more, recording why each mention, match and triple is there."""
    nlp = extractor.nlp
    with nlp.select_pipes(disable=[COMPONENT]):
        doc = nlp(extractor._input(article))
    trace = Trace()
    ner = [(e.start, e.end, e.text, e.label_) for e in doc.ents]
    extractor.component(doc, trace)
    graph = graph_from_doc(article, doc)
    return Explanation(
        article.id,
        _histories(trace, ner),
        tuple(ExplainedEntity(e.name, e.label, e.aliases) for e in graph.entities),
        tuple(trace.matches),
        tuple(trace.rejections),
        tuple(
            (t.subject.name, t.predicate, t.object.name, t.evidence.status, t.evidence.rule)
            for t in graph.triples
        ),
    )


def _histories(trace: Trace, ner: list[tuple[int, int, str, str]]) -> tuple[MentionHistory, ...]:
    """Each span's steps, in text order; NER spans no pass kept count as dropped by clean."""
    steps: dict[tuple[int, int], list[MentionStep]] = {}
    for step in trace.mentions:
        steps.setdefault((step.start, step.end), []).append(step)
    kept = [(s.start, s.end, s.text) for s in trace.mentions if s.action == "added"]
    for start, end, text, label in ner:
        if (start, end) not in steps:
            inside = [t for s, e, t in kept if start <= s and e <= end]
            action = f"not kept (cleaned to {inside[0]!r})" if inside else "not kept"
            steps[(start, end)] = [MentionStep("clean", action, start, end, text, label, "")]
    histories = []
    for (start, end), found in sorted(steps.items()):
        last = found[-1]
        final = "" if last.action == "dropped" or last.action.startswith("not kept") else last.label
        histories.append(
            MentionHistory(start, end, last.text, found[0].ner_label, final, tuple(found))
        )
    return tuple(histories)

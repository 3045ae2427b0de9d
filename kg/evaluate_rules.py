"""Run each rule's example sentence and check that it gives the rule's ``expect`` triple."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .extract import Extractor
from .nlp import load_pipeline
from .records import Article

__all__ = ["check_examples"]


def check_examples(rules: Iterable[Path] = (), *, model: str | None = None) -> list[str]:
    """Messages for every rule whose example does not give its expected triple."""
    extractor = Extractor(load_pipeline(model), rules=rules)
    failures = []
    for rule in extractor.ruleset.rules:
        graph = extractor.extract(Article(rule.id, rule.example))
        got = {
            (t.subject.name, t.predicate, t.object.name)
            for t in graph.triples
            if t.evidence.status == (rule.status or "current")
        }
        if tuple(rule.expect) not in got:
            failures.append(
                f"{rule.origin}: example gave {sorted(got) or 'nothing'}, expected {list(rule.expect)}"
            )
    return failures

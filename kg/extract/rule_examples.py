"""Run each rule's example sentence and check that it gives the rule's ``expect`` triple.

Used by ``kg rules check`` and the test suite; it lives beside the rules it checks
(:mod:`kg.extract.rules`) and needs the statistical pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..names import normalize_name
from ..nlp import load_pipeline
from ..records import Article
from .pipeline import Extractor

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
        # Names compare as entity names do (case, "the", punctuation): a dateline's
        # "HOUSTON" is the entity Houston.
        keys = {(normalize_name(s), p, normalize_name(o)) for s, p, o in got}
        subject, predicate, obj = rule.expect
        if (normalize_name(subject), predicate, normalize_name(obj)) not in keys:
            failures.append(
                f"{rule.origin}: example gave {sorted(got) or 'nothing'}, expected {list(rule.expect)}"
            )
    return failures

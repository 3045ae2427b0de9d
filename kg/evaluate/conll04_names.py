"""Typed names on CoNLL04: which people, organizations and places a system names in each
sentence, scored per class against the gold entities (the stand-in for CoNLL-2003's
typed-name F1, which is not on this machine).

Each sentence is a document. Its gold names are its distinct ``Peop``/``Org``/``Loc``
entities, as ``Person``/``Organization``/``Place`` (:data:`GOLD_CLASSES`). A predicted
entity is a class and the forms it is written in (kg: an entity of the sentence's graph,
its canonical name and aliases; raw spaCy: one entity span). Per class:

- a predicted entity is **correct** when one of its forms is a gold name of that class;
- a gold name is **found** when it is a form of a predicted entity of that class.

So kg's one entity for "U.S." and "United States" finds both gold names and counts once
as a prediction; two spaCy spans for them are two predictions. ``Other`` (dates,
nationalities, events, works) is no gold class: a predicted person, organization or place
that is an ``Other`` entity is a false positive, as a MISC name typed ORG is wrong in
CoNLL-2003; those are counted apart (:attr:`NameScores.on_other`). Strict matching compares
:func:`~kg.evaluate.conll04.normalize_conll` forms; relaxed matching lets boundaries differ
(:func:`~kg.evaluate.conll04.relaxed_equal`: "President Kennedy" for "Kennedy").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import EvaluationError
from ..records import ENTITY_CLASSES
from .conll04 import ConllSentence, normalize_conll, relaxed_equal
from .metrics import Score

__all__ = [
    "GOLD_CLASSES",
    "SPACY_CLASSES",
    "NamePrediction",
    "NameScores",
    "score_names",
]

GOLD_CLASSES = {"Peop": "Person", "Org": "Organization", "Loc": "Place"}
"""CoNLL04 entity types → kg classes; ``Other`` is no class."""

SPACY_CLASSES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}
"""spaCy labels → kg classes for the raw-spaCy baseline: the mapping kg's own mentions
start from. NORP (nationalities, "Soviet", "Americans") is left out: CoNLL04 mostly writes
those as ``Other``, so typing them as places costs the baseline precision (dev: see
``bench/README.md``)."""


@dataclass(frozen=True)
class NamePrediction:
    """An entity a system found in a sentence.

    Attributes:
        cls: ``Person``, ``Organization`` or ``Place``.
        forms: The names it is written as (the first is shown in reports).
    """

    cls: str
    forms: tuple[str, ...]


@dataclass
class NameScores:
    """Typed-name scores of one system on a CoNLL04 file.

    Attributes:
        system: What made the predictions ("kg", "spaCy").
        strict: Per class, forms equal to the gold names.
        relaxed: Per class, boundaries may differ.
        on_other: Per class, predictions (strictly wrong) that are a gold ``Other`` entity.
        wrong_class: Per class, predictions (strictly wrong) that are a gold name of another class.
        errors: The first strictly wrong predictions and missed gold names, for error
            analysis: ``(sentence, "wrong"|"missed", class, name, why)``.
    """

    system: str = ""
    strict: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in ENTITY_CLASSES})
    relaxed: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in ENTITY_CLASSES})
    on_other: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITY_CLASSES, 0))
    wrong_class: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITY_CLASSES, 0))
    errors: list[tuple[int, str, str, str, str]] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        """Strict counts of the three classes added up."""
        return sum(self.strict.values(), Score())

    @property
    def relaxed_micro(self) -> Score:
        """Relaxed counts of the three classes added up."""
        return sum(self.relaxed.values(), Score())

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "system": self.system,
            "strict": {c: s.to_dict() for c, s in self.strict.items()},
            "micro": self.micro.to_dict(),
            "relaxed": {c: s.to_dict() for c, s in self.relaxed.items()},
            "relaxed_micro": self.relaxed_micro.to_dict(),
            "on_other": dict(self.on_other),
            "wrong_class": dict(self.wrong_class),
            "errors": [list(e) for e in self.errors],
        }


def _strict(gold: str, forms: Iterable[str]) -> bool:
    return normalize_conll(gold) in {normalize_conll(f) for f in forms}


def _relaxed(gold: str, forms: Iterable[str]) -> bool:
    return any(relaxed_equal(gold, f) for f in forms)


def _count(
    index: int,
    gold: dict[str, set[str]],
    others: set[str],
    predicted: Sequence[NamePrediction],
    same: Callable[[str, Iterable[str]], bool],
    scores: dict[str, Score],
    diagnose: NameScores | None,
    examples: int = 0,
) -> None:
    for cls in ENTITY_CLASSES:
        mine = [p for p in predicted if p.cls == cls]
        names = gold.get(cls, set())
        correct = 0
        for p in mine:
            if any(same(g, p.forms) for g in names):
                correct += 1
            elif diagnose is not None:
                why = "not a gold name"
                if any(same(g, p.forms) for g in others):
                    diagnose.on_other[cls] += 1
                    why = "gold Other"
                elif kinds := [
                    c for c, gs in gold.items() if c != cls for g in gs if same(g, p.forms)
                ]:
                    diagnose.wrong_class[cls] += 1
                    why = f"gold {kinds[0]}"
                if len(diagnose.errors) < examples:
                    diagnose.errors.append((index, "wrong", cls, " | ".join(p.forms), why))
        missed = [g for g in names if not any(same(g, p.forms) for p in mine)]
        found = len(names) - len(missed)
        if diagnose is not None:
            for g in missed[: max(0, examples - len(diagnose.errors))]:
                diagnose.errors.append((index, "missed", cls, g, ""))
        scores[cls] += Score(len(mine), correct, len(names), found)


def score_names(
    sentences: Sequence[ConllSentence],
    predictions: Sequence[Iterable[NamePrediction]],
    *,
    system: str = "",
    examples: int = 0,
) -> NameScores:
    """Score the entities predicted in each sentence against its gold names, per class.

    Raises:
        EvaluationError: ``predictions`` and ``sentences`` differ in length.
    """
    if len(predictions) != len(sentences):
        raise EvaluationError(
            f"Got entities for {len(predictions)} sentence(s) and gold for {len(sentences)}; "
            "give one (possibly empty) list per sentence"
        )
    report = NameScores(system=system)
    for sentence, predicted in zip(sentences, predictions, strict=True):
        gold: dict[str, set[str]] = {}
        by_key: dict[tuple[str, str], str] = {}
        for e in sentence.entities:
            if e.type in GOLD_CLASSES:  # distinct names: "Oswald" twice is one gold name
                by_key.setdefault((GOLD_CLASSES[e.type], normalize_conll(e.text)), e.text)
        for (cls, _), text in by_key.items():
            gold.setdefault(cls, set()).add(text)
        others = {e.text for e in sentence.entities if e.type not in GOLD_CLASSES}
        mine = [p for p in predicted if p.cls in ENTITY_CLASSES and p.forms]
        _count(sentence.index, gold, others, mine, _strict, report.strict, report, examples)
        _count(sentence.index, gold, others, mine, _relaxed, report.relaxed, None)
    return report

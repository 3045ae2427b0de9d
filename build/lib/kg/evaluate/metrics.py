"""Precision, recall and F1 from counts."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Score"]


@dataclass(frozen=True)
class Score:
    """Counts behind a precision/recall/F1 triple.

    Precision and recall keep their own numerators: with split entities, two predicted
    triples can both be right about one gold triple.

    Attributes:
        predicted: Items predicted.
        correct: Predicted items that match a gold item.
        gold: Gold items.
        found: Gold items matched by at least one prediction.

    >>> s = Score(predicted=4, correct=3, gold=6, found=3)
    >>> (s.precision, s.recall, round(s.f1, 3))
    (0.75, 0.5, 0.6)
    """

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right (0 when nothing is predicted)."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found (0 when there is no gold item)."""
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.predicted + other.predicted,
            self.correct + other.correct,
            self.gold + other.gold,
            self.found + other.found,
        )

    def to_dict(self) -> dict[str, float | int]:
        """Counts and the three measures, rounded to 4 places."""
        return {
            "predicted": self.predicted,
            "correct": self.correct,
            "gold": self.gold,
            "found": self.found,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }

"""Evaluation: score kg against hand-made gold files and the CoNLL04 benchmark.

Two harnesses:

- :func:`evaluate_store` scores the graph of each annotated article in a store against
  its gold file (:func:`load_gold`; the format of ``ANNOTATION.md``): entity recall per
  class, splits, wrong classes, forbidden nodes, and relation precision/recall/F1, strict
  and lenient, with the misses and unmatched extractions explained.
- :func:`evaluate_conll04` runs the extractor over CoNLL04 sentences and scores the
  relations strictly (:func:`score_conll04` does the scoring from plain predictions).
"""

from __future__ import annotations

from .conll04 import (
    CONLL_TYPES,
    Conll04Report,
    ConllExample,
    ConllRelation,
    ConllSentence,
    Prediction,
    normalize_conll,
    read_conll04,
)
from .conll04_scoring import (
    conll_type,
    evaluate_conll04,
    object_written,
    predictions_from_graph,
    score_conll04,
)
from .gold import Gold, GoldClass, load_gold
from .metrics import Score
from .report import (
    ArticleReport,
    EvaluationReport,
    Extraction,
    Miss,
    NodeRef,
    RelationScores,
    Split,
    Summary,
)
from .scoring import evaluate_store, predicates_agree, score_article

__all__ = [
    "CONLL_TYPES",
    "ArticleReport",
    "Conll04Report",
    "ConllExample",
    "ConllRelation",
    "ConllSentence",
    "EvaluationReport",
    "Extraction",
    "Gold",
    "GoldClass",
    "Miss",
    "NodeRef",
    "Prediction",
    "RelationScores",
    "Score",
    "Split",
    "Summary",
    "conll_type",
    "evaluate_conll04",
    "evaluate_store",
    "load_gold",
    "normalize_conll",
    "object_written",
    "predicates_agree",
    "predictions_from_graph",
    "read_conll04",
    "score_article",
    "score_conll04",
]

"""What an evaluation against gold files reports: records of plain values, and JSON."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import ENTITY_CLASSES
from .gold import GoldTriple
from .metrics import Score

__all__ = [
    "ArticleReport",
    "EvaluationReport",
    "Extraction",
    "Miss",
    "NodeRef",
    "RelationScores",
    "Split",
    "Summary",
]


@dataclass(frozen=True)
class NodeRef:
    """A node of the graph, for reports: its label and class."""

    label: str
    cls: str
    entity: str = ""
    """The gold entity it relates to, when there is one."""


@dataclass(frozen=True)
class Split:
    """One gold entity spread over several nodes of one class."""

    entity: str
    cls: str
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class Miss:
    """A gold triple no direct triple matches (strictly), and why."""

    triple: GoldTriple
    tier: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    """An extracted triple (labels), with its evidence and a note on how it was judged."""

    subject: str
    predicate: str
    object: str
    sentence: str = ""
    rule: str = ""
    status: str = "current"
    note: str = ""


@dataclass(frozen=True)
class RelationScores:
    """Relation scores under one mode.

    Attributes:
        required: Precision over every direct triple; recall over the required triples.
        all: Precision over every direct triple; recall over required + desirable triples.
        former: Former-status statements that match gold ``former`` triples (credit).
        former_as_current: Direct triples that assert a gold ``former`` role as current.
    """

    required: Score = field(default_factory=Score)
    all: Score = field(default_factory=Score)
    former: Score = field(default_factory=Score)
    former_as_current: int = 0

    def __add__(self, other: RelationScores) -> RelationScores:
        return RelationScores(
            self.required + other.required,
            self.all + other.all,
            self.former + other.former,
            self.former_as_current + other.former_as_current,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "required": self.required.to_dict(),
            "all": self.all.to_dict(),
            "former_credited": self.former.found,
            "former_gold": self.former.gold,
            "former_as_current": self.former_as_current,
        }


@dataclass(frozen=True)
class Summary:
    """The counts of one article, or of many added up (micro-averages)."""

    entities: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in ENTITY_CLASSES})
    strict: RelationScores = RelationScores()
    lenient: RelationScores = RelationScores()
    wrong_class: int = 0
    splits: int = 0
    forbidden_entities: int = 0
    forbidden_relations: int = 0
    articles: int = 1

    def __add__(self, other: Summary) -> Summary:
        return Summary(
            {c: self.entities[c] + other.entities[c] for c in ENTITY_CLASSES},
            self.strict + other.strict,
            self.lenient + other.lenient,
            self.wrong_class + other.wrong_class,
            self.splits + other.splits,
            self.forbidden_entities + other.forbidden_entities,
            self.forbidden_relations + other.forbidden_relations,
            self.articles + other.articles,
        )

    @property
    def entity_total(self) -> Score:
        """Entity counts over the three classes."""
        total = Score()
        for score in self.entities.values():
            total += score
        return total

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "articles": self.articles,
            "entities": {
                **{c: s.to_dict() for c, s in self.entities.items()},
                "total": self.entity_total.to_dict(),
            },
            "wrong_class": self.wrong_class,
            "splits": self.splits,
            "forbidden_entities": self.forbidden_entities,
            "strict": self.strict.to_dict(),
            "lenient": self.lenient.to_dict(),
            "forbidden_relations": self.forbidden_relations,
        }


@dataclass
class ArticleReport:
    """How the graph of one article compares with its gold file.

    Entity scores per class: ``gold``/``found`` are required entities and those found as
    a node of that class; ``predicted``/``correct`` are nodes of that class and those
    that match an entity the gold file lists (required or allowed) under that class.
    """

    gold: str
    document: str
    article_id: str
    summary: Summary
    missing_entities: list[NodeRef] = field(default_factory=list)
    wrong_class: list[NodeRef] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    forbidden_entities: list[NodeRef] = field(default_factory=list)
    unlisted: list[NodeRef] = field(default_factory=list)
    forbidden_relations: list[Extraction] = field(default_factory=list)
    former_credited: list[Extraction] = field(default_factory=list)
    former_as_current: list[Extraction] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    unmatched: list[Extraction] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""

        def rows(items: Iterable[Any]) -> list[dict[str, Any]]:
            return [dict(vars(i)) for i in items]

        return {
            "gold": self.gold,
            "document": self.document,
            "article_id": self.article_id,
            "summary": self.summary.to_dict(),
            "missing_entities": rows(self.missing_entities),
            "wrong_class": rows(self.wrong_class),
            "splits": [
                {"entity": s.entity, "class": s.cls, "nodes": list(s.nodes)} for s in self.splits
            ],
            "forbidden_entities": rows(self.forbidden_entities),
            "unlisted": rows(self.unlisted),
            "forbidden_relations": rows(self.forbidden_relations),
            "former_credited": rows(self.former_credited),
            "former_as_current": rows(self.former_as_current),
            "misses": [
                {"triple": list(m.triple), "tier": m.tier, "reason": m.reason} for m in self.misses
            ],
            "unmatched": rows(self.unmatched),
        }


@dataclass
class EvaluationReport:
    """Scores of every gold file, and overall (micro-averaged: counts added up).

    Attributes:
        articles: One report per gold file whose article is in the store.
        missing: ``(gold file, document)`` of gold files whose article is not stored.
    """

    articles: list[ArticleReport] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)

    @property
    def overall(self) -> Summary:
        """Counts of every article added up."""
        total = Summary(articles=0)
        for article in self.articles:
            total += article.summary
        return total

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "overall": self.overall.to_dict(),
            "articles": [a.to_dict() for a in self.articles],
            "missing": [{"gold": g, "document": d} for g, d in self.missing],
        }

"""Score kg's relations on CoNLL04 (Roth & Yih 2004), sentence by sentence.

This module holds the records and the reader. Scoring is strict: a predicted relation is
right when its CoNLL type is the gold one and both arguments, normalised by
:func:`normalize_conll`, equal the gold entity spans. kg's predicates map to CoNLL types as
``shared/eval/README.md`` says (see :func:`~kg.evaluate.conll04_scoring.conll_type`);
``Kill`` has no kg predicate and is left out of the gold relations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvaluationError
from ..names import normalize_name
from .metrics import Score

if TYPE_CHECKING:
    from .conll04_names import NameScores

__all__ = [
    "CONLL_TYPES",
    "Conll04Report",
    "ConllEntity",
    "ConllExample",
    "ConllRelation",
    "ConllSentence",
    "Prediction",
    "normalize_conll",
    "read_conll04",
    "relaxed_equal",
]

CONLL_TYPES = ("Work_For", "Live_In", "OrgBased_In", "Located_In")
"""The CoNLL04 relation types kg can predict (``Kill`` has no kg predicate)."""

_POSSESSIVE = re.compile(r"\s*['’]s$")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr)\.?\s+")
_MAX_PROBLEMS = 10


def normalize_conll(text: str) -> str:
    """The comparison key of a relation argument.

    Lower case, spaces collapsed, a possessive, a trailing ``.``, a leading ``the`` and a
    leading honorific (``Mr.``, ``Mrs.``, ``Ms.``, ``Miss``, ``Dr.``: CoNLL04 spans hold
    them, kg's names do not, as ``../shared/ANNOTATION.md`` ignores them) stripped.

    >>> normalize_conll("the  Palace of Fine Arts")
    'palace of fine arts'
    >>> normalize_conll("theater.")
    'theater'
    >>> normalize_conll("Reagan 's")
    'reagan'
    >>> normalize_conll("U.S.")
    'u.s'
    >>> normalize_conll("Mrs. Vogt")
    'vogt'
    """
    text = " ".join(text.lower().split())
    while True:
        before = text
        text = _POSSESSIVE.sub("", text)
        text = text.removesuffix(".").strip()
        if text.startswith("the "):
            text = text[4:].strip()
        text = _HONORIFIC.sub("", text)
        if text == before:
            return text


def relaxed_equal(gold: str, predicted: str) -> bool:
    """Same name up to boundaries: equal under :func:`~kg.names.normalize_name`, or one
    is a whole-word part of the other.

    >>> relaxed_equal("President Lincoln", "Lincoln")
    True
    >>> relaxed_equal("Lincoln", "Lincolnshire")
    False
    """
    a, b = normalize_name(gold), normalize_name(predicted)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return f" {short} " in f" {long} "


@dataclass(frozen=True)
class ConllRelation:
    """A gold relation, with its arguments as text.

    Attributes:
        type: ``Work_For``, ``Live_In``, ``OrgBased_In``, ``Located_In`` or ``Kill``.
        head: The head entity's tokens joined with spaces.
        tail: The tail entity's tokens joined with spaces.
        head_type: The head's CoNLL entity type (``Peop``, ``Org``, ``Loc``, ``Other``).
        tail_type: The tail's CoNLL entity type.
    """

    type: str
    head: str
    tail: str
    head_type: str = ""
    tail_type: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """``(type, head, tail)`` normalised: counted once per sentence."""
        return (self.type, normalize_conll(self.head), normalize_conll(self.tail))


@dataclass(frozen=True)
class ConllEntity:
    """A gold entity of a sentence.

    Attributes:
        type: ``Peop``, ``Org``, ``Loc`` or ``Other``.
        text: Its tokens joined with spaces.
    """

    type: str
    text: str


@dataclass(frozen=True)
class ConllSentence:
    """One CoNLL04 sentence.

    Attributes:
        index: Position in the file (0-based).
        tokens: The tokens.
        relations: Gold relations, ``Kill`` included.
        orig_id: The id of the original corpus, when given.
        entities: Gold entities, in the file's order.
    """

    index: int
    tokens: tuple[str, ...]
    relations: tuple[ConllRelation, ...] = ()
    orig_id: int | None = None
    entities: tuple[ConllEntity, ...] = ()

    @property
    def text(self) -> str:
        """The tokens joined with single spaces: the text kg reads."""
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Prediction:
    """A relation predicted for one sentence, as CoNLL text.

    Attributes:
        type: A CoNLL type (:data:`CONLL_TYPES`).
        head: The head as written in the sentence.
        tail: The tail as written.
        head_aliases: Other accepted forms of the head (canonical name, aliases).
        tail_aliases: Other accepted forms of the tail.
        note: Where it came from (predicate and rule), for error listings.
    """

    type: str
    head: str
    tail: str
    head_aliases: tuple[str, ...] = ()
    tail_aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """``(type, head, tail)`` normalised: counted once per sentence."""
        return (self.type, normalize_conll(self.head), normalize_conll(self.tail))


@dataclass(frozen=True)
class ConllExample:
    """A false positive or false negative, for error analysis."""

    sentence: int
    text: str
    type: str
    head: str
    tail: str
    note: str = ""


@dataclass
class Conll04Report:
    """Scores of kg on a CoNLL04 file.

    Attributes:
        path: The file.
        sentences: Sentences scored.
        per_type: Strict counts per CoNLL type.
        relaxed: Micro counts when argument boundaries may differ (see :func:`relaxed_equal`).
        kill: Gold ``Kill`` relations left out.
        inside_one_entity: Predicted ``Located_In`` relations between the two parts of one
            gold location ("Kinderhook , N.Y."), left out.
        unwritten_objects: Extracted relations to an implied object the sentence does not
            name ("President Bush" -> United States), left out.
        ceiling: Share of gold relations whose two arguments are both among the
            extractor's entity names or aliases for the sentence.
        typed_ceiling: The same, with each argument of the class the type needs.
        false_positives: Up to ``examples`` of them, in file order.
        false_negatives: Up to ``examples`` of them, in file order.
        model: The pipeline used, when a model ran.
        names: Typed-name scores, kg's first, then raw spaCy's (the baseline of the same
            run), when a model ran (:mod:`~kg.evaluate.conll04_names`).
    """

    path: str = ""
    sentences: int = 0
    per_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in CONLL_TYPES})
    relaxed: Score = field(default_factory=Score)
    kill: int = 0
    inside_one_entity: int = 0
    unwritten_objects: int = 0
    ceiling: float = 0.0
    typed_ceiling: float = 0.0
    false_positives: list[ConllExample] = field(default_factory=list)
    false_negatives: list[ConllExample] = field(default_factory=list)
    model: str = ""
    names: list[NameScores] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        """Counts over the four types added up."""
        total = Score()
        for score in self.per_type.values():
            total += score
        return total

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "path": self.path,
            "model": self.model,
            "sentences": self.sentences,
            "per_type": {t: s.to_dict() for t, s in self.per_type.items()},
            "micro": self.micro.to_dict(),
            "relaxed_boundaries": self.relaxed.to_dict(),
            "kill_excluded": self.kill,
            "inside_one_entity_excluded": self.inside_one_entity,
            "unwritten_objects_excluded": self.unwritten_objects,
            "ceiling": round(self.ceiling, 4),
            "typed_ceiling": round(self.typed_ceiling, 4),
            "false_positives": [dict(vars(e)) for e in self.false_positives],
            "false_negatives": [dict(vars(e)) for e in self.false_negatives],
            "names": [n.to_dict() for n in self.names],
        }


def read_conll04(path: Path | str, *, limit: int | None = None) -> list[ConllSentence]:
    """Read a CoNLL04 JSON file (the SpERT format: tokens, entities, relations).

    Args:
        path: The JSON file.
        limit: Read only the first ``limit`` sentences.

    Raises:
        EvaluationError: The file cannot be read, is not JSON, or breaks the format.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(f"Cannot read CoNLL04 file {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    if not isinstance(data, list):
        raise EvaluationError(
            f"{path}: expected a JSON list of sentences, got {type(data).__name__}"
        )
    problems: list[str] = []
    sentences = []
    for index, item in enumerate(data[:limit] if limit is not None else data):
        sentence = _parse_sentence(index, item, problems)
        if sentence is not None:
            sentences.append(sentence)
        if len(problems) >= _MAX_PROBLEMS:
            break
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems[:_MAX_PROBLEMS])
        raise EvaluationError(f"Invalid CoNLL04 file {path}:\n{listed}")
    return sentences


def _parse_sentence(index: int, item: Any, problems: list[str]) -> ConllSentence | None:
    where = f"sentence {index}"
    if not isinstance(item, dict):
        problems.append(f"{where}: expected an object, got {type(item).__name__}")
        return None
    tokens = item.get("tokens")
    if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
        problems.append(f"{where}: 'tokens' must be a list of strings")
        return None
    spans: list[tuple[str, str]] = []
    for i, ent in enumerate(item.get("entities", [])):
        ok = isinstance(ent, dict) and all(isinstance(ent.get(k), int) for k in ("start", "end"))
        if not ok or not 0 <= ent["start"] < ent["end"] <= len(tokens):
            problems.append(
                f"{where}: entity {i} needs 0 <= start < end <= {len(tokens)}, got {ent!r}"
            )
            return None
        spans.append((str(ent.get("type", "")), " ".join(tokens[ent["start"] : ent["end"]])))
    relations = []
    for i, rel in enumerate(item.get("relations", [])):
        ok = isinstance(rel, dict) and isinstance(rel.get("type"), str)
        if not ok or not all(
            isinstance(rel.get(k), int) and 0 <= rel[k] < len(spans) for k in ("head", "tail")
        ):
            problems.append(
                f"{where}: relation {i} needs a type and head/tail entity indices, got {rel!r}"
            )
            return None
        (head_type, head), (tail_type, tail) = spans[rel["head"]], spans[rel["tail"]]
        relations.append(ConllRelation(rel["type"], head, tail, head_type, tail_type))
    orig = item.get("orig_id")
    return ConllSentence(
        index,
        tuple(tokens),
        tuple(relations),
        orig if isinstance(orig, int) else None,
        tuple(ConllEntity(kind, text) for kind, text in spans),
    )

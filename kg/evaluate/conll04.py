"""Score kg's relations on CoNLL04 (Roth & Yih 2004), sentence by sentence.

Scoring is strict: a predicted relation is right when its CoNLL type is the gold one and
both arguments, normalised by :func:`normalize_conll`, equal the gold entity spans. kg's
predicates map to CoNLL types as ``/work/shared/eval/README.md`` says (see
:func:`conll_type`); ``Kill`` has no kg predicate and is left out of the gold relations.

:func:`score_conll04` does the scoring from plain predictions, so it is tested without a
model; :func:`evaluate_conll04` runs the extractor and feeds it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..names import normalize_name
from ..records import STATUSES, Article, ArticleGraph
from ..vocab import AFFILIATIONS
from .metrics import Score

__all__ = [
    "CONLL_TYPES",
    "Conll04Report",
    "ConllExample",
    "ConllRelation",
    "ConllSentence",
    "Prediction",
    "conll_type",
    "evaluate_conll04",
    "normalize_conll",
    "predictions_from_graph",
    "read_conll04",
    "score_conll04",
]

CONLL_TYPES = ("Work_For", "Live_In", "OrgBased_In", "Located_In")
"""The CoNLL04 relation types kg can predict (``Kill`` has no kg predicate)."""

_KG_CLASS = {"Peop": "Person", "Org": "Organization", "Loc": "Place"}
_ARGUMENT_CLASSES = {
    "Work_For": ("Person", "Organization"),
    "Live_In": ("Person", "Place"),
    "OrgBased_In": ("Organization", "Place"),
    "Located_In": ("Place", "Place"),
}
_POSSESSIVE = re.compile(r"\s*['’]s$")
_MAX_PROBLEMS = 10


def normalize_conll(text: str) -> str:
    """The comparison key of a relation argument.

    Lower case, spaces collapsed, a possessive, a trailing ``.`` and a leading ``the``
    stripped.

    >>> normalize_conll("the  Palace of Fine Arts")
    'palace of fine arts'
    >>> normalize_conll("theater.")
    'theater'
    >>> normalize_conll("Reagan 's")
    'reagan'
    >>> normalize_conll("U.S.")
    'u.s'
    """
    text = " ".join(text.lower().split())
    while True:
        before = text
        text = _POSSESSIVE.sub("", text)
        text = text.removesuffix(".").strip()
        if text.startswith("the "):
            text = text[4:].strip()
        if text == before:
            return text


def _relaxed_equal(gold: str, predicted: str) -> bool:
    """Same name up to boundaries: equal under :func:`~kg.names.normalize_name`, or one
    is a whole-word part of the other."""
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
class ConllSentence:
    """One CoNLL04 sentence.

    Attributes:
        index: Position in the file (0-based).
        tokens: The tokens.
        relations: Gold relations, ``Kill`` included.
        orig_id: The id of the original corpus, when given.
    """

    index: int
    tokens: tuple[str, ...]
    relations: tuple[ConllRelation, ...] = ()
    orig_id: int | None = None

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
        relaxed: Micro counts when argument boundaries may differ (see :func:`_relaxed_equal`).
        kill: Gold ``Kill`` relations left out.
        ceiling: Share of gold relations whose two arguments are both among the
            extractor's entity names or aliases for the sentence.
        typed_ceiling: The same, with each argument of the class the type needs.
        false_positives: Up to ``examples`` of them, in file order.
        false_negatives: Up to ``examples`` of them, in file order.
        model: The pipeline used, when a model ran.
    """

    path: str = ""
    sentences: int = 0
    per_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in CONLL_TYPES})
    relaxed: Score = Score()
    kill: int = 0
    ceiling: float = 0.0
    typed_ceiling: float = 0.0
    false_positives: list[ConllExample] = field(default_factory=list)
    false_negatives: list[ConllExample] = field(default_factory=list)
    model: str = ""

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
            "ceiling": round(self.ceiling, 4),
            "typed_ceiling": round(self.typed_ceiling, 4),
            "false_positives": [dict(vars(e)) for e in self.false_positives],
            "false_negatives": [dict(vars(e)) for e in self.false_negatives],
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
        raise EvaluationError(f"{path}: expected a JSON list of sentences, got {type(data).__name__}")
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
            problems.append(f"{where}: entity {i} needs 0 <= start < end <= {len(tokens)}, got {ent!r}")
            return None
        spans.append((str(ent.get("type", "")), " ".join(tokens[ent["start"] : ent["end"]])))
    relations = []
    for i, rel in enumerate(item.get("relations", [])):
        ok = isinstance(rel, dict) and isinstance(rel.get("type"), str)
        if not ok or not all(isinstance(rel.get(k), int) and 0 <= rel[k] < len(spans) for k in ("head", "tail")):
            problems.append(f"{where}: relation {i} needs a type and head/tail entity indices, got {rel!r}")
            return None
        (head_type, head), (tail_type, tail) = spans[rel["head"]], spans[rel["tail"]]
        relations.append(ConllRelation(rel["type"], head, tail, head_type, tail_type))
    orig = item.get("orig_id")
    return ConllSentence(index, tuple(tokens), tuple(relations), orig if isinstance(orig, int) else None)


def conll_type(subject_class: str, predicate: str, object_class: str) -> str | None:
    """The CoNLL04 type of a kg relation, or ``None``.

    >>> conll_type("Person", "spokesperson_of", "Organization")
    'Work_For'
    >>> conll_type("Person", "president_of", "Place")
    'Live_In'
    >>> conll_type("Person", "met_with", "Person") is None
    True
    """
    if predicate in AFFILIATIONS and subject_class == "Person":
        if object_class == "Organization" and predicate != "citizen_of":
            return "Work_For"
        if object_class == "Place":
            return "Live_In"
        return None
    if predicate == "based_in" and subject_class == "Organization" and object_class == "Place":
        return "OrgBased_In"
    if predicate == "located_in" and subject_class == "Place" and object_class == "Place":
        return "Located_In"
    return None


def predictions_from_graph(graph: ArticleGraph, *, statuses: Collection[str] = STATUSES) -> list[Prediction]:
    """The CoNLL04 relations of one extracted sentence, one per (type, subject, object)."""
    grouped: dict[tuple[str, ...], tuple[list[str], list[str], list[str]]] = {}
    for t in graph.triples:
        if t.evidence.status not in statuses:
            continue
        kind = conll_type(t.subject.label, t.predicate, t.object.label)
        if kind is None:
            continue
        key = (kind, t.subject.name, t.subject.label, t.object.name, t.object.label)
        heads, tails, notes = grouped.setdefault(key, ([], [], []))
        heads.extend([t.evidence.subject_text, t.subject.name, *t.subject.aliases])
        tails.extend([t.evidence.object_text, t.object.name, *t.object.aliases])
        status = "" if t.evidence.status == "current" else f" ({t.evidence.status})"
        notes.append(f"{t.predicate}{status} [{t.evidence.rule}]")
    out = []
    for (kind, *_), (heads, tails, notes) in grouped.items():
        h, t = list(dict.fromkeys(x for x in heads if x)), list(dict.fromkeys(x for x in tails if x))
        if h and t:
            out.append(Prediction(kind, h[0], t[0], tuple(h[1:]), tuple(t[1:]), "; ".join(dict.fromkeys(notes))))
    return out


def _names(entities: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for surface, cls in entities:
        names.setdefault(normalize_conll(surface), set()).add(cls)
    return names


def _match(
    gold: list[ConllRelation],
    predicted: list[Prediction],
    same: Callable[[str, Prediction, str], bool],
) -> tuple[list[tuple[Prediction, ConllRelation | None]], list[ConllRelation]]:
    """Pair each prediction with at most one gold relation and the reverse (greedy, in order)."""
    left = list(gold)
    pairs: list[tuple[Prediction, ConllRelation | None]] = []
    for p in predicted:
        hit = next((g for g in left if g.type == p.type and same(g.head, p, "head") and same(g.tail, p, "tail")), None)
        if hit is not None:
            left.remove(hit)
        pairs.append((p, hit))
    return pairs, left


def _strict(text: str, p: Prediction, role: str) -> bool:
    forms = (p.head, *p.head_aliases) if role == "head" else (p.tail, *p.tail_aliases)
    return normalize_conll(text) in {normalize_conll(f) for f in forms}


def _relaxed(text: str, p: Prediction, role: str) -> bool:
    forms = (p.head, *p.head_aliases) if role == "head" else (p.tail, *p.tail_aliases)
    return any(_relaxed_equal(text, f) for f in forms)


def score_conll04(
    sentences: Sequence[ConllSentence],
    predictions: Sequence[Iterable[Prediction]],
    *,
    entities: Sequence[Iterable[tuple[str, str]]] | None = None,
    examples: int = 20,
    path: str = "",
) -> Conll04Report:
    """Score predicted relations against the gold relations of each sentence.

    Args:
        sentences: The gold sentences.
        predictions: The relations predicted for each sentence, in the same order.
        entities: ``(surface form, kg class)`` of every entity the extractor found in each
            sentence, for the ceiling and the reasons of false negatives.
        examples: How many false positives and false negatives to keep.
        path: The file scored, for the report.

    Raises:
        EvaluationError: ``predictions`` (or ``entities``) and ``sentences`` differ in length.
    """
    if len(predictions) != len(sentences) or (entities is not None and len(entities) != len(sentences)):
        raise EvaluationError(
            f"Got predictions for {len(predictions)} sentence(s) and gold for {len(sentences)}; "
            "give one (possibly empty) list per sentence"
        )
    counts = {t: [0, 0, 0] for t in CONLL_TYPES}  # predicted, correct, gold
    relaxed = [0, 0, 0]
    report = Conll04Report(path=path, sentences=len(sentences))
    reachable = typed_reachable = total = 0
    for i, sentence in enumerate(sentences):
        gold = list({r.key: r for r in reversed(sentence.relations) if r.type != "Kill"}.values())[::-1]
        report.kill += sum(1 for r in sentence.relations if r.type == "Kill")
        predicted = list({p.key: p for p in reversed(list(predictions[i])) if p.type in CONLL_TYPES}.values())[::-1]
        names = _names(entities[i]) if entities is not None else None
        pairs, missed = _match(gold, predicted, _strict)
        loose_pairs, _ = _match(gold, predicted, _relaxed)
        relaxed[0] += len(predicted)
        relaxed[1] += sum(1 for _, g in loose_pairs if g is not None)
        relaxed[2] += len(gold)
        for r in gold:
            counts[r.type][2] += 1
        for p, g in pairs:
            counts[p.type][0] += 1
            if g is not None:
                counts[p.type][1] += 1
            elif len(report.false_positives) < examples:
                report.false_positives.append(
                    ConllExample(i, sentence.text, p.type, p.head, p.tail, _fp_reason(p, gold, loose_pairs))
                )
        for r in missed:
            if len(report.false_negatives) < examples:
                report.false_negatives.append(
                    ConllExample(i, sentence.text, r.type, r.head, r.tail, _fn_reason(r, predicted, names))
                )
        if names is not None:
            for r in gold:
                total += 1
                head, tail = names.get(normalize_conll(r.head)), names.get(normalize_conll(r.tail))
                if head and tail:
                    reachable += 1
                    need = _ARGUMENT_CLASSES[r.type]
                    typed_reachable += need[0] in head and need[1] in tail
    report.per_type = {t: Score(c[0], c[1], c[2], c[1]) for t, c in counts.items()}
    report.relaxed = Score(relaxed[0], relaxed[1], relaxed[2], relaxed[1])
    report.ceiling = reachable / total if total else 0.0
    report.typed_ceiling = typed_reachable / total if total else 0.0
    return report


def _fp_reason(p: Prediction, gold: list[ConllRelation], loose: list[tuple[Prediction, ConllRelation | None]]) -> str:
    loose_hit = next((g for q, g in loose if q is p and g is not None), None)
    if loose_hit is not None:
        why = f"boundaries differ from gold {loose_hit.head!r} -> {loose_hit.tail!r}"
    else:
        same_pair = [g for g in gold if _relaxed(g.head, p, "head") and _relaxed(g.tail, p, "tail")]
        why = f"gold type is {same_pair[0].type}" if same_pair else "no gold relation between them"
    return f"{why}; from {p.note}" if p.note else why


def _fn_reason(r: ConllRelation, predicted: list[Prediction], names: dict[str, set[str]] | None) -> str:
    loose = [p for p in predicted if _relaxed(r.head, p, "head") and _relaxed(r.tail, p, "tail")]
    if loose:
        p = loose[0]
        if p.type == r.type:
            return f"boundaries differ: predicted {p.head!r} -> {p.tail!r}"
        return f"predicted as {p.type} ({p.note})"
    if names is None:
        return "not extracted"
    need = _ARGUMENT_CLASSES[r.type]
    problems = []
    for role, text, cls in (("head", r.head, need[0]), ("tail", r.tail, need[1])):
        found = names.get(normalize_conll(text))
        if not found:
            problems.append(f"{role} not an entity")
        elif cls not in found:
            problems.append(f"{role} typed {'/'.join(sorted(found))}")
    return "; ".join(problems) if problems else "both entities found, no relation extracted"


def evaluate_conll04(
    path: Path | str,
    *,
    model: str | None = None,
    limit: int | None = None,
    examples: int = 20,
    statuses: Collection[str] = STATUSES,
) -> Conll04Report:
    """Run kg's extractor over a CoNLL04 file and score its relations (no store written).

    Each sentence becomes an :class:`~kg.records.Article` whose text is its tokens joined
    with single spaces.

    Args:
        path: A CoNLL04 JSON file.
        model: The spaCy pipeline (see :func:`kg.nlp.resolve_model_name`).
        limit: Score only the first ``limit`` sentences.
        examples: How many false positives and false negatives to keep.
        statuses: Statuses of extracted relations that count (all by default: CoNLL04
            annotates past roles too).

    Raises:
        EvaluationError: The file cannot be read or breaks the format.
        ModelError: The pipeline cannot be loaded.
    """
    from ..extract import Extractor
    from ..nlp import load_pipeline

    sentences = read_conll04(path, limit=limit)
    nlp = load_pipeline(model)
    extractor = Extractor(nlp)
    articles = (Article(f"conll04/{s.index}", s.text, origin=f"{path}#{s.index}") for s in sentences)
    predictions: list[list[Prediction]] = []
    entities: list[list[tuple[str, str]]] = []
    for graph in extractor.pipe(articles, batch_size=64, n_process=1):
        predictions.append(predictions_from_graph(graph, statuses=statuses))
        entities.append([(n, e.label) for e in graph.entities for n in (e.name, *e.aliases)])
    report = score_conll04(sentences, predictions, entities=entities, examples=examples, path=str(path))
    report.model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    return report

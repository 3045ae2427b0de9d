"""Score kg's relations on CoNLL04: map predicates to CoNLL types, match, explain errors.

:func:`score_conll04` scores plain :class:`~kg.evaluate.conll04.Prediction` records, so it
is tested without a model; :func:`evaluate_conll04` runs the extractor and feeds it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

from ..errors import EvaluationError
from ..names import normalize_name
from ..records import STATUSES, Article, ArticleGraph, Triple
from ..vocab import AFFILIATIONS, RESIDENCES
from .conll04 import (
    CONLL_TYPES,
    Conll04Report,
    ConllEntity,
    ConllExample,
    ConllRelation,
    ConllSentence,
    Prediction,
    normalize_conll,
    read_conll04,
    relaxed_equal,
)
from .conll04_names import SPACY_CLASSES, NamePrediction, score_names
from .metrics import Score

__all__ = [
    "conll_type",
    "evaluate_conll04",
    "object_written",
    "predictions_from_graph",
    "score_conll04",
]

_ARGUMENT_CLASSES = {
    "Work_For": ("Person", "Organization"),
    "Live_In": ("Person", "Place"),
    "OrgBased_In": ("Organization", "Place"),
    "Located_In": ("Place", "Place"),
}


def conll_type(subject_class: str, predicate: str, object_class: str) -> str | None:
    """The CoNLL04 type of a kg relation, or ``None``.

    >>> conll_type("Person", "spokesperson_of", "Organization")
    'Work_For'
    >>> conll_type("Person", "president_of", "Place")
    'Live_In'
    >>> conll_type("Person", "born_in", "Place")
    'Live_In'
    >>> conll_type("Person", "met_with", "Person") is None
    True

    ``citizen_of`` maps to nothing: CoNLL04's Live_In is where a person lives, and its
    annotators left nationality out ("American automaker Henry Ford", "a Jordanian
    citizen": none of the 7 ``citizen_of`` facts on the train split is a Live_In pair).

    >>> conll_type("Person", "citizen_of", "Place") is None
    True
    """
    if predicate == "citizen_of":
        return None
    if predicate in RESIDENCES:
        return "Live_In" if (subject_class, object_class) == ("Person", "Place") else None
    if predicate in AFFILIATIONS and subject_class == "Person":
        if object_class == "Organization":
            return "Work_For"
        if object_class == "Place":
            return "Live_In"
        return None
    if predicate == "based_in" and subject_class == "Organization" and object_class == "Place":
        return "OrgBased_In"
    if predicate == "located_in" and subject_class == "Place" and object_class == "Place":
        return "Located_In"
    return None


_IMPLIED = "implied."


def object_written(triple: Triple, text: str) -> bool:
    """Whether the sentence names the triple's object.

    A rule ``implied.*`` states an object the sentence need not write ("President Bush" ->
    the United States); CoNLL04 annotates relations between the sentence's own mentions,
    so such a triple counts only when the object is named anyway ("President Reagan ...
    U.S. arrears"). Every other rule's object is written.
    """
    if not triple.evidence.rule.startswith(_IMPLIED):
        return True
    words = f" {normalize_name(text)} "
    return any(
        f" {form} " in words
        for form in map(normalize_name, (triple.object.name, *triple.object.aliases))
        if form
    )


def predictions_from_graph(
    graph: ArticleGraph, *, statuses: Collection[str] = STATUSES
) -> list[Prediction]:
    """The CoNLL04 relations of one extracted sentence, one per (type, subject, object)."""
    grouped: dict[tuple[str, ...], tuple[list[str], list[str], list[str]]] = {}
    for t in graph.triples:
        if t.evidence.status not in statuses or not object_written(t, graph.article.text):
            continue
        kind = conll_type(t.subject.label, t.predicate, t.object.label)
        if kind is None:
            continue
        key = (kind, t.subject.name, t.subject.label, t.object.name, t.object.label)
        heads, tails, notes = grouped.setdefault(key, ([], [], []))
        heads.extend([t.evidence.subject_text, t.subject.name, *t.subject.aliases])
        written = "" if t.evidence.rule.startswith(_IMPLIED) else t.evidence.object_text
        tails.extend([written, t.object.name, *t.object.aliases])
        status = "" if t.evidence.status == "current" else f" ({t.evidence.status})"
        notes.append(f"{t.predicate}{status} [{t.evidence.rule}]")
    out = []
    for (kind, *_), (heads, tails, notes) in grouped.items():
        hs = list(dict.fromkeys(x for x in heads if x))
        ts = list(dict.fromkeys(x for x in tails if x))
        if hs and ts:
            note = "; ".join(dict.fromkeys(notes))
            out.append(Prediction(kind, hs[0], ts[0], tuple(hs[1:]), tuple(ts[1:]), note))
    return out


def _names(entities: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for surface, cls in entities:
        names.setdefault(normalize_conll(surface), set()).add(cls)
    return names


def _gold_forms(text: str, conll_class: str) -> set[str]:
    """The normalised forms a gold argument accepts.

    CoNLL04 often writes a town and its state as ONE location ("Kinderhook , N.Y."), where kg
    finds the town and the state it is in; the town alone names the same place.

    >>> sorted(_gold_forms("Kinderhook , N.Y.", "Loc"))
    ['kinderhook', 'kinderhook , n.y']
    >>> sorted(_gold_forms("Smith , Jones", "Peop"))
    ['smith , jones']
    """
    forms = {normalize_conll(text)}
    if conll_class == "Loc" and "," in text:
        forms.add(normalize_conll(text.split(",", 1)[0]))
    return forms


def _inside_one_entity(p: Prediction, entities: Iterable[ConllEntity]) -> bool:
    """``Located_In`` between the town and the state of one gold location ("Kinderhook , N.Y.").

    CoNLL04 cannot annotate a relation inside one entity, so kg's ``located_in`` between the
    two parts of such a span is neither right nor wrong there.
    """
    if p.type != "Located_In":
        return False
    heads = {normalize_conll(f) for f in (p.head, *p.head_aliases)}
    tails = {normalize_conll(f) for f in (p.tail, *p.tail_aliases)}
    for entity in entities:
        parts = [normalize_conll(x) for x in entity.text.split(",")]
        if entity.type == "Loc" and len(parts) == 2 and parts[0] in heads and parts[1] in tails:
            return True
    return False


def _classes(names: dict[str, set[str]], text: str, conll_class: str) -> set[str]:
    """The kg classes of the extracted entities a gold argument names (empty: none)."""
    return set().union(*(names.get(f, set()) for f in _gold_forms(text, conll_class)))


def _match(
    gold: list[ConllRelation],
    predicted: list[Prediction],
    same: Callable[[str, str, Prediction, str], bool],
) -> tuple[list[tuple[Prediction, ConllRelation | None]], list[ConllRelation]]:
    """Pair each prediction with at most one gold relation and the reverse (greedy, in order)."""
    left = list(gold)
    pairs: list[tuple[Prediction, ConllRelation | None]] = []
    for p in predicted:
        hit = next(
            (
                g
                for g in left
                if g.type == p.type
                and same(g.head, g.head_type, p, "head")
                and same(g.tail, g.tail_type, p, "tail")
            ),
            None,
        )
        if hit is not None:
            left.remove(hit)
        pairs.append((p, hit))
    return pairs, left


def _strict(text: str, conll_class: str, p: Prediction, role: str) -> bool:
    forms = (p.head, *p.head_aliases) if role == "head" else (p.tail, *p.tail_aliases)
    return not _gold_forms(text, conll_class).isdisjoint(normalize_conll(f) for f in forms)


def _relaxed(text: str, conll_class: str, p: Prediction, role: str) -> bool:
    forms = (p.head, *p.head_aliases) if role == "head" else (p.tail, *p.tail_aliases)
    return any(relaxed_equal(text, f) for f in forms) or _strict(text, conll_class, p, role)


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
    if len(predictions) != len(sentences) or (
        entities is not None and len(entities) != len(sentences)
    ):
        raise EvaluationError(
            f"Got predictions for {len(predictions)} sentence(s) and gold for {len(sentences)}; "
            "give one (possibly empty) list per sentence"
        )
    counts = {t: [0, 0, 0] for t in CONLL_TYPES}  # predicted, correct, gold
    relaxed = [0, 0, 0]
    report = Conll04Report(path=path, sentences=len(sentences))
    reachable = typed_reachable = total = 0
    for i, sentence in enumerate(sentences):
        gold = list({r.key: r for r in reversed(sentence.relations) if r.type != "Kill"}.values())[
            ::-1
        ]
        report.kill += sum(1 for r in sentence.relations if r.type == "Kill")
        predicted = list(
            {p.key: p for p in reversed(list(predictions[i])) if p.type in CONLL_TYPES}.values()
        )[::-1]
        inside = [p for p in predicted if _inside_one_entity(p, sentence.entities)]
        report.inside_one_entity += len(inside)
        predicted = [p for p in predicted if p not in inside]
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
                    ConllExample(
                        i, sentence.text, p.type, p.head, p.tail, _fp_reason(p, gold, loose_pairs)
                    )
                )
        for r in missed:
            if len(report.false_negatives) < examples:
                report.false_negatives.append(
                    ConllExample(
                        i, sentence.text, r.type, r.head, r.tail, _fn_reason(r, predicted, names)
                    )
                )
        if names is not None:
            for r in gold:
                total += 1
                head, tail = (
                    _classes(names, r.head, r.head_type),
                    _classes(names, r.tail, r.tail_type),
                )
                if head and tail:
                    reachable += 1
                    need = _ARGUMENT_CLASSES[r.type]
                    typed_reachable += need[0] in head and need[1] in tail
    report.per_type = {t: Score(c[0], c[1], c[2], c[1]) for t, c in counts.items()}
    report.relaxed = Score(relaxed[0], relaxed[1], relaxed[2], relaxed[1])
    report.ceiling = reachable / total if total else 0.0
    report.typed_ceiling = typed_reachable / total if total else 0.0
    return report


def _fp_reason(
    p: Prediction, gold: list[ConllRelation], loose: list[tuple[Prediction, ConllRelation | None]]
) -> str:
    loose_hit = next((g for q, g in loose if q is p and g is not None), None)
    if loose_hit is not None:
        why = f"boundaries differ from gold {loose_hit.head!r} -> {loose_hit.tail!r}"
    else:
        same_pair = [
            g
            for g in gold
            if _relaxed(g.head, g.head_type, p, "head") and _relaxed(g.tail, g.tail_type, p, "tail")
        ]
        why = f"gold type is {same_pair[0].type}" if same_pair else "no gold relation between them"
    return f"{why}; from {p.note}" if p.note else why


def _fn_reason(
    r: ConllRelation, predicted: list[Prediction], names: dict[str, set[str]] | None
) -> str:
    loose = [
        p
        for p in predicted
        if _relaxed(r.head, r.head_type, p, "head") and _relaxed(r.tail, r.tail_type, p, "tail")
    ]
    if loose:
        p = loose[0]
        if p.type == r.type:
            return f"boundaries differ: predicted {p.head!r} -> {p.tail!r}"
        return f"predicted as {p.type} ({p.note})"
    if names is None:
        return "not extracted"
    need = _ARGUMENT_CLASSES[r.type]
    problems = []
    for role, text, conll_class, cls in (
        ("head", r.head, r.head_type, need[0]),
        ("tail", r.tail, r.tail_type, need[1]),
    ):
        found = _classes(names, text, conll_class)
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
    from ..extract.pipeline import graph_from_doc
    from ..nlp import load_pipeline

    sentences = read_conll04(path, limit=limit)
    nlp = load_pipeline(model)
    extractor = Extractor(nlp)
    articles = (
        (s.text, Article(f"conll04/{s.index}", s.text, origin=f"{path}#{s.index}"))
        for s in sentences
    )
    predictions: list[list[Prediction]] = []
    entities: list[list[tuple[str, str]]] = []
    kg_names: list[list[NamePrediction]] = []
    spacy_names: list[list[NamePrediction]] = []
    unwritten = 0
    # One pass: kg's graph and the raw NER it started from come from the same Docs.
    for doc, article in extractor.nlp.pipe(articles, as_tuples=True, batch_size=64):
        graph = graph_from_doc(article, doc)
        predictions.append(predictions_from_graph(graph, statuses=statuses))
        entities.append([(n, e.label) for e in graph.entities for n in (e.name, *e.aliases)])
        kg_names.append([NamePrediction(e.label, (e.name, *e.aliases)) for e in graph.entities])
        spacy_names.append(
            [
                NamePrediction(SPACY_CLASSES[ent.label_], (ent.text,))
                for ent in doc.ents
                if ent.label_ in SPACY_CLASSES
            ]
        )
        unwritten += sum(
            1
            for t in graph.triples
            if t.evidence.status in statuses
            and not object_written(t, graph.article.text)
            and conll_type(t.subject.label, t.predicate, t.object.label)
        )
    report = score_conll04(
        sentences, predictions, entities=entities, examples=examples, path=str(path)
    )
    report.unwritten_objects = unwritten
    report.model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    report.names = [
        score_names(sentences, kg_names, system="kg", examples=examples),
        score_names(sentences, spacy_names, system="spaCy", examples=examples),
    ]
    return report

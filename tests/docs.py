"""Helpers of the extraction tests: a parsed ``Doc`` from a compact spec (no model), and the
facts the extraction component finds in a ``Doc``.

The ``make_doc`` fixture of ``conftest.py`` builds the ``Doc``; these read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc

from kg.extract.pipeline import ExtractComponent, graph_from_doc
from kg.records import Article, ArticleGraph, Triple

__all__ = ["extracted", "facts", "naming", "parsed"]

_TAGS = {
    "PROPN": "NNP",
    "NOUN": "NN",
    "VERB": "VB",
    "AUX": "MD",
    "PART": "TO",
    "DET": "DT",
    "ADP": "IN",
    "PUNCT": ".",
    "SCONJ": "IN",
    "ADJ": "JJ",
    "PRON": "PRP",
    "CCONJ": "CC",
    "NUM": "CD",
    "ADV": "RB",
}


def naming(text: str, ents: Sequence[tuple[int, int, str]], body: str) -> dict[str, Any]:
    """The ``make_doc`` arguments of ``text`` and ``ents`` with a sentence that names
    ``body`` ("The Senate voted ."): a legislator's seat is implied only in an article
    that names the chamber."""
    start = len(text.split()) + 1
    return {
        "text": f"{text} The {body} voted .",
        "ents": [*ents, (start, start + len(body.split()), "ORG")],
    }


def parsed(
    make_doc: Callable[..., Doc], text: str, ents: Sequence[tuple[int, int, str]], spec: str
) -> Doc:
    """A ``Doc`` of ``text`` parsed as ``spec`` says: one ``POS/head/dep[/lemma]`` per token
    (the head an absolute token index; the lemma the lower-cased word unless given)."""
    rows = [item.split("/") for item in spec.split()]
    return make_doc(
        text,
        ents=ents,
        pos=[r[0] for r in rows],
        tags=[
            _TAGS[r[0]] if w != "met" else "VBD" for r, w in zip(rows, text.split(), strict=True)
        ],
        parse=[(int(r[1]), r[2]) for r in rows],
        lemmas=[r[3] if len(r) > 3 else w.lower() for r, w in zip(rows, text.split(), strict=True)],
    )


def extracted(component: ExtractComponent, doc: Doc, *, date: str = "") -> ArticleGraph:
    """What the component finds in ``doc``, as the records of an article dated ``date``."""
    return graph_from_doc(Article("t", doc.text, date=date), component(doc))


def facts(
    component: ExtractComponent,
    doc: Doc,
    *,
    status: str | None = "current",
    evidence: Sequence[str] = (),
    date: str = "",
) -> set[tuple[object, ...]]:
    """``(subject, predicate, object, *evidence)`` of each triple found in ``doc`` with this
    status (None: any); ``evidence`` names fields of its :class:`~kg.records.Evidence`."""
    return {
        _fact(t, evidence)
        for t in extracted(component, doc, date=date).triples
        if status is None or t.evidence.status == status
    }


def _fact(t: Triple, evidence: Sequence[str]) -> tuple[object, ...]:
    return (t.subject.name, t.predicate, t.object.name, *(getattr(t.evidence, n) for n in evidence))

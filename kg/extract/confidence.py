"""What kg knows about a triple when it extracts it, as features of a confidence model.

A relation rule says how a sentence is built, not how often that construction states a
fact the reader would list: "X, a Y official" is right far more often than "X of Y" two
clauses apart. :func:`triple_features` describes one triple by what extraction already
knows — the rule, its family and suffixes (``.ref``, ``.list``, ``.conj``), the predicate,
the classes of both ends and the NER label they came from, whether the object is written
in the sentence, how far apart the two names are and how many names stand between them,
the sentence's length and its reported-speech, negation and modal words, how often the
article names each end — each a name → value pair. The work is per triple and per
sentence, never a loop over the whole ``Doc``.

The features are recorded only when asked (``ExtractComponent.record_features``):
``bench/train_confidence.py`` fits and cross-validates models on them. None is shipped, and
no triple is filtered by a score: no model beat the rules' own confidence on held-apart
articles (``bench/README.md``, "A learned triple-confidence scorer").
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..records import Triple
from .annotate import Annotation
from .entities import Resolution
from .mentions.clean import LABELS

__all__ = ["FeatureReader", "triple_features"]

_NER_CLASS = {**LABELS, "NORP": "Organization"}
"""spaCy entity labels → the kg class a mention so labelled may end as (a party is NORP)."""
_SAYING = frozenset({"say", "tell", "add", "accord", "report", "claim", "allege", "announce"})
_RULE_SUFFIXES = ("ref", "list", "conj", "member")


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    features: dict[str, float]


class FeatureReader:
    """The features of the triples of one ``Doc`` (what is shared is computed once).

    Args:
        doc: The parsed article.
        resolution: Its entities and their mentions.
        annotation: kg's marks on its tokens (entity tags, title phrases).
    """

    def __init__(self, doc: Doc, resolution: Resolution, annotation: Annotation) -> None:
        self.doc = doc
        self.res = resolution
        self.ann = annotation
        self.index = {(e.name, e.label): i for i, e in enumerate(resolution.entities)}
        self.starts = sorted(m.start for ms in resolution.mentions for m in ms)
        self.sentences: dict[int, _Sentence] = {}

    def sentence(self, char: int) -> _Sentence:
        """The sentence that starts at character ``char`` (an evidence's ``start``)."""
        found = self.sentences.get(char)
        if found is None:
            i = min(max(0, _token_at(self.doc, char)), len(self.doc) - 1)
            found = self.sentences[char] = _read_sentence(self.doc[i].sent)
        return found

    def features(self, triple: Triple) -> dict[str, float]:
        """The features of one triple: see :func:`triple_features`."""
        ev = triple.evidence
        parts = ev.rule.split(".")
        family = parts[0]
        feats: dict[str, float] = {
            "bias": 1.0,
            f"rule={_rule_id(parts)}": 1.0,
            f"family={family}": 1.0,
            f"predicate={triple.predicate}": 1.0,
            f"classes={triple.subject.label}>{triple.object.label}": 1.0,
            "rule_confidence": ev.confidence,
        }
        for suffix in _RULE_SUFFIXES:
            if suffix in parts[1:]:
                feats[f"suffix={suffix}"] = 1.0
        if ev.title:
            feats["has_title"] = 1.0
        if ev.start == 0:
            feats["first_sentence"] = 1.0
        sent = self.sentence(ev.start)
        feats.update(sent.features)
        s_index = self.index.get((triple.subject.name, triple.subject.label))
        o_index = self.index.get((triple.object.name, triple.object.label))
        for role, index, entity in (
            ("subject", s_index, triple.subject),
            ("object", o_index, triple.object),
        ):
            mentions = self.res.mentions[index] if index is not None else []
            feats[f"{role}_mentions"] = math.log1p(len(mentions))
            if " " not in entity.name:
                feats[f"{role}_one_word"] = 1.0
            ner = {m.ner_label for m in mentions}
            if ner and not any(_NER_CLASS.get(n) == entity.label for n in ner):
                feats[f"{role}_retyped"] = 1.0
            for label in ner - _NER_CLASS.keys():
                feats[f"{role}_ner={label}"] = 1.0
        s_at = self._mentions_in(s_index, sent)
        o_at = self._mentions_in(o_index, sent)
        if not o_at:
            feats["object_not_in_sentence"] = 1.0
        if not s_at:
            feats["subject_not_in_sentence"] = 1.0
        for role, at in (("subject", s_at), ("object", o_at)):
            if any(self._name_goes_on(start, end, sent) for start, end in at):
                feats[f"{role}_name_goes_on"] = 1.0
        if s_at and o_at:
            gap, left, right = min(
                (max(o[0] - s[1], s[0] - o[1], 0), min(s[1], o[1]), max(s[0], o[0]))
                for s in s_at
                for o in o_at
            )
            feats["distance"] = math.log1p(gap)
            between = bisect_left(self.starts, right) - bisect_left(self.starts, left)
            feats["names_between"] = float(min(between, 4))
            if s_at[0][0] > min(o[0] for o in o_at):
                feats["object_first"] = 1.0
        return feats

    def _name_goes_on(self, start: int, end: int, sent: _Sentence) -> bool:
        """Whether the proper name a mention is part of goes on after it: a capitalised
        word no other mention holds follows it, also over "and" or a number ("Toshiba
        Elevator and Building Systems", "TFC 101 Tower"). (Not before it: a title is
        written there, "Senator X".)"""
        doc, ann = self.doc, self.ann

        def free_name(i: int) -> bool:
            return (
                sent.start <= i < sent.end
                and i not in self.res.token_entity
                and not ann.ent[i]
                and i not in ann.titles
                and doc[i].pos_ == "PROPN"
                and doc[i].is_title
            )

        if end < sent.end and (doc[end].lower_ == "and" or doc[end].like_num):
            end += 1
        return free_name(end)

    def _mentions_in(self, index: int | None, sent: _Sentence) -> list[tuple[int, int]]:
        if index is None:
            return []
        return [
            (m.start, m.end) for m in self.res.mentions[index] if sent.start <= m.start < sent.end
        ]


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _rule_id(parts: list[str]) -> str:
    """The rule's own id, without the suffixes the builder adds."""
    return ".".join(p for i, p in enumerate(parts) if i < 2 or p not in _RULE_SUFFIXES)


def _read_sentence(sent: Span) -> _Sentence:
    feats: dict[str, float] = {"sentence_length": math.log1p(len(sent))}
    for token in sent:
        if token.dep_ == "neg":
            feats["negation"] = 1.0
        elif token.tag_ == "MD":
            feats["modal"] = 1.0
        elif token.lemma_ in _SAYING and token.pos_ == "VERB":
            feats["reported"] = 1.0
        elif token.text in ('"', "“", "”", "''", "``"):
            feats["quote"] = 1.0
        elif token.text == "?":
            feats["question"] = 1.0
    return _Sentence(sent.start, sent.end, feats)


def triple_features(
    doc: Doc, resolution: Resolution, annotation: Annotation, triples: list[Triple]
) -> list[dict[str, float]]:
    """The features of each triple extracted from ``doc``, in order.

    Every feature is a name → value pair: indicators (``rule=…``, ``family=…``,
    ``predicate=…``, ``classes=Person>Organization``, ``suffix=ref``, ``negation``,
    ``object_not_in_sentence``, …) are 1.0 when present and left out otherwise; counts and
    lengths are ``log1p`` of the number (``distance``, ``sentence_length``,
    ``subject_mentions``) or capped (``names_between``, at most 4).
    """
    reader = FeatureReader(doc, resolution, annotation)
    return [reader.features(t) for t in triples]

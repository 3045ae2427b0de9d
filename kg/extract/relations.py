"""The relation engine: run the rules of a :class:`~kg.extract.rules.RuleSet` over a
``Doc`` whose tokens :mod:`kg.extract.annotate` has marked, and make triples with evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token

from ..records import Entity, Evidence, Triple
from ..vocab import DOMAINS, RANGES
from .annotate import Annotation
from .entities import Resolution
from .rules import Rule, RuleSet, TitleEntry

__all__ = ["RelationMatchers", "build_matchers", "extract_relations"]

# Verbs of the future: "X will become chief executive".
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})


@dataclass
class RelationMatchers:
    """The rules compiled into spaCy matchers, by rule id."""

    token: Matcher
    dependency: DependencyMatcher
    rules: dict[str, Rule]


def build_matchers(vocab: object, ruleset: RuleSet) -> RelationMatchers:
    """Compile every rule of ``ruleset``."""
    token = Matcher(vocab)  # type: ignore[arg-type]
    dependency = DependencyMatcher(vocab)  # type: ignore[arg-type]
    for rule in ruleset.rules:
        if rule.kind == "token":
            token.add(rule.id, [rule.pattern], greedy="LONGEST")
        else:
            dependency.add(rule.id, [rule.pattern])
    return RelationMatchers(token, dependency, {r.id: r for r in ruleset.rules})


def _matches(doc: Doc, matchers: RelationMatchers) -> list[tuple[Rule, dict[str, list[int]]]]:
    found = []
    for match_id, start, _end, alignments in matchers.token(doc, with_alignments=True):
        rule = matchers.rules[doc.vocab.strings[match_id]]
        roles: dict[str, list[int]] = {}
        for offset, pattern_index in enumerate(alignments):
            role = rule.roles[pattern_index]
            if role:
                roles.setdefault(role, []).append(start + offset)
        found.append((rule, roles))
    if not doc.has_annotation("DEP"):
        return found  # no parser: dependency rules cannot apply
    for match_id, token_ids in matchers.dependency(doc):
        rule = matchers.rules[doc.vocab.strings[match_id]]
        roles = {}
        for pattern_index, i in enumerate(token_ids):
            role = rule.roles[pattern_index]
            if role:
                roles.setdefault(role, []).append(i)
        found.append((rule, roles))
    return found


class _Builder:
    """Turns matches into triples for one ``Doc``."""

    def __init__(self, doc: Doc, resolution: Resolution, annotation: Annotation, ruleset: RuleSet):
        self.doc = doc
        self.res = resolution
        self.ann = annotation
        self.ruleset = ruleset
        self.triples: dict[tuple[str, str, str, str, int], Triple] = {}

    # -- arguments ----------------------------------------------------------------

    def entity_at(self, i: int) -> int | None:
        """Index of the entity a token belongs to; demonyms become entities on demand."""
        if i in self.res.token_entity:
            return self.res.token_entity[i]
        if i in self.res.demonyms:
            name, label, text = self.res.demonyms[i]
            index = self.res.entity_named(name, label)
            if index is None:
                index = len(self.res.entities)
                self.res.entities.append(Entity(name, label, (text,)))
                self.res.mentions.append([])
            else:
                old = self.res.entities[index]
                if text != old.name and text not in old.aliases:
                    aliases = tuple(sorted({*old.aliases, text}))
                    self.res.entities[index] = Entity(old.name, old.label, aliases)
            return index
        return None

    def argument(self, tokens: list[int], near: int) -> tuple[int, str] | None:
        """The entity among ``tokens`` closest to token ``near``, and its text as written."""
        candidates = [(abs(i - near), i) for i in tokens if self.entity_at(i) is not None]
        if not candidates:
            return None
        _, pivot = min(candidates)
        index = self.entity_at(pivot)
        assert index is not None
        run = [i for i in tokens if self.entity_at(i) == index]
        lo, hi = min(run), max(run)
        while lo > 0 and self.entity_at(lo - 1) == index:
            lo -= 1
        while hi + 1 < len(self.doc) and self.entity_at(hi + 1) == index:
            hi += 1
        text = self.doc[lo : hi + 1].text
        for suffix in ("'s", "’s"):
            text = text.removesuffix(suffix)
        return index, text

    # -- title and status -----------------------------------------------------------

    def title_of(self, tokens: list[int]) -> tuple[str, list[TitleEntry], int, int] | None:
        spans = sorted({self.ann.titles[i][:2] for i in tokens if i in self.ann.titles})
        if not spans:
            return None
        start, end = spans[-1]
        return self.doc[start:end].text, self.ann.titles[start][2], start, end

    def status_of(self, first: int, last: int) -> tuple[str, str]:
        """Status (and predicate override) from modifiers around a title ``[first, last]``."""
        doc = self.doc
        i, steps = first - 1, 0
        while i >= 0 and steps < 4:
            token = doc[i]
            word = token.lower_
            if word in self.ruleset.modifiers:
                return self.ruleset.modifiers[word]
            if not (token.pos_ in ("ADJ", "DET", "NOUN", "PUNCT") and word not in (",", ";", "(")) or token._.kg_ent:
                break
            i, steps = i - 1, steps + 1
        if last + 1 < len(doc) and doc[last + 1].lower_ in self.ruleset.modifiers:
            return self.ruleset.modifiers[doc[last + 1].lower_]
        if last + 2 < len(doc) and doc[last + 1].text == "-" and doc[last + 2].lower_ in self.ruleset.modifiers:
            return self.ruleset.modifiers[doc[last + 2].lower_]
        head: Token = doc[last]
        for _ in range(3):
            if head.lemma_ == "become" and any(c.lower_ in _FUTURE_AUX for c in head.children):
                return ("future", "")
            if head.head is head:
                break
            head = head.head
        return ("current", "")

    # -- triples ----------------------------------------------------------------------

    def add(self, rule: Rule, roles: dict[str, list[int]], *, suffix: str = "") -> None:
        title_tokens = roles.get("title", [])
        title = self.title_of(title_tokens) if title_tokens else None
        near = title[2] if title else min(roles["object"] + roles["subject"])
        subject = self.argument(roles.get("subject", []), near)
        obj = self.argument(roles.get("object", []), title[3] - 1 if title else near)
        if subject is None or obj is None or subject[0] == obj[0]:
            return
        s_entity, o_entity = self.res.entities[subject[0]], self.res.entities[obj[0]]
        predicate = rule.predicate
        status, override = ("current", "")
        if title:
            status, override = self.status_of(title[2], title[3] - 1)
        if predicate == "title":
            if title is None:
                return
            fitting = [e for e in title[1] if e.object_class in ("", o_entity.label)]
            specific = [e for e in fitting if e.object_class]
            if not fitting:
                return
            predicate = (specific or fitting)[0].predicate
        if override:
            predicate = override
        if s_entity.label not in DOMAINS[predicate] or o_entity.label not in RANGES[predicate]:
            return
        sentence = self.doc[near].sent
        evidence = Evidence(
            sentence=sentence.text,
            start=sentence.start_char,
            end=sentence.end_char,
            subject_text=subject[1],
            object_text=obj[1],
            rule=rule.id + suffix,
            confidence=rule.confidence,
            title=title[0] if title else "",
            status=status,
        )
        s_name, o_name = s_entity.name, o_entity.name
        if predicate == "met_with" and o_name < s_name:  # symmetric: one direction only
            s_entity, o_entity = o_entity, s_entity
            evidence = Evidence(**{**evidence.__dict__, "subject_text": obj[1], "object_text": subject[1]})
        key = (s_entity.name, predicate, o_entity.name, status, sentence.start_char)
        old = self.triples.get(key)
        if old is None or old.evidence.confidence < evidence.confidence:
            self.triples[key] = Triple(s_entity, predicate, o_entity, evidence)
        if title and not suffix:
            self.follow_conjuncts(rule, roles, title)

    def follow_conjuncts(self, rule: Rule, roles: dict[str, list[int]], title: tuple[str, list[TitleEntry], int, int]) -> None:
        """"X is a NOTUS reporter and an Allbritton fellow": the subject holds both titles."""
        head = self.doc[title[3] - 1]
        for conj in head.conjuncts:
            if conj.i not in self.ann.titles:
                continue
            start, end, _ = self.ann.titles[conj.i]
            obj = []
            i = start - 1
            while i >= 0 and (self.doc[i]._.kg_ent in ("ORG", "PLACE", "NORP") or self.doc[i].tag_ == "POS"):
                if self.doc[i]._.kg_ent:
                    obj.append(i)
                i -= 1
            if obj:
                self.add(rule, {"subject": roles["subject"], "object": obj, "title": list(range(start, end))}, suffix=".conj")


def extract_relations(
    doc: Doc, resolution: Resolution, annotation: Annotation, ruleset: RuleSet, matchers: RelationMatchers
) -> list[Triple]:
    """Every triple the rules find in ``doc``, one per fact and sentence."""
    builder = _Builder(doc, resolution, annotation, ruleset)
    for rule, roles in _matches(doc, matchers):
        if "subject" in roles and "object" in roles:
            builder.add(rule, roles)
    return sorted(builder.triples.values(), key=lambda t: (t.evidence.start, t.predicate, t.subject.name))

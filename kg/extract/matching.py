"""The rules compiled into spaCy matchers, and what they match in a ``Doc``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc

from .gazetteer import Gazetteer
from .rules import Rule, RuleSet, spacy_pattern

__all__ = ["RelationMatchers", "build_matchers", "matches"]


@dataclass
class RelationMatchers:
    """The rules compiled into spaCy matchers, by rule id."""

    token: Matcher
    dependency: DependencyMatcher
    rules: dict[str, Rule]


def build_matchers(vocab: object, ruleset: RuleSet, gazetteer: Gazetteer) -> RelationMatchers:
    """Compile every rule of ``ruleset`` (``orgword`` takes its words from ``gazetteer``)."""
    token = Matcher(vocab)  # type: ignore[arg-type]
    dependency = DependencyMatcher(vocab)  # type: ignore[arg-type]
    for rule in ruleset.rules:
        pattern = spacy_pattern(rule, modifiers=ruleset.modifiers, org_words=gazetteer.org_suffixes)
        if rule.kind == "token":
            token.add(rule.id, [pattern], greedy="LONGEST")
        else:
            dependency.add(rule.id, [pattern])
    return RelationMatchers(token, dependency, {r.id: r for r in ruleset.rules})


def matches(doc: Doc, matchers: RelationMatchers) -> list[tuple[Rule, dict[str, list[int]]]]:
    """Every match of every rule: the rule and its tokens by role (``subject``, ``object``…)."""
    found = []
    matches: list[tuple[int, int, int, list[int]]] = matchers.token(doc, with_alignments=True)  # type: ignore[assignment]
    for match_id, start, _end, alignments in matches:
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

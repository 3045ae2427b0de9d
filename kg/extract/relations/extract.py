"""The relation engine's driver: run the rules of a :class:`~kg.extract.rules.RuleSet` over
a ``Doc`` whose tokens :mod:`kg.extract.annotate` has marked, and make triples with evidence.

The passes after the builder run in this order, each adding to or filtering what the
one before gave: drop contradicted implied objects, keep one holder per post
(:func:`~kg.extract.holders.one_holder`), add the chamber a leader sits in, then the
triples that chain (:func:`~kg.extract.chains.chained`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from ...records import Triple
from ..annotate import Annotation
from ..chains import chained
from ..entities import Resolution
from ..gazetteer import Gazetteer
from ..holders import one_holder
from ..matching import RelationMatchers, matches
from ..rules import Rule, RuleSet
from ..trace import RuleMatch, Trace
from .builder import TripleBuilder
from .reading import Reading, chamber_names, names_a_chamber
from .refusals import Refusal

__all__ = ["extract_relations"]


def _traced_add(
    builder: TripleBuilder, rule: Rule, roles: dict[str, list[int]], trace: Trace
) -> None:
    """Run ``builder.add(rule, roles)`` and record the triples it made, or the check that
    refused the match."""
    doc = builder.doc
    tokens = [i for ids in roles.values() for i in ids]
    text = doc[min(tokens) : max(tokens) + 1].text if tokens else ""
    before = dict(builder.triples)
    refusal = builder.add(rule, roles)
    made = [t for key, t in builder.triples.items() if before.get(key) is not t]
    for t in made:
        ev = t.evidence
        trace.matched(
            RuleMatch(
                ev.rule, text, t.subject.name, t.predicate, t.object.name, ev.status, ev.confidence
            )
        )
    if not made:
        refusal = refusal or Refusal.SAME_FACT
        trace.rejected(rule.id, text, refusal.value, refusal.reason)


def _without_contradicted(builder: TripleBuilder) -> list[Triple]:
    """Drop an implied object where the article writes another one for the same person and
    predicate ("President Trump" in a Beijing story, after "U.S. President Donald Trump").
    A membership contradicts no other: one sits in a party, a chamber and its committees
    ("Senator X, an Ohio Republican"; "Senators X and Y, both members of the Budget Committee")."""
    written = {
        (t.subject, t.predicate)
        for key, t in builder.triples.items()
        if key not in builder.implied and t.predicate != "member_of"
    }
    return [
        t
        for key, t in builder.triples.items()
        if key not in builder.implied or (t.subject, t.predicate) not in written
    ]


def _chamber_members(triples: list[Triple], ruleset: RuleSet) -> list[Triple]:
    """The leader of a legislative chamber sits in it ("Speaker Paul Ryan", "Senate Majority
    Leader X"): a chamber is what a ``member_of`` post of government.tsv names."""
    chambers = chamber_names(ruleset)
    have = {(t.subject, t.predicate, t.object, t.evidence.start) for t in triples}
    out = []
    for t in triples:
        if t.predicate != "leader_of" or not names_a_chamber(t.object, chambers):
            continue
        if (t.subject, "member_of", t.object, t.evidence.start) in have:
            continue
        have.add((t.subject, "member_of", t.object, t.evidence.start))
        evidence = replace(t.evidence, rule=t.evidence.rule + ".member")
        out.append(replace(t, predicate="member_of", evidence=evidence))
    return out


def extract_relations(
    doc: Doc,
    resolution: Resolution,
    annotation: Annotation,
    ruleset: RuleSet,
    matchers: RelationMatchers,
    gazetteer: Gazetteer,
    *,
    country: str = "",
    trace: Trace | None = None,
) -> list[Triple]:
    """Every triple the rules find in ``doc``, one per fact and sentence.

    ``country`` is the country whose government titles the article means ("the chancellor");
    when empty it is found in the text (:func:`~kg.extract.country.find_country`).
    """
    reading = Reading(doc, resolution, annotation, ruleset, gazetteer, country)
    reading.mark_references()
    builder = TripleBuilder(reading)
    found = matches(doc, matchers)
    # Rules whose verb gives the status run first: "X is to become chairman of Y" is future
    # whatever the copula rule says. Rules with an implied object run last: a title whose
    # object is written never gets one.
    for rule, roles in sorted(
        found, key=lambda m: (m[0].object_kind == "implied", not m[0].status)
    ):
        if "subject" in roles and ("object" in roles or rule.object_kind == "implied"):
            if trace is None:
                builder.add(rule, roles)
            else:
                _traced_add(builder, rule, roles, trace)
        elif trace is not None:
            trace.rejected(rule.id, "", Refusal.NO_ROLES, Refusal.NO_ROLES.reason)
    triples = _without_contradicted(builder)
    mentions = Counter(
        {
            (e.name, e.label): len(m)
            for e, m in zip(resolution.entities, resolution.mentions, strict=False)
        }
    )
    triples = one_holder(triples, mentions)
    triples.extend(_chamber_members(triples, ruleset))
    triples.extend(chained(triples))
    return sorted(triples, key=lambda t: (t.evidence.start, t.predicate, t.subject.name))

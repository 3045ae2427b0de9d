"""Posts of a place that one person holds at a time: a country has one president.

A news article that calls two people "President" of one country speaks of its current
president and of earlier ones ("Trump" and "President Barack Obama's health law", "the model
of President Theodore Roosevelt"), or calls a foreign head of state "President" without his
country ("press a reluctant President Xi Jinping" in a Washington story). The holder the
article speaks of most keeps the post; the others do not hold it now.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..records import Triple

__all__ = ["ONE_HOLDER", "one_holder"]

ONE_HOLDER = frozenset({"president_of", "prime_minister_of", "leader_of"})
"""Predicates whose place object has one holder at a time (a president, a prime minister, a
governor or mayor); an organization may have several leaders ("co-chairman", a party's
leaders in two chambers), so only places count."""


def one_holder(triples: list[Triple], mentions: Counter[tuple[str, str]]) -> list[Triple]:
    """``triples`` where several people hold one post of one place now, with one holder left.

    A holder whose country is written keeps the post over one whose country is implied
    ("China's President Xi Jinping" over "President Trump" in a Beijing story), then the one
    asserted in the most sentences, then the one with the most mentions
    (``mentions[(name, label)]``); a tie keeps them all. Another holder's triple
    with an implied object (rule ``implied.*``) is dropped: the title named no country ("President Xi Jinping"); one with a written object ("U.S. President
    Barack Obama") becomes ``former``, rule id suffix ``.past``.
    """
    holders: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
    written: set[tuple[str, str, tuple[str, str]]] = set()
    for t in triples:
        if _contested(t):
            key, person = (t.predicate, t.object.name), (t.subject.name, t.subject.label)
            holders.setdefault(key, Counter())[person] += 1
            if not t.evidence.rule.startswith("implied."):
                written.add((*key, person))
    losers: set[tuple[str, str, str]] = set()
    for (predicate, place), sentences in holders.items():
        if len(sentences) < 2:
            continue

        rank = {p: ((predicate, place, p) in written, n, mentions[p]) for p, n in sentences.items()}
        best = max(rank.values())
        losers.update((p[0], predicate, place) for p in rank if rank[p] != best)
    if not losers:
        return triples
    out: list[Triple] = []
    for t in triples:
        if not _contested(t) or (t.subject.name, t.predicate, t.object.name) not in losers:
            out.append(t)
        elif not t.evidence.rule.startswith("implied."):
            evidence = replace(t.evidence, status="former", rule=t.evidence.rule + ".past")
            out.append(replace(t, evidence=evidence))
    return out


def _contested(t: Triple) -> bool:
    return (
        t.predicate in ONE_HOLDER
        and t.object.label == "Place"
        and t.subject.label == "Person"
        and t.evidence.status == "current"
    )

"""Facts a sentence states through a place, from two triples of the same sentence."""

from __future__ import annotations

from dataclasses import replace

from ..records import Triple

__all__ = ["chained"]


def chained(triples: list[Triple]) -> list[Triple]:
    """Facts one sentence states through a place: "Acme headquarters in Rockville, Md." gives
    Acme ``based_in`` Maryland; "Soho in London, England" gives Soho ``located_in`` England."""
    have = {(t.subject.name, t.predicate, t.object.name, t.evidence.start) for t in triples}
    places = [t for t in triples if t.predicate == "located_in" and t.evidence.status == "current"]
    out: list[Triple] = []
    for first in triples:
        if first.predicate not in ("based_in", "located_in") or first.evidence.status != "current":
            continue
        for second in places:
            key = (first.subject.name, first.predicate, second.object.name, first.evidence.start)
            if (
                second.evidence.start == first.evidence.start
                and second.subject.name == first.object.name
                and second.object.name != first.subject.name
                and key not in have
            ):
                have.add(key)
                evidence = replace(
                    first.evidence,
                    object_text=second.evidence.object_text,
                    rule=f"{first.evidence.rule}+{second.evidence.rule}",
                    confidence=round(first.evidence.confidence * second.evidence.confidence, 3),
                )
                out.append(replace(first, object=second.object, evidence=evidence))
    return out

"""Find the mentions of people, organizations and places in a spaCy ``Doc``.

The statistical NER is a good start and makes typical mistakes on news text. The mentions
are found by an explicit, ordered tuple of passes (:data:`PASSES`), each a function
``(doc, mentions, context) → new mentions``, in three stages:

1. ``clean`` (:mod:`.clean`): photo credits, news-digest source lines, then NER's own spans
   with their decorations stripped and junk dropped;
2. ``recall`` (:mod:`.recall`): names NER missed, each found by one kind of evidence
   (a gazetteer name, an honorific, an age, a dateline, …) on tokens still free;
3. ``retype`` (:mod:`.retype`, a package: :mod:`.retype.teams`, :mod:`.retype.by_text`,
   :mod:`.retype.people`, :mod:`.retype.organizations`, :mod:`.retype.products` and the
   shared :mod:`.retype.evidence`): classes the text contradicts are fixed.

The word lists the passes read are data: ``schemas/mention_words.toml`` (and the name
tables of :mod:`kg.extract.gazetteer`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..gazetteer import Gazetteer
from ..trace import Trace, trace_passes
from . import clean, recall, retype
from .base import Context, Pass, SpanMention

__all__ = ["CLEAN", "PASSES", "RECALL", "RETYPE", "Context", "Pass", "SpanMention", "find_mentions"]

CLEAN: tuple[Pass, ...] = (clean.credits, clean.source_lines, clean.named_entities)
"""Credits and source lines first (they win over NER), then NER's spans, cleaned."""

RECALL: tuple[Pass, ...] = (
    recall.untagged_demonyms,
    recall.untagged_names,
    recall.honorific_names,
    recall.named_after_org_nouns,
    recall.orgs_before_titles,
    recall.dateline_places,
    recall.party_states,
    recall.aged_names,
    recall.regions_after_places,
    recall.repeated_names,
)
"""Names NER missed, in order of trust: an earlier pass takes the tokens first."""

RETYPE: tuple[Pass, ...] = (
    retype.in_text_order,
    retype.people_in_team_sheets,
    retype.retype_by_text,
    retype.people_by_context,
    retype.organizations_by_context,
    retype.teams_before_sport_titles,
    retype.drop_products_and_laws,
)
"""Classes fixed from the text, mentions in text order; products and laws dropped."""

PASSES: tuple[Pass, ...] = (*CLEAN, *RECALL, *RETYPE)
"""Every pass, in the order :func:`find_mentions` runs them."""


def find_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    passes: tuple[Pass, ...] = PASSES,
    trace: Trace | None = None,
) -> list[SpanMention]:
    """The cleaned mentions of a ``Doc``, in text order, never overlapping (``trace``: where
    ``kg explain`` records what each pass added, retyped or dropped)."""
    ctx = Context(gazetteer)
    mentions: list[SpanMention] = []
    for step in passes:
        before, mentions = mentions, step(doc, mentions, ctx)
        if trace is not None:
            name = f"{_stage(step)}.{step.__name__}"
            trace_passes(trace, name, before, mentions)
    return mentions


def _stage(step: Pass) -> str:
    """The stage a pass belongs to, as ``kg explain`` names it: its module's first part under
    this package ("retype" for :mod:`.retype.people`), else its module's last part."""
    module = step.__module__
    if module.startswith(f"{__name__}."):
        return module[len(__name__) + 1 :].partition(".")[0]
    return module.rpartition(".")[2]

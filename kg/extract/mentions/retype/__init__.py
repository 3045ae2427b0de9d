"""The ``retype`` passes: fix NER classes that the text itself contradicts.

:data:`kg.extract.mentions.RETYPE` runs them in this order, each a function
``(doc, mentions, context) → new mentions``:

1. :func:`in_text_order` (here): the mentions sorted by their first token, since the later
   passes read neighbours;
2. :func:`people_in_team_sheets` (:mod:`.teams`): the names of a team sheet are people;
3. :func:`retype_by_text` (:mod:`.by_text`): the words of the name or right around it;
4. :func:`people_by_context` (:mod:`.people`): organizations and places shown to be people;
5. :func:`organizations_by_context` (:mod:`.organizations`): people and unknown places shown
   to be companies, platforms or outlets;
6. :func:`teams_before_sport_titles` (:mod:`.teams`): places written as their sports team;
7. :func:`drop_products_and_laws` (:mod:`.products`): products, laws, events and works dropped.

:mod:`.evidence` holds what several passes read: the ``ner_label`` marks that make a whole
entity one class (:data:`TEAM`, :data:`PERSONAL`, :data:`LISTED_PLACE`, :data:`COMPANY`, read
by :mod:`kg.extract.entities`) and the shared signals (a full personal name, a known place, an
apposition's head, a list of like mentions, the pronoun after a name).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..base import Context, SpanMention
from .by_text import retype_by_text
from .evidence import COMPANY, LISTED_PLACE, PERSONAL, TEAM
from .organizations import organizations_by_context
from .people import people_by_context
from .products import drop_products_and_laws
from .teams import people_in_team_sheets, teams_before_sport_titles

__all__ = [
    "COMPANY",
    "LISTED_PLACE",
    "PERSONAL",
    "TEAM",
    "drop_products_and_laws",
    "in_text_order",
    "organizations_by_context",
    "people_by_context",
    "people_in_team_sheets",
    "retype_by_text",
    "teams_before_sport_titles",
]


def in_text_order(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """The mentions sorted by their first token (the later passes read neighbours)."""
    return sorted(mentions, key=lambda m: m.start)

"""The ``drop_products_and_laws`` pass: names the text shows to be products, laws, treaties,
programs, events, awards or creative works, dropped with every mention of the name."""

from __future__ import annotations

from spacy.tokens import Doc

from ....names import normalize_name
from ..base import Context, SpanMention
from .evidence import is_full_personal_name

__all__ = ["drop_products_and_laws"]


def drop_products_and_laws(
    doc: Doc, mentions: list[SpanMention], ctx: Context
) -> list[SpanMention]:
    """Drop names the text shows to be products, laws, treaties, programs, events or
    awards: no node at all.

    - A law: a name ending in "Act", "Bill", "Treaty", "Agreement"… ("Affordable Care Act").
    - A program, event or award: a name ending in "Program", "Cup", "Awards", "Prize",
      "Lecture"… ("Children's Health Insurance Program", "Grammy Award", "Davis Cup").
    - A creative work: "Bizet's opera Carmen -", "his new book, Lawless World," (a noun for
      a work right before the name, and no verb of the name's own after it: not "the show
      Simon Cowell judges").
    - A product: "the new iPod", "its latest PlayStation", "launched the Xbox" (a
      determiner or possessive, an adjective of novelty or a launching verb, then the name as
      the head of its phrase). Every mention of the name in the article goes.
    """
    gazetteer = ctx.gazetteer
    laws = ctx.words("law_words") | ctx.words("event_words")
    verbs = ctx.words("product_verbs")
    novel = ctx.words("product_adjectives")
    works = ctx.words("work_nouns")
    determiners = ("the", "a", "an", "its", "their", "his", "her", "our")

    def product(m: SpanMention) -> bool:
        if m.label == "Place" or m.start < 2 or gazetteer.lookup(m.text) is not None:
            return False
        if m.end < len(doc) and (doc[m.end].pos_ in ("NOUN", "PROPN") or doc[m.end].tag_ == "POS"):
            return False  # "the new Trump administration": the name is no head
        a, b = doc[m.start - 2], doc[m.start - 1]
        if b.lower_ in novel and a.lower_ in determiners:
            return True  # "the new iPod"
        # "launched the Xbox"
        return b.lower_ in determiners and a.lemma_ in verbs and a.pos_ == "VERB"

    def work(m: SpanMention) -> bool:
        """ "Bizet's opera Carmen -", "his new book, Lawless World,", "the game Grand Theft
        Auto:": a noun for a creative work, then the name, then no clause of its own."""
        before = m.start - 1
        if before > 0 and doc[before].text == ",":
            before -= 1
        if before < 0 or m.start == 0 or gazetteer.lookup(m.text) is not None:
            return False
        after = doc[m.end] if m.end < len(doc) else None
        return (
            doc[before].is_lower
            and doc[before].lower_ in works
            and (after is None or after.is_punct or after.pos_ in ("ADP", "CCONJ"))
            and not is_full_personal_name(m.text.split(), gazetteer)
        )

    gone = {
        normalize_name(m.text)
        for m in mentions
        if m.label != "Demonym"
        and (
            (len(m.text.split()) > 1 and m.text.split()[-1].lower() in laws)
            or product(m)
            or work(m)
        )
    }
    return [m for m in mentions if m.label == "Demonym" or normalize_name(m.text) not in gone]

"""What the mention passes share: the mention record, the per-``Doc`` state and helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...names import HONORIFICS
from ..gazetteer import Gazetteer

__all__ = ["Context", "Pass", "SpanMention"]

PROPER_TAGS = frozenset({"NNP", "NNPS"})
UPPER = re.compile(r"^[A-Z][A-Z0-9&.\-]+$")


@dataclass(frozen=True)
class SpanMention:
    """A cleaned mention, by token offsets in its ``Doc`` (plain values only).

    Attributes:
        start: Index of the first token.
        end: Index after the last token.
        text: The cleaned surface text.
        surface: The text as written, honorific included ("Mr Blair"), for aliases.
        label: ``Person``, ``Organization``, ``Place``, or ``Demonym``.
        ner_label: The spaCy label it came from (``"CREDIT"`` for photo credits,
            ``"SOURCE"`` for source lines).
    """

    start: int
    end: int
    text: str
    surface: str
    label: str
    ner_label: str


@dataclass
class Context:
    """What the passes over one ``Doc`` share besides the mentions.

    Attributes:
        gazetteer: The curated names and word lists.
        blocked: Tokens that are spoken for without being a mention (the language of a
            news-digest source line: "in Serbo-Croatian" names no place).
    """

    gazetteer: Gazetteer
    blocked: set[int] = field(default_factory=set)

    def words(self, name: str) -> frozenset[str]:
        """A word list of ``schemas/mention_words.toml``."""
        return self.gazetteer.words[name]

    def taken(self, mentions: Sequence[SpanMention]) -> set[int]:
        """Token indices no new mention may use: those of ``mentions`` and the blocked ones."""
        taken = set(self.blocked)
        for m in mentions:
            taken.update(range(m.start, m.end))
        return taken


Pass = Callable[[Doc, list[SpanMention], Context], list[SpanMention]]
"""A step of :func:`~kg.extract.mentions.find_mentions`: the mentions so far → new mentions."""


def is_proper(token: Token) -> bool:
    if token.tag_:
        return token.tag_ in PROPER_TAGS or bool(UPPER.match(token.text))
    # Docs without tags (built by hand): a capitalised word that is not a sentence starter.
    return token.text[:1].isupper() and not token.is_sent_start


def clean_text(doc: Doc, start: int, end: int, abbreviations: frozenset[str]) -> str:
    """The text of ``doc[start:end]`` without a glued sentence-final full stop or possessive."""
    text = doc[start:end].text
    last = text[:-1].rsplit(" ", 1)[-1].lower()
    if text.endswith(".") and text.count(".") == 1 and len(text) > 1 and last not in abbreviations:
        text = text[:-1]  # "on X." at the end of a sentence: the full stop is glued on
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def is_honorific(token: Token) -> bool:
    """A courtesy title as written before a name: "Mr", "Dr.", "Sir" (capitalised)."""
    return token.lower_.rstrip(".") in HONORIFICS and token.text[:1].isupper()


def age_follows(doc: Doc, end: int) -> bool:
    """Whether an age in commas follows token ``end``: "Ulla Berg, 47, said"."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].text.isdigit()
        and int(doc[end + 1].text) < 120
        and doc[end + 2].text == ","
    )


def place_follows(doc: Doc, i: int, gazetteer: Gazetteer) -> bool:
    """Whether a known country or region is written from token ``i`` ("Ohio", "South Africa")."""
    for width in (3, 2, 1):
        span = doc[i : i + width]
        if len(span) < width or not all(t.is_title or t.is_upper for t in span):
            continue
        hit = gazetteer.lookup(span.text)
        if (hit and hit[1] == "Place") or gazetteer.is_region(span.text):
            return True
    return False


def is_dateline(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether ``[start, end)`` is a capitalised dateline place: "BANGKOK, Thailand (AP)"."""
    return (
        bool(doc[start].is_sent_start)
        and end + 1 < len(doc)
        and doc[end].text == ","
        and all(t.is_upper and t.is_alpha and len(t) > 1 for t in doc[start:end])
        and place_follows(doc, end + 1, gazetteer)
    )


def scan(
    doc: Doc,
    taken: set[int],
    widths: Sequence[int],
    classify: Callable[[Span], tuple[str, str] | None],
) -> list[SpanMention]:
    """Mentions NER missed: the longest free span (of ``widths``, longest first) at each
    capitalised token that ``classify`` names ``(label, source)``; spans never overlap."""
    found: list[SpanMention] = []
    caps = [t.text[:1].isupper() for t in doc]  # the only places a missed name can start
    i = 0
    while i < len(doc):
        if not caps[i] or i in taken:
            i += 1
            continue
        for width in widths:
            span = doc[i : i + width]
            if len(span) < width or any(t.i in taken for t in span):
                continue
            named = classify(span)
            if named is not None:
                found.append(SpanMention(i, i + width, span.text, span.text, *named))
                taken.update(range(i, i + width))
                i += width - 1
                break
        i += 1
    return found

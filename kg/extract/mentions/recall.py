"""The ``recall`` passes: names NER missed, each found by one kind of evidence in the text.

Each pass adds mentions on tokens no earlier mention (or blocked token) uses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .base import (
    Context,
    SpanMention,
    age_follows,
    is_dateline,
    is_honorific,
    scan,
)

__all__ = [
    "aged_names",
    "dateline_places",
    "honorific_names",
    "named_after_org_nouns",
    "orgs_before_titles",
    "party_states",
    "regions_after_places",
    "repeated_names",
    "untagged_demonyms",
    "untagged_names",
]


def untagged_demonyms(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Capitalised demonyms and party adjectives NER missed ("Labour MP", "South Korean")."""
    gazetteer = ctx.gazetteer

    def classify(span: Span) -> tuple[str, str] | None:
        if all(t.text[:1].isupper() and t.is_alpha for t in span) and gazetteer.demonym(span.text):
            return "Demonym", "NORP"
        return None

    return [*mentions, *scan(doc, ctx.taken(mentions), (2, 1), classify)]


def untagged_names(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Gazetteer names NER missed: "Lords Leader Baroness Amos", "the Tories", "US"."""
    gazetteer = ctx.gazetteer

    def classify(span: Span) -> tuple[str, str] | None:
        if (
            span[-1].text == "-"
            or not all(t.is_title or t.is_upper or t.text == "-" for t in span)
            or (len(span) == 1 and span[0].is_sent_start and not span[0].is_upper)
        ):
            return None
        hit = gazetteer.lookup(span.text)
        # Places only when unambiguous: "US", "UK", "United States" (not "Jordan", "Chad").
        if hit and (
            hit[1] == "Organization" or (hit[1] == "Place" and (len(span) > 1 or span[0].is_upper))
        ):
            return hit[1], "GAZ"
        return None

    # "ITAR - TASS" is three tokens
    return [*mentions, *scan(doc, ctx.taken(mentions), (3, 2, 1), classify)]


def honorific_names(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """People NER missed but a courtesy title marks ("Labour's Mr Livingstone"), or a
    capitalised title of office before a given name ("Representative Elijah Cummings")."""
    taken = ctx.taken(mentions)
    capital_titles = ctx.words("capital_titles")
    first_names = ctx.gazetteer.first_names
    found: list[SpanMention] = []
    for token in doc[:-1]:
        if not is_honorific(token) and not (
            token.is_title
            and token.lower_.rstrip(".") in capital_titles
            and doc[token.i + 1].text in first_names
            and token.i + 2 < len(doc)
            and doc[token.i + 2].is_title  # a family name after the given name
        ):
            continue
        end = token.i + 1
        while end < len(doc) and end not in taken and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end > token.i + 1 and (end == len(doc) or end not in taken):
            name = doc[token.i + 1 : end]
            surface = doc[token.i : end].text
            found.append(
                SpanMention(name.start, name.end, name.text, surface, "Person", "HONORIFIC")
            )
            taken.update(range(name.start, name.end))
    return [*mentions, *found]


def named_after_org_nouns(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """A capitalised name NER missed right after "firm", "carmaker", …: "US firm Vonage"."""
    taken = ctx.taken(mentions)
    found: list[SpanMention] = []
    for token in doc[:-1]:
        if token.is_lower and token.lemma_ in ctx.gazetteer.org_nouns:
            end = token.i + 1
            while end < len(doc) and end not in taken and doc[end].is_title and doc[end].is_alpha:
                end += 1
            if end > token.i + 1 and (end == len(doc) or end not in taken):
                span = doc[token.i + 1 : end]
                found.append(
                    SpanMention(span.start, span.end, span.text, span.text, "Organization", "ORG")
                )
                taken.update(range(span.start, span.end))
    return [*mentions, *found]


def orgs_before_titles(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """An organization NER missed, named before a person's title and name: "Arsenal
    vice-chairman David Dein", "Magpies chairman Freddy Shepherd" (``org_titles``).

    Up to three capitalised words; the first word of a sentence only when the article also
    writes it capitalised, alone, inside a sentence ("When Arsenal moves"), or in capitals
    ("Replacement hooker X", "Former Arsenal keeper X": no "Replacement", no "Former";
    "Festival director X" after "the Berlin Film Festival": no "Festival"); so too before
    a capitalised title ("said Executive Director X": no "Executive"). A surname of a
    person of the article is no organization ("Franken spokesman X").
    """
    titles, prefixes = ctx.words("org_titles"), ctx.words("org_title_prefixes")
    not_names = ctx.words("leading_titles") | ctx.words("person_nouns")
    taken = ctx.taken(mentions)
    # Surnames of the full names of people (a one-word "person" may be NER's company).
    people = {m.text.split()[-1] for m in mentions if m.label == "Person" and " " in m.text}
    midsentence: set[str] | None = None
    found: list[SpanMention] = []
    for m in mentions:
        title = next(
            (k for k in (3, 1) if doc[max(m.start - k, 0) : m.start].text.lower() in titles), 0
        )
        if m.label != "Person" or not title or m.start - title < 1:
            continue
        end = m.start - title
        while end > 0 and doc[end - 1].lower_ in prefixes:
            end -= 1
        start = _words_before(doc, end, taken, not_names, upper=True)
        if start > 0 and (start - 1 in taken or doc[start - 1].is_title):
            continue  # part of a longer name
        if start > 1 and doc[start - 1].lower_ in ("the", "of", "and") and doc[start - 2].is_title:
            continue  # the end of a film's or a book's name: "Touching the Void director X"
        sentence_start = bool(doc[start].is_sent_start)
        opens = start == 0 or sentence_start or doc[start - 1].text not in (",", "-")
        opens = opens and (start == 0 or not doc[start - 1].is_alpha or sentence_start)
        # A capitalised title ("said Executive Director X") may have its own words before it.
        capitalised = doc[m.start - 1].is_title
        if start < end and (opens or capitalised) and not doc[start].is_upper:
            if midsentence is None:
                midsentence = _alone_inside_sentences(doc)
            if doc[start].text not in midsentence:
                start += 1  # "Former", "Injured": a capitalised sentence starter
        span = doc[start:end]
        gazetteer = ctx.gazetteer
        if (
            start == end
            or span.text in people
            or any(
                known(span.text)
                for known in (
                    gazetteer.demonym,
                    gazetteer.lookup,
                    gazetteer.is_region,
                    gazetteer.is_city,
                )
            )
        ):
            continue  # a surname ("Franken spokesman X"), a nationality, a place, a known name
        found.append(SpanMention(start, end, span.text, span.text, "Organization", "ORG"))
        taken.update(range(start, end))
    return [*mentions, *found]


def _words_before(doc: Doc, end: int, taken: set[int], stop: frozenset[str], *, upper: bool) -> int:
    """Where up to three free capitalised words (or in capitals, if ``upper``) that end at
    ``end`` start; none of them in ``stop``."""
    start = end
    while (
        start > 0
        and end - start < 3
        and start - 1 not in taken
        and doc[start - 1].is_alpha
        and (doc[start - 1].is_title or (upper and doc[start - 1].is_upper))
        and doc[start - 1].lower_ not in stop
    ):
        start -= 1
    return start


def _alone_inside_sentences(doc: Doc) -> set[str]:
    """Capitalised words written inside a sentence apart from any other capitalised word."""
    return {
        t.text
        for t in doc[1:-1]
        if t.is_title
        and not t.is_sent_start
        and (
            doc[t.i - 1].text == ","
            # "the Arsenal board", "When Arsenal moves"; not after a line break or a quote
            or (doc[t.i - 1].is_alpha and (not doc[t.i - 1].is_title or doc[t.i - 1].is_sent_start))
        )
        and not doc[t.i + 1].is_title
    }


def dateline_places(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """A dateline place NER missed at the start of a sentence: "EAST LANSING, Mich."."""
    taken = ctx.taken(mentions)
    found: list[SpanMention] = []
    for sent in doc.sents:
        start = end = sent.start
        while end < sent.end and end not in taken and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end > start and is_dateline(doc, start, end, ctx.gazetteer):
            text = doc[start:end].text
            found.append(SpanMention(start, end, text, text, "Place", "GPE"))
            taken.update(range(start, end))
    return [*mentions, *found]


def party_states(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """The state of an American legislator NER missed: "Sen. Ann Ruiz, D-Ohio"."""
    taken = ctx.taken(mentions)
    found: list[SpanMention] = []
    for token in doc[2:]:
        i = token.i
        if (
            i not in taken
            and token.is_title
            and doc[i - 1].text == "-"
            and doc[i - 2].text in ("R", "D", "I")
            and ctx.gazetteer.is_region(token.text)
        ):
            found.append(SpanMention(i, i + 1, token.text, token.text, "Place", "GPE"))
            taken.add(i)
    return [*mentions, *found]


def aged_names(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """A person NER missed, known by the age after the name: "Winter, 53, a former judge"."""
    taken = ctx.taken(mentions)
    calendar = ctx.words("calendar_words")
    found: list[SpanMention] = []
    for comma in doc[1:]:
        end = comma.i
        if not age_follows(doc, end):
            continue
        start = _words_before(doc, end, taken, calendar, upper=False)
        if start == end or ctx.gazetteer.lookup(doc[start:end].text) is not None:
            continue
        text = doc[start:end].text
        found.append(SpanMention(start, end, text, text, "Person", "PERSON"))
        taken.update(range(start, end))
    return [*mentions, *found]


def regions_after_places(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """A region NER missed after "Place," ("the lecture in Kirkcaldy, Fife")."""
    taken = ctx.taken(mentions)
    found: list[SpanMention] = []
    for m in mentions:
        i = m.end + 1
        if (
            m.label in ("Place", "Person")
            and i < len(doc)
            and doc[m.end].text == ","
            and i not in taken
            and doc[i].is_title
            and ctx.gazetteer.is_region(doc[i].text)
        ):
            found.append(SpanMention(i, i + 1, doc[i].text, doc[i].text, "Place", "GPE"))
            taken.add(i)
    return [*mentions, *found]


def repeated_names(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Other occurrences of a name the article already uses, NER missed there.

    Organization names also count without a trailing "Group", "plc", … ("Forgemasters"
    for "Forgemasters Group"), but never as a day or month ("Sunday" of "Sunday Times");
    one-word person names are left to surname resolution.
    """
    known: dict[tuple[str, ...], str] = {}
    calendar = ctx.words("calendar_words")
    for m in mentions:
        words = tuple(m.text.split())
        if m.label in ("Organization", "Place") or (m.label == "Person" and len(words) > 1):
            known.setdefault(words, m.label)
        if m.label == "Organization":
            while len(words) > 1 and words[-1].lower() in ctx.gazetteer.org_suffixes:
                words = words[:-1]
                if words[-1].lower() not in calendar:  # not "Sunday" for "Sunday Times"
                    known.setdefault(words, "Organization")
    longest = max((len(k) for k in known), default=0)

    def classify(span: Span) -> tuple[str, str] | None:
        label = known.get(tuple(t.text for t in span))
        return (label, "REPEAT") if label else None

    return [*mentions, *scan(doc, ctx.taken(mentions), range(longest, 0, -1), classify)]

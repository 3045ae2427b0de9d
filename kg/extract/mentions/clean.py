"""The ``clean`` passes: photo credits, source lines, and NER's spans cleaned.

- photo credits ("Julia Demaree Nikhinson/AP") are a person and an agency;
- news-digest source lines ("Moscow IZVESTIYA in Russian 23 Mar 94") a city and an outlet;
- NER's spans are split at line breaks, brackets, semicolons and a comma between two names
  ("Zelenskyy\\nJulia", "Eustace, Brown"); two PERSON spans that touch are joined ("Amy
  Berman | Jackson"); an organization loses a trailing noun for what it is ("the Associated
  Press news agency"); the spans lose a leading "the", courtesy titles and titles of office
  ("Mr", "President"), a trailing possessive or sentence-final full stop, and an abbreviated
  rank glued to an organization ("Coast Guard Lt."); spans with no proper noun, dates and
  numbers are dropped;
- demonyms and party adjectives (NORP: "Ukrainian", "Tory") are kept apart as ``Demonym``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...names import HONORIFICS, normalize_name
from ..gazetteer import Gazetteer
from .base import UPPER, Context, SpanMention, clean_text, is_proper

__all__ = ["credits", "named_entities", "source_lines"]

LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}
"""spaCy entity labels → kg classes. NORP is handled as a demonym."""

_BRACKETS = frozenset({"(", ")", "[", "]"})
_DASHES = frozenset({"-", "–", "—", "--"})
# What may follow a comma inside one name: "Acme, Inc.", "Martin Luther King, Jr.".
_NAME_ENDS = frozenset(
    {
        "inc",
        "ltd",
        "llc",
        "llp",
        "plc",
        "co",
        "corp",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "lp",
        "sa",
        "ag",
    }
)
# A news-digest document number before a source line: "OW1102132994", "944E0738B".
_SOURCE_ID = re.compile(r"^(?=[A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,}$")


def credits(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """Photo credits: a line that is only "First Last/Agency"."""
    found: list[SpanMention] = []
    for token in doc:
        if token.text != "/" or token.i == 0 or token.i + 1 >= len(doc):
            continue
        left = token.i
        while left > 0 and doc[left - 1].text[:1].isupper() and doc[left - 1].is_alpha:
            left -= 1
        right = token.i + 1
        while right < len(doc) and doc[right].text[:1].isupper() and not doc[right].is_space:
            right += 1
        line_start = left == 0 or "\n" in doc[left - 1].text
        line_end = right == len(doc) or "\n" in doc[right].text
        if 2 <= token.i - left <= 4 and right > token.i + 1 and line_start and line_end:
            person, agency = doc[left : token.i], doc[token.i + 1 : right]
            found.append(SpanMention(left, token.i, person.text, person.text, "Person", "CREDIT"))
            found.append(
                SpanMention(token.i + 1, right, agency.text, agency.text, "Organization", "CREDIT")
            )
    return [*mentions, *found]


def _source_line_at(doc: Doc, start: int, end: int, ctx: Context) -> list[SpanMention]:
    """The city and outlet of a source line starting at ``start`` (sentence end ``end``)."""
    gazetteer = ctx.gazetteer
    city = next(
        (
            start + width
            for width in (3, 2, 1)
            if start + width < end
            and doc[start].text[:1].isupper()
            and gazetteer.is_city(doc[start : start + width].text)
        ),
        None,
    )
    if city is None:
        return []
    i = city
    while i < end and (
        doc[i].text[:1].isupper() or (doc[i].text == "-" and i > city and i + 1 < end)
    ):
        i += 1
    outlet = doc[city:i]
    if not outlet.text.strip() or doc[i - 1].text == "-":
        return []
    words = [t.text for t in outlet if t.is_alpha]
    media = ctx.words("media_words")
    named = all(w.isupper() for w in words) or any(w.lower() in media for w in words)
    if i == end or doc[i].is_space:  # "Moscow ITAR-TASS" alone on its line
        ok = named
    else:  # "... in Russian 23 Mar 94": a language, then the date or time
        lang = i + 1
        while lang < end and (doc[lang].text[:1].isupper() or doc[lang].text == "-"):
            lang += 1
        ok = (
            doc[i].lower_ == "in"
            and lang > i + 1
            and (lang == end or doc[lang].like_num or doc[lang].is_space)
        )
    if not ok:
        return []
    place = doc[start:city]
    return [
        SpanMention(start, city, place.text, place.text, "Place", "SOURCE"),
        SpanMention(city, i, outlet.text, outlet.text, "Organization", "SOURCE"),
    ]


def source_lines(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """News-digest source lines: the city an outlet publishes in, then the outlet, at the
    start of a line or after a document number, then the end of the line or the language
    and date ("Moscow INTERFAX", "OW1102132994 Beijing XINHUA in English 1313 GMT 11 Feb 94").
    The language after "in" is blocked: it names no place.
    """
    out = list(mentions)
    taken = ctx.taken(mentions)
    for sent in doc.sents:
        starts = [sent.start] + [t.i + 1 for t in sent if _SOURCE_ID.match(t.text)]
        for start in starts:
            for m in _source_line_at(doc, start, sent.end, ctx):
                if any(i in taken for i in range(m.start, m.end)):
                    continue
                out.append(m)
                taken.update(range(m.start, m.end))
                i = m.end + 1
                if m.label == "Organization" and m.end < len(doc) and doc[m.end].lower_ == "in":
                    while i < len(doc) and (doc[i].text[:1].isupper() or doc[i].text == "-"):
                        taken.add(i)  # the language: "in Serbo-Croatian" names no place
                        ctx.blocked.add(i)
                        i += 1
    return out


def _list_comma(span: Span, token: Token) -> bool:
    """A comma between two names of a list ("Thompson, Parling" in a team sheet), not one
    before what ends a name ("Acme, Inc.", "Martin Luther King, Jr.") nor one in a span with
    a small word ("Committee on Science, Space and Technology", "Skadden, Arps said")."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        after is not None
        and after.text[:1].isupper()
        and after.lower_.rstrip(".") not in _NAME_ENDS
        and not any(t.is_lower for t in span)
    )


def _spaced_dash(token: Token) -> bool:
    """A dash with a space on each side: a parenthesis of the sentence ("Papadopoulos - a
    Chicago-based lawyer - lied"), never a part of a name ("Rolls-Royce", "Jae-in")."""
    return (
        token.text in _DASHES
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def _pieces(span: Span) -> list[Span]:
    """Split a span at whitespace tokens that hold a line break, at brackets, semicolons
    and spaced dashes, and at a comma between two names of a person or organization: a name
    never holds one ("PRD ( Party of the Democratic Revolution" is two names, "Eustace,
    Brown" in a team sheet two people, "Bill Cosby - moved" one). A piece after a spaced
    dash without a capital is the sentence going on ("- co-written", "- a lawyer")."""
    pieces: list[Span] = []
    start = span.start
    dashed = False
    for token in span:
        dash = _spaced_dash(token)
        dashed = dashed or dash
        if (
            token.is_space
            or "\n" in token.text
            or token.text in _BRACKETS
            or token.text == ";"
            or dash
            or (token.text == "," and span.label_ in ("PERSON", "ORG") and _list_comma(span, token))
        ):
            if token.i > start:
                pieces.append(span.doc[start : token.i])
            start = token.i + 1
    if start < span.end:
        pieces.append(span.doc[start : span.end])
    if dashed:
        pieces = [p for p in pieces if any(t.text[:1].isupper() for t in p)]
    return pieces


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _owner_split(pieces: list[Span], ner_label: str, ctx: Context) -> list[Span]:
    """Split an organization's span at a possessive whose owner the article names on its
    own: "Congress’ Joint Committee on Taxation", "Smith’s Committee on Science" (Smith of
    "Lamar Smith"), "House of Representatives’ Oversight Committee" are the owner and the
    body. An owner known only with its possessive stays ("McDonald's Corp", "Moody's
    Investors Service")."""
    out: list[Span] = []
    for span in pieces:
        cut = next(
            (
                t.i
                for t in span[1:-1]
                if t.text in _POSSESSIVES and span.doc[t.i + 1].text[:1].isupper()
            ),
            None,
        )
        if (
            ner_label != "ORG"
            or cut is None
            or not _is_named_alone(span.doc[span.start : cut], ctx)
        ):
            out.append(span)
            continue
        out += [span.doc[span.start : cut], span.doc[cut + 1 : span.end]]
    return out


_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})


def _from_courtesy_title(span: Span) -> Span:
    """A person's span from the courtesy title inside it: the words NER glued in front are
    no part of the name ("Said Mr Bysshe", "Added Mrs Dixon", "Labour's Ms Kelly"); a title
    first or last is left to :func:`_clean`."""
    inner = [t.i for t in span[1:-1] if t.lower_.rstrip(".") in _COURTESY_TITLES and t.is_title]
    return span.doc[inner[-1] : span.end] if inner else span


def _is_named_alone(owner: Span, ctx: Context) -> bool:
    """Whether ``owner`` is a name the gazetteer knows, or another entity of the ``Doc`` is
    (or ends with: a family name)."""
    if ctx.gazetteer.lookup(owner.text) is not None:
        return True
    text = owner.text
    return any(
        ent.start != owner.start and (ent.text == text or ent.text.endswith(" " + text))
        for ent in owner.doc.ents
    )


def _clean(span: Span, label: str, ctx: Context) -> tuple[int, int] | None:
    """Token bounds of the span without its decorations, or ``None`` when nothing is left."""
    doc = span.doc
    titles, ranks, trailing = (
        ctx.words("leading_titles") | ctx.words("person_nouns"),
        ctx.words("ranks"),
        ctx.words("trailing_words"),
    )
    start, end = span.start, span.end
    prefixes = ctx.words("hyphen_prefixes")
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or (  # "ex-Yukos boss", "non-Roma Czechs": the prefix is no part of the name
            start + 2 < end
            and doc[start].is_lower
            and doc[start].lower_ in prefixes
            and doc[start + 1].text == "-"
            and not doc[start].whitespace_
        )
        or doc[start].is_punct
        or (label in ("Person", "Demonym") and doc[start].lower_.rstrip(".") in HONORIFICS)
        or (label == "Person" and doc[start].lower_ in titles and end - start > 1)
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].text in ("'s", "’s", "'", "’")
        or doc[end - 1].is_punct
        or (label == "Organization" and doc[end - 1].lower_.rstrip(".") in ranks)
        or (  # "Acme Industries of" before a place; not "Moon Jae-in" (hyphenated)
            doc[end - 1].lower_ in trailing and (end - 1 == start or bool(doc[end - 2].whitespace_))
        )
    ):
        end -= 1
    if label == "Organization" and doc[end - 1].lower_ in ctx.gazetteer.org_nouns:
        k = end  # "the Associated Press news agency": the name, then a noun for what it is
        while k - 1 > start and doc[k - 1].is_lower and doc[k - 1].is_alpha:
            k -= 1
        if doc[k - 1].text[:1].isupper():
            end = k
    if label == "Organization" and end < len(doc) and doc[end].ent_type_ == "PERSON":
        glued, k = ctx.words("glued_titles"), end  # "EPA Administrator | Scott Pruitt"
        while k - 1 > start and doc[k - 1].lower_ in glued and doc[k - 1].is_title:
            k -= 1
        if k < end and doc[end - 1].lower_ not in ("special", "general", "deputy", "acting"):
            end = k
    if start >= end:
        return None
    return start, end


def _person_inside(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int | None:
    """Start of a personal name NER glued to the end of an organization ("EADS Philippe Camus")."""
    for k in range(start + 1, end - 1):
        if (
            doc[k].text in gazetteer.first_names
            and all(t.is_title for t in doc[k:end])
            and doc[end - 1].lower_ not in gazetteer.org_suffixes
        ):
            return k
    return None


def _party_in_front(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Start of the name after a party word NER glued to a person ("Tory | Michael Howard",
    "Lib Dem | Mark Oaten"); ``start`` when there is none. The name keeps two words."""
    for k in (2, 1):
        word = doc[start : start + k]
        hit = gazetteer.demonym(word.text) if end - start - k >= 2 else None
        if hit and hit[1] == "Organization" and all(t.is_title or t.is_upper for t in word):
            return start + k
    return start


def _known_tail(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Start of a known organization at the end of a longer span ("London UKIP" → "UKIP");
    a party's full name after a place is the party there ("Alabama Republican Party")."""
    if doc[end - 1].lower_ == "party":
        return start
    for k in range(start + 1, end):
        hit = gazetteer.lookup(doc[k:end].text)
        if hit and hit[1] == "Organization" and gazetteer.lookup(doc[start:end].text) is None:
            return k
    return start


def _with_saints(doc: Doc, saints: frozenset[str]) -> list[Span]:
    """NER's entities, with a leading "St." (or "Mt.", "Ft.") it left out or cut off put back
    ("St. | Nicholas Hospital"): the name takes the class of its rest."""
    ents = list(doc.ents)
    out: list[Span] = []
    n = 0
    while n < len(ents):
        ent = ents[n]
        nxt = ents[n + 1] if n + 1 < len(ents) else None
        if len(ent) == 1 and ent.text in saints and nxt is not None and nxt.start == ent.end:
            out.append(Span(doc, ent.start, nxt.end, label=nxt.label_))
            n += 2
            continue
        before = ent.start - 1
        if before >= 0 and doc[before].text in saints and doc[before].ent_iob_ == "O":
            ent = Span(doc, before, ent.end, label=ent.label_)
        out.append(ent)
        n += 1
    return out


def _joined_people(ents: list[Span]) -> list[Span]:
    """NER's entities, with two PERSON spans that touch made one ("Amy Berman | Jackson"):
    nothing but a space between them, so they are one name cut in two."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if (
            last is not None
            and ent.label_ == last.label_ == "PERSON"
            and ent.start == last.end
            and last[-1].whitespace_ == " "
            and len(last) + len(ent) <= 4
        ):
            out[-1] = Span(ent.doc, last.start, ent.end, label=ent.label_)
        else:
            out.append(ent)
    return out


def named_entities(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """NER's entities, cleaned, where earlier passes left the tokens free."""
    gazetteer = ctx.gazetteer
    abbreviations = ctx.words("abbreviations")
    weekdays, newspapers = ctx.words("calendar_words"), ctx.words("newspaper_heads")
    mentions = list(mentions)
    taken = ctx.taken(mentions)
    midsentence = {t.text for t in doc if not t.is_sent_start and t.text[:1].isupper()}
    for ent in _joined_people(_with_saints(doc, ctx.words("saints"))):
        label = "Demonym" if ent.label_ == "NORP" else LABELS.get(ent.label_)
        if label is None:
            continue
        if (
            label in ("Person", "Organization")
            and len(ent) == 1
            and gazetteer.demonym(ent.text)
            and gazetteer.lookup(ent.text) is None  # "Labour" typed PERSON is still the party
        ):
            label = "Demonym"  # "Welsh" typed PERSON, "their Welsh striker" typed ORG
        for piece in _owner_split(_pieces(ent), ent.label_, ctx):
            if label == "Person":
                piece = _from_courtesy_title(piece)
            bounds = _clean(piece, label, ctx)
            if bounds is None:
                continue
            start, end = bounds
            if any(i in taken for i in range(start, end)):
                continue
            if (
                label == "Organization"
                and start > 0
                and start - 1 not in taken
                and doc[start - 1].is_title
                and doc[start - 1].lower_ in weekdays
                and doc[end - 1].lower_ in newspapers
            ):
                start -= 1  # "Sunday | Telegraph journalist X": NER took "Sunday" for a date
            if label == "Demonym":
                if (
                    start > 0
                    and doc[start - 1].is_title
                    and gazetteer.demonym(doc[start - 1 : end].text)
                ):
                    start -= 1  # "Liberal Democrat", "Scottish Conservative"
                elif (
                    end < len(doc)
                    and doc[end].is_title
                    and gazetteer.demonym(doc[start : end + 1].text)
                ):
                    end += 1
                if gazetteer.demonym(doc[start:end].text) is None:
                    continue
            elif label == "Organization" and end - start > 1:
                person = _person_inside(doc, start, end, gazetteer)
                if person is not None and not any(i in taken for i in range(person, end)):
                    name = doc[person:end]
                    mentions.append(
                        SpanMention(person, end, name.text, name.text, "Person", "PERSON")
                    )
                    taken.update(range(person, end))  # "group EADS Philippe Camus"
                    end = person
                tail = _known_tail(doc, start, end, gazetteer)
                head = doc[start:tail]
                hit = gazetteer.lookup(head.text) if tail > start else None
                if hit and hit[1] == "Place" and not any(i in taken for i in range(start, tail)):
                    mentions.append(SpanMention(start, tail, head.text, head.text, "Place", "GPE"))
                    taken.update(range(start, tail))  # "US Federal Reserve" → US + Federal Reserve
                start = tail
            elif not any(is_proper(t) for t in doc[start:end]):
                continue
            piece_label = label
            if label == "Person" and end - start > 2:
                tail = _known_tail(doc, start, end, gazetteer)
                if tail > start and end - tail >= 2:  # "the Trump White House" typed PERSON
                    start, piece_label = tail, "Organization"
            if piece_label == "Person":
                party = _party_in_front(doc, start, end, gazetteer)
                if party > start:  # "Tory Michael Howard", "Lib Dem Mark Oaten"
                    word = doc[start:party].text
                    mentions.append(SpanMention(start, party, word, word, "Demonym", "NORP"))
                    taken.update(range(start, party))
                    start = party
            text = clean_text(doc, start, end, abbreviations)
            if not any(c.isalpha() for c in text) or normalize_name(text) in gazetteer.not_names:
                continue
            if (
                piece_label == "Person"
                and end - start == 1
                and start > 0
                and doc[start - 1].text in ("a", "an", "the", "An", "The")  # "A Hogg": an initial
                and not (end < len(doc) and doc[end].tag_ == "POS")
            ):
                continue  # "an Oscar", "the Premiership": no one's name takes an article
            if (
                piece_label == "Place"
                and end - start == 1
                and doc[start].is_sent_start
                and doc[start].text not in midsentence
                and not UPPER.match(text)
                and gazetteer.lookup(text) is None
            ):
                continue  # a capitalised sentence starter taken for a place: "Newfound"
            surface_start = (
                piece.start if doc[piece.start].lower_ not in ("the", "a", "an") else start
            )
            surface = (
                clean_text(doc, surface_start, end, abbreviations)
                if piece_label == "Person"
                else text
            )
            mentions.append(SpanMention(start, end, text, surface, piece_label, ent.label_))
            taken.update(range(start, end))
    return mentions

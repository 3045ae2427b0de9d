"""Find the mentions of people, organizations and places in a spaCy ``Doc``.

The statistical NER is a good start and makes typical mistakes on news text; this module
repairs what can be repaired from the text alone and drops the rest:

- spans that run across a line break are split ("Zelenskyy\\nJulia");
- a leading "the", courtesy titles and titles of office ("Mr", "President") and a
  trailing possessive or sentence-final full stop are stripped, and so is an abbreviated
  rank NER glued to an organization ("Coast Guard Lt.");
- junk is dropped: spans with no proper noun (capitalised sentence starters such as
  "Newfound", pronouns), dates and numbers;
- photo credits ("Julia Demaree Nikhinson/AP") are recognised as a person and an agency;
- news-digest source lines ("Moscow IZVESTIYA in Russian 23 Mar 94") as a city and an outlet;
- demonyms and party adjectives (NORP: "Ukrainian", "Tory") are kept apart: they become
  an entity only when a relation needs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..names import HONORIFICS, normalize_name
from .gazetteer import Gazetteer

__all__ = ["SpanMention", "find_mentions"]

LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}
"""spaCy entity labels → kg classes. NORP is handled as a demonym."""

# Titles of office that NER sometimes includes at the start of a PERSON span.
_LEADING_TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "gov",
        "governor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen",
        "captain",
        "capt",
        "judge",
        "justice",
        "mayor",
        "chairman",
        "chief",
        "coach",
        "manager",
        "director",
        "ceo",
        "boss",
        "leader",
    ]
)
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_BRACKETS = frozenset({"(", ")", "[", "]"})
# Abbreviations that begin a name and that NER often cuts off: "St. | Nicholas Hospital".
_SAINTS = frozenset({"St.", "St", "Ste.", "Mt.", "Ft.", "Saint"})
# Function words NER sometimes leaves at the end of a name; no name ends in one.
_TRAILING_WORDS = frozenset({"of", "and", "the", "for", "in", "at", "on", "to", "with"})
# Abbreviated ranks NER glues to the organization before a name: "Coast Guard Lt. Ann Ruiz".
_RANKS = frozenset(
    ["lt", "capt", "sgt", "col", "gen", "adm", "cmdr", "maj", "cpl", "pvt", "sen", "rep", "gov"]
)
# Abbreviations that end a name with their own full stop ("Manufacturers Hanover Trust Co.").
_ABBREVIATIONS = frozenset(
    ["co", "cos", "inc", "corp", "ltd", "plc", "llc", "bros", "jr", "sr", "st"]
)
_UPPER = re.compile(r"^[A-Z][A-Z0-9&.\-]+$")
# Titles of nobility that make "X of Place" a person: "the Duchess of York".
# Words for what a person does, written right before their name ("Treasury spokesman Vince
# Cable", "striker Arjen Robben"): a name after one is a person even when NER says otherwise.
# Words that also come before companies or clubs ("producer", "rival", "leader", "analyst",
# "champion") are left out on purpose.
_PERSON_NOUNS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chancellor",
        "secretary",
        "minister",
        "chairman",
        "chairwoman",
        "director",
        "boss",
        "manager",
        "coach",
        "captain",
        "skipper",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "singer",
        "actor",
        "actress",
        "rapper",
        "guitarist",
        "comedian",
        "presenter",
        "novelist",
        "playwright",
        "poet",
        "author",
        "writer",
        "reporter",
        "correspondent",
        "economist",
        "lawyer",
        "barrister",
        "solicitor",
        "judge",
        "commissioner",
        "governor",
        "mayor",
        "senator",
        "mp",
        "mep",
        "msp",
        "president",
        "prosecutor",
        "chef",
        "designer",
        "photographer",
    ]
)
_PEERAGES = frozenset(
    {"duke", "duchess", "prince", "princess", "earl", "countess", "marquess", "viscount"}
)
# Nouns that, in an apposition, make the name before them a place: "Yerevan, the capital of".
_PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "village", "port", "province", "region", "county", "state"}
)


# A news-digest document number before a source line: "OW1102132994", "944E0738B".
_SOURCE_ID = re.compile(r"^(?=[A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,}$")
# Words that make a capitalised name after a city an outlet: "Paris Radio France International".
_MEDIA_WORDS = frozenset(
    {
        "radio",
        "television",
        "tv",
        "network",
        "service",
        "news",
        "agency",
        "press",
        "times",
        "post",
        "daily",
        "herald",
        "journal",
        "gazette",
        "tribune",
        "broadcasting",
        "channel",
    }
)


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


def _is_proper(token: Token) -> bool:
    if token.tag_:
        return token.tag_ in _PROPER_TAGS or bool(_UPPER.match(token.text))
    # Docs without tags (built by hand): a capitalised word that is not a sentence starter.
    return token.text[:1].isupper() and not token.is_sent_start


def _pieces(span: Span) -> list[Span]:
    """Split a span at whitespace tokens that hold a line break, and at brackets: a name
    never holds one ("PRD ( Party of the Democratic Revolution" is two names)."""
    pieces: list[Span] = []
    start = span.start
    for token in span:
        if token.is_space or "\n" in token.text or token.text in _BRACKETS:
            if token.i > start:
                pieces.append(span.doc[start : token.i])
            start = token.i + 1
    if start < span.end:
        pieces.append(span.doc[start : span.end])
    return pieces


def _clean(span: Span, label: str) -> tuple[int, int] | None:
    """Token bounds of the span without its decorations, or ``None`` when nothing is left."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or doc[start].is_punct
        or (label in ("Person", "Demonym") and doc[start].lower_.rstrip(".") in HONORIFICS)
        or (label == "Person" and doc[start].lower_ in _LEADING_TITLES and end - start > 1)
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].text in ("'s", "’s", "'", "’")
        or doc[end - 1].is_punct
        or (label == "Organization" and doc[end - 1].lower_.rstrip(".") in _RANKS)
        or doc[end - 1].lower_ in _TRAILING_WORDS  # "Acme Industries of" before a place
    ):
        end -= 1
    if start >= end:
        return None
    return start, end


def _text(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text
    last = text[:-1].rsplit(" ", 1)[-1].lower()
    if text.endswith(".") and text.count(".") == 1 and len(text) > 1 and last not in _ABBREVIATIONS:
        text = text[:-1]  # "on X." at the end of a sentence: the full stop is glued on
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


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


def _known_tail(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Start of a known organization at the end of a longer span ("London UKIP" → "UKIP")."""
    for k in range(start + 1, end):
        hit = gazetteer.lookup(doc[k:end].text)
        if hit and hit[1] == "Organization" and gazetteer.lookup(doc[start:end].text) is None:
            return k
    return start


def _credits(doc: Doc) -> list[SpanMention]:
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
    return found


def _source_line_at(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> list[SpanMention]:
    """The city and outlet of a source line starting at ``start`` (sentence end ``end``)."""
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
    named = all(w.isupper() for w in words) or any(w.lower() in _MEDIA_WORDS for w in words)
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


def _source_lines(doc: Doc, gazetteer: Gazetteer) -> list[SpanMention]:
    """News-digest source lines: the city an outlet publishes in, then the outlet, at the
    start of a line or after a document number, then the end of the line or the language
    and date ("Moscow INTERFAX", "OW1102132994 Beijing XINHUA in English 1313 GMT 11 Feb 94").
    """
    found: list[SpanMention] = []
    for sent in doc.sents:
        starts = [sent.start] + [t.i + 1 for t in sent if _SOURCE_ID.match(t.text)]
        for start in starts:
            found.extend(_source_line_at(doc, start, sent.end, gazetteer))
    return found


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[SpanMention]:
    """The cleaned mentions of a ``Doc``, in text order, never overlapping."""
    mentions = _credits(doc)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in _source_lines(doc, gazetteer):
        if not any(i in taken for i in range(m.start, m.end)):
            mentions.append(m)
            taken.update(range(m.start, m.end))
            i = m.end + 1
            if m.label == "Organization" and m.end < len(doc) and doc[m.end].lower_ == "in":
                while i < len(doc) and (doc[i].text[:1].isupper() or doc[i].text == "-"):
                    taken.add(i)  # the language: "in Serbo-Croatian" names no place
                    i += 1
    midsentence = {t.text for t in doc if not t.is_sent_start and t.text[:1].isupper()}
    for ent in _with_saints(doc):
        label = "Demonym" if ent.label_ == "NORP" else LABELS.get(ent.label_)
        if label is None:
            continue
        if (
            label == "Person"
            and len(ent) == 1
            and gazetteer.demonym(ent.text)
            and gazetteer.lookup(ent.text) is None  # "Labour" typed PERSON is still the party
        ):
            label = "Demonym"  # "Welsh" typed PERSON
        for piece in _pieces(ent):
            bounds = _clean(piece, label)
            if bounds is None:
                continue
            start, end = bounds
            if any(i in taken for i in range(start, end)):
                continue
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
            elif not any(_is_proper(t) for t in doc[start:end]):
                continue
            text = _text(doc, start, end)
            if not any(c.isalpha() for c in text) or normalize_name(text) in gazetteer.not_names:
                continue
            if (
                label == "Person"
                and end - start == 1
                and start > 0
                and doc[start - 1].text in ("a", "an", "the", "An", "The")  # "A Hogg": an initial
                and not (end < len(doc) and doc[end].tag_ == "POS")
            ):
                continue  # "an Oscar", "the Premiership": no one's name takes an article
            if (
                label == "Place"
                and end - start == 1
                and doc[start].is_sent_start
                and doc[start].text not in midsentence
                and not _UPPER.match(text)
                and gazetteer.lookup(text) is None
            ):
                continue  # a capitalised sentence starter taken for a place: "Newfound"
            surface_start = (
                piece.start if doc[piece.start].lower_ not in ("the", "a", "an") else start
            )
            surface = _text(doc, surface_start, end) if label == "Person" else text
            mentions.append(SpanMention(start, end, text, surface, label, ent.label_))
            taken.update(range(start, end))
    mentions.extend(_untagged_demonyms(doc, gazetteer, taken))
    mentions.extend(_untagged_names(doc, gazetteer, taken))
    mentions.extend(_honorific_names(doc, taken))
    mentions.extend(_named_after_org_nouns(doc, gazetteer, taken))
    mentions.extend(_dateline_places(doc, gazetteer, taken))
    mentions.extend(_party_states(doc, gazetteer, taken))
    mentions.extend(_aged_names(doc, gazetteer, taken))
    mentions.extend(_regions_after_places(doc, mentions, gazetteer, taken))
    mentions.extend(_repeated_names(doc, mentions, gazetteer, taken))
    return _people_by_context(
        doc, _retype(doc, sorted(mentions, key=lambda m: m.start), gazetteer), gazetteer
    )


def _people_by_context(
    doc: Doc, mentions: list[SpanMention], gazetteer: Gazetteer
) -> list[SpanMention]:
    """Organizations and places the text shows to be people.

    - An honorific in front ("Mr Cable" typed ORG): the person "Cable", honorific dropped.
    - A word for what a person does in front ("Treasury spokesman Vince Cable", "striker
      Arjen Robben"), for a name of two or three capitalised words.
    - A name of two or three words whose last word the article also writes alone after an
      honorific ("Vince Cable" typed ORG, "Mr Cable" later).
    """

    def plain_name(m: SpanMention) -> bool:
        words = m.text.split()
        return (
            1 < len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and words[-1].lower() not in gazetteer.org_suffixes
            and not any(w.lower() in _LEADING_TITLES | _PERSON_NOUNS for w in words)
            and gazetteer.lookup(m.text) is None
            and gazetteer.lookup(words[0]) is None  # "Labour MP", "Chelsea Village"
        )

    def honorific(token: Token) -> bool:  # "Miss World" is a contest
        return _is_honorific(token) and token.lower_.rstrip(".") != "miss"

    fixed: list[SpanMention] = []
    for m in mentions:
        if m.label not in ("Organization", "Place") or m.ner_label in ("CREDIT", "SOURCE"):
            fixed.append(m)
            continue
        before = doc[m.start - 1] if m.start > 0 else None
        rest = m.text.split()[1:]
        if (
            honorific(doc[m.start])
            and m.end - m.start > 1
            and rest
            and rest[0].lower() not in _LEADING_TITLES | _PERSON_NOUNS  # "Lord Chancellor"
        ):
            owner = next((t.i for t in doc[m.start + 1 : m.end] if t.tag_ == "POS"), m.end)
            if owner < m.end - 1:  # "Mr Brown's International Finance Facility": two names
                org = _text(doc, owner + 1, m.end)
                fixed.append(SpanMention(owner + 1, m.end, org, org, m.label, m.ner_label))
            if owner > m.start + 1:
                text = _text(doc, m.start + 1, owner)
                surface = _text(doc, m.start, owner)
                fixed.append(SpanMention(m.start + 1, owner, text, surface, "Person", m.ner_label))
            fixed.sort(key=lambda x: x.start)
            continue
        elif before is not None and honorific(before) and gazetteer.lookup(m.text) is None:
            surface = _text(doc, m.start - 1, m.end)
            m = SpanMention(m.start, m.end, m.text, surface, "Person", m.ner_label)
        elif (
            before is not None
            and before.lower_ in _PERSON_NOUNS
            and (before.is_lower or before.text in ("MP", "MEP", "MSP"))
            and plain_name(m)
        ):
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        fixed.append(m)
    alone = {  # "Mr Cable": a surname the article gives a person, with an honorific
        normalize_name(m.text)
        for m in fixed
        if m.label == "Person" and " " not in m.text and m.start > 0 and honorific(doc[m.start - 1])
    }
    return [
        SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        if m.label in ("Organization", "Place")
        and m.ner_label not in ("CREDIT", "SOURCE")
        and plain_name(m)
        and normalize_name(m.text.split()[-1]) in alone
        else m
        for m in fixed
    ]


def _with_saints(doc: Doc) -> list[Span]:
    """NER's entities, with a leading "St." (or "Mt.", "Ft.") it left out or cut off put back
    ("St. | Nicholas Hospital"): the name takes the class of its rest."""
    ents = list(doc.ents)
    out: list[Span] = []
    n = 0
    while n < len(ents):
        ent = ents[n]
        nxt = ents[n + 1] if n + 1 < len(ents) else None
        if len(ent) == 1 and ent.text in _SAINTS and nxt is not None and nxt.start == ent.end:
            out.append(Span(doc, ent.start, nxt.end, label=nxt.label_))
            n += 2
            continue
        before = ent.start - 1
        if before >= 0 and doc[before].text in _SAINTS and doc[before].ent_iob_ == "O":
            ent = Span(doc, before, ent.end, label=ent.label_)
        out.append(ent)
        n += 1
    return out


def _capitalised(doc: Doc) -> list[bool]:
    """Per token, whether it starts with a capital: the only places a missed name can start."""
    return [t.text[:1].isupper() for t in doc]


def _scan(
    doc: Doc,
    taken: set[int],
    widths: Sequence[int],
    classify: Callable[[Span], tuple[str, str] | None],
) -> list[SpanMention]:
    """Mentions NER missed: the longest free span (of ``widths``, longest first) at each
    capitalised token that ``classify`` names ``(label, source)``; spans never overlap."""
    found: list[SpanMention] = []
    caps = _capitalised(doc)
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


def _untagged_names(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[SpanMention]:
    """Gazetteer names NER missed: "Lords Leader Baroness Amos", "the Tories", "US"."""

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

    return _scan(doc, taken, (3, 2, 1), classify)  # "ITAR - TASS" is three tokens


def _is_honorific(token: Token) -> bool:
    """A courtesy title as written before a name: "Mr", "Dr.", "Sir" (capitalised)."""
    return token.lower_.rstrip(".") in HONORIFICS and token.text[:1].isupper()


def _honorific_names(doc: Doc, taken: set[int]) -> list[SpanMention]:
    """People NER missed but a courtesy title marks: "Labour's Mr Livingstone"."""
    found: list[SpanMention] = []
    for token in doc[:-1]:
        if not _is_honorific(token):
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
    return found


def _repeated_names(
    doc: Doc, mentions: list[SpanMention], gazetteer: Gazetteer, taken: set[int]
) -> list[SpanMention]:
    """Other occurrences of a name the article already uses, NER missed there.

    Organization names also count without a trailing "Group", "plc", … ("Forgemasters"
    for "Forgemasters Group"); one-word person names are left to surname resolution.
    """
    known: dict[tuple[str, ...], str] = {}
    for m in mentions:
        words = tuple(m.text.split())
        if m.label in ("Organization", "Place") or (m.label == "Person" and len(words) > 1):
            known.setdefault(words, m.label)
        if m.label == "Organization":
            while len(words) > 1 and words[-1].lower() in gazetteer.org_suffixes:
                words = words[:-1]
                known.setdefault(words, "Organization")
    longest = max((len(k) for k in known), default=0)

    def classify(span: Span) -> tuple[str, str] | None:
        label = known.get(tuple(t.text for t in span))
        return (label, "REPEAT") if label else None

    return _scan(doc, taken, range(longest, 0, -1), classify)


def _place_follows(doc: Doc, i: int, gazetteer: Gazetteer) -> bool:
    """Whether a known country or region is written from token ``i`` ("Ohio", "South Africa")."""
    for width in (3, 2, 1):
        span = doc[i : i + width]
        if len(span) < width or not all(t.is_title or t.is_upper for t in span):
            continue
        hit = gazetteer.lookup(span.text)
        if (hit and hit[1] == "Place") or gazetteer.is_region(span.text):
            return True
    return False


def _is_dateline(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether ``[start, end)`` is a capitalised dateline place: "BANGKOK, Thailand (AP)"."""
    return (
        bool(doc[start].is_sent_start)
        and end + 1 < len(doc)
        and doc[end].text == ","
        and all(t.is_upper and t.is_alpha and len(t) > 1 for t in doc[start:end])
        and _place_follows(doc, end + 1, gazetteer)
    )


def _dateline_places(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[SpanMention]:
    """A dateline place NER missed at the start of a sentence: "EAST LANSING, Mich."."""
    found: list[SpanMention] = []
    for sent in doc.sents:
        start = end = sent.start
        while end < sent.end and end not in taken and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end > start and _is_dateline(doc, start, end, gazetteer):
            text = doc[start:end].text
            found.append(SpanMention(start, end, text, text, "Place", "GPE"))
            taken.update(range(start, end))
    return found


_NOT_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def _aged_names(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[SpanMention]:
    """A person NER missed, known by the age after the name: "Winter, 53, a former judge"."""
    found: list[SpanMention] = []
    for comma in doc[1:]:
        end = comma.i
        if not _age_follows(doc, end):
            continue
        start = end
        while (
            start > 0
            and end - start < 3
            and start - 1 not in taken
            and doc[start - 1].is_title
            and doc[start - 1].is_alpha
            and doc[start - 1].lower_ not in _NOT_NAMES
        ):
            start -= 1
        if start == end or gazetteer.lookup(doc[start:end].text) is not None:
            continue
        text = doc[start:end].text
        found.append(SpanMention(start, end, text, text, "Person", "PERSON"))
        taken.update(range(start, end))
    return found


def _party_states(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[SpanMention]:
    """The state of an American legislator NER missed: "Sen. Ann Ruiz, D-Ohio"."""
    found: list[SpanMention] = []
    for token in doc[2:]:
        i = token.i
        if (
            i not in taken
            and token.is_title
            and doc[i - 1].text == "-"
            and doc[i - 2].text in ("R", "D", "I")
            and gazetteer.is_region(token.text)
        ):
            found.append(SpanMention(i, i + 1, token.text, token.text, "Place", "GPE"))
            taken.add(i)
    return found


def _regions_after_places(
    doc: Doc, mentions: list[SpanMention], gazetteer: Gazetteer, taken: set[int]
) -> list[SpanMention]:
    """A region NER missed after "Place," ("the lecture in Kirkcaldy, Fife")."""
    found: list[SpanMention] = []
    for m in mentions:
        i = m.end + 1
        if (
            m.label in ("Place", "Person")
            and i < len(doc)
            and doc[m.end].text == ","
            and i not in taken
            and doc[i].is_title
            and gazetteer.is_region(doc[i].text)
        ):
            found.append(SpanMention(i, i + 1, doc[i].text, doc[i].text, "Place", "GPE"))
            taken.add(i)
    return found


def _named_after_org_nouns(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[SpanMention]:
    """A capitalised name NER missed right after "firm", "carmaker", …: "US firm Vonage"."""
    found: list[SpanMention] = []
    for token in doc[:-1]:
        if token.is_lower and token.lemma_ in gazetteer.org_nouns:
            end = token.i + 1
            while end < len(doc) and end not in taken and doc[end].is_title and doc[end].is_alpha:
                end += 1
            if end > token.i + 1 and (end == len(doc) or end not in taken):
                span = doc[token.i + 1 : end]
                found.append(
                    SpanMention(span.start, span.end, span.text, span.text, "Organization", "ORG")
                )
                taken.update(range(span.start, span.end))
    return found


def _retype(doc: Doc, mentions: list[SpanMention], gazetteer: Gazetteer) -> list[SpanMention]:
    """Fix NER classes the text itself contradicts.

    - A name ending in an organization word is an organization ("Leeds United",
      "Investec Securities"); one ending in a building's or a natural feature's word a
      place ("Dayton International Airport").
    - A "person" right after another person and "of"/"at" is their employer
      ("analyst Mike Powell of Dresdner Kleinwort Wasserstein").
    """
    fixed: list[SpanMention] = []
    for n, m in enumerate(mentions):
        label = m.label
        words = m.text.split()
        if (
            label in ("Person", "Place")
            and len(words) > 1
            and words[-1].lower() in gazetteer.org_suffixes
        ):
            label = "Organization"
        elif (
            label == "Organization"
            and len(words) > 1
            and words[-1].lower() in gazetteer.place_suffixes
            and gazetteer.lookup(m.text) is None
        ):
            label = "Place"  # "Brushy Mountain Penitentiary", "Dayton International Airport"
        elif label != "Place" and _is_dateline(doc, m.start, m.end, gazetteer):
            label = "Place"  # "DAYTON, Ohio (AP)" typed ORG by NER
        elif label == "Organization" and _age_follows(doc, m.end) and len(words) <= 4:
            label = "Person"  # "Ulla Berg, 47, of the Red Cross" typed ORG by NER
        elif (
            label != "Person"
            and len(words) >= 3
            and words[0].lower() in _PEERAGES
            and words[1] == "of"
        ):
            label = "Person"  # "the Duchess of York" typed a place by NER
        elif label == "Person" and _place_noun_follows(doc, m.end):
            label = "Place"  # "Yerevan, the capital of Armenia" typed PERSON by NER
        elif (
            label != "Person"
            and 1 < len(words) <= 4
            and words[0] in gazetteer.first_names
            and all(w[:1].isupper() for w in words)
            and words[-1].lower() not in gazetteer.org_suffixes
            and gazetteer.lookup(m.text) is None
        ):
            label = "Person"  # "Philippe Camus", "Nicola Sturgeon" typed ORG by NER
        elif (
            label == "Person"
            and len(words) == 1
            and m.start > 0
            and doc[m.start - 1].lower_ in ("in", "nearby", "near")
            and not (m.end < len(doc) and doc[m.end].tag_ == "POS")
        ):
            label = "Place"  # "he attended school in nearby Pengam"
        elif (
            m.start > 0
            and doc[m.start - 1].is_lower
            and doc[m.start - 1].lemma_ in gazetteer.org_nouns
        ):
            label = "Organization"  # "Russian crude producer Yukos", "analyst firm Gartner"
        elif (
            label == "Person"
            and n > 0
            and mentions[n - 1].label == "Person"
            and mentions[n - 1].end + 1 == m.start
            and doc[m.start - 1].lower_ in ("of", "at")
        ):
            label = "Organization"
        fixed.append(
            m
            if label == m.label
            else SpanMention(m.start, m.end, m.text, m.surface, label, m.ner_label)
        )
    return fixed


def _age_follows(doc: Doc, end: int) -> bool:
    """Whether an age in commas follows token ``end``: "Ulla Berg, 47, said"."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].text.isdigit()
        and int(doc[end + 1].text) < 120
        and doc[end + 2].text == ","
    )


def _place_noun_follows(doc: Doc, end: int) -> bool:
    """Whether "a/the capital (of)", "the town" follows: the name before is a place."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in ("the", "a")
        and doc[end + 2].lower_ in _PLACE_NOUNS
        and (end + 3 >= len(doc) or doc[end + 3].lower_ in ("of", "in", ",", "."))
    )


def _untagged_demonyms(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[SpanMention]:
    """Capitalised demonyms and party adjectives NER missed ("Labour MP", "South Korean")."""

    def classify(span: Span) -> tuple[str, str] | None:
        if all(t.text[:1].isupper() and t.is_alpha for t in span) and gazetteer.demonym(span.text):
            return "Demonym", "NORP"
        return None

    return _scan(doc, taken, (2, 1), classify)

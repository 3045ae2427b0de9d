"""Sports signals: the names of a team sheet are people (``people_in_team_sheets``), and a
place before a sport title and a person, or after a sport title and "of"/"at", is its team
(``teams_before_sport_titles``), as it is again where a team stands."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..base import Context, SpanMention, is_dateline
from .evidence import TEAM

__all__ = ["people_in_team_sheets", "sport_title_after", "teams_before_sport_titles"]


_SHEET_WORDS = frozenset({"and", "capt", "c", "captain", "rep", "replacements", "subs"})


def _is_team_sheet(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are a list of names only: five commas or semicolons
    at least, and no word but capitalised ones and "capt" ("Walder; May, Tait, Mayerhofler,
    Stephenson; …", "Replacements: Peel, Wilson, Thompson, …")."""
    separators = 0
    for token in doc[start:end]:
        if token.text in (",", ";"):
            separators += 1
        elif token.is_alpha and not token.text[:1].isupper() and token.lower_ not in _SHEET_WORDS:
            return False
        elif not token.is_alpha and not token.is_punct and not token.is_space:
            return False  # a number or a symbol: a table of results, not a team
    return separators >= 5


def _in_sheet(token: Token) -> bool:
    """A token a team sheet may hold between two names: a separator, a capitalised word (a
    name NER missed), "capt"."""
    return (
        token.text in (",", ";", "(", ")")
        or token.lower_ in _SHEET_WORDS
        or (token.is_alpha and token.text[:1].isupper())
    )


def _team_sheets(doc: Doc, mentions: list[SpanMention]) -> list[tuple[int, int]]:
    """The token bounds of every team sheet's line: found from runs of mentions with only
    separators and capitalised words between them (no pass over every token of the
    ``Doc``), then checked over the whole line."""
    sheets: list[tuple[int, int]] = []
    i = 0
    while i < len(mentions):
        j, separators = i, 0
        while j + 1 < len(mentions):
            gap = doc[mentions[j].end : mentions[j + 1].start]
            if len(gap) > 20 or not all(_in_sheet(t) for t in gap):
                break
            separators += sum(t.text in (",", ";") for t in gap)
            j += 1
        if separators:
            start, end = mentions[i].start, mentions[j].end
            while start > 0 and not doc[start - 1].is_space and mentions[i].start - start < 40:
                start -= 1
            while end < len(doc) and not doc[end].is_space and end - mentions[j].end < 40:
                end += 1
            if _is_team_sheet(doc, start, end):
                sheets.append((start, end))
        i = j + 1
    return sheets


def people_in_team_sheets(doc: Doc, mentions: list[SpanMention], ctx: Context) -> list[SpanMention]:
    """The names of a team sheet ("Goodridge; Garvey, Simpson-Daniel, Fanolua, Kiole; Paul,
    Gomarsall; …", a line of its own) are people, whatever class NER gave them; a name the
    gazetteer knows, a city or a region (the team before its colon) keeps its class. A name in
    brackets after a player's ("J White (Leicester)", "M Tait (Newcastle)") is the club: an
    organization, a place's name made its team (:data:`TEAM`)."""
    gazetteer = ctx.gazetteer
    sheets = _team_sheets(doc, mentions)
    if not sheets:
        return list(mentions)
    fixed: list[SpanMention] = []
    for m in mentions:
        inside = any(start <= m.start and m.end <= end for start, end in sheets)
        if (
            inside
            and m.label in ("Organization", "Place")
            and m.start
            and doc[m.start - 1].text == "("
        ):
            if m.label == "Place":
                m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", TEAM)
        elif (
            m.label in ("Organization", "Place")
            and inside
            and len(m.text.split()) <= 3
            and gazetteer.lookup(m.text) is None
            and not gazetteer.is_city(m.text)
            and not gazetteer.is_region(m.text)
            and not (m.end < len(doc) and doc[m.end].text == ":")
        ):
            m = SpanMention(m.start, m.end, m.text, m.surface, "Person", m.ner_label)
        fixed.append(m)
    return fixed


def sport_title_after(doc: Doc, end: int, titles: frozenset[str], prefixes: frozenset[str]) -> int:
    """Where a sport title that starts at ``end`` (after "'s" and words such as "assistant")
    ends; 0 when none does."""
    if end < len(doc) and doc[end].tag_ == "POS":
        end += 1
    while end < len(doc) and doc[end].lower_ in prefixes and doc[end].is_lower:
        end += 1
    for k in (3, 2, 1):
        words = doc[end : end + k]
        if (
            end + k <= len(doc)
            and words.text.lower() in titles
            and all(t.is_lower for t in words if t.is_alpha)
        ):
            return end + k
    return 0


def teams_before_sport_titles(
    doc: Doc, mentions: list[SpanMention], ctx: Context
) -> list[SpanMention]:
    """A place written before a sport title and a person's name is its club or national team
    (``ner_label`` :data:`TEAM`): "Leicester flanker Lewis Moody", "Wales coach Mike Ruddock",
    "England's captain, Michael Vaughan" (``sport_titles``). Other mentions of the name stay
    places; titles of a place's office ("London mayor X") are not sport titles. So is one word
    NER typed a person right before the title ("Bath prop Matt Stevens"), unless it is a given
    name or the family name of a person of the article ("Robinson's captain X": no "'s").
    A place right after a sport title and "of"/"at" is a team too ("manager at Manchester
    City", "the captain of England")."""
    titles, prefixes = ctx.words("sport_titles"), ctx.words("org_title_prefixes")
    people = {m.start: m for m in mentions if m.label == "Person"}
    surnames = {m.text.split()[-1] for m in mentions if m.label == "Person" and " " in m.text}
    ends = {m.end for m in mentions}
    fixed: list[SpanMention] = []
    for m in mentions:
        place = m.label == "Place" and not is_dateline(doc, m.start, m.end, ctx.gazetteer)
        one_word = (
            m.label == "Person"
            and m.ner_label == "PERSON"
            and m.end - m.start == 1
            and m.text not in ctx.gazetteer.first_names
            and m.text not in surnames
            and m.end < len(doc)
            and doc[m.end].tag_ != "POS"
        )
        if (place or one_word) and m.start not in ends:  # not "Microsoft UK boss X"
            end = sport_title_after(doc, m.end, titles, prefixes)
            if end and end < len(doc) and doc[end].text == ",":
                end += 1
            if (end and end in people) or (place and _sport_title_before(doc, m.start, titles)):
                m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", TEAM)
        fixed.append(m)
    return _teams_again(doc, fixed, people, ctx)


def _sport_title_before(doc: Doc, start: int, titles: frozenset[str]) -> bool:
    """ "as manager at Manchester City", "the captain of England": a sport title in lower case,
    then "of" or "at", right before the name ("player" left out: "the best player at
    Wimbledon" names a tournament's place)."""
    if start < 2 or doc[start - 1].lower_ not in ("of", "at"):
        return False
    for k in (2, 1):
        words = doc[max(0, start - 1 - k) : start - 1]
        if (
            len(words) == k
            and words.text.lower() in titles
            and words.text.lower() != "player"
            and all(t.is_lower for t in words if t.is_alpha)
        ):
            return True
    return False


def _team_position(doc: Doc, m: SpanMention, people: dict[int, SpanMention], ctx: Context) -> bool:
    """Whether a name stands where a team does: "'s" before a person ("Leicester's Harry
    Ellis"), before a noun of a team ("the England squad", "Wales international X";
    ``team_nouns``) or after a verb of joining a club ("joined Leicester", "signed for
    Chelsea"; ``team_verbs``)."""
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.tag_ == "POS" and m.end + 1 in people:
        return True
    if after is not None and after.is_lower and after.lower_ in ctx.words("team_nouns"):
        return True
    verbs = ctx.words("team_verbs")
    return any(m.start >= k and doc[m.start - k : m.start].text.lower() in verbs for k in (1, 2))


def _teams_again(
    doc: Doc, mentions: list[SpanMention], people: dict[int, SpanMention], ctx: Context
) -> list[SpanMention]:
    """A name the article writes once as a team (a sport title after it) is the team too where
    it stands in a team's position again (:func:`_team_position`), and everywhere when it is no
    place the gazetteer knows and has two words or more ("Manchester City"); an article with
    no team keeps every place."""
    teams = {m.text for m in mentions if m.label == "Organization" and m.ner_label == TEAM}
    if not teams:
        return mentions
    gazetteer = ctx.gazetteer

    def known_place(text: str) -> bool:  # "Wales", "Leeds": a place too, elsewhere
        hit = gazetteer.lookup(text)
        return (
            (hit is not None and hit[1] == "Place")
            or gazetteer.is_city(text)
            or gazetteer.is_region(text)
            or " " not in text
        )

    return [
        SpanMention(m.start, m.end, m.text, m.surface, "Organization", TEAM)
        if m.label == "Place"
        and m.text in teams
        and (_team_position(doc, m, people, ctx) or not known_place(m.text))
        else m
        for m in mentions
    ]

"""The object a government title implies: "Chancellor X" in a British story works for the
Treasury, "Senator X" sits in the Senate, as ``schemas/rules/government.tsv`` says."""

from __future__ import annotations

from dataclasses import dataclass

from ...names import normalize_name
from ..annotate import TitlePhrase
from .checks import named_before, object_after, object_follows, party_adjective, word_before
from .reading import Argument, Reading

__all__ = ["ImpliedObject", "implied_object"]


@dataclass(frozen=True)
class ImpliedObject:
    """The object a title implies, written where the title is, and the predicate it takes."""

    argument: Argument
    predicate: str


def implied_object(
    reading: Reading,
    title: TitlePhrase | None,
    subject: Argument | None,
    *,
    titled: set[int],
) -> ImpliedObject | None:
    """The object a government title names in the article's country, and its predicate.

    ``titled`` holds the first tokens of the titles that gave a triple with a written
    object. None when the title gave a triple with a written object already, when an
    organization, place, adjective or capitalised word is written right before it
    ("Tory chancellor", "Trade Representative"), or when the country has no such post.
    A country written right before the title is the country meant ("U.S. Senator X").
    A bare legislator's title ("Senator X", "MP X") implies the seat even when the chamber
    is never named: ANNOTATION.md counts an object the article never names ("President
    Bush" -> the United States) as implied. A region or a party adjective before the title
    ("Texas Senator X", "Democratic Senator X", "Tory MP X") leaves the seat implied only
    when the article names the chamber, alone or at the start of a committee's name ("the
    House Foreign Affairs Committee"). A
    country other than the article's conjoined right before the title leaves no object
    ("China and President Xi Jinping" in a U.S. story).
    """
    if title is None or subject is None or title.start in titled:
        return None
    i = word_before(reading, title)
    country, seat = "", False
    if named_before(reading, title):
        country = country_written_at(reading, i)
        seat = not country and (reading.ann.geo[i] == "region" or party_adjective_at(reading, i))
        if not country and not seat:
            return None
    elif i >= 0 and reading.doc[i].pos_ == "PROPN" and reading.doc[i].is_title:
        return None  # "Trade Representative X" is no member of the House
    elif conjoined_country(reading, i) not in ("", normalize_name(reading.article_country())):
        return None  # "China and President Xi Jinping" in a U.S. story: maybe China's
    if object_follows(reading, title.end) or object_after(reading, title.end):
        return None
    country = country or reading.article_country()
    key = normalize_name(country)
    posts = [reading.ruleset.government.get((key, entry.phrase)) for entry in title.entries]
    post = next((p for p in posts if p is not None), None)
    if post is None or (seat and post.predicate != "member_of"):
        return None
    names = (post.object, *post.aliases)
    if seat and not names_the_chamber(reading, names):
        return None  # "Tory MP X": the Commons only when the article names it
    index = reading.entity_named(post.object, post.object_class, post.aliases)
    return ImpliedObject(Argument(index, title.text, title.start, title.end), post.predicate)


def names_the_chamber(reading: Reading, names: tuple[str, ...]) -> bool:
    """Whether the article names the chamber of ``names``: an organization of one of
    them, or one whose name begins with one of them ("House Foreign Affairs Committee",
    "the House of Representatives' Oversight Committee"; not "the Alabama Senate")."""
    keys = {normalize_name(name) for name in names}
    for entity in reading.res.entities:
        if entity.label != "Organization":
            continue
        for written in (entity.name, *entity.aliases):
            words = normalize_name(written).split()
            if any(" ".join(words[:n]) in keys for n in range(1, len(words) + 1)):
                return True
    return False


def country_written_at(reading: Reading, i: int) -> str:
    """The country of government.tsv whose name ends at token ``i`` ("U.S."), else ""."""
    index = reading.res.token_entity.get(i)
    if index is None or reading.ann.geo[i] != "country":
        return ""
    entity = reading.res.entities[index]
    key = normalize_name(entity.name)
    return entity.name if any(k[0] == key for k in reading.ruleset.government) else ""


def party_adjective_at(reading: Reading, i: int) -> bool:
    """Whether token ``i`` is a party written as its adjective ("Democratic Senator")."""
    index = reading.entity_at(i)
    if index is None:
        return False
    return party_adjective(reading, Argument(index, reading.doc[i].text, i, i + 1))


def conjoined_country(reading: Reading, i: int) -> str:
    """The normalised name of a country written right before the conjunction at token ``i``
    ("China and President Xi"), else ""."""
    if (
        i < 1
        or reading.doc[i].lower_ not in ("and", "or", "&")
        or reading.ann.geo[i - 1] != "country"
    ):
        return ""
    index = reading.res.token_entity.get(i - 1)
    return "" if index is None else normalize_name(reading.res.entities[index].name)

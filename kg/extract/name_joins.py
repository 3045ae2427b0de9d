"""Late joins of one article's clusters: a short name to the one longer name it stands for.

These passes run after :func:`kg.extract.entities.resolve_entities` has grouped the mentions
by their own names, and join a cluster whose name is one part of another's:

- the family name of a full name NER typed as an organization or place ("Kirstjen
  Nielsen" typed ORG, then "Nielsen"), and the last word of a company's name ("Deutsche
  Boerse" → "Boerse"): the last word of the one longer name that ends with it, when that
  word is no generic head ("Bank", "Party", "Committee": ``schemas/org_words.txt``) nor a
  place, and the longer name has no "of"/"and" ("Bank of Georgia" is no "Georgia");
- the subject of a department or ministry ("State" of "Secretary of State" beside "State
  Department"; "Energy" beside "U.S. Department of Energy"): the one organization whose
  name, "department of X" or "X department" (``inverted_org_heads``), has that subject;
- the first word of a company's name, written alone after the full name ("Marsh &
  McLennan ... Marsh said", "Parmalat Finanziaria ... Parmalat"): the one longer name NER
  typed as an organization that starts with it and came first (:func:`join_first_words`);
- a given name alone NER typed as a place or organization ("Serena Williams" ... "Serena"
  typed GPE): the one full personal name that begins with it
  (:func:`join_people_typed_otherwise`).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from typing import Protocol

from spacy.tokens import Doc

from ..names import normalize_name
from .gazetteer import Gazetteer
from .mentions import SpanMention

__all__ = [
    "chamber_short_form",
    "headline_end",
    "is_place_name",
    "join_clusters",
    "join_first_words",
    "join_name_ends",
    "join_people_typed_otherwise",
]

_STOP_WORDS = frozenset({"of", "and", "the", "for", "&", "de", "du", "la", "le", "von", "van"})
_NAME_END_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


class Cluster(Protocol):
    """What these passes read and change of a cluster of mentions."""

    mentions: list[SpanMention]
    fixed: tuple[str, str] | None

    def label(self) -> str: ...


def join_name_ends(
    clusters: Sequence[Cluster],
    by_key: MutableMapping[str, int],
    gazetteer: Gazetteer,
    organization_key: Callable[[str], str],
    *,
    lead_end: int = 0,
) -> None:
    """Join one-word clusters to the one longer name they end or are the subject of, or
    begin (:func:`join_first_words`).

    Args:
        clusters: The clusters of the article; joined ones are emptied.
        by_key: Cluster key (``"o:"``/``"n:"``/``"p:"``/``"g:"`` + normalised name) → index.
        gazetteer: For generic heads, places and the department heads.
        organization_key: :func:`kg.extract.entities.organization_key` bound to ``gazetteer``.
        lead_end: The token where the article's body starts, after its headline.
    """

    def live(index: int) -> bool:
        return bool(clusters[index].mentions)

    def join(source: int, target: int) -> None:
        join_clusters(clusters, by_key, source, target)

    generic = gazetteer.org_suffixes | gazetteer.place_suffixes | gazetteer.words["generic_heads"]
    heads = gazetteer.words["inverted_org_heads"]
    singles: dict[int, str] = {}
    ends: dict[str, set[int]] = {}
    subjects: dict[str, set[int]] = {}
    for key, index in by_key.items():
        if not live(index) or key[:2] not in ("o:", "n:", "p:", "g:"):
            continue
        cluster = clusters[index]
        words = key[2:].split()
        if len(words) == 1 and key[:2] in ("o:", "n:") and not cluster.fixed:
            text = cluster.mentions[0].text
            if not text.replace(".", "").isupper() and not is_place_name(words[0], gazetteer):
                singles[index] = words[0]
            continue
        if cluster.label() == "Organization":
            org_words = organization_key(key[2:]).split()
            if len(org_words) >= 2 and org_words[-1] in heads:
                subjects.setdefault(" ".join(org_words[:-1]), set()).add(index)
        if (
            key[:2] in ("o:", "n:")
            and cluster.label() == "Organization"
            and not cluster.fixed
            and len(words) >= 2
            and not _STOP_WORDS & set(words)
            and all(w[:1].isupper() for w in cluster.mentions[0].text.split())  # a name
            and words[-1] not in generic
            and words[-1] not in _NAME_END_SUFFIXES
            and not any(c.isdigit() for c in key)
        ):
            ends.setdefault(words[-1], set()).add(index)
    _join_nicknames(clusters, by_key, gazetteer, join)
    for index, word in singles.items():
        if not live(index):
            continue
        # A place's name ends many another ("Europe", "Eastern Europe"), and a lone word NER
        # calls a person or place is no company's short name ("Voip" for "Skype Voip").
        label = clusters[index].label()
        same_class = label == "Organization" and word not in generic
        for found in (
            subjects.get(word, set()) if label != "Person" else set(),
            ends.get(word, set()) if same_class else set(),
        ):
            targets = {target for target in found if live(target)}
            if len(targets) == 1:
                join(index, targets.pop())
                break
    join_first_words(clusters, by_key, gazetteer, lead_end=lead_end)
    join_people_typed_otherwise(clusters, by_key, gazetteer)


def join_first_words(
    clusters: Sequence[Cluster],
    by_key: MutableMapping[str, int],
    gazetteer: Gazetteer,
    *,
    lead_end: int = 0,
) -> None:
    """Join a one-word organization to the one longer organization name it begins, when that
    name came first: news gives a company's full name, then its first word ("Dow Jones ...
    the Dow", "RT America ... RT", "Marsh & McLennan ... Marsh").

    Not joined: a word that is a generic head or a place ("Senate" of "Senate Judiciary
    Committee", "Minnesota" of "Minnesota Public Radio"); a word two longer names begin
    ("Virgin Trains", "Virgin Megastores"); a longer name written after the word ("Yahoo ...
    Yahoo Messenger": a product or a unit of the company) or that NER never typed as an
    organization ("Yahoo Messenger" typed PERSON); names the gazetteer fixes. A headline (the tokens before ``lead_end``)
    writes names short, so the word's mentions there do not count ("Sun offers ...", then
    "Sun Microsystems has launched ...").
    """
    generic = gazetteer.org_suffixes | gazetteer.place_suffixes | gazetteer.words["generic_heads"]
    firsts: dict[str, set[int]] = {}
    singles: dict[int, str] = {}
    for key, index in by_key.items():
        cluster = clusters[index]
        if key[:2] not in ("o:", "n:") or not cluster.mentions or cluster.fixed:
            continue
        if cluster.label() != "Organization" or any(c.isdigit() for c in key):
            continue
        words = key[2:].split()
        if len(words) == 1:
            if words[0] not in generic and not is_place_name(words[0], gazetteer):
                singles[index] = words[0]
            continue
        labels = {m.ner_label for m in cluster.mentions}
        if "ORG" in labels and "PERSON" not in labels and words[0] not in _STOP_WORDS:
            firsts.setdefault(words[0], set()).add(index)
    for index, word in singles.items():
        targets = {t for t in firsts.get(word, set()) if clusters[t].mentions}
        if len(targets) != 1 or not clusters[index].mentions:
            continue
        target = targets.pop()
        first = min((m.start for m in clusters[index].mentions if m.start >= lead_end), default=-1)
        if min(m.start for m in clusters[target].mentions) < first:
            join_clusters(clusters, by_key, index, target)


def join_people_typed_otherwise(
    clusters: Sequence[Cluster], by_key: MutableMapping[str, int], gazetteer: Gazetteer
) -> None:
    """Join a given name alone NER typed as a place or organization ("Serena Williams" ...
    "Serena" typed GPE) to the one full personal name of the article that begins with it;
    not a name the gazetteer knows nor a place ("Milan" beside "Milan Kundera"). (A full
    name typed otherwise is a person already when it begins with a known given name:
    :mod:`kg.extract.mentions.retype.people`.)
    """
    given = gazetteer.first_names
    people: dict[str, set[int]] = {}
    for key, index in by_key.items():
        cluster = clusters[index]
        words = cluster.mentions[0].text.split() if cluster.mentions else []
        if key[:2] == "p:" and len(words) >= 2 and cluster.label() == "Person":
            people.setdefault(words[0], set()).add(index)
    for key, index in list(by_key.items()):
        cluster = clusters[index]
        if key[:2] not in ("o:", "n:") or cluster.fixed or not cluster.mentions:
            continue
        text = cluster.mentions[0].text
        if (
            len(text.split()) != 1
            or text not in given
            or cluster.label() == "Person"
            or gazetteer.lookup(text) is not None
            or is_place_name(normalize_name(text), gazetteer)
        ):
            continue
        targets = {t for t in people.get(text, set()) if clusters[t].mentions}
        if len(targets) == 1:
            join_clusters(clusters, by_key, index, targets.pop())


def join_clusters(
    clusters: Sequence[Cluster], by_key: MutableMapping[str, int], source: int, target: int
) -> None:
    """Move the mentions of cluster ``source`` into ``target`` and point every key of
    ``source`` at ``target`` (nothing when they are the same cluster)."""
    if source == target:
        return
    clusters[target].mentions.extend(clusters[source].mentions)
    clusters[source].mentions.clear()
    for key, index in by_key.items():
        if index == source:
            by_key[key] = target


def _join_nicknames(
    clusters: Sequence[Cluster],
    by_key: MutableMapping[str, int],
    gazetteer: Gazetteer,
    join: Callable[[int, int], None],
) -> None:
    """Join full personal names that differ only by a short given name ("Dave Collins",
    "David Collins": ``nicknames``), into the first of them."""
    full = gazetteer.nicknames
    first: dict[tuple[str, str], int] = {}
    for key, index in list(by_key.items()):
        words = key[2:].split()
        if key[:2] != "p:" or len(words) < 2 or not clusters[index].mentions:
            continue
        name = (full.get(words[0], words[0]), " ".join(words[1:]))
        if name in first:
            join(index, first[name])
        else:
            first[name] = index


def chamber_short_form(words: list[str], gazetteer: Gazetteer) -> list[str]:
    """The words of a normalised organization name with a chamber's full name in front
    written as news writes it before a committee (``chamber_short_names``), else ``words``.

    >>> from kg.extract.gazetteer import load_gazetteer
    >>> gazetteer = load_gazetteer()
    >>> " ".join(chamber_short_form("house of representatives ethics committee".split(), gazetteer))
    'house ethics committee'
    >>> " ".join(chamber_short_form("house of representatives".split(), gazetteer))
    'house of representatives'
    """
    for pair in gazetteer.words["chamber_short_names"]:
        full, _, short = pair.partition(":")
        head = full.split()
        if len(words) > len(head) and words[: len(head)] == head:
            return [*short.split(), *words[len(head) :]]
    return words


_HEADLINE_TOKENS = 30


def headline_end(doc: Doc) -> int:
    """The token after an article's headline: its first line, when that line is short and
    ends without a full stop (a BBC file's first line); else 0."""
    for token in doc[:_HEADLINE_TOKENS]:
        if "\n" in token.text or "\n" in token.whitespace_:
            last = token if not token.is_space else doc[token.i - 1] if token.i else token
            return 0 if last.text in (".", "!", "?") else token.i + 1
    return 0


def is_place_name(text: str, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` (normalised) names a place or a nationality: a state, region, city or
    country the gazetteer knows ("alabama", "new york", "british")."""
    hit = gazetteer.lookup(text)
    return (
        (hit is not None and hit[1] == "Place")
        or gazetteer.is_region(text)
        or gazetteer.is_city(text)
        or gazetteer.demonym(text) is not None
    )

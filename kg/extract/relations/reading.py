"""What the relation builder reads one ``Doc`` with, and the arguments of a match.

A :class:`Reading` holds the ``Doc``, its entities (:class:`~kg.extract.entities.Resolution`)
and marks (:class:`~kg.extract.annotate.Annotation`), and the rules and gazetteer; it finds
the entity a token belongs to (:meth:`Reading.entity_at`) and the subject or object a match
names (:meth:`Reading.argument`, an :class:`Argument`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from ...names import normalize_name
from ...records import Entity
from ..annotate import ENTITY_TAGS, Annotation, TitlePhrase
from ..country import find_country
from ..entities import Resolution, organization_key
from ..gazetteer import Gazetteer
from ..references import find_references
from ..rules import RuleSet

__all__ = ["Argument", "Reading", "chamber_names", "names_a_chamber"]


def chamber_names(ruleset: RuleSet) -> frozenset[str]:
    """The normalised names of the legislative chambers: what a ``member_of`` post of
    ``government.tsv`` names ("Senate", "House of Commons")."""
    return frozenset(
        normalize_name(name)
        for post in ruleset.government.values()
        if post.predicate == "member_of"
        for name in (post.object, *post.aliases)
    )


def names_a_chamber(entity: Entity, chambers: frozenset[str]) -> bool:
    """Whether one of the entity's names is one of ``chambers`` (:func:`chamber_names`)."""
    return any(normalize_name(n) in chambers for n in (entity.name, *entity.aliases))


@dataclass(frozen=True)
class Argument:
    """A subject or object of a match: the entity, its text, its tokens ``[start, end)``."""

    entity: int
    text: str
    start: int
    end: int


@dataclass
class Reading:
    """One ``Doc`` as the relation builder reads it.

    Entities made on demand (a demonym, the object a title implies) are appended to
    ``res``, so that the triples can name them.
    """

    doc: Doc
    res: Resolution
    ann: Annotation
    ruleset: RuleSet
    gazetteer: Gazetteer
    country: str = ""
    """The country government titles mean (``--country``); found in the text when empty."""
    refs: dict[int, int] = field(default_factory=dict)
    """Token index → entity of a pronoun or description that refers back to it."""
    org_keys: dict[str, str] = field(default_factory=dict)
    """Name → :func:`~kg.extract.entities.organization_key`, as computed so far."""

    @cached_property
    def chambers(self) -> frozenset[str]:
        """:func:`chamber_names` of the rules, worked out once per ``Doc``."""
        return chamber_names(self.ruleset)

    def words(self, name: str) -> frozenset[str]:
        """A word list of ``schemas/relation_words.toml``."""
        return self.gazetteer.relation_words[name]

    def entity_named(self, name: str, label: str, aliases: tuple[str, ...] = ()) -> int:
        """Index of the entity with this name (or alias) and class, made when the article
        has none."""
        found = self.gazetteer.lookup(name)
        if found is not None and found[1] == label:
            name = found[0]
        for candidate in (name, *aliases):
            index = self.res.entity_named(candidate, label)
            if index is not None:
                return index
        if label == "Organization":  # "Senate" for a senator: the article's "U.S. Senate"
            keys = {self.organization_key(n) for n in (name, *aliases)}
            same = [
                i
                for i, e in enumerate(self.res.entities)
                if e.label == label and self.organization_key(e.name) in keys
            ]
            if len(same) == 1:
                return same[0]
        self.res.entities.append(Entity(name, label, tuple(sorted(aliases))))
        self.res.mentions.append([])
        return len(self.res.entities) - 1

    def organization_key(self, name: str) -> str:
        """:func:`~kg.extract.entities.organization_key` of ``name``, computed once per name."""
        key = self.org_keys.get(name)
        if key is None:
            key = self.org_keys[name] = organization_key(name, self.gazetteer)
        return key

    def article_country(self) -> str:
        """The country of the article, looked for once, when a rule first needs it."""
        if not self.country:
            found = find_country(self.doc, self.res, self.gazetteer, self.ruleset.country_cues)
            self.country = found or "-"
        return "" if self.country == "-" else self.country

    def mark_references(self) -> None:
        """Give pronouns and descriptions with one clear antecedent its entity tag."""
        self.refs = find_references(
            self.doc, self.res, self.ruleset.references, self.ruleset.reference_bodies
        )
        for i, index in self.refs.items():
            tag = ENTITY_TAGS[self.res.entities[index].label]
            self.ann.ent[i] = tag  # unmark_doc resets the token from here
            self.doc[i].ent_id_ = tag

    def entity_at(self, i: int) -> int | None:
        """Index of the entity a token belongs to; demonyms become entities on demand."""
        if i in self.res.token_entity:
            return self.res.token_entity[i]
        if i in self.refs:
            return self.refs[i]
        if i in self.res.demonyms:
            name, label, text = self.res.demonyms[i]
            index = self.res.entity_named(name, label)
            if index is None:
                index = len(self.res.entities)
                self.res.entities.append(Entity(name, label, (text,)))
                self.res.mentions.append([])
            else:
                old = self.res.entities[index]
                if text != old.name and text not in old.aliases:
                    aliases = tuple(sorted({*old.aliases, text}))
                    self.res.entities[index] = Entity(old.name, old.label, aliases)
            return index
        return None

    def argument(self, tokens: list[int], near: int) -> Argument | None:
        """The entity among ``tokens`` closest to token ``near``, and where it is written."""
        candidates = [(abs(i - near), i) for i in tokens if self.entity_at(i) is not None]
        if not candidates:
            return None
        _, pivot = min(candidates)
        index = self.entity_at(pivot)
        assert index is not None
        run = [i for i in tokens if self.entity_at(i) == index]
        lo, hi = min(run), max(run)
        while lo > 0 and self.entity_at(lo - 1) == index:
            lo -= 1
        while hi + 1 < len(self.doc) and self.entity_at(hi + 1) == index:
            hi += 1
        text = self.doc[lo : hi + 1].text
        for suffix in ("'s", "’s"):
            text = text.removesuffix(suffix)
        return Argument(index, text, lo, hi + 1)

    def title_of(self, tokens: list[int]) -> TitlePhrase | None:
        """The last title phrase among ``tokens`` (the one nearest the name it precedes)."""
        phrases = [self.ann.titles[i] for i in tokens if i in self.ann.titles]
        return max(phrases, key=lambda p: p.start) if phrases else None

"""One match of a rule as the relation builder reads it, and the steps that need no state
of the builder: where the title stands, the predicate, a party object, the relation's checks
and the evidence.

:class:`~kg.extract.relations.builder.TripleBuilder` reads a :class:`Match` and runs these
in the order its module docstring gives; each check returns the
:class:`~kg.extract.relations.refusals.Refusal` that turns the match down, or None. The
checks of the text they call are functions of :mod:`~kg.extract.relations.checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span

from ...records import Entity, Evidence, Triple
from ...vocab import DOMAINS, RANGES
from ..annotate import TitlePhrase
from ..rules import Rule
from .checks import (
    body_beside,
    conjoined_before,
    describes_a_noun,
    heads_a_body,
    heads_a_part,
    in_a_list,
    is_adjective,
    is_chamber,
    is_team,
    lists_on,
    modifies_a_noun,
    named_before,
    names_a_titled_person,
    object_follows,
    object_of_a_verb,
    party_adjective,
    place_before_a_noun,
    plural_for_one,
    starts_a_clause,
    starts_a_list,
    takes_a_stance,
    title_belongs_to_next_name,
)
from .reading import Argument, Reading
from .refusals import Refusal

__all__ = [
    "Match",
    "Relation",
    "check_party",
    "check_place",
    "check_relation",
    "check_title_position",
    "choose_predicate",
    "is_caucus",
    "is_party_adjective_of_members",
    "is_party_object",
    "make_evidence",
    "orient",
    "party_relation",
    "predicate_of_head",
    "predicate_of_team",
    "sits_in_a_body",
    "title_predicate",
]

_HEAD_PREDICATES = frozenset({"leader_of", "president_of"})


@dataclass(frozen=True)
class Match:
    """One match as read: the rule, its title, its subject and object and their entities.

    Attributes:
        rule: The rule that matched.
        suffix: What the rule id gets in the evidence: ``""``, or ``".list"`` and
            ``".conj"`` for a name of a list and a conjoined title the match was followed to.
        title: The title phrase of the match, if any.
        near: The token whose sentence is the evidence: the title's first, else the
            first token of the arguments.
        subject: The subject as written.
        obj: The object as written, or where the title implying it is written.
        subject_entity: The subject's entity.
        object_entity: The object's entity.
        predicate: The rule's predicate, or the one the implied object takes.
    """

    rule: Rule
    suffix: str
    title: TitlePhrase | None
    near: int
    subject: Argument
    obj: Argument
    subject_entity: Entity
    object_entity: Entity
    predicate: str


@dataclass(frozen=True)
class Relation:
    """The predicate and status a match gives, as far as the steps have read them."""

    predicate: str
    status: str


# --- where the title stands ----------------------------------------------------------


def check_title_position(reading: Reading, match: Match) -> Refusal | None:
    """Refuse a title that is not the subject's post at the object: the object is part of
    the title, another object follows it, it belongs to the next name, it starts a list
    or a clause of other people, the object names someone else's post or the subject's
    home state, or it is conjoined with the titled name."""
    title, subject, obj = match.title, match.subject, match.obj
    if title is None:
        return None
    listed = match.suffix == ".list"
    if title.start < obj.start and obj.end <= title.end:
        return Refusal.OBJECT_IN_TITLE  # "Secretary of State X"
    if takes_a_stance(reading, title, obj):
        return Refusal.TAKES_A_STANCE  # "X, a vocal critic of Time Warner"
    if (
        obj.end <= title.start
        and object_follows(reading, title.end)
        and not party_adjective(reading, obj)
    ):
        return Refusal.OBJECT_FOLLOWS  # "X, the German co-head of EADS"
    if not listed and title_belongs_to_next_name(reading, title.end, subject.entity):
        return Refusal.TITLE_OF_NEXT_NAME
    if title.start >= subject.end and not listed and lists_on(reading, title, subject):
        return Refusal.LISTS_ON  # "Kofi Annan, World Bank officials and ministers"
    if not listed and plural_for_one(reading, title, subject):
        return Refusal.PLURAL_FOR_ONE  # "with EU foreign ministers, Tillerson stressed"
    if title.start >= subject.end and starts_a_clause(reading, title, subject):
        return Refusal.STARTS_A_CLAUSE  # "in support of Moore, an RNC official said"
    if obj.start >= title.end and names_a_titled_person(reading, obj, subject.entity):
        return Refusal.NAMES_A_TITLED_PERSON  # "a spokesman for House Speaker X"
    if title.end <= subject.start and obj.start >= subject.end and named_before(reading, title):
        return Refusal.HOME_STATE  # "House Republican leader X of California"
    if not is_party_object(reading, match) and conjoined_before(reading, obj, title):
        return Refusal.OBJECT_CONJOINED  # "Congress and President Donald Trump"
    return None


def is_caucus(reading: Reading, match: Match) -> bool:
    """Whether a party adjective is written before a title whose object follows it: the
    subject is a member of the party ("X, the Republican chairman of the committee")."""
    title, obj = match.title, match.obj
    return (
        title is not None
        and obj.end <= title.start
        and object_follows(reading, title.end)
        and party_adjective(reading, obj)
    )


# --- the predicate -------------------------------------------------------------------


def choose_predicate(match: Match, override: str) -> str | Refusal:
    """The predicate of the match: the entry of its title that fits the object's class
    (for rules whose predicate is ``title``), or the one a modifier puts instead
    ("assistant" makes ``works_for``); refused for a shadow post, which is held in no
    government ("shadow chancellor X")."""
    predicate = match.predicate
    if predicate == "title":
        chosen = title_predicate(match)
        if isinstance(chosen, Refusal):
            return chosen
        predicate = chosen
    if override and match.rule.object_kind == "implied" and override != "works_for":
        return Refusal.SHADOW_POST
    return override or predicate


def title_predicate(match: Match) -> str | Refusal:
    """The predicate of the title's lexicon entry that fits the object's class, one that
    names a class first."""
    if match.title is None:
        return Refusal.NO_TITLE
    label = match.object_entity.label
    fitting = [e for e in match.title.entries if e.object_class in ("", label)]
    specific = [e for e in fitting if e.object_class]
    if not fitting:
        return Refusal.TITLE_CLASS
    return (specific or fitting)[0].predicate


def sits_in_a_body(reading: Reading, match: Match, predicate: str) -> bool:
    """Whether a head's title names a body of the object ("Senate tax committee chief X"
    sits in the Senate)."""
    return (
        match.title is not None
        and predicate in _HEAD_PREDICATES
        and heads_a_body(reading, match.title, match.obj)
    )


def predicate_of_head(reading: Reading, match: Match, predicate: str, *, body: bool) -> str:
    """A head of a body of the object is a member of it; a head of a part of it works
    for it; any other predicate stays."""
    if body:
        return "member_of"
    title = match.title
    if (
        title
        and predicate in _HEAD_PREDICATES
        and heads_a_part(reading, title.start, title.end, match.obj)
    ):
        return "works_for"
    return predicate


def predicate_of_team(reading: Reading, match: Match, predicate: str) -> str:
    """A sports team's person named without a title is its member, not its staff
    ("Leicester's Harry Ellis"; ANNOTATION.md: a team member is ``member_of``)."""
    if match.title is None and predicate == "works_for" and is_team(reading, match.obj):
        return "member_of"
    return predicate


# --- a party -------------------------------------------------------------------------


def is_party_object(reading: Reading, match: Match) -> bool:
    """Whether the object is a political party of the gazetteer."""
    o_entity = match.object_entity
    return o_entity.label == "Organization" and reading.gazetteer.is_party(o_entity.name)


def check_party(reading: Reading, match: Match, override: str, *, is_party: bool) -> Refusal | None:
    """Refuse a party rule whose object is no party, a shadow post in what is neither
    a party nor a chamber, a party conjoined to the subject's title rather than
    modifying it, and a candidate's title, which is no post of the body it names."""
    title, obj = match.title, match.obj
    if match.rule.object_kind == "party" and not is_party:
        return Refusal.NOT_A_PARTY
    if override == "member_of" and not is_party and not is_chamber(reading, match.object_entity):
        return Refusal.SHADOW_DEPARTMENT  # "shadow Treasury chief secretary X"
    if is_party and title and obj.end <= title.start and reading.doc[obj.end].pos_ == "CCONJ":
        return Refusal.PARTY_CONJOINED  # "Republicans and President Trump"
    if (
        not is_party
        and title
        and any(e.phrase in reading.words("candidacy") for e in title.entries)
    ):
        return Refusal.CANDIDACY  # "Republican Senate candidate Roy Moore"
    return None


def party_relation(
    reading: Reading, match: Match, relation: Relation, *, modifier_at: int | None
) -> Relation:
    """The predicate a party object takes (schemas/rules parties), its adjective's
    predicate before a title of the party's members ("Democratic President Bill
    Clinton"), and a current membership whatever the modifier after the party says
    ("Labour former minister X" is still Labour; "ex-UKIP MEP X" is not). A post ahead of
    time leaves the membership its party adjective gives current: "Prospective Tory
    candidate X", "Democratic Senator-elect X", "helped elect Democratic Senator X" (but
    "X will join Labour" is ahead of time: the party is no adjective before a title)."""
    ruleset = reading.ruleset
    if relation.predicate not in ruleset.parties:
        return relation
    as_adjective = ruleset.party_adjectives.get(relation.predicate)
    predicate, mode = ruleset.parties[relation.predicate]
    if as_adjective and is_party_adjective_of_members(reading, match):
        predicate = as_adjective
    status = relation.status
    if mode == "current" and modifier_at is not None and modifier_at > match.obj.end - 1:
        status = "current"
    title = match.title
    if mode == "current" and status == "future" and title and match.obj.end <= title.start:
        status = "current"
    return Relation(predicate, status)


def is_party_adjective_of_members(reading: Reading, match: Match) -> bool:
    """Whether the party is an adjective before a title its members hold: a caucus
    ("X, the Republican chairman of the committee"), a party's group in a body
    ("Senate Democratic leader X" leads the party's senators) or any title that is no
    party post ("Democratic President Bill Clinton")."""
    title, obj = match.title, match.obj
    return bool(
        title
        and obj.end <= title.start
        and is_adjective(reading, obj)
        and (
            is_caucus(reading, match)
            or body_beside(reading, obj, title.start)
            or not any(e.phrase in reading.words("party_posts") for e in title.entries)
        )
    )


# --- the relation --------------------------------------------------------------------


def check_relation(reading: Reading, match: Match, predicate: str, *, body: bool) -> Refusal | None:
    """Refuse a predicate whose domain or range does not fit the entities, and an object
    written where it is not the object: it describes a noun, modifies one after the
    title, or is a place of a list or one before a noun."""
    if (
        match.subject_entity.label not in DOMAINS[predicate]
        or match.object_entity.label not in RANGES[predicate]
    ):
        return Refusal.DOMAIN_RANGE
    title, obj = match.title, match.obj
    if (
        title
        and predicate == "works_for"
        and match.object_entity.label == "Place"
        and describes_a_noun(reading, obj, title.start)
    ):
        return Refusal.DESCRIBES_A_NOUN  # "Phoenix newspaper reporter Don Bolles"
    if (
        title
        and obj.start >= title.end
        and obj.end < len(reading.doc)
        and not body
        and modifies_a_noun(reading, obj)
    ):
        return Refusal.MODIFIES_A_NOUN  # "head of music at London rock radio station Xfm"
    if predicate == "located_in":
        return check_place(reading, match)
    if predicate == "based_in" and match.obj.start >= match.subject.end:
        return check_base(reading, match)
    return None


def check_base(reading: Reading, match: Match) -> Refusal | None:
    """Refuse a ``based_in`` place written after the organization that is one of a list of
    places ("offices at the United Nations in New York, Washington and Chicago"), or that
    places what a verb tells of, the organization being that verb's object ("exploited by
    the Springboks in South Africa", "speaking at Queen's Club in London")."""
    if starts_a_list(reading, match.obj):
        return Refusal.IN_A_LIST
    if object_of_a_verb(reading, match.subject):
        return Refusal.OBJECT_OF_A_VERB
    return None


def check_place(reading: Reading, match: Match) -> Refusal | None:
    """Refuse a ``located_in`` object that is one of a list of places, or a place
    written before a common noun of another phrase."""
    obj, doc = match.obj, reading.doc
    if in_a_list(reading, obj):
        return Refusal.IN_A_LIST  # "in Leeds, Bradford and Hull"
    if (
        obj.start > match.subject.start  # not "the Indian city of Mumbai"
        and obj.end < len(doc)
        and place_before_a_noun(reading, obj)
    ):
        return Refusal.PLACE_BEFORE_A_NOUN  # "toward Islamabad, U.S. officials"
    return None


# --- the triple ----------------------------------------------------------------------


def make_evidence(reading: Reading, match: Match, sentence: Span, status: str) -> Evidence:
    """The evidence of a match: its sentence, the words of its arguments, the rule and
    its confidence, lower when an argument is a reference ("he", "the senator")."""
    text = sentence.text
    start = sentence.start_char + len(text) - len(text.lstrip())
    text = text.strip()  # spaCy keeps the line breaks after a sentence in it
    through_ref = any(i in reading.refs for i in (match.subject.start, match.obj.start))
    return Evidence(
        sentence=text,
        start=start,
        end=start + len(text),
        subject_text=match.subject.text,
        object_text=match.obj.text,
        rule=match.rule.id + match.suffix + (".ref" if through_ref else ""),
        confidence=round(match.rule.confidence * (0.85 if through_ref else 1.0), 3),
        title=match.title.text if match.title else "",
        status=status,
    )


def orient(match: Match, predicate: str, evidence: Evidence) -> Triple:
    """The triple of a match; a symmetric predicate (``met_with``) is written in one
    direction only, its names in order."""
    s_entity, o_entity = match.subject_entity, match.object_entity
    if predicate == "met_with" and o_entity.name < s_entity.name:
        evidence = replace(evidence, subject_text=match.obj.text, object_text=match.subject.text)
        return Triple(o_entity, predicate, s_entity, evidence)
    return Triple(s_entity, predicate, o_entity, evidence)

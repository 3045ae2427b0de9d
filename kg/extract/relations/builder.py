"""The relation builder: turns the matches of the rules into triples for one ``Doc``.

:meth:`TripleBuilder.add` reads one match in these steps, in this order (the first check
that refuses the match ends it, and the order decides which check the trace names):

1. read the arguments: the title, the subject and the object, written or implied
   (:func:`~kg.extract.relations.implied.implied_object`);
2. read the status of the role (:mod:`~kg.extract.relations.status`): from the title's
   modifier, from the verb, or from a modifier before the names;
3. check where the title stands between the subject and the object;
4. choose the predicate: the title's entry, a modifier's override, the body or part a
   head of something sits in;
5. check a party object, and read the party's own predicate;
6. check the relation: the classes of the predicate, and where the object is written;
7. keep the triple with its evidence, then follow the conjoined titles and the list of
   names the title also holds for.

The checks themselves are functions of :mod:`~kg.extract.relations.checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from ...records import Entity, Evidence, Triple
from ...vocab import DOMAINS, RANGES
from ..annotate import TitlePhrase
from ..rules import Rule
from .checks import (
    body_beside,
    describes_a_noun,
    heads_a_body,
    heads_a_part,
    in_a_list,
    is_adjective,
    is_chamber,
    is_plural,
    lists_on,
    modifies_a_noun,
    named_before,
    names_a_titled_person,
    object_after,
    object_follows,
    party_adjective,
    starts_a_clause,
    title_belongs_to_next_name,
)
from .implied import implied_object
from .reading import Argument, Reading
from .refusals import Refusal
from .status import Status, status_of, verb_status

__all__ = ["FactKey", "TripleBuilder"]

_HEAD_PREDICATES = frozenset({"leader_of", "president_of"})

FactKey = tuple[str, str, str, str, int]
"""Subject, predicate, object, status and the sentence's first character: one fact."""


@dataclass(frozen=True)
class _Match:
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
class _Relation:
    """The predicate and status a match gives, as far as the steps have read them."""

    predicate: str
    status: str


class TripleBuilder:
    """Turns matches into triples for one ``Doc``."""

    def __init__(self, reading: Reading):
        self.reading = reading
        self.doc: Doc = reading.doc
        self.triples: dict[FactKey, Triple] = {}
        self.titled: set[int] = set()
        """First tokens of the title phrases that gave a triple with a written object."""
        self.implied: set[FactKey] = set()
        """Keys of the triples whose object is implied."""
        self.status_by_verb: dict[tuple[int, int], str] = {}
        """First tokens of the title phrases whose verb gave the role its status."""

    def add(self, rule: Rule, roles: dict[str, list[int]], *, suffix: str = "") -> Refusal | None:
        """Keep the triple a match gives, or return the check that turned it down (None
        also when an earlier match gave the fact with as much confidence).

        The steps run in the order of the module docstring.
        """
        match = self._read_match(rule, roles, suffix)
        if isinstance(match, Refusal):
            return match
        status = self._read_status(match, roles)
        if isinstance(status, Refusal):
            return status
        refusal = self._check_title_position(match)
        if refusal is not None:
            return refusal
        predicate = self._choose_predicate(match, status.override)
        if isinstance(predicate, Refusal):
            return predicate
        body = self._heads_a_body(match, predicate)
        predicate = self._predicate_of_head(match, predicate, body=body)
        is_party = self._is_party(match)
        refusal = self._check_party(match, status.override, is_party=is_party)
        if refusal is not None:
            return refusal
        relation = _Relation(predicate, status.status)
        if is_party:
            relation = self._party_relation(match, relation, modifier_at=status.at)
        refusal = self._check_relation(match, relation.predicate, body=body)
        if refusal is not None:
            return refusal
        sentence = self.doc[match.near].sent
        evidence = self._make_evidence(match, sentence, relation.status)
        self._keep(match, self._orient(match, relation.predicate, evidence), sentence.start_char)
        self._mark_titled(match, is_party=is_party)
        self._follow(match, roles)
        return None

    # --- 1. the arguments -------------------------------------------------------------------

    def _read_match(self, rule: Rule, roles: dict[str, list[int]], suffix: str) -> _Match | Refusal:
        """The title, subject and object of a match: the object written, or the one a
        government title implies ("Senator X": the Senate); refused when an argument is
        missing or both name one entity."""
        title_tokens = roles.get("title", [])
        title = self.reading.title_of(title_tokens) if title_tokens else None
        near = title.start if title else min(roles["object"] + roles["subject"])
        subject = self.reading.argument(roles.get("subject", []), near)
        predicate = rule.predicate
        obj: Argument | None
        if rule.object_kind == "implied":
            implied = implied_object(self.reading, title, subject, titled=self.titled)
            if implied is None:
                return Refusal.NO_IMPLIED_OBJECT
            obj, predicate = implied.argument, implied.predicate
        else:
            obj = self.reading.argument(roles.get("object", []), title.last if title else near)
        if subject is None or obj is None:
            return Refusal.NO_ARGUMENT
        if subject.entity == obj.entity:
            return Refusal.SAME_ENTITY
        entities = self.reading.res.entities
        return _Match(
            rule=rule,
            suffix=suffix,
            title=title,
            near=near,
            subject=subject,
            obj=obj,
            subject_entity=entities[subject.entity],
            object_entity=entities[obj.entity],
            predicate=predicate,
        )

    # --- 2. the status ----------------------------------------------------------------------

    def _read_status(self, match: _Match, roles: dict[str, list[int]]) -> Status | Refusal:
        """The status of the role, the predicate a modifier puts instead of the title's, and
        the modifier's token: read from the title, else from the verb of the rule, else from
        a modifier written before the names."""
        if match.title:
            return self._status_of_title(match, match.title)
        if "verb" in roles:
            return Status(verb_status(self.reading, self.doc[roles["verb"][0]]))
        return self._status_before_names(match)

    def _status_of_title(self, match: _Match, title: TitlePhrase) -> Status | Refusal:
        """The status a title's modifier gives ("former chairman"), else the rule's own
        ("X resigned as chairman of Y"); refused for a rule without a status when a verb
        already gave this title of this subject its status ("X is to become chairman": not
        current)."""
        rule, subject = match.rule, match.subject
        written = status_of(self.reading, title.start, title.last)
        if written.status == "current" and rule.status:
            self.status_by_verb[(title.start, subject.entity)] = rule.status
            return replace(written, status=rule.status)
        if not rule.status and (title.start, subject.entity) in self.status_by_verb:
            return Refusal.STATUS_BY_VERB
        return written

    def _status_before_names(self, match: _Match) -> Status:
        """The status a modifier before the names gives a rule without a title ("ex-UKIP MEP
        X"; for a party, before the object: "Senator-elect X, the Democrat" is a Democrat
        now), else the rule's own ("X, who grew up in Y": a past residence)."""
        first = min(match.obj.start, match.subject.start)
        if match.rule.object_kind == "party":
            first = match.obj.start
        written = status_of(self.reading, first, first - 1)
        status = written.status
        if status == "current" and match.rule.status:
            status = match.rule.status
        return Status(status, at=written.at)

    # --- 3. where the title stands ----------------------------------------------------------

    def _check_title_position(self, match: _Match) -> Refusal | None:
        """Refuse a title that is not the subject's post at the object: the object is part of
        the title, another object follows it, it belongs to the next name, it starts a list
        or a clause of other people, or the object names someone else's post or the
        subject's home state."""
        title, subject, obj = match.title, match.subject, match.obj
        if title is None:
            return None
        reading, listed = self.reading, match.suffix == ".list"
        if title.start < obj.start and obj.end <= title.end:
            return Refusal.OBJECT_IN_TITLE  # "Secretary of State X"
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
        if title.start >= subject.end and starts_a_clause(reading, title, subject):
            return Refusal.STARTS_A_CLAUSE  # "in support of Moore, an RNC official said"
        if obj.start >= title.end and names_a_titled_person(reading, obj, subject.entity):
            return Refusal.NAMES_A_TITLED_PERSON  # "a spokesman for House Speaker X"
        if title.end <= subject.start and obj.start >= subject.end and named_before(reading, title):
            return Refusal.HOME_STATE  # "House Republican leader X of California"
        return None

    def _is_caucus(self, match: _Match) -> bool:
        """Whether a party adjective is written before a title whose object follows it: the
        subject is a member of the party ("X, the Republican chairman of the committee")."""
        title, obj = match.title, match.obj
        return (
            title is not None
            and obj.end <= title.start
            and object_follows(self.reading, title.end)
            and party_adjective(self.reading, obj)
        )

    # --- 4. the predicate -------------------------------------------------------------------

    def _choose_predicate(self, match: _Match, override: str) -> str | Refusal:
        """The predicate of the match: the entry of its title that fits the object's class
        (for rules whose predicate is ``title``), or the one a modifier puts instead
        ("assistant" makes ``works_for``); refused for a shadow post, which is held in no
        government ("shadow chancellor X")."""
        predicate = match.predicate
        if predicate == "title":
            chosen = self._title_predicate(match)
            if isinstance(chosen, Refusal):
                return chosen
            predicate = chosen
        if override and match.rule.object_kind == "implied" and override != "works_for":
            return Refusal.SHADOW_POST
        return override or predicate

    def _title_predicate(self, match: _Match) -> str | Refusal:
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

    def _heads_a_body(self, match: _Match, predicate: str) -> bool:
        """Whether a head's title names a body of the object ("Senate tax committee chief X"
        sits in the Senate)."""
        return (
            match.title is not None
            and predicate in _HEAD_PREDICATES
            and heads_a_body(self.reading, match.title, match.obj)
        )

    def _predicate_of_head(self, match: _Match, predicate: str, *, body: bool) -> str:
        """A head of a body of the object is a member of it; a head of a part of it works
        for it; any other predicate stays."""
        if body:
            return "member_of"
        title = match.title
        if (
            title
            and predicate in _HEAD_PREDICATES
            and heads_a_part(self.reading, title.start, title.end, match.obj)
        ):
            return "works_for"
        return predicate

    # --- 5. a party -------------------------------------------------------------------------

    def _is_party(self, match: _Match) -> bool:
        """Whether the object is a political party of the gazetteer."""
        o_entity = match.object_entity
        return o_entity.label == "Organization" and self.reading.gazetteer.is_party(o_entity.name)

    def _check_party(self, match: _Match, override: str, *, is_party: bool) -> Refusal | None:
        """Refuse a party rule whose object is no party, a shadow post in what is neither
        a party nor a chamber, a party conjoined to the subject's title rather than
        modifying it, and a candidate's title, which is no post of the body it names."""
        title, obj = match.title, match.obj
        if match.rule.object_kind == "party" and not is_party:
            return Refusal.NOT_A_PARTY
        if (
            override == "member_of"
            and not is_party
            and not is_chamber(self.reading, match.object_entity)
        ):
            return Refusal.SHADOW_DEPARTMENT  # "shadow Treasury chief secretary X"
        if is_party and title and obj.end <= title.start and self.doc[obj.end].pos_ == "CCONJ":
            return Refusal.PARTY_CONJOINED  # "Republicans and President Trump"
        if (
            not is_party
            and title
            and any(e.phrase in self.reading.words("candidacy") for e in title.entries)
        ):
            return Refusal.CANDIDACY  # "Republican Senate candidate Roy Moore"
        return None

    def _party_relation(
        self, match: _Match, relation: _Relation, *, modifier_at: int | None
    ) -> _Relation:
        """The predicate a party object takes (schemas/rules parties), its adjective's
        predicate before a title of the party's members ("Democratic President Bill
        Clinton"), and a current membership whatever the modifier after the party says
        ("Labour former minister X" is still Labour; "ex-UKIP MEP X" is not)."""
        ruleset = self.reading.ruleset
        if relation.predicate not in ruleset.parties:
            return relation
        as_adjective = ruleset.party_adjectives.get(relation.predicate)
        predicate, mode = ruleset.parties[relation.predicate]
        if as_adjective and self._is_party_adjective_of_members(match):
            predicate = as_adjective
        status = relation.status
        if mode == "current" and modifier_at is not None and modifier_at > match.obj.end - 1:
            status = "current"
        return _Relation(predicate, status)

    def _is_party_adjective_of_members(self, match: _Match) -> bool:
        """Whether the party is an adjective before a title its members hold: a caucus
        ("X, the Republican chairman of the committee"), a party's group in a body
        ("Senate Democratic leader X" leads the party's senators) or any title that is no
        party post ("Democratic President Bill Clinton")."""
        title, obj = match.title, match.obj
        return bool(
            title
            and obj.end <= title.start
            and is_adjective(self.reading, obj)
            and (
                self._is_caucus(match)
                or body_beside(self.reading, obj, title.start)
                or not any(e.phrase in self.reading.words("party_posts") for e in title.entries)
            )
        )

    # --- 6. the relation --------------------------------------------------------------------

    def _check_relation(self, match: _Match, predicate: str, *, body: bool) -> Refusal | None:
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
            and describes_a_noun(self.reading, obj, title.start)
        ):
            return Refusal.DESCRIBES_A_NOUN  # "Phoenix newspaper reporter Don Bolles"
        if (
            title
            and obj.start >= title.end
            and obj.end < len(self.doc)
            and not body
            and modifies_a_noun(self.reading, obj)
        ):
            return Refusal.MODIFIES_A_NOUN  # "head of music at London rock radio station Xfm"
        if predicate == "located_in":
            return self._check_place(match)
        return None

    def _check_place(self, match: _Match) -> Refusal | None:
        """Refuse a ``located_in`` object that is one of a list of places, or a place
        written before a common noun of another phrase."""
        obj, doc = match.obj, self.doc
        if in_a_list(self.reading, obj):
            return Refusal.IN_A_LIST  # "in Leeds, Bradford and Hull"
        if (
            obj.start > match.subject.start  # not "the Indian city of Mumbai"
            and obj.end < len(doc)
            and doc[obj.end].is_lower
            and doc[obj.end].is_alpha  # not "Serbia 's southern province of Kosovo"
            and doc[obj.end].pos_ in ("NOUN", "ADJ")
        ):
            return Refusal.PLACE_BEFORE_A_NOUN  # "toward Islamabad, U.S. officials"
        return None

    # --- 7. the triple ----------------------------------------------------------------------

    def _make_evidence(self, match: _Match, sentence: Span, status: str) -> Evidence:
        """The evidence of a match: its sentence, the words of its arguments, the rule and
        its confidence, lower when an argument is a reference ("he", "the senator")."""
        text = sentence.text
        start = sentence.start_char + len(text) - len(text.lstrip())
        text = text.strip()  # spaCy keeps the line breaks after a sentence in it
        through_ref = any(i in self.reading.refs for i in (match.subject.start, match.obj.start))
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

    def _orient(self, match: _Match, predicate: str, evidence: Evidence) -> Triple:
        """The triple of a match; a symmetric predicate (``met_with``) is written in one
        direction only, its names in order."""
        s_entity, o_entity = match.subject_entity, match.object_entity
        if predicate == "met_with" and o_entity.name < s_entity.name:
            evidence = replace(
                evidence, subject_text=match.obj.text, object_text=match.subject.text
            )
            return Triple(o_entity, predicate, s_entity, evidence)
        return Triple(s_entity, predicate, o_entity, evidence)

    def _keep(self, match: _Match, triple: Triple, sentence_start: int) -> None:
        """Keep a triple unless the sentence gave the same fact with as much confidence, and
        note whether its object is implied."""
        ev = triple.evidence
        key = (triple.subject.name, triple.predicate, triple.object.name, ev.status, sentence_start)
        old = self.triples.get(key)
        if old is None or old.evidence.confidence < ev.confidence:
            self.triples[key] = triple
            if match.rule.object_kind == "implied":
                self.implied.add(key)
            else:
                self.implied.discard(key)

    def _mark_titled(self, match: _Match, *, is_party: bool) -> None:
        """Note a title that gave a triple with a written object: it implies no other. A
        party adjective before it is no object of its own ("Democratic Senator X" still
        leaves the Senate implied)."""
        title, obj = match.title, match.obj
        if (
            title
            and match.rule.object_kind != "implied"
            and not (is_party and obj.end <= title.start and is_adjective(self.reading, obj))
        ):
            self.titled.add(title.start)

    def _follow(self, match: _Match, roles: dict[str, list[int]]) -> None:
        """Read the match again for the titles conjoined to its title, and for the other
        names of a list a plural title is written before (not for a match already followed
        to)."""
        title = match.title
        if title and not match.suffix:
            self.follow_conjuncts(match.rule, roles, title)
            if title.end <= match.subject.start and is_plural(self.reading, title):
                self.follow_list(match.rule, roles, title, match.subject)

    def follow_list(
        self, rule: Rule, roles: dict[str, list[int]], title: TitlePhrase, first: Argument
    ) -> None:
        """ "Senators A, B and C", "analysts A and B of Z": a plural title before a list of
        names holds for each name of the list, also when each name has its home place
        ("Senators A of Maine and B of Alaska")."""
        doc, i = self.doc, self.past_home_place(first.end)
        while i + 1 < len(doc) and doc[i].lower_ in (",", "and"):
            i += 1
            if doc[i].lower_ == "and":
                i += 1
            index = self.reading.res.token_entity.get(i) if i < len(doc) else None
            if index is None or self.reading.res.entities[index].label != "Person":
                return
            start = i
            while i < len(doc) and self.reading.res.token_entity.get(i) == index:
                i += 1
            self.add(rule, {**roles, "subject": list(range(start, i))}, suffix=".list")
            i = self.past_home_place(i)

    def past_home_place(self, i: int) -> int:
        """The token after "of PLACE" (and "of PLACE, PLACE") written at ``i`` after a name of a
        list ("Senators A of Maine and B of Alaska"), else ``i``."""
        doc, ann = self.doc, self.reading.ann
        if not (i + 1 < len(doc) and doc[i].lower_ == "of" and ann.ent[i + 1] == "PLACE"):
            return i
        j = i + 1
        while j < len(doc) and (
            ann.ent[j] == "PLACE"
            or (doc[j].text == "," and j + 1 < len(doc) and ann.ent[j + 1] == "PLACE")
        ):
            j += 1
        return j

    def follow_conjuncts(self, rule: Rule, roles: dict[str, list[int]], title: TitlePhrase) -> None:
        """ "X is a NOTUS reporter and an Allbritton fellow", "X, director of Y and a member
        of Z": the subject holds both titles."""
        ent = self.reading.ann.ent
        head = self.doc[title.last]
        for conj in head.conjuncts:
            if conj.i not in self.reading.ann.titles:
                continue
            if is_plural(self.reading, self.reading.ann.titles[conj.i]):
                continue  # "Republican leaders and Senate Minority Leader X": other people
            start, end = self.reading.ann.titles[conj.i].start, self.reading.ann.titles[conj.i].end
            obj = []
            i = start - 1
            while i >= 0 and (ent[i] in ("ORG", "PLACE", "NORP") or self.doc[i].tag_ == "POS"):
                if ent[i]:
                    obj.append(i)
                i -= 1
            if not obj:  # "X, director of Y and a member of Z"
                obj = object_after(self.reading, end)
            if obj:
                self.add(
                    rule,
                    {"subject": roles["subject"], "object": obj, "title": list(range(start, end))},
                    suffix=".conj",
                )

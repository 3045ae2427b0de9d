"""The relation builder: turns the matches of the rules into triples for one ``Doc``.

:meth:`TripleBuilder.add` reads one match in these steps, in this order (the first check
that refuses the match ends it, and the order decides which check the trace names):

1. read the arguments: the title, the subject and the object, written or implied
   (:func:`~kg.extract.relations.implied.implied_object`);
2. read the status of the role (:mod:`~kg.extract.relations.status`): from the title's
   modifier, from the verb, or from a modifier before the names;
3. check where the title stands between the subject and the object;
4. choose the predicate: the title's entry, a modifier's override, the body or part a
   head of something sits in, a team's member;
5. check a party object, and read the party's own predicate;
6. check the relation: the classes of the predicate, and where the object is written;
7. keep the triple with its evidence, then follow the conjoined titles and the list of
   names the title also holds for.

Steps 1, 2 and 7 read or write what the builder keeps across the matches of the ``Doc``
(the titles that gave a triple, the statuses verbs gave, the triples) and are its methods;
steps 3 to 6 and the evidence are functions of :mod:`~kg.extract.relations.match`, which
call the checks of the text in :mod:`~kg.extract.relations.checks`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...records import Triple
from ..annotate import TitlePhrase
from ..rules import Rule
from .checks import is_adjective, is_plural, object_after
from .implied import implied_object
from .match import (
    Match,
    Relation,
    check_party,
    check_relation,
    check_title_position,
    choose_predicate,
    is_party_object,
    make_evidence,
    orient,
    party_relation,
    predicate_of_head,
    predicate_of_team,
    sits_in_a_body,
)
from .reading import Argument, Reading
from .refusals import Refusal
from .status import Status, status_of, verb_status

__all__ = ["FactKey", "TripleBuilder"]

FactKey = tuple[str, str, str, str, int]
"""Subject, predicate, object, status and the sentence's first character: one fact."""


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
        reading = self.reading
        refusal = check_title_position(reading, match)
        if refusal is not None:
            return refusal
        predicate = choose_predicate(match, status.override)
        if isinstance(predicate, Refusal):
            return predicate
        body = sits_in_a_body(reading, match, predicate)
        predicate = predicate_of_head(reading, match, predicate, body=body)
        predicate = predicate_of_team(reading, match, predicate)
        is_party = is_party_object(reading, match)
        refusal = check_party(reading, match, status.override, is_party=is_party)
        if refusal is not None:
            return refusal
        relation = Relation(predicate, status.status)
        if is_party:
            relation = party_relation(reading, match, relation, modifier_at=status.at)
        refusal = check_relation(reading, match, relation.predicate, body=body)
        if refusal is not None:
            return refusal
        sentence = self.doc[match.near].sent
        evidence = make_evidence(reading, match, sentence, relation.status)
        self._keep(match, orient(match, relation.predicate, evidence), sentence.start_char)
        self._mark_titled(match, is_party=is_party)
        self._follow(match, roles)
        return None

    # --- 1. the arguments -------------------------------------------------------------------

    def _read_match(self, rule: Rule, roles: dict[str, list[int]], suffix: str) -> Match | Refusal:
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
        return Match(
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

    def _read_status(self, match: Match, roles: dict[str, list[int]]) -> Status | Refusal:
        """The status of the role, the predicate a modifier puts instead of the title's, and
        the modifier's token: read from the title, else from the verb of the rule, else from
        a modifier written before the names."""
        if match.title:
            return self._status_of_title(match, match.title)
        if "verb" in roles:
            return Status(verb_status(self.reading, self.doc[roles["verb"][0]]))
        return self._status_before_names(match)

    def _status_of_title(self, match: Match, title: TitlePhrase) -> Status | Refusal:
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

    def _status_before_names(self, match: Match) -> Status:
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

    # --- 7. the triple ----------------------------------------------------------------------

    def _keep(self, match: Match, triple: Triple, sentence_start: int) -> None:
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

    def _mark_titled(self, match: Match, *, is_party: bool) -> None:
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

    def _follow(self, match: Match, roles: dict[str, list[int]]) -> None:
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

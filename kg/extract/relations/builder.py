"""The relation builder: turns the matches of the rules into triples for one ``Doc``.

:meth:`TripleBuilder.add` reads one match: its subject and object (an
:class:`~kg.extract.relations.reading.Argument`), its title and the status of the role
(:mod:`~kg.extract.relations.status`), refuses it by the checks of
:mod:`~kg.extract.relations.checks`, and keeps the triple it makes.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...records import Evidence, Triple
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
from .status import status_of, verb_status

__all__ = ["FactKey", "TripleBuilder"]

_HEAD_PREDICATES = frozenset({"leader_of", "president_of"})

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
        also when an earlier match gave the fact with as much confidence)."""
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
        s_entity, o_entity = (
            self.reading.res.entities[subject.entity],
            self.reading.res.entities[obj.entity],
        )
        status, override, modifier_at = "current", "", None
        caucus = False  # a party adjective before a title held in another body: a member
        if title:
            written = status_of(self.reading, title.start, title.last)
            status, override, modifier_at = written.status, written.override, written.at
            if status == "current" and rule.status:
                status = rule.status  # "X resigned as chairman of Y"
                self.status_by_verb[(title.start, subject.entity)] = status
            elif not rule.status and (title.start, subject.entity) in self.status_by_verb:
                return Refusal.STATUS_BY_VERB  # "X is to become chairman": not current
            if title.start < obj.start and obj.end <= title.end:
                return Refusal.OBJECT_IN_TITLE  # "Secretary of State X"
            if obj.end <= title.start and object_follows(self.reading, title.end):
                if not party_adjective(self.reading, obj):
                    return Refusal.OBJECT_FOLLOWS  # "X, the German co-head of EADS"
                caucus = True  # "X, the Republican chairman of the committee": a Republican
            if suffix != ".list" and title_belongs_to_next_name(
                self.reading, title.end, subject.entity
            ):
                return Refusal.TITLE_OF_NEXT_NAME
            if (
                title.start >= subject.end
                and suffix != ".list"
                and lists_on(self.reading, title, subject)
            ):
                return Refusal.LISTS_ON  # "Kofi Annan, World Bank officials and ministers"
            if title.start >= subject.end and starts_a_clause(self.reading, title, subject):
                return Refusal.STARTS_A_CLAUSE  # "in support of Moore, an RNC official said"
            if obj.start >= title.end and names_a_titled_person(self.reading, obj, subject.entity):
                return Refusal.NAMES_A_TITLED_PERSON  # "a spokesman for House Speaker X"
            if (
                title.end <= subject.start
                and obj.start >= subject.end
                and named_before(self.reading, title)
            ):
                return Refusal.HOME_STATE  # "House Republican leader X of California"
        elif "verb" in roles:
            status = verb_status(self.reading, self.doc[roles["verb"][0]])
        else:  # "ex-UKIP MEP X" read by a rule without a title: the modifier still counts
            first = min(obj.start, subject.start)
            if rule.object_kind == "party":  # "Senator-elect X, the Democrat": a Democrat now
                first = obj.start
            written = status_of(self.reading, first, first - 1)
            status, modifier_at = written.status, written.at
            if status == "current" and rule.status:
                status = rule.status  # "X, who grew up in Y": a past residence
        if predicate == "title":
            if title is None:
                return Refusal.NO_TITLE
            fitting = [e for e in title.entries if e.object_class in ("", o_entity.label)]
            specific = [e for e in fitting if e.object_class]
            if not fitting:
                return Refusal.TITLE_CLASS
            predicate = (specific or fitting)[0].predicate
        if override and rule.object_kind == "implied" and override != "works_for":
            return Refusal.SHADOW_POST  # "shadow chancellor X" holds no post in the government
        if override:
            predicate = override
        body = (
            title is not None
            and predicate in _HEAD_PREDICATES
            and heads_a_body(self.reading, title, obj)
        )
        if body:
            predicate = "member_of"  # "Senate tax committee chief X" sits in the Senate
        elif (
            title
            and predicate in _HEAD_PREDICATES
            and heads_a_part(self.reading, title.start, title.end, obj)
        ):
            predicate = "works_for"
        is_party = o_entity.label == "Organization" and self.reading.gazetteer.is_party(
            o_entity.name
        )
        if rule.object_kind == "party" and not is_party:
            return Refusal.NOT_A_PARTY
        if override == "member_of" and not is_party and not is_chamber(self.reading, o_entity):
            return Refusal.SHADOW_DEPARTMENT  # "shadow Treasury chief secretary X"
        if is_party and title and obj.end <= title.start and self.doc[obj.end].pos_ == "CCONJ":
            return Refusal.PARTY_CONJOINED  # "Republicans and President Trump"
        if (
            not is_party
            and title
            and any(e.phrase in self.reading.words("candidacy") for e in title.entries)
        ):
            return Refusal.CANDIDACY  # "Republican Senate candidate Roy Moore"
        if is_party and predicate in self.reading.ruleset.parties:
            as_adjective = self.reading.ruleset.party_adjectives.get(predicate)
            predicate, mode = self.reading.ruleset.parties[predicate]
            if (
                as_adjective
                and title
                and obj.end <= title.start
                and is_adjective(self.reading, obj)
                and (
                    caucus
                    or body_beside(self.reading, obj, title.start)  # "Senate Democratic leader X"
                    or not any(e.phrase in self.reading.words("party_posts") for e in title.entries)
                )
            ):
                # "Democratic President Bill Clinton"; "Senate Democratic leader X" leads the
                # party's senators, a member of the party
                predicate = as_adjective
            # "Labour former minister X" is still Labour; "ex-UKIP MEP X" is not.
            if mode == "current" and modifier_at is not None and modifier_at > obj.end - 1:
                status = "current"
        if s_entity.label not in DOMAINS[predicate] or o_entity.label not in RANGES[predicate]:
            return Refusal.DOMAIN_RANGE
        if (
            title
            and predicate == "works_for"
            and o_entity.label == "Place"
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
        if predicate == "located_in" and in_a_list(self.reading, obj):
            return Refusal.IN_A_LIST  # "in Leeds, Bradford and Hull"
        if (
            predicate == "located_in"
            and obj.start > subject.start  # not "the Indian city of Mumbai"
            and obj.end < len(self.doc)
            and self.doc[obj.end].is_lower
            and self.doc[obj.end].is_alpha  # not "Serbia 's southern province of Kosovo"
            and self.doc[obj.end].pos_ in ("NOUN", "ADJ")
        ):
            return Refusal.PLACE_BEFORE_A_NOUN  # "toward Islamabad, U.S. officials"
        sentence = self.doc[near].sent
        text = sentence.text
        start = sentence.start_char + len(text) - len(text.lstrip())
        text = text.strip()  # spaCy keeps the line breaks after a sentence in it
        through_ref = any(i in self.reading.refs for i in (subject.start, obj.start))
        evidence = Evidence(
            sentence=text,
            start=start,
            end=start + len(text),
            subject_text=subject.text,
            object_text=obj.text,
            rule=rule.id + suffix + (".ref" if through_ref else ""),
            confidence=round(rule.confidence * (0.85 if through_ref else 1.0), 3),
            title=title.text if title else "",
            status=status,
        )
        if predicate == "met_with" and o_entity.name < s_entity.name:  # symmetric: one direction
            s_entity, o_entity = o_entity, s_entity
            evidence = replace(evidence, subject_text=obj.text, object_text=subject.text)
        key = (s_entity.name, predicate, o_entity.name, status, sentence.start_char)
        old = self.triples.get(key)
        if old is None or old.evidence.confidence < evidence.confidence:
            self.triples[key] = Triple(s_entity, predicate, o_entity, evidence)
            if rule.object_kind == "implied":
                self.implied.add(key)
            else:
                self.implied.discard(key)
        if (
            title
            and rule.object_kind != "implied"
            and not (is_party and obj.end <= title.start and is_adjective(self.reading, obj))
        ):
            self.titled.add(title.start)  # "Democratic Senator X" still leaves the Senate implied
        if title and not suffix:
            self.follow_conjuncts(rule, roles, title)
            if title.end <= subject.start and is_plural(self.reading, title):
                self.follow_list(rule, roles, title, subject)
        return None

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

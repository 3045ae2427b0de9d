"""The relation engine: run the rules of a :class:`~kg.extract.rules.RuleSet` over a
``Doc`` whose tokens :mod:`kg.extract.annotate` has marked, and make triples with evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..names import normalize_name
from ..records import Entity, Evidence, Triple
from ..vocab import DOMAINS, RANGES
from .annotate import Annotation, TitlePhrase
from .chains import chained
from .country import find_country
from .entities import Resolution, organization_key
from .gazetteer import Gazetteer
from .holders import one_holder
from .matching import RelationMatchers, matches
from .references import find_references
from .rules import Rule, RuleSet
from .trace import Trace, traced_add

__all__ = ["extract_relations"]

# Verbs of the future: "X will become chief executive".
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# Verbs that end the role of the title after them ("Trump fired FBI Director James Comey"),
# once done ("a plan to oust Secretary of State X" leaves him in post).
_REMOVING = frozenset({"fire", "sack", "oust", "dismiss", "depose", "topple"})
# Words of a time span that ends: "who led Labour from 1983 until 1992".
_SPAN_WORDS = ("from", "until", "till", "between")
# Verbs that give a title ahead of time: "X is to become / to be / will serve as chairman".
_BECOMING = frozenset({"become", "be", "serve"})
# A leading title after one of these nouns still heads the whole organization
# ("group chief executive"); after any other noun it heads a department ("research
# director", "communications chief"): the person works for the organization.
_WHOLE_ORG_NOUNS = frozenset(
    [
        "group",
        "company",
        "firm",
        "party",
        "club",
        "bank",
        "team",
        "union",
        "council",
        "board",
        "executive",
        "chief",
    ]
)
_HEAD_PREDICATES = frozenset({"leader_of", "president_of"})
# Adjectives of a field ("legislative", "medical", "strategic", "budgetary") before a head
# title: the post heads that field only. An executive or general director runs the whole.
_FIELD_ADJECTIVE_ENDINGS = ("ive", "al", "ic", "ary")
_WHOLE_ORG_ADJECTIVES = frozenset({"executive", "general", "national", "principal", "global"})
# ... but a "spiritual leader" or "political leader" still leads.
_WHOLE_PERSON_TITLES = frozenset({"leader", "leaders", "president", "presidents"})
# Titles a party gives its own officers: "Tory leader X" leads the party, while a party
# adjective before a post of the state ("Democratic Mayor X") only makes X a member.
_PARTY_POSTS = frozenset({"leader", "head", "chairman", "chairwoman", "chair", "deputy leader"})
# A candidate stands for a body, he is no member of it yet ("Senate candidate X"); a party's
# candidate is one of its members ("Labour candidate X").
_CANDIDACY = frozenset({"candidate", "nominee", "hopeful", "challenger"})
# A body inside an organization: whoever heads it is a member of the whole ("Senate
# tax committee chief X").
_BODY_NOUNS = frozenset({"committee", "subcommittee", "panel", "caucus", "delegation"})
_TAG = {"Person": "PERSON", "Organization": "ORG", "Place": "PLACE"}


@dataclass(frozen=True)
class _Arg:
    """A subject or object of a match: the entity, its text, its tokens ``[start, end)``."""

    entity: int
    text: str
    start: int
    end: int


class _Builder:
    """Turns matches into triples for one ``Doc``."""

    def __init__(
        self,
        doc: Doc,
        resolution: Resolution,
        annotation: Annotation,
        ruleset: RuleSet,
        gazetteer: Gazetteer,
        country: str = "",
    ):
        self.doc = doc
        self.gazetteer = gazetteer
        self.res = resolution
        self.ann = annotation
        self.ruleset = ruleset
        self.triples: dict[tuple[str, str, str, str, int], Triple] = {}
        self.country = country
        """The country government titles mean (``--country``); found in the text when empty."""
        self.titled: set[int] = set()
        """First tokens of the title phrases that gave a triple with a written object."""
        self.refs: dict[int, int] = {}
        """Token index → entity of a pronoun or description that refers back to it."""
        self.implied: set[tuple[str, str, str, str, int]] = set()
        """Keys of the triples whose object is implied."""
        self.status_by_verb: dict[tuple[int, int], str] = {}
        """First tokens of the title phrases whose verb gave the role its status."""

    # -- arguments ----------------------------------------------------------------

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
            keys = {organization_key(n, self.gazetteer) for n in (name, *aliases)}
            same = [
                i
                for i, e in enumerate(self.res.entities)
                if e.label == label and organization_key(e.name, self.gazetteer) in keys
            ]
            if len(same) == 1:
                return same[0]
        self.res.entities.append(Entity(name, label, tuple(sorted(aliases))))
        self.res.mentions.append([])
        return len(self.res.entities) - 1

    def article_country(self) -> str:
        """The country of the article, looked for once, when a rule first needs it."""
        if not self.country:
            found = find_country(self.doc, self.res, self.gazetteer, self.ruleset.country_cues)
            self.country = found or "-"
        return "" if self.country == "-" else self.country

    def implied_object(
        self, title: TitlePhrase | None, subject: _Arg | None
    ) -> tuple[_Arg, str] | None:
        """The object a government title names in the article's country, and its predicate.

        None when the title gave a triple with a written object already, when an
        organization, place, adjective or capitalised word is written right before it
        ("Tory chancellor", "Trade Representative"), or when the country has no such post.
        A country written right before the title is the country meant ("U.S. Senator X");
        a region or a party adjective before a legislator's title leaves the chamber implied
        ("Texas Senator X", "Democratic Senator X") when the article names the chamber.
        """
        if title is None or subject is None or title.start in self.titled:
            return None
        i = self.word_before(title)
        country, seat = "", False
        if self.named_before(title):
            country = self.country_written_at(i)
            seat = not country and (self.ann.geo[i] == "region" or self.party_adjective_at(i))
            if not country and not seat:
                return None
        elif i >= 0 and self.doc[i].pos_ == "PROPN" and self.doc[i].is_title:
            return None  # "Trade Representative X" is no member of the House
        if self.object_follows(title.end) or self.object_after(title.end):
            return None
        country = country or self.article_country()
        key = normalize_name(country)
        posts = [self.ruleset.government.get((key, entry.phrase)) for entry in title.entries]
        post = next((p for p in posts if p is not None), None)
        if post is None or (seat and post.predicate != "member_of"):
            return None
        if seat and not any(
            self.res.entity_named(name, post.object_class) is not None
            for name in (post.object, *post.aliases)
        ):
            return None  # "Tory MP X": the Commons only when the article names it
        index = self.entity_named(post.object, post.object_class, post.aliases)
        return _Arg(index, title.text, title.start, title.end), post.predicate

    def word_before(self, title: TitlePhrase) -> int:
        """The token right before a title once its modifiers and hyphens are passed
        ("former", "ex-"), or -1 at the start of the Doc."""
        i = title.start - 1
        while i >= 0 and (self.doc[i].lower_ in self.ruleset.modifiers or self.doc[i].text == "-"):
            i -= 1
        return i

    def named_before(self, title: TitlePhrase) -> bool:
        """Whether an entity or a possessive stands right before a title (modifiers aside):
        "Tory chancellor", "House Republican leader", "Acme's chairman"."""
        i = self.word_before(title)
        return i >= 0 and (bool(self.ann.ent[i]) or self.doc[i].tag_ == "POS")

    def country_written_at(self, i: int) -> str:
        """The country of government.tsv whose name ends at token ``i`` ("U.S."), else ""."""
        index = self.res.token_entity.get(i)
        if index is None or self.ann.geo[i] != "country":
            return ""
        entity = self.res.entities[index]
        key = normalize_name(entity.name)
        return entity.name if any(k[0] == key for k in self.ruleset.government) else ""

    def mark_references(self) -> None:
        """Give pronouns and descriptions with one clear antecedent its entity tag."""
        self.refs = find_references(self.doc, self.res, self.ruleset.references)
        for i, index in self.refs.items():
            tag = _TAG[self.res.entities[index].label]
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

    def argument(self, tokens: list[int], near: int) -> _Arg | None:
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
        return _Arg(index, text, lo, hi + 1)

    # -- title and status -----------------------------------------------------------

    def title_of(self, tokens: list[int]) -> TitlePhrase | None:
        """The last title phrase among ``tokens`` (the one nearest the name it precedes)."""
        phrases = [self.ann.titles[i] for i in tokens if i in self.ann.titles]
        return max(phrases, key=lambda p: p.start) if phrases else None

    def status_of(self, first: int, last: int) -> tuple[str, str, int]:
        """Status, predicate override and the modifier's token index, for a title ``[first, last]``.

        Modifiers are looked for just before the title, also before the organization in
        front of it ("former Chelsea finance director"), and just after it ("designate").
        """
        doc = self.doc
        i, steps = first - 1, 0
        found: tuple[str, str, int] | None = None
        while i >= 0 and steps < 6:
            token = doc[i]
            word = token.lower_
            if word in self.ruleset.modifiers:
                status, override = self.ruleset.modifiers[word]
                if found is None:
                    found = (status, override, i)
                if status == "former":  # "former acting attorney general": former wins
                    return ("former", found[1], found[2])
                i, steps = i - 1, steps + 1
                continue
            if word == "," and found is None and i > 0 and doc[i - 1].pos_ == "NOUN":
                before = doc[i - 1].lower_  # "Trump's predecessor, President Barack Obama"
                if before in self.ruleset.modifiers:
                    return (*self.ruleset.modifiers[before], i - 1)
            if found is None and token.tag_ in ("VBD", "VBN") and token.lemma_ in _REMOVING:
                return ("former", "", i)  # "Trump fired FBI Director James Comey"
            if (
                self.ann.ent[i] == "PERSON"
                or word
                in (",", ";", "(", ")", ":", ".", "!", "?")  # "deputy leader. Acme's chairman X"
                or not (
                    token.pos_ in ("ADJ", "DET", "NOUN", "PUNCT", "PROPN", "PART", "CCONJ")
                    or self.ann.ent[i]
                )
            ):
                break
            i, steps = i - 1, steps + 1
        if found is not None and found[0] != "current":
            return found
        for k in (last + 1, last + 2) if found is None else ():
            if (
                k < len(doc)
                and doc[k].lower_ in self.ruleset.modifiers
                and (k == last + 1 or doc[last + 1].text == "-")
            ):
                return (*self.ruleset.modifiers[doc[k].lower_], k)
        # A modifier that only changes the predicate ("assistant") leaves the verb its say.
        override = found[1] if found else ""
        # "X will become chief executive": the title is what "become" makes X, not an
        # apposition of X ("X, chairman of Y, will become ...").
        # "X will serve as chairman", "nominated X to be the next head of Y" too.
        title: Token = doc[last]
        verb = title.head
        if title.dep_ == "pobj" and verb.lower_ == "as":
            verb = verb.head
        if (
            title.dep_ in ("attr", "oprd", "xcomp", "dobj", "pobj")
            and verb.lemma_ in _BECOMING
            and self.is_ahead(verb)
        ):
            return ("future", override, verb.i)
        if (
            title.dep_ in ("attr", "pobj")
            and verb.tag_ == "VBD"
            and verb.lemma_ in _BECOMING
            and (
                verb.lemma_ == "serve"
                or any(c.lower_ in ("when", "while", *_SPAN_WORDS) for c in verb.children)
            )
        ):
            # "who served as chairman", "when he was a Republican congressman", "was an
            # adviser to Y from 2015 to 2016" (the post is
            # over, the party stays: the verb stands before the party, as a modifier after it)
            return ("former", override, last)
        return found or ("current", "", -1)

    def is_ahead(self, verb: Token) -> bool:
        """Whether a verb speaks of what is to come: "will meet", "is to become", "plans to
        join", "would lead" (an auxiliary of the future or of the conditional, or an
        infinitive)."""
        return any(
            c.dep_ == "aux" and (c.lower_ in _FUTURE_AUX or c.lower_ in ("to", "would"))
            for c in verb.children
        )

    def verb_status(self, verb: Token) -> str:
        """A verb in the past with a time span is a former role ("who led Labour from 1983
        until 1992"); "founded Microsoft in 1975" is not. A verb of what is to come gives a
        future one ("will meet")."""
        if self.is_ahead(verb):
            return "future"  # "X will meet Y", "X plans to join Y"
        if verb.tag_ != "VBD":
            return "current"
        if any(
            child.lower_ in _SPAN_WORDS
            or (child.dep_ == "advcl" and any(c.lower_ in _SPAN_WORDS for c in child.children))
            for child in verb.children
        ):  # "headed Acme until 2010", "headed Acme until he sold his stake"
            return "former"
        return "current"

    # -- triples ----------------------------------------------------------------------

    def add(self, rule: Rule, roles: dict[str, list[int]], *, suffix: str = "") -> None:
        title_tokens = roles.get("title", [])
        title = self.title_of(title_tokens) if title_tokens else None
        near = title.start if title else min(roles["object"] + roles["subject"])
        subject = self.argument(roles.get("subject", []), near)
        predicate = rule.predicate
        obj: _Arg | None
        if rule.object_kind == "implied":
            implied = self.implied_object(title, subject)
            if implied is None:
                return
            obj, predicate = implied
        else:
            obj = self.argument(roles.get("object", []), title.last if title else near)
        if subject is None or obj is None or subject.entity == obj.entity:
            return
        s_entity, o_entity = self.res.entities[subject.entity], self.res.entities[obj.entity]
        status, override, modifier_at = ("current", "", -1)
        caucus = False  # a party adjective before a title held in another body: a member
        if title:
            status, override, modifier_at = self.status_of(title.start, title.last)
            if status == "current" and rule.status:
                status = rule.status  # "X resigned as chairman of Y"
                self.status_by_verb[(title.start, subject.entity)] = status
            elif not rule.status and (title.start, subject.entity) in self.status_by_verb:
                return  # "X is to become chairman of Y" is no current chairmanship
            if title.start < obj.start and obj.end <= title.end:
                return  # "Secretary of State X": the word is part of the title, not its object
            if obj.end <= title.start and self.object_follows(title.end):
                if not self.party_adjective(obj):
                    return  # "X, the German co-head of EADS": the "of" object is the real one
                caucus = True  # "X, the Republican chairman of the committee": a Republican
            if suffix != ".list" and self.title_belongs_to_next_name(title.end, subject.entity):
                return
            if title.start >= subject.end and suffix != ".list" and self.lists_on(title, subject):
                return  # "Kofi Annan, World Bank officials and ministers": the next item of a list
            if title.start >= subject.end and self.starts_a_clause(title, subject):
                return  # "in support of Moore, an RNC official said": no apposition
            if obj.start >= title.end and self.names_a_titled_person(obj, subject.entity):
                return  # "a spokesman for Pennsylvania House Speaker Mike Turzai"
            if title.end <= subject.start and obj.start >= subject.end and self.named_before(title):
                return  # "House Republican leader X of California": "of" gives the home state
        elif "verb" in roles:
            status = self.verb_status(self.doc[roles["verb"][0]])
        else:  # "ex-UKIP MEP X" read by a rule without a title: the modifier still counts
            first = min(obj.start, subject.start)
            if rule.object_kind == "party":  # "Senator-elect X, the Democrat": a Democrat now
                first = obj.start
            status, override, modifier_at = self.status_of(first, first - 1)
            override = ""
            if status == "current" and rule.status:
                status = rule.status  # "X, who grew up in Y": a past residence
        if predicate == "title":
            if title is None:
                return
            fitting = [e for e in title.entries if e.object_class in ("", o_entity.label)]
            specific = [e for e in fitting if e.object_class]
            if not fitting:
                return
            predicate = (specific or fitting)[0].predicate
        if override and rule.object_kind == "implied" and override != "works_for":
            return  # "shadow chancellor X" holds no post in the government
        if override:
            predicate = override
        body = title is not None and predicate in _HEAD_PREDICATES and self.heads_a_body(title, obj)
        if body:
            predicate = "member_of"  # "Senate tax committee chief X" sits in the Senate
        elif (
            title
            and predicate in _HEAD_PREDICATES
            and self.heads_a_part(title.start, title.end, obj)
        ):
            predicate = "works_for"
        is_party = o_entity.label == "Organization" and self.gazetteer.is_party(o_entity.name)
        if rule.object_kind == "party" and not is_party:
            return
        if is_party and title and obj.end <= title.start and self.doc[obj.end].pos_ == "CCONJ":
            return  # "Republicans and President Trump": the party is conjoined, not his
        if not is_party and title and any(e.phrase in _CANDIDACY for e in title.entries):
            return  # "Republican Senate candidate Roy Moore" is not in the Senate
        if is_party and predicate in self.ruleset.parties:
            as_adjective = self.ruleset.party_adjectives.get(predicate)
            predicate, mode = self.ruleset.parties[predicate]
            if (
                as_adjective
                and title
                and obj.end <= title.start
                and self.is_adjective(obj)
                and (
                    caucus
                    or self.body_beside(obj, title.start)  # "Senate Democratic leader X"
                    or not any(e.phrase in _PARTY_POSTS for e in title.entries)
                )
            ):
                # "Democratic President Bill Clinton"; "Senate Democratic leader X" leads the
                # party's senators, a member of the party
                predicate = as_adjective
            # "Labour former minister X" is still Labour; "ex-UKIP MEP X" is not.
            if mode == "current" and modifier_at > obj.end - 1:
                status = "current"
        if s_entity.label not in DOMAINS[predicate] or o_entity.label not in RANGES[predicate]:
            return
        if (
            title
            and predicate == "works_for"
            and o_entity.label == "Place"
            and self.describes_a_noun(obj, title.start)
        ):
            return  # "Phoenix newspaper reporter Don Bolles" works for the newspaper, not Phoenix
        if (
            title
            and obj.start >= title.end
            and obj.end < len(self.doc)
            and not body
            and self.modifies_a_noun(obj)
        ):
            return  # "head of music at London rock radio station Xfm": London is not the employer
        if predicate == "located_in" and (
            self.in_a_list(obj)
            or (
                obj.start > subject.start  # not "the Indian city of Mumbai"
                and obj.end < len(self.doc)
                and self.doc[obj.end].is_lower
                and self.doc[obj.end].is_alpha  # not "Serbia 's southern province of Kosovo"
                and self.doc[obj.end].pos_ in ("NOUN", "ADJ")
            )
        ):
            return  # a list ("in Leeds, Bradford and Hull"), a modifier ("Islamabad, U.S. officials")
        sentence = self.doc[near].sent
        text = sentence.text
        start = sentence.start_char + len(text) - len(text.lstrip())
        text = text.strip()  # spaCy keeps the line breaks after a sentence in it
        through_ref = any(i in self.refs for i in (subject.start, obj.start))
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
            and not (is_party and obj.end <= title.start and self.is_adjective(obj))
        ):
            self.titled.add(title.start)  # "Democratic Senator X" still leaves the Senate implied
        if title and not suffix:
            self.follow_conjuncts(rule, roles, title)
            if title.end <= subject.start and self.is_plural(title):
                self.follow_list(rule, roles, title, subject)

    def is_adjective(self, arg: _Arg) -> bool:
        """Whether an entity is written as its adjective ("Democratic" for the Democratic Party)."""
        found = self.gazetteer.demonym(arg.text)
        return found is not None and normalize_name(found[0]) != normalize_name(arg.text)

    def party_adjective_at(self, i: int) -> bool:
        """Whether token ``i`` is a party written as its adjective ("Democratic Senator")."""
        index = self.entity_at(i)
        if index is None:
            return False
        return self.party_adjective(_Arg(index, self.doc[i].text, i, i + 1))

    def party_adjective(self, arg: _Arg) -> bool:
        """Whether an entity is a political party written as its adjective ("Republican")."""
        entity = self.res.entities[arg.entity]
        return (
            entity.label == "Organization"
            and self.gazetteer.is_party(entity.name)
            and self.is_adjective(arg)
        )

    def body_beside(self, arg: _Arg, title_start: int) -> bool:
        """Whether an organization that is no party is written right before ``arg`` or
        between it and its title ("Senate Democratic leader", "Republican Senate leader")."""
        for i in (arg.start - 1, *range(arg.end, title_start)):
            index = self.entity_at(i) if i >= 0 else None
            if index is None or index == arg.entity:
                continue
            entity = self.res.entities[index]
            if (
                entity.label == "Organization"
                and not self.gazetteer.is_party(entity.name)
                # "Liberal Democrat leader": NER's "Liberal" is the party's own first word
                and not (i == arg.start - 1 and self.gazetteer.demonym(self.doc[i : arg.end].text))
            ):
                return True
        return False

    def describes_a_noun(self, obj: _Arg, title_start: int) -> bool:
        """Whether a common noun stands between an object in front and its title."""
        return obj.end <= title_start and any(
            t.pos_ == "NOUN" and t.is_lower and t.lower_ not in self.ruleset.modifiers
            for t in self.doc[obj.end : title_start]
        )

    def modifies_a_noun(self, arg: _Arg) -> bool:
        """Whether an entity only modifies the common noun after it ("London rock station");
        a noun for an organization names it ("of the smaller Acme company"). An entity in a
        hyphenated modifier describes what follows ("of the Hong Kong-based Acme")."""
        nxt = self.doc[arg.end]
        if (
            nxt.text in ("-", "–")
            and arg.end + 1 < len(self.doc)
            and self.doc[arg.end + 1].is_lower
            and self.doc[arg.end + 1].is_alpha
        ):
            return True
        return (
            nxt.is_lower
            and nxt.pos_ == "NOUN"
            and arg.end not in self.ann.titles
            and not (self.ann.ent[arg.start] == "ORG" and nxt.lower_ in self.gazetteer.org_nouns)
        )

    def in_a_list(self, arg: _Arg) -> bool:
        """Whether a place is followed by another ("Leeds, Bradford and Hull"): a list, not a
        location; a town followed by its state ("Aiken, S.C.") is no list."""
        doc, i = self.doc, arg.end
        ent = self.ann.ent
        if i < len(doc) and doc[i].text == ",":
            i += 1
        conjoined = i < len(doc) and doc[i].lower_ in ("and", "or")
        if conjoined:
            i += 1
            if i < len(doc) and doc[i].lower_ == "the":  # "China and the United States"
                i += 1
        if not (i > arg.end and i < len(doc) and ent[i] == "PLACE"):
            return False
        if conjoined or not (
            self.ann.geo[arg.start] == "other" and self.ann.geo[i] in ("country", "region")
        ):
            return True
        # "in Aiken, S.C.": a town, then its state or country, is no list, unless more
        # places follow ("London, Paris and Rome")
        while i < len(doc) and ent[i] == "PLACE":
            i += 1
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ in ("and", "or"):
            i += 1
        return i < len(doc) and ent[i] == "PLACE"

    def object_follows(self, end: int) -> bool:
        """Whether "of/at/for (the) Organization" follows a title ending before ``end``."""
        doc = self.doc
        ent = self.ann.ent
        if end >= len(doc) or doc[end].lower_ not in ("of", "at", "for"):
            return False
        i = end + 1
        while i < len(doc) and (
            doc[i].lower_ in ("the", "and")
            or ent[i] == "NORP"
            or (doc[i].pos_ in ("ADJ", "NOUN") and not ent[i])
            or (doc[i].tag_ in ("VBN", "VBG") and doc[i].is_lower)  # "of the banned VHP"
        ):
            i += 1
        return i < len(doc) and ent[i] in ("ORG", "PLACE")

    def heads_a_part(self, start: int, end: int, obj: _Arg) -> bool:
        """Whether a leading title heads only a part of the organization."""
        doc = self.doc
        before = doc[start - 1] if start > 0 else None
        if (
            before is not None
            and before.pos_ in ("NOUN", "PROPN")  # the parser takes "tax committee" for a name
            and before.is_lower
            and (before.dep_ in ("compound", "nmod", "amod") or not doc.has_annotation("DEP"))
            and not self.ann.ent[start - 1]
            and before.lower_ not in self.ruleset.modifiers
            and before.lower_ not in _WHOLE_ORG_NOUNS
        ):
            return True  # "research director", "performance director"
        if (
            before is not None
            and before.pos_ == "ADJ"
            and before.is_lower
            and before.lower_.endswith(_FIELD_ADJECTIVE_ENDINGS)
            and before.lower_ not in _WHOLE_ORG_ADJECTIVES
            and before.lower_ not in self.ruleset.modifiers
            and doc[end - 1].lower_ not in _WHOLE_PERSON_TITLES
        ):
            return True  # "legislative director", "medical director": a field, not the whole
        if end < len(doc) and doc[end].lower_ in ("of", "for") and not self.object_follows(end):
            return True  # "head of consumer services"
        # "general manager of TI's Voip business"
        return (
            obj.start >= end
            and obj.end + 1 < len(doc)
            and doc[obj.end].tag_ == "POS"
            and doc[obj.end + 1].is_lower
        )

    def heads_a_body(self, title: TitlePhrase, obj: _Arg) -> bool:
        """Whether a head title heads a committee of the organization, not the organization:
        "Senate tax committee chief X", "chairman of the Commons public accounts committee"."""
        doc = self.doc
        if obj.end <= title.start:
            between = doc[obj.end : title.start]
        else:
            i = obj.end
            while i < len(doc) and (
                (doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN", "PROPN"))
                or self.ann.ent[i] == "NORP"  # "of the House Democratic caucus"
            ):
                i += 1
            between = doc[obj.end : i]
        return any(t.lower_ in _BODY_NOUNS for t in between)

    def lists_on(self, title: TitlePhrase, subject: _Arg) -> bool:
        """Whether a plural title after one name is the next item of a list, not its
        apposition: "Kofi Annan, World Bank officials and ministers" (but "A and B,
        analysts at Z" and "X, one of the analysts at Z" are appositions)."""
        doc = self.doc
        if not (self.is_plural(title) and doc[title.last].lower_.endswith("s")):
            return False
        if subject.start > 0 and doc[subject.start - 1].lower_ in ("and", "&"):
            return False
        return not any(
            t.lower_ in ("one", "of", "among", "both") for t in doc[subject.end : title.start]
        )

    def starts_a_clause(self, title: TitlePhrase, subject: _Arg) -> bool:
        """Whether a title after a name is the subject of a verb of its own, the name an
        object of what comes before ("went to Moore, an RNC official said")."""
        head = self.doc[title.last]
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        name = self.doc[subject.end - 1]
        return (
            head.dep_ in ("nsubj", "nsubjpass")
            and head.head.i > head.i
            and name.dep_ in ("pobj", "dobj", "conj")
            # "A and B, analysts at Z, said": a comma closes an apposition
            and not any(t.text == "," for t in self.doc[head.i + 1 : head.head.i])
        )

    def names_a_titled_person(self, obj: _Arg, subject: int) -> bool:
        """Whether an object after a title starts another person's title and name ("a
        spokesman for Pennsylvania House Speaker Mike Turzai": the speaker's spokesman)."""
        phrase = self.ann.titles.get(obj.end)
        if phrase is None:
            return False
        person = self.res.token_entity.get(phrase.end)
        return (
            person is not None and person != subject and self.res.entities[person].label == "Person"
        )

    def title_belongs_to_next_name(self, end: int, subject: int) -> bool:
        """In "X, NME editor Conor McNicholas", the title is McNicholas's, not X's."""
        if end >= len(self.doc):
            return False
        nxt = self.res.token_entity.get(end)
        return nxt is not None and nxt != subject and self.res.entities[nxt].label == "Person"

    def is_plural(self, title: TitlePhrase) -> bool:
        """Whether a title is written in the plural ("Senators", "analysts")."""
        written = " ".join(t.lower_ for t in self.doc[title.start : title.end])
        return all(written != entry.phrase for entry in title.entries)

    def follow_list(
        self, rule: Rule, roles: dict[str, list[int]], title: TitlePhrase, first: _Arg
    ) -> None:
        """ "Senators A, B and C", "analysts A and B of Z": a plural title before a list of
        names holds for each name of the list."""
        doc, i = self.doc, first.end
        while i + 1 < len(doc) and doc[i].lower_ in (",", "and"):
            i += 1
            if doc[i].lower_ == "and":
                i += 1
            index = self.res.token_entity.get(i) if i < len(doc) else None
            if index is None or self.res.entities[index].label != "Person":
                return
            start = i
            while i < len(doc) and self.res.token_entity.get(i) == index:
                i += 1
            self.add(rule, {**roles, "subject": list(range(start, i))}, suffix=".list")

    def follow_conjuncts(self, rule: Rule, roles: dict[str, list[int]], title: TitlePhrase) -> None:
        """ "X is a NOTUS reporter and an Allbritton fellow", "X, director of Y and a member
        of Z": the subject holds both titles."""
        ent = self.ann.ent
        head = self.doc[title.last]
        for conj in head.conjuncts:
            if conj.i not in self.ann.titles:
                continue
            start, end = self.ann.titles[conj.i].start, self.ann.titles[conj.i].end
            obj = []
            i = start - 1
            while i >= 0 and (ent[i] in ("ORG", "PLACE", "NORP") or self.doc[i].tag_ == "POS"):
                if ent[i]:
                    obj.append(i)
                i -= 1
            if not obj:  # "X, director of Y and a member of Z"
                obj = self.object_after(end)
            if obj:
                self.add(
                    rule,
                    {"subject": roles["subject"], "object": obj, "title": list(range(start, end))},
                    suffix=".conj",
                )

    def object_after(self, end: int) -> list[int]:
        """The organization tokens of "of/at/for/with (the) Organization" right after ``end``."""
        doc = self.doc
        ent = self.ann.ent
        if end >= len(doc) or doc[end].lower_ not in ("of", "at", "for", "with"):
            return []
        i = end + 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        obj = []
        while i < len(doc) and ent[i] == "ORG":
            obj.append(i)
            i += 1
        return obj


def _without_contradicted(builder: _Builder) -> list[Triple]:
    """Drop an implied object where the article writes another one for the same person and
    predicate ("President Trump" in a Beijing story, after "U.S. President Donald Trump").
    A membership contradicts no other: one sits in a party, a chamber and its committees
    ("Senator X, an Ohio Republican"; "Senators X and Y, both members of the Budget Committee")."""
    written = {
        (t.subject, t.predicate)
        for key, t in builder.triples.items()
        if key not in builder.implied and t.predicate != "member_of"
    }
    return [
        t
        for key, t in builder.triples.items()
        if key not in builder.implied or (t.subject, t.predicate) not in written
    ]


def _chamber_members(triples: list[Triple], ruleset: RuleSet) -> list[Triple]:
    """The leader of a legislative chamber sits in it ("Speaker Paul Ryan", "Senate Majority
    Leader X"): a chamber is what a ``member_of`` post of government.tsv names."""
    chambers = {
        normalize_name(name)
        for post in ruleset.government.values()
        if post.predicate == "member_of"
        for name in (post.object, *post.aliases)
    }
    have = {(t.subject, t.predicate, t.object, t.evidence.start) for t in triples}
    out = []
    for t in triples:
        if t.predicate != "leader_of" or not any(
            normalize_name(n) in chambers for n in (t.object.name, *t.object.aliases)
        ):
            continue
        if (t.subject, "member_of", t.object, t.evidence.start) in have:
            continue
        have.add((t.subject, "member_of", t.object, t.evidence.start))
        evidence = replace(t.evidence, rule=t.evidence.rule + ".member")
        out.append(replace(t, predicate="member_of", evidence=evidence))
    return out


def extract_relations(
    doc: Doc,
    resolution: Resolution,
    annotation: Annotation,
    ruleset: RuleSet,
    matchers: RelationMatchers,
    gazetteer: Gazetteer,
    *,
    country: str = "",
    trace: Trace | None = None,
) -> list[Triple]:
    """Every triple the rules find in ``doc``, one per fact and sentence.

    ``country`` is the country whose government titles the article means ("the chancellor");
    when empty it is found in the text (:func:`~kg.extract.country.find_country`).
    """
    builder = _Builder(doc, resolution, annotation, ruleset, gazetteer, country)
    builder.mark_references()
    found = matches(doc, matchers)
    # Rules whose verb gives the status run first: "X is to become chairman of Y" is future
    # whatever the copula rule says. Rules with an implied object run last: a title whose
    # object is written never gets one.
    for rule, roles in sorted(
        found, key=lambda m: (m[0].object_kind == "implied", not m[0].status)
    ):
        if "subject" in roles and ("object" in roles or rule.object_kind == "implied"):
            if trace is None:
                builder.add(rule, roles)
            else:
                traced_add(builder, rule, roles, trace)
        elif trace is not None:
            trace.rejected(rule.id, "", "roles", "the match has no subject or object tokens")
    triples = _without_contradicted(builder)
    mentions = Counter(
        {
            (e.name, e.label): len(m)
            for e, m in zip(resolution.entities, resolution.mentions, strict=False)
        }
    )
    triples = one_holder(triples, mentions)
    triples.extend(_chamber_members(triples, ruleset))
    triples.extend(chained(triples))
    return sorted(triples, key=lambda t: (t.evidence.start, t.predicate, t.subject.name))

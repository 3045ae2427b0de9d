"""Why the relation builder keeps a match out of the graph: one stable name per check.

:meth:`~kg.extract.relations.builder.TripleBuilder.add` returns the :class:`Refusal` of the
check that turned a match down; ``kg explain`` prints its name and reason. The names are
listed in ``schemas/rules/README.md``; keep them stable (a test checks the two agree).

>>> Refusal.IN_A_LIST, Refusal.IN_A_LIST.reason.split(":")[0]
(<Refusal.IN_A_LIST: 'in_a_list'>, 'the place is one of a list')
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Refusal"]


class Refusal(StrEnum):
    """A check that turned a match down; its value is the name ``kg explain`` prints."""

    NO_ROLES = "no_roles"
    NO_IMPLIED_OBJECT = "no_implied_object"
    NO_ARGUMENT = "no_argument"
    SAME_ENTITY = "same_entity"
    STATUS_BY_VERB = "status_by_verb"
    OBJECT_IN_TITLE = "object_in_title"
    OBJECT_FOLLOWS = "object_follows"
    TAKES_A_STANCE = "takes_a_stance"
    TITLE_OF_NEXT_NAME = "title_of_next_name"
    LISTS_ON = "lists_on"
    PLURAL_FOR_ONE = "plural_for_one"
    STARTS_A_CLAUSE = "starts_a_clause"
    NAMES_A_TITLED_PERSON = "names_a_titled_person"
    HOME_STATE = "home_state"
    OBJECT_CONJOINED = "object_conjoined"
    NO_TITLE = "no_title"
    TITLE_CLASS = "title_class"
    SHADOW_POST = "shadow_post"
    SHADOW_DEPARTMENT = "shadow_department"
    NOT_A_PARTY = "not_a_party"
    PARTY_CONJOINED = "party_conjoined"
    CANDIDACY = "candidacy"
    DOMAIN_RANGE = "domain_range"
    DESCRIBES_A_NOUN = "describes_a_noun"
    MODIFIES_A_NOUN = "modifies_a_noun"
    IN_A_LIST = "in_a_list"
    OBJECT_OF_A_VERB = "object_of_a_verb"
    PLACE_BEFORE_A_NOUN = "place_before_a_noun"
    SAME_FACT = "same_fact"

    @property
    def reason(self) -> str:
        """What the check found, with an example."""
        return _REASONS[self]


_REASONS = {
    Refusal.NO_ROLES: "the match has no subject or object tokens",
    Refusal.NO_IMPLIED_OBJECT: (
        "the title implies no object: it gave a fact with a written object already, an"
        " organization, place, adjective or capitalised word stands before it, an"
        " of/at/for object follows it, or the article's country has no such post"
        ' ("Tory chancellor X", "Trade Representative X")'
    ),
    Refusal.NO_ARGUMENT: "the subject or object tokens of the match hold no entity",
    Refusal.SAME_ENTITY: "the subject and the object are one entity",
    Refusal.STATUS_BY_VERB: (
        "a verb already gave this title its status"
        ' ("X is to become chairman of Y" is no current chairmanship)'
    ),
    Refusal.OBJECT_IN_TITLE: (
        'the object is a word of the title ("Secretary of State X": State is no object)'
    ),
    Refusal.OBJECT_FOLLOWS: (
        "an of/at/for object follows the title: it is the real object, not the one before"
        ' ("X, the German co-head of EADS")'
    ),
    Refusal.TAKES_A_STANCE: (
        "a title of a stance (stance_titles of relation_words.toml) names what it judges in"
        ' its of-phrase, not where the person works ("X, a vocal critic of Time Warner")'
    ),
    Refusal.TITLE_OF_NEXT_NAME: (
        'the title belongs to the person named after it ("X, NME editor Conor McNicholas"),'
        ' or to the one a possessive after it stands for ("X, the senator\'s neighbor")'
    ),
    Refusal.LISTS_ON: (
        "a plural title after one name is the next item of a list, not its apposition"
        ' ("Kofi Annan, World Bank officials and ministers")'
    ),
    Refusal.PLURAL_FOR_ONE: (
        "a plural title, a comma, then one name that no other name follows: the title ends"
        ' a phrase of its own ("with EU foreign ministers, Tillerson stressed")'
    ),
    Refusal.STARTS_A_CLAUSE: (
        "the title after the name is the subject of a verb of its own"
        ' ("in support of Moore, an RNC official said")'
    ),
    Refusal.NAMES_A_TITLED_PERSON: (
        "the object starts another person's title and name"
        ' ("a spokesman for Pennsylvania House Speaker Mike Turzai")'
    ),
    Refusal.HOME_STATE: (
        '"of PLACE" after a name whose title has its organization in front gives the home'
        ' state ("House Republican leader Kevin McCarthy of California")'
    ),
    Refusal.OBJECT_CONJOINED: (
        "the object in front of the title is conjoined with the titled name, not its body"
        ' ("Congress and President Donald Trump", "a Senate majority and President Trump")'
    ),
    Refusal.NO_TITLE: "the rule takes its predicate from a title, and no title matched",
    Refusal.TITLE_CLASS: "no entry of the title takes an object of this class",
    Refusal.SHADOW_POST: (
        'a modifier overrides the post, so it is no post of the government ("shadow chancellor X")'
    ),
    Refusal.SHADOW_DEPARTMENT: (
        "a post held in opposition (a modifier that makes a member) names its party or its"
        ' chamber, never the department it shadows ("shadow Treasury chief secretary X")'
    ),
    Refusal.NOT_A_PARTY: 'the object of an object_kind = "party" rule is no known party',
    Refusal.PARTY_CONJOINED: (
        'the party is conjoined with the name, not its adjective ("Republicans and President Trump")'
    ),
    Refusal.CANDIDACY: (
        'a candidate is no member of the body he stands for ("Senate candidate Roy Moore")'
    ),
    Refusal.DOMAIN_RANGE: (
        "the subject or object class does not fit the predicate (kg/vocab.py DOMAINS, RANGES)"
    ),
    Refusal.DESCRIBES_A_NOUN: (
        "a place written before a common noun before the title describes that noun"
        ' ("Phoenix newspaper reporter Don Bolles" works for the newspaper)'
    ),
    Refusal.MODIFIES_A_NOUN: (
        "the object after the title only modifies the noun after it"
        ' ("head of music at London rock radio station Xfm"), or a place is the first word of'
        ' a longer name ("governor of the U.S. Virgin Islands")'
    ),
    Refusal.IN_A_LIST: (
        'the place is one of a list: more places follow it ("in Leeds, Bradford and Hull")'
    ),
    Refusal.OBJECT_OF_A_VERB: (
        "the organization is the object of a preposition on a verb: the place after it tells"
        ' where that happened, not where it is based ("speaking at Queen\'s Club in London")'
    ),
    Refusal.PLACE_BEFORE_A_NOUN: (
        'the place modifies the noun after it ("toward Islamabad, U.S. officials")'
    ),
    Refusal.SAME_FACT: "an earlier match gave this fact in this sentence with as much confidence",
}

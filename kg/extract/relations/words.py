"""The English words the relation builder reads the text around a match by."""

from __future__ import annotations

__all__ = [
    "BECOMING",
    "BODY_NOUNS",
    "CANDIDACY",
    "CHAMBERS",
    "FIELD_ADJECTIVE_ENDINGS",
    "FUTURE_AUX",
    "HEAD_PREDICATES",
    "LEAVING",
    "PARTY_POSTS",
    "REMOVING",
    "SPAN_WORDS",
    "WHOLE_ORG_ADJECTIVES",
    "WHOLE_ORG_NOUNS",
    "WHOLE_PERSON_TITLES",
]

# Verbs of the future: "X will become chief executive".
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# Verbs that end the role of the title after them ("Trump fired FBI Director James Comey"),
# once done ("a plan to oust Secretary of State X" leaves him in post).
REMOVING = frozenset({"fire", "sack", "oust", "dismiss", "depose", "topple"})
# Verbs by which the holder leaves a post, done, with the holder their subject ("X resigned",
# "X stepped down"; "step" only with "down" or "aside").
LEAVING = frozenset({"resign", "quit", "retire", "step"})
# Words of a time span that ends: "who led Labour from 1983 until 1992".
SPAN_WORDS = ("from", "until", "till", "between")
# Verbs that give a title ahead of time: "X is to become / to be / will serve as chairman".
BECOMING = frozenset({"become", "be", "serve"})
# A leading title after one of these nouns still heads the whole organization
# ("group chief executive"); after any other noun it heads a department ("research
# director", "communications chief"): the person works for the organization.
WHOLE_ORG_NOUNS = frozenset(
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
HEAD_PREDICATES = frozenset({"leader_of", "president_of"})
# Adjectives of a field ("legislative", "medical", "strategic", "budgetary") before a head
# title: the post heads that field only. An executive or general director runs the whole.
FIELD_ADJECTIVE_ENDINGS = ("ive", "al", "ic", "ary")
WHOLE_ORG_ADJECTIVES = frozenset({"executive", "general", "national", "principal", "global"})
# ... but a "spiritual leader" or "political leader" still leads.
WHOLE_PERSON_TITLES = frozenset({"leader", "leaders", "president", "presidents"})
# Titles a party gives its own officers: "Tory leader X" leads the party, while a party
# adjective before a post of the state ("Democratic Mayor X") only makes X a member.
PARTY_POSTS = frozenset({"leader", "head", "chairman", "chairwoman", "chair", "deputy leader"})
# A candidate stands for a body, he is no member of it yet ("Senate candidate X"); a party's
# candidate is one of its members ("Labour candidate X").
CANDIDACY = frozenset({"candidate", "nominee", "hopeful", "challenger"})
# A body inside an organization: whoever heads it is a member of the whole ("Senate
# tax committee chief X").
BODY_NOUNS = frozenset({"committee", "subcommittee", "panel", "caucus", "delegation"})
# The capitalised names of legislative chambers that NER may leave untagged at the start of a
# sentence ("House Democratic leader Nancy Pelosi said"): a party post after one is held in it.
CHAMBERS = frozenset({"House", "Senate", "Assembly", "Congress", "Parliament", "Commons"})

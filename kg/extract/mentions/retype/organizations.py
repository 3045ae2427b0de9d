"""The ``organizations_by_context`` pass: people and unknown places the text shows to be
companies, platforms or outlets (a possessive and what only a company has, "said its", "X,
which …", an apposition headed by a word for an organization, "the London-based X", "a stake in
X", a firm's title before a person, a platform, a list of organizations, a product named after
its organization)."""

from __future__ import annotations

from spacy.tokens import Doc

from ....names import normalize_name
from ...gazetteer import Gazetteer
from ..base import Context, SpanMention, is_honorific
from .evidence import (
    COMPANY,
    has_apposition_head,
    is_full_personal_name,
    is_known_place,
    is_listed_with,
    pronoun_after,
)
from .teams import sport_title_after

__all__ = ["organizations_by_context"]


def _owns_company_nouns(doc: Doc, end: int, nouns: frozenset[str]) -> bool:
    """ "Name 's [adjectives] sales", "Name' former key oil production unit": a possessive,
    then something only a company has (the head of the noun phrase, after up to four
    adjectives and nouns that modify it)."""
    if end >= len(doc) or doc[end].text not in ("'s", "’s", "'", "’"):
        return False
    i = end + 1
    while (
        i + 1 < len(doc)
        and i < end + 5
        and (doc[i].pos_ == "ADJ" or (doc[i].pos_ == "NOUN" and doc[i + 1].pos_ == "NOUN"))
        and doc[i].is_lower
        and doc[i].lower_ not in nouns
        and f"{doc[i].lower_} {doc[i + 1].lower_}" not in nouns  # "share price"
    ):
        i += 1
    if i >= len(doc):
        return False
    two = f"{doc[i].lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
    return doc[i].lower_ in nouns or two in nouns


def _its_follows(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """ "Name said (on Tuesday) that its …": the first pronoun after the name, in its
    sentence and with only verbs and function words between, is "its"."""
    return pronoun_after(doc, start, end, taken) == "its"


def _which_clause(doc: Doc, start: int, end: int) -> bool:
    """ "Euronext, which combines the Paris, Amsterdam and Lisbon exchanges, also began
    talks": the name, the subject of its clause, has a relative clause with "which" (a
    person's takes "who"; "He met X, which surprised many" is about the meeting)."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "which":
        return False
    verb = doc[end + 1].head
    return (
        verb.dep_ == "relcl"
        and start <= verb.head.i < end
        and doc[end - 1].dep_ in ("nsubj", "nsubjpass")
    )


def _org_apposition(doc: Doc, end: int, org_nouns: frozenset[str]) -> bool:
    """ "Name, an airline owned by …", "Name, a Moscow consultancy,", "Name, the London
    exchange,", "Name, the world's largest reinsurance company,": an apposition whose head
    is a word for an organization. After "the", the apposition ends at the head (not
    "chief executive Sidney Taurel, the company says")."""
    definite = end + 1 < len(doc) and doc[end + 1].lower_ == "the"
    return has_apposition_head(
        doc,
        end,
        ("a", "an", "the"),
        8,
        lambda t: (
            t.lemma_ in org_nouns
            and (not definite or t.i + 1 == len(doc) or doc[t.i + 1].text in (",", ".", ";", ")"))
        ),
        # "the world's largest reinsurance company": a possessive inside the apposition
        lambda t: (
            (t.pos_ in ("ADJ", "PROPN", "NOUN", "PUNCT") or t.tag_ == "POS") and t.text != ","
        ),
    )


def _based_before(doc: Doc, start: int, end: int) -> bool:
    """ "the London-based Name", "Paris-based Name": a place-based modifier right before,
    the name not a modifier itself ("the Windows-based Creative Zen media player")."""
    return (
        start > 2
        and doc[start - 1].lower_ == "based"
        and doc[start - 2].text == "-"
        and not (end < len(doc) and doc[end].is_lower and doc[end].pos_ in ("NOUN", "ADJ"))
    )


def _owned_after(doc: Doc, start: int, ctx: Context) -> bool:
    """ "a stake in Name", "the owner of Name", "the takeover of Name": what only a company
    is, right before the name (``stake_nouns``, ``owner_nouns``)."""
    if start < 2:
        return False
    before, noun = doc[start - 1].lower_, doc[start - 2].lower_
    return (before == "in" and noun in ctx.words("stake_nouns")) or (
        before == "of" and noun in ctx.words("owner_nouns")
    )


def _named_after_organization(
    words: list[str], organizations: set[str], gazetteer: Gazetteer, person_words: frozenset[str]
) -> bool:
    """Whether a "person" of two or more words starts with an organization's name and no
    given name or title follows it ("Yahoo Messenger"; not "Labour MP Ann Ruiz")."""
    if len(words) < 2 or words[0] in gazetteer.first_names:
        return False
    for n in range(1, len(words)):
        head, rest = " ".join(words[:n]), words[n:]
        hit = gazetteer.lookup(head)
        if normalize_name(head) in organizations or (hit is not None and hit[1] == "Organization"):
            return not any(w in gazetteer.first_names or w.lower() in person_words for w in rest)
    return False


def _place_is_company(
    doc: Doc,
    m: SpanMention,
    ctx: Context,
    org_appositions: frozenset[str],
    *,
    people: set[int],
    companies: set[str],
) -> bool:
    """Whether a "place" the gazetteer does not know as one is a company: "the London-based
    Liffe", "a stake in Liffe", "Liffe, the London exchange,", "Liffe's shareholders" (only
    what a country never owns: "China's sales" is a country's), "Jupiter analyst Olivier
    Beauvillain" (a title of a firm's people, then a person: ``people`` holds where persons
    start), or one word that starts a company's name of the article ("Bloomberg" with
    "Bloomberg News"; ``companies``)."""
    gazetteer = ctx.gazetteer
    if (
        gazetteer.lookup(m.text) is not None
        or gazetteer.is_city(m.text)
        or gazetteer.is_region(m.text)
        or gazetteer.demonym(m.text) is not None
    ):
        return False
    # Sport titles ("Chelsea boss X") make the place its team instead (teams_before_sport_titles).
    title_end = sport_title_after(
        doc,
        m.end,
        ctx.words("org_titles") - ctx.words("sport_titles"),
        ctx.words("org_title_prefixes"),
    )
    return (
        _based_before(doc, m.start, m.end)
        or _owned_after(doc, m.start, ctx)
        or _org_apposition(doc, m.end, org_appositions)
        or _owns_company_nouns(doc, m.end, ctx.words("place_company_nouns"))
        or (title_end > 0 and title_end in people)
        or (" " not in m.text and normalize_name(m.text) in companies)
    )


def _company_first_words(mentions: list[SpanMention], ctx: Context) -> set[str]:
    """The first word of each organization's name of two words whose second word is no word
    of a place's institution ("Bloomberg News", "Jupiter Research"; not "Gwent Police",
    "Leeds United", "Kent County Council")."""
    institutions = ctx.words("place_institution_words")
    first: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if (
            m.label == "Organization"
            and len(words) == 2
            and words[1][:1].isupper()
            and words[1].lower() not in institutions
        ):
            first.add(normalize_name(words[0]))
    return first


def organizations_by_context(
    doc: Doc, mentions: list[SpanMention], ctx: Context
) -> list[SpanMention]:
    """People the text shows to be companies, platforms or outlets (``ner_label``
    :data:`COMPANY`, which makes the whole entity an organization).

    - A company named after a person: "Ralph Lauren said its sales rose", "Ralph
      Lauren's profits" (a possessive, then what only a company has), "Yukos boss X" (a
      company's noun as the head of a compound), "Air Shamrock, an airline owned by"
      (an apposition headed by a word for an organization, after "a", "an" or "the"), "the
      London-based X", "a stake in X", "the owner of X", "X and its", "X, which combines …"
      (a relative clause with "which" on the subject; for a name that is no given name and
      surname, with no title before it).
    - A "place" the gazetteer does not know as one, with the same evidence or "X's
      shareholders" ("the London-based Liffe", "Liffe, the London exchange,"), a firm's
      title and a person after it ("Jupiter analyst Olivier Beauvillain"), or one word that
      starts a company's name of the article ("Bloomberg" with "Bloomberg News").
    - A "place" the gazetteer does not know, as one item of a list of organizations (two at
      least): "the GMB and Unison, the TGWU and Amicus" (not a "person": NER's organizations
      in a list of people are as often wrong, "Buddy Holly, Richardson and Valens").
    - A platform: "said on Twitter", "wrote on Gab" (a posting verb, "on"), "a Twitter
      post", "Twitter users" (a platform noun after the name).
    - A product, unit or service named after its organization: "Yahoo Messenger", "BBC
      Sport" (the first words are an organization of the article or the gazetteer, and no
      given name or title follows them).
    """
    gazetteer = ctx.gazetteer
    platform, posting = ctx.words("platform_nouns"), ctx.words("posting_verbs")
    company, heads = ctx.words("company_nouns"), ctx.words("company_heads")
    person_words = ctx.words("leading_titles") | ctx.words("person_nouns")
    taken = ctx.taken(mentions)
    organizations = {normalize_name(m.text) for m in mentions if m.label == "Organization"}
    org_appositions = ctx.words("apposition_org_nouns")
    people = {m.start for m in mentions if m.label == "Person"}
    companies = _company_first_words(mentions, ctx)
    fixed: list[SpanMention] = []
    for n, m in enumerate(mentions):
        if m.label == "Place" and _place_is_company(
            doc, m, ctx, org_appositions, people=people, companies=companies
        ):
            m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", COMPANY)
        elif (
            m.label == "Place"
            and not is_known_place(m.text, gazetteer)
            and is_listed_with(doc, mentions, n, lambda o: o.label == "Organization")
        ):  # "the GMB and Unison, the TGWU and Amicus": one item of a list of organizations
            m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", m.ner_label)
        if m.label != "Person" or m.ner_label in ("CREDIT", "HONORIFIC"):
            fixed.append(m)
            continue
        if _named_after_organization(m.text.split(), organizations, gazetteer, person_words):
            fixed.append(SpanMention(m.start, m.end, m.text, m.surface, "Organization", COMPANY))
            continue
        before = doc[m.start - 1] if m.start > 0 else None
        after = doc[m.end] if m.end < len(doc) else None
        titled = before is not None and (
            is_honorific(before) or before.lower_ in person_words or before.text in ("Mr", "Ms")
        )
        evidence = (
            (after is not None and after.is_lower and after.lower_ in platform)
            or (
                m.start > 1
                and doc[m.start - 1].lower_ in ("on", "via")
                and doc[m.start - 2].lemma_ in posting
                and len(m.text.split()) == 1
                and not (after is not None and after.tag_ == "POS")  # "said on George's case"
            )
            or (not titled and _owns_company_nouns(doc, m.end, company))
            or (  # "Yukos boss", "Disney shares"
                not titled
                and after is not None
                and after.is_lower
                and after.pos_ == "NOUN"
                and after.lower_ in heads
            )
            or (not titled and _org_apposition(doc, m.end, org_appositions))
            or (  # "Yukos and its subsidiaries", not "boss Ann Ruiz and its chairman"
                not titled
                and not is_full_personal_name(m.text.split(), gazetteer)
                and m.end + 1 < len(doc)
                and doc[m.end].lower_ == "and"
                and doc[m.end + 1].lower_ == "its"
            )
            or (
                not titled
                and (_based_before(doc, m.start, m.end) or _owned_after(doc, m.start, ctx))
                and not is_full_personal_name(m.text.split(), gazetteer)
            )
            or (
                not titled
                and after is not None
                and after.text != ","
                and _its_follows(doc, m.start, m.end, taken)
            )
            or (not titled and _which_clause(doc, m.start, m.end))
        )
        if evidence and gazetteer.lookup(m.text) is None:
            m = SpanMention(m.start, m.end, m.text, m.surface, "Organization", COMPANY)
        fixed.append(m)
    return fixed

"""The status of a role a match gives: ``current``, ``former`` or ``future``.

A modifier of the title lexicon ("former", "acting", "designate"), a verb that removed the
holder ("fired"), one that gives the title ahead of time ("will become") or a past verb with
a time span ("who led Labour until 1992") decides it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .reading import Reading

__all__ = [
    "CURRENT",
    "Status",
    "is_ahead",
    "is_time_span",
    "left_the_post",
    "status_of",
    "verb_status",
]

# Words of a time clause on a copula in the past: the post held then is over ("when he
# was a congressman", "was chief economist at Y before joining Z").
_TIME_CLAUSE = ("when", "while", "before")


@dataclass(frozen=True)
class Status:
    """The status of a title, the predicate a modifier puts instead of the title's own
    (``""`` for none: "assistant" makes ``works_for``), and the token that gave them."""

    status: str
    override: str = ""
    at: int | None = None
    """The token of the modifier or verb, None when nothing was written."""


CURRENT = Status("current")


def status_of(reading: Reading, first: int, last: int) -> Status:
    """Status, predicate override and the modifier's token, for a title ``[first, last]``.

    Modifiers are looked for just before the title, also before the organization in
    front of it ("former Chelsea finance director"), and just after it ("designate").
    """
    doc, ann, modifiers = reading.doc, reading.ann, reading.ruleset.modifiers
    becoming = reading.words("becoming")
    i, steps = first - 1, 0
    found: Status | None = None
    while i >= 0 and steps < 6:
        token = doc[i]
        word = token.lower_
        if word in modifiers:
            status, override = modifiers[word]
            if found is None:
                found = Status(status, override, i)
            if status == "former":  # "former acting attorney general": former wins
                return Status("former", found.override, found.at)
            i, steps = i - 1, steps + 1
            continue
        if word == "," and found is None and i > 0 and doc[i - 1].pos_ == "NOUN":
            before = doc[i - 1].lower_  # "Trump's predecessor, President Barack Obama"
            if before in modifiers:
                return Status(*modifiers[before], i - 1)
        if (
            found is None
            and token.tag_ in ("VBD", "VBN")
            and token.lemma_ in reading.words("removing")
        ):
            return Status("former", "", i)  # "Trump fired FBI Director James Comey"
        if ann.ent[i] == "PERSON" and steps == 0:
            # A name that describes the title is read past: "former Obama adviser X"
            while i >= 0 and ann.ent[i] == "PERSON":
                i -= 1
            steps += 1
            continue
        if (
            ann.ent[i] == "PERSON"
            or word
            in (",", ";", "(", ")", ":", ".", "!", "?")  # "deputy leader. Acme's chairman X"
            or not (
                token.pos_ in ("ADJ", "DET", "NOUN", "PUNCT", "PROPN", "PART", "CCONJ")
                or ann.ent[i]
            )
        ):
            break
        i, steps = i - 1, steps + 1
    if found is not None and found.status != "current":
        return found
    for k in (last + 1, last + 2) if found is None else ():
        if (
            k < len(doc)
            and doc[k].lower_ in modifiers
            and (k == last + 1 or doc[last + 1].text == "-")
        ):
            return Status(*modifiers[doc[k].lower_], k)
    # A modifier that only changes the predicate ("assistant") leaves the verb its say.
    override = found.override if found else ""
    # "X will become chief executive": the title is what "become" makes X, not an
    # apposition of X ("X, chairman of Y, will become ...").
    # "X will serve as chairman", "nominated X to be the next head of Y" too.
    # "ambassador to", "adviser to": a phrase that ends in its preposition hangs on its noun
    head = last
    while head > first and doc[head].pos_ == "ADP":
        head -= 1
    title: Token = doc[head]
    verb = title.head
    if title.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    if (
        title.dep_ in ("attr", "oprd", "xcomp", "dobj", "pobj")
        and verb.lemma_ in becoming
        and is_ahead(reading, verb)
    ):
        return Status("future", override, verb.i)
    if (
        title.dep_ in ("attr", "pobj")
        and verb.tag_ == "VBD"
        and verb.lemma_ in becoming
        and (
            verb.lemma_ == "serve"
            or any(
                c.lower_ in _TIME_CLAUSE
                or is_time_span(reading, c)
                or (c.dep_ == "advcl" and any(w.lower_ in _TIME_CLAUSE for w in c.children))
                for c in verb.children
            )
        )
    ):
        # "who served as chairman", "when he was a Republican congressman", "was an
        # adviser to Y from 2015 to 2016", "X was head of Y when the deal was signed", "X
        # was chief economist at Y before joining Z", "before he joined Z" (the
        # post is over, the party stays: the verb stands before the party, as a modifier
        # after it)
        return Status("former", override, last)
    left = left_the_post(reading, title) if last >= first else None
    if left is not None:
        return Status("former", override, left)
    return found or CURRENT


def left_the_post(reading: Reading, title: Token) -> int | None:
    """The verb by which the holder named with a title left it, done, else None.

    "CFPB Director X, a Democrat, resigned on Friday", "X, the CFPB director, stepped down",
    "X, who quit last week, ...", "FBI Director X was fired": the name the title goes with
    is the subject of a verb of leaving (or of a passive verb of removal). Not when the
    verb is ahead or negated ("X will resign", "X did not resign").
    """
    noun = title
    while noun.dep_ in ("compound", "appos", "flat") and noun.head.i != noun.i:
        noun = noun.head
    pairs = []  # (verb, its subject)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        pairs.append((noun.head, noun))
    for clause in noun.children:  # "X, who resigned"
        relative = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if clause.dep_ == "relcl" and relative and relative[0].lower_ in ("who", "that"):
            pairs.append((clause, relative[0]))
    for verb, subject in pairs:
        leaves = subject.dep_ == "nsubj" and verb.lemma_ in reading.words("leaving")
        removed = subject.dep_ == "nsubjpass" and verb.lemma_ in reading.words("removing")
        if not (leaves or removed) or verb.tag_ not in ("VBD", "VBN", "VBZ"):
            continue
        if verb.lemma_ == "step" and not any(c.lower_ in ("down", "aside") for c in verb.children):
            continue
        if is_ahead(reading, verb) or any(c.dep_ == "neg" for c in verb.children):
            continue
        return verb.i
    return None


def is_ahead(reading: Reading, verb: Token) -> bool:
    """Whether a verb speaks of what is to come: "will meet", "is to become", "plans to
    join", "would lead" (an auxiliary of the future or of the conditional, or an
    infinitive)."""
    return any(
        c.dep_ == "aux" and (c.lower_ in reading.words("future_aux") or c.lower_ in ("to", "would"))
        for c in verb.children
    )


def verb_status(reading: Reading, verb: Token) -> str:
    """A verb in the past with a time span is a former role ("who led Labour from 1983
    until 1992"); "founded Microsoft in 1975" is not. A verb of what is to come gives a
    future one ("will meet")."""
    if is_ahead(reading, verb):
        return "future"  # "X will meet Y", "X plans to join Y"
    if verb.tag_ != "VBD":
        return "current"
    span_words = reading.words("span_words")
    if any(
        is_time_span(reading, child)
        or (child.dep_ == "advcl" and any(c.lower_ in span_words for c in child.children))
        for child in verb.children
    ):  # "headed Acme until 2010", "headed Acme until he sold his stake"
        return "former"
    return "current"


def is_time_span(reading: Reading, word: Token) -> bool:
    """Whether a word opens a time span that ends ("from 1983", "until 1992"): a word of
    ``span_words``, unless it is "from" or "between" before a name, which is where one came
    from ("joined Leicester from Bath last year" is a current post)."""
    if word.lower_ not in reading.words("span_words"):
        return False
    if word.lower_ in ("from", "between"):
        return not any(c.dep_ == "pobj" and reading.ann.ent[c.i] for c in word.children)
    return True

"""Relation rules as data: load and validate ``schemas/rules/``.

A rule folder holds:

- ``titles.tsv``: the title lexicon (title phrase → predicate);
- ``portfolios.tsv``: words of a government portfolio ("home affairs", "transport") that NER
  makes an organization before a title;
- ``modifiers.tsv``: words that make a role former, acting or future;
- ``parties.tsv``: what a role means when its object is a political party;
- ``government.tsv``: the department or country a government title names when the sentence
  names none, per country (read by the rules with ``object_kind = "implied"``);
- ``country-cues.tsv``: names that tell which country an article is about;
- ``publishers.tsv``: publishers whose articles mean one country's government;
- ``references.tsv``: pronouns and nouns that refer back to an entity ("its", "the company");
- ``*.toml``: patterns, each an ``[[rule]]`` with ``id``, ``predicate``, ``confidence``,
  ``example`` (a test sentence), ``expect`` (the triple the example must give) and either
  a token ``pattern`` (spaCy ``Matcher`` syntax) or a ``dependency`` pattern (spaCy
  ``DependencyMatcher`` syntax).

Pattern tokens may use three shorthands besides spaCy's own keys: ``role`` (``subject``,
``object``, ``title`` or ``verb``: which tokens the triple is made of), ``ent`` (a kg entity tag or
list of tags: ``PERSON``, ``ORG``, ``PLACE``, ``NORP``, or ``NONE`` for no entity) and
``title = true``/``false`` (a token of a phrase of the title lexicon, or not);
``mod = true`` matches a status modifier, ``orgword = true`` a word that makes a name an
organization ("Inc", "Bank"), ``geo`` the kind
of place (``country``, ``region`` or ``other``). ``predicate = "title"`` takes the
predicate from the title phrase matched.

Loading reports every problem of every file at once (file, line, rule id, fix).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RuleError
from ..names import normalize_name
from ..records import ENTITY_CLASSES, STATUSES
from ..resources import schemas_dir
from ..vocab import PREDICATES

__all__ = [
    "ENT_ATTR",
    "KIND_ATTR",
    "OBJECT_KINDS",
    "GovernmentPost",
    "Reference",
    "Rule",
    "RuleSet",
    "TitleEntry",
    "load_rules",
    "spacy_pattern",
]

ENT_TAGS = ("PERSON", "ORG", "PLACE", "NORP", "NONE")
ROLES = ("subject", "object", "title", "verb")
GEO_KINDS = ("country", "region", "other")
_SHORTHANDS = ("role", "ent", "title", "mod", "geo", "orgword")
OBJECT_KINDS = ("", "party", "implied")
"""``object_kind`` of a rule: any object, a political party, or none written (the object is
implied by the title and the article's country, from ``government.tsv``)."""
_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


@dataclass(frozen=True)
class TitleEntry:
    """One line of the title lexicon."""

    phrase: str
    predicate: str
    object_class: str = ""
    origin: str = ""


@dataclass(frozen=True)
class GovernmentPost:
    """One line of ``government.tsv``: what a title names in one country."""

    country: str
    phrase: str
    predicate: str
    object: str
    object_class: str
    origin: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """One line of ``references.tsv``: a word that refers back to an entity."""

    label: str
    """The class of the entity it refers to."""
    kind: str
    """``pronoun`` (alone: "its"), ``noun`` (after "the": "the company") or ``public`` (after
    "the", a description of a public body, which may take a name ending in a body word: "the
    agency")."""
    name_words: tuple[str, ...] = ()
    """Lower-case words one of which the entity's name must hold ("the panel" is a Committee);
    empty: any entity of the class."""


@dataclass(frozen=True)
class Rule:
    """One relation pattern.

    Attributes:
        id: Unique id (``compound.org_title_person``), recorded on the evidence.
        predicate: A vocabulary predicate, or ``"title"``.
        confidence: 0..1, recorded on the evidence.
        kind: ``"token"`` (``Matcher``) or ``"dependency"`` (``DependencyMatcher``).
        pattern: The pattern with ``ent``, ``geo`` and ``title`` compiled to native token
            attributes; :func:`spacy_pattern` finishes it.
        roles: For token rules, the role of each pattern token (``""`` for none); for
            dependency rules, the ``RIGHT_ID`` of each node.
        example: A sentence the rule must fire on.
        expect: The ``(subject, predicate, object)`` the example must give.
        origin: ``file:line`` where the rule is defined.
        object_kind: ``"party"`` when the object must be a political party; ``"implied"``
            when the rule has no object token and the title names the object
            (``government.tsv``).
        status: The status the construction itself gives the role ("X resigned as
            chairman of Y": ``former``), unless a modifier says otherwise; ``""``: current.
    """

    id: str
    predicate: str
    confidence: float
    kind: str
    pattern: list[dict[str, Any]]
    roles: tuple[str, ...]
    example: str
    expect: tuple[str, str, str]
    origin: str
    object_kind: str = ""
    status: str = ""


@dataclass
class RuleSet:
    """Everything the relation engine needs, validated."""

    rules: list[Rule] = field(default_factory=list)
    titles: list[TitleEntry] = field(default_factory=list)
    portfolios: set[str] = field(default_factory=set)
    """Lower-case words of a government portfolio ("home", "affairs", "transport"): a name
    NER made only of them right before a title is the title's, not an organization."""
    modifiers: dict[str, tuple[str, str]] = field(default_factory=dict)
    parties: dict[str, tuple[str, str]] = field(default_factory=dict)
    party_adjectives: dict[str, str] = field(default_factory=dict)
    """Predicate → what it becomes when the party is an adjective before a title of the
    state ("Democratic President Bill Clinton" is a member of the party, not its leader)."""
    government: dict[tuple[str, str], GovernmentPost] = field(default_factory=dict)
    """``(country, title phrase)`` → the post, both lower case."""
    country_cues: dict[str, str] = field(default_factory=dict)
    """Normalised entity name → the country it tells an article is about."""
    publishers: dict[str, str] = field(default_factory=dict)
    """Normalised publisher name or host → the country its articles mean."""
    references: dict[str, Reference] = field(default_factory=dict)
    """Lower-case word → what it refers to."""
    reference_bodies: set[str] = field(default_factory=set)
    """Lower-case last words of public bodies' names ("committee"): such a name is the antecedent
    of no description but a ``public`` one, its own word, or one whose name words it holds."""
    sources: list[Path] = field(default_factory=list)

    fingerprint: str = ""
    """A hash of every rule file as loaded, so a changed rule set rebuilds articles."""


ENT_ATTR = "ENT_ID"
"""The native token attribute that holds kg's entity tag while the rules run (the ``ent``
shorthand): ``PERSON``, ``ORG``, ``PLACE``, ``NORP`` or empty."""
KIND_ATTR = "ENT_KB_ID"
"""The native token attribute that holds a place's kind (``country``, ``region``, ``other``;
the ``geo`` shorthand) or ``title`` for a token of a title phrase (the ``title`` shorthand).
Native attributes are compared inside spaCy's matchers; extension attributes (``Token._``)
cost a Python call per token and attribute, which made matching five times slower."""
_RESERVED = (ENT_ATTR, KIND_ATTR)


def _compile_token(
    spec: dict[str, Any], where: str, problems: list[str]
) -> tuple[dict[str, Any], str]:
    """Check a pattern token and compile the ``ent``, ``geo`` and ``title`` shorthands.

    ``mod`` and ``orgword`` stay as they are: their word lists are known only when every
    rule folder is loaded (see :func:`spacy_pattern`).
    """
    token = {k: v for k, v in spec.items() if k not in _SHORTHANDS or k in ("mod", "orgword")}
    role = spec.get("role", "")
    if role and role not in ROLES:
        problems.append(f"{where}: unknown role {role!r}; use one of {', '.join(ROLES)}")
    for key in _RESERVED:
        if key in spec:
            problems.append(
                f"{where}: {key} is reserved for kg's shorthands; use 'ent', 'geo', 'title'"
            )
    for key in ("mod", "orgword"):
        if key in spec and "LOWER" in spec:
            problems.append(f"{where}: '{key}' tests the lower-case word: it cannot go with LOWER")
    if "mod" in spec and "orgword" in spec:
        problems.append(f"{where}: give at most one of 'mod' and 'orgword' per token")
    if "ent" in spec:
        tags = spec["ent"] if isinstance(spec["ent"], list) else [spec["ent"]]
        bad = [t for t in tags if t not in ENT_TAGS]
        if bad:
            problems.append(f"{where}: unknown ent {bad}; use {', '.join(ENT_TAGS)}")
        values = ["" if t == "NONE" else t for t in tags]
        # One value compiles to a plain comparison: much faster in spaCy's Matcher than "IN".
        token[ENT_ATTR] = values[0] if len(values) == 1 else {"IN": values}
    if "geo" in spec:
        kinds = spec["geo"] if isinstance(spec["geo"], list) else [spec["geo"]]
        if any(k not in GEO_KINDS for k in kinds):
            problems.append(f"{where}: unknown geo {kinds}; use {', '.join(GEO_KINDS)}")
        if spec.get("title"):
            problems.append(f"{where}: a place ('geo') is never part of a title: drop one")
        token[KIND_ATTR] = kinds[0] if len(kinds) == 1 else {"IN": kinds}
    elif "title" in spec:  # with 'geo', 'title = false' holds anyway
        token[KIND_ATTR] = "title" if spec["title"] else {"NOT_IN": ["title"]}
    return token, role


def spacy_pattern(
    rule: Rule, *, modifiers: Collection[str], org_words: Collection[str]
) -> list[dict[str, Any]]:
    """The spaCy pattern of ``rule``: ``mod`` and ``orgword`` become word lists.

    Args:
        rule: A loaded rule.
        modifiers: The status modifiers (``RuleSet.modifiers``), lower case.
        org_words: Words that make a name an organization, lower case, without a final ".".
    """
    lists = {
        "mod": sorted(modifiers),
        "orgword": sorted({*org_words, *(w + "." for w in org_words)}),
    }

    def native(spec: dict[str, Any]) -> dict[str, Any]:
        token = {k: v for k, v in spec.items() if k not in lists}
        for key, words in lists.items():
            if key in spec:
                token["LOWER"] = {"IN" if spec[key] else "NOT_IN": words}
        return token

    if rule.kind == "token":
        return [native(t) for t in rule.pattern]
    return [{**node, "RIGHT_ATTRS": native(node["RIGHT_ATTRS"])} for node in rule.pattern]


def _line_of(text: str, rule_id: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if re.search(rf"""id\s*=\s*["']{re.escape(rule_id)}["']""", line):
            return number
    return 0


def _load_toml(path: Path, problems: list[str], seen: dict[str, str]) -> list[Rule]:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path}: invalid TOML: {exc}")
        return []
    rules: list[Rule] = []
    for spec in data.get("rule", []):
        rid = str(spec.get("id", ""))
        where = f"{path}:{_line_of(text, rid)} rule {rid!r}"
        known = {
            "id",
            "predicate",
            "confidence",
            "example",
            "expect",
            "pattern",
            "dependency",
            "comment",
            "object_kind",
            "status",
        }
        for key in sorted(set(spec) - known):
            problems.append(f"{where}: unknown key {key!r}; known: {', '.join(sorted(known))}")
        if not _ID.match(rid):
            problems.append(
                f"{where}: id must be dotted lower-case words like 'appos.person_title'"
            )
        elif rid in seen:
            problems.append(f"{where}: duplicate id, first defined at {seen[rid]}")
        seen[rid] = where
        predicate = spec.get("predicate", "")
        if predicate != "title" and predicate not in PREDICATES:
            problems.append(
                f"{where}: unknown predicate {predicate!r}; known: title, {', '.join(PREDICATES)}"
            )
        confidence = spec.get("confidence")
        if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
            problems.append(f"{where}: confidence must be a number in (0, 1], got {confidence!r}")
            confidence = 0.5
        example = spec.get("example", "")
        if not isinstance(example, str) or not example.strip():
            problems.append(f"{where}: every rule needs an 'example' sentence it fires on")
        expect = spec.get("expect", [])
        if not (
            isinstance(expect, list)
            and len(expect) == 3
            and all(isinstance(x, str) for x in expect)
        ):
            problems.append(
                f"{where}: 'expect' must be [subject, predicate, object] for the example"
            )
            expect = ["", "", ""]
        object_kind = spec.get("object_kind", "")
        if object_kind not in OBJECT_KINDS:
            problems.append(
                f"{where}: object_kind must be one of {', '.join(OBJECT_KINDS[1:])} when given,"
                f" got {object_kind!r}"
            )
        status = spec.get("status", "")
        if status and status not in STATUSES:
            problems.append(f"{where}: status must be one of {', '.join(STATUSES)}, got {status!r}")
        has_tokens, has_dep = "pattern" in spec, "dependency" in spec
        if has_tokens == has_dep:
            problems.append(f"{where}: give exactly one of 'pattern' (tokens) or 'dependency'")
            continue
        raw = spec["pattern"] if has_tokens else spec["dependency"]
        if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw) or not raw:
            problems.append(f"{where}: the pattern must be a non-empty list of tables")
            continue
        compiled: list[dict[str, Any]] = []
        roles: list[str] = []
        for n, token in enumerate(raw):
            if has_dep:
                attrs, role = _compile_token(
                    dict(token.get("RIGHT_ATTRS", {})), f"{where} node {n}", problems
                )
                node = {k: v for k, v in token.items() if k != "RIGHT_ATTRS"}
                node["RIGHT_ATTRS"] = attrs
                role = str(token.get("RIGHT_ID", ""))
                compiled.append(node)
                roles.append(role if role in ROLES else "")
            else:
                tok, role = _compile_token(token, f"{where} token {n}", problems)
                compiled.append(tok)
                roles.append(role)
        needed = ("subject", "title") if object_kind == "implied" else ("subject", "object")
        for role in needed:
            if role not in roles:
                problems.append(f"{where}: no token has role {role!r}")
        if object_kind == "implied" and "object" in roles:
            problems.append(
                f"{where}: an 'implied' rule takes its object from the title: drop role 'object'"
            )
        if predicate == "title" and "title" not in roles:
            problems.append(f"{where}: predicate 'title' needs a token with role 'title'")
        rules.append(
            Rule(
                rid,
                predicate,
                float(confidence),
                "dependency" if has_dep else "token",
                compiled,
                tuple(roles),
                str(example),
                (expect[0], expect[1], expect[2]),
                where,
                object_kind,
                status,
            )
        )
    return rules


def _read_tsv(
    path: Path, problems: list[str], columns: tuple[int, int]
) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not columns[0] <= len(cols) <= columns[1] or not all(cols):
            problems.append(
                f"{path}:{number}: expected {columns[0]}-{columns[1]} tab-separated columns, got {line!r}"
            )
            continue
        rows.append((number, cols))
    return rows


def load_rules(*folders: Path, shipped: bool = True) -> RuleSet:
    """Load and validate the rules of ``schemas/rules/`` plus any user folders (only the
    user folders when ``shipped`` is false).

    Raises:
        RuleError: Listing every problem found, each with file, line and rule id.
    """
    problems: list[str] = []
    ruleset = RuleSet()
    seen: dict[str, str] = {}
    for folder in ((schemas_dir() / "rules",) if shipped else ()) + tuple(folders):
        if not folder.is_dir():
            problems.append(f"{folder}: not a folder of rules")
            continue
        for path in sorted(folder.glob("portfolios*.tsv")):
            ruleset.sources.append(path)
            for _number, cols in _read_tsv(path, problems, (1, 1)):
                ruleset.portfolios.add(cols[0].lower())
        for path in sorted(folder.glob("titles*.tsv")):
            ruleset.sources.append(path)
            for number, cols in _read_tsv(path, problems, (2, 3)):
                phrase, predicate = cols[0], cols[1]
                obj = cols[2] if len(cols) > 2 else ""
                if predicate not in PREDICATES:
                    problems.append(
                        f"{path}:{number}: unknown predicate {predicate!r}; known: {', '.join(PREDICATES)}"
                    )
                if obj and obj not in ENTITY_CLASSES:
                    problems.append(
                        f"{path}:{number}: unknown class {obj!r}; known: {', '.join(ENTITY_CLASSES)}"
                    )
                ruleset.titles.append(
                    TitleEntry(phrase.lower(), predicate, obj, f"{path}:{number}")
                )
        for path in sorted(folder.glob("modifiers*.tsv")):
            ruleset.sources.append(path)
            for number, cols in _read_tsv(path, problems, (2, 3)):
                word, status = cols[0].lower(), cols[1]
                override = cols[2] if len(cols) > 2 else ""
                if status not in STATUSES:
                    problems.append(
                        f"{path}:{number}: unknown status {status!r}; known: {', '.join(STATUSES)}"
                    )
                if override and override not in PREDICATES:
                    problems.append(f"{path}:{number}: unknown predicate {override!r}")
                ruleset.modifiers[word] = (status, override)
        for path in sorted(folder.glob("parties*.tsv")):
            ruleset.sources.append(path)
            for number, cols in _read_tsv(path, problems, (2, 4)):
                mode = cols[2] if len(cols) > 2 else "keep"
                for predicate in [*cols[:2], *cols[3:]]:
                    if predicate not in PREDICATES:
                        problems.append(f"{path}:{number}: unknown predicate {predicate!r}")
                if mode not in ("keep", "current"):
                    problems.append(
                        f"{path}:{number}: status must be 'keep' or 'current', got {mode!r}"
                    )
                ruleset.parties[cols[0]] = (cols[1], mode)
                if len(cols) > 3:
                    ruleset.party_adjectives[cols[0]] = cols[3]
        for path in sorted(folder.glob("government*.tsv")):
            ruleset.sources.append(path)
            for number, cols in _read_tsv(path, problems, (5, 5)):
                name, *aliases = (n.strip() for n in cols[3].split("|"))
                post = GovernmentPost(
                    cols[0],
                    cols[1].lower(),
                    cols[2],
                    name,
                    cols[4],
                    f"{path}:{number}",
                    tuple(aliases),
                )
                if post.predicate not in PREDICATES:
                    problems.append(
                        f"{path}:{number}: unknown predicate {post.predicate!r}; known: {', '.join(PREDICATES)}"
                    )
                if post.object_class not in ENTITY_CLASSES:
                    problems.append(
                        f"{path}:{number}: unknown class {post.object_class!r}; known: {', '.join(ENTITY_CLASSES)}"
                    )
                ruleset.government[(normalize_name(post.country), post.phrase)] = post
        for path in sorted(folder.glob("country-cues*.tsv")):
            ruleset.sources.append(path)
            for _number, cols in _read_tsv(path, problems, (2, 2)):
                ruleset.country_cues[normalize_name(cols[0])] = cols[1]
        for path in sorted(folder.glob("references*.tsv")):
            ruleset.sources.append(path)
            for number, cols in _read_tsv(path, problems, (3, 4)):
                if cols[1] not in ENTITY_CLASSES or cols[2] not in (
                    "pronoun",
                    "noun",
                    "public",
                    "body",
                ):
                    problems.append(
                        f"{path}:{number}: expected a class ({', '.join(ENTITY_CLASSES)}) and"
                        f" 'pronoun', 'noun', 'public' or 'body', got {cols[1]!r}, {cols[2]!r}"
                    )
                if cols[2] == "body":
                    ruleset.reference_bodies.add(cols[0].lower())
                    continue
                words = (
                    tuple(w.strip().lower() for w in cols[3].split("|")) if len(cols) > 3 else ()
                )
                ruleset.references[cols[0].lower()] = Reference(cols[1], cols[2], words)
        for path in sorted(folder.glob("publishers*.tsv")):
            ruleset.sources.append(path)
            for _number, cols in _read_tsv(path, problems, (2, 2)):
                ruleset.publishers[normalize_name(cols[0])] = cols[1]
        for path in sorted(folder.glob("*.toml")):
            ruleset.sources.append(path)
            ruleset.rules.extend(_load_toml(path, problems, seen))
    phrases = {entry.phrase for entry in ruleset.titles}
    for post in ruleset.government.values():
        if post.phrase not in phrases:
            problems.append(
                f"{post.origin}: {post.phrase!r} is in no titles*.tsv, so no rule can match it;"
                " add it to the title lexicon"
            )
    if not problems:
        problems.extend(_check_with_spacy(ruleset))
    digest = hashlib.sha256()
    for source in ruleset.sources:  # hashed as read now, not when asked later
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    ruleset.fingerprint = digest.hexdigest()[:16]
    if problems:
        raise RuleError(
            f"{len(problems)} problem(s) in the relation rules:\n  " + "\n  ".join(problems)
        )
    return ruleset


def _check_with_spacy(ruleset: RuleSet) -> list[str]:
    """Let spaCy validate the compiled patterns (attribute names, operators, tree shape)."""
    import spacy
    from spacy.matcher import DependencyMatcher, Matcher

    vocab = spacy.blank("en").vocab
    problems = []
    for rule in ruleset.rules:
        pattern = spacy_pattern(rule, modifiers=ruleset.modifiers, org_words=("inc",))
        try:
            if rule.kind == "token":
                Matcher(vocab, validate=True).add(rule.id, [pattern])
            else:
                DependencyMatcher(vocab, validate=True).add(rule.id, [pattern])
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"{rule.origin}: invalid spaCy pattern: {exc}".replace("\n", " "))
    return problems

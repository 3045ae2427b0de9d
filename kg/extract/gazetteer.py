"""Curated names: country and organization aliases, and demonyms.

Countries come from pycountry (ISO 3166 names) plus ``schemas/aliases.tsv``; demonyms
and party adjectives from ``schemas/demonyms.tsv``. The curated tables win.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import RuleError
from ..names import normalize_name
from ..records import ENTITY_CLASSES
from ..resources import schemas_dir

__all__ = ["Gazetteer", "load_gazetteer", "load_sentence_words"]


@dataclass
class Gazetteer:
    """Look-up tables from a normalised name to ``(canonical name, class)``.

    Attributes:
        aliases: Names of entities (``"us"`` → ``("United States", "Place")``).
        demonyms: Adjectives (``"ukrainian"`` → ``("Ukraine", "Place")``).
        countries: Normalised canonical names of countries.
        regions: Normalised names of ISO 3166-2 subdivisions (England, Texas, Fife, …).
        parties: Normalised names of political parties (``schemas/parties.txt``).
        org_suffixes: Last words that make a name an organization (``schemas/org_words.txt``).
        org_nouns: Common nouns that introduce an organization's name ("firm", "carmaker").
        place_suffixes: Last words that make a name a place ("Airport", "Penitentiary").
        first_names: Given names that make a multi-word name a person (``schemas/first_names.txt``).
        family_first: Normalised family names written first: Chinese, Korean and Vietnamese
            names (``schemas/family_names_first.txt``).
        cities: Normalised names of capitals and large cities (``schemas/cities.txt``).
        not_names: Normalised names NER finds that are no person, organization or place
            (time zones, awards, sports events: ``schemas/not_names.txt``).
        words: The word lists of the mention passes, by name (``schemas/mention_words.toml``).
        relation_words: The word lists of the relation builder, by name
            (``schemas/relation_words.toml``).
        nicknames: A short given name → the full one (``"dave"`` → ``"david"``), the
            ``nicknames`` list of ``words`` read once.
        fingerprint: A hash of the tables and the pycountry version, as loaded.
    """

    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)
    demonyms: dict[str, tuple[str, str]] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    org_suffixes: set[str] = field(default_factory=set)
    org_nouns: set[str] = field(default_factory=set)
    place_suffixes: set[str] = field(default_factory=set)
    first_names: set[str] = field(default_factory=set)
    family_first: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    relation_words: dict[str, frozenset[str]] = field(default_factory=dict)
    nicknames: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""

    def lookup(self, text: str) -> tuple[str, str] | None:
        """``(canonical, class)`` of a name, or ``None``."""
        return self.aliases.get(normalize_name(text))

    def demonym(self, text: str) -> tuple[str, str] | None:
        """``(canonical, class)`` an adjective stands for, or ``None``."""
        return self.demonyms.get(normalize_name(text))

    def is_country(self, name: str) -> bool:
        return normalize_name(name) in self.countries

    def is_region(self, name: str) -> bool:
        return normalize_name(name) in self.regions

    def is_city(self, name: str) -> bool:
        """Whether a name is a city of ``schemas/cities.txt``."""
        return normalize_name(name) in self.cities

    def is_party(self, name: str) -> bool:
        """Whether an organization is a political party (listed, or named "... Party" or
        "Party of ...": "Party of the Democratic Revolution", "Party of Regions")."""
        key = normalize_name(name)
        return key in self.parties or key.endswith(" party") or key.startswith("party of ")


def _read_table(path: Path) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not all(c.strip() for c in cols):
            problems.append(f"{path}:{number}: expected 3 tab-separated columns, got {line!r}")
            continue
        alias, canonical, cls = (c.strip() for c in cols)
        if cls not in ENTITY_CLASSES:
            problems.append(
                f"{path}:{number}: unknown class {cls!r}; known: {', '.join(ENTITY_CLASSES)}"
            )
            continue
        rows.append((alias, canonical, cls))
    if problems:
        raise RuleError("Invalid name table:\n" + "\n".join(problems))
    return rows


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Load the curated tables from ``folder`` (default ``schemas/``) plus pycountry.

    Raises:
        RuleError: A table has malformed lines (all of them are listed).
    """
    import hashlib
    from importlib.metadata import version

    import pycountry

    folder = folder or schemas_dir()
    gaz = Gazetteer()
    digest = hashlib.sha256(version("pycountry").encode())
    for name in (
        "aliases.tsv",
        "demonyms.tsv",
        "parties.txt",
        "org_words.txt",
        "first_names.txt",
        "cities.txt",
        "not_names.txt",
        "mention_words.toml",
        "relation_words.toml",
        "sentence_words.toml",
        "family_names_first.txt",
    ):
        digest.update((folder / name).read_bytes())
    gaz.fingerprint = digest.hexdigest()[:16]
    curated = _read_table(folder / "aliases.tsv")
    curated_countries = {normalize_name(c) for _, c, cls in curated if cls == "Place"}
    for country in pycountry.countries:
        names = [
            country.name,
            getattr(country, "official_name", None),
            getattr(country, "common_name", None),
        ]
        canonical = getattr(country, "common_name", None) or country.name
        if "," in canonical:  # "Korea, Republic of": the curated table names these
            continue
        for name in filter(None, names):
            gaz.aliases.setdefault(normalize_name(name), (canonical, "Place"))
        gaz.countries.add(normalize_name(canonical))
    for sub in pycountry.subdivisions:
        # "Wales [Cymru GB-CYM]", "Cardiff [Caerdydd GB-CRD]": the name before its other name
        name = sub.name.split(" [")[0]
        if "[" not in name and "," not in name:
            gaz.regions.add(normalize_name(name))
    for alias, canonical, cls in curated:
        gaz.aliases[normalize_name(alias)] = (canonical, cls)
        gaz.aliases.setdefault(normalize_name(canonical), (canonical, cls))
    gaz.countries |= {c for c in curated_countries if c not in gaz.regions}
    section = gaz.org_suffixes
    for line in (folder / "org_words.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() == "[nouns]":
            section = gaz.org_nouns
        elif line.strip() == "[places]":
            section = gaz.place_suffixes
        elif line.strip() and not line.startswith("#"):
            section.add(line.strip().lower())
    for line in (folder / "first_names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gaz.first_names.add(line.strip())
    for line in (folder / "family_names_first.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gaz.family_first.add(normalize_name(line))
    for line in (folder / "cities.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gaz.cities.add(normalize_name(line))
    for line in (folder / "not_names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gaz.not_names.add(normalize_name(line))
    for line in (folder / "parties.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gaz.parties.add(normalize_name(line))
    for demonym, canonical, cls in _read_table(folder / "demonyms.tsv"):
        gaz.demonyms[normalize_name(demonym)] = (canonical, cls)
    gaz.words = _read_words(folder / "mention_words.toml", MENTION_WORDS)
    gaz.nicknames = _read_nicknames(gaz.words["nicknames"], folder / "mention_words.toml")
    gaz.relation_words = _read_words(folder / "relation_words.toml", RELATION_WORDS)
    return gaz


MENTION_WORDS = (
    "leading_titles",
    "person_nouns",
    "peerages",
    "place_nouns",
    "media_words",
    "ranks",
    "glued_titles",
    "abbreviations",
    "trailing_words",
    "calendar_words",
    "saints",
    "platform_nouns",
    "posting_verbs",
    "company_nouns",
    "company_heads",
    "apposition_org_nouns",
    "law_words",
    "product_verbs",
    "product_adjectives",
    "inverted_org_heads",
    "event_words",
    "apposition_person_nouns",
    "apposition_titles",
    "hyphen_prefixes",
    "place_institution_words",
    "place_prefixes",
    "person_heads",
    "newspaper_heads",
    "generic_heads",
    "legal_suffixes",
    "nicknames",
    "chamber_short_names",
    "capital_titles",
    "work_nouns",
    "kin_nouns",
    "org_titles",
    "org_title_prefixes",
    "sport_titles",
    "team_nouns",
    "team_verbs",
    "stake_nouns",
    "owner_nouns",
    "place_company_nouns",
)
"""The lists ``schemas/mention_words.toml`` must define."""

RELATION_WORDS = (
    "future_aux",
    "removing",
    "leaving",
    "span_words",
    "becoming",
    "whole_org_nouns",
    "field_adjective_endings",
    "whole_org_adjectives",
    "whole_person_titles",
    "party_posts",
    "candidacy",
    "fielding_heads",
    "body_nouns",
    "chambers",
    "place_kinds",
    "stance_titles",
)
"""The lists ``schemas/relation_words.toml`` must define."""

SENTENCE_WORDS = ("initials", "office_words")
"""The lists ``schemas/sentence_words.toml`` must define."""


def load_sentence_words(folder: Path | None = None) -> dict[str, frozenset[str]]:
    """The word lists of the sentence splitter (``schemas/sentence_words.toml`` of
    ``folder``, default ``schemas/``), read once per folder.

    Raises:
        RuleError: A list is missing, unknown or not a list of strings.
    """
    return _sentence_words(folder or schemas_dir())


@cache
def _sentence_words(folder: Path) -> dict[str, frozenset[str]]:
    return _read_words(folder / "sentence_words.toml", SENTENCE_WORDS)


def _read_nicknames(pairs: frozenset[str], path: Path) -> dict[str, str]:
    """The ``"short:full"`` pairs of the ``nicknames`` list of ``path`` as a mapping.

    Raises:
        RuleError: An entry is not ``short:full`` (all of them are listed).
    """
    problems = [
        f"{path}: nicknames entry {pair!r} must be 'short:full' ('dave:david')"
        for pair in sorted(pairs)
        if not all(pair.partition(":")[::2])
    ]
    if problems:
        raise RuleError("Invalid word lists:\n" + "\n".join(problems))
    return dict(pair.split(":", 1) for pair in pairs)


def _read_words(path: Path, names: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The word lists ``names`` of ``path`` (a TOML file of string arrays)."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: not valid TOML: {exc}") from exc
    problems = [f"{path}: missing list {name!r}" for name in names if name not in data]
    for name, value in data.items():
        if name not in names:
            problems.append(f"{path}: unknown list {name!r}; known: {', '.join(names)}")
        elif not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            problems.append(f"{path}: {name!r} must be a list of non-empty strings")
    if problems:
        raise RuleError("Invalid word lists:\n" + "\n".join(problems))
    return {name: frozenset(data[name]) for name in names}

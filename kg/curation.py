"""Corrections a user makes to linking and naming, read from a TOML file.

The default file is ``schemas/curation.toml``; ``kg build --curation FILE`` reads another.
Entities are named by a label (matched as :func:`kg.names.name_key` folds it: no case,
accents or punctuation) or an IRI, optionally with their class::

    [[same_as]]        # always fold "Kennedy" into "Charles Kennedy"
    name = "Kennedy"
    target = "Charles Kennedy"
    class = "Person"   # optional, for every entry

    [[not_same_as]]    # never link these two (either direction)
    name = "Michael"
    target = "Alun Michael"

    [[rename]]         # the canonical label of the consolidated entity
    name = "Lib Dems"
    label = "Liberal Democrats"

    [[retype]]         # the class of the consolidated entity
    name = "Crucible"
    class = "Place"
    to = "Organization"

They are applied at build time (linking and the consolidated graph) and reported in the
build summary.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .names import name_key
from .records import ENTITY_CLASSES
from .resources import schemas_dir

if TYPE_CHECKING:
    from .link import Link
    from .store import KGStore

__all__ = [
    "Curation",
    "CurationEntry",
    "default_curation_path",
    "describe_curation",
    "load_curation",
]

_KINDS = {
    "same_as": ("name", "target"),
    "not_same_as": ("name", "target"),
    "rename": ("name", "label"),
    "retype": ("name", "to"),
}


@dataclass(frozen=True)
class CurationEntry:
    """One correction.

    Attributes:
        kind: ``same_as``, ``not_same_as``, ``rename`` or ``retype``.
        name: The entity it is about (a label or an IRI).
        value: The other entity (``same_as``, ``not_same_as``), the new label (``rename``)
            or the new class (``retype``).
        cls: Only entities of this class (``""``: any).
        where: ``file:entry`` for messages.
    """

    kind: str
    name: str
    value: str
    cls: str = ""
    where: str = ""

    def matches(self, iri: str, label: str, cls: str, *, other: bool = False) -> bool:
        """Whether the entity ``iri`` (with ``label`` and ``cls``) is the one named here
        (``other``: the entry's target)."""
        wanted = self.value if other else self.name
        if self.cls and cls != self.cls:
            return False
        return wanted == iri or name_key(wanted) == name_key(label)


@dataclass(frozen=True)
class Curation:
    """Every correction of a curation file (empty when there is none)."""

    entries: tuple[CurationEntry, ...] = ()
    path: str = ""
    digest: str = field(default="")

    def of(self, kind: str) -> tuple[CurationEntry, ...]:
        """The entries of one kind, in file order."""
        return tuple(e for e in self.entries if e.kind == kind)


def default_curation_path() -> Path:
    """``schemas/curation.toml``."""
    return schemas_dir() / "curation.toml"


def load_curation(path: Path | str | None = None) -> Curation:
    """Read a curation file (default :func:`default_curation_path`; missing default: empty).

    Raises:
        InputError: The file given is missing, is not valid TOML, or has bad entries (every
            problem listed at once).
    """
    given = path is not None
    path = Path(path) if path is not None else default_curation_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        if not given:
            return Curation()
        raise InputError(f"Cannot read the curation file {path}: it does not exist") from exc
    except OSError as exc:
        raise InputError(f"Cannot read the curation file {path}: {exc.strerror}") from exc
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from exc
    problems: list[str] = []
    entries: list[CurationEntry] = []
    for key, value in table.items():
        if key not in _KINDS:
            problems.append(f"{path}: unknown section [[{key}]]; known: {', '.join(_KINDS)}")
            continue
        if not isinstance(value, list):
            problems.append(f"{path}: {key} must be an array of tables ([[{key}]])")
            continue
        first, second = _KINDS[key]
        for number, item in enumerate(value, start=1):
            where = f"{path}: [[{key}]] #{number}"
            if not isinstance(item, dict):
                problems.append(f"{where}: expected a table")
                continue
            unknown = set(item) - {first, second, "class"}
            if unknown:
                problems.append(f"{where}: unknown key {', '.join(sorted(unknown))}")
            a, b, cls = item.get(first), item.get(second), item.get("class", "")
            if not isinstance(a, str) or not a.strip() or not isinstance(b, str) or not b.strip():
                problems.append(f'{where}: give {first} = "…" and {second} = "…"')
                continue
            for c in (cls, b if key == "retype" else ""):
                if c and c not in ENTITY_CLASSES:
                    problems.append(
                        f"{where}: unknown class {c!r}; known: {', '.join(ENTITY_CLASSES)}"
                    )
            entries.append(CurationEntry(key, a.strip(), b.strip(), str(cls), where))
    if problems:
        raise InputError("Invalid curation file: " + "; ".join(problems))
    return Curation(tuple(entries), str(path), hashlib.sha256(data).hexdigest())


def describe_curation(kg: KGStore, curation: Curation, links: Iterable[Link]) -> list[str]:
    """One line per entry of ``curation``: what it did in the store ``kg`` after linking."""
    from .consolidate import read_curated

    curated = read_curated(kg.ox, kg.minter.base)
    lines = []
    by_rule = [k for k in links if k.rule == "curation"]
    for entry in curation.entries:
        what = f"{entry.kind} {entry.name!r}"
        if entry.kind == "same_as":
            n = sum(1 for k in by_rule if name_key(_last(k.source)) == name_key(entry.name))
            lines.append(f"{what} -> {entry.value!r}: {n} link(s)")
        elif entry.kind == "not_same_as":
            lines.append(f"{what} / {entry.value!r}: never linked")
        else:
            index = 0 if entry.kind == "rename" else 1
            n = sum(1 for values in curated.values() if values[index] == entry.value)
            lines.append(f"{what} -> {entry.value!r}: {n} entit{'y' if n == 1 else 'ies'}")
    return lines


def _last(iri: str) -> str:
    from urllib.parse import unquote

    return unquote(iri.rsplit("/", 1)[-1]).replace("_", " ")

"""Gold files: hand-made reference annotations of one article (``ANNOTATION.md``).

:func:`load_gold` reads and validates one file and reports every problem at once::

    {"document": "bbc/politics/013.txt",
     "entities": {"Person": {"required": [...], "forbidden": [...]}, ...},
     "aliases": {"Michael Howard": ["Mr Howard", "Howard"]},
     "relations": {"required": [["Michael Howard", "leader_of", "Conservative Party"]], ...}}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..names import normalize_name
from ..records import ENTITY_CLASSES
from ..vocab import DOMAINS, PREDICATES, RANGES

__all__ = ["ENTITY_TIERS", "RELATION_TIERS", "Gold", "GoldClass", "GoldTriple", "load_gold"]

ENTITY_TIERS = ("required", "allowed", "forbidden")
"""Lists a class of a gold file may hold."""

RELATION_TIERS = ("required", "desirable", "former", "forbidden")
"""Lists of triples a gold file may hold."""

WILDCARD = "*"
"""Object of a forbidden triple that forbids every object."""

_TOP_KEYS = ("document", "headline", "about", "notes", "entities", "aliases", "relations")

GoldTriple = tuple[str, str, str]
"""``(subject, predicate, object)``: canonical labels and a predicate local name."""


@dataclass(frozen=True)
class GoldClass:
    """The entities of one class in a gold file.

    Attributes:
        required: Canonical labels that must be found as a node of this class.
        allowed: Labels not penalised either way as this class.
        forbidden: Strings that must never be the label of a node of this class.
    """

    required: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gold:
    """One validated gold file.

    Attributes:
        path: Where it was read from.
        document: The article id it annotates (``bbc/politics/013.txt``).
        headline: The headline, or ``""``.
        classes: The entity lists, by class (every class of :data:`~kg.records.ENTITY_CLASSES`).
        aliases: Other surface forms, by canonical label.
        required: Triples that must be direct triples of the article graph.
        desirable: Triples that count toward recall.
        former: Former roles, never to be asserted as current.
        forbidden: Triples that must never appear (object ``"*"``: any object).
        notes: The annotator's notes.
    """

    path: str
    document: str
    headline: str = ""
    classes: Mapping[str, GoldClass] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    required: tuple[GoldTriple, ...] = ()
    desirable: tuple[GoldTriple, ...] = ()
    former: tuple[GoldTriple, ...] = ()
    forbidden: tuple[GoldTriple, ...] = ()
    notes: str = ""

    @property
    def entities(self) -> list[str]:
        """Every listed (required or allowed) canonical label, in file order, once."""
        seen: dict[str, None] = {}
        for cls in self.classes.values():
            for name in (*cls.required, *cls.allowed):
                seen.setdefault(name, None)
        return list(seen)

    def classes_of(self, entity: str) -> frozenset[str]:
        """Classes an entity may have: those listing it as required or allowed."""
        return frozenset(
            c
            for c, lists in self.classes.items()
            if entity in lists.required or entity in lists.allowed
        )

    def names_of(self, entity: str) -> frozenset[str]:
        """Comparison keys (:func:`~kg.names.normalize_name`) of an entity's label and aliases."""
        names = {normalize_name(n) for n in (entity, *self.aliases.get(entity, ()))}
        names.discard("")
        return frozenset(names)


def load_gold(path: Path | str) -> Gold:
    """Read and validate a gold file.

    Args:
        path: A JSON file in the format of ``ANNOTATION.md``.

    Raises:
        EvaluationError: The file cannot be read, is not JSON (line and column given), or
            breaks the format; the message lists every problem found.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"Cannot read gold file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"Cannot read gold file {path}: not UTF-8 ({exc.reason})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    problems: list[str] = []
    gold = _parse(data, str(path), problems)
    if problems or gold is None:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise EvaluationError(f"Invalid gold file {path} ({len(problems)} problem(s)):\n{listed}")
    return gold


def _strings(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list):
        problems.append(f"{where}: expected a list of strings, got {type(value).__name__}")
        return ()
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{where}[{i}]: expected a non-empty string, got {item!r}")
        else:
            out.append(item)
    return tuple(out)


def _parse(data: Any, path: str, problems: list[str]) -> Gold | None:
    if not isinstance(data, dict):
        problems.append(f"the top level must be a JSON object, got {type(data).__name__}")
        return None
    for key in data:
        if key not in _TOP_KEYS:
            problems.append(f"unknown key {key!r}; known: {', '.join(_TOP_KEYS)}")
    document = data.get("document")
    if not isinstance(document, str) or not document.strip():
        problems.append(
            f"'document' must be the article id (e.g. 'bbc/politics/013.txt'), got {document!r}"
        )
        document = ""
    for key in ("headline", "about", "notes"):
        if not isinstance(data.get(key, ""), str):
            problems.append(f"{key!r} must be a string")
    classes = _parse_classes(data.get("entities"), problems)
    listed = {n for c in classes.values() for n in (*c.required, *c.allowed)}
    aliases = _parse_aliases(data.get("aliases", {}), listed, problems)
    relations = data.get("relations", {})
    tiers: dict[str, tuple[GoldTriple, ...]] = {t: () for t in RELATION_TIERS}
    if not isinstance(relations, dict):
        problems.append("'relations' must be an object with lists " + ", ".join(RELATION_TIERS))
    else:
        for tier, value in relations.items():
            if tier not in RELATION_TIERS:
                problems.append(
                    f"relations: unknown list {tier!r}; known: {', '.join(RELATION_TIERS)}"
                )
                continue
            tiers[tier] = _parse_triples(value, tier, classes, problems)
    notes = data.get("notes", "")
    return Gold(
        path=path,
        document=document.strip(),
        headline=data.get("headline", "") if isinstance(data.get("headline", ""), str) else "",
        classes=classes,
        aliases=aliases,
        required=tiers["required"],
        desirable=tiers["desirable"],
        former=tiers["former"],
        forbidden=tiers["forbidden"],
        notes=notes if isinstance(notes, str) else "",
    )


def _parse_classes(value: Any, problems: list[str]) -> dict[str, GoldClass]:
    classes = {c: GoldClass() for c in ENTITY_CLASSES}
    if not isinstance(value, dict):
        problems.append("'entities' must be an object keyed by class: " + ", ".join(ENTITY_CLASSES))
        return classes
    for cls, lists in value.items():
        if cls not in ENTITY_CLASSES:
            problems.append(f"entities: unknown class {cls!r}; known: {', '.join(ENTITY_CLASSES)}")
            continue
        if not isinstance(lists, dict):
            problems.append(
                f"entities.{cls}: expected an object with lists {', '.join(ENTITY_TIERS)}"
            )
            continue
        for tier in lists:
            if tier not in ENTITY_TIERS:
                problems.append(
                    f"entities.{cls}: unknown list {tier!r}; known: {', '.join(ENTITY_TIERS)}"
                )
        parsed = {
            t: _strings(lists.get(t, []), f"entities.{cls}.{t}", problems) for t in ENTITY_TIERS
        }
        classes[cls] = GoldClass(**parsed)
    return classes


def _parse_aliases(value: Any, listed: set[str], problems: list[str]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        problems.append("'aliases' must be an object: canonical label -> list of surface forms")
        return {}
    aliases: dict[str, tuple[str, ...]] = {}
    for name, forms in value.items():
        if name not in listed:
            problems.append(f"aliases: {name!r} is not a required or allowed entity of any class")
        aliases[name] = _strings(forms, f"aliases[{name!r}]", problems)
    owner: dict[str, str] = {}
    for name in sorted(listed):
        for form in (name, *aliases.get(name, ())):
            key = normalize_name(form)
            other = owner.setdefault(key, name)
            if other != name:
                problems.append(
                    f"aliases: {form!r} of {name!r} also names {other!r}; a surface form "
                    "can name one entity only"
                )
    return aliases


def _range(predicate: str) -> set[str]:
    return set(RANGES[predicate])


def _parse_triples(
    value: Any, tier: str, classes: Mapping[str, GoldClass], problems: list[str]
) -> tuple[GoldTriple, ...]:
    where = f"relations.{tier}"
    if not isinstance(value, list):
        problems.append(f"{where}: expected a list of [subject, predicate, object] triples")
        return ()

    def classes_of(name: str) -> set[str]:
        return {c for c, g in classes.items() if name in g.required or name in g.allowed}

    triples: list[GoldTriple] = []
    for i, item in enumerate(value):
        here = f"{where}[{i}]"
        if not (
            isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)
        ):
            problems.append(
                f"{here}: expected [subject, predicate, object] as 3 strings, got {item!r}"
            )
            continue
        s, p, o = item
        ok = True
        if p not in PREDICATES:
            problems.append(f"{here}: unknown predicate {p!r}; known: {', '.join(PREDICATES)}")
            ok = False
        s_classes = classes_of(s)
        if not s_classes:
            problems.append(
                f"{here}: subject {s!r} is not a required or allowed entity of any class"
            )
            ok = False
        if o == WILDCARD and tier != "forbidden":
            problems.append(
                f"{here}: the wildcard object '*' is only allowed in relations.forbidden"
            )
            ok = False
        o_classes = {"*"} if o == WILDCARD else classes_of(o)
        if not o_classes:
            problems.append(
                f"{here}: object {o!r} is not a required or allowed entity of any class"
            )
            ok = False
        if ok and tier == "forbidden":
            pass  # a forbidden triple is wrong by design: any classes go
        elif ok and not s_classes & set(DOMAINS[p]):
            problems.append(
                f"{here}: {p} needs a subject of class {' or '.join(DOMAINS[p])}; "
                f"{s!r} is listed as {', '.join(sorted(s_classes))}"
            )
            ok = False
        elif ok and not o_classes & _range(p):
            problems.append(
                f"{here}: {p} needs an object of class {' or '.join(sorted(_range(p)))}; "
                f"{o!r} is listed as {', '.join(sorted(o_classes))}"
            )
            ok = False
        if ok:
            triples.append((s, p, o))
    return tuple(dict.fromkeys(triples))

"""Agreement between two gold folders that annotate the same articles (two annotators).

Usage::

    .venv/bin/python bench/agreement.py bench/gold-dev2 bench/gold-iaa
    .venv/bin/python bench/agreement.py REFERENCE OTHER --detail --json out.json

Files are paired by file name (``README.md`` and files in only one folder are listed and
skipped). The first folder is the *reference*, the second the *prediction*: "recall" is the
share of the reference's items the other annotator also listed, "precision" the share of the
other's items the reference also listed. For each comparison the report gives the counts
(reference, other, both), F1 and the plain share of agreement, both / (items either listed):
no chance correction (there is no fixed item set to correct against).

Entities are aligned one to one across the two files of an article by their names: the
canonical label and every alias, of *both* files, compared with :func:`kg.names.normalize_name`
(case, accents, punctuation, a leading "the" and a courtesy title ignored), as the evaluator
resolves a gold entity. A pair whose canonical labels agree wins over one that shares only an
alias. Compared:

- entities: the required entities of each class (an entity counts only under the same class);
- relations: the ``required`` tier, and ``required`` + ``desirable`` together, with the exact
  predicate and with any affiliation predicate (:func:`kg.evaluate.scoring.predicates_agree`,
  lenient mode; ``met_with`` either way round). Triples are matched one to one, exact
  predicates first;
- where each annotator put the other's triples (required, desirable, former, forbidden or
  nowhere), which shows how the tiers differ;
- the ceiling of an extractor scored against one annotator: a perfect copy of the other
  annotator (asserting exactly its required + desirable triples) gets this required recall
  and precision (the precision of ``kg evaluate``: correct = matches a required or desirable
  reference triple).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.evaluate.gold import Gold, GoldTriple, load_gold
from kg.evaluate.scoring import predicates_agree
from kg.names import normalize_name
from kg.records import ENTITY_CLASSES
from kg.vocab import SYMMETRIC

MODES = (("exact", "strict"), ("any affiliation", "lenient"))
"""Report name and :func:`predicates_agree` mode of each way of comparing predicates."""
TIERS = ("required", "desirable", "former", "forbidden")
CORPORA = ("reuters", "bbc", "all")


@dataclass(frozen=True)
class Tally:
    """Counts of one comparison: items of the reference, of the other, and matched pairs."""

    reference: int = 0
    other: int = 0
    both: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.reference + other.reference, self.other + other.other, self.both + other.both
        )

    def figures(self) -> dict[str, float | None]:
        """Recall (share of the reference found), precision, F1 and plain agreement."""
        either = self.reference + self.other - self.both
        return {
            "recall": self.both / self.reference if self.reference else None,
            "precision": self.both / self.other if self.other else None,
            "f1": 2 * self.both / (self.reference + self.other) if either else None,
            "agreement": self.both / either if either else None,
        }


def align_entities(ref: Gold, other: Gold) -> dict[str, str]:
    """Pair the entities of two gold files of one article, one to one, by shared names.

    Every listed entity (required or allowed, any class) takes part, so that a triple whose
    subject one annotator listed as allowed can still be matched. A pair scores 3 when the
    canonical labels agree, 2 when one file's label is a name (label or alias) of the
    other's entity, 1 when they share only an alias; higher scores are paired first, then
    pairs sharing a class.
    """
    names_ref = {e: ref.names_of(e) for e in ref.entities}
    names_other = {e: other.names_of(e) for e in other.entities}
    candidates = []
    for a, na in names_ref.items():
        for b, nb in names_other.items():
            if not na & nb:
                continue
            ka, kb = normalize_name(a), normalize_name(b)
            score = 3 if ka == kb else 2 if ka in nb or kb in na else 1
            same_class = bool(ref.classes_of(a) & other.classes_of(b))
            candidates.append((-score, not same_class, a, b))
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for _, _, a, b in sorted(candidates):
        if a not in mapping and b not in taken:
            mapping[a] = b
            taken.add(b)
    return mapping


def compare_entities(ref: Gold, other: Gold, mapping: dict[str, str]) -> dict[str, Tally]:
    """Required entities of each class: both files require it under that class."""
    out = {}
    for cls in ENTITY_CLASSES:
        wanted_other = set(other.classes[cls].required)
        required = ref.classes[cls].required
        both = sum(1 for e in required if mapping.get(e) in wanted_other)
        out[cls] = Tally(len(required), len(wanted_other), both)
    return out


def match_triples(
    ref: Sequence[GoldTriple], other: Sequence[GoldTriple], mapping: dict[str, str], mode: str
) -> list[tuple[GoldTriple, GoldTriple]]:
    """Pairs of matching triples, one to one: exact predicates first, then (lenient) any
    affiliation. Subjects and objects must be aligned entities (``met_with`` either way)."""
    pairs: list[tuple[GoldTriple, GoldTriple]] = []
    free = list(other)
    passes = ("strict",) if mode == "strict" else ("strict", "lenient")
    unmatched = list(ref)
    for how in passes:
        left = []
        for s, p, o in unmatched:
            hit = next(
                (
                    t
                    for t in free
                    if predicates_agree(t[1], p, how) and _same_ends((s, p, o), t, mapping)
                ),
                None,
            )
            if hit is None:
                left.append((s, p, o))
            else:
                free.remove(hit)
                pairs.append(((s, p, o), hit))
        unmatched = left
    return pairs


def _same_ends(ref: GoldTriple, other: GoldTriple, mapping: dict[str, str]) -> bool:
    s, o = mapping.get(ref[0]), mapping.get(ref[2])
    if s is None or o is None:
        return False
    if (s, o) == (other[0], other[2]):
        return True
    return ref[1] in SYMMETRIC and other[1] in SYMMETRIC and (o, s) == (other[0], other[2])


def _tier(gold: Gold, tier: str) -> tuple[GoldTriple, ...]:
    return tuple(getattr(gold, tier))


def _kept(gold: Gold) -> tuple[GoldTriple, ...]:
    return (*gold.required, *gold.desirable)


def compare_articles(ref: Gold, other: Gold) -> dict[str, Any]:
    """Every comparison of one article: tallies, tier cross-tables and the differences."""
    mapping = align_entities(ref, other)
    back = {b: a for a, b in mapping.items()}
    result: dict[str, Any] = {"entities": compare_entities(ref, other, mapping)}
    for name, mode in MODES:
        req = match_triples(ref.required, other.required, mapping, mode)
        kept = match_triples(_kept(ref), _kept(other), mapping, mode)
        # The ceiling: the other annotator's required + desirable triples as an extraction.
        ceiling_recall = match_triples(ref.required, _kept(other), mapping, mode)
        result[name] = {
            "required": Tally(len(ref.required), len(other.required), len(req)),
            "required+desirable": Tally(len(_kept(ref)), len(_kept(other)), len(kept)),
            "ceiling ref": Tally(len(ref.required), len(_kept(other)), len(ceiling_recall)),
            "ceiling precision": Tally(len(_kept(ref)), len(_kept(other)), len(kept)),
            "ceiling other": Tally(
                len(other.required),
                len(_kept(ref)),
                len(match_triples(other.required, _kept(ref), back, mode)),
            ),
        }
    result["tiers"] = _cross_tiers(ref, other, mapping)
    result["tiers reversed"] = _cross_tiers(other, ref, back)
    result["entity differences"] = _entity_differences(ref, other, mapping)
    return result


def _cross_tiers(ref: Gold, other: Gold, mapping: dict[str, str]) -> dict[str, Any]:
    """Where ``other`` put each required and desirable triple of ``ref`` (the same predicate
    in any tier, else any affiliation)."""
    table: Counter[tuple[str, str]] = Counter()
    moved: list[str] = []
    for tier in ("required", "desirable"):
        for triple in _tier(ref, tier):
            # The same predicate in any tier before another affiliation in any tier.
            where = next(
                (
                    t if mode == "strict" else f"{t} (other predicate)"
                    for mode in ("strict", "lenient")
                    for t in TIERS
                    if match_triples([triple], _tier(other, t), mapping, mode)
                ),
                "none",
            )
            if where == "none" and not all(e in mapping for e in (triple[0], triple[2])):
                where = "none (entity unlisted)"
            table[tier, where] += 1
            if where != tier:
                moved.append(f"{tier} -> {where}: {' '.join(triple)}")
    return {"table": table, "moved": moved}


def _entity_differences(ref: Gold, other: Gold, mapping: dict[str, str]) -> list[str]:
    out = []
    for cls in ENTITY_CLASSES:
        req_other = set(other.classes[cls].required)
        for e in ref.classes[cls].required:
            if mapping.get(e) not in req_other:
                b = mapping.get(e)
                where = f"other has {b!r} as {'/'.join(sorted(other.classes_of(b)))}" if b else ""
                out.append(f"{cls} only in reference: {e} {where}".rstrip())
        mapped = {mapping[e] for e in ref.classes[cls].required if e in mapping}
        out.extend(
            f"{cls} only in other: {b}" for b in other.classes[cls].required if b not in mapped
        )
    return out


def corpus_of(gold: Gold) -> str:
    """``reuters`` or ``bbc``, from the document id."""
    return "reuters" if gold.document.startswith("reuters/") else "bbc"


def pair_folders(ref_dir: Path, other_dir: Path) -> tuple[list[tuple[Gold, Gold]], list[str]]:
    """Load the gold files both folders hold (by file name); the names held by one only."""
    ref_names = {p.name for p in ref_dir.glob("*.json")}
    other_names = {p.name for p in other_dir.glob("*.json")}
    pairs = []
    for name in sorted(ref_names & other_names):
        ref, other = load_gold(ref_dir / name), load_gold(other_dir / name)
        if ref.document != other.document:
            raise KGError(
                f"{name}: the two files annotate different documents "
                f"({ref.document!r} in {ref_dir}, {other.document!r} in {other_dir})"
            )
        pairs.append((ref, other))
    return pairs, sorted(ref_names ^ other_names)


def summarise(results: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Sum the tallies of article results per corpus and over all (micro averages)."""
    out: dict[str, dict[str, Any]] = {}
    for corpus, result in results:
        for key in (corpus, "all"):
            acc = out.setdefault(key, {"articles": 0})
            acc["articles"] += 1
            for cls, tally in result["entities"].items():
                acc[cls] = acc.get(cls, Tally()) + tally
            for name, _ in MODES:
                for what, tally in result[name].items():
                    acc[name, what] = acc.get((name, what), Tally()) + tally
            for which in ("tiers", "tiers reversed"):
                acc.setdefault(which, Counter()).update(result[which]["table"])
    return out


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _row(label: str, tally: Tally) -> str:
    f = tally.figures()
    return (
        f"  {label:<40} {tally.reference:>4} {tally.other:>5} {tally.both:>5}"
        f"   {_pct(f['f1'])}  {_pct(f['agreement'])}  {_pct(f['recall'])}  {_pct(f['precision'])}"
    )


def render(summary: dict[str, dict[str, Any]], ref_name: str, other_name: str) -> str:
    """The report: one block per corpus."""
    lines = [f"reference = {ref_name}, other = {other_name}"]
    header = (
        f"  {'':<40} {'ref':>4} {'other':>5} {'both':>5}     F1  agree  ref-in-other  other-in-ref"
    )
    for corpus in CORPORA:
        acc = summary.get(corpus)
        if acc is None:
            continue
        lines += ["", f"== {corpus} ({acc['articles']} articles) ==", header]
        lines += [_row(f"entities {cls} (required)", acc[cls]) for cls in ENTITY_CLASSES]
        for name, _ in MODES:
            lines.append(_row(f"relations required, {name}", acc[name, "required"]))
            lines.append(_row(f"relations req+desirable, {name}", acc[name, "required+desirable"]))
        lines.append("  ceiling (a perfect copy of one annotator scored against the other):")
        for name, _ in MODES:
            for who, rec, prec in (
                ("other", "ceiling ref", "ceiling precision"),
                ("reference", "ceiling other", "ceiling precision"),
            ):
                r = acc[name, rec].figures()["recall"]
                p = acc[name, prec].figures()["recall" if who == "reference" else "precision"]
                target = "reference" if who == "other" else "other"
                lines.append(
                    f"    copy of {who:<9} vs {target:<9} ({name}): required recall {_pct(r)}, "
                    f"precision {_pct(p)}"
                )
        for which, label in (("tiers", "reference"), ("tiers reversed", "other")):
            table = acc[which]
            lines.append(
                f"  where the {'other' if label == 'reference' else 'reference'} put "
                f"the {label}'s triples (same predicate, else another affiliation):"
            )
            for tier in ("required", "desirable"):
                cells = ", ".join(
                    f"{where} {n}" for (t, where), n in sorted(table.items()) if t == tier
                )
                lines.append(f"    {tier:<10} -> {cells}")
    return "\n".join(lines)


def render_detail(results: Sequence[tuple[Gold, dict[str, Any]]]) -> str:
    """Per article: entities and triples the two files do not share."""
    lines = []
    for gold, result in results:
        lines += ["", f"-- {Path(gold.path).name} ({gold.document})"]
        lines += [f"  {d}" for d in result["entity differences"]]
        lines += [f"  reference {m}" for m in result["tiers"]["moved"]]
        lines += [f"  other {m}" for m in result["tiers reversed"]["moved"]]
    return "\n".join(lines)


def to_json(summary: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The summary with tallies as dicts (counts and figures), for ``--json``."""
    out: dict[str, Any] = {}
    for corpus, acc in summary.items():
        block: dict[str, Any] = {}
        for key, value in acc.items():
            name = " / ".join(key) if isinstance(key, tuple) else key
            if isinstance(value, Tally):
                block[name] = {**value.__dict__, **value.figures()}
            elif isinstance(value, Counter):
                block[name] = {" -> ".join(k): n for k, n in sorted(value.items())}
            else:
                block[name] = value
        out[corpus] = block
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", type=Path, help="gold folder taken as the reference")
    parser.add_argument("other", type=Path, help="gold folder compared with it")
    parser.add_argument("--detail", action="store_true", help="list the differences per article")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = parser.parse_args(argv)
    for folder in (args.reference, args.other):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder of gold files")
    try:
        pairs, unpaired = pair_folders(args.reference, args.other)
    except KGError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    if not pairs:
        print(f"Error: {args.reference} and {args.other} share no gold file name", file=sys.stderr)
        return 1
    results = [(ref, compare_articles(ref, other)) for ref, other in pairs]
    summary = summarise((corpus_of(ref), result) for ref, result in results)
    print(render(summary, str(args.reference), str(args.other)))
    if unpaired:
        print(f"\nin one folder only (skipped): {', '.join(unpaired)}")
    if args.detail:
        print(render_detail(results))
    if args.json:
        args.json.write_text(json.dumps(to_json(summary), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

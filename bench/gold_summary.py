"""Summarise ``kg evaluate --json`` reports per corpus (BBC, Reuters, all).

Usage::

    .venv/bin/python bench/score_gold.py bench/gold-test --json after.json
    .venv/bin/python bench/gold_summary.py before.json after.json

Prints, for each report and corpus: required recall with the exact predicate (strict) and
with any affiliation predicate (the evaluator's lenient mode), recall of the desirable tier
alone, precision over every direct triple the graph asserts (strict and lenient), splits and
nodes of a wrong class: the figures issue 11 sets its targets in.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "- (0/0)"


def summarise(articles: list[dict[str, Any]]) -> dict[str, str]:
    """The issue-11 figures of some article reports of ``kg evaluate --json``."""
    out: dict[str, str] = {"articles": str(len(articles))}
    for mode, name in (("strict", "exact"), ("lenient", "any affiliation")):
        scores = [a["summary"][mode] for a in articles]
        required = sum(s["required"]["gold"] for s in scores)
        found = sum(s["required"]["found"] for s in scores)
        every = sum(s["all"]["gold"] for s in scores)
        found_every = sum(s["all"]["found"] for s in scores)
        asserted = sum(s["required"]["predicted"] for s in scores)
        correct = sum(s["required"]["correct"] for s in scores)
        out[f"required, {name}"] = _ratio(found, required)
        out[f"desirable, {name}"] = _ratio(found_every - found, every - required)
        out[f"precision, {name}"] = _ratio(correct, asserted)
    out["splits"] = str(sum(a["summary"]["splits"] for a in articles))
    out["wrong class"] = str(sum(a["summary"]["wrong_class"] for a in articles))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path, help="kg evaluate --json outputs")
    args = parser.parse_args()
    for path in args.reports:
        articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
        print(f"## {path}")
        for corpus in ("bbc", "reuters", ""):
            chosen = [a for a in articles if a["document"].startswith(corpus)]
            if not chosen:
                continue
            figures = summarise(chosen)
            print(f"{corpus or 'all'}: " + "; ".join(f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()

"""Build the articles a gold folder annotates, then score the graph against it.

Usage::

    .venv/bin/python bench/score_gold.py bench/gold-test [--store DIR] [--json OUT.json]

Each gold file's ``document`` names its article: ``bbc/<category>/<NNN>.txt`` (a file of
``--corpus``, default ``../shared/corpus``) or ``reuters/reuters-2017.jsonl#<id>`` (one line of that JSONL file).
The script copies those articles into a scratch folder under their corpus ids, builds them
into a fresh store with the installed ``kg``, and runs ``kg evaluate`` on it, so that dev
(``bench/gold``) and held-out (``bench/gold-test``) scores come from the same command.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KG = Path(sys.executable).with_name("kg")


def stage_articles(gold_dir: Path, out: Path, corpus: Path) -> list[Path]:
    """Copy the annotated articles under ``out``; return the inputs to build."""
    wanted: dict[Path, set[str]] = {}
    inputs: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)  # a folder of Reuters-only gold copies no BBC file
    for gold in sorted(gold_dir.glob("*.json")):
        document = json.loads(gold.read_text(encoding="utf-8"))["document"]
        source, _, article_id = document.partition("#")
        if article_id:
            wanted.setdefault(corpus / source, set()).add(article_id)
            continue
        target = out / document
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus / document, target)
    if any(out.iterdir()):
        inputs.append(out / "bbc")
    for source, ids in wanted.items():
        lines = [
            line
            for line in source.read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line)["id"] in ids
        ]
        if len(lines) != len(ids):
            sys.exit(f"{source}: found {len(lines)} of the {len(ids)} annotated ids")
        jsonl = out / source.name
        jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
        inputs.append(jsonl)
    return [p for p in inputs if p.exists()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="a folder of gold .json files")
    parser.add_argument(
        "--corpus", type=Path, default=Path("../shared/corpus"), help="default: ../shared/corpus"
    )
    parser.add_argument("--store", type=Path, help="store folder (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write kg evaluate --json to this file")
    parser.add_argument("--show-errors", default="0")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-gold-") as tmp:
        scratch = Path(tmp)
        inputs = stage_articles(args.gold, scratch / "articles", args.corpus)
        store = args.store or scratch / "store.oxigraph"
        subprocess.run([KG, "build", *map(str, inputs), "--store", str(store)], check=True)
        evaluate = [KG, "evaluate", str(args.gold), "--store", str(store)]
        subprocess.run([*evaluate, "--show-errors", args.show_errors], check=True)
        if args.json:
            result = subprocess.run([*evaluate, "--json"], check=True, capture_output=True)
            args.json.write_bytes(result.stdout)


if __name__ == "__main__":
    main()

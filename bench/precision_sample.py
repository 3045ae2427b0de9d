"""Draw a fresh sample of dev articles, build it, and list every direct triple with its sentence.

Usage::

    .venv/bin/python bench/precision_sample.py stage --reuters-seed 21 --bbc-seed 22 -n 30 OUT
    .venv/bin/kg build OUT/articles --store OUT/store.oxigraph
    .venv/bin/python bench/precision_sample.py dump OUT/store.oxigraph > OUT/triples.tsv

``stage`` draws ``-n`` Reuters articles of lines 1-738 (never the held-out lines 739-938, never
an article of ``bench/gold-dev``, ``bench/gold-dev2`` or ``bench/gold-dev3``, never the lines 540-599
reserved for ``bench/gold-dev4``) with ``random.Random(reuters_seed)`` and ``-n`` BBC articles
whose number ends in neither 5 nor 3 (never held-out, never the gold-dev4 reserve, never one of
the gold folders) with
``random.Random(bbc_seed)``; ``--skip FILE`` leaves out the articles a list already names (a
tuning sample, when drawing a check sample). It writes them under ``OUT/articles`` and their ids
to ``OUT/articles.txt``.

``dump`` prints one line per direct relation triple of every article graph (the triples
precision is judged on): article, subject, predicate, object, rule, confidence-free status,
and the sentence of its first current evidence, cut to 300 characters. Judge each line by
hand against ``../shared/ANNOTATION.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REUTERS_DEV_LINES = 738  # lines 739-938 are held out (/work/HELDOUT.md)
REUTERS_RESERVED = range(540, 600)  # lines 540-599: the blind gold-dev4 (/work/HELDOUT.md)
BBC_FENCED = ("5", "3")  # BBC files held out (*5) or reserved for gold-dev4 (*3)


def _gold_documents(folder: Path) -> set[str]:
    return {
        json.loads(p.read_text(encoding="utf-8"))["document"].rpartition("#")[2]
        for p in folder.glob("*.json")
    }


def stage(args: argparse.Namespace) -> None:
    corpus: Path = args.corpus
    skip: set[str] = set()
    for file in args.skip:
        skip.update(line.strip() for line in file.read_text(encoding="utf-8").splitlines())
    lines = (corpus / "reuters" / "reuters-2017.jsonl").read_text(encoding="utf-8").splitlines()
    dev = [
        json.loads(line)
        for number, line in enumerate(lines[:REUTERS_DEV_LINES], 1)
        if line.strip() and number not in REUTERS_RESERVED
    ]
    dev_gold = set().union(
        *(_gold_documents(HERE / name) for name in ("gold-dev", "gold-dev2", "gold-dev3"))
    )
    taken = dev_gold | skip
    reuters = [a for a in dev if a["id"] not in taken]
    picked_r = random.Random(args.reuters_seed).sample(reuters, args.n)
    bbc_gold = _gold_documents(HERE / "gold")
    bbc = sorted(
        f"bbc/{p.parent.name}/{p.name}"
        for p in (corpus / "bbc").glob("*/*.txt")
        if not p.stem.endswith(BBC_FENCED)
    )
    bbc = [d for d in bbc if d not in bbc_gold and d not in dev_gold and d not in skip]
    picked_b = random.Random(args.bbc_seed).sample(bbc, args.n)
    out: Path = args.out / "articles"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "reuters.jsonl").open("w", encoding="utf-8") as f:
        for a in picked_r:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    for doc in picked_b:
        target = out / doc
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((corpus / doc).read_bytes())
    ids = [a["id"] for a in picked_r] + picked_b
    (args.out / "articles.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    print(f"{len(picked_r)} Reuters + {len(picked_b)} BBC articles under {out}")


def dump(args: argparse.Namespace) -> None:
    import pyoxigraph as ox

    from kg.rdf.read import article_ids, read_article

    store = ox.Store.read_only(str(args.store))
    graphs = article_ids(store)
    names: dict[str, str] = {}
    for article_id, graph in sorted(graphs.items()):
        # A .txt article is known by its text hash and by its file: show the file.
        if graph not in names or names[graph].startswith("sha256:"):
            names[graph] = article_id
    print("article\tsubject\tpredicate\tobject\trule\tsentence")
    for graph, article_id in sorted(names.items(), key=lambda kv: kv[1]):
        data = read_article(store, article_id, graph)
        short = article_id.rsplit("bbc/", 1)[-1] if "bbc/" in article_id else article_id
        for triple in data.direct:
            st = data.evidence(triple)
            sentence = " ".join((st.sentence if st else "").split())[:300]
            s, p, o = triple
            rule = st.rule if st else ""
            print(f"{short}\t{data.label(s)}\t{p}\t{data.label(o)}\t{rule}\t{sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    st = sub.add_parser("stage", help="draw and copy the articles")
    st.add_argument("out", type=Path)
    st.add_argument("--reuters-seed", type=int, required=True)
    st.add_argument("--bbc-seed", type=int, required=True)
    st.add_argument("-n", type=int, default=30)
    st.add_argument("--skip", type=Path, action="append", default=[])
    st.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    du = sub.add_parser("dump", help="list the direct triples of a store")
    du.add_argument("store", type=Path)
    args = parser.parse_args()
    if args.command == "stage":
        stage(args)
    else:
        dump(args)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

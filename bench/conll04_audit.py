"""Group the false negatives of a CoNLL04 run by relation type and cause (a rough, keyword
classification for the audit in results/conll04-audit-2026-12-03.md).

Usage::

    .venv/bin/kg evaluate --conll04 ../shared/eval/conll04/conll04_train.json -e 2000 --json > run.json
    .venv/bin/python bench/conll04_audit.py run.json ../shared/eval/conll04/conll04_train.json [--examples]

Each gold relation (Kill aside) that the run missed gets the first cause that fits: the
scorer's own reason when it is not "both entities found" (boundaries, another type, an entity
missing or of another class), else a dateline or agency credit, a birth, arguments more than
8 tokens apart, a title or post next to them, "X of Y", "X in/at Y", a comma, or other.
"""

from __future__ import annotations

import argparse
import collections
import json
import re

DATELINE = re.compile(
    r"\( (AP|XINHUA|YONHAP|TANJUG|ANSA|KYODO|CTK|ACAN-EFE|ANP|Reuters) \)|\) \( Text \)", re.I
)
TITLES = frozenset(
    [
        "president",
        "minister",
        "premier",
        "prime",
        "governor",
        "gov.",
        "sen.",
        "senator",
        "rep.",
        "mayor",
        "judge",
        "ambassador",
        "spokesman",
        "chairman",
        "chief",
        "director",
        "head",
        "leader",
        "secretary",
        "commissioner",
        "deputy",
        "official",
        "correspondent",
        "editor",
        "reporter",
        "manager",
        "owner",
        "negotiator",
        "representative",
        "capt.",
        "lt.",
        "col.",
        "gen.",
        "professor",
        "economist",
        "analyst",
    ]
)
TYPES = ("Work_For", "Live_In", "OrgBased_In", "Located_In")


def cause(
    note: str, tokens: list[str], typ: str, head: tuple[int, int], tail: tuple[int, int]
) -> str:
    a, b = sorted([head, tail])
    mid = [w.lower() for w in tokens[a[1] : b[0]]]
    near = [w.lower() for w in tokens[max(0, a[0] - 3) : b[1] + 1]]
    if note.startswith("boundaries"):
        return "A boundaries differ (gold span has a title or extra words)"
    if note.startswith("predicted as"):
        return "B predicted with another CoNLL type"
    if not note.startswith("both"):
        if "typed" in note:
            return "D an argument typed with another class"
        return "C an argument is no entity"
    if (
        DATELINE.search(" ".join(tokens))
        and len(mid) <= 8
        and (typ == "OrgBased_In" or {"ap", "xinhua", "yonhap", "tanjug"} & set(near))
    ):
        return "E dateline or agency credit"
    if typ == "Live_In" and "born" in (w.lower() for w in tokens):
        return "F a birth"
    if len(mid) > 8:
        return "H arguments far apart (> 8 tokens)"
    if TITLES & set(near):
        return "G a title or post"
    if mid[-1:] == ["of"]:
        return 'I "X of Y"'
    if "in" in mid or "at" in mid:
        return 'J "X in/at Y"'
    if "," in mid and len(mid) <= 3:
        return "K apposition or comma chain"
    return "L other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="kg evaluate --conll04 ... --json output (with -e large)")
    parser.add_argument("gold", help="the CoNLL04 JSON file the run scored")
    parser.add_argument("--examples", action="store_true", help="list 6 examples per cell")
    args = parser.parse_args()
    with open(args.run, encoding="utf-8") as f:
        run = json.load(f)
    with open(args.gold, encoding="utf-8") as f:
        data = json.load(f)
    missed = {
        (e["sentence"], e["type"], e["head"], e["tail"]): e["note"] for e in run["false_negatives"]
    }
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    gold: collections.Counter[str] = collections.Counter()
    examples = collections.defaultdict(list)
    for i, sentence in enumerate(data):
        tokens, ents = sentence["tokens"], sentence["entities"]
        for rel in sentence["relations"]:
            if rel["type"] == "Kill":
                continue
            gold[rel["type"]] += 1
            h, t = ents[rel["head"]], ents[rel["tail"]]
            key = (
                i,
                rel["type"],
                " ".join(tokens[h["start"] : h["end"]]),
                " ".join(tokens[t["start"] : t["end"]]),
            )
            if key in missed:
                c = cause(
                    missed[key], tokens, rel["type"], (h["start"], h["end"]), (t["start"], t["end"])
                )
                counts[(rel["type"], c)] += 1
                examples[(rel["type"], c)].append(f"{i}: {key[2]} -> {key[3]}")
    causes = sorted({c for _, c in counts})
    print("| cause of the miss | " + " | ".join(TYPES) + " | all |")
    print("|---|" + "---|" * (len(TYPES) + 1))
    for c in causes:
        row = [counts[(t, c)] for t in TYPES]
        print(f"| {c} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    total = [sum(counts[(t, c)] for c in causes) for t in TYPES]
    print("| **missed** | " + " | ".join(map(str, total)) + f" | {sum(total)} |")
    print(
        "| gold relation mentions | "
        + " | ".join(str(gold[t]) for t in TYPES)
        + f" | {sum(gold.values())} |"
    )
    if args.examples:
        for key in sorted(examples):
            print(key, examples[key][:6])


if __name__ == "__main__":
    main()

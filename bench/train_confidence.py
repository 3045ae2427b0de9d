"""Train and cross-validate kg's triple-confidence model on the open dev gold folders.

Usage::

    .venv/bin/python bench/train_confidence.py collect bench/gold bench/gold-dev bench/gold-dev2 \\
        --out /tmp/confidence-data.jsonl
    .venv/bin/python bench/train_confidence.py cv /tmp/confidence-data.jsonl
    .venv/bin/python bench/train_confidence.py fit /tmp/confidence-data.jsonl --out schemas/confidence.toml

``collect`` builds the articles each gold folder annotates (as ``bench/score_gold.py`` stages
them) into a scratch store, with the extraction component recording each triple's features
(:mod:`kg.extract.confidence`), and writes one JSON line per direct triple of each article:
its features (one dict per current evidence), whether it matches a required or desirable
gold triple (strict, :func:`kg.evaluate.scoring.triple_hits`: the precision label) and which
required gold triples it matches (for required recall).

``cv`` runs leave-one-article-out cross-validation of an L2 logistic regression (numpy
only) and of a per-rule precision table, and prints precision and required recall of the
direct triples kept at several thresholds, against no filter. ``fit`` trains on every
article and writes the weights as readable TOML.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from score_gold import stage_articles  # bench/ is the script's folder

from kg.build import build
from kg.evaluate import load_gold
from kg.evaluate.conll04 import read_conll04
from kg.evaluate.conll04_scoring import conll_type, predictions_from_graph, score_conll04
from kg.evaluate.graphdata import find_article
from kg.evaluate.scoring import triple_hits
from kg.extract.pipeline import FEATURES_KEY, Extractor, graph_from_doc
from kg.io import ReadReport, read_articles
from kg.iri import IRIMinter
from kg.nlp import load_pipeline
from kg.rdf.read import article_ids, read_article
from kg.records import Article, ArticleGraph
from kg.store import open_store

# --- collect ------------------------------------------------------------------------


def _recording_extract(
    extractor: Extractor, minter: IRIMinter, features: dict[str, list[tuple[Any, dict[str, float]]]]
) -> Any:
    def extract(articles: Iterable[Article], fingerprint: str) -> Iterator[ArticleGraph]:
        for graph, feats in extractor.pipe_with_features(articles, batch_size=16):
            features[minter.article_graph(graph.article.id)] = list(
                zip(graph.triples, feats, strict=True)
            )
            yield graph

    return extract


def collect(gold_dirs: list[Path], corpus: Path, out: Path) -> None:
    extractor = Extractor(load_pipeline(None))
    rows = []
    for gold_dir in gold_dirs:
        golds = [load_gold(p) for p in sorted(gold_dir.glob("*.json"))]
        with tempfile.TemporaryDirectory(prefix="kg-conf-") as tmp:
            inputs = stage_articles(gold_dir, Path(tmp) / "articles", corpus)
            store = Path(tmp) / "store.oxigraph"
            features: dict[str, list[tuple[Any, dict[str, float]]]] = {}
            build(
                inputs,
                store=store,
                extract=_recording_extract(extractor, IRIMinter(), features),
                link=False,
            )
            with open_store(store) as kg:
                ids = article_ids(kg.ox)
                for gold in golds:
                    article_id = find_article(list(ids), gold.document)
                    if article_id is None:
                        sys.exit(f"{gold.path}: {gold.document} not built")
                    data = read_article(kg.ox, article_id, ids[article_id])
                    by_fact: dict[tuple[str, str, str], list[dict[str, float]]] = defaultdict(list)
                    for triple, feats in features[ids[article_id]]:
                        if triple.evidence.status != "current":
                            continue
                        fact = (
                            kg.minter.entity(triple.subject.label, triple.subject.name),
                            triple.predicate,
                            kg.minter.entity(triple.object.label, triple.object.name),
                        )
                        by_fact[fact].append(feats)
                    required = set(gold.required)
                    hits = triple_hits(data, gold)
                    rows.append(
                        {
                            "article": f"{gold_dir.name}/{Path(gold.path).name}",
                            "required": len(required),
                            "triple": None,
                        }
                    )
                    for fact, found in hits.items():
                        rows.append(
                            {
                                "article": f"{gold_dir.name}/{Path(gold.path).name}",
                                "triple": [data.label(fact[0]), fact[1], data.label(fact[2])],
                                "label": int(bool(found)),
                                "required_hits": sorted(
                                    " | ".join(g) for g in found if g in required
                                ),
                                "evidence": by_fact.get(fact, []),
                            }
                        )
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    facts = [r for r in rows if r["triple"]]
    print(
        f"{len(facts)} direct triples ({sum(r['label'] for r in facts)} right) of "
        f"{len(rows) - len(facts)} articles -> {out}"
    )


# --- collect-judged -------------------------------------------------------------------

_FENCED_BBC = ("4", "5")  # held-out (*5) and the gold-dev3 reserve (*4): never read
_REUTERS_LINES = 599  # lines 600-738 are the gold-dev3 reserve, 739- held out


def _dev_articles(corpus: Path, scratch: Path) -> list[Article]:
    """Every dev article as ``kg build`` reads it, the fenced ones never opened."""
    paths = [
        p for p in sorted((corpus / "bbc").glob("*/*.txt")) if not p.stem.endswith(_FENCED_BBC)
    ]
    jsonl = corpus / "reuters" / "reuters-2017.jsonl"
    with jsonl.open(encoding="utf-8") as lines:
        dev = [line for _, line in zip(range(_REUTERS_LINES), lines, strict=False)]
    staged = scratch / "reuters-dev.jsonl"
    staged.write_text("".join(dev), encoding="utf-8")
    return list(read_articles([*paths, staged], report=ReadReport()))  # duplicates: read once


def _judged_rows(path: Path) -> Iterator[tuple[str, str, str, str, str]]:
    """(verdict, subject, predicate, object, sentence) of each judged line of a
    ``bench/results/precision-*`` file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(" | ")
        if line.startswith("#") or len(parts) < 8 or not parts[0].isdigit():
            continue
        s, p, o = parts[4:7] if len(parts) >= 9 else parts[3:6]
        yield parts[1], s, p, o, parts[-1].removesuffix("...")


def collect_judged(judged: list[Path], corpus: Path, out: Path) -> None:
    """Label the current direct triples of the articles of hand-judged precision samples
    (``ok`` → right, ``WRONG`` → wrong; unsure and vanished triples left out)."""
    with tempfile.TemporaryDirectory(prefix="kg-judged-") as tmp:
        dev = _dev_articles(corpus, Path(tmp))
    wanted: dict[str, dict[tuple[str, str, str], int]] = defaultdict(dict)
    sources: dict[str, Article] = {}
    unfound = 0
    for path in judged:
        for verdict, s, p, o, sentence in _judged_rows(path):
            if not verdict.startswith(("ok", "WRONG")):
                continue
            prefix = sentence[:60]
            hit = next((a for a in dev if prefix in a.text), None)
            if hit is None:
                unfound += 1
                continue
            sources[hit.id] = hit
            wanted[hit.id][(s, p, o)] = int(verdict.startswith("ok"))
    extractor = Extractor(load_pipeline(None))
    rows = []
    matched = 0
    articles = [sources[k] for k in sorted(sources)]
    for graph, features in extractor.pipe_with_features(articles, batch_size=16):
        article = graph.article
        facts: dict[tuple[str, str, str], list[dict[str, float]]] = defaultdict(list)
        for triple, feats in zip(graph.triples, features, strict=True):
            if triple.evidence.status == "current":
                facts[(triple.subject.name, triple.predicate, triple.object.name)].append(feats)
        rows.append({"article": f"judged/{article.id}", "required": 0, "triple": None})
        for fact, label in wanted[article.id].items():
            if fact in facts:
                matched += 1
                rows.append(
                    {
                        "article": f"judged/{article.id}",
                        "triple": list(fact),
                        "label": label,
                        "required_hits": [],
                        "evidence": facts[fact],
                    }
                )
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    labels = [r["label"] for r in rows if r["triple"]]
    print(
        f"{matched} judged triples still extracted ({sum(labels)} right) in {len(sources)} "
        f"articles; {unfound} judged lines not found in the dev corpus -> {out}"
    )


# --- collect-conll04 ----------------------------------------------------------------


def collect_conll04(path: Path, out: Path, limit: int | None) -> None:
    """Label kg's CoNLL04-typed triples of each sentence of a CoNLL04 file by the gold
    relations of the sentence (strict names, as ``kg evaluate --conll04`` scores them);
    current triples only, as the filter would see them."""
    sentences = read_conll04(path, limit=limit)
    extractor = Extractor(load_pipeline(None))
    extractor.component.record_features = True
    articles = ((s.text, Article(f"conll04/{s.index}", s.text)) for s in sentences)
    rows = []
    for sentence, (doc, article) in zip(
        sentences, extractor.nlp.pipe(articles, as_tuples=True, batch_size=64), strict=True
    ):
        graph = graph_from_doc(article, doc)
        rows.append({"article": f"conll04/{sentence.index}", "required": 0, "triple": None})
        for prediction in predictions_from_graph(graph, statuses=("current",)):
            report = score_conll04([sentence], [[prediction]])
            feats = [
                f
                for t, f in zip(graph.triples, doc.user_data[FEATURES_KEY], strict=True)
                if t.evidence.status == "current"
                and conll_type(t.subject.label, t.predicate, t.object.label) == prediction.type
                and prediction.head in (t.evidence.subject_text, t.subject.name, *t.subject.aliases)
                and prediction.tail in (t.evidence.object_text, t.object.name, *t.object.aliases)
            ]
            if feats:
                rows.append(
                    {
                        "article": f"conll04/{sentence.index}",
                        "triple": [prediction.head, prediction.type, prediction.tail],
                        "label": int(report.per_type[prediction.type].correct > 0),
                        "required_hits": [],
                        "evidence": feats,
                    }
                )
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    labels = [r["label"] for r in rows if r["triple"]]
    print(
        f"{len(labels)} CoNLL04 triples ({sum(labels)} right) of {len(sentences)} sentences -> {out}"
    )


# --- models -------------------------------------------------------------------------


def _load(paths: list[Path]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    rows = [
        json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines()
    ]
    required = {r["article"]: r["required"] for r in rows if r["triple"] is None}
    return [r for r in rows if r["triple"] is not None], required


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


class Logistic:
    """L2-regularised logistic regression over feature dicts, one example per evidence
    (weighted 1/n so each direct triple counts once); a triple scores its best evidence."""

    def __init__(self, l2: float = 1.0, without: tuple[str, ...] = ()) -> None:
        self.l2 = l2
        self.without = without
        self.weights: dict[str, float] = {}

    def _features(self, ev: dict[str, float]) -> dict[str, float]:
        if not self.without:
            return ev
        return {k: v for k, v in ev.items() if k == "bias" or not k.startswith(self.without)}

    def fit(self, facts: list[dict[str, Any]]) -> Logistic:
        names = sorted({k for f in facts for ev in f["evidence"] for k in self._features(ev)})
        col = {n: i for i, n in enumerate(names)}
        xs, ys, ws = [], [], []
        for f in facts:
            for ev in f["evidence"]:
                x = np.zeros(len(names))
                for k, v in self._features(ev).items():
                    x[col[k]] = v
                xs.append(x)
                ys.append(f["label"])
                ws.append(1.0 / len(f["evidence"]))
        x, y, w = np.array(xs), np.array(ys, dtype=float), np.array(ws)
        beta = np.zeros(len(names))
        penalty = np.full(len(names), self.l2)
        penalty[col["bias"]] = 0.0
        for _ in range(50):  # Newton's method: the problem is small and convex
            p = _sigmoid(x @ beta)
            grad = x.T @ (w * (p - y)) + penalty * beta
            hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
            step = np.linalg.solve(hess, grad)
            beta -= step
            if np.abs(step).max() < 1e-8:
                break
        self.weights = {n: float(b) for n, b in zip(names, beta, strict=True)}
        return self

    def score(self, fact: dict[str, Any]) -> float:
        return max(
            1.0 / (1.0 + math.exp(-sum(self.weights.get(k, 0.0) * v for k, v in ev.items())))
            for ev in fact["evidence"]
        )


def _rule(ev: dict[str, float]) -> str:
    return next((k for k in ev if k.startswith("rule=")), "rule=?")


class RuleTable:
    """Each rule's precision on the training triples, shrunk towards the overall precision
    (``prior`` pseudo-triples); a triple scores its best evidence."""

    def __init__(self, prior: float = 2.0) -> None:
        self.prior = prior
        self.table: dict[str, float] = {}
        self.default = 0.0

    def fit(self, facts: list[dict[str, Any]]) -> RuleTable:
        right: dict[str, float] = defaultdict(float)
        seen: dict[str, float] = defaultdict(float)
        for f in facts:
            for ev in f["evidence"]:
                right[_rule(ev)] += f["label"] / len(f["evidence"])
                seen[_rule(ev)] += 1.0 / len(f["evidence"])
        self.default = sum(f["label"] for f in facts) / len(facts)
        self.table = {
            r: (right[r] + self.prior * self.default) / (seen[r] + self.prior) for r in seen
        }
        return self

    def score(self, fact: dict[str, Any]) -> float:
        return max(self.table.get(_rule(ev), self.default) for ev in fact["evidence"])


class RuleConfidence:
    """The confidence the rule files give (``confidence =``), untrained: the baseline score."""

    def fit(self, facts: list[dict[str, Any]]) -> RuleConfidence:
        return self

    def score(self, fact: dict[str, Any]) -> float:
        return max(ev["rule_confidence"] for ev in fact["evidence"])


# --- cross-validation ---------------------------------------------------------------

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9)


def cross_validate(facts: list[dict[str, Any]], model: Any, *, folds: str) -> list[float]:
    """Out-of-fold scores: each article (``folds="article"``) or gold folder
    (``folds="folder"``) scored by a model trained on the others."""

    def group(f: dict[str, Any]) -> str:
        return f["article"] if folds == "article" else f["article"].split("/")[0]

    scores = [0.0] * len(facts)
    for g in sorted({group(f) for f in facts}):
        train = [f for f in facts if group(f) != g]
        fitted = model().fit(train)
        for i, f in enumerate(facts):
            if group(f) == g:
                scores[i] = fitted.score(f)
    return scores


def kept_scores(
    facts: list[dict[str, Any]], scores: list[float], required: dict[str, int], threshold: float
) -> tuple[int, int, float, int]:
    """(kept triples, right ones, precision, required gold triples still matched)."""
    kept = [f for f, s in zip(facts, scores, strict=True) if s >= threshold]
    right = sum(f["label"] for f in kept)
    hits = {(f["article"], h) for f in kept for h in f["required_hits"]}
    return len(kept), right, right / max(1, len(kept)), len(hits)


def auc(labels: list[int], scores: list[float]) -> float:
    """The chance that a right triple scores above a wrong one (ties count half).

    >>> auc([1, 0, 1, 0], [0.9, 0.1, 0.4, 0.4])
    0.875
    """
    right = [s for y, s in zip(labels, scores, strict=True) if y]
    wrong = [s for y, s in zip(labels, scores, strict=True) if not y]
    pairs = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return pairs / max(1, len(right) * len(wrong))


def _print_kept(facts: list[dict[str, Any]], scores: list[float], n_required: int) -> None:
    everything = sum(f["label"] for f in facts)
    print(f"  AUC {auc([f['label'] for f in facts], scores):.3f}")
    for t in THRESHOLDS:
        n, right, p, hits = kept_scores(facts, scores, {}, t)
        recall = f"  required recall {hits / n_required:.3f} ({hits})" if n_required else ""
        print(
            f"  >= {t:.2f}: kept {n:3d} (dropped {len(facts) - n:3d}: "
            f"{everything - right:3d} right, {len(facts) - n - everything + right:2d} wrong)  "
            f"precision {p:.3f}{recall}"
        )


def report_cv(
    paths: list[Path], folds: str, l2: float, evaluate_on: str, without: list[str]
) -> None:
    """Print what each model's out-of-fold scores keep, on the triples of the folders
    ``evaluate_on`` names (comma-separated first path parts: ``gold,gold-dev``; ``""``: all),
    the features whose names start with one of ``without`` left out of the logistic model."""
    facts, required = _load(paths)
    sets = set(evaluate_on.split(",")) if evaluate_on else None
    chosen = [i for i, f in enumerate(facts) if sets is None or f["article"].split("/")[0] in sets]
    test = [facts[i] for i in chosen]
    n_required = sum(n for a, n in required.items() if sets is None or a.split("/")[0] in sets)
    models = {
        "logistic": lambda: Logistic(l2, tuple(without)),
        "rule-table": RuleTable,
        "rule-confidence": RuleConfidence,
    }
    print(
        f"trained on {len(facts)} direct triples ({sum(f['label'] for f in facts)} right) of "
        f"{len(required)} articles; scored on {len(test)} ({sum(f['label'] for f in test)} right), "
        f"folds: {folds}, l2 {l2}"
    )
    n, _, p, hits = kept_scores(test, [1.0] * len(test), {}, 0.0)
    print(
        f"no filter: kept {n}  precision {p:.3f}  required recall {hits / max(1, n_required):.3f} ({hits}/{n_required})"
    )
    for name, model in models.items():
        scores = cross_validate(facts, model, folds=folds)
        print(f"{name}:")
        _print_kept(test, [scores[i] for i in chosen], n_required)


# --- fit and check ------------------------------------------------------------------

MODELS: dict[str, Any] = {
    "logistic": Logistic,
    "rule-table": RuleTable,
    "rule-confidence": RuleConfidence,
}


def _gold_documents() -> set[str]:
    here = Path(__file__).resolve().parent
    return {
        json.loads(p.read_text(encoding="utf-8"))["document"].rpartition("#")[2]
        for folder in ("gold", "gold-dev", "gold-dev2")
        for p in (here / folder).glob("*.json")
    }


def _verdicts(path: Path | None) -> dict[tuple[str, ...], str]:
    """(article, subject, predicate, object) → verdict of a judged check file."""
    if path is None:
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" | ")
        if not line.startswith("#") and parts[0].strip().isdigit():
            found[(parts[2], *parts[-5:-2])] = parts[1]
    return found


def check(
    data: list[Path], corpus: Path, seed: int, n: int, out: Path, judged: Path | None = None
) -> None:
    """Draw ``n`` Reuters and ``n`` BBC dev articles with ``random.Random(seed)`` (none of a
    gold folder, none of the training data), extract them, and write every direct triple
    with the scores of the models trained on all of ``data``, for judging by hand (the
    verdicts of ``judged``, the same sample judged before, carried over)."""
    verdicts = _verdicts(judged)
    facts, required = _load(data)
    trained = {name: model().fit(facts) for name, model in MODELS.items()}
    taken = {a.partition("/")[2] for a in required} | _gold_documents()
    with tempfile.TemporaryDirectory(prefix="kg-check-") as tmp:
        dev = _dev_articles(corpus, Path(tmp))

    def name(a: Article) -> str:
        return a.id if a.id.startswith("reuters/") else "bbc/" + "/".join(Path(a.origin).parts[-2:])

    free = [a for a in dev if a.id not in taken and name(a) not in taken]
    rng = random.Random(seed)
    reuters = sorted((a for a in free if a.id.startswith("reuters/")), key=lambda a: a.id)
    bbc = sorted((a for a in free if not a.id.startswith("reuters/")), key=name)
    picked = rng.sample(reuters, n) + rng.sample(bbc, n)
    extractor = Extractor(load_pipeline(None))
    lines = [
        f"# check sample: random.Random({seed}), {n} Reuters (lines 1-{_REUTERS_LINES}) + {n} BBC "
        "(not *4/*5), none in a gold folder or the training data",
        "# articles: " + " ".join(name(a) for a in picked),
        "# columns: n | verdict | article | "
        + " | ".join(MODELS)
        + " | subject | predicate | object | rule | sentence",
    ]
    i = 0
    for graph, features in extractor.pipe_with_features(picked, batch_size=16):
        article = graph.article
        found: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
        for triple, feats in zip(graph.triples, features, strict=True):
            if triple.evidence.status == "current":
                found[(triple.subject.name, triple.predicate, triple.object.name)].append(
                    (triple, feats)
                )
        for fact, evs in found.items():
            row = {"evidence": [f for _, f in evs]}
            scores = " | ".join(f"{m.score(row):.2f}" for m in trained.values())
            ev = evs[0][0].evidence
            sentence = " ".join(ev.sentence.split())[:220]
            verdict = verdicts.get((name(article), *fact), "?")
            lines.append(
                f"{i:3d} | {verdict} | {name(article)} | {scores} | {' | '.join(fact)} | {ev.rule} | {sentence}"
            )
            i += 1
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{i} direct triples of {len(picked)} articles -> {out}")


def fit(data: list[Path], out: Path, l2: float) -> None:
    """Train the logistic model on every article and write its weights as TOML."""
    facts, _ = _load(data)
    model = Logistic(l2).fit(facts)
    lines = [
        "# Triple-confidence weights (logistic regression), written by",
        f"#   .venv/bin/python bench/train_confidence.py fit {' '.join(map(str, data))} --l2 {l2}",
        f"# from {len(facts)} direct triples ({sum(f['label'] for f in facts)} right).",
        "# score = 1 / (1 + exp(-sum(weight * feature))); features: kg/extract/confidence.py",
        "[weights]",
    ]
    for k, w in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        lines.append(f"{json.dumps(k)} = {w:.4f}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(model.weights)} weights -> {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("collect")
    p.add_argument("gold", type=Path, nargs="+")
    p.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("collect-judged")
    p.add_argument("judged", type=Path, nargs="+")
    p.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("collect-conll04")
    p.add_argument("conll04", type=Path)
    p.add_argument("--limit", type=int)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("cv")
    p.add_argument("data", type=Path, nargs="+")
    p.add_argument("--on", default="", help="score only these folders (gold,gold-dev,...)")
    p.add_argument("--folds", choices=("article", "folder"), default="article")
    p.add_argument("--l2", type=float, default=1.0)
    p.add_argument("--without", action="append", default=[], help="leave out features by prefix")
    p = sub.add_parser("fit")
    p.add_argument("data", type=Path, nargs="+")
    p.add_argument("--l2", type=float, default=1.0)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("check")
    p.add_argument("data", type=Path, nargs="+")
    p.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("-n", type=int, default=10)
    p.add_argument("--judged", type=Path, help="a judged check file of the same sample")
    p.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "collect":
        collect(args.gold, args.corpus, args.out)
    elif args.command == "collect-judged":
        collect_judged(args.judged, args.corpus, args.out)
    elif args.command == "fit":
        fit(args.data, args.out, args.l2)
    elif args.command == "check":
        check(args.data, args.corpus, args.seed, args.n, args.out, args.judged)
    elif args.command == "collect-conll04":
        collect_conll04(args.conll04, args.out, args.limit)
    elif args.command == "cv":
        report_cv(args.data, args.folds, args.l2, args.on, args.without)

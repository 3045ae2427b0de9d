"""Benchmark ``kg build`` against raw spaCy, measured in the same run.

Five timed variants over the same articles, with the same spaCy pipeline, batch size and
number of processes:

1. ``raw spaCy #1``: ``nlp.pipe(texts)`` with the plain pipeline, every ``Doc`` consumed;
2. ``kg extract``: the same pipe with kg's ``kg_extract`` component (:class:`Extractor.pipe`),
   which isolates the cost of extraction;
3. ``kg build``: :func:`kg.build.build` into a fresh temporary store (reading, extraction,
   RDF conversion and Oxigraph writes);
4. ``raw spaCy #2``: the baseline again, so that neither end of the run favours kg, on a
   pipeline of its own (one that has parsed the corpus already knows every word and runs
   10-20% faster); the baseline used for ratios is the mean of both raw runs;
5. ``kg rebuild``: a second build on the same store, which must add 0 triples (the
   "nothing changed" path), with the model already loaded; then once more the way the CLI
   runs it, model load included.

Model loading is excluded from the timings (each variant gets a pipeline loaded and warmed
up beforehand; :func:`kg.build.build` is handed its pipeline by patching
``kg.build.load_pipeline``) and reported separately. Words are whitespace-split tokens of
the article texts. Memory: the peak summed PSS and RSS of this process and its children,
sampled every 50 ms during each variant, plus the kernel's high-water marks
(``getrusage``: this process, reset before each variant where Linux allows it, and the
largest child so far). CPU seconds (this process plus its finished children) are given as
well, with their own PASS/FAIL: on a shared machine they are steadier than wall time, and
since every variant is CPU-bound they estimate the wall ratios of an idle machine.

The run uses a private copy of ``schemas/`` (through ``KG_SCHEMAS``), so rule files edited
while it runs cannot change the rules' fingerprint between the build and the rebuild.

Usage (from the repository root)::

    .venv/bin/python bench/build_bench.py                       # full BBC corpus, 2 processes
    .venv/bin/python bench/build_bench.py --n-process 1 --limit 500 --output bench/results/x.txt
    .venv/bin/python bench/build_bench.py --profile --limit 300  # where the time goes, 1 process

The script never exits non-zero because a target is missed: it prints PASS or FAIL.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import hashlib
import io
import json
import os
import platform
import pstats
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import psutil

import kg
import kg.build
from kg.build import BuildReport, build
from kg.extract import Extractor
from kg.io import ReadReport, read_articles
from kg.nlp import load_pipeline, resolve_model_name
from kg.records import Article
from kg.resources import schemas_dir

DEFAULT_CORPUS = Path("/work/shared/corpus/bbc")
TARGETS = (0.85, 0.80)
"""kg build throughput as a share of raw spaCy throughput."""
SAMPLE_SECONDS = 0.05
NOISY = 0.10
"""Raw spaCy runs further apart than this (relative) make the wall-time ratios unreliable."""
MB = 1024 * 1024

T = TypeVar("T")


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the report."""
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- memory ---------------------------------------------------------------------------------


def _pss_bytes(pid: int) -> int | None:
    """Proportional set size of a process, from ``/proc/PID/smaps_rollup`` (Linux)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


class TreeMemory:
    """Samples the memory of this process and its children in a background thread.

    RSS summed over forked processes counts their shared (copy-on-write) pages once per
    process, so it overstates; PSS splits shared pages between the processes sharing them,
    so its sum is the memory the tree really holds.
    """

    def __init__(self, interval: float = SAMPLE_SECONDS) -> None:
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)
        self._me = psutil.Process()

    def _sample(self) -> None:
        procs = [self._me]
        with contextlib.suppress(psutil.Error):
            procs += self._me.children(recursive=True)
        rss = pss = 0
        for proc in procs:
            with contextlib.suppress(psutil.Error):
                rss += proc.memory_info().rss
                pss += _pss_bytes(proc.pid) or 0
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_processes = max(self.peak_processes, len(procs))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def _reset_self_hwm() -> bool:
    """Reset this process's peak RSS (``ru_maxrss``), which Linux allows via clear_refs."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        return False
    return True


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# --- measuring ------------------------------------------------------------------------------


@dataclass
class Run:
    """One timed variant."""

    name: str
    seconds: float = 0.0
    cpu: float = 0.0
    articles: int = 0
    words: int = 0
    peak_pss: int = 0
    peak_rss: int = 0
    processes: int = 0
    self_hwm: int = 0
    hwm_reset: bool = False
    children_hwm: int = 0
    load: float = 0.0
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def measure(name: str, articles: int, words: int, fn: Callable[[], T]) -> tuple[Run, T]:
    """Run ``fn`` once, timed, with memory sampled; model loading must happen before."""
    log(f"{name}: running over {articles:,} articles")
    gc.collect()
    run = Run(name, articles=articles, words=words)
    run.hwm_reset = _reset_self_hwm()
    cpu0 = _cpu_seconds()
    with TreeMemory() as memory:
        t0 = time.perf_counter()
        result = fn()
        run.seconds = time.perf_counter() - t0
    run.cpu = _cpu_seconds() - cpu0
    run.peak_pss, run.peak_rss, run.processes = (
        memory.peak_pss,
        memory.peak_rss,
        memory.peak_processes,
    )
    run.self_hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    run.children_hwm = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    run.load = os.getloadavg()[0]
    log(
        f"{name}: {run.seconds:.1f} s wall, {run.cpu:.1f} s CPU, "
        f"{run.articles_per_s:.2f} articles/s"
    )
    return run, result


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


@contextlib.contextmanager
def preloaded(nlp: Any) -> Iterator[None]:
    """Make :func:`kg.build.build` use an already loaded pipeline instead of loading one."""
    original = getattr(kg.build, "load_pipeline")  # noqa: B009 (not re-exported: patched)
    setattr(kg.build, "load_pipeline", lambda name=None: nlp)  # noqa: B010
    try:
        yield
    finally:
        setattr(kg.build, "load_pipeline", original)  # noqa: B010


def digest(folder: Path, pattern: str = "*") -> str:
    """A short hash of the files below ``folder`` matching ``pattern`` (names and bytes)."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def code_digest() -> str:
    """A short hash of kg's Python sources."""
    return digest(Path(kg.__file__).parent, "*.py")


@contextlib.contextmanager
def frozen_schemas() -> Iterator[str]:
    """Run on a private copy of ``schemas/`` (via ``KG_SCHEMAS``); yield its digest.

    Rule files edited while the benchmark runs would otherwise change the rules' fingerprint
    between the build and the rebuild (which then rebuilds everything) or between variants.
    """
    old = os.environ.get("KG_SCHEMAS")
    with tempfile.TemporaryDirectory(prefix="kg-bench-schemas-") as tmp:
        copy = Path(tmp) / "schemas"
        shutil.copytree(schemas_dir(), copy)
        os.environ["KG_SCHEMAS"] = str(copy)
        try:
            yield digest(copy)
        finally:
            if old is None:
                os.environ.pop("KG_SCHEMAS", None)
            else:
                os.environ["KG_SCHEMAS"] = old


# --- inputs ---------------------------------------------------------------------------------


def build_inputs(
    corpus: Path, articles: Sequence[Article], *, whole: bool, tmp: Path, tag: str
) -> list[Path]:
    """Inputs that make :func:`build` read exactly ``articles``.

    The corpus itself when all of it is used; else the article files, or, when the articles
    come from JSON Lines, a JSONL file holding just them.
    """
    if whole:
        return [corpus]
    paths = [Path(a.origin) for a in articles]
    if all(p.suffix == ".txt" and p.is_file() for p in paths):
        return paths
    out = tmp / f"{tag}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for a in articles:
            record = {
                "id": a.id,
                "text": a.text,
                "title": a.title,
                "date": a.date or None,
                "url": a.url,
                "source": a.source,
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [out]


# --- environment ----------------------------------------------------------------------------


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _versions() -> str:
    from importlib.metadata import version

    return (
        f"python {platform.python_version()}, spacy {version('spacy')}, "
        f"pyoxigraph {version('pyoxigraph')}, kg {kg.__version__}"
    )


# --- the benchmark --------------------------------------------------------------------------


def _mb(n: int) -> str:
    return f"{n / MB:,.0f}"


def run_benchmark(args: argparse.Namespace) -> str:
    """Run every variant; return the report."""
    cores = len(os.sched_getaffinity(0))
    started = datetime.now(UTC)
    load_start = os.getloadavg()

    log(f"reading {args.corpus}")
    read_report = ReadReport()
    read_s, articles = timed(
        lambda: list(read_articles([args.corpus], on_error="skip", report=read_report))
    )
    whole = args.limit is None or args.limit >= len(articles)
    if not whole:
        articles = articles[: args.limit]
    texts = [a.text for a in articles]
    n = len(articles)
    words = sum(len(t.split()) for t in texts)
    warm_articles = articles[: args.warmup]
    warm_texts = [a.text for a in warm_articles]
    batch = args.batch_size
    kw = {"batch_size": batch, "n_process": args.n_process}

    model = resolve_model_name(args.model)
    log(f"loading {model} four times (raw #1, raw #2, kg extract, kg build)")
    load_s = {}
    load_s["raw"], nlp_raw = timed(lambda: load_pipeline(model))
    # raw #2 gets a pipeline of its own: one that has parsed the corpus once already has a
    # lexeme for every word, and ran 10-20% faster than the cold pipelines kg's variants use.
    _, nlp_raw2 = timed(lambda: load_pipeline(model))
    load_s["extract"], nlp_kg = timed(lambda: load_pipeline(model))
    load_s["build"], nlp_build = timed(lambda: load_pipeline(model))
    init_kg_s, extractor = timed(lambda: Extractor(nlp_kg))
    init_build_s, _ = timed(lambda: Extractor(nlp_build))  # build() finds the component in place

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp_name:
        tmp = Path(tmp_name)
        inputs = build_inputs(args.corpus, articles, whole=whole, tmp=tmp, tag="corpus")
        warm_inputs = build_inputs(args.corpus, warm_articles, whole=False, tmp=tmp, tag="warm")
        store = tmp / "store"

        log(f"warming up on {len(warm_articles)} articles")
        warm_s: dict[str, float] = {}
        warm_s["raw spaCy"], _ = timed(
            lambda: sum(len(d) for d in nlp_raw.pipe(warm_texts, batch_size=batch))
        )
        timed(lambda: sum(len(d) for d in nlp_raw2.pipe(warm_texts, batch_size=batch)))
        warm_s["kg extract"], _ = timed(
            lambda: list(extractor.pipe(warm_articles, batch_size=batch))
        )
        with preloaded(nlp_build):
            warm_s["kg build"], _ = timed(
                lambda: build(warm_inputs, store=tmp / "warm", model=model, batch_size=batch)
            )

        def raw() -> int:
            return sum(len(doc) for doc in nlp_raw.pipe(texts, **kw))

        def raw_again() -> int:
            return sum(len(doc) for doc in nlp_raw2.pipe(texts, **kw))

        def extract() -> tuple[int, int]:
            entities = relations = 0
            for graph in extractor.pipe(articles, **kw):
                entities += len(graph.entities)
                relations += len(graph.triples)
            return entities, relations

        def run_build() -> BuildReport:
            with preloaded(nlp_build):
                return build(inputs, store=store, model=model, on_error="skip", **kw)

        def run_cold_build() -> BuildReport:
            return build(inputs, store=store, model=model, on_error="skip", **kw)

        gc.collect()
        baseline = TreeMemory()
        baseline._sample()
        raw1, tokens = measure("raw spaCy #1", n, words, raw)
        kgx, (entities, relations) = measure("kg extract", n, words, extract)
        full, report = measure("kg build", n, words, run_build)
        raw2, _ = measure("raw spaCy #2", n, words, raw_again)
        again, report2 = measure("kg rebuild", n, words, run_build)
        cold, report3 = measure("kg rebuild+load", n, words, run_cold_build)
        store_bytes = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())

    raw_mean = statistics.mean([raw1.seconds, raw2.seconds])
    raw_cpu = statistics.mean([raw1.cpu, raw2.cpu])

    def ratio(run: Run) -> float:
        return raw_mean / run.seconds if run.seconds else 0.0

    def cpu_ratio(run: Run) -> float:
        return raw_cpu / run.cpu if run.cpu else 0.0

    lines: list[str] = []
    out = lines.append
    out(f"kg build benchmark, {started:%Y-%m-%d %H:%M} UTC")
    out(
        f"machine: {cores} cores usable ({os.cpu_count()} online), {_cpu_model()}, "
        f"{psutil.virtual_memory().total / 2**30:.1f} GiB RAM"
    )
    out(
        f"load average at start: {load_start[0]:.2f} / {load_start[1]:.2f} / "
        f"{load_start[2]:.2f} (1/5/15 min); other jobs on the machine inflate wall times"
    )
    out(f"software: {_versions()}")
    out(
        f"code: kg sources {args.code_digest}, schemas/ {args.schemas_digest} (a private copy, "
        "KG_SCHEMAS, so rule edits during the run cannot change it)"
    )
    out(f"model: {model} {nlp_raw.meta.get('version')}, pipes {', '.join(nlp_raw.pipe_names)}")
    out(
        f"corpus: {args.corpus}, {n:,} articles{'' if whole else ' (--limit)'}, {words:,} words "
        f"(whitespace-split), {tokens:,} spaCy tokens, {sum(map(len, texts)):,} characters"
    )
    out(
        f"settings: --n-process {args.n_process} --batch-size {batch}; warm-up on "
        f"{len(warm_articles)} articles; order: raw #1, kg extract, kg build, raw #2, rebuilds"
    )
    out("")
    out("not timed:")
    out(f"  read corpus (all files)   {read_s:7.2f} s")
    out(f"  load model, raw spaCy     {load_s['raw']:7.2f} s")
    init = f"kg_extract init {init_kg_s:.2f} s"
    out(f"  load model, kg extract    {load_s['extract']:7.2f} s + {init}")
    init = f"kg_extract init {init_build_s:.2f} s"
    out(f"  load model, kg build      {load_s['build']:7.2f} s + {init}")
    out("  warm-up: " + ", ".join(f"{k} {v:.2f} s" for k, v in warm_s.items()))
    out(
        f"  memory before the first variant: {_mb(baseline.peak_pss)} MB PSS, "
        f"{_mb(baseline.peak_rss)} MB RSS (three pipelines loaded, the texts in memory)"
    )
    out("")
    head = (
        f"{'variant':<16}{'wall s':>8}{'CPU s':>8}{'art/s':>8}{'words/s':>9}{'ratio':>7}"
        f"{'CPU ratio':>10}{'PSS MB':>8}{'RSS MB':>8}{'procs':>6}{'HWM MB':>8}{'child':>7}"
        f"{'load':>6}"
    )
    out(head)
    out("-" * len(head))
    for r in (raw1, kgx, full, raw2, again, cold):
        rebuild = r in (again, cold)
        shares = f"{'-':>7}{'-':>10}" if rebuild else f"{ratio(r):7.3f}{cpu_ratio(r):10.3f}"
        hwm = _mb(r.self_hwm) + ("" if r.hwm_reset else "*")
        out(
            f"{r.name:<16}{r.seconds:8.1f}{r.cpu:8.1f}{r.articles_per_s:8.2f}"
            f"{r.words_per_s:9,.0f}{shares}{_mb(r.peak_pss):>8}{_mb(r.peak_rss):>8}"
            f"{r.processes:6d}{hwm:>8}{_mb(r.children_hwm):>7}{r.load:6.2f}"
        )
    out(
        f"{'raw spaCy mean':<16}{raw_mean:8.1f}{raw_cpu:8.1f}{n / raw_mean:8.2f}"
        f"{words / raw_mean:9,.0f}{1:7.3f}{1:10.3f}"
    )
    out("")
    out("ratio: raw spaCy mean wall time / variant wall time, i.e. its share of raw throughput.")
    out("CPU ratio: the same with CPU seconds (this process + its finished children), which")
    out("  other jobs on the machine disturb less than wall time.")
    out("PSS/RSS MB: peak sum over this process and its children, sampled every 50 ms (RSS")
    out("  counts pages shared by the forked workers once per process; PSS splits them).")
    out(
        "HWM MB: getrusage(RUSAGE_SELF).ru_maxrss of this process"
        + (", reset before each variant" if raw1.hwm_reset else " (* lifetime, not reset)")
        + "; child: RUSAGE_CHILDREN ru_maxrss,"
    )
    out("  the largest finished child so far; load: 1-minute load average after the variant.")
    spread = abs(raw1.seconds - raw2.seconds) / raw_mean
    out(
        f"The two raw spaCy runs differ by {spread:.1%} ({raw1.seconds:.1f} s vs "
        f"{raw2.seconds:.1f} s): the noise level of this run."
    )
    out("")
    out("results:")
    out(f"  kg extract: {entities:,} entities, {relations:,} relations")
    out(
        f"  kg build:   {report.added:,} added, {report.entities:,} entities, "
        f"{report.relations:,} relations, {report.triples_added:+,} triples; "
        f"{report.triples_after:,} triples in the store ({store_bytes / MB:.1f} MB on disk)"
    )
    same = (entities, relations) == (report.entities, report.relations)
    out(f"  kg extract and kg build agree on entities and relations: {'yes' if same else 'NO'}")
    for label, rep in (("rebuild", report2), ("rebuild+load", report3)):
        unchanged = rep.triples_added == 0 and rep.added == 0 and rep.replaced == 0
        out(
            f"  kg {label}: {rep.unchanged:,} unchanged, {rep.added} added, {rep.replaced} "
            f"replaced, {rep.triples_added:+,} triples: {'OK' if unchanged else 'UNEXPECTED'}"
        )
    read = report.read
    out(
        f"  bad articles reported by kg build: {read.skipped} skipped, {len(read.errors)} "
        f"errors, {len(read.warnings)} warnings ({read.summary()})"
    )
    for problem in read.problems:
        out(f"    {problem.kind}: {problem}")
    if [str(p) for p in read_report.problems] != [str(p) for p in read.problems]:
        out(f"  (reading the whole corpus: {read_report.summary()})")
        for problem in read_report.problems:
            out(f"    {problem.kind}: {problem}")
    out("")
    out(
        f"targets: throughput as a share of raw spaCy ({args.n_process} process(es), {cores} cores)"
    )
    for name, r in (("kg build", full), ("kg extract", kgx)):
        for kind, value in (("wall", ratio(r)), ("CPU", cpu_ratio(r))):
            verdicts = ", ".join(f">= {t:.2f} {'PASS' if value >= t else 'FAIL'}" for t in TARGETS)
            out(f"  {name:<11} {kind:<4} {value:.3f}: {verdicts}")
    busiest = max(r.load for r in (raw1, kgx, full, raw2))
    if spread > NOISY or busiest > cores + 0.5:
        out(
            f"  wall ratios unreliable (raw runs {spread:.0%} apart, load up to {busiest:.1f} on "
            f"{cores} cores): trust the CPU"
        )
        out(
            "  ratios, which estimate the wall ratios on an idle machine (every variant is CPU-bound)."
        )
    out(
        f"  time over raw spaCy: kg extract {kgx.seconds - raw_mean:+.1f} s, kg build "
        f"{full.seconds - raw_mean:+.1f} s; kg build - kg extract "
        f"{full.seconds - kgx.seconds:+.1f} s"
    )
    out(
        f"  nothing-changed rebuild: {again.seconds:.2f} s with the model loaded, "
        f"{cold.seconds:.2f} s including the model load"
    )
    if code_digest() != args.code_digest:
        out("  note: kg's sources changed on disk during the run; it measured them as imported.")
    if args.n_process >= cores:
        out(
            f"  note: {args.n_process} spaCy workers on {cores} cores: the parent process "
            "(reading, Doc deserialisation, RDF, store writes) competes with them for CPU."
        )
    return "\n".join(lines) + "\n"


# --- the profile ----------------------------------------------------------------------------


class StageTimer:
    """Wraps functions to add up the time spent in each (wall and this thread's CPU).

    Only meaningful with one process: everything then runs in this thread. Thread CPU time
    does not grow while other jobs hold the CPU, so it is the steadier figure. A function
    that calls itself (``TripleBuilder.add`` follows a list of names) is timed once per
    outermost call.
    """

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.order: list[str] = []
        self._undo: list[tuple[Any, str, Any]] = []

    def _add(self, stage: str, wall: float, cpu: float, calls: int = 1) -> None:
        self.wall[stage] = self.wall.get(stage, 0.0) + wall
        self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu
        self.calls[stage] = self.calls.get(stage, 0) + calls

    def wrap(self, owner: Any, attr: str, stage: str) -> None:
        """Replace ``owner.attr`` by a timed wrapper (undone by :meth:`undo`)."""
        original = getattr(owner, attr)
        running = [0]  # calls of this stage under way: a recursive call is timed once

        def timed_call(*a: Any, **k: Any) -> Any:
            if running[0]:
                return original(*a, **k)
            running[0] += 1
            w0, c0 = time.perf_counter(), time.thread_time()
            try:
                return original(*a, **k)
            finally:
                running[0] -= 1
                self._add(stage, time.perf_counter() - w0, time.thread_time() - c0)

        setattr(owner, attr, timed_call)
        self.order.append(stage)
        self._undo.append((owner, attr, original))

    def wrap_iter(self, stage: str, items: Iterator[T]) -> Iterator[T]:
        """Time each ``next()`` of an iterator: its own work, not its consumer's."""
        while True:
            w0, c0 = time.perf_counter(), time.thread_time()
            try:
                item = next(items)
            except StopIteration:
                self._add(stage, time.perf_counter() - w0, time.thread_time() - c0, 0)
                return
            self._add(stage, time.perf_counter() - w0, time.thread_time() - c0)
            yield item

    def undo(self) -> None:
        """Put every wrapped function back."""
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)
        self._undo.clear()


def profile_stages(
    nlp: Any, inputs: list[Path], store: Path, *, model: str, batch_size: int
) -> tuple[float, float, StageTimer]:
    """One real 1-process build with kg's stages timed; returns wall s, CPU s and the timer.

    spaCy's own components are not wrapped (the parser and NER are compiled classes, and
    each component's generator pulls the work upstream of it): what no kg stage accounts
    for is the spaCy pipeline and its glue.
    """
    import kg.extract.pipeline as pipeline
    import kg.extract.relations.builder as builder
    import kg.extract.relations.extract as relations_extract
    import kg.store

    timer = StageTimer()
    component = nlp.get_pipe("kg_extract")
    stages: list[tuple[Any, str, str]] = [
        (kg.build, "_fingerprint", "fingerprints (sha256)"),
        (pipeline.ExtractComponent, "__call__", "kg_extract component (total)"),
        (pipeline, "find_mentions", "  find_mentions"),
        (pipeline, "resolve_entities", "  resolve_entities"),
        (pipeline, "annotate_doc", "  annotate_doc"),
        (component.titles, "matcher", "    title PhraseMatcher"),
        (pipeline, "extract_relations", "  extract_relations"),
        # extract_relations calls the name its module imported: wrap it there.
        (relations_extract, "matches", "    kg.extract.matching.matches"),
        (component.matchers, "token", "      token Matcher"),
        (component.matchers, "dependency", "      DependencyMatcher"),
        (builder.TripleBuilder, "add", "    TripleBuilder.add (kg.extract.relations)"),
        (pipeline, "unmark_doc", "  unmark_doc"),
        (pipeline, "graph_from_doc", "graph_from_doc (user_data -> records)"),
        (kg.build, "article_quads", "RDF conversion (article_quads)"),
        (kg.store.KGStore, "add", "store writes (KGStore.add: Store.extend)"),
        (kg.store.KGStore, "fingerprints", "store: read stored fingerprints"),
        (kg.store.KGStore, "ensure_ontology", "store: ontology graph"),
        (kg.store.KGStore, "close", "store: flush and close"),
        (kg.build, "update_links", "links across articles (update_links)"),
    ]
    timer.order.append("reading (read_articles)")
    original_read = getattr(kg.build, "read_articles")  # noqa: B009 (not re-exported: patched)

    def timed_read(*a: Any, **k: Any) -> Iterator[Article]:
        return timer.wrap_iter("reading (read_articles)", original_read(*a, **k))

    try:
        for owner, attr, stage in stages:
            timer.wrap(owner, attr, stage)
        setattr(kg.build, "read_articles", timed_read)  # noqa: B010
        with preloaded(nlp):
            c0 = time.process_time()
            wall, _ = timed(lambda: build(inputs, store=store, model=model, batch_size=batch_size))
            cpu = time.process_time() - c0
    finally:
        setattr(kg.build, "read_articles", original_read)  # noqa: B010
        timer.undo()
    return wall, cpu, timer


def run_profile(args: argparse.Namespace) -> str:
    """Where a 1-process build spends its time: stage timers, then cProfile."""
    limit = args.limit or 300
    articles = list(read_articles([args.corpus], on_error="skip", report=ReadReport()))[:limit]
    texts = [a.text for a in articles]
    n = len(articles)
    batch = args.batch_size
    model = resolve_model_name(args.model)
    nlp_raw = load_pipeline(model)
    nlp = load_pipeline(model)
    Extractor(nlp)
    with tempfile.TemporaryDirectory(prefix="kg-profile-") as tmp_name:
        tmp = Path(tmp_name)
        inputs = build_inputs(args.corpus, articles, whole=False, tmp=tmp, tag="corpus")
        warm = build_inputs(args.corpus, articles[: args.warmup], whole=False, tmp=tmp, tag="warm")
        with preloaded(nlp):
            build(warm, store=tmp / "warm", model=model, batch_size=batch)
        list(nlp_raw.pipe(texts[: args.warmup]))

        def raw() -> int:
            return sum(len(d) for d in nlp_raw.pipe(texts, batch_size=batch))

        def plain() -> BuildReport:
            with preloaded(nlp):
                return build(inputs, store=tmp / "plain", model=model, batch_size=batch)

        log(f"profile: raw spaCy over {n} articles, 1 process")
        c0 = time.process_time()
        raw_s, _ = timed(raw)
        raw_cpu = time.process_time() - c0
        log("profile: kg build, 1 process")
        c0 = time.process_time()
        plain_s, _ = timed(plain)
        plain_cpu = time.process_time() - c0
        log("profile: kg build with stage timers")
        staged_s, staged_cpu, timer = profile_stages(
            nlp, inputs, tmp / "staged", model=model, batch_size=batch
        )
        log("profile: kg build under cProfile")
        profiler = cProfile.Profile()
        with preloaded(nlp):
            profiler.enable()
            build(inputs, store=tmp / "cprofile", model=model, batch_size=batch)
            profiler.disable()
    if args.profile_stats:
        profiler.dump_stats(args.profile_stats)

    lines: list[str] = []
    out = lines.append
    out(
        f"kg build profile, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {n} articles, 1 process, "
        f"--batch-size {batch}, {model}; load average {os.getloadavg()[0]:.2f}"
    )
    out(f"software: {_versions()}")
    out(f"code: kg sources {args.code_digest}, schemas/ {args.schemas_digest} (private copy)")
    out(
        f"raw spaCy {raw_s:.1f} s ({raw_cpu:.1f} s CPU); kg build {plain_s:.1f} s "
        f"({plain_cpu:.1f} s CPU): ratio {raw_s / plain_s:.3f} wall, {raw_cpu / plain_cpu:.3f} CPU"
    )
    out(f"kg build with stage timers: {staged_s:.1f} s ({staged_cpu:.1f} s CPU of the process)")
    out("")
    out(f"{'stage':<48}{'wall s':>8}{'CPU s':>8}{'CPU %':>7}{'% raw':>7}{'calls':>7}")
    for stage in timer.order:
        cpu = timer.cpu.get(stage, 0.0)
        out(
            f"{stage:<48}{timer.wall.get(stage, 0.0):8.2f}{cpu:8.2f}{cpu / staged_cpu:7.1%}"
            f"{cpu / raw_cpu:7.1%}{timer.calls.get(stage, 0):7d}"
        )
    top = [s for s in timer.order if not s.startswith(" ")]
    rest_wall = staged_s - sum(timer.wall.get(s, 0.0) for s in top)
    rest_cpu = staged_cpu - sum(timer.cpu.get(s, 0.0) for s in top)
    out(
        f"{'the rest: spaCy pipeline, glue, other threads':<48}{rest_wall:8.2f}{rest_cpu:8.2f}"
        f"{rest_cpu / staged_cpu:7.1%}{rest_cpu / raw_cpu:7.1%}"
    )
    out("CPU %: share of the timed build's CPU; % raw: CPU as a share of raw spaCy's CPU.")
    out("")
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(r"/kg/", 40)
    out("cProfile of the same build (it inflates pure Python relative to compiled spaCy):")
    out(buffer.getvalue())
    return "\n".join(lines) + "\n"


# --- command line ---------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; see the module docstring."""
    parser = argparse.ArgumentParser(
        description="Benchmark kg build against raw spaCy, measured in the same run."
    )
    add = parser.add_argument
    add("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder, .txt or .jsonl (%(default)s)")
    add("--limit", type=int, default=None, help="use only the first N articles")
    add("--n-process", type=int, default=2, help="spaCy processes (%(default)s)")
    add("--batch-size", type=int, default=64, help="articles per batch (%(default)s, as kg build)")
    add("--model", default=None, help="spaCy pipeline (default: as kg build chooses)")
    add("--warmup", type=int, default=8, help="warm-up articles per variant (%(default)s)")
    add("--output", type=Path, default=None, help="also write the report to this file")
    add("--profile", action="store_true", help="profile a 1-process build (--limit 300 default)")
    add("--profile-stats", type=Path, default=None, help="with --profile: save cProfile stats")
    args = parser.parse_args(argv)
    numbers = (args.n_process, args.batch_size, args.warmup, args.limit or 1)
    if min(numbers) < 1:
        parser.error("--n-process, --batch-size, --limit and --warmup must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (or the profile), print the report, and return 0."""
    args = parse_args(argv)
    args.code_digest = code_digest()
    with frozen_schemas() as args.schemas_digest:
        report = run_profile(args) if args.profile else run_benchmark(args)
    sys.stdout.write(report)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(report, encoding="utf-8")
        log(f"report written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

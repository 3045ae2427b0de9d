"""N-Quads shards for a first load of a huge corpus: ``kg build --shards DIR``, ``kg load DIR``.

A build commits one transaction per batch and checks each article's fingerprint against
the store: what makes re-runs cheap and a killed build safe. For the first load of
millions of articles, writing the quads to files and handing them to Oxigraph's bulk
loader is several times faster (``bench/scale_bench.py``). The shards hold exactly the
quads a build would store: each article's named graph and metadata (with its
fingerprint, so later ``kg build`` runs skip it) and the run's description.

``kg load`` fills a new, empty store from the shards with pyoxigraph's bulk loader,
then adds the ontology graph and links entities across articles, as a build does. The
bulk loader is not transactional: a load killed mid-way leaves a partial store, to be
removed and loaded again. Once loaded, the store is updated with ``kg build`` as usual.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from . import __version__
from .build import _fingerprint, _now, is_too_long, source_file
from .errors import StoreError
from .extract import Extractor
from .io import OnError, ReadReport, read_articles
from .iri import IRIMinter
from .nlp import load_pipeline
from .rdf import article_quads, run_quads
from .records import Article, ArticleGraph
from .store_record import STORE_GRAPH

__all__ = ["LoadReport", "ShardReport", "load_shards", "write_shards"]


@dataclass
class ShardReport:
    """What :func:`write_shards` wrote."""

    articles: int = 0
    quads: int = 0
    shards: list[Path] = field(default_factory=list)
    read: ReadReport = field(default_factory=ReadReport)
    model: str = ""


@dataclass(frozen=True)
class LoadReport:
    """What :func:`load_shards` loaded."""

    shards: int
    quads: int
    links: int


def _write(path: Path, quads: Sequence[ox.Quad]) -> None:
    """Write a shard through a temporary file, so a killed build leaves no half shard."""
    partial = path.with_name(path.name + ".partial")
    ox.serialize(quads, output=str(partial), format=ox.RdfFormat.N_QUADS)
    os.replace(partial, path)


def write_shards(
    inputs: Sequence[Path | str],
    folder: Path | str,
    *,
    model: str | None = None,
    batch_size: int = 64,
    shard_size: int = 10_000,
    on_error: OnError = "raise",
    rules: Iterable[Path] = (),
    base: str | None = None,
    country: str = "",
    shipped_rules: bool = True,
    extract: Callable[[Iterable[Article], str], Iterable[ArticleGraph]] | None = None,
    on_article: Callable[[str], None] | None = None,
) -> ShardReport:
    """Extract ``inputs`` and write their quads as N-Quads shards into ``folder``.

    Args:
        inputs: As :func:`kg.build.build` takes them.
        folder: A new or empty folder; shards are ``part-00000.nq``, … and ``run.nq``.
        shard_size: Articles per shard.
        country: The country of government titles (``--country``, as :func:`kg.build.build`).
        shipped_rules: False to use only ``rules``, not ``schemas/rules/`` (as
            :func:`kg.build.build`); an ``extract`` elsewhere must use the same rules.
        extract: Extracts elsewhere (see :func:`kg.build.build`), e.g. on a Dask cluster.

    Raises:
        StoreError: ``folder`` holds files already.
        InputError: A bad article (with ``on_error="raise"``).
    """
    out = Path(folder)
    if out.exists() and any(out.iterdir()):
        raise StoreError(f"Cannot write shards into {out}: the folder is not empty")
    out.mkdir(parents=True, exist_ok=True)
    report = ShardReport()
    nlp = load_pipeline(model)
    report.model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
    extractor = Extractor(nlp, rules=rules, country=country, shipped_rules=shipped_rules)
    extraction = extractor.fingerprint
    minter = IRIMinter(base)
    run = minter.run(str(uuid.uuid4()))
    started = _now()

    def fitting() -> Iterable[Article]:
        for article in read_articles(list(inputs), on_error=on_error, report=report.read):
            if not is_too_long(article, nlp.max_length, on_error=on_error, read=report.read):
                yield article

    graphs = iter(
        extract(fitting(), extraction)
        if extract
        else extractor.pipe(fitting(), batch_size=batch_size)
    )
    while batch := list(islice(graphs, shard_size)):
        quads = [
            q
            for g in batch
            for q in article_quads(
                g,
                minter,
                run=run,
                fingerprint=_fingerprint(g.article, extraction),
                source_file=source_file(g.article.origin),
            )
        ]
        path = out / f"part-{len(report.shards):05d}.nq"
        _write(path, quads)
        report.shards.append(path)
        report.articles += len(batch)
        report.quads += len(quads)
        if on_article:
            for _ in batch:
                on_article("extracted")
    meta = nlp.meta
    described = run_quads(
        minter,
        run,
        started=started,
        ended=_now(),
        model=report.model,
        model_version=str(meta.get("version", "")),
        kg_version=__version__,
        extra=[("rulesFingerprint", extractor.ruleset.fingerprint)],
    )
    _write(out / "run.nq", described)
    report.shards.append(out / "run.nq")
    report.quads += len(described)
    return report


def load_shards(folder: Path | str, *, store: Path | str, link: bool = True) -> LoadReport:
    """Bulk-load every ``*.nq`` shard of ``folder`` into a new store at ``store``.

    Raises:
        StoreError: No shards, or the store already holds data (use ``kg build`` then).
    """
    from .link import update_links
    from .store import open_store

    shards = sorted(Path(folder).glob("*.nq"))
    if not shards:
        raise StoreError(f"No N-Quads shards (*.nq) in {folder}")
    with open_store(store, read_only=False) as kg:
        # A new store holds only its record (kg.store_record), written when it was opened.
        record = ox.NamedNode(STORE_GRAPH)
        held = sum(
            1 for q in kg.ox.quads_for_pattern(None, None, None, None) if q.graph_name != record
        )
        if held:
            raise StoreError(
                f"Cannot bulk-load into {store}: it holds {held:,} quads already; load "
                "into a new store (the bulk loader neither replaces articles nor is atomic)"
            )
        for shard in shards:
            try:
                kg.ox.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)
            except SyntaxError as exc:
                raise StoreError(f"{shard}: not valid N-Quads: {exc}") from exc
        kg.ensure_ontology()
        kg.ensure_local_graph()  # shards written by an older kg
        kg.ensure_consolidated()  # shards carry article graphs only
        links = len(update_links(kg)) if link else 0
        return LoadReport(len(shards), len(kg), links)

"""Build a graph: read articles, extract them, and store what changed.

Articles whose fingerprint (content hash + model + rules) is already stored are skipped
before spaCy sees them, so building the same input again adds nothing and costs little.
A changed article replaces its own graph. New articles are committed in batches, each one
Oxigraph transaction: a build killed mid-way keeps every batch that had committed. The run
record (the ``prov:Activity`` every stored article points to) is written in the transaction
of the first batch, so every state a build can leave behind validates; its end time is
added when the build finishes.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import Quad

from . import __version__
from .consolidate import consolidated_counts
from .curation import describe_curation, load_curation
from .errors import InputError
from .extract import Extractor
from .io import OnError, Problem, ReadReport, read_articles
from .io.identity import TEXT_ID_PREFIX
from .link import update_links
from .nlp import load_pipeline
from .rdf import article_quads, run_end_quad, run_quads, source_file_quad
from .records import Article, ArticleGraph
from .store import KGStore, open_store
from .store_record import require_record

__all__ = ["BuildReport", "build"]

logger = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What a build did.

    Attributes:
        added: Articles stored for the first time.
        replaced: Articles whose content, model or rules changed.
        unchanged: Articles already stored as they are (skipped).
        renamed: Of the unchanged, those read from a file they had not been read from
            (a renamed or copied folder): the file is recorded, nothing else is stored.
        entities: Entity mentions stored (per article).
        relations: Relations extracted (current and not).
        triples_before: Triples in the store before the build.
        triples_after: Triples in the store after the build.
        read: The reader's report (skipped articles and warnings).
        model: The spaCy pipeline used.
        links: ``owl:sameAs`` links across articles after the build (``None``: not
            worked out, because nothing changed or linking was off).
        curated: What the curation file did, one line per entry that applied.
        store_entities: Entities of the consolidated graph (links folded): the nodes of
            ``kg stats`` and the viewer.
        store_facts: Current facts of the consolidated graph (one per subject, predicate
            and object): the edges of ``kg stats`` and the viewer.
    """

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    renamed: int = 0
    entities: int = 0
    relations: int = 0
    triples_before: int = 0
    triples_after: int = 0
    read: ReadReport = field(default_factory=ReadReport)
    model: str = ""
    links: int | None = None
    curated: list[str] = field(default_factory=list)
    store_entities: int = 0
    store_facts: int = 0

    @property
    def triples_added(self) -> int:
        return self.triples_after - self.triples_before

    def to_dict(self) -> dict[str, object]:
        """The report as plain JSON-ready values (``kg build --json``)."""
        return {
            "model": self.model,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "renamed": self.renamed,
            "skipped": self.read.skipped,
            "duplicates": self.read.duplicates,
            "entities": self.entities,
            "relations": self.relations,
            "triples_added": self.triples_added,
            "triples": self.triples_after,
            "links": self.links,
            "curated": self.curated,
            "store_entities": self.store_entities,
            "store_facts": self.store_facts,
            "problems": [
                {"kind": p.kind, "origin": p.origin, "message": p.message}
                for p in self.read.problems
            ],
            "passed_over": dict(sorted(self.read.passed_over.items())),
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def is_too_long(article: Article, max_length: int, *, on_error: OnError, read: ReadReport) -> bool:
    """Whether ``article`` is longer than the pipeline takes: counted as skipped, or raised.

    Raises:
        InputError: It is too long and ``on_error`` is ``"raise"``.
    """
    if len(article.text) <= max_length:
        return False
    problem = (
        f"{article.origin}: article {article.id!r} has {len(article.text):,} "
        f"characters, more than the pipeline's max_length {max_length:,}"
    )
    if on_error == "raise":
        raise InputError(problem + "; split it or pass --on-error skip")
    read.problems.append(Problem(article.origin, problem))
    read.skipped += 1
    return True


def _fingerprint(article: Article, extraction: str) -> str:
    return hashlib.sha256(f"{article.content_hash}|{extraction}|{__version__}".encode()).hexdigest()


def build(
    inputs: Sequence[Path | str],
    *,
    store: Path | str,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    on_error: OnError = "raise",
    rules: Iterable[Path] = (),
    base: str | None = None,
    wait: float = 0.0,
    on_article: Callable[[str], None] | None = None,
    link: bool = True,
    country: str = "",
    date: str = "",
    urls: Mapping[Path, str] | None = None,
    curation: Path | str | None = None,
    extract: Callable[[Iterable[Article], str], Iterable[ArticleGraph]] | None = None,
    shipped_rules: bool = True,
) -> BuildReport:
    """Build (or update) the store at ``store`` from ``inputs``.

    Args:
        inputs: Files and folders that :func:`kg.io.read_articles` reads.
        store: The store folder; created when missing.
        model: The spaCy pipeline (see :func:`kg.nlp.resolve_model_name`).
        n_process: Processes for spaCy and extraction.
        batch_size: Articles per spaCy batch and per store transaction.
        on_error: ``"raise"`` stops at the first bad article; ``"skip"`` counts and skips it.
        rules: Extra rule folders.
        shipped_rules: False to use only ``rules``, not ``schemas/rules/``.
        base: IRI base of minted IRIs.
        wait: Seconds to wait for another build to release the store.
        on_article: Called per article with ``"unchanged"`` (skipped, already stored) or
            ``"extracted"`` as it goes, then ``"added"`` or ``"replaced"`` once stored.
        link: When articles were added or replaced, link entities across articles again
            (:func:`kg.link.update_links`).
        country: The country whose government titles the articles mean ("Chancellor X"
            with no department); empty: each article's publisher, dateline or text decides.
        date: The date of every article that carries none (``--date``).
        urls: The URL each fetched input file came from (``kg fetch``).
        curation: The curation file (:mod:`kg.curation`; default ``schemas/curation.toml``),
            applied when linking.
        extract: Extracts the articles elsewhere, given them and the extraction fingerprint
            of ``model`` and ``rules`` (e.g. :meth:`kg.cluster.DaskExtraction.pipe`);
            ``None`` extracts in this process.

    Raises:
        InputError: A bad article (with ``on_error="raise"``) or a missing input path.
        ModelError: The pipeline cannot be loaded.
        StoreError: The store cannot be opened (e.g. another build holds it).
    """
    report = BuildReport()
    articles = read_articles(
        list(inputs), on_error=on_error, report=report.read, date=date, urls=urls
    )
    # The store first: a store that refuses this build (locked, another --base, an old
    # format) says so before the model loads.
    with open_store(store, read_only=False, base=base, wait=wait) as kg:
        require_record(kg.ox, path=kg.path)
        nlp = load_pipeline(model)
        report.model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
        extractor = Extractor(nlp, rules=rules, country=country, shipped_rules=shipped_rules)
        report.triples_before = len(kg)
        kg.ensure_ontology()
        kg.ensure_local_graph()
        kg.ensure_consolidated()
        run = kg.minter.run(str(uuid.uuid4()))
        started = _now()
        stored = kg.fingerprints()
        stored_iris = kg.article_iris()
        stored_files = kg.source_files()
        # A text file that now holds another text: its old article (known by its text, and
        # read from that file only) is replaced by the new one, as a changed article is.
        only_file = {
            next(iter(files)): article_id
            for article_id, files in stored_files.items()
            if article_id.startswith(TEXT_ID_PREFIX) and len(files) == 1
        }
        superseded: dict[str, str] = {}  # new id -> the stored id it replaces
        new_files: list[Quad] = []  # stored articles found again under another file name
        extraction = extractor.fingerprint  # once per build: the model and rules are fixed
        fingerprints: dict[str, str] = {}

        def todo() -> Iterator[Article]:
            for article in articles:
                if is_too_long(article, nlp.max_length, on_error=on_error, read=report.read):
                    continue
                fingerprint = _fingerprint(article, extraction)
                if stored.get(article.id) == fingerprint:
                    report.unchanged += 1
                    known = stored_files.setdefault(article.id, set())
                    if article.source_file and article.source_file not in known:
                        if known:
                            report.renamed += 1
                        known.add(article.source_file)
                        new_files.append(
                            source_file_quad(kg.minter, article.id, article.source_file)
                        )
                    if on_article:
                        on_article("unchanged")
                    continue
                holder = stored_iris.get(kg.minter.article(article.id), article.id)
                if holder != article.id:  # only a store minted otherwise can get here
                    problem = (
                        f"{article.origin}: article {article.id!r} would take the IRI of the "
                        f"stored article {holder!r}"
                    )
                    if on_error == "raise":
                        raise InputError(problem + "; give it another id or use another --store")
                    report.read.problems.append(Problem(article.origin, problem))
                    report.read.skipped += 1
                    continue
                fingerprints[article.id] = fingerprint
                old = only_file.get(article.source_file)
                if article.id not in stored and old is not None and old != article.id:
                    superseded[article.id] = old
                    del only_file[article.source_file]
                yield article

        meta = nlp.meta
        # Written with the first batch (see the module docstring), then emptied.
        run_record = run_quads(
            kg.minter,
            run,
            started=started,
            model=report.model,
            model_version=str(meta.get("version", "")),
            kg_version=__version__,
            extra=[("rulesFingerprint", extractor.ruleset.fingerprint)],
        )
        pending: list[ArticleGraph] = []
        graphs = (
            extract(todo(), extraction)
            if extract
            else extractor.pipe(todo(), batch_size=batch_size, n_process=n_process)
        )
        for graph in graphs:
            if on_article:
                on_article("extracted")
            pending.append(graph)
            if len(pending) >= batch_size:
                _commit(
                    kg,
                    pending,
                    stored,
                    fingerprints,
                    (run, run_record),
                    report,
                    on_article,
                    superseded,
                )
                pending = []
        _commit(
            kg, pending, stored, fingerprints, (run, run_record), report, on_article, superseded
        )
        if new_files:
            kg.add(new_files)
        if report.added or report.replaced:
            kg.add([run_end_quad(kg.minter, run, ended=_now())])
        corrections = load_curation(curation)
        if link and (report.added or report.replaced or corrections.entries):
            found = update_links(kg, curation=corrections)
            report.links = len(found)
            report.curated = describe_curation(kg, corrections, found)
        report.store_entities, report.store_facts = consolidated_counts(kg.ox, kg.minter.base)
        report.triples_after = len(kg)
    return report


def source_file(origin: str) -> str:
    """The absolute path of the file an article's ``origin`` names (``"a.jsonl:12"`` →
    ``/…/a.jsonl``), or ``""`` when it names no existing file (a URL)."""
    for candidate in (origin, origin.rsplit(":", 1)[0]):
        path = Path(candidate)
        if candidate and path.is_file():
            return str(path.resolve())
    return ""


def _commit(
    kg: KGStore,
    graphs: list[ArticleGraph],
    stored: dict[str, str],
    fingerprints: dict[str, str],
    run: tuple[str, list[Quad]],
    report: BuildReport,
    on_article: Callable[[str], None] | None,
    superseded: dict[str, str],
) -> None:
    """Store one batch; the run record (``run``: IRI and quads), unless already written (its
    quads list then empty), goes into the batch's first transaction."""
    if not graphs:
        return
    run_iri, run_record = run
    new: list[tuple[str, list[Quad]]] = []
    changed: list[tuple[str, list[Quad]]] = []
    for graph in graphs:
        article_id = graph.article.id
        quads = article_quads(
            graph,
            kg.minter,
            run=run_iri,
            fingerprint=fingerprints[article_id],
            source_file=graph.article.source_file or source_file(graph.article.origin),
        )
        old_id = superseded.get(article_id, article_id)  # what the new quads replace
        if old_id in stored:
            changed.append((old_id, quads))
        else:
            new.append((article_id, quads))
        report.entities += len(graph.entities)
        report.relations += len(graph.triples)
    first = new if new else changed
    first[0] = (first[0][0], [*run_record, *first[0][1]])
    run_record.clear()
    kg.replace_articles(changed, new=new)  # one transaction, consolidated graph included
    for old_id, _ in changed:
        stored.pop(old_id, None)
    for graph in graphs:
        stored[graph.article.id] = fingerprints[graph.article.id]
    for article_id, _ in new:
        stored[article_id] = fingerprints[article_id]
    report.added += len(new)
    report.replaced += len(changed)
    logger.info(
        "committed %d new and %d changed articles (%d added, %d replaced so far)",
        len(new),
        len(changed),
        report.added,
        report.replaced,
    )
    if on_article:
        for _ in new:
            on_article("added")
        for _ in changed:
            on_article("replaced")

"""Commands that make and check the graph: build, export, validate, rules."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.table import Table
from rich.text import Text

from ..errors import KGError
from ._app import DEFAULT_STORE, StoreOption, app, console, console_err
from ._progress import item_progress, working
from ._tables import fit_table

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..build import BuildReport
    from ..records import Article, ArticleGraph

_Report = TypeVar("_Report")

ModelOption = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline to use (env KG_MODEL).", envvar="KG_MODEL"),
]
RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="A folder of extra rules (titles*.tsv, *.toml); repeatable."),
]
NoDefaultRulesOption = Annotated[
    bool,
    typer.Option(
        "--no-default-rules",
        help="Use only the --rules folders: they replace the shipped schemas/rules/.",
    ),
]


@app.command()
def build(
    inputs: Annotated[
        list[Path],
        typer.Argument(help=".txt, .jsonl, .html, .rss/.atom/.xml and .warc(.gz) files, folders."),
    ],
    store: StoreOption = DEFAULT_STORE,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Also export the graph to this file (.ttl, .trig, …)."),
    ] = None,
    model: ModelOption = None,
    n_process: Annotated[
        int, typer.Option("--n-process", "-j", min=1, help="Processes for spaCy.")
    ] = 1,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per batch.")
    ] = 64,
    on_error: Annotated[
        str,
        typer.Option(
            "--on-error", help="raise: stop at the first bad article; skip: report and go on."
        ),
    ] = "raise",
    rules: RulesOption = None,
    no_default_rules: NoDefaultRulesOption = False,
    base: Annotated[
        str | None, typer.Option("--base", help="IRI base (env KG_BASE).", envvar="KG_BASE")
    ] = None,
    wait: Annotated[
        float, typer.Option("--wait", help="Seconds to wait for another build to finish.")
    ] = 0.0,
    link: Annotated[
        bool,
        typer.Option(
            "--link/--no-link",
            help="Link short names to full ones across articles (owl:sameAs) after the build.",
        ),
    ] = True,
    curation: Annotated[
        Path | None,
        typer.Option(
            "--curation",
            dir_okay=False,
            help="Curation file: same_as, not_same_as, rename, retype "
            "(default: schemas/curation.toml).",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each committed batch.")
    ] = False,
    country: Annotated[
        str,
        typer.Option(
            "--country",
            help="Country whose government titles the articles mean ('Chancellor X' with no"
            " department); default: each article's publisher, dateline or text.",
        ),
    ] = "",
    date: Annotated[
        str | None,
        typer.Option("--date", help="Date (YYYY-MM-DD) of every article that carries none."),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar and no summary (problems still)."),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON on stdout.")
    ] = False,
    shards: Annotated[
        Path | None,
        typer.Option(
            "--shards",
            help="Write N-Quads shards into this new folder instead of a store (then kg load).",
        ),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Extract on Dask: local[:N] (N worker processes) or tcp://SCHEDULER:8786.",
        ),
    ] = None,
) -> None:
    """Build or update the graph from news articles.

    On a terminal, a progress bar on stderr shows articles done, articles per second
    and the time left; piped runs and --quiet show none.
    """
    if verbose:
        import logging

        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from ..build import build as run_build
    from ..export import export, format_from_suffix
    from ..io import OnError
    from ..store import open_store

    if on_error not in ("raise", "skip"):
        raise typer.BadParameter("use 'raise' or 'skip'", param_hint="--on-error")
    policy: OnError = "skip" if on_error == "skip" else "raise"
    if no_default_rules and not rules:
        raise typer.BadParameter(
            "give the rules to use with --rules", param_hint="--no-default-rules"
        )
    if date is not None:
        from ..io.dates import to_iso_date

        if to_iso_date(date) is None:
            raise typer.BadParameter(
                f"{date!r} is not a date; write YYYY-MM-DD", param_hint="--date"
            )
    if output is not None and format_from_suffix(output) is None:
        raise typer.BadParameter(f"unknown export format for {output}", param_hint="--output")
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        extract = None
        if cluster is not None:
            extract = _dask_extraction(
                stack,
                cluster,
                model=model,
                rules=rules or (),
                country=country,
                shipped_rules=not no_default_rules,
                batch_size=batch_size,
            )
        if shards is not None:
            from ..shards import write_shards

            written = build_with_progress(
                write_shards,
                inputs,
                quiet=quiet,
                folder=shards,
                model=model,
                batch_size=batch_size,
                on_error=policy,
                rules=rules or (),
                base=base,
                country=country,
                shipped_rules=not no_default_rules,
                extract=extract,
            )
            for problem in written.read.problems:
                console_err.print(Text.assemble((f"{problem.kind}:", "yellow"), " ", str(problem)))
            console.print(
                f"Wrote {len(written.shards)} shards to {shards} with {written.model}: "
                f"{written.articles} articles, {written.read.skipped} skipped (bad input); "
                f"{written.quads:,} quads. Load them into a new store with: kg load {shards} "
                "--store STORE"
            )
            return
        report = build_with_progress(
            run_build,
            inputs,
            quiet=quiet,
            store=store,
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            on_error=policy,
            rules=rules or (),
            base=base,
            wait=wait,
            link=link,
            date=date or "",
            country=country,
            curation=curation,
            extract=extract,
            shipped_rules=not no_default_rules,
        )
    print_build_report(report, store, quiet=quiet, as_json=as_json, started=started)
    if output is not None:
        fmt = format_from_suffix(output)
        assert fmt is not None
        with (
            open_store(store, read_only=True, base=base) as kg,
            working(console_err, f"Exporting {fmt} to {output}", quiet=quiet or as_json),
        ):
            export(kg, fmt, output)
        if not (quiet or as_json):
            console.print(f"Exported {fmt} to {output}")


def _dask_extraction(
    stack: contextlib.ExitStack[bool | None],
    cluster: str,
    *,
    model: str | None,
    rules: Sequence[Path],
    country: str,
    shipped_rules: bool,
    batch_size: int,
) -> Callable[[Iterable[Article], str], Iterable[ArticleGraph]]:
    """Connect to (or start) the Dask cluster for the rest of ``stack``; its extractor."""
    try:
        from ..cluster import DaskExtraction
    except ImportError as exc:
        if exc.name != "distributed":
            raise
        raise KGError(
            "kg build --cluster needs Dask distributed: pip install 'kg[cluster]'"
        ) from exc

    def connected(dask: DaskExtraction) -> None:
        console_err.print(
            f"Extracting on Dask: {dask.workers} workers; dashboard "
            f"{dask.dashboard or 'off (install bokeh)'}"
        )

    dask = DaskExtraction(
        cluster,
        model=model,
        rules=rules,
        country=country,
        shipped_rules=shipped_rules,
        partition_size=batch_size,
        on_connect=connected,
    )
    return stack.enter_context(dask).pipe


def build_with_progress(
    run: Callable[..., _Report],
    inputs: Sequence[Path | str],
    *,
    quiet: bool = False,
    **options: Any,
) -> _Report:
    """``run`` with a progress bar on a terminal's stderr (none when piped).

    ``run`` is :func:`kg.build.build` or :func:`kg.shards.write_shards`; ``options`` are
    its keyword arguments but ``on_article``.
    """
    from ..io import count_inputs

    progress = item_progress(console_err, verb="Building", unit="articles", quiet=quiet)
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with progress:
        task = progress.add_task("build", total=count_inputs(list(inputs)), counts="")

        def tick(kind: str) -> None:
            # An article advances the bar once: when skipped as unchanged or extracted.
            advance = 1 if kind in ("unchanged", "extracted") else 0
            if kind in counts:
                counts[kind] += 1
            progress.update(
                task, advance=advance, counts=", ".join(f"{v} {k}" for k, v in counts.items() if v)
            )

        return run(inputs, on_article=tick, **options)


def print_build_report(
    report: BuildReport,
    store: Path,
    *,
    quiet: bool = False,
    as_json: bool = False,
    started: float | None = None,
) -> None:
    """The input problems and items passed over on stderr, then the summary.

    The summary is one line on stdout, or a JSON object with ``as_json`` (``started``, a
    ``time.monotonic()`` reading, adds the seconds taken); ``quiet`` leaves it out.
    """
    for problem in report.read.problems:
        console_err.print(Text.assemble((f"{problem.kind}:", "yellow"), " ", str(problem)))
    for kind, n in sorted(report.read.passed_over.items()):
        console_err.print(f"passed over {n:,} {kind}")
    if as_json:
        summary = {"store": str(store), **report.to_dict()}
        if started is not None:
            summary["seconds"] = round(time.monotonic() - started, 3)
        typer.echo(json.dumps(summary))
    elif not quiet:
        console.print(
            f"Built {store} with {report.model}: {report.added} added, {report.replaced} replaced, "
            f"{report.unchanged} unchanged"
            + (f" ({report.renamed} of them under another file name)" if report.renamed else "")
            + f"; {report.read.skipped} skipped (bad input)"
            + (
                f", {report.read.duplicates} duplicate(s) read once"
                if report.read.duplicates
                else ""
            )
            + ". "
            f"{report.entities} entity mentions, {report.relations} relations; "
            f"{report.triples_added:+,} triples ({report.triples_after:,} in the store)."
            + (f" {report.links:,} entities linked across articles." if report.links else "")
            + f" Consolidated: {report.store_entities:,} entities, {report.store_facts:,} current"
            " facts (the nodes and edges of kg stats and the viewer)."
        )
        for line in report.curated:
            console.print(Text(f"curation: {line}"))


@app.command("export")
def export_command(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="File to write ('-': standard output; a folder for neo4j)."
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="turtle, trig, nt, nq, jsonld, csv, graphml, gexf, neo4j "
            "(default: from the suffix).",
        ),
    ] = None,
    with_ontology: Annotated[
        bool,
        typer.Option(
            "--with-ontology", help="Include the ontology (turtle, trig, nt, nq, jsonld)."
        ),
    ] = False,
    with_source_files: Annotated[
        bool,
        typer.Option(
            "--with-source-files",
            help="Include the local paths the articles were read from (kg:sourceFile), "
            "left out by default (turtle, trig, nt, nq, jsonld).",
        ),
    ] = False,
    store: StoreOption = DEFAULT_STORE,
) -> None:
    """Export the graph (Turtle flattens the article graphs; TriG keeps them).

    Local paths of the source files stay in the store unless --with-source-files."""
    from ..export import FORMATS, RDF_FORMATS, export, format_from_suffix
    from ..files import is_stdout
    from ..graph import neo4j_import_command
    from ..store import open_store

    chosen = fmt or format_from_suffix(output)
    if chosen not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    assert chosen is not None
    if with_ontology and chosen not in RDF_FORMATS:
        raise typer.BadParameter(
            f"{chosen} cannot carry the ontology; use one of {', '.join(RDF_FORMATS)}",
            param_hint="--with-ontology",
        )
    if with_source_files and chosen not in RDF_FORMATS:
        raise typer.BadParameter(
            f"{chosen} never carries source files; use one of {', '.join(RDF_FORMATS)}",
            param_hint="--with-source-files",
        )
    with (
        open_store(store, read_only=True) as kg,
        working(console_err, f"Exporting {chosen} to {output}"),
    ):
        written = export(
            kg, chosen, output, with_ontology=with_ontology, with_source_files=with_source_files
        )
    if is_stdout(output):  # stdout carries the data: the note goes to stderr
        console_err.print(f"Exported {chosen} to standard output")
        return
    # A FIFO or a device is written through: it has no size to show.
    sizes = ", ".join(
        f"{path} ({path.stat().st_size:,} bytes)" if path.is_file() else str(path)
        for path in written
    )
    console.print(f"Exported {chosen} to {sizes}")
    if chosen == "neo4j":
        console.print(f"Import with: {neo4j_import_command(output)}")


@app.command()
def validate(store: StoreOption = DEFAULT_STORE) -> None:
    """Check the store against the SHACL shapes in schemas/shapes.ttl."""
    from ..store import open_store
    from ..validate import validate_store

    with open_store(store, read_only=True) as kg:
        result = validate_store(kg)
    if result.conforms:
        console.print(f"Conforms: {result.triples:,} triples, 0 violations")
        return
    table = Table(
        "focus", "path", "value", "message", title=f"{len(result.violations)} violation(s)"
    )
    for v in result.violations[:200]:
        table.add_row(Text(v.focus), Text(v.path), Text(v.value), Text(v.message))
    fitted = fit_table(table, width=console.width, iri_columns={0, 1})
    console.print(table)
    if note := fitted.note(console.width):
        console_err.print(Text(note, style="dim"))
    raise typer.Exit(1)


rules_app = typer.Typer(
    help="The relation rules (schemas/rules/ plus --rules folders).", no_args_is_help=True
)
app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def rules_list(rules: RulesOption = None) -> None:
    """List every rule: id, predicate, confidence and its example sentence."""
    from ..extract.rules import load_rules

    ruleset = load_rules(*(rules or ()))
    table = Table("id", "predicate", "conf.", "example", title=f"{len(ruleset.rules)} rules")
    for rule in ruleset.rules:
        table.add_row(
            rule.id, rule.predicate, f"{rule.confidence:.2f}", rule.example.replace("\n", " ⏎ ")
        )
    console.print(table)
    console.print(
        f"{len(ruleset.titles)} title phrases, {len(ruleset.modifiers)} status modifiers, from "
        + ", ".join(str(p) for p in ruleset.sources)
    )


@rules_app.command("check")
def rules_check(rules: RulesOption = None) -> None:
    """Validate the rules and run every rule's example (needs the spaCy pipeline)."""
    from ..extract.rule_examples import check_examples

    failures = check_examples(rules or ())
    for failure in failures:
        console_err.print(Text.assemble(("FAIL", "red"), " ", failure))
    if failures:
        raise KGError(f"{len(failures)} rule example(s) do not give their expected triple")
    console.print("Every rule example gives its expected triple.")

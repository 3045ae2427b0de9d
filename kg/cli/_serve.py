"""Commands that take the graph beyond one process: ``kg serve``, ``kg push``, ``kg load``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ._app import DEFAULT_STORE, StoreOption, app, console, console_err

__all__ = ["load", "push", "serve"]


@app.command()
def serve(
    store: StoreOption = DEFAULT_STORE,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback unless told otherwise).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port (0: any free port).")
    ] = 7878,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Queries answered at once (processes).")
    ] = 2,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds a query may run.")
    ] = 30.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", min=1, help="Most rows (or triples) of a result.")
    ] = 10_000,
    base: Annotated[
        str | None, typer.Option("--base", help="IRI base of kgd: (env KG_BASE).", envvar="KG_BASE")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each request.")] = False,
    with_source_files: Annotated[
        bool,
        typer.Option(
            "--with-source-files",
            help="Also let queries see the local paths the articles were read from "
            "(kg:sourceFile); hidden by default.",
        ),
    ] = False,
) -> None:
    """Serve the store read-only: SPARQL 1.1 Protocol at /query, the viewer at /.

    Builds can write the store meanwhile; each query sees what they committed before it.
    Stops on SIGTERM or Ctrl-C.
    """
    if verbose:
        import logging

        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from ..serve import is_loopback, make_server, serve_until_stopped

    if not is_loopback(host):
        console_err.print(
            f"warning: kg serve listens on {host}, not loopback: anyone who can reach this "
            "machine can query the graph"
        )
    server = make_server(
        store,
        host=host,
        port=port,
        workers=workers,
        timeout=timeout,
        max_rows=max_rows,
        base=base,
        with_source_files=with_source_files,
    )

    def ready() -> None:
        console.print(
            f"Serving {store} at {server.url}query (SPARQL) and {server.url} (viewer); "
            "Ctrl-C or SIGTERM stops."
        )
        console.file.flush()

    serve_until_stopped(server, on_ready=ready)
    console.print("Stopped.")


@app.command()
def push(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            "-e",
            help="Graph Store Protocol URL: Oxigraph http://HOST:7878/store, Fuseki "
            "http://HOST:3030/DATASET/data, Virtuoso http://HOST:8890/sparql-graph-crud-auth.",
        ),
    ],
    store: StoreOption = DEFAULT_STORE,
    header: Annotated[
        list[str] | None,
        typer.Option(
            "--header",
            "-H",
            metavar="'NAME: VALUE'",
            help="A request header, e.g. 'Authorization: Bearer TOKEN' (repeatable).",
        ),
    ] = None,
    netrc: Annotated[
        Path | None,
        typer.Option("--netrc", help="netrc file of credentials (default $NETRC or ~/.netrc)."),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option("--allow-private", help="Allow loopback and private network addresses."),
    ] = False,
    with_source_files: Annotated[
        bool,
        typer.Option(
            "--with-source-files",
            help="Also send the local paths the articles were read from (kg:sourceFile).",
        ),
    ] = False,
    delete_missing: Annotated[
        bool,
        typer.Option(
            "--delete-missing",
            help="Delete on the server the graphs kg pushed there before that are gone from the "
            "store (kg remove, kg prune); only those under the store's base IRI.",
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Send nothing: list the graphs --delete-missing would delete."
        ),
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds allowed for each request.")
    ] = 60.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each graph.")] = False,
) -> None:
    """Send every graph of the store to a SPARQL server (PUT per graph: pushing twice adds nothing)."""
    if verbose:
        import logging

        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from ..push import push as run_push

    headers: dict[str, str] = {}
    for item in header or []:
        name, sep, value = item.partition(":")
        if not sep or not name.strip():
            raise typer.BadParameter(f"give 'NAME: VALUE', not {item!r}", param_hint="--header")
        headers[name.strip()] = value.strip()
    report = run_push(
        store,
        endpoint,
        headers=headers,
        netrc=netrc,
        allow_private=allow_private,
        with_source_files=with_source_files,
        delete_missing=delete_missing,
        dry_run=dry_run,
        timeout=timeout,
    )
    verb = "would delete" if report.dry_run else "deleted"
    for graph in report.deleted:
        console.print(Text(f"{verb} <{graph}>"))
    gone = (
        f"; {verb} {len(report.deleted):,} graph(s) gone from the store" if delete_missing else ""
    )
    if report.dry_run:
        console.print(
            f"Would push {report.graphs:,} graphs ({report.triples:,} triples) from {store} to "
            f"{endpoint}{gone}. Nothing was sent."
        )
    else:
        console.print(
            f"Pushed {report.graphs:,} graphs ({report.triples:,} triples) from {store} to "
            f"{endpoint}{gone} in {report.seconds:.1f} s."
        )


@app.command()
def load(
    shards: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Folder of kg build --shards.")
    ],
    store: StoreOption = DEFAULT_STORE,
    link: Annotated[
        bool,
        typer.Option("--link/--no-link", help="Link short names to full ones (owl:sameAs)."),
    ] = True,
) -> None:
    """Bulk-load the N-Quads shards of kg build --shards into a new store."""
    import time

    from ..shards import load_shards

    started = time.perf_counter()
    report = load_shards(shards, store=store, link=link)
    seconds = time.perf_counter() - started
    console.print(
        f"Loaded {report.shards} shards into {store}: {report.quads:,} quads in {seconds:.1f} s"
        + (f"; {report.links:,} entities linked across articles." if report.links else ".")
    )

"""``kg query``: SPARQL over the store, ad hoc or from the library of named queries.

The store is opened read-only (for writing only with ``--allow-update`` and an update);
:mod:`kg.query` parses the query, applies the guard rails and runs it; :mod:`kg.query.named`
looks up the names given to a named query's entity parameters first. Tables hold plain
text, never rich markup: names and sentences come from articles. CSV, TSV, JSON and Turtle
are written to stdout as serialized, their control and bidi characters escaped.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..sanitize import escape_unicode
from ._app import DEFAULT_STORE, StoreOption, app, console, console_err
from ._tables import fit_table

if TYPE_CHECKING:
    import pyoxigraph as ox

    from ..query import QueryResult
    from ..query.named import NamedQuery

__all__ = ["query"]


class Graphs(StrEnum):
    """What ``kg query`` reads by default."""

    kg = "kg"
    all = "all"


class OutputFormat(StrEnum):
    """Output formats of ``kg query``."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


@app.command()
def query(
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="[QUERY]",
            help="The SPARQL query; '-' reads it from stdin.",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file", "-f", exists=True, dir_okay=False, help="Read the query from a file."
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", "-n", help="Run a named query of schemas/queries (see --list)."),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="NAME=VALUE",
            help="Bind ?NAME (repeatable): an IRI, a kgd: CURIE, or a name matched on labels.",
        ),
    ] = None,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the named queries and their parameters.")
    ] = False,
    store: StoreOption = DEFAULT_STORE,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            "-d",
            exists=True,
            dir_okay=False,
            help="Query an RDF file (.ttl, .trig, .nt, .nq) instead of the store.",
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-F",
            case_sensitive=False,
            help="table, or SPARQL results as csv, tsv or json. CONSTRUCT and DESCRIBE "
            "print Turtle (json: JSON-LD).",
        ),
    ] = OutputFormat.table,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            "-t",
            help="Stop the query after this many seconds (default 120; updates: no limit). "
            "Queries run in a worker process that the limit or Ctrl-C stops at once.",
            show_default=False,
        ),
    ] = None,
    allow_network: Annotated[
        bool,
        typer.Option("--allow-network", help="Allow SERVICE, LOAD, FROM and USING (remote data)."),
    ] = False,
    allow_update: Annotated[
        bool,
        typer.Option("--allow-update", help="Allow SPARQL updates, which write to the store."),
    ] = False,
    graphs: Annotated[
        Graphs,
        typer.Option(
            "--graphs",
            case_sensitive=False,
            help="The default graph: kg, the consolidated graph (one node per entity, one "
            "triple per fact); all, the union of every graph (provenance, statements).",
        ),
    ] = "kg",  # type: ignore[assignment]
) -> None:
    """Run a SPARQL query over the consolidated graph of the store (--graphs all: every graph;
    prefixes kg:, kgd:, rdfs:, … predeclared; GRAPH <iri> reaches any graph).

    Examples: kg query 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }';
    kg query --name role-holders --param org="White House"; kg query --list.
    """
    from ..errors import QueryError
    from ..query import DEFAULT_TIMEOUT, check_query, check_timeout
    from ..query.named import list_named_queries, load_named_query
    from ..query.worker import MAX_TIMEOUT

    if list_queries:
        _print_named_queries(list_named_queries())
        return
    given = [flag for flag, value in (("QUERY", text), ("--file", file), ("--name", name)) if value]
    if len(given) != 1:
        raise typer.BadParameter(
            "give the query as exactly one of QUERY, --file or --name (or use --list)"
            + (f"; got {' and '.join(given)}" if given else ""),
            param_hint="QUERY",
        )
    if timeout is not None:
        try:
            check_timeout(timeout)
        except QueryError:
            raise typer.BadParameter(
                f"{timeout:g} is not a number of seconds above 0 and at most {MAX_TIMEOUT:,.0f}",
                param_hint="--timeout",
            ) from None
    params = _parse_params(param or [])
    hide: tuple[str, ...] = ()
    named: NamedQuery | None = None
    if name:
        named = load_named_query(name)
        params = named.bind(params)
        sparql = named.text
        hide = tuple(p.name for p in named.params)  # the same value on every row
    elif file:
        sparql = file.read_text(encoding="utf-8")
    else:
        sparql = sys.stdin.read() if text == "-" else str(text)

    kind = check_query(sparql, allow_network=allow_network, allow_update=allow_update)
    if timeout is None and kind != "update":  # a killed writer is unsafe: updates run here
        timeout = DEFAULT_TIMEOUT
    result = _run(
        sparql,
        kind,
        store=store,
        data=data,
        params=params,
        timeout=timeout,
        allow_network=allow_network,
        allow_update=allow_update,
        named=named,
        graphs=Graphs(graphs).value,
    )
    _print_result(result, fmt.value, data=data, hide=hide)
    if named is not None and "article-dates" in named.needs and data is None:
        _warn_undated(store)


def _warn_undated(store: Path) -> None:
    """Say how many articles have no date, which a query over dates cannot see."""
    from ..query.named import undated_articles
    from ..store import open_store

    with open_store(store, read_only=True) as kg_store:
        undated, total = undated_articles(kg_store.ox)
    if undated:
        console_err.print(
            Text(
                f"warning: {undated:,} of {total:,} articles have no date, so their statements "
                "carry no kg:asOf and this query cannot see them; give dates ('date' in JSONL, "
                "a 'Date:' header in .txt, or kg build --date YYYY-MM-DD)"
            )
        )


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lstrip("?$")
        if not sep or not key.isidentifier():
            raise typer.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--param")
        params[key] = value
    return params


def _run(
    sparql: str,
    kind: str,
    *,
    store: Path,
    data: Path | None,
    params: dict[str, str],
    timeout: float | None,
    allow_network: bool,
    allow_update: bool,
    named: NamedQuery | None = None,
    graphs: str = "kg",
) -> QueryResult:
    """Open the data the way the query needs it and run the query (a named one by name)."""
    from ..iri import resolve_base
    from ..query import run_query
    from ..query.named import run_named_query
    from ..store import load_file, open_store

    def execute(source: ox.Store | Path, base: str) -> QueryResult:
        if named is not None:  # looks up the names its entity parameters are given
            return run_named_query(source, named, params, timeout=timeout, base=base)
        return run_query(
            source,
            sparql,
            params=params,
            timeout=timeout,
            allow_network=allow_network,
            allow_update=allow_update,
            base=base,
            graphs=graphs,
        )

    if data is not None:
        return execute(load_file(data), resolve_base())
    if timeout is not None:
        # The child process opens the store itself, read-only; this checks it is a store.
        with open_store(store, read_only=True) as kg_store:
            base, path = kg_store.minter.base, kg_store.path
        return execute(path, base)
    if kind == "update":
        open_store(store, read_only=True).close()  # never create a store by mistake
    with open_store(store, read_only=kind != "update") as kg_store:
        return execute(kg_store.ox, kg_store.minter.base)


def _print_result(
    result: QueryResult, fmt: str, *, data: Path | None, hide: tuple[str, ...]
) -> None:
    if result.kind == "update":
        where = f" to an in-memory copy of {data} (the file is unchanged)" if data else ""
        console.print(Text(f"Update applied{where}."))
        return
    if fmt != "table":
        _echo(result.render(fmt), fmt)
        return
    if result.kind == "construct":
        _echo(result.to_turtle(), "turtle")
    elif result.kind == "ask":
        typer.echo("true" if result.boolean else "false")
    else:
        table = result.to_table(hide=hide)
        fitted = fit_table(table, width=console.width, iri_columns=_iri_columns(result, hide))
        console.print(table)
        noun = "row" if len(result) == 1 else "rows"
        console_err.print(Text(f"{len(result)} {noun}"))
        if note := fitted.note(console.width):
            console_err.print(Text(note, style="dim"))


def _iri_columns(result: QueryResult, hide: tuple[str, ...]) -> set[int]:
    """Positions, among the shown columns, of those holding mostly IRIs."""
    names = result.variables if result.kind != "construct" else ("subject", "predicate", "object")
    rows = result.rows if result.kind != "construct" else result.triples
    shown = [i for i, name in enumerate(names) if name not in hide]
    iri = set()
    for pos, i in enumerate(shown):
        kinds = [term.type for term in (row[i] for row in rows) if term is not None]
        if kinds and 2 * sum(kind == "uri" for kind in kinds) > len(kinds):
            iri.add(pos)
    return iri


def _echo(text: str, fmt: str) -> None:
    """Write serialized results, ending with a newline.

    JSON, Turtle and TSV get their control and bidi characters as ``\\uNNNN`` escapes, which
    stand for the same characters in those syntaxes; CSV cells come escaped already.
    """
    if fmt != "csv":
        text = escape_unicode(text)
    typer.echo(text, nl=not text.endswith("\n"))


def _print_named_queries(queries: list[NamedQuery]) -> None:
    table = Table(title="Named queries (kg query --name NAME --param NAME=VALUE)")
    table.add_column("name", no_wrap=True)
    table.add_column("parameters")
    table.add_column("description")
    for named in queries:
        params = Text()
        for i, p in enumerate(named.params):
            params.append(("\n" if i else "") + p.name + ("" if p.required else "?"), "bold")
            params.append(f"  {p.description}")
        table.add_row(Text(named.name), params, Text(named.description))
    console.print(table)

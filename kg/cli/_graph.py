"""Graph questions: ``kg stats``, ``kg neighbors``, ``kg path``, ``kg central``, ``kg communities``.

Each command opens the store read-only, builds the view with :func:`kg.graph.load_view`,
asks one question of :mod:`kg.graph` and prints the answer as rich tables, or as JSON
with ``--json``. Names and sentences come from articles, so they are printed as plain
text, never as rich markup.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ._app import DEFAULT_STORE, StoreOption, app, console
from ._tables import fit_table

if TYPE_CHECKING:
    import networkx as nx

    from ..graph import Ranked

__all__ = ["central", "communities", "neighbors", "path", "stats"]

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
_MEMBERS_SHOWN = 8


def _top_option(default_help: str) -> Any:
    return typer.Option("--top", "-n", min=1, help=default_help)


def _load(store: Path) -> nx.MultiDiGraph:
    from ..graph import load_view
    from ..store import open_store

    with open_store(store, read_only=True) as kg_store:
        return load_view(kg_store)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _say(*parts: str | Text | tuple[str, str]) -> None:
    """Print one line of plain text (no markup: the text may come from an article)."""
    console.print(Text.assemble(*parts), soft_wrap=True)


def _print_table(table: Table) -> None:
    """Print a table fitted to the terminal, article text escaped (see ``_tables``)."""
    fit_table(table, width=console.width)
    console.print(table)


def _entity(label: str, cls: str) -> Text:
    return Text.assemble((label, "bold"), f" ({cls})" if cls else "")


@app.command()
def stats(
    store: StoreOption = DEFAULT_STORE,
    top: Annotated[int, _top_option("How many of the most connected entities to list.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Count entities, relations and articles, and list the most connected entities."""
    from ..graph import stats as graph_stats

    result = graph_stats(_load(store), top=top)
    if as_json:
        _print_json(result.to_dict())
        return
    _say(
        f"{result.nodes} entities, {result.edges} relations, {result.articles} articles in {store}"
    )
    _say(
        f"{result.components} connected components; the largest has "
        f"{result.largest_component} entities; {result.isolated} entities have no relation."
    )
    if result.by_class:
        _print_table(_counts_table("Entities by class", "Class", result.by_class))
    if result.by_predicate:
        _print_table(_counts_table("Relations by predicate", "Predicate", result.by_predicate))
    if result.top:
        table = Table(title="Most connected", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("Entity")
        table.add_column("Class")
        table.add_column("Relations", justify="right")
        for rank, item in enumerate(result.top, start=1):
            table.add_row(str(rank), Text(item.label), item.cls, str(int(item.score)))
        _print_table(table)


@app.command()
def neighbors(
    name: Annotated[str, typer.Argument(help="Name, alias or IRI of the entity.")],
    hops: Annotated[int, typer.Option(min=1, help="How many relations away to look.")] = 1,
    store: StoreOption = DEFAULT_STORE,
    as_json: JsonOption = False,
) -> None:
    """List the entities related to one entity, directly or within --hops relations."""
    from ..graph import neighbors as graph_neighbors

    result = graph_neighbors(_load(store), name, hops=hops)
    if as_json:
        _print_json(result.to_dict())
        return
    if not result.neighbors:
        _say(_entity(result.label, result.cls), " has no relation in the graph.")
        return
    within = "directly related" if hops == 1 else f"within {hops} relations"
    _say(
        f"{len(result.neighbors)} entities {within} to ",
        _entity(result.label, result.cls),
        ":",
    )
    table = Table()
    table.add_column("Hops", justify="right")
    table.add_column("Entity")
    table.add_column("Class")
    table.add_column("Linked by")
    for item in result.neighbors:
        links = Text("\n").join(
            Text.assemble(link.subject, " ", (link.predicate, "cyan"), " ", link.object)
            for link in item.links
        )
        table.add_row(str(item.distance), Text(item.label), item.cls, links)
    _print_table(table)


@app.command()
def path(
    a: Annotated[str, typer.Argument(help="Name, alias or IRI of the first entity.")],
    b: Annotated[str, typer.Argument(help="Name, alias or IRI of the second entity.")],
    store: StoreOption = DEFAULT_STORE,
    as_json: JsonOption = False,
) -> None:
    """Show how two entities are connected: one shortest chain of relations, with evidence.

    Direction is ignored. Two entities that are not connected are an answer, not an
    error: the command says so and exits 0.
    """
    from ..graph import shortest_path

    result = shortest_path(_load(store), a, b)
    if as_json:
        _print_json(result.to_dict())
        return
    if not result.found:
        _say(f"No connection between {result.source_label} and {result.target_label}.")
        return
    if not result.hops:
        _say(f"{result.source_label} and {result.target_label} are the same entity.")
        return
    count = len(result.hops)
    _say(
        f"{result.source_label} → {result.target_label}: "
        f"{count} relation{'s' if count != 1 else ''}"
    )
    for step, hop in enumerate(result.hops, start=1):
        _say(f"{step:>3}. ", hop.subject, " ", (hop.predicate, "cyan"), " ", hop.object)
        if hop.sentence:
            source = ", ".join(x for x in (hop.article, hop.date) if x)
            _say("     “", (hop.sentence, "italic"), "”", f" ({source})" if source else "")


@app.command()
def central(
    top: Annotated[int, _top_option("How many entities each ranking lists.")] = 10,
    sample: Annotated[
        int,
        typer.Option(
            min=1, help="Estimate betweenness from this many sampled entities on larger graphs."
        ),
    ] = 100,  # kg.graph.BETWEENNESS_SAMPLE, not imported here to keep start-up light
    store: StoreOption = DEFAULT_STORE,
    as_json: JsonOption = False,
) -> None:
    """Rank the most central entities by degree, PageRank and betweenness."""
    from ..graph import centrality

    result = centrality(_load(store), top=top, sample=sample)
    if as_json:
        _print_json(result.to_dict())
        return
    if result.nodes == 0:
        _say("The graph is empty.")
        return
    table = Table()
    table.add_column("#", justify="right")
    table.add_column("Degree")
    table.add_column("PageRank")
    table.add_column("Betweenness")
    columns = (result.degree, result.pagerank, result.betweenness)
    for i in range(max(len(c) for c in columns)):
        table.add_row(
            str(i + 1),
            _score_cell(result.degree, i, "{:.0f}"),
            _score_cell(result.pagerank, i, "{:.4f}"),
            _score_cell(result.betweenness, i, "{:.4f}"),
        )
    _print_table(table)
    _say(f"PageRank: {result.pagerank_method}, weighted by supporting articles.")
    if result.betweenness_sample is None:
        _say(f"Betweenness: exact, over all {result.nodes} entities.")
    else:
        _say(
            f"Betweenness: estimated from {result.betweenness_sample} of {result.nodes} "
            f"entities sampled with seed {result.seed} (--sample to change)."
        )


@app.command()
def communities(
    top: Annotated[int, _top_option("How many of the largest communities to list.")] = 10,
    store: StoreOption = DEFAULT_STORE,
    as_json: JsonOption = False,
) -> None:
    """Group entities into communities (Louvain, seeded: the same graph gives the same groups)."""
    from ..graph import communities as graph_communities

    result = graph_communities(_load(store), top=top)
    if as_json:
        _print_json(result.to_dict())
        return
    _say(
        f"{result.total} communities ({result.singletons} of a single entity), "
        f"modularity {result.modularity:.3f}; {result.method}."
    )
    if not result.communities:
        return
    table = Table()
    table.add_column("#", justify="right")
    table.add_column("Size", justify="right")
    table.add_column("Members (most connected first)")
    for rank, community in enumerate(result.communities, start=1):
        shown = ", ".join(community.labels[:_MEMBERS_SHOWN])
        more = community.size - _MEMBERS_SHOWN
        members = Text(shown + (f", … +{more} more" if more > 0 else ""))
        table.add_row(str(rank), str(community.size), members)
    _print_table(table)


def _counts_table(title: str, column: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(column)
    table.add_column("Count", justify="right")
    for key, value in counts.items():
        table.add_row(Text(key), str(value))
    return table


def _score_cell(ranked: list[Ranked], i: int, fmt: str) -> Text:
    if i >= len(ranked):
        return Text("")
    item = ranked[i]
    return Text.assemble(item.label, (f" {fmt.format(item.score)}", "dim"))

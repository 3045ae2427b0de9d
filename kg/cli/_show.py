"""``kg show``: write the interactive, offline HTML viewer of the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import DEFAULT_STORE, StoreOption, app, console

__all__ = ["show"]


@app.command()
def show(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="HTML file to write (its folder is created)."),
    ] = Path("graphs/kg.html"),
    store: StoreOption = DEFAULT_STORE,
    focus: Annotated[
        str | None,
        typer.Option(help="Draw only the neighbourhood of this entity (name, alias or IRI)."),
    ] = None,
    hops: Annotated[
        int, typer.Option(min=0, help="Radius of the --focus neighbourhood, in relations.")
    ] = 1,
    max_nodes: Annotated[
        int, typer.Option(min=1, help="Draw at most this many entities: the most connected.")
    ] = 300,
    min_degree: Annotated[
        int, typer.Option(min=0, help="Leave out entities with fewer relations than this.")
    ] = 0,
    title: Annotated[str, typer.Option(help="Page title.")] = "kg",
) -> None:
    """Write the graph as one self-contained HTML page that works offline."""
    from ..graph import load_view
    from ..store import open_store
    from ..viz import render_html

    with open_store(store, read_only=True) as kg_store:
        view = load_view(kg_store, noncurrent=True)  # former roles are drawn dashed
    report = render_html(
        view,
        output,
        focus=focus,
        hops=hops,
        max_nodes=max_nodes,
        min_degree=min_degree,
        title=title,
    )
    console.print(
        f"Wrote {report.path}: {report.nodes_drawn} of {report.nodes_total} entities, "
        f"{report.edges_drawn} of {report.edges_total} relations.",
        markup=False,
        soft_wrap=True,
    )
    for line in report.reasons():
        console.print(f"Left out: {line}.", markup=False, soft_wrap=True)

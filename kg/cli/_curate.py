"""``kg link``, ``kg remove`` and ``kg prune``: links across articles, and taking articles out.

Removing articles drops their graphs and metadata and takes their facts out of the
consolidated graph (support counts go down; a fact no article supports any more is gone)
in one transaction; the links across articles are then worked out again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..errors import KGError
from ._app import DEFAULT_STORE, StoreOption, app, console

__all__ = ["link", "prune", "remove"]

CurationOption = Annotated[
    Path | None,
    typer.Option(
        "--curation",
        dir_okay=False,
        help="Curation file: same_as, not_same_as, rename, retype (default: schemas/curation.toml).",
    ),
]


@app.command()
def link(
    store: StoreOption = DEFAULT_STORE,
    explain: Annotated[
        str | None,
        typer.Option("--explain", help="Say why entities named NAME were linked, or not."),
    ] = None,
    curation: CurationOption = None,
) -> None:
    """Work out the owl:sameAs links across articles again (or explain them, read-only)."""
    from ..curation import load_curation
    from ..link import explain_links, read_entities, update_links
    from ..store import open_store

    corrections = load_curation(curation)
    if explain is not None:
        with open_store(store) as kg:
            lines = explain_links(
                read_entities(kg.ox, kg.minter.base), explain, curation=corrections
            )
        for line in lines:
            console.print(Text(line))
        return
    with open_store(store, read_only=False) as kg:
        found = update_links(kg, curation=corrections)
    console.print(f"{len(found):,} entities linked across articles in {store}.")


@app.command()
def remove(
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Ids of the articles.")],
    store: StoreOption = DEFAULT_STORE,
    curation: CurationOption = None,
) -> None:
    """Remove articles: their graphs, metadata and facts (one transaction), then relink."""
    from ..store import open_store

    with open_store(store, read_only=False) as kg:
        stored = set(kg.article_ids())
        unknown = [i for i in ids if i not in stored]
        if unknown:
            raise KGError(
                f"No article {', '.join(repr(i) for i in unknown)} in {store}; "
                "`kg query --graphs all 'SELECT ?id WHERE { ?a schema:identifier ?id }'` lists them"
            )
        _remove(kg, sorted(set(ids)), curation)
    console.print(f"Removed {len(set(ids)):,} article(s) from {store}.")


@app.command()
def prune(
    missing: Annotated[
        bool, typer.Option("--missing", help="Remove articles whose source file is gone.")
    ] = False,
    store: StoreOption = DEFAULT_STORE,
    curation: CurationOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only list them.")] = False,
) -> None:
    """Remove articles whose source file no longer exists (--missing)."""
    from ..store import open_store

    if not missing:
        raise typer.BadParameter("say what to prune: --missing", param_hint="--missing")
    with open_store(store, read_only=dry_run) as kg:
        gone = sorted(
            # An article read from several files (a renamed folder) goes when all are gone.
            i
            for i, paths in kg.source_files().items()
            if paths and not any(Path(p).exists() for p in paths)
        )
        for article_id in gone:
            console.print(Text(f"{'would remove' if dry_run else 'removing'} {article_id}"))
        if gone and not dry_run:
            _remove(kg, gone, curation)
    console.print(f"{len(gone):,} article(s) with a missing source file in {store}.")


def _remove(kg: object, ids: list[str], curation: Path | None) -> None:
    from ..curation import load_curation
    from ..link import update_links
    from ..store import KGStore

    assert isinstance(kg, KGStore)
    kg.remove_articles(ids)
    update_links(kg, curation=load_curation(curation))

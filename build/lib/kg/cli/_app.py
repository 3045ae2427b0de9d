"""The Typer application and the options shared by many commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

__all__ = ["DEFAULT_STORE", "StoreOption", "app", "console", "console_err"]

app = typer.Typer(
    name="kg",
    help="Build and explore a knowledge graph of the people, organizations and places in news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Output quotes article text, file names and user input: never read it as rich markup.
console = Console(highlight=False, soft_wrap=True, markup=False)
console_err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)

DEFAULT_STORE = Path(os.environ.get("KG_STORE", "graphs/kg.oxigraph"))

StoreOption = Annotated[
    Path,
    typer.Option(
        "--store",
        "-s",
        help="The on-disk Oxigraph store (env KG_STORE).",
        envvar="KG_STORE",
    ),
]

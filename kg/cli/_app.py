"""The Typer application and the options shared by many commands."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.segment import Segment

from ..sanitize import escape_terminal

__all__ = ["DEFAULT_STORE", "SafeConsole", "StoreOption", "app", "console", "console_err"]

app = typer.Typer(
    name="kg",
    help="Build and explore a knowledge graph of the people, organizations and places in news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class SafeConsole(Console):
    """A rich console that never lets a control or bidi character of the text through.

    Output quotes article text, file names and user input: an escape sequence in a name
    could rewrite the terminal. Every piece of text is passed through
    :func:`~kg.sanitize.escape_terminal` (line breaks kept) as it is written; rich's own
    styling is added after, so colours still work.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            Segment(escape_terminal(text, keep="\n"), style, control)
            if not control
            else Segment(text, style, control)
            for text, style, control in buffer
        )


# Never read output as rich markup, for the same reason.
console = SafeConsole(highlight=False, soft_wrap=True, markup=False)
console_err = SafeConsole(stderr=True, highlight=False, soft_wrap=True, markup=False)

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

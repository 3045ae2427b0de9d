"""The ``kg`` command line: one thin Typer function per command.

Each module of this package holds the commands of one topic and registers them on
:data:`app`; the library does the work. Only this layer catches :class:`~kg.errors.KGError`:
it prints ``Error: …`` on stderr and exits 1 (usage errors exit 2).
"""

from __future__ import annotations

import sys

import typer

from ..errors import KGError
from ._app import app, console_err

__all__ = ["app", "main"]

# Importing the command modules registers their commands on ``app``.
from . import _build, _evaluate, _graph, _query, _show  # noqa: E402,F401


def main() -> None:
    """Entry point of the ``kg`` console script."""
    try:
        app(standalone_mode=False)
    except KGError as exc:
        console_err.print(f"[bold red]Error:[/] {exc}", highlight=False, markup=True)
        sys.exit(1)
    except typer.Abort:
        console_err.print("Aborted.")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click usage errors carry their own exit code
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise

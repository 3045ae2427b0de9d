"""The ``kg`` command line: one thin Typer function per command.

Each module of this package holds the commands of one topic and registers them on
:data:`app`; the library does the work. Only this layer catches :class:`~kg.errors.KGError`:
it prints ``Error: …`` on stderr and exits 1 (usage errors exit 2).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys

import typer
from rich.text import Text

from ..errors import KGError
from ..files import describe_os_error
from ..sanitize import escape_terminal
from ._app import app, console_err

__all__ = ["app", "main"]

# Importing the command modules registers their commands on ``app``.
from . import _build, _curate, _evaluate, _fetch, _graph, _query, _serve, _show  # noqa: F401


def main() -> None:
    """Entry point of the ``kg`` console script."""
    try:
        code = app(standalone_mode=False)
    except KGError as exc:
        # Messages quote user input and article text: print them as text, never as markup.
        console_err.print(Text.assemble(("Error:", "bold red"), " ", str(exc)))
        sys.exit(1)
    except OSError as exc:  # one not turned into a KGError where it happened
        console_err.print(Text.assemble(("Error:", "bold red"), " ", describe_os_error(exc)))
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        console_err.print("Aborted.")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        # Usage errors (from the click Typer ships) carry their own exit code, 2.
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            # The message quotes what was typed, which may hold control characters.
            shown = io.StringIO()
            show(file=shown)
            sys.stderr.write(escape_terminal(shown.getvalue(), keep="\n"))
            sys.exit(code)
        raise
    if code == 130:  # Typer's answer to Ctrl-C (KeyboardInterrupt); every store is closed
        console_err.print("Interrupted.")
        with contextlib.suppress(OSError):
            sys.stdout.flush()
            sys.stderr.flush()
        # Skip the interpreter's clean-up (0.3 s and more): Ctrl-C should stop kg at once.
        os._exit(130)
    if isinstance(code, int) and code:
        sys.exit(code)  # typer.Exit(n) inside a command returns n without standalone mode

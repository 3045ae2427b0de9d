"""Progress on stderr for long commands, shown only to a person watching a terminal.

A progress display goes to stderr and only when stderr is a terminal: piped or
redirected output, and ``--quiet``, get none of it, so a log or a ``| jq`` never sees a
control sequence. The display refreshes four times a second on its own thread, so the
elapsed time and the estimate move even while spaCy works through a long batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

__all__ = ["EtaColumn", "RateColumn", "is_shown", "item_progress", "working"]

REFRESH_PER_SECOND = 4
"""How often the display is redrawn (the issue asks for at least once a second)."""


def _rate(task: Task) -> float | None:
    """Items per second over the whole run so far (``None`` before the first item).

    Rich's own estimate looks at the last samples only; items arrive a spaCy batch at a
    time, which makes that estimate swing from nothing to thousands a second.
    """
    elapsed = task.finished_time if task.finished else task.elapsed
    if not task.completed or not elapsed:
        return None
    return task.completed / elapsed


class RateColumn(ProgressColumn):
    """Items per second over the run, e.g. ``12.4 articles/s``."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        shown = "–" if rate is None else f"{rate:.1f}" if rate < 100 else f"{rate:,.0f}"
        return Text(f"{shown} {self.unit}/s", style="progress.data.speed")


class EtaColumn(ProgressColumn):
    """Time left at the rate of :class:`RateColumn`, e.g. ``ETA 0:01:05``."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if task.total is None or rate is None:
            return Text("ETA -:--:--", style="progress.remaining")
        seconds = max(0, round((task.total - task.completed) / rate))
        minutes, second = divmod(seconds, 60)
        hours, minute = divmod(minutes, 60)
        return Text(f"ETA {hours}:{minute:02d}:{second:02d}", style="progress.remaining")


def is_shown(console: Console, *, quiet: bool = False) -> bool:
    """Whether a progress display belongs on ``console``: a terminal, and not ``quiet``."""
    return console.is_terminal and not quiet


def item_progress(console: Console, *, verb: str, unit: str, quiet: bool = False) -> Progress:
    """A progress bar counting ``unit`` items: done/total, rate, time left, time spent.

    The extra field ``counts`` (e.g. ``"3 added, 1 unchanged"``) is shown last; give
    it to :meth:`~rich.progress.Progress.add_task`. Disabled (it prints nothing at all)
    unless :func:`is_shown`.
    """
    return Progress(
        TextColumn(f"[bold]{verb}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        RateColumn(unit),
        EtaColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[counts]}"),
        console=console,
        transient=True,
        refresh_per_second=REFRESH_PER_SECOND,
        disable=not is_shown(console, quiet=quiet),
    )


@contextmanager
def working(console: Console, message: str, *, quiet: bool = False) -> Iterator[None]:
    """A spinner with the time spent, for work whose size is not known in advance."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        refresh_per_second=REFRESH_PER_SECOND,
        disable=not is_shown(console, quiet=quiet),
    )
    with progress:
        progress.add_task(message, total=None)
        yield

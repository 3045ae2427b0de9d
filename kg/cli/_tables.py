"""Tables that fit the terminal: names first, IRIs cut short before any name is.

Rich shrinks a table that is too wide by folding every column alike, so long IRIs take
the room and names and headers break mid-word. :func:`fit_table` gives the room out
by what matters: columns of names keep theirs, IRI columns are cut first (with an
ellipsis, on one line), and a header is never broken. Values stay whole in
``--format csv|tsv|json``; the caller says so when anything was cut. Every cell passes
through :func:`kg.sanitize.escape_terminal` on the way: names and sentences come from
articles, which can hold terminal escapes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..sanitize import escape_terminal

__all__ = ["Fitted", "fit_table", "fit_widths", "safe_cell"]

IRI_MIN = 16
"""IRI columns are not cut below this width (or their header's)."""
TEXT_MIN = 10
"""Columns of names are not narrowed below this width (or their header's, up to 16)."""


def fit_widths(
    natural: Sequence[int], budget: int, stages: Sequence[Mapping[int, int]]
) -> list[int]:
    """Column widths within ``budget``, taking room from the columns in stage order.

    Each column keeps its ``natural`` width when everything fits. Otherwise, stage by
    stage, the widest column of the stage that is above its floor (the stage maps
    column → floor) loses one cell at a time, until the table fits. When even the last
    floors do not fit, they are returned (rich then folds what remains).

    >>> fit_widths([30, 10, 30], 50, [{0: 16}, {1: 10, 2: 8}])
    [16, 10, 24]
    >>> fit_widths([30, 10, 30], 30, [{0: 16}, {1: 10, 2: 8}, {0: 7}])
    [12, 10, 8]
    >>> fit_widths([5, 5], 20, [{0: 3, 1: 3}])
    [5, 5]
    """
    widths = list(natural)
    excess = sum(widths) - budget
    for floors in stages:
        while excess > 0:
            shrinkable = [i for i, floor in floors.items() if widths[i] > floor]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: (widths[i], -i))
            widths[widest] -= 1
            excess -= 1
    return widths


@dataclass(frozen=True)
class Fitted:
    """What :func:`fit_table` did to make a table fit.

    Attributes:
        shortened: Some value was cut or wrapped.
        dropped: Headers of the IRI columns left out for want of room.
    """

    shortened: bool = False
    dropped: tuple[str, ...] = ()

    def note(self, width: int) -> str:
        """One line for stderr, or ``""`` when the table is shown whole.

        >>> Fitted(True, ("person",)).note(80)
        'Column person left out and long values shortened to fit 80 columns; --format csv, tsv or json prints them whole.'
        """
        if not (self.shortened or self.dropped):
            return ""
        what = []
        if self.dropped:
            noun = "Column" if len(self.dropped) == 1 else "Columns"
            what.append(f"{noun} {', '.join(self.dropped)} left out")
        if self.shortened:
            what.append("long values shortened" if what else "Long values shortened")
        return (
            f"{' and '.join(what)} to fit {width} columns; "
            "--format csv, tsv or json prints them whole."
        )


def fit_table(table: Table, *, width: int, iri_columns: Collection[int] = ()) -> Fitted:
    """Make ``table`` fit ``width`` cells: names first, then IRIs, IRIs cut first.

    Columns in ``iri_columns`` (indexes) move after the others, never wrap, and end in
    ``…`` when cut; when they cannot keep even a useful width (``IRI_MIN``), the last of
    them are left out. The other columns wrap between words and keep their header whole.
    """
    columns = list(table.columns)
    if not columns:
        return Fitted()
    for column in columns:  # text from articles never reaches the terminal raw
        column._cells = [safe_cell(cell) for cell in column._cells]
    order = [i for i in range(len(columns)) if i not in iri_columns] + sorted(
        i for i in iri_columns if i < len(columns)
    )
    columns = [columns[i] for i in order]
    n_iri = len(columns) - sum(1 for i in order if i not in iri_columns)
    natural = [
        max([_text_width(column.header), *(_text_width(cell) for cell in column.cells)])
        for column in columns
    ]
    headers = [_text_width(column.header) for column in columns]

    def floor(pos: int, *, iri: bool) -> int:
        if iri:
            return min(natural[pos], max(IRI_MIN, headers[pos]))
        return min(natural[pos], max(TEXT_MIN, min(headers[pos], 16)))

    def budget(n: int) -> int:  # each column takes its padding and one border: "│ x │ y │"
        return width - (3 * n + (1 if table.show_edge else 0))

    dropped: list[str] = []
    text = range(len(columns) - n_iri)
    while n_iri:  # an IRI column too narrow to read is left out rather than shown as "kgd:…"
        kept = len(columns)
        need = sum(floor(p, iri=p >= kept - n_iri) for p in range(kept))
        if need <= budget(kept):
            break
        dropped.insert(0, str(columns.pop().header))
        natural.pop()
        headers.pop()
        n_iri -= 1
    iri = range(len(columns) - n_iri, len(columns))
    table.columns = columns
    # IRIs are cut first, then names narrowed (they wrap between words), then names to
    # their header, which never breaks.
    stages = [
        {pos: floor(pos, iri=True) for pos in iri},
        {pos: floor(pos, iri=False) for pos in text},
        {pos: min(natural[pos], max(4, headers[pos])) for pos in text},
    ]
    widths = fit_widths(natural, budget(len(columns)), stages)
    for pos, column in enumerate(columns):
        column.min_width = widths[pos] if pos not in iri else None
        column.max_width = widths[pos]
        if pos in iri:
            column.no_wrap = True
            column.overflow = "ellipsis"
        else:
            column.overflow = "fold"
    return Fitted(shortened=widths != natural, dropped=tuple(dropped))


def safe_cell(cell: RenderableType) -> RenderableType:
    """A table cell with every control character escaped (:func:`kg.sanitize.escape_terminal`).

    Styles survive: each styled run of a :class:`~rich.text.Text` is escaped on its own.

    >>> print(safe_cell(Text("Ada\\x1b[2J")).plain)
    Ada\\x1b[2J
    """
    if isinstance(cell, str):
        return escape_terminal(cell, keep="\n")
    if not isinstance(cell, Text):
        return cell
    if not cell.spans:
        return Text(escape_terminal(cell.plain, keep="\n"), style=cell.style)
    cuts = sorted({i for span in cell.spans for i in (span.start, span.end)})
    safe = Text(style=cell.style)
    for piece in cell.divide(cuts):
        styles = [span.style for span in piece.spans]
        run = Text(escape_terminal(piece.plain, keep="\n"))
        for style in styles:
            run.stylize(style)
        safe.append_text(run)
    return safe


def _text_width(value: object) -> int:
    plain = value.plain if isinstance(value, Text) else str(value)
    return max((cell_len(line) for line in plain.split("\n")), default=0)

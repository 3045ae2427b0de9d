"""The complete result of a query as plain Python values, and its output formats."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import QueryError
from ..sanitize import escape_terminal, neutralise_csv_cell
from .terms import PREFIXES, QueryKind, ResultTerm

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["FORMATS", "QueryResult"]

FORMATS = ("table", "csv", "tsv", "json", "turtle")
"""Output formats of :meth:`QueryResult.render` (``table`` is a rich table, see ``to_table``)."""


@dataclass(frozen=True)
class QueryResult:
    """The complete result of a query, as plain Python values.

    Attributes:
        kind: ``"select"``, ``"ask"``, ``"construct"`` (CONSTRUCT and DESCRIBE) or ``"update"``.
        variables: The SELECT variables, in order.
        rows: One tuple per solution, aligned with ``variables``; ``None`` where unbound.
        boolean: The answer of an ASK query, else ``None``.
        triples: The graph of a CONSTRUCT or DESCRIBE query.
        prefixes: The prefixes the query ran with, used to display and serialize.
    """

    kind: QueryKind
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[ResultTerm | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[ResultTerm, ResultTerm, ResultTerm], ...] = ()
    prefixes: Mapping[str, str] = field(
        default_factory=lambda: dict(PREFIXES), compare=False, hash=False, repr=False
    )
    payload: bytes = field(default=b"", compare=False, repr=False)
    """SPARQL JSON results (select, ask) or N-Triples (construct), as Oxigraph wrote them."""

    @classmethod
    def _from_payload(
        cls, kind: QueryKind, payload: bytes, prefixes: Mapping[str, str]
    ) -> QueryResult:
        if kind == "update":
            return cls(kind, prefixes=prefixes)
        if kind == "construct":
            triples = tuple(
                (
                    ResultTerm.from_pyoxigraph(t.subject),
                    ResultTerm.from_pyoxigraph(t.predicate),
                    ResultTerm.from_pyoxigraph(t.object),
                )
                for t in ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)
            )
            return cls(kind, triples=triples, prefixes=prefixes, payload=payload)
        document = json.loads(payload)
        if kind == "ask":
            return cls(kind, boolean=bool(document["boolean"]), prefixes=prefixes, payload=payload)
        variables = tuple(document["head"]["vars"])
        rows = tuple(
            tuple(ResultTerm.from_json(b[v]) if v in b else None for v in variables)
            for b in document["results"]["bindings"]
        )
        return cls(kind, variables, rows, prefixes=prefixes, payload=payload)

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "construct" else len(self.rows)

    def to_dicts(self) -> list[dict[str, str]]:
        """The rows as ``{variable: value}`` dicts of strings, unbound variables left out."""
        return [
            {v: t.value for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]

    def to_table(self, *, hide: Collection[str] = ()) -> Table:
        """A rich table: IRIs shortened with the prefixes, one row per solution or triple.

        Values are plain :class:`rich.text.Text`: text from articles is never read as markup,
        and its control and bidi characters are escaped (:func:`kg.sanitize.escape_terminal`).

        Args:
            hide: Variables to leave out, e.g. the parameters of a named query.
        """
        from rich.table import Table
        from rich.text import Text

        table = Table(show_lines=False, highlight=False)
        if self.kind == "ask":
            table.add_column("ask")
            table.add_row("true" if self.boolean else "false")
            return table
        columns = self.variables if self.kind != "construct" else ("subject", "predicate", "object")
        shown = [i for i, column in enumerate(columns) if column not in hide]
        for i in shown:
            table.add_column(columns[i], overflow="fold")
        rows = self.rows if self.kind != "construct" else self.triples
        for row in rows:
            cells = (row[i] for i in shown)
            table.add_row(
                *(
                    Text("" if t is None else escape_terminal(t.compact(self.prefixes)))
                    for t in cells
                )
            )
        return table

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (select, ask) or JSON-LD (construct)."""
        if self.kind == "construct":
            return self._graph(ox.RdfFormat.JSON_LD)
        self._need_results("json")
        return self.payload.decode("utf-8")

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV (select, ask), safe to open in a spreadsheet.

        A cell that a spreadsheet would run as a formula is prefixed with ``'``
        (:func:`kg.sanitize.neutralise_csv_cell`), and control and bidi characters are
        written as escapes (CSV has none of its own; line breaks and tabs are kept).
        """
        self._need_results("csv")
        if self.kind == "ask":
            return self._results(ox.QueryResultsFormat.CSV, "csv")
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(
                neutralise_csv_cell(escape_terminal(_csv_value(t), keep="\n\t")) for t in row
            )
        return buffer.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV (select, ask), safe to open in a spreadsheet.

        A string that a spreadsheet would run as a formula gets ``'`` in front, inside its
        quotes (as :meth:`to_csv` does).
        """
        text = self._results(ox.QueryResultsFormat.TSV, "tsv")
        if self.kind == "ask":
            return text
        lines = text.split("\n")
        return "\n".join(
            [
                lines[0],
                *("\t".join(map(_neutralise_tsv_cell, line.split("\t"))) for line in lines[1:]),
            ]
        )

    def to_turtle(self) -> str:
        """The graph of a CONSTRUCT or DESCRIBE query as Turtle, with the prefixes it uses."""
        return self._graph(ox.RdfFormat.TURTLE)

    def render(self, fmt: str) -> str:
        """The result as text in one of :data:`FORMATS` (``table`` gives plain text).

        Raises:
            QueryError: Unknown format, or one that does not fit the kind of result.
        """
        if fmt == "table":
            from rich.console import Console

            buffer = io.StringIO()
            Console(file=buffer, width=200, highlight=False).print(self.to_table())
            return buffer.getvalue()
        writers = {
            "csv": self.to_csv,
            "tsv": self.to_tsv,
            "json": self.to_json,
            "turtle": self.to_turtle,
        }
        if fmt not in writers:
            raise QueryError(f"Unknown output format {fmt!r}; known: {', '.join(FORMATS)}")
        return writers[fmt]()

    def _need_results(self, fmt: str) -> None:
        if self.kind not in ("select", "ask"):
            hint = "table (Turtle), turtle or json (JSON-LD)"
            if self.kind == "update":
                hint = "nothing: an update returns no results"
            raise QueryError(f"Cannot write {self.kind} results as {fmt}; use {hint}")

    def _results(self, fmt: ox.QueryResultsFormat, name: str) -> str:
        self._need_results(name)
        parsed = ox.parse_query_results(self.payload, ox.QueryResultsFormat.JSON)
        return (parsed.serialize(format=fmt) or b"").decode("utf-8")

    def _graph(self, fmt: ox.RdfFormat) -> str:
        if self.kind != "construct":
            raise QueryError(
                f"Only CONSTRUCT and DESCRIBE results are graphs; write {self.kind} results "
                "as table, csv, tsv or json"
            )
        triples = list(ox.parse(self.payload, format=ox.RdfFormat.N_TRIPLES))
        iris = [t.value for triple in self.triples for t in triple if t.type == "uri"]
        used = {p: ns for p, ns in self.prefixes.items() if any(i.startswith(ns) for i in iris)}
        return (ox.serialize(triples, format=fmt, prefixes=used) or b"").decode("utf-8")


_TSV_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"(.*)', re.S)


def _csv_value(term: ResultTerm | None) -> str:
    """A term as SPARQL CSV writes it: IRIs and literals bare, blank nodes as ``_:id``."""
    if term is None:
        return ""
    return f"_:{term.value}" if term.type == "bnode" else term.value


def _neutralise_tsv_cell(cell: str) -> str:
    """A SPARQL TSV cell with a formula-like string prefixed with ``'`` inside its quotes.

    >>> _neutralise_tsv_cell('"=1+1"@en'), _neutralise_tsv_cell("<https://x.example/=>")
    ('"\\'=1+1"@en', '<https://x.example/=>')
    """
    string = _TSV_STRING.fullmatch(cell)
    if string is None:
        return cell  # an IRI, a blank node or a bare number: no spreadsheet runs those
    return f'"{neutralise_csv_cell(string[1])}"{string[2]}'

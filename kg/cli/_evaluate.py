"""``kg evaluate``: score the graph against gold files, or the extractor on CoNLL04.

Names, labels and sentences come from articles and gold files, so they are printed as
plain text, never as rich markup.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import EvaluationError
from ._app import DEFAULT_STORE, StoreOption, app, console

if TYPE_CHECKING:
    from ..evaluate import ArticleReport, Conll04Report, EvaluationReport, Score, Summary

__all__ = ["evaluate"]

_PIPE_WIDTH = 120


@app.command()
def evaluate(
    golds: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="GOLD.json",
            help="Gold files (.json, the format of ANNOTATION.md) or folders of them.",
        ),
    ] = None,
    store: StoreOption = DEFAULT_STORE,
    conll04: Annotated[
        Path | None,
        typer.Option("--conll04", help="Score the extractor on this CoNLL04 JSON file instead."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model", "-m", help="spaCy pipeline for --conll04 (env KG_MODEL).", envvar="KG_MODEL"
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="With --conll04: the first N sentences only."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    show_errors: Annotated[
        int,
        typer.Option(
            "--show-errors",
            "-e",
            min=0,
            help="Errors of each kind to list per gold file; with --conll04, false positives "
            "and negatives to list (also in --json).",
        ),
    ] = 10,
    skip_missing: Annotated[
        bool, typer.Option("--skip-missing", help="Skip gold files whose article is not stored.")
    ] = False,
) -> None:
    """Score the graph against hand-made gold files, or the extractor on CoNLL04."""
    if conll04 is not None:
        if golds:
            raise typer.BadParameter("give gold files or --conll04, not both", param_hint="GOLDS")
        from ..evaluate import evaluate_conll04

        report = evaluate_conll04(conll04, model=model, limit=limit, examples=show_errors)
        if as_json:
            _print_json(report.to_dict())
        else:
            _print_conll04(report, show_errors)
        return
    if not golds:
        raise typer.BadParameter(
            "give gold files (or folders), or --conll04 FILE", param_hint="GOLDS"
        )
    from ..evaluate import evaluate_store, load_gold
    from ..store import open_store

    files = _gold_files(golds)
    loaded, problems = [], []
    for path in files:
        try:
            loaded.append(load_gold(path))
        except EvaluationError as exc:
            problems.append(str(exc))
    if problems:
        raise EvaluationError("\n".join(problems))
    with open_store(store, read_only=True) as kg_store:
        result = evaluate_store(kg_store, loaded, on_missing="skip" if skip_missing else "raise")
    if as_json:
        _print_json(result.to_dict())
    else:
        _print_gold(result, show_errors)


def _gold_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise EvaluationError(f"No gold files (*.json) in the folder {path}")
            files.extend(found)
        else:
            files.append(path)
    return files


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _say(*parts: str | Text | tuple[str, str]) -> None:
    """Print one line of plain text (no markup: the text may come from an article)."""
    console.print(Text.assemble(*parts), soft_wrap=True)


def _print_table(table: Table) -> None:
    # Piped output has no width: give the tables room rather than dropping columns.
    if console.is_terminal:
        console.print(table)
    else:
        Console(width=_PIPE_WIDTH, highlight=False).print(table)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _frac(score: Score) -> str:
    return f"{score.found}/{score.gold}"


# --- gold files ----------------------------------------------------------------------


def _print_gold(result: EvaluationReport, show_errors: int) -> None:
    rows: list[tuple[str, Summary]] = [(a.document, a.summary) for a in result.articles]
    if len(rows) > 1:
        rows.append(("overall (micro)", result.overall))
    entities = Table(
        title="Entities: required found / required; P% = nodes a gold file lists",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        pad_edge=False,
    )
    entities.add_column("document", overflow="fold", min_width=22)
    for column in ("Person", "Org.", "Place", "R%", "P%", "splits", "wrong", "forbid."):
        entities.add_column(column, justify="right", no_wrap=True)
    for name, s in rows:
        total = s.entity_total
        entities.add_row(
            Text(name),
            _frac(s.entities["Person"]),
            _frac(s.entities["Organization"]),
            _frac(s.entities["Place"]),
            _pct(total.recall),
            _pct(total.precision),
            str(s.splits),
            str(s.wrong_class),
            str(s.forbidden_entities),
        )
    _print_table(entities)
    relations = Table(
        title="Relations, %: P over every direct triple; R req = required, R all = +desirable",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        pad_edge=False,
    )
    relations.add_column("document", overflow="fold", min_width=22)
    relations.add_column("mode", no_wrap=True)
    for column in ("triples", "P", "R req", "R all", "F1", "forbid.", "former", "as now"):
        relations.add_column(column, justify="right", no_wrap=True)
    for name, s in rows:
        for mode, rs in (("strict", s.strict), ("lenient", s.lenient)):
            relations.add_row(
                Text(name) if mode == "strict" else "",
                mode,
                str(rs.all.predicted),
                _pct(rs.all.precision),
                _pct(rs.required.recall),
                _pct(rs.all.recall),
                _pct(rs.all.f1),
                str(s.forbidden_relations) if mode == "strict" else "",
                f"{rs.former.found}/{rs.former.gold}",
                str(rs.former_as_current),
                end_section=mode == "lenient",
            )
    _print_table(relations)
    for gold, document in result.missing:
        _say(("Skipped ", "yellow"), f"{gold}: the article {document!r} is not in the store.")
    if show_errors:
        for article in result.articles:
            _print_article_errors(article, show_errors)


def _print_article_errors(a: ArticleReport, n: int) -> None:
    console.rule(Text(f"{a.document} (stored as {a.article_id})"))
    listings: list[tuple[str, list[Text]]] = [
        ("Missing entities", [Text(f"{e.label} ({e.cls})") for e in a.missing_entities]),
        ("Splits", [Text(f"{s.entity} ({s.cls}): {' | '.join(s.nodes)}") for s in a.splits]),
        ("Wrong class", [Text(f"{e.label} as {e.cls}; gold: {e.entity}") for e in a.wrong_class]),
        ("Forbidden entities", [Text(f"{e.label} ({e.cls})") for e in a.forbidden_entities]),
        ("Forbidden relations", [_extraction_text(x) for x in a.forbidden_relations]),
        ("Former roles asserted as current", [_extraction_text(x) for x in a.former_as_current]),
        ("Former roles credited", [_extraction_text(x) for x in a.former_credited]),
        (
            "Missed gold relations",
            [Text(f"[{m.tier}] {' '.join(m.triple)}: {m.reason}") for m in a.misses],
        ),
        ("Unmatched extractions", [_extraction_text(x, sentence=True) for x in a.unmatched]),
        ("Nodes no gold entity lists", [Text(f"{e.label} ({e.cls})") for e in a.unlisted]),
    ]
    for title, items in listings:
        if not items:
            continue
        more = f" (first {n} of {len(items)})" if len(items) > n else ""
        _say((f"{title}{more}:", "bold"))
        for item in items[:n]:
            console.print(Text("  - ") + item, soft_wrap=True)


def _extraction_text(x: Any, *, sentence: bool = False) -> Text:
    line = Text(f"{x.subject} {x.predicate} {x.object}")
    if x.note:
        line.append(f"  — {x.note}", "yellow")
    if x.rule:
        line.append(f"  [{x.rule}]", "dim")
    if sentence and x.sentence:
        line.append(f"\n      “{x.sentence}”", "dim")
    return line


# --- CoNLL04 --------------------------------------------------------------------------


def _print_conll04(report: Conll04Report, show_errors: int) -> None:
    table = Table(
        title=f"CoNLL04 {report.path}: {report.sentences} sentences, strict, %",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("type")
    for column in ("gold", "predicted", "correct", "P", "R", "F1"):
        table.add_column(column, justify="right", no_wrap=True)
    for name, s in [*report.per_type.items(), ("micro", report.micro)]:
        table.add_row(
            name, str(s.gold), str(s.predicted), str(s.correct),
            _pct(s.precision), _pct(s.recall), _pct(s.f1),
        )  # fmt: skip
    _print_table(table)
    r = report.relaxed
    _say(
        f"Model {report.model}. Kill relations left out: {report.kill}. With relaxed argument "
        f"boundaries: P {_pct(r.precision)}, R {_pct(r.recall)}, F1 {_pct(r.f1)}."
    )
    _say(
        "Not scored (CoNLL04 cannot annotate them): "
        f"{report.inside_one_entity} Located_In inside one gold location ('Kinderhook , N.Y.'), "
        f"{report.unwritten_objects} relations to an implied object the sentence does not name."
    )
    _say(
        f"Ceiling: {_pct(report.ceiling)}% of gold relations have both arguments among the "
        f"extracted entity names ({_pct(report.typed_ceiling)}% with the classes the type needs)."
    )
    if report.names:
        _print_names(report)
    for title, examples in (
        ("False positives", report.false_positives),
        ("False negatives", report.false_negatives),
    ):
        if not examples or not show_errors:
            continue
        _say((f"{title} (first {len(examples[:show_errors])}):", "bold"))
        for e in examples[:show_errors]:
            line = Text(f"  - {e.type}({e.head}, {e.tail})")
            line.append(f"  — {e.note}", "yellow")
            line.append(f"\n      #{e.sentence}: {e.text}", "dim")
            console.print(line, soft_wrap=True)


def _print_names(report: Conll04Report) -> None:
    """Typed names per class, kg beside raw spaCy (``kg.evaluate.conll04_names``)."""
    table = Table(
        title="Typed names (entities per sentence vs gold Peop/Org/Loc; Other counts as wrong), %",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("class")
    table.add_column("gold", justify="right")
    for system in report.names:
        for column in ("P", "R", "F1", "F1 relaxed"):
            table.add_column(f"{system.system} {column}", justify="right", no_wrap=True)
    rows: list[tuple[str, list[Score], list[Score]]] = [
        (c, [n.strict[c] for n in report.names], [n.relaxed[c] for n in report.names])
        for c in report.names[0].strict
    ]
    rows.append(("micro", [n.micro for n in report.names], [n.relaxed_micro for n in report.names]))
    for name, strict, relaxed in rows:
        cells = [name, str(strict[0].gold)]
        for s, r in zip(strict, relaxed, strict=True):
            cells += [_pct(s.precision), _pct(s.recall), _pct(s.f1), _pct(r.f1)]
        table.add_row(*cells)
    _print_table(table)
    for system in report.names:
        _say(
            f"{system.system}: strictly wrong predictions that are a gold Other entity "
            f"{_counts(system.on_other)}; a gold name of another class {_counts(system.wrong_class)}."
        )


def _counts(per_class: dict[str, int]) -> str:
    return ", ".join(f"{c} {n}" for c, n in per_class.items())

"""``kg explain``: why a fact is (or is not) in the graph, for one text or stored article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import KGError
from ..sanitize import escape_terminal
from ._app import DEFAULT_STORE, StoreOption, app, console
from ._build import ModelOption, NoDefaultRulesOption, RulesOption

if TYPE_CHECKING:
    from ..extract.explain import Explanation
    from ..records import Article
    from ..store import KGStore

__all__ = ["explain"]


@app.command()
def explain(
    text: Annotated[
        str | None, typer.Argument(help="A sentence or text to explain (else --article).")
    ] = None,
    store: StoreOption = DEFAULT_STORE,
    article: Annotated[
        str | None,
        typer.Option("--article", help="Explain this stored article (its id), read again."),
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Show only what concerns this entity.")
    ] = None,
    model: ModelOption = None,
    rules: RulesOption = None,
    no_default_rules: NoDefaultRulesOption = False,
    country: Annotated[
        str,
        typer.Option("--country", help="Country whose government titles the text means."),
    ] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
) -> None:
    """Show the mentions, entities, rules that matched and checks that refused a match."""
    from ..extract import Extractor
    from ..extract.explain import explain as run_explain
    from ..nlp import load_pipeline
    from ..records import Article as ArticleRecord
    from ..store import open_store

    if (text is None) == (article is None):
        raise typer.BadParameter("give a TEXT or --article ID (not both)", param_hint="TEXT")
    if no_default_rules and not rules:
        raise typer.BadParameter(
            "give the rules to use with --rules", param_hint="--no-default-rules"
        )
    if article is not None:
        with open_store(store, read_only=True) as kg_store:
            chosen = stored_article(kg_store, article)
    else:
        assert text is not None
        chosen = ArticleRecord(id="text", text=text)
    extractor = Extractor(
        load_pipeline(model), rules=rules or (), country=country, shipped_rules=not no_default_rules
    )
    found = run_explain(extractor, chosen)
    if entity:
        found = found.about(entity)
    if as_json:
        console.print(json.dumps(found.as_json(), ensure_ascii=False, indent=2))
        return
    for line in explanation_lines(found):
        console.print(escape_terminal(line), markup=False, soft_wrap=True)


def stored_article(kg_store: KGStore, article_id: str) -> Article:
    """The stored article ``article_id`` with its text: its ``schema:articleBody``, else read
    again from its ``kg:sourceFile``.

    Raises:
        KGError: The store has no such article, or its text cannot be found any more.
    """
    import pyoxigraph as ox

    from ..io import read_articles
    from ..records import Article as ArticleRecord
    from ..vocab import SCHEMA

    iris = {v: k for k, v in kg_store.article_iris().items()}
    if article_id not in iris:
        raise KGError(
            f"No article {article_id!r} in {kg_store.path}; kg query lists the ids: "
            "SELECT ?id WHERE { GRAPH ?g { ?a schema:identifier ?id } }"
        )
    meta = ox.NamedNode(kg_store.minter.metadata_graph)
    body = ox.NamedNode(SCHEMA.NS + "articleBody")
    for q in kg_store.ox.quads_for_pattern(ox.NamedNode(iris[article_id]), body, None, meta):
        return ArticleRecord(id=article_id, text=q.object.value)
    files = sorted(kg_store.source_files().get(article_id, ()))
    for name in files:
        if not Path(name).is_file():
            continue
        for found in read_articles([name], on_error="skip"):
            if found.id == article_id:
                return found
    where = ", ".join(files) or "no source file recorded"
    raise KGError(
        f"The text of article {article_id!r} cannot be found: not in the store, not in {where}"
    )


def explanation_lines(found: Explanation) -> list[str]:
    """The explanation as lines of text for a terminal (escape them before printing)."""
    lines = ["Mentions (span, NER label, class; what each pass did):"]
    for m in found.mentions:
        steps = "; ".join(
            f"{s.pass_name} {s.action}"
            + (f" {s.before}→{s.label}" if s.action == "retyped" else "")
            + (f" from {s.before!r}" if s.action == "renamed" else "")
            for s in m.steps
        )
        lines.append(
            f"  [{m.start}:{m.end}] {m.text!r} NER={m.ner_label or '-'} "
            f"→ {m.label or 'dropped'}  ({steps})"
        )
    lines.append("Entities (name, class, aliases):")
    for e in found.entities:
        aliases = f"  aka {', '.join(e.aliases)}" if e.aliases else ""
        lines.append(f"  {e.name} [{e.label}]{aliases}")
    lines.append("Rules that matched (rule, matched text → triple, status, confidence):")
    for r in found.matches:
        lines.append(
            f"  {r.rule}: {r.text!r} → {r.subject} —{r.predicate}→ {r.object} "
            f"({r.status}, {r.confidence})"
        )
    lines.append("Matches refused (rule, matched text, check: reason):")
    for j in found.rejections:
        lines.append(f"  {j.rule}: {j.text!r} refused by `{j.check}`: {j.reason}")
    lines.append("Triples in the graph:")
    for s, p, o, status, rule in found.triples:
        lines.append(f"  {s} —{p}→ {o} ({status}; {rule})")
    return lines

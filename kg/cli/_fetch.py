"""``kg fetch``: download pages and feeds into the cache, then build from the cache."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..errors import FetchError
from ._app import DEFAULT_STORE, StoreOption, app, console, console_err
from ._build import ModelOption, RulesOption, build_with_progress, print_build_report
from ._progress import working

DEFAULT_CACHE = Path(os.environ.get("KG_CACHE", "graphs/fetch-cache"))


@app.command()
def fetch(
    urls: Annotated[
        list[str], typer.Argument(help="http(s) URLs of news pages or RSS/Atom feeds.")
    ],
    store: StoreOption = DEFAULT_STORE,
    cache: Annotated[
        Path,
        typer.Option(
            "--cache", help="Folder of downloaded pages (env KG_CACHE).", envvar="KG_CACHE"
        ),
    ] = DEFAULT_CACHE,
    allow_private: Annotated[
        bool,
        typer.Option("--allow-private", help="Allow loopback, private and link-local addresses."),
    ] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Download again URLs already in the cache.")
    ] = False,
    delay: Annotated[
        float, typer.Option("--delay", min=0.0, help="Seconds between requests to one host.")
    ] = 1.0,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to connect and between reads.")
    ] = 15.0,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest page or feed accepted, in bytes.")
    ] = 10 * 1024 * 1024,
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links/--no-follow-links",
            help="Fetch the pages that feed entries without text link to.",
        ),
    ] = True,
    no_build: Annotated[
        bool, typer.Option("--no-build", help="Only download; do not build.")
    ] = False,
    model: ModelOption = None,
    rules: RulesOption = None,
    on_error: Annotated[
        str,
        typer.Option(
            "--on-error", help="raise: stop at the first bad article; skip: report and go on."
        ),
    ] = "skip",
) -> None:
    """Download pages and feeds (bounded, polite), then build the graph from the local cache.

    A URL already in the cache is read from disk, so fetching again touches no network.
    """
    from ..build import build as run_build
    from ..cache import Cache
    from ..fetch import FetchPolicy, entry_inputs, fetch_urls

    if on_error not in ("raise", "skip"):
        raise typer.BadParameter("use 'raise' or 'skip'", param_hint="--on-error")
    policy = FetchPolicy(
        allow_private=allow_private,
        timeout=timeout,
        max_bytes=max_bytes,
        delay=delay,
        follow_feed_links=follow_links,
    )
    the_cache = Cache(cache)
    with working(console_err, f"Fetching {len(urls)} URL(s)"):
        report = fetch_urls(urls, cache=the_cache, policy=policy, refresh=refresh)
    for url, reason in report.warnings:
        console_err.print(Text.assemble(("warning:", "yellow"), " ", f"{url}: {reason}"))
    for url, reason in report.failed:
        console_err.print(Text.assemble(("error:", "red"), " ", f"{url}: {reason}"))
    console.print(
        f"Fetched {len(report.entries)} page(s) and feed(s) into {cache}: "
        f"{report.downloaded} downloaded, {report.cached} from the cache, "
        f"{len(report.failed)} failed."
    )
    if report.entries and not no_build:
        inputs = entry_inputs(the_cache, report.entries)
        built = build_with_progress(
            run_build,
            list(inputs),
            store=store,
            model=model,
            rules=rules or (),
            on_error="skip" if on_error == "skip" else "raise",
            urls=inputs,
        )
        print_build_report(built, store)
    if report.failed:
        raise FetchError(
            f"{len(report.failed)} of {len(urls)} URL(s) could not be fetched (listed above)"
        )

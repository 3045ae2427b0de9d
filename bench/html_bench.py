"""Throughput of kg on HTML pages against trafilatura alone on the same pages, in one run.

The pages are generated from BBC corpus articles wrapped in the boilerplate of a real news
site: ``<meta>`` tags (canonical URL, site name, publication date, author, JSON-LD), a
cookie banner, navigation, a byline, "related" links, a "most read" box, a comments
section and a footer. They are written to ``bench/out/html/`` (git-ignored).

Variants, each over the same pages, timed in this order (the baseline twice, around the
others, so the order favours neither side):

- ``trafilatura #1``: ``trafilatura.bare_extraction`` with metadata on each page's bytes;
- ``kg read``: :func:`kg.io.read_articles` on the folder (trafilatura plus kg's article
  assembly: paragraphs, headline, dates, ids);
- ``kg build``: :func:`kg.build.build` into a fresh store (reading, spaCy, extraction, RDF);
  the spaCy pipeline is loaded and warmed up beforehand and not timed;
- ``trafilatura #2``: the baseline again; ratios use the mean of both runs.

Then the quality of what kg read: the pages whose headline, date and canonical URL are
right, whose text holds none of the boilerplate markers, and the share of the article's
paragraphs recovered.

    .venv/bin/python bench/html_bench.py --limit 200
"""

from __future__ import annotations

import argparse
import html
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kg.io import read_articles

ROOT = Path(__file__).resolve().parent
DEFAULT_CORPUS = Path("/work/shared/corpus/bbc")
MARKERS = (
    "cookie",
    "Accept all",
    "Most read",
    "Lottery winner gives fortune",
    "Top ten recipes",
    "Reader1234",
    "All rights reserved",
    "Privacy policy",
    "Sign in",
    "Related stories",
)


def page_html(index: int, title: str, paragraphs: list[str], section: str, when: date) -> str:
    """A news page around one article, with the boilerplate of a real site."""
    e = html.escape
    url = f"https://news.example/{section}/{index:05d}"
    body = "\n".join(f"    <p>{e(p)}</p>" for p in paragraphs)
    comments = "\n".join(
        f'  <div class="comment"><span class="user">Reader{1234 + k}</span>'
        f"<p>Comment number {k}: I completely disagree with this, the whole thing is a "
        f"disgrace and somebody should resign over it immediately.</p></div>"
        for k in range(4)
    )
    nav = "".join(
        f'<li><a href="/{s}">{s.title()}</a></li>'
        for s in ("home", "news", "sport", "business", "tech", "weather", "travel", "video")
    )
    most_read = "".join(
        f'<li><a href="/p/{k}">{t}</a></li>'
        for k, t in enumerate(
            (
                "Lottery winner gives fortune to donkey sanctuary",
                "Top ten recipes for a rainy weekend",
                "Celebrity chef opens harbour restaurant",
                "Traffic chaos after lorry sheds load of custard",
                "Quiz: how well do you know your capital cities?",
            )
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(title)} - News Example</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="News Example">
<meta property="og:title" content="{e(title)}">
<meta property="article:published_time" content="{when.isoformat()}T08:00:00+00:00">
<meta name="author" content="Staff Reporter">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{e(title)}","datePublished":"{when.isoformat()}T08:00:00+00:00"}}</script>
<script>window.analytics = {{track: function () {{}}}};</script>
<style>body {{ font-family: sans-serif }}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to give you the best
experience. Accept all cookies or manage your preferences.</p><button>Accept all</button></div>
<header><a class="logo" href="/">News Example</a> <a href="/signin">Sign in</a>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<main>
  <article>
    <h1>{e(title)}</h1>
    <p class="byline">By Staff Reporter, {when:%d %B %Y}</p>
{body}
  </article>
  <section class="related"><h2>Related stories</h2><ul>
    <li><a href="/r/1">What the new rules mean for you</a></li>
    <li><a href="/r/2">Analysis: a week of surprises</a></li></ul></section>
  <section class="comments"><h2>Comments (4)</h2>
{comments}
  </section>
</main>
<aside class="most-read"><h2>Most read</h2><ol>{most_read}</ol></aside>
<footer><p>Copyright {when.year} News Example. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms</a> |
<a href="/contact">Contact us</a> | <a href="/cookies">Cookies</a></p></footer>
</body>
</html>
"""


def write_pages(corpus: Path, out: Path, limit: int) -> list[dict[str, object]]:
    """Generate one page per corpus article (sorted, every category in turn); returns truths."""
    files = sorted(corpus.rglob("*.txt"))
    random.Random(7).shuffle(files)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    truths = []
    for index, path in enumerate(files[:limit]):
        lines = [
            ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").split("\n")
        ]
        blocks = [ln for ln in lines if ln]
        title, paragraphs = blocks[0], blocks[1:]
        when = date(2005, 1, 1) + timedelta(days=index % 365)
        section = path.parent.name
        (out / f"{index:05d}.html").write_text(
            page_html(index, title, paragraphs, section, when), encoding="utf-8"
        )
        truths.append(
            {
                "id": f"{out.name}/{index:05d}.html",
                "title": title,
                "date": when.isoformat(),
                "url": f"https://news.example/{section}/{index:05d}",
                "paragraphs": paragraphs,
            }
        )
    return truths


def squash(text: str) -> str:
    """Runs of whitespace as one space: kg normalises them in headlines and paragraphs."""
    return " ".join(text.split())


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(label: str, fn, results: dict[str, tuple[float, float]]) -> object:  # type: ignore[no-untyped-def]
    print(f"running {label} …", file=sys.stderr)
    wall0, cpu0 = time.perf_counter(), cpu()
    value = fn()
    results[label] = (time.perf_counter() - wall0, cpu() - cpu0)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200, help="pages to generate (default 200)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "html")
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-build", action="store_true", help="skip the kg build variant")
    parser.add_argument("--output", type=Path, help="also write the report here")
    args = parser.parse_args()

    truths = write_pages(args.corpus, args.out, args.limit)
    pages = sorted(args.out.glob("*.html"))
    n = len(pages)
    results: dict[str, tuple[float, float]] = {}

    from trafilatura import bare_extraction

    def trafilatura_alone() -> int:
        found = 0
        for page in pages:
            doc = bare_extraction(page.read_bytes(), with_metadata=True, include_comments=False)
            found += bool(doc and doc.text)
        return found

    nlp = None
    if not args.no_build:
        import kg.build
        from kg.nlp import load_pipeline

        nlp = load_pipeline(args.model)
        list(nlp.pipe(["Warm up the pipeline.", "Ada Lovelace met Charles Babbage in London."]))
        bare_extraction(pages[0].read_bytes(), with_metadata=True)

    timed("trafilatura #1", trafilatura_alone, results)
    articles = timed("kg read", lambda: list(read_articles([args.out])), results)
    store_dir = Path(tempfile.mkdtemp(prefix="html-bench-"))
    report = None
    if nlp is not None:
        original = kg.build.load_pipeline
        kg.build.load_pipeline = lambda name=None: nlp  # type: ignore[assignment]
        try:
            report = timed(
                "kg build",
                lambda: kg.build.build([args.out], store=store_dir / "store", link=False),
                results,
            )
        finally:
            kg.build.load_pipeline = original  # type: ignore[assignment]
    timed("trafilatura #2", trafilatura_alone, results)
    shutil.rmtree(store_dir, ignore_errors=True)

    base_wall = (results["trafilatura #1"][0] + results["trafilatura #2"][0]) / 2
    base_cpu = (results["trafilatura #1"][1] + results["trafilatura #2"][1]) / 2
    lines = [
        f"html_bench: {n} generated pages from {args.corpus} ({sum(p.stat().st_size for p in pages) / n / 1024:.1f} KiB each), "
        f"load average {os.getloadavg()[0]:.2f}",
        "",
        f"{'variant':<16} {'wall s':>8} {'CPU s':>8} {'pages/s':>9} {'x trafilatura (wall)':>21} {'(CPU)':>7}",
    ]
    for label, (wall, cpu_s) in results.items():
        lines.append(
            f"{label:<16} {wall:8.2f} {cpu_s:8.2f} {n / wall:9.1f} {wall / base_wall:21.2f} {cpu_s / base_cpu:7.2f}"
        )

    by_id = {a.id: a for a in articles}  # type: ignore[attr-defined]
    right_meta = leaked = 0
    kept = total = 0
    for truth in truths:
        article = by_id.get(str(truth["id"]))
        if article is None:
            continue
        right_meta += (article.title, article.date, article.url) == (
            squash(str(truth["title"])),
            truth["date"],
            truth["url"],
        )
        leaked += any(marker in article.text for marker in MARKERS)
        paragraphs = truth["paragraphs"]
        assert isinstance(paragraphs, list)
        total += len(paragraphs)
        text = squash(article.text)
        kept += sum(squash(p) in text for p in paragraphs)
    lines += [
        "",
        f"kg read {len(by_id)}/{n} pages; headline, date and canonical URL right on {right_meta}/{n}; "
        f"boilerplate in the text of {leaked}/{n}; article paragraphs recovered {kept}/{total} "
        f"({kept / max(total, 1):.1%})",
    ]
    if report is not None:
        lines.append(
            f"kg build: {report.added} added, {report.entities} entity mentions, "  # type: ignore[attr-defined]
            f"{report.relations} relations, {report.triples_after:,} triples"  # type: ignore[attr-defined]
        )
    text = "\n".join(lines)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

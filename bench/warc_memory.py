"""Peak memory of reading a large web archive, against reading one page, in one run.

Writes a synthetic ``.warc.gz`` to ``bench/out/`` (git-ignored) of about ``--size-mb`` MB:
HTML pages generated from BBC corpus articles (as ``html_bench.py`` makes them) between
large binary responses (video-like, 4 MB each, random bytes so gzip cannot shrink them),
request and metadata records, and one HTML response over kg's 20 MB record cap. Then, each
in a fresh process, measures the peak resident memory (``ru_maxrss``) of

- ``baseline``: importing kg and trafilatura and reading one generated page;
- ``kg read WARC``: :func:`kg.io.read_articles` over the whole archive.

A reader that streams record by record peaks near the baseline whatever the archive's
size; one that held the archive would peak above its size.

    .venv/bin/python bench/warc_memory.py --size-mb 1024 --pages 300
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from html_bench import DEFAULT_CORPUS, page_html  # noqa: E402

CHILD = """
import resource, sys, time
from collections import Counter
from kg.io import ReadReport, read_articles
report = ReadReport()
start = time.perf_counter()
n = sum(1 for _ in read_articles(sys.argv[1:], report=report, on_error="skip"))
print(n, round(time.perf_counter() - start, 1), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      dict(report.passed_over), report.skipped)
"""


def response(writer: WARCWriter, uri: str, body: bytes, content_type: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
    )


def write_warc(path: Path, *, size_mb: int, pages: int, corpus: Path) -> None:
    files = sorted(corpus.rglob("*.txt"))[:pages]
    rng = random.Random(3)
    blob_size = 4 * 1024 * 1024
    blobs = max(0, size_mb * 1024 * 1024 // blob_size)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for index in range(max(blobs, len(files))):
            if index < len(files):
                blocks = [
                    b.strip()
                    for b in files[index].read_text(errors="replace").split("\n")
                    if b.strip()
                ]
                page = page_html(index, blocks[0], blocks[1:], "news", date(2005, 3, 1))
                uri = f"https://news.example/news/{index:05d}"
                request = StatusAndHeaders(
                    f"GET /news/{index:05d} HTTP/1.1",
                    [("Host", "news.example")],
                    is_http_request=True,
                )
                writer.write_record(
                    writer.create_warc_record(
                        uri, "request", payload=io.BytesIO(b""), http_headers=request
                    )
                )
                response(writer, uri, page.encode(), "text/html; charset=utf-8")
            if index < blobs:
                response(
                    writer,
                    f"https://cdn.example/v/{index}.mp4",
                    rng.randbytes(blob_size),
                    "video/mp4",
                )
        huge = b"<html><body><p>" + b"word " * (5 * 1024 * 1024) + b"</p></body></html>"
        response(writer, "https://news.example/huge", huge, "text/html")


def peak(*inputs: Path) -> tuple[str, int]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, inputs)], capture_output=True, text=True, check=True
    ).stdout.strip()
    return out, int(out.split()[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", action="store_true", help="keep the generated archive")
    args = parser.parse_args()
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    warc = out / f"synthetic-{args.size_mb}mb.warc.gz"
    page = out / "one-page.html"
    started = time.perf_counter()
    write_warc(warc, size_mb=args.size_mb, pages=args.pages, corpus=args.corpus)
    files = sorted(args.corpus.rglob("*.txt"))
    blocks = [b.strip() for b in files[0].read_text(errors="replace").split("\n") if b.strip()]
    page.write_text(page_html(0, blocks[0], blocks[1:], "news", date(2005, 3, 1)))
    size = warc.stat().st_size
    print(
        f"wrote {warc.name}: {size / 2**20:,.0f} MB in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    base_out, base = peak(page)
    warc_out, warc_peak = peak(warc)
    print(
        f"warc_memory: {size / 2**20:,.0f} MB .warc.gz, {args.pages} HTML pages, load {os.getloadavg()[0]:.2f}"
    )
    print(f"baseline (one page)   peak RSS {base / 1024:7.1f} MB   [{base_out}]")
    print(f"kg read WARC          peak RSS {warc_peak / 1024:7.1f} MB   [{warc_out}]")
    print(
        f"ratio to baseline {warc_peak / base:.2f}; peak RSS / archive size {warc_peak * 1024 / size:.3f}"
    )
    if not args.keep:
        warc.unlink()


if __name__ == "__main__":
    main()

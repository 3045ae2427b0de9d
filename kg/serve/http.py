"""The HTTP side of ``kg serve``: the SPARQL 1.1 Protocol at ``/query``, the viewer at ``/``.

Standard library only (:class:`http.server.ThreadingHTTPServer`): a request is parsed,
checked by :func:`kg.query.check_query` (the guard rails of ``kg query``: no SERVICE,
LOAD, FROM/FROM NAMED, USING or update), run by the :class:`~kg.serve.pool.QueryPool`,
and written in the format the ``Accept`` header asks for.
"""

from __future__ import annotations

import ipaddress
import logging
import signal
import socket
import tempfile
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .. import __version__
from ..errors import QueryError
from ..query import check_query
from .pool import QueryPool, ResultTooLargeError, ServerBusyError
from .worker import store_signature

__all__ = ["SparqlServer", "is_loopback", "negotiate", "serve_until_stopped"]

logger = logging.getLogger(__name__)

MAX_BODY = 1 << 20
"""Largest request body read (bytes): a query longer than this is refused with 413."""

RESULTS_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
"""Media types of SELECT and ASK results, the default first."""

GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
"""Media types of CONSTRUCT and DESCRIBE results, the default first (RDF/XML is only written)."""


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers; ``None`` if it accepts none.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", ["application/json", "text/csv", "application/sparql-results+xml"])
    'application/sparql-results+xml'
    >>> negotiate(None, ["text/turtle", "application/n-triples"])
    'text/turtle'
    >>> negotiate("image/png", ["text/turtle"]) is None
    True
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            ranges.append((media.lower(), quality))
    best, best_q = None, 0.0
    for media in offered:
        kind = media.split("/")[0]
        quality, specificity = 0.0, -1
        for pattern, q in ranges:
            rank = 2 if pattern == media else 1 if pattern == f"{kind}/*" else 0
            if (rank == 0 and pattern != "*/*") or rank < specificity:
                continue
            quality, specificity = q, rank
        if quality > best_q:
            best, best_q = media, quality
    return best


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` resolves to is a loopback address.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)


class _Viewer:
    """The viewer page of the store, rendered again when the store has changed."""

    def __init__(self, store: Path, base: str) -> None:
        self.store, self.base = store, base
        self._lock = threading.Lock()
        self._signature: object = None
        self._page = b""

    def page(self) -> bytes:
        from ..graph import load_view
        from ..store import open_store
        from ..viz import render_html

        with self._lock:
            signature = store_signature(str(self.store))
            if signature != self._signature:
                with open_store(self.store, read_only=True, base=self.base) as kg:
                    view = load_view(kg)
                with tempfile.TemporaryDirectory(prefix="kg-serve-") as folder:
                    path = Path(folder) / "kg.html"
                    render_html(view, path, title=f"kg: {self.store.name}")
                    self._page = path.read_bytes()
                self._signature = signature
            return self._page


class SparqlServer(ThreadingHTTPServer):
    """A read-only SPARQL endpoint over one store.

    Attributes:
        pool: The query workers.
        viewer: Renders the page served at ``/``.
    """

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], *, pool: QueryPool, store: Path, base: str
    ) -> None:
        self.pool = pool
        self.viewer = _Viewer(store, base)
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-answer is no fault of the server's: log, no traceback.
        logger.info("request from %s failed", client_address, exc_info=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = f"kg/{__version__}"

    def log_message(self, format: str, *args: object) -> None:
        logger.info("%s %s", self.address_string(), format % args)

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(
        self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None
    ) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.viewer.page(), "text/html; charset=utf-8")
        elif url.path == "/query":
            self._answer(parse_qs(url.query, keep_blank_values=True))
        else:
            self._error(HTTPStatus.NOT_FOUND, f"Nothing at {url.path}: the endpoint is /query")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/query":
            self._error(HTTPStatus.NOT_FOUND, f"Nothing at {url.path}: the endpoint is /query")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._error(HTTPStatus.LENGTH_REQUIRED, "Give the Content-Length of the query")
            return
        if length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"The body is over {MAX_BODY:,} bytes")
            return
        body = self.rfile.read(length)
        media = self.headers.get_content_type()
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(
                body.decode("utf-8", "replace"), keep_blank_values=True
            ).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            params.setdefault("query", []).append(body.decode("utf-8", "replace"))
        elif media == "application/sparql-update":
            params.setdefault("update", []).append(body.decode("utf-8", "replace"))
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"Unsupported Content-Type {media!r}: send application/sparql-query or "
                "application/x-www-form-urlencoded",
            )
            return
        self._answer(params)

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "Refused SPARQL update: kg serve is read-only")
            return
        dataset = [k for k in ("default-graph-uri", "named-graph-uri") if k in params]
        if dataset:
            self._error(
                HTTPStatus.BAD_REQUEST,
                f"Refused {dataset[0]}: the dataset is the store's graphs "
                "(to read one graph use GRAPH <iri> { … })",
            )
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._error(HTTPStatus.BAD_REQUEST, "Give exactly one query parameter")
            return
        try:
            kind = check_query(queries[0])
        except QueryError as exc:
            message = str(exc)
            refused = message.startswith("Refused")
            # kg query's way out (--allow-network, --allow-update) does not exist here.
            message = message.split("; allow ")[0] if refused else message
            self._error(HTTPStatus.FORBIDDEN if refused else HTTPStatus.BAD_REQUEST, message)
            return
        offered = list(GRAPH_TYPES if kind == "construct" else RESULTS_TYPES)
        media = negotiate(self.headers.get("Accept"), offered)
        if media is None:
            self._error(
                HTTPStatus.NOT_ACCEPTABLE, f"This result can be sent as: {', '.join(offered)}"
            )
            return
        try:
            answer = self.server.pool.run(queries[0])
        except ServerBusyError as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": "5"})
            return
        except ResultTooLargeError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except QueryError as exc:
            timed_out = "timed out" in str(exc)
            status = HTTPStatus.SERVICE_UNAVAILABLE if timed_out else HTTPStatus.BAD_REQUEST
            self._error(status, str(exc))
            return
        body = _convert(answer.payload, kind, media, self.server.pool.prefixes)
        self._send(HTTPStatus.OK, body, f"{media}; charset=utf-8")


def _convert(payload: bytes, kind: str, media: str, prefixes: dict[str, str]) -> bytes:
    """A worker's payload in the negotiated format."""
    if kind == "construct":
        fmt = GRAPH_TYPES[media]
        if fmt == ox.RdfFormat.N_TRIPLES:
            return payload
        triples = list(ox.parse(payload, format=ox.RdfFormat.N_TRIPLES))
        used = {p: ns for p, ns in prefixes.items() if ns.encode() in payload}
        if fmt == ox.RdfFormat.TURTLE:
            return ox.serialize(triples, format=fmt, prefixes=used) or b""
        return ox.serialize(triples, format=fmt) or b""
    results_format = RESULTS_TYPES[media]
    if results_format == ox.QueryResultsFormat.JSON:
        return payload
    parsed = ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=results_format) or b""


def serve_until_stopped(
    server: SparqlServer, *, on_ready: Callable[[], None] | None = None
) -> None:
    """Serve until SIGTERM or SIGINT, then stop the workers and close the socket."""

    def stop(signum: int, frame: FrameType | None) -> None:
        # shutdown() waits for serve_forever() to return: it cannot run in this thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        if on_ready:
            on_ready()
        server.serve_forever()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.pool.close()
        server.server_close()

"""``kg push``: send the store's graphs to a SPARQL server, through the Graph Store Protocol.

Each named graph of the store is sent with one HTTP ``PUT <endpoint>?graph=<iri>``
(SPARQL 1.1 Graph Store HTTP Protocol), which replaces that graph on the server: pushing
twice leaves the server as pushing once, and an article rebuilt since the last push
replaces its old graph. Triples of the store's default graph, if any, go with
``PUT <endpoint>?default``. It works with any server that implements the protocol:

- Oxigraph server: ``http://HOST:7878/store``
- Apache Jena Fuseki: ``http://HOST:3030/DATASET/data``
- Virtuoso: ``http://HOST:8890/sparql-graph-crud-auth`` (with credentials)

The network is used only here, explicitly and bounded: every request has a timeout,
redirects are not followed (a redirect would resend the data and the credentials
elsewhere), no proxy is taken from the environment, and an endpoint whose host resolves to
a loopback, private, link-local or reserved address is refused unless ``allow_private`` (a
push must not be turned against the machine's own network by a URL someone else wrote).
Every connection goes through :mod:`kg.netguard`, as ``kg fetch``'s do: it checks the
address it connects to, so a DNS answer that changes after the check (DNS rebinding)
reaches nothing. Credentials come from headers (``Authorization: Bearer …``) or from the
user's netrc file.

The paths articles were read from (``kg:sourceFile``) name folders of this machine: they
stay in the store and are not sent unless ``with_source_files``.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from .errors import NetworkError
from .netguard import guarded_transport, is_public_address, refused_cause
from .rdf.terms import is_local_only
from .store import open_store

__all__ = ["PushReport", "check_endpoint", "push"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushReport:
    """What a push sent.

    Attributes:
        graphs: Graphs sent (named graphs, plus the default graph if it holds triples).
        triples: Triples sent, over all graphs.
        seconds: Wall time of the push.
    """

    graphs: int
    triples: int
    seconds: float


_HINT = "pass --allow-private to push to a server on this machine or its network"


def check_endpoint(url: str, *, allow_private: bool = False) -> None:
    """Refuse an endpoint that is not http(s), or whose host is a private address.

    A host name is checked when the push connects to it (:mod:`kg.netguard`), for every
    connection, on the address connected to; a literal address is refused here at once.

    Raises:
        NetworkError: The URL is not http(s), or its host is an address that is not public
            (:func:`kg.netguard.is_public_address`) without ``allow_private``.

    >>> check_endpoint("ftp://example.org/data")
    Traceback (most recent call last):
    ...
    kg.errors.NetworkError: Cannot push to ftp://example.org/data: give an http:// or https:// URL
    >>> check_endpoint("http://127.0.0.1:7878/store")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.NetworkError: Refused to push to http://127.0.0.1:7878/store: 127.0.0.1 resolves to 127.0.0.1, a loopback, ...
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NetworkError(f"Cannot push to {url}: give an http:// or https:// URL")
    try:
        ipaddress.ip_address(parts.hostname.split("%")[0])
    except ValueError:
        return  # a host name: checked at each connection
    if not allow_private and not is_public_address(parts.hostname):
        raise NetworkError(
            f"Refused to push to {url}: {parts.hostname} resolves to {parts.hostname}, "
            f"a loopback, private or link-local address; {_HINT}"
        )


def _auth(headers: Mapping[str, str], netrc: Path | None) -> httpx.Auth | None:
    """The netrc credentials, unless a header already authenticates."""
    if any(k.lower() == "authorization" for k in headers):
        return None
    path = netrc or Path(os.environ.get("NETRC", Path.home() / ".netrc"))
    return httpx.NetRCAuth(str(path)) if path.is_file() else None


def push(
    store: Path | str,
    endpoint: str,
    *,
    headers: Mapping[str, str] | None = None,
    netrc: Path | None = None,
    allow_private: bool = False,
    with_source_files: bool = False,
    timeout: float = 60.0,
    on_graph: Callable[[str, int], None] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> PushReport:
    """PUT every graph of the store at ``store`` to the Graph Store endpoint ``endpoint``.

    Args:
        store: The store folder (opened read-only: a build may run meanwhile).
        endpoint: The Graph Store Protocol URL of the server (see the module docstring).
        headers: Extra request headers, e.g. ``{"Authorization": "Bearer …"}``.
        netrc: A netrc file for credentials (default ``$NETRC`` or ``~/.netrc``, if present).
        allow_private: Allow loopback and private addresses.
        with_source_files: Also send the local paths of the source files (``kg:sourceFile``).
        timeout: Seconds allowed for each request (connect, send, answer).
        on_graph: Called with each graph's IRI (``""``: the default graph) and its triples.
        transport: The httpx transport (default: the network; tests pass a mock).

    Raises:
        NetworkError: The endpoint is refused or unreachable, or the server answered a
            graph with an error (the message names the graph and the HTTP status).
        StoreError: The store cannot be opened.
    """
    check_endpoint(endpoint, allow_private=allow_private)
    started = time.monotonic()
    graphs = triples = 0
    with (
        open_store(store, read_only=True) as kg,
        httpx.Client(
            headers=dict(headers or {}),
            auth=_auth(headers or {}, netrc),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            transport=transport or guarded_transport(allow_private=allow_private, hint=_HINT),
        ) as client,
    ):
        named = [g for g in kg.ox.named_graphs() if isinstance(g, ox.NamedNode)]
        named.sort(key=lambda g: g.value)
        names: list[ox.NamedNode | ox.DefaultGraph] = [*named]
        if next(iter(kg.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
            names.append(ox.DefaultGraph())
        for name in names:
            quads = [
                q
                for q in kg.ox.quads_for_pattern(None, None, None, name)
                if with_source_files or not is_local_only(q)
            ]
            body = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b""
            iri = name.value if isinstance(name, ox.NamedNode) else ""
            _put(client, endpoint, iri, body)
            graphs += 1
            triples += len(quads)
            if on_graph:
                on_graph(iri, len(quads))
    return PushReport(graphs, triples, time.monotonic() - started)


def _put(client: httpx.Client, endpoint: str, graph: str, body: bytes) -> None:
    params = {"graph": graph} if graph else {"default": ""}
    what = f"graph <{graph}>" if graph else "the default graph"
    try:
        response = client.put(
            endpoint,
            params=params,
            content=body,
            headers={"Content-Type": "application/n-triples"},
        )
    except httpx.HTTPError as exc:
        refused = refused_cause(exc)
        if refused is not None:
            raise NetworkError(f"Refused to push to {endpoint}: {refused.reason}") from exc
        raise NetworkError(f"Cannot push {what} to {endpoint}: {exc}") from exc
    if not response.is_success:
        detail = " ".join(response.text.split())[:300]
        raise NetworkError(
            f"The server refused {what}: HTTP {response.status_code} "
            f"{response.reason_phrase} from PUT {endpoint}" + (f": {detail}" if detail else "")
        )
    logger.info("pushed %s (%d bytes): HTTP %d", what, len(body), response.status_code)

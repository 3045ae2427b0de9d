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

The server keeps the list of the graphs kg pushed to it (the graph ``{base}pushed``), so
that ``delete_missing`` can delete those gone from the store and nothing else.

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
from typing import Any
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from .errors import NetworkError
from .netguard import guarded_transport, is_public_address, refused_cause
from .rdf.terms import is_local_only
from .store import open_store
from .vocab import KG

__all__ = ["PushReport", "check_endpoint", "push"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushReport:
    """What a push sent (or, with ``dry_run``, would send).

    Attributes:
        graphs: Graphs sent (named graphs, plus the default graph if it holds triples).
        triples: Triples sent, over all graphs.
        seconds: Wall time of the push.
        deleted: Graphs deleted on the server (``delete_missing``), sorted.
        dry_run: Nothing was sent: the counts say what a push would send and delete.
    """

    graphs: int
    triples: int
    seconds: float
    deleted: tuple[str, ...] = ()
    dry_run: bool = False


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
    delete_missing: bool = False,
    dry_run: bool = False,
    timeout: float = 60.0,
    on_graph: Callable[[str, int], None] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> PushReport:
    """PUT every graph of the store at ``store`` to the Graph Store endpoint ``endpoint``.

    The server keeps a list of the graphs kg pushed to it, in the graph
    ``{base}pushed`` (``<{base}pushed> kg:pushedGraph <graph>``), written before the graphs
    themselves so that it names every graph a push may have left there. With
    ``delete_missing``, the graphs it names that are under the store's base IRI and no
    longer in the store (``kg remove``, ``kg prune``) are deleted; a graph kg never pushed,
    or outside the base, is never touched.

    Args:
        store: The store folder (opened read-only: a build may run meanwhile).
        endpoint: The Graph Store Protocol URL of the server (see the module docstring).
        headers: Extra request headers, e.g. ``{"Authorization": "Bearer …"}``.
        netrc: A netrc file for credentials (default ``$NETRC`` or ``~/.netrc``, if present).
        allow_private: Allow loopback and private addresses.
        with_source_files: Also send the local paths of the source files (``kg:sourceFile``).
        delete_missing: Delete on the server the graphs kg pushed before that are gone
            from the store.
        dry_run: Send nothing: read the server's list and count what a push would send
            and delete.
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
        base, manifest = kg.minter.base, kg.minter.push_manifest
        named = [
            g
            for g in kg.ox.named_graphs()
            if isinstance(g, ox.NamedNode)
            and (with_source_files or g.value != kg.minter.local_graph)  # nothing else in it
        ]
        named.sort(key=lambda g: g.value)
        names: list[ox.NamedNode | ox.DefaultGraph] = [*named]
        if next(iter(kg.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
            names.append(ox.DefaultGraph())
        pushed_before = _read_manifest(client, endpoint, manifest, base=base)
        in_store = {g.value for g in named if g.value.startswith(base)}
        missing = sorted(pushed_before - in_store) if delete_missing else []
        listed = pushed_before | in_store
        if not dry_run and listed != pushed_before:
            _put(client, endpoint, manifest, _manifest_body(manifest, listed))
        for name in names:
            quads = [
                q
                for q in kg.ox.quads_for_pattern(None, None, None, name)
                if with_source_files or not is_local_only(q)
            ]
            iri = name.value if isinstance(name, ox.NamedNode) else ""
            if not dry_run:
                body = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
                _put(client, endpoint, iri, body or b"")
            graphs += 1
            triples += len(quads)
            if on_graph:
                on_graph(iri, len(quads))
        if missing and not dry_run:
            for iri in missing:
                _delete(client, endpoint, iri)
            _put(client, endpoint, manifest, _manifest_body(manifest, listed - set(missing)))
    return PushReport(
        graphs, triples, time.monotonic() - started, deleted=tuple(missing), dry_run=dry_run
    )


def _manifest_body(manifest: str, graphs: set[str]) -> bytes:
    listed = ox.NamedNode(manifest)
    pushed = ox.NamedNode(KG.pushedGraph)
    triples = (ox.Triple(listed, pushed, ox.NamedNode(g)) for g in sorted(graphs))
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _read_manifest(client: httpx.Client, endpoint: str, manifest: str, *, base: str) -> set[str]:
    """The graphs under ``base`` that the server's list says kg pushed (none if no list)."""
    response = _send(
        client,
        "GET",
        endpoint,
        f"graph <{manifest}>",
        ok=(404,),
        params={"graph": manifest},
        headers={"Accept": "application/n-triples"},
    )
    if response.status_code == 404:
        return set()
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in ("application/n-triples", "text/plain"):
        raise NetworkError(
            f"The server answered GET {endpoint}?graph={manifest} with {media or 'no type'!r}, "
            "not the N-Triples asked for; kg push cannot read its list of pushed graphs"
        )
    try:
        triples = ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)
        return {
            t.object.value
            for t in triples
            if t.subject == ox.NamedNode(manifest)
            and t.predicate == ox.NamedNode(KG.pushedGraph)
            and isinstance(t.object, ox.NamedNode)
            and t.object.value.startswith(base)
            and t.object.value != manifest
        }
    except SyntaxError as exc:
        raise NetworkError(
            f"Cannot read the list of pushed graphs <{manifest}> from {endpoint}: {exc}"
        ) from exc


def _put(client: httpx.Client, endpoint: str, graph: str, body: bytes) -> None:
    params = {"graph": graph} if graph else {"default": ""}
    what = f"graph <{graph}>" if graph else "the default graph"
    _send(
        client,
        "PUT",
        endpoint,
        what,
        params=params,
        content=body,
        headers={"Content-Type": "application/n-triples"},
    )
    logger.info("pushed %s (%d bytes)", what, len(body))


def _delete(client: httpx.Client, endpoint: str, graph: str) -> None:
    # 404: deleted already (by hand, or by a push that stopped before updating its list).
    _send(client, "DELETE", endpoint, f"graph <{graph}>", ok=(404,), params={"graph": graph})
    logger.info("deleted graph <%s>", graph)


def _send(
    client: httpx.Client,
    method: str,
    endpoint: str,
    what: str,
    *,
    ok: tuple[int, ...] = (),
    **request: Any,
) -> httpx.Response:
    """One request about ``what``; a refusal, a failure or an error status is a NetworkError."""
    try:
        response = client.request(method, endpoint, **request)
    except httpx.HTTPError as exc:
        refused = refused_cause(exc)
        if refused is not None:
            raise NetworkError(f"Refused to push to {endpoint}: {refused.reason}") from exc
        if isinstance(exc, httpx.ConnectError):  # no graph got as far as the server
            raise NetworkError(f"Cannot reach {endpoint}: {exc}") from exc
        raise NetworkError(f"Cannot push {what} to {endpoint}: {exc}") from exc
    if not response.is_success and response.status_code not in ok:
        detail = " ".join(response.text.split())[:300]
        raise NetworkError(
            f"The server refused {what}: HTTP {response.status_code} "
            f"{response.reason_phrase} from {method} {endpoint}" + (f": {detail}" if detail else "")
        )
    return response

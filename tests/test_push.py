"""`kg push` end to end, against a real Oxigraph server started on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from test_cli_query import make_store  # the fixture TriG as an on-disk store
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import NetworkError
from kg.push import check_endpoint, push

ROOT = Path(__file__).resolve().parent.parent
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph"
)
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server (PyPI oxigraph)")
COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[str]:
    """A running Oxigraph server on 127.0.0.1; yields its Graph Store endpoint."""
    assert OXIGRAPH is not None
    port = free_port()
    server = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)  # the server is still starting
        yield base + "/store"
    finally:
        server.terminate()
        server.wait(timeout=20)


MANIFEST = "https://kg.example/pushed"  # the server's list of the graphs kg pushed there


def counts_on_server(endpoint: str, *, manifest: bool = False) -> dict[str, int]:
    """Triples per graph on the server (its list of pushed graphs only if ``manifest``)."""
    response = httpx.get(
        endpoint.removesuffix("/store") + "/query",
        params={"query": COUNT},
        headers={"Accept": "application/sparql-results+json"},
    )
    rows = response.json()["results"]["bindings"]
    counts = {r["g"]["value"]: int(r["n"]["value"]) for r in rows}
    return counts if manifest else {g: n for g, n in counts.items() if g != MANIFEST}


def counts_in_store(store: Path) -> dict[str, int]:
    copy = ox.Store.read_only(str(store))
    rows = copy.query(COUNT)
    return {row["g"].value: int(row["n"].value) for row in rows}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return make_store(tmp_path / "kg.oxigraph")


def test_push_sends_every_graph_and_pushing_twice_adds_nothing(store: Path, endpoint: str):
    result = subprocess.run(
        [sys.executable, "-m", "kg", "push", "--store", str(store), "--endpoint", endpoint,
         "--allow-private"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    expected = counts_in_store(store)
    assert len([g for g in expected if "/graph/" in g]) == 3  # the fixture's article graphs
    assert f"Pushed {len(expected)} graphs" in result.stdout
    assert counts_on_server(endpoint) == expected
    again = push(store, endpoint, allow_private=True)
    assert again.graphs == len(expected)
    assert counts_on_server(endpoint) == expected


def test_push_replaces_a_graph_that_changed_since(store: Path, endpoint: str):
    push(store, endpoint, allow_private=True)
    writer = ox.Store(str(store))
    graph = next(g for g in writer.named_graphs() if "/graph/" in g.value)
    dropped = next(iter(writer.quads_for_pattern(None, None, None, graph)))
    writer.remove(dropped)
    del writer
    push(store, endpoint, allow_private=True)
    assert counts_on_server(endpoint) == counts_in_store(store)


def test_push_refuses_loopback_without_allow_private(store: Path, endpoint: str):
    with pytest.raises(
        NetworkError, match="a loopback, private or link-local address; pass --allow-private"
    ):
        push(store, endpoint)
    assert counts_on_server(endpoint) == {}


def test_push_names_the_graph_and_the_status_when_the_server_refuses(store: Path, endpoint: str):
    wrong = endpoint.removesuffix("/store") + "/nothing-here"
    with pytest.raises(NetworkError, match=r"graph <https://kg\.example/[^>]+>: HTTP 404"):
        push(store, wrong, allow_private=True)


def test_push_sends_the_authorization_header(store: Path, tmp_path: Path):
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization"))
        return httpx.Response(401)

    transport = httpx.MockTransport(handler)
    url = "http://127.0.0.1:9/store"
    with pytest.raises(NetworkError, match="HTTP 401"):
        push(store, url, headers={"Authorization": "Bearer t0k"}, allow_private=True,
             transport=transport)  # fmt: skip
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login ada password s3cret\n", encoding="utf-8")
    with pytest.raises(NetworkError, match="HTTP 401"):
        push(store, url, netrc=netrc, allow_private=True, transport=transport)
    assert seen[0] == "Bearer t0k"
    assert seen[1] is not None and seen[1].startswith("Basic ")


def test_check_endpoint_refuses_private_networks_and_other_schemes():
    for url in ("http://10.1.2.3/store", "http://[::1]:7878/store", "http://169.254.169.254/"):
        with pytest.raises(NetworkError, match="Refused"):
            check_endpoint(url)
    with pytest.raises(NetworkError, match="http:// or https://"):
        check_endpoint("file:///etc/passwd")
    check_endpoint("http://10.1.2.3/store", allow_private=True)


def server_has(endpoint: str, ask: str) -> bool:
    response = httpx.get(
        endpoint.removesuffix("/store") + "/query",
        params={"query": ask},
        headers={"Accept": "application/sparql-results+json"},
    )
    return bool(response.json()["boolean"])


def test_push_leaves_local_source_paths_out_unless_asked(store: Path, endpoint: str):
    writer = ox.Store(str(store))
    writer.add(
        ox.Quad(
            ox.NamedNode("https://kg.example/article/seeds/minerals-deal-talks.txt"),
            ox.NamedNode("https://kg.example/ontology#sourceFile"),
            ox.Literal("/home/ada/private-news/minerals-deal-talks.txt"),
            ox.NamedNode("https://kg.example/meta"),
        )
    )
    del writer
    command = [sys.executable, "-m", "kg", "push", "--store", str(store), "--endpoint", endpoint,
               "--allow-private"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    any_path = "ASK { GRAPH ?g { ?a <https://kg.example/ontology#sourceFile> ?file } }"
    headline = "ASK { GRAPH <https://kg.example/meta> { ?a <http://schema.org/headline> ?h } }"
    assert server_has(endpoint, headline)  # the metadata graph went...
    assert not server_has(endpoint, any_path)  # ...without the local path
    result = subprocess.run([*command, "--with-source-files"], capture_output=True, text=True,
                            cwd=ROOT)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert server_has(endpoint, any_path)


def _resolve_as(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Make ``rebind.test`` resolve to each of ``answers`` in turn (the last one thereafter),
    as a DNS server under an attacker's control may; returns the answers given."""
    real = socket.getaddrinfo
    given: list[str] = []

    def resolve(host: str, port: object, *args: object, **kwargs: object) -> object:
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)  # type: ignore[arg-type]
        given.append(answers[min(len(given), len(answers) - 1)])
        return real(given[-1], port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return given


def _push_cli(endpoint: str, store: Path) -> tuple[int, str]:
    """``kg push`` in this process (so that the resolver is the test's): exit code, and
    the output or the error the CLI prints."""
    result = CliRunner().invoke(app, ["push", "--store", str(store), "--endpoint", endpoint])
    if result.exception is not None and result.exit_code == 1:
        assert isinstance(result.exception, NetworkError), repr(result.exception)
        return 1, str(result.exception)
    return result.exit_code, " ".join(result.output.split())


def test_push_connects_to_the_address_it_checked_not_to_a_second_dns_answer(
    store: Path, endpoint: str, monkeypatch: pytest.MonkeyPatch
):
    # 127.0.0.2 stands in for a public address (nothing listens there); the second answer
    # is the server on 127.0.0.1, which a push without --allow-private must never reach.
    monkeypatch.setattr("kg.netguard.is_public_address", lambda address: address == "127.0.0.2")
    given = _resolve_as(monkeypatch, ["127.0.0.2", "127.0.0.1"])
    port = endpoint.split(":")[2].split("/")[0]
    code, output = _push_cli(f"http://rebind.test:{port}/store", store)
    assert code == 1 and f"Cannot reach http://rebind.test:{port}/store: cannot connect" in output
    assert given[0] == "127.0.0.2"
    assert counts_on_server(endpoint) == {}  # the rebinding answer reached nothing


def test_push_checks_the_address_of_a_host_name_when_it_connects(
    store: Path, endpoint: str, monkeypatch: pytest.MonkeyPatch
):
    port = endpoint.split(":")[2].split("/")[0]
    url = f"http://rebind.test:{port}/store"
    _resolve_as(monkeypatch, ["127.0.0.1"])
    code, output = _push_cli(url, store)
    assert code == 1
    assert f"Refused to push to {url}: rebind.test resolves to 127.0.0.1, a loopback" in output
    assert counts_on_server(endpoint) == {}
    # Through the same guard, an allowed address is reached, and no proxy of the
    # environment (which would connect unguarded) is used.
    monkeypatch.setattr("kg.netguard.is_public_address", lambda address: address == "127.0.0.1")
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    code, output = _push_cli(url, store)
    assert code == 0, output
    monkeypatch.delenv("HTTP_PROXY")  # for the test's own client
    assert counts_on_server(endpoint) == counts_in_store(store)


def test_push_delete_missing_deletes_only_graphs_kg_pushed_that_left_the_store(
    store: Path, endpoint: str
):
    def kg(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "kg", *args, "--store", str(store)],
            capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    push_command = ("push", "--endpoint", endpoint, "--allow-private")
    kg(*push_command)
    gone = "https://kg.example/graph/reuters/003.txt"
    # Graphs kg never pushed: one under the store's base, one outside it.
    others = ("https://kg.example/graph/by-hand", "https://other.example/graph/a")
    for graph in others:
        body = f'<{graph}> <http://schema.org/name> "kept" .\n'
        response = httpx.put(endpoint, params={"graph": graph}, content=body.encode(),
                             headers={"Content-Type": "application/n-triples"})  # fmt: skip
        assert response.is_success
    kg("remove", "reuters/003.txt")
    assert gone not in counts_in_store(store)
    kg(*push_command)  # without --delete-missing a push deletes nothing
    before = counts_on_server(endpoint, manifest=True)
    assert gone in before
    out = kg(*push_command, "--delete-missing", "--dry-run")
    assert f"would delete <{gone}>" in out and out.count("would delete <") == 1
    assert "Nothing was sent" in out
    assert counts_on_server(endpoint, manifest=True) == before
    out = kg(*push_command, "--delete-missing")
    assert f"deleted <{gone}>" in out and "; deleted 1 graph(s) gone from the store in" in out
    after = counts_on_server(endpoint)
    assert {g: n for g, n in after.items() if g not in others} == counts_in_store(store)
    assert all(graph in after for graph in others)
    pushed = httpx.get(endpoint, params={"graph": MANIFEST},
                       headers={"Accept": "application/n-triples"}).text  # fmt: skip
    assert gone not in pushed and "graph/seeds/minerals-deal-talks.txt" in pushed
    assert "by-hand" not in pushed
    out = kg(*push_command, "--delete-missing")  # again: nothing left to delete
    assert "deleted <" not in out and "deleted 0 graph(s) gone from the store" in out

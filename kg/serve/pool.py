"""A pool of query worker processes (:mod:`kg.serve.worker`), each killed when over time.

The pool hands one worker to one query at a time. A query that runs out of time gets its
worker killed (it only reads: there is nothing to clean up) and a fresh one started in
its place; a query that waits longer than the time limit for a free worker is turned
away, so a flood of slow queries cannot queue up forever.
"""

from __future__ import annotations

import json
import os
import queue
import selectors
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError, StoreError

__all__ = ["Answer", "QueryPool", "ResultTooLargeError", "ServerBusyError"]


class ResultTooLargeError(QueryError):
    """A result is larger than the server's cap."""


class ServerBusyError(QueryError):
    """Every worker stayed busy for the whole time limit."""


@dataclass(frozen=True)
class Answer:
    """A worker's answer: SPARQL JSON results or N-Triples, as bytes."""

    payload: bytes


class _Worker:
    def __init__(self, store: Path) -> None:
        package_root = str(Path(__file__).resolve().parent.parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.serve.worker", str(store)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            bufsize=0,
        )
        self.ready = False

    def _read_exact(self, size: int, deadline: float) -> bytes:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        chunks: list[bytes] = []
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while size > 0:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise TimeoutError
                chunk = os.read(fd, min(size, 1 << 20))
                if not chunk:
                    raise EOFError
                chunks.append(chunk)
                size -= len(chunk)
        return b"".join(chunks)

    def _read_reply(self, deadline: float) -> tuple[bytes, bytes]:
        header = b""
        while not header.endswith(b"\n"):
            header += self._read_exact(1, deadline)
            if len(header) > 32:
                raise EOFError
        status, _, size = header.strip().partition(b" ")
        return status, self._read_exact(int(size), deadline)

    def ask(self, job: dict[str, object], deadline: float) -> tuple[bytes, bytes]:
        if not self.ready:
            status, payload = self._read_reply(deadline)
            if status != b"O":
                raise StoreError(payload.decode("utf-8", "replace"))
            self.ready = True
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(job).encode() + b"\n")
        return self._read_reply(deadline)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


class QueryPool:
    """``size`` worker processes over the store at ``store``.

    Args:
        store: The store folder.
        size: Number of worker processes (queries answered at once).
        timeout: Seconds a query may run; also the longest wait for a free worker.
        max_rows: Most rows (SELECT) or triples (CONSTRUCT) a result may have.
        prefixes: Prefixes every query may use undeclared.
        hidden: Graphs no query sees (the local graph of ``kg:sourceFile`` paths).
    """

    def __init__(
        self,
        store: Path,
        *,
        size: int,
        timeout: float,
        max_rows: int,
        prefixes: dict[str, str],
        hidden: tuple[str, ...] = (),
    ) -> None:
        self.store = store
        self.hidden = hidden
        self.timeout = timeout
        self.max_rows = max_rows
        self.prefixes = prefixes
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self.store)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def run(self, query: str) -> Answer:
        """Run a query that :func:`kg.query.check_query` has accepted.

        Raises:
            QueryError: It failed or ran out of time.
            ResultTooLargeError: Its result is over the cap.
            ServerBusyError: No worker became free within the time limit.
            StoreError: A worker could not open the store.
        """
        started = time.monotonic()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise ServerBusyError(
                f"Every query worker stayed busy for {self.timeout:g} s; try again later"
            ) from None
        deadline = started + self.timeout
        job = {
            "query": query,
            "max_rows": self.max_rows,
            "prefixes": self.prefixes,
            "hidden": list(self.hidden),
        }
        try:
            status, payload = worker.ask(job, deadline)
        except TimeoutError:
            self._replace(worker)
            raise QueryError(f"Query timed out after {self.timeout:g} s") from None
        except (EOFError, OSError, StoreError) as exc:
            self._replace(worker)
            if isinstance(exc, StoreError):
                raise
            raise QueryError("The query worker process stopped unexpectedly") from exc
        self._give_back(worker)
        if status == b"O":
            return Answer(payload)
        message = payload.decode("utf-8", "replace")
        if status == b"C":
            raise ResultTooLargeError(
                f"{message}, the cap of this server: add LIMIT to the query (or start "
                "kg serve with a larger --max-rows)"
            )
        raise QueryError(message)

    def _replace(self, worker: _Worker) -> None:
        self._retire(worker)
        if not self._closed:
            self._idle.put(self._start())

    def _give_back(self, worker: _Worker) -> None:
        if self._closed:
            self._retire(worker)
        else:
            self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._retire(worker)

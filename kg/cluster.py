"""Extraction on a Dask cluster: ``kg build --cluster local[:N] | tcp://SCHEDULER:8786``.

Only the extraction moves: spaCy and the relation rules run on the cluster's workers,
each of which loads the pipeline once (a worker plugin); the build process reads the
input, skips unchanged articles by fingerprint, and writes the store in batches exactly
as a one-process build does (:func:`kg.build.build`). Idempotence, replace-on-change,
the store lock and ``kill -9`` safety are therefore the same, and so is the store: the
workers send back :class:`~kg.records.ArticleGraph` records (plain values), from which
the build process mints the quads with the same code as ever.

Articles travel in partitions of ``partition_size``; at most two partitions per worker
are in flight, so a corpus larger than memory streams through. Every partition's answer
carries the fingerprint of the worker's model and rules, and a build refuses workers
whose pipeline differs from its own (it would store articles under a false fingerprint).

Dask sends Python objects with pickle: connect only to a scheduler you run and trust.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from .errors import ClusterError, ModelError
from .records import Article, ArticleGraph

__all__ = ["DaskExtraction", "parse_cluster"]

logger = logging.getLogger(__name__)

_PLUGIN = "kg-pipeline"
_LOCAL = re.compile(r"local(?::(?P<n>\d+))?")


def parse_cluster(value: str) -> tuple[str, int | str]:
    """``("local", workers)`` or ``("remote", address)`` from a ``--cluster`` value.

    >>> parse_cluster("local:3"), parse_cluster("local")[0], parse_cluster("tcp://10.0.0.5:8786")
    (('local', 3), 'local', ('remote', 'tcp://10.0.0.5:8786'))
    >>> parse_cluster("loca:2")
    Traceback (most recent call last):
    ...
    kg.errors.ClusterError: Invalid --cluster 'loca:2': give local, local:N (N workers) or the scheduler's address, tcp://HOST:8786
    """
    local = _LOCAL.fullmatch(value)
    if local:
        workers = int(local["n"]) if local["n"] else _default_workers()
        if workers < 1:
            raise ClusterError(
                f"Invalid --cluster {value!r}: a local cluster needs 1 worker or more"
            )
        return "local", workers
    if re.fullmatch(r"(tcp|tls|ucx)://[^\s/]+:\d+", value):
        return "remote", value
    raise ClusterError(
        f"Invalid --cluster {value!r}: give local, local:N (N workers) or the scheduler's "
        "address, tcp://HOST:8786"
    )


def _default_workers() -> int:
    import os

    return max(1, (os.cpu_count() or 2) - 1)


class _PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline and the rules once per worker (a Dask worker plugin)."""

    name = _PLUGIN

    def __init__(
        self,
        model: str | None,
        rules: Sequence[str],
        country: str = "",
        shipped_rules: bool = True,
    ) -> None:
        self.model = model
        self.rules = tuple(rules)
        self.country = country
        self.shipped_rules = shipped_rules
        self.extractor: Any = None

    def setup(self, worker: Any) -> None:
        from .extract import Extractor
        from .nlp import load_pipeline

        self.extractor = Extractor(
            load_pipeline(self.model),
            rules=[Path(r) for r in self.rules],
            country=self.country,
            shipped_rules=self.shipped_rules,
        )

    def teardown(self, worker: Any) -> None:
        self.extractor = None


def _extract_partition(articles: list[Article]) -> tuple[str, list[ArticleGraph]]:
    """Task run on a worker: the worker's extraction fingerprint and the articles' graphs."""
    plugin: Any = get_worker().plugins[_PLUGIN]
    extractor = plugin.extractor
    graphs = list(extractor.pipe(articles, batch_size=max(1, len(articles))))
    return extractor.fingerprint, graphs


class DaskExtraction:
    """A connection to a Dask cluster that extracts articles; a context manager.

    Args:
        cluster: A ``--cluster`` value (see :func:`parse_cluster`).
        model: The spaCy pipeline the workers load (as :func:`kg.nlp.load_pipeline` reads it).
        rules: Extra rule folders (paths the workers can read).
        country: The country of government titles (``--country``; see :class:`kg.extract.Extractor`).
        shipped_rules: False: the workers use only ``rules``, not ``schemas/rules/``
            (``--no-default-rules``), as the build process must too.
        partition_size: Articles per task.
        on_connect: Called once the cluster is up (e.g. to print its dashboard).

    Raises:
        ClusterError: The value is malformed (at once), or the scheduler cannot be
            reached (when the first articles are sent).
    """

    def __init__(
        self,
        cluster: str,
        *,
        model: str | None = None,
        rules: Iterable[Path] = (),
        country: str = "",
        shipped_rules: bool = True,
        partition_size: int = 64,
        on_connect: Callable[[DaskExtraction], None] | None = None,
    ) -> None:
        self.kind, self.where = parse_cluster(cluster)
        self.model = model
        self.rules = [str(Path(r).resolve()) for r in rules]
        self.country = country
        self.shipped_rules = shipped_rules
        self.partition_size = partition_size
        self.on_connect = on_connect
        self._cluster: Any = None
        self._client: Client | None = None

    @property
    def client(self) -> Client:
        """The Dask client; the cluster is started (or reached) on first use, so a build
        with nothing to extract starts no cluster."""
        if self._client is not None:
            return self._client
        try:
            if self.kind == "local":
                self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=int(self.where),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",
                    silence_logs=logging.ERROR,
                )
                client = Client(self._cluster)  # type: ignore[no-untyped-call]
            else:
                client = Client(str(self.where), timeout="20s")  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ClusterError(f"Cannot reach the Dask scheduler at {self.where}: {exc}") from exc
        self._client = client
        plugin = _PipelinePlugin(self.model, self.rules, self.country, self.shipped_rules)
        client.register_plugin(plugin, name=_PLUGIN)
        if self.on_connect:
            self.on_connect(self)
        return client

    @property
    def workers(self) -> int:
        """Workers the scheduler knows now."""
        return len(self.client.scheduler_info().get("workers", {}))

    @property
    def dashboard(self) -> str | None:
        """The address of the Dask dashboard, if it runs (it needs ``bokeh``)."""
        try:
            import bokeh  # noqa: F401
        except ImportError:
            return None
        link = self.client.dashboard_link
        return str(link) if link else None

    def pipe(self, articles: Iterable[Article], extraction: str) -> Iterator[ArticleGraph]:
        """Extract ``articles`` on the cluster; yield their graphs in input order.

        Args:
            articles: The articles to extract.
            extraction: The fingerprint of the build's own model and rules; every worker
                must extract with the same.

        Raises:
            ModelError: A worker's model or rules differ from the build's.
        """
        in_flight: deque[Any] = deque()  # distributed.Future
        limit = 0

        def collect() -> Iterator[ArticleGraph]:
            fingerprint, graphs = in_flight.popleft().result()
            if fingerprint != extraction:
                raise ModelError(
                    "A Dask worker extracts with another spaCy pipeline or other rules than "
                    "this build (fingerprint differs): install the same model, rules and kg "
                    "version on every worker"
                )
            yield from graphs

        partition: list[Article] = []
        for article in articles:
            partition.append(article)
            if len(partition) >= self.partition_size:
                in_flight.append(self.client.submit(_extract_partition, partition, pure=False))
                partition = []
                limit = limit or 2 * max(1, self.workers)
                while len(in_flight) >= limit:
                    yield from collect()
        if partition:
            in_flight.append(self.client.submit(_extract_partition, partition, pure=False))
        while in_flight:
            yield from collect()

    def close(self) -> None:
        """Disconnect; stop the local cluster if this object started one."""
        if self._client is not None:
            self._client.close()  # type: ignore[no-untyped-call]
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskExtraction:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

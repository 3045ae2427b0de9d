"""Errors raised by kg.

Every error kg raises derives from :class:`KGError`, and also from the builtin whose
meaning it shares, so callers can catch either::

    KGError
    ├── InputError(ValueError)     bad article input: file, line and problem
    ├── ModelError(RuntimeError)   the spaCy pipeline cannot be loaded
    ├── RuleError(ValueError)      invalid relation rules: every problem at once
    ├── IRIError(ValueError)       an IRI cannot be minted
    ├── OutputError(OSError)       an output file cannot be written (-o)
    ├── StoreError                 the triple store cannot be opened or written
    │   └── StoreLockedError       another process holds the store
    ├── QueryError(ValueError)     a SPARQL query is malformed or refused
    ├── GraphError(LookupError)    an entity name is unknown or ambiguous
    ├── FetchError                 kg fetch cannot or will not download a URL
    ├── NetworkError(OSError)      an address cannot be bound, or a server refused or failed
    ├── ClusterError(ValueError)   a --cluster value is malformed or its scheduler unreachable
    └── EvaluationError(ValueError) a gold file is malformed
"""

from __future__ import annotations

__all__ = [
    "ClusterError",
    "EvaluationError",
    "FetchError",
    "GraphError",
    "IRIError",
    "InputError",
    "KGError",
    "ModelError",
    "NetworkError",
    "OutputError",
    "QueryError",
    "RuleError",
    "StoreError",
    "StoreLockedError",
]


class KGError(Exception):
    """Base class of every error kg raises."""


class InputError(KGError, ValueError):
    """An article cannot be read. The message names the file, the line and the problem."""


class ModelError(KGError, RuntimeError):
    """The spaCy pipeline cannot be loaded."""


class RuleError(KGError, ValueError):
    """Relation rules are invalid. The message lists every problem found."""


class IRIError(KGError, ValueError):
    """An IRI cannot be minted from the given value."""


class OutputError(KGError, OSError):
    """An output file cannot be written. The message names the path and what to do."""


class StoreError(KGError):
    """The triple store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process has the store open for writing."""


class QueryError(KGError, ValueError):
    """A SPARQL query is malformed, refused by a guard rail, or timed out."""


class GraphError(KGError, LookupError):
    """An entity name matches no node, or several."""


class NetworkError(KGError, OSError):
    """``kg serve`` cannot listen, or ``kg push`` cannot reach a server or is refused by it."""


class ClusterError(KGError, ValueError):
    """A ``--cluster`` value is malformed, or the Dask scheduler cannot be reached."""


class EvaluationError(KGError, ValueError):
    """A gold file is malformed."""


class FetchError(KGError):
    """A URL cannot be downloaded, or is refused (address, robots.txt, size, scheme)."""

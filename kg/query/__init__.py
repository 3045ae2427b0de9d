"""SPARQL over a kg store, with guard rails, a timeout and a library of named queries.

Every query is parsed (with rdflib's SPARQL 1.1 parser) before Oxigraph sees it, and the
parse tree is checked against the guard rails: no ``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED``
or ``USING`` (they name remote data, which Oxigraph would fetch with its own HTTP client,
out of reach of Python) unless ``allow_network=True``, and no update unless
``allow_update=True``. A query the parser cannot read is refused with its line and column.

Every query runs under a time limit, :data:`DEFAULT_TIMEOUT` (120 s, as ``kg query``), in a
worker process that is killed when time runs out; ``timeout=SECONDS`` changes it and
``timeout=None`` lifts it (the query then runs in this process, at no extra cost). Queries
read the consolidated graph (``graphs="all"``: the union of all graphs) and the prefixes of
:data:`PREFIXES` are predeclared:

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://kg.example/person/Ada"),
...     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Ada"),
...     ox.NamedNode("https://kg.example/graph/a1")))
>>> result = run_query(store, "SELECT ?who WHERE { ?who rdfs:label 'Ada' }")
>>> result.kind, result.variables, [row[0].value for row in result.rows]
('select', ('who',), ['https://kg.example/person/Ada'])
>>> run_query(store, "SELECT * { SERVICE <http://x.example/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.QueryError: Refused SPARQL query: SERVICE <http://x.example/> queries a remote ...

The package, one concern a module, each importing only those before it (no cycle):

- :mod:`kg.query.terms`: result terms and parameters as plain strings, the prefixes;
- :mod:`kg.query.guard`: parse the query and apply the guard rails;
- :mod:`kg.query.results`: the result as plain values, and its output formats;
- :mod:`kg.query.worker`: run the query, in this process or in a worker process;
- :mod:`kg.query.named`: the named queries of ``schemas/queries/NAME.rq`` (see its README).
"""

from __future__ import annotations

from .guard import check_query
from .named import (
    NEEDS,
    NamedQuery,
    QueryParam,
    find_entities,
    list_named_queries,
    load_named_query,
    queries_dir,
    read_named_query,
    run_named_query,
    undated_articles,
)
from .results import FORMATS, QueryResult
from .terms import PREFIXES, ResultTerm, prefixes_for, to_term
from .worker import DEFAULT_TIMEOUT, USE_DEFAULT, UseDefault, check_timeout, run_query

__all__ = [
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "NEEDS",
    "PREFIXES",
    "USE_DEFAULT",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "ResultTerm",
    "UseDefault",
    "check_query",
    "check_timeout",
    "find_entities",
    "list_named_queries",
    "load_named_query",
    "prefixes_for",
    "queries_dir",
    "read_named_query",
    "run_named_query",
    "run_query",
    "to_term",
    "undated_articles",
]

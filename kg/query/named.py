"""Named queries: the SPARQL files of ``schemas/queries``, run with their parameters.

A named query is a SELECT query whose header comments give its name, a description and its
parameters (see ``schemas/queries/README.md``). :func:`run_named_query` checks the values
given against the header and runs the query with :func:`kg.query.run_query`, behind the same
guard rails.

An **entity parameter** (``# param: person -> ?subject``) names entities: its value is looked
up first (:func:`find_entities`: an IRI or a CURIE as it is, a name on labels and aliases,
exactly, else in any case) and the query runs with ``?subject`` bound to every entity found
(:meth:`NamedQuery.with_entities`). A query that starts from bound entities reads a few
hundred quads of a large store where matching the name in a ``FILTER`` read every label.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> ada, graph = ox.NamedNode("https://kg.example/person/Ada"), ox.NamedNode("https://kg.example/graph/a1")
>>> store.add(ox.Quad(ada, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
...     ox.NamedNode("https://kg.example/ontology#Person"), graph))
>>> store.add(ox.Quad(ada, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
...     ox.Literal("Ada"), graph))
>>> find_entities(store, "ada")
('https://kg.example/person/Ada',)
>>> [q.name for q in list_named_queries()]
['affiliations', 'co-mentioned', 'evidence', 'role-holders', 'roles-as-of', 'whois']
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..consolidate import entity_names
from ..errors import QueryError
from ..iri import DEFAULT_BASE
from ..names import match_name
from ..resources import schemas_dir
from ..vocab import SCHEMA
from .guard import OPAQUE
from .results import QueryResult
from .terms import PREFIXES, ResultTerm, prefixes_for, to_term
from .worker import USE_DEFAULT, UseDefault, open_read_only, run_query, timeout_for

__all__ = [
    "NEEDS",
    "NamedQuery",
    "QueryParam",
    "find_entities",
    "list_named_queries",
    "load_named_query",
    "queries_dir",
    "read_named_query",
    "run_named_query",
    "undated_articles",
]

NEEDS = ("article-dates",)
"""What a named query may declare it needs (``# needs: article-dates``): dated articles,
whose statements carry ``kg:asOf``."""

_UNDATED = f"""
SELECT (COUNT(?article) AS ?total) (SUM(?undated) AS ?missing) WHERE {{
  SELECT DISTINCT ?article ?undated WHERE {{
    GRAPH ?meta {{
      ?article a <{SCHEMA.NewsArticle}> .
      BIND(IF(EXISTS {{ ?article <{SCHEMA.datePublished}> ?date }}, 0, 1) AS ?undated)
    }}
  }}
}}
"""


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: the variable it binds.

    Attributes:
        name: The variable name, without ``?``.
        description: What to give, for ``kg query --list``.
        required: Whether the query needs it (declared without a trailing ``?``).
        example: A value to try, from ``(e.g. …)`` at the end of the description.
        entity: For an entity parameter (declared ``NAME -> ?VARIABLE``), the variable that
            kg binds to the entities the value names (see :func:`find_entities`); ``""`` for
            a plain parameter.
    """

    name: str
    description: str
    required: bool = True
    example: str = ""
    entity: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query of ``schemas/queries/``, with its header read.

    Attributes:
        name: The file name without ``.rq``.
        description: One line on what it answers.
        params: Its parameters, in the order declared.
        text: The SPARQL text (header comments included).
        path: The file it was read from.
        needs: What the answers depend on, from ``# needs:`` lines (see :data:`NEEDS`):
            ``kg query`` warns when the store lacks it.
    """

    name: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    path: str
    needs: tuple[str, ...] = ()

    def bind(self, values: Mapping[str, str]) -> dict[str, str]:
        """Check parameter values against the declared parameters.

        Raises:
            QueryError: A value for an undeclared parameter, or a required one missing.
        """
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(
                f"Unknown parameter {', '.join(unknown)} for the named query {self.name!r}; "
                f"known: {', '.join(p.name for p in self.params) or 'none'}"
            )
        for param in self.params:
            if param.required and not str(values.get(param.name, "")).strip():
                example = f" (e.g. --param {param.name}={param.example!r})" if param.example else ""
                raise QueryError(
                    f"Missing parameter {param.name!r} of the named query {self.name!r}: "
                    f"{param.description}{example}"
                )
        return {k: v for k, v in values.items() if str(v).strip()}

    def with_entities(self, entities: Mapping[str, Collection[str]]) -> str:
        """The text with the entity variables bound: ``VALUES ?VARIABLE { <iri> … }``.

        The VALUES blocks open the WHERE clause, on its first line (so that a syntax error
        keeps its line number), where Oxigraph's optimizer starts its joins from them.

        Args:
            entities: ``{parameter: entity IRIs}`` for the entity parameters that were given;
                no IRI at all makes the query answer nothing.

        Raises:
            QueryError: A key is not an entity parameter of this query.

        >>> named = NamedQuery("q", "Everything about someone.",
        ...     (QueryParam("person", "A name", entity="subject"),),
        ...     "SELECT ?p ?o ?person WHERE { ?subject ?p ?o }", "q.rq")
        >>> named.with_entities({"person": ["https://kg.example/person/Ada"]})
        'SELECT ?p ?o ?person WHERE { VALUES ?subject { <https://kg.example/person/Ada> } ?subject ?p ?o }'
        """
        variables = {p.name: p.entity for p in self.params if p.entity}
        unknown = sorted(set(entities) - set(variables))
        if unknown:
            raise QueryError(
                f"{', '.join(unknown)} is not an entity parameter of the named query "
                f"{self.name!r}; its entity parameters: {', '.join(variables) or 'none'}"
            )
        if not entities:
            return self.text
        blocks = " ".join(
            f"VALUES ?{variables[name]} {{ {''.join(f'<{iri}> ' for iri in iris)}}}"
            for name, iris in entities.items()
        )
        where = _where_clause_start(self.text)
        if where is None:
            raise QueryError(f"Cannot find the WHERE clause of the named query {self.path}")
        return f"{self.text[:where]} {blocks}{self.text[where:]}"


def find_entities(
    store: ox.Store, value: str | ResultTerm, *, prefixes: Mapping[str, str] = PREFIXES
) -> tuple[str, ...]:
    """The IRIs of the entities a parameter value names, sorted.

    An IRI or a CURIE (see :func:`to_term`) names itself. A name is looked up among the
    labels and aliases of the consolidated graph (:func:`kg.names.match_name`: exactly
    first, then ignoring case, accents and punctuation, then leading titles).
    Several entities may share a name (a person and a place called *Jordan*): all are
    returned. A name that nothing bears gives ``()``.

    >>> store = ox.Store()
    >>> label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    >>> graph = ox.NamedNode("https://kg.example/graph/a1")
    >>> a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    >>> for iri, cls in (("person/Jordan_Lee", "Person"), ("place/Jordan", "Place")):
    ...     node = ox.NamedNode(f"https://kg.example/{iri}")
    ...     store.add(ox.Quad(node, a, ox.NamedNode(f"https://kg.example/ontology#{cls}"), graph))
    ...     store.add(ox.Quad(node, label, ox.Literal(iri.split("/")[1].replace("_", " ")), graph))
    >>> find_entities(store, "jordan")
    ('https://kg.example/place/Jordan',)
    >>> find_entities(store, "JORDAN-lee")
    ('https://kg.example/person/Jordan_Lee',)
    >>> find_entities(store, "kgd:person/Nobody")
    ('https://kg.example/person/Nobody',)
    >>> find_entities(store, "Nobody")
    ()
    """
    term = value if isinstance(value, ResultTerm) else to_term(value, prefixes)
    if term.type == "uri":
        return (term.value,)
    if term.type != "literal":
        raise QueryError(
            f"Cannot look up the entities named by {term.value!r}: give a name or an IRI"
        )
    entries = entity_names(store, prefixes.get("kgd", DEFAULT_BASE))
    return tuple(sorted(match_name(term.value, entries, labels_first=False)))


_KEYWORD_OR_BRACKET = re.compile(r"\bSELECT\b|[(){}]", re.I)


def _where_clause_start(text: str) -> int | None:
    """The offset just after the ``{`` that opens the WHERE clause of a SELECT query."""
    blank = OPAQUE.sub(lambda m: " " * len(m[0]), text)  # same offsets, no strings or IRIs
    select, depth = False, 0
    for match in _KEYWORD_OR_BRACKET.finditer(blank):
        token = match[0]
        if not select:
            select = token.upper() == "SELECT"
        elif token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "{" and depth == 0:
            return match.end()
    return None


_HEADER = re.compile(r"#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_]\w*)(?P<optional>\?)?"
    r"(?:\s*->\s*[?$](?P<entity>[A-Za-z_]\w*))?\s+(?P<description>\S.*)"
)
_EXAMPLE = re.compile(r"\(e\.g\.\s*(?P<example>.+?)\)\s*$")


def queries_dir() -> Path:
    """The folder of named queries: ``schemas/queries``."""
    return schemas_dir() / "queries"


def read_named_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file and its header.

    Raises:
        QueryError: The file cannot be read or its header is invalid (every problem listed).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"Cannot read the named query {path}: {exc}") from exc
    fields: dict[str, str] = {}
    params: list[QueryParam] = []
    needs: list[str] = []
    problems: list[str] = []
    body = OPAQUE.sub(" ", text)  # without comments (the header), strings and IRIs
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        header = _HEADER.fullmatch(line)
        if header is None:
            continue
        key, value = header["key"], header["value"]
        if key == "param":
            param = _PARAM.fullmatch(value)
            if param is None:
                problems.append(f"{path}:{number}: expected '# param: NAME  description'")
                continue
            example = _EXAMPLE.search(param["description"])
            params.append(
                QueryParam(
                    param["name"],
                    param["description"],
                    required=not param["optional"],
                    example=example["example"].strip("\"'") if example else "",
                    entity=param["entity"] or "",
                )
            )
            if not re.search(rf"[?$]{param['name']}\b", text):
                problems.append(f"{path}:{number}: parameter ?{param['name']} is not used")
            if param["entity"] == param["name"]:
                problems.append(
                    f"{path}:{number}: parameter {param['name']} binds the entities it names to "
                    f"?{param['entity']}, which must be another variable than ?{param['name']}"
                )
            elif param["entity"] and not re.search(rf"[?$]{param['entity']}\b", body):
                problems.append(f"{path}:{number}: entity variable ?{param['entity']} is not used")
        elif key == "needs":
            for need in value.split():
                if need not in NEEDS:
                    problems.append(
                        f"{path}:{number}: unknown need {need!r}; known: {', '.join(NEEDS)}"
                    )
                elif need not in needs:
                    needs.append(need)
        elif key in {"name", "description"}:
            fields[key] = f"{fields[key]} {value}" if key in fields else value
    if fields.get("name") != path.stem:
        problems.append(f"{path}:1: '# name: {path.stem}' must head the file")
    if not fields.get("description"):
        problems.append(f"{path}: missing '# description: …'")
    if problems:
        raise QueryError("Invalid named query: " + "; ".join(problems))
    return NamedQuery(
        path.stem, fields["description"], tuple(params), text, str(path), tuple(needs)
    )


def list_named_queries(directory: Path | None = None) -> list[NamedQuery]:
    """Every named query, sorted by name.

    Args:
        directory: Where to look; default ``schemas/queries`` (see :func:`queries_dir`).
    """
    folder = directory or queries_dir()
    return [read_named_query(p) for p in sorted(folder.glob("*.rq"))]


def load_named_query(name: str, directory: Path | None = None) -> NamedQuery:
    """The named query ``name``.

    Raises:
        QueryError: No query has that name (the known names are listed).
    """
    folder = directory or queries_dir()
    path = folder / f"{name}.rq"
    if not re.fullmatch(r"[\w.-]+", name) or not path.is_file():
        known = ", ".join(q.name for q in list_named_queries(folder)) or "none"
        raise QueryError(f"Unknown named query {name!r}; known: {known}")
    return read_named_query(path)


def run_named_query(
    source: ox.Store | str | os.PathLike[str],
    query: str | NamedQuery,
    params: Mapping[str, str] | None = None,
    *,
    timeout: float | UseDefault | None = USE_DEFAULT,
    base: str = DEFAULT_BASE,
    directory: Path | None = None,
) -> QueryResult:
    """Run a named query with its parameters (see :func:`run_query`).

    The value of an entity parameter is looked up first (:func:`find_entities`: an IRI or a
    ``kgd:`` CURIE as it is, a name exactly, else in any case) and the query runs with the
    entities it names bound (:meth:`NamedQuery.with_entities`); a name that no entity bears
    gives no rows. Every parameter is also bound to the value given, as :func:`run_query`
    binds it, so that the query can show it.

    Args:
        source: A pyoxigraph store or the folder of an on-disk store.
        query: The name of a query of ``schemas/queries``, or a loaded one.
        params: ``{parameter: value}``; a value is read with :func:`to_term`, so an entity
            may be given as an IRI, a ``kgd:`` CURIE or a name (label or alias).
        timeout: Seconds to wait for the results (names are looked up before the clock
            starts, in this process): :data:`~kg.query.worker.DEFAULT_TIMEOUT` unless given,
            ``None`` for no limit.
        base: The data base that ``kgd:`` stands for.
        directory: Where named queries live; default ``schemas/queries``.

    Raises:
        QueryError: Unknown query, unknown or missing parameter, or the query failed.
    """
    named = query if isinstance(query, NamedQuery) else load_named_query(query, directory)
    values = named.bind(params or {})
    lookups = [p for p in named.params if p.entity and p.name in values]
    if not lookups:
        return run_query(source, named.text, params=values, timeout=timeout, base=base)
    store = source if isinstance(source, ox.Store) else open_read_only(os.fspath(source))
    prefixes = prefixes_for(base)
    entities = {p.name: find_entities(store, values[p.name], prefixes=prefixes) for p in lookups}
    text = named.with_entities(entities)
    # With a timeout the child process opens an on-disk store itself.
    target = store if timeout_for("select", timeout) is None else source
    return run_query(target, text, params=values, timeout=timeout, base=base)


def undated_articles(store: ox.Store) -> tuple[int, int]:
    """``(undated, total)``: articles without ``schema:datePublished``, and all articles.

    >>> store = ox.Store()
    >>> kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    >>> meta = ox.NamedNode("https://kg.example/graph/metadata")
    >>> for n in (1, 2):
    ...     store.add(ox.Quad(ox.NamedNode(f"https://kg.example/article/{n}"), kind,
    ...                       ox.NamedNode("http://schema.org/NewsArticle"), meta))
    >>> store.add(ox.Quad(ox.NamedNode("https://kg.example/article/1"),
    ...     ox.NamedNode("http://schema.org/datePublished"), ox.Literal("2025-03-05"), meta))
    >>> undated_articles(store)
    (1, 2)
    """
    row = next(iter(store.query(_UNDATED)))  # type: ignore[arg-type]
    return int(row["missing"].value), int(row["total"].value)

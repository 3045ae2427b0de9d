"""SPARQL over a kg store, with guard rails, a timeout and a library of named queries.

Every query is parsed (with rdflib's SPARQL 1.1 parser) before Oxigraph sees it, and the
parse tree is checked against the guard rails: no ``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED``
or ``USING`` (they name remote data, which Oxigraph would fetch with its own HTTP client,
out of reach of Python) unless ``allow_network=True``, and no update unless
``allow_update=True``. A query the parser cannot read is refused with its line and column.

Queries see the union of all graphs (``use_default_graph_as_union``) and the prefixes of
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

Named queries live in ``schemas/queries/NAME.rq`` (see its README); :mod:`kg.named_queries`
reads and runs them (its names are still importable from here).
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import pyoxigraph as ox

from .errors import QueryError
from .iri import DEFAULT_BASE, ONTOLOGY, is_valid_iri

if TYPE_CHECKING:
    from pyparsing import ParseBaseException
    from rich.table import Table

__all__ = [
    "FORMATS",
    "PREFIXES",
    "QueryResult",
    "ResultTerm",
    "check_query",
    "prefixes_for",
    "run_query",
    "to_term",
]

QueryKind: TypeAlias = Literal["select", "ask", "construct", "update"]

FORMATS = ("table", "csv", "tsv", "json", "turtle")
"""Output formats of :meth:`QueryResult.render` (``table`` is a rich table, see ``to_table``)."""


def prefixes_for(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes every query may use without declaring them, ``kgd:`` bound to ``base``.

    >>> prefixes_for("https://news.example/")["kgd"]
    'https://news.example/'
    """
    return {
        "kg": ONTOLOGY,
        "kgd": base,
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "sh": "http://www.w3.org/ns/shacl#",
        "schema": "http://schema.org/",
        "prov": "http://www.w3.org/ns/prov#",
        "org": "http://www.w3.org/ns/org#",
        "wdt": "http://www.wikidata.org/prop/direct/",
    }


PREFIXES: dict[str, str] = prefixes_for()
"""Predeclared prefixes (``schemas/README.md``), with ``kgd:`` the default data base."""


# --- result terms ---------------------------------------------------------------------


@dataclass(frozen=True)
class ResultTerm:
    """One RDF term of a result, as plain strings (the SPARQL JSON results model).

    Attributes:
        value: The IRI, the literal's lexical form or the blank node id.
        type: ``"uri"``, ``"literal"``, ``"bnode"`` or ``"triple"`` (RDF-star).
        datatype: The literal's datatype IRI; ``""`` for plain and language strings.
        language: The literal's language tag, or ``""``.
    """

    value: str
    type: Literal["uri", "literal", "bnode", "triple"] = "literal"
    datatype: str = ""
    language: str = ""

    def __str__(self) -> str:
        return self.value

    def to_pyoxigraph(self) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        """The pyoxigraph term (a ``triple`` term cannot be converted)."""
        if self.type == "uri":
            return ox.NamedNode(self.value)
        if self.type == "bnode":
            return ox.BlankNode(self.value)
        if self.type == "literal":
            if self.language:
                return ox.Literal(self.value, language=self.language)
            if self.datatype:
                return ox.Literal(self.value, datatype=ox.NamedNode(self.datatype))
            return ox.Literal(self.value)
        raise QueryError(f"Cannot use the quoted triple {self.value} as a query parameter")

    def compact(self, prefixes: Mapping[str, str] = PREFIXES) -> str:
        """Short display form: an IRI as ``prefix:local`` where a prefix fits, else the value.

        >>> ResultTerm("https://kg.example/person/Ada", "uri").compact()
        'kgd:person/Ada'
        >>> ResultTerm("https://kg.example/ontology#works_for", "uri").compact()
        'kg:works_for'
        """
        if self.type == "uri":
            best = max(
                (p for p in prefixes.items() if self.value.startswith(p[1])),
                key=lambda item: len(item[1]),
                default=None,
            )
            return f"{best[0]}:{self.value[len(best[1]) :]}" if best else f"<{self.value}>"
        if self.type == "bnode":
            return f"_:{self.value}"
        return self.value

    @classmethod
    def from_json(cls, binding: Mapping[str, Any]) -> ResultTerm:
        """A term from one binding of SPARQL 1.1 JSON results."""
        kind = binding["type"]
        if kind == "triple":
            parts = [cls.from_json(binding["value"][k]) for k in ("subject", "predicate", "object")]
            return cls("<< " + " ".join(p.compact() for p in parts) + " >>", "triple")
        if kind == "typed-literal":  # SPARQL 1.0 JSON, still seen in the wild
            kind = "literal"
        return cls(binding["value"], kind, binding.get("datatype", ""), binding.get("xml:lang", ""))

    @classmethod
    def from_pyoxigraph(cls, term: Any) -> ResultTerm:
        """A term from a pyoxigraph NamedNode, BlankNode, Literal or Triple."""
        if isinstance(term, ox.NamedNode):
            return cls(term.value, "uri")
        if isinstance(term, ox.BlankNode):
            return cls(term.value, "bnode")
        if isinstance(term, ox.Literal):
            datatype = "" if term.language else term.datatype.value
            if datatype == _XSD_STRING:
                datatype = ""
            return cls(term.value, "literal", datatype, term.language or "")
        return cls(str(term), "triple")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_CURIE = re.compile(r"(?P<prefix>[A-Za-z][\w.-]*)?:(?P<local>\S*)")


def to_term(value: str, prefixes: Mapping[str, str] = PREFIXES) -> ResultTerm:
    """The RDF term a ``--param`` value stands for.

    ``<iri>`` and absolute IRIs with ``://`` or ``urn:`` become IRIs, and so do CURIEs of a
    predeclared prefix; a value in double quotes, and anything else, is a string literal.

    >>> to_term("kgd:person/Karoline_Leavitt").value
    'https://kg.example/person/Karoline_Leavitt'
    >>> to_term("Karoline Leavitt")
    ResultTerm(value='Karoline Leavitt', type='literal', datatype='', language='')
    >>> to_term('"kg:not_an_iri"').type
    'literal'
    """
    text = value.strip()
    if len(text) >= 2 and text[0] == "<" and text[-1] == ">":
        return ResultTerm(text[1:-1], "uri")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return ResultTerm(text[1:-1])
    curie = _CURIE.fullmatch(text)
    if curie and (curie["prefix"] or "") in prefixes:
        return ResultTerm(prefixes[curie["prefix"] or ""] + curie["local"], "uri")
    if ("://" in text or text.startswith("urn:")) and is_valid_iri(text):
        return ResultTerm(text, "uri")
    return ResultTerm(value)


# --- guard rails ----------------------------------------------------------------------

_UPDATE_OPERATIONS = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}
_QUERY_KINDS: dict[str, QueryKind] = {
    "SelectQuery": "select",
    "AskQuery": "ask",
    "ConstructQuery": "construct",
    "DescribeQuery": "construct",
}
_UPDATE_KEYWORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)
# Strings, IRIs and comments, blanked out before the keyword scan of the second belt.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*",
    re.DOTALL,
)
_NETWORK_KEYWORD = re.compile(r"(?<![\w:?$@.\-])(SERVICE|LOAD|FROM|USING)(?![\w:\-])", re.I)
_FIRST_WORD = re.compile(r"\b([A-Za-z]+)\b")
_PROLOGUE_WORDS = re.compile(r"\b(PREFIX\s+[\w.-]*:|BASE\b)", re.I)
# Character classes Oxigraph lists among what it expected: long and of no help to a reader.
_CHARACTER_CLASSES = re.compile(r",?\s*\[[^\]]*\]")
_PNAME_BEFORE_SLASH = re.compile(r"[A-Za-z][\w.-]*:[\w.-]*$")
_OXIGRAPH_POSITION = re.compile(r"^error at (\d+):(\d+): ", re.S)


def check_query(
    query: str, *, allow_network: bool = False, allow_update: bool = False
) -> QueryKind:
    """Parse ``query`` and refuse it if it breaks a guard rail; return its kind.

    Args:
        query: A SPARQL 1.1 query or update.
        allow_network: Allow ``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED`` and ``USING``.
        allow_update: Allow updates (``INSERT``, ``DELETE``, ``DROP``, ``CLEAR``, ``LOAD``, …).

    Returns:
        ``"select"``, ``"ask"``, ``"construct"`` (``DESCRIBE`` too) or ``"update"``.

    Raises:
        QueryError: The text is not SPARQL (with line and column), or it is refused.

    >>> check_query("ASK { ?s ?p 'SERVICE <http://x.example/> {}' } # LOAD <http://y.example/>")
    'ask'
    >>> check_query("DROP ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: Refused SPARQL update (DROP): updates are not allowed; ...
    """
    text, tree, kind = _parse_in_thread(query)
    problems: list[str] = []
    if kind == "update" and not allow_update:
        operations = ", ".join(dict.fromkeys(_UPDATE_OPERATIONS[r.name] for r in tree["request"]))
        raise QueryError(
            f"Refused SPARQL update ({operations}): updates are not allowed; "
            "allow updates (--allow-update) to run it"
        )
    if not allow_network:
        problems = list(dict.fromkeys(_network_uses(tree)))
        if not problems:
            # Second belt: a keyword the parse tree does not account for means the two
            # parsers (rdflib's and Oxigraph's) might disagree; refuse rather than guess.
            hit = _NETWORK_KEYWORD.search(_OPAQUE.sub(" ", text))
            if hit:
                problems.append(
                    f"the keyword {hit[1].upper()} appears outside comments and strings "
                    "but the parser found no such clause"
                )
    if problems:
        what = "update" if kind == "update" else "query"
        raise QueryError(
            f"Refused SPARQL {what}: {'; '.join(problems)}; "
            "allow network access (--allow-network) to run it"
        )
    return kind


def _parse_in_thread(query: str) -> tuple[str, Any, QueryKind]:
    """:func:`_parse` in a short-lived thread of its own.

    pyparsing leaves reference cycles behind (parse exceptions whose tracebacks hold frames),
    and a frame holds its caller. Parsed on the caller's stack, those cycles would keep the
    caller's locals, such as an open store and its RocksDB lock, alive until the next garbage
    collection; a thread's stack starts afresh, so they cannot reach the caller.
    """
    outcome: list[tuple[str, Any, QueryKind] | Exception] = []

    def target() -> None:
        try:
            outcome.append(_parse(query))
        except Exception as exc:  # carried over to the calling thread and raised there
            outcome.append(exc)

    thread = threading.Thread(target=target, name="kg-sparql-parser")
    thread.start()
    thread.join()
    result = outcome[0]
    if isinstance(result, Exception):
        raise result
    return result


def _parse(query: str) -> tuple[str, Any, QueryKind]:
    """Parse with rdflib: return the text after \\u escapes, the parse tree and the kind."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate

    text = expandUnicodeEscapes(query)
    if not _OPAQUE.sub(lambda m: "" if m[0].startswith("#") else m[0], text).strip():
        raise QueryError("The SPARQL query is empty")
    try:
        tree = parseQuery(text)
    except ParseBaseException as query_error:
        try:
            update = parseUpdate(text)
        except ParseBaseException as update_error:
            if _looks_like_update(text):
                raise _syntax_error(_diagnose_update(text) or update_error, "update") from None
            raise _syntax_error(query_error, "query") from None
        if "request" not in update:
            raise QueryError("The SPARQL query is empty: it only declares prefixes") from None
        return text, update, "update"
    return text, tree, _QUERY_KINDS[tree[1].name]


def _looks_like_update(text: str) -> bool:
    """Whether the first keyword after the prologue starts an update."""
    body = _PROLOGUE_WORDS.sub(" ", _OPAQUE.sub(" ", text))
    first = _FIRST_WORD.search(body)
    return first is not None and first[1].upper() in _UPDATE_KEYWORDS


def _diagnose_update(text: str) -> ParseBaseException | None:
    """Parse an update operation by operation, for an error that points inside it.

    rdflib's update grammar makes every operation optional, so a typo is reported at the
    first character; this stricter grammar reports where the faulty operation goes wrong.
    """
    from pyparsing import ParseBaseException, StringEnd, Suppress, ZeroOrMore, rest_of_line
    from rdflib.plugins.sparql.parser import Prologue, Update1

    comment = "#" + rest_of_line
    separator = Suppress(";").ignore(comment)
    grammar = (
        Prologue
        + Update1
        + ZeroOrMore(separator + Prologue + Update1)
        + ZeroOrMore(separator + Prologue)
        + StringEnd().ignore(comment)
    )
    try:
        grammar.parse_string(text, parse_all=True)
    except ParseBaseException as exc:
        return exc
    return None


def _syntax_error(error: ParseBaseException, what: str) -> QueryError:
    """A QueryError naming the line, the column and the offending line of the text."""
    message = str(getattr(error, "msg", error))
    line, column, source = error.lineno, error.col, error.line
    hint = ""
    if _PNAME_BEFORE_SLASH.search(source[: column - 1]) and source[column - 1 : column] == "/":
        hint = (
            "\n  A prefixed name cannot hold '/': write kgd:person\\/Name, or the full "
            "<https://kg.example/person/Name>"
        )
    return QueryError(
        f"Malformed SPARQL {what} at line {line}, column {column}: {message}\n"
        f"    {source}\n    {' ' * (column - 1)}^{hint}"
    )


def _walk(node: Any) -> Iterator[Any]:
    """Every CompValue of an rdflib parse tree, depth first."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(dict.values(item))
        elif isinstance(item, (ParseResults, list, tuple)):
            stack.extend(item)


def _network_uses(tree: Any) -> Iterator[str]:
    """Why each network-reaching clause of the tree is refused."""
    for node in _walk(tree):
        if node.name == "ServiceGraphPattern":
            yield f"SERVICE {_show(node['term'])} queries a remote endpoint"
        elif node.name in {"DatasetClause", "UsingClause"}:
            keyword = "FROM" if node.name == "DatasetClause" else "USING"
            named = "named" in node
            iri = node["named"] if named else node["default"]
            yield (
                f"{keyword}{' NAMED' if named else ''} {_show(iri)} names a dataset to load "
                "(to read one graph of the store use GRAPH <iri> { … })"
            )
        elif node.name == "Load":
            yield f"LOAD {_show(node['iri'])} fetches a document"


def _show(term: Any) -> str:
    """A parse-tree term (IRI, prefixed name or variable) as SPARQL text."""
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import URIRef, Variable

    if isinstance(term, CompValue) and term.name == "pname":
        return f"{term['prefix'] or ''}:{term['localname'] or ''}"
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Variable):
        return f"?{term}"
    return str(term)


# --- evaluation -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Request:
    """Everything needed to run a query, as plain values (they cross to the child as JSON)."""

    query: str
    kind: QueryKind
    prefixes: dict[str, str]
    params: dict[str, ResultTerm]


def run_query(
    source: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    params: Mapping[str, str | ResultTerm] | None = None,
    timeout: float | None = None,
    allow_network: bool = False,
    allow_update: bool = False,
    base: str = DEFAULT_BASE,
) -> QueryResult:
    """Run a SPARQL query over the union of all graphs of a store.

    Args:
        source: A pyoxigraph store, or the folder of an on-disk store (opened read-only).
        query: The SPARQL 1.1 query (or update, with ``allow_update``).
        params: Values of variables, bound with Oxigraph substitutions: a string is read
            with :func:`to_term`. A SELECT query must project the variables it binds.
        timeout: Seconds to wait for the results; ``None`` waits as long as it takes.
        allow_network: Allow clauses that fetch remote data (see :func:`check_query`).
        allow_update: Allow SPARQL updates (never with a timeout: a killed writer is unsafe).
        base: The data base that the ``kgd:`` prefix stands for.

    A running Oxigraph query cannot be interrupted from Python (a thread left running would
    keep a core busy until the query ends), so with a ``timeout`` the query runs in a child
    Python process, killed when time runs out; it costs the start of an interpreter (under a
    second), and the clock starts once the child has opened the data. The child opens an
    on-disk ``source`` read-only itself; a pyoxigraph store is copied to it as N-Quads, so
    pass the folder of a large on-disk store rather than its open store. Without a timeout
    the query runs in this process, at no extra cost.

    Raises:
        QueryError: Malformed, refused, failed or timed out.
    """
    kind = check_query(query, allow_network=allow_network, allow_update=allow_update)
    prefixes = prefixes_for(base)
    bound = {
        name.lstrip("?$"): value if isinstance(value, ResultTerm) else to_term(value, prefixes)
        for name, value in (params or {}).items()
    }
    for name in bound:
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"Invalid parameter name {name!r}: give a SPARQL variable name")
    request = _Request(query, kind, prefixes, bound)
    if timeout is None:
        store = source if isinstance(source, ox.Store) else _open_read_only(os.fspath(source))
        return QueryResult._from_payload(kind, _evaluate(store, request), prefixes)
    if timeout <= 0:
        raise QueryError(f"Invalid timeout {timeout!r}: give a number of seconds above 0")
    if kind == "update":
        raise QueryError("A timeout cannot stop an update safely; run the update without a timeout")
    payload = _evaluate_in_child(source, request, timeout)
    return QueryResult._from_payload(kind, payload, prefixes)


def _open_read_only(path: str) -> ox.Store:
    try:
        return ox.Store.read_only(path)
    except OSError as exc:
        raise QueryError(f"Cannot open the store {path} read-only: {exc}") from exc


def _evaluate(store: ox.Store, request: _Request) -> bytes:
    """Run the request to completion: SPARQL JSON results, or N-Triples for a graph."""
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    for name, value in request.params.items():
        try:
            substitutions[ox.Variable(name)] = value.to_pyoxigraph()
        except ValueError as exc:
            raise QueryError(f"Invalid value {value.value!r} for ?{name}: {exc}") from exc
    if request.kind == "update" and substitutions:
        raise QueryError("Parameters cannot be bound in an update; write the values in it")
    try:
        if request.kind == "update":
            store.update(request.query, prefixes=request.prefixes)
            return b""
        result = store.query(
            request.query,
            prefixes=request.prefixes,
            use_default_graph_as_union=True,
            substitutions=substitutions or None,
        )
        # Serializing drains the (lazy) results, so the whole evaluation happens here.
        if isinstance(result, ox.QueryTriples):
            return result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        return result.serialize(format=ox.QueryResultsFormat.JSON) or b""
    except SyntaxError as exc:
        message = str(exc)
        position = _OXIGRAPH_POSITION.match(message)
        if position:
            line, column = position.groups()
            expected = _CHARACTER_CLASSES.sub("", message[position.end() :])
            message = f"at line {line}, column {column}: {' '.join(expected.split())}"
        else:
            message = f": {message}"
        raise QueryError(f"Malformed SPARQL query {message}") from exc
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        hint = ""
        if substitutions and "projection" in str(exc):
            hint = " (a parameter binds a variable, which a SELECT query must project)"
        raise QueryError(f"SPARQL evaluation failed: {exc}{hint}") from exc


def _evaluate_in_child(
    source: ox.Store | str | os.PathLike[str], request: _Request, timeout: float
) -> bytes:
    """Run :func:`_evaluate` in a child Python process; kill it after ``timeout`` seconds.

    A plain subprocess rather than :mod:`multiprocessing`: ``spawn`` would re-run the
    caller's main script, and ``fork`` is unsafe beside Oxigraph's native threads. The
    request goes through a private temporary folder; the child answers on stdout with
    ``R`` (data open, the clock starts) then ``O`` and the payload, or ``E`` and a message.
    """
    if not sys.executable:
        raise QueryError("Cannot run a query with a timeout: no Python interpreter path")
    with tempfile.TemporaryDirectory(prefix="kg-query-") as folder:
        job: dict[str, Any] = {
            "query": request.query,
            "kind": request.kind,
            "prefixes": request.prefixes,
            "params": {k: dataclasses.astuple(v) for k, v in request.params.items()},
            "store": None if isinstance(source, ox.Store) else os.fspath(source),
        }
        if isinstance(source, ox.Store):
            job["data"] = os.path.join(folder, "data.nq")
            source.dump(job["data"], format=ox.RdfFormat.N_QUADS)
        job_path = os.path.join(folder, "job.json")
        with open(job_path, "w", encoding="utf-8") as handle:
            json.dump(job, handle)
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        child = subprocess.Popen(
            [sys.executable, "-c", "from kg.query import _child_main; _child_main()", job_path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            bufsize=0,  # unbuffered: reading the ready byte must not swallow the payload
        )
        try:
            assert child.stdout is not None
            ready = child.stdout.read(1)
            if ready == b"R":
                try:
                    output, errors = child.communicate(timeout=timeout)
                except subprocess.TimeoutExpired:
                    raise QueryError(f"Query timed out after {timeout:g} s") from None
            else:
                output, errors = (
                    ready + child.stdout.read(),
                    child.stderr.read() if child.stderr else b"",
                )
        finally:
            if child.poll() is None:
                child.kill()  # it only reads the store: there is nothing to clean up
            child.communicate()
    if output[:1] == b"O":
        return output[1:]
    if output[:1] == b"E":
        raise QueryError(output[1:].decode("utf-8", "replace"))
    last = (errors.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
    raise QueryError(
        f"The query worker process stopped unexpectedly (exit code {child.returncode}): {last}"
    )


def _child_main() -> None:
    """Body of the child process of :func:`_evaluate_in_child`."""
    out = sys.stdout.buffer
    try:
        with open(sys.argv[1], encoding="utf-8") as handle:
            job = json.load(handle)
        request = _Request(
            job["query"],
            job["kind"],
            job["prefixes"],
            {k: ResultTerm(*v) for k, v in job["params"].items()},
        )
        if job["store"] is not None:
            store = _open_read_only(job["store"])
        else:
            store = ox.Store()
            try:
                store.bulk_load(path=job["data"], format=ox.RdfFormat.N_QUADS)
            except (OSError, SyntaxError, ValueError) as exc:
                raise QueryError(f"Cannot copy the store to the query worker: {exc}") from exc
        out.write(b"R")
        out.flush()
        payload = b"O" + _evaluate(store, request)
    except QueryError as exc:
        payload = b"E" + str(exc).encode("utf-8")
    out.write(payload)
    out.flush()


# --- results --------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryResult:
    """The complete result of a query, as plain Python values.

    Attributes:
        kind: ``"select"``, ``"ask"``, ``"construct"`` (CONSTRUCT and DESCRIBE) or ``"update"``.
        variables: The SELECT variables, in order.
        rows: One tuple per solution, aligned with ``variables``; ``None`` where unbound.
        boolean: The answer of an ASK query, else ``None``.
        triples: The graph of a CONSTRUCT or DESCRIBE query.
        prefixes: The prefixes the query ran with, used to display and serialize.
    """

    kind: QueryKind
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[ResultTerm | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[ResultTerm, ResultTerm, ResultTerm], ...] = ()
    prefixes: Mapping[str, str] = field(
        default_factory=lambda: dict(PREFIXES), compare=False, hash=False, repr=False
    )
    payload: bytes = field(default=b"", compare=False, repr=False)
    """SPARQL JSON results (select, ask) or N-Triples (construct), as Oxigraph wrote them."""

    @classmethod
    def _from_payload(
        cls, kind: QueryKind, payload: bytes, prefixes: Mapping[str, str]
    ) -> QueryResult:
        if kind == "update":
            return cls(kind, prefixes=prefixes)
        if kind == "construct":
            triples = tuple(
                (
                    ResultTerm.from_pyoxigraph(t.subject),
                    ResultTerm.from_pyoxigraph(t.predicate),
                    ResultTerm.from_pyoxigraph(t.object),
                )
                for t in ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)
            )
            return cls(kind, triples=triples, prefixes=prefixes, payload=payload)
        document = json.loads(payload)
        if kind == "ask":
            return cls(kind, boolean=bool(document["boolean"]), prefixes=prefixes, payload=payload)
        variables = tuple(document["head"]["vars"])
        rows = tuple(
            tuple(ResultTerm.from_json(b[v]) if v in b else None for v in variables)
            for b in document["results"]["bindings"]
        )
        return cls(kind, variables, rows, prefixes=prefixes, payload=payload)

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "construct" else len(self.rows)

    def to_dicts(self) -> list[dict[str, str]]:
        """The rows as ``{variable: value}`` dicts of strings, unbound variables left out."""
        return [
            {v: t.value for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]

    def to_table(self, *, hide: Collection[str] = ()) -> Table:
        """A rich table: IRIs shortened with the prefixes, one row per solution or triple.

        Values are plain :class:`rich.text.Text`: text from articles is never read as markup.

        Args:
            hide: Variables to leave out, e.g. the parameters of a named query.
        """
        from rich.table import Table
        from rich.text import Text

        table = Table(show_lines=False, highlight=False)
        if self.kind == "ask":
            table.add_column("ask")
            table.add_row("true" if self.boolean else "false")
            return table
        columns = self.variables if self.kind != "construct" else ("subject", "predicate", "object")
        shown = [i for i, column in enumerate(columns) if column not in hide]
        for i in shown:
            table.add_column(columns[i], overflow="fold")
        rows = self.rows if self.kind != "construct" else self.triples
        for row in rows:
            cells = (row[i] for i in shown)
            table.add_row(*(Text("" if t is None else t.compact(self.prefixes)) for t in cells))
        return table

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (select, ask) or JSON-LD (construct)."""
        if self.kind == "construct":
            return self._graph(ox.RdfFormat.JSON_LD)
        self._need_results("json")
        return self.payload.decode("utf-8")

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV (select, ask)."""
        return self._results(ox.QueryResultsFormat.CSV, "csv")

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV (select, ask)."""
        return self._results(ox.QueryResultsFormat.TSV, "tsv")

    def to_turtle(self) -> str:
        """The graph of a CONSTRUCT or DESCRIBE query as Turtle, with the prefixes it uses."""
        return self._graph(ox.RdfFormat.TURTLE)

    def render(self, fmt: str) -> str:
        """The result as text in one of :data:`FORMATS` (``table`` gives plain text).

        Raises:
            QueryError: Unknown format, or one that does not fit the kind of result.
        """
        if fmt == "table":
            from rich.console import Console

            buffer = io.StringIO()
            Console(file=buffer, width=200, highlight=False).print(self.to_table())
            return buffer.getvalue()
        writers = {
            "csv": self.to_csv,
            "tsv": self.to_tsv,
            "json": self.to_json,
            "turtle": self.to_turtle,
        }
        if fmt not in writers:
            raise QueryError(f"Unknown output format {fmt!r}; known: {', '.join(FORMATS)}")
        return writers[fmt]()

    def _need_results(self, fmt: str) -> None:
        if self.kind not in ("select", "ask"):
            hint = "table (Turtle), turtle or json (JSON-LD)"
            if self.kind == "update":
                hint = "nothing: an update returns no results"
            raise QueryError(f"Cannot write {self.kind} results as {fmt}; use {hint}")

    def _results(self, fmt: ox.QueryResultsFormat, name: str) -> str:
        self._need_results(name)
        parsed = ox.parse_query_results(self.payload, ox.QueryResultsFormat.JSON)
        return (parsed.serialize(format=fmt) or b"").decode("utf-8")

    def _graph(self, fmt: ox.RdfFormat) -> str:
        if self.kind != "construct":
            raise QueryError(
                f"Only CONSTRUCT and DESCRIBE results are graphs; write {self.kind} results "
                "as table, csv, tsv or json"
            )
        triples = list(ox.parse(self.payload, format=ox.RdfFormat.N_TRIPLES))
        iris = [t.value for triple in self.triples for t in triple if t.type == "uri"]
        used = {p: ns for p, ns in self.prefixes.items() if any(i.startswith(ns) for i in iris)}
        return (ox.serialize(triples, format=fmt, prefixes=used) or b"").decode("utf-8")


# --- named queries (moved) ------------------------------------------------------------


def __getattr__(name: str) -> Any:
    """The named-query API, now in :mod:`kg.named_queries`, still importable from here.

    Imported on first use: :mod:`kg.named_queries` imports this module.
    """
    from . import named_queries

    if name in named_queries.__all__:
        return getattr(named_queries, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

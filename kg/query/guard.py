"""The guard rails: parse a SPARQL query before Oxigraph sees it, and refuse what it must not do.

Every query is parsed with rdflib's SPARQL 1.1 parser and the parse tree is checked: no
``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED`` or ``USING`` (they name remote data, which
Oxigraph would fetch with its own HTTP client, out of reach of Python) unless
``allow_network=True``, and no update unless ``allow_update=True``. A query the parser cannot
read is refused with its line and column.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import QueryError
from .terms import QueryKind

if TYPE_CHECKING:
    from pyparsing import ParseBaseException

__all__ = ["OPAQUE", "check_query"]

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
OPAQUE = re.compile(
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
_PNAME_BEFORE_SLASH = re.compile(r"[A-Za-z][\w.-]*:[\w.-]*$")


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
            hit = _NETWORK_KEYWORD.search(OPAQUE.sub(" ", text))
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
    if isinstance(result, RecursionError):
        raise QueryError(
            f"The SPARQL query is nested too deeply to parse (brackets nested {_depth(query)} "
            "deep); flatten it, e.g. join the group patterns or split the expression"
        ) from None
    if isinstance(result, Exception):
        raise result
    return result


def _depth(query: str) -> int:
    """How deep ``{``, ``(`` and ``[`` nest in the query, outside strings, IRIs and comments.

    >>> _depth("SELECT * { { ?s ?p '{{{' } FILTER((1)) }")
    3
    """
    deepest = depth = 0
    for char in OPAQUE.sub(" ", query):
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth = max(depth - 1, 0)
    return deepest


def _parse(query: str) -> tuple[str, Any, QueryKind]:
    """Parse with rdflib: return the text after \\u escapes, the parse tree and the kind."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate

    text = expandUnicodeEscapes(query)
    if not OPAQUE.sub(lambda m: "" if m[0].startswith("#") else m[0], text).strip():
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
    body = _PROLOGUE_WORDS.sub(" ", OPAQUE.sub(" ", text))
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

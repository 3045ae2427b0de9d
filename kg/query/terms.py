"""RDF terms of query results and parameters, as plain strings, and the predeclared prefixes.

>>> to_term("kgd:person/Ada").compact()
'kgd:person/Ada'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

import pyoxigraph as ox

from ..errors import QueryError
from ..iri import DEFAULT_BASE, is_valid_iri
from ..vocab import PREFIXES as _VOCAB_PREFIXES
from ..vocab import XSD

__all__ = ["PREFIXES", "QueryKind", "ResultTerm", "prefixes_for", "to_term"]


QueryKind: TypeAlias = Literal["select", "ask", "construct", "update"]


def prefixes_for(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes every query may use without declaring them, ``kgd:`` bound to ``base``.

    >>> prefixes_for("https://news.example/")["kgd"]
    'https://news.example/'
    """
    return {"kgd": base, **_VOCAB_PREFIXES}


PREFIXES: dict[str, str] = prefixes_for()
"""Predeclared prefixes (``schemas/README.md``), with ``kgd:`` the default data base."""


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
            if datatype == XSD.string:
                datatype = ""
            return cls(term.value, "literal", datatype, term.language or "")
        return cls(str(term), "triple")


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

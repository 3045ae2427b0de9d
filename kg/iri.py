"""The one place where kg mints IRIs.

Entity IRIs are stable across articles and runs: the same canonical name and class
always give the same IRI, so an entity named by many articles is one node.

>>> minter = IRIMinter("https://kg.example/")
>>> minter.entity("Person", "Donald Trump")
'https://kg.example/person/Donald_Trump'
>>> minter.entity("Place", "São Paulo")
'https://kg.example/place/S%C3%A3o_Paulo'
>>> minter.article("bbc/politics/001.txt")
'https://kg.example/article/bbc/politics/001.txt'
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from urllib.parse import quote, urlsplit

from .errors import IRIError
from .records import ENTITY_CLASSES
from .vocab import KG

__all__ = ["DEFAULT_BASE", "ONTOLOGY", "IRIMinter", "is_valid_iri", "resolve_base"]

DEFAULT_BASE = "https://kg.example/"
"""Default namespace of minted IRIs; set your own with ``--base`` or ``KG_BASE``."""

ONTOLOGY: str = KG.NS
"""Namespace of kg's classes and predicates (``schemas/ontology.ttl``): :attr:`kg.vocab.KG.NS`."""

# Characters RFC 3987 forbids in an IRI, plus controls and whitespace.
_INVALID = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')
_SPACES = re.compile(r"\s+")
# Safe characters kept as they are in a path segment ("/" only where we put it).
_SAFE = "-._~!$&'()*+,;=:@"


def is_valid_iri(iri: str) -> bool:
    """Return whether ``iri`` is an absolute IRI that every RDF syntax accepts.

    >>> is_valid_iri("https://kg.example/person/A_B")
    True
    >>> is_valid_iri("https://kg.example/person/A B")
    False
    """
    if _INVALID.search(iri):
        return False
    parts = urlsplit(iri)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


def resolve_base(base: str | None = None) -> str:
    """Return the IRI base: the argument, else ``KG_BASE``, else :data:`DEFAULT_BASE`.

    Raises:
        IRIError: The base is not an absolute IRI ending in ``/`` or ``#``.
    """
    value = base or os.environ.get("KG_BASE") or DEFAULT_BASE
    if not is_valid_iri(value) or value[-1] not in "/#":
        raise IRIError(
            f"Invalid IRI base {value!r}: give an absolute IRI ending in '/' or '#', "
            f"e.g. {DEFAULT_BASE!r}"
        )
    return value


def _segment(text: str) -> str:
    """Encode any text as one readable, valid IRI path segment (Wikipedia style)."""
    text = unicodedata.normalize("NFC", _SPACES.sub(" ", text).strip())
    segment = quote(text.replace(" ", "_"), safe=_SAFE)
    # A final "." makes Turtle prefixed names end in an escaped dot, which some parsers
    # (rdflib) reject: encode it, so exports round-trip everywhere.
    return segment[:-1] + "%2E" if segment.endswith(".") else segment


def _id_path(article_id: str) -> str:
    """An article id as an IRI path, injectively (see :meth:`IRIMinter.article`).

    A segment ``.`` or ``..`` (which IRI normalisation would remove) and a final ``.`` (which
    Turtle cannot end a prefixed name with) are encoded too; decoding still gives the id.
    """
    encoded = quote(article_id, safe=_SAFE + "/", errors="surrogatepass")
    segments = ["%2E" * len(s) if s in (".", "..") else s for s in encoded.split("/")]
    path = "/".join(segments)
    return path[:-1] + "%2E" if path.endswith(".") else path


class IRIMinter:
    """Mints every IRI kg writes, under one base.

    Args:
        base: The namespace, e.g. ``"https://kg.example/"``; see :func:`resolve_base`.
    """

    def __init__(self, base: str | None = None) -> None:
        self.base = resolve_base(base)

    def _mint(self, iri: str, value: str) -> str:
        if not is_valid_iri(iri):  # pragma: no cover - quote() makes this unreachable
            raise IRIError(f"Cannot mint an IRI for {value!r}: got {iri!r}")
        return iri

    def entity(self, label: str, name: str) -> str:
        """IRI of the entity of class ``label`` named ``name``.

        Raises:
            IRIError: The class is unknown or the name is empty.
        """
        if label not in ENTITY_CLASSES:
            raise IRIError(f"Unknown entity class {label!r}; known: {', '.join(ENTITY_CLASSES)}")
        segment = _segment(name)
        if not segment:
            raise IRIError(f"Cannot mint an entity IRI for the empty name {name!r}")
        return self._mint(f"{self.base}{label.lower()}/{segment}", name)

    def article(self, article_id: str) -> str:
        """IRI of the ``schema:NewsArticle`` with this id: one IRI per id, exactly.

        Unlike entity names, an id is not tidied: every character but the unreserved ones
        and ``/`` is percent-encoded (``%`` too), so two different ids never share an IRI
        ("a b" and "a_b"; "café" composed and decomposed), and the id can be read back.

        >>> minter = IRIMinter("https://kg.example/")
        >>> minter.article("a b"), minter.article("a_b")
        ('https://kg.example/article/a%20b', 'https://kg.example/article/a_b')
        >>> minter.article("caf\u00e9") != minter.article("cafe\u0301")
        True
        """
        if not article_id:
            raise IRIError("Cannot mint an article IRI for an empty id")
        return self._mint(f"{self.base}article/{_id_path(article_id)}", article_id)

    def article_graph(self, article_id: str) -> str:
        """IRI of the named graph that holds everything extracted from one article."""
        return self.article(article_id).replace(f"{self.base}article/", f"{self.base}graph/", 1)

    @property
    def metadata_graph(self) -> str:
        """IRI of the graph of article metadata and provenance."""
        return f"{self.base}meta"

    @property
    def local_graph(self) -> str:
        """IRI of the graph of what only this machine needs: the paths articles were read
        from (``kg:sourceFile``), which ``kg serve`` hides unless ``--with-source-files``."""
        return f"{self.base}local"

    @property
    def links_graph(self) -> str:
        """IRI of the graph of ``owl:sameAs`` links between entities (see :mod:`kg.link`)."""
        return f"{self.base}links"

    @property
    def push_manifest(self) -> str:
        """IRI of the graph, on a server ``kg push`` sends to, that lists the graphs it sent
        (``kg push --delete-missing`` deletes those gone from the store)."""
        return f"{self.base}pushed"

    def run(self, run_id: str) -> str:
        """IRI of one build run (a ``prov:Activity``)."""
        return self._mint(f"{self.base}run/{_segment(run_id)}", run_id)

    def statement(self, graph: str, *parts: str) -> str:
        """IRI of a reified statement, stable for the same graph and parts."""
        digest = hashlib.sha1("\x1f".join((graph, *parts)).encode("utf-8", "surrogatepass"))
        return f"{self.base}statement/{digest.hexdigest()[:20]}"

"""Plain records that flow between the layers of kg.

Every record is a frozen dataclass of plain ``str``/``int``/``float`` values, so it can
cross process boundaries, be compared and hashed, and never drags a spaCy or RDF object
out of the layer that made it::

    Article ─▶ (spaCy) ─▶ Mention ─▶ Entity ─▶ Triple + Evidence ─▶ ArticleGraph
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = [
    "ENTITY_CLASSES",
    "STATUSES",
    "Article",
    "ArticleGraph",
    "Entity",
    "Evidence",
    "Mention",
    "Triple",
]

ENTITY_CLASSES = ("Person", "Organization", "Place")
"""The ontology classes an entity can have."""

STATUSES = ("current", "former", "acting", "future")
"""The status of a role on its evidence; only ``current`` roles become direct triples."""


@dataclass(frozen=True)
class Article:
    """One news article as read from the input.

    Attributes:
        id: The article's identity (:mod:`kg.io.identity`): its own id (JSONL ``id``), else
            its canonical URL, else ``sha256:`` and a hash of its text; never its file name.
            Readers leave it ``""`` when the input gives none, and :func:`kg.io.identity.identify`
            fills it in.
        text: The full article text, headline included, exactly as the offsets count it.
        title: The headline, or ``""``.
        date: Publication date as ``YYYY-MM-DD``, or ``""``.
        url: Source URL, or ``""``.
        source: Publisher or feed name, or ``""``.
        origin: Where it came from, for messages (``"a.jsonl:12"``, ``"seeds/x.txt"``).
        author: The author(s) as the page names them, or ``""``.
        extracted: The text was extracted from markup (an HTML page, a feed entry, a web
            archive record), so no input file holds it as the offsets count it: the store
            keeps it (``schema:articleBody``).
        source_file: The absolute path of the file it was read from, or ``""``; recorded
            (``kg:sourceFile``) but no part of its identity or content.
    """

    id: str
    text: str
    title: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    origin: str = ""
    author: str = ""
    extracted: bool = False
    source_file: str = ""

    @property
    def content_hash(self) -> str:
        """SHA-256 over everything that ends up in the article's graph."""
        h = hashlib.sha256()
        for part in (self.id, self.text, self.title, self.date, self.url, self.source):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
        if self.author:  # only when set, so the hashes of articles without one stay as they were
            h.update(f"author:{self.author}\x1f".encode("utf-8", "surrogatepass"))
        return h.hexdigest()


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity.

    Attributes:
        text: The surface text as written (possessive and honorific removed).
        label: ``Person``, ``Organization`` or ``Place``, as the mention alone suggests.
        start: Character offset of the first character in the article text.
        end: Character offset after the last character.
        sentence: Index of the sentence the mention is in.
    """

    text: str
    label: str
    start: int
    end: int
    sentence: int = 0


@dataclass(frozen=True)
class Entity:
    """A resolved entity of one article: one node of the graph.

    Attributes:
        name: The canonical name (the fullest form seen).
        label: ``Person``, ``Organization`` or ``Place``.
        aliases: Every other surface form seen, sorted.
    """

    name: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Why a triple was extracted: where it is stated and by which rule.

    Attributes:
        sentence: The sentence text.
        start: Character offset of the sentence in the article text.
        end: Character offset after the sentence.
        subject_text: The subject as written.
        object_text: The object as written.
        title: The title phrase as written (``"press secretary"``), or ``""``.
        rule: The id of the rule that fired.
        confidence: The rule's confidence, 0..1.
        status: One of :data:`STATUSES`.
    """

    sentence: str
    start: int
    end: int
    subject_text: str
    object_text: str
    rule: str
    confidence: float
    title: str = ""
    status: str = "current"


@dataclass(frozen=True)
class Triple:
    """A relation between two entities of one article, with its evidence.

    Attributes:
        subject: The subject entity.
        predicate: A local name of the relation vocabulary (``spokesperson_of``).
        object: The object entity.
        evidence: Where and how it was found.
    """

    subject: Entity
    predicate: str
    object: Entity
    evidence: Evidence


@dataclass(frozen=True)
class ArticleGraph:
    """Everything kg extracted from one article, ready to be stored.

    Attributes:
        article: The article.
        entities: The resolved entities, in order of first mention.
        triples: The relations found, with evidence.
    """

    article: Article
    entities: tuple[Entity, ...] = ()
    triples: tuple[Triple, ...] = field(default_factory=tuple)

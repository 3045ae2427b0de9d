"""kg's RDF shape (``schemas/README.md``): written by :mod:`kg.rdf.write`, read back by
:mod:`kg.rdf.read`, with the terms of both in :mod:`kg.rdf.terms`.

A change of shape is made in this package; everyone else writes and reads through it.
"""

from __future__ import annotations

from .read import (
    ArticleData,
    ArticleEntity,
    Node,
    Statement,
    article_entities,
    article_facts,
    article_ids,
    read_article,
)
from .write import NS, article_quads, run_end_quad, run_quads, source_file_quad

__all__ = [
    "NS",
    "ArticleData",
    "ArticleEntity",
    "Node",
    "Statement",
    "article_entities",
    "article_facts",
    "article_ids",
    "article_quads",
    "read_article",
    "run_end_quad",
    "run_quads",
    "source_file_quad",
]

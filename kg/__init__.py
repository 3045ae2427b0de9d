"""kg: a knowledge graph of the people, organizations and places in news articles."""

from __future__ import annotations

from .errors import KGError
from .records import Article, ArticleGraph, Entity, Evidence, Mention, Triple

__all__ = [
    "Article",
    "ArticleGraph",
    "Entity",
    "Evidence",
    "KGError",
    "Mention",
    "Triple",
    "__version__",
]

__version__ = "0.2.0"

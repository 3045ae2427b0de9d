"""Find the stored article a gold file is about; read its graph with :mod:`kg.rdf.read`."""

from __future__ import annotations

from ..errors import EvaluationError
from ..rdf.read import ArticleData, Node, Statement, article_ids, read_article

__all__ = ["ArticleData", "Node", "Statement", "article_ids", "find_article", "read_article"]


def find_article(ids: list[str], document: str) -> str | None:
    """The stored id a gold ``document`` refers to: the same id, or one ending with the other.

    A suffix must start at a ``/`` boundary, so ``2.txt`` never matches ``012.txt``. A
    document written ``FILE#ID`` (an article inside a JSONL file) refers to the article ``ID``.

    >>> find_article(["minerals-deal-talks.txt"], "seeds/minerals-deal-talks.txt")
    'minerals-deal-talks.txt'
    >>> find_article(["data/bbc/politics/012.txt"], "bbc/politics/012.txt")
    'data/bbc/politics/012.txt'
    >>> find_article(["bbc/politics/012.txt"], "2.txt") is None
    True
    >>> find_article(["reuters/c71bdda7be"], "reuters/reuters-2017.jsonl#reuters/c71bdda7be")
    'reuters/c71bdda7be'

    Raises:
        EvaluationError: Several stored articles match.
    """
    document = document.rpartition("#")[2]
    if document in ids:
        return document
    found = [i for i in ids if i.endswith("/" + document) or document.endswith("/" + i)]
    if len(found) > 1:
        raise EvaluationError(
            f"Gold document {document!r} matches several stored articles: "
            f"{', '.join(sorted(found))}; give the full article id in the gold file's 'document'"
        )
    return found[0] if found else None

"""Extraction: spaCy ``Doc`` → mentions → entities → triples.

This package and :mod:`kg.nlp` are the only places that touch spaCy objects; what
leaves it are the plain records of :mod:`kg.records`.
"""

from __future__ import annotations

from .pipeline import Extractor

__all__ = ["Extractor"]

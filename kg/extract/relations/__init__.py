"""The relation engine: rules over a marked ``Doc`` → triples with evidence.

- :mod:`.extract`: :func:`extract_relations`, the driver and the passes after the builder;
- :mod:`.builder`: :class:`~.builder.TripleBuilder`, one match → one triple (or none);
- :mod:`.match`: a match as read, and the builder's steps that need no state of it (where
  the title stands, the predicate, a party object, the relation's checks, the evidence);
- :mod:`.reading`: the ``Doc`` as the builder reads it, and the arguments of a match;
- :mod:`.status`: current, former or future roles;
- :mod:`.implied`: the object a government title implies;
- :mod:`.checks`: the checks of the text around a match;
- :mod:`.refusals`: the names of the checks, as ``kg explain`` prints them.

The English words these read the text by are data: ``schemas/relation_words.toml``.
"""

from __future__ import annotations

from .extract import extract_relations

__all__ = ["extract_relations"]

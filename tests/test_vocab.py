"""kg.vocab is the one place that spells namespaces, prefixes, classes and statuses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg import vocab
from kg.vocab import KG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

KG_PACKAGE = Path(vocab.__file__).resolve().parent
VOCABULARIES = (KG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD)
# The namespaces of vocab.PREFIXES, as they would be spelt in code.
NAMESPACE = re.compile(
    "|".join(re.escape(ns) for ns in sorted(set(vocab.PREFIXES.values()), key=len, reverse=True))
)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_vocab_terms_are_their_local_names_in_their_namespace(vocabulary: type) -> None:
    terms = {
        k: v
        for k, v in vars(vocabulary).items()
        if isinstance(v, str) and k != "NS" and not k.startswith("_")
    }
    assert terms
    for name, iri in terms.items():
        assert iri == vocabulary.NS.term(name)
        assert vocabulary.NS.local(iri) == name


def test_vocab_prefixes_cover_the_namespaces_kg_writes() -> None:
    assert vocab.DATA_PREFIXES.items() <= vocab.PREFIXES.items()
    assert {v.NS for v in VOCABULARIES} == set(vocab.DATA_PREFIXES.values())


def test_vocab_entity_classes_are_kg_terms() -> None:
    assert [KG.local(getattr(KG, c)) for c in vocab.ENTITY_CLASSES] == list(vocab.ENTITY_CLASSES)


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """Lines of a module that are code (doctest examples left out: they show real IRIs)."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith((">>>", "...")):
            continue
        found.append((number, line))
    return found


def test_no_module_but_vocab_spells_a_namespace() -> None:
    offenders = [
        f"{path.relative_to(KG_PACKAGE.parent)}:{number}: {line.strip()}"
        for path in sorted(KG_PACKAGE.rglob("*.py"))
        if path.name != "vocab.py"
        for number, line in _code_lines(path)
        if NAMESPACE.search(line)
    ]
    assert offenders == []

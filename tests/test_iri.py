"""IRIs: minted in one place, valid and stable for any input text."""

from __future__ import annotations

from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import IRIError
from kg.iri import IRIMinter, is_valid_iri


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_iri_any_text_mints_a_valid_stable_entity_iri(name):
    minter = IRIMinter("https://kg.example/")
    iri = minter.entity("Person", name)
    assert is_valid_iri(iri)
    assert ox.NamedNode(iri).value == iri  # Oxigraph accepts it
    assert minter.entity("Person", name) == iri


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_iri_any_article_id_mints_valid_graph_and_article_iris(article_id):
    minter = IRIMinter()
    for iri in (minter.article(article_id), minter.article_graph(article_id)):
        assert is_valid_iri(iri)
        ox.NamedNode(iri)


@given(st.text(min_size=1), st.text(min_size=1))
def test_iri_article_iris_are_injective(first, second):
    minter = IRIMinter()
    iri = minter.article(first)
    # The id reads back from its IRI, so two ids never share one.
    assert unquote(iri.removeprefix(minter.base + "article/"), errors="surrogatepass") == first
    assert (iri == minter.article(second)) == (first == second)
    assert (minter.article_graph(first) == minter.article_graph(second)) == (first == second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a b", "a_b"),
        ("a  b", "a b"),
        ("caf\u00e9", "cafe\u0301"),  # composed and decomposed
        ("a/./b", "a/b"),
        ("a/../b", "b"),
        ("x.", "x%2E"),
        ("A", "a"),
        (" a", "a"),
    ],
)
def test_iri_tricky_article_ids_never_collide(first, second):
    minter = IRIMinter()
    assert minter.article(first) != minter.article(second)


def test_iri_same_name_same_node_different_class_different_node():
    minter = IRIMinter()
    assert minter.entity("Place", "Georgia") != minter.entity("Person", "Georgia")
    assert minter.entity("Person", "Donald  Trump") == minter.entity("Person", "Donald Trump")


def test_iri_base_is_configurable_and_validated(monkeypatch):
    monkeypatch.setenv("KG_BASE", "urn:news:")
    with pytest.raises(IRIError, match="ending in"):
        IRIMinter()
    monkeypatch.setenv("KG_BASE", "https://data.example.org/kg/")
    assert IRIMinter().entity("Place", "Kyiv") == "https://data.example.org/kg/place/Kyiv"
    with pytest.raises(IRIError, match="Unknown entity class"):
        IRIMinter().entity("Animal", "Rex")
    with pytest.raises(IRIError):
        IRIMinter().entity("Person", "   ")

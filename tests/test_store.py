"""The on-disk store: named graphs per article, atomic replacement, locking, read-only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError, StoreLockedError
from kg.iri import IRIMinter
from kg.rdf import article_quads
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.store import load_file, open_store

LEAVITT = Entity("Karoline Leavitt", "Person", ("Leavitt",))
WHITE_HOUSE = Entity("White House", "Organization")


def graph(
    article_id: str,
    text: str = "White House press secretary Karoline Leavitt said so.",
    status="current",
):
    ev = Evidence(
        text,
        0,
        len(text),
        "Karoline Leavitt",
        "White House",
        "compound.org_title_person",
        0.9,
        "press secretary",
        status,
    )
    return ArticleGraph(
        Article(article_id, text, title="Headline", date="2025-03-05"),
        (LEAVITT, WHITE_HOUSE),
        (Triple(LEAVITT, "spokesperson_of", WHITE_HOUSE, ev),),
    )


def quads(g: ArticleGraph, fingerprint="f1"):
    return article_quads(g, IRIMinter(), run="https://kg.example/run/1", fingerprint=fingerprint)


def test_store_holds_one_named_graph_per_article_and_metadata(tmp_path: Path):
    with open_store(tmp_path / "s", read_only=False) as kg:
        kg.add(quads(graph("a/1.txt")))
        kg.add(quads(graph("a/2.txt")))
        assert kg.fingerprints() == {"a/1.txt": "f1", "a/2.txt": "f1"}
        graphs = {g.value for g in kg.ox.named_graphs()}
    minter = IRIMinter()
    assert {
        minter.article_graph("a/1.txt"),
        minter.article_graph("a/2.txt"),
        minter.metadata_graph,
    } <= graphs
    with open_store(tmp_path / "s") as kg:  # read-only
        rows = list(
            kg.ox.query(
                "SELECT DISTINCT ?s WHERE { ?s <https://kg.example/ontology#spokesperson_of> ?o }",
                use_default_graph_as_union=True,
            )
        )
        assert [r[0].value for r in rows] == ["https://kg.example/person/Karoline_Leavitt"]
        with pytest.raises(StoreError, match="read-only"):
            kg.add([])


def test_store_replace_swaps_an_article_graph_in_one_step(tmp_path: Path):
    with open_store(tmp_path / "s", read_only=False) as kg:
        kg.add(quads(graph("a/1.txt")))
        kg.add(quads(graph("a/2.txt")))
        consolidated = ox.NamedNode(kg.minter.base + "kg")

        def size() -> int:  # quads outside the consolidated graph
            return len(kg) - len(list(kg.ox.quads_for_pattern(None, None, None, consolidated)))

        before = size()
        kg.replace_articles([("a/1.txt", quads(graph("a/1.txt", status="former"), "f2"))])
        assert kg.fingerprints()["a/1.txt"] == "f2"
        # the direct triple of the now-former role is gone from a/1 but a/2 still states it
        g1 = ox.NamedNode(kg.minter.article_graph("a/1.txt"))
        p = ox.NamedNode("https://kg.example/ontology#spokesperson_of")
        assert not list(kg.ox.quads_for_pattern(None, p, None, g1))
        assert size() == before - 1
        # the consolidated graph still has the fact, now stated by one article
        assert len(list(kg.ox.quads_for_pattern(None, p, None, consolidated))) == 1
        kg.remove_articles(["a/2.txt"])
        assert list(kg.fingerprints()) == ["a/1.txt"]
        # ... and no longer once no article states it as current
        assert not list(kg.ox.quads_for_pattern(None, p, None, consolidated))


def test_store_read_only_open_of_a_missing_store_says_how_to_build(tmp_path: Path):
    with pytest.raises(StoreError, match="build one first with `kg build"):
        open_store(tmp_path / "nothing")


def test_store_refuses_a_folder_of_other_files(tmp_path: Path):
    (tmp_path / "x.txt").write_text("hi", encoding="utf-8")
    with pytest.raises(StoreError, match="holds other files"):
        open_store(tmp_path, read_only=False)


def test_store_second_writer_gets_a_clear_lock_error(tmp_path: Path):
    path = tmp_path / "s"
    with open_store(path, read_only=False):
        code = (
            "import sys\nfrom kg.store import open_store\nfrom kg.errors import StoreLockedError\n"
            f"try:\n    open_store({str(path)!r}, read_only=False, wait=0.3)\n"
            "except StoreLockedError as e:\n    print(e); sys.exit(3)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "in use by another kg process" in result.stdout
    assert issubclass(StoreLockedError, StoreError)


def test_store_load_file_reads_turtle_and_refuses_rdfxml(tmp_path: Path):
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<http://a> <http://b> 'c' .", encoding="utf-8")
    assert len(load_file(ttl)) == 1
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://a> <http://b> .", encoding="utf-8")
    with pytest.raises(StoreError, match=r"bad\.ttl: not valid"):
        load_file(bad)
    with pytest.raises(StoreError, match=r"unsupported format '\.rdf'"):
        load_file(tmp_path / "x.rdf")


def test_store_write_failure_is_a_store_error_naming_the_path(tmp_path):
    import errno

    from kg.errors import StoreError
    from kg.iri import IRIMinter
    from kg.store import KGStore

    class FullDisk:
        """Stands for an Oxigraph store on a full disk (RocksDB reports ENOSPC as OSError)."""

        def extend(self, quads):
            raise OSError(errno.ENOSPC, "No space left on device")

        def update(self, text):
            raise RuntimeError("IO error: No space left on device: While appending to file")

    store = KGStore(FullDisk(), tmp_path / "kg.oxigraph", IRIMinter(), False)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match=r"kg\.oxigraph: the disk is full.*run the build again"):
        store.add([])
    with pytest.raises(StoreError, match=r"kg\.oxigraph: IO error: No space left"):
        store.replace_graph("https://kg.example/links", [])

"""Linking entities across articles: the rules on plain data, the links graph, the view."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.curation import load_curation
from kg.errors import InputError
from kg.graph import load_view
from kg.link import (
    OWL_SAME_AS,
    EntityInfo,
    Link,
    explain_links,
    find_links,
    read_entities,
    remove_articles,
    update_links,
)
from kg.store import KGStore, open_store

KG = "https://kg.example/ontology#"
BASE = "https://kg.example/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "http://schema.org/"


def person(
    name: str, articles: int, *aliases: str, cls: str = "Person", **evidence: frozenset[str]
) -> EntityInfo:
    return EntityInfo(
        f"{cls.lower()}/{name.replace(' ', '_')}",
        cls,
        name,
        frozenset(aliases),
        articles,
        **evidence,  # type: ignore[arg-type]
    )


PM = frozenset({"prime minister"})
TONY = person("Tony Blair", 40, "Blair", "Mr Blair", titles=PM)
BLAIR = person("Blair", 9, titles=PM)


def test_link_short_name_joins_the_full_name_it_was_written_beside():
    assert find_links([TONY, BLAIR]) == [Link(BLAIR.iri, TONY.iri, "alias+title")]


def test_link_case_and_spacing_do_not_matter():
    assert find_links([TONY, person("BLAIR ", 2, titles=PM)]) == [
        Link("person/BLAIR_", TONY.iri, "alias+title")
    ]


def test_link_of_a_person_needs_evidence_beyond_the_surname():
    assert find_links([TONY, person("Blair", 9)]) == []
    # an organization the full name is related to, mentioned by the short name's articles
    labour = frozenset({"org/Labour"})
    tony = person("Tony Blair", 40, "Blair", affiliations=labour)
    blair = person("Blair", 9, organizations=labour)
    assert find_links([tony, blair]) == [Link(blair.iri, tony.iri, "alias+organization")]
    # the same first name, or its initial
    charles = person("Charles Kennedy", 9, "Kennedy", "C Kennedy")
    assert find_links([charles, person("C Kennedy", 1)]) == [
        Link("person/C_Kennedy", charles.iri, "alias+first-name")
    ]


def test_link_never_crosses_nobility_another_first_name_or_a_shared_article():
    labour = frozenset({"org/Labour"})
    charles = person("Charles Kennedy", 9, "Kennedy", "D Kennedy", affiliations=labour)
    baroness = person("Kennedy", 1, "Baroness Kennedy", organizations=labour)
    assert find_links([charles, baroness]) == []
    assert find_links([charles, person("D Kennedy", 1, organizations=labour)]) == []
    alun = person("Alun Michael", 3, "Michael", titles=PM)
    assert find_links([alun, person("Michael", 1, titles=PM)]) == []  # a common first name
    both = frozenset({"article/1"})
    tony = person("Tony Blair", 40, "Blair", titles=PM, article_ids=both)
    assert find_links([tony, person("Blair", 2, titles=PM, article_ids=both)]) == []


def test_link_curation_forces_and_forbids_links(tmp_path: Path):
    path = tmp_path / "curation.toml"
    path.write_text(
        '[[not_same_as]]\nname = "Blair"\ntarget = "tony blair"\n\n'
        '[[same_as]]\nname = "Bush"\ntarget = "George W Bush"\nclass = "Person"\n',
        encoding="utf-8",
    )
    curation = load_curation(path)
    bush, george = person("Bush", 2), person("George W Bush", 3)
    assert find_links([TONY, BLAIR, bush, george], curation=curation) == [
        Link(bush.iri, george.iri, "curation")
    ]
    lines = explain_links([TONY, BLAIR], "blair", curation=curation)
    assert lines == [
        "not linked: Blair (Person, 9 articles) -> Tony Blair: forbidden by the "
        "curation file (not_same_as)"
    ]


def test_link_curation_file_errors_name_the_entry(tmp_path: Path):
    path = tmp_path / "c.toml"
    path.write_text('[[retype]]\nname = "X"\nto = "Planet"\n[[merge]]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"#1: unknown class 'Planet'.*unknown section \[\[merge"):
        load_curation(path)
    with pytest.raises(InputError, match="does not exist"):
        load_curation(tmp_path / "missing.toml")


def test_explain_links_says_why_a_name_was_linked_or_not():
    assert explain_links([TONY, BLAIR], "BLAIR") == [
        "linked: Blair (Person, 9 articles) -> Tony Blair (40 articles): alias+title"
    ]
    assert explain_links([TONY, person("Blair", 9)], "Blair") == [
        "not linked: Blair (Person, 9 articles) -> Tony Blair: no evidence beyond the surname "
        "(no shared first name, title or organization)"
    ]


def test_link_ambiguous_short_name_stays_unlinked_unless_one_full_name_dominates():
    cherie = person("Cherie Blair", 20, "Blair")
    assert find_links([TONY, cherie, BLAIR]) == []
    rare = person("Cherie Blair", 3, "Blair")
    assert find_links([TONY, rare, BLAIR]) == [Link(BLAIR.iri, TONY.iri, "alias+title")]
    assert find_links([TONY, rare, BLAIR], dominance=20) == []


def test_link_never_into_a_rarer_entity_or_another_class():
    sony = person("Sony", 60, cls="Organization")
    pictures = person("Sony Pictures Entertainment", 3, "Sony", cls="Organization")
    assert find_links([sony, pictures]) == []
    place = person("Blair", 2, cls="Place")
    assert find_links([TONY, place]) == []


def test_link_chains_end_at_an_entity_that_is_not_linked():
    a = person("A", 1, cls="Organization")
    ab = person("A B", 2, "A", cls="Organization")
    abc = person("A B C", 5, "A B", cls="Organization")
    assert find_links([abc, a, ab]) == [
        Link(a.iri, abc.iri, "alias"),
        Link(ab.iri, abc.iri, "alias"),
    ]


def test_link_result_does_not_depend_on_input_order():
    items = [TONY, BLAIR, person("Cherie Blair", 3, "Blair"), person("Bush", 2)]
    assert find_links(items) == find_links(list(reversed(items)))


# --- the store ----------------------------------------------------------------------------


def _entity(store: ox.Store, iri: str, cls: str, label: str, article: str, *aliases: str) -> None:
    graph = ox.NamedNode(f"{BASE}graph/{article}")
    node = ox.NamedNode(iri)
    store.add(ox.Quad(node, ox.NamedNode(RDF + "type"), ox.NamedNode(KG + cls), graph))
    store.add(ox.Quad(node, ox.NamedNode(RDFS + "label"), ox.Literal(label), graph))
    for alias in aliases:
        store.add(ox.Quad(node, ox.NamedNode(SKOS + "altLabel"), ox.Literal(alias), graph))
    mentions = ox.NamedNode(SCHEMA + "mentions")
    store.add(ox.Quad(ox.NamedNode(f"{BASE}article/{article}"), mentions, node, graph))


def _relation(store: ox.Store, s: str, predicate: str, o: str, article: str) -> None:
    graph = ox.NamedNode(f"{BASE}graph/{article}")
    store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(KG + predicate), ox.NamedNode(o), graph))


P_TONY, P_BLAIR = f"{BASE}person/Tony_Blair", f"{BASE}person/Blair"
LABOUR, BUSH = f"{BASE}organization/Labour", f"{BASE}person/George_Bush"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "kg.oxigraph"
    with open_store(path, read_only=False) as kg:
        for article in ("a1", "a2"):
            _entity(kg.ox, P_TONY, "Person", "Tony Blair", article, "Blair")
        _entity(kg.ox, LABOUR, "Organization", "Labour", "a1")
        _relation(kg.ox, P_TONY, "leader_of", LABOUR, "a1")
        _entity(kg.ox, P_BLAIR, "Person", "Blair", "a3", "Mr Blair")
        _entity(kg.ox, BUSH, "Person", "George Bush", "a3")
        _entity(kg.ox, LABOUR, "Organization", "Labour", "a3")  # evidence for the link
        _relation(kg.ox, P_BLAIR, "met_with", BUSH, "a3")
        _relation(kg.ox, P_BLAIR, "met_with", P_TONY, "a3")  # folds into a self-loop: dropped
    return path


def test_update_links_writes_owl_same_as_into_the_links_graph_once(store_path: Path):
    with open_store(store_path, read_only=False) as kg:
        entities = {e.iri: e for e in read_entities(kg.ox)}
        assert entities[P_TONY].articles == 2 and entities[P_TONY].aliases == {"Blair"}
        assert update_links(kg) == [Link(P_BLAIR, P_TONY, "alias+organization")]
        size = len(kg)
        assert update_links(kg) == [Link(P_BLAIR, P_TONY, "alias+organization")]
        assert len(kg) == size
        quads = list(kg.ox.quads_for_pattern(None, ox.NamedNode(OWL_SAME_AS), None, None))
    # once in the links graph, and folded into the consolidated graph in the same transaction
    assert sorted((q.subject.value, q.object.value, q.graph_name.value) for q in quads) == [
        (P_BLAIR, P_TONY, f"{BASE}kg"),
        (P_BLAIR, P_TONY, f"{BASE}links"),
    ]


def test_update_links_drops_links_that_no_longer_hold(store_path: Path):
    with open_store(store_path, read_only=False) as kg:
        update_links(kg)
        kg.remove_articles(["a1", "a2"])
        assert update_links(kg) == []
        assert not list(kg.ox.quads_for_pattern(None, ox.NamedNode(OWL_SAME_AS), None, None))


def test_remove_articles_relinks_in_the_same_transaction(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """One store write; the store after it equals removing, then relinking (two writes)."""
    two_steps = tmp_path / "two-steps.oxigraph"
    with open_store(store_path, read_only=False) as kg:
        update_links(kg)
        copy = ox.Store(str(two_steps))
        copy.extend(kg.ox.quads_for_pattern(None, None, None, None))
        copy.flush()
        del copy
        writes: list[str] = []
        remove, replace = KGStore.remove_articles, KGStore.replace_links
        monkeypatch.setattr(
            KGStore, "remove_articles", lambda *a, **k: (writes.append("remove"), remove(*a, **k))
        )
        monkeypatch.setattr(
            KGStore, "replace_links", lambda *a, **k: (writes.append("links"), replace(*a, **k))
        )
        assert remove_articles(kg, ["a1", "a2"]) == []
        assert writes == ["remove"]
        monkeypatch.undo()
        one = set(kg.ox.quads_for_pattern(None, None, None, None))
    with open_store(two_steps, read_only=False) as kg:
        kg.remove_articles(["a1", "a2"])
        assert update_links(kg) == []
        two = set(kg.ox.quads_for_pattern(None, None, None, None))
    assert one == two
    assert not any(q.predicate.value == OWL_SAME_AS for q in one)


def test_view_folds_a_linked_entity_into_its_target(store_path: Path):
    with open_store(store_path, read_only=False) as kg:
        before = load_view(kg)
        update_links(kg)
        view = load_view(kg)
    assert P_BLAIR in before and before.number_of_edges() == 3
    assert P_BLAIR not in view
    node = view.nodes[P_TONY]
    assert node["same_as"] == [P_BLAIR]
    assert node["aliases"] == ["Blair", "Mr Blair"]
    assert node["articles"] == 3
    assert sorted(view.edges(keys=True)) == [
        (P_TONY, LABOUR, "leader_of"),
        (P_TONY, BUSH, "met_with"),
    ]


@pytest.mark.model
def test_build_links_a_surname_only_article_to_the_full_name(tmp_path: Path):
    # the evidence beyond the surname: "Labour", which Tony Blair leads, in both articles
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Labour conference\n\nLabour leader Tony Blair spoke in Brighton. "
        "Mr Blair said the party would win.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Summit\n\nMr Blair met Labour officials in London on Monday.\n", encoding="utf-8"
    )
    store = tmp_path / "s"
    run = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(folder), "--store", str(store)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "1 entities linked across articles" in run.stdout, run.stdout
    with open_store(store) as kg:
        view = load_view(kg)
    blairs = [n for n, label in view.nodes(data="label") if "Blair" in label]
    assert blairs == [f"{BASE}person/Tony_Blair"]
    again = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(folder), "--store", str(store)],
        capture_output=True,
        text=True,
    )
    assert "+0 triples" in again.stdout

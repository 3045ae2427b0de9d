"""`kg explain`: the trace of one extraction (hand-built Docs) and the command end to end."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract.mentions import find_mentions
from kg.extract.trace import Trace

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def traced(component, doc) -> Trace:
    trace = Trace()
    component(doc, trace)
    return trace


def test_a_matched_rule_records_its_triple(component, make_doc):
    doc = make_doc(
        "Shares in Sheffield - based Acme Ltd rose .", ents=[(2, 3, "GPE"), (5, 7, "ORG")]
    )
    trace = traced(component, doc)
    found = [(m.subject, m.predicate, m.object, m.status) for m in trace.matches]
    assert ("Acme Ltd", "based_in", "Sheffield", "current") in found
    match = next(m for m in trace.matches if m.predicate == "based_in")
    assert "Sheffield" in match.text and "Acme" in match.text
    assert match.rule and 0 < match.confidence <= 1


def test_a_refused_match_names_its_check_and_reason(component, make_doc):
    # "London, Paris and Rome" is a list of places: Soho is not said to be in London.
    doc = make_doc(
        "Crowds filled Soho in London , Paris and Rome .",
        ents=[(2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")],
    )
    trace = traced(component, doc)
    assert trace.matches == []
    refused = {r.rule: r for r in trace.rejections}
    soho = refused["located.place_in_city"]
    assert soho.text == "Soho in London"
    assert soho.check == "in_a_list"
    assert soho.reason.startswith("the place is one of a list")


def test_an_implied_object_refused_says_when_there_is_none(component, make_doc):
    # "Shadow chancellor" holds no post: no department implied.
    doc = make_doc("Shadow chancellor George Osborne spoke .", ents=[(2, 4, "PERSON")])
    trace = traced(component, doc)
    assert trace.matches == []
    (refused,) = [r for r in trace.rejections if r.rule == "implied.title_person"]
    assert refused.text == "chancellor George Osborne"
    assert refused.check == "no_implied_object"
    assert refused.reason.startswith("the title implies no object")


def test_retyped_mentions_name_the_pass(component, make_doc):
    doc = make_doc(
        "Leeds United signed striker Arjen Robben .", ents=[(0, 2, "PERSON"), (4, 6, "ORG")]
    )
    trace = Trace()
    find_mentions(doc, component.gazetteer, trace=trace)
    steps = {(s.text, s.action, s.before, s.label): s.pass_name for s in trace.mentions}
    assert steps[("Leeds United", "added", "", "Person")] == "clean.named_entities"
    retyped = {k: v for k, v in steps.items() if k[1] == "retyped"}
    assert retyped[("Leeds United", "retyped", "Person", "Organization")].startswith("retype.")
    assert retyped[("Arjen Robben", "retyped", "Organization", "Person")].startswith("retype.")


def test_no_trace_records_nothing_and_gives_the_same_graph(component, make_doc):
    doc1 = make_doc(
        "Shares in Sheffield - based Acme Ltd rose .", ents=[(2, 3, "GPE"), (5, 7, "ORG")]
    )
    doc2 = make_doc(
        "Shares in Sheffield - based Acme Ltd rose .", ents=[(2, 3, "GPE"), (5, 7, "ORG")]
    )
    component(doc1)
    component(doc2, Trace())
    assert doc1.user_data == doc2.user_data


# -- the command, with the model ----------------------------------------------------------


def kg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, timeout=600
    )


@pytest.mark.model
def test_explain_a_sentence():
    result = kg(
        "explain", "Treasury Secretary Scott Bessent said the \x1b[31mplan\x1b[0m would work."
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Scott Bessent [Person]" in out
    assert "Scott Bessent —secretary_of→ Treasury" in out
    assert "clean.named_entities added" in out
    assert "Matches refused" in out
    assert not _CONTROL.search(out.replace("\n", ""))


@pytest.mark.model
def test_explain_json_and_entity_filter():
    result = kg(
        "explain",
        "--json",
        "--entity",
        "Bessent",
        "Treasury Secretary Scott Bessent met Labour leader Keir Starmer in London.",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["name"] for e in data["entities"]] == ["Scott Bessent"]
    assert data["triples"]
    assert all("Scott Bessent" in (t["subject"], t["object"]) for t in data["triples"])
    assert any(m["predicate"] == "secretary_of" for m in data["matches"])


@pytest.mark.model
def test_explain_a_stored_article_and_an_unknown_one(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text("Acme Ltd hired chief executive Jane Smith.\n\nShe starts in May.\n")
    store = tmp_path / "kg.oxigraph"
    built = kg("build", article, "--store", store, "--quiet")
    assert built.returncode == 0, built.stderr
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        (article_id,) = kg_store.article_ids()
    result = kg("explain", "--store", store, "--article", article_id)
    assert result.returncode == 0, result.stderr
    assert "Jane Smith [Person]" in result.stdout
    missing = kg("explain", "--store", store, "--article", "no-such-article")
    assert missing.returncode == 1
    assert "No article 'no-such-article'" in missing.stderr
    article.unlink()  # the text is gone: a clear error, not a crash
    gone = kg("explain", "--store", store, "--article", article_id)
    assert gone.returncode == 1 and "cannot be found" in gone.stderr


def test_explain_needs_text_or_article():
    result = kg("explain")
    assert result.returncode == 2


def test_no_default_rules_replaces_the_shipped_rules(tmp_path):
    from kg.extract.rules import load_rules
    from kg.resources import schemas_dir

    mine = tmp_path / "rules"
    mine.mkdir()
    (mine / "titles.tsv").write_text("chief wizard\tleader_of\n")
    added = load_rules(mine)
    alone = load_rules(mine, shipped=False)
    assert [t.phrase for t in alone.titles] == ["chief wizard"]
    assert len(added.titles) > len(alone.titles)
    assert alone.rules == [] and added.rules
    assert all(schemas_dir() not in p.parents for p in alone.sources)


def test_every_check_has_a_stable_documented_name_and_a_reason():
    from kg.extract.relations.refusals import Refusal

    readme = (Path(__file__).parent.parent / "schemas" / "rules" / "README.md").read_text()
    section = readme.split("## The checks that turn a match down")[1].split("\n## ")[0]
    documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)
    assert sorted(documented) == sorted(r.value for r in Refusal)
    assert len(documented) == len(set(documented))
    assert all(r.reason and r.reason != r.value for r in Refusal)


def test_a_candidate_is_refused_by_the_candidacy_check(component, make_doc):
    # A candidate stands for the Senate; he is no member of it yet.
    doc = make_doc(
        "Republican Senate candidate Roy Moore spoke .",
        ents=[(0, 1, "NORP"), (1, 2, "ORG"), (3, 5, "PERSON")],
    )
    trace = traced(component, doc)
    checks = {(r.text, r.check) for r in trace.rejections}
    assert ("Republican Senate candidate Roy Moore", "candidacy") in checks
    assert all(m.object != "Senate" for m in trace.matches)

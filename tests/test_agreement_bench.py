"""bench/agreement.py: agreement between two gold folders, on synthetic gold files (no model)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.evaluate.gold import Gold, load_gold

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "agreement.py"


@pytest.fixture(scope="module")
def agreement() -> ModuleType:
    spec = importlib.util.spec_from_file_location("agreement_bench", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve string annotations through sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _gold_dict(
    people: list[str],
    orgs: list[str],
    places: list[str],
    *,
    aliases: dict[str, list[str]] | None = None,
    required: list[list[str]] | None = None,
    desirable: list[list[str]] | None = None,
    former: list[list[str]] | None = None,
    document: str = "bbc/politics/001.txt",
    allowed_orgs: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "document": document,
        "entities": {
            "Person": {"required": people, "forbidden": []},
            "Organization": {"required": orgs, "allowed": allowed_orgs or [], "forbidden": []},
            "Place": {"required": places, "allowed": [], "forbidden": []},
        },
        "aliases": aliases or {},
        "relations": {
            "required": required or [],
            "desirable": desirable or [],
            "former": former or [],
            "forbidden": [],
        },
    }


def _gold(tmp_path: Path, name: str, data: dict[str, Any]) -> Gold:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_gold(path)


def test_agreement_aligns_entities_through_the_aliases_of_either_file(
    agreement: ModuleType, tmp_path: Path
) -> None:
    ref = _gold(
        tmp_path,
        "a.json",
        _gold_dict(
            ["Tony Blair"],
            ["Conservative Party", "Labour Party"],
            ["United Kingdom"],
            aliases={"Conservative Party": ["Tories"], "United Kingdom": ["UK"]},
            required=[["Tony Blair", "leader_of", "Labour Party"]],
        ),
    )
    other = _gold(
        tmp_path,
        "b.json",
        _gold_dict(
            ["Mr Tony Blair"],
            ["Tories", "Labour"],
            ["UK"],
            aliases={"Labour": ["Labour Party"]},
            required=[["Mr Tony Blair", "leader_of", "Labour"]],
        ),
    )
    mapping = agreement.align_entities(ref, other)
    assert mapping == {
        "Tony Blair": "Mr Tony Blair",  # a courtesy title is ignored
        "Conservative Party": "Tories",  # an alias of the reference
        "Labour Party": "Labour",  # an alias of the other file
        "United Kingdom": "UK",
    }
    result = agreement.compare_articles(ref, other)
    assert result["entities"]["Organization"] == agreement.Tally(2, 2, 2)
    assert result["exact"]["required"] == agreement.Tally(1, 1, 1)


def test_agreement_keeps_a_shared_surname_on_the_right_person(
    agreement: ModuleType, tmp_path: Path
) -> None:
    # Each annotator gives the shared "Clinton" to a different person, and the other names
    # Bill "William Clinton": a label found among the other's names beats a shared alias.
    ref = _gold(
        tmp_path,
        "a.json",
        _gold_dict(
            ["Hillary Clinton", "Bill Clinton"],
            [],
            ["United States"],
            aliases={"Bill Clinton": ["Clinton"]},
            required=[["Bill Clinton", "president_of", "United States"]],
        ),
    )
    other = _gold(
        tmp_path,
        "b.json",
        _gold_dict(
            ["William Clinton", "Hillary Clinton"],
            [],
            ["United States"],
            aliases={"Hillary Clinton": ["Clinton"], "William Clinton": ["Bill Clinton"]},
            required=[["Hillary Clinton", "secretary_of", "United States"]],
        ),
    )
    mapping = agreement.align_entities(ref, other)
    assert mapping["Bill Clinton"] == "William Clinton"
    assert mapping["Hillary Clinton"] == "Hillary Clinton"
    result = agreement.compare_articles(ref, other)
    assert result["any affiliation"]["required"].both == 0
    assert result["entities"]["Person"] == agreement.Tally(2, 2, 2)


def test_agreement_exact_and_any_affiliation_match_one_to_one(
    agreement: ModuleType, tmp_path: Path
) -> None:
    ref = _gold(
        tmp_path,
        "a.json",
        _gold_dict(
            ["Jane Roe", "John Doe"],
            ["Acme"],
            ["Leeds"],
            required=[
                ["Jane Roe", "leader_of", "Acme"],
                ["Jane Roe", "member_of", "Acme"],
                ["John Doe", "met_with", "Jane Roe"],
            ],
        ),
    )
    other = _gold(
        tmp_path,
        "b.json",
        _gold_dict(
            ["Jane Roe", "John Doe"],
            ["Acme"],
            ["Leeds"],
            required=[["Jane Roe", "president_of", "Acme"], ["Jane Roe", "met_with", "John Doe"]],
        ),
    )
    result = agreement.compare_articles(ref, other)
    # met_with holds both ways; president_of agrees with one affiliation only, not two.
    assert result["exact"]["required"] == agreement.Tally(3, 2, 1)
    assert result["any affiliation"]["required"] == agreement.Tally(3, 2, 2)
    figures = result["any affiliation"]["required"].figures()
    assert figures["f1"] == pytest.approx(0.8)
    assert figures["agreement"] == pytest.approx(2 / 3)
    assert figures["recall"] == pytest.approx(2 / 3)
    assert figures["precision"] == pytest.approx(1.0)


def test_agreement_reports_where_the_other_put_a_triple(
    agreement: ModuleType, tmp_path: Path
) -> None:
    ref = _gold(
        tmp_path,
        "a.json",
        _gold_dict(
            ["Jane Roe", "John Doe"],
            ["Acme"],
            [],
            required=[["Jane Roe", "leader_of", "Acme"], ["John Doe", "works_for", "Acme"]],
        ),
    )
    other = _gold(
        tmp_path,
        "b.json",
        _gold_dict(
            ["Jane Roe", "John Doe"],
            [],
            [],
            allowed_orgs=["Acme"],
            desirable=[["Jane Roe", "leader_of", "Acme"]],
            former=[["John Doe", "works_for", "Acme"]],
        ),
    )
    result = agreement.compare_articles(ref, other)
    assert result["tiers"]["table"] == {("required", "desirable"): 1, ("required", "former"): 1}
    assert result["exact"]["required"] == agreement.Tally(2, 0, 0)
    assert result["exact"]["required+desirable"] == agreement.Tally(2, 1, 1)
    # A copy of the other annotator finds half the reference's required triples.
    assert result["exact"]["ceiling ref"] == agreement.Tally(2, 1, 1)
    # Acme is required only in the reference, and only as an Organization.
    assert result["entities"]["Organization"] == agreement.Tally(1, 0, 0)


def _write(folder: Path, name: str, data: dict[str, Any]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


def test_agreement_cli_reports_per_corpus(tmp_path: Path) -> None:
    base = _gold_dict(
        ["Jane Roe"], ["Acme"], ["Leeds"], required=[["Jane Roe", "leader_of", "Acme"]]
    )
    reuters = {**base, "document": "reuters/reuters-2017.jsonl#reuters/0123456789"}
    _write(tmp_path / "a", "politics-001.json", base)
    _write(tmp_path / "a", "reuters-0123456789.json", reuters)
    _write(tmp_path / "a", "sport-002.json", {**base, "document": "bbc/sport/002.txt"})
    other = {**base, "relations": {**base["relations"], "required": []}}
    _write(tmp_path / "b", "politics-001.json", other)
    _write(tmp_path / "b", "reuters-0123456789.json", reuters)
    out = tmp_path / "out.json"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "a"), str(tmp_path / "b"), "--json", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "== reuters (1 articles) ==" in run.stdout
    assert "in one folder only (skipped): sport-002.json" in run.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["reuters"]["exact / required"]["both"] == 1
    assert report["bbc"]["exact / required"] == {
        "reference": 1,
        "other": 0,
        "both": 0,
        "recall": 0.0,
        "precision": None,
        "f1": 0.0,
        "agreement": 0.0,
    }
    assert report["all"]["articles"] == 2


def test_agreement_cli_refuses_files_of_different_articles(tmp_path: Path) -> None:
    base = _gold_dict(["Jane Roe"], [], [])
    _write(tmp_path / "a", "politics-001.json", base)
    _write(tmp_path / "b", "politics-001.json", {**base, "document": "bbc/politics/002.txt"})
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "a"), str(tmp_path / "b")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "politics-001.json: the two files annotate different documents" in run.stderr

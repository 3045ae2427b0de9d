"""The evaluation harness: gold files, scoring a store, CoNLL04 scoring, `kg evaluate`.

No statistical model is loaded, except by the one test marked ``model``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import Result
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import EvaluationError
from kg.evaluate import (
    CONLL_TYPES,
    ConllSentence,
    Gold,
    Prediction,
    conll_type,
    evaluate_conll04,
    evaluate_store,
    load_gold,
    normalize_conll,
    object_written,
    predictions_from_graph,
    read_conll04,
    score_conll04,
)
from kg.evaluate.conll04 import ConllEntity
from kg.evaluate.conll04_names import NamePrediction, score_names
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.store import load_file, open_store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "eval"
STORE = DATA / "store.trig"
GOLD = DATA / "gold" / "politics-900.json"
TINY = DATA / "conll04-tiny.json"
CONLL_DEV = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "eval"
    / "conll04"
    / "conll04_dev.json"
)


def gold_text(**changes: Any) -> dict[str, Any]:
    """The test gold file as data, with top-level keys replaced."""
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def gold() -> Gold:
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def memory_store() -> ox.Store:
    return load_file(STORE)


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk kg store holding the fixture, closed (so the CLI can open it)."""
    path = tmp_path_factory.mktemp("eval") / "kg.oxigraph"
    with open_store(path, read_only=False) as kg_store:
        kg_store.add(load_file(STORE).quads_for_pattern(None, None, None, None))
    return path


# --- gold files ------------------------------------------------------------------------


def test_load_gold_reads_every_list(gold: Gold) -> None:
    assert gold.document == "bbc/politics/900.txt"
    assert gold.classes["Person"].forbidden == ("Blair", "Howard")
    assert gold.classes_of("Downing Street") == {"Organization", "Place"}
    assert gold.names_of("Conservative Party") == {"conservative party", "tories", "tory"}
    assert ("Alan Milburn", "secretary_of", "Department of Health") in gold.former
    assert ("Alastair Campbell", "leader_of", "*") in gold.forbidden


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "bench" / "gold").glob("*.json")),
    ids=lambda p: p.name,
)
def test_load_gold_accepts_the_bench_gold_files(path: Path) -> None:
    assert load_gold(path).document.endswith(".txt")


def test_load_gold_bad_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "document": "a.txt",\n  "entities": {,}\n}', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad\.json:3:16: invalid JSON"):
        load_gold(path)


def test_load_gold_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"Cannot read gold file .*nope\.json"):
        load_gold(tmp_path / "nope.json")


def test_load_gold_unknown_predicate_lists_the_known_ones(tmp_path: Path) -> None:
    relations = {"required": [["Alastair Campbell", "spokesman_of", "Labour"]]}
    path = write_json(tmp_path / "g.json", gold_text(relations=relations))
    with pytest.raises(EvaluationError) as info:
        load_gold(path)
    message = str(info.value)
    assert "g.json" in message
    assert "relations.required[0]: unknown predicate 'spokesman_of'" in message
    assert "spokesperson_of" in message


def test_load_gold_relation_entity_must_be_listed(tmp_path: Path) -> None:
    relations = {"desirable": [["Alastair Campbell", "works_for", "Daily Mirror"]]}
    path = write_json(tmp_path / "g.json", gold_text(relations=relations))
    with pytest.raises(EvaluationError, match="object 'Daily Mirror' is not a required or allowed"):
        load_gold(path)


def test_load_gold_reports_every_problem_at_once(tmp_path: Path) -> None:
    data = gold_text(
        relation={},
        aliases={"Peter Mandelson": ["Mandy"]},
        relations={
            "required": [["Labour", "member_of", "Tony Blair"], ["Tony Blair", "works_for", "*"]],
            "maybe": [],
        },
    )
    data["entities"]["Animal"] = {"required": ["Humphrey"]}
    with pytest.raises(EvaluationError) as info:
        load_gold(write_json(tmp_path / "g.json", data))
    message = str(info.value)
    assert "6 problem(s)" in message
    assert "unknown key 'relation'" in message
    assert "unknown class 'Animal'" in message
    assert "aliases: 'Peter Mandelson' is not a required or allowed entity" in message
    assert (
        "member_of needs a subject of class Person; 'Labour' is listed as Organization" in message
    )
    assert "the wildcard object '*' is only allowed in relations.forbidden" in message
    assert "relations: unknown list 'maybe'" in message


def test_load_gold_one_surface_form_names_one_entity(tmp_path: Path) -> None:
    aliases = {"Tony Blair": ["Blair"], "Michael Howard": ["Mr Blair"]}
    path = write_json(tmp_path / "g.json", gold_text(aliases=aliases))
    with pytest.raises(
        EvaluationError, match="'Blair' of 'Tony Blair' also names 'Michael Howard'"
    ):
        load_gold(path)


def test_load_gold_document_is_required(tmp_path: Path) -> None:
    path = write_json(tmp_path / "g.json", gold_text(document=""))
    with pytest.raises(EvaluationError, match="'document' must be the article id"):
        load_gold(path)


# --- scoring a store -------------------------------------------------------------------


def test_evaluate_store_finds_the_article_by_suffix(memory_store: ox.Store, gold: Gold) -> None:
    report = evaluate_store(memory_store, [gold])
    assert [a.article_id for a in report.articles] == ["data/bbc/politics/900.txt"]


def test_evaluate_store_entities_match_by_alias_and_count_per_class(
    memory_store: ox.Store, gold: Gold
) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    found = article.summary.entities
    # "Tories" is only an alias of the Conservative Party: it still counts.
    assert (found["Organization"].found, found["Organization"].gold) == (3, 3)
    # Gordon Brown exists only as an Organization node.
    assert (found["Person"].found, found["Person"].gold) == (5, 6)
    assert [(e.label, e.cls) for e in article.missing_entities] == [("Gordon Brown", "Person")]
    # Nodes: Sedgefield and the markup-like label are listed by no gold entity.
    assert (found["Place"].predicted, found["Place"].correct) == (3, 1)
    assert sorted(e.label for e in article.unlisted) == ["Sedgefield", "[bold]Nowhere[/bold]"]


def test_evaluate_store_reports_a_split(memory_store: ox.Store, gold: Gold) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    assert [(s.entity, s.cls, s.nodes) for s in article.splits] == [
        ("Tony Blair", "Person", ("Blair", "Tony Blair"))
    ]
    assert article.summary.splits == 1


def test_evaluate_store_reports_a_wrong_class(memory_store: ox.Store, gold: Gold) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    assert [(w.label, w.cls) for w in article.wrong_class] == [("Gordon Brown", "Organization")]


def test_evaluate_store_forbidden_entity_is_a_label_not_an_alias(
    memory_store: ox.Store, gold: Gold
) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    # "Blair" is the label of a node; "Howard" only an alias of Michael Howard's node.
    assert [(f.label, f.cls) for f in article.forbidden_entities] == [("Blair", "Person")]


def test_evaluate_store_strict_and_lenient_relations(memory_store: ox.Store, gold: Gold) -> None:
    summary = evaluate_store(memory_store, [gold]).articles[0].summary
    strict, lenient = summary.strict, summary.lenient
    # 5 direct triples; strictly right: Campbell works_for Labour, Blair member_of Labour
    # (on the split node, desirable). Lenient adds Howard member_of Tories for leader_of.
    assert (strict.all.predicted, strict.all.correct) == (5, 2)
    assert (strict.required.found, strict.required.gold) == (1, 4)
    assert (strict.all.found, strict.all.gold) == (2, 5)
    assert (lenient.all.correct, lenient.required.found, lenient.all.found) == (3, 2, 3)
    assert strict.all.precision == pytest.approx(0.4)
    assert lenient.all.f1 == pytest.approx(0.6)


def test_evaluate_store_former_roles(memory_store: ox.Store, gold: Gold) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    strict = article.summary.strict
    assert (strict.former.found, strict.former.gold, strict.former_as_current) == (1, 2, 1)
    assert [(x.subject, x.status) for x in article.former_credited] == [("Alan Milburn", "former")]
    assert [x.subject for x in article.former_as_current] == ["John Prescott"]


def test_evaluate_store_wildcard_forbidden_relation(memory_store: ox.Store, gold: Gold) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    assert [(x.subject, x.predicate, x.object) for x in article.forbidden_relations] == [
        ("Alastair Campbell", "leader_of", "Downing Street")
    ]
    assert article.forbidden_relations[0].note == "forbidden: Alastair Campbell leader_of *"


def test_evaluate_store_explains_misses(memory_store: ox.Store, gold: Gold) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    reasons = {m.triple: m.reason for m in article.misses}
    assert reasons == {
        ("Michael Howard", "leader_of", "Conservative Party"): (
            "predicate differs: extracted member_of (lenient match)"
        ),
        # Stated by the other article's graph only: it does not count here.
        ("Tony Blair", "prime_minister_of", "United Kingdom"): "not extracted",
        ("Gordon Brown", "member_of", "Labour"): "subject 'Gordon Brown' only typed Organization",
    }


def test_evaluate_store_lists_unmatched_extractions_with_evidence(
    memory_store: ox.Store, gold: Gold
) -> None:
    article = evaluate_store(memory_store, [gold]).articles[0]
    unmatched = {(x.subject, x.predicate): x for x in article.unmatched}
    assert set(unmatched) == {
        ("Michael Howard", "member_of"),
        ("Alastair Campbell", "leader_of"),
        ("John Prescott", "secretary_of"),
    }
    howard = unmatched[("Michael Howard", "member_of")]
    assert howard.sentence == "Tory leader Michael Howard spoke."
    assert howard.rule == "test.party_member"
    assert howard.note == "predicate differs: gold has leader_of"


def test_evaluate_store_missing_article(memory_store: ox.Store, tmp_path: Path) -> None:
    other = load_gold(write_json(tmp_path / "g.json", gold_text(document="bbc/tech/001.txt")))
    with pytest.raises(EvaluationError, match=r"'bbc/tech/001\.txt' is not in the store"):
        evaluate_store(memory_store, [other])
    report = evaluate_store(memory_store, [other], on_missing="skip")
    assert report.articles == []
    assert report.missing == [(str(tmp_path / "g.json"), "bbc/tech/001.txt")]


def test_evaluate_store_suffix_must_not_be_ambiguous(
    memory_store: ox.Store, tmp_path: Path
) -> None:
    other = load_gold(write_json(tmp_path / "g.json", gold_text(document="politics/900.txt")))
    report = evaluate_store(memory_store, [other])
    assert report.articles[0].article_id == "data/bbc/politics/900.txt"
    copy = ox.Store()
    copy.extend(memory_store.quads_for_pattern(None, None, None, None))
    meta = ox.NamedNode("https://kg.example/meta")
    twin = ox.NamedNode("https://kg.example/article/old/politics/900.txt")
    identifier = ox.NamedNode("http://schema.org/identifier")
    copy.add(ox.Quad(twin, identifier, ox.Literal("old/politics/900.txt"), meta))
    with pytest.raises(EvaluationError, match="matches several stored articles"):
        evaluate_store(copy, [other])


def test_evaluate_store_overall_adds_articles_up(memory_store: ox.Store, gold: Gold) -> None:
    report = evaluate_store(memory_store, [gold, gold])
    one = report.articles[0].summary
    overall = report.overall
    assert overall.articles == 2
    assert overall.strict.all.predicted == 2 * one.strict.all.predicted
    assert overall.strict.all.precision == pytest.approx(one.strict.all.precision)
    data = report.to_dict()
    assert data["overall"]["strict"]["all"]["precision"] == pytest.approx(0.4)
    assert json.loads(json.dumps(data)) == data


def test_evaluate_store_accepts_an_open_kg_store(disk_store: Path, gold: Gold) -> None:
    with open_store(disk_store) as kg_store:
        report = evaluate_store(kg_store, [gold])
    assert report.articles[0].summary.strict.all.correct == 2


# --- CoNLL04 ---------------------------------------------------------------------------


def tiny_predictions() -> list[list[Prediction]]:
    return [
        [
            Prediction("Work_For", "John Smith", "Acme Corp"),
            Prediction("Work_For", "john  smith", "Acme Corp."),  # the same, once normalised
            Prediction("Located_In", "Springfield", "Illinois"),
            Prediction("Live_In", "John Smith", "Springfield", note="citizen_of [r1]"),
        ],
        [Prediction("Live_In", "Brown", "Paris", head_aliases=("Bob Brown",))],
        [Prediction("OrgBased_In", "the IBM", "Armonk")],
        [Prediction("Live_In", "Lincoln", "Springfield")],
    ]


def tiny_entities() -> list[list[tuple[str, str]]]:
    return [
        [("John Smith", "Person"), ("Acme Corp", "Organization"), ("Springfield", "Place"),
         ("Illinois", "Place")],
        [("Bob Brown", "Person"), ("Paris", "Place")],
        [("IBM", "Organization"), ("Armonk", "Organization")],
        [("Lincoln", "Person"), ("Springfield", "Place")],
    ]  # fmt: skip


def test_normalize_conll() -> None:
    assert normalize_conll("The  White House 's") == "white house"
    assert normalize_conll("Paris.") == "paris"
    assert normalize_conll("Kevin O 'Brien") == "kevin o 'brien"
    assert normalize_conll("Mrs. Vogt") == normalize_conll("Mr Vogt") == "vogt"
    assert normalize_conll("Dr. Lee DeForest") == "lee deforest"
    assert normalize_conll("Drake") == "drake"  # a name, not "Dr"
    assert normalize_conll("Mister Rogers") == "mister rogers"


def _composite_sentence() -> list[dict[str, Any]]:
    """CoNLL04 writes a town and its state as one location; kg finds two places."""
    text = "Ann Ruiz was born in Kinderhook , N.Y. , and lived in Paris , France ."
    tokens = text.split(" ")
    return [
        {
            "tokens": tokens,
            "entities": [
                {"type": "Peop", "start": 0, "end": 2},
                {"type": "Loc", "start": 5, "end": 8},  # Kinderhook , N.Y.
                {"type": "Loc", "start": 12, "end": 13},  # Paris
                {"type": "Loc", "start": 14, "end": 15},  # France
            ],
            "relations": [
                {"type": "Live_In", "head": 0, "tail": 1},
                {"type": "Live_In", "head": 0, "tail": 2},
                {"type": "Located_In", "head": 2, "tail": 3},
            ],
        }
    ]


def test_score_conll04_town_and_state_as_one_location(tmp_path: Path) -> None:
    sentences = read_conll04(write_json(tmp_path / "c.json", _composite_sentence()))
    assert sentences[0].entities[1] == ConllEntity("Loc", "Kinderhook , N.Y.")
    predicted = [
        Prediction("Live_In", "Ann Ruiz", "Kinderhook"),  # the town names the gold location
        Prediction("Located_In", "Kinderhook", "N.Y.", tail_aliases=("New York",)),
        Prediction("Located_In", "Paris", "France"),  # two gold entities: scored
        Prediction("Located_In", "France", "Paris"),  # wrong way round: a false positive
        Prediction("Live_In", "Ann Ruiz", "N.Y."),  # the state alone is not the town
    ]
    report = score_conll04(sentences, [predicted])
    assert report.inside_one_entity == 1  # Kinderhook in N.Y.: inside one gold span
    counts = {t: (s.gold, s.predicted, s.correct) for t, s in report.per_type.items()}
    assert counts["Live_In"] == (2, 2, 1)
    assert counts["Located_In"] == (1, 2, 1)
    assert {(e.head, e.tail) for e in report.false_positives} == {
        ("France", "Paris"),
        ("Ann Ruiz", "N.Y."),
    }
    assert report.to_dict()["inside_one_entity_excluded"] == 1


def test_score_conll04_comma_inside_other_entities_is_no_town(tmp_path: Path) -> None:
    data = _composite_sentence()
    data[0]["entities"][1]["type"] = "Org"  # "Kinderhook , N.Y." as an organization
    sentences = read_conll04(write_json(tmp_path / "c.json", data))
    predicted = [
        Prediction("Live_In", "Ann Ruiz", "Kinderhook"),
        Prediction("Located_In", "Kinderhook", "N.Y."),
    ]
    report = score_conll04(sentences, [predicted])
    assert report.inside_one_entity == 0
    assert report.micro.correct == 0
    assert report.micro.predicted == 2


def test_read_conll04_joins_tokens_and_resolves_relations() -> None:
    sentences = read_conll04(TINY)
    assert len(sentences) == 4
    assert sentences[1].text == "Mary Jones killed Bob Brown in his home in Paris."
    live = sentences[1].relations[1]
    assert (live.type, live.head, live.tail, live.tail_type) == (
        "Live_In",
        "Bob Brown",
        "Paris.",
        "Loc",
    )
    assert len(read_conll04(TINY, limit=2)) == 2


def test_read_conll04_rejects_bad_indices(tmp_path: Path) -> None:
    bad = [{"tokens": ["A", "B"], "entities": [{"type": "Peop", "start": 0, "end": 3}]}]
    with pytest.raises(EvaluationError, match="sentence 0: entity 0 needs 0 <= start < end <= 2"):
        read_conll04(write_json(tmp_path / "c.json", bad))
    bad = [{"tokens": ["A"], "entities": [], "relations": [{"type": "Kill", "head": 0, "tail": 1}]}]
    with pytest.raises(EvaluationError, match="relation 0 needs a type and head/tail"):
        read_conll04(write_json(tmp_path / "c.json", bad))
    (tmp_path / "c.json").write_text("[{]", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"c\.json:1:3: invalid JSON"):
        read_conll04(tmp_path / "c.json")


def test_score_conll04_counts_per_type_and_micro() -> None:
    report = score_conll04(read_conll04(TINY), tiny_predictions(), entities=tiny_entities())
    counts = {t: (s.gold, s.predicted, s.correct) for t, s in report.per_type.items()}
    assert counts == {
        "Work_For": (1, 1, 1),
        "Live_In": (2, 3, 1),
        "OrgBased_In": (2, 1, 1),  # the duplicated IBM relation counts once
        "Located_In": (1, 1, 1),
    }
    micro = report.micro
    assert (micro.gold, micro.predicted, micro.correct) == (6, 6, 4)
    assert micro.precision == pytest.approx(4 / 6)
    assert micro.f1 == pytest.approx(4 / 6)
    assert report.kill == 1
    # "Lincoln" for "President Lincoln" is a boundary error only.
    assert report.relaxed.correct == 5


def test_score_conll04_ceiling() -> None:
    report = score_conll04(read_conll04(TINY), tiny_predictions(), entities=tiny_entities())
    # All but "President Lincoln" are entity names; Armonk is typed Organization.
    assert report.ceiling == pytest.approx(5 / 6)
    assert report.typed_ceiling == pytest.approx(4 / 6)


def test_score_conll04_explains_errors() -> None:
    report = score_conll04(read_conll04(TINY), tiny_predictions(), entities=tiny_entities())
    fps = {(e.type, e.head, e.tail): e.note for e in report.false_positives}
    assert fps == {
        (
            "Live_In",
            "John Smith",
            "Springfield",
        ): "no gold relation between them; from citizen_of [r1]",
        ("Live_In", "Lincoln", "Springfield"): (
            "boundaries differ from gold 'President Lincoln' -> 'Springfield'"
        ),
    }
    fns = {(e.type, e.head, e.tail): e.note for e in report.false_negatives}
    assert fns == {
        ("OrgBased_In", "Acme Corp", "Springfield"): "both entities found, no relation extracted",
        ("Live_In", "President Lincoln", "Springfield"): (
            "boundaries differ: predicted 'Lincoln' -> 'Springfield'"
        ),
    }
    assert report.false_negatives[0].text.startswith("John Smith , a spokesman")
    limited = score_conll04(read_conll04(TINY), tiny_predictions(), examples=1)
    assert (len(limited.false_positives), len(limited.false_negatives)) == (1, 1)


def test_score_conll04_needs_one_prediction_list_per_sentence() -> None:
    with pytest.raises(EvaluationError, match="predictions for 1 sentence"):
        score_conll04(read_conll04(TINY), [[]])


def test_score_conll04_perfect_and_empty() -> None:
    sentence = ConllSentence(0, ("A",), ())
    report = score_conll04([sentence], [[Prediction("Work_For", "A", "B")]])
    assert (report.micro.precision, report.micro.recall, report.micro.f1) == (0.0, 0.0, 0.0)
    sentences = read_conll04(TINY)
    gold = [[Prediction(r.type, r.head, r.tail) for r in s.relations] for s in sentences]
    report = score_conll04(sentences, gold)
    assert report.micro.f1 == 1.0
    assert report.false_positives == report.false_negatives == []


def test_conll_type_maps_kg_predicates() -> None:
    assert conll_type("Person", "leader_of", "Organization") == "Work_For"
    assert conll_type("Person", "member_of", "Place") == "Live_In"
    assert conll_type("Person", "president_of", "Place") == "Live_In"
    assert conll_type("Person", "born_in", "Place") == "Live_In"
    assert conll_type("Person", "resident_of", "Place") == "Live_In"
    assert conll_type("Person", "citizen_of", "Place") is None  # nationality is no residence
    assert conll_type("Organization", "based_in", "Place") == "OrgBased_In"
    assert conll_type("Place", "located_in", "Place") == "Located_In"
    assert conll_type("Person", "met_with", "Person") is None


# --- typed names on CoNLL04 ---------------------------------------------------------


def _sentence(*entities: tuple[str, str]) -> ConllSentence:
    return ConllSentence(0, ("x",), entities=tuple(ConllEntity(t, x) for t, x in entities))


def test_read_conll04_keeps_the_gold_entities() -> None:
    first = read_conll04(TINY)[0]
    assert first.entities[:2] == (
        ConllEntity("Peop", "John Smith"),
        ConllEntity("Org", "Acme Corp"),
    )


def test_score_names_one_entity_finds_every_gold_name_it_is_written_as() -> None:
    sentence = _sentence(("Loc", "U.S."), ("Loc", "United States"), ("Peop", "Ann Ruiz"))
    one = [
        NamePrediction("Place", ("United States", "U.S.")),
        NamePrediction("Person", ("Ann Ruiz",)),
    ]
    report = score_names([sentence], [one])
    place = report.strict["Place"]
    assert (place.predicted, place.correct, place.gold, place.found) == (1, 1, 2, 2)
    two = [NamePrediction("Place", ("U.S.",)), NamePrediction("Place", ("United States",))]
    place = score_names([sentence], [two]).strict["Place"]
    assert (place.predicted, place.correct, place.gold, place.found) == (2, 2, 2, 2)
    assert score_names([sentence], [one]).micro.f1 == 1.0


def test_score_names_counts_other_and_wrong_classes_as_false_positives() -> None:
    sentence = _sentence(("Other", "Nobel Prize"), ("Org", "Acme Corp"), ("Peop", "Kennedy"))
    predicted = [
        NamePrediction("Person", ("Nobel Prize",)),  # an Other entity typed Person
        NamePrediction("Place", ("Acme Corp",)),  # an organization typed Place
        NamePrediction("Person", ("Kennedy",)),
    ]
    report = score_names([sentence], [predicted], system="kg")
    person = report.strict["Person"]
    assert (person.predicted, person.correct, person.gold, person.found) == (2, 1, 1, 1)
    assert report.on_other == {"Person": 1, "Organization": 0, "Place": 0}
    assert report.wrong_class == {"Person": 0, "Organization": 0, "Place": 1}
    assert report.strict["Organization"].recall == 0.0
    assert report.to_dict()["system"] == "kg"


def test_score_names_relaxed_lets_boundaries_differ() -> None:
    sentence = _sentence(("Peop", "President Lincoln"), ("Loc", "Springfield"))
    predicted = [NamePrediction("Person", ("Lincoln",)), NamePrediction("Place", ("Springfield",))]
    report = score_names([sentence], [predicted])
    assert report.strict["Person"].f1 == 0.0
    assert report.relaxed["Person"].f1 == 1.0
    assert report.relaxed_micro.f1 == 1.0
    # a word inside another word is no match: "Lincolnshire" is not "Lincoln"
    other = score_names([sentence], [[NamePrediction("Person", ("Lincolnshire",))]])
    assert other.relaxed["Person"].correct == 0


def test_score_names_repeated_gold_name_counts_once_and_needs_one_list_per_sentence() -> None:
    sentence = _sentence(("Peop", "Oswald"), ("Peop", "Oswald"))
    report = score_names([sentence], [[]])
    assert report.strict["Person"].gold == 1 and report.micro.recall == 0.0
    with pytest.raises(EvaluationError, match="entities for 0 sentence"):
        score_names([sentence], [])


def _triple(
    s: Entity, p: str, o: Entity, s_text: str, o_text: str, status: str = "current"
) -> Triple:
    return Triple(s, p, o, Evidence("x", 0, 1, s_text, o_text, f"rule.{p}", 0.9, status=status))


def test_predictions_from_graph_one_per_entity_pair_with_every_name() -> None:
    smith = Entity("John Smith", "Person", ("Smith",))
    acme = Entity("Acme Corp", "Organization", ("Acme",))
    ohio = Entity("Ohio", "Place")
    graph = ArticleGraph(
        Article("a", "text"),
        (smith, acme, ohio),
        (
            _triple(smith, "spokesperson_of", acme, "Smith", "Acme"),
            _triple(smith, "member_of", acme, "John Smith", "Acme Corp"),
            _triple(smith, "leader_of", ohio, "Smith", "Ohio", status="former"),
            _triple(acme, "based_in", ohio, "Acme", "Ohio"),
            _triple(smith, "met_with", smith, "Smith", "Smith"),
        ),
    )
    predictions = predictions_from_graph(graph)
    assert [(p.type, p.head, p.tail) for p in predictions] == [
        ("Work_For", "Smith", "Acme"),
        ("Live_In", "Smith", "Ohio"),
        ("OrgBased_In", "Acme", "Ohio"),
    ]
    work = predictions[0]
    assert set(work.head_aliases) == {"John Smith"}
    assert set(work.tail_aliases) == {"Acme Corp"}
    assert "spokesperson_of [rule.spokesperson_of]" in work.note
    current = predictions_from_graph(graph, statuses=("current",))
    assert [p.type for p in current] == ["Work_For", "OrgBased_In"]


def test_predictions_from_graph_leave_out_implied_objects_the_sentence_does_not_name() -> None:
    bush = Entity("George Bush", "Person", ("Bush",))
    usa = Entity("United States", "Place", ("U.S.",))
    implied = Triple(
        bush, "president_of", usa,
        Evidence("x", 0, 1, "Bush", "President", "implied.title_person", 0.6),
    )  # fmt: skip
    unnamed = ArticleGraph(Article("a", "President Bush spoke ."), (bush, usa), (implied,))
    assert predictions_from_graph(unnamed) == []
    assert not object_written(implied, "President Bush spoke .")
    named = ArticleGraph(
        Article("b", "President Bush weighs U.S. options ."), (bush, usa), (implied,)
    )
    [prediction] = predictions_from_graph(named)
    assert (prediction.type, prediction.head, prediction.tail) == (
        "Live_In",
        "Bush",
        "United States",
    )
    assert "U.S." in prediction.tail_aliases and "President" not in prediction.tail_aliases
    written = _triple(bush, "president_of", usa, "Bush", "U.S.")  # any other rule: written
    assert object_written(written, "no name at all")


@pytest.mark.model
@pytest.mark.skipif(not CONLL_DEV.exists(), reason="the CoNLL04 dev split is not on this machine")
def test_evaluate_conll04_on_twenty_dev_sentences() -> None:
    report = evaluate_conll04(CONLL_DEV, limit=20, examples=3)
    assert report.sentences == 20
    assert set(report.per_type) == set(CONLL_TYPES)
    micro = report.micro
    assert 0.0 <= micro.precision <= 1.0
    assert 0.0 <= micro.recall <= 1.0
    assert micro.gold > 0
    assert 0.0 <= report.typed_ceiling <= report.ceiling <= 1.0
    assert len(report.false_negatives) <= 3
    assert report.model
    assert [n.system for n in report.names] == ["kg", "spaCy"]
    assert all(n.micro.gold == report.names[0].micro.gold > 0 for n in report.names)


# --- the command -----------------------------------------------------------------------


def kg(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def test_cli_evaluate_prints_tables_and_errors(disk_store: Path) -> None:
    result = kg("evaluate", GOLD, "--store", disk_store)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "bbc/politics/900.txt" in out
    assert "5/6" in out  # Person recall
    assert "Splits:" in out and "Tony Blair (Person): Blair | Tony Blair" in out
    assert "Missed gold relations:" in out and "not extracted" in out
    assert "Tory leader Michael Howard spoke." in out
    assert "[bold]Nowhere[/bold]" in out  # printed as it is, not as markup


def test_cli_evaluate_json(disk_store: Path) -> None:
    result = kg("evaluate", GOLD.parent, "--store", disk_store, "--json")  # a folder
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"]["articles"] == 1
    assert data["overall"]["lenient"]["all"]["precision"] == pytest.approx(0.6)
    assert data["articles"][0]["splits"][0]["entity"] == "Tony Blair"


def test_cli_evaluate_show_errors_zero_prints_tables_only(disk_store: Path) -> None:
    result = kg("evaluate", GOLD, "--store", disk_store, "--show-errors", "0")
    assert result.exit_code == 0, result.output
    assert "Missed gold relations" not in result.stdout


def test_cli_evaluate_skip_missing(disk_store: Path, tmp_path: Path) -> None:
    other = write_json(tmp_path / "other.json", gold_text(document="bbc/tech/001.txt"))
    failed = kg("evaluate", GOLD, other, "--store", disk_store)
    assert failed.exit_code == 1
    assert isinstance(failed.exception, EvaluationError)
    result = kg("evaluate", GOLD, other, "--store", disk_store, "--skip-missing")
    assert result.exit_code == 0, result.output
    assert "'bbc/tech/001.txt' is not in the store" in result.stdout


def test_cli_evaluate_usage_errors() -> None:
    assert kg("evaluate").exit_code == 2
    assert kg("evaluate", GOLD, "--conll04", TINY).exit_code == 2


def test_cli_evaluate_bad_gold_file_exits_1_with_the_problem(tmp_path: Path) -> None:
    relations = {"required": [["Alastair Campbell", "spokesman_of", "Labour"]]}
    path = write_json(tmp_path / "g.json", gold_text(relations=relations))
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "evaluate", str(path), "--store", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )
    assert proc.returncode == 1
    assert "Error:" in proc.stderr
    assert "unknown predicate 'spokesman_of'" in proc.stderr
    assert proc.stdout == ""


def test_score_article_resolves_gold_names_as_kg_does(gold: Gold) -> None:
    from kg.evaluate.graphdata import ArticleData, Node
    from kg.evaluate.scoring import score_article

    nodes = {
        "p/1": Node("p/1", "Prime Minister Tony Blair", {"Person"}, {"Prime Minister Tony Blair"}),
        "p/2": Node("p/2", "MICHAEL HOWARD", {"Person"}, {"MICHAEL HOWARD"}),  # case
        "o/1": Node("o/1", "the Tories", {"Organization"}, {"the Tories"}),  # an article
        "l/1": Node("l/1", "Unïted Kingdom", {"Place"}, {"Unïted Kingdom"}),  # an accent
        "o/2": Node("o/2", "Labour Party", {"Organization"}, {"Labour Party"}),  # another name
    }
    data = ArticleData("bbc/politics/900.txt", "g/1", nodes)
    found = {e.label for e in score_article(data, gold).unlisted}
    assert found == {"Labour Party"}

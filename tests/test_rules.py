"""Rule files: loaded, validated with every problem reported at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.extract.rules import load_rules, spacy_pattern
from kg.vocab import PREDICATES


def test_rules_shipped_rules_load_and_each_has_an_example():
    ruleset = load_rules()
    assert len(ruleset.rules) >= 15
    for rule in ruleset.rules:
        assert rule.example and rule.expect[1] in PREDICATES
        assert rule.predicate in (*PREDICATES, "title")
    assert {e.predicate for e in ruleset.titles} <= set(PREDICATES)
    assert ruleset.modifiers["former"] == ("former", "")


def test_rules_user_folder_adds_rules_and_titles(tmp_path: Path):
    (tmp_path / "titles-extra.tsv").write_text("chief whip\tmember_of\n", encoding="utf-8")
    ruleset = load_rules(tmp_path)
    assert any(e.phrase == "chief whip" for e in ruleset.titles)


def test_rules_every_problem_is_reported_with_file_line_and_fix(tmp_path: Path):
    (tmp_path / "titles.tsv").write_text(
        "spin doctor\tspokesman_of\nonly-one-column\n", encoding="utf-8"
    )
    (tmp_path / "bad.toml").write_text(
        """
[[rule]]
id = "my.rule"
predicate = "boss_of"
confidence = 2
example = "X"
expect = ["a", "b", "c"]
pattern = [{role = "subject", ent = "PEOPLE"}]

[[rule]]
id = "compound.org_title_person"
predicate = "works_for"
confidence = 0.5
example = "X"
expect = ["a", "works_for", "c"]
pattern = [{role = "subject", ent = "PERSON"}, {role = "object", ent = "ORG", BOGUS = 1}]
""",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as info:
        load_rules(tmp_path)
    message = str(info.value)
    assert "titles.tsv:1: unknown predicate 'spokesman_of'; known: president_of" in message
    assert "titles.tsv:2: expected 2-3 tab-separated columns" in message
    assert "bad.toml:3 rule 'my.rule': unknown predicate 'boss_of'" in message
    assert "confidence must be a number in (0, 1]" in message
    assert "unknown ent ['PEOPLE']" in message
    assert "no token has role 'object'" in message
    assert "duplicate id, first defined at" in message


def test_rules_invalid_spacy_pattern_is_reported(tmp_path: Path):
    (tmp_path / "p.toml").write_text(
        """
[[rule]]
id = "x.y"
predicate = "works_for"
confidence = 0.5
example = "X"
expect = ["a", "works_for", "c"]
pattern = [{role = "subject", ent = "PERSON", OP = "~"}, {role = "object", ent = "ORG"}]
""",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"p.toml:3 rule 'x.y': invalid spaCy pattern"):
        load_rules(tmp_path)


@pytest.mark.model
def test_rules_every_example_gives_its_expected_triple():
    from kg.extract.rule_examples import check_examples

    assert check_examples() == []


_ONE_RULE = """
[[rule]]
id = "x.y"
predicate = "works_for"
confidence = 0.5
example = "X"
expect = ["a", "works_for", "c"]
pattern = [{TOKENS}]
"""


def _rule_file(tmp_path: Path, tokens: str) -> Path:
    (tmp_path / "r.toml").write_text(_ONE_RULE.replace("{TOKENS}", tokens), encoding="utf-8")
    return tmp_path


def test_rules_shorthands_compile_to_native_token_attributes(tmp_path: Path):
    folder = _rule_file(
        tmp_path,
        '{role = "subject", ent = "PERSON"}, {mod = true, OP = "?"},'
        ' {title = true}, {title = false, ent = ["NONE", "NORP"]},'
        ' {role = "object", ent = "PLACE", geo = ["country", "region"], title = false},'
        " {orgword = true}",
    )
    ruleset = load_rules(folder)
    rule = next(r for r in ruleset.rules if r.id == "x.y")
    pattern = spacy_pattern(rule, modifiers=ruleset.modifiers, org_words={"inc", "bank"})
    assert pattern[0] == {"ENT_ID": "PERSON"}
    assert pattern[1]["LOWER"]["IN"] == sorted(ruleset.modifiers)
    assert "former" in pattern[1]["LOWER"]["IN"]
    assert pattern[2] == {"ENT_KB_ID": "title"}
    assert pattern[3] == {"ENT_KB_ID": {"NOT_IN": ["title"]}, "ENT_ID": {"IN": ["", "NORP"]}}
    assert pattern[4] == {"ENT_ID": "PLACE", "ENT_KB_ID": {"IN": ["country", "region"]}}
    assert pattern[5] == {"LOWER": {"IN": ["bank", "bank.", "inc", "inc."]}}


@pytest.mark.parametrize(
    ("tokens", "problem"),
    [
        ('{role = "subject", ENT_ID = "PERSON"}', "ENT_ID is reserved for kg's shorthands"),
        ('{role = "subject", mod = true, LOWER = "ex"}', "'mod' tests the lower-case word"),
        ('{role = "subject", geo = "country", title = true}', "a place ('geo') is never part"),
        ('{role = "subject", mod = true, orgword = true}', "at most one of 'mod' and 'orgword'"),
    ],
)
def test_rules_shorthands_that_cannot_compile_are_reported(tmp_path: Path, tokens, problem):
    folder = _rule_file(tmp_path, tokens + ', {role = "object", ent = "ORG"}')
    with pytest.raises(RuleError, match=re.escape(problem)):
        load_rules(folder)

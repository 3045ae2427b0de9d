"""The mention passes (kg/extract/mentions): their order, their data, one pass at a time."""

from __future__ import annotations

import re
import shutil

import pytest

from kg.errors import RuleError
from kg.extract.gazetteer import load_gazetteer
from kg.extract.mentions import CLEAN, PASSES, RECALL, RETYPE, find_mentions
from kg.resources import schemas_dir


def spans(mentions):
    return [(m.text, m.label) for m in mentions]


def test_passes_are_clean_then_recall_then_retype():
    assert (*CLEAN, *RECALL, *RETYPE) == PASSES
    assert len(set(PASSES)) == len(PASSES)


def test_each_pass_returns_new_mentions_and_leaves_its_input_alone(component, make_doc):
    doc = make_doc("Mr Livingstone met the US firm Vonage .", ents=[])
    mentions: list = []
    for step in PASSES:
        before = list(mentions)
        out = step(doc, mentions, _context(component))
        assert mentions == before and out is not mentions
        mentions = out
    assert spans(mentions) == [
        ("Livingstone", "Person"),
        ("US", "Place"),
        ("Vonage", "Organization"),
    ]


def _context(component):
    from kg.extract.mentions import Context

    return Context(component.gazetteer)


def test_recall_passes_find_what_ner_missed_and_can_be_left_out(component, make_doc):
    doc = make_doc("Analysts at US firm Vonage spoke to Mr Livingstone .", ents=[])
    gaz = component.gazetteer
    assert ("Vonage", "Organization") in spans(find_mentions(doc, gaz))
    assert ("Livingstone", "Person") in spans(find_mentions(doc, gaz))
    assert find_mentions(doc, gaz, (*CLEAN, *RETYPE)) == []


def test_retype_passes_fix_classes_from_the_text(component, make_doc):
    # A name ending in an organization word; a name after a word for a person's job.
    doc = make_doc(
        "Leeds United signed striker Arjen Robben .",
        ents=[(0, 2, "PERSON"), (4, 6, "ORG")],
    )
    gaz = component.gazetteer
    assert spans(find_mentions(doc, gaz, CLEAN)) == [
        ("Leeds United", "Person"),
        ("Arjen Robben", "Organization"),
    ]
    assert spans(find_mentions(doc, gaz)) == [
        ("Leeds United", "Organization"),
        ("Arjen Robben", "Person"),
    ]


def test_word_lists_are_data_and_a_missing_list_is_named(tmp_path):
    folder = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), folder)
    words = folder / "mention_words.toml"
    text = words.read_text(encoding="utf-8")
    words.write_text(re.sub(r'"striker",\s*', "", text), encoding="utf-8")
    assert "striker" not in load_gazetteer(folder).words["person_nouns"]
    assert "striker" in load_gazetteer().words["person_nouns"]
    words.write_text(text.replace("peerages =", "peerage ="), encoding="utf-8")
    with pytest.raises(RuleError, match=r"mention_words.toml: missing list 'peerages'") as err:
        load_gazetteer(folder)
    assert "unknown list 'peerage'" in str(err.value)

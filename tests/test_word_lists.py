"""The English word lists of the relation builder and the sentence splitter are data in
``schemas/`` (relation_words.toml, sentence_words.toml): edited there, they change what kg
finds; a broken file is named with the list at fault."""

from __future__ import annotations

import re
import shutil

import pytest
import spacy

from kg.errors import RuleError
from kg.extract.gazetteer import load_gazetteer, load_sentence_words
from kg.extract.pipeline import ExtractComponent, LineBreaks
from kg.resources import schemas_dir
from tests.test_extract_relations import triples


@pytest.fixture
def schemas_copy(tmp_path):
    folder = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), folder)
    return folder


def test_a_relation_word_list_edited_in_schemas_changes_extraction(
    schemas_copy, monkeypatch, component, make_doc
):
    text = "Republican Senate candidate Roy Moore spoke ."
    ents = [(0, 1, "NORP"), (1, 2, "ORG"), (3, 5, "PERSON")]
    assert ("Roy Moore", "member_of", "Senate") not in triples(component, make_doc(text, ents=ents))
    words = schemas_copy / "relation_words.toml"
    words.write_text(re.sub(r'"candidate",\s*', "", words.read_text(encoding="utf-8")))
    monkeypatch.setenv("KG_SCHEMAS", str(schemas_copy))
    edited = ExtractComponent(spacy.blank("en"), [])
    assert "candidate" not in edited.gazetteer.relation_words["candidacy"]
    assert edited.gazetteer.fingerprint != component.gazetteer.fingerprint
    assert ("Roy Moore", "member_of", "Senate") in triples(edited, make_doc(text, ents=ents))


def test_a_missing_relation_word_list_is_named(schemas_copy):
    words = schemas_copy / "relation_words.toml"
    words.write_text(words.read_text(encoding="utf-8").replace("body_nouns =", "body_noun ="))
    with pytest.raises(RuleError, match=r"relation_words.toml: missing list 'body_nouns'") as err:
        load_gazetteer(schemas_copy)
    assert "unknown list 'body_noun'" in str(err.value)


def test_sentence_words_are_data(schemas_copy, blank):
    text = "Republican U.S. Senator Bob Corker spoke ."
    assert not LineBreaks(load_sentence_words())(blank.make_doc(text))[2].is_sent_start
    words = schemas_copy / "sentence_words.toml"
    words.write_text(re.sub(r'"senator",\s*', "", words.read_text(encoding="utf-8")))
    edited = load_sentence_words(schemas_copy)
    assert "senator" not in edited["office_words"] and "U.S." in edited["initials"]
    assert LineBreaks(edited)(blank.make_doc(text))[2].is_sent_start is None
    assert load_sentence_words(schemas_copy) is edited  # read once per folder


def test_nicknames_are_read_once_at_load_and_a_broken_entry_is_named(schemas_copy):
    assert load_gazetteer().nicknames["dave"] == "david"
    words = schemas_copy / "mention_words.toml"
    text = words.read_text(encoding="utf-8")
    words.write_text(text.replace('"dave:david", "bill:william"', '"dave", "bill:"'))
    with pytest.raises(RuleError, match=r"mention_words.toml: nicknames entry 'bill:'") as err:
        load_gazetteer(schemas_copy)
    assert "nicknames entry 'dave' must be 'short:full'" in str(err.value)

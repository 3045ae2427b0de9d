"""A plural title before a list of names holds for each name (hand-built Docs, no model)."""

from __future__ import annotations

import pytest

from tests import docs


def facts(component, doc):
    return docs.facts(component, doc, status=None)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Senators John McCain , Lindsey Graham and Jeff Flake wrote to the White House .",
            [(1, 3, "PERSON"), (4, 6, "PERSON"), (7, 9, "PERSON"), (12, 14, "ORG")],
        ),
        (
            "In Washington , Senators John McCain and Lindsey Graham , and Jeff Flake spoke .",
            [(1, 2, "GPE"), (4, 6, "PERSON"), (7, 9, "PERSON"), (11, 13, "PERSON")],
        ),
    ],
)
def test_plural_title_before_a_list_of_names_gives_each(component, make_doc, text, ents):
    found = facts(component, make_doc(**docs.naming(text, ents, "Senate")))
    for name in ("John McCain", "Lindsey Graham", "Jeff Flake"):
        assert (name, "member_of", "Senate") in found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Analysts Ann Ruiz and Tom Hale of Acme Bank .",
            [(1, 3, "PERSON"), (4, 6, "PERSON"), (7, 9, "ORG")],
        ),
        (
            "Economists Ann Ruiz , Jo Bloggs and Tom Hale at Acme Bank .",
            [(1, 3, "PERSON"), (4, 6, "PERSON"), (7, 9, "PERSON"), (10, 12, "ORG")],
        ),
    ],
)
def test_names_of_one_organization_after_a_plural_title(component, make_doc, text, ents):
    found = facts(component, make_doc(text, ents=ents))
    assert ("Ann Ruiz", "works_for", "Acme Bank") in found
    assert ("Tom Hale", "works_for", "Acme Bank") in found


def test_a_singular_title_holds_for_the_first_name_only(component, make_doc):
    doc = make_doc(
        **docs.naming(
            "In Washington , Senator John McCain and Lindsey Graham spoke .",
            [(1, 2, "GPE"), (4, 6, "PERSON"), (7, 9, "PERSON")],
            "Senate",
        )
    )
    found = facts(component, doc)
    assert ("John McCain", "member_of", "Senate") in found
    assert ("Lindsey Graham", "member_of", "Senate") not in found

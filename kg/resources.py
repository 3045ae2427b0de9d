"""Where kg finds its data files: the ontology, the shapes, the rules and the queries."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["schemas_dir"]


def schemas_dir() -> Path:
    """The ``schemas/`` folder.

    ``KG_SCHEMAS`` if set; else ``schemas/`` beside the package (a source checkout or an
    editable install); else the copy a wheel installs inside the package (``kg/_schemas``).
    """
    env = os.environ.get("KG_SCHEMAS")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent
    checkout = package.parent / "schemas"
    if (checkout / "ontology.ttl").is_file():
        return checkout
    return package / "_schemas"

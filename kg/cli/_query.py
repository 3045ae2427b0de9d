"""Commands: placeholder until implemented."""

from __future__ import annotations

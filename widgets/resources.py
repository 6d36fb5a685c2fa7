"""The one door to bundled resource files (styles, region outlines, icons)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

THEMES = ("dark", "light")


def read_text(*parts: str) -> str:
    """Text of ``resources/<parts…>`` from the installed package (works frozen too)."""
    node = resources.files("resources")
    for p in parts:
        node = node.joinpath(p)
    return node.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def region_outlines() -> dict[str, Any]:
    """The generalised outlines of the 25 safety regions (lon/lat rings)."""
    return dict(json.loads(read_text("map", "regions.json")))


def stylesheet(theme: str) -> str:
    """The QSS of a theme ('dark' or 'light')."""
    if theme not in THEMES:
        raise ValueError(f"onbekend thema '{theme}'")
    return read_text("styles", f"{theme}.qss")

"""The map of the 25 safety regions for a printed report: polygons in page units, coloured by
each region's worst state, as SVG (HTML) or as plain polygons (the PDF painter in desktop/).

Outlines are the lon/lat rings of ``resources/map/regions.json``, the same the Overzicht draws;
x is scaled by cos(52°) as there, so the country keeps its shape without a projection library.
Colours are for paper: light fills, dark lines, and a pattern-free legend in words.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from data.domain.regions import REGION_BY_CODE

KX = math.cos(math.radians(52.0))
#: fill per level on paper (none, ok, warn, alert)
FILL = {"": "#f2f2f2", "ok": "#dcefdc", "warn": "#ffd98a", "alert": "#f08a80"}
LINE = "#333333"
LEGEND = (("alert", "actief incident of verbinding uitgevallen"),
          ("warn", "gemeld/beheerst incident of verbinding verstoord"),
          ("", "niets te melden"))


@dataclass(frozen=True)
class Shape:
    """One region: its code, short name, rings in page units and where its label goes."""

    code: str
    short: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    label_at: tuple[float, float]


@lru_cache(maxsize=4)
def shapes(width: float = 400.0) -> tuple[tuple[Shape, ...], float]:
    """The regions scaled to ``width`` page units, and the height that takes."""
    doc: dict[str, Any] = json.loads(
        resources.files("resources").joinpath("map", "regions.json").read_text("utf-8"))
    pts = [(lon * KX, -lat) for reg in doc["regions"] for ring in reg["rings"]
           for lon, lat in ring]
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    k = width / (x1 - x0)
    out = []
    for reg in doc["regions"]:
        rings = tuple(tuple(((lon * KX - x0) * k, (-lat - y0) * k) for lon, lat in ring)
                      for ring in reg["rings"])
        big = max(rings, key=len)
        cx = (min(p[0] for p in big) + max(p[0] for p in big)) / 2
        cy = (min(p[1] for p in big) + max(p[1] for p in big)) / 2
        r = REGION_BY_CODE.get(reg["code"])
        out.append(Shape(reg["code"], r.short if r else reg["code"], rings, (cx, cy)))
    return tuple(out), (y1 - y0) * k


def svg(levels: dict[str, str], width: float = 400.0, selected: tuple[str, ...] = ()) -> str:
    """The map as an inline SVG element; ``selected`` regions get a heavier outline."""
    regs, height = shapes(width)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
           f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
           'aria-label="kaart van de veiligheidsregio\'s">']
    for s in regs:
        d = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + " Z"
                     for ring in s.rings)
        w = 2.2 if s.code in selected else 0.6
        out.append(f'<path d="{d}" fill="{FILL.get(levels.get(s.code, ""), FILL[""])}" '
                   f'stroke="{LINE}" stroke-width="{w}"/>')
    for s in regs:
        x, y = s.label_at
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="8" text-anchor="middle" '
                   f'font-family="sans-serif">{s.short}</text>')
    out.append("</svg>")
    return "".join(out)

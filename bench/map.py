"""Map benchmark: the region map with 5,000 places (not part of `make test`).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/map.py [--places 5000]

Measures, in CPU time of this process (``time.process_time``) and as a ratio to a yardstick
measured in the same run (a fixed 2M-step Python loop), on a 1366×768 map panel:
- drawing the places (``set_places``: markers, effect areas, legend), all of them, then after
  one place changed, then the same list again;
- a full repaint of the map, fitted (the whole country) and zoomed in 8×;
- one zoom step (wheel/button) with its repaint; one layer switch with its repaint;
- a filter that leaves a tenth of the places in sight, and taking it off (with repaints);
- hit-testing a click (which place is under the pointer);
- the Qt-free places rule over 5,000 states (all, and narrowed to one region).
A ratio of 1.0 means "as long as the yardstick"; on a typical machine the yardstick is
about 0.1 s, so a ratio below 0.5 is well under a frame budget of 50 ms for the interactive
steps.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def yardstick() -> float:
    """A fixed piece of pure-Python work (CPU seconds): figures are read as ratios to it."""
    t = time.process_time()
    sum(i * i for i in range(2_000_000))
    return time.process_time() - t


def make_places(n: int, seed: int = 1) -> list:
    from data.domain.regions import REGIONS
    from data.picture.places import Place

    rnd = random.Random(seed)
    codes = [r.code for r in REGIONS]
    kinds = ("incident", "nsp", "nsp", "nsp", "meldplaats")
    status = {"incident": ("gemeld", "actief", "beheerst"),
              "nsp": ("operationeel", "beperkt", "vol", "gepland", "onveilig"),
              "meldplaats": ("ingediend",)}
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        lat, lon = rnd.uniform(51.3, 53.2), rnd.uniform(4.2, 6.9)
        radius = rnd.choice((0, 0, 500, 2000)) if kind == "incident" else 0
        out.append(Place(f"p{i}", kind, rnd.choice(status[kind]), f"plaats {i}", lat, lon,
                         (rnd.choice(codes),), radius))
    return out


def cpu(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--places", type=int, default=5000)
    a = ap.parse_args()
    yard0 = yardstick()
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from widgets.map_panel import MapPanel

    app = QApplication.instance() or QApplication([])
    panel = MapPanel()
    panel.resize(1366, 768)
    panel.show()
    app.processEvents()
    m = panel.view
    places = make_places(a.places)
    few = make_places(250)

    def repaint() -> None:
        m.viewport().grab()

    cpu(repaint)  # warm up fonts and caches
    results: list[tuple[str, float]] = []
    from data.picture.places import places_of

    states = [{"id": p.id, "title": p.label, "status": p.status, "regions": list(p.regions),
               "point": {"lat": p.lat, "lon": p.lon}} for p in places]
    results.append((f"places rule over {a.places} incidents", cpu(lambda: places_of(
        states, [], []))))
    results.append((f"places rule, one region ({a.places})", cpu(lambda: places_of(
        states, [], [], "VR06"))))
    results.append(("set_places (250 places)", cpu(lambda: m.set_places(few))))
    results.append((f"set_places ({a.places} places)", cpu(lambda: m.set_places(places))))
    one = list(places)
    one[7] = replace(one[7], status="onveilig" if one[7].status != "onveilig" else "vol")
    results.append(("set_places, one place changed", cpu(lambda: m.set_places(one))))
    results.append(("set_places, same list again", cpu(lambda: m.set_places(list(one)))))
    results.append(("repaint, whole country", min(cpu(repaint) for _ in range(3))))
    if hasattr(m, "show_only"):  # a filter: a tenth of the places in sight, then all again
        tenth = one[::10]
        results.append(("filter to a tenth (show_only) + repaint",
                        cpu(lambda: (m.show_only(tenth), repaint()))))
        results.append(("filter off (show_only) + repaint",
                        cpu(lambda: (m.show_only(None), repaint()))))
    m.zoom_by(8.0)
    results.append(("repaint, zoomed 8×", min(cpu(repaint) for _ in range(3))))
    results.append(("zoom step + repaint", cpu(lambda: (m.zoom_in(), repaint()))))
    results.append(("layer switch (nsp off) + repaint",
                    cpu(lambda: (panel.layer_boxes["nsp"].setChecked(False), repaint()))))
    centre = m.viewport().rect().center()
    results.append(("hit test, 100 clicks", cpu(lambda: [m.place_at(centre + QPoint(i % 10, 0))
                                                          for i in range(100)])))
    yard = (yard0 + yardstick()) / 2
    print(f"yardstick (2M-step Python loop): {yard * 1000:.0f} ms CPU")
    print("| measure                                  |  CPU ms | × yardstick |")
    print("|------------------------------------------|---------|-------------|")
    for name, s in results:
        print(f"| {name:<40} | {s * 1000:7.1f} | {s / yard:11.2f} |")
    panel.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

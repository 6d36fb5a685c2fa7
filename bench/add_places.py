"""Add incidents with a map point to a (copy of a) store, for the map and UI benches.

    .venv/bin/python bench/add_places.py --db /tmp/ui1m.db --places 5000

Issue 13's budgets hold for 1M events *with the map showing 5,000 places*. This adds that many
incidents through the store's command API (as the demo does), each with a point inside its own
safety region (spread over the whole of the Netherlands), about one in four with an effect
radius and three in five made active. Only an exercise store (OEF-…) is touched. The same seed
gives the same places.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOWNS = ("Apeldoorn", "Deventer", "Zwolle", "Arnhem", "Nijmegen", "Utrecht", "Amersfoort",
         "Leeuwarden", "Groningen", "Assen", "Emmen", "Enschede", "Hengelo", "Tiel", "Breda",
         "Tilburg", "Eindhoven", "Venlo", "Maastricht", "Middelburg", "Dordrecht", "Rotterdam",
         "Den Haag", "Leiden", "Haarlem", "Alkmaar", "Hoorn", "Lelystad", "Almere", "Gouda")
KINDS = ("brand", "wateroverlast", "stroomuitval", "verkeersongeval", "gevaarlijke stoffen",
         "uitval nutsvoorziening")


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Ray casting: is (lon, lat) inside the ring?"""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def points_in_regions(n: int, seed: int = 1) -> list[tuple[str, float, float]]:
    """``n`` (region code, lat, lon), each point inside its region's outline."""
    root = Path(__file__).resolve().parents[1]
    regions = json.loads((root / "resources" / "map" / "regions.json").read_text("utf-8"))
    rnd = random.Random(seed)
    out = []
    while len(out) < n:
        r = rnd.choice(regions["regions"])
        ring = max(r["rings"], key=len)
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        for _ in range(200):
            lon, lat = rnd.uniform(min(lons), max(lons)), rnd.uniform(min(lats), max(lats))
            if _inside(lon, lat, ring):
                out.append((r["code"], round(lat, 6), round(lon, 6)))
                break
    return out


def add_places(db: str, n: int, seed: int = 1) -> int:
    """Add ``n`` incidents with a point to the store at ``db``; returns the events added."""
    from data.demo import person_of
    from data.store import Command, Store

    st = Store.open(db)
    try:
        if not st.world.startswith("OEF-"):
            raise SystemExit(f"{db}: geen oefenstore ({st.world})")
        rnd = random.Random(f"places:{seed}")
        start = st.event_count()
        pts = points_in_regions(n, seed)
        for first in range(0, n, 1000):
            with st.transaction():
                for i, (code, lat, lon) in enumerate(pts[first:first + 1000], start=first):
                    town = rnd.choice(TOWNS)
                    kind = rnd.choice(KINDS)
                    payload = {"title": f"{kind.capitalize()} {town} #{i}", "kind": kind,
                               "regions": [code], "location": f"{town}, melding {i}",
                               "point": {"lat": lat, "lon": lon}}
                    if rnd.random() < 0.25:
                        payload["effect_radius_m"] = rnd.choice((200, 500, 1000, 2500))
                    ch = st.execute(Command("incident.reported", payload), person_of("IM KCR2"))
                    eid = next(iter(ch.entities))
                    if rnd.random() < 0.6:
                        st.execute(Command("incident.status_changed", {"to": "actief"},
                                           entity=eid), person_of("OL KCR2"))
        return st.event_count() - start
    finally:
        st.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, help="the store to add to (a copy: it is changed)")
    ap.add_argument("--places", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    t = time.perf_counter()
    added = add_places(a.db, a.places, a.seed)
    print(f"{a.places} places ({added} events) added in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Derive resources/map/regions.json from the CBS safety-region GeoJSON.

Usage: python tools/make_region_resource.py ../shared/data/veiligheidsregio_2025.geojson

The output keeps, per region, its code, name and outer rings (lon/lat, 3 decimals), plus the
attribution the CC BY 4.0 licence asks for. It is committed so that the application and the
PyInstaller build need no network and no file outside the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(src: str) -> None:
    doc = json.loads(Path(src).read_text(encoding="utf-8"))
    out = {
        "attribution": "Grenzen veiligheidsregio's 2025: CBS gebiedsindelingen (gegeneraliseerd), "
        "via cartomap/nl, licentie CC BY 4.0",
        "regions": [],
    }
    for f in doc["features"]:
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = [[[round(x, 3), round(y, 3)] for x, y in poly[0]] for poly in polys]
        out["regions"].append(
            {"code": f["properties"]["statcode"], "name": f["properties"]["statnaam"],
             "rings": rings}
        )
    out["regions"].sort(key=lambda r: r["code"])
    dest = Path(__file__).resolve().parent.parent / "resources" / "map" / "regions.json"
    dest.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{dest}: {len(out['regions'])} regio's")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/veiligheidsregio_2025.geojson")

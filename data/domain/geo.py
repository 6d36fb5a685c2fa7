"""Places on the map: points in WGS84 (lat/lon), Rijksdriehoek (RD) coordinates and their
conversion, and the checks the event fields use.

RD ↔ WGS84 uses the published polynomial approximation (Schreutelkamp & Strang van Hees,
"Benaderingsformules voor de transformatie tussen RD- en WGS84-kaartcoördinaten", 2001): some
twenty terms, accurate to about a metre inside the Netherlands, with no library, no grid file
and nothing to download — which is what an offline crisis centre needs for a map marker. A
place is stored as WGS84 (``{"lat": 51.4988, "lon": 3.6109}``, six decimals, ~0.1 m).

The check accepts the European Netherlands (the 25 safety regions and the coastal waters); the
Caribbean parts have no safety region in Crisisbeeld.
"""

from __future__ import annotations

import math
import re
from typing import Any

from data.domain.validation import Field, ValidationError
from data.i18n import N_, _

# ---------------------------------------------------------------- RD ↔ WGS84 (polynomials)
X0, Y0 = 155000.0, 463000.0          # Amersfoort, the origin of RD
PHI0, LAM0 = 52.15517440, 5.38720621  # the same point in WGS84 degrees

#: RD -> latitude: (p, q, K) with dX^p · dY^q, in arc seconds
_K = ((0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978),
      (0, 3, -0.06550), (2, 2, -0.01709), (1, 0, -0.00738), (4, 0, 0.00530),
      (2, 3, -0.00039), (4, 1, 0.00033), (1, 1, -0.00012))
#: RD -> longitude
_L = ((1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885),
      (1, 3, 0.05594), (3, 1, -0.05607), (0, 1, 0.01199), (3, 2, -0.00256),
      (1, 4, 0.00128), (0, 2, 0.00022), (2, 0, -0.00022), (5, 0, 0.00026))
#: WGS84 -> RD x: (p, q, R) with dphi^p · dlam^q, in metres
_R = ((0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391),
      (1, 0, -0.705), (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148))
#: WGS84 -> RD y
_S = ((1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984),
      (3, 0, 59.788), (0, 1, 0.433), (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092),
      (1, 4, -0.054))


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """RD (x, y) in metres -> (lat, lon) in WGS84 degrees."""
    dx, dy = (x - X0) * 1e-5, (y - Y0) * 1e-5
    lat = PHI0 + sum(k * dx ** p * dy ** q for p, q, k in _K) / 3600.0
    lon = LAM0 + sum(k * dx ** p * dy ** q for p, q, k in _L) / 3600.0
    return lat, lon


def wgs84_to_rd(lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon) in WGS84 degrees -> RD (x, y) in metres."""
    dphi, dlam = 0.36 * (lat - PHI0), 0.36 * (lon - LAM0)
    x = X0 + sum(r * dphi ** p * dlam ** q for p, q, r in _R)
    y = Y0 + sum(s * dphi ** p * dlam ** q for p, q, s in _S)
    return x, y


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6_371_000.0 * math.asin(math.sqrt(h))


# ---------------------------------------------------------------- the Netherlands
#: the European Netherlands with its coastal waters (lat, lon)
LAT_MIN, LAT_MAX = 50.70, 53.70
LON_MIN, LON_MAX = 3.20, 7.30
#: RD's own range (Bessel grid over the country)
RD_X = (-7000.0, 300000.0)
RD_Y = (289000.0, 629000.0)
MAX_RADIUS_M = 100_000
MAX_POLYGON = 500


def in_netherlands(lat: float, lon: float) -> bool:
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


_NUM = r"-?\d+(?:[.,]\d+)?"
_RD_TEXT = re.compile(rf"\s*(?:rd\s*:?\s*)?x\s*[:=]?\s*({_NUM})\s*[,;]?\s*y\s*[:=]?\s*({_NUM})\s*",
                      re.IGNORECASE)
_PAIR = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*[,; ]\s*(-?\d+(?:\.\d+)?)\s*")
_FORMS = N_("gebruik bv. ‘51.4988, 3.6109’ (WGS84) of ‘x 31000 y 392000’ (RD)")


def _num(s: str) -> float:
    return float(s.replace(",", "."))


def parse_point(text: str) -> tuple[float, float]:
    """A typed coordinate -> (lat, lon). Takes WGS84 ('51.4988, 3.6109', 'N 51.4988 E 3.6109')
    or RD ('x 31000 y 392000', or two plain numbers larger than 1000, '31000 392000').
    Raises ValidationError (Dutch) when it is neither or lies outside the Netherlands."""
    s = text.strip()
    m = _RD_TEXT.fullmatch(s)
    if m:
        return _from_rd(_num(m.group(1)), _num(m.group(2)))
    bare = re.sub(r"(?i)\b[NE]\b|°", " ", s)
    m = _PAIR.fullmatch(bare)
    if not m:
        raise ValidationError(_("geen coördinaat herkend; {forms}").format(forms=_(_FORMS)))
    a, b = float(m.group(1)), float(m.group(2))
    if abs(a) > 1000 and abs(b) > 1000:  # metres, not degrees: RD
        return _from_rd(a, b)
    return _checked(a, b)


def _from_rd(x: float, y: float) -> tuple[float, float]:
    if not (RD_X[0] <= x <= RD_X[1] and RD_Y[0] <= y <= RD_Y[1]):
        raise ValidationError(_("RD-coördinaat x {x:.0f} y {y:.0f} ligt buiten Nederland "
                                "(x tussen 0 en 300000, y tussen 289000 en 629000)").format(
                                    x=x, y=y))
    lat, lon = rd_to_wgs84(x, y)
    return _checked(lat, lon)


def _checked(lat: float, lon: float) -> tuple[float, float]:
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValidationError(_("geen coördinaat herkend; {forms}").format(forms=_(_FORMS)))
    if not in_netherlands(lat, lon):
        hint = (_(" (breedte en lengte omgewisseld?)") if in_netherlands(lon, lat) else "")
        raise ValidationError(_("{lat:.4f}, {lon:.4f} ligt buiten Nederland{hint}").format(
            lat=lat, lon=lon, hint=hint))
    return round(lat, 6), round(lon, 6)


def format_wgs84(lat: float, lon: float) -> str:
    return f"{lat:.5f}, {lon:.5f}"


def format_rd(lat: float, lon: float) -> str:
    x, y = wgs84_to_rd(lat, lon)
    return f"x {x:.0f} y {y:.0f}"


def describe(pt: Any) -> str:
    """A stored point for a reader: '51.49880, 3.61090 (RD x 31665 y 391478)'; '' if none."""
    if not isinstance(pt, dict) or "lat" not in pt or "lon" not in pt:
        return ""
    lat, lon = float(pt["lat"]), float(pt["lon"])
    return f"{format_wgs84(lat, lon)} (RD {format_rd(lat, lon)})"


def describe_area(state: dict[str, Any]) -> str:
    """An incident's effect area in words ('straal 500 m', '6 hoekpunten'); '' if none."""
    if state.get("effect_polygon"):
        return _("{n} hoekpunten").format(n=len(state["effect_polygon"]))
    if state.get("effect_radius_m"):
        return _("straal {m} m").format(m=state["effect_radius_m"])
    return ""


# ---------------------------------------------------------------- checks for event fields
def point(v: Any, f: Field) -> dict[str, float]:
    """A place: ``{"lat": .., "lon": ..}``, a [lat, lon] pair or a typed text (WGS84 or RD)."""
    if isinstance(v, str):
        lat, lon = parse_point(v)
    elif isinstance(v, dict) and set(v) == {"lat", "lon"}:
        lat, lon = _pair(v["lat"], v["lon"])
    elif isinstance(v, (list, tuple)) and len(v) == 2:
        lat, lon = _pair(v[0], v[1])
    else:
        raise ValidationError(_("geen coördinaat herkend; {forms}").format(forms=_(_FORMS)))
    return {"lat": lat, "lon": lon}


def _pair(a: Any, b: Any) -> tuple[float, float]:
    if isinstance(a, bool) or isinstance(b, bool) or not (
            isinstance(a, (int, float)) and isinstance(b, (int, float))):
        raise ValidationError(_("geen coördinaat herkend; {forms}").format(forms=_(_FORMS)))
    return _checked(float(a), float(b))


def polygon(v: Any, f: Field) -> list[list[float]]:
    """An area: at least three points ([[lat, lon], …] or 'lat, lon; lat, lon; …'), each inside
    the Netherlands; stored as [[lat, lon], …]."""
    if isinstance(v, str):
        v = [p for p in (s.strip() for s in v.split(";")) if p]
    if not isinstance(v, (list, tuple)):
        raise ValidationError(_("geef de hoekpunten van het gebied, bv. "
                                "‘51.50, 3.60; 51.51, 3.62; 51.49, 3.63’"))
    pts = []
    for i, item in enumerate(v, start=1):
        try:
            p = point(item, f)
        except ValidationError as e:
            raise ValidationError(_("hoekpunt {n}: {msg}").format(n=i, msg=e.errors[0][1])) \
                from None
        pts.append([p["lat"], p["lon"]])
    if len(pts) < 3:
        raise ValidationError(_("een gebied heeft minstens drie hoekpunten"))
    if len(pts) > MAX_POLYGON:
        raise ValidationError(_("een gebied heeft hoogstens {n} hoekpunten").format(
            n=MAX_POLYGON))
    return pts


def radius(v: Any, f: Field) -> int:
    """An effect radius in whole metres; 0 takes the effect area away."""
    if isinstance(v, str) and re.fullmatch(r"\s*\d+\s*(m)?\s*", v):
        v = int(v.strip().rstrip("m"))
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValidationError(_("geef de straal in hele meters (bv. 500)"))
    if v < 0 or v > MAX_RADIUS_M:
        raise ValidationError(_("de straal ligt tussen 0 en {n} meter (0: geen effectgebied)")
                              .format(n=MAX_RADIUS_M))
    return v

"""The places of the picture on the map: incidents (with their effect area), noodsteunpunten and
bijstand meldplaatsen, each with kind, status, label and geometry — narrowed by the region
filter like every other view — and the legend that explains their colours and symbols.

Qt-free: the map (``widgets/region_map.py``) draws what :func:`places` returns, coloured by the
tone :func:`tone` gives, and lists :func:`legend` beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from data.domain.enums import label as status_label
from data.i18n import N_, _
from data.picture.filtering import BijstandHay, matches_text
from data.picture.overview import PictureState

#: the kinds of place, in drawing order (the last on top)
KINDS = ("incident", "nsp", "meldplaats")
KIND_LABEL = {"incident": N_("Incident"), "nsp": N_("Noodsteunpunt"),
              "meldplaats": N_("Meldplaats bijstand")}
#: the map's layers: the three kinds and the incidents' effect areas (the map names them)
LAYERS = ("incident", "effect", "nsp", "meldplaats")

#: status -> tone, per kind: how worried the colour makes you
_TONES = {
    "incident": {"actief": "alert", "gemeld": "warn", "beheerst": "warn", "afgeschaald": "ok"},
    "nsp": {"operationeel": "ok", "in_opbouw": "warn", "beperkt": "warn", "vol": "warn",
            "onveilig": "alert", "gepland": "idle", "gesloten": "idle"},
}
#: the tones in legend order; a meldplaats and an effect area have one colour of their own
TONES = ("alert", "warn", "ok", "idle", "meldplaats", "effect")


@dataclass(frozen=True, slots=True)
class Place:
    """One place on the map. ``polygon`` holds (lat, lon) corners; ``radius_m`` 0 means no
    circle. ``regions`` are the regions the place belongs to (for the region filter)."""

    id: str
    kind: str
    status: str
    label: str
    lat: float
    lon: float
    regions: tuple[str, ...]
    radius_m: int = 0
    polygon: tuple[tuple[float, float], ...] = ()

    @property
    def has_area(self) -> bool:
        return bool(self.radius_m or self.polygon)


def tone(p: Place) -> str:
    """The colour family of a place: alert, warn, ok, idle (or meldplaats)."""
    if p.kind == "meldplaats":
        return "meldplaats"
    return _TONES.get(p.kind, {}).get(p.status, "idle")


def _point(st: Mapping[str, Any], key: str = "point") -> tuple[float, float] | None:
    pt = st.get(key)
    if isinstance(pt, Mapping) and "lat" in pt and "lon" in pt:
        return float(pt["lat"]), float(pt["lon"])
    return None


def _incident(st: Mapping[str, Any]) -> Place | None:
    pt = _point(st)
    if pt is None:
        return None
    poly = tuple((float(a), float(b)) for a, b in st.get("effect_polygon") or ())
    where = f" — {st['location']}" if st.get("location") else ""
    return Place(str(st.get("id")), "incident", str(st.get("status") or ""),
                 f"{st.get('title') or st.get('id')}{where}", pt[0], pt[1],
                 tuple(st.get("regions") or ()), int(st.get("effect_radius_m") or 0), poly)


def _nsp(st: Mapping[str, Any]) -> Place | None:
    pt = _point(st)
    if pt is None:
        return None
    town = f" ({st['municipality']})" if st.get("municipality") else ""
    return Place(str(st.get("id")), "nsp", str(st.get("status") or ""),
                 f"{st.get('name') or st.get('id')}{town}", pt[0], pt[1],
                 (str(st.get("region") or ""),))


def _meldplaats(st: Mapping[str, Any]) -> Place | None:
    pt = _point(st, "meldplaats_point")
    if pt is None:
        return None
    what = st.get("title") or st.get("id")
    name = st.get("meldplaats") or _("meldplaats")
    return Place(str(st.get("id")), "meldplaats", str(st.get("status") or ""),
                 f"{name} — {what}", pt[0], pt[1],
                 (str(st.get("requesting_region") or ""),))


def _keep(p: Place, region: str, needle: str, st: Mapping[str, Any]) -> bool:
    return (not region or region in p.regions) and matches_text(st, needle)


def places_of(incidents: Iterable[Mapping[str, Any]], nsp: Iterable[Mapping[str, Any]],
              meldplaatsen: Iterable[Mapping[str, Any]], region: str = "",
              text: str = "") -> list[Place]:
    """Every place with a coordinate, in drawing order, only those of ``region`` (a code;
    '' for all) whose texts contain ``text``. Incidents, nsps and meldplaatsen without a
    coordinate are left out."""
    needle = text.strip().lower()
    out: list[Place] = []
    for make, states in ((_incident, incidents), (_nsp, nsp), (_meldplaats, meldplaatsen)):
        for st in states:
            p = make(st)
            if p is not None and _keep(p, region, needle, st):
                out.append(p)
    return out


def places(p: PictureState, region: str = "", text: str = "") -> list[Place]:
    """The places of the picture as loaded, narrowed like the lists (see :func:`places_of`)."""
    return places_of(p.incidents, p.nsp, p.meldplaatsen, region, text)


#: the picture's parts that hold places, and how a state of each becomes one
_SOURCES = (("incidents", _incident), ("nsp", _nsp), ("meldplaatsen", _meldplaats))


class PlaceIndex:
    """Every place of the picture, worked out once per load of the parts that hold them, and
    narrowed per filter by looking only (a store may hold thousands of places; every keystroke
    of the search narrows them again). :meth:`narrowed` gives what :func:`places` gives."""

    def __init__(self, hay: BijstandHay | None = None) -> None:
        self.hay = hay or BijstandHay()
        #: per part: (the states as loaded, [(index of the state, its place)])
        self._parts: dict[str, tuple[Sequence[Mapping[str, Any]], list[tuple[int, Place]]]] = {}
        self._all: list[Place] = []

    def update(self, p: PictureState) -> bool:
        """Follow the picture: work out again the places of the parts loaded anew (a part is
        another list then). Whether any part changed."""
        changed = False
        for name, make in _SOURCES:
            states = getattr(p, name)
            held = self._parts.get(name)
            if held is not None and held[0] is states:
                continue
            made = ((i, make(st)) for i, st in enumerate(states))
            self._parts[name] = (states, [(i, pl) for i, pl in made if pl is not None])
            changed = True
        if changed:
            self._all = [pl for name, _m in _SOURCES for _i, pl in self._parts[name][1]]
        return changed

    def all(self) -> list[Place]:
        """Every place, in drawing order."""
        return list(self._all)

    def narrowed(self, region: str = "", text: str = "") -> list[Place]:
        """The places of ``region`` whose states contain ``text`` (as :func:`places_of`)."""
        needle = text.strip().lower()
        if not region and not needle:
            return list(self._all)
        out: list[Place] = []
        for name, _m in _SOURCES:
            states, made = self._parts.get(name, ((), []))
            # (the states that hold the needle: what the search of the picture found, or on
            # from there; the narrowed picture asks the same of the same parts)
            hits = set(self.hay.found(name, states, needle)) if needle else None
            out.extend(pl for i, pl in made if (not region or region in pl.regions)
                       and (hits is None or i in hits))
        return out


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One line of the legend: a symbol (the kind, or 'effect') in a tone, and its words."""

    kind: str
    tone: str
    text: str


def legend(shown: Iterable[Place]) -> list[LegendEntry]:
    """A line for every (symbol, colour) in use, with the statuses it stands for, plus one for
    the effect areas when any is drawn: kinds in :data:`KINDS` order, tones in :data:`TONES`
    order."""
    used: dict[tuple[str, str], list[str]] = {}
    area = False
    for p in shown:
        statuses = used.setdefault((p.kind, tone(p)), [])
        if p.status and p.status not in statuses:
            statuses.append(p.status)
        area = area or (p.kind == "incident" and p.has_area)
    out = []
    for kind in KINDS:
        for t in TONES:
            statuses = used.get((kind, t))
            if statuses is None:
                continue
            words = ", ".join(status_label(s).lower() for s in sorted(statuses))
            text = _(KIND_LABEL[kind])
            if kind != "meldplaats" and words:
                text += f" — {words}"
            out.append(LegendEntry(kind, t, text))
    if area:
        out.append(LegendEntry("effect", "effect", _("Effectgebied van een incident")))
    return out

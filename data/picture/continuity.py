"""The centres themselves, at a chosen now: which teams each region has active (opschaling per
region, not per incident), and whether its crisis organisation can keep going (on its
fall-back location, on a generator, fuel for how long).

The fuel a centre reported is counted down from the report that gave it, so a figure the room
has not refreshed shows what is probably left, not what was true this morning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from data.clock import parse_iso
from data.domain.regions import REGION_BY_CODE
from data.i18n import _
from data.picture.moment import Now, at

#: below this many hours of fuel left a centre is flagged (a threshold chosen here, outside the
#: digest: half a day leaves time to organise a delivery while roads and pumps are dark)
FUEL_WARN_HOURS = 12.0


def fuel_left(centre: Mapping[str, Any], now: Now) -> float | None:
    """Hours of fuel probably left for a centre on a generator (None: not on a generator, or
    no figure given)."""
    hours, since = centre.get("fuel_hours"), centre.get("fuel_at")
    if centre.get("power") != "aggregaat" or hours is None or not since:
        return None
    used = (at(now) - parse_iso(str(since))).total_seconds() / 3600
    return max(0.0, float(hours) - max(0.0, used))


def centre_flags(centre: Mapping[str, Any], now: Now) -> list[str]:
    """What a coordination room must act on about a centre, in words."""
    flags = []
    if centre.get("location") == "uitwijklocatie":
        flags.append(_("op uitwijklocatie"))
    if centre.get("power") == "geen":
        flags.append(_("geen stroom"))
    left = fuel_left(centre, now)
    if left is not None and left <= 0:
        flags.append(_("brandstof op"))
    elif left is not None and left < FUEL_WARN_HOURS:
        flags.append(_("brandstof < {n} u").format(n=int(FUEL_WARN_HOURS)))
    return flags


def centre_name(code: str) -> str:
    """KCR2, or the short name of the region whose centre it is."""
    r = REGION_BY_CODE.get(code)
    return r.short if r else code


def teams_by_region(centres: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Region code -> the teams it has active (regions with none are left out)."""
    out: dict[str, list[str]] = {}
    for c in centres:
        code, teams = str(c.get("centre") or ""), list(c.get("teams") or [])
        if code in REGION_BY_CODE and teams:
            out[code] = teams
    return out

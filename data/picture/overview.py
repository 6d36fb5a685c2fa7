"""The picture at a glance: the figures of the Overzicht tiles and the level of each region.

The inputs are what the screens hold (:class:`PictureState`), as the store's queries return
them; the moment judges which actions are overdue.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, TypedDict

from data.domain.lifecycles import DEPLOYED_BIJSTAND, OPEN_BIJSTAND, REQUESTED_BIJSTAND
from data.picture.deadlines import OPEN_ACTION, is_overdue
from data.picture.decisions import orphaned_actions
from data.picture.moment import Now, at

#: severity of a region on the map, worst last
LEVEL_RANK = {"": 0, "ok": 1, "warn": 2, "alert": 3}
INCIDENT_LEVEL = {"actief": "alert", "gemeld": "warn", "beheerst": "warn"}
COMMS_LEVEL = {"uitgevallen": "alert", "verstoord": "warn", "terugvaloptie_actief": "warn",
               "geen_voorziening": ""}


@dataclass
class PictureState:
    """What the screens show of the store, as last loaded.

    ``bijstand`` maps a request id to its board row (id, status, …); until those rows are in,
    ``bijstand_counts`` (status -> number) stands in for them. ``comms`` rows are
    (region, channel, state, at, note)."""

    incidents: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    nsp: list[dict[str, Any]] = field(default_factory=list)
    bijstand: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    bijstand_counts: dict[str, int] = field(default_factory=dict)
    comms: list[tuple[Any, ...]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    alarms: list[dict[str, Any]] = field(default_factory=list)
    #: bijstand requests with a meldplaats on the map: id, status, requesting_region, title,
    #: meldplaats, meldplaats_point (see data.store.queries.meldplaats_rows)
    meldplaatsen: list[dict[str, Any]] = field(default_factory=list)


class Kpis(TypedDict):
    """The figures of the Overzicht tiles."""

    incidents_active: int
    incidents_gemeld: int
    incidents_beheerst: int
    bijstand_open: int
    #: requests still waiting for (all) their means, and deployments under way, apart
    bijstand_requests: int
    bijstand_deployed: int
    bijstand_by_status: dict[str, int]
    decisions_open: int
    decisions_overdue: int
    #: actions still open under a revoked decision (they must be closed or re-attached)
    actions_orphaned: int
    comms_out_regions: list[str]
    nsp_open: int
    nsp_not_operational: int
    conflicts: int


def open_bijstand_by_status(p: PictureState) -> dict[str, int]:
    """Open requests per status: from the rows, or the cheap counts while those still load."""
    if not p.bijstand:
        return {s: n for s, n in p.bijstand_counts.items() if s in OPEN_BIJSTAND}
    every = Counter(map(itemgetter(1), p.bijstand.values()))  # (counted in C: 60k rows)
    return {s: n for s, n in every.items() if s in OPEN_BIJSTAND}


def kpis(p: PictureState, now: Now) -> Kpis:
    """The figures of the Overzicht at ``now`` (which actions are overdue depends on it).

    Decisions count when not revoked: 'open' when an action of theirs is open, 'overdue' when
    an action of theirs is past its due time."""
    inc = Counter(s.get("status") for s in p.incidents)  # (one pass: thousands per keystroke)
    by_status = open_bijstand_by_status(p)
    moment = at(now)
    open_dec = {a.get("decision_id") for a in p.actions if a.get("status") in OPEN_ACTION}
    late_dec = {a.get("decision_id") for a in p.actions if is_overdue(a, moment)}
    live_dec = {d["id"] for d in p.decisions if d.get("status") != "ingetrokken"}
    return {
        "incidents_active": inc["actief"],
        "incidents_gemeld": inc["gemeld"],
        "incidents_beheerst": inc["beheerst"],
        "bijstand_open": sum(by_status.values()),
        "bijstand_requests": sum(n for s, n in by_status.items() if s in REQUESTED_BIJSTAND),
        "bijstand_deployed": sum(n for s, n in by_status.items() if s in DEPLOYED_BIJSTAND),
        "bijstand_by_status": by_status,
        "decisions_open": len(open_dec & live_dec),
        "decisions_overdue": len(late_dec & live_dec),
        "actions_orphaned": len(orphaned_actions(p.actions, p.decisions)),
        "comms_out_regions": sorted({r for r, _c, s, *_rest in p.comms if s == "uitgevallen"}),
        "nsp_open": sum(1 for s in p.nsp if s.get("status") in ("operationeel", "vol",
                                                                  "beperkt")),
        "nsp_not_operational": sum(1 for s in p.nsp if s.get("status") not in (
            "operationeel", "vol", "gesloten")),
        "conflicts": len(p.conflicts),
    }


def region_levels(p: PictureState) -> dict[str, str]:
    """Worst state per region: active incidents and channel outages are 'alert'; reported or
    controlled incidents and disturbed channels 'warn'; a channel that works 'ok'."""
    lv: dict[str, str] = {}

    def bump(code: str, level: str) -> None:
        if LEVEL_RANK[level] > LEVEL_RANK[lv.get(code, "")]:
            lv[code] = level

    # the incidents' regions per level first (thousands of incidents per keystroke of a
    # search, a handful of levels and regions)
    by_level: dict[str, set[str]] = {}
    for s in p.incidents:
        level = INCIDENT_LEVEL.get(s.get("status", ""), "")
        if level:
            by_level.setdefault(level, set()).update(s.get("regions") or ())
    for level, codes in by_level.items():
        for c in codes:
            bump(c, level)
    for r, _c, s, *_rest in p.comms:
        bump(r, COMMS_LEVEL.get(s, "ok"))
    return lv


def fork_alarms(alarms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The open fork alarms (two events with one origin and seq): red, exchange stopped."""
    return [a for a in alarms if a.get("kind") == "vork"]


def roster_alarms(alarms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The open trust alarms: a centre whose key is not on the roster (refused for good), or a
    roster the hub sent that does not come from the pinned root (sync stopped). Red."""
    return [a for a in alarms if a.get("kind") == "rooster"]


def drift_alarms(alarms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The clock-drift alarms among the store's alarms (shown in the header)."""
    return [a for a in alarms if a.get("kind") == "klokafwijking"]

"""Deadlines of the picture: actions over their due time, and the 72-hour target of the
network of noodsteunpunten.

The 72-hour target is counted from T0, the start of the crisis (the incident's ``t0``, else
the moment it was reported), never from a point's own opening: citizens are assumed to cope on
their own for 72 hours after the crisis begins, and by then every point must be fully
operational. T0+48 h is marked too (the point past which long-outage effects set in).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from data.i18n import N_, _
from data.picture.moment import Now, at, at_iso
from data.picture.timefmt import duration, parse

#: the statuses of an action that is still to be done
OPEN_ACTION = ("open", "in_uitvoering")
#: hours after T0 by which every noodsteunpunt must be fully operational
TARGET_HOURS = 72
#: the earlier mark on the crisis clock
MARK_HOURS = 48
#: under this many minutes left, the 72-hour column is shown as an alert
TARGET_ALERT_MINUTES = 12 * 60


def is_overdue(action: dict[str, Any], now: Now) -> bool:
    """An open action whose due time lies before ``now`` (to the second)."""
    due = action.get("due")
    return bool(due) and action.get("status") in OPEN_ACTION and str(due) < at_iso(now)


def overdue_ids(actions: Iterable[dict[str, Any]], now: Now) -> set[str]:
    """The ids of the actions that are overdue at ``now``."""
    iso = at_iso(now)
    return {str(a.get("id")) for a in actions
            if a.get("due") and a.get("status") in OPEN_ACTION and str(a["due"]) < iso}


def actions_summary(actions: list[dict[str, Any]], now: Now) -> str:
    """What a decision's actions need: '2 open', '2 open, 1 te laat', or '—' when none."""
    if not actions:
        return "—"
    n_open = sum(1 for a in actions if a.get("status") in OPEN_ACTION)
    n_late = len(overdue_ids(actions, now))
    return _("{n} open").format(n=n_open) + (
        _(", {n} te laat").format(n=n_late) if n_late else "")


def minutes_left(t0: str | None, now: Now) -> int | None:
    """Minutes left until T0+72 h (negative when past), None without a T0."""
    dt = parse(t0)
    if dt is None:
        return None
    return int((dt + timedelta(hours=TARGET_HOURS) - at(now)).total_seconds() // 60)


def target_text(minutes: int | None) -> str:
    """Time to T0+72 h: 'nog 5 u 00 min', 'verstreken 2 d 3 u', or '—' without a T0."""
    if minutes is None:
        return "—"
    if minutes < 0:
        return _("verstreken {time}").format(time=duration(-minutes))
    return _("nog {time}").format(time=duration(minutes))


def target_alert(minutes: int | None) -> bool:
    """The target is near (under 12 hours left) or past."""
    return minutes is not None and minutes < TARGET_ALERT_MINUTES


def incident_t0(incident: Mapping[str, Any] | None) -> str | None:
    """T0 of an incident: the start of the crisis as recorded, else when it was reported."""
    if not incident:
        return None
    return incident.get("t0") or incident.get("created_at")


#: verdicts of a point against the 72-hour target, with their display text
VERDICTS: dict[str, str] = {
    "gehaald": N_("doel gehaald"),
    "te_laat_gehaald": N_("operationeel, na T0+72 u"),
    "op_schema": N_("op schema"),
    "haalt_doel_niet": N_("haalt doel niet"),
    "gemist": N_("doel gemist"),
    "gesloten": N_("gesloten"),
    "geen_t0": N_("geen incident gekoppeld"),
}
#: a point that works: *vol* is open and working but takes no one more (it still counts);
#: *beperkt*, *onveilig* and anything before opening do not
OPERATIONAL_NSP = ("operationeel", "vol")
#: verdicts that an OL must act on (shown in red, counted in the summary)
FLAGGED = frozenset({"haalt_doel_niet", "gemist"})


@dataclass(frozen=True, slots=True)
class NspClock:
    """A point against the crisis clock at one moment."""

    t0: str | None
    #: minutes since T0 (None without a T0)
    elapsed: int | None
    #: minutes until T0+72 h, negative when past (None without a T0)
    left: int | None
    verdict: str

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED

    def text(self) -> str:
        """The 72-hour column: the verdict, with the time left while it still counts down."""
        if self.verdict in ("op_schema", "haalt_doel_niet", "gemist"):
            return f"{_(VERDICTS[self.verdict])} · {target_text(self.left)}"
        return _(VERDICTS[self.verdict])

    def elapsed_text(self) -> str:
        return elapsed_text(self.elapsed)


def elapsed_text(minutes: int | None) -> str:
    """Hours since T0 on the crisis clock: 'T0+70 u ▲48' once the 48-hour mark has passed,
    '▲72' once the target has; '—' without a T0."""
    if minutes is None:
        return "—"
    h = minutes // 60
    mark = " ▲72" if h >= TARGET_HOURS else " ▲48" if h >= MARK_HOURS else ""
    return _("T0+{h} u").format(h=h) + mark


def nsp_clock(point: Mapping[str, Any], t0: str | None, now: Now) -> NspClock:
    """Judge one point at ``now`` against T0+72 h.

    Only *operationeel* (or *vol*) counts as fully operational (*beperkt* does not). A point
    that became operational after the deadline is 'te laat gehaald'; one still not operational is
    'haalt doel niet' within 12 hours of the deadline and 'gemist' after it. A closed point
    is out of the network and not judged."""
    start = parse(t0)
    if start is None:
        return NspClock(None, None, None, "geen_t0")
    moment = at(now)
    deadline = start + timedelta(hours=TARGET_HOURS)
    elapsed = int((moment - start).total_seconds() // 60)
    left = int((deadline - moment).total_seconds() // 60)
    status = point.get("status")
    if status == "gesloten":
        verdict = "gesloten"
    elif status in OPERATIONAL_NSP:
        times = point.get("status_times") or {}
        stamps = [t for t in (parse(times.get(s)) for s in OPERATIONAL_NSP) if t is not None]
        since = min(stamps) if stamps else None
        verdict = "te_laat_gehaald" if since is not None and since > deadline else "gehaald"
    elif left < 0:
        verdict = "gemist"
    elif left < TARGET_ALERT_MINUTES:
        verdict = "haalt_doel_niet"
    else:
        verdict = "op_schema"
    return NspClock(t0, elapsed, left, verdict)


@dataclass(slots=True)
class NspTally:
    """Points of one region (or the whole network) against the target."""

    total: int = 0
    operational: int = 0
    at_risk: int = 0
    missed: int = 0
    unlinked: int = 0

    def add(self, point: Mapping[str, Any], c: NspClock) -> None:
        if c.verdict == "gesloten":
            return
        self.total += 1
        self.operational += int(point.get("status") in OPERATIONAL_NSP)
        self.at_risk += int(c.verdict == "haalt_doel_niet")
        self.missed += int(c.verdict == "gemist")
        self.unlinked += int(c.verdict == "geen_t0")

    def text(self) -> str:
        parts = [_("{n}/{total} operationeel").format(n=self.operational, total=self.total)]
        if self.at_risk:
            parts.append(_("{n} haalt doel niet").format(n=self.at_risk))
        if self.missed:
            parts.append(_("{n} gemist").format(n=self.missed))
        if self.unlinked:
            parts.append(_("{n} zonder incident").format(n=self.unlinked))
        return ", ".join(parts)


def nsp_tallies(points: Iterable[Mapping[str, Any]], t0_of: Mapping[str, str | None],
                now: Now) -> tuple[NspTally, dict[str, NspTally]]:
    """The network's tally and one per region. ``t0_of`` maps an incident id to its T0."""
    network = NspTally()
    per_region: dict[str, NspTally] = {}
    moment = at(now)
    for p in points:
        c = nsp_clock(p, t0_of.get(str(p.get("incident_id") or "")), moment)
        network.add(p, c)
        per_region.setdefault(str(p.get("region") or ""), NspTally()).add(p, c)
    return network, per_region

"""Lead times of the three chains an evaluation asks about, in scenario time (paused time left
out): a bijstand request → its first offer → toegezegd; an IRBT convened → its first decision;
a comms outage reported → the fallback in use in that region.

Each moment is when its centre recorded the event (``recorded_at``), turned into scenario time
by the exercise clock (:class:`data.scenario.aar.ClockLine`), as the review does for responses.

- **bijstand**: start is the first moment the request was *ingediend* (``bijstand.requested``
  with status ``ingediend``, or a status change to ``ingediend``; a concept does not count);
  then the first ``bijstand.offer_made`` and the first status change to ``toegezegd``.
- **IRBT**: ``irbt.session_opened`` of a session whose team is IRBT (or not given), then the
  first ``decision.recorded`` in that session.
- **verbinding**: ``comms.reported`` with state ``uitgevallen`` for a region and channel, then
  the first later ``comms.reported`` in the same region with state ``terugvaloptie_actief``.
  A later outage of the same channel in the same region, before a fallback, is the same chain.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from data.domain.regions import REGION_BY_CODE
from data.store.envelope import Event

TYPES = ("bijstand.requested", "bijstand.status_changed", "bijstand.offer_made",
         "irbt.session_opened", "decision.recorded", "comms.reported")


@dataclass(frozen=True, slots=True)
class Chain:
    """One chain: what, on which entity, its start and the scenario seconds to each step
    (``None``: the step has not happened)."""

    kind: str  # bijstand | IRBT | verbinding
    entity: str
    label: str
    start_s: int
    first_s: int | None  # start → first offer / first decision / fallback
    second_s: int | None = None  # first offer → toegezegd (bijstand only)
    total_s: int | None = None  # request → toegezegd (bijstand only)


def payload_of(ev: Event) -> dict[str, Any]:
    """An event's payload, parsed when the read left it as text ({} when it is not an object)."""
    if ev.payload:
        return ev.payload
    try:
        p = json.loads(ev.payload_json)
    except ValueError:
        return {}
    return p if isinstance(p, dict) else {}


def _short(code: str) -> str:
    r = REGION_BY_CODE.get(code)
    return r.short if r else code


def _may_matter(ev: Event, raw: str, bij: dict[str, Any], sessions: dict[str, Any]) -> bool:
    if ev.type == "comms.reported":
        return "uitgevallen" in raw or "terugvaloptie_actief" in raw
    if ev.type == "bijstand.status_changed":
        return "ingediend" in raw or "toegezegd" in raw
    if ev.type == "bijstand.offer_made":
        return ev.entity in bij
    if ev.type == "decision.recorded":
        return any(s in raw for s, v in sessions.items() if v["first"] is None)
    return True


def chains(events: list[Event], scenario_s: Callable[[Event], int]) -> list[Chain]:
    """The chains in ``events`` (any order; fold order is used), with ``scenario_s`` giving an
    event's scenario seconds after T0."""
    evs = sorted((e for e in events if e.type in TYPES), key=lambda e: e.key)
    bij: dict[str, dict[str, Any]] = {}
    sessions: dict[str, dict[str, Any]] = {}
    outages: list[dict[str, Any]] = []
    open_outages: dict[tuple[str, str], int] = {}  # (region, channel) -> index, no fallback yet
    out_order: list[tuple[str, Any]] = []
    for ev in evs:
        # most of these events cannot start or end a chain: skip them before parsing
        raw = ev.payload_json if not ev.payload else ""
        if raw and not _may_matter(ev, raw, bij, sessions):
            continue
        p = payload_of(ev) if ev.type != "bijstand.offer_made" else {}
        t = scenario_s(ev)
        if ev.type == "bijstand.requested":
            b = bij.setdefault(ev.entity, {"label": "", "start": None, "offer": None, "yes": None})
            b["label"] = str(p.get("capability_text") or p.get("capability") or ev.entity)
            if p.get("status") == "ingediend" and b["start"] is None:
                b["start"] = t
                out_order.append(("bijstand", ev.entity))
        elif ev.type == "bijstand.status_changed":
            b = bij.setdefault(ev.entity, {"label": ev.entity, "start": None, "offer": None,
                                           "yes": None})
            if p.get("to") == "ingediend" and b["start"] is None:
                b["start"] = t
                out_order.append(("bijstand", ev.entity))
            elif p.get("to") == "toegezegd" and b["yes"] is None and b["start"] is not None:
                b["yes"] = t
        elif ev.type == "bijstand.offer_made":
            b = bij.get(ev.entity)
            if b is not None and b["start"] is not None and b["offer"] is None:
                b["offer"] = t
        elif ev.type == "irbt.session_opened":
            if p.get("team", "IRBT") == "IRBT" and ev.entity not in sessions:
                sessions[ev.entity] = {"label": str(p.get("title", ev.entity)), "start": t,
                                       "first": None}
                out_order.append(("IRBT", ev.entity))
        elif ev.type == "decision.recorded":
            s = sessions.get(str(p.get("session_id", "")))
            if s is not None and s["first"] is None:
                s["first"] = t
        elif ev.type == "comms.reported":
            region, channel, state = str(p.get("region")), str(p.get("channel")), p.get("state")
            if state == "uitgevallen" and (region, channel) not in open_outages:
                open_outages[(region, channel)] = len(outages)
                out_order.append(("verbinding", len(outages)))
                outages.append({"start": t, "first": None, "entity": ev.entity,
                                "label": f"{channel} in {_short(region)}"})
            elif state == "terugvaloptie_actief":
                for key in [k for k in open_outages if k[0] == region]:
                    outages[open_outages.pop(key)]["first"] = t
    result: list[Chain] = []
    for kind, key in out_order:
        if kind == "bijstand":
            b = bij[key]
            yes = b["yes"]
            result.append(Chain("bijstand", key, b["label"], b["start"],
                                None if b["offer"] is None else b["offer"] - b["start"],
                                None if yes is None or b["offer"] is None
                                else yes - b["offer"],
                                None if yes is None else yes - b["start"]))
        elif kind == "IRBT":
            s = sessions[key]
            result.append(Chain("IRBT", key, s["label"], s["start"],
                                None if s["first"] is None else s["first"] - s["start"]))
        else:
            o = outages[key]
            result.append(Chain("verbinding", o["entity"], o["label"], o["start"],
                                None if o["first"] is None else o["first"] - o["start"]))
    return result

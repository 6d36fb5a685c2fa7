"""After-action review (evaluatie): what was planned, what happened, and how the players
responded — computed from the exercise store's log, the control team's scenario and the observer
notes. Qt-free; :mod:`data.scenario.aar_render` writes it as Markdown, HTML or ``.xlsx``.

**Which player action meets an expectation** (the matching rule). An inject that went out has a
marker in the log (``exercise.inject_fired``) with its scenario moment *F* and its place in the
fold order *H*. An expectation of that inject (event type, ``where`` conditions, window ``within``)
is met by the *first* event in fold order after *H* that

- has the expected type,
- was made by a player: not by the control store itself and not under the author
  ``Spelleiding`` (the inject's own events are therefore never its answer),
- has every ``where`` field equal to the expected value (text without regard to case; a list
  field meets it when it holds the value).

That event's scenario moment is the wall moment its centre recorded it (``recorded_at``, to the
second), turned into scenario time through the clock events; paused time therefore does not
count, and a jump counts as the scenario time it skipped. The response time is that moment minus
*F*. Within the window it is **gehaald**; later, **te laat** (the time is still shown); none at
all and the window has passed, **gemist**; the window still running, **open**. One player event
may answer several expectations (one journal message can answer two injects).

**Time to first response** of an inject: the earliest of its met expectations, or else the first
player event after *H* on an entity the inject itself made (an incident it reported, a bijstand
request it filed), whichever comes first.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from data.clock import parse_iso
from data.i18n import N_, _
from data.scenario.chains import TYPES as CHAIN_TYPES
from data.scenario.chains import Chain, chains, payload_of
from data.scenario.judgement import RATINGS, Finding, Judgement, PlanItem
from data.scenario.model import Expectation, Scenario
from data.scenario.observations import Note
from data.scenario.player import CLOCK_ENTITY, CONTROL_AUTHORS, dt_to_ms
from data.store import Store
from data.store.envelope import Event

CLOCK_TYPES = ("exercise.started", "exercise.paused", "exercise.resumed",
               "exercise.speed_changed", "exercise.jumped")

INJECT_TYPES = ("exercise.inject_fired", "exercise.inject_postponed",
                "exercise.inject_withdrawn")

RULE = N_("Een verwachting is gehaald door de eerste gebeurtenis na de inject van het verwachte "
        "soort, gemaakt door een speler (niet door de spelleiding), met alle gevraagde velden; "
        "haar scenariotijd is het moment waarop haar centrum haar vastlegde, omgerekend met de "
        "oefenklok (stilstand telt niet mee).")


@dataclass(frozen=True, slots=True)
class Response:
    """A player event that answered an inject."""

    event_id: str
    type: str
    author: str
    origin: str
    entity: str
    offset_s: int  # scenario seconds after T0
    response_s: int  # scenario seconds after the inject went out


@dataclass(slots=True)
class ExpectationResult:
    inject: str
    text: str
    type: str
    where: dict[str, Any]
    within_s: int
    state: str  # gehaald | te laat | gemist | open | niet verstuurd | ingetrokken
    response: Response | None = None
    override: str = ""  # the control team's verdict: gehaald | deels | gemist (or "")
    override_note: str = ""

    @property
    def final(self) -> str:
        """The state that counts: the control team's verdict if they gave one."""
        return self.override or self.state


@dataclass(slots=True)
class InjectResult:
    id: str
    objective: str
    sender: str
    recipient: str
    message: str
    planned_s: int
    due_s: int
    status: str  # gepland | uitgesteld | verstuurd | ingetrokken | terugval
    fired_s: int | None = None
    fired_wall_ms: int | None = None
    how: str = ""
    first_response_s: int | None = None
    expectations: list[ExpectationResult] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def delay_s(self) -> int | None:
        """Actual minus planned scenario time (postponed or sent early)."""
        return None if self.fired_s is None else self.fired_s - self.planned_s


@dataclass(slots=True)
class ObjectiveResult:
    id: str
    title: str
    injects: int = 0
    fired: int = 0
    met: int = 0
    late: int = 0
    missed: int = 0
    open: int = 0
    response_times: list[int] = field(default_factory=list)
    rating: str = ""  # P | S | M | U, set by the trainer
    rating_note: str = ""
    overridden: int = 0  # expectations the control team judged by hand

    @property
    def rating_text(self) -> str:
        return f"{self.rating} — {_(RATINGS[self.rating])}" if self.rating in RATINGS else ""

    @property
    def mean_response_s(self) -> int | None:
        rt = self.response_times
        return round(sum(rt) / len(rt)) if rt else None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    offset_s: int
    wall_ms: int
    what: str


@dataclass(slots=True)
class Review:
    title: str
    world: str
    t0_ms: int
    started: bool
    running: bool
    speed: int
    now_s: int
    running_wall_s: int
    paused_wall_s: int
    injects: list[InjectResult]
    objectives: list[ObjectiveResult]
    timeline: list[TimelineEntry]
    notes: list[Note]
    rule: str = RULE
    findings: list[Finding] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)

    def inject(self, inject_id: str) -> InjectResult | None:
        return next((i for i in self.injects if i.id == inject_id), None)


class ClockLine:
    """Wall moment -> scenario moment, from the clock events (each holds the clock after it)."""

    def __init__(self, marks: list[dict[str, Any]], t0_ms: int) -> None:
        self.marks = sorted(marks, key=lambda m: m["wall_ms"])
        self._walls = [m["wall_ms"] for m in self.marks]
        self.t0_ms = t0_ms

    def scenario_ms(self, wall_ms: int) -> int:
        i = bisect.bisect_right(self._walls, wall_ms) - 1
        if i < 0:
            return self.t0_ms
        m = self.marks[i]
        return int(m["scenario_ms"] + (m["speed"] * (wall_ms - m["wall_ms"])
                                       if m["running"] else 0))

    def wall_split(self, now_wall_ms: int) -> tuple[int, int]:
        """Wall seconds the clock ran and stood still, from the start to ``now_wall_ms``."""
        run = stop = 0
        for n, m in enumerate(self.marks):
            end = self.marks[n + 1]["wall_ms"] if n + 1 < len(self.marks) else now_wall_ms
            span = max(0, end - m["wall_ms"])
            if m["running"]:
                run += span
            else:
                stop += span
        return run // 1000, stop // 1000


def _matches(value: Any, want: Any) -> bool:
    if isinstance(value, list):
        return want in value or value == want
    if isinstance(value, str) and isinstance(want, str):
        return value.casefold() == want.casefold()
    return bool(value == want)


def _what(ev: Event, p: dict[str, Any], t0_ms: int) -> str:
    from data.scenario.times import fmt_offset

    if ev.type == "exercise.started":
        return _("oefening gestart, ×{speed}").format(speed=p.get("speed", 1))
    if ev.type == "exercise.paused":
        return _("gepauzeerd")
    if ev.type == "exercise.resumed":
        return _("hervat")
    if ev.type == "exercise.speed_changed":
        return _("snelheid ×{speed}").format(speed=p.get("speed"))
    if ev.type == "exercise.jumped":
        return _("vooruit naar T{at}").format(
            at=fmt_offset((int(p.get("scenario_ms", 0)) - t0_ms) // 1000))
    note = f" ({p['note']})" if p.get("note") else ""
    if ev.type == "exercise.inject_postponed":
        return _("inject {id} uitgesteld naar T{at}").format(
            id=p.get("inject"), at=fmt_offset(int(p["offset_s"]))) + note
    if ev.type == "exercise.inject_withdrawn":
        return _("inject {id} ingetrokken").format(id=p.get("inject")) + note
    if ev.type == "exercise.inject_fired":
        how = {"nu": N_("nu verstuurd"), "terugval": N_("verstuurd als terugval")}.get(
            str(p.get("how")), N_("verstuurd"))
        return _("inject {id} {how}").format(id=p.get("inject"), how=_(how))
    return ev.type


def review(store: Store, scenario: Scenario, notes: list[Note] | None = None,
           now_wall_ms: int | None = None, judgement: Judgement | None = None) -> Review:
    """The after-action review of the exercise in ``store`` as it stands at ``now_wall_ms``
    (default: the newest clock event, so a paused exercise reviews the same every time), with
    the control team's ``judgement`` (overrides, ratings, findings, plan) beside it."""
    notes = list(notes or [])
    judged = judgement or Judgement()
    by_id = {i.id: i for i in scenario.injects}
    t0_ms = dt_to_ms(scenario.t0)
    wanted = {x.type for i in scenario.injects for x in i.expect}
    own_entities = {s.entity: i.id for i in scenario.injects for s in i.events if s.entity}

    marks: list[dict[str, Any]] = []
    control_events: list[tuple[Event, dict[str, Any]]] = []
    candidates: dict[str, list[Event]] = defaultdict(list)  # by type
    on_entity: dict[str, list[Event]] = defaultdict(list)  # by entity the injects made
    node = store.node_id
    # only what the review looks at: the exercise's own events, the expected types, and the
    # entities the injects made (SQLite passes over the rest without making events of them)
    chain_events: list[Event] = []
    for ev in store.events_of_types([*CLOCK_TYPES, *INJECT_TYPES,
                                     *sorted(wanted | set(CHAIN_TYPES))], sorted(own_entities)):
        if ev.type in CHAIN_TYPES:
            chain_events.append(ev)
        if ev.type.startswith("exercise."):
            p = payload_of(ev)
            control_events.append((ev, p))
            if ev.type in CLOCK_TYPES and ev.entity == CLOCK_ENTITY:
                marks.append(p)
            continue
        if ev.origin == node or ev.author in CONTROL_AUTHORS:
            continue
        if ev.type in wanted:
            candidates[ev.type].append(ev)
        if ev.entity in own_entities:
            on_entity[ev.entity].append(ev)
    hlcs: dict[int, list[str]] = {}
    for lst in (*candidates.values(), *on_entity.values()):
        lst.sort(key=lambda e: e.key)
        hlcs[id(lst)] = [e.hlc for e in lst]
    control_events.sort(key=lambda ep: ep[0].key)

    clock = store.entity(CLOCK_ENTITY) or {}
    if clock.get("t0_ms") is not None:
        t0_ms = int(clock["t0_ms"])
    line = ClockLine(marks, t0_ms)
    started = bool(marks)
    if now_wall_ms is None:
        now_wall_ms = max((m["wall_ms"] for m in marks), default=0)
    now_ms = line.scenario_ms(now_wall_ms) if started else t0_ms
    run_s, stop_s = line.wall_split(now_wall_ms) if started else (0, 0)

    def when(ev: Event) -> int:
        return line.scenario_ms(dt_to_ms(parse_iso(ev.recorded_at)))

    def response(ev: Event, fired_ms: int) -> Response:
        at = when(ev)
        return Response(ev.id, ev.type, ev.author, ev.origin, ev.entity,
                        (at - t0_ms) // 1000, (at - fired_ms) // 1000)

    def first_after(evs: list[Event], hlc: str, x: Expectation | None) -> Event | None:
        if not evs:
            return None
        # a text the payload must hold, to skip the many events that cannot match unparsed
        needles = [v.casefold() for v in (x.where.values() if x else ())
                   if isinstance(v, str) and v.isascii() and '"' not in v and "\\" not in v]
        for ev in evs[bisect.bisect_right(hlcs[id(evs)], hlc):]:
            if x is None:
                return ev
            if needles and not ev.payload:
                raw = ev.payload_json.casefold()
                if not all(n in raw for n in needles):
                    continue
            p = ev.payload = payload_of(ev)  # parsed once, kept for the next expectation
            if all(_matches(p.get(k), v) for k, v in x.where.items()):
                return ev
        return None

    states = {s["inject"]: s for s in store.entities("exercise")
              if str(s.get("id", "")).startswith("inject:") and "inject" in s}
    notes_by_inject: dict[str, list[Note]] = defaultdict(list)
    for n in notes:
        if n.inject:
            notes_by_inject[n.inject].append(n)

    results: list[InjectResult] = []
    for inj in scenario.injects:
        st = states.get(inj.id, {})
        due_s = int(st.get("offset_s", inj.offset_s))
        status = ("ingetrokken" if st.get("withdrawn") else "verstuurd" if st.get("fired")
                  else "terugval" if inj.contingency else
                  "uitgesteld" if "offset_s" in st else "gepland")
        r = InjectResult(inj.id, inj.objective, inj.sender, inj.recipient, inj.message,
                         inj.offset_s, due_s, status, notes=notes_by_inject.get(inj.id, []))
        firsts: list[int] = []
        if st.get("fired"):
            fired_ms, hlc = int(st["fired_ms"]), str(st.get("fired_hlc", ""))
            r.fired_s = (fired_ms - t0_ms) // 1000
            r.fired_wall_ms = st.get("fired_wall_ms")
            r.how = str(st.get("how", "klok"))
            for spec in inj.events:
                ev = first_after(on_entity.get(spec.entity, []), hlc, None) if spec.entity else None
                if ev is not None:
                    firsts.append(response(ev, fired_ms).response_s)
        for n, x in enumerate(inj.expect, 1):
            xr = ExpectationResult(inj.id, x.text, x.type, dict(x.where), x.within_s,
                                   "ingetrokken" if st.get("withdrawn") and not st.get("fired")
                                   else "niet verstuurd")
            if st.get("fired"):
                ev = first_after(candidates.get(x.type, []), hlc, x)
                deadline = fired_ms + 1000 * x.within_s
                if ev is not None:
                    xr.response = response(ev, fired_ms)
                    xr.state = "gehaald" if xr.response.response_s <= x.within_s else "te laat"
                    firsts.append(xr.response.response_s)
                else:
                    xr.state = "gemist" if now_ms > deadline else "open"
            ov = judged.overrides.get((inj.id, n))
            if ov is not None:
                xr.override, xr.override_note = ov.verdict, ov.note
            r.expectations.append(xr)
        r.first_response_s = min(firsts) if firsts else None
        results.append(r)
    results.sort(key=lambda r: (r.fired_s if r.fired_s is not None else r.due_s,
                                scenario.injects.index(by_id[r.id])))

    objectives: dict[str, ObjectiveResult] = {
        k: ObjectiveResult(k, v) for k, v in scenario.objectives.items()}
    for r in results:
        if not r.objective:
            continue
        o = objectives.setdefault(r.objective, ObjectiveResult(r.objective, r.objective))
        o.injects += 1
        o.fired += r.status == "verstuurd"
        for xr in r.expectations:
            o.met += xr.state == "gehaald"
            o.late += xr.state == "te laat"
            o.missed += xr.state == "gemist"
            o.open += xr.state == "open"
            o.overridden += bool(xr.override)
            if xr.response is not None:
                o.response_times.append(xr.response.response_s)
    for oid, rt in judged.ratings.items():
        o = objectives.setdefault(oid, ObjectiveResult(oid, oid))
        o.rating, o.rating_note = rt.rating, rt.note

    timeline = [TimelineEntry((int(p.get("scenario_ms", 0)) - t0_ms) // 1000
                              if ev.type in CLOCK_TYPES or ev.type == "exercise.inject_fired"
                              else (line.scenario_ms(dt_to_ms(parse_iso(ev.recorded_at))) - t0_ms)
                              // 1000,
                              int(p.get("wall_ms", 0)) or dt_to_ms(parse_iso(ev.recorded_at)),
                              _what(ev, p, t0_ms))
                for ev, p in control_events]
    return Review(scenario.title, store.world, t0_ms, started, bool(clock.get("running")),
                  int(clock.get("speed", 1)), (now_ms - t0_ms) // 1000, run_s, stop_s, results,
                  list(objectives.values()), timeline, sorted(notes, key=lambda n: n.offset_s),
                  findings=list(judged.findings), plan=list(judged.plan),
                  chains=chains(chain_events, lambda ev: (when(ev) - t0_ms) // 1000))

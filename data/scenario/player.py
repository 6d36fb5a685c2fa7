"""The exercise clock and the inject player: tick-driven, Qt-free, everything read from the log.

Scenario time = the scenario moment of the newest clock event + speed × wall time since it,
while running. Each clock action (start, pause, resume, speed, jump) and each inject action
(fire, postpone, send now, withdraw) is an event in the exercise world, so after a crash or a
restart a new :class:`Player` on the same store carries on exactly where the log says.

An inject fires in one transaction together with its marker (``exercise.inject_fired``): the
events it becomes and the marker are stored together or not at all, and a fired inject is never
fired again. Inject events carry their scenario moment as ``occurred_at``.

A console (Qt) or a headless runner calls :meth:`Player.tick` on a timer; tests drive a
:class:`~data.clock.FixedClock`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from data.clock import Clock, default_clock
from data.domain.validation import ValidationError
from data.i18n import _
from data.scenario.model import Inject, Scenario, default_events
from data.store import Command, Store

CLOCK_ENTITY = "oefening:klok"
#: the control team, as a sender in journal lines it writes itself
CONTROL = "Spelleiding"
#: the author of a player made without a named trainer (a script): still a person and a
#: function, so every line of the history names both (issue 16)
CONTROL_AUTHOR = f"{CONTROL} (trainer)"
#: authors that are the control team itself (older stores wrote the bare name)
CONTROL_AUTHORS = frozenset({CONTROL, CONTROL_AUTHOR})


class ExerciseError(ValueError):
    """A clock or inject action that cannot be done now (message for a person)."""


@dataclass(frozen=True, slots=True)
class ClockState:
    started: bool = False
    wall_ms: int = 0
    scenario_ms: int = 0
    speed: int = 1
    running: bool = False
    t0_ms: int = 0

    def scenario_at(self, wall_ms: int) -> int:
        if not self.running:
            return self.scenario_ms
        return self.scenario_ms + self.speed * max(0, wall_ms - self.wall_ms)


@dataclass(slots=True)
class Fired:
    """One inject fired by a tick or an action, with what could not be made of it."""

    inject: str
    scenario_ms: int
    how: str
    events: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def ms_to_dt(ms: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)


def dt_to_ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


class Player:
    """Plays one scenario into one exercise store."""

    def __init__(self, store: Store, scenario: Scenario, clock: Clock | None = None,
                 author: str = CONTROL_AUTHOR) -> None:
        if not store.world.startswith("OEF-"):
            raise ExerciseError(_("deze store is wereld {world}: een oefening speelt "
                                  "alleen in een oefenwereld (OEF-…)").format(world=store.world))
        self.store = store
        self.scenario = scenario
        #: who gives the commands: the trainer on duty, "Naam (trainer)" (every event's author;
        #: an inject's own sender stays in its payload)
        self.author = author
        self.clock = clock or default_clock()
        self._order = {inj.id: n for n, inj in enumerate(scenario.injects)}
        self._by_id = {inj.id: inj for inj in scenario.injects}
        self._plan_key: int | None = None
        self._plan_cache: tuple[ClockState, dict[str, dict[str, Any]],
                                list[tuple[int, int, str, str]]] | None = None

    # ------------------------------------------------------------------ reading the log

    def clock_state(self) -> ClockState:
        st = self.store.entity(CLOCK_ENTITY)
        if not st or "speed" not in st:
            return ClockState(t0_ms=dt_to_ms(self.scenario.t0))
        return ClockState(True, st["wall_ms"], st["scenario_ms"], st["speed"], st["running"],
                          st.get("t0_ms", dt_to_ms(self.scenario.t0)))

    def inject_states(self) -> dict[str, dict[str, Any]]:
        """Inject id -> its lifecycle state as folded from the log (fired, withdrawn, offset)."""
        return {s["inject"]: s for s in self.store.entities("exercise")
                if str(s.get("id", "")).startswith("inject:") and "inject" in s}

    def wall_ms(self) -> int:
        return self.clock.now_ms()

    def scenario_ms(self) -> int:
        """Scenario time now (ms since the epoch); T0 before the start."""
        cs = self.clock_state()
        return cs.scenario_at(self.wall_ms()) if cs.started else cs.t0_ms

    def offset_s(self) -> int:
        """Scenario time now as seconds from T0."""
        cs = self.clock_state()
        return (self.scenario_ms() - cs.t0_ms) // 1000

    def due_ms(self, inj: Inject, states: dict[str, dict[str, Any]], t0_ms: int) -> int:
        st = states.get(inj.id, {})
        return t0_ms + 1000 * int(st.get("offset_s", inj.offset_s))

    # ------------------------------------------------------------------ clock actions

    def _clock_event(self, typ: str, cs: ClockState, note: str = "") -> None:
        payload: dict[str, Any] = {"wall_ms": cs.wall_ms, "scenario_ms": cs.scenario_ms,
                                   "speed": cs.speed, "running": cs.running, "t0_ms": cs.t0_ms}
        if typ == "exercise.started":
            payload["title"] = self.scenario.title[:200]
        if note:
            payload["note"] = note[:500]
        self.store.execute(Command(typ, payload, entity=CLOCK_ENTITY,
                                   occurred_at=ms_to_dt(cs.scenario_ms)), self.author)

    def start(self, speed: int = 1, at_offset_s: int = 0) -> ClockState:
        cs = self.clock_state()
        if cs.started:
            raise ExerciseError(_("de oefening is al gestart"))
        _check_speed(speed)
        new = ClockState(True, self.wall_ms(), cs.t0_ms + 1000 * at_offset_s, speed, True,
                         cs.t0_ms)
        self._clock_event("exercise.started", new)
        return new

    def pause(self) -> ClockState:
        cs = self._started()
        if not cs.running:
            raise ExerciseError(_("de oefening staat al stil"))
        w = self.wall_ms()
        new = ClockState(True, w, cs.scenario_at(w), cs.speed, False, cs.t0_ms)
        self.tick(upto=new.scenario_ms)  # what was due before the pause goes out first
        self._clock_event("exercise.paused", new)
        return new

    def resume(self) -> ClockState:
        cs = self._started()
        if cs.running:
            raise ExerciseError(_("de oefening loopt al"))
        new = ClockState(True, self.wall_ms(), cs.scenario_ms, cs.speed, True, cs.t0_ms)
        self._clock_event("exercise.resumed", new)
        return new

    def set_speed(self, speed: int) -> ClockState:
        cs = self._started()
        _check_speed(speed)
        w = self.wall_ms()
        new = ClockState(True, w, cs.scenario_at(w), speed, cs.running, cs.t0_ms)
        self.tick(upto=new.scenario_ms)
        self._clock_event("exercise.speed_changed", new)
        return new

    def jump(self, to_offset_s: int) -> list[Fired]:
        """Jump scenario time forward to T0 + ``to_offset_s``; what falls due fires in order."""
        cs = self._started()
        w = self.wall_ms()
        now = cs.scenario_at(w)
        target = cs.t0_ms + 1000 * to_offset_s
        if target <= now:
            raise ExerciseError(_("springen kan alleen vooruit"))
        fired = self.tick(upto=now)
        self._clock_event("exercise.jumped",
                          ClockState(True, w, target, cs.speed, cs.running, cs.t0_ms))
        return fired + self.tick()

    def _started(self) -> ClockState:
        cs = self.clock_state()
        if not cs.started:
            raise ExerciseError(_("de oefening is nog niet gestart (crisisbeeld "
                                  "exercise run)"))
        return cs

    # ------------------------------------------------------------------ inject actions

    def _open_inject(self, inject_id: str) -> tuple[Inject, dict[str, Any]]:
        inj = self.scenario.inject(inject_id)
        if inj is None:
            raise ExerciseError(_("inject '{inject_id}' staat niet in het draaiboek").format(
                                    inject_id=inject_id))
        st = self.inject_states().get(inject_id, {})
        if st.get("withdrawn"):
            raise ExerciseError(_("inject {inject_id} is ingetrokken").format(inject_id=inject_id))
        return inj, st

    def postpone(self, inject_id: str, to_offset_s: int, note: str = "") -> None:
        inj, st = self._open_inject(inject_id)
        if st.get("fired"):
            raise ExerciseError(_("inject {inject_id} is al verstuurd").format(
                                    inject_id=inject_id))
        if to_offset_s * 1000 + self.clock_state().t0_ms <= self.scenario_ms():
            raise ExerciseError(_("uitstellen kan alleen naar een moment dat nog moet "
                                  "komen"))
        payload: dict[str, Any] = {"inject": inject_id, "offset_s": to_offset_s}
        if note:
            payload["note"] = note[:500]
        self.store.execute(Command("exercise.inject_postponed", payload,
                                   occurred_at=ms_to_dt(self.scenario_ms())), self.author)

    def send_now(self, inject_id: str) -> Fired:
        self._started()
        inj, st = self._open_inject(inject_id)
        if st.get("fired"):
            raise ExerciseError(_("inject {inject_id} is al verstuurd").format(
                                    inject_id=inject_id))
        now = self.scenario_ms()
        self.tick(upto=now)
        return self._fire(inj, now, "nu")

    def withdraw(self, inject_id: str, note: str = "") -> None:
        """Withdraw an inject: not yet fired, it never fires; already fired, the players get a
        correction message (the fired events stay: nothing is deleted)."""
        inj, st = self._open_inject(inject_id)
        now = self.scenario_ms()
        payload: dict[str, Any] = {"inject": inject_id}
        if note:
            payload["note"] = note[:500]
        cmds = [Command("exercise.inject_withdrawn", payload, occurred_at=ms_to_dt(now))]
        if st.get("fired"):
            cmds.append(Command("journal.logged", {
                "channel": inj.channel if inj.channel in _channels() else "telefoon",
                "direction": "in", "sender": CONTROL, "recipient": inj.recipient[:120],
                "text": f"Correctie van de oefenleiding: het bericht van "
                        f"{inj.sender or 'de tegenspeler'} over '{inj.message[:80]}' is "
                        f"ingetrokken; ga er niet meer van uit.",
            }, occurred_at=ms_to_dt(now)))
        self.store.execute(cmds, self.author)

    # ------------------------------------------------------------------ firing

    def tick(self, upto: int | None = None) -> list[Fired]:
        """Fire every inject due at scenario time ``upto`` (default: now), in order, each once;
        and each contingency whose expectation was missed by its deadline.

        What it reads from the log is kept until the log changes, so an idle tick costs two
        small reads."""
        cs, states, queue = self._plan()
        if not cs.started:
            return []
        now = cs.scenario_at(self.wall_ms()) if upto is None else upto
        if not queue or queue[0][0] > now:
            return []
        queue = list(queue)
        states = dict(states)
        self._plan_key = None
        fired: list[Fired] = []
        while queue and queue[0][0] <= now:
            due, _o, iid, how = queue.pop(0)
            inj = self._by_id[iid]
            if how == "terugval" and not self._missed(iid, states):
                continue
            f = self._fire(inj, due, how)
            fired.append(f)
            states[inj.id] = self.store.entity(f"inject:{inj.id}") or {}
            for c in self._contingencies(inj, due, states[inj.id].get("fired_hlc", ""), states):
                bisect.insort(queue, c)
        return fired

    def _plan(self) -> tuple[ClockState, dict[str, dict[str, Any]],
                             list[tuple[int, int, str, str]]]:
        """Clock, inject states and the queue of what is still to fire (due, order, id, how),
        derived from the log and kept while the log stays the same."""
        mark = self.store.log_mark()
        if self._plan_key == mark and self._plan_cache is not None:
            return self._plan_cache
        cs = self.clock_state()
        states = self.inject_states()
        queue: list[tuple[int, int, str, str]] = []
        for inj in self.scenario.scheduled():
            st = states.get(inj.id, {})
            if st.get("fired") or st.get("withdrawn"):
                continue
            queue.append((self.due_ms(inj, states, cs.t0_ms), self._order[inj.id], inj.id,
                          "klok"))
        for inj in self.scenario.injects:  # contingencies of injects fired before
            st = states.get(inj.id, {})
            if st.get("fired") and inj.expect:
                queue += self._contingencies(inj, st["fired_ms"], st.get("fired_hlc", ""),
                                             states)
        queue.sort()
        self._plan_key, self._plan_cache = mark, (cs, states, queue)
        return self._plan_cache

    def _contingencies(self, inj: Inject, fired_ms: int, fired_hlc: str,
                       states: dict[str, dict[str, Any]]) -> list[tuple[int, int, str, str]]:
        out = []
        for x in inj.expect:
            c = self.scenario.inject(x.contingency) if x.contingency else None
            if c is None or not c.contingency:
                continue
            cst = states.get(c.id, {})
            if cst.get("fired") or cst.get("withdrawn"):
                continue
            if self._met(x.type, x.where, fired_hlc):
                continue
            out.append((fired_ms + 1000 * x.within_s, self._order[c.id], c.id, "terugval"))
        return out

    def _missed(self, contingency_id: str, states: dict[str, dict[str, Any]]) -> bool:
        """Still true at the deadline: some fired inject's expectation naming it is unmet."""
        for inj in self.scenario.injects:
            st = states.get(inj.id, {})
            if not st.get("fired"):
                continue
            for x in inj.expect:
                if x.contingency == contingency_id and not self._met(x.type, x.where,
                                                                     st.get("fired_hlc", "")):
                    return True
        return False

    def _met(self, event_type: str, where: dict[str, Any], after_hlc: str) -> bool:
        """Did a player (not the control team) do what was expected after the inject?"""
        for ev in self.store.events_of_type_after(event_type, after_hlc):
            if ev.origin == self.store.node_id or ev.author in CONTROL_AUTHORS:
                continue  # made by the control store itself (an inject), not by a player
            if all(_matches(ev.payload.get(k), want) for k, want in where.items()):
                return True
        return False

    def _fire(self, inj: Inject, at_ms: int, how: str) -> Fired:
        """The inject's events and its marker in one transaction: all or nothing, once."""
        out = Fired(inj.id, at_ms, how)
        when = ms_to_dt(at_ms)
        with self.store.transaction():
            st = self.inject_states().get(inj.id, {})
            if st.get("fired") or st.get("withdrawn"):
                raise ExerciseError(_("inject {id} is al verstuurd of ingetrokken").format(
                                        id=inj.id))
            # the trainer plays the inject's parties (checked as exercise control); the
            # inject's own sender stays in its payload
            with self.store.scenario_voice():
                self._inject_events(inj, when, out)
            self.store.execute(Command("exercise.inject_fired", {
                "inject": inj.id, "scenario_ms": at_ms, "wall_ms": self.wall_ms(),
                "events": out.events, "how": how}, occurred_at=when), self.author)
        return out

    def _inject_events(self, inj: Inject, when: datetime, out: Fired) -> None:
        """Make the inject's events into ``out`` (one refused does not stop the rest)."""
        for spec in default_events(inj):
            author = self.author[:120]  # the trainer who runs the exercise writes them
            try:
                ch = self.store.execute(Command(spec.type, dict(spec.payload), spec.entity,
                                                occurred_at=when), author)
                out.events += ch.events
            except ValidationError as e:  # players changed the state: the rest still goes
                out.refused.append(f"{spec.type}: {e}")

    # ------------------------------------------------------------------ status

    def status(self) -> dict[str, Any]:
        """Clock and injects for a console or the CLI."""
        cs = self.clock_state()
        states = self.inject_states()
        now = self.scenario_ms()
        rows = []
        for inj in sorted(self.scenario.injects,
                          key=lambda i: (self.due_ms(i, states, cs.t0_ms), self._order[i.id])):
            st = states.get(inj.id, {})
            rows.append({
                "id": inj.id, "contingency": inj.contingency,
                "due_s": (self.due_ms(inj, states, cs.t0_ms) - cs.t0_ms) // 1000,
                "status": ("ingetrokken" if st.get("withdrawn") else "verstuurd" if st.get("fired")
                           else "terugval" if inj.contingency else
                           "uitgesteld" if "offset_s" in st else "gepland"),
                "fired_s": (st["fired_ms"] - cs.t0_ms) // 1000 if st.get("fired") else None,
                "fired_wall_ms": st.get("fired_wall_ms"), "how": st.get("how", ""),
                "sender": inj.sender, "recipient": inj.recipient, "message": inj.message})
        return {"title": self.scenario.title, "world": self.store.world, "started": cs.started,
                "running": cs.running, "speed": cs.speed, "t0_ms": cs.t0_ms,
                "scenario_ms": now, "offset_s": (now - cs.t0_ms) // 1000, "injects": rows}


def _matches(value: Any, want: Any) -> bool:
    if isinstance(value, list):
        return want in value or value == want
    if isinstance(value, str) and isinstance(want, str):
        return value.casefold() == want.casefold()
    return bool(value == want)


def _check_speed(speed: int) -> None:
    if not isinstance(speed, int) or not 1 <= speed <= 60:
        raise ExerciseError(_("kies een snelheid van ×1 tot en met ×60"))


def _channels() -> tuple[str, ...]:
    from data.scenario.check import CHANNELS
    return CHANNELS

"""Whatever a control team does with the clock, each inject fires exactly once (or is
withdrawn), in order, at its scenario time: random sequences of start, pause, resume, speed,
wall time passing, jump, postpone, send now, withdraw and restart."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from data.clock import FixedClock, parse_iso, to_iso
from data.scenario.control import create_exercise, load_scenario
from data.scenario.model import Inject, Scenario
from data.scenario.player import ExerciseError, Player, ms_to_dt
from data.store import Store

OPS = hs.one_of(
    hs.tuples(hs.just("wait"), hs.integers(0, 3600)),
    hs.tuples(hs.just("pause"), hs.just(0)),
    hs.tuples(hs.just("resume"), hs.just(0)),
    hs.tuples(hs.just("speed"), hs.integers(1, 60)),
    hs.tuples(hs.just("jump"), hs.integers(1, 4 * 3600)),
    hs.tuples(hs.just("postpone"), hs.integers(0, 10_000)),
    hs.tuples(hs.just("send"), hs.integers(0, 10_000)),
    hs.tuples(hs.just("withdraw"), hs.integers(0, 10_000)),
    hs.tuples(hs.just("restart"), hs.just(0)),
    hs.tuples(hs.just("tick"), hs.just(0)),
)


def scenario(offsets: list[int]) -> Scenario:
    injects = [Inject(id=f"I{n}", offset_s=off, message=f"bericht {n}", sender="Tegenspel",
                      recipient="OL VNOG", channel="telefoon", notes="alleen spelleiding")
               for n, off in enumerate(offsets)]
    return Scenario(id="prop", title="Eigenschap", t0=parse_iso("2027-02-01T08:00:00Z"),
                    injects=injects)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(offsets=hs.lists(hs.integers(-3600, 6 * 3600), min_size=1, max_size=8),
       start_speed=hs.integers(1, 60), ops=hs.lists(OPS, max_size=25))
def test_every_inject_once_in_order_at_its_time(offsets: list[int], start_speed: int,
                                                ops: list[tuple[str, int]]) -> None:
    sc = scenario(offsets)
    clock = FixedClock("2026-11-26T09:00:00Z")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        st = create_exercise(db, "spelleiding", sc, "OEF-PROP")
        pl = Player(st, sc, clock)
        pl.start(speed=start_speed)
        ids = [i.id for i in sc.injects]
        for op, arg in ops:
            try:
                if op == "wait":
                    clock.advance(timedelta(seconds=arg))
                elif op == "pause":
                    pl.pause()
                elif op == "resume":
                    pl.resume()
                elif op == "speed":
                    pl.set_speed(arg)
                elif op == "jump":
                    pl.jump(pl.offset_s() + arg)
                elif op == "postpone":
                    pl.postpone(ids[arg % len(ids)], pl.offset_s() + 1 + arg)
                elif op == "send":
                    pl.send_now(ids[arg % len(ids)])
                elif op == "withdraw":
                    pl.withdraw(ids[arg % len(ids)])
                elif op == "restart":
                    st.close()
                    st = Store.open(db)
                    pl = Player(st, load_scenario(db), clock)
                elif op == "tick":
                    pl.tick()
            except ExerciseError:
                pass  # refused (already paused, already fired …): changes nothing
        if not pl.clock_state().running:
            pl.resume()
        pl.jump(pl.offset_s() + 12 * 3600)

        events = list(st.iter_events())
        fired = [e for e in events if e.type == "exercise.inject_fired"]
        counts = Counter(e.payload["inject"] for e in fired)
        states = pl.inject_states()
        for inj in sc.injects:
            st_i = states.get(inj.id, {})
            assert counts[inj.id] <= 1, inj.id
            assert counts[inj.id] == 1 or st_i.get("withdrawn"), inj.id
        # in order: scenario times of the firings never go back, in log order
        times = [e.payload["scenario_ms"] for e in fired]
        assert times == sorted(times)
        t0_ms = pl.clock_state().t0_ms
        by_id = {e.id: e for e in events}
        for e in fired:
            inj = sc.inject(e.payload["inject"])
            assert inj is not None
            if e.payload["how"] == "klok":  # at its (possibly postponed) time
                due = states[inj.id].get("offset_s", inj.offset_s)
                assert e.payload["scenario_ms"] == t0_ms + 1000 * due
            for eid in e.payload["events"]:
                assert by_id[eid].occurred_at == to_iso(ms_to_dt(e.payload["scenario_ms"]))
        # and the messages went out once each
        texts = Counter(e.payload["text"] for e in events if e.type == "journal.logged"
                        and e.payload["text"].startswith("bericht"))
        assert all(n == 1 for n in texts.values())
        assert sum(texts.values()) == len(fired)
        st.close()

"""Terugkijken against its budget (ARCHITECTURE.md §7: seek on a 1M-event log <= 500 ms p95).

    .venv/bin/python bench/timetravel.py                      # /tmp/tt.db, 200k events
    .venv/bin/python bench/timetravel.py --db /tmp/tt1m.db --events 1000000

Builds the store with the demo when it is missing (``crisisbeeld demo --events N --world
OEF-BENCH``), then measures: making the occurred_at index and the missing checkpoints, 20 seeks
at random moments on each axis, slider steps on the Overzicht (1 min and 15 min forward, 1 min
back, each a frame as the application makes it), a seek without checkpoints, the size of the
checkpoints next to the store, and a 12-hour handover on each axis.

Every figure is given as wall time and as CPU time of this process (``time.process_time``),
each also as a ratio to a yardstick timed in the same run (a fixed pure-Python task), by wall
and by CPU time: the machine is shared and its speed moves. On the loaded VM the yardstick's
wall time moved 43-304 ms within minutes, its CPU time stayed at 40-45 ms, so the CPU figures
are the ones to compare. Slider steps start in the busy part of the log (the demo's log opens
with a day and a half of a few events an hour).

Runs of 2026-11-26 ~12:30-12:50 UTC on a copy of that 1M demo store (1,000,474 events,
1,194 MB with its indexes, no reports' journal index), p95 in CPU time (CPU yardsticks),
before (code at 814a032, one bench of 3 runs) -> after (code at 5e70cd4, three benches of 3
runs, the same moments; yardstick 43-50 ms):

    checkpoints                     198.6 MB = 16.6 %        (budget 20 %: met)
    seek waar                       250-378 ms (5.9-8.4)   -> 247-312 ms (5.4-6.7)
    seek bekend                     270-384 ms (6.3-8.5)   -> 312-373 ms (6.7-7.9)
    slider step 1 min forward       14-17 ms (0.3-0.4)     -> 8-13 ms (0.2-0.3)
    slider step 15 min forward      100-111 ms (2.2-2.6)   -> 75-98 ms (1.7-2.1)
    slider step 1 min back          47-124 ms (1.0-2.9)    -> 25-57 ms (0.5-1.2)
    handover 12 h waar / bekend     0.70 / 0.43 s          -> 0.67-0.72 / 0.45-0.49 s

Budgets (CPU time, i.e. on an idle core): all met in every run; 15 min forward p95 75-98 ms
(p50 67-89 ms): under the budget in all nine runs, at or under 85 ms in two of them.
docs/terugkijken.md has every run, where the time goes and the runs before.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import data.history.checkpoints as checkpoints  # noqa: E402
from data.clock import parse_iso, to_iso  # noqa: E402
from data.history import BEKEND, WAAR, Checkpoints, picture_at, prepare, reading  # noqa: E402
from data.history.diff import handover  # noqa: E402
from data.history.frame import Seeker  # noqa: E402
from data.store import Store, log  # noqa: E402


def _moments(lo: str, hi: str, n: int, rnd: random.Random) -> list[str]:
    a, b = parse_iso(lo), parse_iso(hi)
    span = (b - a).total_seconds()
    return [to_iso(a + timedelta(seconds=rnd.uniform(0, span))) for _ in range(n)]


def _pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p * (len(s) - 1))))]


#: the CPU seconds of the last yardstick (CPU figures are given as ratios to it)
CPU_YARD = [1.0]


def yardstick() -> float:
    """Seconds for a fixed piece of pure-Python work (the best of three): the machine's speed
    at this moment, so figures of one run can be read as ratios to it (its CPU seconds, best of
    three too, in :data:`CPU_YARD`)."""
    best, cpu = 1e9, 1e9
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        sum(i * i % 7 for i in range(1_000_000))
        best, cpu = min(best, time.perf_counter() - t), min(cpu, time.process_time() - c)
    CPU_YARD[0] = cpu
    return best


def _timed(f: Any) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of ``f()``."""
    t, c = time.perf_counter(), time.process_time()
    f()
    return time.perf_counter() - t, time.process_time() - c


def _fig(pairs: list[tuple[float, float]], y: float) -> str:
    """p50 and p95 of wall and CPU time, the p95s also in yardsticks."""
    wall, cpu = [w for w, _c in pairs], [c for _w, c in pairs]
    p95, c95 = _pct(wall, 0.95), _pct(cpu, 0.95)
    return (f"p50 {statistics.median(wall) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
            f"({p95 / y:.1f} yardsticks); CPU p50 {statistics.median(cpu) * 1000:.0f} ms, "
            f"p95 {c95 * 1000:.0f} ms ({c95 / CPU_YARD[0]:.1f} CPU yardsticks)")


def slider(st: Store, seeker: Seeker, lo: str, hi: str, axis: str, rnd: random.Random,
           steps: int, step_s: int, jumps: list[tuple[float, float]] | None = None
           ) -> list[tuple[float, float]]:
    """Seconds per slider step on the Overzicht: one jump to a random moment (not counted
    with the steps; its time goes to ``jumps``), then ``steps`` steps of ``step_s`` seconds
    (negative: backwards), each a frame."""
    a, b = parse_iso(lo), parse_iso(hi)
    span = (b - a).total_seconds()
    start = a + timedelta(seconds=rnd.uniform(0.2 * span, 0.8 * span))
    jump = _timed(lambda: seeker.frame(st, to_iso(start), axis))  # type: ignore[arg-type]
    if jumps is not None:
        jumps.append(jump)
    out = []
    for i in range(1, steps + 1):
        at = to_iso(start + timedelta(seconds=i * step_s))
        out.append(_timed(lambda: seeker.frame(st, at, axis)))  # type: ignore[arg-type]
    return out


def _seek(st: Store, at: str, axis: str, cps: Checkpoints) -> None:
    with reading(st) as conn:
        picture_at(conn, at, axis, cps).fingerprint()  # type: ignore[arg-type]


def _busy_from(st: Store, lo: str) -> str:
    """The first hour of log with events: the demo's log starts with a quiet stretch of days
    (a few events an hour), where slider steps would measure nothing."""
    with reading(st) as conn:
        row = conn.execute("SELECT occurred_at FROM event ORDER BY occurred_at "
                           "LIMIT 1 OFFSET ?", (log.count(conn) // 50,)).fetchone()
    return str(row[0]) if row else lo


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/tt.db")
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--seeks", type=int, default=20)
    ap.add_argument("--every", type=int, default=None, help="events between checkpoints")
    ap.add_argument("--keyframe", type=int, default=None,
                    help="a whole picture every this many checkpoints")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", action="store_true",
                    help="keep the checkpoints there are (only make the missing ones)")
    ap.add_argument("--runs", type=int, default=1, help="measure the seeks this many times")
    ap.add_argument("--bare", type=int, default=2, help="seeks without checkpoints")
    a = ap.parse_args()
    if a.keyframe:
        checkpoints.KEYFRAME = a.keyframe
    if not Path(a.db).exists():
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", a.db, "--events",
                        str(a.events), "--world", "OEF-BENCH"], check=True)
        print(f"demo store built in {time.perf_counter() - t:.0f} s")
    y0 = yardstick()
    print(f"yardstick (fixed pure-Python work, best of 3): {y0 * 1000:.0f} ms")
    st = Store.open(a.db)
    cps = Checkpoints(a.db, **({"every": a.every} if a.every else {}))
    if not a.keep:
        cps.drop()
    t = time.perf_counter()
    made = prepare(st, cps)
    t_prep = time.perf_counter() - t
    with reading(st) as conn:
        n_events = log.count(conn)
        occ = log.occurred_range(conn)
        rec = log.received_range(conn)
    store_bytes = os.path.getsize(a.db)
    print(f"store: {n_events} events, {store_bytes / 1e6:.0f} MB; occurred {occ[0]} .. {occ[1]}, "
          f"received {rec[0]} .. {rec[1]}")
    print(f"index + {made} checkpoints (every {cps.every} events per axis, a whole picture "
          f"every {checkpoints.KEYFRAME}th) made in {t_prep:.1f} s; checkpoints "
          f"{cps.size() / 1e6:.1f} MB "
          f"= {100 * cps.size() / store_bytes:.1f} % of the store (budget 20 %)")
    rnd = random.Random(a.seed)
    for run in range(a.runs):
        y = yardstick()
        print(f"-- run {run + 1}: yardstick {y * 1000:.0f} ms (CPU {CPU_YARD[0] * 1000:.0f} ms)")
        for axis, (lo, hi) in ((WAAR, occ), (BEKEND, rec)):
            assert lo and hi
            times = [_timed(lambda: _seek(st, at, axis, cps))
                     for at in _moments(lo, hi, a.seeks, rnd)]
            print(f"seek {axis:6s} x{a.seeks}: {_fig(times, y)}, worst "
                  f"{max(w for w, _c in times) * 1000:.0f} ms (budget p95 500 ms)")
        lo_s = _busy_from(st, occ[0] or "")
        seeker = Seeker(a.db)
        seeker.checkpoints.close()
        seeker.checkpoints = cps
        jumps: list[tuple[float, float]] = []
        for step_s, what in ((60, "1 min forward"), (900, "15 min forward"),
                             (-60, "1 min back")):
            steps = slider(st, seeker, lo_s, occ[1] or "", WAAR, rnd, 20, step_s, jumps)
            print(f"slider step on the Overzicht, {what:14s} x20: {_fig(steps, y)} "
                  f"(budget 100 ms)")
        print("slider jumps before those (a frame at a random moment, CPU ms): "
              + ", ".join(f"{c * 1000:.0f}" for _w, c in jumps))
    bare = []
    for at in _moments(occ[0] or "", occ[1] or "", a.bare, rnd):
        t = time.perf_counter()
        with reading(st) as conn:
            picture_at(conn, at, WAAR, None).fingerprint()
        bare.append(time.perf_counter() - t)
    if bare:
        print(f"seek without checkpoints ({a.bare} seeks): mean "
              f"{statistics.mean(bare) * 1000:.0f} ms")
    t2 = occ[1]
    assert t2
    t1 = to_iso(datetime.fromisoformat(t2.replace("Z", "+00:00")) - timedelta(hours=12))
    y = yardstick()
    for axis in (WAAR, BEKEND):
        lo2 = t1 if axis == WAAR else to_iso(
            datetime.fromisoformat(str(rec[1]).replace("Z", "+00:00")) - timedelta(hours=12))
        hi2 = t2 if axis == WAAR else str(rec[1])
        out: list[str] = []
        dt, dc = _timed(lambda: out.append(handover(st, lo2, hi2, axis, cps)))
        print(f"handover of 12 h ({axis}): {dt:.2f} s ({dt / y:.1f} yardsticks); CPU "
              f"{dc:.2f} s ({dc / CPU_YARD[0]:.1f} CPU yardsticks), "
              f"{len(out[0].splitlines())} lines of Markdown (budget 1 s)")
    print(f"yardstick at the end: {yardstick() * 1000:.0f} ms (CPU {CPU_YARD[0] * 1000:.0f} ms)")
    cps.close()
    st.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

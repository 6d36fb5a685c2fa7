"""Exercise benchmarks against ARCHITECTURE.md §7 (not run by tests).

    .venv/bin/python bench/exercise.py

Measures: reading a 1,000-row MSEL from CSV and from .xlsx (budget 1 s), firing injects (each
its own durable transaction with its marker; budget 50 ms), and an idle tick of the running
exercise clock with 1,000 injects planned (budget: 1 % of a core at one tick a second, 10 ms).

and the after-action review of an exercise with 100k events (budget 2 s), as a ratio to reading
every event of the same store once (see docs/exercise-review.md for the figures). Keep the
built store between runs with ``--aar-dir DIR``.

Run 2026-11-26 on the shared 2-core VM: MSEL 1,000 rows 0.06 s (CSV) / 0.39 s (.xlsx); firing
~24-28 ms per inject (a jump over 1,000 injects: ~25 s); idle tick 0.01 ms.

Run 2026-11-26 ~08:35 UTC, load average 10-12 on two cores (other test runs): MSEL 1,000 rows
0.05 s (CSV) / 0.14 s (.xlsx; 0.07-0.09 s of CPU in three further runs); firing 3.1 ms per
inject; idle tick 0.07 ms; the review, five runs on 100,513 events: worst case (an unmet
expectation on every inject) 0.79-0.91 s of CPU, 0.70-1.07x the yardstick (reading every event
once: 0.85-1.02 s of CPU); the scenario's own expectations 0.28-0.37 s of CPU, 0.26-0.42x. Wall
times were 3.6-3.8 s and 1.2-1.9 s: the process had about a quarter of a core.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from data.clock import FixedClock  # noqa: E402
from data.scenario.control import create_exercise  # noqa: E402
from data.scenario.msel import read_msel  # noqa: E402
from data.scenario.player import Player  # noqa: E402

ROWS = 1000


def sheet_rows() -> list[list[str]]:
    rows = [["Inject Number", "Scenario Time", "Delivery Method", "From", "To", "Message",
             "Controller Notes"]]
    for n in range(ROWS):
        rows.append([str(n + 1), f"+{n // 60:02d}:{n % 60:02d}", "NCV", "KCR2", "IM VNOG",
                     f"Bericht {n} over de stroomuitval", "notitie voor de spelleiding"])
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        rows = sheet_rows()
        with open(d / "m.csv", "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        wb = openpyxl.Workbook()
        for r in rows:
            wb.active.append(r)
        wb.save(d / "m.xlsx")
        for name in ("m.csv", "m.xlsx"):
            t = time.perf_counter()
            sheet = read_msel(d / name)
            print(f"MSEL {ROWS} rijen uit {name:<7} {time.perf_counter() - t:6.3f} s  (budget 1 s)")
        sc = sheet.scenario()
        st = create_exercise(d / "c.db", "spelleiding", sc, "OEF-BENCH")
        clock = FixedClock("2026-11-26T10:00:00Z")
        pl = Player(st, sc, clock)
        pl.start()
        t = time.perf_counter()
        fired = pl.jump(100 * 60)  # the first 100 injects
        dt = time.perf_counter() - t
        print(f"inject versturen            {1000 * dt / len(fired):6.1f} ms per inject "
              f"({len(fired)} injects; budget 50 ms)")
        pl.tick()
        t = time.perf_counter()
        for _ in range(200):
            clock.advance(timedelta(seconds=1))
            pl.tick()
        print(f"klok-tick zonder werk        {1000 * (time.perf_counter() - t) / 200:6.3f} ms "
              f"({ROWS} injects gepland; budget 10 ms)")
        st.close()
        aar(d)


AAR_EVENTS = 100_000
AAR_RUNS = 5


def aar(d: Path) -> None:
    """The after-action review of an exercise with 100k events (budget 2 s), against a
    yardstick measured in the same run: reading every event of the same store once, with its
    payload (what any whole-log pass costs)."""
    from data.scenario.aar import review
    from data.scenario.library import resolve
    from data.scenario.model import Expectation
    from data.store import Store

    sc = resolve("donker-oosten")
    for inj in sc.injects:  # worst case: an expectation nobody meets, scanned to the end
        inj.expect.append(Expectation("journal.logged", {"sender": "niemand"}, 1800))
    world = "OEF-BENCH-AAR"
    if "--aar-dir" in sys.argv:  # keep the built store between runs
        d = Path(sys.argv[sys.argv.index("--aar-dir") + 1])
        d.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    if (d / "a.db").exists():
        st = Store.open(d / "a.db")
    else:
        st = build_aar_store(d, sc, world)
    n = st.event_count()
    print(f"opbouw evaluatiestore         {time.perf_counter() - t:6.1f} s ({n} gebeurtenissen)")
    plain = resolve("donker-oosten")  # the scenario's own expectations only
    for run in range(AAR_RUNS):
        t, c = time.perf_counter(), time.process_time()
        k = sum(1 for _ in st.iter_events())
        yard, yard_cpu = time.perf_counter() - t, time.process_time() - c
        for what, scen in (("slechtst", sc), ("scenario", plain)):
            t, c = time.perf_counter(), time.process_time()
            r = review(st, scen, [])
            took, cpu = time.perf_counter() - t, time.process_time() - c
            assert k == n and r.injects
            print(f"evaluatie {what:<8} (run {run + 1})  {took:6.3f} s (cpu {cpu:5.2f} s); "
                  f"maatstaf: alle {k} gebeurtenissen lezen {yard:6.3f} s (cpu "
                  f"{yard_cpu:5.2f} s); verhouding {took / yard:4.2f} (budget 2 s)")
    st.close()


def build_aar_store(d: Path, sc: Any, world: str) -> Any:
    from data.demo import Demo
    from data.store import Store

    player = Store.create(d / "p.db", "speler", world)
    Demo(player, seed=1).run(extra_events=AAR_EVENTS)
    st = create_exercise(d / "a.db", "spelleiding", sc, world)
    pl = Player(st, sc, FixedClock("2026-11-26T10:00:00Z"))
    pl.start(speed=60)
    pl.jump(max(i.offset_s for i in sc.injects) + 60)
    batch: list[dict[str, object]] = []
    for e in player.iter_events():
        batch.append(e.to_wire())
        if len(batch) == 5000:
            st.ingest(batch)
            batch = []
    st.ingest(batch)
    player.close()
    return st


if __name__ == "__main__":
    main()

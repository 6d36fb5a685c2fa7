"""Exercise benchmarks against ARCHITECTURE.md §7 (not run by tests).

    .venv/bin/python bench/exercise.py

Measures: reading a 1,000-row MSEL from CSV and from .xlsx (budget 1 s), firing injects (each
its own durable transaction with its marker; budget 50 ms), and an idle tick of the running
exercise clock with 1,000 injects planned (budget: 1 % of a core at one tick a second, 10 ms).

Run 2026-11-26 on the shared 2-core VM: MSEL 1,000 rows 0.06 s (CSV) / 0.39 s (.xlsx); firing
~24-28 ms per inject (a jump over 1,000 injects: ~25 s); idle tick 0.01 ms.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

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


if __name__ == "__main__":
    main()

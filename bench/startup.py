"""Start-up benchmark (not part of `make test`): how long a command takes before it does
anything, against the budgets of the packaging issue.

    .venv/bin/python bench/startup.py [--runs 7] [--frozen dist/crisisbeeld/crisisbeeld]

Each figure is the median of --runs runs of a fresh process, with the same run's yardstick
beside it: a bare `python -c pass` (what any Python command costs on this machine right now).
- `crisisbeeld --version`   budget 0.2 s
- `crisisbeeld fingerprint` budget 0.5 s (on a small exercise store made here)
- the window's first paint from the command: a fresh process that does what `crisisbeeld run`
  does (imports, QApplication, the window on that store) and stops at its first paint;
  budget 1.5 s
- the same for the frozen program, when --frozen names it (--version and fingerprint).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PAINT = r"""
import sys, time
t0 = float(sys.argv[2])
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from desktop.app import build_window, make_app
app = make_app()
win = build_window(Path(sys.argv[1]))
class First(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(f"{time.time() - t0:.4f}", flush=True)
            app.exit(0)
        return False
f = First()
win.installEventFilter(f)
win.show()
win.start()
app.exec()
win.shutdown()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - t


def paint(db: Path, env: dict[str, str]) -> float:
    t0 = time.time()
    r = subprocess.run([sys.executable, "-c", PAINT, str(db), repr(t0)], check=True, env=env,
                       capture_output=True, text=True, cwd=ROOT)
    return float(r.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--frozen", help="the frozen program (dist/crisisbeeld/crisisbeeld)")
    a = ap.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="cb-start-"))
    env["CRISISBEELD_HOME"] = str(work / "home")
    db = work / "oef.db"
    cb = [sys.executable, "-m", "desktop"]
    subprocess.run(cb + ["init", "--db", str(db), "--node", "VRU", "--world", "OEF-START"],
                   check=True, env=env, capture_output=True)
    subprocess.run(cb + ["demo", "--db", str(db)], check=True, env=env, capture_output=True)
    cases: list[tuple[str, float, object]] = [
        ("python -c pass (yardstick)", 0.0, lambda: timed([sys.executable, "-c", "pass"], env)),
        ("crisisbeeld --version", 0.2, lambda: timed(cb + ["--version"], env)),
        ("crisisbeeld fingerprint", 0.5, lambda: timed(cb + ["fingerprint", "--db", str(db)],
                                                       env)),
        ("window: command to first paint", 1.5, lambda: paint(db, env)),
    ]
    if a.frozen:
        exe = str(Path(a.frozen).resolve())
        cases += [("frozen --version", 0.2, lambda: timed([exe, "--version"], env)),
                  ("frozen fingerprint", 0.5, lambda: timed([exe, "fingerprint", "--db",
                                                              str(db)], env))]
    figures: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for _ in range(a.runs):  # interleaved, so a busy moment hits every case alike
        for name, _, fn in cases:
            figures[name].append(fn())  # type: ignore[operator]
    base = statistics.median(figures[cases[0][0]])
    print(f"{'':34} {'median':>8} {'range':>15} {'× yardstick':>12} {'budget':>7}")
    for name, budget, _ in cases:
        xs = figures[name]
        med = statistics.median(xs)
        ok = "" if not budget else ("ok" if med <= budget else "OVER")
        print(f"{name:34} {med:7.3f}s {min(xs):6.3f}–{max(xs):6.3f} s {med / base:11.1f}× "
              f"{budget or '':>6} {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

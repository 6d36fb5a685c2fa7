"""Start-up benchmark (not part of `make test`): how long a command takes before it does
anything, against the budgets of the packaging issue.

    .venv/bin/python bench/startup.py [--runs 7] [--frozen dist/crisisbeeld/crisisbeeld]

Every case runs in a fresh process, --runs times, interleaved (a busy moment hits every case
alike), after one unmeasured round (bytecode compiled into a cache folder of this run, as an
installed program has it; files in the page cache). Each figure is the median wall time, its
range, the CPU time of the process (user + system), and both as a ratio to the yardstick of
the same run: a fixed piece of pure-Python work in a fresh process (on a loaded machine wall
times stretch, CPU times much less; the ratios compare runs).
- `crisisbeeld --version`   budget 0.2 s
- `crisisbeeld fingerprint` budget 0.5 s (on a small exercise store made here)
- the window's first paint: `crisisbeeld run --db …` with $CRISISBEELD_STOP_AT_PAINT, which
  makes the program stop at its first paint and say how long it took; budget 1.5 s; and the
  same for `crisisbeeld run` without --db (what `make run` opens: the demo exercise)
- the same three for the frozen program, when --frozen names it.

Run of 2026-11-26 ~10:20 UTC on a quiet machine (load average 0.2), seven passes, the frozen
program from the CI build: yardstick 0.19 s; `--version` 0.034 s (0.17x), `fingerprint` 0.15 s
(0.73x), window to first paint 0.51 s (2.5x), make run's exercise 0.57 s (2.7x); frozen
`--version` 0.164 s (0.117-0.183, 0.78x), frozen `fingerprint` 0.26 s (1.4x), frozen first paint
0.59 s (2.9x). Every budget met.

Runs of 2026-11-26 ~08:50 UTC, shared 2-core VM at load average 12-14 (wall times there are
about four times the CPU times), two bench runs of three passes each, before (the code as it
was, its own frozen build) and after, alternating; CPU seconds, and × the CPU of the yardstick
(0.13-0.14 s in every run):

    what                             before                          after
    window to first paint, source    0.86 s (5.9×); 0.77 s (6.0×)    0.40 s (3.1×); 0.40 s (2.9×)
      wall                           3.45 s; 3.35 s                  1.65 s; 1.41 s
    window to first paint, frozen    0.89 s (6.4×); 0.74 s (5.4×)    0.40 s (3.1×); 0.40 s (3.0×)
      wall                           3.60 s; 3.01 s                  1.62 s; 1.42 s
    --version, source                0.043 s; 0.037 s                0.026 s; 0.028 s
    --version, frozen                0.141 s; 0.121 s                0.123 s; 0.128 s
      wall                           0.60 s; 0.47 s                  0.57 s; 0.46 s
    fingerprint, source              0.132 s; 0.102 s                0.118 s; 0.109 s
    fingerprint, frozen              0.216 s; 0.173 s                0.208 s; 0.200 s
    (python -c pass: 0.021-0.024 s CPU)

`crisisbeeld run` without --db (the demo exercise of `make run`, whose control-team console
is built at start), measured by hand the same way, three runs after a first: 0.90-1.00 s of
CPU before, 0.41-0.46 s after (now a case of this bench).

What the first paint no longer waits for: pyqtgraph and numpy (half a second of imports; the
plots are built right after the first paint, widgets/deferred.py) and a style-sheet polish of
every widget as it was added to the window (the sheet now goes on once, after the window is
built). The source --version imports nothing but the version (multiprocessing was imported
first). The frozen --version is the bootloader and PyInstaller's runtime hooks (inspect,
multiprocessing, pkgutil, PySide6) before any line of ours: 0.12 s of CPU against 0.02 s for a
bare Python; that budget (0.2 s) is not met on this machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]

#: the fixed pure-Python task of the yardstick (about 0.15 s of one core when the machine is idle)
WORK = "s = 0\nfor i in range(1_500_000):\n    s += i * i % 7"


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``cmd`` in a fresh process."""
    c, t = children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - t, children_cpu() - c


def paint(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) from the command to the window's first paint: the program
    stops there itself when $CRISISBEELD_STOP_AT_PAINT holds the moment of the command."""
    t0 = time.time()
    r = subprocess.run(cmd, check=True, env=dict(env, CRISISBEELD_STOP_AT_PAINT=repr(t0)),
                       capture_output=True, text=True, cwd=ROOT)
    wall, cpu = r.stdout.strip().splitlines()[-1].split()[-2:]
    return float(wall), float(cpu)


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="cb-start-"))
    try:
        return measure(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(work: Path) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--frozen", help="the frozen program (dist/crisisbeeld/crisisbeeld)")
    a = ap.parse_args()
    # as an installed program runs: its bytecode compiled once (in a folder of this run, not
    # beside the sources), settings in a folder of this run
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PYTHONPYCACHEPREFIX=str(work / "pycache"), XDG_CONFIG_HOME=str(work / "config"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["CRISISBEELD_HOME"] = str(work / "home")
    db = work / "oef.db"
    cb = [sys.executable, "-m", "desktop"]
    subprocess.run(cb + ["init", "--db", str(db), "--node", "VRU", "--world", "OEF-START"],
                   check=True, env=env, capture_output=True)
    subprocess.run(cb + ["demo", "--db", str(db)], check=True, env=env, capture_output=True)
    run = ["run", "--db", str(db)]
    cases: list[tuple[str, float, Callable[[], tuple[float, float]]]] = [
        ("python: fixed work (yardstick)", 0.0,
         lambda: timed([sys.executable, "-c", WORK], env)),
        ("python -c pass", 0.0, lambda: timed([sys.executable, "-c", "pass"], env)),
        ("crisisbeeld --version", 0.2, lambda: timed(cb + ["--version"], env)),
        ("crisisbeeld fingerprint", 0.5, lambda: timed(cb + ["fingerprint", "--db", str(db)],
                                                       env)),
        ("window: command to first paint", 1.5, lambda: paint(cb + run, env)),
        # without --db: make run's demo exercise (made on the unmeasured round), console and all
        ("make run's exercise, first paint", 1.5, lambda: paint(cb + ["run"], env)),
    ]
    if a.frozen:
        exe = str(Path(a.frozen).resolve())
        cases += [("frozen --version", 0.2, lambda: timed([exe, "--version"], env)),
                  ("frozen fingerprint", 0.5, lambda: timed([exe, "fingerprint", "--db",
                                                              str(db)], env)),
                  ("frozen: command to first paint", 1.5, lambda: paint([exe] + run, env))]
    for _, _, fn in cases:  # once unmeasured: bytecode written, files in the page cache
        fn()
    wall: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for _ in range(a.runs):  # interleaved, so a busy moment hits every case alike
        for name, _, fn in cases:
            w, c = fn()
            wall[name].append(w)
            cpu[name].append(c)
    yard = cases[0][0]
    print(f"{'':32} {'wall':>7} {'range':>13} {'× yard':>7} {'CPU':>7} {'× yard':>7} "
          f"{'budget':>6}")
    for name, budget, _ in cases:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        ratio_w = statistics.median(x / y for x, y in zip(wall[name], wall[yard]))
        ratio_c = statistics.median(x / y for x, y in zip(cpu[name], cpu[yard]))
        ok = "" if not budget else ("ok" if w <= budget else "OVER")
        print(f"{name:32} {w:6.3f}s {min(wall[name]):5.3f}–{max(wall[name]):5.3f} "
              f"{ratio_w:6.2f}× {c:6.3f}s {ratio_c:6.2f}× {budget or '':>6} {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

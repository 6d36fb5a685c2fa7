"""Situation report and paper pack against their budgets (ARCHITECTURE.md §7: a sitrep PDF of a
1M-event store <= 3 s; a paper pack <= 5 s, off the GUI thread).

    .venv/bin/python bench/report.py                                  # /tmp/report-200k.db
    .venv/bin/python bench/report.py --db /tmp/report-1m.db --events 1000000

Builds the store with the demo when it is missing (``crisisbeeld demo --events N --world
OEF-BENCH``). Each run measures, in one process:

* the yardsticks: a full scan of the event table in SQLite (``count(*)`` over the journal
  type, the floor of anything that reads the journal) and a fixed piece of Python work (JSON
  round trips, wall and CPU time), so that figures can be compared across a loaded machine as
  ratios;
* reading the sitrep (``gather`` + ``compose``) and drawing it as PDF (``write_pdf``), wall
  and CPU time of this process;
* one paper pack as the application makes it (``crisisbeeld paper --once`` in a child
  process, start-up included, bytecode cached as an installed program has it; CPU time of the
  child) while this process runs a Qt event loop with a 10 ms timer: the longest gap between
  its ticks says whether the window would have stalled;
* the same pack on a worker thread of this process, with the same loop: why the application
  uses a child process (Qt's rich-text layout holds the interpreter lock; the loop stalls).

One unmeasured pack first (bytecode, page cache). Each figure is given as median and range,
and as a ratio to the yardsticks of the same run. Wall times move 30-40 % on a shared machine;
CPU times and their ratio to the CPU yardstick much less.

Runs of 2026-11-26 ~08:43 UTC, shared 2-core VM at load average 11-12 (other sessions), on
an 85,463-event demo store (97 MB; ``crisisbeeld demo --events 85000``), two bench runs of
two passes each, before (the code as it was) and after, alternating:

    what                          before (2 runs)                  after (2 runs)
    sitrep PDF (8 pages), wall    1.09 s; 1.08 s                   0.87 s; 1.16 s
      CPU (× CPU yardstick)       0.26 s (1.94×); 0.29 s (2.01×)   0.27 s (1.94×); 0.27 s (1.92×)
    paper pack (91 pages), wall   7.20 s; 8.08 s                   4.90 s; 4.84 s
      CPU (× CPU yardstick)       1.69 s (12.4×); 1.99 s (13.9×)   1.23 s (8.9×); 1.30 s (9.4×)
    longest GUI-loop gap, pack    42 ms; 71 ms                     40 ms; 48 ms
    the pack on a worker thread   gap 650 ms; 862 ms               gap 582 ms; 628 ms
    (the CPU yardstick: 0.14 s in every run)

What made the pack cheaper: the picture is composed once (the sitrep is the bijstand board's
sitrep listing fewer requests), the journal part reads only the newest 1,000 lines the
classification ceiling lets through and counts the others from their classification alone
(it read and decoded the whole day twice: 50k events here), and each document is laid out
once (the page size is set before the text, not after it). The child's start-up is about
0.25 s of CPU (Python, Qt, the store); the "8 s of start-up" measured before came from an
environment without cached bytecode, where the child compiled every module on each pack. The
pack's remaining time is Qt's rich-text layout and drawing of 91 pages (about 0.9 s CPU).

The sitrep needs one scan of the journal (its key messages); without the ``occurred_at``
index (made by Terugkijken) that is a scan of the whole event table: the journal-scan
yardstick took 0.05-0.09 s here and 0.3-0.6 s on the 1M-event store below, plus decoding
the key messages of the window.

The same on a 1,000,463-event demo store (1.1 GB, ``--events 1000000``, built in 9 min at
load 11; 722k journal lines, 578k of them in the last 24 hours, 56k open requests), one bench
run of two passes each, ~09:05-09:11 UTC, load average 11:

    what                          before                           after
    sitrep PDF (8 pages), wall    3.94 s; 4.55 s                   4.29 s; 3.70 s
      CPU (× CPU yardstick)       1.94 s (14.2×); 1.94 s (13.9×)   1.77 s (12.0×); 1.72 s (11.9×)
    paper pack (91 pages), wall   23.96 s; 22.59 s                 9.64 s; 8.99 s
      CPU (× CPU yardstick)       10.21 s (74.8×); 9.88 s (70.7×)  3.80 s (25.7×); 3.77 s (26.2×)
    the pack on a worker thread   gap 1.10 s; 0.94 s               gap 0.33 s; 0.35 s

Neither budget was met on 1M events on that loaded machine: the sitrep decoded and sorted all
56k open requests (about 1.2 s of CPU; it lists 40) and scanned the journal for its key
messages; the pack added the classification of every line of the window (0.95 s of CPU).

Now SQLite counts the open requests under the filters and hands back only the most urgent
(data/report/open_bijstand.py), and the journal index (log.JOURNAL_INDEX, made once per
store where reports are made: data.report.gather.prepare) lets the pack count the day's lines under
its ceiling and find the newest 1,000, and the sitrep count its key messages and read the
newest 60. The bench makes the index first, as the application does when a report is first
made (1.28 s, 1.21 s of CPU, once, on the 1M store). The journal-scan yardstick reads the table
NOT INDEXED, so that it stays a full scan.
On the same 1M store (/tmp/report1m.db, a copy of the demo's), 2026-11-26 11:16-11:39 UTC, load
average 1.5-7, runs of two passes each, alternating, CPU time (× the CPU yardstick, 0.17-0.18 s
in every run; the ratio is each run's median):

    what                          before (5 runs)                  after (2 runs)
    sitrep PDF (9 pages), CPU     1.74, 1.64 s (9.99×);            0.62, 0.58 s (3.32×);
                                  1.74, 1.81 s (9.91×);            0.61, 0.58 s (3.50×)
                                  1.71, 1.72 s (10.19×);
                                  1.86, 1.86 s (10.08×);
                                  1.71, 1.62 s (9.66×)
      wall                        1.64-3.61 s                      0.61-0.88 s
    paper pack (92 pages), CPU    4.54, 3.84 s (24.74×);           1.54, 1.52 s (8.41×);
                                  4.01, 3.89 s (22.11×);           1.52, 1.54 s (9.06×)
                                  3.82, 3.79 s (22.55×);
                                  4.06, 4.03 s (21.93×);
                                  3.83, 3.62 s (21.62×)
      wall                        3.85-8.56 s                      1.53-2.34 s
    the pack on a worker thread   gap 140-371 ms                   gap 146-241 ms

Runs in between, on the way: with the open bijstand counted and the journal index but every
key message still decoded, sitrep 0.83, 0.81 s (4.72×), pack 1.76, 1.78 s (10.24×); with the
key messages counted too but the open requests still numbered all before the cut, sitrep
0.74, 0.70 s (4.05×) and 0.76, 0.67 s (4.00×), pack 1.70, 1.68 s (9.49×) and 1.70, 1.61 s
(9.21×). What is left of a sitrep: the open-bijstand statement (0.3 s, half of it parsing 56k
states in SQLite), the key messages (0.09 s), drawing (0.12 s); of a pack: the child's
start-up, the same reads and Qt's 92 pages (about 0.8 s).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from data.clock import WallClock  # noqa: E402
from data.report.gather import sitrep  # noqa: E402
from data.store import Store  # noqa: E402


def scan_yardstick(db: str) -> float:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    t = time.perf_counter()
    # NOT INDEXED: a scan of the whole table, also on a store with the journal index
    con.execute("SELECT count(*) FROM event NOT INDEXED WHERE type = 'journal.logged'").fetchone()
    dt = time.perf_counter() - t
    con.close()
    return dt


def cpu_yardstick() -> tuple[float, float]:
    """A fixed piece of pure-Python work: (wall seconds, CPU seconds)."""
    doc = {"a": list(range(50)), "b": {"c": "tekst" * 10, "d": [1.5, None, True]}}
    c, t = time.process_time(), time.perf_counter()
    for _ in range(20_000):
        json.loads(json.dumps(doc))
    return time.perf_counter() - t, time.process_time() - c


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pack_off_gui_thread(db: str, folder: Path) -> tuple[float, float, int]:
    """One pack as the application makes it — ``crisisbeeld paper --once`` in a child
    process — while this process runs a Qt event loop with a 10 ms timer: (seconds until the
    pack is there, the longest gap between two ticks of the loop, pages). The child's CPU
    time is in :func:`children_cpu`."""
    from PySide6.QtCore import QEventLoop, QProcess, QProcessEnvironment, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    loop = QEventLoop()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    proc = QProcess()
    env = QProcessEnvironment.systemEnvironment()
    env.insert("QT_QPA_PLATFORM", "offscreen")
    # as an installed program runs: bytecode compiled once (into a folder of this run)
    env.remove("PYTHONDONTWRITEBYTECODE")
    env.insert("PYTHONPYCACHEPREFIX", str(folder.parent / "pycache"))
    proc.setProcessEnvironment(env)
    proc.finished.connect(loop.quit)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    t = time.perf_counter()
    last[0] = t
    proc.start(sys.executable, ["-m", "desktop", "paper", "--db", db, "--dir", str(folder),
                                "--once", "--json", "--keep", "2"])
    loop.exec()
    secs = time.perf_counter() - t
    timer.stop()
    app.processEvents()
    out = bytes(proc.readAllStandardOutput().data()).decode()
    doc = json.loads(out.strip().splitlines()[-1])
    if doc.get("problem"):
        raise SystemExit(f"pack failed: {doc['problem']}")
    return secs, max(gaps) if gaps else 0.0, int(doc["pages"])


def pack_on_a_thread(st_path: str, folder: Path) -> tuple[float, float, float]:
    """The same pack on a worker thread of this process (what a child process is there to
    avoid): (seconds, the longest gap between two ticks of this thread's event loop, CPU
    seconds of this process meanwhile)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.paper import PaperPacks

    loop = QEventLoop()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if not worker.is_alive():
            loop.quit()

    def work() -> None:
        st = Store.open(st_path, readonly=True)
        try:
            PaperPacks(folder, keep=2).write(st, WallClock())
        finally:
            st.close()

    worker = threading.Thread(target=work)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    c, t = time.process_time(), time.perf_counter()
    last[0] = t
    timer.start()
    worker.start()
    loop.exec()
    timer.stop()
    worker.join()
    return time.perf_counter() - t, max(gaps) if gaps else 0.0, time.process_time() - c


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/report-200k.db")
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not Path(a.db).exists():
        exe = Path(sys.executable).with_name("crisisbeeld")
        print(f"building {a.db} ({a.events} events) …", flush=True)
        subprocess.run([str(exe), "demo", "--db", a.db, "--world", "OEF-BENCH", "--events",
                        str(a.events)], check=True)
    # as the application does where reports are first made: the journal index (once)
    from data.report.gather import prepare

    c, t = time.process_time(), time.perf_counter()
    w = Store.open(a.db)
    prepare(w)
    w.close()
    print(f"journal index made where missing (once per store): {time.perf_counter() - t:.2f} s, "
          f"CPU {time.process_time() - c:.2f} s", flush=True)
    from PySide6.QtWidgets import QApplication

    from desktop.report_pdf import write_pdf

    QApplication.instance() or QApplication(["bench"])
    st = Store.open(a.db, readonly=True)
    print(f"store {a.db}: {st.event_count():,} events, "
          f"{Path(a.db).stat().st_size / 1e6:.0f} MB", flush=True)
    keys = ("scan", "cpu", "cpu_cpu", "read", "pdf", "total", "total_cpu", "pack", "pack_cpu",
            "gap", "thread", "thread_gap", "thread_cpu")
    rows: dict[str, list[float]] = {k: [] for k in keys}
    pages = pack_pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        pack_off_gui_thread(a.db, Path(tmp) / "papier")  # unmeasured: bytecode, page cache
        for run in range(a.runs):
            rows["scan"].append(scan_yardstick(a.db))
            wall, cpu = cpu_yardstick()
            rows["cpu"].append(wall)
            rows["cpu_cpu"].append(cpu)
            c, t = time.process_time(), time.perf_counter()
            s = sitrep(st, WallClock())
            rows["read"].append(time.perf_counter() - t)
            t2 = time.perf_counter()
            pages = write_pdf(s, Path(tmp) / f"s{run}.pdf")
            rows["pdf"].append(time.perf_counter() - t2)
            rows["total"].append(time.perf_counter() - t)
            rows["total_cpu"].append(time.process_time() - c)
            c = children_cpu()
            secs, gap, pack_pages = pack_off_gui_thread(a.db, Path(tmp) / "papier")
            rows["pack"].append(secs)
            rows["pack_cpu"].append(children_cpu() - c)
            rows["gap"].append(gap)
            secs_t, gap_t, cpu_t = pack_on_a_thread(a.db, Path(tmp) / "draad")
            rows["thread"].append(secs_t)
            rows["thread_gap"].append(gap_t)
            rows["thread_cpu"].append(cpu_t)
            print(f"run {run + 1}: scan {rows['scan'][-1]:.2f} s, cpu {rows['cpu'][-1]:.2f} s, "
                  f"sitrep {rows['total'][-1]:.2f} s (read {rows['read'][-1]:.2f} + pdf "
                  f"{rows['pdf'][-1]:.2f}; CPU {rows['total_cpu'][-1]:.2f}), pack {secs:.2f} s "
                  f"(CPU {rows['pack_cpu'][-1]:.2f}), longest GUI gap {gap * 1000:.0f} ms; "
                  f"on a thread {secs_t:.2f} s, gap {gap_t * 1000:.0f} ms", flush=True)
    st.close()

    def med(k: str) -> float:
        return statistics.median(rows[k])

    def rng(k: str) -> str:
        return f"{min(rows[k]):.2f}–{max(rows[k]):.2f}"

    def ratio(k: str, yard: str) -> float:
        return statistics.median(x / y for x, y in zip(rows[k], rows[yard]))

    print()
    print(f"yardstick: journal scan    median {med('scan'):.2f} s ({rng('scan')})")
    print(f"yardstick: 20k JSON trips  median {med('cpu'):.2f} s ({rng('cpu')}), CPU "
          f"{med('cpu_cpu'):.2f} s")
    for k, what, budget in (("total", f"sitrep PDF ({pages} p.)", 3.0),
                            ("pack", f"paper pack ({pack_pages} p.)", 5.0)):
        print(f"{what:<26} median {med(k):.2f} s ({rng(k)}); budget {budget:.0f} s; "
              f"= {ratio(k, 'scan'):.1f} × the journal scan, {ratio(k, 'cpu'):.2f} × the JSON "
              f"trips; CPU {med(k + '_cpu'):.2f} s = {ratio(k + '_cpu', 'cpu_cpu'):.2f} × "
              "their CPU")
    print(f"  of which reading          median {med('read'):.2f} s, drawing {med('pdf'):.2f} s")
    print(f"longest GUI-loop gap while a pack was written: median {med('gap') * 1000:.0f} ms "
          f"(worst {max(rows['gap']) * 1000:.0f} ms)")
    print(f"the same pack on a worker thread: median {med('thread'):.2f} s (CPU "
          f"{med('thread_cpu'):.2f} s), longest GUI-loop gap median "
          f"{med('thread_gap') * 1000:.0f} ms (worst {max(rows['thread_gap']) * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Live propagation benchmark against ARCHITECTURE §7 (not part of `make test`).

    .venv/bin/python bench/live.py [--db postgresql+psycopg://postgres@127.0.0.1/crisisbeeld_live]
                                   [--seconds 30] [--rate 10] [--burst 2000]

26 centres (the 25 regions and KCR2) sync through one hub of two processes on one PostgreSQL
database (loopback). For `--seconds`, journal lines are written at `--rate` per second across
the country at random centres, then one centre writes a burst of `--burst` lines. For every
line the time from its commit at the origin to its commit at each of the 25 other centres is
taken from the engines' change listeners (wall clock; all on one machine). Each centre is a
process of its own (bench/live_centre.py) that writes the lines it is told to and nudges its
engine, as the application does after a write. Reported: median and p99 of all deliveries, and
p99 of "the last of the 25 others" per line; budget: that p99 ≤ 1.5 s.

The same run is made twice: with engines that wait at the hub for news (the default), and as
the yardstick with engines that only poll every second (`listen=False`, interval 1 s). The 26
centres, two hub processes and PostgreSQL share two cores here: the figures are an upper bound
for 26 separate machines.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.domain.regions import REGIONS
from data.store import Store
from data.sync.hub.storage import SqlEventLog

PY = sys.executable
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def fresh_db(name: str) -> str:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def start_hub(url: str, port: int) -> subprocess.Popen[bytes]:
    import requests

    proc = subprocess.Popen([PY, "-m", "desktop", "hub", "--db", url, "--port", str(port),
                             "--workers", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                return proc
        except requests.RequestException:
            pass
        time.sleep(0.05)
    raise SystemExit("hub did not start")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(listen: bool, url: str, tmp: Path, seconds: float, rate: float, burst: int,
        ) -> dict[str, float]:
    log = SqlEventLog(url)
    nodes = ["kcr2"] + [r.code.lower() for r in REGIONS][:25]
    tokens = {n: log.auth.enroll(n, ["LIVE"]) for n in nodes}
    log.close()
    port = free_port()
    hub = start_hub(url, port)
    sent: dict[str, tuple[str, float]] = {}
    arrived: dict[str, dict[str, float]] = {}
    lock = threading.Lock()
    procs: dict[str, subprocess.Popen[str]] = {}
    for n in nodes:
        db = tmp / f"{n}-{int(listen)}.db"
        Store.create(db, n, "LIVE", n).close()
        procs[n] = subprocess.Popen(
            [PY, str(Path(__file__).with_name("live_centre.py")), str(db),
             f"http://127.0.0.1:{port}", tokens[n], "1" if listen else "0"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def reader(n: str, proc: subprocess.Popen[str], ready: threading.Event) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            kind, _, rest = line.strip().partition(" ")
            if kind == "ready":
                ready.set()
                continue
            eid, _, t = rest.partition(" ")
            with lock:
                if kind == "sent":
                    sent[eid] = (n, float(t))
                elif kind == "got":
                    arrived.setdefault(eid, {})[n] = float(t)

    readies = []
    for n, proc in procs.items():
        ev = threading.Event()
        readies.append(ev)
        threading.Thread(target=reader, args=(n, proc, ev), daemon=True).start()
    for ev in readies:
        ev.wait(120)
    time.sleep(5)  # first rounds (registrations) everywhere
    with lock:
        sent.clear()
        arrived.clear()
    rng = random.Random(7)

    def write(n: str, text: str) -> None:
        stdin = procs[n].stdin
        assert stdin is not None
        stdin.write(f"write {text}\n")
        stdin.flush()

    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        write(rng.choice(nodes), f"regel {i}")
        i += 1
        time.sleep(rng.expovariate(rate))
    burster = rng.choice(nodes)
    for j in range(burst):
        write(burster, f"stoot {j}")
    want = i + burst
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with lock:
            done = sum(len(arrived.get(eid, {})) for eid in sent)
            if len(sent) >= want and done >= want * (len(nodes) - 1):
                break
        time.sleep(0.2)
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.write("stop\n")
        proc.stdin.flush()
    for proc in procs.values():
        proc.wait(60)
    hub.terminate()
    hub.wait()
    delays, last = [], []
    missing = 0
    for eid, (origin, t0) in sent.items():
        got = arrived.get(eid, {})
        d = [t - t0 for node, t in got.items() if node != origin]
        missing += (len(nodes) - 1) - len(d)
        delays += d
        if len(d) == len(nodes) - 1:
            last.append(max(d))
    q = statistics.quantiles
    return {"lines": len(sent), "missing": missing,
            "p50": statistics.median(delays), "p99": q(delays, n=100)[98],
            "last_p50": statistics.median(last), "last_p99": q(last, n=100)[98]}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--rate", type=float, default=10)
    ap.add_argument("--burst", type=int, default=2000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for listen in (True, False):
            url = fresh_db(f"crisisbeeld_live_{int(listen)}")
            r = run(listen, url, Path(tmp), a.seconds, a.rate, a.burst)
            what = "wait at the hub" if listen else "poll every 1 s (yardstick)"
            print(f"{what:28} {r['lines']} lines, {r['missing']} deliveries missing; "
                  f"delivery p50 {r['p50']:.3f} s p99 {r['p99']:.3f} s; last of 25: "
                  f"p50 {r['last_p50']:.3f} s p99 {r['last_p99']:.3f} s "
                  f"(budget 1.5 s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

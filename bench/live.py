"""Live propagation benchmark against ARCHITECTURE §7 (not part of `make test`).

    .venv/bin/python bench/live.py [--db postgresql+psycopg://postgres@127.0.0.1/crisisbeeld_live]
                                   [--seconds 30] [--rate 10] [--burst 2000]

26 centres (the 25 regions and KCR2) sync through one hub of two processes on one PostgreSQL
database (loopback). For `--seconds`, journal lines are written at `--rate` per second across
the country at random centres, then one centre writes a burst of `--burst` lines. For every
line the time from its commit at the origin to its commit at each of the 25 other centres is
taken from the engines' change listeners (monotonic clock, one process). Reported: median and
p99 of all deliveries, and p99 of "the last of the 25 others" per line; budget: that p99
≤ 1.5 s.

The same run is made twice: with engines that wait at the hub for news (the default), and as
the yardstick with engines that only poll every second (`listen=False`, interval 1 s). All 26
engines share this one process and its interpreter lock, next to two hub processes and
PostgreSQL on the same two cores: the figures are an upper bound for 26 separate machines.
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
from data.store import Command, Store
from data.sync.client import PeerConfig, SyncEngine
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
    stores = {n: Store.create(tmp / f"{n}-{int(listen)}.db", n, "LIVE", n) for n in nodes}
    sent: dict[str, tuple[str, float]] = {}
    arrived: dict[str, dict[str, float]] = {}
    lock = threading.Lock()

    def listener(node: str):
        def on_changes(changes) -> None:
            now = time.monotonic()
            with lock:
                for eid in changes.events:
                    if eid in sent:
                        arrived.setdefault(eid, {})[node] = now
        return on_changes

    engines = {}
    for n in nodes:
        e = SyncEngine(stores[n], [PeerConfig(f"http://127.0.0.1:{port}", tokens[n])],
                       interval=5.0 if listen else 1.0, listen=listen)
        e.add_changes_listener(listener(n))
        engines[n] = e
    for e in engines.values():
        e.start()
    time.sleep(3)  # first rounds (registrations) everywhere
    rng = random.Random(7)

    def write(n: str, text: str) -> None:
        ch = stores[n].execute(Command("journal.logged", {"channel": "NCV", "text": text}),
                               "IM")
        t = time.monotonic()
        with lock:
            for eid in ch.events:
                sent[eid] = (n, t)
        engines[n].nudge()

    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        write(rng.choice(nodes), f"regel {i}")
        i += 1
        time.sleep(rng.expovariate(rate))
    burster = rng.choice(nodes)
    for j in range(burst):
        write(burster, f"stoot {j}")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with lock:
            done = sum(len(arrived.get(eid, {})) for eid in sent)
        if done >= len(sent) * (len(nodes) - 1):
            break
        time.sleep(0.2)
    for e in engines.values():
        e.close()
    for s in stores.values():
        s.close()
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

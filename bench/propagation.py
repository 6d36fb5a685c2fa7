"""Live propagation benchmark (issue 19; ARCHITECTURE §7). Not part of `make test`.

    .venv/bin/python bench/propagation.py [--centres 26] [--rate 10] [--seconds 30]
                                          [--burst 2000] [--idle 10] [--runs 1]
                                          [--modes wait,poll]

N centres (default 26: KCR2 and the first 25 regions) sync through one hub of two processes
on one PostgreSQL database (loopback, 127.0.0.1:5432, user postgres). Each centre is a process
of its own (bench/propagation_centre.py: a store and the SyncEngine that `sync --watch` runs)
that writes the journal lines it is told to and nudges its engine, as the application does.

One run, per mode:
1. idle: for `--idle` seconds nobody writes; the hub's CPU (both workers and their manager)
   and the centres' CPU are measured: the cost of N clients waiting at an idle hub;
2. steady: for `--seconds`, journal lines at `--rate` per second at random centres;
3. burst: one centre writes `--burst` lines at once; then the run waits for convergence.
For every line the time from its commit at the origin to its commit at each other centre is
taken from the engines' change listeners (wall clock; one machine). Printed, steady and burst
apart: median and p99 of all deliveries and of "the last of N−1 has it" per line, and where
the last delivery of a line spent its time (origin push; hub → the receiver's wait returns;
pull and ingest). Also the hub's CPU and RSS, the centres' CPU, and the machine's load (the
busy share of all cores over the phase, other work on the machine included).

Modes: "wait" (engines wait at the hub for news; the default engine) and "poll" (the
yardstick: `listen=False`, polling every second). Budgets (issue 19): steady last-of-N p99
≤ 1.5 s; burst: the last of N has each line ≤ 5 s; idle hub with 26 waiting clients ≤ 2 % of
a core; a waiting client ≤ 0.5 % of a core.
"""

from __future__ import annotations

import argparse
import bisect
import os
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
TICK = os.sysconf("SC_CLK_TCK")


def fresh_db(name: str) -> str:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_hub(url: str, port: int) -> subprocess.Popen[bytes]:
    import requests

    proc = subprocess.Popen([PY, "-m", "desktop", "hub", "--db", url, "--port", str(port),
                             "--workers", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(1200):
        try:
            if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                return proc
        except requests.RequestException:
            pass
        time.sleep(0.05)
    raise SystemExit("hub did not start")


# ---------------------------------------------------------------- /proc readings

def tree(pid: int) -> list[int]:
    """pid and all its descendants."""
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += kids.get(p, [])
    return out


def cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of these processes."""
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / TICK


def rss_mb(pids: list[int]) -> float:
    kb = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                kb += next(int(x.split()[1]) for x in f if x.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return kb / 1024


def machine() -> tuple[float, float]:
    """(busy, total) jiffies of all cores."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


class Meter:
    """CPU of the hub tree and of the centres, and the machine's busy cores, over a phase."""

    def __init__(self, hub: list[int], centres: list[int]) -> None:
        self.hub, self.centres = hub, centres
        self.t0 = time.monotonic()
        self.h0, self.c0, self.m0 = cpu_s(hub), cpu_s(centres), machine()

    def read(self) -> dict[str, float]:
        dt = time.monotonic() - self.t0
        m1 = machine()
        return {"secs": dt, "hub_cpu": (cpu_s(self.hub) - self.h0) / dt,
                "centre_cpu": (cpu_s(self.centres) - self.c0) / dt / len(self.centres),
                "busy_cores": (m1[0] - self.m0[0]) / max(1, m1[1] - self.m0[1])
                * os.cpu_count(), "load": os.getloadavg()[0]}  # type: ignore[operator]


# ---------------------------------------------------------------- one run

def stop(procs: dict[str, subprocess.Popen[str]], hub: subprocess.Popen[bytes]) -> None:
    for proc in procs.values():
        try:
            assert proc.stdin is not None
            proc.stdin.write("stop\n")
            proc.stdin.flush()
        except OSError:
            pass
    for proc in procs.values():
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    hub.terminate()
    try:
        hub.wait(30)
    except subprocess.TimeoutExpired:
        hub.kill()
        hub.wait()


def pct(xs: list[float], q: int) -> float:
    if not xs:
        return float("nan")
    if len(xs) == 1:
        return xs[0]
    return statistics.quantiles(xs, n=100, method="inclusive")[q - 1]


def run(listen: bool, url: str, tmp: Path, n: int, seconds: float, rate: float, burst: int,
        idle: float) -> dict[str, object]:
    log = SqlEventLog(url)
    nodes = (["kcr2"] + [r.code.lower() for r in REGIONS])[:n]
    tokens = {nd: log.auth.enroll(nd, ["LIVE"]) for nd in nodes}
    log.close()
    port = free_port()
    hub = start_hub(url, port)
    sent: dict[str, tuple[str, float, str]] = {}  # id -> origin, time, phase
    arrived: dict[str, dict[str, float]] = {}
    pushed: dict[str, float] = {}
    woke: dict[str, list[float]] = {nd: [] for nd in nodes}
    phase = ["warm"]
    lock = threading.Lock()
    procs: dict[str, subprocess.Popen[str]] = {}
    for nd in nodes:
        db = tmp / f"{nd}-{int(listen)}-{time.monotonic_ns()}.db"
        Store.create(db, nd, "LIVE", nd).close()
        procs[nd] = subprocess.Popen(
            [PY, str(Path(__file__).with_name("propagation_centre.py")), str(db),
             f"http://127.0.0.1:{port}", tokens[nd], "1" if listen else "0"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    try:
        return measure(listen, n, seconds, rate, burst, idle, procs, hub, sent, arrived,
                       pushed, woke, phase, lock)
    except BaseException:
        stop(procs, hub)
        raise


def measure(listen: bool, n: int, seconds: float, rate: float, burst: int, idle: float,
            procs: dict[str, subprocess.Popen[str]], hub: subprocess.Popen[bytes],
            sent: dict[str, tuple[str, float, str]], arrived: dict[str, dict[str, float]],
            pushed: dict[str, float], woke: dict[str, list[float]], phase: list[str],
            lock: threading.Lock) -> dict[str, object]:
    nodes = list(procs)
    online: set[str] = set()

    def reader(nd: str, proc: subprocess.Popen[str], ready: threading.Event) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            kind, _, rest = line.strip().partition(" ")
            if kind == "ready":
                ready.set()
                continue
            if kind == "online":
                online.add(nd)
                continue
            parts = rest.split(" ")
            t = float(parts[-1])
            with lock:
                if kind == "sent":
                    sent[parts[0]] = (nd, t, phase[0])
                elif kind == "got":
                    arrived.setdefault(parts[0], {})[nd] = t
                elif kind == "pushed":
                    for eid in parts[:-1]:
                        pushed.setdefault(eid, t)
                elif kind == "woke":
                    woke[nd].append(t)

    readies = []
    for nd, proc in procs.items():
        ev = threading.Event()
        readies.append(ev)
        threading.Thread(target=reader, args=(nd, proc, ev), daemon=True).start()
    for ev in readies:
        ev.wait(300)
    deadline = time.monotonic() + 300
    while len(online) < n and time.monotonic() < deadline:  # first rounds everywhere
        time.sleep(0.2)
    time.sleep(3)  # (the rounds that registrations elsewhere start)
    hub_pids = tree(hub.pid)
    centre_pids = [p.pid for p in procs.values()]

    meter = Meter(hub_pids, centre_pids)
    time.sleep(idle)
    idle_cost = meter.read()

    rng = random.Random(7)

    def write(nd: str, text: str) -> None:
        stdin = procs[nd].stdin
        assert stdin is not None
        stdin.write(f"write {text}\n")
        stdin.flush()

    with lock:
        sent.clear()
        arrived.clear()
        pushed.clear()
        phase[0] = "steady"
    meter = Meter(hub_pids, centre_pids)
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        write(rng.choice(nodes), f"regel {i}")
        i += 1
        time.sleep(rng.expovariate(rate))
    # the last steady lines' deliveries
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with lock:
            if len(sent) >= i and all(len(arrived.get(e, {})) >= n - 1 for e in sent):
                break
        time.sleep(0.1)
    steady_cost = meter.read()
    steady_rss = rss_mb(hub_pids)
    with lock:
        phase[0] = "burst"
    meter = Meter(hub_pids, centre_pids)
    burster = rng.choice(nodes)
    for j in range(burst):
        write(burster, f"stoot {j}")
    want = i + burst
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        with lock:
            done = sum(len(arrived.get(eid, {})) for eid in sent)
            if len(sent) >= want and done >= want * (n - 1):
                break
        time.sleep(0.1)
    burst_cost = meter.read()
    burst_rss = rss_mb(hub_pids)
    stop(procs, hub)

    out: dict[str, object] = {"idle": idle_cost, "steady_cost": steady_cost,
                              "burst_cost": burst_cost, "rss": max(steady_rss, burst_rss)}
    for ph in ("steady", "burst"):
        delays, last, missing = [], [], 0
        push, wake, fetch, via_poll = [], [], [], 0
        for eid, (origin, t0, p) in sent.items():
            if p != ph:
                continue
            got = {nd: t for nd, t in arrived.get(eid, {}).items() if nd != origin}
            missing += (n - 1) - len(got)
            delays += [t - t0 for t in got.values()]
            if len(got) < n - 1:
                continue
            nd, t_last = max(got.items(), key=lambda kv: kv[1])
            last.append(t_last - t0)
            tp = pushed.get(eid)
            if tp is None:
                continue
            push.append(tp - t0)
            k = bisect.bisect_right(woke[nd], t_last) - 1
            if k >= 0 and woke[nd][k] >= tp:
                wake.append(woke[nd][k] - tp)
                fetch.append(t_last - woke[nd][k])
            else:
                via_poll += 1
        out[ph] = {"lines": sum(1 for v in sent.values() if v[2] == ph), "missing": missing,
                   "p50": pct(delays, 50), "p99": pct(delays, 99),
                   "last_p50": pct(last, 50), "last_p99": pct(last, 99),
                   "last_max": max(last, default=float("nan")),
                   "push_p50": pct(push, 50), "push_p99": pct(push, 99),
                   "wake_p50": pct(wake, 50), "wake_p99": pct(wake, 99),
                   "fetch_p50": pct(fetch, 50), "fetch_p99": pct(fetch, 99),
                   "via_poll": via_poll}
    return out


def report(mode: str, n: int, r: dict[str, object]) -> None:
    idle, st, bu = r["idle"], r["steady_cost"], r["burst_cost"]
    assert isinstance(idle, dict) and isinstance(st, dict) and isinstance(bu, dict)
    print(f"== {mode}: {n} centres", flush=True)
    print(f"  idle {idle['secs']:.0f} s: hub {idle['hub_cpu']:.2%} of a core, one centre "
          f"{idle['centre_cpu']:.2%} of a core (machine busy {idle['busy_cores']:.2f} cores, "
          f"load {idle['load']:.1f})")
    for ph, cost in (("steady", st), ("burst", bu)):
        s = r[ph]
        assert isinstance(s, dict)
        print(f"  {ph:6} {s['lines']} lines, {s['missing']} deliveries missing; delivery "
              f"p50 {s['p50']:.3f} s p99 {s['p99']:.3f} s; last of {n - 1}: p50 "
              f"{s['last_p50']:.3f} s p99 {s['last_p99']:.3f} s max {s['last_max']:.3f} s",
              flush=True)
        print(f"         last delivery: push p50 {s['push_p50']:.3f} p99 {s['push_p99']:.3f}; "
              f"hub→wait returns p50 {s['wake_p50']:.3f} p99 {s['wake_p99']:.3f}; pull+ingest "
              f"p50 {s['fetch_p50']:.3f} p99 {s['fetch_p99']:.3f}; {s['via_poll']} by a round "
              f"not started by news")
        print(f"         hub {cost['hub_cpu']:.0%} of a core, one centre "
              f"{cost['centre_cpu']:.1%}, machine busy {cost['busy_cores']:.2f} cores, load "
              f"{cost['load']:.1f} ({cost['secs']:.0f} s)")
    print(f"  hub RSS (manager + 2 workers) {r['rss']:.0f} MB", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--centres", type=int, default=26)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--rate", type=float, default=10)
    ap.add_argument("--burst", type=int, default=2000)
    ap.add_argument("--idle", type=float, default=10)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--modes", default="wait,poll")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(a.runs):
            for mode in a.modes.split(","):
                listen = mode == "wait"
                url = fresh_db(f"crisisbeeld_propagation_{mode}")
                r = run(listen, url, Path(tmp), a.centres, a.seconds, a.rate, a.burst, a.idle)
                report(f"run {k + 1}, {'wait at the hub' if listen else 'poll every 1 s'}",
                       a.centres, r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Helpers for the sync e2e tests: real hub and client processes on loopback, PostgreSQL
databases per test run, and a TCP proxy that injects faults."""

from __future__ import annotations

import os
import random
import select
import socket
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.data.sync.factory import free_port, make_store
from tests.waiting import wait_until

PY = sys.executable
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def cli(*args: str, timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``crisisbeeld ARGS`` as a process; output captured."""
    r = subprocess.run([PY, "-m", "desktop", *args], capture_output=True, text=True,
                       timeout=timeout, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if check and r.returncode != 0:
        raise AssertionError(f"crisisbeeld {' '.join(args)} -> {r.returncode}\n{r.stdout}\n"
                             f"{r.stderr}")
    return r


def cli_bg(*args: str, log: Path | None = None) -> subprocess.Popen[str]:
    """Start ``crisisbeeld ARGS`` in the background, output appended to ``log``."""
    if log is None:
        return subprocess.Popen([PY, "-m", "desktop", *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.STDOUT, text=True)
    with open(log, "a") as out:  # the child keeps its own descriptor
        return subprocess.Popen([PY, "-m", "desktop", *args], stdout=out,
                                stderr=subprocess.STDOUT, text=True)


def wait_health(url: str, proc: subprocess.Popen[str] | None = None) -> dict[str, Any]:
    """Wait until GET /v1/health answers (a process coming up: nothing else to wait on)."""

    def healthy() -> dict[str, Any] | None:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"hub process ended with {proc.returncode}")
        try:
            r = requests.get(url + "/v1/health", timeout=5)
        except requests.RequestException:
            return None
        return dict(r.json()) if r.status_code == 200 else None

    return wait_until(healthy, f"hub {url} healthy")


class Hub:
    """A ``crisisbeeld hub`` (or ``serve``) process on a free loopback port."""

    def __init__(self, source: Sequence[str], tmp: Path, port: int | None = None,
                 serve: bool = False) -> None:
        self.source = list(source)
        self.serve = serve
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"hub-{self.port}.log"
        self.proc: subprocess.Popen[str] | None = None
        self.start()

    def start(self) -> None:
        verb = ["serve"] if self.serve else ["hub"]
        self.proc = cli_bg(*verb, *self.source, "--port", str(self.port), log=self.log)
        self.hub_id = wait_health(self.url, self.proc)["hub_id"]

    def kill(self) -> None:
        """SIGKILL: no clean shutdown (the mid-sync crash)."""
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def enroll(self, node: str, worlds: str = "LIVE") -> str:
        return enroll(self.source, node, worlds)

    def get(self, path: str, token: str) -> Any:
        r = requests.get(self.url + path, headers={"Authorization": f"Bearer {token}"},
                         timeout=10)
        r.raise_for_status()
        return r.json()


def enroll(source: Sequence[str], node: str, worlds: str = "LIVE") -> str:
    out = cli("hub", "enroll", *source, "--node", node, "--worlds", worlds).stdout
    return out.strip().splitlines()[-1]


def token_file(tmp: Path, node: str, token: str) -> str:
    p = tmp / f"{node}.token"
    p.write_text(token + "\n")
    return str(p)


def fingerprint(db: Path) -> str:
    return cli("fingerprint", "--db", str(db)).stdout.strip()


def by_origin(rows: Any) -> dict[str, list[int]]:
    """(origin, seq) rows -> each origin's seqs, ascending."""
    out: dict[str, list[int]] = {}
    for origin, seq in rows:
        out.setdefault(str(origin), []).append(int(seq))
    return {o: sorted(s) for o, s in out.items()}


def store_seqs(db: Path) -> dict[str, list[int]]:
    """The seqs a centre's store holds of each origin."""
    c = sqlite3.connect(db)
    try:
        return by_origin(c.execute("SELECT origin, seq FROM event"))
    finally:
        c.close()


def assert_complete(seqs: dict[str, list[int]], want: dict[str, int], where: str) -> None:
    """Exactly ``want[origin]`` events of each origin and of no other, seq 1..n without gaps.
    (Event ids are unique keys in stores and hubs, so counting distinct ids proves nothing;
    these counts and chains are what a lost or doubled event would break.)"""
    assert {o: len(s) for o, s in seqs.items()} == want, where
    for origin, s in seqs.items():
        assert s == list(range(1, want[origin] + 1)), f"{where}: gap in {origin}'s chain"


def stores(tmp: Path, nodes: Sequence[str], n: int) -> list[Path]:
    """One store per node with local changes; each holds n + 1 events (with its registration)."""
    return [make_store(tmp / f"{node}.db", node, n, seed=i) for i, node in enumerate(nodes)]


# ------------------------------------------------------------------------------ PostgreSQL


def pg_database(request: pytest.FixtureRequest) -> Any:
    """A fresh database for this test; dropped afterwards. Skips when PostgreSQL is not there,
    except under CI=true, where that is a failure."""
    import psycopg

    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as e:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL op 127.0.0.1:5432 onbereikbaar onder CI: {e}")
        pytest.skip(f"PostgreSQL op 127.0.0.1:5432 onbereikbaar: {e}".splitlines()[0])
    name = f"crisisbeeld_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    request.addfinalizer(drop)
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


# ------------------------------------------------------------------------------ fault proxy


class FaultyProxy:
    """A TCP proxy on loopback that, per connection and seeded, passes traffic, drops the
    connection at once, stalls it, or cuts it after a random number of bytes (mid-batch)."""

    def __init__(self, target_port: int, seed: int, p_drop: float = 0.06,
                 p_stall: float = 0.04, p_cut: float = 0.15, stall_s: float = 2.5) -> None:
        self.target = target_port
        self.rng = random.Random(seed)
        self.p = (p_drop, p_stall, p_cut)
        self.stall_s = stall_s
        self.faults = True
        self.counts = {"pass": 0, "drop": 0, "stall": 0, "cut": 0}
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()

    def _decide(self) -> tuple[str, int]:
        with self._lock:
            x = self.rng.random()
            cut_at = self.rng.randrange(0, 300_000)
            d, s, c = self.p
            kind = ("pass" if not self.faults else "drop" if x < d else "stall" if x < d + s
                    else "cut" if x < d + s + c else "pass")
            self.counts[kind] += 1
            return kind, cut_at

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        kind, cut_at = self._decide()
        try:
            if kind == "drop":
                return
            if kind == "stall":
                self._stop.wait(self.stall_s)  # longer than the client's read timeout
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=2)
            except OSError:
                return  # hub down (restarting): the client sees a cut connection
            moved = 0
            with upstream:
                socks = [client, upstream]
                while not self._stop.is_set():
                    r, _, _ = select.select(socks, [], [], 0.5)
                    for s in r:
                        data = s.recv(65536)
                        if not data:
                            return
                        if kind == "cut" and moved + len(data) > cut_at:
                            other = upstream if s is client else client
                            other.sendall(data[:max(0, cut_at - moved)])
                            return
                        moved += len(data)
                        (upstream if s is client else client).sendall(data)
        except OSError:
            pass
        finally:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            client.close()

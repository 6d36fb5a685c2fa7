"""Fault injection: a TCP proxy drops, stalls and cuts connections at random (seeded), and the
hub is killed and restarted mid-sync. Every centre still converges, without duplicates."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.synckit import (
    FaultyProxy,
    Hub,
    cli_bg,
    event_ids,
    fingerprint,
    stores,
    token_file,
)

pytestmark = pytest.mark.slow

N = 1200


def hub_count(db: Path) -> tuple[int, int]:
    c = sqlite3.connect(db, timeout=30)
    try:
        return c.execute("SELECT count(*), count(DISTINCT id) FROM hub_event").fetchone()
    except sqlite3.OperationalError:
        return (0, 0)
    finally:
        c.close()


def run_all(dbs: list[Path], toks: list[str], url: str, tmp: Path, tag: str) -> list[int]:
    procs = [cli_bg("sync", "--db", str(db), "--hub", url, "--token-file", tok, "--once",
                    "--batch", "150", "--timeout", "0.5", "--backoff-base", "0.02",
                    "--backoff-cap", "0.3", "--give-up", "100", "--seed", str(i),
                    log=tmp / f"{db.stem}-{tag}.log")
             for i, (db, tok) in enumerate(zip(dbs, toks))]
    return procs  # type: ignore[return-value]


def wait_all(procs: list[subprocess.Popen[str]], timeout: float = 150) -> list[int]:
    deadline = time.monotonic() + timeout
    out = []
    for p in procs:
        try:
            out.append(p.wait(max(0.1, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            p.kill()
            out.append(-9)
    return out


def test_converge_through_drops_stalls_cuts_and_a_hub_restart(tmp_path: Path):
    dbs = stores(tmp_path, ["vnog", "vrbzo", "kcr2"], N)
    hub_db = tmp_path / "hub.db"
    hub = Hub(["--db", str(hub_db)], tmp_path)
    proxy = FaultyProxy(hub.port, seed=20261122, p_drop=0.15, p_stall=0.08, p_cut=0.3)
    try:
        toks = [token_file(tmp_path, db.stem, hub.enroll(db.stem)) for db in dbs]
        procs = run_all(dbs, toks, proxy.url, tmp_path, "r1")
        # kill the hub (SIGKILL) while it is taking batches, and bring it back on its port
        deadline = time.monotonic() + 60
        while hub_count(hub_db)[0] < 300:
            assert time.monotonic() < deadline, "no sync traffic reached the hub"
            assert any(p.poll() is None for p in procs), "clients ended before the restart"
            time.sleep(0.02)
        hub.kill()
        hub.start()
        rcs = wait_all(procs)
        logs = {db.stem: (tmp_path / f"{db.stem}-r1.log").read_text()[-2000:] for db in dbs}
        assert rcs == [0, 0, 0], logs
        # second round: everyone pulls what the others pushed (faults still on)
        rcs = wait_all(run_all(dbs, toks, proxy.url, tmp_path, "r2"))
        assert rcs == [0, 0, 0]
        fps = {fingerprint(db) for db in dbs}
        assert len(fps) == 1, fps
        for db in dbs:
            ids = event_ids(db)
            assert len(ids) == len(set(ids)) == 3 * (N + 1)
        assert hub_count(hub_db) == (3 * (N + 1), 3 * (N + 1))
        c = proxy.counts
        assert c["drop"] and c["cut"] and c["stall"] and c["pass"], c
    finally:
        proxy.close()
        hub.stop()

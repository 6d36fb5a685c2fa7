"""Fault injection: a TCP proxy drops, stalls and cuts connections at random (seeded), and the
hub is killed and restarted mid-sync. Every centre still converges: every origin's chain
complete, nothing lost and nothing twice, in each store and in the hub."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.e2e.synckit import (
    FaultyProxy,
    Hub,
    assert_complete,
    by_origin,
    cli_bg,
    fingerprint,
    store_seqs,
    stores,
    token_file,
)
from tests.waiting import wait_until

pytestmark = pytest.mark.slow

N = 1200


def hub_seqs(db: Path) -> dict[str, list[int]]:
    """The seqs the hub holds of each origin (none while its tables do not exist yet)."""
    c = sqlite3.connect(db, timeout=30)
    try:
        return by_origin(c.execute("SELECT origin, seq FROM hub_event WHERE world = 'LIVE'"))
    except sqlite3.OperationalError:
        return {}
    finally:
        c.close()


def run_all(dbs: list[Path], toks: list[str], url: str, tmp: Path, tag: str) -> list[int]:
    procs = [cli_bg("sync", "--db", str(db), "--hub", url, "--token-file", tok, "--once",
                    "--batch", "150", "--timeout", "0.5", "--backoff-base", "0.02",
                    "--backoff-cap", "0.3", "--give-up", "100", "--seed", str(i),
                    log=tmp / f"{db.stem}-{tag}.log")
             for i, (db, tok) in enumerate(zip(dbs, toks))]
    return procs  # type: ignore[return-value]


def wait_all(procs: list[subprocess.Popen[str]], cap_s: float = 150) -> list[int]:
    """Wait for each process to end (a broken run is killed after a generous cap)."""
    out = []
    for p in procs:
        try:
            out.append(p.wait(cap_s))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
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
        def traffic() -> bool:
            assert any(p.poll() is None for p in procs), "clients ended before the restart"
            return sum(map(len, hub_seqs(hub_db).values())) >= 300

        wait_until(traffic, "300 events at the hub")
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
        want = {db.stem: N + 1 for db in dbs}
        for db in dbs:
            assert_complete(store_seqs(db), want, db.stem)
        assert_complete(hub_seqs(hub_db), want, "hub")
        c = proxy.counts
        assert c["drop"] and c["cut"] and c["stall"] and c["pass"], c
    finally:
        proxy.close()
        hub.stop()

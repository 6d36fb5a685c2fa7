"""Scale-out: two hub processes on one PostgreSQL database serve one world consistently."""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

from data.store import Store
from tests.e2e.synckit import (
    Hub,
    assert_complete,
    by_origin,
    cli_bg,
    enroll,
    fingerprint,
    pg_database,
    store_seqs,
    stores,
    token_file,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> str:
    return str(pg_database(request))


def pg_seqs(url: str) -> dict[str, list[int]]:
    """The seqs the hub's database holds of each origin."""
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as c:
        return by_origin(c.execute(
            "SELECT origin, seq FROM hub_event WHERE world = 'LIVE'").fetchall())


def test_two_hub_processes_converge_three_centres(tmp_path: Path, pg_url: str):
    dbs = stores(tmp_path, ["vnog", "vrbzo", "kcr2"], 400)
    toks = [token_file(tmp_path, db.stem, enroll(["--db", pg_url], db.stem)) for db in dbs]
    h1 = Hub(["--db", pg_url], tmp_path)
    h2 = Hub(["--db", pg_url, "--workers", "2"], tmp_path)  # itself two processes on one port
    try:
        assert h1.hub_id == h2.hub_id  # one hub, three processes: cursors hold across them
        routes = [[h1.url], [h2.url], [h1.url, h2.url]]
        for rnd in range(2):
            procs = []
            for db, tok, hubs in zip(dbs, toks, routes):
                args = [a for u in (hubs if rnd == 0 else hubs[::-1]) for a in ("--hub", u)]
                procs.append(cli_bg("sync", "--db", str(db), *args, "--token-file", tok,
                                    "--once", "--batch", "100", "--give-up", "60",
                                    log=tmp_path / f"{db.stem}-{rnd}.log"))
            assert [p.wait(120) for p in procs] == [0, 0, 0]
            routes = [routes[1], routes[0], routes[2]]  # swap processes between rounds
        # one more pass so the last pusher's events reach the first ones
        procs = [cli_bg("sync", "--db", str(db), "--hub", h1.url, "--token-file", tok, "--once",
                        "--give-up", "60") for db, tok in zip(dbs, toks)]
        assert [p.wait(120) for p in procs] == [0, 0, 0]
        assert len({fingerprint(db) for db in dbs}) == 1
        want = {db.stem: 401 for db in dbs}
        for db in dbs:
            assert_complete(store_seqs(db), want, db.stem)
        assert_complete(pg_seqs(pg_url), want, "hub")
    finally:
        for h in (h1, h2):
            h.stop()


def test_concurrent_writers_never_make_a_reader_skip(tmp_path: Path, pg_url: str):
    """Six centres push small batches alternately to both processes while a reader pulls
    alternately from both with one cursor: it must see every event exactly once."""
    dbs = stores(tmp_path, [f"c{i}" for i in range(6)], 150)
    batches: list[list[dict[str, Any]]] = []
    for db in dbs:
        st = Store.open(db)
        evs = [e.to_wire() for e in st.iter_events()]
        st.close()
        batches.append(evs)
    tok = enroll(["--db", pg_url], "relay")
    hubs = [Hub(["--db", pg_url], tmp_path), Hub(["--db", pg_url], tmp_path)]
    auth = {"Authorization": f"Bearer {tok}"}
    errors: list[str] = []
    done = threading.Event()

    def pusher(i: int, evs: list[dict[str, Any]]) -> None:
        s = requests.Session()
        for k in range(0, len(evs), 8):
            body = gzip.compress(json.dumps({"events": evs[k:k + 8]}).encode(), 1)
            r = s.post(hubs[(i + k // 8) % 2].url + "/v1/worlds/LIVE/events", data=body,
                       headers={**auth, "Content-Encoding": "gzip"}, timeout=30)
            if r.status_code != 200 or r.json()["accepted"] != len(evs[k:k + 8]):
                errors.append(r.text[:300])
        s.close()

    seen: list[str] = []

    def reader() -> None:
        s = requests.Session()
        after, n = 0, 0
        while True:
            finished = done.is_set()
            page = s.get(hubs[n % 2].url + "/v1/worlds/LIVE/events",
                         params={"after": after, "limit": 37}, headers=auth, timeout=30).json()
            n += 1
            seen.extend(e["id"] for e in page["events"])
            after = page["next"]
            if finished and not page["more"] and not page["events"]:
                break
            if not page["events"]:
                done.wait(0.05)  # nothing new yet: until the pushers are done, or a moment
        s.close()

    try:
        threads = [threading.Thread(target=pusher, args=(i, evs)) for i, evs in enumerate(batches)]
        rt = threading.Thread(target=reader, daemon=True)
        rt.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not any(t.is_alive() for t in threads), "a pusher did not finish"
        done.set()
        rt.join(150)
        assert not rt.is_alive(), "the reader did not finish"
        assert not errors, errors[:3]
        everything = {e["id"] for evs in batches for e in evs}
        assert len(seen) == len(set(seen)), "an event was served twice"
        assert set(seen) == everything, f"reader missed {len(everything - set(seen))} events"
        assert_complete(pg_seqs(pg_url), {db.stem: 151 for db in dbs}, "hub")
    finally:
        for h in hubs:
            h.stop()




def test_hub_processes_wake_each_others_waiting_pulls(tmp_path: Path, pg_url: str,
                                                    monkeypatch: pytest.MonkeyPatch):
    """A pull waiting at one hub process hears of a push to another process on the same
    database. The waiters' own look at the log is put off for an hour here: only
    LISTEN/NOTIFY can wake them. The wait asks for the hub's longest wait (25 s): at its end
    the hub looks once more and would answer 'news' anyway, so the test requires the answer
    while the wait still had most of its time left (15 s), which only a notice can bring."""
    from data.sync.client import HubClient, PeerConfig
    from data.sync.hub.news import LOOK_ENV, MAX_WAIT_S
    from tests.data.sync.factory import fill

    monkeypatch.setenv(LOOK_ENV, "3600")
    tok = enroll(["--db", pg_url], "vnog")
    h1, h2 = Hub(["--db", pg_url], tmp_path), Hub(["--db", pg_url], tmp_path)
    try:
        got: list[bool] = []
        t = threading.Thread(target=lambda: got.append(
            HubClient(PeerConfig(h1.url, tok)).wait("LIVE", after=0, timeout=MAX_WAIT_S)))
        t.start()
        st = Store.create(tmp_path / "vnog.db", "vnog")
        fill(st, 2)
        lines = [json.dumps(e.to_wire()) for e in st.iter_events()]
        st.close()
        assert HubClient(PeerConfig(h2.url, tok)).push("LIVE", lines)["accepted"] == 3
        t.join(MAX_WAIT_S - 10)
        assert not t.is_alive(), "the waiting pull was not woken by the other process's push"
        assert got == [True]
    finally:
        h1.stop()
        h2.stop()


def test_a_notify_on_the_channel_wakes_the_worlds_waiters(pg_url: str):
    import asyncio

    from data.sync.hub.news import CHANNEL, PgListener, WorldNews, psycopg_dsn

    news = WorldNews()

    async def main() -> bool:
        news._loop = asyncio.get_running_loop()  # noqa: SLF001 - as a first wait would set it
        ev = news._event("OEF-2026-01")  # noqa: SLF001
        listener = PgListener(psycopg_dsn(pg_url), news)
        listener.start()
        try:
            async def notify_until_heard() -> None:
                while not ev.is_set():  # (the listener may not be listening yet)
                    with psycopg.connect(psycopg_dsn(pg_url), autocommit=True) as c:
                        c.execute("SELECT pg_notify(%s, %s)", (CHANNEL, "OEF-2026-01"))
                    await asyncio.sleep(0.2)

            sender = asyncio.create_task(notify_until_heard())
            await asyncio.wait_for(ev.wait(), 30)
            sender.cancel()
            return True
        finally:
            listener.stop()

    assert asyncio.run(main())

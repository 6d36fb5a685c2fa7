"""The sync engine against real hubs (uvicorn in a thread)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from data.store import Command, Store
from data.sync.client import HubClient, PeerConfig, SyncEngine, SyncState
from data.sync.hub.storage import SqlEventLog
from data.sync.hub.store_log import StoreEventLog
from tests.data.sync.conftest import ThreadHub
from tests.data.sync.factory import fill, free_port


def engine(st: Store, *peers: PeerConfig, **kw) -> SyncEngine:
    kw.setdefault("backoff_base", 0.01)
    kw.setdefault("backoff_cap", 0.05)
    kw.setdefault("timeout", (2.0, 10.0))
    return SyncEngine(st, list(peers), **kw)


def test_two_stores_converge_and_state_is_reported(sql_hub, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    fill(a, 120, 1)
    fill(b, 80, 2)
    states: list[SyncState] = []
    changes = []
    ea = engine(a, PeerConfig(sql_hub.url, sql_hub.enroll("vnog")), batch=50, pull_limit=30)
    eb = engine(b, PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo")), batch=50, pull_limit=30)
    ea.add_listener(states.append)
    ea.add_changes_listener(changes.append)
    assert ea.state.backlog == 0 and ea.state.status == "offline"
    ea.sync_once()
    eb.sync_once()
    s = ea.sync_once()
    assert a.fingerprint() == b.fingerprint()
    assert a.event_count() == 201 + 1
    assert s.status == "online" and s.backlog == 0 and s.last_success
    (p,) = s.peers
    assert p.hub_id == sql_hub.log.hub_id and p.pushed == 121 and p.pulled == 81
    assert p.pull_cursor == 202 and p.push_cursor == a.event_count()
    assert states and states[-1] == s
    assert changes and any(c.touches("incident") for c in changes)
    # nothing left to do: a further round moves nothing
    s2 = ea.sync_once()
    assert s2.peers[0].pushed == 121 and s2.peers[0].pulled == 81
    ea.close()
    eb.close()


def test_busy_while_events_move_and_not_on_a_quiet_round(sql_hub, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    fill(a, 60, 1)
    ea = engine(a, PeerConfig(sql_hub.url, sql_hub.enroll("vnog")), batch=25, pull_limit=25)
    eb = engine(b, PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo")), pull_limit=25)
    busy_a: list[bool] = []
    busy_b: list[bool] = []
    ea.add_listener(lambda st: busy_a.append(st.busy))
    eb.add_listener(lambda st: busy_b.append(st.busy))
    assert not ea.sync_once().busy and True in busy_a  # busy while pushing, not after
    assert not eb.sync_once().busy and True in busy_b  # busy while taking in pulled pages
    ea.sync_once()  # takes in b's registration
    busy_a.clear()
    assert not ea.sync_once().busy and True not in busy_a  # nothing to move: never busy
    ea.close()
    eb.close()


def test_cursors_survive_a_restart_of_the_engine(sql_hub, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    fill(a, 50)
    fill(b, 50)
    ta, tb = sql_hub.enroll("vnog"), sql_hub.enroll("vrbzo")
    engine(b, PeerConfig(sql_hub.url, tb)).sync_once()
    e1 = engine(a, PeerConfig(sql_hub.url, ta))
    e1.sync_once()
    e1.close()
    e2 = engine(a, PeerConfig(sql_hub.url, ta))
    assert e2.state.peers[0].pull_cursor == 102  # known before any contact
    s = e2.sync_once()
    assert s.peers[0].pushed == 0 and s.peers[0].pulled == 0 and s.backlog == 0
    fill(a, 5, seed=9)
    assert e2.sync_once().peers[0].pushed == 5
    e2.close()


def test_offline_backlog_and_backoff(store_factory):
    a = store_factory("vnog")
    fill(a, 20)
    e = engine(a, PeerConfig(f"http://127.0.0.1:{free_port()}", "x"))
    s = e.sync_once()
    assert s.status == "offline" and s.peers[0].next_attempt_in > 0
    assert "onbereikbaar" in s.last_error
    assert not e.run_until_synced(deadline=0)
    e.close()


def test_wrong_token_is_an_error_state(sql_hub, store_factory):
    a = store_factory("vnog")
    e = engine(a, PeerConfig(sql_hub.url, "verkeerd"))
    s = e.sync_once()
    assert s.status == "error" and "401" in s.last_error and "token" in s.last_error
    e.close()


def test_a_replaced_hub_gets_everything_again(tmp_path: Path, store_factory):
    a = store_factory("vnog")
    fill(a, 30)
    for n in (1, 2):
        log = SqlEventLog(str(tmp_path / f"hub{n}.db"))
        hub = ThreadHub(log)
        e = engine(a, PeerConfig(hub.url, hub.enroll("vnog")))
        assert e.sync_once().peers[0].pushed == 31
        assert log.counts("LIVE")["events"] == 31
        e.close()
        hub.stop()
        log.close()


def test_several_hubs_relay_through_a_common_node(tmp_path: Path, store_factory):
    logs = [SqlEventLog(str(tmp_path / f"h{i}.db")) for i in (1, 2)]
    h1, h2 = (ThreadHub(x) for x in logs)
    a, b, c = store_factory("kcr2"), store_factory("vnog"), store_factory("vrbzo")
    for i, st in enumerate((a, b, c)):
        fill(st, 25, i)
    ea = engine(a, PeerConfig(h1.url, h1.enroll("kcr2"), "h1"),
                PeerConfig(h2.url, h2.enroll("kcr2"), "h2"))
    eb = engine(b, PeerConfig(h1.url, h1.enroll("vnog")))
    ec = engine(c, PeerConfig(h2.url, h2.enroll("vrbzo")))
    for _ in range(3):  # b's events reach c (and c's reach b) in the round after a relays them
        for e in (eb, ec, ea):
            e.sync_once()
    assert a.fingerprint() == b.fingerprint() == c.fingerprint()
    assert {p.name for p in ea.state.peers} == {"h1", "h2"}
    for e in (ea, eb, ec):
        e.close()
    for h, x in zip((h1, h2), logs):
        h.stop()
        x.close()


def test_background_thread_and_nudge(sql_hub, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    ea = engine(a, PeerConfig(sql_hub.url, sql_hub.enroll("vnog")), interval=60)
    eb = engine(b, PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo")), interval=60)
    seen = threading.Event()
    target = {"n": 0}

    def on_state(s: SyncState) -> None:
        if (s.status == "online" and s.backlog == 0 and b.event_count() == target["n"]
                and a.event_count() == target["n"]):
            seen.set()

    eb.add_listener(on_state)
    ea.start()
    eb.start()
    a.execute(Command("journal.logged", {"channel": "NCV", "text": "test"}), "OL")
    target["n"] = a.event_count() + b.event_count()
    ea.nudge()
    assert ea.state.running
    # they poll only every 60 s; nudge until both hold everything (bounded)
    for _ in range(200):
        ea.nudge()
        eb.nudge()
        if seen.wait(0.05):
            break
    assert seen.is_set()
    assert a.fingerprint() == b.fingerprint()
    ea.stop()
    eb.stop()
    assert not ea.state.running
    ea.close()
    eb.close()


def test_peer_hub_on_a_centres_own_store(tmp_path: Path, store_factory):
    centre = store_factory("vnog")
    fill(centre, 40)
    centre.close()
    log = StoreEventLog(centre.path)
    hub = ThreadHub(log)
    b = store_factory("vrbzo")
    fill(b, 30, 5)
    eb = engine(b, PeerConfig(hub.url, hub.enroll("vrbzo")))
    s = eb.sync_once()
    assert s.status == "online" and s.peers[0].pushed == 31 and s.peers[0].pulled == 41
    assert log.store.fingerprint() == b.fingerprint()
    assert log.heads("LIVE") == {"vnog": 41, "vrbzo": 31}
    eb.close()
    hub.stop()
    log.close()


def test_a_forked_origin_is_refused_and_shown(sql_hub, store_factory):
    """A second store with the same node id (a restored or copied centre) forks the chain: its
    events are not counted as delivered because the hub's head is higher; the round fails
    with a red alarm that names both sides, and the hub keeps the first chain."""
    a, twin = store_factory("vnog"), store_factory("vnog")
    fill(a, 10)
    fill(twin, 5, seed=3)
    tok = sql_hub.enroll("vnog")
    assert engine(a, PeerConfig(sql_hub.url, tok)).sync_once().status == "online"
    e = engine(twin, PeerConfig(sql_hub.url, tok))
    s = e.sync_once()
    peer = s.peers[0]
    assert s.status == "error" and peer.fork.startswith("vork: vnog seq 6 is in deze store")
    assert "twee machines met node-id vnog" in peer.trouble
    own6 = [ev.id for ev in twin.iter_events() if ev.seq == 6][0]
    (alarm,) = [x for x in twin.alarms() if x["kind"] == "vork"]
    assert alarm["origin"] == "vnog" and own6[:13] in alarm["detail"]
    assert sql_hub.log.counts("LIVE")["events"] == 11
    assert not e.run_until_synced(time.monotonic() + 30, give_up_on_refusal=True)
    e.close()


def test_a_restored_copy_ahead_of_the_hub_forks_and_the_hub_shows_it(
        sql_hub, store_factory, tmp_path):
    """A centre's store copied to a fallback laptop (same node id, same key), both writing on:
    the copy that syncs second holds *more* of the origin than the hub. The engine sees the
    fork before it sends anything; a client that pushes anyway (an older version) has the
    forked events refused for good, and the hub's status lists the fork."""
    import shutil

    a = store_factory("vnog")
    fill(a, 2)
    a.close()
    shutil.copy(a.path, tmp_path / "laptop.db")
    a = Store.open(a.path)
    twin = Store.open(tmp_path / "laptop.db")
    try:
        fill(a, 1, seed=1)
        fill(twin, 5, seed=3)
        tok = sql_hub.enroll("vnog")
        assert engine(a, PeerConfig(sql_hub.url, tok)).sync_once().status == "online"
        e = engine(twin, PeerConfig(sql_hub.url, tok))
        s = e.sync_once()
        peer = s.peers[0]
        assert s.status == "error" and peer.fork.startswith("vork: vnog seq 4 ")
        assert sql_hub.log.counts("LIVE")["events"] == 4  # nothing of the copy was sent
        reply = HubClient(PeerConfig(sql_hub.url, tok)).push(
            "LIVE", [json.dumps(ev.to_wire()) for ev in twin.iter_events()])
        refused = {r["id"]: r["reason"] for r in reply["results"] if r["status"] == "rejected"}
        own4 = next(ev.id for ev in twin.iter_events() if ev.seq == 4)
        assert "bestaat al met een ander id" in refused[own4]
        assert reply["duplicates"] == 3  # seq 1-3 are the same events on both
        (fork,) = sql_hub.log.forks("LIVE")
        assert (fork["origin"], fork["seq"], fork["offered_id"]) == ("vnog", 4, own4)
        assert fork["held_id"] != own4 and fork["node"] == "vnog"
        e.close()
    finally:
        a.close()
        twin.close()


def test_a_restored_backup_that_writes_on_is_a_fork_in_the_hubs_status(
        sql_hub, store_factory, tmp_path):
    """A centre restores yesterday's backup and writes on: its next sync finds the fork before
    it sends anything, and still offers the hub its own event at that seq, so the hub's
    status lists the fork too (issue 15: a red alarm at the hub, in status and the log)."""
    import shutil

    import requests

    st = store_factory("vnog")
    fill(st, 3)
    st.close()
    shutil.copy(st.path, tmp_path / "backup.db")
    st = Store.open(st.path)
    tok = sql_hub.enroll("vnog")
    try:
        fill(st, 1, seed=1)
        assert engine(st, PeerConfig(sql_hub.url, tok)).sync_once().status == "online"
    finally:
        st.close()
    shutil.copy(tmp_path / "backup.db", st.path)
    st = Store.open(st.path)
    try:
        fill(st, 1, seed=2)
        e = engine(st, PeerConfig(sql_hub.url, tok))
        assert e.sync_once().peers[0].fork.startswith("vork: vnog seq 5 ")
        e.close()
        own5 = next(ev.id for ev in st.iter_events() if ev.seq == 5)
    finally:
        st.close()
    status = requests.get(f"{sql_hub.url}/v1/worlds/LIVE/status", timeout=10,
                          headers={"Authorization": "Bearer " + tok}).json()
    (fork,) = status["forks"]
    assert (fork["origin"], fork["seq"], fork["offered_id"]) == ("vnog", 5, own5)
    assert fork["held_id"] != own5
    assert sql_hub.log.counts("LIVE")["events"] == 5  # the hub kept the first chain


def test_a_hub_with_smaller_limits_gets_smaller_batches(sql_hub, store_factory, monkeypatch):
    import data.sync.hub.app as app_mod

    monkeypatch.setattr(app_mod, "MAX_BATCH_EVENTS", 150)
    a = store_factory("vnog")
    fill(a, 500)
    e = engine(a, PeerConfig(sql_hub.url, sql_hub.enroll("vnog")), batch=1000)
    assert e.run_until_synced(deadline=time.monotonic() + 30)
    assert e.batch <= 150 and sql_hub.log.counts("LIVE")["events"] == 501
    e.close()


def test_the_desktop_serves_its_open_store_from_a_thread(store_factory):
    from data.sync.hub.server import BackgroundHub

    centre = store_factory("vggm")
    fill(centre, 20)
    log = StoreEventLog(centre)  # the application's own store object
    hub = BackgroundHub(log, port=free_port())
    hub.start()
    b = store_factory("vrgz")
    fill(b, 10, 2)
    e = engine(b, PeerConfig(hub.url, log.auth.enroll("vrgz", ["LIVE"], [])))
    assert e.sync_once().status == "online"
    assert centre.fingerprint() == b.fingerprint()
    e.close()
    hub.stop()
    assert centre.event_count() == 32  # the app's store stays open after the hub stops


def plant(log: SqlEventLog, wire: list[dict]) -> None:
    """Put events into a hub's tables as they are (what an older hub's checks let through)."""
    from data.store.envelope import Event
    from data.sync.hub.storage import EV, HEAD
    from data.sync.wire import wire_json

    with log.write.begin() as c:
        for w in wire:
            e = Event.from_wire(w)
            c.execute(EV.insert().values(world="LIVE", id=e.id, origin=e.origin, seq=e.seq,
                                         hash=e.digest(), node=e.origin, received_at="",
                                         body=wire_json(
                                             e.id, e.world, e.origin, e.seq, e.hlc,
                                             e.occurred_at, e.recorded_at, e.author, e.type,
                                             e.entity, e.payload_json, e.prev, e.sig)))
        last = Event.from_wire(wire[-1])
        c.execute(HEAD.insert().values(world="LIVE", origin=last.origin, last_seq=last.seq,
                                       last_hash=last.digest(),
                                       public_key=wire[0]["payload"]["public_key"]))


def test_a_pull_never_moves_its_cursor_past_what_it_could_not_take_in(sql_hub, store_factory):
    """A chain whose interior signature was forged (a hub that checked only the newest one
    holds it): the event itself is refused for good, the rest of that chain cannot follow it;
    the cursor stays before them, every round says so, and `sync --once` gives up failing."""
    src, fresh = store_factory("vrzeeland"), store_factory("kcr2")
    fill(src, 29, seed=4)
    wire = [ev.to_wire() for ev in src.iter_events()]
    wire[9]["sig"] = wire[8]["sig"]  # seq 10: a signature, but not over this event
    plant(sql_hub.log, wire)  # a hub of an older version took it in whole
    e = engine(fresh, PeerConfig(sql_hub.url, sql_hub.enroll("kcr2")), pull_limit=10)
    s = e.sync_once()
    peer = s.peers[0]
    assert s.status == "error" and peer.held == 10 and peer.refused_in == 1
    assert "konden nog niet worden opgenomen" in peer.last_error
    assert peer.pull_cursor == 10  # not past the events it could not take in
    assert not e.run_until_synced(time.monotonic() + 30, give_up_on_refusal=True)
    assert e.state.peers[0].pull_cursor == 10 and fresh.heads()["vrzeeland"] == 9
    assert "wachten op hun voorganger" in e.state.peers[0].trouble
    e.close()


def test_an_unreachable_hub_is_said_in_words_not_exception_names() -> None:
    import socket

    from data.sync.hub_client import HubClient, LinkDown, PeerConfig

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = HubClient(PeerConfig(url=f"http://127.0.0.1:{port}", token="t"))
    with pytest.raises(LinkDown) as e:
        client.health()
    text = str(e.value)
    assert "weigert de verbinding" in text
    assert "Error" not in text and "Exception" not in text

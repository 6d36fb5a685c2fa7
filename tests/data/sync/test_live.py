"""Live propagation: a pull may wait at the hub for news, and the engine uses that, so a
change reaches another centre within a round trip instead of a polling interval."""

from __future__ import annotations

import json
import threading
from typing import Any

from data.store import Command
from data.sync.client import HubClient, PeerConfig, SyncEngine
from tests.data.sync.factory import fill
from tests.waiting import wait_until


def test_a_wait_answers_at_once_when_there_is_news_and_wakes_on_a_push(sql_hub, store_factory):
    a = store_factory("vnog")
    fill(a, 3)
    tok = sql_hub.enroll("vnog")
    c = HubClient(PeerConfig(sql_hub.url, tok))
    c.push("LIVE", [json.dumps(e.to_wire()) for e in a.iter_events()])
    assert c.wait("LIVE", after=0, timeout=20) is True  # there are events: no waiting
    latest = sql_hub.log.latest("LIVE")
    assert latest == 4
    got: list[bool] = []
    t = threading.Thread(target=lambda: got.append(
        HubClient(PeerConfig(sql_hub.url, tok)).wait("LIVE", after=latest, timeout=20)))
    t.start()
    wait_until(lambda: sql_hub.log.latest("LIVE") == 4, "hub ready")
    fill(a, 1, seed=9)
    c.push("LIVE", [json.dumps(e.to_wire()) for e in a.iter_events()])
    t.join(30)
    assert got == [True]
    assert c.wait("LIVE", after=sql_hub.log.latest("LIVE"), timeout=0) is False  # no news


def test_the_engine_hears_news_within_a_round_trip_not_an_interval(sql_hub, store_factory):
    """Both engines poll only once a minute; the second centre still gets the first one's
    new incident while this test waits (at most 30 s), because its engine was waiting at the
    hub and was told."""
    a, b = store_factory("vnog"), store_factory("vrbzo")
    ea = SyncEngine(a, [PeerConfig(sql_hub.url, sql_hub.enroll("vnog"))], interval=60)
    eb = SyncEngine(b, [PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo"))], interval=60)
    try:
        ea.start()
        eb.start()
        wait_until(lambda: all(e.state.peers[0].status == "online" and
                               e.state.peers[0].last_success for e in (ea, eb)),
                   "both centres had a first round", 30)
        ch = a.execute(Command("incident.reported", {"title": "Dijkdoorbraak", "kind": "overig",
                                                      "regions": ["VNOG"]}), "OL")
        ea.nudge()  # what the application does after every local write
        (eid,) = ch.entities
        wait_until(lambda: b.entity(eid) is not None, "the incident reached the other centre",
                   30)
        assert b.entity(eid)["title"] == "Dijkdoorbraak"
    finally:
        ea.close()
        eb.close()


# ------------------------------------------------------------------ no interval, cuts, twice


class CuttingProxy:
    """A loopback TCP proxy in front of a hub that closes a connection once nothing has
    passed for ``idle_s`` (what a proxy in front of a real hub does after, say, 60 s), and
    can be pointed at another port (the hub restarted elsewhere)."""

    def __init__(self, target: int, idle_s: float | None) -> None:
        import socket

        self.target, self.idle_s = target, idle_s
        self.cuts = 0
        self._srv = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._srv.getsockname()[1]}"
        self._open: list[Any] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket

        while True:
            try:
                c, _ = self._srv.accept()
            except OSError:
                return
            try:
                h = socket.create_connection(("127.0.0.1", self.target), timeout=5)
            except OSError:
                c.close()
                continue
            self._open += [c, h]
            threading.Thread(target=self._pump, args=(c, h), daemon=True).start()

    def _pump(self, a: Any, b: Any) -> None:
        import select

        try:
            while True:
                r, _, _ = select.select([a, b], [], [], self.idle_s)
                if not r:
                    self.cuts += 1  # idle too long: cut, as such a proxy does
                    return
                for s in r:
                    data = s.recv(65536)
                    if not data:
                        return
                    (b if s is a else a).sendall(data)
        except (OSError, ValueError):  # (closed under it by close(): select on fd -1)
            return
        finally:
            a.close()
            b.close()

    def close(self) -> None:
        self._srv.close()
        for s in self._open:
            s.close()


def _online(*engines: SyncEngine) -> None:
    wait_until(lambda: all(e.state.peers[0].status == "online" and e.state.peers[0].last_success
                           for e in engines), "every centre had a first round", 60)


def _write(st: Any, eng: SyncEngine, text: str) -> str:
    ch = st.execute(Command("journal.logged", {"channel": "NCV", "text": text}), "IM")
    eng.wrote()  # what the application does after every local write
    (eid,) = ch.events
    return str(eid)


def _has(st: Any, eid: str) -> bool:
    with st.reader() as conn:
        return conn.execute("SELECT 1 FROM event WHERE id = ?", (eid,)).fetchone() is not None


def test_a_change_arrives_with_the_polling_interval_set_to_an_hour(sql_hub, store_factory):
    """Neither engine polls within the test's time: the write is pushed because the writer
    was told of it, and taken in because the receiver was waiting at the hub."""
    a, b = store_factory("vnog"), store_factory("vrbzo")
    ea = SyncEngine(a, [PeerConfig(sql_hub.url, sql_hub.enroll("vnog"))], interval=3600)
    eb = SyncEngine(b, [PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo"))], interval=3600)
    try:
        ea.start()
        eb.start()
        _online(ea, eb)
        eid = _write(a, ea, "Dijk bij Tiel houdt")
        wait_until(lambda: _has(b, eid), "the line reached the other centre", 60)
        back = _write(b, eb, "Begrepen")
        wait_until(lambda: _has(a, back), "the answer came back", 60)
    finally:
        ea.close()
        eb.close()


def test_a_wait_cut_by_a_proxy_resumes_and_still_brings_the_change(sql_hub, store_factory):
    """A proxy cuts every connection idle for a moment: the waiting pull is cut again and
    again, asks again, the engine stays online without an error, and the change arrives."""
    proxy = CuttingProxy(sql_hub.port, idle_s=0.3)
    a, b = store_factory("vnog"), store_factory("vrbzo")
    ea = SyncEngine(a, [PeerConfig(sql_hub.url, sql_hub.enroll("vnog"))], interval=3600)
    eb = SyncEngine(b, [PeerConfig(proxy.url, sql_hub.enroll("vrbzo"))], interval=3600)
    try:
        ea.start()
        eb.start()
        _online(ea, eb)
        wait_until(lambda: proxy.cuts >= 3, "the proxy cut the waiting pull a few times", 60)
        eid = _write(a, ea, "Evacuatie Culemborg gestart")
        wait_until(lambda: _has(b, eid), "the line reached the centre behind the proxy", 60)
        peer = eb.state.peers[0]
        assert (peer.status, peer.last_error) == ("online", "")
    finally:
        ea.close()
        eb.close()
        proxy.close()


def test_a_hub_restart_ends_waiting_pulls_and_they_resume(sql_hub, store_factory):
    """The hub stops while pulls wait at it: the stop is not held up by them, and after the
    hub is back (behind the same address) the waiting centre gets the next change."""
    from tests.data.sync.conftest import ThreadHub

    proxy = CuttingProxy(sql_hub.port, idle_s=None)
    a, b = store_factory("vnog"), store_factory("vrbzo")
    ea = SyncEngine(a, [PeerConfig(proxy.url, sql_hub.enroll("vnog"))], interval=3600)
    eb = SyncEngine(b, [PeerConfig(proxy.url, sql_hub.enroll("vrbzo"))], interval=3600)
    again = None
    try:
        ea.start()
        eb.start()
        _online(ea, eb)
        sql_hub.stop()
        assert not sql_hub.thread.is_alive(), "waiting pulls held the hub's stop up"
        again = ThreadHub(sql_hub.log)
        proxy.target = again.port
        eid = _write(a, ea, "Hub weer in de lucht")
        wait_until(lambda: _has(b, eid), "the line reached the other centre after the restart",
                   60)
    finally:
        ea.close()
        eb.close()
        if again is not None:
            again.stop()
        proxy.close()


def test_nothing_arrives_twice(sql_hub, store_factory):
    """Three centres write at once, line by line and in a batch, with pushes on every write
    and pulls on every notice: every store ends with every event exactly once, each origin's
    seqs without a gap, and no event of another centre was handed to a store twice."""
    nodes = ["vnog", "vrbzo", "kcr2"]
    stores = [store_factory(n) for n in nodes]
    engines = [SyncEngine(st, [PeerConfig(sql_hub.url, sql_hub.enroll(n))], interval=3600)
               for st, n in zip(stores, nodes)]
    handed: dict[str, list[str]] = {n: [] for n in nodes}
    for st, n in zip(stores, nodes):
        ingest = st.ingest

        def counting(batch: Any, _ingest: Any = ingest, _n: str = n) -> Any:
            handed[_n] += [e.id for e in batch.events if e.origin != _n]
            return _ingest(batch)

        st.ingest = counting  # type: ignore[method-assign]
    try:
        for e in engines:
            e.start()
        _online(*engines)
        for i in range(30):
            for st, e in zip(stores, engines):
                _write(st, e, f"regel {i}")
        fill(stores[0], 200, seed=4)
        engines[0].wrote()
        want = {n: st.heads()[n] for st, n in zip(stores, nodes)}  # each its own origin
        wait_until(lambda: all(st.heads() == want for st in stores), "the stores converged",
                   120)
        total = sum(want.values())
        for st, n in zip(stores, nodes):
            with st.reader() as conn:
                rows = conn.execute("SELECT origin, seq FROM event").fetchall()
            assert len(rows) == total
            for origin, last in want.items():
                assert sorted(s for o, s in rows if o == origin) == list(range(1, last + 1))
            assert len(handed[n]) == len(set(handed[n])), f"{n} got an event twice"
            assert len(handed[n]) == total - want[n]
    finally:
        for e in engines:
            e.close()


def test_a_write_by_another_process_is_pushed_at_once_by_sync_watch(sql_hub, store_factory):
    """`crisisbeeld sync --watch` beside the application: the application writes through its
    own connection, the engine (polling once an hour) is not told — the watcher sees the own
    chain grow and pushes, and the waiting receiver takes it in."""
    from data.store import Store
    from data.sync.local_writes import follow_local_writes

    a, b = store_factory("vnog"), store_factory("vrbzo")
    ea = SyncEngine(a, [PeerConfig(sql_hub.url, sql_hub.enroll("vnog"))], interval=3600)
    eb = SyncEngine(b, [PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo"))], interval=3600)
    stop = threading.Event()
    watcher = threading.Thread(target=follow_local_writes, args=(a, ea, stop, 0.05))
    try:
        ea.start()
        eb.start()
        _online(ea, eb)
        watcher.start()
        app = Store.open(a.path)  # the application's own connection to the same file
        try:
            ch = app.execute(Command("journal.logged", {"channel": "NCV",
                                                        "text": "Uit het venster"}), "IM")
        finally:
            app.close()
        (eid,) = ch.events
        wait_until(lambda: _has(b, str(eid)), "the window's line reached the other centre", 60)
    finally:
        stop.set()
        if watcher.is_alive():
            watcher.join(10)
        ea.close()
        eb.close()


def test_what_a_neighbour_handed_over_through_our_served_store_is_relayed_at_once(
        sql_hub, store_factory):
    """VRGZ has lost its link to the hub; `crisisbeeld serve` on VNOG's store takes VRGZ's
    events in (another process, another connection); VNOG's `sync --watch` relays them to the
    hub at once (its engine polls once an hour), and VRBZO, waiting at the hub, gets them."""
    from data.store import Store
    from data.sync.local_writes import follow_local_writes

    a, b, c = store_factory("vnog"), store_factory("vrbzo"), store_factory("vrgz")
    ea = SyncEngine(a, [PeerConfig(sql_hub.url, sql_hub.enroll("vnog"))], interval=3600)
    eb = SyncEngine(b, [PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo"))], interval=3600)
    ec = SyncEngine(c, [PeerConfig(sql_hub.url, sql_hub.enroll("vrgz"))], interval=3600)
    try:  # VRGZ registered itself at the hub once; now its link is down, its neighbour serves
        assert ec.sync_once()
    finally:
        ec.close()
    stop = threading.Event()
    watcher = threading.Thread(target=follow_local_writes, args=(a, ea, stop, 0.05))
    try:
        ea.start()
        eb.start()
        _online(ea, eb)
        watcher.start()
        ch = c.execute(Command("journal.logged", {"channel": "NCV", "text": "Via de buren"}),
                       "IM VRGZ")
        (eid,) = ch.events
        served = Store.open(a.path)  # the neighbour hub's own connection to VNOG's store
        try:
            assert served.ingest(list(c.iter_events())).accepted
        finally:
            served.close()
        wait_until(lambda: _has(b, str(eid)), "VRGZ's line reached VRBZO through VNOG", 60)
    finally:
        stop.set()
        if watcher.is_alive():
            watcher.join(10)
        ea.close()
        eb.close()


def test_a_relay_leaves_the_backoff_of_an_offline_hub_alone_and_an_own_write_does_not(
        store_factory):
    """What the watcher tells its engine: an own write tries every hub at once; what others
    handed over (or the engine pulled) goes only to hubs that are online — a hub that is down
    keeps its backoff instead of being knocked on at every arrival."""
    from data.store import Store
    from data.sync.local_writes import follow_local_writes

    a, c = store_factory("vnog"), store_factory("vrgz")
    told: list[bool] = []
    seen = threading.Event()

    class Engine:
        def wrote(self, retry_offline: bool = True) -> None:
            told.append(retry_offline)
            seen.set()

    stop = threading.Event()
    watcher = threading.Thread(target=follow_local_writes, args=(a, Engine(), stop, 0.02))
    watcher.start()
    try:
        c.execute(Command("journal.logged", {"channel": "NCV", "text": "buren"}), "IM VRGZ")
        other = Store.open(a.path)
        try:
            other.ingest(list(c.iter_events()))
        finally:
            other.close()
        assert seen.wait(30)
        seen.clear()
        a.execute(Command("journal.logged", {"channel": "NCV", "text": "eigen"}), "IM VNOG")
        assert seen.wait(30)
    finally:
        stop.set()
        watcher.join(10)
    assert told == [False, True]


def test_wrote_knocks_on_an_offline_hub_only_when_asked(sql_hub, store_factory):
    a = store_factory("vnog")
    eng = SyncEngine(a, [PeerConfig("http://127.0.0.1:9", "token")], interval=3600)
    try:
        (p,) = eng._peers  # noqa: SLF001
        p.due = 1e12  # in its backoff
        eng.wrote(retry_offline=False)
        assert p.due == 1e12 and not p.wrote
        eng.wrote()
        assert p.due == 0.0
    finally:
        eng.close()

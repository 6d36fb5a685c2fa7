"""The sync engine: keeps one store in step with one or more hubs. Qt-free; runs in a thread.

A round with one hub: ``GET /v1/health`` (the hub's id keys this store's cursors for it,
:mod:`data.sync.peers`); ``GET …/heads`` (what the hub holds per origin is never sent); push in
this store's arrival order, saving ``push_cursor`` after each batch; the roster (when the hub
passes one on); pull after ``pull_cursor`` and ingest, saving the cursor once the store
committed (a cut repeats at most one idempotent batch); push again (only moves the cursor,
unless someone typed meanwhile). While the link is down the engine backs off with full jitter
per hub; its state (:class:`SyncState`) goes to listeners after every change.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import replace
from typing import Any

from data.clock import now_iso
from data.i18n import _
from data.store import Changes, Store, log
from data.store.ingest import fork_text
from data.sync import peers
from data.sync.blob_sync import BlobSync
from data.sync.fork_report import told_hub
from data.sync.helper import helper
from data.sync.hub_client import (
    FIRST_PAGE,
    Backoff,
    ForkFound,
    HubClient,
    HubRefused,
    LinkDown,
    NotTakenIn,
    PeerConfig,
    _PageReader,
)
from data.sync.peer import GATHER_S, WAIT_S, WAITING_INTERVAL_S
from data.sync.peer import Peer as _Peer
from data.sync.roster_sync import learn_roster, merge_again, roster_may_help
from data.sync.state import PeerState, Status, SyncState, read_token, refused_text, why_of
from data.sync.wire import (
    MAX_BATCH_EVENTS,
    MAX_PULL_LIMIT,
    ROW_COLS,
    SQL_WIRE_LINE,
    ndjson_body,
    wire_row,
)

#: rounds in a row with pulled events that could not be taken in, before `sync --once` stops
HELD_ROUNDS = 3


class SyncEngine:
    """Syncs one store with hubs, in the background or on demand.

    For the desktop (all methods thread-safe; listeners run on the engine's thread, so a Qt
    adapter re-emits them as a queued signal)::

        engine = SyncEngine(store, [PeerConfig(url, token)])
        engine.add_listener(on_state)        # on_state(SyncState), after every change
        engine.add_changes_listener(on_chg)  # on_chg(Changes), after pulled events committed
        engine.start()                       # background thread (daemon)
        engine.nudge()                       # 'sync now': a full round with every hub
        engine.wrote()                       # after a local write: push it at once
        engine.state                         # latest SyncState snapshot
        engine.stop()                        # before closing the store

    ``sync_once()`` runs one round with every hub in the calling thread;
    ``run_until_synced(deadline)`` repeats it with backoff until every hub succeeded.
    """

    def __init__(self, store: Store, peers_: Sequence[PeerConfig], *,
                 batch: int = MAX_BATCH_EVENTS, pull_limit: int = MAX_PULL_LIMIT,
                 interval: float = 5.0, backoff_base: float = 0.5,
                 backoff_cap: float = 30.0, timeout: tuple[float, float] = (5.0, 60.0),
                 seed: int | None = None, listen: bool = True) -> None:
        self.store = store
        self.world, self.timeout = store.world, timeout
        self.blobs = BlobSync(store)  # attachments' bytes, after each round's events
        self.listen = listen  # wait at hubs for news (False: poll every interval only)
        self.batch, self.pull_limit, self.interval = batch, pull_limit, interval
        rng = random.Random(seed)
        self._peers = [
            _Peer(c, HubClient(c, timeout), Backoff(backoff_base, backoff_cap,
                                                    random.Random(rng.random())),
                  PeerState(url=c.url, name=c.name)) for c in peers_]
        self._db = sqlite3.connect(store.path, timeout=30, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout=30000")
        self._db.execute("PRAGMA synchronous=FULL")
        # the store copies the WAL into its file in the background (Store.checkpoint_soon):
        # a cursor saved between two big pages must not do that copying itself
        self._db.execute("PRAGMA wal_autocheckpoint=0")
        peers.ensure_table(self._db)
        self._db2 = sqlite3.connect(store.path, timeout=30, isolation_level=None,
                                    check_same_thread=False)  # the helper thread's reads
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crisisbeeld-sync-io")
        # The helper that reads pulled pages starts now: at the first backlog it would cost that
        # pull a third of a second (100k: 2.96-3.39 s, not 2.57-2.82 s); idle it just sleeps.
        helper().start()
        self._lock = threading.RLock()      # guards _state and listeners
        self._work = threading.Lock()       # one round at a time
        self._listeners: list[Callable[[SyncState], None]] = []
        self._change_listeners: list[Callable[[Changes], None]] = []
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None
        known = {(url, world): (hub, push, pull, ok)
                 for hub, world, url, push, pull, ok in peers.all_peers(self._db)}
        for p in self._peers:
            k = known.get((p.cfg.url, self.world))
            if k:  # what we knew about this hub last time: shown while it is unreachable
                p.state = replace(p.state, hub_id=k[0], push_cursor=k[1], pull_cursor=k[2],
                                  last_success=k[3] or None, backlog=self._backlog(k[1]))
        self._state = SyncState(peers=tuple(p.state for p in self._peers))

    # ------------------------------------------------------------------ public API

    @property
    def state(self) -> SyncState:
        with self._lock:
            return self._state

    def add_listener(self, fn: Callable[[SyncState], None]) -> Callable[[], None]:
        """Call ``fn(state)`` after every change; returns a function that unsubscribes."""
        with self._lock:
            self._listeners.append(fn)
        return lambda: self._listeners.remove(fn) if fn in self._listeners else None

    def add_changes_listener(self, fn: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``fn(changes)`` after pulled events were committed to the store."""
        with self._lock:
            self._change_listeners.append(fn)
        return lambda: (self._change_listeners.remove(fn)
                        if fn in self._change_listeners else None)

    def start(self) -> None:
        """Run in a background (daemon) thread until :meth:`stop`; per hub a second thread
        waits at the hub for news, so a change elsewhere arrives within a round trip instead
        of a polling interval (polling stays as the fallback)."""
        if self._thread and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="crisisbeeld-sync", daemon=True)
        self._thread.start()
        for p in self._peers if self.listen else ():
            threading.Thread(target=self._listen, args=(p,), name="crisisbeeld-listen",
                             daemon=True).start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the background thread (a round in flight finishes its current request)."""
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)
        self._thread = None
        self._publish(running=False)

    def nudge(self) -> None:
        """Something changed locally (or the user pressed 'sync now'): try every hub now."""
        for p in self._peers:
            p.due = 0.0
        self._wake.set()

    def wrote(self, retry_offline: bool = True) -> None:
        """A local write: push it now; only the push (a light round, like a pull on news) to
        a hub this engine had a full round with, a full round otherwise (not to a hub in its
        backoff unless ``retry_offline``: a relay passes on what it can, a write tries all)."""
        for p in self._peers:
            if p.state.hub_id and p.state.status == "online":
                p.wrote = True
            elif retry_offline:
                p.due = 0.0
        self._wake.set()

    def close(self) -> None:
        self.stop()
        for p in self._peers:
            p.client.close()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._db.close()
        self._db2.close()

    def sync_once(self) -> SyncState:
        """One round with every hub, in this thread; failures land in the state."""
        for p in self._peers:
            self._round_safe(p)
        return self.state

    def run_until_synced(self, deadline: float, give_up_on_refusal: bool = False) -> bool:
        """Repeat rounds (with backoff per hub) until each hub had one complete round, or
        ``time.monotonic()`` passes ``deadline``. True when all succeeded. With
        ``give_up_on_refusal`` a hub that refuses this node (401, 403) ends it at once: waiting
        does not fix a token or a right."""
        todo = list(self._peers)
        while todo:
            now = time.monotonic()
            for p in list(todo):
                if p.due <= now and self._round_safe(p):
                    todo.remove(p)
                elif give_up_on_refusal and (p.refused in (401, 403, 495) or p.state.fork
                                             or p.held_rounds >= HELD_ROUNDS):  # 495: NOT_SAFE
                    return False
            if not todo:
                return True
            wait = min(p.due for p in todo) - time.monotonic()
            if time.monotonic() + max(wait, 0) > deadline:
                return False
            if wait > 0:
                self._stop.wait(wait)
        return True

    # ------------------------------------------------------------------ loop

    def _listen(self, p: _Peer) -> None:
        """Wait at the hub for events after the pull cursor; on news, run a round now."""
        client = HubClient(p.cfg, self.timeout)
        cuts = 0  # waits in a row that ended without an answer
        try:
            while not self._stop.is_set():
                if not p.waits or p.state.status != "online":
                    self._stop.wait(0.5)
                    continue
                try:
                    news = client.wait(self.world, p.state.pull_cursor, WAIT_S)
                    cuts, p.wait_fails = 0, False
                except (LinkDown, HubRefused):
                    # a proxy that cuts idle connections or a hub restart: ask again at once,
                    # and back off only when that fails too (the hub is really away)
                    cuts += 1
                    if cuts > 1:
                        p.wait_fails = True  # then polling every interval is what is left
                        self._stop.wait(min(self.interval, 5.0))
                    continue
                if news and not self._stop.is_set():
                    p.round_done.clear()
                    p.news = True
                    self._wake.set()
                    p.round_done.wait(max(self.interval, 1.0))  # until it was pulled
                    # news that comes meanwhile is gathered into the next pull: at crisis pace
                    # a centre pulls a few times a second, not once per line of the country
                    self._stop.wait(GATHER_S)
        finally:
            client.close()

    def _loop(self) -> None:
        self._publish(running=True)
        while not self._stop.is_set():
            now = time.monotonic()
            for p in self._peers:
                if self._stop.is_set():
                    break
                if p.due <= now:
                    self._round_safe(p)
                elif p.news or p.wrote:
                    self._round_safe(p, light=True)
            if self._stop.is_set():
                break
            wait = max(0.0, min(p.due for p in self._peers) - time.monotonic())
            self._wake.wait(wait)
            self._wake.clear()

    def _round_safe(self, p: _Peer, light: bool = False) -> bool:
        push, pull = p.wrote or not light, p.news or not light
        p.news = p.wrote = False  # (news or a write during this round starts another)
        try:
            return self._round_locked(p, light, push, pull)
        finally:
            p.round_done.set()

    def _round_locked(self, p: _Peer, light: bool, push: bool, pull: bool) -> bool:
        with self._work:
            full = not (light and p.state.hub_id)
            try:
                try:
                    if not full:
                        self._light_round(p, push, pull)
                    else:
                        self._round(p)
                finally:
                    if p.state.busy:
                        self._set_peer(p, busy=False)
            except LinkDown as e:
                delay = p.backoff.next()
                p.due = time.monotonic() + delay
                self._set_peer(p, status="offline", last_error=str(e), next_attempt_in=delay,
                               backlog=self._backlog(p.state.push_cursor))
                return False
            except ForkFound as e:
                delay = max(p.backoff.next(), self.interval)
                p.due = time.monotonic() + delay
                self._set_peer(p, status="error", fork=str(e), last_error=str(e),
                               next_attempt_in=delay)
                return False
            except NotTakenIn as e:
                p.held_rounds += 1
                delay = max(p.backoff.next(), min(self.interval, 5.0))
                p.due = time.monotonic() + delay
                self._set_peer(p, status="error", last_error=str(e), next_attempt_in=delay)
                return False
            except HubRefused as e:
                p.refused = e.status
                if e.status == 413 and self.batch > 100:
                    self.batch = max(100, self.batch // 2)  # a hub with smaller limits
                    delay = p.backoff.next()                # try the smaller batch soon
                else:
                    delay = max(p.backoff.next(), min(self.interval, 5.0))
                p.due = time.monotonic() + delay
                self._set_peer(p, status="error", last_error=str(e), next_attempt_in=delay)
                return False
            except (sqlite3.Error, OSError) as e:
                delay = p.backoff.next()
                p.due = time.monotonic() + delay
                self._set_peer(p, status="error", last_error=_("lokale fout: {e}").format(e=e),
                               next_attempt_in=delay)
                return False
            p.backoff.reset()
            p.refused = 0
            if full:  # (light rounds leave the next full round where it was)
                # news comes by itself: a full round now and then
                waits = self.listen and p.waits and not p.wait_fails
                p.due = time.monotonic() + (max(self.interval, WAITING_INTERVAL_S) if waits
                                            else self.interval)
            return True

    # ------------------------------------------------------------------ one round

    def _round(self, p: _Peer) -> None:
        health = p.client.health()
        p.waits = "wait" in (health.get("features") or [])
        p.rosters = "roster" in (health.get("features") or [])
        hub_id = str(health.get("hub_id", ""))
        if not hub_id:
            raise LinkDown(_("hub gaf geen id"))
        cur = peers.load(self._db, hub_id, self.world)
        self._set_peer(p, status="online", hub_id=hub_id, push_cursor=cur.push,
                       pull_cursor=cur.pull, backlog=self._backlog(cur.push), next_attempt_in=0.0)
        own = self.store.heads().get(self.store.node_id, 0)
        p.heads, hashes, checked = p.client.heads_and_hashes(
            self.world, (self.store.node_id, own) if own else None)
        self._check_forks(p, hashes, own, checked)
        self._set_peer(p, last_error="", fork="", held=0)
        warn = self._push(p, hub_id, cur)
        if p.rosters:  # before the pull: a centre not on an old roster would wait
            learn_roster(self.store, p.client, self.world, p.cfg.url)
        self._pull(p, hub_id, cur)
        warn = self.blobs.run(p.client, hub_id) or warn  # (the pulled events name some)
        warn = self._push(p, hub_id, cur) or warn or p.state.last_error
        cur.last_success = now_iso()
        self._save_cursors(hub_id, self.world, p.cfg.url, cur)
        self._set_peer(p, status="online", last_success=cur.last_success, last_error=warn,
                       backlog=self._backlog(cur.push), push_cursor=cur.push,
                       pull_cursor=cur.pull, next_attempt_in=0.0)

    def _light_round(self, p: _Peer, push: bool, pull: bool) -> None:
        """What the hub's news or a local write asks for: only a pull, or only a push (one
        request instead of a round's five); the checks of a full round follow at its time."""
        hub_id = p.state.hub_id
        cur = peers.load(self._db, hub_id, self.world)
        warn = self._push(p, hub_id, cur) if push else ""
        if pull:
            self._pull(p, hub_id, cur)
        warn = self.blobs.run(p.client, hub_id) or warn
        if warn:
            self._set_peer(p, last_error=warn)
        self._save_cursors(hub_id, self.world, p.cfg.url, cur)
        self._set_peer(p, pull_cursor=cur.pull, push_cursor=cur.push,
                       backlog=self._backlog(cur.push))

    def _check_forks(self, p: _Peer, hashes: dict[str, str], own: int,
                     checked: str | None) -> None:
        """"The hub has seq n of my origin" counts as delivered only when those are my events:
        the hub's newest event of each origin held here, and the hub's event at this store's
        own newest seq, must be the ones this store holds."""
        probes = [(origin, p.heads.get(origin, 0), theirs) for origin, theirs in hashes.items()]
        me = self.store.node_id
        if checked is not None:
            probes.append((me, own, checked))
        elif own and p.heads.get(me, 0) >= own and hashes:
            probes.append((me, own, ""))  # the hub says it holds it, but has no such event
        for origin, seq, theirs in probes:
            mine = log.at_seq(self._db, origin, seq)
            if mine is not None and mine[1] != theirs:
                other = (f"een andere (hash {theirs[:12]}) op hub {p.cfg.label}" if theirs
                         else f"een andere op hub {p.cfg.label}")
                text = fork_text(origin, seq, mine[0], other)
                self.store.raise_alarm("vork", origin, text)
                raise told_hub(p.client, self._db, self.world, origin, seq, ForkFound(text))

    def _save_cursors(self, hub_id: str, world: str, url: str, cur: peers.Cursors) -> None:
        peers.save(self._db, hub_id, world, url, cur)
        self.store.checkpoint_soon()  # (this connection leaves checkpoints to the store)

    def _backlog(self, cursor: int) -> int:
        return log.count_after(self._db, cursor)

    def _prepare(self, chunk: list[tuple[int, str, int, str]],
                 pack: Callable[[bytes], tuple[bytes, str]]
                 ) -> tuple[tuple[bytes, str], dict[str, Any]]:
        """The packed NDJSON body for these events (light rows) with its Content-Encoding,
        and id -> (origin, seq).
        Runs in the helper thread on its own connection, overlapping the previous request."""
        wanted = {r[0] for r in chunk}
        lo, hi = chunk[0][0], chunk[-1][0]
        try:
            rows = log.lines_between(self._db2, lo, hi, SQL_WIRE_LINE)
            lines = [r[1] for r in rows if r[0] in wanted]
        except sqlite3.OperationalError:  # an SQLite without JSON functions
            full = log.rows_between(self._db2, lo, hi, ROW_COLS)
            lines = [wire_row(r) for r in full if r[13] in wanted]
        return pack(ndjson_body(lines)), {r[3]: (r[1], r[2]) for r in chunk}

    def _advance(self, p: _Peer, light: list[tuple[int, str, int, str]], upto: int,
                 cur: peers.Cursors, skip: set[str]) -> bool:
        """Move the push cursor over the leading events the hub holds (up to local_seq
        ``upto``); True when it moved."""
        moved = cur.push
        for ls, origin, seq, eid in light:
            if ls > upto:
                break
            if ls <= moved:
                continue
            if seq <= p.heads.get(origin, 0) or eid in skip:
                moved = ls
            else:
                break
        if moved == cur.push:
            return False
        cur.push = moved
        return True

    def _push(self, p: _Peer, hub_id: str, cur: peers.Cursors) -> str:
        """Send what the hub lacks, in this store's arrival order; returns a warning when the
        hub refused events for good. While one batch is on the wire the next is prepared."""
        warn = ""
        skip: set[str] = set()  # refused for good this round: do not block the cursor on them
        scan = max(self.batch * 4, 1000)
        while True:
            light = log.light_after(self._db, cur.push, scan)
            if not light:
                return warn
            start = cur.push
            need = [r for r in light if r[2] > p.heads.get(r[1], 0) and r[3] not in skip]
            # a small first batch: the hub has work while the next, full one is prepared
            first = min(self.batch, FIRST_PAGE)
            chunks = [need[:first]] + [need[i:i + self.batch]
                                       for i in range(first, len(need), self.batch)]
            chunks = [c for c in chunks if c]
            if chunks and not p.state.busy:
                self._set_peer(p, busy=True)
            pack = p.client.pack
            nxt = self._pool.submit(self._prepare, chunks[0], pack) if chunks else None
            for i, chunk in enumerate(chunks):
                assert nxt is not None
                (body, coding), by_id = nxt.result()
                nxt = self._pool.submit(self._prepare, chunks[i + 1], pack) \
                    if i + 1 < len(chunks) else None
                try:
                    reply = p.client.push_body(self.world, body, coding)
                except BaseException:
                    if nxt is not None:
                        nxt.cancel()
                    raise
                retry = ""  # the hub's reason to have an event sent again later
                for res in reply.get("results", []):
                    eid, st = res.get("id"), res.get("status")
                    if eid not in by_id:
                        continue
                    origin, seq = by_id[eid]
                    if st in ("accepted", "duplicate"):
                        if seq > p.heads.get(origin, 0):
                            p.heads[origin] = seq
                    elif res.get("retry"):
                        retry = retry or str(res.get("reason") or "?")
                    else:
                        skip.add(eid)
                        warn = _("hub weigerde {id}: {reason}").format(id=eid, reason=why_of(res))
                        self._set_peer(p, rejected=p.state.rejected + 1,
                                       undelivered=p.state.undelivered + 1)
                self._set_peer(p, pushed=p.state.pushed + int(reply.get("accepted", 0)))
                before, after = reply.get("cursor_before"), reply.get("cursor_after")
                if isinstance(before, int) and isinstance(after, int) and before == cur.pull:
                    cur.pull = after  # exactly the events we just sent: no need to pull them
                if retry:
                    if nxt is not None:
                        nxt.cancel()
                    # The hub misses a predecessor we counted as delivered (its database was
                    # restored?): rescan from the start next round, against fresh heads.
                    cur.push = 0
                    self._save_cursors(hub_id, self.world, p.cfg.url, cur)
                    raise LinkDown(_("hub neemt nog niet alles aan ({retry}); opnieuw "
                                     "vanaf het begin").format(retry=retry))
                self._advance(p, light, chunk[-1][0], cur, skip)
                self._save_cursors(hub_id, self.world, p.cfg.url, cur)
                self._set_peer(p, push_cursor=cur.push, pull_cursor=cur.pull,
                               backlog=self._backlog(cur.push))
            self._advance(p, light, light[-1][0], cur, skip)
            self._save_cursors(hub_id, self.world, p.cfg.url, cur)
            self._set_peer(p, push_cursor=cur.push, backlog=self._backlog(cur.push))
            if cur.push == start:
                return warn  # nothing more can be delivered now

    def _pull(self, p: _Peer, hub_id: str, cur: peers.Cursors) -> None:
        """Pull pages after the cursor; later pages are fetched and read while one is
        ingested. The cursor is saved only after the store committed the page."""
        reader = _PageReader(p.client, self.world)
        # A small first page: the store has something to take in while the next, full page
        # is served and fetched, instead of waiting for a full one at the start.
        producing = self._pool.submit(reader.produce, cur.pull,
                                      min(self.pull_limit, FIRST_PAGE), self.pull_limit)
        try:
            for batch, page in reader.pages(producing):
                after = int(page.get("next", cur.pull))
                if len(batch):
                    if not p.state.busy:
                        self._set_peer(p, busy=True)
                    res = self.store.ingest(batch)
                    if res.held and p.rosters and roster_may_help(res):
                        learn_roster(self.store, p.client, self.world, p.cfg.url)
                        res = merge_again(res, self.store.ingest(batch))
                    # what the hub holds: its arrival order keeps each origin's seq rising
                    for o, sq in {e.origin: e.seq for e in batch.events}.items():
                        if sq > p.heads.get(o, 0):
                            p.heads[o] = sq
                    if res.span and res.span[0] - 1 <= cur.push < res.span[1]:
                        # nothing of ours waits before these, and they came from the hub:
                        # the push need not look at them again
                        cur.push = res.span[1]
                        self._set_peer(p, push_cursor=cur.push)
                    self._set_peer(p, pulled=p.state.pulled + len(res.accepted),
                                   rejected=p.state.rejected + len(res.rejected))
                    if res.changes:
                        for fn in list(self._change_listeners):
                            fn(res.changes)
                    if res.forks:  # a red alarm was raised: nothing more until a person looked
                        origin, seq = res.forks[0]
                        raise told_hub(p.client, self._db, self.world, origin, seq, ForkFound(
                            next((a["detail"] for a in self.store.alarms()
                                  if a["kind"] == "vork" and a["origin"] == origin),
                                 f"vork: {origin} seq {seq}")))
                    if res.held:
                        # a retry may take these in: the cursor stays before this page (what
                        # was taken in of it comes again as duplicates)
                        why = dict(res.rejected)[res.held[0]]
                        self._set_peer(p, held=len(res.held))
                        raise NotTakenIn(_("{n} gebeurtenissen van de hub konden nog niet worden "
                                           "opgenomen ({why}); de volgende ronde probeert het "
                                           "opnieuw").format(n=len(res.held), why=why))
                    p.held_rounds = 0
                    if res.rejected:  # refused for good: a person must look at it
                        eid, why = res.rejected[0]
                        self._set_peer(p, refused_in=p.state.refused_in + len(res.rejected),
                                       last_error=refused_text(len(res.rejected), eid, why))
                if after != cur.pull:
                    cur.pull = after
                    self._save_cursors(hub_id, self.world, p.cfg.url, cur)
                    self._set_peer(p, pull_cursor=cur.pull)
        finally:
            reader.close()
            wait([producing])  # (its errors were handed over as pages)

    # ------------------------------------------------------------------ state

    def _set_peer(self, p: _Peer, **kw: Any) -> None:
        p.state = replace(p.state, **kw)
        self._publish()

    def _publish(self, running: bool | None = None) -> None:
        with self._lock:
            ps = tuple(p.state for p in self._peers)
            if any(s.status == "online" for s in ps):
                status: Status = "online"
            elif any(s.status == "error" for s in ps):
                status = "error"
            else:
                status = "offline"
            succ = [s.last_success for s in ps if s.last_success]
            self._state = SyncState(
                status=status, backlog=max((s.backlog for s in ps), default=0),
                last_success=max(succ) if succ else None,
                running=self._state.running if running is None else running, peers=ps)
            state, listeners = self._state, list(self._listeners)
        for fn in listeners:
            fn(state)


__all__ = ["Backoff", "HubClient", "HubRefused", "LinkDown", "PeerConfig", "PeerState",
           "SyncEngine", "SyncState", "read_token"]

"""Hub storage: enrolled nodes and their tokens (:class:`Auth`), and the event log a hub serves.

Two event logs share one interface (:class:`EventLog`):

* :class:`SqlEventLog` — the hub's own tables on SQLite or PostgreSQL (KCR2, or any hub).
* :class:`StoreEventLog` — a centre's own store (``crisisbeeld serve``): neighbours push straight
  into the centre's log through :meth:`Store.ingest`, and pull in the store's arrival order
  (``local_seq``). No second copy, nothing to keep in step.

Both apply the same rules as a store (world, payload, per-origin hash chain, Ed25519), via
:mod:`data.store.verify`.

Scale-out on PostgreSQL (several hub processes, one database). The pull cursor is the
``arrival`` counter (an identity column). A plain sequence is not enough: two transactions can
draw 10 and 11, commit 11 first, and a reader that just saw 11 moves its cursor past 10, which
then commits and is never served to it. We therefore serialise the writers *per world* with
``pg_advisory_xact_lock``: the lock is taken before the rows draw their arrival numbers and
released only when the transaction ends, so within one world a later transaction always draws
larger numbers than every transaction that committed before it, and never commits before an
earlier one. A reader therefore never sees a gap that fills in later. The same lock makes the
chain check (read head, verify, insert, move head) atomic across processes. The cost — one
writer per world at a time — is small: a push transaction of a few thousand events takes tens of
milliseconds, and readers are never blocked. (The alternative, serving only up to a "safe
watermark" of the oldest open transaction, needs ``pg_snapshot_xmin`` bookkeeping per row and
delays every reader; the lock is simpler and exact.) SQLite takes its one write lock with
``BEGIN IMMEDIATE``, which gives the same guarantee.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson
from sqlalchemy import Engine, bindparam, create_engine, event, func, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from data.clock import now_iso
from data.i18n import _
from data.oswords import database_words
from data.store.envelope import WIRE_FIELDS, Event
from data.store.verify import check_envelope, hold_future, verify_chains
from data.sync.hub.auth import IDENT, Auth, NodeAuth, token_hash
from data.sync.hub.blobs import BlobStore, SqlBlobs
from data.sync.hub.news import CHANNEL
from data.sync.hub.roster import HubRoster
from data.sync.hub.tables import (
    EVENT_TABLES,
    HubEvent,
    HubFork,
    HubOriginHead,
    _lock_key,
    create_schema,
)
from data.sync.wire import wire_json

EV = HubEvent.__table__  # type: ignore[attr-defined]
HEAD = HubOriginHead.__table__  # type: ignore[attr-defined]
FORK = HubFork.__table__  # type: ignore[attr-defined]
_log = logging.getLogger("crisisbeeld.hub")

#: Columns the hub writes per event, in the order of the rows built in a push.
INSERT_COLS = ("world", "id", "origin", "seq", "hash", "body", "node", "received_at")

#: Reasons a store gives that mean "send it again later" (a missing predecessor), in Dutch and
#: in English (a hub inside the application speaks the application's language)
TRANSIENT_MARKERS = ("ontbrekende voorganger", "later opnieuw", "missing predecessor",
                     "again later")


class HubStorageError(Exception):
    """The hub database cannot be used (message for a person)."""



def db_url(db: str) -> str:
    """A SQLAlchemy URL from what a person types: a file path, sqlite:///…, postgresql://…"""
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser().resolve())
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def make_engines(url: str) -> tuple[Engine, Engine]:
    """(write engine, read engine). On SQLite the writer begins with BEGIN IMMEDIATE so the
    chain check and the insert run under the one write lock; readers stay deferred."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)

        def mk(immediate: bool) -> Engine:
            eng = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                pool_size=20, max_overflow=40)

            @event.listens_for(eng, "connect")
            def _connect(dbapi_conn: Any, _rec: Any) -> None:
                dbapi_conn.isolation_level = None
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=FULL")
                cur.execute("PRAGMA busy_timeout=30000")
                cur.close()

            @event.listens_for(eng, "begin")
            def _begin(conn: Connection) -> None:
                conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

            return eng

        return mk(True), mk(False)
    eng = create_engine(url, pool_size=10, max_overflow=30, pool_pre_ping=True)
    return eng, eng


# ---------------------------------------------------------------------------------- event logs


@dataclass
class PushOutcome:
    """Per event of a push, in the order sent: (id, status, reason, retry)."""

    results: list[tuple[str, str, str, bool]] = field(default_factory=list)
    #: The world's newest arrival number before and after this batch, when the log can state
    #: them exactly (the SQL log, under the world lock): a client whose pull cursor stood at
    #: ``before`` may move it to ``after`` — those are exactly the events it just sent.
    before: int | None = None
    after: int | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r[1] == status)


def parse_batch(items: Sequence[Any]) -> tuple[list[Event | None], dict[int, str]]:
    """Events from wire dicts; (events with None where malformed, {index: reason})."""
    out: list[Event | None] = []
    bad: dict[int, str] = {}
    for i, it in enumerate(items):
        try:
            out.append(Event.from_wire(it))
        except ValueError as e:
            out.append(None)
            bad[i] = f"onleesbare gebeurtenis: {e}"
    return out, bad


def _outcome(items: Sequence[Any], events: list[Event | None], bad: dict[int, str],
             status: dict[str, tuple[str, str, bool]]) -> PushOutcome:
    res = PushOutcome()
    for i, e in enumerate(events):
        if e is None:
            it = items[i]
            rid = it.get("id") if isinstance(it, dict) else None
            res.results.append((str(rid) if isinstance(rid, str) else "?", "rejected", bad[i],
                                False))
        else:
            st = status.get(e.id, ("rejected", "niet verwerkt", True))
            res.results.append((e.id, st[0], st[1], st[2]))
    return res


class EventLog(Protocol):
    """What the API needs of a hub's storage."""

    kind: str
    hub_id: str
    auth: Auth
    blobs: BlobStore

    def worlds(self) -> list[str] | None: ...

    def push(self, world: str, node: str, items: Sequence[Any],
             lines: Sequence[str] | None = None) -> PushOutcome: ...

    def pull(self, world: str, after: int, limit: int) -> tuple[list[str], int, bool]: ...

    def heads(self, world: str) -> dict[str, int]: ...

    def head_hashes(self, world: str) -> dict[str, str]: ...

    def latest(self, world: str) -> int: ...

    def hash_at(self, world: str, origin: str, seq: int) -> str | None: ...

    def forks(self, world: str) -> list[dict[str, Any]]: ...

    def roster_document(self, world: str) -> dict[str, Any] | None: ...

    def counts(self, world: str) -> dict[str, Any]: ...

    def close(self) -> None: ...


class SqlEventLog:
    """The hub's own event tables on SQLite or PostgreSQL."""

    def __init__(self, url: str) -> None:
        self.url = db_url(url)
        try:
            self.write, self.read = make_engines(self.url)
            create_schema(self.write, EVENT_TABLES)
            self.auth = Auth(self.write, self.read)
            self.hub_id = self.auth.ensure()
            self.roster = HubRoster(self.write, self.read)
            self.blobs = SqlBlobs(self.write, self.read)
        except OperationalError as e:
            raise HubStorageError(_("hubdatabase {url} niet bereikbaar: {why}").format(
                                      url=url, why=database_words(e.orig))) from None
        self.kind = self.write.dialect.name
        self._insert_sql = str(
            EV.insert().values({k: bindparam(k) for k in INSERT_COLS})
            .compile(dialect=self.write.dialect))
        self._world_locks: dict[str, threading.Lock] = {}
        self._bind_how: dict[str, str] = {}  # (per push, under the world lock)
        self._first_keys: dict[str, str] = {}  # keys bound by own first pushes, to sign
        self._mutex = threading.Lock()

    def close(self) -> None:
        self.auth.flush()
        self.write.dispose()
        self.read.dispose()

    def worlds(self) -> list[str] | None:
        return None  # any valid world

    def _world_lock(self, world: str) -> threading.Lock:
        with self._mutex:
            return self._world_locks.setdefault(world, threading.Lock())

    def push(self, world: str, node: str, items: Sequence[Any],
             lines: Sequence[str] | None = None) -> PushOutcome:
        """Validate and store a batch; ``lines`` (NDJSON) are the events' received texts."""
        events, bad = parse_batch(items)
        status: dict[str, tuple[str, str, bool]] = {}
        fresh: list[Event] = []
        bodies: dict[str, str] = {}
        if lines is not None:
            n = len(WIRE_FIELDS)
            for e, it, ln in zip(events, items, lines):
                if e is not None and len(it) == n:
                    bodies[e.id] = ln  # exactly the envelope's fields: keep the text as sent
        for e in events:
            if e is None:
                continue
            if e.id in status:
                continue
            reason = check_envelope(e, world)
            if reason:
                status[e.id] = ("rejected", reason, False)
            else:
                status[e.id] = ("rejected", "niet verwerkt", True)
                fresh.append(e)
        accepted: list[Event] = []
        span: list[int] = []
        if fresh:
            # One process-local lock per world spares the database lock a queue of waiters.
            with self._world_lock(world):
                for attempt in range(5):
                    try:
                        span.clear()
                        self._first_keys = {}
                        accepted = self._push_tx(world, node, fresh, status, span, bodies,
                                                 full_check=attempt > 0)
                        break
                    except (IntegrityError, OperationalError):
                        if attempt == 4:
                            raise
                        time.sleep(0.05 * (attempt + 1))
                for o, k in self._first_keys.items():  # (after the commit: own transaction)
                    self.roster.enrol(o, k, by="eerste push")
        if accepted:
            self.auth.touch(node, world, pushed=len(accepted))
        else:
            self.auth.touch(node, world)
        out = _outcome(items, events, bad, status)
        if len(span) == 2:
            out.before, out.after = span
        return out

    def _push_tx(self, world: str, node: str, fresh: list[Event],
                 status: dict[str, tuple[str, str, bool]], span: list[int],
                 bodies: dict[str, str], full_check: bool = False) -> list[Event]:
        received = now_iso()
        with self.write.begin() as c:
            if self.kind == "postgresql":
                # See the module docstring: serialises writers of this world across processes.
                c.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                          {"k": _lock_key("crisisbeeld:world:" + world)})
            top = select(func.coalesce(func.max(EV.c.arrival), 0)).where(EV.c.world == world)
            span.append(int(c.execute(top).scalar_one()))
            origins = sorted({e.origin for e in fresh})
            heads: dict[str, tuple[int, str, str, str]] = {}
            for i in range(0, len(origins), 900):
                for o, s, h, k, body in c.execute(
                        select(HEAD.c.origin, HEAD.c.last_seq, HEAD.c.last_hash, HEAD.c.public_key,
                               EV.c.body)
                        .join(EV, (EV.c.world == HEAD.c.world) & (EV.c.origin == HEAD.c.origin)
                              & (EV.c.seq == HEAD.c.last_seq), isouter=True)
                        .where(HEAD.c.world == world, HEAD.c.origin.in_(origins[i:i + 900]))):
                    # the head event's signature (the next event's prev covers it)
                    sig = str(orjson.loads(body).get("sig", "")) if body else ""
                    heads[o] = (int(s), str(h), str(k), sig)
            # Only an event at or below its origin's head can be here already (the hub holds
            # every chain without gaps), so only those are looked up by id. An event above the
            # head that reuses a known id is refused by the unique index; the batch is then
            # tried again with every id looked up (``full_check``).
            maybe = fresh if full_check else [
                e for e in fresh if e.seq <= heads.get(e.origin, (0, "", "", ""))[0]]
            ids = [e.id for e in maybe]
            existing: set[str] = set()
            for i in range(0, len(ids), 900):
                chunk = ids[i:i + 900]
                existing.update(r[0] for r in c.execute(select(EV.c.id).where(EV.c.id.in_(chunk))))
            todo = []
            for e in fresh:
                if e.id in existing:
                    status[e.id] = ("duplicate", "", False)
                else:
                    todo.append(e)
            if not todo:
                span.append(span[0])
                return []
            todo, refused, bind = self._identities(c, node, todo, heads)
            for eid, reason in refused.items():
                status[eid] = ("rejected", reason, False)
            # a hub with a root applies its own roster, with the keys bound by this push
            first = {e.origin: str(e.payload.get("public_key", "")) for e in todo
                     if e.seq == 1 and e.origin in bind and self._bind_how.get(e.origin)
                     == "eerste push"}
            ok, hashes, rejected = verify_chains(todo, heads.get,
                                                 trust=self.roster.rule(world, first))
            # a clock far ahead of the hub's waits until the hub's has caught up
            ok, hashes, held = hold_future(ok, hashes, time.time_ns() // 1_000_000)
            rejected += held
            for r in rejected:
                status[r.id] = ("rejected", r.reason, r.transient)
            if any(r.fork for r in rejected):
                self._record_forks(c, world, node, received, todo,
                                   {r.id for r in rejected if r.fork})
            if not ok:
                span.append(span[0])
                return []
            rows = [(world, e.id, e.origin, e.seq, h, bodies.get(e.id) or wire_json(
                         e.id, e.world, e.origin, e.seq, e.hlc, e.occurred_at, e.recorded_at,
                         e.author, e.type, e.entity, e.payload_json, e.prev, e.sig),
                     node, received) for e, h in zip(ok, hashes)]
            if self.kind == "sqlite":
                # The Core statement compiled once, executemany with plain tuples: SQLAlchemy's
                # per-row parameter processing is a tenth of the hub's time on this path.
                c.exec_driver_sql(self._insert_sql, rows)
            else:
                c.execute(EV.insert(), [dict(zip(INSERT_COLS, r)) for r in rows])
            new_heads: dict[str, tuple[int, str, str]] = {}
            rotated: dict[str, str] = {}  # origin -> its new key (node.key_rotated)
            for e, h in zip(ok, hashes):
                key = str(e.payload.get("public_key", "")) if e.seq == 1 else ""
                if e.type == "node.key_rotated" and e.entity == e.origin:
                    rotated[e.origin] = key = str(e.payload.get("public_key", ""))
                old = new_heads.get(e.origin)
                if old is None or e.seq > old[0]:
                    new_heads[e.origin] = (e.seq, h, key or (old[2] if old else ""))
            upd = [{"w": world, "o": o, "s": s, "h": h} for o, (s, h, _) in new_heads.items()
                   if o in heads]
            ins = [{"world": world, "origin": o, "last_seq": s, "last_hash": h, "public_key": k}
                   for o, (s, h, k) in new_heads.items() if o not in heads]
            bound = {o: k for o, k in bind.items() if o in new_heads or o in heads}
            for o, k in bound.items():
                key = k or new_heads.get(o, (0, "", ""))[2]
                if key:
                    c.execute(IDENT.insert().values(node_id=o, public_key=key, bound_at=received,
                                                    how=self._bind_how.get(o, "eerste push")))
            if upd:
                c.execute(update(HEAD).where(HEAD.c.world == bindparam("w"),
                                             HEAD.c.origin == bindparam("o"))
                          .values(last_seq=bindparam("s"), last_hash=bindparam("h")), upd)
            for o, k in rotated.items():
                # the bound key signed the switch: the new key is bound from now on
                c.execute(update(HEAD).where(HEAD.c.world == world, HEAD.c.origin == o)
                          .values(public_key=k))
                c.execute(update(IDENT).where(IDENT.c.node_id == o)
                          .values(public_key=k, bound_at=received, how="sleutelwissel"))
            self._first_keys = {o: k for o, k in first.items() if o in new_heads and k}
            if ins:
                c.execute(HEAD.insert(), ins)
            span.append(int(c.execute(top).scalar_one()))
            if self.kind == "postgresql":  # wakes the waiting pulls of every hub process
                c.execute(text("SELECT pg_notify(:ch, :w)"), {"ch": CHANNEL, "w": world})
        for e in ok:
            status[e.id] = ("accepted", "", False)
        return ok

    def _identities(self, c: Connection, node: str, events: list[Event],
                    heads: dict[str, tuple[int, str, str, str]],
                    ) -> tuple[list[Event], dict[str, str], dict[str, str]]:
        """Identity is bound at enrolment: events signed with another key than the one bound to
        their origin are refused. An origin enrolled here without a key is bound by its own
        first push (with its own token); until then nobody else may relay its events. An origin
        not enrolled here (a centre of another hub) is bound by the first chain relayed; a
        signed roster of all centres is to replace that trust on first sight.

        Returns (events to verify, refused id -> reason, origin -> key to bind; the key is
        empty when it comes from the registration in this push)."""
        origins = sorted({e.origin for e in events})
        keys = self.auth.identities(c, origins)
        enrolled = self.auth.enrolled(c, origins)
        rule = self.roster.rule("")
        bad: dict[str, str] = {}
        bind: dict[str, str] = {}
        how = self._bind_how
        for o in origins:
            head_key = heads[o][2] if o in heads else ""
            reg = next((e for e in events if e.origin == o and e.seq == 1), None)
            offered = str(reg.payload.get("public_key", "")) if reg is not None else head_key
            listed = rule.node(o) if rule is not None else None
            if o in keys:
                if offered and offered != keys[o] and not (listed and offered in listed.keys):
                    bad[o] = (f"{o} tekent met een andere sleutel dan bij de aanmelding is "
                              f"vastgelegd (een vervalst centrum, of een nieuwe sleutel die "
                              f"opnieuw moet worden aangemeld)")
            elif o in enrolled and node != o:
                bad[o] = (f"{o} heeft zich nog niet zelf bij deze hub gemeld; zijn gebeurtenissen "
                          f"kunnen pas daarna via een ander centrum komen")
            else:
                # its own first push, or a centre not enrolled here whose events another hub
                # relays: the first chain binds the key (a later one under another key is
                # refused, and loudly)
                bind[o] = head_key
                how[o] = "eerste push" if node == o else f"doorgegeven door {node}"
        if not bad:
            return events, {}, bind
        return ([e for e in events if e.origin not in bad],
                {e.id: bad[e.origin] for e in events if e.origin in bad}, bind)

    def _record_forks(self, c: Connection, world: str, node: str, at: str,
                      events: Sequence[Event], ids: set[str]) -> None:
        """Keep each fork this push showed (once), and say it in the hub's log."""
        for e in events:
            if e.id not in ids:
                continue
            held = c.execute(select(EV.c.id).where(EV.c.world == world, EV.c.origin == e.origin,
                                                   EV.c.seq == e.seq)).scalar()
            known = c.execute(select(func.count()).select_from(FORK).where(
                FORK.c.world == world, FORK.c.origin == e.origin, FORK.c.seq == e.seq,
                FORK.c.offered_id == e.id)).scalar()
            if not known:
                c.execute(FORK.insert().values(world=world, origin=e.origin, seq=e.seq,
                                               offered_id=e.id, held_id=str(held or "?"),
                                               node=node, at=at))
                _log.error("vork in wereld %s: %s seq %s is hier %s, %s bood %s aan", world,
                           e.origin, e.seq, held, node, e.id)

    def roster_document(self, world: str) -> dict[str, Any] | None:
        """The signed roster this hub serves (None: it has no root)."""
        return self.roster.document()

    def holds_of(self, origin: str) -> dict[str, int]:
        """World -> the last seq of ``origin`` this hub holds (what a revocation keeps)."""
        with self.read.connect() as c:
            return {str(w): int(s) for w, s in c.execute(
                select(HEAD.c.world, HEAD.c.last_seq).where(HEAD.c.origin == origin))}

    def forks(self, world: str) -> list[dict[str, Any]]:
        """The forks this hub saw in ``world``, oldest first."""
        with self.read.connect() as c:
            rows = c.execute(select(FORK.c.origin, FORK.c.seq, FORK.c.held_id,
                                    FORK.c.offered_id, FORK.c.node, FORK.c.at)
                             .where(FORK.c.world == world).order_by(FORK.c.at)).all()
        keys = ("origin", "seq", "held_id", "offered_id", "node", "at")
        return [dict(zip(keys, r)) for r in rows]

    def latest(self, world: str) -> int:
        """The world's newest arrival number (0 when it has none): what a waiting pull
        compares its cursor with."""
        with self.read.connect() as c:
            return int(c.execute(select(func.coalesce(func.max(EV.c.arrival), 0))
                                 .where(EV.c.world == world)).scalar_one())

    def hash_at(self, world: str, origin: str, seq: int) -> str | None:
        """The hash of an origin's event with this seq, if held here."""
        with self.read.connect() as c:
            h = c.execute(select(EV.c.hash).where(EV.c.world == world, EV.c.origin == origin,
                                                  EV.c.seq == seq)).scalar()
        return None if h is None else str(h)

    def head_hashes(self, world: str) -> dict[str, str]:
        """The hash of each origin's newest event held here (a client checks its own)."""
        with self.read.connect() as c:
            return {str(o): str(h) for o, h in c.execute(
                select(HEAD.c.origin, HEAD.c.last_hash).where(HEAD.c.world == world))}

    def pull(self, world: str, after: int, limit: int) -> tuple[list[str], int, bool]:
        with self.read.connect() as c:
            rows = c.execute(select(EV.c.arrival, EV.c.body)
                             .where(EV.c.world == world, EV.c.arrival > after)
                             .order_by(EV.c.arrival).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = int(rows[-1][0]) if rows else after
        return [r[1] for r in rows], nxt, more

    def heads(self, world: str) -> dict[str, int]:
        with self.read.connect() as c:
            return {str(o): int(s) for o, s in c.execute(
                select(HEAD.c.origin, HEAD.c.last_seq).where(HEAD.c.world == world))}

    def counts(self, world: str) -> dict[str, Any]:
        with self.read.connect() as c:
            n = c.execute(select(func.count()).select_from(EV).where(EV.c.world == world)).scalar()
            last = c.execute(select(func.max(EV.c.arrival)).where(EV.c.world == world)).scalar()
        return {"events": int(n or 0), "cursor": int(last or 0)}


def open_log(db: str | None = None, store: str | None = None) -> EventLog:
    """The event log for ``--db URL`` or ``--store PATH``."""
    if store:
        from data.sync.hub.store_log import StoreEventLog

        return StoreEventLog(store)
    if not db:
        raise HubStorageError(_("geef --db (hubdatabase) of --store (store van dit "
                                "centrum)"))
    return SqlEventLog(db)


__all__ = [
    "Auth",
    "EventLog",
    "HubStorageError",
    "NodeAuth",
    "PushOutcome",
    "SqlEventLog",
    "db_url",
    "open_log",
    "token_hash",
]

"""The local store: an append-only event log on SQLite with projections updated in the same
transaction.

Writes go through two doors only: :meth:`Store.execute` for local commands (the UI and the CLI)
and :meth:`Store.ingest` for events made elsewhere (sync, bundles). Both validate, append, fold
the touched entities and commit in one transaction, and return what changed. SQLite runs in WAL
mode with ``synchronous=FULL``, so a command that returned is on disk.

Hot paths use the DB-API connection underneath the SQLAlchemy engine: the schema is defined once
in :mod:`data.store.schema`, but per-event ORM objects would cost more than the budget allows.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import sqlite3
import threading
import time
from collections import defaultdict
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import orjson
from sqlalchemy import create_engine
from sqlalchemy import event as sa_event
from sqlmodel import SQLModel

from data.clock import now_iso
from data.domain.enums import label
from data.domain.events import EVENT_TYPES, kind_of, validate_payload
from data.domain.lifecycles import legal
from data.domain.validation import ValidationError, to_iso
from data.store import fold, schema
from data.store.envelope import GENESIS, Event, Signer, canonical_json, loads, uuid7
from data.store.hlc import Hlc
from data.store.hlc import decode as hlc_decode
from data.store.prepare import Prepared, prepare
from data.store.verify import verify_chains

KEY_SEP = "\x1f"
_ENTITY_ID = re.compile(r"[A-Za-z0-9:._\-]{1,80}")
WORLD_LIVE = "LIVE"


def valid_world(world: str) -> bool:
    """LIVE or an exercise id 'OEF-…'."""
    return world == WORLD_LIVE or (
        world.startswith("OEF-") and 4 < len(world) <= 40
        and all(c.isalnum() or c in "-_" for c in world)
    )


class StoreError(Exception):
    """A store cannot be opened or created (message is for a person)."""


@dataclass(slots=True)
class Command:
    """One user intention, turned into one event by :meth:`Store.execute`.

    ``entity`` may be empty for creating commands (a new id is made). ``occurred_at`` is when it
    happened in the world, if not now (a re-keyed paper form)."""

    type: str
    payload: dict[str, Any]
    entity: str = ""
    occurred_at: str | datetime | None = None


@dataclass
class Changes:
    """What a write changed: the views decide from this whether to refresh."""

    events: list[str] = field(default_factory=list)
    entities: dict[str, str] = field(default_factory=dict)  # entity id -> kind
    conflicts: bool = False

    @property
    def kinds(self) -> set[str]:
        return set(self.entities.values())

    def touches(self, kind: str) -> bool:
        return kind in self.entities.values()

    def merge(self, other: "Changes") -> None:
        self.events += other.events
        self.entities.update(other.entities)
        self.conflicts = self.conflicts or other.conflicts

    def __bool__(self) -> bool:
        return bool(self.events)


@dataclass
class IngestResult:
    """Per-batch outcome of :meth:`Store.ingest`."""

    accepted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (event id, reason)
    changes: Changes = field(default_factory=Changes)
    #: local_seq of the first and last accepted event (one insert under the store's lock, so
    #: nothing else lies between them); None when none was accepted
    span: tuple[int, int] | None = None

    def summary(self) -> str:
        return (f"{len(self.accepted)} geaccepteerd, {len(self.duplicates)} dubbel, "
                f"{len(self.rejected)} geweigerd")


@dataclass(frozen=True)
class Fingerprint:
    """A digest of the projected picture, short enough to read over a radio."""

    code: str
    events: int

    def __str__(self) -> str:
        return f"{self.code} · {self.events} gebeurtenissen"


@dataclass(slots=True)
class _Ent:
    kind: str
    state: dict[str, Any] | None
    last_key: str
    dirty: bool = False
    #: the conflict table may hold rows for this entity (replace them when it is written)
    stored_conflicts: bool = False
    #: share of the picture sum still counted for this entity as a light journal entry (see
    #: :data:`LIGHT_TYPE`); taken out when its first table row is written
    light_sum: int = 0


#: A journal entry is written once and never changed: an entity whose only event is one
#: ``journal.logged`` is "light". Its projection is a pure function of that one event, so the
#: store keeps no row and no JSON state for it (readers fold the event when asked, and the
#: Logboek reads its fields from the log); its share of the picture sum is the event's own hash.
#: Anything more on the same id (a second event of any type) gives it an ordinary row.
#: Journal entries are most of a picture's events, and this halves the cost of taking them in.
LIGHT_TYPE = "journal.logged"


#: SQL condition on the ``event`` table that selects the events of the light journal entries
LIGHT_WHERE = (f"type = '{LIGHT_TYPE}' AND NOT EXISTS "
               "(SELECT 1 FROM entity WHERE entity.id = event.entity)")


def _light_contribution(event_hash: str) -> int:
    """A light journal entry's share of the picture sum (its event hash fixes its state)."""
    return int(event_hash[:32], 16)


def _chunks(items: list[str], n: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


_origin_of = attrgetter("origin")
_seq_of = attrgetter("seq")


def _key(ev: Event) -> str:
    return ev.hlc + KEY_SEP + ev.origin + KEY_SEP + ev.id


_DECODER = json.JSONDecoder()
_ORJSON_DUMPS = orjson.dumps
_ORJSON_SORT = orjson.OPT_SORT_KEYS
_SUM_KEY = "picture_sum"
_SUM_MOD = 1 << 128


def _contribution(eid: str, digest: str) -> int:
    """One entity's share of the picture sum (see :meth:`Store.fingerprint`): its state digest
    as a number (every state names its own id, so the digest already covers it)."""
    return int(digest, 16)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Bulk paths (ingest, rebuild, demo) allocate many small acyclic objects; Python's cyclic
    collector would otherwise scan them again and again (a third of bulk ingest time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _state_json(st: dict[str, Any]) -> str:
    """A state's stored text. States hold only what validated payloads and the fold put in
    (text, whole numbers, booleans, lists and objects), which orjson writes exactly as
    :func:`canonical_json` does, without that function's check of every value first (a state
    with a long history is large); whatever orjson refuses goes the canonical way."""
    try:
        return _ORJSON_DUMPS(st, option=_ORJSON_SORT).decode()
    except TypeError:
        return canonical_json(st)


def _entity_row(eid: str, kind: str, st: dict[str, Any], last_key: str) -> tuple[Any, ...]:
    """The ``entity`` table row of a projected state (the digest feeds the fingerprint)."""
    text = _state_json(st)
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    return (eid, kind, fold.status_of(st), fold.title_of(st), fold.regions_of(st),
            st.get("updated_at", ""), text, digest, last_key)


def _conflict_rows(eid: str, kind: str, st: dict[str, Any]) -> list[tuple[Any, ...]]:
    title = fold.title_of(st)
    return [(c["id"], eid, kind, title, c.get("found") or "", c["wanted"], c["origin"],
             c["author"], c["at"], c["reason"], c["resolution"] is not None)
            for c in st["conflicts"]]


def _row_to_event(r: Sequence[Any], parse: bool = True) -> Event:
    (id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload, prev, sig) = r[:13]
    return Event(id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload, prev, sig,
                 loads(payload) if parse else {})


EVENT_COLS = ("id, world, origin, seq, hlc, occurred_at, recorded_at, author, type, entity, "
              "payload, prev, sig")


#: a WAL file is cut back to this size when it starts over (journal_size_limit)
WAL_KEEP = 64 << 20
#: beyond this the writer checkpoints itself (see Store.checkpoint_soon)
WAL_MAX = 256 << 20


class _Checkpointer:
    """Moves what the WAL holds into the database file on a thread of its own.

    SQLite does this by itself inside a commit once the WAL passes 1,000 pages: on a big
    ingest that is about a tenth of the time the writer spends. Here the store's own
    connection never checkpoints; after each commit this thread runs a passive checkpoint on a
    second connection, which never blocks the writer or a reader, and SQLite leaves Python's
    lock while it copies, so the copying runs on the other core. A commit is durable either
    way (the WAL is synced at commit); only its copy into the main file moves."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._mutex = threading.Lock()
        self._done = threading.Condition()
        self.asked = 0  # pokes so far
        self.covered = 0  # pokes that a finished checkpoint started after

    def wait_covered(self, asked: int, timeout: float) -> bool:
        """Wait until a checkpoint that started after poke number ``asked`` has run (tests)."""
        with self._done:
            return self._done.wait_for(lambda: self.covered >= asked, timeout)

    def poke(self) -> int:
        """Ask for a checkpoint; returns the number of this request."""
        with self._mutex:
            if self._stopping:
                return self.asked
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="crisisbeeld-checkpoint")
                self._thread.start()
            self.asked += 1
            asked = self.asked
        self._wake.set()
        return asked

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA synchronous=FULL")  # the file is synced before the WAL is reused
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                with self._mutex:
                    asked = self.asked
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    pass  # (busy, or the file went away): the next commit pokes again
                with self._done:
                    self.covered = asked
                    self._done.notify_all()
        finally:
            conn.close()

    def close(self) -> None:
        with self._mutex:
            self._stopping = True
            thread, self._thread = self._thread, None
        self._wake.set()
        if thread is not None:
            thread.join()


class Store:
    """One centre's store: one world, one node identity, one SQLite file."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        uri = f"sqlite:///{self.path}"
        self._engine = create_engine(
            uri, connect_args={"check_same_thread": False, "isolation_level": None}
        )
        sa_event.listen(self._engine, "connect", self._on_connect)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection = self._engine.raw_connection().driver_connection  # type: ignore[assignment]
        self._tx_ents: dict[str, _Ent] | None = None
        self._tx_changes: Changes | None = None
        self.node_id = ""
        self.world = ""
        self.name = ""
        self._signer: Signer | None = None
        self._hlc = Hlc()
        self._own_head: tuple[int, str] | None = None  # (seq, hash) of our newest event
        self._file_version = -1  # PRAGMA data_version when the caches last matched the file
        self._tx_nested = False  # inside a transaction() that an outer one opened
        self._unit_touched: set[str] = set()  # entities touched since the last savepoint
        self._last_span: tuple[int, int] | None = None  # local_seq range of the last insert
        self._rebuilding = False
        self._rebuild_sum = 0
        # Entities known to have no row in the projection table at the start of the running
        # transaction (rows are written only when it commits).
        self._absent: set[str] = set()
        # Picture-sum share of the light journal entries added in the running transaction
        # (written with the entity rows when it commits).
        self._tx_light = 0
        self._ckpt: _Checkpointer | None = None
        if not readonly:
            self._conn.execute("PRAGMA wal_autocheckpoint=0")  # see _Checkpointer
            self._conn.execute(f"PRAGMA journal_size_limit={WAL_KEEP}")
            self._ckpt = _Checkpointer(self.path)

    @staticmethod
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    # ------------------------------------------------------------------ opening

    @classmethod
    def create(cls, path: str | os.PathLike[str], node_id: str, world: str = WORLD_LIVE,
               name: str = "") -> "Store":
        """Create a new store for ``node_id`` in ``world``; refuses an existing store."""
        node_id = node_id.strip()
        if not node_id or not all(c.isalnum() or c in "-_." for c in node_id) or len(node_id) > 60:
            raise StoreError("node-id: gebruik letters, cijfers, '-', '_' of '.' (hoogstens 60)")
        if not valid_world(world):
            raise StoreError(f"wereld '{world}': gebruik LIVE of een oefening-id als OEF-2026-01")
        p = Path(path)
        if p.exists() and p.stat().st_size > 0:
            raise StoreError(f"{p} bestaat al; kies een nieuw bestand of open dit met --db")
        p.parent.mkdir(parents=True, exist_ok=True)
        st = cls(p)
        SQLModel.metadata.create_all(st._engine, tables=[
            schema.EventRow.__table__, schema.EntityRow.__table__,  # type: ignore[attr-defined]
            schema.ConflictRow.__table__, schema.OriginHead.__table__,  # type: ignore[attr-defined]
            schema.Meta.__table__, schema.Alarm.__table__,  # type: ignore[attr-defined]
        ])
        signer = Signer()
        meta = {"schema": str(schema.SCHEMA_VERSION), "node_id": node_id, "world": world,
                "name": name or node_id, "private_key": signer.private_bytes.hex(),
                "created_at": now_iso(), _SUM_KEY: f"{0:032x}"}  # kept from the start
        with st._lock:
            st._conn.execute("BEGIN IMMEDIATE")
            st._conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            st._conn.execute("COMMIT")
        st._load_identity()
        st.execute([Command("node.registered",
                            {"name": name or node_id, "public_key": signer.public_hex,
                             "world": world}, entity=node_id)], author="systeem")
        return st

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> "Store":
        """Open an existing store; a clear error when the file is missing or not a store."""
        p = Path(path)
        if not p.exists():
            raise StoreError(f"{p} bestaat niet; maak eerst een store met 'crisisbeeld init'")
        try:
            st = cls(p, readonly=readonly)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{p} is geen Crisisbeeld-store ({e})") from None
        try:
            st._load_identity()
        except sqlite3.DatabaseError as e:
            st.close()
            raise StoreError(f"{p} is geen Crisisbeeld-store ({e})") from None
        if not readonly:
            st._migrate()
        return st

    def _migrate(self) -> None:
        """Bring a store written by an older version up to :data:`schema.SCHEMA_VERSION`.

        1 → 2: journal entries became light (no row of their own): the projection is rebuilt
        once, so that the store's fingerprint matches that of newer stores again."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            version = int(row[0]) if row and str(row[0]).isdigit() else 1
            if version >= schema.SCHEMA_VERSION:
                return
            self.rebuild()
            with self.transaction():
                self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)",
                                   (str(schema.SCHEMA_VERSION),))

    def _load_identity(self) -> None:
        rows = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        if "node_id" not in rows:
            raise StoreError(f"{self.path} is geen Crisisbeeld-store (meta ontbreekt)")
        self.node_id, self.world, self.name = rows["node_id"], rows["world"], rows["name"]
        self._signer = Signer(bytes.fromhex(rows["private_key"]))
        self._hlc = Hlc(self._clock_start())
        self._file_version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _catch_up_with_file(self) -> None:
        """At the start of a write transaction (under the write lock): whatever this object
        caches about the log must hold against the file. Another ``Store`` object or process
        may have written since (the desktop's sync worker, ``crisisbeeld sync``, a second
        window); then the clock observes the newest events and the own chain head is re-read,
        so a new event never sorts before one the file already holds, nor reuses a seq.
        ``PRAGMA data_version`` tells, without reading the log, whether anyone else wrote."""
        version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        if version == self._file_version:
            return
        self._file_version = version
        self._own_head = None
        newest = self._clock_start()
        if newest is not None:
            self._hlc.observe(newest)

    def _clock_start(self) -> str | None:
        """Where the local clock resumes: the newest hlc held, but never one that was more than
        the drift bound ahead of the wall clock (such a remote clock must not drag ours along,
        not even after a restart). Per origin the hlc of its newest event is its highest (an
        origin's clock only moves forward), so this reads one row per origin, not the log."""
        rows = self._conn.execute(
            "SELECT h.origin, e.hlc FROM origin_head h JOIN event e "
            "ON e.origin = h.origin AND e.seq = h.last_seq").fetchall()
        bound = Hlc().drift_bound_ms + time.time_ns() // 1_000_000
        best: str | None = None
        for origin, hlc in rows:
            if origin != self.node_id and hlc_decode(hlc)[0] > bound:
                continue
            if best is None or hlc > best:
                best = hlc
        return best

    def checkpoint_soon(self) -> None:
        """Have the WAL copied into the database file in the background (after a commit;
        another connection that writes this file calls it too).

        The WAL can only start over once a checkpoint has caught up with it; commits that
        follow each other closely (a long import) keep it growing. Past :data:`WAL_MAX` this
        connection checkpoints itself, as SQLite would have done."""
        if self._ckpt is None:
            return
        self._ckpt.poke()
        try:
            big = os.path.getsize(self.path + "-wal") > WAL_MAX
        except OSError:
            return
        if big:
            with self._lock:
                try:
                    self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.OperationalError:
                    pass  # the thread is at it right now

    def close(self) -> None:
        if self._ckpt is not None:
            self._ckpt.close()
        with self._lock:
            try:
                self._conn.close()
            finally:
                self._engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def public_key(self) -> str:
        assert self._signer is not None
        return self._signer.public_hex

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[Changes]:
        """One transaction for any number of execute/ingest calls (bulk loads, the demo).

        Entity states are cached for the transaction and written once at commit."""
        with self._lock:
            if self._tx_ents is not None:
                assert self._tx_changes is not None
                outer, self._tx_nested = self._tx_nested, True
                try:
                    yield self._tx_changes
                finally:
                    self._tx_nested = outer
                return
            if self.readonly:
                raise StoreError("deze store is alleen-lezen geopend")
            self._conn.execute("BEGIN IMMEDIATE")
            self._tx_ents, self._tx_changes = {}, Changes()
            changes = self._tx_changes
            try:
                self._catch_up_with_file()
                yield changes
                self._flush_entities()
                self._conn.execute("COMMIT")
                self.checkpoint_soon()
            except BaseException:
                # The clock stays where it is (it only ever moves forward); the cached own
                # chain head may point at an event that was rolled back, so it is re-read.
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite already rolled back (e.g. after an I/O error): keep the cause
                self._own_head = None
                raise
            finally:
                self._tx_ents, self._tx_changes = None, None
                self._absent = set()
                self._tx_light = 0

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested unit inside a running transaction: on error, undo just this unit.

        Statements are rolled back to the savepoint; entity states cached in the transaction
        that this unit touched are folded again from the log (which now holds exactly what the
        transaction had before), and the change lists are cut back."""
        assert self._tx_ents is not None and self._tx_changes is not None
        changes = self._tx_changes
        n_events, before_entities = len(changes.events), dict(changes.entities)
        before_conflicts, before_light = changes.conflicts, self._tx_light
        self._conn.execute("SAVEPOINT cb_unit")
        self._unit_touched = set()
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK TO cb_unit")
            self._conn.execute("RELEASE cb_unit")
            self._own_head = None
            for eid in self._unit_touched:
                old = self._tx_ents.pop(eid, None)
                self._absent.discard(eid)
                logged = self._logged([eid])
                if eid not in logged:
                    continue  # created in this unit: gone with it
                if logged[eid] is not None:
                    continue  # a light journal entry again: nothing cached, no row
                ent = self._refold(eid)
                ent.light_sum = old.light_sum if old is not None else 0
            del changes.events[n_events:]
            changes.entities = before_entities
            changes.conflicts = before_conflicts
            self._tx_light = before_light
            raise
        else:
            self._conn.execute("RELEASE cb_unit")
        finally:
            self._unit_touched = set()

    def _prefetch(self, entities: list[str]) -> None:
        """Load the cached states of many entities with a few queries (bulk ingest).

        The log is asked first how many events each has (from its entity index alone): most
        ids in a big batch are new journal entries with none, and need nothing more."""
        assert self._tx_ents is not None
        missing = [e for e in entities if e not in self._tx_ents and e not in self._absent]
        counts: dict[str, int] = {}
        for chunk in _chunks(missing):
            counts.update(self._conn.execute(
                "SELECT entity, count(*) FROM event WHERE entity IN "
                f"({','.join('?' * len(chunk))}) GROUP BY entity", chunk).fetchall())
        self._absent.update(e for e in missing if e not in counts)
        known = list(counts)
        for chunk in _chunks(known):
            for eid, kind, state, last_key in self._conn.execute(
                    "SELECT id, kind, state, last_key FROM entity WHERE id IN "
                    f"({','.join('?' * len(chunk))})", chunk):
                st = loads(state)
                self._tx_ents[eid] = _Ent(kind, st, last_key, False, bool(st.get("conflicts")))
        rowless = [e for e in known if e not in self._tx_ents]
        if rowless:
            logged = self._logged(rowless)
            for eid in rowless:
                self._load_rowless(eid, logged.get(eid))

    def _get_ent(self, entity: str) -> _Ent | None:
        assert self._tx_ents is not None
        e = self._tx_ents.get(entity)
        if e is not None:
            return e
        if entity in self._absent:
            return None
        row = self._conn.execute(
            "SELECT kind, state, last_key FROM entity WHERE id = ?", (entity,)
        ).fetchone()
        if row is None:
            logged = self._logged([entity])
            if entity not in logged:
                self._absent.add(entity)  # new: not asked again in this transaction
                return None
            return self._load_rowless(entity, logged[entity])
        st = loads(row[1])
        e = _Ent(row[0], st, row[2], False, bool(st.get("conflicts")))
        self._tx_ents[entity] = e
        return e

    def _logged(self, entities: list[str]) -> dict[str, str | None]:
        """Of entities without a table row: those that have events in the log, each with its
        event hash when it is a light journal entry (one ``journal.logged``), else None."""
        found: dict[str, list[tuple[str, str]]] = {}
        for i in range(0, len(entities), 500):
            chunk = entities[i:i + 500]
            for eid, typ, h in self._conn.execute(
                    "SELECT entity, type, hash FROM event WHERE entity IN "
                    f"({','.join('?' * len(chunk))})", chunk):
                found.setdefault(eid, []).append((typ, h))
        return {eid: (evs[0][1] if len(evs) == 1 and evs[0][0] == LIGHT_TYPE else None)
                for eid, evs in found.items()}

    def _load_rowless(self, entity: str, light_hash: str | None) -> _Ent:
        """The state of an entity that has events but no row: a light journal entry (folded
        from its one event, not dirty: it stays without a row until something changes it)."""
        assert self._tx_ents is not None
        if light_hash is None:  # cannot happen in a consistent store: fold it and write it
            return self._refold(entity)
        ent = self._refold(entity)
        ent.dirty = False
        ent.stored_conflicts = False
        ent.light_sum = _light_contribution(light_hash)
        return ent

    def _flush_entities(self) -> None:
        assert self._tx_ents is not None and self._tx_changes is not None
        rows, dirty_entities, conflicts = [], [], []
        # the picture sum moves by the light entries added, less those that now get a row,
        # plus what the written rows add and replace
        delta, self._tx_light = self._tx_light, 0
        for eid, e in self._tx_ents.items():
            if not e.dirty or e.state is None:
                continue
            e.dirty = False
            st = e.state
            rows.append(_entity_row(eid, e.kind, st, e.last_key))
            if e.light_sum:
                delta -= e.light_sum
                e.light_sum = 0
            # Conflict rows of a written entity are replaced: a late event can also make an
            # earlier conflict disappear (the step became legal at its place).
            if e.stored_conflicts:
                dirty_entities.append((eid,))
            if st.get("conflicts"):
                conflicts.extend(_conflict_rows(eid, e.kind, st))
                if not e.stored_conflicts:
                    dirty_entities.append((eid,))
                e.stored_conflicts = True
        if rows:
            absent = self._absent  # known to have no row yet: no old digest to look up
            old = self._digests_of([r[0] for r in rows if r[0] not in absent])
            delta += (sum(_contribution(r[0], r[7]) for r in rows)
                      - sum(_contribution(i, d) for i, d in old.items()))
            self._conn.executemany(
                "INSERT OR REPLACE INTO entity(id, kind, status, title, regions, updated_at, "
                "state, digest, last_key) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        if delta:
            self._add_picture_sum(delta)
        if dirty_entities and not self._rebuilding:
            self._conn.executemany("DELETE FROM conflict WHERE entity = ?", dirty_entities)
        if conflicts:
            self._conn.executemany(
                "INSERT INTO conflict(id, entity, kind, title, found, wanted, origin, author, at, "
                "reason, resolved) VALUES (?,?,?,?,?,?,?,?,?,?,?)", conflicts)
            self._tx_changes.conflicts = True

    # ------------------------------------------------------------------ local commands

    def execute(self, commands: Command | Sequence[Command], author: str) -> Changes:
        """Validate commands, make and sign their events, append and fold them, commit.

        Raises ValidationError (nothing changed) on bad input; returns what changed."""
        if isinstance(commands, Command):
            commands = [commands]
        author = (author or "").strip()
        if not author:
            raise ValidationError("vul in wie dit invoert", "auteur")
        if len(author) > 120:
            raise ValidationError("is te lang (hoogstens 120 tekens)", "auteur")
        out = Changes()
        with self.transaction():
            if self._tx_nested:
                # Inside a caller's transaction (bulk loads): a refused command must still
                # change nothing, so it gets its own savepoint.
                with self._savepoint():
                    for cmd in commands:
                        self._execute_one(cmd, author, out)
            else:
                for cmd in commands:
                    self._execute_one(cmd, author, out)
        return out

    def _execute_one(self, cmd: Command, author: str, out: Changes) -> None:
        if cmd.type not in EVENT_TYPES:
            raise ValidationError(f"onbekende opdracht '{cmd.type}'", "type")
        kind = kind_of(cmd.type)
        if not isinstance(cmd.payload, dict):
            raise ValidationError("de gegevens moeten een object met velden zijn")
        payload = dict(cmd.payload)
        # comms.reported is not creating: one entity per (region, channel) cell, see below
        creating = cmd.type != "comms.reported" and cmd.type.endswith((
            ".reported", ".requested", ".session_opened", ".recorded", ".created", ".logged",
            ".registered"))
        entity = cmd.entity.strip() if cmd.entity else ""
        if entity and not _ENTITY_ID.fullmatch(entity):
            raise ValidationError("is geen geldige verwijzing (letters, cijfers, ':', '.', '_', "
                                  "'-'; hoogstens 80 tekens)", "id")
        existing = self._get_ent(entity) if entity else None
        if creating:
            if not entity:
                entity = uuid7()
            elif existing is not None and existing.state and not existing.state.get("placeholder"):
                raise ValidationError(f"{entity} bestaat al", "id")
        elif cmd.type == "comms.reported":
            if not entity:
                reg = payload.get("region")
                chan = payload.get("channel")
                from data.domain.regions import resolve_region

                r = resolve_region(reg) if isinstance(reg, str) else None
                entity = f"comms:{r.code if r else reg}:{chan}"
                existing = self._get_ent(entity)
            if existing is not None and existing.kind not in ("comms", "*"):
                raise ValidationError(f"'{entity}' is een {existing.kind}, geen comms", "id")
        else:
            if existing is None or existing.state is None:
                raise ValidationError(f"'{entity}' bestaat niet (meer) in deze store", "id")
            if kind != "*" and existing.kind != kind:
                raise ValidationError(
                    f"'{entity}' is een {existing.kind}, geen {kind}", "id")
            cur = existing.state.get("status")
            if cmd.type.endswith("status_changed"):
                payload.setdefault("from", cur)
                to = payload.get("to")
                if payload["from"] != cur:
                    raise ValidationError(
                        f"de status is intussen {label(str(cur))}; kijk opnieuw", "van status")
                if isinstance(to, str) and to != cur and not legal(existing.kind, cur, to):
                    raise ValidationError(
                        f"van {label(str(cur))} naar {label(to)} mag niet", "naar status")
            if cmd.type == "conflict.resolved":
                cid = payload.get("conflict_id")
                match = [c for c in existing.state.get("conflicts", []) if c["id"] == cid]
                if not match:
                    raise ValidationError("dit conflict hoort niet bij deze invoer", "conflict")
                if match[0]["resolution"] is not None:
                    raise ValidationError("dit conflict is al opgelost", "conflict")
            if cmd.type == "decision.amended" and cur == "ingetrokken":
                raise ValidationError("een ingetrokken besluit kan niet meer worden gewijzigd",
                                      "besluit")
            if cmd.type == "decision.revoked" and cur == "ingetrokken":
                raise ValidationError("dit besluit is al ingetrokken", "besluit")
            if cmd.type == "irbt.session_closed" and cur == "gesloten":
                raise ValidationError("deze sessie is al gesloten", "sessie")
            if cmd.type == "bijstand.offer_withdrawn":
                if payload.get("offer_id") not in existing.state.get("offers", {}):
                    raise ValidationError("dit aanbod bestaat niet", "aanbod")
        clean = validate_payload(cmd.type, payload)
        # A closed session or a revoked decision is not refused here: a paper form may be
        # keyed in afterwards for something that happened before the close.
        if cmd.type == "decision.recorded":
            self._require(clean["session_id"], "session", "sessie")
        elif cmd.type == "action.created":
            self._require(clean["decision_id"], "decision", "besluit")
        occurred = to_iso(cmd.occurred_at) if cmd.occurred_at else None
        ev = self._make_event(cmd.type, entity, clean, author, occurred)
        self._append([ev], out)

    def _require(self, ref: str, kind: str, label_: str) -> None:
        """A local command may only point at an existing entity of the right kind.
        (Received events are not held to this: they may arrive before what they point at.)"""
        target = self._get_ent(ref)
        if target is None or target.state is None or target.state.get("placeholder"):
            raise ValidationError(f"'{ref}' bestaat niet in deze store", label_)
        if target.kind != kind:
            raise ValidationError(f"'{ref}' is een {target.kind}, geen {kind}", label_)

    def _make_event(self, typ: str, entity: str, payload: dict[str, Any], author: str,
                    occurred_at: str | None) -> Event:
        assert self._signer is not None
        if self._own_head is None:
            row = self._conn.execute(
                "SELECT last_seq, last_hash FROM origin_head WHERE origin = ?", (self.node_id,)
            ).fetchone()
            self._own_head = (row[0], row[1]) if row else (0, GENESIS)
        seq, prev = self._own_head[0] + 1, self._own_head[1]
        rec = now_iso()
        ev = Event(uuid7(), self.world, self.node_id, seq, self._hlc.tick(), occurred_at or rec,
                   rec, author, typ, entity, canonical_json(payload), prev, "", payload)
        digest = ev.digest()
        ev.sig = self._signer.sign(digest)
        self._own_head = (seq, digest)
        return ev

    # ------------------------------------------------------------------ append + fold

    def _append(self, events: list[Event], out: Changes, hashes: list[str] | None = None) -> None:
        """Insert events, advance origin heads, fold touched entities (inside a transaction)."""
        assert self._tx_ents is not None and self._tx_changes is not None
        received = now_iso()
        hs = hashes or [ev.digest() for ev in events]
        by_entity: dict[str, list[Event]] = defaultdict(list)
        for e in events:
            by_entity[e.entity].append(e)
        # What each entity was before these events: looked up before they are inserted, since
        # a light journal entry is known only by its event in the log.
        if len(by_entity) > 8:
            self._prefetch(list(by_entity))
        before = {entity: self._get_ent(entity) for entity in by_entity}
        self._conn.executemany(
            "INSERT INTO event(id, world, origin, seq, hlc, occurred_at, recorded_at, author, "
            "type, entity, payload, prev, sig, hash, received_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(e.id, e.world, e.origin, e.seq, e.hlc, e.occurred_at, e.recorded_at, e.author,
              e.type, e.entity, e.payload_json, e.prev, e.sig, h, received)
             for e, h in zip(events, hs)],
        )
        last = int(self._conn.execute("SELECT max(local_seq) FROM event").fetchone()[0])
        self._last_span = (last - len(events) + 1, last)
        # the newest event of each origin, and the key of an origin that registers here
        newest: dict[str, tuple[int, str]] = {}
        for origin, seq, h in zip(map(_origin_of, events), map(_seq_of, events), hs):
            cur = newest.get(origin)
            if cur is None or seq > cur[0]:
                newest[origin] = (seq, h)
        keys = {e.origin: str(e.payload.get("public_key", "")) for e in events
                if e.seq == 1 and e.type == "node.registered"}
        heads = {o: (seq, h, keys.get(o, "")) for o, (seq, h) in newest.items()}
        for origin, (seq, h, pk) in heads.items():
            if origin == self.node_id:
                self._own_head = (seq, h)
            self._conn.execute(
                "INSERT INTO origin_head(origin, public_key, last_seq, last_hash) VALUES (?,?,?,?) "
                "ON CONFLICT(origin) DO UPDATE SET last_seq = excluded.last_seq, "
                "last_hash = excluded.last_hash, public_key = CASE WHEN excluded.public_key != '' "
                "THEN excluded.public_key ELSE origin_head.public_key END",
                (origin, pk, seq, h))
        ids = [e.id for e in events]
        self._tx_changes.events.extend(ids)
        out.events.extend(ids)
        touched = self._unit_touched
        tx_entities, out_entities = self._tx_changes.entities, out.entities
        light_sum = 0
        hash_of: dict[str, str] | None = None
        for entity, evs in by_entity.items():
            touched.add(entity)
            ent = before[entity]
            if ent is None:
                if len(evs) == 1 and evs[0].type == LIGHT_TYPE:
                    # a new journal entry: no row, its hash goes into the picture sum
                    if hash_of is None:
                        hash_of = dict(zip(ids, hs))
                    light_sum += _light_contribution(hash_of[evs[0].id])
                    self._absent.discard(entity)
                    tx_entities[entity] = out_entities[entity] = "journal"
                    continue
                if len(evs) > 1:
                    evs.sort(key=_key)
                ent = fold_events(evs)
                self._tx_ents[entity] = ent
            else:
                if len(evs) > 1:
                    evs.sort(key=_key)
                if _key(evs[0]) < ent.last_key or (ent.kind == "*" and _kind(evs) != "*"):
                    # A late event (older in fold order than what was folded): fold the entity
                    # again from all its events, so the picture stays a function of the set.
                    ent = self._refold(entity)
                else:
                    for e in evs:
                        _fold_one(ent, e)
            ent.dirty = True
            tx_entities[entity] = out_entities[entity] = ent.kind
            if ent.state is not None and ent.state.get("conflicts"):
                out.conflicts = True
        self._tx_light += light_sum

    def _refold(self, entity: str) -> _Ent:
        """Fold an entity again from all its events (a late event arrived)."""
        assert self._tx_ents is not None
        rows = self._conn.execute(
            f"SELECT {EVENT_COLS} FROM event WHERE entity = ? ORDER BY hlc, origin, id", (entity,)
        ).fetchall()
        ent = fold_events([_row_to_event(r) for r in rows])
        ent.stored_conflicts = True  # unknown what the table holds: replace it
        prev = self._tx_ents.get(entity)
        if prev is not None:
            ent.light_sum = prev.light_sum  # still counted as a light entry: taken out at flush
        self._tx_ents[entity] = ent
        return ent

    # ------------------------------------------------------------------ ingest

    def ingest(self, items: Iterable[Event | dict[str, Any]] | Prepared) -> IngestResult:
        """Take events made elsewhere. Idempotent by id; each event is accepted, a duplicate,
        or rejected with a reason. Events of an origin must arrive without gaps in its chain
        (a rejected event is simply sent again later).

        ``items`` may be a batch read and checked ahead (:func:`data.store.prepare.prepare`,
        possibly in a helper process) for this store's world."""
        with gc_paused():
            return self._ingest(items)

    def _ingest(self, items: Iterable[Event | dict[str, Any]] | Prepared) -> IngestResult:
        if isinstance(items, Prepared):
            if items.world != self.world:
                raise StoreError(f"voorbereid voor wereld {items.world}, deze store is "
                                 f"{self.world}")
            prep = items
        else:
            prep = prepare(items, self.world)
        res = IngestResult()
        res.rejected.extend(prep.unreadable)
        res.duplicates.extend(prep.duplicates)
        parsed = prep.events
        if not parsed:
            return res
        with self._lock:
            if self.readonly:
                raise StoreError("deze store is alleen-lezen geopend")
            existing: set[str] = set()
            ids = [e.id for e in parsed]
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                existing.update(r[0] for r in self._conn.execute(
                    f"SELECT id FROM event WHERE id IN ({','.join('?' * len(chunk))})", chunk))
            fresh: list[Event] = []
            fresh_hashes: list[str] = []
            if not existing and not any(prep.reasons):  # the usual case: all new, all sound
                fresh, fresh_hashes = list(parsed), list(prep.hashes)
            else:
                for e, reason, h in zip(parsed, prep.reasons, prep.hashes):
                    if e.id in existing:
                        res.duplicates.append(e.id)
                    elif reason:
                        res.rejected.append((e.id, reason))
                    else:
                        fresh.append(e)
                        fresh_hashes.append(h)
            accepted, hashes = self._verify_chains(fresh, res, fresh_hashes)
            if not accepted:
                return res
            with self.transaction():
                nested = self._tx_nested
                unit = self._savepoint() if nested else nullcontext()
                with unit:
                    drift = self._observe_clocks(accepted)
                    self._append(accepted, res.changes, hashes=hashes)
                    for origin, ahead in drift.items():
                        self._raise_drift_alarm(origin, ahead)
            res.accepted = [e.id for e in accepted]
            # (inside a caller's transaction the rows are not committed yet: no span)
            res.span = None if nested else self._last_span
        return res

    def _observe_clocks(self, events: list[Event]) -> dict[str, int]:
        """Merge received clocks; returns how far (ms) each origin that is beyond the drift
        bound runs ahead. Per origin its newest clock covers the rest when it is within the
        bound (the clock only moves to the highest); otherwise each is merged on its own."""
        top: dict[str, str] = {}
        for e in events:
            if e.hlc > top.get(e.origin, ""):
                top[e.origin] = e.hlc
        drift: dict[str, int] = {}
        for origin, newest in top.items():
            ahead = self._hlc.observe(newest)
            if ahead:
                drift[origin] = ahead
                for e in events:
                    if e.origin == origin:
                        self._hlc.observe(e.hlc)
        return drift

    def _raise_drift_alarm(self, origin: str, ahead_ms: int) -> None:
        """One open clock-drift alarm per origin, kept up to date (not one per batch)."""
        detail = f"klok van {origin} loopt {ahead_ms // 1000} s voor"
        cur = self._conn.execute(
            "UPDATE alarm SET detail = ?, at = ? WHERE kind = 'klokafwijking' AND origin = ? "
            "AND acknowledged = 0", (detail, now_iso(), origin))
        if cur.rowcount == 0:
            self._conn.execute(
                "INSERT INTO alarm(kind, origin, detail, at, acknowledged) "
                "VALUES ('klokafwijking', ?, ?, ?, 0)", (origin, detail, now_iso()))

    def _verify_chains(self, events: list[Event], res: IngestResult,
                       known: list[str] | None = None) -> tuple[list[Event], list[str]]:
        """Check each origin's hash chain and signatures (shared rule: data.store.verify)."""

        def head_of(origin: str) -> tuple[int, str, str] | None:
            row = self._conn.execute(
                "SELECT last_seq, last_hash, public_key FROM origin_head WHERE origin = ?",
                (origin,)).fetchone()
            return (int(row[0]), str(row[1]), str(row[2])) if row else None

        accepted, hashes, rejected = verify_chains(events, head_of, known)
        res.rejected.extend((r.id, r.reason) for r in rejected)
        return accepted, hashes

    # ------------------------------------------------------------------ reading

    def event_count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM event").fetchone()[0])

    def events_since(self, local_seq: int = 0, limit: int = 10_000, *,
                     parse_payload: bool = True) -> list[tuple[int, Event]]:
        """Events in this store's arrival order after ``local_seq`` (for export and push).

        ``parse_payload=False`` leaves ``Event.payload`` empty (``payload_json`` holds it) for
        paths that only pass events on."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {EVENT_COLS}, local_seq FROM event WHERE local_seq > ? "
                "ORDER BY local_seq LIMIT ?", (local_seq, limit)).fetchall()
        return [(r[13], _row_to_event(r, parse_payload)) for r in rows]

    def iter_events(self, batch: int = 5000, *, parse_payload: bool = True) -> Iterator[Event]:
        cursor = 0
        while True:
            chunk = self.events_since(cursor, batch, parse_payload=parse_payload)
            if not chunk:
                return
            for _, e in chunk:
                yield e
            cursor = chunk[-1][0]

    def heads(self) -> dict[str, int]:
        """Highest contiguous seq held per origin (the 'state' a peer needs to send the rest)."""
        with self._lock:
            return dict(self._conn.execute("SELECT origin, last_seq FROM origin_head").fetchall())

    def events_missing_for(self, heads: dict[str, int], *,
                           parse_payload: bool = True) -> Iterator[Event]:
        """Events that a store with ``heads`` lacks, per origin in chain order."""
        with self._lock:
            origins = [r[0] for r in self._conn.execute("SELECT origin FROM origin_head")]
        for origin in sorted(origins):
            since = int(heads.get(origin, 0))
            with self._lock:
                rows = self._conn.execute(
                    f"SELECT {EVENT_COLS} FROM event WHERE origin = ? AND seq > ? ORDER BY seq",
                    (origin, since)).fetchall()
            for r in rows:
                yield _row_to_event(r, parse_payload)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that must see one state of the store (a light journal entry can get
        its row between two statements): one read transaction, unless one is open already."""
        with self._lock:
            if self._conn.in_transaction:
                yield
                return
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                self._conn.execute("COMMIT")

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        with self.snapshot():
            row = self._conn.execute("SELECT state FROM entity WHERE id = ?",
                                     (entity_id,)).fetchone()
            if row is None:  # a light journal entry: folded from its one event
                evs = self._conn.execute(
                    f"SELECT {EVENT_COLS} FROM event WHERE entity = ? LIMIT 2",
                    (entity_id,)).fetchall()
                if len(evs) == 1 and evs[0][8] == LIGHT_TYPE:
                    return fold_events([_row_to_event(evs[0])]).state
        return json.loads(row[0]) if row else None

    def _light_states(self) -> list[dict[str, Any]]:
        """The states of all light journal entries (folded from their events)."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {EVENT_COLS} FROM event WHERE {LIGHT_WHERE}").fetchall()
        return [st for r in rows if (st := fold_events([_row_to_event(r)]).state) is not None]

    def entities(self, kind: str) -> list[dict[str, Any]]:
        """All projected entities of one kind (state dicts)."""
        with self.snapshot():
            rows = self._conn.execute("SELECT state FROM entity WHERE kind = ?", (kind,)).fetchall()
            light = self._light_states() if kind == "journal" else []
        return [json.loads(r[0]) for r in rows] + light

    def rows(self, kind: str) -> list[tuple[str, str, str, str, str]]:
        """Light rows (id, status, title, regions, updated_at) for big lists."""
        with self.snapshot():
            out = self._conn.execute(
                "SELECT id, status, title, regions, updated_at FROM entity WHERE kind = ?",
                (kind,)).fetchall()
            light = self._light_states() if kind == "journal" else []
        return out + [(st["id"], fold.status_of(st), fold.title_of(st), fold.regions_of(st),
                       st.get("updated_at", "")) for st in light]

    def conflicts(self, open_only: bool = True) -> list[dict[str, Any]]:
        q = ("SELECT id, entity, kind, title, found, wanted, origin, author, at, reason, resolved "
             "FROM conflict" + (" WHERE resolved = 0" if open_only else "") + " ORDER BY at")
        with self._lock:
            rows = self._conn.execute(q).fetchall()
        keys = ("id", "entity", "kind", "title", "found", "wanted", "origin", "author", "at",
                "reason", "resolved")
        return [dict(zip(keys, r)) for r in rows]

    def alarms(self, open_only: bool = True) -> list[dict[str, Any]]:
        q = "SELECT id, kind, origin, detail, at FROM alarm" + (
            " WHERE acknowledged = 0" if open_only else "") + " ORDER BY id"
        with self._lock:
            rows = self._conn.execute(q).fetchall()
        return [dict(zip(("id", "kind", "origin", "detail", "at"), r)) for r in rows]

    def acknowledge_alarm(self, alarm_id: int) -> None:
        with self._lock:
            self._conn.execute("UPDATE alarm SET acknowledged = 1 WHERE id = ?", (alarm_id,))

    def origins(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT origin, last_seq, public_key FROM origin_head ORDER BY origin").fetchall()
        return [{"origin": o, "seq": s, "public_key": k} for o, s, k in rows]

    def fingerprint(self) -> Fingerprint:
        """Digest of the projected picture plus the event count. Equal event sets give equal
        fingerprints; nothing local (path, node, arrival order, alarms) goes in.

        The picture's digest is an order-free sum over all entities of H(id, state digest),
        kept up to date with every write, so asking costs two lookups, not a pass over a
        million rows."""
        with self._lock:
            count = int(self._conn.execute("SELECT count(*) FROM event").fetchone()[0])
            total = self._picture_sum()
            if total is None:  # a store written before the sum was kept: count it once
                total = self._picture_sum_full()
                if not self.readonly:
                    with self.transaction():
                        self._set_picture_sum(total)
        x = hashlib.sha256(f"{total:032x}:{count}".encode()).hexdigest()[:12].upper()
        return Fingerprint(f"{x[:4]}-{x[4:8]}-{x[8:12]}", count)

    def _picture_sum(self) -> int | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (_SUM_KEY,)).fetchone()
        return int(row[0], 16) if row else None

    def _picture_sum_full(self) -> int:
        total = 0
        cur = self._conn.execute("SELECT id, digest FROM entity")
        while chunk := cur.fetchmany(20_000):
            total += sum(_contribution(i, d) for i, d in chunk)
        cur = self._conn.execute(f"SELECT hash FROM event WHERE {LIGHT_WHERE}")
        while chunk := cur.fetchmany(20_000):
            total += sum(_light_contribution(h) for (h,) in chunk)
        return total % _SUM_MOD

    def _set_picture_sum(self, value: int) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                           (_SUM_KEY, f"{value:032x}"))

    def _add_picture_sum(self, delta: int) -> None:
        """After entity rows were written: move the kept sum by ``delta``. A store that does not
        keep one yet (written by an older version) gets it at the next :meth:`fingerprint` —
        counting a million rows does not belong inside a user's command."""
        current = self._picture_sum()
        if current is not None:
            self._set_picture_sum((current + delta) % _SUM_MOD)

    def _digests_of(self, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out.update(self._conn.execute(
                f"SELECT id, digest FROM entity WHERE id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        return out

    def integrity_check(self) -> str:
        with self._lock:
            return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------------ rebuild

    def rebuild(self, workers: int | None = None) -> int:
        """Recompute every projection from the log; returns the number of events folded.

        ``workers``: processes that fold in parallel (default: the CPU count on a big log,
        one on a small one). See :mod:`data.store.rebuild`."""
        from data.store import rebuild as rb

        if self._tx_ents is not None:
            # the running transaction's cached states and picture-sum share would be counted
            # on top of the rebuilt sum at its commit
            raise StoreError("opnieuw opbouwen kan niet binnen een lopende transactie")
        n = 0
        with self._lock, gc_paused(), self.transaction():
            total = self.event_count()
            if workers is None:
                # With two or three cores the workers' start-up and the row transfer eat the
                # gain on a smaller log: there they start only from PARALLEL_FROM_FEW_CORES
                # (1M events on 2 cores: 85k ev/s with 2 workers, 62k with one; 200k: even).
                cpus = os.cpu_count() or 1
                start = rb.PARALLEL_FROM if cpus >= 4 else rb.PARALLEL_FROM_FEW_CORES
                workers = min(cpus, 4) if cpus >= 2 and total >= start else 1
            self._rebuilding = True
            self._rebuild_sum = 0
            # Secondary indexes of the projection are dropped and made again at the end:
            # one sorted build is cheaper than a million index inserts.
            indexes = self._conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entity' "
                "AND sql IS NOT NULL").fetchall()
            try:
                for name, _sql in indexes:
                    self._conn.execute(f'DROP INDEX "{name}"')
                self._conn.execute("DELETE FROM entity")
                self._conn.execute("DELETE FROM conflict")
                if workers > 1:
                    cuts = rb.split_points(self._conn, total, workers)
                    bounds: list[str | None] = [None, *cuts, None]
                    chunks = rb.parallel(self.path, list(zip(bounds[:-1], bounds[1:])))
                else:
                    chunks = rb.project(self._conn)
                for out, conflicts, folded, light in chunks:
                    n += folded
                    self._rebuild_sum += light
                    self._write_rebuilt(out, conflicts)
                for _name, sql in indexes:
                    self._conn.execute(sql)
                self._set_picture_sum(self._rebuild_sum % _SUM_MOD)
            finally:
                self._rebuilding = False
        return n

    def _write_rebuilt(self, out: list[tuple[Any, ...]], conflicts: list[tuple[Any, ...]]) -> None:
        if out:
            self._rebuild_sum += sum(_contribution(r[0], r[7]) for r in out)
            self._conn.executemany(
                "INSERT INTO entity(id, kind, status, title, regions, updated_at, "
                "state, digest, last_key) VALUES (?,?,?,?,?,?,?,?,?)", out)
        if conflicts:
            self._conn.executemany(
                "INSERT INTO conflict(id, entity, kind, title, found, wanted, origin, author, at, "
                "reason, resolved) VALUES (?,?,?,?,?,?,?,?,?,?,?)", conflicts)
        out.clear()
        conflicts.clear()


_KINDS: dict[str, str] = {t: spec[0] for t, spec in EVENT_TYPES.items()}


def _kind(evs: Sequence[Event]) -> str:
    """An entity's kind: that of its first event (in fold order) that names one."""
    for e in evs:
        k = _KINDS[e.type]
        if k != "*":
            return k
    return "*"


def _fold_one(ent: _Ent, e: Event) -> None:
    k = _KINDS[e.type]
    if k != "*" and ent.kind not in ("*", k):
        if ent.state is not None:  # an event of another kind on this id: keep it visible
            ent.state["history"].append({"at": e.occurred_at, "what": "genegeerd: " + e.type,
                                         "event": e.id, "by": e.author, "origin": e.origin})
    else:
        ent.state = fold.apply(ent.state, e, ent.kind)
    ent.last_key = _key(e)


def fold_events(evs: Sequence[Event]) -> _Ent:
    """The projection of one entity from its events, which must be in (hlc, origin, id) order."""
    ent = _Ent(_kind(evs), None, "", dirty=True)
    for e in evs:
        _fold_one(ent, e)
    return ent


def default_author() -> str:
    return os.environ.get("CRISISBEELD_AUTHOR") or os.environ.get("USER") or "operator"


__all__ = ["Store", "Command", "Changes", "IngestResult", "Fingerprint", "StoreError",
           "WORLD_LIVE", "valid_world", "now_iso", "default_author", "time"]

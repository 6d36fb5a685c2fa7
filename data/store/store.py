"""The local store: an append-only event log on SQLite with projections updated in the same
transaction.

Writes go through two doors only: :meth:`Store.execute` for local commands (the UI and the CLI)
and :meth:`Store.ingest` for events made elsewhere (sync, bundles). Both validate, append, fold
the touched entities and commit in one transaction, and return what changed. SQLite runs in WAL
mode with ``synchronous=FULL``, so a command that returned is on disk.

The store talks to SQLite through the DB-API connection: the schema is defined once in
:mod:`data.store.schema` (SQLModel), and only a new store's tables are made from it
(:mod:`data.store.ddl`); per-event ORM objects would cost more than the budget allows, and
opening a store without importing SQLAlchemy keeps every command quick to start.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from data.bulk import gc_paused
from data.clock import now_iso, now_iso_ms
from data.domain import commands
from data.domain.validation import ValidationError, to_iso
from data.i18n import _
from data.store import ddl, log, rebuild, wal
from data.store.blobs import Blobs
from data.store.envelope import GENESIS, Event, Signer, canonical_json, link, uuid7
from data.store.folding import Folding
from data.store.hlc import Hlc
from data.store.hlc import decode as hlc_decode
from data.store.ingest import Ingest
from data.store.people import People
from data.store.projection import (
    SUM_KEY,
    SUM_MOD,
    Ent,
)
from data.store.reads import Reads
from data.store.trust import Trust
from data.store.types import (
    WORLD_LIVE,
    Changes,
    Command,
    Fingerprint,
    IngestResult,
    StoreError,
    default_author,
    valid_world,
)
from data.store.wal import Checkpointer

#: who registers a store when no person is named (a script, a test): the installation itself,
#: in the beheerder's function, so even the first line of a history names a function (issue 16)
SETUP_AUTHOR = "installatie (beheerder)"



def not_a_store(p: Path, e: sqlite3.DatabaseError) -> str:
    """Why ``p`` could not be opened as a store, in words (SQLite's own English left out)."""
    if "locked" in str(e) or "busy" in str(e):
        return f"{p} is bezet door een ander programma; probeer het zo opnieuw"
    if isinstance(e, sqlite3.OperationalError) and "unable to open" in str(e):
        return f"{p} is niet te openen (rechten van het bestand of de map?)"
    return f"{p} is geen Crisisbeeld-store (een ander soort bestand, of beschadigd)"


class Store(Ingest, Folding, Reads, People, Trust, Blobs):
    """One centre's store: one world, one node identity, one SQLite file."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        # the DB-API connection itself: SQLAlchemy is needed only to create a store's tables
        self._conn: sqlite3.Connection = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None)
        wal.configure(self._conn)
        self._tx_ents: dict[str, Ent] | None = None
        self._tx_changes: Changes | None = None
        self.node_id = ""
        self.world = ""
        self.name = ""
        self._signer: Signer | None = None
        self._hlc = Hlc()
        self._own_head: tuple[int, str] | None = None  # (seq, link) of our newest event
        self._file_version = -1  # PRAGMA data_version when the caches last matched the file
        self._tx_nested = False  # inside a transaction() that an outer one opened
        self._unit_touched: set[str] = set()  # entities touched since the last savepoint
        self._last_span: tuple[int, int] | None = None  # local_seq range of the last insert
        self._rebuilding = False
        # Entities known to have no row in the projection table at the start of the running
        # transaction (rows are written only when it commits).
        self._absent: set[str] = set()
        # Picture-sum share of the light journal entries added in the running transaction
        # (written with the entity rows when it commits).
        self._tx_light = 0
        self._ckpt: Checkpointer | None = None
        if not readonly:
            wal.writer(self._conn)
            self._ckpt = Checkpointer(self.path)

    # ------------------------------------------------------------------ opening

    @classmethod
    def create(cls, path: str | os.PathLike[str], node_id: str, world: str = WORLD_LIVE,
               name: str = "", author: str = SETUP_AUTHOR) -> "Store":
        """Create a new store for ``node_id`` in ``world``; refuses an existing store. The
        registration is written by ``author``, the person who sets the centre up, with their
        function (by default the installation, as beheerder)."""
        node_id = node_id.strip()
        if not node_id or not all(c.isalnum() or c in "-_." for c in node_id) or len(node_id) > 60:
            raise StoreError(_("node-id: gebruik letters, cijfers, '-', '_' of '.' "
                               "(hoogstens 60)"))
        if not valid_world(world):
            raise StoreError(_("wereld '{world}': gebruik LIVE of een oefening-id als "
                               "OEF-2026-01").format(world=world))
        p = Path(path)
        if p.exists() and p.stat().st_size > 0:
            raise StoreError(_("{p} bestaat al; kies een nieuw bestand of open dit met "
                               "--db").format(p=p))
        p.parent.mkdir(parents=True, exist_ok=True)
        st = cls(p)
        with st._lock:
            ddl.create_tables(st._conn)
        signer = Signer()
        meta = {"schema": str(ddl.SCHEMA_VERSION), "node_id": node_id, "world": world,
                "name": name or node_id, "private_key": signer.private_bytes.hex(),
                "created_at": now_iso(), SUM_KEY: f"{0:032x}"}  # kept from the start
        with st._lock:
            st._conn.execute("BEGIN IMMEDIATE")
            st._conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            st._conn.execute("COMMIT")
        st._load_identity()
        st.execute([Command("node.registered",
                            {"name": name or node_id, "public_key": signer.public_hex,
                             "world": world}, entity=node_id)], author=author)
        return st

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> "Store":
        """Open an existing store; a clear error when the file is missing or not a store."""
        p = Path(path)
        if not p.exists():
            raise StoreError(_("{p} bestaat niet; maak eerst een store met "
                               "'crisisbeeld init'").format(p=p))
        try:
            st = cls(p, readonly=readonly)
        except sqlite3.DatabaseError as e:
            raise StoreError(not_a_store(p, e)) from None
        try:
            st._load_identity()
        except sqlite3.DatabaseError as e:
            st.close()
            raise StoreError(not_a_store(p, e)) from None
        if not readonly:
            st._migrate()
        return st

    def _migrate(self) -> None:
        """Bring a store written by an older version up to :data:`ddl.SCHEMA_VERSION`.

        1 → 2: journal entries became light (no row of their own): the projection is rebuilt
        once, so that the store's fingerprint matches that of newer stores again."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            version = int(row[0]) if row and str(row[0]).isdigit() else 1
            if version >= ddl.SCHEMA_VERSION:
                return
            self.rebuild()
            with self.transaction():
                self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)",
                                   (str(ddl.SCHEMA_VERSION),))

    def _load_identity(self) -> None:
        rows = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        if "node_id" not in rows:
            raise StoreError(_("{path} is geen Crisisbeeld-store (meta ontbreekt)").format(
                                 path=self.path))
        self.node_id, self.world, self.name = rows["node_id"], rows["world"], rows["name"]
        self._signer = Signer(bytes.fromhex(rows["private_key"]))
        self._hlc = Hlc(self._clock_start())
        self._load_roles()
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
        self._load_roles()
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'private_key'").fetchone()
        if row and (self._signer is None or row[0] != self._signer.private_bytes.hex()):
            self._signer = Signer(bytes.fromhex(row[0]))  # rotated by another process
        newest = self._clock_start()
        if newest is not None:
            self._hlc.observe(newest)

    def _clock_start(self) -> str | None:
        """Where the local clock resumes: the newest hlc held, but never one that was more than
        the drift bound ahead of the wall clock (such a remote clock must not drag ours along,
        not even after a restart). Per origin the hlc of its newest event is its highest (an
        origin's clock only moves forward), so this reads one row per origin, not the log."""
        rows = log.newest_per_origin(self._conn)
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
            big = os.path.getsize(self.path + "-wal") > wal.WAL_MAX
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
            self._conn.close()

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
                raise StoreError(_("deze store is alleen-lezen geopend"))
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

    # ------------------------------------------------------------------ local commands

    def execute(self, commands: Command | Sequence[Command], author: str) -> Changes:
        """Validate commands, make and sign their events, append and fold them, commit.

        Raises ValidationError (nothing changed) on bad input; returns what changed."""
        if isinstance(commands, Command):
            commands = [commands]
        author = (author or "").strip()
        if not author:
            raise ValidationError(_("vul in wie dit invoert"), _("auteur"))
        if len(author) > 120:
            raise ValidationError(_("is te lang (hoogstens 120 tekens)"), _("auteur"))
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
        """One command through the precondition table (data.domain.commands), then its event."""
        ok = commands.check(cmd.type, cmd.payload, cmd.entity, author, self._target, uuid7,
                            (self._role_guard,))
        occurred = to_iso(cmd.occurred_at) if cmd.occurred_at else None
        ev = self._make_event(cmd.type, ok.entity, ok.payload, author, occurred)
        self._append([ev], out)

    def _target(self, entity: str) -> commands.Target | None:
        ent = self._get_ent(entity)
        return None if ent is None else commands.Target(ent.kind, ent.state)

    def _make_event(self, typ: str, entity: str, payload: dict[str, Any], author: str,
                    occurred_at: str | None) -> Event:
        assert self._signer is not None
        if self._own_head is None:
            head = log.head_of(self._conn, self.node_id)
            self._own_head = (head[0], link(head[1], head[3])) if head else (0, GENESIS)
        seq, prev = self._own_head[0] + 1, self._own_head[1]
        rec = now_iso_ms()  # (occurred_at stays in whole seconds: it is compared with those)
        ev = Event(uuid7(), self.world, self.node_id, seq, self._hlc.tick(),
                   occurred_at or rec[:19] + "Z", rec, author, typ, entity,
                   canonical_json(payload), prev, "", payload)
        digest = ev.digest()
        ev.sig = self._signer.sign(digest)
        self._own_head = (seq, link(digest, ev.sig))
        return ev

    # ------------------------------------------------------------------ writes beside commands

    def raise_alarm(self, kind: str, origin: str, detail: str) -> None:
        """An open alarm of ``kind`` about ``origin`` with this text, once (not one per batch
        that shows the same thing again)."""
        with self.transaction():
            found = self._conn.execute(
                "SELECT 1 FROM alarm WHERE kind = ? AND origin = ? AND detail = ? "
                "AND acknowledged = 0", (kind, origin, detail)).fetchone()
            if found is None:
                self._conn.execute(
                    "INSERT INTO alarm(kind, origin, detail, at, acknowledged) "
                    "VALUES (?, ?, ?, ?, 0)", (kind, origin, detail, now_iso()))

    def acknowledge_alarm(self, alarm_id: int) -> None:
        with self._lock:
            self._conn.execute("UPDATE alarm SET acknowledged = 1 WHERE id = ?", (alarm_id,))

    def _set_picture_sum(self, value: int) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                           (SUM_KEY, f"{value:032x}"))

    def _add_picture_sum(self, delta: int) -> None:
        """After entity rows were written: move the kept sum by ``delta``. A store that does not
        keep one yet (written by an older version) gets it at the next :meth:`fingerprint` —
        counting a million rows does not belong inside a user's command."""
        current = self._picture_sum()
        if current is not None:
            self._set_picture_sum((current + delta) % SUM_MOD)

    # ------------------------------------------------------------------ rebuild

    def rebuild(self, workers: int | None = None) -> int:
        """Recompute every projection from the log; returns the number of events folded.

        ``workers``: processes that fold in parallel (default: the CPU count on a big log,
        one on a small one). See :mod:`data.store.rebuild`."""
        if self._tx_ents is not None:
            # the running transaction's cached states and picture-sum share would be counted
            # on top of the rebuilt sum at its commit
            raise StoreError(_("opnieuw opbouwen kan niet binnen een lopende transactie"))
        with self._lock, gc_paused(), self.transaction():
            self._rebuilding = True
            try:
                n, total = rebuild.rebuild_projection(self._conn, self.path, workers)
                self._set_picture_sum(total)
            finally:
                self._rebuilding = False
        return n


__all__ = ["Store", "Command", "Changes", "IngestResult", "Fingerprint", "StoreError",
           "WORLD_LIVE", "valid_world", "now_iso", "default_author"]

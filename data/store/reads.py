"""What a store answers: reads of the log and the projection, and the fingerprint.

:class:`Reads` is the reading half of :class:`data.store.store.Store` (it holds the connection
and the lock; the writing half adds transactions, commands and ingest). Reads take the store's
lock, so a reader on another thread never sees half a transaction of this store object; a
read-only ``Store`` is the desktop's second connection for the screens.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from data.store import fold, log
from data.store.envelope import Event
from data.store.projection import (
    LIGHT_TYPE,
    SUM_KEY,
    SUM_MOD,
    contribution,
    fold_events,
    light_contribution,
)
from data.store.types import Fingerprint


class Reads:
    """Reading a store (mixed into :class:`data.store.store.Store`)."""

    _conn: sqlite3.Connection
    _lock: threading.RLock
    readonly: bool

    if TYPE_CHECKING:  # provided by the writing half of Store
        def transaction(self) -> AbstractContextManager[Any]: ...
        def _set_picture_sum(self, value: int) -> None: ...

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """The store's connection under its lock, for read helpers of this package
        (:mod:`data.store.queries`): statements only, no transaction of their own."""
        with self._lock:
            yield self._conn

    def event_count(self) -> int:
        with self._lock:
            return log.count(self._conn)

    def events_since(self, local_seq: int = 0, limit: int = 10_000, *,
                     parse_payload: bool = True) -> list[tuple[int, Event]]:
        """Events in this store's arrival order after ``local_seq`` (for export and push).

        ``parse_payload=False`` leaves ``Event.payload`` empty (``payload_json`` holds it) for
        paths that only pass events on."""
        with self._lock:
            return log.since(self._conn, local_seq, limit, parse_payload)

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
                events = log.chain_after(self._conn, origin, since, parse_payload)
            yield from events

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
                evs = log.of_entity(self._conn, entity_id, limit=2)
                if len(evs) == 1 and evs[0].type == LIGHT_TYPE:
                    return fold_events(evs).state
        return json.loads(row[0]) if row else None

    def _light_states(self) -> list[dict[str, Any]]:
        """The states of all light journal entries (folded from their events)."""
        with self._lock:
            evs = log.light_events(self._conn)
        return [st for e in evs if (st := fold_events([e]).state) is not None]

    def log_mark(self) -> int:
        """The arrival counter of the newest event: changes whenever the log does (a cheap
        check whether what a reader derived from the log is still current)."""
        with self._lock:
            return log.last_local_seq(self._conn)

    def events_of_type_after(self, event_type: str, hlc: str = "") -> list[Event]:
        """Events of one type after ``hlc``, in fold order (an exercise's expectations)."""
        with self._lock:
            return log.of_type_after(self._conn, event_type, hlc)

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
        out = [dict(zip(keys, r)) for r in rows]
        for c in out:  # the title as the language in use says it (the store keeps it in Dutch)
            if isinstance(c["title"], str):
                c["title"] = fold.shown_title(str(c["kind"]), c["title"])
        return out

    def alarms(self, open_only: bool = True) -> list[dict[str, Any]]:
        q = "SELECT id, kind, origin, detail, at FROM alarm" + (
            " WHERE acknowledged = 0" if open_only else "") + " ORDER BY id"
        with self._lock:
            rows = self._conn.execute(q).fetchall()
        return [dict(zip(("id", "kind", "origin", "detail", "at"), r)) for r in rows]

    def origins(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT origin, last_seq, public_key FROM origin_head ORDER BY origin").fetchall()
        return [{"origin": o, "seq": s, "public_key": k} for o, s, k in rows]

    def head_hashes(self) -> dict[str, str]:
        """The hash of each origin's newest event held here."""
        with self._lock:
            return dict(self._conn.execute("SELECT origin, last_hash FROM origin_head").fetchall())

    def fingerprint(self) -> Fingerprint:
        """Digest of the projected picture plus the event count. Equal event sets give equal
        fingerprints; nothing local (path, node, arrival order, alarms) goes in.

        The picture's digest is an order-free sum over all entities of H(id, state digest),
        kept up to date with every write, so asking costs two lookups, not a pass over a
        million rows."""
        with self._lock:
            count = log.count(self._conn)
            total = self._picture_sum()
            if total is None:  # a store written before the sum was kept: count it once
                total = self._picture_sum_full()
                if not self.readonly:
                    with self.transaction():
                        self._set_picture_sum(total)
        x = hashlib.sha256(f"{total:032x}:{count}".encode()).hexdigest()[:12].upper()
        return Fingerprint(f"{x[:4]}-{x[4:8]}-{x[8:12]}", count)

    def _picture_sum(self) -> int | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (SUM_KEY,)).fetchone()
        return int(row[0], 16) if row else None

    def _picture_sum_full(self) -> int:
        total = 0
        cur = self._conn.execute("SELECT id, digest FROM entity")
        while chunk := cur.fetchmany(20_000):
            total += sum(contribution(i, d) for i, d in chunk)
        for hashes in log.light_hashes(self._conn):
            total += sum(map(light_contribution, hashes))
        return total % SUM_MOD

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

    def events_of_types(self, types: Sequence[str], entities: Sequence[str] = ()) -> list[Event]:
        """Every event of one of ``types`` or on one of ``entities`` (any order; the payload
        unread, in ``payload_json``): an exercise's review."""
        with self._lock:
            return log.of_types_or_entities(self._conn, types, entities)

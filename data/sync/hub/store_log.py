"""A hub on a centre's own store (``crisisbeeld serve``, or the application's neighbour hub):
pushes are ingested into the store, pulls follow the store's arrival order."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from typing import Any

from data.store import log
from data.sync.hub.blobs import StoreBlobs
from data.sync.hub.storage import (
    TRANSIENT_MARKERS,
    Auth,
    HubStorageError,
    PushOutcome,
    _outcome,
    db_url,
    make_engines,
    parse_batch,
)
from data.sync.wire import ROW_COLS, SQL_WIRE_LINE, wire_row


class StoreEventLog:
    """A hub on a centre's own store: pushes are ingested into the store itself, pulls follow
    the store's arrival order. Tokens and grants live in extra tables in the same file.

    Give it a path (``crisisbeeld serve``), or the application's open :class:`Store` — then
    neighbours' pushes go through the same store object (and its lock) as the centre's own
    writes, and :meth:`close` leaves that store open."""

    kind = "store"

    def __init__(self, path: str | os.PathLike[str] | Any) -> None:
        from data.store import Store, StoreError

        self._own = not isinstance(path, Store)
        if isinstance(path, Store):
            self.store = path
        else:
            try:
                self.store = Store.open(path)
            except StoreError as e:
                raise HubStorageError(str(e)) from None
        self.path = str(self.store.path)
        w, r = make_engines(db_url(self.path))
        self.auth = Auth(w, r)
        self.hub_id = self.auth.ensure()
        self.blobs = StoreBlobs(self.store)
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []

    def close(self) -> None:
        self.auth.flush()
        self.auth.write.dispose()
        self.auth.read.dispose()
        for c in self._conns:
            c.close()
        if self._own:
            self.store.close()

    def worlds(self) -> list[str] | None:
        return [self.store.world]

    def _conn(self) -> sqlite3.Connection:
        c: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                check_same_thread=False)
            self._local.conn = c
            self._conns.append(c)
        return c

    def push(self, world: str, node: str, items: Sequence[Any],
             lines: Sequence[str] | None = None) -> PushOutcome:
        events, bad = parse_batch(items)
        good = [e for e in events if e is not None]
        # (the store tells duplicates inside its write transaction: the centre's own sync
        # taking in the same events at the same moment makes them duplicates here)
        res = self.store.ingest(good)
        status: dict[str, tuple[str, str, bool]] = {}
        for i in res.accepted:
            status[i] = ("accepted", "", False)
        for i in res.duplicates:
            status[i] = ("duplicate", "", False)
        for i, reason in res.rejected:
            status[i] = ("rejected", reason, any(m in reason for m in TRANSIENT_MARKERS))
        self.auth.touch(node, world, pushed=len(res.accepted))
        return _outcome(items, events, bad, status)

    def pull(self, world: str, after: int, limit: int) -> tuple[list[str], int, bool]:
        c = self._conn()
        try:
            rows = log.lines_after(c, after, limit + 1, SQL_WIRE_LINE)
            lines = [r[1] for r in rows[:limit]]
            seqs = [r[0] for r in rows]
        except sqlite3.OperationalError:  # an SQLite without JSON functions
            full = log.rows_after(c, after, limit + 1, ROW_COLS)
            seqs = [int(r[-1]) for r in full]
            lines = [wire_row(r[:-1]) for r in full[:limit]]
        more = len(seqs) > limit
        nxt = seqs[:limit][-1] if seqs else after
        return lines, nxt, more

    def heads(self, world: str) -> dict[str, int]:
        return self.store.heads()

    def hash_at(self, world: str, origin: str, seq: int) -> str | None:
        found = log.at_seq(self._conn(), origin, seq)
        return found[1] if found else None

    def latest(self, world: str) -> int:
        return log.last_local_seq(self._conn())

    def head_hashes(self, world: str) -> dict[str, str]:
        return self.store.head_hashes()

    def roster_document(self, world: str) -> dict[str, Any] | None:
        """The roster this centre learnt (relayed to its neighbours as it came)."""
        return self.store.roster_document()

    def forks(self, world: str) -> list[dict[str, Any]]:
        return [{"origin": a["origin"], "detail": a["detail"], "at": a["at"]}
                for a in self.store.alarms() if a["kind"] == "vork"]

    def counts(self, world: str) -> dict[str, Any]:
        c = self._conn()
        return {"events": log.count(c), "cursor": log.last_local_seq(c)}

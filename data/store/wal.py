"""SQLite settings of every connection that writes a store, and the WAL checkpointer.

Durability lives here: WAL mode with ``synchronous=FULL``, so a commit that returned is on disk
(the WAL is synced at commit). The checkpointer only moves where committed pages live."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

#: a WAL file is cut back to this size when it starts over (journal_size_limit)
WAL_KEEP = 64 << 20
#: beyond this the writer checkpoints itself (see Store.checkpoint_soon)
WAL_MAX = 256 << 20


class Checkpointer:
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


def configure(dbapi_conn: Any) -> None:
    """The settings of every connection a store opens (SQLAlchemy's connect hook)."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def writer(conn: sqlite3.Connection) -> None:
    """The store's own writing connection: it never checkpoints inside a commit (the
    :class:`Checkpointer` does that), and the WAL is cut back when it starts over."""
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute(f"PRAGMA journal_size_limit={WAL_KEEP}")

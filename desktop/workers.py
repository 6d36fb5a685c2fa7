"""Background workers: one writer for the store, one reader on a second (read-only) connection.

The GUI thread never touches the store: it posts requests by queued signal and gets results
back by signal. SQLite WAL lets the reader read while the writer writes.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from data.domain.validation import ValidationError
from data.store import Command, Store, StoreError
from data.store import queries as q
from widgets.journal import JournalData

log = logging.getLogger("crisisbeeld.workers")


class StoreWriter(QObject):
    """Executes commands on the store, one at a time, in its own thread."""

    sig_done = Signal(int, object)
    """A request succeeded: (request id, Changes)."""
    sig_failed = Signal(int, object, str)
    """A request was refused: (request id, [(field label, message)], message)."""
    sig_error = Signal(str)
    """An unexpected error (traceback text) for the one error dialog."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.store: Store | None = None

    @Slot()
    def open(self) -> None:
        """Open the store ahead of the first command (opening scans the log for its clock)."""
        try:
            if self.store is None:
                self.store = Store.open(self.path)
                q.tune_for_reading(self.store, 16_384)  # one command at a time needs little
                _trim_heap()
        except Exception:  # noqa: BLE001 - the first command reports it again, to the user
            self.sig_error.emit(traceback.format_exc())

    @Slot(int, object, str)
    def execute(self, req: int, commands: list[Command], author: str) -> None:
        try:
            if self.store is None:
                self.store = Store.open(self.path)
            changes = self.store.execute(commands, author)
        except ValidationError as e:
            self.sig_failed.emit(req, list(e.errors), str(e))
            return
        except StoreError as e:
            self.sig_failed.emit(req, [("", str(e))], str(e))
            return
        except Exception as e:  # noqa: BLE001 - reported to the one error place
            self.sig_failed.emit(req, [("", f"onverwachte fout: {e}")], str(e))
            self.sig_error.emit(traceback.format_exc())
            return
        self.sig_done.emit(req, changes)

    @Slot()
    def close(self) -> None:
        _close_and_quit(self)


def _close_and_quit(worker: "StoreWriter | StoreReader") -> None:
    """The last job of a worker: close its store, then end its own thread's event loop.

    Quitting from inside runs after every request queued before the close; a quit() from the
    GUI thread could end the loop first and leave a write unexecuted and the store open."""
    if worker.store is not None:
        worker.store.close()
        worker.store = None
    thread = QThread.currentThread()
    if thread is not None:
        thread.quit()


def _trim_heap() -> None:
    """Give memory freed after a big load back to the system (glibc only; no-op elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _shared(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The same rows with repeated values (statuses, regions, titles, …) as one object each:
    60k bijstand rows repeat most of their fields."""
    pool: dict[Any, Any] = {}
    share = pool.setdefault
    out = [(r[0],) + tuple(share(v, v) for v in r[1:]) for r in rows]
    _trim_heap()
    return out


def _journal_data(st: Store) -> JournalData:
    """The whole journal, prepared and sorted newest first here, off the GUI thread."""
    d = JournalData()
    for chunk in q.iter_journal_rows(st):
        d.add(chunk)
    d.sort_newest_first()
    return d


#: what the reader can load: name -> function(store, arg) -> result
LOADERS: dict[str, Callable[[Store, Any], Any]] = {
    "incident": lambda st, ids: q.states(st, "incident", ids),
    "session": lambda st, ids: q.states(st, "session", ids),
    "decision": lambda st, ids: q.states(st, "decision", ids),
    "action": lambda st, ids: q.states(st, "action", ids),
    "nsp": lambda st, ids: q.states(st, "nsp", ids),
    "bijstand": lambda st, ids: _shared(q.bijstand_rows(st, ids)),
    "journal": lambda st, ids: _journal_data(st) if ids is None else q.journal_rows(st, ids),
    "comms": lambda st, _a: q.comms_latest(st),
    "conflicts": lambda st, _a: st.conflicts(),
    "bijstand_counts": lambda st, _a: q.count_by_status(st, "bijstand"),
    "alarms": lambda st, _a: st.alarms(),
    "fingerprint": lambda st, _a: str(st.fingerprint()),
    "timeline": lambda st, _a: [(b.hour, b.kind, b.count) for b in q.timeline(st)],
    "entity": lambda st, eid: st.entity(eid),
    "kinds": lambda st, ids: q.kinds_of(st, ids),
}


class StoreReader(QObject):
    """Loads what the screens show, on a read-only connection, in its own thread."""

    sig_loaded = Signal(str, object, object)
    """One load finished: (what, argument, result)."""
    sig_error = Signal(str)
    """An unexpected error (traceback text)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.store: Store | None = None

    @Slot(str, object)
    def load(self, what: str, arg: Any) -> None:
        try:
            if self.store is None:
                # the constructor, not open(): a reader needs no identity or clock, and open()
                # scans the log for the newest hlc
                self.store = Store(self.path, readonly=True)
                q.tune_for_reading(self.store)
            result = LOADERS[what](self.store, arg)
            if what == "journal" and arg is None:
                _trim_heap()
        except Exception:  # noqa: BLE001
            self.sig_error.emit(traceback.format_exc())
            return
        self.sig_loaded.emit(what, arg, result)

    @Slot()
    def close(self) -> None:
        _close_and_quit(self)


class Workers(QObject):
    """Owns the writer thread and two reader threads (one for the quick loads the views wait
    for, one for the slow whole-log scans: fingerprint and timeline); ``stop()`` ends them."""

    SLOW = ("fingerprint", "timeline")

    _sig_execute = Signal(int, object, str)
    _sig_load = Signal(str, object)
    _sig_load_slow = Signal(str, object)
    _sig_close = Signal()
    _sig_open = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = StoreWriter(path)
        self.reader = StoreReader(path)
        self.slow_reader = StoreReader(path)
        self.writer_thread = QThread()
        self.writer_thread.setObjectName("crisisbeeld-writer")
        self.reader_thread = QThread()
        self.reader_thread.setObjectName("crisisbeeld-reader")
        self.slow_thread = QThread()
        self.slow_thread.setObjectName("crisisbeeld-reader-slow")
        self.writer.moveToThread(self.writer_thread)
        self.reader.moveToThread(self.reader_thread)
        self.slow_reader.moveToThread(self.slow_thread)
        self._sig_execute.connect(self.writer.execute)
        self._sig_open.connect(self.writer.open)
        self._sig_load.connect(self.reader.load)
        self._sig_load_slow.connect(self.slow_reader.load)
        for obj in (self.writer, self.reader, self.slow_reader):
            self._sig_close.connect(obj.close)
        # the slow reader's results arrive through the same signal as the quick reader's
        self.slow_reader.sig_loaded.connect(self.reader.sig_loaded)
        self.slow_reader.sig_error.connect(self.reader.sig_error)
        self._next = 0
        for t in (self.writer_thread, self.reader_thread, self.slow_thread):
            t.start()

    def execute(self, commands: list[Command], author: str) -> int:
        """Queue commands for the writer; returns the request id (see StoreWriter signals)."""
        self._next += 1
        self._sig_execute.emit(self._next, commands, author)
        return self._next

    def warm_up(self) -> None:
        """Let the writer open its connection now, so the first command is quick."""
        self._sig_open.emit()

    def load(self, what: str, arg: Any = None) -> None:
        (self._sig_load_slow if what in self.SLOW else self._sig_load).emit(what, arg)

    def stop(self) -> None:
        """Close both connections in their threads and end the threads."""
        self._sig_close.emit()  # each worker closes its store and quits after queued work
        for t in (self.writer_thread, self.reader_thread, self.slow_thread):
            if not t.wait(30_000):
                t.quit()  # a worker stuck past the bound: end the loop regardless
                t.wait(5_000)

"""The sync worker: connection tests, bundle files, enrolment and the engine's set-up, in one
thread of its own (the shape of :mod:`desktop.workers`), so the GUI thread never waits on disk
or network.

Writes (bundle import, and the engine's pulls) go through one writable :class:`Store` opened
here; the store serialises them with its lock and SQLite WAL against the window's writer.
Exports read on a read-only connection.
"""

from __future__ import annotations

import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from data.store import Store, StoreError


class JobError(Exception):
    """A job that could not be done; the message is for a person."""


class SyncJobs(QObject):
    """Runs named jobs one at a time in its own thread; see :data:`JOBS` for the names."""

    sig_done = Signal(int, str, object)
    """A job finished: (request id, job name, result)."""
    sig_failed = Signal(int, str, str)
    """A job failed: (request id, job name, message for a person)."""
    sig_error = Signal(str)
    """An unexpected error (traceback text) for the one error dialog."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.store: Store | None = None
        self.abort = threading.Event()  # set at shutdown: a wait in progress gives up
        self.cancel_wait = threading.Event()  # set when the awaited hub process ended

    def writable_store(self) -> Store:
        if self.store is None:
            self.store = Store.open(self.path)
        return self.store

    @Slot(int, str, object)
    def run(self, req: int, name: str, args: Any) -> None:
        from data.sync.bundle import BundleError
        from data.sync.client import HubRefused, LinkDown

        try:
            result = JOBS[name](self, *args)
        except (JobError, BundleError, StoreError, HubRefused, LinkDown, OSError,
                ValueError) as e:
            self.sig_failed.emit(req, name, str(e))
            return
        except Exception as e:  # noqa: BLE001 - reported to the one error place
            self.sig_failed.emit(req, name, f"onverwachte fout: {e}")
            self.sig_error.emit(traceback.format_exc())
            return
        self.sig_done.emit(req, name, result)

    @Slot()
    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


# ---------------------------------------------------------------------- the jobs


def _health(_w: SyncJobs, url: str, token: str) -> dict[str, Any]:
    """GET /v1/health and, with a token, /v1/me: is the hub there and does it know us?"""
    from data.sync.client import HubClient, PeerConfig

    c = HubClient(PeerConfig(url, token), timeout=(3.0, 10.0))
    try:
        out = c.health()
        if token:
            out["me"] = c._call("GET", "/v1/me")  # noqa: SLF001 - the one extra call
        return out
    finally:
        c.close()


def _open_engine(w: SyncJobs, peers: list[Any], interval: float, old: Any) -> Any:
    """Close the previous engine (if any) and build one on this worker's store."""
    from data.sync.client import SyncEngine

    if old is not None:
        old.close()
    if not peers:
        return None
    return SyncEngine(w.writable_store(), peers, interval=interval)


def _close_engine(_w: SyncJobs, engine: Any) -> None:
    if engine is not None:
        engine.close()


def _read_only(w: SyncJobs) -> Store:
    return Store.open(w.path, readonly=True)


def _export(w: SyncJobs, out: str, state_file: str | None) -> Any:
    from data.sync.bundle import export_bundle, read_state

    st = _read_only(w)
    try:
        since = read_state(state_file, st.world) if state_file else None
        return export_bundle(st, out, since)
    finally:
        st.close()


def _write_state(w: SyncJobs, out: str) -> dict[str, Any]:
    from data.sync.bundle import write_state

    st = _read_only(w)
    try:
        return write_state(st, out)
    finally:
        st.close()


def _import(w: SyncJobs, path: str) -> Any:
    from data.sync.bundle import import_bundle

    return import_bundle(w.writable_store(), path)


def _enroll(w: SyncJobs, node: str, world: str) -> str:
    """Enrol a neighbour at this store's peer hub; returns the token (shown once)."""
    from data.sync.hub.storage import HubStorageError, open_log

    node = node.strip()
    if not node or len(node) > 80 or not all(c.isalnum() or c in "-_." for c in node):
        raise JobError("node-id: gebruik letters, cijfers, '-', '_' of '.' (hoogstens 80)")
    try:
        log = open_log(store=str(w.path))
    except HubStorageError as e:
        raise JobError(str(e)) from None
    try:
        return str(log.auth.enroll(node, [world], []))
    finally:
        log.close()


def _wait_hub(w: SyncJobs, url: str, deadline_s: float) -> dict[str, Any]:
    """Wait (bounded) until the peer hub just started on this store answers /v1/health with
    this store's hub id (another hub on that port answers with another id)."""
    from data.sync.client import HubClient, LinkDown, PeerConfig
    from data.sync.hub.storage import open_log

    log = open_log(store=str(w.path))
    try:
        expect = log.hub_id
    finally:
        log.close()
    c = HubClient(PeerConfig(url, ""), timeout=(1.0, 3.0))
    end = time.monotonic() + deadline_s
    try:
        while True:
            try:
                h = c.health()
                if h.get("hub_id") == expect:
                    return h
                raise JobError(f"op {url} draait al een andere hub; kies een andere poort")
            except LinkDown:
                if time.monotonic() > end or w.abort.is_set() or w.cancel_wait.is_set():
                    raise JobError(f"de hub op {url} antwoordt niet") from None
            w.abort.wait(0.1)
    finally:
        c.close()


JOBS: dict[str, Callable[..., Any]] = {
    "health": _health,
    "open_engine": _open_engine,
    "close_engine": _close_engine,
    "export": _export,
    "write_state": _write_state,
    "import": _import,
    "enroll": _enroll,
    "wait_hub": _wait_hub,
}


class JobRunner(QObject):
    """Owns the sync worker's thread (started at the first job); results by callback on the
    GUI thread."""

    _sig_run = Signal(int, str, object)
    _sig_close = Signal()

    sig_finished = Signal(str, bool, object)
    """A job ended: (job name, ok, result or message). For tests and the status line."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = SyncJobs(path)
        self.thread: QThread | None = None
        self._next = 0
        self._pending: dict[int, tuple[Callable[[Any], None] | None,
                                       Callable[[str], None] | None]] = {}

    def _ensure_thread(self) -> None:
        if self.thread is not None:
            return
        self.thread = QThread()
        self.thread.setObjectName("crisisbeeld-sync-jobs")
        self.jobs.moveToThread(self.thread)
        self._sig_run.connect(self.jobs.run)
        self._sig_close.connect(self.jobs.close)
        self.jobs.sig_done.connect(self._on_done)
        self.jobs.sig_failed.connect(self._on_failed)
        self.thread.start()

    def run(self, name: str, *args: Any, on_ok: Callable[[Any], None] | None = None,
            on_fail: Callable[[str], None] | None = None) -> int:
        self._ensure_thread()
        self._next += 1
        self._pending[self._next] = (on_ok, on_fail)
        self._sig_run.emit(self._next, name, args)
        return self._next

    def busy(self) -> bool:
        return bool(self._pending)

    def _on_done(self, req: int, name: str, result: Any) -> None:
        on_ok, _ = self._pending.pop(req, (None, None))
        if on_ok is not None:
            on_ok(result)
        self.sig_finished.emit(name, True, result)

    def _on_failed(self, req: int, name: str, message: str) -> None:
        _, on_fail = self._pending.pop(req, (None, None))
        if on_fail is not None:
            on_fail(message)
        self.sig_finished.emit(name, False, message)

    def stop(self) -> None:
        """Close the worker's store in its thread and end the thread (jobs queued run first)."""
        self.jobs.abort.set()
        if self.thread is None:
            return
        self._sig_close.emit()
        self.thread.quit()
        self.thread.wait(30_000)

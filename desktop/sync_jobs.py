"""The sync worker: connection tests, bundle files, enrolment and the engine's set-up, in one
thread of its own (the shape of :mod:`desktop.workers`), so the GUI thread never waits on disk
or network.

Writes (bundle import, and the engine's pulls) go through one writable :class:`Store` opened
here; the store serialises them with its lock and SQLite WAL against the window's writer.
Exports read on a read-only connection.
"""

from __future__ import annotations

import socket
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
        """The last job: close the store and end this thread's event loop (after every job
        queued before it, which a quit() from outside would not wait for)."""
        if self.store is not None:
            self.store.close()
            self.store = None
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


# ---------------------------------------------------------------------- the jobs


def _health(_w: SyncJobs, url: str, token: str) -> dict[str, Any]:
    """GET /v1/health and, with a token, /v1/me: is the hub there and does it know us?"""
    from data.sync.client import HubClient, PeerConfig

    c = HubClient(PeerConfig(url, token), timeout=(3.0, 10.0))
    try:
        out = c.health()
        if token:
            out["me"] = c._call("GET", "/v1/me")
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


class _NotifyingStore:
    """The worker's store as the peer hub sees it: what a neighbour's push changed also goes
    to ``notify`` (which emits a Qt signal), so the window shows it at once."""

    def __init__(self, store: Store, notify: Callable[[Any], None]) -> None:
        self._store, self._notify = store, notify

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def ingest(self, items: Any) -> Any:
        res = self._store.ingest(items)
        if res.changes.entities or res.changes.conflicts:
            self._notify(res.changes)
        return res


def _port_free(host: str, port: int) -> None:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            s.bind((host, port))
        except OSError as e:
            raise JobError(f"poort {port} is bezet of niet beschikbaar ({e.strerror}); "
                           "kies een andere") from None


def _peer_start(w: SyncJobs, host: str, port: int, notify: Callable[[Any], None]) -> Any:
    """Serve this store as a hub from a thread; returns once the port listens."""
    from data.sync.hub.server import BackgroundHub
    from data.sync.hub.storage import HubStorageError
    from data.sync.hub.store_log import StoreEventLog

    _port_free(host, port)  # before uvicorn: its failed bind ends its thread with SystemExit
    try:
        log = StoreEventLog(w.writable_store())
    except HubStorageError as e:
        raise JobError(str(e)) from None
    log.store = _NotifyingStore(log.store, notify)  # type: ignore[assignment]
    try:
        hub = BackgroundHub(log, host=host, port=port)
        hub.start()
    except (OSError, SystemExit):
        log.close()
        raise JobError(f"poort {port} is bezet of niet beschikbaar; kies een andere") from None
    return hub


def _peer_stop(_w: SyncJobs, hub: Any) -> None:
    hub.stop()


JOBS: dict[str, Callable[..., Any]] = {
    "health": _health,
    "open_engine": _open_engine,
    "close_engine": _close_engine,
    "export": _export,
    "write_state": _write_state,
    "import": _import,
    "enroll": _enroll,
    "peer_start": _peer_start,
    "peer_stop": _peer_stop,
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
        self.worker_thread: QThread | None = None
        self._next = 0
        self._pending: dict[int, tuple[Callable[[Any], None] | None,
                                       Callable[[str], None] | None]] = {}

    def _ensure_thread(self) -> None:
        if self.worker_thread is not None:
            return
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("crisisbeeld-sync-jobs")
        self.jobs.moveToThread(self.worker_thread)
        self._sig_run.connect(self.jobs.run)
        self._sig_close.connect(self.jobs.close)
        self.jobs.sig_done.connect(self._on_done)
        self.jobs.sig_failed.connect(self._on_failed)
        self.worker_thread.start()

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
        if self.worker_thread is None:
            return
        self._sig_close.emit()  # closes the store and quits the thread after queued jobs
        if not self.worker_thread.wait(60_000):
            self.worker_thread.quit()
            self.worker_thread.wait(5_000)

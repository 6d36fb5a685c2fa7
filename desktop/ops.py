"""Typed background operations, in the shape of Anki's ``CollectionOp``/``QueryOp``.

An operation is a plain function of the store, run on a worker thread; its result (or its
error) comes back to the GUI thread::

    CollectionOp(ops, lambda st: st.execute(commands, author)) \\
        .success(on_saved).failure(on_refused).run_in_background()

    QueryOp(ops, lambda st: st.entity(eid)).success(view.show_detail).run_in_background()

A :class:`CollectionOp` writes: what it returns is (or carries, as ``.changes``) a
:class:`~data.store.Changes`, which :class:`Ops` broadcasts on :attr:`Ops.sig_changes` to every
view, before its success callback runs. A :class:`QueryOp` only reads.

Each operation runs on a :class:`Lane`, one thread each, one operation at a time, in order:
``WRITE`` (the operator's commands), ``SYNC`` (network and files: hubs, bundles, the peer hub),
``READ`` (the quick loads the views wait for) and ``SLOW`` (whole-log scans). ``WRITE`` and
``SYNC`` share ONE writable :class:`~data.store.Store` per window (so one hybrid logical clock
stamps every event this process makes, after every event it took in); each reading lane has a
read-only connection of its own (SQLite WAL lets it read while the store writes).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from data.domain.validation import ValidationError
from data.store import Changes, Store, StoreError
from desktop.store_host import READING, Lane, StoreHost

__all__ = ["CollectionOp", "QueryOp", "Ops", "Lane", "ReceivedChanges", "received", "StoreHost"]

T = TypeVar("T")


class ReceivedChanges(Changes):
    """Changes made by events of other centres (a sync pull, a bundle, a neighbour's push):
    only these can raise a clock-drift alarm."""


def received(changes: Changes) -> ReceivedChanges:
    """The same changes, marked as taken in from elsewhere."""
    return ReceivedChanges(list(changes.events), dict(changes.entities), changes.conflicts)


class _Op(Generic[T]):
    """What both kinds of operation share: the function, its lane and its callbacks."""

    def __init__(self, ops: Ops, op: Callable[[Store], T], lane: Lane,
                 expected: tuple[type[BaseException], ...]) -> None:
        self._ops = ops
        self._fn = op
        self.lane = lane
        #: errors that are an answer for a person (shown by the failure callback alone);
        #: any other error also goes to the one error place (desktop.errors)
        self.expected = expected
        self._on_success: list[Callable[[T], None]] = []
        self._on_failure: Callable[[Exception], None] | None = None
        self.result: T | None = None
        self.error: Exception | None = None
        self.error_text = ""

    def success(self, fn: Callable[[T], None]) -> _Op[T]:
        """Call ``fn(result)`` on the GUI thread when the operation succeeded."""
        self._on_success.append(fn)
        return self

    def failure(self, fn: Callable[[Exception], None]) -> _Op[T]:
        """Call ``fn(error)`` on the GUI thread when it raised; without one, every error is
        reported to the one error place."""
        self._on_failure = fn
        return self

    def run_in_background(self) -> None:
        """Queue the operation on its lane."""
        self._ops.submit(self)

    # -- on the lane's thread

    def execute(self, host: StoreHost) -> None:
        try:
            self.result = self._fn(host.for_lane(self.lane))
        except Exception as e:  # noqa: BLE001 - handed to the GUI thread
            self.error = e
            self.error_text = traceback.format_exc()

    # -- back on the GUI thread

    def finish(self) -> None:
        if self.error is None:
            self._succeeded()
            for fn in self._on_success:
                fn(self.result)  # type: ignore[arg-type]
            return
        if self._on_failure is not None:
            self._on_failure(self.error)
        if self._on_failure is None or not isinstance(self.error, self.expected):
            from desktop import errors  # looked up now: tests replace errors.report

            errors.report(self.error_text)

    def _succeeded(self) -> None:
        pass


class QueryOp(_Op[T]):
    """A read: ``op(store)`` on a reading lane (``READ`` unless told), or on ``SYNC`` for
    network and file work that should not wait behind the views' loads."""

    def __init__(self, ops: Ops, op: Callable[[Store], T], lane: Lane = Lane.READ,
                 expected: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__(ops, op, lane, expected)


class CollectionOp(_Op[T]):
    """A write on the one writable store: ``op(store)`` returns the store's ``Changes`` (or a
    result that carries them as ``.changes``), which every view receives before ``success``."""

    def __init__(self, ops: Ops, op: Callable[[Store], T], lane: Lane = Lane.WRITE,
                 expected: tuple[type[BaseException], ...] = (ValidationError,
                                                                StoreError)) -> None:
        if lane in READING:
            raise ValueError("a CollectionOp writes: run it on WRITE or SYNC")
        super().__init__(ops, op, lane, expected)

    def _succeeded(self) -> None:
        changes = self.result if isinstance(self.result, Changes) else getattr(
            self.result, "changes", None)
        if isinstance(changes, Changes) and (changes or changes.entities or changes.conflicts):
            self._ops.broadcast(changes)


class _Worker(QObject):
    """Runs the operations of one lane in its thread."""

    sig_finished = Signal(object)
    """An operation ended (its result or error is inside): (the operation)."""

    def __init__(self, lane: Lane, host: StoreHost) -> None:
        super().__init__()
        self.lane, self.host = lane, host

    @Slot(object)
    def run(self, op: _Op[Any]) -> None:
        op.execute(self.host)
        self.sig_finished.emit(op)

    @Slot()
    def close(self) -> None:
        """The last job: close this lane's reader, then end this thread's event loop (after
        every operation queued before it, which a quit() from outside would not wait for)."""
        self.host.close_reader(self.lane)
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


class _LaneHandle(QObject):
    """The GUI thread's end of one lane: queues operations to its worker."""

    sig_run = Signal(object)
    sig_close = Signal()

    def __init__(self, lane: Lane, host: StoreHost, owner: Ops) -> None:
        super().__init__(owner)
        self.worker = _Worker(lane, host)
        self.worker_thread = QThread()
        self.worker_thread.setObjectName(lane.value)
        self.worker.moveToThread(self.worker_thread)
        self.sig_run.connect(self.worker.run)
        self.sig_close.connect(self.worker.close)
        # a bound method of an object of the GUI thread: delivered there, queued
        self.worker.sig_finished.connect(owner._on_finished)
        self.worker_thread.start()


class Ops(QObject):
    """Runs operations on their lanes for one window, on one store file; ``stop()`` ends
    them. Lanes start at their first operation."""

    sig_changes = Signal(object)
    """The store changed (a command, a sync pull, a bundle, a neighbour's push): (Changes).
    Every view's ``on_changes`` is connected to it."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = StoreHost(path)
        self._lanes: dict[Lane, _LaneHandle] = {}
        self._running: set[_Op[Any]] = set()
        self._stopped = False

    def submit(self, op: _Op[Any]) -> None:
        """Queue ``op`` on its lane (see :meth:`_Op.run_in_background`)."""
        if self._stopped:
            return
        lane = self._lanes.get(op.lane)
        if lane is None:
            lane = self._lanes[op.lane] = _LaneHandle(op.lane, self.host, self)
        self._running.add(op)  # kept alive until it is back
        lane.sig_run.emit(op)

    def busy(self, lane: Lane | None = None) -> bool:
        """Operations (on ``lane``) that have not come back yet."""
        return any(lane is None or op.lane is lane for op in self._running)

    def broadcast(self, changes: Changes) -> None:
        """Tell every view what changed."""
        self.sig_changes.emit(changes)

    def warm_up(self) -> None:
        """Open the writable store now (opening scans the log), so the first command is quick."""
        QueryOp(self, lambda _st: None, Lane.WRITE).run_in_background()

    def _on_finished(self, op: _Op[Any]) -> None:
        self._running.discard(op)
        op.finish()

    def stop(self) -> None:
        """End every lane after the operations queued on it, then close the store."""
        if self._stopped:
            return
        self._stopped = True
        for lane in self._lanes.values():
            lane.sig_close.emit()
        for lane in self._lanes.values():
            if not lane.worker_thread.wait(60_000):
                lane.worker_thread.quit()  # a worker stuck past the bound: end the loop regardless
                lane.worker_thread.wait(5_000)
        self.host.close()

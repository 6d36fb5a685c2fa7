"""A helper process for bulk work on the other core (used by sync and bundle import).

Taking in a pulled page or a bundle slice is two kinds of work: reading and checking the events
(JSON, envelope, payload, hash: :mod:`data.store.prepare`) and writing them (the store's
lookups, chains, insert, fold, commit). The first needs no database, so while the store writes
one batch, this helper prepares the next one in its own process: on two cores that takes the
reading off the store's thread (Python threads would share one interpreter lock).

The helper is started in the background when sync or an import begins and used only once it
runs; until then, and whenever it fails (killed, out of memory), the same work is done in-process
with the same result. ``CRISISBEELD_HELPER=0`` switches it off; it is never used on one core.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from data.bulk.orphans import die_with_parent

T = TypeVar("T")

#: below this many bytes (a page) or events (a bundle slice) the work is done in-process:
#: shipping it to the helper and back costs more than it saves
MIN_BYTES = 1 << 20
MIN_EVENTS = 2000
#: helpers that may fail (die, or not start) before this process stops trying
MAX_FAILURES = 3
#: what a job's future raises when its helper went away: do the job in-process then
LOST = (BrokenProcessPool, CancelledError)


def _nothing_to_warm() -> bool:
    return True


class Helper:
    """One helper process, started on demand and used once it is up."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._ready = threading.Event()
        self._failures = 0
        self._settled = threading.Condition(self._lock)  # a start came to an end, either way
        self._starting = False

    def warmer(self) -> Callable[[], bool]:
        """What the process runs first (imports a job will need); must be picklable."""
        return _nothing_to_warm

    @staticmethod
    def allowed() -> bool:
        return os.environ.get("CRISISBEELD_HELPER", "1") != "0" and (os.cpu_count() or 1) > 1

    def start(self) -> None:
        """Start the process in the background (returns at once)."""
        if not self.allowed():
            return
        with self._lock:
            if self._pool is not None or self._failures >= MAX_FAILURES:
                return
            # spawn, never fork: the desktop application runs Qt and other threads
            pool = ProcessPoolExecutor(max_workers=1,
                                       mp_context=multiprocessing.get_context("spawn"),
                                       initializer=die_with_parent, initargs=(os.getpid(),))
            self._pool = pool
            try:
                warm = pool.submit(self.warmer())
            except RuntimeError:  # the interpreter is shutting down
                self._pool = None
                return
            self._starting = True
        warm.add_done_callback(lambda f: self._warmed(pool, f))

    def _warmed(self, pool: ProcessPoolExecutor, f: Future[bool]) -> None:
        if f.cancelled() or f.exception() is not None:
            self._drop(pool)
        else:
            with self._lock:
                if self._pool is pool:
                    self._ready.set()
        with self._settled:
            self._starting = False
            self._settled.notify_all()

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def wait_ready(self, timeout: float) -> bool:
        """For tests and benchmarks: wait until the helper runs (False if it did not start)."""
        self.start()
        with self._settled:
            self._settled.wait_for(lambda: not self._starting, timeout)
        return self._ready.is_set()

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T] | None:
        """Hand ``fn(*args)`` to the helper; None when it is not running (do it in-process)."""
        with self._lock:
            pool = self._pool if self._ready.is_set() and self.allowed() else None
        if pool is None:
            return None
        try:
            return pool.submit(fn, *args)
        except (BrokenProcessPool, RuntimeError):
            self._drop(pool)
            return None

    def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in the helper when it runs, else here; the same result either way."""
        fut = self.submit(fn, *args)
        if fut is not None:
            try:
                return fut.result()
            except LOST:
                self.forget()
        return fn(*args)

    def forget(self) -> None:
        """A job's future raised one of :data:`LOST`: drop the helper if it is broken (not a
        newer one that runs; that one may already hold other jobs)."""
        with self._lock:
            pool = self._pool
        if pool is not None and getattr(pool, "_broken", True):
            self._drop(pool)

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        """Forget a helper that failed; the next start makes a new one (up to a limit)."""
        with self._lock:
            if self._pool is not pool:
                return
            self._pool = None
            self._ready.clear()
            self._failures += 1
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            old, self._pool = self._pool, None
            self._ready.clear()
        if old is not None:
            old.shutdown(wait=True, cancel_futures=True)


__all__ = ["LOST", "MAX_FAILURES", "MIN_BYTES", "MIN_EVENTS", "Helper"]

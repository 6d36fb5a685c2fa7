"""Telling waiting clients at once that a world has new events.

A client that has pulled everything asks ``GET /v1/worlds/{world}/wait?after=CURSOR`` and the
hub holds that request until the world's newest arrival passes the cursor, or a bounded wait
ends. Waiting costs no thread: each world has an :class:`asyncio.Event` that a push in this
process sets. Hub processes on one PostgreSQL database wake each other with LISTEN/NOTIFY (a
push sends ``NOTIFY crisisbeeld_news`` with the world in its transaction, so it arrives after
the commit). As a fallback one look per world at the log itself, shared by all its waiters,
runs while anyone waits: often (:data:`LOOK_EVERY_S`) without LISTEN/NOTIFY, for several SQLite
hub processes on one file; now and then (:data:`LOOK_SAFETY_S`) with it, for a notification
lost with a dropped connection. An idle hub's cost does not grow with its waiting clients.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Callable

#: the longest a client may ask to wait (seconds); it asks again after that
MAX_WAIT_S = 25.0
#: how often a world's waiters look at the log, when no LISTEN/NOTIFY tells them (seconds)
LOOK_EVERY_S = 0.25
#: the same, as a safety net beside LISTEN/NOTIFY (seconds)
LOOK_SAFETY_S = 5.0
#: environment variable that sets the look interval (tests: show that NOTIFY alone wakes)
LOOK_ENV = "CRISISBEELD_HUB_LOOK_EVERY"
#: the PostgreSQL channel pushes notify on
CHANNEL = "crisisbeeld_news"

_log = logging.getLogger("crisisbeeld.hub")


class WorldNews:
    """Per world an event that a push sets; while anyone waits, one look per world at the
    log every ``look_every`` seconds sets it too when the world has grown."""

    def __init__(self, look_every: float = LOOK_EVERY_S) -> None:
        env = os.environ.get(LOOK_ENV, "")
        self.look_every = float(env) if env.replace(".", "", 1).isdigit() else look_every
        self._events: dict[str, asyncio.Event] = {}
        self._waiters: dict[str, int] = {}
        self._lookers: dict[str, asyncio.Task[None]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def _event(self, world: str) -> asyncio.Event:
        ev = self._events.get(world)
        if ev is None:
            ev = self._events[world] = asyncio.Event()
        return ev

    def bump(self, world: str) -> None:
        """New events in ``world`` (call on the event loop)."""
        ev = self._events.get(world)
        if ev is not None:
            ev.set()
            self._events[world] = asyncio.Event()  # the next waiters wait for the next news

    def bump_threadsafe(self, world: str) -> None:
        """The same, from another thread (the LISTEN thread)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self.bump, world)

    def bump_all_threadsafe(self) -> None:
        """Every waiter looks again (notifications may have been lost)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            for world in list(self._events):
                loop.call_soon_threadsafe(self.bump, world)

    async def _look(self, world: str, latest: Callable[[str], int], seen: int) -> None:
        """While the world has waiters: look at the log now and then; bump when it grew."""
        from starlette.concurrency import run_in_threadpool

        try:
            while self._waiters.get(world, 0) > 0:
                await asyncio.sleep(self.look_every)
                try:
                    cur = await run_in_threadpool(latest, world)
                except Exception:  # noqa: BLE001 - the waiters look themselves when woken
                    continue
                if cur > seen:
                    seen = cur
                    self.bump(world)
        finally:
            self._lookers.pop(world, None)

    async def wait(self, world: str, after: int, timeout: float,
                   latest: Callable[[str], int]) -> int:
        """Wait until the world's newest arrival passes ``after`` or ``timeout`` ends; returns
        the newest arrival. ``latest`` is a cheap read (run in a worker thread)."""
        from starlette.concurrency import run_in_threadpool

        self._loop = asyncio.get_running_loop()
        end = self._loop.time() + max(0.0, min(timeout, MAX_WAIT_S))
        self._waiters[world] = self._waiters.get(world, 0) + 1
        try:
            while True:
                ev = self._event(world)  # taken before the look: a bump in between is not lost
                cur = await run_in_threadpool(latest, world)
                left = end - self._loop.time()
                if cur > after or left <= 0:
                    return cur
                if world not in self._lookers:
                    self._lookers[world] = asyncio.create_task(self._look(world, latest, cur))
                try:
                    await asyncio.wait_for(ev.wait(), left)
                except TimeoutError:
                    pass
        finally:
            self._waiters[world] -= 1


class PgListener:
    """A thread that LISTENs on :data:`CHANNEL` and bumps the worlds it hears of."""

    def __init__(self, dsn: str, news: WorldNews) -> None:
        self.dsn, self.news = dsn, news
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="crisisbeeld-listen",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.news.bump_all_threadsafe()  # what was missed while not listening
                    while not self._stop.is_set():
                        for n in conn.notifies(timeout=1.0):
                            self.news.bump_threadsafe(n.payload)
            except Exception as e:  # noqa: BLE001 - the waiters look at the log themselves
                _log.warning("LISTEN %s onderbroken (%s); opnieuw over 1 s", CHANNEL,
                             type(e).__name__)
                self._stop.wait(1.0)


def psycopg_dsn(url: str) -> str:
    """A libpq connection string from the hub's SQLAlchemy URL."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return u.set(drivername="postgresql").render_as_string(hide_password=False)

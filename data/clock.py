"""The one source of "now".

Everything in ``data/`` that needs the current moment asks a :class:`Clock`: the store stamps
events with it, the picture rules judge "overdue" and "72 hours" by it. The wall clock is the
default; an exercise runs on a :class:`SettableClock` (scenario time), a test or a time-travel
view on a :class:`FixedClock`. No module reads ``datetime.now()`` or ``time.time()`` for the
picture's "now" itself.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

ISO = "%Y-%m-%dT%H:%M:%SZ"
ISO_MS = "%Y-%m-%dT%H:%M:%S.%fZ"


class Clock(Protocol):
    """Anything that tells the time in UTC."""

    def now(self) -> datetime:
        """The current moment, timezone-aware UTC."""
        ...

    def now_ms(self) -> int:
        """The current moment in milliseconds since the epoch."""
        ...


class WallClock:
    """The machine's own clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FixedClock:
    """A clock that stands still at one moment until it is moved (tests, a view as of T)."""

    def __init__(self, at: datetime | str) -> None:
        self._at = parse_iso(at) if isinstance(at, str) else at.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._at

    def now_ms(self) -> int:
        return int(self.now().timestamp() * 1000)

    def set(self, at: datetime | str) -> None:
        with self._lock:
            self._at = parse_iso(at) if isinstance(at, str) else at.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._at = self._at + delta


class SettableClock:
    """Wall clock plus an offset that can be set (a centre whose hardware clock is off, an
    exercise that runs in another moment than today)."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000 + int(self.offset.total_seconds() * 1000)


WALL = WallClock()
_default: Clock = WALL


def default_clock() -> Clock:
    """The clock used where no other was chosen (the wall clock unless a test set another)."""
    return _default


def set_default_clock(clock: Clock | None) -> None:
    """Replace the process-wide default clock (``None`` restores the wall clock)."""
    global _default
    _default = clock if clock is not None else WALL


def now(clock: Clock | None = None) -> datetime:
    return (clock or _default).now()


def now_iso(clock: Clock | None = None) -> str:
    """Now as the log writes it: ``2026-11-26T03:14:00Z`` (UTC, whole seconds)."""
    return (clock or _default).now().strftime(ISO)


def now_iso_ms(clock: Clock | None = None) -> str:
    """Now to the millisecond, as ``recorded_at`` and ``received_at`` are written:
    ``2026-11-26T03:14:00.123Z`` (stores of before this kept whole seconds)."""
    return (clock or _default).now().astimezone(UTC).strftime(ISO_MS)[:-4] + "Z"


def iso_key(text: str) -> str:
    """A moment as the log writes it, in a form that sorts right as text whether it has
    milliseconds or not: ``…:00Z`` sorts after ``…:00.123Z`` as text, ``…:00.000Z`` before."""
    return text[:-1] + ".000Z" if len(text) == 20 and text[-1] == "Z" else text


def parse_iso(text: str) -> datetime:
    """Read an ISO-8601 moment as the log writes it (``Z`` or an offset); naive means UTC."""
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def to_iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime(ISO)

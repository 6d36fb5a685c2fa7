"""Hybrid logical clock.

An HLC value is a fixed-width string ``PPPPPPPPPPPPPPP.CCCCCC``: physical milliseconds since the
epoch (15 digits) and a logical counter (6 digits), so plain string comparison is causal order.
Ties between origins are broken by (origin, id) in the fold's key.

A remote time more than ``drift_bound_ms`` ahead of the local wall clock does not drag the local
clock along; :meth:`Hlc.observe` reports it so the store can raise a clock-drift alarm.
"""

from __future__ import annotations

import time
from typing import Callable

DEFAULT_DRIFT_BOUND_MS = 5 * 60 * 1000


def encode(ms: int, counter: int) -> str:
    return f"{ms:015d}.{counter:06d}"


def decode(value: str) -> tuple[int, int]:
    ms, _, c = value.partition(".")
    return int(ms), int(c)


def is_valid(value: str) -> bool:
    # ASCII digits only ("²" and Arabic-Indic digits pass str.isdigit): an HLC's text must
    # sort as its time, everywhere (SQLite, the future-clock rule)
    return (
        len(value) == 22 and value.isascii() and value[15] == "." and value[:15].isdigit()
        and value[16:].isdigit()
    )


class Hlc:
    """The local clock of one store."""

    def __init__(
        self,
        last: str | None = None,
        now_ms: Callable[[], int] | None = None,
        drift_bound_ms: int = DEFAULT_DRIFT_BOUND_MS,
    ) -> None:
        self._now = now_ms or (lambda: time.time_ns() // 1_000_000)
        self.ms, self.counter = decode(last) if last else (0, 0)
        self.drift_bound_ms = drift_bound_ms

    def tick(self) -> str:
        """A new local timestamp, later than anything seen."""
        pt = self._now()
        if pt > self.ms:
            self.ms, self.counter = pt, 0
        else:
            self.counter += 1
        return encode(self.ms, self.counter)

    def observe(self, remote: str) -> int:
        """Merge a received timestamp. Returns how far (ms) it is ahead of the wall clock when
        that exceeds the drift bound (and then leaves the clock alone), else 0."""
        rms, rc = decode(remote)
        pt = self._now()
        ahead = rms - pt
        if ahead > self.drift_bound_ms:
            return ahead
        if rms > self.ms or (rms == self.ms and rc > self.counter):
            self.ms, self.counter = rms, rc
        return 0

    def now_ms(self) -> int:
        """This clock's wall time in milliseconds (what "ahead" is measured against)."""
        return self._now()

    def current(self) -> str:
        return encode(self.ms, self.counter)

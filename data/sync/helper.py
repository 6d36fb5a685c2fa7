"""The helper process of sync and bundle import: reads and checks received events on the other
core while the store writes the previous batch (the machinery: :mod:`data.bulk.helper`)."""

from __future__ import annotations

import atexit
from collections.abc import Callable

from data.bulk.helper import LOST, MAX_FAILURES, MIN_BYTES, MIN_EVENTS
from data.bulk.helper import Helper as _Helper


def _warm() -> bool:
    import data.store.prepare  # noqa: F401  (the imports are most of a cold start)
    import data.sync.wire  # noqa: F401
    return True


class Helper(_Helper):
    """The helper with the readers of received events imported before its first job."""

    def warmer(self) -> Callable[[], bool]:
        return _warm


_helper = Helper()
atexit.register(_helper.close)


def helper() -> Helper:
    """The process-wide helper."""
    return _helper


__all__ = ["LOST", "MAX_FAILURES", "MIN_BYTES", "MIN_EVENTS", "Helper", "helper"]

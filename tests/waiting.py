"""Waiting for a condition in tests, where no event or signal announces it (another process's
database, a server coming up behind a port).

Never a fixed sleep, and never an assertion on how long something took (timing belongs in
bench/): the cap is generous and only there so that a broken run fails instead of hanging.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: how long any condition may take before the test fails (a broken run, not a slow one)
CAP_S = 120.0


def wait_until(condition: Callable[[], T], what: str, cap_s: float = CAP_S) -> T:
    """Poll ``condition`` (backing off from 5 ms to 100 ms) until it returns something true,
    and return that; fail naming ``what`` when it has not come true within ``cap_s``.
    ``condition`` may raise AssertionError itself (a process that ended, say) to fail at once."""
    interval = 0.005
    give_up = time.monotonic() + cap_s
    while True:
        got = condition()
        if got:
            return got
        if time.monotonic() > give_up:
            raise AssertionError(f"{what}: not so within {cap_s:.0f} s")
        time.sleep(interval)
        interval = min(interval * 2, 0.1)

"""Writes to the same store by another process — the application beside a
``crisisbeeld sync --watch`` — are pushed at once, not at the engine's next round.

The engine learns of the application's own writes when it runs inside the application
(:meth:`SyncEngine.wrote`); a separate ``sync --watch`` process does not. It looks at this
centre's own chain head a few times a second (one indexed read of a table with one row per
centre) and tells its engine when the head moved.
"""

from __future__ import annotations

import threading
from typing import Any

#: how often the head is looked at (seconds): a write waits at most this long before its push
POLL_S = 0.25


def follow_local_writes(store: Any, engine: Any, stop: threading.Event,
                        poll_s: float = POLL_S) -> None:
    """Until ``stop`` is set: when this centre's own chain grew (a write by any process),
    ``engine.wrote()`` — a light round that pushes it."""
    seen = store.heads().get(store.node_id, 0)
    while not stop.wait(poll_s):
        now = store.heads().get(store.node_id, 0)
        if now > seen:
            seen = now
            engine.wrote()

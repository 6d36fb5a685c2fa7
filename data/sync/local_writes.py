"""Writes to the same store by another process — the application beside a
``crisisbeeld sync --watch`` — are pushed at once, not at the engine's next round.

The engine learns of the application's own writes when it runs inside the application
(:meth:`SyncEngine.wrote`); a separate ``sync --watch`` process does not. It looks at the
store's arrival counter a few times a second (one indexed read) and tells its engine when it
moved: an operator's write, and also what a neighbour handed this store through the hub it
serves on it (``crisisbeeld serve``), which this engine relays onward at once instead of at
its next full round. What the engine pulled itself moves the counter too; the push that
follows looks only at the local log (the hub holds those already) and sends nothing.
"""

from __future__ import annotations

import threading
from typing import Any

#: how often the head is looked at (seconds): a write waits at most this long before its push
POLL_S = 0.25


def follow_local_writes(store: Any, engine: Any, stop: threading.Event,
                        poll_s: float = POLL_S) -> None:
    """Until ``stop`` is set: when the store's log grew (a write or a hand-over by any
    process), ``engine.wrote()`` — a light round that pushes what the hub lacks."""
    seen, own = store.log_mark(), store.heads().get(store.node_id, 0)
    while not stop.wait(poll_s):
        now = store.log_mark()
        if now > seen:
            seen = now
            head = store.heads().get(store.node_id, 0)
            # this centre's own write: every hub, even one in its backoff; what others handed
            # over (or this engine pulled): the hubs that are online, whose backoff stands
            engine.wrote(retry_offline=head > own)
            own = head

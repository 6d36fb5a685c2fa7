"""Helper processes end when the process that started them ends, however it ends.

A helper started with ``spawn`` holds both ends of its job queue's pipe, so it never sees the
pipe close when its parent is killed (SIGKILL, a power cut of the session, the OOM killer): it
would wait for work under PID 1 for good. Each helper therefore watches its parent from a small
thread and exits as soon as it is gone. (``prctl(PR_SET_PDEATHSIG)`` is not used: on Linux it
fires when the parent *thread* ends, and helpers are started from worker threads.)
"""

from __future__ import annotations

import os
import threading
import time

#: how often a helper looks whether its parent is still there (seconds)
WATCH_INTERVAL = 0.5


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if os.getppid() != parent:
            os._exit(0)  # nothing to save: a helper's work is redone by whoever asks again


def die_with_parent(parent: int) -> None:
    """Called first in a helper process, with the pid of the process that started it."""
    if os.getppid() != parent:  # gone already, before this helper ran
        os._exit(0)
    threading.Thread(target=_watch, args=(parent,), daemon=True,
                     name="crisisbeeld-parent-watch").start()

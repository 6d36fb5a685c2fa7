"""The store connections of one window, and the lanes (threads) that use them (Qt-free).

ONE writable :class:`~data.store.Store` per file per process: the operator's commands, the
sync engine, bundle imports and the peer hub all write through it, so one hybrid logical clock
stamps every event this process makes — after every event it took in. (Two Store objects on one
file each kept their own clock: an action could be stamped before a remote event just synced,
sort before it, and turn into a false conflict.) Readers keep connections of their own.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from data.store import Store
from data.store import queries as q


class Lane(Enum):
    """The worker thread an operation runs on (the value names the thread)."""

    WRITE = "crisisbeeld-writer"
    SYNC = "crisisbeeld-sync-jobs"
    READ = "crisisbeeld-reader"
    SLOW = "crisisbeeld-reader-slow"
    #: Terugkijken: pictures at moments (a slider step must not wait behind a whole-log scan)
    HISTORY = "crisisbeeld-reader-history"


READING = (Lane.READ, Lane.SLOW, Lane.HISTORY)


@dataclass
class _Shared:
    store: Store | None = None
    users: int = 0


#: the writable store of each file this process has open, shared by every window on it
_SHARED: dict[str, _Shared] = {}
_SHARED_LOCK = threading.Lock()


class StoreHost:
    """The store connections of one window (Qt-free, thread-safe).

    The writable store is THE one of this file in this process (shared with any other window
    on the same file, closed when the last lets go), opened at first use by whichever lane
    needs it first. Each reading lane has a read-only connection of its own, used only by that
    lane's thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = str(Path(path).resolve())
        self._readers: dict[Lane, Store] = {}
        self._released = False
        with _SHARED_LOCK:
            _SHARED.setdefault(self._key, _Shared()).users += 1

    def writable(self) -> Store:
        """The one writable store of this file in this process."""
        with _SHARED_LOCK:
            shared = _SHARED[self._key]
            if shared.store is None:
                st = Store.open(self.path)
                q.tune_for_reading(st, 16_384)  # one command at a time needs little
                shared.store = st
                from desktop import activity

                activity.store_opened(st)
            return shared.store

    def for_lane(self, lane: Lane) -> Store:
        """The store an operation on ``lane`` works on."""
        if lane not in READING:
            return self.writable()
        st = self._readers.get(lane)
        if st is None:
            # the constructor, not open(): a reader needs no identity or clock, and open()
            # scans the log for the newest hlc
            st = Store(self.path, readonly=True)
            q.tune_for_reading(st)
            self._readers[lane] = st
        return st

    def close_reader(self, lane: Lane) -> None:
        st = self._readers.pop(lane, None)
        if st is not None:
            st.close()

    def close(self) -> None:
        """Let go of the writable store (closed when no other window holds it)."""
        with _SHARED_LOCK:
            if self._released:
                return
            self._released = True
            shared = _SHARED[self._key]
            shared.users -= 1
            st = None
            if shared.users == 0:
                del _SHARED[self._key]
                st = shared.store
        if st is not None:
            st.close()

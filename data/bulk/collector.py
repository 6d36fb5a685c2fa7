"""Pausing Python's cyclic garbage collector around bulk work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Bulk paths (ingest, rebuild, demo, sync pages) allocate many small acyclic objects;
    Python's cyclic collector would otherwise scan them again and again (a third of bulk
    ingest time). The collector runs again as before when the block ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def collector_off() -> None:
    """For a helper process that only folds or parses and then exits: no cyclic collection
    at all (its objects hold no cycles that would outlive it)."""
    gc.disable()


def freeze_survivors() -> None:
    """Move everything alive now out of the collector's view (after loading a big picture
    once: those objects live as long as the window and need no scanning)."""
    gc.freeze()

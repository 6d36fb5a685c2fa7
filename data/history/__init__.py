"""Terugkijken: the picture as of a moment on either time axis, checkpoints, diffs and forks.

Qt-free. Reads the log through :mod:`data.store.log` and folds with the store's own fold
(:mod:`data.store.projection`); see :mod:`data.history.asof` for the two axes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from data.history.asof import BEKEND, WAAR, Axis, Picture, advance, fingerprint_of, position
from data.history.checkpoints import EVERY, Checkpoints, sidecar_path
from data.store import Store, log


@contextmanager
def reading(st: Store) -> Iterator[sqlite3.Connection]:
    """The store's connection inside one read transaction (the log holds still)."""
    with st.snapshot(), st.reader() as conn:
        yield conn


def prepare(st: Store, checkpoints: Checkpoints | None) -> int:
    """Make what fast seeks need: the occurred_at index (once; a read-only store goes
    without) and the missing checkpoints. Returns how many checkpoints were made."""
    if not st.readonly:
        with st.reader() as conn:
            log.ensure_occurred_index(conn)
    if checkpoints is None:
        return 0
    with reading(st) as conn:
        return checkpoints.ensure(conn)


def picture_at(conn: sqlite3.Connection, at: str, axis: Axis,
               checkpoints: Checkpoints | None = None) -> Picture:
    """The picture at moment ``at`` (ISO as the log writes it) on ``axis``: the newest good
    checkpoint before it (if any) plus a fold of the events in between."""
    pos = position(conn, axis, at)
    pic = checkpoints.best(conn, axis, pos) if checkpoints is not None else None
    if pic is None:
        pic = Picture(axis, None if axis == WAAR else 0)
    advance(conn, pic, pos)
    return pic


__all__ = ["BEKEND", "WAAR", "Axis", "Picture", "Checkpoints", "EVERY", "advance",
           "fingerprint_of", "picture_at", "position", "prepare", "reading", "sidecar_path"]

"""Fork from here: a new exercise store that starts from the picture at a moment.

The events that count at T (on either axis) are made again, in fold order, as commands of the
new store: signed by its node (the forking centre's id, a new key, the exercise world), with
the original occurred_at and author, on the same entity ids. Which source event each new one
stands for is kept in the new store's table ``fork_bron`` (new event id -> source event id);
the payloads stay as the event types define them. The source store is only read.

A step the command rules refuse (a lifecycle step that was a conflict in the source, or a
resolution of such a conflict) is not made again and is counted as skipped: the fork starts
from the picture without those open conflicts. Registrations of centres are not copied: the
new store registers its own node.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from data.clock import parse_iso
from data.domain.validation import ValidationError
from data.history.asof import WAAR, Axis, Pos
from data.store import Command, Store, log
from data.store.projection import fold_key

_FORK_TABLE = ("CREATE TABLE IF NOT EXISTS fork_bron (event TEXT PRIMARY KEY, "
               "bron TEXT NOT NULL)")


@dataclass
class ForkResult:
    made: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source id, reason)


def fork(conn: sqlite3.Connection, node: str, axis: Axis, pos: Pos, out: str | Path,
         world: str, label: str) -> ForkResult:
    """Make the new store ``out`` in ``world`` from the events counting at ``pos`` (read on
    ``conn``, the source's, inside one read transaction)."""
    rows = (log.occurred_rows(conn, None, str(pos)) if axis == WAAR
            else log.arrived_rows(conn, 0, int(pos or 0)))
    events = sorted((log.row_to_event(r) for r in rows), key=fold_key)
    new = Store.create(out, node, world, f"{node} (fork {label})")
    res = ForkResult()
    mapping: list[tuple[str, str]] = []
    try:
        with new.transaction():
            for e in events:
                if e.type == "node.registered":
                    continue
                payload = dict(e.payload)
                try:
                    ch = new.execute(Command(e.type, payload, entity=e.entity,
                                             occurred_at=parse_iso(e.occurred_at)),
                                     e.author)
                except ValidationError as err:
                    res.skipped.append((e.id, str(err)))
                    continue
                mapping += [(i, e.id) for i in ch.events]
                res.made += len(ch.events)
        with new.reader() as wconn:
            wconn.execute("BEGIN IMMEDIATE")
            wconn.execute(_FORK_TABLE)
            wconn.executemany("INSERT INTO fork_bron VALUES (?, ?)", mapping)
            wconn.execute("COMMIT")
    finally:
        new.close()
    return res

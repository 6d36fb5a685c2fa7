"""Full projection rebuild: fold every entity again from the log.

The log is read in fold order (entity, hlc, origin, id) through the index, with only the
columns the fold needs; each entity is folded and turned into its table rows as soon as its
last event has been read, so memory stays flat however long the log is.

On a big log the entity key space is cut into ranges and each range is folded in its own
process (the fold is CPU-bound Python; SQLite readers in WAL mode see the committed log while
the writer, holding the rebuild transaction, inserts the rows the workers send back). The rows
are the same as those of one process: each entity's projection depends on its own events only.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_mod
import sqlite3
import traceback
from typing import Any, Iterator

from data.store.envelope import Event, loads
from data.store.store import (
    LIGHT_TYPE,
    _conflict_rows,
    _entity_row,
    _light_contribution,
    fold_events,
)

Rows = list[tuple[Any, ...]]
CHUNK = 10_000
#: below this many events one process is quicker than starting workers
PARALLEL_FROM = 150_000
#: the same with two or three cores, where the parent inserting the rows shares them
PARALLEL_FROM_FEW_CORES = 400_000

_SELECT = ("SELECT id, origin, hlc, occurred_at, recorded_at, author, type, entity, payload, "
           "hash FROM event")
_ORDER = " ORDER BY entity, hlc, origin, id"


def project(conn: sqlite3.Connection, lo: str | None = None,
            hi: str | None = None) -> Iterator[tuple[Rows, Rows, int, int]]:
    """(entity rows, conflict rows, events folded, picture sum of the light journal entries)
    in chunks, for entities in [lo, hi). A light entry (an entity whose only event is one
    ``journal.logged``) gets no row: see :data:`data.store.store.LIGHT_TYPE`."""
    where, args = [], []
    if lo is not None:
        where.append("entity >= ?")
        args.append(lo)
    if hi is not None:
        where.append("entity < ?")
        args.append(hi)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    cur = conn.cursor()
    cur.execute(sql, args)
    out: Rows = []
    conflicts: Rows = []
    group: list[Event] = []
    current = None
    n = 0
    light = 0
    light_hash = ""

    def finish() -> None:
        nonlocal light
        if len(group) == 1 and group[0].type == LIGHT_TYPE:
            light += _light_contribution(light_hash)
            return
        for e in group:
            if e.type == LIGHT_TYPE:  # its payload was left unread in case it stayed light
                e.payload = loads(e.payload_json)
        ent = fold_events(group)
        if ent.state is None:
            return
        eid = group[0].entity
        out.append(_entity_row(eid, ent.kind, ent.state, ent.last_key))
        if ent.state["conflicts"]:
            conflicts.extend(_conflict_rows(eid, ent.kind, ent.state))

    while True:
        rows = cur.fetchmany(CHUNK)
        if not rows:
            break
        for id_, origin, hlc, occ, rec, author, typ, entity, payload, h in rows:
            if entity != current:
                if group:
                    finish()
                    group = []
                current = entity
            light_hash = h
            group.append(Event(id_, "", origin, 0, hlc, occ, rec, author, typ, entity, payload,
                               "", "", {} if typ == LIGHT_TYPE else loads(payload)))
        n += len(rows)
        if len(out) >= CHUNK:
            yield out, conflicts, n, light
            out, conflicts, n, light = [], [], 0, 0
    if group:
        finish()
    yield out, conflicts, n, light


def split_points(conn: sqlite3.Connection, total: int, parts: int) -> list[str]:
    """Entity ids that cut the log into ``parts`` ranges of about equal event counts."""
    points: list[str] = []
    for k in range(1, parts):
        row = conn.execute("SELECT entity FROM event ORDER BY entity LIMIT 1 OFFSET ?",
                           (total * k // parts,)).fetchone()
        if row and (not points or row[0] > points[-1]):
            points.append(row[0])
    return points


def _worker(path: str, lo: str | None, hi: str | None, q: Any) -> None:
    """Runs in a child process: fold one range, send the rows in chunks, then ('done', n)."""
    import gc

    gc.disable()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        conn.execute("PRAGMA cache_size=-65536")
        total = 0
        for out, conflicts, n, light in project(conn, lo, hi):
            total += n
            q.put(("rows", out, (conflicts, light)))
        conn.close()
        q.put(("done", total, None))
    except BaseException:  # noqa: BLE001 - everything goes back to the parent
        q.put(("error", traceback.format_exc(), None))


def parallel(path: str,
             ranges: list[tuple[str | None, str | None]]) -> Iterator[tuple[Rows, Rows, int, int]]:
    """Fold the ranges in child processes; yield their chunks as they arrive."""
    ctx = multiprocessing.get_context("spawn")  # never fork a process that may run Qt threads
    q = ctx.Queue(maxsize=8)
    procs = [ctx.Process(target=_worker, args=(path, lo, hi, q), daemon=True)
             for lo, hi in ranges]
    for p in procs:
        p.start()
    running = len(procs)
    try:
        while running:
            try:
                kind, a, b = q.get(timeout=5)
            except queue_mod.Empty:
                if any(p.exitcode not in (None, 0) for p in procs):
                    raise RuntimeError("een rebuild-proces is onverwacht gestopt") from None
                continue
            if kind == "rows":
                yield a, b[0], 0, b[1]
            elif kind == "done":
                running -= 1
                yield [], [], int(a), 0
            else:
                raise RuntimeError(f"rebuild-proces faalde:\n{a}")
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join(timeout=10)
        q.close()
        q.join_thread()

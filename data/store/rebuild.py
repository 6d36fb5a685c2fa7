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
import os
import queue as queue_mod
import sqlite3
import traceback
from typing import Any, Iterator

from data.bulk import collector_off
from data.bulk.orphans import die_with_parent
from data.i18n import _
from data.store import log
from data.store.envelope import Event, loads
from data.store.projection import (
    LIGHT_TYPE,
    SUM_MOD,
    conflict_rows,
    contribution,
    entity_row,
    fold_events,
    light_contribution,
)

Rows = list[tuple[Any, ...]]
CHUNK = 10_000
#: below this many events one process is quicker than starting workers
PARALLEL_FROM = 150_000
#: the same with two or three cores, where the parent inserting the rows shares them
PARALLEL_FROM_FEW_CORES = 400_000

def project(conn: sqlite3.Connection, lo: str | None = None,
            hi: str | None = None) -> Iterator[tuple[Rows, Rows, int, int]]:
    """(entity rows, conflict rows, events folded, picture sum of the light journal entries)
    in chunks, for entities in [lo, hi). A light entry (an entity whose only event is one
    ``journal.logged``) gets no row: see :data:`data.store.projection.LIGHT_TYPE`."""
    cur = log.fold_order(conn, lo, hi)
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
            light += light_contribution(light_hash)
            return
        for e in group:
            if e.type == LIGHT_TYPE:  # its payload was left unread in case it stayed light
                e.payload = loads(e.payload_json)
        ent = fold_events(group)
        if ent.state is None:
            return
        eid = group[0].entity
        out.append(entity_row(eid, ent.kind, ent.state, ent.last_key))
        if ent.state["conflicts"]:
            conflicts.extend(conflict_rows(eid, ent.kind, ent.state))

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


split_points = log.split_points


def _worker(parent: int, path: str, lo: str | None, hi: str | None, q: Any) -> None:
    """Runs in a child process: fold one range, send the rows in chunks, then ('done', n)."""
    die_with_parent(parent)
    collector_off()
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
    procs = [ctx.Process(target=_worker, args=(os.getpid(), path, lo, hi, q), daemon=True)
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
                    raise RuntimeError(_("een rebuild-proces is onverwacht gestopt")) from None
                continue
            if kind == "rows":
                yield a, b[0], 0, b[1]
            elif kind == "done":
                running -= 1
                yield [], [], int(a), 0
            else:
                raise RuntimeError(_("rebuild-proces faalde:\n{a}").format(a=a))
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join(timeout=10)
        q.close()
        q.join_thread()


def rebuild_projection(conn: sqlite3.Connection, path: str,
                       workers: int | None = None) -> tuple[int, int]:
    """Empty the projection tables and fill them again from the log, inside the caller's
    write transaction on ``conn``; returns (events folded, the picture sum).

    ``workers``: processes that fold in parallel (default: the CPU count on a big log, one on
    a small one)."""
    total = log.count(conn)
    if workers is None:
        # With two or three cores the workers' start-up and the row transfer eat the gain on a
        # smaller log: there they start only from PARALLEL_FROM_FEW_CORES (1M events on 2
        # cores: 85k ev/s with 2 workers, 62k with one; 200k: even).
        cpus = os.cpu_count() or 1
        start = PARALLEL_FROM if cpus >= 4 else PARALLEL_FROM_FEW_CORES
        workers = min(cpus, 4) if cpus >= 2 and total >= start else 1
    # Secondary indexes of the projection are dropped and made again at the end: one sorted
    # build is cheaper than a million index inserts.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entity' "
        "AND sql IS NOT NULL").fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("DELETE FROM entity")
    conn.execute("DELETE FROM conflict")
    if workers > 1:
        cuts = split_points(conn, total, workers)
        bounds: list[str | None] = [None, *cuts, None]
        chunks = parallel(path, list(zip(bounds[:-1], bounds[1:])))
    else:
        chunks = project(conn)
    n = picture = 0
    for out, conflicts, folded, light in chunks:
        n += folded
        picture += light
        if out:
            picture += sum(contribution(r[0], r[7]) for r in out)
            conn.executemany(
                "INSERT INTO entity(id, kind, status, title, regions, updated_at, "
                "state, digest, last_key) VALUES (?,?,?,?,?,?,?,?,?)", out)
        if conflicts:
            conn.executemany(
                "INSERT INTO conflict(id, entity, kind, title, found, wanted, origin, author, at, "
                "reason, resolved) VALUES (?,?,?,?,?,?,?,?,?,?,?)", conflicts)
    for _name, sql in indexes:
        conn.execute(sql)
    return n, picture % SUM_MOD

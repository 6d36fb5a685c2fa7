"""Read helpers for the screens: light, typed rows straight from the projection tables.

The screens need a few fields of many entities (700k journal lines on a big store), not the full
JSON states. These helpers pull just those fields with SQLite's JSON functions, so a reader on a
second (read-only) connection can fill a table without parsing every state in Python. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

from data.i18n import SOURCE, current_language
from data.store import fold, log
from data.store.store import Store

#: fields of a journal row; ``at`` is Unix seconds (an int, so a big journal holds no per-line
#: time string); ``key`` holds flags: 1 a key message, 2 re-keyed later (*nagekomen*)
JOURNAL_COLS = ("id", "at", "channel", "direction", "sender", "recipient", "text", "key",
                "incident_id", "author")

BIJSTAND_COLS = ("id", "status", "requesting_region", "addressed_to", "title", "quantity",
                 "offered", "unit", "priority", "needed_by", "updated_at", "incident_id")


@dataclass(frozen=True, slots=True)
class TimelineBucket:
    """Events of one kind that happened in one hour (``hour`` as 'YYYY-MM-DDTHH')."""

    hour: str
    kind: str
    count: int


def _chunks(ids: Sequence[str], n: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def _select(st: Store, sql: str, ids: Sequence[str] | None,
            args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with st.reader() as conn:
        if ids is None:
            return list(conn.execute(sql, args).fetchall())
        out: list[tuple[Any, ...]] = []
        for chunk in _chunks(list(ids)):
            q = sql + f" AND id IN ({','.join('?' * len(chunk))})"
            out.extend(conn.execute(q, args + tuple(chunk)).fetchall())
        return out


#: Journal lines in :data:`JOURNAL_COLS` order, ``at`` as Unix seconds: the light entries (most
#: of them: one event, no row) straight from the log, then those with a row of their own.
_JOURNAL_LIGHT_SQL = log.JOURNAL_LIGHT_SQL
_JOURNAL_ROW_SQL = (
    "SELECT id, CAST(strftime('%s', json_extract(state, '$.created_at')) AS INTEGER), status, "
    "json_extract(state, '$.direction'), json_extract(state, '$.sender'), "
    "json_extract(state, '$.recipient'), json_extract(state, '$.text'), "
    "coalesce(json_extract(state, '$.key'), 0) + 2 * "
    "coalesce(json_extract(state, '$.nagekomen'), 0), json_extract(state, '$.incident_id'), "
    "json_extract(state, '$.created_by') FROM entity WHERE kind = 'journal'")
_JOURNAL_SQL = _JOURNAL_LIGHT_SQL + " UNION ALL " + _JOURNAL_ROW_SQL


def journal_rows(st: Store, ids: Sequence[str] | None = None) -> list[tuple[Any, ...]]:
    """Journal lines as tuples in :data:`JOURNAL_COLS` order (all, or only ``ids``); ``at`` is
    the time it happened as Unix seconds (an int: a big journal holds no per-line time string)."""
    if ids is None:
        return _select(st, _JOURNAL_SQL, None)
    out: list[tuple[Any, ...]] = []
    with st.reader() as conn:
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            out += conn.execute(
                f"{_JOURNAL_LIGHT_SQL} AND entity IN ({marks}) UNION ALL "
                f"{_JOURNAL_ROW_SQL} AND id IN ({marks})", (*chunk, *chunk)).fetchall()
    return out


def bijstand_rows(st: Store, ids: Sequence[str] | None = None) -> list[tuple[Any, ...]]:
    """Bijstand requests as tuples in :data:`BIJSTAND_COLS` order; ``offered`` is the sum of the
    quantities of offers that were not withdrawn."""
    sql = ("SELECT id, status, json_extract(state, '$.requesting_region'), "
           "json_extract(state, '$.addressed_to'), title, json_extract(state, '$.quantity'), "
           "(SELECT coalesce(sum(json_extract(o.value, '$.quantity')), 0) "
           " FROM json_each(state, '$.offers') AS o "
           " WHERE json_extract(o.value, '$.withdrawn') = 0), "
           "json_extract(state, '$.unit'), json_extract(state, '$.priority'), "
           "json_extract(state, '$.needed_by'), updated_at, json_extract(state, '$.incident_id') "
           "FROM entity WHERE kind = 'bijstand'")
    rows = _select(st, sql, ids)
    if current_language() == SOURCE:
        return rows
    t = BIJSTAND_COLS.index("title")  # the store keeps it in Dutch
    return [(*r[:t], fold.shown_title("bijstand", r[t]) if isinstance(r[t], str) else r[t],
             *r[t + 1:]) for r in rows]


def meldplaats_rows(st: Store) -> list[dict[str, Any]]:
    """Bijstand requests whose meldplaats has a coordinate, for the map: id, status,
    requesting_region, title, meldplaats and meldplaats_point ({"lat", "lon"})."""
    sql = ("SELECT id, status, json_extract(state, '$.requesting_region'), title, "
           "json_extract(state, '$.meldplaats'), json_extract(state, '$.meldplaats_point') "
           "FROM entity WHERE kind = 'bijstand' "
           "AND json_extract(state, '$.meldplaats_point') IS NOT NULL")
    keys = ("id", "status", "requesting_region", "title", "meldplaats")
    return [{**dict(zip(keys, r[:5])), "meldplaats_point": json.loads(r[5])}
            for r in _select(st, sql, None)]


def states(st: Store, kind: str, ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Full states of one (small) kind: incidents, sessions, decisions, actions, comms, nsp.
    (Not journal entries: most have no row; see :func:`journal_rows`.)"""
    if kind == "journal":
        raise ValueError("journal entries: use journal_rows (light entries have no row)")
    rows = _select(st, "SELECT state FROM entity WHERE kind = ?", ids, (kind,))
    return [json.loads(r[0]) for r in rows]


def count_by_status(st: Store, kind: str) -> dict[str, int]:
    """How many entities of ``kind`` are in each status (cheap: uses the kind index).
    (Not journal entries: most have no row.)"""
    if kind == "journal":
        raise ValueError("journal entries have no status column (light entries have no row)")
    rows = _select(st, "SELECT status, count(*) FROM entity WHERE kind = ? GROUP BY status",
                   None, (kind,))
    return {str(s): int(n) for s, n in rows}


def timeline(st: Store, since: str = "", region: str = "",
             text: str = "") -> list[TimelineBucket]:
    """Events per entity kind per hour of ``occurred_at`` (a full scan: run it off the GUI);
    with ``region`` or ``text`` only the events of entities in that region / with that text
    in their title (journal lines without a row of their own name no region: left out)."""
    needle = text.strip().lower()
    if region or needle:
        rows = _select(st, log.TIMELINE_SCOPED_SQL, None,
                       (since, region, region, needle, needle))
    else:
        rows = _select(st, log.TIMELINE_SQL, None, (since,))
    return [TimelineBucket(str(h), str(k), int(n)) for h, k, n in rows]


def kinds_of(st: Store, ids: Sequence[str]) -> dict[str, str]:
    """Entity id -> kind for the given ids (to route change notices)."""
    with st.snapshot():  # (an entry can get its row between the two reads)
        out = {str(i): str(k) for i, k in _select(st, "SELECT id, kind FROM entity WHERE 1", ids)}
        rest = [i for i in ids if i not in out]
        with st.reader() as conn:  # light journal entries have no row: ask the log
            out.update((str(i), "journal") for i in log.light_ids(conn, rest))
    return out


__all__ = ["JOURNAL_COLS", "BIJSTAND_COLS", "TimelineBucket", "journal_rows", "bijstand_rows",
           "states", "meldplaats_rows", "count_by_status", "timeline", "kinds_of", "comms_latest",
           "iter_journal_rows", "tune_for_reading", "identity"]


def comms_latest(st: Store) -> list[tuple[str, str, str, str, str]]:
    """The newest report per (region, channel): (region, channel, state, at, note).

    Every ``comms.reported`` event is its own entity; the matrix shows the newest per cell. The
    grouping runs on the plain ``title`` ('VR06 · C2000') and ``status`` columns (no JSON), and
    only the winners' notes are read from their states."""
    rows = _select(st, "SELECT title, status, max(updated_at), id FROM entity "
                       "WHERE kind = 'comms' GROUP BY title", None)
    notes = dict(_select(st, "SELECT id, coalesce(json_extract(state, '$.note'), '') FROM entity "
                             "WHERE kind = 'comms'", [str(r[3]) for r in rows])) if rows else {}
    out = []
    for title, status, at, eid in rows:
        region, _, channel = str(title).partition(" · ")
        out.append((region, channel, str(status), str(at), str(notes.get(eid, ""))))
    return out


def iter_journal_rows(st: Store, chunk: int = 50_000) -> Iterator[list[tuple[Any, ...]]]:
    """All journal lines in chunks (for a big store: the caller can process as they come)."""
    sql = _JOURNAL_SQL
    with st.reader() as conn:
        cur = conn.execute(sql)
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                return
            yield rows


def tune_for_reading(st: Store, cache_kib: int = 8192) -> None:
    """Limit a connection's page cache and give back what it holds beyond that. A desktop's
    reader needs little (the screens keep what they show), and neither does its writer once
    opening has scanned the log."""
    with st.reader() as conn:
        conn.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
        conn.execute("PRAGMA shrink_memory")


def identity(path: str) -> dict[str, str]:
    """A store's identity (node_id, world, name) from its meta table only: quick, read-only,
    for a window title before the store itself is opened in a worker."""
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = dict(con.execute("SELECT key, value FROM meta WHERE key IN "
                                "('node_id', 'world', 'name')").fetchall())
    finally:
        con.close()
    return {k: str(rows.get(k, "")) for k in ("node_id", "world", "name")}

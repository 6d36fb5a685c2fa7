"""Every read and write of a store's ``event`` table, in one place.

The log is the source of truth; the store, the screens' queries, the rebuild, the sync engine
and bundles all reach it through these functions (the hub keeps its own tables in
:mod:`data.sync.hub.storage`). Each takes the connection to use: the store's own, under its
lock, or a reader's. None opens a transaction: the caller decides what must be seen as one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from data.clock import iso_key
from data.store.envelope import Event, loads
from data.store.projection import LIGHT_TYPE, LIGHT_WHERE

#: the envelope's columns in :class:`Event` order
EVENT_COLS = ("id, world, origin, seq, hlc, occurred_at, recorded_at, author, type, entity, "
              "payload, prev, sig")

_INSERT = ("INSERT INTO event(id, world, origin, seq, hlc, occurred_at, recorded_at, author, "
           "type, entity, payload, prev, sig, hash, received_at) "
           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")


def row_to_event(r: Sequence[Any], parse: bool = True) -> Event:
    """An :class:`Event` from a row in :data:`EVENT_COLS` order (``parse=False`` leaves the
    payload unread: ``payload_json`` holds it)."""
    (id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload, prev, sig) = r[:13]
    return Event(id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload, prev, sig,
                 loads(payload) if parse else {})


def _chunks(items: Sequence[str], n: int = 500) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _marks(chunk: Sequence[Any]) -> str:
    return ",".join("?" * len(chunk))


# ---------------------------------------------------------------- writing

def append(conn: sqlite3.Connection, events: Sequence[Event], hashes: Sequence[str],
           received_at: str) -> tuple[int, int]:
    """Insert events (inside the caller's transaction); returns their local_seq span."""
    conn.executemany(_INSERT, [
        (e.id, e.world, e.origin, e.seq, e.hlc, e.occurred_at, e.recorded_at, e.author, e.type,
         e.entity, e.payload_json, e.prev, e.sig, h, received_at)
        for e, h in zip(events, hashes)])
    last = int(conn.execute("SELECT max(local_seq) FROM event").fetchone()[0])
    return last - len(events) + 1, last


# ---------------------------------------------------------------- the store's own reads

def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM event").fetchone()[0])


def present(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """Which of these event ids the log holds."""
    out: set[str] = set()
    for chunk in _chunks(ids):
        out.update(r[0] for r in conn.execute(
            f"SELECT id FROM event WHERE id IN ({_marks(chunk)})", chunk))
    return out


def counts_by_entity(conn: sqlite3.Connection, entities: Sequence[str]) -> dict[str, int]:
    """How many events each entity has (from the entity index alone); absent ones left out."""
    out: dict[str, int] = {}
    for chunk in _chunks(entities):
        out.update(conn.execute(
            f"SELECT entity, count(*) FROM event WHERE entity IN ({_marks(chunk)}) "
            "GROUP BY entity", chunk).fetchall())
    return out


def types_and_hashes(conn: sqlite3.Connection,
                     entities: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """(type, hash) of every event of these entities."""
    found: dict[str, list[tuple[str, str]]] = {}
    for chunk in _chunks(entities):
        for eid, typ, h in conn.execute(
                f"SELECT entity, type, hash FROM event WHERE entity IN ({_marks(chunk)})", chunk):
            found.setdefault(eid, []).append((typ, h))
    return found


def of_entity(conn: sqlite3.Connection, entity: str, limit: int = -1) -> list[Event]:
    """An entity's events in fold order (hlc, origin, id)."""
    rows = conn.execute(f"SELECT {EVENT_COLS} FROM event WHERE entity = ? "
                        "ORDER BY hlc, origin, id LIMIT ?", (entity, limit)).fetchall()
    return [row_to_event(r) for r in rows]


def light_events(conn: sqlite3.Connection) -> list[Event]:
    """The events of all light journal entries."""
    return [row_to_event(r) for r in conn.execute(
        f"SELECT {EVENT_COLS} FROM event WHERE {LIGHT_WHERE}").fetchall()]


def light_hashes(conn: sqlite3.Connection, chunk: int = 20_000) -> Iterator[list[str]]:
    """The event hashes of all light journal entries, in chunks (the picture sum)."""
    cur = conn.execute(f"SELECT hash FROM event WHERE {LIGHT_WHERE}")
    while rows := cur.fetchmany(chunk):
        yield [h for (h,) in rows]


def light_ids(conn: sqlite3.Connection, entities: Sequence[str]) -> list[str]:
    """Which of these entities are light journal entries."""
    out: list[str] = []
    for chunk in _chunks(entities):
        out += [i for (i,) in conn.execute(
            f"SELECT entity FROM event WHERE {LIGHT_WHERE} AND entity IN ({_marks(chunk)})",
            tuple(chunk))]
    return out


def at_seq(conn: sqlite3.Connection, origin: str, seq: int) -> tuple[str, str] | None:
    """(id, hash) of an origin's event with this seq, if the log holds it."""
    row = conn.execute("SELECT id, hash FROM event WHERE origin = ? AND seq = ?",
                       (origin, seq)).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def head_of(conn: sqlite3.Connection, origin: str) -> tuple[int, str, str, str] | None:
    """(last_seq, last_hash, public_key, signature of that event) of an origin's chain."""
    row = conn.execute(
        "SELECT h.last_seq, h.last_hash, h.public_key, coalesce(e.sig, '') FROM origin_head h "
        "LEFT JOIN event e ON e.origin = h.origin AND e.seq = h.last_seq WHERE h.origin = ?",
        (origin,)).fetchone()
    return (int(row[0]), str(row[1]), str(row[2]), str(row[3])) if row else None


def newest_per_origin(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(origin, hlc of its newest event): an origin's clock only moves forward, so this is
    its highest; one row per origin, read through the chain heads."""
    return [(str(o), str(h)) for o, h in conn.execute(
        "SELECT h.origin, e.hlc FROM origin_head h JOIN event e "
        "ON e.origin = h.origin AND e.seq = h.last_seq").fetchall()]


def since(conn: sqlite3.Connection, local_seq: int, limit: int,
          parse: bool = True) -> list[tuple[int, Event]]:
    """Events in arrival order after ``local_seq``, with their local_seq."""
    rows = conn.execute(f"SELECT {EVENT_COLS}, local_seq FROM event WHERE local_seq > ? "
                        "ORDER BY local_seq LIMIT ?", (local_seq, limit)).fetchall()
    return [(r[13], row_to_event(r, parse)) for r in rows]


def chain_after(conn: sqlite3.Connection, origin: str, seq: int,
                parse: bool = True, limit: int = -1) -> list[Event]:
    """An origin's events after ``seq``, in chain order (at most ``limit``; -1: all)."""
    rows = conn.execute(f"SELECT {EVENT_COLS} FROM event WHERE origin = ? AND seq > ? "
                        "ORDER BY seq LIMIT ?", (origin, seq, limit)).fetchall()
    return [row_to_event(r, parse) for r in rows]


# ---------------------------------------------------------------- rebuild

#: the columns the fold needs, in fold order (entity, hlc, origin, id) through the index
FOLD_SELECT = ("SELECT id, origin, hlc, occurred_at, recorded_at, author, type, entity, "
               "payload, hash FROM event")
FOLD_ORDER = " ORDER BY entity, hlc, origin, id"


def fold_order(conn: sqlite3.Connection, lo: str | None, hi: str | None) -> sqlite3.Cursor:
    """A cursor over the events of the entities in [lo, hi), in fold order."""
    where, args = [], []
    if lo is not None:
        where.append("entity >= ?")
        args.append(lo)
    if hi is not None:
        where.append("entity < ?")
        args.append(hi)
    return conn.cursor().execute(
        FOLD_SELECT + (" WHERE " + " AND ".join(where) if where else "") + FOLD_ORDER, args)


def split_points(conn: sqlite3.Connection, total: int, parts: int) -> list[str]:
    """Entity ids that cut the log into ``parts`` ranges of about equal event counts."""
    points: list[str] = []
    for k in range(1, parts):
        row = conn.execute("SELECT entity FROM event ORDER BY entity LIMIT 1 OFFSET ?",
                           (total * k // parts,)).fetchone()
        if row and (not points or row[0] > points[-1]):
            points.append(row[0])
    return points


# ---------------------------------------------------------------- screens

#: Journal lines of the light entries (most of them: one event, no row) straight from the log,
#: in ``queries.JOURNAL_COLS`` order, ``at`` as Unix seconds
JOURNAL_LIGHT_SQL = (
    "SELECT entity, CAST(strftime('%s', occurred_at) AS INTEGER), "
    "json_extract(payload, '$.channel'), json_extract(payload, '$.direction'), "
    "json_extract(payload, '$.sender'), json_extract(payload, '$.recipient'), "
    "json_extract(payload, '$.text'), " + "coalesce(json_extract(payload, '$.key'), 0) + 2 * "
    "coalesce(json_extract(payload, '$.nagekomen'), 0), "  # bit 1: nagekomen (issue 12)
    "json_extract(payload, '$.incident_id'), author FROM event WHERE " + LIGHT_WHERE)

#: events per entity kind per hour of ``occurred_at`` (a full scan)
TIMELINE_SQL = ("SELECT substr(occurred_at, 1, 13) AS h, "
                "substr(type, 1, instr(type, '.') - 1) AS k, "
                "count(*) FROM event WHERE occurred_at >= ? AND type NOT LIKE 'exercise.%' "
                "GROUP BY h, k ORDER BY h")  # the exercise clock is not part of the picture
#: the same under the region filter and search: only events of an entity whose row names the
#: region (``?`` twice) and whose title holds the search text (lower case, ``?`` twice; '' for
#: none). A light journal entry has no row and names no region: it does not count here.
TIMELINE_SCOPED_SQL = (
    "SELECT substr(e.occurred_at, 1, 13) AS h, "
    "substr(e.type, 1, instr(e.type, '.') - 1) AS k, count(*) "
    "FROM event e JOIN entity n ON n.id = e.entity "
    "WHERE e.occurred_at >= ? AND e.type NOT LIKE 'exercise.%' "
    "AND (? = '' OR instr(',' || n.regions || ',', ',' || ? || ',') > 0) "
    "AND (? = '' OR instr(lower(n.title), ?) > 0) "
    "GROUP BY h, k ORDER BY h")


# ---------------------------------------------------------------- sync

def count_after(conn: sqlite3.Connection, local_seq: int) -> int:
    """How many events arrived after ``local_seq`` (a push backlog)."""
    return int(conn.execute("SELECT count(*) FROM event WHERE local_seq > ?",
                            (local_seq,)).fetchone()[0])


def light_after(conn: sqlite3.Connection, local_seq: int,
                limit: int) -> list[tuple[int, str, int, str]]:
    """(local_seq, origin, seq, id) of the events after ``local_seq``: what a push scans."""
    return [(int(a), str(b), int(c), str(d)) for a, b, c, d in conn.execute(
        "SELECT local_seq, origin, seq, id FROM event WHERE local_seq > ? "
        "ORDER BY local_seq LIMIT ?", (local_seq, limit)).fetchall()]


#: which events a wire read covers: local_seq in [lo, hi], or after a cursor with a limit
_BETWEEN = "WHERE local_seq BETWEEN ? AND ? ORDER BY local_seq"
_AFTER = "WHERE local_seq > ? ORDER BY local_seq LIMIT ?"


def _lines(conn: sqlite3.Connection, where: str, args: tuple[int, int],
           line_sql: str) -> list[tuple[int, str]]:
    return [(int(a), str(b)) for a, b in conn.execute(
        f"SELECT local_seq, {line_sql} FROM event {where}", args).fetchall()]


def _rows(conn: sqlite3.Connection, where: str, args: tuple[int, int],
          cols: Sequence[str]) -> list[tuple[Any, ...]]:
    return list(conn.execute(f"SELECT {', '.join(cols)}, local_seq FROM event {where}",
                             args).fetchall())


def lines_between(conn: sqlite3.Connection, lo: int, hi: int,
                  line_sql: str) -> list[tuple[int, str]]:
    """(local_seq, text) for local_seq in [lo, hi], the text built in SQLite by ``line_sql``
    (raises ``sqlite3.OperationalError`` on an SQLite without the JSON functions it needs)."""
    return _lines(conn, _BETWEEN, (lo, hi), line_sql)


def rows_between(conn: sqlite3.Connection, lo: int, hi: int,
                 cols: Sequence[str]) -> list[tuple[Any, ...]]:
    """Rows of ``cols`` plus local_seq (last) for local_seq in [lo, hi]."""
    return _rows(conn, _BETWEEN, (lo, hi), cols)


def lines_after(conn: sqlite3.Connection, local_seq: int, limit: int,
                line_sql: str) -> list[tuple[int, str]]:
    """(local_seq, text) of the events after ``local_seq`` in arrival order (see
    :func:`lines_between`)."""
    return _lines(conn, _AFTER, (local_seq, limit), line_sql)


def rows_after(conn: sqlite3.Connection, local_seq: int, limit: int,
               cols: Sequence[str]) -> list[tuple[Any, ...]]:
    """Rows of ``cols`` plus local_seq (last) of the events after ``local_seq``."""
    return _rows(conn, _AFTER, (local_seq, limit), cols)


def last_local_seq(conn: sqlite3.Connection) -> int:
    """The arrival counter of the newest event (0 in an empty log)."""
    return int(conn.execute("SELECT max(local_seq) FROM event").fetchone()[0] or 0)


def of_type_after(conn: sqlite3.Connection, event_type: str, hlc: str,
                  limit: int = 10_000) -> list[Event]:
    """Events of one type after ``hlc`` in fold order (an exercise's expected player actions)."""
    rows = conn.execute(f"SELECT {EVENT_COLS} FROM event WHERE type = ? AND hlc > ? "
                        "ORDER BY hlc, origin, id LIMIT ?", (event_type, hlc, limit)).fetchall()
    return [row_to_event(r) for r in rows]


# ---------------------------------------------------------------- terugkijken (data.history)

#: the index behind the "what was true at T" axis (derived: made when checkpoints are)
OCCURRED_INDEX = "CREATE INDEX IF NOT EXISTS ix_event_occurred ON event(occurred_at)"


#: the key journal messages alone, in arrival order with their occurred_at (a handover counts
#: them and lists the first: without it, that is a scan of every event of the shift)
KEY_INDEX = ("CREATE INDEX IF NOT EXISTS ix_event_key_journal ON event(local_seq, occurred_at) "
             "WHERE type = 'journal.logged' AND json_extract(payload, '$.key') = 1")


def ensure_occurred_index(conn: sqlite3.Connection) -> None:
    """Index ``occurred_at`` (one ordered build; after that ingest keeps it up to date), and
    the key journal messages."""
    conn.execute(OCCURRED_INDEX)
    conn.execute(KEY_INDEX)


#: the columns of :func:`occurred_rows`; ``[True]``: those of a light journal entry's event
#: (but type and entity) left out, as most rows of a slider step are new light entries, and no
#: payload key (:func:`key_seqs`)
_ROWS = {light: "SELECT " + ", ".join(
    f"CASE WHEN type = '{LIGHT_TYPE}' THEN NULL ELSE {c} END" if light and c not in (
        "type", "entity") else c for c in EVENT_COLS.split(", ")) + ", local_seq, hash, "
    + ("NULL" if light else "json_extract(payload, '$.key')") + " FROM event " for light in (0, 1)}


def key_seqs(conn: sqlite3.Connection, col: str, lo: Any, hi: Any,
             seqs: tuple[int, int] | None = None) -> set[int]:
    """The local_seq of the key journal messages with ``lo < col <= hi`` (``col``: occurred_at
    or local_seq), through the journal indexes where the store has them; ``seqs``: (lo, hi] of
    local_seq that holds them all too (a range of :data:`KEY_INDEX`: ~0.3 ms, not ~5)."""
    s = "" if seqs is None else f" AND local_seq > {int(seqs[0])} AND local_seq <= {int(seqs[1])}"
    return {int(r[0]) for r in conn.execute(
        f"SELECT local_seq FROM event WHERE {col} > ? AND {col} <= ?{s} AND type = "
        f"'{LIGHT_TYPE}' AND {JOURNAL_KEY} = 1", (lo, hi))}


def occurred_rows(conn: sqlite3.Connection, lo: str | None, hi: str,
                  light: bool = False) -> list[Any]:
    """The rows (:data:`EVENT_COLS`, local_seq, hash, payload key) of the events with
    ``lo < occurred_at <= hi`` (``lo`` None: from the start), in occurred_at order: a caller
    that needs few of them as events makes only those (:func:`row_to_event`; ``light``: see
    :data:`_ROWS`; a row's [0] None: :func:`by_local_seq` has its event)."""
    q, args = _ROWS[light] + "WHERE occurred_at <= ?", (hi,)
    if lo is not None:
        q, args = q + " AND occurred_at > ?", (hi, lo)
    return conn.execute(q + " ORDER BY occurred_at, local_seq", args).fetchall()


def arrived_rows(conn: sqlite3.Connection, lo: int, hi: int, light: bool = False) -> list[Any]:
    """The rows as :func:`occurred_rows` of the events with ``lo < local_seq <= hi``, in
    arrival order."""
    return conn.execute(_ROWS[light] + "WHERE local_seq > ? AND local_seq <= ? "
                        "ORDER BY local_seq", (lo, hi)).fetchall()


def axis_facts(conn: sqlite3.Connection, entities: Sequence[str], occurred: str | None = None,
               local_seq: int | None = None
               ) -> dict[str, list[tuple[str, str, str, str, int, bool]]]:
    """(id, type, hash, occurred_at, local_seq, payload key) of the events of these entities
    that occurred at or before ``occurred``, or arrived at or before ``local_seq`` (neither:
    every event): what a seek needs to tell what an entity was before the events it folds."""
    cond, arg = (("AND +occurred_at <= ?", [occurred]) if occurred is not None
                 else ("AND +local_seq <= ?", [local_seq]) if local_seq is not None
                 else ("", []))
    out: dict[str, list[tuple[str, str, str, str, int, bool]]] = {}
    for chunk in _chunks(entities):
        for eid, id_, typ, h, occ, ls, key in conn.execute(
                "SELECT entity, id, type, hash, occurred_at, local_seq, "
                f"json_extract(payload, '$.key') FROM event WHERE entity IN ({_marks(chunk)}) "
                f"{cond}", [*chunk, *arg]):
            out.setdefault(eid, []).append((id_, typ, h, occ, int(ls), bool(key)))
    return out


def of_entity_upto(conn: sqlite3.Connection, entity: str, occurred: str | None = None,
                   local_seq: int | None = None) -> list[tuple[int, Event]]:
    """An entity's events in fold order, each with its local_seq: those that occurred at or
    before ``occurred``, or arrived at or before ``local_seq``."""
    cond, arg = (("occurred_at <= ?", occurred) if occurred is not None
                 else ("local_seq <= ?", local_seq))
    rows = conn.execute(f"SELECT {EVENT_COLS}, local_seq FROM event WHERE entity = ? "
                        f"AND {cond} ORDER BY hlc, origin, id", (entity, arg)).fetchall()
    return [(int(r[13]), row_to_event(r)) for r in rows]


def received_upto(conn: sqlite3.Connection, at: str) -> int:
    """The arrival counter of the last event received at or before ``at`` (0: none yet).

    A binary search over ``local_seq`` (received_at follows arrival order: one store's clock);
    a handful of primary-key lookups, no scan."""
    # (two subqueries: SQLite answers a lone min() or max() from the key, both at once by a
    # scan of a whole index)
    row = conn.execute("SELECT (SELECT min(local_seq) FROM event), "
                       "(SELECT max(local_seq) FROM event)").fetchone()
    if row is None or row[0] is None:
        return 0
    lo, hi = int(row[0]), int(row[1])
    at = iso_key(at)  # (whole seconds before, milliseconds since: compared as one)
    first = conn.execute("SELECT received_at FROM event WHERE local_seq = ?", (lo,)).fetchone()
    if first is None or iso_key(str(first[0])) > at:
        return 0
    while lo < hi:  # lo: received by `at`; nothing above hi is
        mid = (lo + hi + 1) // 2
        r = conn.execute("SELECT local_seq, received_at FROM event WHERE local_seq >= ? "
                         "ORDER BY local_seq LIMIT 1", (mid,)).fetchone()
        if iso_key(str(r[1])) <= at:
            lo = int(r[0])
        else:
            hi = mid - 1
    return lo


def nth_after_occurred(conn: sqlite3.Connection, after: str | None, n: int) -> str | None:
    """The occurred_at of the n-th event (1-based) after ``after`` in occurred_at order."""
    if after is None:
        row = conn.execute("SELECT occurred_at FROM event ORDER BY occurred_at "
                           "LIMIT 1 OFFSET ?", (n - 1,)).fetchone()
    else:
        row = conn.execute("SELECT occurred_at FROM event WHERE occurred_at > ? "
                           "ORDER BY occurred_at LIMIT 1 OFFSET ?", (after, n - 1)).fetchone()
    return str(row[0]) if row else None


def nth_after_seq(conn: sqlite3.Connection, after: int, n: int) -> int | None:
    """The local_seq of the n-th event (1-based) that arrived after ``after``."""
    row = conn.execute("SELECT local_seq FROM event WHERE local_seq > ? ORDER BY local_seq "
                       "LIMIT 1 OFFSET ?", (after, n - 1)).fetchone()
    return int(row[0]) if row else None


def id_at(conn: sqlite3.Connection, local_seq: int) -> str | None:
    """The id of the event that arrived as ``local_seq``."""
    row = conn.execute("SELECT id FROM event WHERE local_seq = ?", (local_seq,)).fetchone()
    return str(row[0]) if row else None


def late_below(conn: sqlite3.Connection, local_seq: int, occurred: str) -> bool:
    """Whether an event arrived after ``local_seq`` that occurred at or before ``occurred``
    (it makes a checkpoint of "what was true" up to that moment out of date)."""
    return conn.execute("SELECT 1 FROM event WHERE local_seq > ? AND +occurred_at <= ? LIMIT 1",
                        (local_seq, occurred)).fetchone() is not None


def count_occurred_upto(conn: sqlite3.Connection, at: str) -> int:
    return int(conn.execute("SELECT count(*) FROM event WHERE occurred_at <= ?",
                            (at,)).fetchone()[0])


def occurred_range(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """The first and last occurred_at in the log."""
    row = conn.execute("SELECT (SELECT min(occurred_at) FROM event), "
                       "(SELECT max(occurred_at) FROM event)").fetchone()
    return (row[0], row[1]) if row else (None, None)


def received_range(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """The received_at of the first and the last arrival."""
    row = conn.execute("SELECT (SELECT received_at FROM event ORDER BY local_seq LIMIT 1), "
                       "(SELECT received_at FROM event ORDER BY local_seq DESC LIMIT 1)"
                       ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def key_journal_between(conn: sqlite3.Connection, occurred: tuple[str, str] | None = None,
                        arrived: tuple[int, int] | None = None) -> list[Event]:
    """The key journal messages (payload ``key`` true) that occurred in (lo, hi], or arrived
    with local_seq in (lo, hi]."""
    return key_journal(conn, occurred, arrived)[0]


def key_journal(conn: sqlite3.Connection, occurred: tuple[str, str] | None = None,
                arrived: tuple[int, int] | None = None, limit: int = -1
                ) -> tuple[list[Event], int]:
    """The first ``limit`` (-1: all) key journal messages that occurred in (lo, hi], or
    arrived with local_seq in (lo, hi], in the order they happened; and how many there are.
    Through :data:`KEY_INDEX` when the store has it."""
    col, (lo, hi) = ("occurred_at", occurred) if occurred is not None else ("local_seq", arrived)
    indexed = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = "
                           "'ix_event_key_journal'").fetchone() is not None
    src = "event INDEXED BY ix_event_key_journal" if indexed else "event"
    where = (f"WHERE {col} > ? AND {col} <= ? AND type = 'journal.logged' "
             "AND json_extract(payload, '$.key') = 1")
    n = int(conn.execute(f"SELECT count(*) FROM {src} {where}", (lo, hi)).fetchone()[0])
    rows = conn.execute(f"SELECT {EVENT_COLS} FROM {src} {where} ORDER BY occurred_at, id "
                        "LIMIT ?", (lo, hi, limit))
    return [row_to_event(r) for r in rows], n


def first_id(conn: sqlite3.Connection) -> str | None:
    """The id of the first event this store took in (its own registration)."""
    row = conn.execute("SELECT id FROM event ORDER BY local_seq LIMIT 1").fetchone()
    return str(row[0]) if row else None


# ---------------------------------------------------------------- oefening (data.scenario.aar)

def of_types_or_entities(conn: sqlite3.Connection, types: Sequence[str],
                         entities: Sequence[str] = ()) -> list[Event]:
    """Every event of one of ``types`` or on one of ``entities``, in no particular order,
    payload unread (an exercise's review: SQLite skips the rest without making events)."""
    types, entities = list(types), list(entities)[:500]
    if not types and not entities:
        return []
    cond = " OR ".join(c for c in (
        f"type IN ({','.join('?' * len(types))})" if types else "",
        f"entity IN ({','.join('?' * len(entities))})" if entities else "") if c)
    rows = conn.execute(f"SELECT {EVENT_COLS} FROM event WHERE {cond}",
                        types + entities).fetchall()
    return [row_to_event(r, False) for r in rows]


# ---------------------- issue 12: situation reports; a journal line's classification, key mark
JOURNAL_CLASS = "json_extract(payload, '$.classification')"
JOURNAL_KEY = "json_extract(payload, '$.key')"
#: the journal lines by when they happened, with their classification and key mark: a pack
#: counts a day's lines under a ceiling and finds the newest, a sitrep its key messages, without
#: reading them. Made once per store where reports are made (data.report.gather.prepare).
JOURNAL_INDEX = ("CREATE INDEX IF NOT EXISTS ix_event_journal ON event(occurred_at, id, "
                 f"{JOURNAL_CLASS}, {JOURNAL_KEY}) WHERE type = 'journal.logged'")


def ensure_journal_index(conn: sqlite3.Connection) -> None:
    """Make :data:`JOURNAL_INDEX` (one pass over the journal; then ingest keeps it current)."""
    conn.execute(JOURNAL_INDEX)


def journal_between(conn: sqlite3.Connection, lo: str, hi: str,
                    key_only: bool = False) -> list[Event]:
    """The journal messages (``journal.logged``) with ``lo < occurred_at <= hi``, in the order
    they happened (``key_only``: only the key messages)."""
    q = (f"SELECT {EVENT_COLS} FROM event WHERE type = 'journal.logged' "
         "AND occurred_at > ? AND occurred_at <= ?")
    if key_only:
        q += f" AND {JOURNAL_KEY} = 1"
    return [row_to_event(r) for r in conn.execute(q + " ORDER BY occurred_at, id", (lo, hi))]


def journal_marks(conn: sqlite3.Connection, lo: str, hi: str) -> list[tuple[int, str | None]]:
    """(local_seq, classification) of the journal messages with ``lo < occurred_at <= hi``, in
    the order of :func:`journal_between`: enough to count what a classification ceiling lets
    through and to pick the newest, without reading the messages themselves."""
    q = (f"SELECT local_seq, {JOURNAL_CLASS} FROM event "
         "WHERE type = 'journal.logged' AND occurred_at > ? AND occurred_at <= ? "
         "ORDER BY occurred_at, id")
    return conn.execute(q, (lo, hi)).fetchall()


def _rank(ranks: dict[str, int], default: int) -> tuple[str, list[Any]]:
    """SQL for a journal line's classification rank (``default`` for an unknown marking)."""
    return ("CASE " + JOURNAL_CLASS + " " + "WHEN ? THEN ? " * len(ranks) + "ELSE ? END",
            [x for kv in ranks.items() for x in kv] + [default])


def journal_newest(conn: sqlite3.Connection, lo: str, hi: str, ranks: dict[str, int],
                   default: int, ceiling: int, limit: int) -> tuple[int, list[int]]:
    """How many journal messages with ``lo < occurred_at <= hi`` a classification ceiling lets
    through, and the local_seq of the newest ``limit`` of them in the order of
    :func:`journal_between`. A message's rank is ``ranks[its classification]``, ``default``
    for one without a known marking; it passes when that rank is at most ``ceiling``. Counted
    in :data:`JOURNAL_INDEX` when the store has it (the messages stay unread)."""
    rank, args = _rank(ranks, default)
    where = (f"WHERE type = 'journal.logged' AND occurred_at > ? AND occurred_at <= ? AND "
             f"{rank} <= ?")
    n = int(conn.execute(f"SELECT count(*) FROM event {where}", [lo, hi, *args, ceiling]
                         ).fetchone()[0])
    rows = conn.execute(f"SELECT local_seq FROM event {where} ORDER BY occurred_at DESC, "
                        "id DESC LIMIT ?", [lo, hi, *args, ceiling, limit]).fetchall()
    return n, [int(r[0]) for r in reversed(rows)]


def key_journal_newest(conn: sqlite3.Connection, lo: str, hi: str, ranks: dict[str, int],
                       default: int, ceiling: int, incidents: Sequence[str] | None,
                       limit: int) -> tuple[dict[bool, tuple[int, int]], list[Event]]:
    """The key messages with ``lo < occurred_at <= hi`` (of one of ``incidents`` unless None),
    ranked as in :func:`journal_newest`: per side of the ceiling (True: under it) how many and
    their highest rank, and the newest ``limit`` under it, in the order of
    :func:`journal_between`. Only those ``limit`` are read (without ``incidents``, the others
    are counted in :data:`JOURNAL_INDEX`)."""
    rank, rargs = _rank(ranks, default)
    where = (f"WHERE type = 'journal.logged' AND occurred_at > ? AND occurred_at <= ? AND "
             f"{JOURNAL_KEY} = 1")
    args: list[Any] = [lo, hi]
    if incidents is not None:
        where += " AND json_extract(payload, '$.incident_id') IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(list(incidents)))
    sides = {bool(ok): (int(n), int(top)) for ok, n, top in conn.execute(
        f"SELECT {rank} <= ?, count(*), max({rank}) FROM event {where} GROUP BY 1",
        [*rargs, ceiling, *rargs, *args])}
    rows = conn.execute(f"SELECT {EVENT_COLS} FROM event {where} AND {rank} <= ? ORDER BY "
                        "occurred_at DESC, id DESC LIMIT ?", [*args, *rargs, ceiling, limit])
    return sides, [row_to_event(r) for r in reversed(rows.fetchall())]


def by_local_seq(conn: sqlite3.Connection, seqs: Sequence[int]) -> list[Event]:
    """The events with these ``local_seq`` numbers, in the order given."""
    found = {int(r[13]): r for r in conn.execute(f"SELECT {EVENT_COLS}, local_seq FROM event "
             "WHERE local_seq IN (SELECT value FROM json_each(?))", (json.dumps(list(seqs)),))}
    return [row_to_event(found[n]) for n in seqs if n in found]

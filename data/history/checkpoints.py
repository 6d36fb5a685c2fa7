"""Checkpoints of the projection, so that any moment is one checkpoint plus a short fold.

Derived data: kept in a sidecar file next to the store (``<store>.terugkijken``), never in the
log, never synced; delete the file and nothing is lost (the next seek folds from the log, the
next :meth:`Checkpoints.ensure` makes them again).

A checkpoint is taken every :data:`EVERY` events along each axis (not every M minutes: a busy
hour would leave a long fold, a quiet night many useless checkpoints). Every :data:`KEYFRAME`-th
one on an axis holds the whole picture; the ones in between hold only the entities that changed
since the checkpoint before them (and the ids of those gone): a whole picture at every
checkpoint made the sidecar grow with the square of the log (35 % of the store at 200k events),
deltas make it grow with the log. Loading one is its whole picture plus at most
``KEYFRAME - 1`` deltas; all of them zstd-compressed. Each records what it covers and how to
tell it still does:

* ``BEKEND``: the arrival order up to ``local_seq = pos``; the log only grows at its end, so it
  stays true as long as the event at that position is still the one it saw (``anchor``: its id
  and that of the store's first event — a sidecar next to another store's file fails this);
* ``WAAR``: every event with ``occurred_at <= pos`` among those that had arrived by ``log_pos``
  (anchor: the id of that last arrival). A *late* event — arrived after ``log_pos``, occurred
  at or before ``pos`` — makes it, and every later one, out of date: a seek skips them and
  :meth:`Checkpoints.ensure` makes them again from the newest one still good.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from data.history.asof import (
    BEKEND,
    WAAR,
    Axis,
    Body,
    Picture,
    Pos,
    advance,
    no_cycle_collection,
)

try:  # Python 3.14+
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - before 3.14
    from backports import zstd  # type: ignore[import-not-found,no-redef]
from data.store import log

#: events of log between two checkpoints on one axis (see bench/timetravel.py)
EVERY = 10_000
#: every KEYFRAME-th checkpoint on an axis holds the whole picture, the others a delta
KEYFRAME = 10
#: zstd level of the pictures (3: the library's default; higher bought little, cost seconds)
LEVEL = 3
#: the layout of a checkpoint's picture; a sidecar of another layout is emptied
FORMAT = 8
#: a delta's states are compressed with the whole picture's states before them as a prefix
#: (most are a few history lines more than there): with long-distance matching over a window
#: that holds both, a delta shrank 1.24 MB -> 0.33 MB in a measurement (at the same level)
_DELTA = {zstd.CompressionParameter.compression_level: LEVEL,
          zstd.CompressionParameter.window_log: 27,
          zstd.CompressionParameter.enable_long_distance_matching: 1}
_OPEN = {zstd.DecompressionParameter.window_log_max: 27}

_SCHEMA = ("CREATE TABLE IF NOT EXISTS checkpoint (axis TEXT NOT NULL, n INTEGER NOT NULL, "
           "pos TEXT NOT NULL, log_pos INTEGER NOT NULL, anchor TEXT NOT NULL, "
           "events INTEGER NOT NULL, base INTEGER NOT NULL, doc BLOB NOT NULL, "
           "body BLOB NOT NULL, gone BLOB NOT NULL, PRIMARY KEY (axis, n))")

#: what tells whether an entity changed between two checkpoints: its digest and last fold key
Seen = dict[str, tuple[Any, Any]]


def _seen(pic: Picture) -> Seen:
    return {eid: (v[1], v[2]) for eid, v in pic.ents.items()}


class _Prefix:
    """Opens a delta's states against the states of the whole picture before it."""

    def __init__(self) -> None:
        self.body: Body | None = None
        self._dict: object | None = None

    def open(self, data: bytes) -> bytes:
        if self._dict is None:
            assert self.body is not None
            self._dict = zstd.ZstdDict(self.body.data(), is_raw=True)
        return zstd.decompress(data, zstd_dict=self._dict.as_prefix,  # type: ignore[attr-defined]
                               options=_OPEN)


@dataclass(frozen=True)
class Mark:
    """One checkpoint without its picture."""

    axis: Axis
    n: int
    pos: str
    log_pos: int
    anchor: str
    events: int
    #: the checkpoint holding the whole picture this one builds on (itself when it is one)
    base: int

    @property
    def position(self) -> Pos:
        return self.pos if self.axis == WAAR else int(self.pos)


def _anchor(conn: sqlite3.Connection, log_pos: int) -> str:
    """Which log a checkpoint belongs to: the ids of this store's first event (its own
    registration: one per store) and of the event at ``log_pos``."""
    return f"{log.first_id(conn) or ''}:{log.id_at(conn, log_pos) or ''}"


def sidecar_path(store_path: str | Path) -> Path:
    return Path(f"{store_path}.terugkijken")


class Checkpoints:
    """The checkpoints of one store file."""

    def __init__(self, store_path: str | Path, every: int = EVERY) -> None:
        self.path = sidecar_path(store_path)
        self.every = every
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            # one thread at a time, not always the one that opened it (a GUI lane, a test)
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            if self._db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                self._db.execute("DROP TABLE IF EXISTS checkpoint")
                self._db.execute(f"PRAGMA user_version = {FORMAT}")
            self._db.execute(_SCHEMA)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def marks(self, axis: Axis) -> list[Mark]:
        if not self.path.exists():
            return []
        return [Mark(axis, *r) for r in self._conn().execute(
            "SELECT n, pos, log_pos, anchor, events, base FROM checkpoint WHERE axis = ? "
            "ORDER BY n",
            (axis,))]

    def size(self) -> int:
        """Bytes on disk."""
        return self.path.stat().st_size if self.path.exists() else 0

    def drop(self) -> None:
        """Delete them all (derived data: nothing is lost)."""
        self.close()
        self.path.unlink(missing_ok=True)

    # ------------------------------------------------------------ checking and loading

    @staticmethod
    def valid(conn: sqlite3.Connection, m: Mark) -> bool:
        """Whether the checkpoint still covers what it says (see the module's text)."""
        if _anchor(conn, m.log_pos) != m.anchor:
            return False
        return m.axis == BEKEND or not log.late_below(conn, m.log_pos, m.pos)

    def _good(self, conn: sqlite3.Connection, axis: Axis) -> list[Mark]:
        """The checkpoints of ``axis`` up to the first one out of date."""
        out = []
        for m in self.marks(axis):
            if not self.valid(conn, m):
                break
            out.append(m)
        return out

    def load(self, m: Mark) -> Picture:
        """The picture of ``m``: its whole picture, then the deltas up to it."""
        with no_cycle_collection():
            return self._load(m)

    def _load(self, m: Mark) -> Picture:
        pic: Picture | None = None
        prefix = _Prefix()
        for doc, body, gone in self._conn().execute(
                "SELECT doc, body, gone FROM checkpoint WHERE axis = ? AND n BETWEEN ? AND ? "
                "ORDER BY n", (m.axis, m.base, m.n)):
            # the states stay compressed until one of them is asked for
            if pic is None:
                whole = Body(body, zstd.decompress)
                prefix.body = whole
                pic = Picture.from_parts(zstd.decompress(doc), whole)
                continue
            part = Picture.from_parts(zstd.decompress(doc), Body(body, prefix.open))
            for eid in orjson.loads(gone):
                pic.ents.pop(eid, None)
            pic.ents.update(part.ents)
            pic.pos, pic.events = part.pos, part.events
            pic.light_sum, pic.light_count, pic.light_key = (part.light_sum, part.light_count,
                                                             part.light_key)
            pic.ent_sum = part.ent_sum  # (the whole picture's, saved with the delta)
        if pic is None or pic.pos != m.pos and str(pic.pos) != m.pos:
            raise LookupError(f"checkpoint {m.axis} {m.n}: its chain is incomplete")
        return pic

    def best(self, conn: sqlite3.Connection, axis: Axis, pos: Pos) -> Picture | None:
        """The newest good checkpoint at or before ``pos``, loaded; None when there is none.

        Only the candidates are checked, newest first: a checkpoint's picture is rebuilt from
        its own whole picture and deltas exactly as it was saved, so whether it is good
        depends on it alone."""
        m = self.best_mark(conn, axis, pos)
        return self.load(m) if m is not None else None

    def best_mark(self, conn: sqlite3.Connection, axis: Axis, pos: Pos) -> Mark | None:
        """The newest good checkpoint at or before ``pos`` (see :meth:`best`), not loaded."""
        if axis == WAAR and pos is None:
            return None
        before = [m for m in self.marks(axis)
                  if (m.pos <= str(pos) if axis == WAAR else int(m.pos) <= int(pos or 0))]
        for m in reversed(before):
            if self.valid(conn, m):
                return m
        return None

    # ------------------------------------------------------------ making

    def _whole_states(self, axis: Axis, n: int) -> bytes:
        """The states of the whole picture ``n`` (the prefix of the deltas after it)."""
        row = self._conn().execute("SELECT body FROM checkpoint WHERE axis = ? AND n = ?",
                                   (axis, n)).fetchone()
        return zstd.decompress(row[0])  # type: ignore[no-any-return]

    def _save(self, conn: sqlite3.Connection, pic: Picture, n: int, base: int,
              seen: Seen | None, prefix: bytes) -> tuple[int, Seen, bytes]:
        """Save ``pic`` as checkpoint ``n``: whole when a keyframe is due (or nothing is known
        of the one before: ``seen`` None), else what changed since the one before (``seen``:
        its entities), compressed against ``prefix`` (the states of the whole picture it builds
        on). Returns the base of the next one, this one's entities and the prefix."""
        if pic.axis == WAAR:
            log_pos = log.last_local_seq(conn)
        else:
            log_pos = int(pic.pos or 0)
        now = _seen(pic)
        pic.picture_sum()  # (saved with it: a seek need not count it again)
        if seen is None or n - base >= KEYFRAME:
            base, part, gone = n, pic, []
        else:
            part = Picture(pic.axis, pic.pos, pic.events,
                           {eid: v for eid, v in pic.ents.items() if seen.get(eid) != now[eid]},
                           pic.light_sum, pic.light_count, pic.light_key, pic.ent_sum)
            gone = [eid for eid in seen if eid not in now]
        head, body = part.to_parts()
        if base == n:
            prefix, packed = body, zstd.compress(body, LEVEL)
        else:
            packed = zstd.compress(body, options=_DELTA,
                                   zstd_dict=zstd.ZstdDict(prefix, is_raw=True).as_prefix)
        self._conn().execute("INSERT OR REPLACE INTO checkpoint VALUES (?,?,?,?,?,?,?,?,?,?)",
                             (pic.axis, n, str(pic.pos), log_pos, _anchor(conn, log_pos),
                              pic.events, base, zstd.compress(head, LEVEL), packed,
                              orjson.dumps(gone)))
        self._conn().commit()
        return base, now, prefix

    def ensure(self, conn: sqlite3.Connection) -> int:
        """Drop the checkpoints that are out of date and make the missing ones; returns how
        many were made. ``conn``: the store's, inside one read transaction."""
        made = 0
        end = log.last_local_seq(conn)
        for axis in (BEKEND, WAAR):
            good = self._good(conn, axis)
            db = self._conn()
            if axis == WAAR:  # checked against the log up to its end: say so (a later check
                # then looks only at what arrives after now)
                anchor = _anchor(conn, end)
                db.executemany("UPDATE checkpoint SET log_pos = ?, anchor = ? WHERE axis = ? "
                               "AND n = ?", [(end, anchor, axis, m.n) for m in good
                                              if m.log_pos != end])
                good = [Mark(m.axis, m.n, m.pos, end, anchor, m.events, m.base) for m in good]
            db.execute("DELETE FROM checkpoint WHERE axis = ? AND n >= ?", (axis, len(good)))
            db.commit()
            pic = self.load(good[-1]) if good else Picture(axis, None if axis == WAAR else 0)
            n = len(good)
            base = good[-1].base if good else 0
            seen = _seen(pic) if good else None
            prefix = self._whole_states(axis, base) if good else b""
            while True:
                if axis == WAAR:
                    nxt: Pos = log.nth_after_occurred(
                        conn, None if pic.pos is None else str(pic.pos), self.every)
                else:
                    nxt = log.nth_after_seq(conn, int(pic.pos or 0), self.every)
                if nxt is None:
                    break
                advance(conn, pic, nxt)
                base, seen, prefix = self._save(conn, pic, n, base, seen, prefix)
                n += 1
                made += 1
        return made

"""The picture as of a moment, on either time axis, folded with the store's own fold.

Two axes (ARCHITECTURE.md §2, §5):

* ``WAAR`` — *wat was waar om T*: every event with ``occurred_at <= T``;
* ``BEKEND`` — *wat wisten wij hier om T*: every event this store had received by T, i.e. the
  arrival order (``local_seq``) up to the last event with ``received_at <= T``.

A :class:`Picture` is exactly what a fresh store that received only those events would hold:
the entity rows the fold makes (:func:`data.store.projection.fold_events`,
:func:`~data.store.projection.entity_row`), the light journal entries as the sum of their
event hashes, and so the same fingerprint. Nothing of the fold is copied here: a seek starts
from a checkpoint (or from nothing) and *advances* over the events between its position and T,
entity by entity as :mod:`data.store.folding` does — an event in fold order after everything
folded is folded on; an earlier one folds the entity again from its counting events.

An update whose entity was created after T makes a placeholder state (the fold keeps such a
state, ``placeholder: True``, and so does a store that received only the update): it counts in
the fingerprint, as there, but :func:`Picture.states` leaves it out, so no half entity shows.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import is_
from typing import Any, Literal

import orjson

from data.bulk import gc_paused
from data.store import log
from data.store.fold import status_of
from data.store.log import row_to_event
from data.store.projection import (
    LIGHT_TYPE,
    SUM_MOD,
    Ent,
    fold_events,
    fold_key,
    fold_one,
    light_contribution,
    state_digest,
)
from data.store.types import Fingerprint

Axis = Literal["waar", "bekend"]
WAAR: Axis = "waar"
BEKEND: Axis = "bekend"

#: Position on an axis: an occurred_at (``WAAR``; None = before everything) or a local_seq
#: (``BEKEND``; 0 = before everything).
Pos = str | int | None


def fingerprint_of(total: int, count: int) -> Fingerprint:
    """The fingerprint as :meth:`data.store.reads.Reads.fingerprint` states it."""
    x = hashlib.sha256(f"{total % SUM_MOD:032x}:{count}".encode()).hexdigest()[:12].upper()
    return Fingerprint(f"{x[:4]}-{x[4:8]}-{x[8:12]}", count)


class Body:
    """The states of a saved picture, one JSON text after the other, opened (decompressed) when
    the first of them is asked for: a seek that needs few states never opens most bodies."""

    __slots__ = ("_data", "_open")

    def __init__(self, data: bytes, open_: Callable[[bytes], bytes] | None = None) -> None:
        self._data, self._open = data, open_

    def data(self) -> bytes:
        """All the states' texts, opened."""
        if self._open is not None:
            self._data, self._open = self._open(self._data), None
        return self._data

    def text(self, off: int, n: int) -> bytes:
        return self.data()[off:off + n]


def _text(v: list[Any]) -> bytes | None:
    """The JSON text of an entity's state while it is unread (None once it is a dict)."""
    s = v[3]
    if isinstance(s, tuple):  # (body, offset, length): in a checkpoint's body
        return s[0].text(s[1], s[2])  # type: ignore[no-any-return]
    return s if isinstance(s, bytes) else None


@dataclass
class Picture:
    """The projected picture at a position on one axis.

    ``ents``: entity id -> [kind, digest, last fold key, state, status, placeholder, open
    conflicts, updated_at] of every entity with a row (the state a dict, or its JSON text
    until asked: :meth:`state`); light journal entries are only counted (``light_*``), as the
    store keeps them."""

    axis: Axis
    pos: Pos
    events: int = 0
    ents: dict[str, list[Any]] = field(default_factory=dict)
    light_sum: int = 0
    light_count: int = 0
    light_key: int = 0
    #: the sum of the entities' digests while :func:`advance` keeps it (None: count again)
    ent_sum: int | None = None
    #: :func:`data.history.summary.scan` of it while :func:`advance` keeps it (None: scan)
    scanned: Any = None

    def picture_sum(self) -> int:
        if self.ent_sum is None:
            self.ent_sum = sum(int(v[1], 16) for v in self.ents.values())
        return (self.light_sum + self.ent_sum) % SUM_MOD

    def fingerprint(self) -> Fingerprint:
        return fingerprint_of(self.picture_sum(), self.events)

    def state(self, eid: str) -> dict[str, Any]:
        v = self.ents[eid]
        text = _text(v)
        if text is not None:  # as a checkpoint keeps it: read when asked
            v = self.ents[eid] = [*v[:3], orjson.loads(text), *v[4:]]
        return v[3]  # type: ignore[no-any-return]

    def rows(self, kind: str | None = None) -> Iterator[tuple[str, str, str]]:
        """(id, kind, status) of the entities that exist (no placeholders), states unread."""
        for eid, v in self.ents.items():
            if (kind is None or v[0] == kind) and not v[5]:
                yield eid, v[0], v[4]

    def states(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """The states of the entities that exist at this moment (no placeholders)."""
        for eid, _k, _s in self.rows(kind):
            yield self.state(eid)

    # ------------------------------------------------------------ (de)serialising

    def to_bytes(self) -> bytes:
        """A header (JSON) and the states after it (see :meth:`to_parts`)."""
        head, body = self.to_parts()
        return b"%d\n" % len(head) + head + body

    def to_parts(self) -> tuple[bytes, bytes]:
        """A header (JSON) and the body: the states, each as its own JSON text; loading a
        checkpoint reads the header only, a state when it is asked for."""
        parts: list[bytes] = []
        ents: dict[str, list[Any]] = {}
        off = 0
        for eid, v in self.ents.items():
            b = _text(v)
            if b is None:
                b = orjson.dumps(v[3])
            parts.append(b)
            ents[eid] = [*v[:3], off, len(b), *v[4:]]
            off += len(b)
        head = orjson.dumps({"axis": self.axis, "pos": self.pos, "events": self.events,
                             "ents": ents, "light": [f"{self.light_sum:x}", self.light_count,
                                                     self.light_key],
                             "sum": None if self.ent_sum is None else f"{self.ent_sum:x}"})
        return head, b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Picture":
        nl = data.index(b"\n")
        start = nl + 1 + int(data[:nl])
        return cls.from_parts(data[nl + 1:start], Body(data[start:]))

    @classmethod
    def from_parts(cls, head: bytes, body: Body) -> "Picture":
        doc = orjson.loads(head)
        ents = doc["ents"]
        for v in ents.values():  # [kind, digest, key, offset, length, …]: the state in body
            n = v.pop(4)
            v[3] = (body, v[3], n)
        s, cnt, kc = doc["light"]
        total = doc.get("sum")  # (of the whole picture, also in a delta's header)
        return cls(doc["axis"], doc["pos"], int(doc["events"]), ents, int(s, 16), int(cnt),
                   int(kc), None if total is None else int(total, 16))


def _counts(axis: Axis, pos: Pos, occ: str, ls: int) -> bool:
    """Whether an event at (occurred_at, local_seq) is inside the picture at ``pos``."""
    if axis == WAAR:
        return pos is not None and occ <= str(pos)
    return ls <= int(pos or 0)


#: the kinds whose states the Overzicht reads (their ids in a picture's scan)
OVERVIEW_KINDS = frozenset({"incident", "session", "decision", "action", "nsp", "comms"})


def scan_out(sc: Any, eid: str, v: list[Any]) -> None:
    """Take entity ``eid`` (its entry ``v``) out of the scan ``sc``."""
    if v[5]:
        return
    if v[0] == "bijstand":
        if sc[1][v[4]] > 1:
            sc[1][v[4]] -= 1
        else:
            del sc[1][v[4]]
    elif v[0] in OVERVIEW_KINDS:
        ids = sc[0][v[0]]
        ids.remove(eid)
        if not ids:
            del sc[0][v[0]]
    if v[6]:
        sc[2].remove(eid)


def scan_in(sc: Any, eid: str, v: list[Any]) -> None:
    """Put entity ``eid`` (its entry ``v``, the last in the picture's order) in the scan."""
    if v[5]:
        return
    if v[0] == "bijstand":
        sc[1][v[4]] = sc[1].get(v[4], 0) + 1
    elif v[0] in OVERVIEW_KINDS:
        sc[0].setdefault(v[0], []).append(eid)
    if v[6]:
        sc[2].append(eid)


#: a state with at least this many lines of history has its digest made with :data:`_HEADS`
HIST_MIN = 16
#: (entity id, id() of its history's first line) -> (the state's text up to that line, the
#: history's lines, the SHA-256 of that text and those lines): see :func:`digest_of`. (The
#: entry holds the first line, so no other object has its id meanwhile; pictures of one
#: entity folded apart — a seeker's and a handover's — keep an entry each.)
_HEADS: dict[tuple[str, int], tuple[bytes, tuple[Any, ...], Any]] = {}
#: at most this many of them (all dropped when there are more: the next digests are whole);
#: the lines they hold are mostly those of the pictures kept
HEADS_KEEP = 1024
_SORT = orjson.OPT_SORT_KEYS


def digest_of(eid: str, st: dict[str, Any]) -> str:
    """:func:`~data.store.projection.state_digest` of entity ``eid``'s state ``st``, the same
    value, without writing and hashing its whole history again at every step.

    The digest is the SHA-256 of the state's sorted JSON, in which the history list sits
    between the keys before "history" and those after it. Between two trims of it the fold
    only appends lines to a history (and never changes a line: :func:`own_copy` shares them),
    so this keeps, per entity, the text before the history and the hash state after the
    history's lines: when the text before is the same bytes and the kept lines are the first
    lines of ``st``'s history (the same objects), the hash goes on from there over the new
    lines and the text after. Anything else (a trimmed history, a step back, a state read from
    a checkpoint's text) hashes the whole text and keeps that. A connection's state is ~47 KB,
    and a 15-minute step digests ~150-180 of them."""
    hist = st.get("history")
    if type(hist) is not list or len(hist) < HIST_MIN:
        return state_digest(st)
    try:
        before = orjson.dumps({k: v for k, v in st.items() if k < "history"}, option=_SORT)
        after = orjson.dumps({k: v for k, v in st.items() if k > "history"}, option=_SORT)
        head = before[:-1] + (b',"history":[' if len(before) > 2 else b'"history":[')
        key = (eid, id(hist[0]))
        kept = _HEADS.get(key)
        if kept is not None and kept[0] == head and len(kept[1]) <= len(hist) \
                and all(map(is_, kept[1], hist)):
            h = kept[2].copy()
            if len(hist) > len(kept[1]):
                h.update(b"," + b",".join(orjson.dumps(x, option=_SORT)
                                          for x in hist[len(kept[1]):]))
        else:
            h = hashlib.sha256(head)
            h.update(orjson.dumps(hist, option=_SORT)[1:-1])
    except TypeError:  # (what orjson refuses: the canonical way, whole)
        return state_digest(st)
    if len(_HEADS) >= HEADS_KEEP and key not in _HEADS:
        _HEADS.clear()
    _HEADS[key] = (head, tuple(hist), h.copy())
    h.update(b"]" + (b"," + after[1:] if len(after) > 2 else b"}"))
    return h.hexdigest()[:32]  # type: ignore[no-any-return]


def own_copy(st: dict[str, Any]) -> dict[str, Any]:
    """A copy of a state to fold on, ``st`` left as it is: its history list is copied, its
    lines are not (the fold appends lines and drops the oldest, it never changes one, and a
    line holds its own values), the rest of the state through its JSON text as a whole copy
    would be. A connection's state is ~47 KB, nearly all of it the 200-240 lines of history:
    copying its text made 150 connections cost ~20 ms in a 15-minute slider step."""
    hist = st.get("history")
    if type(hist) is not list or len(hist) < 8:
        return orjson.loads(orjson.dumps(st))  # type: ignore[no-any-return]
    rest = orjson.loads(orjson.dumps({k: v for k, v in st.items() if k != "history"}))
    return {k: list(hist) if k == "history" else rest[k] for k in st}


#: Python's cycle collector paused meanwhile. Loading a checkpoint and folding make tens of
#: thousands of lists and dicts, each allocation burst sets off a collection, and a full one
#: walks every object alive — a seeker's kept pictures too: with 24 kept, a seek took twice
#: the CPU time. What a seek makes has no cycles (reference counts free it).
no_cycle_collection = gc_paused


def advance(conn: sqlite3.Connection, pic: Picture, to: Pos) -> int:
    """Move ``pic`` forward to ``to`` (at or after its position): fold in the events between.

    Returns how many events it took in. The caller keeps the log still meanwhile (one read
    transaction) and, on the ``WAAR`` axis, vouches that no event before ``pic.pos`` arrived
    after the picture was made (see :mod:`data.history.checkpoints`)."""
    with no_cycle_collection():
        return _advance(conn, pic, to)


def _advance(conn: sqlite3.Connection, pic: Picture, to: Pos) -> int:
    if pic.axis == WAAR:
        assert to is not None
        if pic.pos is not None and str(to) <= str(pic.pos):
            return 0
        delta = log.occurred_rows(conn, None if pic.pos is None else str(pic.pos), str(to),
                                   light=True)
        seqs = [r[13] for r in delta]  # (the key messages are among these: a range of them)
        keys = log.key_seqs(conn, "occurred_at", "" if pic.pos is None else str(pic.pos),
                            str(to), (min(seqs) - 1, max(seqs)) if seqs else None)
    else:
        if int(to or 0) <= int(pic.pos or 0):
            return 0
        delta = log.arrived_rows(conn, int(pic.pos or 0), int(to or 0), light=True)
        keys = log.key_seqs(conn, "local_seq", int(pic.pos or 0), int(to or 0))
    # rows as log.occurred_rows gives them: [8] type, [9] entity, [13] local_seq, [14] hash
    # (the payload keys: in `keys`)
    # (a light journal entry's without its event columns: see log.occurred_rows);
    # only the events of entities with a row are made (most of a step: light journal entries)
    by_entity: dict[str, list[Any]] = {}
    for row in delta:
        eid = row[9]
        rows = by_entity.get(eid)
        if rows is None:
            by_entity[eid] = [row]
        else:
            rows.append(row)
    # What an entity without a row was before: nothing, or a light journal entry (facts of its
    # events tell); an entity with a row needs no look-up unless it is folded again.
    # (only those of its events that count at the picture's position: none before the first)
    old_pos = pic.pos
    ents = pic.ents
    fresh = [eid for eid in by_entity if eid not in ents]
    if pic.axis == WAAR:
        facts = log.axis_facts(conn, fresh, occurred=str(old_pos)) if old_pos is not None else {}
    else:
        facts = log.axis_facts(conn, fresh, local_seq=int(old_pos or 0)) if old_pos else {}
    light_sum, light_count, light_key = 0, 0, 0
    sc = pic.scanned
    for eid, rows in by_entity.items():
        if len(rows) == 1 and rows[0][8] == LIGHT_TYPE and eid not in ents \
                and eid not in facts:  # a new light journal entry (the most frequent case)
            light_sum += light_contribution(rows[0][14])
            light_count += 1
            light_key += rows[0][13] in keys
            continue
        old = ents.pop(eid, None)
        if old is not None and pic.ent_sum is not None:
            pic.ent_sum -= int(old[1], 16)
        if old is not None and sc is not None:
            scan_out(sc, eid, old)
        before = [] if old is not None else [
            f for f in facts.get(eid, ()) if _counts(pic.axis, old_pos, f[3], f[4])]
        if len(before) == 1 and before[0][1] == LIGHT_TYPE:
            light_sum -= light_contribution(before[0][2])
            light_count -= 1
            light_key -= before[0][5]
        if old is None and not before and len(rows) == 1 and rows[0][8] == LIGHT_TYPE:
            light_sum += light_contribution(rows[0][14])
            light_count += 1
            light_key += rows[0][13] in keys
            continue
        evs = [row_to_event(r) for r in rows if r[0] is not None]
        if len(evs) < len(rows):  # (light entries' rows: their events read now)
            evs += log.by_local_seq(conn, [r[13] for r in rows if r[0] is None])
        evs.sort(key=fold_key)
        if old is not None and old[0] != "*" and fold_key(evs[0]) > old[2]:
            # a copy: a frame handed to the GUI may still hold the old state
            text = _text(old)
            st = orjson.loads(text) if text is not None else own_copy(old[3])
            ent = Ent(old[0], st, old[2])
            for e in evs:
                fold_one(ent, e)
        elif old is None and not before:  # new: these are all its events
            ent = fold_events(evs)
        else:  # a late event in fold order: fold from all events that count
            ent = fold_events([e for _ls, e in (
                log.of_entity_upto(conn, eid, occurred=str(to)) if pic.axis == WAAR
                else log.of_entity_upto(conn, eid, local_seq=int(to or 0)))])
        if ent.state is None:
            continue
        st = ent.state
        digest = digest_of(eid, st)  # (as entity_row's: without the rest of the row)
        if pic.ent_sum is not None:
            pic.ent_sum += int(digest, 16)
        v = pic.ents[eid] = [ent.kind, digest, ent.last_key, st, status_of(st),
                             bool(st.get("placeholder")),
                             sum(1 for c in st["conflicts"] if c["resolution"] is None),
                             st.get("updated_at", "")]
        if sc is not None:  # (the entity is now the last in the picture's order, as scanned)
            scan_in(sc, eid, v)
    pic.light_sum = (pic.light_sum + light_sum) % SUM_MOD
    pic.light_count += light_count
    pic.light_key += light_key
    pic.events += len(delta)
    pic.pos = to
    return len(delta)


def position(conn: sqlite3.Connection, axis: Axis, at: str) -> Pos:
    """The position on ``axis`` of the moment ``at`` (ISO, as the log writes it)."""
    return at if axis == WAAR else log.received_upto(conn, at)

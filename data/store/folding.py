"""Appending events and folding the entities they touch, inside a store's write transaction.

:class:`Folding` is the half of :class:`data.store.store.Store` that keeps the projection up
to date: entity states are cached for the running transaction (:class:`projection.Ent`),
events are appended to the log (:mod:`data.store.log`), folded in the fold's total order (a late
event folds its entity again from all its events), and the changed rows, conflict rows and the
picture sum are written once when the transaction commits.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from operator import attrgetter
from typing import TYPE_CHECKING

from data.clock import now_iso_ms
from data.store import log
from data.store.envelope import Event, loads
from data.store.projection import (
    LIGHT_TYPE,
    Ent,
    conflict_rows,
    contribution,
    entity_row,
    fold_events,
    fold_key,
    fold_one,
    kind_of_events,
    light_contribution,
)
from data.store.types import Changes

_origin_of = attrgetter("origin")
_seq_of = attrgetter("seq")


def _chunks(items: list[str], n: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


_origin_of = attrgetter("origin")
_seq_of = attrgetter("seq")


class Folding:
    """Append and fold (mixed into :class:`data.store.store.Store`)."""

    _conn: sqlite3.Connection
    node_id: str
    _tx_ents: dict[str, Ent] | None
    _tx_changes: Changes | None
    _absent: set[str]
    _tx_light: int
    _unit_touched: set[str]
    _last_span: tuple[int, int] | None
    _own_head: tuple[int, str] | None
    _rebuilding: bool

    if TYPE_CHECKING:  # provided by the other halves of Store
        def _digests_of(self, ids: list[str]) -> dict[str, str]: ...
        def _add_picture_sum(self, delta: int) -> None: ...

    def _prefetch(self, entities: list[str]) -> None:
        """Load the cached states of many entities with a few queries (bulk ingest).

        The log is asked first how many events each has (from its entity index alone): most
        ids in a big batch are new journal entries with none, and need nothing more."""
        assert self._tx_ents is not None
        missing = [e for e in entities if e not in self._tx_ents and e not in self._absent]
        counts = log.counts_by_entity(self._conn, missing)
        self._absent.update(e for e in missing if e not in counts)
        known = list(counts)
        for chunk in _chunks(known):
            for eid, kind, state, last_key in self._conn.execute(
                    "SELECT id, kind, state, last_key FROM entity WHERE id IN "
                    f"({','.join('?' * len(chunk))})", chunk):
                st = loads(state)
                self._tx_ents[eid] = Ent(kind, st, last_key, False, bool(st.get("conflicts")))
        rowless = [e for e in known if e not in self._tx_ents]
        if rowless:
            logged = self._logged(rowless)
            for eid in rowless:
                self._load_rowless(eid, logged.get(eid))

    def _get_ent(self, entity: str) -> Ent | None:
        assert self._tx_ents is not None
        e = self._tx_ents.get(entity)
        if e is not None:
            return e
        if entity in self._absent:
            return None
        row = self._conn.execute(
            "SELECT kind, state, last_key FROM entity WHERE id = ?", (entity,)
        ).fetchone()
        if row is None:
            logged = self._logged([entity])
            if entity not in logged:
                self._absent.add(entity)  # new: not asked again in this transaction
                return None
            return self._load_rowless(entity, logged[entity])
        st = loads(row[1])
        e = Ent(row[0], st, row[2], False, bool(st.get("conflicts")))
        self._tx_ents[entity] = e
        return e

    def _logged(self, entities: list[str]) -> dict[str, str | None]:
        """Of entities without a table row: those that have events in the log, each with its
        event hash when it is a light journal entry (one ``journal.logged``), else None."""
        found = log.types_and_hashes(self._conn, entities)
        return {eid: (evs[0][1] if len(evs) == 1 and evs[0][0] == LIGHT_TYPE else None)
                for eid, evs in found.items()}

    def _load_rowless(self, entity: str, light_hash: str | None) -> Ent:
        """The state of an entity that has events but no row: a light journal entry (folded
        from its one event, not dirty: it stays without a row until something changes it)."""
        assert self._tx_ents is not None
        if light_hash is None:  # cannot happen in a consistent store: fold it and write it
            return self._refold(entity)
        ent = self._refold(entity)
        ent.dirty = False
        ent.stored_conflicts = False
        ent.light_sum = light_contribution(light_hash)
        return ent

    def _flush_entities(self) -> None:
        assert self._tx_ents is not None and self._tx_changes is not None
        rows, dirty_entities, conflicts = [], [], []
        # the picture sum moves by the light entries added, less those that now get a row,
        # plus what the written rows add and replace
        delta, self._tx_light = self._tx_light, 0
        for eid, e in self._tx_ents.items():
            if not e.dirty or e.state is None:
                continue
            e.dirty = False
            st = e.state
            rows.append(entity_row(eid, e.kind, st, e.last_key))
            if e.light_sum:
                delta -= e.light_sum
                e.light_sum = 0
            # Conflict rows of a written entity are replaced: a late event can also make an
            # earlier conflict disappear (the step became legal at its place).
            if e.stored_conflicts:
                dirty_entities.append((eid,))
            if st.get("conflicts"):
                conflicts.extend(conflict_rows(eid, e.kind, st))
                if not e.stored_conflicts:
                    dirty_entities.append((eid,))
                e.stored_conflicts = True
        if rows:
            absent = self._absent  # known to have no row yet: no old digest to look up
            old = self._digests_of([r[0] for r in rows if r[0] not in absent])
            delta += (sum(contribution(r[0], r[7]) for r in rows)
                      - sum(contribution(i, d) for i, d in old.items()))
            self._conn.executemany(
                "INSERT OR REPLACE INTO entity(id, kind, status, title, regions, updated_at, "
                "state, digest, last_key) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        if delta:
            self._add_picture_sum(delta)
        if dirty_entities and not self._rebuilding:
            self._conn.executemany("DELETE FROM conflict WHERE entity = ?", dirty_entities)
        if conflicts:
            self._conn.executemany(
                "INSERT INTO conflict(id, entity, kind, title, found, wanted, origin, author, at, "
                "reason, resolved) VALUES (?,?,?,?,?,?,?,?,?,?,?)", conflicts)
            self._tx_changes.conflicts = True

    def _append(self, events: list[Event], out: Changes, hashes: list[str] | None = None) -> None:
        """Insert events, advance origin heads, fold touched entities (inside a transaction)."""
        assert self._tx_ents is not None and self._tx_changes is not None
        received = now_iso_ms()
        hs = hashes or [ev.digest() for ev in events]
        by_entity: dict[str, list[Event]] = defaultdict(list)
        for e in events:
            by_entity[e.entity].append(e)
        # What each entity was before these events: looked up before they are inserted, since
        # a light journal entry is known only by its event in the log.
        if len(by_entity) > 8:
            self._prefetch(list(by_entity))
        before = {entity: self._get_ent(entity) for entity in by_entity}
        self._last_span = log.append(self._conn, events, hs, received)
        # the newest event of each origin, and the key of an origin that registers here
        newest: dict[str, tuple[int, str]] = {}
        for origin, seq, h in zip(map(_origin_of, events), map(_seq_of, events), hs):
            cur = newest.get(origin)
            if cur is None or seq > cur[0]:
                newest[origin] = (seq, h)
        keys = {e.origin: str(e.payload.get("public_key", "")) for e in events
                if (e.seq == 1 and e.type == "node.registered")
                or (e.type == "node.key_rotated" and e.entity == e.origin)}
        heads = {o: (seq, h, keys.get(o, "")) for o, (seq, h) in newest.items()}
        for origin, (seq, h, pk) in heads.items():
            if origin == self.node_id and (self._own_head is None or self._own_head[0] != seq):
                self._own_head = None  # (own events that came back: read again when needed)
            self._conn.execute(
                "INSERT INTO origin_head(origin, public_key, last_seq, last_hash) VALUES (?,?,?,?) "
                "ON CONFLICT(origin) DO UPDATE SET last_seq = excluded.last_seq, "
                "last_hash = excluded.last_hash, public_key = CASE WHEN excluded.public_key != '' "
                "THEN excluded.public_key ELSE origin_head.public_key END",
                (origin, pk, seq, h))
        ids = [e.id for e in events]
        self._tx_changes.events.extend(ids)
        out.events.extend(ids)
        touched = self._unit_touched
        tx_entities, out_entities = self._tx_changes.entities, out.entities
        light_sum = 0
        hash_of: dict[str, str] | None = None
        for entity, evs in by_entity.items():
            touched.add(entity)
            ent = before[entity]
            if ent is None:
                if len(evs) == 1 and evs[0].type == LIGHT_TYPE:
                    # a new journal entry: no row, its hash goes into the picture sum
                    if hash_of is None:
                        hash_of = dict(zip(ids, hs))
                    light_sum += light_contribution(hash_of[evs[0].id])
                    self._absent.discard(entity)
                    tx_entities[entity] = out_entities[entity] = "journal"
                    continue
                if len(evs) > 1:
                    evs.sort(key=fold_key)
                ent = fold_events(evs)
                self._tx_ents[entity] = ent
            else:
                if len(evs) > 1:
                    evs.sort(key=fold_key)
                if fold_key(evs[0]) < ent.last_key or (
                        ent.kind == "*" and kind_of_events(evs) != "*"):
                    # A late event (older in fold order than what was folded): fold the entity
                    # again from all its events, so the picture stays a function of the set.
                    ent = self._refold(entity)
                else:
                    for e in evs:
                        fold_one(ent, e)
            ent.dirty = True
            tx_entities[entity] = out_entities[entity] = ent.kind
            if ent.state is not None and ent.state.get("conflicts"):
                out.conflicts = True
        self._tx_light += light_sum

    def _refold(self, entity: str) -> Ent:
        """Fold an entity again from all its events (a late event arrived)."""
        assert self._tx_ents is not None
        ent = fold_events(log.of_entity(self._conn, entity))
        ent.stored_conflicts = True  # unknown what the table holds: replace it
        prev = self._tx_ents.get(entity)
        if prev is not None:
            ent.light_sum = prev.light_sum  # still counted as a light entry: taken out at flush
        self._tx_ents[entity] = ent
        return ent

"""Taking in events made elsewhere (a pull page, a bundle slice, a peer's push to a hub served
on this store): :class:`Ingest` is the part of :class:`data.store.store.Store` that decides, inside
one write transaction, which received events are new, sound and continue their origin's chain
(:mod:`data.store.verify`, the rule every door applies), holds back clocks from the future, raises
the alarms that calls for, and hands what may be taken in to :meth:`Folding._append`.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, Iterable

from data.bulk import gc_paused
from data.clock import now_iso
from data.i18n import _
from data.store import log
from data.store.envelope import Event
from data.store.hlc import Hlc
from data.store.hlc import decode as hlc_decode
from data.store.prepare import Prepared, prepare
from data.store.roster import Roster
from data.store.types import Changes, IngestResult, StoreError
from data.store.verify import hold_future, verify_chains


def fork_text(origin: str, seq: int, here: str, other: str) -> str:
    """What a fork alarm says: both sides (``here``: the event id this store holds; ``other``:
    the other side, described), and what to do."""
    return (f"vork: {origin} seq {seq} is in deze store gebeurtenis {here[:13]}…, maar er is "
            f"ook {other} — twee machines met node-id {origin} (een uitwijklaptop, een "
            f"teruggezette back-up) of een vervalst centrum. Laat op één van beide machines "
            f"niet meer invoeren en meld het bij het beheer van de hub (KCR2).")



class Ingest:
    """Take in received events (mixed into :class:`data.store.store.Store`)."""

    _conn: sqlite3.Connection
    _hlc: Hlc
    _tx_nested: bool
    _last_span: tuple[int, int] | None
    world: str
    readonly: bool

    if TYPE_CHECKING:  # provided by the other parts of Store
        def transaction(self) -> AbstractContextManager[Changes]: ...
        def _savepoint(self) -> AbstractContextManager[None]: ...
        def _append(self, events: list[Event], out: Changes,
                    hashes: list[str] | None = None) -> None: ...
        def trust(self) -> Roster | None: ...
        def raise_alarm(self, kind: str, origin: str, detail: str) -> None: ...

    def ingest(self, items: Iterable[Event | dict[str, Any]] | Prepared) -> IngestResult:
        """Take events made elsewhere. Idempotent by id; each event is accepted, a duplicate,
        or rejected with a reason. Events of an origin must arrive without gaps in its chain
        (a rejected event is simply sent again later).

        ``items`` may be a batch read and checked ahead (:func:`data.store.prepare.prepare`,
        possibly in a helper process) for this store's world."""
        if isinstance(items, Prepared) and items.world != self.world:
            raise StoreError(_("voorbereid voor wereld {world}, deze store is "
                               "{world2}").format(world=items.world, world2=self.world))
        with gc_paused():
            if not isinstance(items, Prepared):
                items = prepare(items, self.world)
            try:
                return self._ingest(items, look_up=False)
            except sqlite3.IntegrityError:
                # an id the log holds under another origin and seq (forged, or reused by
                # mistake): the batch again, every id looked up first
                return self._ingest(items, look_up=True)

    def _ingest(self, prep: Prepared, look_up: bool) -> IngestResult:
        res = IngestResult()
        res.rejected.extend(prep.unreadable)
        res.duplicates.extend(prep.duplicates)
        parsed = prep.events
        if not parsed:
            return res
        if self.readonly:
            raise StoreError(_("deze store is alleen-lezen geopend"))
        # Which events are new and whose chains they continue is read inside the write
        # transaction: another store object or process on this file may have taken in the
        # same events a moment ago.
        with self.transaction():
            nested = self._tx_nested
            sure = None if look_up else self._all_new_and_sound(prep)
            if sure is not None:
                accepted, hashes = sure
            else:
                accepted, hashes = self._sort_out(prep, res)
            if not accepted:
                return res
            unit = self._savepoint() if nested else nullcontext()
            with unit:
                self._observe_clocks(accepted)
                self._append(accepted, res.changes, hashes=hashes)
            span = self._last_span
        res.accepted = [e.id for e in accepted]
        # (inside a caller's transaction the rows are not committed yet: no span)
        res.span = None if nested else span
        return res

    def _all_new_and_sound(self, prep: Prepared) -> tuple[list[Event], list[str]] | None:
        """The usual batch, decided without looking up each id: every event lies above its
        origin's chain head (the log holds an event only up to it: chains come without gaps),
        so none is held, and all of them are sound and continue their chains. Checked without
        a side effect; None when any of that does not hold (then :meth:`_sort_out` decides, so
        that what is refused is reported as when each id is looked up)."""
        heads = dict(self._conn.execute("SELECT origin, last_seq FROM origin_head"))
        if any(prep.reasons) or any(e.seq <= heads.get(e.origin, 0) for e in prep.events):
            return None
        ok, ok_hashes, refused = verify_chains(
            prep.events, lambda origin: log.head_of(self._conn, origin), prep.hashes,
            self.trust(), prep.links)
        if refused:
            return None
        ok, ok_hashes, held = hold_future(ok, ok_hashes, self._hlc.now_ms(),
                                          self._hlc.drift_bound_ms)
        return None if held else (ok, ok_hashes)

    def _sort_out(self, prep: Prepared, res: IngestResult) -> tuple[list[Event], list[str]]:
        """Each event new or held, sound or refused, continuing its chain or not (with the
        alarms that raises); what may be taken in, with its hashes."""
        existing = log.present(self._conn, [e.id for e in prep.events])
        fresh: list[Event] = []
        fresh_hashes: list[str] = []
        fresh_links: list[str] = []
        for e, reason, h, lk in zip(prep.events, prep.reasons, prep.hashes, prep.links,
                                    strict=True):
            if e.id in existing:
                res.duplicates.append(e.id)
            elif reason:
                res.rejected.append((e.id, reason))
            else:
                fresh.append(e)
                fresh_hashes.append(h)
                fresh_links.append(lk)
        accepted, hashes = self._verify_chains(fresh, res, fresh_hashes, fresh_links)
        return self._hold_future(accepted, hashes, res)

    def _hold_future(self, events: list[Event], hashes: list[str],
                     res: IngestResult) -> tuple[list[Event], list[str]]:
        """Events from a clock beyond the drift bound ahead of ours wait (data.store.verify:
        hold_future); the origin gets a clock-drift alarm."""
        ok, ok_hashes, held = hold_future(events, hashes, self._hlc.now_ms(),
                                          self._hlc.drift_bound_ms)
        if held:
            res.rejected.extend((r.id, r.reason) for r in held)
            res.held.extend(r.id for r in held)
            first: dict[str, Event] = {}
            by_id = {e.id: e for e in events}
            for r in held:
                first.setdefault(by_id[r.id].origin, by_id[r.id])
            for origin, e in first.items():
                self._raise_drift_alarm(origin, hlc_decode(e.hlc)[0] - self._hlc.now_ms())
        return ok, ok_hashes

    def _observe_clocks(self, events: list[Event]) -> None:
        """Merge received clocks: per origin its newest (an origin's clock only moves forward).
        None of them lies beyond the drift bound: :meth:`_hold_future` held those back."""
        top: dict[str, str] = {}
        for e in events:
            if e.hlc > top.get(e.origin, ""):
                top[e.origin] = e.hlc
        for newest in top.values():
            self._hlc.observe(newest)

    def _raise_drift_alarm(self, origin: str, ahead_ms: int) -> None:
        """One open clock-drift alarm per origin, kept up to date (not one per batch)."""
        detail = f"klok van {origin} loopt {ahead_ms // 1000} s voor"
        cur = self._conn.execute(
            "UPDATE alarm SET detail = ?, at = ? WHERE kind = 'klokafwijking' AND origin = ? "
            "AND acknowledged = 0", (detail, now_iso(), origin))
        if cur.rowcount == 0:
            self._conn.execute(
                "INSERT INTO alarm(kind, origin, detail, at, acknowledged) "
                "VALUES ('klokafwijking', ?, ?, ?, 0)", (origin, detail, now_iso()))

    def _verify_chains(self, events: list[Event], res: IngestResult,
                       known: list[str] | None = None, links: list[str] | None = None,
                       ) -> tuple[list[Event], list[str]]:
        """Check each origin's hash chain and signatures (shared rule: data.store.verify).
        A fork (another event under an origin and seq held here) raises a red alarm."""

        accepted, hashes, rejected = verify_chains(
            events, lambda origin: log.head_of(self._conn, origin), known, self.trust(), links)
        res.rejected.extend((r.id, r.reason) for r in rejected)
        res.held.extend(r.id for r in rejected if r.transient)
        if any(r.untrusted and not r.transient for r in rejected):
            by_origin = {e.id: e.origin for e in events}
            for origin, why in {(by_origin[r.id], r.reason) for r in rejected
                                if r.untrusted and not r.transient}:
                self.raise_alarm("rooster", origin, why)
        if any(r.fork for r in rejected):
            by_id = {e.id: e for e in events}
            for r in rejected:
                if r.fork:
                    e = by_id[r.id]
                    res.forks.append((e.origin, e.seq))
                    held = log.at_seq(self._conn, e.origin, e.seq)
                    self.raise_alarm("vork", e.origin, fork_text(
                        e.origin, e.seq, held[0] if held else "?",
                        f"gebeurtenis {e.id[:13]}… (ontvangen)"))
        return accepted, hashes



__all__ = ["Ingest", "fork_text"]

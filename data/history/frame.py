"""What each view shows of the picture at a moment, and a seeker that follows a slider.

Qt-free. A :class:`Seeker` keeps the last picture it made: a step forward on the same axis
*advances* it over the few events in between (the store's own fold, through
:func:`data.history.asof.advance`), any other step starts from the best checkpoint. A
:class:`Frame` is what the views need of one picture, made on the worker thread so that the GUI
thread only hands lists to models: the Overzicht's inputs and figures always, the rows of other
views only when asked (``parts``), as the views' own loads would give them
(:mod:`data.store.queries`).
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from data.clock import parse_iso
from data.history.asof import WAAR, Axis, Picture, Pos, advance, no_cycle_collection, position
from data.history.checkpoints import EVERY, Checkpoints, Mark
from data.history.summary import picture_state, scan
from data.picture.overview import Kpis, PictureState, kpis, region_levels
from data.store import Store, fold, log
from data.store.projection import conflict_rows

#: the parts a frame can carry besides the Overzicht (named after the views)
PARTS = ("incidenten", "bijstand", "besluiten", "noodsteunpunten", "verbindingen",
         "conflicten", "publiek")

_CONFLICT_KEYS = ("id", "entity", "kind", "title", "found", "wanted", "origin", "author", "at",
                  "reason", "resolved")


@dataclass
class Frame:
    """The picture at ``at`` on ``axis`` as the views take it."""

    at: str
    axis: Axis
    fingerprint: str
    events: int
    state: PictureState
    kpis: Kpis
    levels: dict[str, str]
    parts: set[str] = field(default_factory=set)
    bijstand_rows: list[tuple[Any, ...]] = field(default_factory=list)
    public: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def bijstand_row(st: dict[str, Any]) -> tuple[Any, ...]:
    """A board row in :data:`data.store.queries.BIJSTAND_COLS` order from a state (``offered``:
    the offers not withdrawn, as the store's query sums them)."""
    offers = st.get("offers") or {}
    offered = sum(o.get("quantity") or 0
                  for o in (offers.values() if isinstance(offers, dict) else offers)
                  if o.get("withdrawn") is not None and not o.get("withdrawn"))
    return (st.get("id"), fold.status_of(st), st.get("requesting_region"),
            st.get("addressed_to"), fold.title_of(st), st.get("quantity"), offered,
            st.get("unit"), st.get("priority"), st.get("needed_by"), st.get("updated_at", ""),
            st.get("incident_id"))


def comms_cells(pic: Picture, states: list[dict[str, Any]] | None = None
                ) -> list[tuple[Any, ...]]:
    """The newest report per region and channel (as :func:`data.store.queries.comms_latest`),
    of ``states`` (the comms states of ``pic``) when given."""
    best: dict[tuple[Any, Any], dict[str, Any]] = {}
    for s in pic.states("comms") if states is None else states:
        k = (s.get("region"), s.get("channel"))
        if k not in best or str(s.get("updated_at", "")) > str(best[k].get("updated_at", "")):
            best[k] = s
    return [(str(r), str(c), str(fold.status_of(s)), str(s.get("updated_at", "")),
             str(s.get("note") or "")) for (r, c), s in best.items()]


def open_conflicts(pic: Picture, ids: list[str] | None = None) -> list[dict[str, Any]]:
    """The open conflicts at that moment, as :meth:`Store.conflicts` gives them (``ids``: the
    entities with open conflicts, in the picture's order, when known)."""
    if ids is None:
        ids = [eid for eid, v in pic.ents.items() if v[6] and not v[5]]
    out = []
    for eid in ids:
        out += [dict(zip(_CONFLICT_KEYS, r))
                for r in conflict_rows(eid, pic.ents[eid][0], pic.state(eid)) if not r[-1]]
    return sorted(out, key=lambda c: str(c["at"]))


def meldplaats_rows(pic: Picture, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The bijstand meldplaatsen on the map at the picture's moment, as
    :func:`data.store.queries.meldplaats_rows` gives them live, of the requests ``ids``: those
    with a meldplaats point now. A request keeps its point once it has one (an empty point
    changes nothing), so these are all there can have been; only their states are read (a
    picture may hold 60,000 requests, their states unread until asked for). A request known
    only from a later step (no request event yet) is left out, as from the frame's bijstand
    rows; the live map shows such a request's point."""
    out = []
    for eid in ids:
        v = pic.ents.get(eid)
        if v is None or v[0] != "bijstand" or v[5]:
            continue  # (not there yet at that moment)
        st = pic.state(eid)
        point = st.get("meldplaats_point")
        if point is None:
            continue  # (there, without its point yet)
        out.append({"id": eid, "status": fold.status_of(st),
                    "requesting_region": st.get("requesting_region"),
                    "title": fold.title_of(st), "meldplaats": st.get("meldplaats"),
                    "meldplaats_point": point})
    return out


def make_frame(pic: Picture, at: str, parts: set[str] | frozenset[str] = frozenset(),
               meldplaatsen: Iterable[str] = ()) -> Frame:
    """The frame of ``pic`` (the picture at ``at``): the Overzicht, plus ``parts`` (one pass
    over the picture's entities for all of the Overzicht). ``meldplaatsen``: the ids of the
    bijstand requests with a meldplaats on the map now (see :func:`meldplaats_rows`)."""
    if pic.scanned is None:  # (then kept up to date as the picture is advanced)
        pic.scanned = scan(pic)
    scanned = pic.scanned
    ps = picture_state(pic, scanned)
    ps.comms = comms_cells(pic, [pic.state(eid) for eid in scanned[0].get("comms", ())])
    ps.conflicts = open_conflicts(pic, scanned[2])
    ps.meldplaatsen = meldplaats_rows(pic, meldplaatsen)
    moment: datetime = parse_iso(at)
    fr = Frame(at, pic.axis, str(pic.fingerprint()), pic.events, ps, kpis(ps, moment),
               region_levels(ps), set(parts))
    if "bijstand" in parts:
        fr.bijstand_rows = [bijstand_row(s) for s in pic.states("bijstand")]
    if "publiek" in parts:
        fr.public = {k: list(pic.states(k)) for k in ("alert", "capacity", "partner")}
    return fr


def _ahead(pic: Picture, pos: Pos) -> bool:
    """Whether ``pos`` is at or after the picture's position on its axis."""
    if pic.axis == WAAR:
        return pic.pos is None or (pos is not None and str(pos) >= str(pic.pos))
    return int(pos or 0) >= int(pic.pos or 0)


#: events of log between two pictures a seeker keeps: a step back starts from the nearest one
#: before it (a fold of at most this many events), not from a checkpoint
TRAIL_EVERY = 1_000
#: a jump (a fold from a checkpoint) keeps a copy every TRAIL_EVERY events on the way too,
#: so the first steps back after it are short folds
JUMP_TRAIL = True
#: how many of those it keeps (those farthest from the picture just made go first; each is a
#: dict of every entity)
TRAIL_KEEP = 12


def _copy(pic: Picture) -> Picture:
    """A picture to fold on, leaving ``pic`` as it is: states are never changed in place
    (:func:`~data.history.asof.advance` folds on a copy), so the entity lists can be shared."""
    pic.picture_sum()  # (its entity sum, counted once)
    sc = pic.scanned
    return Picture(pic.axis, pic.pos, pic.events, dict(pic.ents), pic.light_sum,
                   pic.light_count, pic.light_key, pic.ent_sum,
                   None if sc is None else ({k: list(v) for k, v in sc[0].items()}, dict(sc[1]),
                                            list(sc[2])))


def _key(pic: Picture) -> str | int:
    return str(pic.pos or "") if pic.axis == WAAR else int(pic.pos or 0)


class Seeker:
    """Pictures at moments for one store file, one after the other (one thread at a time).

    Keeps the last picture and copies of earlier ones (at most :data:`TRAIL_KEEP`, at least
    :data:`TRAIL_EVERY` events apart): a moment on the same axis, with the log unchanged since,
    starts from the nearest of those at or before it (a slider step forward or back is a
    short fold) unless a checkpoint lies more than ``every`` events ahead of it (a jump far
    ahead does not fold the whole way from there); anything else seeks from a checkpoint. A
    fold that starts from a checkpoint (a jump, or a step back past the pictures kept) keeps
    a copy every :data:`TRAIL_EVERY` events on the way, so the next steps back find one close
    by; other folds are not cut up (a connection whose reports arrive out of fold order is
    folded again from its events once per piece)."""

    def __init__(self, store_path: str | Path, every: int = EVERY) -> None:
        self.checkpoints = Checkpoints(store_path, every)
        self.every = every
        self.last: Picture | None = None
        self.trail: list[Picture] = []
        self._log_end = -1
        self.advanced = 0  # steps that started from a picture kept (for tests and the bench)
        self._kept: tuple[tuple[Any, ...], Picture] | None = None

    def picture(self, conn: sqlite3.Connection, at: str, axis: Axis) -> Picture:
        """The picture at ``at`` on ``axis``; ``conn`` inside one read transaction."""
        end = log.last_local_seq(conn)
        pos = position(conn, axis, at)
        if end != self._log_end or (self.last is not None and self.last.axis != axis):
            self.last, self.trail = None, []
        back = self.last is not None and not _ahead(self.last, pos)
        pic = self._nearest(pos)
        mark = self.checkpoints.best_mark(conn, axis, pos)
        if pic is not None and mark is not None and mark.events > pic.events + self.every:
            pic = None  # (a jump far ahead: from the checkpoint, not a fold of all in between)
        keep = back
        if pic is not None:
            self.advanced += 1
            if pic is not self.last:
                pic = _copy(pic)
        else:
            pic = self._from_checkpoint(axis, mark)
            keep = back or JUMP_TRAIL
        self._fold(conn, pic, pos, keep)
        self._keep(pic)
        self.last, self._log_end = pic, end
        return pic

    def _keep(self, pic: Picture) -> None:
        """Keep a copy of ``pic`` unless one kept is within :data:`TRAIL_EVERY` events; of
        more than :data:`TRAIL_KEEP`, the one farthest from ``pic`` goes (of two as far, the
        one ahead of it). Not the oldest made: a jump back that folds from a kept picture
        keeps copies after it, and the pictures of the steps before, far ahead, would push
        out the kept ones just behind it that the next steps back need (one such step loaded
        a checkpoint and folded 2,000 events: ~150 instead of ~20 ms)."""
        if all(abs(t.events - pic.events) >= TRAIL_EVERY for t in self.trail):
            self.trail.append(_copy(pic))
            while len(self.trail) > TRAIL_KEEP:
                far = max(self.trail, key=lambda t: (abs(t.events - pic.events), t.events))
                self.trail.remove(far)

    def _nearest(self, pos: Pos) -> Picture | None:
        """The picture kept (the last one or one of the trail) nearest at or before ``pos``."""
        best = None
        for pic in [*self.trail, *([self.last] if self.last is not None else [])]:
            if _ahead(pic, pos) and (best is None or _key(pic) >= _key(best)):
                best = pic
        return best

    def _fold(self, conn: sqlite3.Connection, pic: Picture, pos: Pos, keep: bool) -> None:
        """Advance ``pic`` to ``pos``; with ``keep``, keeping a copy every
        :data:`TRAIL_EVERY` events."""
        while keep:
            if pic.axis == WAAR:
                nxt: Pos = log.nth_after_occurred(
                    conn, None if pic.pos is None else str(pic.pos), TRAIL_EVERY)
                if nxt is None or pos is None or str(nxt) >= str(pos):
                    break
            else:
                nxt = int(pic.pos or 0) + TRAIL_EVERY
                if nxt >= int(pos or 0):
                    break
            advance(conn, pic, nxt)
            self._keep(pic)
        advance(conn, pic, pos)

    def _from_checkpoint(self, axis: Axis, m: Mark | None) -> Picture:
        """A copy of checkpoint ``m`` (the best before the moment; None: nothing): the last
        one loaded is kept, so a slider step back within the same stretch of log does not load
        it again."""
        if m is None:
            return Picture(axis, None if axis == WAAR else 0)
        key = (m.axis, m.n, m.anchor, m.log_pos, m.events)
        if self._kept is None or self._kept[0] != key:
            self._kept = (key, self.checkpoints.load(m))
        return _copy(self._kept[1])

    def frame(self, st: Store, at: str, axis: Axis,
              parts: set[str] | frozenset[str] = frozenset(),
              meldplaatsen: Iterable[str] = ()) -> Frame:
        """The frame at ``at`` on ``axis`` (see :func:`make_frame`)."""
        from data.history import reading

        with no_cycle_collection():  # (see there: the kept pictures are many objects)
            gc.collect(1)  # (the young objects made since the last frame: few)
            with reading(st) as conn:
                pic = self.picture(conn, at, axis)
            fr = make_frame(pic, at, parts, meldplaatsen)
            # What the fold made lives on in the pictures kept (no cycles: reference counts
            # free it). Frozen, the collector never walks it: unfrozen, the first collection
            # after the fold walked all of it (a step of 15 minutes: ~1,300 new states), and
            # every few steps a full one walked every picture kept (~100 ms).
            gc.freeze()
            return fr

    def close(self) -> None:
        self.checkpoints.close()
        self.last = self._kept = None
        self.trail = []


def span(st: Store) -> dict[str, Any]:
    """The log's span on both axes and its events per hour (of occurred_at), for a slider."""
    from data.history import reading
    from data.store import queries

    with reading(st) as conn:
        occ = log.occurred_range(conn)
        rec = log.received_range(conn)
    per_hour: dict[str, int] = {}
    for b in queries.timeline(st):
        per_hour[b.hour] = per_hour.get(b.hour, 0) + b.count
    return {WAAR: occ, "bekend": rec, "per_hour": sorted(per_hour.items())}

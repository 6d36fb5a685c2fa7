"""Terugkijken: the picture as of a moment equals that of a fresh store that received only the
events that count at that moment, on both axes, with and without checkpoints."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from data.clock import FixedClock, set_default_clock
from data.history import BEKEND, WAAR, Checkpoints, picture_at, prepare, reading
from data.store import Store
from data.store.envelope import Event, canonical_json
from data.store.hlc import encode
from tests.data.forge import BASE_MS, CREATE, Origin

T0 = datetime.fromtimestamp(BASE_MS / 1000, UTC)
RECEIVED0 = T0 + timedelta(days=2)


def iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Centre(Origin):
    """A forged origin whose events carry an occurred_at of their own (re-keyed forms)."""

    def at(self, typ: str, entity: str, payload: dict[str, Any], hlc_min: int,
           occ_min: int) -> dict[str, Any]:
        seq = self.seq + 1
        ms = BASE_MS + hlc_min * 60_000 + seq  # distinct clocks
        ev = Event(str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.node}:{seq}")), self.world,
                   self.node, seq, encode(ms, 0), iso(T0 + timedelta(minutes=occ_min)),
                   iso(T0 + timedelta(minutes=hlc_min)), "OL", typ, entity,
                   canonical_json(payload), self.head, "", payload)
        digest = ev.digest()
        ev.sig = self.signer.sign(digest)
        self.seq, self.head = seq, digest
        return ev.to_wire()


OPS = ("incident", "inc_update", "inc_status", "bijstand", "journal", "journal_key",
       "journal_again", "comms")


def _event(c: Centre, op: str, n: int, hlc: int, occ: int) -> dict[str, Any]:
    if op == "incident":
        typ, payload = CREATE["incident"]
        return c.at(typ, f"inc-{n % 3}", payload, hlc, occ)
    if op == "inc_update":
        return c.at("incident.updated", f"inc-{n % 3}", {"title": f"titel {n}"}, hlc, occ)
    if op == "inc_status":
        return c.at("incident.status_changed", f"inc-{n % 3}",
                    {"from": "gemeld", "to": "actief"}, hlc, occ)
    if op == "bijstand":
        typ, payload = CREATE["bijstand"]
        return c.at(typ, f"bij-{n % 2}", payload, hlc, occ)
    if op == "comms":
        return c.at("comms.reported", f"comms-{n % 2}",
                    {"region": "VNOG", "channel": "NCV",
                     "state": ("operationeel", "uitgevallen")[n % 2]}, hlc, occ)
    journal = f"log-{c.node}-{c.seq + 1}" if op != "journal_again" else f"log-{n % 2}"
    return c.at("journal.logged", journal, {"channel": "NCV", "text": f"bericht {n}",
                                            "key": op == "journal_key"}, hlc, occ)


STEP = hs.tuples(hs.sampled_from(OPS), hs.integers(0, 5), hs.integers(0, 600),
                 hs.integers(0, 600), hs.booleans(), hs.integers(0, 90))


def _reference(src: Path, tmp: Path, axis: str, at: str) -> tuple[str, dict[str, str]]:
    """A store holding only the events that count at ``at``, folded from scratch: its
    fingerprint and its entity rows (id -> digest), placeholders included."""
    ref = tmp / f"ref-{uuid.uuid4().hex}.db"
    shutil.copy(src, ref)
    for side in ("-wal", "-shm"):
        if Path(f"{src}{side}").exists():
            shutil.copy(f"{src}{side}", f"{ref}{side}")
    col = "occurred_at" if axis == WAAR else "received_at"
    with sqlite3.connect(ref) as conn:
        conn.execute(f"DELETE FROM event WHERE {col} > ?", (at,))
    st = Store.open(ref)
    try:
        st.rebuild(workers=1)
        with st.reader() as conn:
            rows = dict(conn.execute("SELECT id, digest FROM entity").fetchall())
        return str(st.fingerprint()), rows
    finally:
        st.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=hs.lists(STEP, min_size=1, max_size=30), cut=hs.integers(0, 30),
       moments=hs.lists(hs.integers(-10, 700), min_size=1, max_size=4))
def test_as_of_equals_a_store_that_received_only_what_counts(tmp_path, steps, cut, moments):
    tmp = tmp_path / uuid.uuid4().hex
    tmp.mkdir()
    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st = Store.create(tmp / "src.db", "kcr2", "LIVE")
        a, b = Centre("vnog"), Centre("vrgz")
        st.ingest([a.register(), b.register()])
        cps = Checkpoints(tmp / "src.db", every=3)
        for i, (op, n, hlc, occ, other, wait) in enumerate(steps):
            if i == cut:  # checkpoints in the middle: later (late) events must not fool them
                prepare(st, cps)
            clock.advance(timedelta(seconds=wait // 30))  # often the same second
            res = st.ingest([_event(b if other else a, op, n, hlc, occ)])
            assert not res.rejected, res.rejected
        last = st.fingerprint()
        received = [RECEIVED0 + timedelta(seconds=s) for s in range(0, 100, 1)]
        for m in moments:
            for axis in (WAAR, BEKEND):
                at = iso(T0 + timedelta(minutes=m)) if axis == WAAR else iso(
                    received[min(max(m, 0), 99) // 8])
                want_fp, want_rows = _reference(tmp / "src.db", tmp, axis, at)
                for use in (None, cps):
                    with reading(st) as conn:
                        pic = picture_at(conn, at, axis, use)
                    assert str(pic.fingerprint()) == want_fp, (axis, at, use)
                    assert {k: v[1] for k, v in pic.ents.items()} == want_rows
                    assert not any(s.get("placeholder") for s in pic.states())
        with reading(st) as conn:  # after the last event: today's fingerprint
            assert picture_at(conn, "2099-01-01T00:00:00Z", WAAR, cps).fingerprint() == last
            assert picture_at(conn, "2099-01-01T00:00:00Z", BEKEND, cps).fingerprint() == last
            assert picture_at(conn, "2000-01-01T00:00:00Z", WAAR).fingerprint().events == 0
        st.close()
        cps.close()
    finally:
        set_default_clock(None)


def _store_with_history(tmp: Path, clock: FixedClock) -> tuple[Store, Centre]:
    """A store that received, one second apart, an incident (occurred at minute 10), an update
    (minute 20), ten journal lines (minutes 30..39) and a comms report (minute 50)."""
    st = Store.create(tmp / "src.db", "kcr2", "LIVE")
    a = Centre("vnog")
    st.ingest([a.register()])
    plan = [("incident", 0, 10, 10), ("inc_update", 0, 20, 20)]
    plan += [("journal_key" if i == 3 else "journal", i, 30 + i, 30 + i) for i in range(10)]
    plan += [("comms", 1, 50, 50)]
    for op, n, hlc, occ in plan:
        clock.advance(timedelta(seconds=1))
        assert not st.ingest([_event(a, op, n, hlc, occ)]).rejected
    return st, a


def _fp(st: Store, at: str, axis: Any, cps: Checkpoints | None = None) -> str:
    with reading(st) as conn:
        return str(picture_at(conn, at, axis, cps).fingerprint())


def test_a_late_event_changes_what_was_true_but_not_what_we_knew(tmp_path):
    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st, a = _store_with_history(tmp_path, clock)
        world_t = iso(T0 + timedelta(minutes=25))
        known_t = iso(clock.now())
        before = (_fp(st, world_t, WAAR), _fp(st, known_t, BEKEND))
        clock.advance(timedelta(minutes=5))  # a paper form re-keyed: it happened at minute 15
        assert not st.ingest([_event(a, "inc_status", 0, 60, 15)]).rejected
        assert _fp(st, world_t, WAAR) != before[0]
        assert _fp(st, known_t, BEKEND) == before[1]
        with reading(st) as conn:
            inc = next(picture_at(conn, world_t, WAAR).states("incident"))
        assert inc["status"] == "actief"
        st.close()
    finally:
        set_default_clock(None)


def test_an_update_before_its_creation_shows_no_half_entity(tmp_path):
    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st = Store.create(tmp_path / "src.db", "kcr2", "LIVE")
        a = Centre("vnog")
        st.ingest([a.register(), _event(a, "incident", 0, 10, 10),
                   _event(a, "inc_update", 0, 20, 5)])  # an update dated before the report
        at = iso(T0 + timedelta(minutes=7))
        with reading(st) as conn:
            pic = picture_at(conn, at, WAAR)
        assert not list(pic.states("incident")) and pic.events == 2
        assert any(v[5] for v in pic.ents.values())  # the fold's placeholder: in the sum only
        assert str(pic.fingerprint()) == _reference(tmp_path / "src.db", tmp_path, WAAR, at)[0]
        with reading(st) as conn:
            pic = picture_at(conn, iso(T0 + timedelta(minutes=12)), WAAR)
        assert [s["title"] for s in pic.states("incident")] == ["titel 0"]
        st.close()
    finally:
        set_default_clock(None)


def test_checkpoints_late_events_rebuilding_and_deleting(tmp_path):
    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st, a = _store_with_history(tmp_path, clock)
        cps = Checkpoints(tmp_path / "src.db", every=2)
        assert prepare(st, cps) > 4
        worlds = [iso(T0 + timedelta(minutes=m)) for m in (-5, 12, 25, 33, 36, 45, 60)]
        knowns = [iso(RECEIVED0 + timedelta(seconds=s)) for s in (0, 3, 7, 12, 30)]

        def seeks(use: Checkpoints | None) -> list[str]:
            return ([_fp(st, t, WAAR, use) for t in worlds]
                    + [_fp(st, t, BEKEND, use) for t in knowns])

        plain = seeks(None)
        assert seeks(cps) == plain
        # a late event at minute 31 makes the world checkpoints from minute 31 on out of date
        clock.advance(timedelta(minutes=1))
        assert not st.ingest([_event(a, "journal", 7, 70, 31)]).rejected
        with reading(st) as conn:
            marks = cps.marks(WAAR)
            stale = [m.pos for m in marks if not cps.valid(conn, m)]
            assert stale and all(p >= iso(T0 + timedelta(minutes=31)) for p in stale)
            assert all(cps.valid(conn, m) for m in marks if m.pos not in stale)
            assert all(cps.valid(conn, m) for m in cps.marks(BEKEND))
        plain = seeks(None)
        assert seeks(cps) == plain  # stale ones are skipped
        prepare(st, cps)  # made again
        with reading(st) as conn:
            assert all(cps.valid(conn, m) for m in cps.marks(WAAR) + cps.marks(BEKEND))
        assert seeks(cps) == plain
        cps.drop()  # derived data: nothing is lost
        assert not cps.path.exists() and seeks(cps) == plain
        assert prepare(st, cps) > 4 and seeks(cps) == plain
        cps.close()
        st.close()
    finally:
        set_default_clock(None)


def test_a_checkpoint_of_another_log_is_not_used(tmp_path):
    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st, _a = _store_with_history(tmp_path, clock)
        cps = Checkpoints(tmp_path / "src.db", every=2)
        prepare(st, cps)
        cps.close()
        st.close()
        other_dir = tmp_path / "other"
        other_dir.mkdir()
        other, _b = _store_with_history(other_dir, clock)  # other ids (another store node)
        shutil.copy(cps.path, Checkpoints(other_dir / "src.db").path)
        mine = Checkpoints(other_dir / "src.db")
        with reading(other) as conn:
            assert not any(mine.valid(conn, m) for m in mine.marks(BEKEND))
        mine.close()
        other.close()
    finally:
        set_default_clock(None)


def test_every_checkpoint_loads_to_the_picture_folded_from_nothing(tmp_path, monkeypatch):
    """Whole pictures every KEYFRAME-th checkpoint, deltas in between (changed entities and
    those gone): each one, loaded, is the picture a fold from nothing gives at its position."""
    from data.history import checkpoints as cp
    from data.history.asof import Picture, advance

    monkeypatch.setattr(cp, "KEYFRAME", 3)
    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st, a = _store_with_history(tmp_path, clock)
        for i in range(6):  # the incident changes again and again: it is in many deltas
            clock.advance(timedelta(seconds=1))
            assert not st.ingest([_event(a, "inc_update", 0, 70 + i, 60 + i)]).rejected
        cps = Checkpoints(tmp_path / "src.db", every=2)
        prepare(st, cps)
        for axis in (WAAR, BEKEND):
            marks = cps.marks(axis)
            assert len(marks) >= 7
            assert [m.base for m in marks][:7] == [0, 0, 0, 3, 3, 3, 6]
            with reading(st) as conn:
                for m in marks:
                    got = cps.load(m)
                    want = Picture(axis, None if axis == WAAR else 0)
                    advance(conn, want, m.position)
                    assert got.fingerprint() == want.fingerprint(), (axis, m.n)
                    assert {k: v[1:3] for k, v in got.ents.items()} == \
                        {k: v[1:3] for k, v in want.ents.items()}
                    assert {k: got.state(k) for k in got.ents} == \
                        {k: want.state(k) for k in want.ents}
        # a delta is smaller than the whole picture it stands for
        docs = dict(cps._conn().execute(  # noqa: SLF001
            "SELECT n, length(doc) FROM checkpoint WHERE axis = 'bekend'").fetchall())
        assert docs[4] < docs[3]
        cps.close()
        st.close()
    finally:
        set_default_clock(None)


def test_the_rows_a_step_reads_leave_out_only_what_light_entries_need_not(tmp_path):
    """A step reads light journal entries without their event columns (it makes events of few
    of them: :func:`log.by_local_seq`) and the payload keys apart (:func:`log.key_seqs`):
    otherwise the same rows as the log's, on both axes."""
    from data.store import log
    from data.store.projection import LIGHT_TYPE

    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st, a = _store_with_history(tmp_path, clock)
        for n, (hlc, occ) in enumerate([(60, 60), (61, 61), (62, 5)]):  # (one line thrice)
            clock.advance(timedelta(seconds=1))
            assert not st.ingest([_event(a, "journal_again", 2, hlc + n, occ)]).rejected
        lo, hi = iso(T0 + timedelta(minutes=1)), iso(T0 + timedelta(minutes=61))
        with reading(st) as conn:
            for rows, want, keys in ((log.occurred_rows(conn, lo, hi, light=True),
                                      log.occurred_rows(conn, lo, hi),
                                      log.key_seqs(conn, "occurred_at", lo, hi)),
                                     (log.arrived_rows(conn, 1, 16, light=True),
                                      log.arrived_rows(conn, 1, 16),
                                      log.key_seqs(conn, "local_seq", 1, 16))):
                assert len(rows) == len(want) >= 15
                for r, w in zip(rows, want):
                    assert r[8:10] == w[8:10] and r[13:15] == w[13:15] and r[15] is None
                    assert r[:15] == w[:15] if w[8] != LIGHT_TYPE else \
                        r[:8] + r[10:13] == (None,) * 11
                assert keys == {w[13] for w in want if w[8] == LIGHT_TYPE and w[15]} != set()
                # bounded by a local_seq range too (lo, hi], as a step asks: both edges
                k0, k1 = min(keys), max(keys)
                for sq, left in (((min(w[13] for w in want) - 1, max(w[13] for w in want)), keys),
                                 ((k0 - 1, k1), keys), ((k0, k1), keys - {k0}),
                                 ((k0 - 1, k1 - 1), keys - {k1})):
                    assert log.key_seqs(conn, "occurred_at", lo, hi, sq) == left
                thin = [r[13] for r in rows if r[0] is None]
                assert len(thin) >= 10
                assert log.by_local_seq(conn, thin) == [
                    log.row_to_event(w) for w in want if w[8] == LIGHT_TYPE]
        st.close()
    finally:
        set_default_clock(None)


def test_the_key_messages_are_counted_as_a_picture_is_advanced(tmp_path):
    from data.history.asof import Picture, advance

    clock = FixedClock(RECEIVED0)
    set_default_clock(clock)
    try:
        st, _a = _store_with_history(tmp_path, clock)
        key = ("SELECT count(*) FROM event WHERE type = 'journal.logged' "
               "AND json_extract(payload, '$.key') AND ")
        with reading(st) as conn:
            waar, bekend = Picture(WAAR, None), Picture(BEKEND, 0)
            for m in range(0, 61, 3):
                at = iso(T0 + timedelta(minutes=m))
                advance(conn, waar, at)
                assert waar.light_key == conn.execute(key + "occurred_at <= ?",
                                                      (at,)).fetchone()[0], m
            for n in range(1, 16):
                advance(conn, bekend, n)
                assert bekend.light_key == conn.execute(key + "local_seq <= ?",
                                                        (n,)).fetchone()[0], n
            assert waar.light_key == bekend.light_key == 1
        st.close()
    finally:
        set_default_clock(None)

"""Frames: at the end of the log, what Terugkijken puts on each view is what the views' own
loads give for the live store (the same fold, read another way); before, it is the picture of
that moment; the seeker's forward steps equal fresh seeks."""

from __future__ import annotations

import gc
from datetime import timedelta

from data.clock import parse_iso, to_iso
from data.demo import Demo
from data.history import BEKEND, WAAR, picture_at, reading
from data.history.frame import Seeker, make_frame, span
from data.picture.overview import kpis
from data.store import Store
from data.store import queries as q
from tests.data.forge import Origin


def _demo(tmp_path) -> Store:
    st = Store.create(tmp_path / "demo.db", "kcr2", "OEF-TEST", "KCR2")
    Demo(st, seed=5).run(extra_events=400)
    return st


def test_the_frame_at_the_end_is_what_the_views_load_live(tmp_path):
    st = _demo(tmp_path)
    # an open conflict: another centre moves an incident from a status it is not in
    end = span(st)[WAAR][1]
    inc = next(s for s in q.states(st, "incident") if s["status"] == "actief")
    other = Origin("vnog", st.world)
    ms = int(parse_iso(end).timestamp() * 1000) + 60_000
    res = st.ingest([other.register(ms), other.event(
        "incident.status_changed", inc["id"], {"from": "gemeld", "to": "beheerst"}, ms + 1)])
    assert not res.rejected, res.rejected
    end = span(st)[WAAR][1]
    with reading(st) as conn:
        pic = picture_at(conn, "2099-01-01T00:00:00Z", WAAR)
    live = q.meldplaats_rows(st)
    fr = make_frame(pic, end, {"bijstand", "publiek"}, [m["id"] for m in live])
    assert fr.fingerprint == str(st.fingerprint())
    assert live and fr.state.meldplaatsen == live
    assert sorted(fr.bijstand_rows) == sorted(q.bijstand_rows(st))
    assert sorted(fr.state.comms) == sorted(q.comms_latest(st))
    assert fr.state.conflicts and fr.state.conflicts == sorted(
        st.conflicts(), key=lambda c: str(c["at"]))
    by_id = {s["id"]: s for s in fr.state.incidents}
    assert by_id == {s["id"]: s for s in q.states(st, "incident")}
    assert {s["id"] for s in fr.public["alert"]} == {s["id"] for s in q.states(st, "alert")}
    assert fr.kpis == kpis(fr.state, parse_iso(end))
    st.close()


def test_forward_steps_of_the_seeker_equal_fresh_seeks(tmp_path):
    st = _demo(tmp_path)
    sp = span(st)
    assert sum(n for _h, n in sp["per_hour"]) > 400
    seeker = Seeker(tmp_path / "demo.db", every=97)
    for axis in (WAAR, BEKEND):
        lo, hi = sp[axis]
        a, b = parse_iso(lo), parse_iso(hi)
        step = (b - a) / 9
        for i in range(10):
            at = to_iso(a + step * i + timedelta(seconds=1))
            fr = seeker.frame(st, at, axis)
            with reading(st) as conn:
                fresh = picture_at(conn, at, axis)
            assert fr.fingerprint == str(fresh.fingerprint()), (axis, i)
            assert sorted(fr.state.incidents, key=lambda s: s["id"]) == sorted(
                fresh.states("incident"), key=lambda s: s["id"])
        # a step back on the same axis seeks afresh, and is right too
        # (twice from the same checkpoint: the kept copy must not have been changed)
        for back in (to_iso(a + step * 4), to_iso(a + step * 4 - timedelta(seconds=1)),
                     to_iso(a + step * 4 - timedelta(seconds=2))):
            fr = seeker.frame(st, back, axis)
            with reading(st) as conn:
                assert fr.fingerprint == str(picture_at(conn, back, axis).fingerprint())
    assert seeker.advanced >= 16  # every step but the first on each axis advanced
    seeker.close()
    st.close()


def test_steps_back_within_one_stretch_start_from_an_unchanged_checkpoint(tmp_path):
    st = _demo(tmp_path)
    seeker = Seeker(tmp_path / "demo.db", every=97)
    from data.history import prepare

    prepare(st, seeker.checkpoints)
    marks = seeker.checkpoints.marks(WAAR)
    m0, m1 = marks[2], marks[3]
    late = to_iso(parse_iso(m1.pos) - timedelta(seconds=1))
    early = to_iso(parse_iso(m0.pos) + timedelta(seconds=1))
    seeker.frame(st, "2099-01-01T00:00:00Z", WAAR)  # somewhere after: the next steps go back
    for at in (late, early, late):  # the second and third start from the kept checkpoint
        fr = seeker.frame(st, at, WAAR)
        with reading(st) as conn:
            want = picture_at(conn, at, WAAR)
        assert fr.fingerprint == str(want.fingerprint()), at
        assert sorted(s["id"] for s in fr.state.incidents) == sorted(
            s["id"] for s in want.states("incident"))
    seeker.close()
    st.close()


def test_steps_back_start_from_the_pictures_kept_on_the_way(tmp_path, monkeypatch):
    import data.history.frame as frame

    monkeypatch.setattr(frame, "TRAIL_EVERY", 37)
    monkeypatch.setattr(frame, "JUMP_TRAIL", False)  # (a jump keeping copies: the next test)
    st = _demo(tmp_path)
    seeker = Seeker(tmp_path / "demo.db", every=10_000)  # (no checkpoint: the trail alone)
    for axis in (WAAR, BEKEND):
        lo, hi = span(st)[axis]
        a, b = parse_iso(lo), parse_iso(hi)
        seeker.frame(st, hi, axis)
        assert len(seeker.trail) == 1  # (a fold forward is not cut up)
        col = "occurred_at" if axis == WAAR else "received_at"
        with reading(st) as conn:  # the moment of the middle event on this axis
            n = conn.execute("SELECT count(*) FROM event").fetchone()[0]
            mid = conn.execute(f"SELECT {col} FROM event ORDER BY {col} LIMIT 1 OFFSET ?",
                               (n // 2,)).fetchone()[0]
        seeker.frame(st, mid, axis)  # a step back: from nothing, keeping a copy on the way
        assert n // 2 > 5 * 37 and len(seeker.trail) >= 5
        before = seeker.advanced
        for i in range(1, 8):  # backwards, then forward again past pictures kept
            at = to_iso(b - (b - a) * i / 8)
            fr = seeker.frame(st, at, axis)
            with reading(st) as conn:
                fresh = picture_at(conn, at, axis)
            assert fr.fingerprint == str(fresh.fingerprint()), (axis, at)
            assert sorted(fr.state.incidents, key=lambda s: s["id"]) == sorted(
                fresh.states("incident"), key=lambda s: s["id"])
        assert seeker.advanced - before >= 6  # from a kept picture, not from nothing
        again = seeker.frame(st, hi, axis)  # the kept pictures were not changed
        with reading(st) as conn:
            assert again.fingerprint == str(picture_at(conn, hi, axis).fingerprint())
    seeker.close()
    st.close()


def _marks_and_seeker(tmp_path):
    from data.history import prepare

    st = _demo(tmp_path)
    seeker = Seeker(tmp_path / "demo.db", every=97)
    prepare(st, seeker.checkpoints)
    return st, seeker, seeker.checkpoints.marks(WAAR)


def _same(st, fr, at):
    """The seeker's frame ``fr`` is the picture folded afresh at ``at`` (wat was waar)."""
    with reading(st) as conn:
        fresh = picture_at(conn, at, WAAR)
    assert fr.fingerprint == str(fresh.fingerprint()), at
    assert sorted(fr.state.incidents, key=lambda s: s["id"]) == sorted(
        fresh.states("incident"), key=lambda s: s["id"])


def test_a_jump_far_ahead_starts_from_the_nearer_checkpoint_not_the_kept_picture(tmp_path):
    st, seeker, marks = _marks_and_seeker(tmp_path)
    early = to_iso(parse_iso(marks[1].pos) + timedelta(seconds=1))
    far = to_iso(parse_iso(marks[5].pos) + timedelta(seconds=1))
    _same(st, seeker.frame(st, early, WAAR), early)
    before = seeker.advanced
    _same(st, seeker.frame(st, far, WAAR), far)  # from checkpoint 5, not a fold from ``early``
    assert seeker.advanced == before
    assert seeker._kept is not None and seeker._kept[0][1] == marks[5].n
    nxt = to_iso(parse_iso(far) + timedelta(seconds=1))
    _same(st, seeker.frame(st, nxt, WAAR), nxt)  # a short step: from the picture kept
    assert seeker.advanced == before + 1
    # a step past the next checkpoint, less than a stretch ahead: advances, loads nothing
    past = to_iso(parse_iso(marks[6].pos) + timedelta(seconds=1))
    _same(st, seeker.frame(st, past, WAAR), past)
    assert seeker.advanced == before + 2 and seeker._kept[0][1] == marks[5].n
    seeker.close()
    st.close()


def test_a_jump_keeps_copies_on_the_way_so_the_first_step_back_is_short(tmp_path, monkeypatch):
    import data.history.frame as frame

    monkeypatch.setattr(frame, "TRAIL_EVERY", 11)
    st, seeker, marks = _marks_and_seeker(tmp_path)
    m, m_next = marks[4], marks[5]
    with reading(st) as conn:  # the moments of events well inside that stretch
        times = [r[0] for r in conn.execute(
            "SELECT occurred_at FROM event WHERE occurred_at > ? AND occurred_at < ? "
            "ORDER BY occurred_at", (m.pos, m_next.pos))]
    at = times[len(times) * 9 // 10]
    _same(st, seeker.frame(st, at, WAAR), at)  # a jump: from checkpoint 4
    assert len(seeker.trail) >= 5, len(seeker.trail)  # copies between checkpoint 4 and ``at``
    before = seeker.advanced
    for back in (times[len(times) * 8 // 10], times[len(times) // 2], times[len(times) // 4]):
        _same(st, seeker.frame(st, back, WAAR), back)  # steps back: from a copy kept on the way
    assert seeker.advanced == before + 3
    seeker.close()
    st.close()


def test_a_frame_leaves_what_it_folded_out_of_the_cycle_collectors_view(tmp_path):
    st = _demo(tmp_path)
    lo, hi = span(st)[WAAR]
    seeker = Seeker(tmp_path / "demo.db", every=97)
    gc.unfreeze()
    try:
        seeker.frame(st, hi, WAAR)
        assert seeker.last is not None
        # every entity of the picture kept (and its state) is frozen: a collection skips it
        assert gc.get_freeze_count() >= 2 * len(seeker.last.ents) > 0
        young = {id(o) for g in range(3) for o in gc.get_objects(g)}
        assert not any(id(v) in young or id(v[3]) in young for v in seeker.last.ents.values())
    finally:
        gc.unfreeze()
        seeker.close()
        st.close()


def test_a_long_history_is_copied_without_its_lines_and_steps_still_equal_fresh_seeks(
        tmp_path, monkeypatch):
    import orjson

    from data.history import asof

    st = _demo(tmp_path)
    long: list[dict] = []
    real = asof.own_copy

    def own_copy(s):
        if len(s.get("history") or ()) >= 8:
            long.append(s)
        return real(s)

    monkeypatch.setattr(asof, "own_copy", own_copy)
    lo, hi = span(st)[WAAR]
    a, b = parse_iso(lo), parse_iso(hi)
    seeker = Seeker(tmp_path / "demo.db", every=10_000)
    for i in range(12):
        at = to_iso(a + (b - a) * (i + 1) / 12)
        fr = seeker.frame(st, at, WAAR)
        with reading(st) as conn:
            fresh = picture_at(conn, at, WAAR)
        assert fr.fingerprint == str(fresh.fingerprint()), i
        assert {k: v[1] for k, v in seeker.last.ents.items()} == {
            k: v[1] for k, v in fresh.ents.items()}
        assert {k: fresh.state(k) for k in fresh.ents} == {
            k: seeker.last.state(k) for k in seeker.last.ents}
    assert long  # (the path was taken)
    # the copy equals the state; folding on it (lines added, the oldest dropped, fields
    # changed) leaves the state as it was
    s = long[-1]
    before = orjson.dumps(s)
    c = real(s)
    assert c == s and list(c) == list(s) and c["history"] is not s["history"]
    c["history"].append({"at": "x", "what": "status"})
    del c["history"][:3]
    c["conflicts"].append({"id": "c"})
    c["updated_at"] = "later"
    assert orjson.dumps(s) == before
    seeker.close()
    st.close()


def test_the_scan_kept_with_a_picture_is_the_scan_made_afresh(tmp_path):
    """A frame scans its picture once; folding on keeps that scan up to date (entities
    folded again move to the end, as in the picture's order): it must equal a fresh scan
    after every step, forward, back and across checkpoints, and in the copies kept."""
    from data.history import prepare
    from data.history.summary import scan

    st = _demo(tmp_path)
    # open conflicts (another centre moves incidents from a status they are not in)
    # and later changes of those incidents, so entities with open conflicts are folded again
    other = Origin("vnog", st.world)
    lo0, hi0 = (parse_iso(x).timestamp() * 1000 for x in span(st)[WAAR])
    ms = int(hi0 - (hi0 - lo0) / 8)
    active = [s["id"] for s in q.states(st, "incident") if s["status"] == "actief"]
    evs = [other.register(ms)] + [other.event(
        "incident.status_changed", i, {"from": "gemeld", "to": "beheerst"}, ms + n)
        for n, i in enumerate(active)]
    evs += [other.event("incident.updated", i, {"title": f"titel {n}"}, int(hi0) + 60_000 + n)
            for n, i in enumerate(active)]
    assert active and not st.ingest(evs).rejected
    seeker = Seeker(tmp_path / "demo.db", every=97)
    prepare(st, seeker.checkpoints)
    sp = span(st)
    conflicted = 0
    for axis in (WAAR, BEKEND):
        lo, hi = sp[axis]
        a, b = parse_iso(lo), parse_iso(hi)
        moments = [a + (b - a) * i / 15 for i in range(1, 16)]
        moments += [moments[9] - (b - a) * i / 40 for i in range(1, 8)]  # back, in steps
        for n, m in enumerate(moments):
            fr = seeker.frame(st, to_iso(m), axis)
            pic = seeker.last
            assert pic is not None and pic.scanned is not None
            fresh = scan(pic)
            assert pic.scanned == fresh, (axis, n)
            conflicted += len(fresh[2])
            assert {k: list(v) for k, v in pic.scanned[0].items()} == fresh[0]
            for kept in seeker.trail:
                assert kept.scanned is None or kept.scanned == scan(kept), (axis, n)
            with reading(st) as conn:
                assert fr.fingerprint == str(picture_at(conn, to_iso(m), axis).fingerprint())
    assert conflicted
    seeker.close()
    st.close()


def test_a_digest_that_goes_on_from_the_kept_history_is_the_plain_digest(monkeypatch):
    """:func:`asof.digest_of` hashes on from the history kept when the text before it and the
    first lines are the same: every case of a state's change gives the plain digest."""
    import hashlib

    import orjson

    from data.history import asof
    from data.store.projection import state_digest

    made = []  # (the hash states made afresh: none when it goes on from the kept one)

    class Spy:
        @staticmethod
        def sha256(b=b""):
            made.append(b)
            return hashlib.sha256(b)

    monkeypatch.setattr(asof, "hashlib", Spy)
    monkeypatch.setattr(asof, "_HEADS", {})

    def line(i):
        return {"at": f"2026-11-26T10:{i % 60:02d}:00Z", "what": f"status {i}", "by": "ö",
                "event": f"e{i}"}

    st = {"id": "c1", "entity_kind": "comms", "channel": "C2000", "conflicts": [],
          "history": [line(i) for i in range(20)], "state": "ok", "updated_at": "t0"}

    def check(s, fresh):
        n = len(made)
        assert asof.digest_of("c1", s) == state_digest(s)
        assert (len(made) > n) == fresh

    check(st, True)  # (nothing kept: whole)
    check(st, False)  # (the same state again)
    steps = [lambda s: s["history"].append(line(99)),  # a report
             lambda s: s["history"].extend([line(100), line(101)]),
             lambda s: s.update(state="storing", updated_at="t1"),  # after the history
             lambda s: None]
    for change in steps:
        st = asof.own_copy(st)
        change(st)
        check(st, False)
    kept = st
    for change, on in ((lambda s: s["conflicts"].append({"id": "x", "resolution": None}),
                        True),  # (the text before the history changed: whole, both ways)
                       (lambda s: s.update(channel="Telefoon"), True),
                       # trimmed: whole, kept apart (another first line) from the longer one
                       (lambda s: s["history"].__delitem__(slice(0, 3)), False),
                       # another line in between (the same first one): whole, both ways
                       (lambda s: s["history"].__setitem__(5, line(555)), True),
                       # a step back: fewer lines, hashed whole; then the longer goes on
                       (lambda s: s["history"].pop(), False)):
        st = asof.own_copy(kept)
        change(st)
        check(st, True)
        check(kept, on)
    check(orjson.loads(orjson.dumps(kept)), True)  # (read from a text: other lines)
    check({"history": [line(i) for i in range(20)]}, True)  # (no keys before or after it)
    check({"history": [line(i) for i in range(20)], "z": 1}, True)
    check({"a": 1, "history": [line(i) for i in range(20)]}, True)
    big = asof.own_copy(kept)
    big["history"].append({"n": 1 << 70})  # (orjson refuses it: the canonical way)
    assert asof.digest_of("c1", big) == state_digest(big)
    short = {"id": "c2", "conflicts": [], "history": [line(1)]}  # (too short: plain)
    assert asof.digest_of("c2", short) == state_digest(short)
    assert all(k[0] == "c1" for k in asof._HEADS)


def test_the_digests_of_a_seeker_walking_the_log_are_the_plain_ones(tmp_path, monkeypatch):
    """Forward and back across the demo log with a connection of 60 reports, every entity's
    digest in the picture is that of :func:`state_digest` (the plain one), and the long
    history's digest went on from the kept hash."""
    import uuid

    from data.history import asof
    from data.store.projection import state_digest

    monkeypatch.setattr(asof, "_HEADS", {})
    went_on = []
    real = asof.digest_of

    def digest_of(eid, s):
        h = s.get("history") or [None]
        kept = asof._HEADS.get((eid, id(h[0])))
        went_on.append(kept is not None and len(kept[1]) < len(h) and kept[1][0] is h[0])
        return real(eid, s)

    monkeypatch.setattr(asof, "digest_of", digest_of)
    st = _demo(tmp_path)
    lo, hi = span(st)[WAAR]
    a, b = parse_iso(lo), parse_iso(hi)
    other = Origin("vnog", st.world)
    ms0, ms1 = int(a.timestamp() * 1000), int(b.timestamp() * 1000)
    cid = str(uuid.uuid5(uuid.NAMESPACE_URL, "comms-long"))
    res = st.ingest([other.register(ms0), *(other.event(
        "comms.reported", cid, {"region": "VR06", "channel": "C2000",
                                "state": ("operationeel", "verstoord")[n % 2]},
        ms0 + (ms1 - ms0) * (n + 1) // 61) for n in range(60))])
    assert not res.rejected, res.rejected
    seeker = Seeker(tmp_path / "demo.db", every=10_000)
    for i in [*range(1, 25), 12, 11, 13, 14, 3, 20, 21, 22]:
        at = to_iso(a + (b - a) * i / 24)
        fr = seeker.frame(st, at, WAAR)
        pic = seeker.last
        assert {k: v[1] for k, v in pic.ents.items()} == {
            k: state_digest(pic.state(k)) for k in pic.ents}, i
        with reading(st) as conn:
            assert fr.fingerprint == str(picture_at(conn, at, WAAR).fingerprint()), i
    assert len(seeker.last.state(cid)["history"]) >= asof.HIST_MIN
    assert sum(went_on) >= 10
    seeker.close()
    st.close()


def test_the_trail_keeps_the_pictures_nearest_the_last_one_not_the_newest_made(monkeypatch):
    """Of more pictures than it keeps, the seeker drops the one farthest from the picture just
    made (of two as far, the one ahead): after steps far ahead, a jump back keeps its copies
    *and* the picture just behind them, which the next steps back fold from."""
    import data.history.frame as frame
    from data.history.asof import Picture

    monkeypatch.setattr(frame, "TRAIL_KEEP", 4)
    monkeypatch.setattr(frame, "TRAIL_EVERY", 10)
    seeker = Seeker.__new__(Seeker)  # (the trail alone: no store)
    seeker.trail = []
    for n in (100, 200, 300, 400, 20, 30, 40, 45):  # steps forward; a jump back, copies kept
        seeker._keep(Picture(WAAR, f"2026-11-26T10:{n // 10:02d}:00Z", n))
    assert sorted(t.events for t in seeker.trail) == [20, 30, 40, 100]  # (45: within 10)
    seeker.trail = []
    monkeypatch.setattr(frame, "TRAIL_KEEP", 2)
    for n in (10, 30, 20):
        seeker._keep(Picture(WAAR, f"2026-11-26T10:{n:02d}:00Z", n))
    assert sorted(t.events for t in seeker.trail) == [10, 20]  # (30 as far as 10: ahead)


def test_a_frame_has_the_meldplaatsen_of_its_moment(store_factory):
    """The map of a past moment shows the meldplaatsen there were then: a request made with
    its point from then on, one whose point came later only from then."""
    from data.clock import FixedClock, set_default_clock
    from data.store import Command
    from tests.data.helpers import bijstand, new

    clock = FixedClock("2026-11-21T09:00:00Z")
    set_default_clock(clock)
    try:
        st = store_factory("kcr2", name="KCR2")
        clock.advance(timedelta(hours=1))  # 10:00
        a = new(st, bijstand(meldplaats="Kazerne Apeldoorn", meldplaats_point="52.23, 5.97"))
        clock.advance(timedelta(hours=1))  # 11:00
        b = new(st, bijstand(meldplaats="Sporthal Zwolle"))
        clock.advance(timedelta(hours=1))  # 12:00
        st.execute(Command("bijstand.updated", {"meldplaats_point": "52.5, 6.08"}, entity=b),
                   "IM VNOG")
        live = q.meldplaats_rows(st)
        ids = [m["id"] for m in live]
        assert sorted(ids) == sorted([a, b])
        seeker = Seeker(st.path)

        def there(at: str) -> list[str]:
            return sorted(m["id"] for m in seeker.frame(st, at, WAAR, meldplaatsen=ids)
                          .state.meldplaatsen)

        assert there("2026-11-21T09:30:00Z") == []
        assert there("2026-11-21T10:30:00Z") == [a]
        assert there("2026-11-21T11:30:00Z") == [a]  # b there, without its point yet
        assert there("2026-11-21T12:30:00Z") == sorted([a, b])
        fr = seeker.frame(st, "2026-11-21T12:30:00Z", WAAR, meldplaatsen=ids)
        assert fr.state.meldplaatsen == live
        assert not seeker.frame(st, "2026-11-21T12:30:00Z", WAAR).state.meldplaatsen
        seeker.close()
    finally:
        set_default_clock(None)

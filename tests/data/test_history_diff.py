"""The handover reads only what it shows: the same Markdown as when every changed entity and
every key message is read, with the key-message index and without it."""

from __future__ import annotations

from datetime import timedelta

from data.clock import parse_iso, to_iso
from data.demo import Demo
from data.history import BEKEND, WAAR, Checkpoints, picture_at, position, prepare, reading
from data.history.diff import changes, handover, markdown
from data.history.frame import span
from data.store import Store, log


def _demo(tmp_path) -> Store:
    st = Store.create(tmp_path / "demo.db", "kcr2", "OEF-TEST", "KCR2")
    Demo(st, seed=5).run(extra_events=400)
    return st


def test_the_lines_shown_are_the_first_of_all_changes(tmp_path):
    st = _demo(tmp_path)
    lo, hi = span(st)[WAAR]
    with reading(st) as conn:
        p1, p2 = picture_at(conn, lo, WAAR), picture_at(conn, hi, WAAR)
    for tied in (False, True):
        if tied:  # every change at the same moment: the lines themselves decide the order
            p2.ents = {eid: [*v[:7], "2026-01-01T00:00:00Z"] for eid, v in p2.ents.items()}
        every = changes(p1, p2)
        for limit in (1, 2, 3, 5):
            shown = changes(p1, p2, limit)
            assert {k: (lines[:limit], n) for k, (lines, n) in every.items()} == shown
        assert any(n > 5 for _lines, n in every.values())
    st.close()


def test_the_handover_is_the_same_with_and_without_the_key_message_index(tmp_path):
    st = _demo(tmp_path)
    cps = Checkpoints(tmp_path / "demo.db", every=97)
    texts = {}
    for indexed in (False, True):
        if indexed:
            prepare(st, cps)
        for axis in (WAAR, BEKEND):
            lo, hi = span(st)[axis]
            texts[(indexed, axis)] = handover(st, lo, hi, axis, cps, limit=2)
    for axis in (WAAR, BEKEND):
        assert texts[(True, axis)] == texts[(False, axis)]
    lo, hi = span(st)[WAAR]
    with reading(st) as conn:
        p1, p2 = picture_at(conn, lo, WAAR), picture_at(conn, hi, WAAR)
        every_key = log.key_journal_between(conn, occurred=(lo, hi))
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_event_key_journal'"
                            ).fetchone()
    assert len(every_key) > 2
    assert texts[(True, WAAR)] == markdown(p1, p2, lo, hi, every_key, limit=2)
    cps.close()
    st.close()


def test_the_second_picture_of_a_handover_is_folded_on_from_the_first(tmp_path, monkeypatch):
    """Without checkpoints (or with the next one close by) the picture at the end is the one
    at the start folded on, not the whole log folded again — and the same as that."""
    import data.history as history
    from data.history.diff import pictures

    st = _demo(tmp_path)
    cps = Checkpoints(tmp_path / "demo.db", every=97)
    prepare(st, cps)
    folds: list[str] = []
    real = history.picture_at
    monkeypatch.setattr(history, "picture_at",
                        lambda conn, at, *a: folds.append(at) or real(conn, at, *a))
    for axis in (WAAR, BEKEND):
        lo, hi = span(st)[axis]
        a, b = parse_iso(lo), parse_iso(hi)
        for with_cps in (None, cps):
            for t1, t2 in ((lo, hi), (to_iso(a + (b - a) * 0.6), to_iso(a + (b - a) * 0.61)),
                           (hi, lo), (to_iso(a - timedelta(seconds=1)), hi)):
                folds.clear()
                with reading(st) as conn:
                    p1, p2 = pictures(conn, t1, t2, axis, with_cps)
                    want = real(conn, t2, axis)
                    mark = (with_cps.best_mark(conn, axis, position(conn, axis, t2))
                            if with_cps is not None else None)
                assert (p2.fingerprint(), p2.events, p2.pos) == (
                    want.fingerprint(), want.events, want.pos), (axis, t1, t2)
                assert {eid: v[:3] + v[4:] for eid, v in p2.ents.items()} == {
                    eid: v[:3] + v[4:] for eid, v in want.ents.items()}
                assert sorted(p2.states("incident"), key=lambda s: s["id"]) == sorted(
                    want.states("incident"), key=lambda s: s["id"])
                # folded on from the first: unless t2 is before t1, or a checkpoint far ahead
                # (over the whole log there is one; two moments close together can have one
                # between them too, when the first lies before the log: whole seconds)
                far = mark is not None and with_cps is not None and \
                    mark.events > p1.events + with_cps.every
                if with_cps is not None and (t1, t2) == (lo, hi):
                    assert far
                assert folds == ([t1, t2] if far or t2 < t1 else [t1]), (axis, t1, t2)
    cps.close()
    st.close()


def test_the_handover_text_does_not_hang_on_the_order_of_the_pictures_entities(tmp_path):
    st = _demo(tmp_path)
    lo, hi = span(st)[WAAR]
    with reading(st) as conn:
        p1, p2 = picture_at(conn, lo, WAAR), picture_at(conn, hi, WAAR)
        key, n_key = log.key_journal(conn, occurred=(lo, hi), limit=2)
    text = markdown(p1, p2, lo, hi, key, 2, n_key)
    for pic in (p1, p2):
        pic.ents = dict(reversed(list(pic.ents.items())))
    assert markdown(p1, p2, lo, hi, key, 2, n_key) == text
    st.close()

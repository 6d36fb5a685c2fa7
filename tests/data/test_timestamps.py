"""recorded_at and received_at to the millisecond (issue 19); stores of before, which kept
whole seconds, keep reading and order right beside the new values."""

from __future__ import annotations

import re
import sqlite3

from data.clock import FixedClock, set_default_clock
from data.store import Command, Store
from data.store import log as event_log

MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
WHOLE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _rows(st: Store) -> list[tuple[str, str, str]]:
    with st.reader() as conn:
        return [tuple(r) for r in conn.execute(
            "SELECT occurred_at, recorded_at, received_at FROM event ORDER BY local_seq")]


def test_a_write_and_its_arrival_elsewhere_are_kept_to_the_millisecond(store_factory):
    set_default_clock(FixedClock("2026-11-26T10:00:00.250Z"))
    try:
        a, b = store_factory("vnog"), store_factory("vrbzo")
        a.execute(Command("journal.logged", {"channel": "NCV", "text": "Dijk houdt"}), "IM")
        set_default_clock(FixedClock("2026-11-26T10:00:01.875Z"))
        b.ingest(list(a.iter_events()))
        occurred, recorded, received = _rows(a)[-1]
        assert (recorded, received) == ("2026-11-26T10:00:00.250Z", "2026-11-26T10:00:00.250Z")
        assert occurred == "2026-11-26T10:00:00Z"  # compared with whole seconds elsewhere
        assert _rows(b)[-1] == (occurred, recorded, "2026-11-26T10:00:01.875Z")
    finally:
        set_default_clock(None)


def test_an_old_store_of_whole_seconds_keeps_reading_and_orders_right(tmp_path):
    """Events received before the change keep their whole seconds; the arrival axis ("bij
    ons bekend") puts old and new values in one order, though as text ``…:00Z`` sorts after
    ``…:00.500Z``."""
    clock = FixedClock("2026-11-26T10:00:00Z")
    set_default_clock(clock)
    try:
        st = Store.create(tmp_path / "oud.db", "vnog")
        for i in range(3):
            st.execute(Command("journal.logged", {"channel": "NCV", "text": f"oud {i}"}), "IM")
        st.close()
        with sqlite3.connect(tmp_path / "oud.db") as conn:  # as written before
            conn.execute("UPDATE event SET recorded_at = substr(recorded_at, 1, 19) || 'Z', "
                         "received_at = substr(received_at, 1, 19) || 'Z'")
        st = Store.open(tmp_path / "oud.db")
        old = len(_rows(st))
        assert all(WHOLE.fullmatch(r[1]) and WHOLE.fullmatch(r[2]) for r in _rows(st))
        clock.set("2026-11-26T10:00:00.500Z")
        st.execute(Command("journal.logged", {"channel": "NCV", "text": "nieuw 1"}), "IM")
        clock.set("2026-11-26T10:00:01.200Z")
        st.execute(Command("journal.logged", {"channel": "NCV", "text": "nieuw 2"}), "IM")
        assert all(MS.fullmatch(r[2]) for r in _rows(st)[old:])
        with st.reader() as conn:
            upto = event_log.received_upto
            assert upto(conn, "2026-11-26T09:59:59Z") == 0
            assert upto(conn, "2026-11-26T10:00:00Z") == old  # not the one of .500
            assert upto(conn, "2026-11-26T10:00:00.499Z") == old
            assert upto(conn, "2026-11-26T10:00:00.500Z") == old + 1
            assert upto(conn, "2026-11-26T10:00:01Z") == old + 1
            assert upto(conn, "2026-11-26T10:00:02Z") == old + 2
        st.rebuild(workers=1)  # the old rows still fold
        assert len(list(st.iter_events())) == old + 2
        st.close()
    finally:
        set_default_clock(None)

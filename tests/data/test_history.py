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

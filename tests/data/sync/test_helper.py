"""Received events read and checked ahead of the store (data.store.prepare), in the helper
process (data.sync.helper): the store must end up the same whichever way a batch was read,
pulled pages and bundle slices must reach it in order, and a helper that dies must change
nothing but the speed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
import signal
import sqlite3
import threading
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest

import data.sync.bundle as bundle_mod
import data.sync.hub_client as client_mod
from data.store import Command, IngestResult, Store, StoreError
from data.store.envelope import Event, LazyEvent, canonical_json, link, uuid7
from data.store.prepare import Prepared, prepare
from data.sync import peers
from data.sync.bundle import export_bundle, import_bundle, read_bundle
from data.sync.client import HubClient, PeerConfig, SyncEngine
from data.sync.helper import Helper, helper
from data.sync.wire import prepare_lines, prepare_lines_packed, unzstd_limited, zstd_bytes
from tests.data.helpers import send, snapshot
from tests.data.sync.factory import fill

# ---------------------------------------------------------------- tools


@pytest.fixture
def running_helper() -> Helper:
    """The process-wide helper, up and running (it stays up for later tests)."""
    h = helper()
    assert h.wait_ready(60), "the helper process did not start"
    return h


@pytest.fixture
def engines() -> Iterator[Callable[..., SyncEngine]]:
    made: list[SyncEngine] = []

    def make(st: Store, url: str, token: str, **kw: Any) -> SyncEngine:
        kw.setdefault("backoff_base", 0.01)
        kw.setdefault("backoff_cap", 0.05)
        kw.setdefault("timeout", (2.0, 10.0))
        e = SyncEngine(st, [PeerConfig(url, token)], **kw)
        made.append(e)
        return e

    yield make
    for e in made:
        e.close()


class Submits:
    """Counts what :meth:`Helper.submit` did: futures handed out, and refusals (None)."""

    def __init__(self) -> None:
        self.futures = 0
        self.refused = 0


def spy_submit(monkeypatch: pytest.MonkeyPatch, off: bool = False) -> Submits:
    """Spy on the helper's submit; ``off``: the helper is not running (every submit None)."""
    seen = Submits()
    real = Helper.submit

    def submit(self: Helper, fn: Callable[..., Any], *args: Any) -> Future[Any] | None:
        fut = None if off else real(self, fn, *args)
        if fut is None:
            seen.refused += 1
        else:
            seen.futures += 1
        return fut

    monkeypatch.setattr(Helper, "submit", submit)
    return seen


def spy_ingest(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The event ids of every batch a store is given, in the order given."""
    batches: list[list[str]] = []
    real = Store.ingest

    def ingest(self: Store, items: Any) -> IngestResult:
        if isinstance(items, Prepared):
            batches.append([e.id for e in items.events])
        return real(self, items)

    monkeypatch.setattr(Store, "ingest", ingest)
    return batches


def wire(st: Store) -> list[dict[str, Any]]:
    return [e.to_wire() for e in st.iter_events()]


def own(st: Store) -> list[dict[str, Any]]:
    return [e.to_wire() for e in st.iter_events() if e.origin == st.node_id]


def same_events(b: Store, c: Store) -> None:
    """Give b and c each other's own events (their registrations): equal pictures then mean
    they took in the same events from elsewhere and folded them the same."""
    b_own, c_own = own(b), own(c)
    assert not b.ingest(c_own).rejected
    assert not c.ingest(b_own).rejected
    assert b.event_count() == c.event_count()
    assert b.fingerprint() == c.fingerprint()


def foreign_heads(st: Store) -> dict[str, int]:
    """The store's heads of origins other than itself (what it took in)."""
    return {o: n for o, n in st.heads().items() if o != st.node_id}


def max_local_seq(st: Store) -> int:
    c = sqlite3.connect(st.path)
    try:
        return int(c.execute("SELECT max(local_seq) FROM event").fetchone()[0])
    finally:
        c.close()


def saved_push_cursor(st: Store) -> int:
    c = sqlite3.connect(st.path)
    try:
        ((hub_id, world, url, push, pull, ok),) = peers.all_peers(c)
        return int(push)
    finally:
        c.close()


def mixed_lines(st: Store) -> tuple[list[bytes], dict[str, int]]:
    """The store's events as bundle lines, shuffled, with what must come out of them refused
    or doubled: a repeated event, a line that is not JSON, JSON that is no event, an event of
    another world and one with a bad payload. Returns the lines and how many of each."""
    evs = wire(st)
    lines = [canonical_json(e).encode() for e in evs]
    other = dict(evs[3], id=uuid7(), world="OEF-2026-01")
    bad = dict(evs[4], id=uuid7(), type="journal.logged", payload={"kanaal": 5})
    lines += [lines[5], b"{kapot", b'{"id": "geen-gebeurtenis"}',
              canonical_json(other).encode(), canonical_json(bad).encode()]
    random.Random(3).shuffle(lines)
    return lines, {"events": len(evs), "duplicates": 1, "unreadable": 2, "refused": 2}


def chain_store(store_factory: Callable[..., Store]) -> Store:
    """A store whose arrival order interleaves three origins (as a relaying centre's)."""
    a, x, y = store_factory("vnog"), store_factory("vrbzo"), store_factory("kcr2")
    for r in range(3):
        for st in (a, x, y):
            fill(st, 12, seed=r)
        send(x, a)
        send(y, a)
    assert len(a.heads()) == 3
    return a


# ---------------------------------------------------------------- the helper itself


def test_a_helper_that_is_not_running_is_not_used(monkeypatch):
    h = Helper()  # (its own, never the process-wide one)
    assert not h.ready
    assert h.submit(os.getpid) is None
    assert h.run(os.getpid) == os.getpid()  # done here instead
    monkeypatch.setenv("CRISISBEELD_HELPER", "0")
    assert not Helper.allowed()
    assert not h.wait_ready(0)  # switched off: not even started
    assert h.submit(os.getpid) is None and h.run(os.getpid) == os.getpid()
    h.close()


def test_a_helper_is_used_only_once_it_runs(monkeypatch):
    warmed = threading.Event()
    held: list[tuple[Any, Future[bool]]] = []
    real = Helper._warmed

    def hold(self: Helper, pool: Any, f: Future[bool]) -> None:
        held.append((pool, f))
        warmed.set()

    monkeypatch.setattr(Helper, "_warmed", hold)
    h = Helper()
    try:
        h.start()
        assert warmed.wait(60)  # the process is up, but not yet known to be
        assert not h.ready and h.submit(os.getpid) is None
        assert h.run(os.getpid) == os.getpid()
        real(h, *held[0])
        assert h.ready and h.run(os.getpid) != os.getpid()
    finally:
        h.close()


def test_a_helper_that_is_killed_is_forgotten_and_the_work_done_here():
    h = Helper()
    try:
        assert h.wait_ready(60)
        pid = h.run(os.getpid)
        assert pid != os.getpid()
        os.kill(pid, signal.SIGKILL)  # the helper process this test started
        assert h.run(str.upper, "klaar") == "KLAAR"  # done here: that helper is broken
        assert h.run(os.getpid) == os.getpid()  # no helper any more: here
        assert not h.ready
        assert h.wait_ready(60)  # a new one starts on demand
        assert h.run(os.getpid) not in (pid, os.getpid())
    finally:
        h.close()
    assert not h.ready and h.submit(os.getpid) is None



def test_forget_drops_only_a_broken_helper():
    """A late failure of an old helper's job must not stop a newer helper that runs."""
    h = Helper()
    try:
        assert h.wait_ready(60)
        pid = h.run(os.getpid)
        h.forget()  # nothing is broken
        assert h.ready and h.run(os.getpid) == pid
    finally:
        h.close()


def _never_starts() -> bool:
    raise RuntimeError("deze helper start niet")


def test_a_helper_that_cannot_start_is_tried_a_few_times_only(monkeypatch):
    """A helper that fails to start (a broken build) is not started again for every page."""
    import data.sync.helper as helper_mod

    monkeypatch.setattr(helper_mod, "_warm", _never_starts)
    h = Helper()
    try:
        for _ in range(helper_mod.MAX_FAILURES):
            assert not h.wait_ready(60)  # started, failed, dropped
            assert h._pool is None  # noqa: SLF001
        h.start()
        assert h._pool is None and not h.ready  # noqa: SLF001 - given up
        assert h.run(os.getpid) == os.getpid()  # the work is done here
    finally:
        h.close()


# ---------------------------------------------------------------- Prepared


def test_prepared_round_trip_keeps_every_field(store_factory):
    st = store_factory("vnog")
    fill(st, 30, seed=2)
    st.execute(Command("journal.logged", {"channel": "NCV", "text": 'Zoë "x" \\ \u2028 😀'}),
               "OL \"Zoë\"")
    st.execute(Command("bijstand.requested", {
        "requesting_region": "VNOG", "addressed_to": "KCR2",
        "capability": "aggregaten_noodstroom", "quantity": 10**20}), "IM")
    lines, want = mixed_lines(st)
    prep = prepare_lines(lines, "LIVE")
    assert len(prep.events) == want["events"] + want["refused"]
    assert len(prep.duplicates) == want["duplicates"]
    assert len(prep.unreadable) == want["unreadable"]
    assert sum(bool(r) for r in prep.reasons) == want["refused"]
    extra = {"next": 41, "more": True, "tekst": "Zoë"}

    back, got = Prepared.from_bytes(prep.to_bytes(extra))

    assert got == extra
    assert back.world == prep.world == "LIVE"
    assert back.events == prep.events  # every envelope field (the dataclass's equality)
    assert [e.to_wire() for e in back.events] == [e.to_wire() for e in prep.events]
    assert [e.payload_json for e in back.events] == [e.payload_json for e in prep.events]
    assert [e.payload for e in back.events] == [e.payload for e in prep.events]
    assert [type(e.seq) for e in back.events] == [int] * len(prep.events)
    assert back.hashes == prep.hashes == [e.digest() for e in back.events]
    assert back.links == prep.links == [link(h, e.sig) for e, h in zip(back.events, back.hashes)]
    assert back.reasons == prep.reasons
    assert back.unreadable == prep.unreadable
    assert back.duplicates == prep.duplicates
    assert len(back) == len(prep) == len(lines)
    # a store takes the copy as it takes the original
    s1, s2 = store_factory("vggm"), store_factory("vrgz")
    r1, r2 = s1.ingest(prep), s2.ingest(back)
    assert (r2.accepted, r2.duplicates, r2.rejected) == (r1.accepted, r1.duplicates, r1.rejected)
    assert len(r1.accepted) == want["events"]
    same_events(s1, s2)
    # an empty batch, without extra
    assert Prepared.from_bytes(Prepared("LIVE").to_bytes()) == (Prepared("LIVE"), None)


def test_a_batch_from_bytes_reads_each_payload_only_when_asked(store_factory):
    st = store_factory("vnog")
    st.execute(Command("journal.logged", {"channel": "NCV", "text": "dijk 1,5 m gezakt"}), "OL")
    st.execute(Command("bijstand.requested", {
        "requesting_region": "VNOG", "addressed_to": "KCR2",
        "capability": "aggregaten_noodstroom", "quantity": 10**20}), "IM")
    prep = prepare(list(st.iter_events()), "LIVE")
    back, _ = Prepared.from_bytes(prep.to_bytes())
    slot = Event.__dict__["payload"]
    assert all(type(e) is LazyEvent for e in back.events)
    assert [slot.__get__(e, Event) for e in back.events] == [None] * len(back.events)
    # equal to the original both ways round, before and after the payload was read
    assert back.events == prep.events and prep.events == back.events
    assert [e.payload for e in back.events] == [e.payload for e in prep.events]
    assert back.events[-1].payload["quantity"] == 10**20  # read as json reads it
    assert back.events == prep.events and prep.events == back.events
    # read once: a change to it stays, as with an Event's payload dict
    back.events[-1].payload["x"] = 1
    assert back.events[-1].payload["x"] == 1
    assert back.events[0] != dataclasses.replace(prep.events[0], seq=99)


def test_an_id_held_under_another_origin_is_a_duplicate_even_above_the_head(store_factory):
    """A batch whose events all lie above their origins' heads is taken in without looking
    up each id; an id the store holds under another origin (reused by mistake, or forged)
    then fails the insert, and the batch is taken in again with every id looked up."""
    a, b, s = store_factory("vnog"), store_factory("vggm"), store_factory("kcr2")
    a.execute(Command("journal.logged", {"channel": "NCV", "text": "van VNOG"}), "OL")
    s.ingest(list(a.iter_events()))
    held = list(a.iter_events())[-1]
    b.execute(Command("journal.logged", {"channel": "NCV", "text": "van VGGM"}), "OL")
    reg, mine = list(b.iter_events())[:2]
    reused = dataclasses.replace(mine, id=held.id)  # a valid event of VGGM under VNOG's id
    reused = dataclasses.replace(reused, sig=b._signer.sign(reused.digest()))

    res = s.ingest([reg, reused])

    assert res.accepted == [reg.id] and res.duplicates == [held.id] and res.rejected == []
    assert [e.origin for e in s.iter_events() if e.id == held.id] == ["vnog"]
    assert s.heads()["vggm"] == 1


def test_a_refused_event_is_reported_alike_whatever_else_its_batch_holds(store_factory):
    """An event under an id the store holds, that would be refused anyway (a bad signature),
    is a duplicate, as when each id is looked up: whether the batch also holds events at or
    below their heads (which makes the store look up each id) does not change the report."""
    a, b = store_factory("vnog"), store_factory("vggm")
    a.execute(Command("journal.logged", {"channel": "NCV", "text": "van VNOG"}), "OL")
    held = list(a.iter_events())[-1]
    b.execute(Command("journal.logged", {"channel": "NCV", "text": "van VGGM"}), "OL")
    reg, mine = list(b.iter_events())[:2]
    forged = dataclasses.replace(mine, id=held.id)  # its signature no longer holds
    reports = []
    for with_old in (False, True):
        s = store_factory("kcr2")
        s.ingest(list(a.iter_events()))
        res = s.ingest(([held] if with_old else []) + [reg, forged])
        reports.append((res.accepted, sorted(set(res.duplicates)), res.rejected, res.held))
    assert reports[0] == reports[1] == ([reg.id], [held.id], [], [])


def test_a_batch_prepared_in_the_helper_ingests_like_wire_dicts(store_factory,
                                                                running_helper):
    a = chain_store(store_factory)
    lines, want = mixed_lines(a)
    assert running_helper.submit(os.getpid).result(60) != os.getpid()  # another process

    direct = store_factory("vggm")
    items: list[Any] = []
    for line in lines:
        try:
            items.append(json.loads(line))
        except ValueError:
            items.append(line.decode())  # not JSON: not an event either
    r1 = direct.ingest(items)

    via = store_factory("vrgz")
    fut = running_helper.submit(prepare_lines_packed, lines, "LIVE")
    assert fut is not None
    prep, extra = Prepared.from_bytes(fut.result(60))
    assert extra is None
    r2 = via.ingest(prep)

    assert r2.accepted == r1.accepted and len(r1.accepted) == want["events"]
    assert r2.duplicates == r1.duplicates and len(r1.duplicates) == want["duplicates"]
    assert sorted(i for i, _ in r2.rejected) == sorted(i for i, _ in r1.rejected)
    assert len(r1.rejected) == want["unreadable"] + want["refused"]
    # events that were read: the same reasons either way
    assert {i: why for i, why in r2.rejected if i != "?"} == \
        {i: why for i, why in r1.rejected if i != "?"}
    reasons = " ".join(why for _, why in r2.rejected)
    assert "andere wereld" in reasons and "ongeldige inhoud" in reasons
    assert "geen JSON" in reasons and "velden ontbreken" in reasons
    assert r2.span is not None and r2.span[1] - r2.span[0] + 1 == len(r2.accepted)
    assert foreign_heads(direct) == foreign_heads(via) == a.heads()
    same_events(direct, via)


def test_a_batch_prepared_for_another_world_is_refused(store_factory):
    a = store_factory("vnog")
    fill(a, 10)
    oef = store_factory("vggm", "OEF-2026-01")
    prep = prepare(wire(a), "LIVE")
    assert not any(prep.reasons)  # right for LIVE
    before = snapshot(oef)
    with pytest.raises(StoreError, match="voorbereid voor wereld LIVE"):
        oef.ingest(prep)
    assert snapshot(oef) == before
    # the same events as dicts: each refused on its own, nothing stored either
    res = oef.ingest(wire(a))
    assert len(res.rejected) == 11 and all("andere wereld" in w for _, w in res.rejected)
    assert snapshot(oef) == before


# ---------------------------------------------------------------- bundles


@pytest.fixture
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundle slices of 7 events, every one worth the helper."""
    monkeypatch.setattr(bundle_mod, "IMPORT_SLICE", 7)
    monkeypatch.setattr(bundle_mod, "MIN_EVENTS", 1)


def test_bundle_import_through_the_helper_is_the_import_without_it(
        store_factory, tmp_path, monkeypatch, running_helper, small_slices):
    a = store_factory("vnog")
    fill(a, 100, seed=1)
    path = export_bundle(a, tmp_path / "a.cbb").path
    _, lines = read_bundle(path)

    with monkeypatch.context() as m:
        seen = spy_submit(m)
        batches = spy_ingest(m)
        b = store_factory("vggm")
        rb = import_bundle(b, path)
    assert seen.futures >= 1, "the helper was not used"
    assert [i for batch in batches for i in batch] == [e["id"] for e in lines]
    assert max(map(len, batches)) == 7

    with monkeypatch.context() as m:
        m.setenv("CRISISBEELD_HELPER", "0")
        # the variable only keeps a helper from starting; one started by an earlier test
        # runs on, so it is also shown as not running
        off = spy_submit(m, off=True)
        c = store_factory("vrgz")
        rc = import_bundle(c, path)
    assert off.futures == 0 and off.refused >= 1  # offered, and read here instead

    assert rb.accepted == rc.accepted and len(rb.accepted) == 101
    assert not rb.rejected and not rc.rejected and not rb.duplicates
    assert len(rb.changes.events) == 101
    assert foreign_heads(b) == foreign_heads(c) == a.heads()
    same_events(b, c)


@pytest.mark.parametrize("lost", [BrokenProcessPool("de helper is weg"), CancelledError()],
                         ids=["broken", "cancelled"])
def test_a_helper_that_died_changes_nothing_but_the_speed(store_factory, tmp_path,
                                                          monkeypatch, small_slices, lost):
    a = chain_store(store_factory)
    path = export_bundle(a, tmp_path / "a.cbb").path
    c = store_factory("vrgz")
    with monkeypatch.context() as m:
        spy_submit(m, off=True)
        rc = import_bundle(c, path)

    offered: list[Any] = []
    forgotten: list[bool] = []

    def dead(self: Helper, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        offered.append(fn)
        fut: Future[Any] = Future()
        fut.set_exception(lost)
        return fut

    monkeypatch.setattr(Helper, "submit", dead)
    # (the real forget would stop the helper process other tests use)
    monkeypatch.setattr(Helper, "forget", lambda self: forgotten.append(True))
    b = store_factory("vggm")
    rb = import_bundle(b, path)
    assert offered and set(offered) == {prepare_lines_packed}
    assert len(forgotten) == len(offered)  # every broken future: forgotten, read here
    assert rb.accepted == rc.accepted and not rb.rejected and not rb.duplicates
    assert len(rb.accepted) == a.event_count()
    same_events(b, c)


def test_bundle_slices_reach_the_store_in_order_whatever_order_they_are_read(
        store_factory, tmp_path, monkeypatch, small_slices):
    """Slices go to the helper and are read here as well; the helper's answers come back
    newest first. The store still gets them in the bundle's order, so no origin's chain is
    ever broken (which would show as rejections 'later opnieuw')."""
    a = chain_store(store_factory)
    path = export_bundle(a, tmp_path / "a.cbb").path
    _, lines = read_bundle(path)
    first_line = {e["id"]: k for k, e in enumerate(lines)}
    jobs: list[tuple[Future[bytes], Callable[..., bytes], tuple[Any, ...]]] = []
    answered: list[int] = []  # bundle position of each slice the "helper" answered

    class Late(Future):  # type: ignore[type-arg]
        """Answered when one is first waited on: all open jobs, newest first."""

        def result(self, timeout: float | None = None) -> Any:
            while jobs:
                fut, fn, args = jobs.pop()
                answered.append(first_line[json.loads(args[0][0])["id"]])
                fut.set_result(fn(*args))
            return super().result(timeout)

    def submit(self: Helper, fn: Callable[..., bytes], *args: Any) -> Future[bytes]:
        fut: Future[bytes] = Late()
        jobs.append((fut, fn, args))
        return fut

    here: list[int] = []
    real_prepare = bundle_mod.prepare_lines

    def prepare_here(lines_: list[bytes], world: str, first: int = 1) -> Prepared:
        here.append(first_line[json.loads(lines_[0])["id"]])
        return real_prepare(lines_, world, first)

    monkeypatch.setattr(Helper, "submit", submit)
    monkeypatch.setattr(bundle_mod, "prepare_lines", prepare_here)
    batches = spy_ingest(monkeypatch)
    b = store_factory("vggm")
    res = import_bundle(b, path)

    assert here and answered  # both ways were used ...
    assert answered != sorted(answered)  # ... and the answers came out of order
    assert [i for batch in batches for i in batch] == [e["id"] for e in lines]
    assert not res.rejected and not res.duplicates and len(res.accepted) == len(lines)
    assert foreign_heads(b) == a.heads()


def test_bundle_slices_in_order_with_the_real_helper(store_factory, tmp_path, monkeypatch,
                                                    running_helper, small_slices):
    a = chain_store(store_factory)
    path = export_bundle(a, tmp_path / "a.cbb").path
    _, lines = read_bundle(path)
    seen = spy_submit(monkeypatch)
    batches = spy_ingest(monkeypatch)
    b = store_factory("vggm")
    res = import_bundle(b, path)
    assert seen.futures >= 1
    assert [i for batch in batches for i in batch] == [e["id"] for e in lines]
    assert not res.rejected and len(res.accepted) == len(lines)
    assert foreign_heads(b) == a.heads()
    assert b.event_count() == a.event_count() + 1


@pytest.mark.parametrize("via_helper", [True, False], ids=["helper", "here"])
def test_a_line_that_is_not_json_in_a_sound_bundle_is_refused_on_its_own(
        store_factory, tmp_path, monkeypatch, via_helper):
    a = chain_store(store_factory)
    path = export_bundle(a, tmp_path / "a.cbb").path
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        lines = unzstd_limited(z.read("events.jsonl.zst")).split(b"\n")
    lines.insert(10, b'{"id": "afgebroken", "wor')  # written so by the bundle's maker
    body = b"\n".join(lines)
    manifest["sha256"] = hashlib.sha256(body).hexdigest()
    manifest["events"] += 1
    bad = tmp_path / "bad.cbb"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("events.jsonl.zst", zstd_bytes(body))
    seen = spy_submit(monkeypatch, off=not via_helper)
    if via_helper:
        assert helper().wait_ready(60)
        monkeypatch.setattr(bundle_mod, "IMPORT_SLICE", 7)
        monkeypatch.setattr(bundle_mod, "MIN_EVENTS", 1)
    b = store_factory("vggm")
    res = import_bundle(b, bad)
    assert (seen.futures > 0) is via_helper
    ((rid, why),) = res.rejected
    assert rid == "?" and "geen JSON" in why
    assert "regel 11 " in why, why  # its line in events.jsonl, not in its slice
    assert len(res.accepted) == a.event_count() and not res.duplicates
    assert foreign_heads(b) == a.heads()


# ---------------------------------------------------------------- pull


@pytest.fixture
def pushed(sql_hub, store_factory, engines) -> Store:
    """A store whose 301 events are on the hub."""
    a = store_factory("vnog")
    fill(a, 300, seed=1)
    s = engines(a, sql_hub.url, sql_hub.enroll("vnog")).sync_once()
    assert s.status == "online" and s.peers[0].pushed == 301, s.last_error
    return a


def pages_fetched(monkeypatch: pytest.MonkeyPatch, headers: bool = True) -> list[int]:
    """Count the pull pages; without ``headers`` the hub's next/more headers are dropped
    (an older hub)."""
    afters: list[int] = []
    real = HubClient.fetch_page

    def fetch_page(self: HubClient, world: str, after: int,
                   limit: int) -> tuple[bytes, int | None, bool]:
        afters.append(after)
        body, nxt, more = real(self, world, after, limit)
        return (body, nxt, more) if headers else (body, None, False)

    monkeypatch.setattr(HubClient, "fetch_page", fetch_page)
    return afters


def pull_into_fresh(sql_hub, store_factory, engines, pushed: Store) -> SyncEngine:
    b = store_factory("vrbzo")
    eb = engines(b, sql_hub.url, sql_hub.enroll("vrbzo"), pull_limit=40)
    s = eb.sync_once()
    assert s.status == "online", s.last_error
    assert s.peers[0].pulled == 301 and s.peers[0].rejected == 0 and s.backlog == 0
    same_events(pushed, b)
    return eb


def test_pull_pages_read_in_the_helper(sql_hub, store_factory, engines, pushed, monkeypatch,
                                       running_helper):
    monkeypatch.setattr(client_mod, "MIN_BYTES", 0)  # every page to the helper
    seen = spy_submit(monkeypatch)
    batches = spy_ingest(monkeypatch)
    afters = pages_fetched(monkeypatch)
    hub_order = [e.id for e in pushed.iter_events()]  # (the hub got them in this order)
    eb = pull_into_fresh(sql_hub, store_factory, engines, pushed)
    assert len(afters) >= 8 and afters == sorted(set(afters))  # each page once, in order
    assert seen.futures == len(afters)  # every page read in the helper
    # the pages reach the store in the hub's order (b's own registration came back last)
    assert [i for batch in batches for i in batch] == hub_order + [own(eb.store)[0]["id"]]


@pytest.mark.parametrize("in_helper", [True, False], ids=["helper", "here"])
def test_pull_from_a_hub_without_the_next_headers(sql_hub, store_factory, engines, pushed,
                                                  monkeypatch, running_helper, in_helper):
    if in_helper:
        monkeypatch.setattr(client_mod, "MIN_BYTES", 0)
    seen = spy_submit(monkeypatch)
    afters = pages_fetched(monkeypatch, headers=False)
    pull_into_fresh(sql_hub, store_factory, engines, pushed)
    assert len(afters) >= 8 and afters == sorted(set(afters))
    assert (seen.futures >= 1) is in_helper


@pytest.mark.parametrize("lost", [BrokenProcessPool("de helper is weg"), CancelledError()],
                         ids=["broken", "cancelled"])
def test_pull_with_a_helper_that_died(sql_hub, store_factory, engines, pushed, monkeypatch,
                                      lost):
    monkeypatch.setattr(client_mod, "MIN_BYTES", 0)
    forgotten: list[bool] = []

    def dead(self: Helper, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        fut.set_exception(lost)
        return fut

    monkeypatch.setattr(Helper, "submit", dead)
    monkeypatch.setattr(Helper, "forget", lambda self: forgotten.append(True))
    pull_into_fresh(sql_hub, store_factory, engines, pushed)
    assert forgotten


# ---------------------------------------------------------------- push cursor and coding


def spy_push_cursor(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The push cursor each time the engine starts to push."""
    at: list[int] = []
    real = SyncEngine._push

    def push(self: SyncEngine, p: Any, hub_id: str, cur: peers.Cursors) -> str:
        at.append(cur.push)
        return real(self, p, hub_id, cur)

    monkeypatch.setattr(SyncEngine, "_push", push)
    return at


def test_after_a_pull_the_push_cursor_moves_over_what_came_from_the_hub(
        sql_hub, store_factory, engines, pushed, monkeypatch):
    at = spy_push_cursor(monkeypatch)
    eb = pull_into_fresh(sql_hub, store_factory, engines, pushed)
    top = max_local_seq(eb.store)
    assert top == 302
    # push, pull, push: the second push starts past the pulled events, not at them
    assert at == [0, top]
    assert eb.state.peers[0].push_cursor == top == saved_push_cursor(eb.store)


def test_a_local_event_waiting_before_a_pull_is_still_pushed(sql_hub, store_factory, engines,
                                                             pushed):
    a = pushed
    ea = engines(a, sql_hub.url, sql_hub.enroll("vnog"))
    b = store_factory("vrbzo")
    eb = engines(b, sql_hub.url, sql_hub.enroll("vrbzo"), pull_limit=40)
    assert eb.sync_once().backlog == 0
    synced = eb.state.peers[0].push_cursor
    assert synced == max_local_seq(b)
    b.execute(Command("journal.logged", {"channel": "NCV", "text": "nog niet verstuurd"}), "OL")
    mine = b.heads()["vrbzo"]
    fill(a, 50, seed=7)
    assert ea.sync_once().peers[0].pushed == 50
    # a round that pulls before it pushes (the push is held back)
    eb._push = lambda p, hub_id, cur: ""  # type: ignore[method-assign]
    s = eb.sync_once()
    assert s.status == "online" and s.peers[0].pulled == 301 + 50
    assert max_local_seq(b) == synced + 1 + 50
    # the cursor did not jump over the local event that came before the pulled ones
    assert s.peers[0].push_cursor == saved_push_cursor(b) == synced
    assert sql_hub.log.heads("LIVE")["vrbzo"] == mine - 1
    del eb._push
    s = eb.sync_once()
    assert s.backlog == 0 and s.peers[0].pushed == 2  # the registration, then this one
    assert sql_hub.log.heads("LIVE")["vrbzo"] == mine
    ea.sync_once()
    assert a.fingerprint() == b.fingerprint()


def test_pushes_are_zstd_when_the_hub_reads_it_else_gzip(sql_hub, store_factory, engines,
                                                         monkeypatch):
    codings: list[str] = []
    real = HubClient.push_body

    def push_body(self: HubClient, world: str, body: bytes, coding: str = "gzip") -> Any:
        codings.append(coding)
        return real(self, world, body, coding)

    monkeypatch.setattr(HubClient, "push_body", push_body)
    a = store_factory("vnog")
    fill(a, 20)
    ea = engines(a, sql_hub.url, sql_hub.enroll("vnog"))
    assert ea.sync_once().peers[0].pushed == 21
    assert codings and set(codings) == {"zstd"}
    assert sql_hub.log.counts("LIVE")["events"] == 21

    cl = HubClient(PeerConfig(sql_hub.url, "x"))
    try:
        assert cl.push_coding == "gzip"  # until the hub said otherwise
        assert "zstd" in cl.health()["encodings"] and cl.push_coding == "zstd"
        body, coding = cl.pack(b'{"events":[]}')
        assert coding == "zstd" and unzstd_limited(body) == b'{"events":[]}'
        # an older hub lists no encodings: gzip, which every hub reads
        monkeypatch.setattr(HubClient, "_call", lambda self, *a, **kw: {"hub_id": "oud"})
        cl.health()
        assert cl.push_coding == "gzip" and cl.pack(b"x")[1] == "gzip"
    finally:
        cl.close()


def test_a_pull_whose_producer_never_ran_ends_instead_of_waiting_for_ever():
    """The engine shut down before the page producer started (its future cancelled): the
    store's side of the pull gives up with LinkDown rather than wait for pages."""
    from data.sync.client import LinkDown, _PageReader

    reader = _PageReader(HubClient(PeerConfig("http://127.0.0.1:9", "x")), "LIVE")
    producing: Future[None] = Future()
    assert producing.cancel()
    with pytest.raises(LinkDown, match="gestopt"):
        list(reader.pages(producing))
    done: Future[None] = Future()
    done.set_result(None)  # ended without a word (cannot happen, but must not hang)
    assert list(reader.pages(done)) == []
    reader.client.close()

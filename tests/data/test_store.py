"""The store's doors: execute and ingest. Refusals change nothing; worlds never mix; tampered
events are refused; ingest is idempotent; clock drift raises an alarm; late events re-fold."""

from __future__ import annotations

import json
import time

import pytest

from data.domain.validation import ValidationError
from data.store import Command, Store, StoreError
from data.store.envelope import Event, canonical_json
from data.store.hlc import Hlc, decode, encode
from tests.data.helpers import bijstand, exchange, incident, move, new, send, skew, snapshot

# ---------------------------------------------------------------- create / open

def test_create_and_open_errors(tmp_path, store_factory):
    with pytest.raises(StoreError, match="node-id"):
        Store.create(tmp_path / "a.db", "met spatie")
    with pytest.raises(StoreError, match="wereld 'OEFENING'"):
        Store.create(tmp_path / "a.db", "vnog", "OEFENING")
    st = store_factory("vnog")
    with pytest.raises(StoreError, match="bestaat al"):
        Store.create(st.path, "vnog")
    with pytest.raises(StoreError, match="bestaat niet"):
        Store.open(tmp_path / "nergens.db")
    (tmp_path / "rommel.db").write_bytes(b"dit is geen database" * 100)
    with pytest.raises(StoreError, match="geen Crisisbeeld-store"):
        Store.open(tmp_path / "rommel.db")


def test_reopen_keeps_identity_chain_and_picture(tmp_path):
    st = Store.create(tmp_path / "s.db", "vnog", "OEF-2026-01", "VNOG")
    iid = new(st, incident())
    fp, key = st.fingerprint(), st.public_key
    st.close()
    with Store.open(tmp_path / "s.db") as st2:
        assert (st2.node_id, st2.world, st2.name) == ("vnog", "OEF-2026-01", "VNOG")
        assert st2.public_key == key and st2.fingerprint() == fp
        move(st2, iid, "incident.status_changed", "actief")
        assert st2.heads() == {"vnog": 3}
        assert [o["origin"] for o in st2.origins()] == ["vnog"]


def test_readonly_store_refuses_writes(tmp_path):
    Store.create(tmp_path / "s.db", "vnog").close()
    with Store.open(tmp_path / "s.db", readonly=True) as st:
        with pytest.raises(StoreError, match="alleen-lezen"):
            st.execute(incident(), "IM")
        assert st.event_count() == 1


# ---------------------------------------------------------------- refused commands

REFUSED = [
    (Command("incident.reported", {"title": "x"}), "soort"),
    (Command("incident.reported", {"title": "x", "kind": "k", "regions": ["VNOG"],
                                   "classification": "Stg. Geheim"}), "rubricering"),
    (Command("incident.reported", {"title": "x", "kind": "k", "regions": ["VNOG"],
                                   "kleur": "rood"}), "kleur"),
    (Command("incident.reported", ["geen", "object"]), ""),
    (Command("bestaat.niet", {}), "type"),
    (Command("incident.updated", {"title": "x"}, entity="onbekend"), "id"),
    (Command("incident.updated", {"title": "x"}, entity="met spatie"), "id"),
    (Command("bijstand.requested", {"requesting_region": "VNOG", "addressed_to": "KCR2",
                                    "quantity": 1}), "capaciteit"),
]


@pytest.mark.parametrize("cmd,field", REFUSED)
def test_refused_command_changes_nothing(store_factory, cmd, field):
    st = store_factory()
    new(st, incident())
    before = snapshot(st)
    with pytest.raises(ValidationError) as ei:
        st.execute(cmd, "IM VNOG")
    assert ei.value.field == field
    assert snapshot(st) == before


def test_author_required_and_bounded(store_factory):
    st = store_factory()
    before = snapshot(st)
    for author, msg in (("  ", "auteur: vul in wie dit invoert"),
                        ("x" * 121, "auteur: is te lang (hoogstens 120 tekens)")):
        with pytest.raises(ValidationError) as ei:
            st.execute(incident(), author)
        assert str(ei.value) == msg
    assert snapshot(st) == before


def test_existing_id_and_wrong_kind_refused(store_factory):
    st = store_factory()
    iid = new(st, incident())
    bid = new(st, bijstand())
    before = snapshot(st)
    with pytest.raises(ValidationError, match="bestaat al"):
        st.execute(Command("incident.reported", incident().payload, entity=iid), "IM")
    with pytest.raises(ValidationError, match="is een bijstand, geen incident"):
        st.execute(Command("incident.updated", {"title": "x"}, entity=bid), "IM")
    assert snapshot(st) == before


def test_batch_with_one_bad_command_changes_nothing(store_factory):
    st = store_factory()
    before = snapshot(st)
    with pytest.raises(ValidationError):
        st.execute([incident("goed"), Command("incident.reported", {"title": "slecht"})], "IM")
    assert snapshot(st) == before
    # the own chain continues without a gap after the rollback
    new(st, incident())
    assert st.heads()[st.node_id] == 2


def test_refused_command_inside_an_open_transaction_changes_nothing(store_factory):
    st = store_factory()
    iid = new(st, incident())
    with st.transaction() as tx:
        move(st, iid, "incident.status_changed", "actief")
        mid = snapshot_inside = (len(tx.events), dict(tx.entities))
        with pytest.raises(ValidationError):
            st.execute([Command("incident.picture_updated", {"beeld": "nieuw"}, entity=iid),
                        Command("incident.status_changed", {"to": "gemeld"}, entity=iid)], "IM")
        assert (len(tx.events), dict(tx.entities)) == snapshot_inside
        with pytest.raises(ValidationError):
            st.execute(Command("incident.reported", {"title": "half"}), "IM")
        new(st, bijstand())
    assert mid[0] == 1
    e = st.entity(iid)
    assert e["status"] == "actief" and "beeld" not in e
    assert st.event_count() == 4 and st.heads()[st.node_id] == 4
    fp = st.fingerprint()
    st.rebuild()
    assert st.fingerprint() == fp


def test_changes_report_what_changed(store_factory):
    st = store_factory()
    ch = st.execute([incident(), bijstand()], "IM")
    assert len(ch.events) == 2 and ch.kinds == {"incident", "bijstand"} and ch
    assert ch.touches("bijstand") and not ch.touches("decision") and not ch.conflicts
    other = st.execute(incident(), "IM")
    ch.merge(other)
    assert len(ch.events) == 3


# ---------------------------------------------------------------- worlds

def test_other_world_refused_at_ingest(store_factory):
    live, oef = store_factory("vnog", "LIVE"), store_factory("vggm", "OEF-2026-01")
    new(oef, incident())
    before = snapshot(live)
    res = live.ingest([e.to_wire() for e in oef.iter_events()])
    assert not res.accepted and len(res.rejected) == 2
    assert all(r.startswith("andere wereld (OEF-2026-01); deze store is LIVE")
               for _, r in res.rejected)
    assert snapshot(live) == before


# ---------------------------------------------------------------- tampering

@pytest.fixture
def pair(store_factory):
    a, b = store_factory("vnog"), store_factory("vggm")
    iid = new(a, incident())
    move(a, iid, "incident.status_changed", "actief")
    return a, b, [e.to_wire() for e in a.iter_events()]


def test_changed_payload_fails_signature(pair):
    a, b, wire = pair
    wire[-1]["payload"]["to"] = "afgeschaald"
    wire[-1]["payload"]["from"] = "gemeld"
    before = snapshot(b)
    res = b.ingest([wire[-1]])
    assert res.rejected and "ontbrekende voorganger" in res.rejected[0][1]
    res = b.ingest(wire)
    assert len(res.accepted) == 2
    assert res.rejected == [(wire[-1]["id"], "handtekening ongeldig")]
    assert b.event_count() == before[0] + 2


def test_changed_middle_event_breaks_the_chain(pair):
    a, b, wire = pair
    wire[1]["payload"]["title"] = "Vervalst"
    res = b.ingest(wire)
    # event 2's hash changed, so event 3's prev no longer matches, and event 2's own
    # signature fails
    assert sorted(res.rejected) == sorted([(wire[2]["id"], "ketenverwijzing (prev) klopt niet"),
                                           (wire[1]["id"], "handtekening ongeldig")])
    assert res.accepted == [wire[0]["id"]]
    assert b.entity(wire[1]["entity"]) is None


def test_changed_middle_event_alone(pair):
    a, b, wire = pair
    wire[1]["payload"]["title"] = "Vervalst"
    res = b.ingest(wire[:2])
    assert res.rejected == [(wire[1]["id"], "handtekening ongeldig")]
    assert res.accepted == [wire[0]["id"]]


def test_forged_seq_and_broken_prev(pair, store_factory):
    a, b, wire = pair
    assert len(b.ingest(wire).accepted) == 3
    # a forged event reusing seq 3 of vnog
    forged = dict(wire[2], id="0195f000-0000-7000-8000-000000000001")
    res = b.ingest([forged])
    assert res.rejected == [(forged["id"], "seq 3 van vnog bestaat al met een ander id "
                                           "(vervalst of dubbel uitgegeven)")]
    # a next event whose prev does not point at the real head
    move(a, wire[1]["entity"], "incident.status_changed", "beheerst")
    nxt = [e.to_wire() for e in a.iter_events()][-1]
    bad = dict(nxt, prev="f" * 64)
    res = b.ingest([bad])
    assert res.rejected == [(bad["id"], "ketenverwijzing (prev) klopt niet")]
    # a gap: seq 5 before seq 4
    move(a, wire[1]["entity"], "incident.status_changed", "afgeschaald")
    last = [e.to_wire() for e in a.iter_events()][-1]
    res = b.ingest([last])
    assert "ontbrekende voorganger: verwacht seq 4 van vnog, kreeg 5" in res.rejected[0][1]
    assert b.ingest([nxt, last]).accepted == [nxt["id"], last["id"]]


def test_first_event_must_be_the_registration(pair, store_factory):
    a, b, wire = pair
    c = store_factory("vrgz")
    res = c.ingest(wire[1:])
    assert all("ontbrekende voorganger" in r or "onderbroken" in r for _, r in res.rejected)


def test_malformed_events_refused_with_a_reason(pair):
    a, b, wire = pair
    bad = [
        "geen object",
        {k: v for k, v in wire[0].items() if k != "sig"},
        dict(wire[0], seq=0),
        dict(wire[0], seq=True),
        dict(wire[0], payload=[1]),
        dict(wire[0], author=5),
        dict(wire[0], author="a\x1fb"),
        dict(wire[0], author="\ud800"),
    ]
    before = snapshot(b)
    res = b.ingest(bad)
    assert len(res.rejected) == len(bad) and not res.accepted
    assert all(r.startswith("onleesbare gebeurtenis") for _, r in res.rejected)
    assert "velden ontbreken: sig" in res.rejected[1][1]
    for change, reason in ((dict(hlc="gisteren"), "ongeldige hlc"),
                           (dict(type="incident.ontploft"), "onbekend type"),
                           (dict(sig="ab"), "handtekening of ketenverwijzing ontbreekt"),
                           (dict(occurred_at="ooit"), "ongeldige inhoud"),
                           (dict(payload={"name": "x"}), "ongeldige inhoud")):
        res = b.ingest([dict(wire[0], **change)])
        assert reason in res.rejected[0][1], change
    assert snapshot(b) == before


def test_event_object_folds_its_hashed_payload(pair):
    a, b, wire = pair
    evs = [Event.from_wire(w) for w in wire]
    evs[1].payload = {**evs[1].payload, "title": "Untergeschoben"}
    res = b.ingest(evs)
    assert len(res.accepted) == 3
    assert b.entity(wire[1]["entity"])["title"] == "Stroomuitval"
    assert b.entity(wire[1]["entity"]) == a.entity(wire[1]["entity"])


# ---------------------------------------------------------------- idempotence

def test_ingest_is_idempotent_and_counts_duplicates(pair):
    a, b, wire = pair
    res = b.ingest(wire + wire[:1])
    assert len(res.accepted) == 3 and res.duplicates == [wire[0]["id"]]
    fp = b.fingerprint()
    res = b.ingest(wire)
    assert res.duplicates == [w["id"] for w in wire] and not res.accepted
    assert res.summary() == "0 geaccepteerd, 3 dubbel, 0 geweigerd"
    assert b.fingerprint() == fp
    send(b, a)
    assert b.fingerprint() == a.fingerprint()
    assert b.ingest([]).summary() == "0 geaccepteerd, 0 dubbel, 0 geweigerd"


def test_own_events_coming_back_are_duplicates(pair):
    a, b, wire = pair
    send(a, b)
    res = a.ingest([e.to_wire() for e in b.iter_events()])
    # only b's own registration is new to a
    assert res.accepted == [next(b.iter_events()).id] and len(res.duplicates) == 3


# ---------------------------------------------------------------- clocks

def test_a_clock_far_ahead_is_held_back_with_an_alarm_and_does_not_drag_ours(store_factory):
    """An event stamped more than the drift bound ahead of this store's clock would sort after
    everything written since and win every later update: it is not taken in yet (a retry once
    the clocks agree takes it in), the origin gets a clock-drift alarm, and our clock stays."""
    a, b = store_factory("vnog"), store_factory("vrgz")
    new(b, incident("eerst, klok nog goed"))
    skew(b, 10 * 60 * 1000)  # then b's clock runs 10 minutes ahead
    iid = new(b, incident())
    wire = [e.to_wire() for e in b.iter_events()]
    res = a.ingest(wire)
    assert len(res.accepted) == 2 and res.held == [wire[2]["id"]]
    reason = dict(res.rejected)[wire[2]["id"]]
    assert reason.startswith("klok van vrgz loopt ") and reason.endswith(
        " s voor (meer dan 5 min); later opnieuw")
    assert a.entity(iid) is None
    (alarm,) = a.alarms()
    assert alarm["kind"] == "klokafwijking" and alarm["origin"] == "vrgz"
    assert alarm["detail"].startswith("klok van vrgz loopt ")
    remote_ms = decode(max(e.hlc for e in b.iter_events()))[0]
    now_ms = time.time_ns() // 1_000_000
    assert decode(a._hlc.current())[0] < remote_ms  # noqa: SLF001
    ch = a.execute(incident("lokaal"), "IM")
    mine = [e for e in a.iter_events() if e.id in ch.events][0]
    assert decode(mine.hlc)[0] <= now_ms + 60_000 < remote_ms
    # more events from the same origin update the one open alarm
    move(b, iid, "incident.status_changed", "actief")
    res = a.ingest([e.to_wire() for e in b.iter_events()])
    assert len(res.held) == 2 and len(a.alarms()) == 1
    a.acknowledge_alarm(alarm["id"])
    assert a.alarms() == [] and len(a.alarms(open_only=False)) == 1
    # once this store's clock has caught up, the same events are taken in
    skew(a, 11 * 60 * 1000)
    res = a.ingest([e.to_wire() for e in b.iter_events()])
    assert len(res.accepted) == 2 and not res.held
    assert a.entity(iid)["status"] == "actief"


def test_small_drift_is_followed_without_alarm(store_factory):
    a, b = store_factory("vnog"), store_factory("vrgz")
    skew(b, 60_000)
    new(b, incident())
    send(b, a)
    assert a.alarms() == []
    ch = a.execute(incident(), "IM")
    mine = [e for e in a.iter_events() if e.id in ch.events][0]
    assert mine.hlc > max(e.hlc for e in b.iter_events())


def test_hlc_unit():
    t = [1000]
    h = Hlc(now_ms=lambda: t[0])
    assert h.tick() == encode(1000, 0) and h.tick() == encode(1000, 1)
    t[0] = 999  # wall clock stepped back: still monotonic
    assert h.tick() == encode(1000, 2)
    assert h.observe(encode(1500, 4)) == 0 and h.current() == encode(1500, 4)
    assert h.observe(encode(1000 + 5 * 60_000 + 1, 0)) == 5 * 60_000 + 2
    assert h.current() == encode(1500, 4)


# ---------------------------------------------------------------- late events

def test_late_event_refolds_its_entity_only(store_factory):
    a, b, c = store_factory("vnog"), store_factory("vggm"), store_factory("vrgz")
    iid = new(a, incident())
    other = new(a, incident("ander"))
    exchange(a, b)
    skew(a, -1000)  # a's change is older in fold order than b's
    a.execute(Command("incident.updated", {"title": "van a"}, entity=iid), "IM")
    skew(b, 1000)
    b.execute(Command("incident.updated", {"title": "van b"}, entity=iid), "IM")
    send(b, c)  # c sees b's update first ...
    assert c.entity(iid)["title"] == "van b"
    before_other = c.entity(other)
    res = c.ingest([e.to_wire() for e in a.iter_events()])  # ... then a's older one
    assert len(res.accepted) == 1
    assert c.entity(iid)["title"] == "van b"  # last writer in (hlc, origin, id) order
    assert [h["by"] for h in c.entity(iid)["history"]].count("IM") == 2
    assert c.entity(other) == before_other
    exchange(a, b, c)
    assert a.fingerprint() == b.fingerprint() == c.fingerprint()


def test_late_event_can_dissolve_a_conflict(store_factory):
    a, b, c = store_factory("vnog"), store_factory("vggm"), store_factory("vrgz")
    iid = new(a, incident())
    exchange(a, b)
    move(a, iid, "incident.status_changed", "actief")
    exchange(a, b)
    move(b, iid, "incident.status_changed", "beheerst")  # actief -> beheerst, causally after
    # c gets a's creation, then b's step (without a's actief): a conflict for now
    c.ingest([e.to_wire() for e in a.iter_events()][:2])
    c.ingest([e.to_wire() for e in b.iter_events() if e.origin == "vggm"])
    assert len(c.conflicts()) == 1
    send(a, c)  # the missing step arrives late: the conflict disappears
    assert c.conflicts() == [] and c.conflicts(open_only=False) == []
    assert c.entity(iid)["status"] == "beheerst"
    assert c.entity(iid) == b.entity(iid)


def test_entity_whose_first_event_is_a_resolution(store_factory):
    """A conflict.resolved may arrive before the entity it concerns (other origin)."""
    a, b, c = store_factory("vnog"), store_factory("vggm"), store_factory("vrgz")
    iid = new(a, incident())
    exchange(a, b)
    move(a, iid, "incident.status_changed", "actief")
    move(b, iid, "incident.status_changed", "afgeschaald")
    exchange(a, b)
    (conf,) = b.conflicts()
    b.execute(Command("conflict.resolved", {"conflict_id": conf["id"], "choice": "toepassen"},
                      entity=iid), "OL")
    # c hears of b first: b's chain holds its step and the resolution, not a's events
    res = c.ingest([e.to_wire() for e in b.iter_events()])
    assert not res.rejected
    send(a, c)
    assert c.entity(iid)["entity_kind"] == "incident"
    assert c.entity(iid) == b.entity(iid)
    assert c.conflicts() == b.conflicts() == []
    exchange(a, b, c)
    assert a.fingerprint() == b.fingerprint() == c.fingerprint()


def test_resolution_without_entity_then_entity(store_factory):
    """Kind '*' placeholder becomes the real kind when the entity's events arrive."""
    a, b, c = store_factory("vnog"), store_factory("vggm"), store_factory("vrgz")
    iid = new(a, incident())
    send(a, b)
    move(a, iid, "incident.status_changed", "actief")
    move(b, iid, "incident.status_changed", "afgeschaald")
    exchange(a, b)
    (conf,) = b.conflicts()
    b.execute(Command("conflict.resolved", {"conflict_id": conf["id"], "choice": "behouden"},
                      entity=iid), "OL")
    wire_b = [e.to_wire() for e in b.iter_events()]
    own_b = [w for w in wire_b if w["origin"] == "vggm"]
    c_res = c.ingest(own_b)
    assert not c_res.rejected
    assert c.entity(iid)["entity_kind"] in ("incident", "*")
    send(a, c)
    assert c.entity(iid)["entity_kind"] == "incident"
    assert c.entity(iid) == b.entity(iid)


# ---------------------------------------------------------------- rebuild, fingerprint

def test_rebuild_gives_the_same_picture(store_factory):
    from data.demo import Demo

    st = store_factory(world="OEF-2026-01")
    Demo(st, seed=3).run(extra_events=500)
    fp, conflicts = st.fingerprint(), st.conflicts(open_only=False)
    n = st.rebuild()
    assert n == st.event_count()
    assert st.fingerprint() == fp and st.conflicts(open_only=False) == conflicts
    assert st.integrity_check() == "ok"


def test_fingerprint_format_and_event_count(store_factory):
    st = store_factory()
    fp = st.fingerprint()
    assert fp.events == 1
    code, _, rest = str(fp).partition(" · ")
    assert len(code) == 14 and code.count("-") == 2 and code == code.upper()
    assert rest == "1 gebeurtenis"


def test_reads(store_factory):
    st = store_factory()
    iid = new(st, incident(location="Epe"))
    assert st.rows("incident") == [(iid, "gemeld", "Stroomuitval", "VR06",
                                    st.entity(iid)["updated_at"])]
    assert [e["id"] for e in st.entities("incident")] == [iid]
    assert st.entity("nope") is None
    assert [i for i, _ in st.events_since(0)] == [1, 2]
    assert json.loads(canonical_json({"b": 1, "a": "é"})) == {"a": "é", "b": 1}
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'
    assert list(st.events_missing_for({st.node_id: 1}))[0].entity == iid


def test_comms_reports_share_one_entity_per_cell(store_factory):
    a, b = store_factory("vnog"), store_factory("vggm")
    a.execute(Command("comms.reported", {"region": "VNOG", "channel": "C2000",
                                         "state": "verstoord"}), "CaCo")
    a.execute(Command("comms.reported", {"region": "VR06", "channel": "C2000",
                                         "state": "verstoord", "note": "nog steeds"}), "CaCo")
    exchange(a, b)
    skew(b, 1000)
    b.execute(Command("comms.reported", {"region": "VR06", "channel": "C2000",
                                         "state": "uitgevallen"}), "CaCo")
    a.execute(Command("comms.reported", {"region": "VR07", "channel": "NCV",
                                         "state": "operationeel"}), "CaCo")
    exchange(a, b)
    cells = {e["id"]: e for e in a.entities("comms")}
    assert set(cells) == {"comms:VR06:C2000", "comms:VR07:NCV"}
    c = cells["comms:VR06:C2000"]
    assert c["state"] == "uitgevallen" and len(c["history"]) == 3
    assert a.fingerprint() == b.fingerprint()


def test_long_lived_entity_keeps_a_bounded_history(store_factory):
    from data.store import fold

    st = store_factory()
    iid = new(st, incident())
    n = fold.HISTORY_KEEP + fold.HISTORY_KEEP // 5 + 5
    with st.transaction():
        for i in range(n):
            st.execute(Command("incident.picture_updated", {"beeld": f"b{i}"}, entity=iid), "IM")
    e = st.entity(iid)
    assert len(e["history"]) <= fold.HISTORY_KEEP + fold.HISTORY_KEEP // 5
    assert e["history_dropped"] + len(e["history"]) == n + 1
    assert e["beeld"] == f"b{n - 1}" and e["beeld_history"][-1]["beeld"] == f"b{n - 1}"
    assert len(e["beeld_history"]) <= fold.BEELD_KEEP + fold.BEELD_KEEP // 5
    fp = st.fingerprint()
    st.rebuild()
    assert st.fingerprint() == fp


def test_kept_picture_sum_equals_a_full_count(store_factory):
    from data.demo import Demo

    st = store_factory(world="OEF-2026-01")
    Demo(st, seed=4).run(extra_events=300)
    with st._lock:  # noqa: SLF001
        kept = st._picture_sum()  # noqa: SLF001
        assert kept == st._picture_sum_full()  # noqa: SLF001
        # a store that does not keep the sum yet (older file) counts it once on asking
        fp = st.fingerprint()
        st._conn.execute("DELETE FROM meta WHERE key = 'picture_sum'")  # noqa: SLF001
    assert st.fingerprint() == fp
    assert st._picture_sum() == kept  # noqa: SLF001


def test_parallel_rebuild_gives_the_same_rows(store_factory):
    """The big-log path (ranges folded in child processes) writes what one process writes."""
    from data.demo import Demo

    a, b = store_factory("vnog", "OEF-2026-01"), store_factory("vggm", "OEF-2026-01")
    Demo(a, seed=1).run(extra_events=400)
    Demo(b, seed=2).run(extra_events=100)
    exchange(a, b)
    for st in (a, b):  # concurrent continuation: conflicts to rebuild as well
        Demo(st, seed=9).run()
    exchange(a, b)
    with a._lock:  # noqa: SLF001
        before = a._conn.execute("SELECT * FROM entity ORDER BY id").fetchall()  # noqa: SLF001
    fp, conflicts = a.fingerprint(), a.conflicts(open_only=False)
    assert a.rebuild(workers=3) == a.event_count()
    with a._lock:  # noqa: SLF001
        after = a._conn.execute("SELECT * FROM entity ORDER BY id").fetchall()  # noqa: SLF001
        idx = a._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "  # noqa: SLF001
                              "AND tbl_name = 'entity'").fetchall()
    assert after == before and a.fingerprint() == fp
    assert a.conflicts(open_only=False) == conflicts
    assert ("ix_entity_kind",) in idx
    assert a.integrity_check() == "ok"


def test_store_without_kept_sum_keeps_working(store_factory):
    """An older store file (no kept sum): writes leave it missing, the fingerprint counts it."""
    st = store_factory()
    new(st, incident())
    with st._lock:  # noqa: SLF001
        st._conn.execute("DELETE FROM meta WHERE key = 'picture_sum'")  # noqa: SLF001
    new(st, incident("tweede"))
    assert st._picture_sum() is None  # noqa: SLF001
    fp = st.fingerprint()
    new(st, incident("derde"))
    with st._lock:  # noqa: SLF001
        assert st._picture_sum() == st._picture_sum_full()  # noqa: SLF001
    assert st.fingerprint() != fp


def test_the_wal_is_copied_into_the_file_in_the_background(store_factory):
    """The store's own connection never checkpoints (a big ingest would pay for it inside its
    commit); a thread does it after each commit. Reading the main file alone (immutable: the
    WAL is ignored) shows the events once that thread has run."""
    import sqlite3

    from tests.data.sync.factory import fill

    st = store_factory("vnog")
    assert st._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    ckpt = st._ckpt
    assert ckpt is not None
    fill(st, 300, seed=5)
    assert ckpt.asked >= 1  # every commit pokes the thread
    st.execute(Command("journal.logged", {"channel": "NCV", "text": "laatste"}), "OL")
    assert ckpt.wait_covered(ckpt.asked, 30)  # a checkpoint that began after the last commit
    main_only = sqlite3.connect(f"file:{st.path}?mode=ro&immutable=1", uri=True)
    try:
        assert main_only.execute("SELECT count(*) FROM event").fetchone()[0] == st.event_count()
    finally:
        main_only.close()
    st.close()
    assert ckpt.poke() == ckpt.asked and not ckpt.wait_covered(ckpt.asked + 1, 0)  # stopped


def test_past_the_limit_the_writer_checkpoints_itself(store_factory, monkeypatch):
    """Commits that follow each other closely keep the WAL growing (the background thread
    never catches up with it); past WAL_MAX the writer copies it into the file itself."""
    import sqlite3

    import data.store.wal as store_mod

    st = store_factory("vnog")
    assert st._conn.execute("PRAGMA journal_size_limit").fetchone()[0] == store_mod.WAL_KEEP
    st._ckpt.close()  # the thread "never catches up" (stopped: pokes do nothing now)
    monkeypatch.setattr(store_mod, "WAL_MAX", 0)
    st.execute(Command("journal.logged", {"channel": "NCV", "text": "eerste"}), "OL")
    main_only = sqlite3.connect(f"file:{st.path}?mode=ro&immutable=1", uri=True)
    try:
        assert main_only.execute("SELECT count(*) FROM event").fetchone()[0] == st.event_count()
    finally:
        main_only.close()


def test_no_span_for_an_ingest_inside_a_callers_transaction(store_factory):
    """Rows of a transaction that is still open may be rolled back and their local_seq used
    again: an ingest inside one reports no span (a sync cursor must not move over them)."""
    from tests.data.sync.factory import fill

    a, b = store_factory("vnog"), store_factory("vggm")
    fill(a, 5, seed=2)
    wire = [e.to_wire() for e in a.iter_events()]
    with b.transaction():
        res = b.ingest(wire[:3])
    assert res.accepted and res.span is None
    res = b.ingest(wire[3:])
    assert res.span is not None and res.span[1] - res.span[0] + 1 == len(res.accepted)

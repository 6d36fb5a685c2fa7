"""The roster travels to the centres: a store that pinned the root key (KCR2's) takes in events
only of centres on that root's roster, signed with a key the roster lists, and not beyond a
revocation — at the pull, peer and bundle doors alike (data.store.roster, data.store.verify)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from data.store.envelope import Signer
from data.store.roster import (
    ENROL,
    REVOKE,
    Entry,
    Roster,
    RosterError,
    document,
    fingerprint,
    read_document,
    sign_entry,
)
from data.store.verify import verify_chains
from data.sync.bundle import BundleError, export_bundle, import_bundle
from data.sync.client import PeerConfig, SyncEngine
from data.sync.hub.storage import SqlEventLog
from data.sync.hub.store_log import StoreEventLog
from desktop.cli import main
from tests.data.forge import BASE_MS, Origin
from tests.data.helpers import incident, new
from tests.data.sync.conftest import ThreadHub
from tests.data.sync.factory import fill

FAR = "onbekend"  # a centre that nobody enrolled


def chain(o: Origin, n: int, start: int = 0) -> list[dict]:
    out = [] if o.seq else [o.register()]
    for i in range(start, start + n):
        out.append(o.event("incident.reported", f"{o.node}-inc-{i}",
                           {"title": f"melding {i}", "kind": "overig", "regions": ["VNOG"]},
                           BASE_MS + 1000 * (i + 1)))
    return out


def rotate(o: Origin, ms: int) -> tuple[dict, Signer]:
    """``o`` switches key: the rotation is signed with the old key, later events with the new."""
    new_key = Signer()
    ev = o.event("node.key_rotated", o.node, {"public_key": new_key.public_hex}, ms)
    o.signer = new_key
    return ev, new_key


def roster_of(root: Signer, *entries: Entry) -> Roster:
    return Roster(root.public_hex, [sign_entry(root, e) for e in entries], "LIVE")


def check(events: list[dict], trust: Roster | None):
    from data.store.prepare import prepare

    prep = prepare(events, "LIVE")
    assert not any(prep.reasons), prep.reasons
    ok, _, rejected = verify_chains(prep.events, lambda o: None, prep.hashes, trust)
    return [e.id for e in ok], {r.id: r for r in rejected}


# ---------------------------------------------------------------- the rule (no storage)

def test_an_origin_not_on_the_roster_waits_and_a_listed_one_passes():
    root, vnog, far = Signer(), Origin("vnog"), Origin(FAR)
    trust = roster_of(root, Entry(1, "vnog", ENROL, vnog.signer.public_hex))
    evs = chain(vnog, 3) + chain(far, 2)
    ok, rej = check(evs, trust)
    assert ok == [e["id"] for e in evs[:4]]
    assert set(rej) == {e["id"] for e in evs[4:]}
    r = rej[evs[4]["id"]]
    assert r.transient and r.untrusted and r.reason.startswith(
        f"{FAR} staat niet in het rooster van de vastgepinde root")
    # without a pinned root (trust on first use) both are taken in, as before
    assert len(check(evs, None)[0]) == 7


def test_a_registration_under_another_key_is_refused_for_good():
    root, squatter = Signer(), Origin("vnog")
    trust = roster_of(root, Entry(1, "vnog", ENROL, Signer().public_hex))
    evs = chain(squatter, 2)
    ok, rej = check(evs, trust)
    assert ok == []
    first = rej[evs[0]["id"]]
    assert not first.transient and first.untrusted
    assert first.reason.startswith("vnog tekent met een sleutel die niet in het rooster staat")


def test_rotation_keeps_old_events_valid_and_takes_the_new_key_from_the_rotation_on():
    root, o = Signer(), Origin("vnog")
    old = o.signer.public_hex
    before = chain(o, 2)
    rot, new_key = rotate(o, BASE_MS + 10_000)
    after = chain(o, 2, start=10)
    both = roster_of(root, Entry(1, "vnog", ENROL, old), Entry(2, "vnog", ENROL,
                                                                new_key.public_hex))
    ok, rej = check(before + [rot] + after, both)
    assert not rej and len(ok) == 6
    # the roster does not know the new key yet: the old events pass, the switch waits
    only_old = roster_of(root, Entry(1, "vnog", ENROL, old))
    ok, rej = check(before + [rot] + after, only_old)
    assert ok == [e["id"] for e in before]
    assert rej[rot["id"]].transient and "wisselt naar een sleutel" in rej[rot["id"]].reason


def test_an_event_after_the_rotation_signed_with_the_old_key_is_refused():
    o = Origin("vnog")
    old = o.signer
    evs = chain(o, 1)
    rot, _ = rotate(o, BASE_MS + 10_000)
    o.signer = old  # a thief of the old key, or a copy that missed the rotation
    late = chain(o, 1, start=20)
    ok, rej = check(evs + [rot] + late, None)
    assert late[0]["id"] in rej and rej[late[0]["id"]].reason == "handtekening ongeldig"
    assert ok == [e["id"] for e in evs + [rot]]


def test_nothing_after_a_revocation_is_taken_in():
    root, o = Signer(), Origin("vnog")
    evs = chain(o, 5)
    trust = roster_of(root, Entry(1, "vnog", ENROL, o.signer.public_hex),
                      Entry(2, "vnog", REVOKE, until={"LIVE": 3}))
    ok, rej = check(evs, trust)
    assert ok == [e["id"] for e in evs[:3]]
    r = rej[evs[3]["id"]]
    assert not r.transient and r.untrusted
    assert r.reason.startswith("vnog is ingetrokken in het rooster (geldig tot en met seq 3)")
    # in a world the revocation does not name, nothing of it counts any more
    other = Roster(root.public_hex, [sign_entry(root, Entry(1, "vnog", ENROL,
                                                             o.signer.public_hex)),
                                     sign_entry(root, Entry(2, "vnog", REVOKE,
                                                             until={"OEF-1": 9}))], "LIVE")
    assert check(evs, other)[0] == []


def test_a_roster_is_trusted_whole_and_only_under_the_pinned_root():
    root, other = Signer(), Signer()
    entries = [sign_entry(root, Entry(1, "vnog", ENROL, Signer().public_hex))]
    doc = document(root.public_hex, entries)
    assert read_document(doc, fingerprint(root.public_hex))[1] == entries
    with pytest.raises(RosterError, match="niet door de vastgepinde root"):
        read_document(doc, fingerprint(other.public_hex))
    forged = document(root.public_hex, entries + [sign_entry(other, Entry(2, "evil", ENROL,
                                                                         "ab" * 32))])
    with pytest.raises(RosterError, match="rooster-regel 2 \\(evil\\) is niet door de root"):
        read_document(forged, None)


# ---------------------------------------------------------------- stores and doors

def rooted(tmp_path: Path, name: str = "root-hub.db") -> tuple[SqlEventLog, str]:
    log = SqlEventLog(str(tmp_path / name))
    fp, made = log.roster.make_root({})
    assert made
    return log, fp


def engine(st, cfg: PeerConfig) -> SyncEngine:
    return SyncEngine(st, [cfg], timeout=(2.0, 10.0), backoff_base=0.01, backoff_cap=0.05,
                      interval=0.2, seed=1, listen=False)


def test_pull_door_refuses_an_origin_not_on_the_pinned_roster_and_says_so(
        tmp_path, store_factory, capsys):
    """A hub that relays a centre nobody enrolled (a hub without root, trusting first use)
    serves it to a pinned centre: the centre takes in the enrolled centre's events, holds the
    stranger's back (the cursor stays before them) and `sync --once` exits 1 saying why."""
    root_log, fp = rooted(tmp_path)
    vnog = store_factory("vnog")
    fill(vnog, 4)
    root_log.roster.enrol("vnog", vnog.public_key, by="test")
    relay = SqlEventLog(str(tmp_path / "relay.db"))
    relay.auth.enroll("vnog", ["LIVE"])
    assert relay.push("LIVE", "vnog", [e.to_wire() for e in vnog.iter_events()]).count(
        "accepted") == 5
    far = chain(Origin(FAR), 3)
    assert relay.push("LIVE", "vnog", far).count("accepted") == 4
    hub = ThreadHub(relay)
    try:
        centre = store_factory("vrbzo")
        centre.pin_root(fp)
        assert centre.learn_roster(root_log.roster.document()) == 1
        tok = tmp_path / "vrbzo.token"
        tok.write_text(hub.enroll("vrbzo"))
        path = centre.path
        centre.close()
        code = main(["sync", "--db", path, "--hub", hub.url, "--token-file", str(tok),
                     "--once", "--give-up", "30", "--backoff-base", "0.05",
                     "--backoff-cap", "0.1"])
        out = capsys.readouterr()
        assert code == 1
        assert f"{FAR} staat niet in het rooster van de vastgepinde root" in out.out + out.err
        assert f"vertrouwen: root {fp} vastgepind; rooster met 1 centrum" in out.out
        from data.store import Store

        with Store.open(path) as st:
            assert st.heads().get("vnog") == 5 and FAR not in st.heads()
    finally:
        hub.stop()
        relay.close()
        root_log.close()


def test_pull_door_refuses_a_key_the_roster_does_not_list_with_an_alarm(tmp_path,
                                                                        store_factory):
    root_log, fp = rooted(tmp_path)
    real = store_factory("vnog")
    root_log.roster.enrol("vnog", real.public_key, by="test")
    relay = SqlEventLog(str(tmp_path / "relay.db"))
    relay.auth.enroll("x", ["LIVE"])
    fake = chain(Origin("vnog"), 2)  # vnog's name, another key: the relay knows no better
    assert relay.push("LIVE", "x", fake).count("accepted") == 3
    hub = ThreadHub(relay)
    try:
        centre = store_factory("vrbzo")
        centre.pin_root(fp)
        centre.learn_roster(root_log.roster.document())
        e = engine(centre, PeerConfig(hub.url, hub.enroll("vrbzo")))
        s = e.sync_once()
        e.close()
        peer = s.peers[0]
        assert peer.refused_in == 3 and "tekent met een sleutel die niet in het rooster" \
            in peer.last_error
        (alarm,) = [a for a in centre.alarms() if a["kind"] == "rooster"]
        assert alarm["origin"] == "vnog"
        assert "vnog" not in centre.heads()
    finally:
        hub.stop()
        relay.close()
        root_log.close()


def test_the_root_hub_passes_the_roster_on_and_the_centre_takes_enrolled_centres(
        tmp_path, store_factory):
    """End to end on a hub with a root: enrolment with --key puts the centre on the roster,
    a centre enrolled without a key is put on it by its own first push; a pinned centre
    learns the roster from the hub and takes both in."""
    root_log, fp = rooted(tmp_path)
    hub = ThreadHub(root_log)
    try:
        vnog, vrbzo = store_factory("vnog"), store_factory("vrbzo")
        fill(vnog, 5)
        fill(vrbzo, 3, seed=2)
        root_log.auth.enroll("vnog", ["LIVE"], public_key=vnog.public_key)
        root_log.roster.enrol("vnog", vnog.public_key, by="aanmelding")
        tv = root_log.auth.enroll("vrbzo", ["LIVE"])
        assert engine(vrbzo, PeerConfig(hub.url, tv)).sync_once().status == "online"
        centre = store_factory("vggm")
        centre.pin_root(fp)
        e = engine(centre, PeerConfig(hub.url, hub.enroll("vggm")))
        e.sync_once()
        e2 = engine(vnog, PeerConfig(hub.url, hub.enroll("vnog")))
        assert e2.sync_once().status == "online"
        e2.close()
        s = e.sync_once()
        e.close()
        assert s.status == "online", s.peers[0].last_error
        assert centre.heads() == {"vggm": 1, "vnog": 6, "vrbzo": 4}
        assert {n for n in centre.trust().nodes()} >= {"vnog", "vrbzo"}
        assert "root " + fp in centre.trust_status()
    finally:
        hub.stop()
        root_log.close()


def test_a_roster_not_signed_by_the_pinned_root_stops_the_sync(tmp_path, store_factory):
    root_log, _ = rooted(tmp_path)
    hub = ThreadHub(root_log)
    try:
        centre = store_factory("vggm")
        centre.pin_root(fingerprint(Signer().public_hex))  # another root than this hub's
        e = engine(centre, PeerConfig(hub.url, hub.enroll("vggm")))
        s = e.sync_once()
        assert s.status == "error" and "niet door de vastgepinde root" in s.peers[0].last_error
        assert not e.run_until_synced(time.monotonic() + 20, give_up_on_refusal=True)
        e.close()
        assert [a for a in centre.alarms() if a["kind"] == "rooster"]
        assert centre.roster_document() is None
    finally:
        hub.stop()
        root_log.close()


def test_peer_door_refuses_and_relays_the_roster(tmp_path, store_factory):
    """A centre that serves its own store to neighbours (crisisbeeld serve) applies its pinned
    roster to what they push, and passes the roster it learnt on to them."""
    root_log, fp = rooted(tmp_path)
    nb = store_factory("vrbzo")
    fill(nb, 2)
    root_log.roster.enrol("vrbzo", nb.public_key, by="test")
    host = store_factory("vggm")
    host.pin_root(fp)
    host.learn_roster(root_log.roster.document())
    log = StoreEventLog(host)
    try:
        far = chain(Origin(FAR), 2)
        out = log.push("LIVE", "vrbzo", [e.to_wire() for e in nb.iter_events()] + far)
        status = {r[0]: (r[1], r[2]) for r in out.results}
        assert out.count("accepted") == 3
        assert status[far[0]["id"]][0] == "rejected"
        assert status[far[0]["id"]][1].startswith(f"{FAR} staat niet in het rooster")
        assert log.roster_document("LIVE") == root_log.roster.document()
    finally:
        log.close()
        root_log.close()


def test_bundle_door_carries_the_roster_and_refuses_strangers(tmp_path, store_factory):
    root_log, fp = rooted(tmp_path)
    src = store_factory("vnog")
    fill(src, 3)
    root_log.roster.enrol("vnog", src.public_key, by="test")
    src.learn_roster(root_log.roster.document())  # unpinned: kept to pass on
    assert src.ingest(chain(Origin(FAR), 2)).accepted  # trust on first use takes it
    bundle = tmp_path / "stick.cbz"
    export_bundle(src, bundle)
    dst = store_factory("vrbzo")
    dst.pin_root(fp)
    res = import_bundle(dst, bundle)  # the roster came with the bundle
    assert len(res.accepted) == 4 and len(res.rejected) == 3
    assert all("staat niet in het rooster" in why for _, why in res.rejected)
    assert dst.heads().get("vnog") == 4
    # a bundle whose roster another root signed is refused whole, changing nothing
    other = store_factory("vggm")
    other.pin_root(fingerprint(Signer().public_hex))
    with pytest.raises(BundleError, match="rooster geweigerd"):
        import_bundle(other, bundle)
    assert other.event_count() == 1
    root_log.close()


def test_revocation_at_the_hub_refuses_what_came_after_at_every_centre(tmp_path,
                                                                     store_factory, capsys):
    db = str(tmp_path / "hub.db")
    assert main(["hub", "root", "--db", db]) == 0
    fp = capsys.readouterr().out.strip().splitlines()[-1]
    vnog = store_factory("vnog")
    fill(vnog, 3)
    key = tmp_path / "vnog.key"
    key.write_text(vnog.public_key)
    assert main(["hub", "enroll", "--db", db, "--node", "vnog", "--worlds", "LIVE",
                 "--key", str(key)]) == 0
    assert "op het rooster gezet als regel 1" in capsys.readouterr().out
    log = SqlEventLog(db)
    assert log.push("LIVE", "vnog", [e.to_wire() for e in vnog.iter_events()]).count(
        "accepted") == 4
    log.close()
    assert main(["hub", "revoke", "--db", db, "--node", "vnog"]) == 0
    assert "geldig blijft: LIVE t/m seq 4" in capsys.readouterr().out
    new(vnog, incident("na de intrekking"))  # a stolen laptop writes on
    log = SqlEventLog(db)
    doc = log.roster_document("LIVE")
    log.close()
    centre = store_factory("vggm")
    centre.pin_root(fp)
    centre.learn_roster(doc)
    res = centre.ingest(list(vnog.iter_events()))
    assert len(res.accepted) == 4 and len(res.rejected) == 1
    assert res.rejected[0][1].startswith("vnog is ingetrokken in het rooster")
    assert [a for a in centre.alarms() if a["kind"] == "rooster"]


def test_key_rotation_end_to_end_through_a_root_hub(tmp_path, store_factory):
    """vnog rotates its key; until the hub's roster lists the new key the hub holds the switch
    back (retry); once enrolled, the hub and a pinned centre take it and what follows."""
    root_log, fp = rooted(tmp_path)
    hub = ThreadHub(root_log)
    try:
        vnog = store_factory("vnog")
        fill(vnog, 2)
        root_log.auth.enroll("vnog", ["LIVE"], public_key=vnog.public_key)
        root_log.roster.enrol("vnog", vnog.public_key, by="aanmelding")
        ev = engine(vnog, PeerConfig(hub.url, hub.enroll("vnog")))
        assert ev.sync_once().status == "online"
        new_key = vnog.rotate_key()
        new(vnog, incident("met de nieuwe sleutel"))
        s = ev.sync_once()
        assert root_log.heads("LIVE")["vnog"] == 3  # the switch waits for the roster
        assert "wisselt naar een sleutel die het rooster nog niet kent" in (
            s.peers[0].last_error + s.peers[0].trouble)
        root_log.roster.enrol("vnog", new_key, by="sleutelwissel")
        assert ev.sync_once().status == "online"
        ev.close()
        assert root_log.heads("LIVE")["vnog"] == 5
        centre = store_factory("vggm")
        centre.pin_root(fp)
        e = engine(centre, PeerConfig(hub.url, hub.enroll("vggm")))
        assert e.sync_once().status == "online"
        e.close()
        assert centre.heads()["vnog"] == 5
    finally:
        hub.stop()
        root_log.close()


def test_cli_pin_show_and_init(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    assert main(["init", "--db", db, "--node", "vnog", "--pin-root", "nope"]) == 2
    assert not Path(db).exists()  # a wrong fingerprint leaves no store behind
    fp = fingerprint(Signer().public_hex)
    assert main(["init", "--db", db, "--node", "vnog", "--pin-root", fp.lower()]) == 0
    capsys.readouterr()
    assert main(["roster", "show", "--db", db]) == 0
    assert f"root {fp} vastgepind; rooster met 0 centra" in capsys.readouterr().out
    db2 = str(tmp_path / "d.db")
    assert main(["init", "--db", db2, "--node", "vrbzo"]) == 0
    capsys.readouterr()
    assert main(["roster", "show", "--db", db2]) == 0
    out = capsys.readouterr().out
    assert "vertrouwen bij eerste contact" in out and "trust on first use" not in out
    # a roster file: taken in when signed by the pinned root, refused otherwise
    root = Signer()
    doc = document(root.public_hex, [sign_entry(root, Entry(1, "x", ENROL, "ab" * 32))])
    f = tmp_path / "rooster.json"
    f.write_text(json.dumps(doc))
    assert main(["roster", "import", "--db", db, str(f)]) == 2
    assert "rooster geweigerd" in capsys.readouterr().err
    assert main(["roster", "import", "--db", db2, str(f)]) == 0  # unpinned: kept to relay
    assert "1 nieuwe rooster-regels" in capsys.readouterr().out


def test_a_hub_without_root_follows_a_rotation_signed_by_the_bound_key(tmp_path,
                                                                       store_factory):
    """Trust on first use at a hub: the key bound at enrolment signs the switch, so the hub
    binds the new key from then on; a squatter with the old key is still refused."""
    log = SqlEventLog(str(tmp_path / "hub.db"))
    try:
        vnog = store_factory("vnog")
        fill(vnog, 2)
        log.auth.enroll("vnog", ["LIVE"], public_key=vnog.public_key)
        assert log.push("LIVE", "vnog", [e.to_wire() for e in vnog.iter_events()]).count(
            "accepted") == 3
        new_key = vnog.rotate_key()
        new(vnog, incident("met de nieuwe sleutel"))
        new(vnog, incident("en nog een"))
        out = log.push("LIVE", "vnog", [e.to_wire() for e in vnog.iter_events()])
        assert out.count("accepted") == 3 and out.count("duplicate") == 3
        with log.read.connect() as c:
            assert log.auth.identities(c, ["vnog"]) == {"vnog": new_key}
        new(vnog, incident("een derde"))  # the next push: the head's key is the new one
        assert log.push("LIVE", "vnog", [e.to_wire() for e in vnog.iter_events()]).count(
            "accepted") == 1
    finally:
        log.close()


def test_a_hub_given_a_root_later_puts_its_bound_centres_on_the_roster(tmp_path):
    log = SqlEventLog(str(tmp_path / "hub.db"))
    try:
        assert log.roster_document("LIVE") is None  # no root: nothing to pass on
        k = Signer().public_hex
        fp, made = log.roster.make_root({"vnog": k})
        assert made and log.roster.make_root({}) == (fp, False)
        doc = log.roster_document("LIVE")
        root, entries = read_document(doc, fp)
        assert [(e.n, e.node, e.action, e.key) for e in entries] == [(1, "vnog", ENROL, k)]
    finally:
        log.close()


def test_cli_hub_key_lists_a_new_key_only_at_a_hub_with_a_root(tmp_path, capsys):
    db = str(tmp_path / "hub.db")
    key = tmp_path / "nieuw.key"
    key.write_text(Signer().public_hex + "\n")
    assert main(["hub", "key", "--db", db, "--node", "vnog", "--key", str(key)]) == 2
    assert "geen root-sleutel" in capsys.readouterr().err
    assert main(["hub", "root", "--db", db]) == 0
    capsys.readouterr()
    assert main(["hub", "key", "--db", db, "--node", "vnog", "--key", str(key)]) == 0
    assert "op het rooster gezet als regel 1" in capsys.readouterr().out
    assert main(["hub", "key", "--db", db, "--node", "vnog", "--key", str(key)]) == 0
    assert "stond al op het rooster" in capsys.readouterr().out

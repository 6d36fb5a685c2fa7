"""No event with an invalid signature is stored, at any door (store ingest, hub push, bundle
import), while only one signature per run is checked: each event's ``prev`` links to its
predecessor's digest *and* signature, so the newest signature of a run proves the rest."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from data.store.envelope import GENESIS, link, verify
from data.sync.bundle import export_bundle, import_bundle
from data.sync.hub.storage import SqlEventLog
from data.sync.wire import unzstd_limited, zstd_bytes
from tests.data.sync.factory import fill

FORGED = 9  # index of the event (seq 10) whose signature is replaced


def forged_chain(store_factory) -> list[dict]:
    src = store_factory("vrzeeland")
    fill(src, 29, seed=4)
    wire = [ev.to_wire() for ev in src.iter_events()]
    wire[FORGED]["sig"] = wire[FORGED - 1]["sig"]  # a signature, but not over this event
    return wire


def assert_nine_valid(store) -> None:
    """The events before the forged one are in; the forged one and its followers are not; every
    signature held verifies."""
    assert store.heads()["vrzeeland"] == 9
    key = next(o["public_key"] for o in store.origins() if o["origin"] == "vrzeeland")
    for e in store.iter_events():
        if e.origin == "vrzeeland":
            assert verify(key, e.digest(), e.sig), e.seq


def test_new_events_link_to_digest_and_signature(store_factory):
    st = store_factory("vnog")
    fill(st, 3)
    evs = list(st.iter_events())
    assert evs[0].prev == GENESIS
    for before, after in zip(evs, evs[1:]):
        assert after.prev == link(before.digest(), before.sig)
        assert after.prev == hashlib.sha256((before.digest() + before.sig).encode()).hexdigest()


def test_store_refuses_a_forged_interior_signature(store_factory):
    dst = store_factory("kcr2")
    wire = forged_chain(store_factory)
    res = dst.ingest(wire)
    assert len(res.accepted) == 9
    assert dict(res.rejected)[wire[FORGED]["id"]] == "handtekening ongeldig"
    assert_nine_valid(dst)


def test_hub_refuses_a_forged_interior_signature(tmp_path, store_factory):
    log = SqlEventLog(str(tmp_path / "hub.db"))
    try:
        wire = forged_chain(store_factory)
        out = log.push("LIVE", "vrzeeland", wire)
        assert out.count("accepted") == 9
        status = {r[0]: r for r in out.results}
        assert status[wire[FORGED]["id"]][1:3] == ("rejected", "handtekening ongeldig")
        assert log.heads("LIVE") == {"vrzeeland": 9}
    finally:
        log.close()


@pytest.mark.parametrize("fmt", [1, 2])
def test_bundle_import_refuses_a_forged_interior_signature(store_factory, tmp_path, fmt):
    src = store_factory("vrzeeland")
    fill(src, 29, seed=4)
    path = export_bundle(src, tmp_path / "a.cbb", fmt=fmt).path
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        name = "events.jsonl" if fmt == 1 else "events.jsonl.zst"
        body = z.read(name) if fmt == 1 else unzstd_limited(z.read(name))
    lines = [json.loads(x) for x in body.split(b"\n")[:-1]]
    lines[FORGED]["sig"] = lines[FORGED - 1]["sig"]
    new_body = b"".join(json.dumps(x, separators=(",", ":")).encode() + b"\n" for x in lines)
    manifest["sha256"] = hashlib.sha256(new_body).hexdigest()  # a bundle whose maker forged
    p = tmp_path / "forged.cbb"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr(name, new_body if fmt == 1 else zstd_bytes(new_body))
    dst = store_factory("kcr2")
    res = import_bundle(dst, p)
    assert len(res.accepted) == 9 and dict(res.rejected)[lines[FORGED]["id"]] == (
        "handtekening ongeldig")
    assert_nine_valid(dst)


def test_chains_made_before_the_link_rule_still_verify_event_by_event(store_factory):
    """Events made before signatures were linked name the bare digest of their predecessor
    (tests.data.forge makes such chains): accepted when every signature is valid, and a forged
    one among them is still found."""
    from tests.data.forge import BASE_MS, Origin

    def chain(node: str) -> list[dict]:
        o = Origin(node)
        out = [o.register()]
        for i in range(6):
            out.append(o.event("incident.reported", f"{node}-inc-{i}",
                               {"title": f"oud {i}", "kind": "overig", "regions": ["VNOG"]},
                               BASE_MS + 1000 * (i + 1)))
        return out

    dst = store_factory("kcr2")
    good = chain("oud")
    assert good[1]["prev"] != link(json.loads(json.dumps(good[0]))["prev"], good[0]["sig"])
    assert not dst.ingest(good).rejected
    bad = chain("oud2")
    bad[3]["sig"] = bad[2]["sig"]
    res = dst.ingest(bad)
    assert dict(res.rejected)[bad[3]["id"]] == "handtekening ongeldig"
    assert dst.heads()["oud2"] == 3

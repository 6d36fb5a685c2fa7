"""Bundles (USB stick) and the store verbs of the CLI."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from data.store import Store
from data.sync.bundle import (
    BundleError,
    export_bundle,
    import_bundle,
    read_bundle,
    read_state,
    write_state,
)
from desktop.cli import main
from tests.data.helpers import exchange, incident, move, new, snapshot


def test_round_trip(store_factory, tmp_path):
    a, b = store_factory("vnog"), store_factory("vggm")
    iid = new(a, incident())
    move(a, iid, "incident.status_changed", "actief")
    res = export_bundle(a, tmp_path / "a.cbb")
    assert res.events == 3 and res.origins == {"vnog": (1, 3)}
    assert not (tmp_path / "a.cbb.part").exists()
    manifest, events = read_bundle(tmp_path / "a.cbb")
    assert manifest["world"] == "LIVE" and manifest["events"] == 3
    assert manifest["origins"] == {"vnog": {"from": 1, "to": 3}}
    assert not manifest["incremental"] and len(events) == 3
    r = import_bundle(b, tmp_path / "a.cbb")
    assert len(r.accepted) == 3 and not r.rejected
    r = import_bundle(b, tmp_path / "a.cbb")
    assert len(r.duplicates) == 3 and not r.accepted
    assert b.entity(iid) == a.entity(iid)


def test_incremental_export_via_state_file(store_factory, tmp_path):
    a, b = store_factory("vnog"), store_factory("vggm")
    iid = new(a, incident())
    import_bundle(b, export_bundle(a, tmp_path / "1.cbb").path)
    move(a, iid, "incident.status_changed", "actief")
    move(a, iid, "incident.status_changed", "beheerst")
    doc = write_state(b, tmp_path / "b.state")
    assert doc["heads"] == {"vnog": 2, "vggm": 1}
    heads = read_state(tmp_path / "b.state", "LIVE")
    res = export_bundle(a, tmp_path / "2.cbb", since_heads=heads)
    assert res.events == 2 and res.origins == {"vnog": (3, 4)}
    manifest, _ = read_bundle(res.path)
    assert manifest["incremental"] is True
    r = import_bundle(b, res.path)
    assert len(r.accepted) == 2 and b.entity(iid)["status"] == "beheerst"
    with pytest.raises(BundleError, match="wereld LIVE, deze store is OEF-1"):
        read_state(tmp_path / "b.state", "OEF-1")
    (tmp_path / "x.state").write_text("{kapot", encoding="utf-8")
    with pytest.raises(BundleError, match="onleesbaar"):
        read_state(tmp_path / "x.state", "LIVE")
    (tmp_path / "y.state").write_text('{"format": "iets"}', encoding="utf-8")
    with pytest.raises(BundleError, match="geen Crisisbeeld-statusbestand"):
        read_state(tmp_path / "y.state", "LIVE")
    (tmp_path / "z.state").write_text(json.dumps({"format": "crisisbeeld-state/1",
                                                  "world": "LIVE", "heads": {"a": "x"}}))
    with pytest.raises(BundleError, match="beschadigd"):
        read_state(tmp_path / "z.state", "LIVE")


@pytest.fixture
def bundle(store_factory, tmp_path) -> Path:
    a = store_factory("vnog")
    for i in range(30):
        new(a, incident(f"incident {i}", beeld="x" * 200))
    return export_bundle(a, tmp_path / "a.cbb").path


def _refused(st: Store, path: Path, match: str) -> None:
    before = snapshot(st)
    with pytest.raises(BundleError, match=match):
        import_bundle(st, path)
    assert snapshot(st) == before


def _members(path: Path) -> list[tuple[int, int]]:
    """The byte ranges of the ZIP members' data (each covered by its CRC-32)."""
    with zipfile.ZipFile(path) as z:
        return [(i.header_offset + len(i.FileHeader()),
                 i.header_offset + len(i.FileHeader()) + i.compress_size) for i in z.infolist()]


def _received(st: Store, origin: str) -> list[dict[str, object]]:
    return [e.to_wire() for e in st.iter_events() if e.origin == origin]


def test_flipped_bytes_refused_and_nothing_changed(store_factory, bundle, tmp_path):
    """A flipped byte is refused with nothing changed; only a flip in a field that no reader
    uses (a ZIP header's timestamp) may import, and then exactly the original content."""
    ref = store_factory("vggm")
    assert len(import_bundle(ref, bundle).accepted) == 31
    sent = _received(ref, "vnog")
    b = store_factory("vggm")
    data = bundle.read_bytes()
    members = _members(bundle)
    rnd = random.Random(7)
    positions = [len(data) // 2, 40, len(data) - 30, members[1][0] + 5,
                 10, 12] + [rnd.randrange(len(data)) for _ in range(20)]
    imported = 0
    for pos in positions:
        bad = bytearray(data)
        bad[pos] ^= 0x55
        p = tmp_path / f"flip{pos}.cbb"
        p.write_bytes(bytes(bad))
        before = snapshot(b)
        try:
            res = import_bundle(b, p)
        except BundleError as e:
            assert str(e).startswith(f"{p} is "), e
            assert snapshot(b) == before
            continue
        # (10, 12: the local header's modification time of manifest.json, read by nobody)
        assert not any(lo <= pos < hi for lo, hi in members), pos  # member data is checked
        assert not res.rejected and len(res.accepted) == 31
        assert _received(b, "vnog") == sent and b.rows("incident") == ref.rows("incident")
        imported += 1
        b.close()
        b = store_factory("vggm")
    assert imported >= 1  # the timestamp flips: the branch above is really taken


def test_truncated_refused(store_factory, bundle, tmp_path):
    b = store_factory("vggm")
    data = bundle.read_bytes()
    for cut in (0, 10, len(data) // 3, len(data) - 1):
        p = tmp_path / f"cut{cut}.cbb"
        p.write_bytes(data[:cut])
        _refused(b, p, "geen leesbare Crisisbeeld-bundel|beschadigd|onvolledig")


def test_wrong_format_refused(store_factory, tmp_path):
    b = store_factory("vggm")
    p = tmp_path / "notes.txt"
    p.write_text("boodschappenlijst", encoding="utf-8")
    _refused(b, p, "geen leesbare Crisisbeeld-bundel")
    q = tmp_path / "other.zip"
    with zipfile.ZipFile(q, "w") as z:
        z.writestr("manifest.json", json.dumps({"format": "iets-anders/1"}))
        z.writestr("events.jsonl", "")
    _refused(b, q, "onbekend formaat")
    r = tmp_path / "noevents.zip"
    with zipfile.ZipFile(r, "w") as z:
        z.writestr("manifest.json", "{}")
    _refused(b, r, "geen leesbare Crisisbeeld-bundel")
    _refused(b, tmp_path / "nergens.cbb", "bestaat niet")


def test_tampered_content_with_matching_checksum_still_refused(store_factory, bundle,
                                                              tmp_path):
    """Someone rewrites an event and fixes the checksum: the signature still refuses it."""
    import hashlib

    b = store_factory("vggm")
    manifest, events = read_bundle(bundle)
    events[5]["payload"]["title"] = "vervalst"
    body = "".join(json.dumps(e) + "\n" for e in events).encode()
    manifest["sha256"] = hashlib.sha256(body).hexdigest()
    p = tmp_path / "fixed.cbb"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("events.jsonl", body)
    res = import_bundle(b, p)
    assert res.rejected and all(e["payload"].get("title") != "vervalst"
                                for e in [b.entity(x["entity"]) or {"payload": {}}
                                          for x in events[5:6]])
    assert b.event_count() == 1 + 5  # b's registration + the untouched prefix


def test_miscounted_bundle_refused(store_factory, bundle, tmp_path):
    import hashlib

    b = store_factory("vggm")
    manifest, events = read_bundle(bundle)
    body = "".join(json.dumps(e) + "\n" for e in events[:-1]).encode()
    manifest["sha256"] = hashlib.sha256(body).hexdigest()
    p = tmp_path / "short.cbb"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("events.jsonl", body)
    _refused(b, p, "onvolledig: 30 van 31")


def test_other_world_refused(store_factory, bundle):
    oef = store_factory("vggm", "OEF-2026-01")
    _refused(oef, bundle, "deze bundel hoort bij wereld LIVE, deze store bij OEF-2026-01; "
                          "oefen- en echte gegevens worden nooit gemengd")



def test_format_2_holds_zstd_lines_and_format_1_is_still_read(store_factory, bundle, tmp_path):
    """A bundle is written as format 2 (the lines zstd-packed, stored as they are in the ZIP,
    the checksum over the unpacked lines); a format-1 bundle (deflated lines) still imports."""
    import hashlib

    from data.sync.wire import unzstd_limited

    with zipfile.ZipFile(bundle) as z:
        manifest = json.loads(z.read("manifest.json"))
        info = z.getinfo("events.jsonl.zst")
        body = unzstd_limited(z.read("events.jsonl.zst"))
        assert "events.jsonl" not in z.namelist()
    assert manifest["format"] == "crisisbeeld-bundle/2"
    assert info.compress_type == zipfile.ZIP_STORED
    assert hashlib.sha256(body).hexdigest() == manifest["sha256"]
    assert body.count(b"\n") == manifest["events"] == 31
    old = tmp_path / "formaat1.cbb"
    with zipfile.ZipFile(old, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps({**manifest, "format": "crisisbeeld-bundle/1"}))
        z.writestr("events.jsonl", body)
    b, c = store_factory("vggm"), store_factory("vggm")
    res = import_bundle(b, old)
    assert len(res.accepted) == 31 and not res.rejected
    assert len(import_bundle(c, bundle).accepted) == 31
    assert b.heads()["vnog"] == c.heads()["vnog"] == 31
    assert b.rows("incident") == c.rows("incident") and len(b.rows("incident")) == 30


def test_a_bundle_that_unpacks_beyond_reason_is_refused(store_factory, bundle, monkeypatch):
    import data.sync.bundle as bundle_mod

    monkeypatch.setattr(bundle_mod, "MAX_UNPACKED", 1000)
    b = store_factory("vggm")
    _refused(b, bundle, "pakt uit tot meer dan")


# ---------------------------------------------------------------- CLI

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_verbs(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CRISISBEELD_AUTHOR", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "jdevries")
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert run(capsys, "init", "--db", a, "--node", "vnog", "--name", "VNOG") == (
        0, "store aangemaakt: node vnog, wereld LIVE, door jdevries (beheerder)\n", "")
    code, _, err = run(capsys, "demo", "--db", a)  # demo data never in LIVE
    assert code == 2 and "nooit in LIVE" in err
    a = str(tmp_path / "a-oef.db")
    run(capsys, "init", "--db", a, "--node", "vnog", "--world", "OEF-DEMO")
    code, _, err = run(capsys, "init", "--db", a, "--node", "vnog")
    assert code == 2 and "bestaat al" in err and err.startswith("crisisbeeld: ")
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "c.db"), "--node", "x y")
    assert code == 2 and "node-id" in err
    code, out, _ = run(capsys, "demo", "--db", a, "--events", "200")
    assert code == 0 and out.startswith("demo: ")
    code, out, _ = run(capsys, "demo", "--db", b, "--node", "vggm", "--seed", "2")
    assert code == 0
    # b -> a with a state file (incremental), a -> b full
    assert run(capsys, "state", "--db", a, "--out", str(tmp_path / "a.state"))[0] == 0
    code, out, _ = run(capsys, "export", "--db", b, "--out", str(tmp_path / "b.cbb"),
                       "--state", str(tmp_path / "a.state"))
    assert code == 0 and out.startswith("incrementele bundel geschreven")
    code, out, _ = run(capsys, "export", "--db", a, "--out", str(tmp_path / "a.cbb"))
    assert code == 0 and out.startswith("bundel geschreven") and "1 herkomst)" in out
    code, out, _ = run(capsys, "import", "--db", a, str(tmp_path / "b.cbb"))
    assert code == 0 and "0 geweigerd" in out and "vingerafdruk: " in out
    code, out, _ = run(capsys, "import", "--db", b, str(tmp_path / "a.cbb"))
    assert code == 0
    fa = run(capsys, "fingerprint", "--db", a)
    fb = run(capsys, "fingerprint", "--db", b)
    assert fa[0] == 0 and fa == fb  # same events: same line, nothing local in it
    assert "a.db" not in fa[1] and "vnog" not in fa[1]
    code, out, _ = run(capsys, "rebuild", "--db", a)
    assert code == 0 and fa[1].strip() in out


def test_cli_errors(tmp_path, capsys):
    missing = str(tmp_path / "nergens.db")
    for argv in (["fingerprint", "--db", missing], ["state", "--db", missing, "--out", "x"],
                 ["export", "--db", missing, "--out", "x"], ["import", "--db", missing, "x"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and "bestaat niet" in err and out == ""
    a = str(tmp_path / "a.db")
    run(capsys, "init", "--db", a, "--node", "vnog")
    code, _, err = run(capsys, "import", "--db", a, str(tmp_path / "geen.cbb"))
    assert code == 2 and "bestaat niet" in err
    oef = str(tmp_path / "oef.db")
    run(capsys, "init", "--db", oef, "--node", "vggm", "--world", "OEF-2026-01")
    run(capsys, "export", "--db", oef, "--out", str(tmp_path / "oef.cbb"))
    code, _, err = run(capsys, "import", "--db", a, str(tmp_path / "oef.cbb"))
    assert code == 2 and "nooit gemengd" in err
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "d.db"), "--world", "OEFENING")
    assert code == 2 and "wereld" in err
    assert main([]) == 2
    capsys.readouterr()


def test_cli_import_with_rejections_exits_1(tmp_path, capsys, store_factory):
    a = store_factory("vnog")
    new(a, incident())
    manifest_path = export_bundle(a, tmp_path / "a.cbb").path
    manifest, events = read_bundle(manifest_path)
    # drop the registration: the rest has a gap and is refused (to be offered again later)
    import hashlib

    body = "".join(json.dumps(e) + "\n" for e in events[1:]).encode()
    manifest.update(sha256=hashlib.sha256(body).hexdigest(), events=1)
    p = tmp_path / "gap.cbb"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("events.jsonl", body)
    b = str(tmp_path / "b.db")
    run(capsys, "init", "--db", b, "--node", "vggm")
    code, out, _ = run(capsys, "import", "--db", b, str(p))
    assert code == 1 and "1 geweigerd" in out and "ontbrekende voorganger" in out


def test_demo_stores_exchanged_in_any_order_show_one_fingerprint(tmp_path):
    """Stores filled independently with the demo and exchanged as bundles in any order show
    one fingerprint, also after each continued the same picture concurrently."""
    from data.demo import Demo

    nodes = ("vnog", "vggm", "kcr2")
    stores = [Store.create(tmp_path / f"{n}.db", n, "OEF-2026-07", n) for n in nodes]
    try:
        for i, st in enumerate(stores):
            Demo(st, seed=i).run(extra_events=150)
        rnd = random.Random(11)
        for rnd_round in range(2):
            pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
            for _ in range(2):  # every pair twice, in a random order: all know everything
                rnd.shuffle(pairs)
                for a, b in pairs:
                    p = tmp_path / f"{nodes[a]}-{rnd_round}.cbb"
                    export_bundle(stores[a], p)
                    assert not import_bundle(stores[b], p).rejected
            fps = {str(st.fingerprint()) for st in stores}
            assert len(fps) == 1, fps
            assert len({tuple(sorted(c["id"] for c in st.conflicts())) for st in stores}) == 1
            if rnd_round == 0:  # each centre continues the same (merged) picture concurrently
                for i, st in enumerate(stores):
                    Demo(st, seed=100 + i).run()
                assert len({str(st.fingerprint()) for st in stores}) == 3
        # the same steps taken concurrently are agreements, seen alike everywhere
        assert stores[0].event_count() == stores[2].event_count() > 3 * 450
    finally:
        for st in stores:
            st.close()


def test_wire_line_is_the_canonical_json_of_the_wire_form(store_factory):
    from data.store.envelope import canonical_json

    st = store_factory()
    new(st, incident("Rook \"boven\" Epe\n\\ é \u2028 \x01", beeld="x"))
    for parsed in (True, False):
        for e in st.iter_events(parse_payload=parsed):
            assert e.wire_line() == canonical_json(e.to_wire())


def test_texts_with_unicode_line_separators_survive_a_bundle(store_factory, tmp_path):
    """Canonical JSON leaves U+2028/U+0085 unescaped: lines are split on newline only."""
    a, b = store_factory("vnog"), store_factory("vggm")
    iid = new(a, incident("Rook\u2028boven\x85Epe", beeld="regel 1\u2029regel 2\nregel 3"))
    r = import_bundle(b, export_bundle(a, tmp_path / "u.cbb").path)
    assert not r.rejected and b.entity(iid) == a.entity(iid)


def test_big_bundle_imported_in_slices(store_factory, tmp_path, monkeypatch):
    import data.sync.bundle as bundle_mod

    monkeypatch.setattr(bundle_mod, "IMPORT_SLICE", 7)
    a, b = store_factory("vnog"), store_factory("vggm")
    for i in range(20):
        new(a, incident(f"i{i}"))
    r = import_bundle(b, export_bundle(a, tmp_path / "s.cbb").path)
    assert len(r.accepted) == 21 and not r.rejected and len(r.changes.events) == 21
    exchange(a, b)
    assert a.fingerprint() == b.fingerprint()


def test_export_in_format_1_for_an_older_receiver(store_factory, bundle, tmp_path, capsys):
    a = store_factory("vnog")
    new(a, incident("oud formaat"))
    p = export_bundle(a, tmp_path / "f1.cbb", fmt=1).path
    with zipfile.ZipFile(p) as z:
        assert json.loads(z.read("manifest.json"))["format"] == "crisisbeeld-bundle/1"
        assert z.getinfo("events.jsonl").compress_type == zipfile.ZIP_DEFLATED
        assert "events.jsonl.zst" not in z.namelist()
    b = store_factory("vggm")
    assert len(import_bundle(b, p).accepted) == 2
    with pytest.raises(BundleError, match="onbekend bundelformaat 3"):
        export_bundle(a, tmp_path / "f3.cbb", fmt=3)
    code, out, _ = run(capsys, "export", "--db", a.path, "--out", str(tmp_path / "c.cbb"),
                       "--format", "1")
    assert code == 0
    with zipfile.ZipFile(tmp_path / "c.cbb") as z:
        assert "events.jsonl" in z.namelist()

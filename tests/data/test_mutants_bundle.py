"""Tests that kill the mutants of data/sync/bundle.py that survived `make mutation`
(docs/mutation.md): the manifest written, each refusal of a state file or bundle with its
message, and the slicing of a big import."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from data.store import Command, Store
from data.sync import bundle as b
from data.sync.bundle import BundleError
from data.sync.wire import zstd_bytes


@pytest.fixture(autouse=True)
def _short_lines_allowed(monkeypatch):
    """These tests use lines far shorter than any event to reach the rules they test; the
    bound on short lines has its own test (tests/data/sync/test_doors_bounded.py)."""
    monkeypatch.setattr(b, "MIN_AVG_LINE", 1)


@pytest.fixture
def store(tmp_path):
    st = Store.create(tmp_path / "vnog.db", "vnog", "LIVE", "VNOG")
    for n in range(3):
        st.execute(Command("journal.logged", {"channel": "NCV", "text": f"m{n}"}), "IM")
    yield st
    st.close()


def test_constants():
    assert b.FORMAT == "crisisbeeld-bundle/2"
    assert b.FORMATS == ("crisisbeeld-bundle/1", "crisisbeeld-bundle/2")
    assert (b.EVENTS_ZST, b.EVENTS_PLAIN) == ("events.jsonl.zst", "events.jsonl")
    assert b.MAX_UNPACKED == 4 * 2**30 and b.STATE_FORMAT == "crisisbeeld-state/1"
    assert b.IMPORT_SLICE == 10_000 and b.HELPER_AHEAD == 2


def test_state_file_round_trip_and_refusals(store, tmp_path):
    p = tmp_path / "state.json"
    doc = b.write_state(store, p)
    assert doc == {"format": "crisisbeeld-state/1", "world": "LIVE", "heads": {"vnog": 4}}
    assert json.loads(p.read_text("utf-8")) == doc and p.read_text().startswith('{\n "format"')
    assert b.read_state(p, "LIVE") == {"vnog": 4}
    with pytest.raises(BundleError, match="^statusbestand is van wereld LIVE, deze store is "
                                          "OEF-1$"):
        b.read_state(p, "OEF-1")
    bad = tmp_path / "bad.json"
    for content, message in [
        ("{kapot", f"^statusbestand {bad} is onleesbaar: "),
        ("[]", f"^{bad} is geen Crisisbeeld-statusbestand$"),
        ('{"format": "x"}', f"^{bad} is geen Crisisbeeld-statusbestand$"),
        ('{"format": "crisisbeeld-state/1", "world": "LIVE", "heads": []}',
         f"^{bad}: 'heads' is beschadigd$"),
        ('{"format": "crisisbeeld-state/1", "world": "LIVE", "heads": {"a": "1"}}',
         f"^{bad}: 'heads' is beschadigd$"),
    ]:
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(BundleError, match=message):
            b.read_state(bad, "LIVE")
    with pytest.raises(BundleError, match="is onleesbaar"):
        b.read_state(tmp_path / "er-niet.json", "LIVE")
    bad.write_text('{"format": "crisisbeeld-state/1", "world": "LIVE", "heads": {}}')
    assert b.read_state(bad, "LIVE") == {}


@pytest.mark.parametrize("fmt", [1, 2])
def test_export_writes_the_manifest_and_lines(store, tmp_path, fmt):
    out = tmp_path / "b.zip"
    res = b.export_bundle(store, out, fmt=fmt)
    assert res.path == out and res.events == 4 and res.origins == {"vnog": (1, 4)}
    assert not (tmp_path / "b.zip.part").exists()
    with zipfile.ZipFile(out) as z:
        man = json.loads(z.read("manifest.json"))
        if fmt == 1:
            assert z.namelist() == ["manifest.json", "events.jsonl"]
            assert z.getinfo("events.jsonl").compress_type == zipfile.ZIP_DEFLATED
            body = z.read("events.jsonl")
        else:
            assert z.namelist() == ["manifest.json", "events.jsonl.zst"]
            assert z.getinfo("events.jsonl.zst").compress_type == zipfile.ZIP_STORED
            from data.sync.wire import unzstd_limited
            body = unzstd_limited(z.read("events.jsonl.zst"))
    lines = body.decode().split("\n")
    assert lines[-1] == "" and len(lines) == 5
    assert [json.loads(x)["seq"] for x in lines[:-1]] == [1, 2, 3, 4]
    assert set(man) == {"format", "world", "exported_by", "exported_at", "incremental",
                        "events", "origins", "sha256", "blobs"}
    assert man["blobs"] == {}  # (no attachments: no files)
    assert man["format"] == b.FORMATS[fmt - 1] and man["world"] == "LIVE"
    assert man["exported_by"] == "vnog" and man["incremental"] is False and man["events"] == 4
    assert man["origins"] == {"vnog": {"from": 1, "to": 4}}
    assert man["sha256"] == hashlib.sha256(body).hexdigest()
    assert len(man["exported_at"]) == 20 and man["exported_at"].endswith("Z")
    manifest, events = b.read_bundle(out)
    assert manifest == man and [e["seq"] for e in events] == [1, 2, 3, 4]


def test_incremental_and_empty_exports(store, tmp_path):
    res = b.export_bundle(store, tmp_path / "i.zip", since_heads={"vnog": 2})
    assert res.events == 2 and res.origins == {"vnog": (3, 4)}
    man, events = b.read_bundle(tmp_path / "i.zip")
    assert man["incremental"] is True and man["origins"] == {"vnog": {"from": 3, "to": 4}}
    res = b.export_bundle(store, tmp_path / "e.zip", since_heads={"vnog": 4})
    assert res.events == 0 and res.origins == {}
    man, events = b.read_bundle(tmp_path / "e.zip")
    assert events == [] and man["sha256"] == hashlib.sha256(b"").hexdigest()
    with pytest.raises(BundleError, match=r"^onbekend bundelformaat 3 \(1 of 2\)$"):
        b.export_bundle(store, tmp_path / "x.zip", fmt=3)


def _zip(path: Path, manifest: object, events: bytes | None, member: str = "events.jsonl.zst",
         raw_member: bool = False) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        if events is not None:
            z.writestr(member, events if raw_member or member == "events.jsonl"
                       else zstd_bytes(events))
    return path


def _manifest(body: bytes, n: int, **over) -> dict:
    return {"format": b.FORMAT, "world": "LIVE", "events": n,
            "sha256": hashlib.sha256(body).hexdigest(), **over}


def test_refusals_of_a_bundle(tmp_path):
    body = b'{"a":1}\n{"b":2}\n'
    p = tmp_path / "x.zip"
    with pytest.raises(BundleError, match=f"^{tmp_path / 'nee.zip'} bestaat niet$"):
        b.read_bundle(tmp_path / "nee.zip")
    _zip(p, _manifest(body, 2, format="iets/9"), body)
    with pytest.raises(BundleError, match=r"is geen Crisisbeeld-bundel \(onbekend formaat\)$"):
        b.read_bundle(p)
    _zip(p, [1], body)
    with pytest.raises(BundleError, match=r"onbekend formaat"):
        b.read_bundle(p)
    _zip(p, _manifest(body, 2, world="OEF-1"), body)
    with pytest.raises(BundleError, match="^deze bundel hoort bij wereld OEF-1, deze store bij "
                                          "LIVE; oefen- en echte gegevens worden nooit "
                                          "gemengd$"):
        b._read_verified(p, "LIVE")  # noqa: SLF001
    assert b._read_verified(p)[1] == [b'{"a":1}', b'{"b":2}']  # noqa: SLF001
    _zip(p, _manifest(body, 2, sha256="0" * 64), body)
    with pytest.raises(BundleError, match=f"^{p} is beschadigd: de controlesom klopt niet$"):
        b.read_bundle(p)
    _zip(p, _manifest(body, 3), body)
    with pytest.raises(BundleError, match=f"^{p} is onvolledig: 2 van 3 gebeurtenissen$"):
        b.read_bundle(p)
    _zip(p, _manifest(body, 2), None)
    with pytest.raises(BundleError,
                       match=f"^{p} is geen leesbare Crisisbeeld-bundel: een onderdeel ontbreekt"):
        b.read_bundle(p)
    p.write_bytes(b"PK kapot")
    with pytest.raises(BundleError, match="is geen leesbare Crisisbeeld-bundel"):
        b.read_bundle(p)
    _zip(p, _manifest(body, 2), b"kapot", raw_member=True)
    with pytest.raises(BundleError, match="is geen leesbare Crisisbeeld-bundel"):
        b.read_bundle(p)


def test_lines_are_split_on_newline_only_and_a_last_line_may_lack_one(tmp_path):
    body = '{"t":"a\u2028b"}\n\n{"t":"c\u0085"}'.encode()
    p = _zip(tmp_path / "x.zip", _manifest(body, 2, format="crisisbeeld-bundle/1"), body,
             member="events.jsonl")
    man, events = b.read_bundle(p)
    assert events == [{"t": "a\u2028b"}, {"t": "c\u0085"}]


def test_a_line_that_is_no_event(tmp_path):
    body = b'{"a":1}\n[1]\n'
    p = _zip(tmp_path / "x.zip", _manifest(body, 2), body)
    with pytest.raises(BundleError, match=f"^{p} is beschadigd: een regel is geen gebeurtenis$"):
        b.read_bundle(p)
    body = b'{"a":1}\n{kapot\n'
    p = _zip(tmp_path / "y.zip", _manifest(body, 2), body)
    with pytest.raises(BundleError, match=f"^{p} is beschadigd: "):
        b.read_bundle(p)


def test_unpacked_size_is_bounded(tmp_path, monkeypatch):
    body = b'{"a":1}\n' * 64
    p = _zip(tmp_path / "x.zip", _manifest(body, 64), body)
    monkeypatch.setattr(b, "_READ_PIECE", 16)
    monkeypatch.setattr(b, "MAX_UNPACKED", len(body))
    assert len(b.read_bundle(p)[1]) == 64  # exactly the bound is fine
    monkeypatch.setattr(b, "MAX_UNPACKED", len(body) - 1)
    with pytest.raises(BundleError, match=f"^{p} pakt uit tot meer dan 0 MiB: geen echte "
                                          "bundel$"):
        b.read_bundle(p)


def test_slices_are_handed_out_as_read(tmp_path, monkeypatch):
    body = b"".join(b'{"n":%d}\n' % i for i in range(10))
    p = _zip(tmp_path / "x.zip", _manifest(body, 10), body)
    monkeypatch.setattr(b, "_READ_PIECE", 7)
    monkeypatch.setattr(b, "IMPORT_SLICE", 3)
    got: list[list[bytes]] = []
    man, lines = b._read_verified(p, "LIVE", got.append)  # noqa: SLF001
    assert got == [lines[0:3], lines[3:6], lines[6:9]] and len(lines) == 10
    assert b._Slices._first(0) == 1 and b._Slices._first(2) == 7  # noqa: SLF001


def test_import_in_slices_takes_everything_in_order(store, tmp_path, monkeypatch):
    for n in range(8):
        store.execute(Command("journal.logged", {"channel": "NCV", "text": f"x{n}"}), "IM")
    out = tmp_path / "b.zip"
    b.export_bundle(store, out)
    monkeypatch.setattr(b, "IMPORT_SLICE", 4)
    monkeypatch.setattr(b, "MIN_EVENTS", 4)  # slices big enough for the helper (not running)
    with Store.create(tmp_path / "vggm.db", "vggm", "LIVE") as other:
        res = b.import_bundle(other, out)
        assert len(res.accepted) == 12 and res.duplicates == [] and res.rejected == []
        assert other.heads()["vnog"] == 12
        assert res.changes.events and len(res.changes.events) == 12
        again = b.import_bundle(other, out)
        assert again.accepted == [] and len(again.duplicates) == 12


def test_import_refuses_another_world_and_changes_nothing(store, tmp_path):
    out = tmp_path / "b.zip"
    b.export_bundle(store, out)
    with Store.create(tmp_path / "oef.db", "vggm", "OEF-1") as other:
        before = other.event_count()
        with pytest.raises(BundleError, match="hoort bij wereld LIVE, deze store bij OEF-1"):
            b.import_bundle(other, out)
        assert other.event_count() == before
    with Store.create(tmp_path / "x.db", "vggm", "LIVE") as other:
        with pytest.raises(BundleError, match="bestaat niet"):
            b.import_bundle(other, tmp_path / "weg.zip")

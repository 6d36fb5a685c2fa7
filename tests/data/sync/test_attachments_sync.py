"""Attachments' bytes through a hub (its doors and the sync engine) and through a bundle."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
import requests

from data.domain.attachments import MAX_ATTACHMENT_BYTES
from data.store import Changes, Command, Store
from data.sync.bundle import BundleError, export_bundle, import_bundle
from data.sync.client import PeerConfig, SyncEngine
from data.sync.hub.store_log import StoreEventLog
from tests.data.helpers import snapshot
from tests.data.sync.conftest import ThreadHub

PHOTO = b"\xff\xd8\xff\xe0JFIF" + bytes(range(256)) * 40
PDF = b"%PDF-1.4 NL-Alert: verlaat de polder"


def _sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def _incident(st: Store) -> str:
    ch = st.execute(Command("incident.reported", {"title": "Dijkdoorbraak", "kind": "overstroming",
                                                  "regions": ["VNOG"]}), "IM VNOG")
    (iid,) = ch.entities
    return iid


def _engine(st: Store, hub: ThreadHub) -> SyncEngine:
    return SyncEngine(st, [PeerConfig(hub.url, hub.enroll(st.node_id))], backoff_base=0.01,
                      backoff_cap=0.05, timeout=(2.0, 10.0))


def test_a_file_reaches_the_other_centre_through_the_hub(sql_hub, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = _incident(a)
    a.attach(iid, PHOTO, "dijk.jpg", author="IM VNOG")
    a.attach(iid, PDF, "nlalert.pdf", author="IM VNOG")
    ea, eb = _engine(a, sql_hub), _engine(b, sql_hub)
    arrived: list[Changes] = []
    eb.blobs.on_received = arrived.append
    try:
        ea.sync_once()
        assert sql_hub.log.blobs.held("LIVE", [_sha(PHOTO), _sha(PDF)]) == sorted(
            [_sha(PHOTO), _sha(PDF)])
        eb.sync_once()
    finally:
        ea.close()
        eb.close()
    got = b.attachments(iid)
    assert [x["received"] for x in got] == [True, True]
    assert b.blob(_sha(PHOTO)) == PHOTO and b.blob(_sha(PDF)) == PDF
    assert b.wanted_blobs() == set()
    # the window is told which attachments can be shown now
    assert [set(c.entities) for c in arrived] == [{x["id"] for x in got}]
    assert all(k == "attachment" for c in arrived for k in c.entities.values())


def test_a_centre_hub_on_its_own_store_passes_files_on(tmp_path, store_factory):
    host, a = store_factory("vnog"), store_factory("vrbzo")
    log = StoreEventLog(host)
    hub = ThreadHub(log)
    try:
        iid = _incident(a)
        a.attach(iid, PHOTO, "dijk.jpg", author="IM VRBZO")
        ea = _engine(a, hub)
        try:
            ea.sync_once()
        finally:
            ea.close()
        assert host.attachments(iid)[0]["received"] and host.blob(_sha(PHOTO)) == PHOTO
    finally:
        hub.stop()
        log.close()


def test_the_hub_refuses_wrong_bytes_and_too_many_and_keeps_nothing(sql_hub):
    token = sql_hub.enroll("vnog")
    auth = {"Authorization": f"Bearer {token}"}
    url = f"{sql_hub.url}/v1/worlds/LIVE/blobs"
    r = requests.put(f"{url}/{_sha(b'iets anders')}", data=PHOTO, headers=auth, timeout=10)
    assert r.status_code == 422 and "controlegetal" in r.json()["detail"]
    big = b"x" * (MAX_ATTACHMENT_BYTES + 1)
    r = requests.put(f"{url}/{_sha(big)}", data=big, headers=auth, timeout=30)
    assert r.status_code == 413 and "te groot" in r.json()["detail"]
    r = requests.put(f"{url}/niet-hex", data=PHOTO, headers=auth, timeout=10)
    assert r.status_code == 400
    assert requests.put(f"{url}/{_sha(PHOTO)}", data=PHOTO, timeout=10).status_code == 401
    assert sql_hub.log.blobs.held("LIVE", [_sha(PHOTO), _sha(big), _sha(b"iets anders")]) == []
    r = requests.get(f"{url}/{_sha(PHOTO)}", headers=auth, timeout=10)
    assert r.status_code == 404 and "nog niet ontvangen" in r.json()["detail"]
    # the right bytes are kept, and only in their world
    r = requests.put(f"{url}/{_sha(PHOTO)}", data=PHOTO, headers=auth, timeout=10)
    assert r.status_code == 200
    assert requests.get(f"{url}/{_sha(PHOTO)}", headers=auth, timeout=10).content == PHOTO
    assert sql_hub.log.blobs.held("OEF-2026-01", [_sha(PHOTO)]) == []


def test_world_rights_hold_for_files(sql_hub):
    reader = sql_hub.enroll("lezer", worlds=(), read=("LIVE",))
    auth = {"Authorization": f"Bearer {reader}"}
    url = f"{sql_hub.url}/v1/worlds/LIVE/blobs/{_sha(PHOTO)}"
    assert requests.put(url, data=PHOTO, headers=auth, timeout=10).status_code == 403
    other = f"{sql_hub.url}/v1/worlds/OEF-2026-01/blobs/{_sha(PHOTO)}"
    assert requests.get(other, headers=auth, timeout=10).status_code == 403


def test_a_bundle_carries_the_files_with_equal_hashes(tmp_path, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = _incident(a)
    a.attach(iid, PHOTO, "dijk.jpg", author="IM VNOG")
    out = export_bundle(a, tmp_path / "stick.cbb")
    with zipfile.ZipFile(out.path) as z:
        assert json.loads(z.read("manifest.json"))["blobs"] == {_sha(PHOTO): len(PHOTO)}
    import_bundle(b, out.path)
    (got,) = b.attachments(iid)
    assert got["received"] and _sha(b.blob(got["sha256"]) or b"") == got["sha256"] == _sha(PHOTO)
    # an incremental bundle with nothing new carries no file
    since = export_bundle(a, tmp_path / "inc.cbb", since_heads=b.heads())
    with zipfile.ZipFile(since.path) as z:
        assert json.loads(z.read("manifest.json"))["blobs"] == {}


def _forge(src: Path, dst: Path, blob_name: str, data: bytes, size: int | None = None) -> None:
    """A copy of bundle ``src`` whose one blob is replaced by ``data`` (manifest adjusted)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename.startswith("blobs/"):
                continue
            body = zin.read(info)
            if info.filename == "manifest.json":
                m = json.loads(body)
                m["blobs"] = {blob_name: len(data) if size is None else size}
                body = json.dumps(m).encode()
            zout.writestr(info, body)
        zout.writestr("blobs/" + blob_name, data)


@pytest.mark.parametrize("what", ["wrong_hash", "too_large"])
def test_a_bundle_with_a_bad_file_is_refused_whole(tmp_path, store_factory, what):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = _incident(a)
    a.attach(iid, PHOTO, "dijk.jpg", author="IM VNOG")
    good = export_bundle(a, tmp_path / "good.cbb").path
    bad = tmp_path / "bad.cbb"
    if what == "wrong_hash":
        _forge(good, bad, _sha(PHOTO), PHOTO[:-1] + b"!")
    else:
        big = b"z" * (MAX_ATTACHMENT_BYTES + 1)
        _forge(good, bad, _sha(big), big)
    before = snapshot(b)
    with pytest.raises(BundleError, match="niets ingelezen"):
        import_bundle(b, bad)
    assert snapshot(b) == before and b.blobs_held() == set()


def test_a_withdrawn_file_is_dropped_by_the_other_centre_and_not_bundled(
        sql_hub, store_factory, tmp_path):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = _incident(a)
    _ch, aid = a.attach(iid, PHOTO, "paspoort.jpg", author="IM VNOG")
    ea, eb = _engine(a, sql_hub), _engine(b, sql_hub)
    try:
        ea.sync_once()
        eb.sync_once()
        assert b.blob(_sha(PHOTO)) == PHOTO
        a.withdraw_attachment(aid, "persoonsgegevens", author="IM VNOG")
        ea.sync_once()
        eb.sync_once()
    finally:
        ea.close()
        eb.close()
    assert b.attachments(iid) == [] and b.blob(_sha(PHOTO)) is None
    assert b.entity(aid)["withdrawn"]["reason"] == "persoonsgegevens"
    # a bundle made after the withdrawal carries the record, not the file
    out = export_bundle(a, tmp_path / "stick.cbb")
    with zipfile.ZipFile(out.path) as z:
        assert json.loads(z.read("manifest.json"))["blobs"] == {}
    c = store_factory("vrgz")
    import_bundle(c, out.path)
    assert c.attachments(iid) == [] and c.entity(aid)["withdrawn"]


def test_a_bundle_with_a_withdrawal_drops_the_file_it_had(tmp_path, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = _incident(a)
    _ch, aid = a.attach(iid, PHOTO, "paspoort.jpg", author="IM VNOG")
    import_bundle(b, export_bundle(a, tmp_path / "1.cbb").path)
    assert b.blob(_sha(PHOTO)) == PHOTO
    a.withdraw_attachment(aid, "persoonsgegevens", author="IM VNOG")
    import_bundle(b, export_bundle(a, tmp_path / "2.cbb", since_heads=b.heads()).path)
    assert b.blob(_sha(PHOTO)) is None and b.attachments(iid) == []


def test_an_old_bundle_read_again_does_not_bring_a_withdrawn_file_back(tmp_path, store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = _incident(a)
    _ch, aid = a.attach(iid, PHOTO, "paspoort.jpg", author="IM VNOG")
    old = export_bundle(a, tmp_path / "oud.cbb").path
    import_bundle(b, old)
    a.withdraw_attachment(aid, "persoonsgegevens", author="IM VNOG")
    import_bundle(b, export_bundle(a, tmp_path / "nieuw.cbb", since_heads=b.heads()).path)
    assert b.blob(_sha(PHOTO)) is None
    res = import_bundle(b, old)  # the same stick again: every event a duplicate
    assert not res.accepted and b.blob(_sha(PHOTO)) is None

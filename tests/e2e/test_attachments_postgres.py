"""Attachments' bytes at a hub on PostgreSQL: two centres exchange a photo through two hub
processes on one database, with equal hashes; wrong bytes are refused there too."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import requests

from data.store import Command, Store
from tests.e2e.synckit import Hub, cli, enroll, pg_database, stores, token_file

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> str:
    return str(pg_database(request))


def test_a_photo_through_two_hub_processes_on_postgresql(tmp_path: Path, pg_url: str):
    a, b = stores(tmp_path, ["vnog", "vrbzo"], 5)
    photo = b"\xff\xd8\xff\xe0" + os.urandom(300_000)
    st = Store.open(a)
    try:
        (iid,) = st.execute(Command("incident.reported", {
            "title": "Dijkdoorbraak", "kind": "overstroming", "regions": ["VNOG"]}),
            "Test (IM)").entities
        st.attach(iid, photo, "dijk.jpg", author="Test (IM)")
    finally:
        st.close()
    ta = enroll(["--db", pg_url], "vnog")
    tb = enroll(["--db", pg_url], "vrbzo")
    h1, h2 = Hub(["--db", pg_url], tmp_path), Hub(["--db", pg_url], tmp_path)
    try:
        for db, tok, hub in ((a, ta, h1), (b, tb, h2)):
            cli("sync", "--db", str(db), "--hub", hub.url, "--token-file",
                token_file(tmp_path, db.stem, tok), "--once", "--give-up", "60", "--quiet")
        sha = hashlib.sha256(photo).hexdigest()
        url = f"{h2.url}/v1/worlds/LIVE/blobs/{sha}"
        auth = {"Authorization": f"Bearer {tb}"}
        assert requests.get(url, headers=auth, timeout=10).content == photo
        wrong = hashlib.sha256(b"anders").hexdigest()
        r = requests.put(f"{h1.url}/v1/worlds/LIVE/blobs/{wrong}", data=photo, headers=auth,
                         timeout=10)
        assert r.status_code == 422
        assert requests.get(f"{h1.url}/v1/worlds/LIVE/blobs/{wrong}", headers=auth,
                            timeout=10).status_code == 404
    finally:
        h1.stop()
        h2.stop()
    got = Store.open(b)
    try:
        (att,) = got.attachments(iid)
        assert att["received"] and got.blob(att["sha256"]) == photo
    finally:
        got.close()

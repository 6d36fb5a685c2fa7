"""A separate `crisisbeeld sync` process writing the store that this process holds open: the
operator's next action still sorts after what that process took in (one clock per file)."""

from __future__ import annotations

from pathlib import Path

from data.store import Command, Store
from tests.data.helpers import incident, new, skew
from tests.e2e.synckit import Hub, cli, token_file

AHEAD_MS = 2 * 60 * 1000  # a neighbour's clock two minutes ahead: inside the drift bound


def sync(db: Path, hub: str, tok: str) -> None:
    cli("sync", "--db", str(db), "--hub", hub, "--token-file", tok, "--once", "--give-up", "60",
        "--quiet")


def test_an_incident_pulled_by_crisisbeeld_sync_then_changed_here(tmp_path: Path):
    local = Store.create(tmp_path / "kcr2.db", "kcr2", "LIVE", "KCR2")
    remote = Store.create(tmp_path / "vrzeeland.db", "vrzeeland", "LIVE", "VR Zeeland")
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        new(local, incident("al bekend"))  # this process's caches are warm
        skew(remote, AHEAD_MS)
        eid = new(remote, incident("Dijkdoorbraak"))
        remote.close()
        tok_l = token_file(tmp_path, "kcr2", hub.enroll("kcr2"))
        tok_r = token_file(tmp_path, "vrzeeland", hub.enroll("vrzeeland"))
        sync(tmp_path / "vrzeeland.db", hub.url, tok_r)
        sync(tmp_path / "kcr2.db", hub.url, tok_l)  # another process writes kcr2.db
        assert local.entity(eid)["status"] == "gemeld"

        local.execute(Command("incident.status_changed", {"to": "actief"}, entity=eid), "OL")
        assert local.entity(eid)["status"] == "actief"
        assert local.conflicts() == []

        sync(tmp_path / "kcr2.db", hub.url, tok_l)
        sync(tmp_path / "vrzeeland.db", hub.url, tok_r)
        with Store.open(tmp_path / "vrzeeland.db") as there:
            assert there.entity(eid)["status"] == "actief"
            assert there.conflicts() == []
    finally:
        hub.stop()
        local.close()

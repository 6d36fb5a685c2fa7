"""Sync across real processes on loopback: hub, peer hub on a centre's store, bundles."""

from __future__ import annotations

import gzip
import http.client
import json
from pathlib import Path

import requests

from tests.e2e.synckit import (
    Hub,
    assert_complete,
    cli,
    cli_bg,
    enroll,
    fingerprint,
    store_seqs,
    stores,
    token_file,
)
from tests.waiting import wait_until


def sync(db: Path, hub: str, tok: str, *extra: str) -> str:
    return cli("sync", "--db", str(db), "--hub", hub, "--token-file", tok, "--once",
               "--give-up", "60", "--quiet", *extra).stdout


def test_three_centres_converge_through_one_hub(tmp_path: Path):
    dbs = stores(tmp_path, ["vnog", "vrbzo", "kcr2"], 400)
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        toks = [token_file(tmp_path, db.stem, hub.enroll(db.stem)) for db in dbs]
        for _ in range(2):
            for db, tok in zip(dbs, toks):
                out = sync(db, hub.url, tok, "--batch", "150")
                assert ": verbonden;" in out  # the hub answered (in words, issue 14)
        fps = {fingerprint(db) for db in dbs}
        assert len(fps) == 1, fps
        for db in dbs:
            assert_complete(store_seqs(db), {"vnog": 401, "vrbzo": 401, "kcr2": 401}, db.stem)
        status = requests.get(hub.url + "/v1/worlds/LIVE/status", timeout=5, headers={
            "Authorization": "Bearer " + Path(toks[0]).read_text().strip()}).json()
        assert status["events"] == 1203 and len(status["nodes"]) == 3
        assert all(n["last_seen"] for n in status["nodes"])
    finally:
        hub.stop()


def test_hub_refuses_clearly_and_stores_nothing(tmp_path: Path):
    (db,) = stores(tmp_path, ["vnog"], 20)
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        tok = hub.enroll("vnog", "OEF-2026-01")
        from data.store import Store

        st = Store.open(db)
        events = [e.to_wire() for e in st.iter_events()]
        st.close()
        body = gzip.compress(json.dumps({"events": events}).encode())
        url = hub.url + "/v1/worlds/LIVE/events"
        gz = {"Content-Encoding": "gzip"}
        r = requests.post(url, data=body, headers=gz, timeout=10)
        assert r.status_code == 401 and "token" in r.json()["detail"]
        r = requests.post(url, data=body, headers={**gz, "Authorization": "Bearer fout"},
                          timeout=10)
        assert r.status_code == 401 and "onbekend" in r.json()["detail"]
        r = requests.post(url, data=body, headers={**gz, "Authorization": f"Bearer {tok}"},
                          timeout=10)
        assert r.status_code == 403 and "LIVE" in r.json()["detail"]
        url = hub.url + "/v1/worlds/OEF-2026-01/events"
        r = requests.post(url, data=body, headers={**gz, "Authorization": f"Bearer {tok}"},
                          timeout=10)
        assert r.status_code == 200 and r.json()["rejected"] == len(events)
        assert "andere wereld" in r.json()["results"][0]["reason"]
        r = requests.post(url, data=b"\x1f\x8b kapot", timeout=10,
                          headers={**gz, "Authorization": f"Bearer {tok}"})
        assert r.status_code == 400 and r.json()["code"] == "onleesbaar"
        # a declared 10 GB body is refused before one byte of it is read
        conn = http.client.HTTPConnection("127.0.0.1", hub.port, timeout=10)
        conn.putrequest("POST", "/v1/worlds/OEF-2026-01/events")
        conn.putheader("Authorization", f"Bearer {tok}")
        conn.putheader("Content-Length", str(10 ** 10))
        conn.endheaders()
        resp = conn.getresponse()
        assert resp.status == 413 and "te groot" in json.loads(resp.read())["detail"]
        conn.close()
        for w in ("LIVE", "OEF-2026-01"):
            st = requests.get(hub.url + f"/v1/worlds/{w}/heads", timeout=5,
                              headers={"Authorization": f"Bearer {tok}"})
            assert st.status_code == 403 or st.json()["heads"] == {}
        # the sync command says so too
        tf = token_file(tmp_path, "vnog", tok)
        r = cli("sync", "--db", str(db), "--hub", hub.url, "--token-file", tf, "--once",
                check=False)  # refused: ends at once, not after --give-up
        assert r.returncode == 1 and "403" in r.stdout and "LIVE" in r.stdout
    finally:
        hub.stop()


def test_chain_hub_to_peer_hub_to_bundle(tmp_path: Path):
    """KCR2's hub serves vnog and vrbzo; VGGM syncs with it and serves its own store to its
    neighbour VRGZ (KCR2 out of VRGZ's reach); VRGZ and VRIJ (no network at all) swap USB
    sticks both ways. Everybody ends on one fingerprint."""
    vnog, vrbzo, vggm, vrgz, vrij = stores(
        tmp_path, ["vnog", "vrbzo", "vggm", "vrgz", "vrij"], 150)
    kcr2 = Hub(["--db", str(tmp_path / "kcr2-hub.db")], tmp_path)
    peer = None
    watcher = None
    try:
        t = {n: token_file(tmp_path, n, kcr2.enroll(n)) for n in ("vnog", "vrbzo", "vggm")}
        vnog_tok = Path(t["vnog"]).read_text().strip()
        # the peer hub runs on VGGM's own store
        peer_tok = token_file(tmp_path, "vrgz-at-vggm", enroll(["--store", str(vggm)], "vrgz"))
        peer = Hub(["--db", str(vggm)], tmp_path, serve=True)
        # VGGM keeps syncing with KCR2 in the background while VRGZ syncs with VGGM
        watcher = cli_bg("sync", "--db", str(vggm), "--hub", kcr2.url, "--token-file",
                         t["vggm"], "--watch", "--interval", "0.2", "--quiet",
                         log=tmp_path / "vggm-sync.log")

        def hub_holds(n: int) -> None:
            """VGGM's background sync relays on its own schedule: wait for its result."""
            wait_until(lambda: kcr2.get("/v1/worlds/LIVE/status", vnog_tok)["events"] == n,
                       f"KCR2's hub holding {n} events (relayed by VGGM)")

        sync(vnog, kcr2.url, t["vnog"])
        sync(vrbzo, kcr2.url, t["vrbzo"])
        sync(vrgz, peer.url, peer_tok)
        hub_holds(4 * 151)   # vrgz's events went vrgz -> vggm's store -> kcr2
        # sticks: each side hands the other its state file; only what is missing travels
        cli("state", "--db", str(vrij), "--out", str(tmp_path / "vrij.state"))
        cli("export", "--db", str(vrgz), "--out", str(tmp_path / "to-vrij.cbbundle"), "--state",
            str(tmp_path / "vrij.state"))
        cli("import", "--db", str(vrij), str(tmp_path / "to-vrij.cbbundle"))
        cli("state", "--db", str(vrgz), "--out", str(tmp_path / "vrgz.state"))
        cli("export", "--db", str(vrij), "--out", str(tmp_path / "to-vrgz.cbz"), "--state",
            str(tmp_path / "vrgz.state"))
        cli("import", "--db", str(vrgz), str(tmp_path / "to-vrgz.cbz"))
        sync(vrgz, peer.url, peer_tok)
        hub_holds(5 * 151)
        sync(vnog, kcr2.url, t["vnog"])
        sync(vrbzo, kcr2.url, t["vrbzo"])
        sync(vrgz, peer.url, peer_tok)
        cli("state", "--db", str(vrij), "--out", str(tmp_path / "vrij.state"))
        cli("export", "--db", str(vrgz), "--out", str(tmp_path / "to-vrij2.cbz"), "--state",
            str(tmp_path / "vrij.state"))
        cli("import", "--db", str(vrij), str(tmp_path / "to-vrij2.cbz"))
        fps = {db.stem: fingerprint(db) for db in (vnog, vrbzo, vggm, vrgz, vrij)}
        assert len(set(fps.values())) == 1, fps
        everyone = {db.stem: 151 for db in (vnog, vrbzo, vggm, vrgz, vrij)}
        for db in (vnog, vrbzo, vggm, vrgz, vrij):
            assert_complete(store_seqs(db), everyone, db.stem)
    finally:
        if watcher:
            watcher.terminate()
            watcher.wait(10)
        if peer:
            peer.stop()
        kcr2.stop()

"""Two machines initialised with the same node id (a fallback laptop, a restored backup): the
second one's `crisisbeeld sync` fails loudly, nothing of the first is lost, and the alarm names
both sides."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from data.store import Store
from tests.data.sync.factory import make_store
from tests.e2e.synckit import Hub, cli, token_file


def test_a_duplicated_node_id_is_a_red_alarm_and_a_failing_sync(tmp_path: Path):
    first = make_store(tmp_path / "vnog.db", "vnog", 20, seed=1)
    laptop = make_store(tmp_path / "vnog-laptop.db", "vnog", 5, seed=2)
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        tok = token_file(tmp_path, "vnog", hub.enroll("vnog"))
        ok = cli("sync", "--db", str(first), "--hub", hub.url, "--token-file", tok, "--once",
                 "--give-up", "60")
        assert ok.returncode == 0
        bad = cli("sync", "--db", str(laptop), "--hub", hub.url, "--token-file", tok, "--once",
                  "--give-up", "60", check=False)
        assert bad.returncode == 1
        assert "LET OP: vork: vnog seq 6" in bad.stderr
        assert "twee machines met node-id vnog" in bad.stderr
        with Store.open(laptop) as st:
            (alarm,) = [a for a in st.alarms() if a["kind"] == "vork"]
            own6 = next(e.id for e in st.iter_events() if e.seq == 6)
            assert own6[:13] in alarm["detail"]
        status = requests.get(f"{hub.url}/v1/worlds/LIVE/status", timeout=10, headers={
            "Authorization": "Bearer " + Path(tok).read_text().strip()}).json()
        assert status["events"] == 21  # the first machine's chain, whole and alone
        # the hub lists the fork in its status too (the laptop offered its seq 6)
        assert [(f["origin"], f["seq"], f["offered_id"]) for f in status["forks"]] == [
            ("vnog", 6, own6)]
        # the first machine goes on as before
        again = cli("sync", "--db", str(first), "--hub", hub.url, "--token-file", tok, "--once",
                    "--give-up", "60")
        assert again.returncode == 0 and json.dumps(status["origins"]) == '{"vnog": 21}'
    finally:
        hub.stop()

"""Sync settings: where they live, the migration step, token files. (The age text moved to the
picture rules: tests/data/test_picture.py.)"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from desktop.sync_settings import (
    VERSION,
    HubEntry,
    SyncSettings,
    config_dir,
    save_token,
    settings_path,
)


def test_settings_live_in_the_test_home(monkeypatch: Any, tmp_path: Path) -> None:
    assert str(settings_path()).startswith(os.environ["CRISISBEELD_HOME"])
    monkeypatch.delenv("CRISISBEELD_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == tmp_path / "xdg" / "crisisbeeld"


def test_round_trip_and_per_store(tmp_path: Path) -> None:
    s = SyncSettings.load()
    assert s.version == VERSION and not s.stores
    s.for_store(tmp_path / "a.db").hubs.append(HubEntry("http://kcr2:8750", "/t/kcr2.token"))
    s.for_store(tmp_path / "b.db").serve_peer = True
    s.save()
    again = SyncSettings.load()
    assert again.for_store(tmp_path / "a.db").hubs == [HubEntry("http://kcr2:8750",
                                                                "/t/kcr2.token")]
    assert not again.for_store(tmp_path / "a.db").serve_peer
    assert again.for_store(tmp_path / "b.db").serve_peer


def test_version_1_is_migrated(tmp_path: Path) -> None:
    p = tmp_path / "old.json"
    p.write_text(json.dumps({"version": 1, "stores": {"/x.db": {
        "hubs": [{"url": "http://kcr2:8750", "token_file": "/t"}], "serve": True}}}))
    s = SyncSettings.load(p)
    st = s.stores["/x.db"]
    assert s.version == 2 and st.serve_peer and st.peer_port == 8750
    assert st.hubs[0].url == "http://kcr2:8750"
    s.save(p)
    assert json.loads(p.read_text())["version"] == 2


def test_unreadable_settings_give_empty_ones(tmp_path: Path) -> None:
    p = tmp_path / "kapot.json"
    p.write_text("{niet json")
    assert SyncSettings.load(p).stores == {}


def test_pasted_token_is_user_only() -> None:
    p = save_token("geheim-token-0123456789", "http://kcr2:8750")
    assert p.read_text().strip() == "geheim-token-0123456789"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(p.parent).st_mode) == 0o700
    assert str(p).startswith(os.environ["CRISISBEELD_HOME"])

"""The notification list's memory beside the store: kept and read back, and ignored when it
is another store's, ahead of the log (a store put back from a backup) or unreadable."""

from __future__ import annotations

from pathlib import Path

from data.picture.notifications import Notification
from desktop import notify_memory as nm


def _n(i: int) -> Notification:
    return Notification(f"e{i}", "2026-11-26T10:00:00Z", "vrmwb", "bijstand", f"b{i}",
                        f"VRMWB vraagt ons om bijstand ({i})")


def test_kept_and_read_back(tmp_path: Path) -> None:
    db = tmp_path / "vrz.db"
    nm.save(db, nm.Memory("LIVE", "vrz", 40, [_n(2), _n(1)], {"e1", "weg"}))
    got = nm.load(db, "LIVE", "vrz", 50)
    assert got is not None and got.cursor == 40
    assert got.items == [_n(2), _n(1)] and got.read == {"e1"}
    assert nm.memory_path(db).name == "vrz.db.meldingen.json"


def test_only_the_newest_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "vrz.db"
    nm.save(db, nm.Memory("LIVE", "vrz", 1, [_n(i) for i in range(nm.KEEP + 5)]))
    got = nm.load(db, "LIVE", "vrz", 1)
    assert got is not None and len(got.items) == nm.KEEP and got.items[0] == _n(0)


def test_another_stores_memory_or_one_ahead_of_the_log_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "vrz.db"
    nm.save(db, nm.Memory("LIVE", "vrz", 40, [_n(1)]))
    assert nm.load(db, "OEF-1", "vrz", 50) is None  # another world
    assert nm.load(db, "LIVE", "kcr2", 50) is None  # another centre
    assert nm.load(db, "LIVE", "vrz", 39) is None  # the log holds less: put back from a backup
    assert nm.load(tmp_path / "geen.db", "LIVE", "vrz", 50) is None


def test_an_unreadable_memory_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "vrz.db"
    for text in ("{niet json", "[]", '{"format": 1, "world": "LIVE", "node": "vrz"}',
                 '{"format": 1, "world": "LIVE", "node": "vrz", "cursor": 1, "items": [{}]}'):
        nm.memory_path(db).write_text(text, encoding="utf-8")
        assert nm.load(db, "LIVE", "vrz", 50) is None, text

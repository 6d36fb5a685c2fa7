"""One writable Store per file per process: the writer worker and the sync worker share it, so
an operator's action is stamped after a remote event the sync worker just took in.

With two Store objects on one file (each with its own hybrid logical clock) the operator's
status change got the writer's older clock, sorted before the remote report it acts on, and
turned into a false conflict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from data.store import Command, Store
from data.sync.bundle import export_bundle
from tests.data.helpers import skew
from tests.desktop.test_flows import _rows_with, _save

AHEAD_MS = 2 * 60 * 1000  # inside the 5-minute drift bound: the local clock follows it


def _remote_report(tmp_path: Path) -> tuple[Path, str]:
    """A bundle from centre vrgz (its node.registered first, then a signed incident report
    stamped by a clock two minutes ahead of ours)."""
    other = Store.create(tmp_path / "vrgz.db", "vrgz", "LIVE", "VRGZ")
    try:
        skew(other, AHEAD_MS)
        ch = other.execute(Command("incident.reported", {
            "title": "Gaslek Apeldoorn", "kind": "gaslek", "regions": ["VR06"]}), "IM VRGZ")
        (iid,) = ch.entities
        out = tmp_path / "vrgz.cbbundle"
        export_bundle(other, out)
    finally:
        other.close()
    return out, iid


def test_action_after_synced_remote_event_sorts_after_it(qtbot: Any, window: Any,
                                                         read_store: Any, tmp_path: Path) -> None:
    # the operator has been at work: the writer's store is open (and holds a clock)
    window.execute([Command("journal.logged", {"channel": "NCV", "text": "dienst begonnen"})])
    qtbot.waitUntil(lambda: window.journal.model.rowCount() == 1, timeout=10_000)

    bundle, iid = _remote_report(tmp_path)
    with qtbot.waitSignal(window.sync.sig_message, timeout=30_000) as msg:
        window.sync.import_bundle(str(bundle))  # the sync worker ingests it
    assert msg.args[1], msg.args[0]
    _rows_with(qtbot, window.incidents.proxy, "Gaslek Apeldoorn")

    window.show_view("incidenten")
    window.incidents.select(iid)
    qtbot.waitUntil(lambda: window.incidents.current() == iid, timeout=10_000)
    window.incidents.sig_status.emit(iid)  # the status button's signal
    assert "nu Gemeld" in window.commands.dialog.windowTitle()
    _save(qtbot, window, to="actief")

    st = read_store()
    s = st.entity(iid)
    assert s["status"] == "actief", s.get("conflicts")
    assert st.conflicts() == []
    events = [e for e in st.iter_events() if e.entity == iid]
    assert [e.type for e in sorted(events, key=lambda e: e.hlc)] == [
        "incident.reported", "incident.status_changed"]
    qtbot.waitUntil(lambda: window.kpis()["incidents_active"] == 1, timeout=10_000)
    assert window.header.conflicts.isHidden()

"""The window's clock decides every "now" of the views: a FixedClock makes them exact."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from data.clock import FixedClock
from data.store import Command


def test_views_judge_by_the_windows_clock(qtbot: Any, store_factory: Any) -> None:
    from desktop.main_window import MainWindow

    st = store_factory("vnog", name="VNOG")
    # the 72-hour target counts from the crisis' T0, not from the point's opening
    iid = next(iter(st.execute(Command("incident.reported", {
        "title": "Stroomuitval", "kind": "stroomuitval", "regions": ["VR06"],
        "t0": "2026-11-20T12:00:00Z"}), "IM VNOG").entities))
    st.execute(Command("nsp.registered", {
        "name": "Dorpshuis Wapenveld", "kind": "lokaal", "municipality": "Heerde",
        "region": "VR06", "incident_id": iid, "opened_at": "2026-11-22T06:00:00Z"}), "IM VNOG")
    sid = next(iter(st.execute(Command("irbt.session_opened", {
        "title": "IRBT", "regions": ["VR06"], "chair": "V"}), "IM").entities))
    did = next(iter(st.execute(Command("decision.recorded", {
        "session_id": sid, "number": 1, "text": "Evacueren"}), "IM").entities))
    st.execute(Command("action.created", {"decision_id": did, "text": "Bussen", "owner": "AC",
                                          "due": "2026-11-22T13:00:00Z"}), "IM")
    clock = FixedClock("2026-11-22T12:00:00Z")
    win = MainWindow(Path(st.path), st.world, st.name, author="tester", clock=clock)
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(win.sig_loaded, timeout=10_000):
            win.start()
        qtbot.waitUntil(lambda: win.nsp.proxy.index(0, 6).data()
                        == "op schema · nog 24 u 00 min", timeout=10_000)
        assert win.nsp.proxy.index(0, 7).data() == "T0+48 u ▲48"
        assert win.kpis()["decisions_overdue"] == 0
        assert win.decisions.a_proxy.index(0, 2).data() == ""
        assert win.header.clock.text() == "13:00:00"  # local time of the fixed moment
        clock.advance(timedelta(hours=25))
        assert win.kpis()["decisions_overdue"] == 1
        win.header.tick()
        assert win.header.clock.text() == "14:00:00"
    finally:
        win.shutdown()

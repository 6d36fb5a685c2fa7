"""The room's rules on screen: the request form names the route, KCR2 forwards as a linked
sub-request, and Publiek en schaarste shows NL-Alert's reduced reach."""

from __future__ import annotations

from typing import Any

from data.store import Command
from tests.desktop.test_flows import _fill, _save


def test_a_region_asking_jfc_is_told_the_route_and_kcr2_forwards(qtbot: Any, window: Any,
                                                                  read_store: Any) -> None:
    window.commands.new_bijstand()
    dlg = window.commands.dialog
    _fill(dlg.form, requesting_region="VR06", addressed_to="JFC",
          capability="helikopter_waterbak", quantity=2)
    dlg.form.submit()
    # the store's command table refuses it (not the form): the message names the route
    qtbot.waitUntil(lambda: "KCR2" in dlg.form.error_text("addressed_to"), timeout=10_000)
    assert dlg.isVisible() and not read_store().entities("bijstand")
    _fill(dlg.form, addressed_to="KCR2")
    with qtbot.waitSignal(dlg.finished, timeout=10_000):
        dlg.form.submit()
    qtbot.waitUntil(lambda: len(read_store().entities("bijstand")) == 1, timeout=10_000)
    parent = read_store().entities("bijstand")[0]["id"]

    window.commands.bijstand_forward(parent)
    qtbot.waitUntil(lambda: window.commands.dialog is not dlg, timeout=10_000)
    _save(qtbot, window, addressed_to="JFC")
    qtbot.waitUntil(lambda: len(read_store().entities("bijstand")) == 2, timeout=10_000)
    sub = next(s for s in read_store().entities("bijstand") if s["id"] != parent)
    assert (sub["parent_id"], sub["addressed_to"], sub["requesting_region"]) == (
        parent, "JFC", "VR06")
    card = window.bijstand.board.models["concept"]
    qtbot.waitUntil(lambda: card.rowCount() == 2, timeout=10_000)
    texts = [card.index(r).data() for r in range(card.rowCount())]
    assert sum("beschikbaarheid onzeker" in t for t in texts) == 1


def test_nl_alert_reach_is_shown_lower_where_mobile_is_down(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([
            Command("comms.reported", {"region": "VR06", "channel": "mobiel",
                                       "state": "uitgevallen"}),
            Command("alert.issued", {"regions": ["VR06"], "area": "Epe",
                                     "text": "Stroomuitval", "sent_at": "2026-11-21T07:00:00Z",
                                     "action_perspective": "Ga naar een noodsteunpunt"})])
    model = window.public.alerts
    qtbot.waitUntil(lambda: model.rowCount() == 1 and "mobiel uitgevallen in VNOG"
                    in str(model.index(0, 5).data()), timeout=10_000)


def test_centres_show_teams_on_the_map_and_low_fuel_in_the_list(qtbot: Any,
                                                                window: Any) -> None:
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([
            Command("centre.reported", {"centre": "VR06", "teams": ["ROT", "RBT"],
                                        "power": "aggregaat", "fuel_hours": 4,
                                        "location": "uitwijklocatie",
                                        "fallback_location": "Zwolle"}),
            Command("centre.reported", {"centre": "KCR2", "teams": ["IRBT"]})])
    model = window.public.centres
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    flags = str(model.index(rows["VNOG"], 6).data())
    assert "op uitwijklocatie" in flags and "brandstof < 12 u" in flags
    label = window.overview.map._labels["VR06"].text()  # noqa: SLF001
    assert label == "VNOG\nROT · RBT"
    assert window.overview.map._labels["VR05"].text() == "VRT"  # noqa: SLF001

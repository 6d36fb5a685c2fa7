"""The map end to end: a place typed in a form lands on the Overzicht map, obeys the region
filter, and a click on it opens the item in its view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from data.domain import geo
from tests.desktop.test_flows import _save, _wait_row


def test_a_typed_place_is_on_the_map_and_a_click_opens_it(qtbot: Any, window: Any,
                                                           read_store: Any) -> None:
    window.commands.new_incident()
    _save(qtbot, window, title="Dijkdoorbraak Tiel", kind="overstroming", regions="VRGZ",
          point="x 160000 y 432000", effect_radius_m="1500")
    (inc,) = read_store().entities("incident")
    want = geo.rd_to_wgs84(160000, 432000)
    assert geo.distance_m((inc["point"]["lat"], inc["point"]["lon"]), want) < 0.2
    assert inc["effect_radius_m"] == 1500
    window.commands.new_nsp()
    _save(qtbot, window, name="Sporthal Tiel-West", kind="lokaal", municipality="Tiel",
          region="VR08", point="51.8870, 5.4050")

    window.show_view("overzicht")
    m = window.overview.map
    qtbot.waitUntil(lambda: len(m.place_items) == 2, timeout=10_000)
    assert len(m.layer_items("effect")) == 1
    window.set_region("VR19")  # Zeeland: neither place is there
    qtbot.waitUntil(lambda: not m.places(), timeout=10_000)
    assert not any(i.isVisible() for i in m.place_items.values())  # hidden, not in sight
    window.set_region("")
    qtbot.waitUntil(lambda: len(m.places()) == 2, timeout=10_000)
    assert all(i.isVisible() for i in m.place_items.values())

    m.fit()
    m.zoom_by(40.0)
    m.centerOn(m.place_items[("incident", inc["id"])].at)
    pos = m.view_pos_of(m.place_items[("incident", inc["id"])].place)
    qtbot.mouseClick(m.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.current_view() == "incidenten"
    assert window.incidents.current() == inc["id"]


def test_editing_an_incident_leaves_its_place_alone(qtbot: Any, window: Any,
                                                    read_store: Any) -> None:
    window.commands.new_incident()
    _save(qtbot, window, title="Dijkdoorbraak", kind="overstroming", regions="VRGZ",
          point="51.887, 5.429", effect_polygon="51.90, 5.40; 51.88, 5.85; 51.86, 5.85")
    (inc,) = read_store().entities("incident")
    _wait_row(qtbot, window.incidents.proxy, "Dijkdoorbraak")  # the form starts from the view
    window.commands.edit_incident(inc["id"])
    _save(qtbot, window, title="Dijkdoorbraak Tiel")
    s = read_store().entity(inc["id"])
    assert s["history"][-1]["fields"] == ["title"]  # the place and area were not sent again
    assert len(s["effect_polygon"]) == 3 and s["point"] == {"lat": 51.887, "lon": 5.429}
    _wait_row(qtbot, window.incidents.proxy, "Dijkdoorbraak Tiel")
    window.commands.edit_incident(inc["id"])
    _save(qtbot, window, effect_radius_m="750")  # a radius replaces the corners
    s = read_store().entity(inc["id"])
    assert s["effect_radius_m"] == 750 and "effect_polygon" not in s


def test_the_search_on_the_overzicht_hides_markers_and_places_follow_the_store(
        qtbot: Any, window: Any) -> None:
    """A filter changes which markers are in sight, not the markers; a new incident with a
    point joins the map with the filter in force."""
    from data.store import Command

    pt = {"lat": 51.887, "lon": 5.429}
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([
            Command("incident.reported", {"title": "Dijkdoorbraak Tiel", "kind": "overstroming",
                                          "regions": ["VR08"], "point": pt}),
            Command("incident.reported", {"title": "Brand Zwolle", "kind": "brand",
                                          "regions": ["VR04"],
                                          "point": {"lat": 52.5, "lon": 6.08}})])
    window.show_view("overzicht")
    m = window.overview.map
    qtbot.waitUntil(lambda: len(m.places()) == 2, timeout=10_000)
    items = dict(m.place_items)
    window.filter.setText("tiel")
    qtbot.waitUntil(lambda: [p.label for p in m.places()] == ["Dijkdoorbraak Tiel"],
                    timeout=10_000)
    assert m.place_items == items  # the same markers, one of them hidden
    assert [i.place.label for i in m.place_items.values() if i.isVisible()] == [
        "Dijkdoorbraak Tiel"]
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([
            Command("incident.reported", {"title": "Gaslek Tiel", "kind": "gas",
                                          "regions": ["VR08"], "point": pt}),
            Command("incident.reported", {"title": "Gaslek Deventer", "kind": "gas",
                                          "regions": ["VR06"], "point": pt})])
    qtbot.waitUntil(lambda: len(m.place_items) == 4, timeout=10_000)
    qtbot.waitUntil(lambda: sorted(p.label for p in m.places()) == [
        "Dijkdoorbraak Tiel", "Gaslek Tiel"], timeout=10_000)
    window.filter.setText("")
    qtbot.waitUntil(lambda: len(m.places()) == 4, timeout=10_000)
    assert all(i.isVisible() for i in m.place_items.values())


def test_the_picture_keeps_incidents_without_their_history(qtbot: Any, window: Any,
                                                           read_store: Any) -> None:
    """Thousands of incidents on the map: the picture holds what the lists, tiles, map and
    forms use; the history is read with the detail of one incident."""
    from data.store import Command
    from desktop import reads

    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([Command("incident.reported", {
            "title": "Dijkdoorbraak Tiel", "kind": "overstroming", "regions": ["VR08"],
            "point": {"lat": 51.887, "lon": 5.429}, "effect_radius_m": 500}),
            Command("incident.reported", {"title": "Brand Zwolle", "kind": "brand",
                                          "regions": ["VR04"]})])
    qtbot.waitUntil(lambda: len(window.ctx.picture.state.incidents) == 2, timeout=10_000)
    held, other = sorted(window.ctx.picture.state.incidents, key=lambda s: s["title"] != (
        "Dijkdoorbraak Tiel"))
    # what repeats from state to state is held once (each state was parsed on its own)
    assert held["status"] is other["status"]
    assert next(k for k in held if k == "title") is next(k for k in other if k == "title")
    assert "history" not in held
    assert held["point"] == {"lat": 51.887, "lon": 5.429} and held["effect_radius_m"] == 500
    full = reads.incident_detail(held["id"])(read_store())
    assert full["history"] and full["history"][0]["what"] == "aangemaakt"
    rest = {k: v for k, v in full.items() if k not in ("history", "bob_decisions")}
    assert held == {**rest, "attachments": 0}  # all else as stored


def test_a_region_filter_fills_the_map_with_that_region_and_lifting_it_shows_the_country(
        qtbot: Any, window: Any) -> None:
    window.show_view("overzicht")
    m = window.overview.map
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: m.isVisible(), timeout=10_000)
    m.fit()
    assert abs(m.zoom_level() - 1.0) < 1e-6
    for code in ("VR19", "VR06"):  # Zeeland, Noord- en Oost-Gelderland
        window.set_region(code)
        shown = m.mapToScene(m.viewport().rect()).boundingRect()
        region = m.items_by_code[code].sceneBoundingRect()
        assert shown.contains(region), code  # all of it in sight
        assert m.zoom_level() > 2.0, code  # and large: its places readable
        # and it fills the view (the larger side at least 3/4 of it)
        assert max(region.width() / shown.width(), region.height() / shown.height()) > 0.75
    window.resize(1000, 700)  # a smaller window: the region still fills the map, whole
    qtbot.waitUntil(lambda: window.width() == 1000, timeout=5_000)
    shown = m.mapToScene(m.viewport().rect()).boundingRect()
    assert shown.contains(m.items_by_code["VR06"].sceneBoundingRect())
    window.set_region("")
    assert abs(m.zoom_level() - 1.0) < 1e-6  # the whole country again

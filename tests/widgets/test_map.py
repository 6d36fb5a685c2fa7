"""The map with places: clicking a marker picks its place, layers hide their items, the legend
explains every colour in use, zoom and fit, the coordinate field in both systems, and the map
at 1366×768 draws each marker where its place is."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from data.domain import geo
from data.picture.places import Place
from widgets import palette
from widgets.coord_field import CoordField
from widgets.forms import CommandForm
from widgets.map_items import to_scene, tone_color
from widgets.map_panel import MapPanel

PLACES = [
    Place("i1", "incident", "actief", "Dijkdoorbraak Tiel", 51.887, 5.429, ("VR08",),
          radius_m=3000),
    Place("i2", "incident", "gemeld", "Gaslek Dordrecht", 51.807, 4.668, ("VR18",)),
    Place("n1", "nsp", "operationeel", "Kazerne Apeldoorn-Noord", 52.238, 5.958, ("VR06",)),
    Place("n2", "nsp", "onveilig", "Dorpshuis Heerde", 52.387, 6.042, ("VR06",)),
    Place("b1", "meldplaats", "ingediend", "Kazerne Zwolle-Zuid — 5× aggregaat", 52.4915,
          6.112, ("VR04",)),
]


@pytest.fixture
def panel(qtbot: Any) -> MapPanel:
    p = MapPanel()
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    qtbot.waitExposed(p)
    p.view.set_places(PLACES)
    return p


def test_clicking_a_place_emits_its_kind_and_id(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    m.zoom_by(4.0)  # markers apart from each other
    m.centerOn(m.place_items[("nsp", "n1")].at)
    for place in PLACES[2:]:
        pos = m.view_pos_of(place)
        assert m.viewport().rect().contains(pos)
        with qtbot.waitSignal(m.sig_place_selected) as sig:
            qtbot.mouseClick(m.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert sig.args == [place.kind, place.id]
        assert m.place_items[(place.kind, place.id)].toolTip().startswith(place.label + "\n")
        assert m.place_items[(place.kind, place.id)].selected


def test_a_click_beside_the_places_filters_by_region(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    pos = m.mapFromScene(to_scene(52.10, 6.30))  # near Zutphen, in VNOG; no place there
    assert (pos - m.view_pos_of(PLACES[2])).manhattanLength() > 20
    with qtbot.assertNotEmitted(m.sig_place_selected), \
            qtbot.waitSignal(m.sig_region_clicked) as sig:
        qtbot.mouseClick(m.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == ["VR06"]


def test_layer_switches_hide_their_items(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    assert all(i.isVisible() for i in m.layer_items("nsp"))
    assert len(m.layer_items("effect")) == 1  # only i1 has an effect area
    panel.layer_boxes["nsp"].setChecked(False)
    assert m.layer_items("nsp") and not any(i.isVisible() for i in m.layer_items("nsp"))
    assert m.place_at(m.view_pos_of(PLACES[2])) is None  # hidden places cannot be clicked
    assert all(i.isVisible() for i in m.layer_items("incident"))
    panel.layer_boxes["effect"].setChecked(False)
    assert not any(i.isVisible() for i in m.layer_items("effect"))
    assert all(i.isVisible() for i in m.layer_items("incident"))
    panel.layer_boxes["nsp"].setChecked(True)
    assert all(i.isVisible() for i in m.layer_items("nsp"))
    # a new set of places keeps the layers as the user left them
    m.set_places(PLACES[1:])
    assert not any(i.isVisible() for i in m.layer_items("effect"))


def _colours_drawn(panel: MapPanel) -> set[str]:
    m = panel.view
    out = {i.color.name() for layer in ("incident", "nsp", "meldplaats")
           for i in m.layer_items(layer) if i.isVisible()}
    if any(i.isVisible() for i in m.layer_items("effect")):
        out.add(tone_color("effect").name())
    out |= {palette.color(lvl).name() for lvl in m.levels().values() if lvl in ("warn", "alert")}
    return out


def test_legend_lists_every_colour_in_use(qtbot: Any, panel: MapPanel) -> None:
    panel.view.set_levels({"VR08": "alert", "VR06": "warn"})
    drawn = _colours_drawn(panel)
    assert len(drawn) == 7  # red, amber, green markers, meldplaats blue, effect, two fills
    assert panel.legend.colors() == drawn
    texts = panel.legend.texts()
    assert "Noodsteunpunt — onveilig" in texts and "Effectgebied van een incident" in texts
    panel.layer_boxes["nsp"].setChecked(False)  # what is hidden leaves the legend
    assert panel.legend.colors() == _colours_drawn(panel)
    assert not any(t.startswith("Noodsteunpunt") for t in panel.legend.texts())


def test_zoom_buttons_wheel_and_fit(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    assert m.zoom_level() == pytest.approx(1.0, rel=1e-3)
    qtbot.mouseClick(panel.buttons["in"], Qt.MouseButton.LeftButton)
    assert m.zoom_level() == pytest.approx(1.25, rel=1e-3)
    qtbot.mouseClick(panel.buttons["out"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.buttons["out"], Qt.MouseButton.LeftButton)  # not past the country
    assert m.zoom_level() == pytest.approx(1.0, rel=1e-3)
    m.zoom_by(1000.0)
    assert m.zoom_level() == pytest.approx(200.0, rel=1e-3)
    qtbot.mouseClick(panel.buttons["fit"], Qt.MouseButton.LeftButton)
    assert m.zoom_level() == pytest.approx(1.0, rel=1e-3)


def test_map_at_1366x768_draws_each_marker_in_its_colour(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    m.set_selected("VR18")  # a selected region is raised: the places stay on top of it
    img = m.viewport().grab().toImage()
    for place in (PLACES[1], PLACES[2], PLACES[4]):  # apart enough not to overlap
        pos = m.view_pos_of(place)
        c = img.pixelColor(pos.x() * img.width() // m.viewport().width(),
                           pos.y() * img.height() // m.viewport().height())
        want = m.place_items[(place.kind, place.id)].color
        assert (c.red(), c.green(), c.blue()) == (want.red(), want.green(), want.blue()), place


def test_coordinate_field_shows_the_other_system(qtbot: Any) -> None:
    f = CoordField()
    qtbot.addWidget(f)
    qtbot.keyClicks(f.line, "51.4988, 3.6109")
    assert f.value() == {"lat": 51.4988, "lon": 3.6109}
    assert "RD " + geo.format_rd(51.4988, 3.6109) in f.other.text()
    f.line.clear()
    qtbot.keyClicks(f.line, "x 155000 y 463000")
    assert "52.15517, 5.38721" in f.other.text()
    f.set_value("3.6, 51.5")
    assert "omgewisseld" in f.other.text() and f.value() == "3.6, 51.5"


def test_picking_a_point_on_the_map_fills_the_field(qtbot: Any) -> None:
    f = CoordField()
    qtbot.addWidget(f)
    dlg = f.open_picker()
    qtbot.waitExposed(dlg)
    m = dlg.panel.view
    target = geo.rd_to_wgs84(155000, 463000)
    pos = m.mapFromScene(to_scene(*target))
    qtbot.mouseClick(m.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert not dlg.isVisible()
    got = f.point()
    assert got is not None and geo.distance_m(got, target) < 2000  # one pixel of the country


def test_forms_take_a_coordinate(qtbot: Any) -> None:
    form = CommandForm("incident.reported")
    qtbot.addWidget(form)
    field = form.input("point")
    assert isinstance(field, CoordField)
    field.set_value("x 31000 y 392000")
    assert form.payload()["point"] == {"lat": pytest.approx(51.503347),
                                       "lon": pytest.approx(3.601147)}
    form.set_value("effect_polygon", [[51.5, 3.6], [51.6, 3.6], [51.6, 3.7]])
    assert form.payload()["effect_polygon"] == "51.5, 3.6; 51.6, 3.6; 51.6, 3.7"


def test_one_changed_place_replaces_only_its_marker(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    before = dict(m.place_items)
    changed = list(PLACES)
    changed[3] = Place("n2", "nsp", "operationeel", "Dorpshuis Heerde", 52.387, 6.042,
                       ("VR06",))
    m.set_places(changed)
    assert m.place_items[("nsp", "n2")] is not before[("nsp", "n2")]
    assert m.place_items[("nsp", "n2")].color == tone_color("ok")
    assert all(m.place_items[k] is before[k] for k in before if k != ("nsp", "n2"))
    assert m.place_at(m.view_pos_of(changed[3])) == changed[3]
    m.set_places(changed[:3])  # two gone: their markers and hit areas go with them
    assert set(m.place_items) == {("incident", "i1"), ("incident", "i2"), ("nsp", "n1")}
    assert m.place_at(m.mapFromScene(to_scene(PLACES[4].lat, PLACES[4].lon))) is None


def test_dragging_pans_without_clicking_and_the_wheel_zooms(qtbot: Any,
                                                            panel: MapPanel) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    m = panel.view
    m.zoom_by(4.0)
    vp = m.viewport()
    start = vp.rect().center()
    before = m.mapToScene(start)
    with qtbot.assertNotEmitted(m.sig_region_clicked), \
            qtbot.assertNotEmitted(m.sig_place_selected):
        qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
        for step in range(1, 6):
            qtbot.mouseMove(vp, start + QPoint(12 * step, 0))
        qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    after = m.mapToScene(start)
    assert after.x() < before.x() - 1  # the map moved right under the pointer
    level = m.zoom_level()
    ev = QWheelEvent(QPointF(start), QPointF(vp.mapToGlobal(start)), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)
    assert m.zoom_level() == pytest.approx(level * 1.25, rel=1e-3)


def test_a_filter_hides_and_shows_markers_without_making_them_again(qtbot: Any,
                                                                     panel: MapPanel) -> None:
    m = panel.view
    before = dict(m.place_items)
    m.show_only([PLACES[0], PLACES[2]])  # i1 (with its effect area) and n1
    assert m.places() == [PLACES[0], PLACES[2]]
    assert {k for k, i in m.place_items.items() if i.isVisible()} == {("incident", "i1"),
                                                                       ("nsp", "n1")}
    assert all(m.place_items[k] is before[k] for k in before)  # none made again
    assert len(m.layer_items("effect")) == 1 and m.layer_items("effect")[0].isVisible()
    assert m.place_at(m.view_pos_of(PLACES[3])) is None  # a hidden marker takes no click
    assert not any(t.startswith("Incident — gemeld") for t in panel.legend.texts())
    m.show_only([PLACES[1]])  # i1 hidden: its effect area too
    assert not m.layer_items("effect")[0].isVisible()
    m.show_only(None)
    assert all(i.isVisible() for i in m.place_items.values())
    assert all(m.place_items[k] is before[k] for k in before)
    assert m.places() == PLACES and panel.legend.colors() == _colours_drawn(panel)
    # a search that leaves every place in sight (its first letter, often) changes nothing
    with qtbot.assertNotEmitted(m.sig_view_changed):
        m.show_only(list(PLACES))
    assert m.places() == PLACES
    with qtbot.waitSignal(m.sig_view_changed, timeout=1000):
        m.show_only(PLACES[:1])
    assert m.places() == PLACES[:1]


def test_new_places_obey_the_filter_in_force(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    extra = Place("i9", "incident", "actief", "Brand Zwolle", 52.5, 6.08, ("VR04",))
    m.set_places([*PLACES, extra], [PLACES[0]])
    assert m.places() == [PLACES[0]]
    assert not m.place_items[("incident", "i9")].isVisible()
    assert m.place_items[("incident", "i1")].isVisible()


def _pixel(m: Any, img: Any, x: int, y: int) -> tuple[int, int, int]:
    c = img.pixelColor(x * img.width() // m.viewport().width(),
                       y * img.height() // m.viewport().height())
    return c.red(), c.green(), c.blue()


def test_what_a_filter_hides_is_not_drawn_and_the_selection_has_a_ring(
        qtbot: Any, panel: MapPanel) -> None:
    """The markers of a kind are drawn by one item: the picture itself must follow the filter,
    the layer switches and the selection, not just the markers' answers."""
    m = panel.view
    m.zoom_by(4.0)
    m.centerOn(m.place_items[("nsp", "n1")].at)
    n1, n2 = PLACES[2], PLACES[3]
    colour = {p.id: m.place_items[(p.kind, p.id)].color for p in (n1, n2)}

    def drawn(place: Place) -> bool:
        img = m.viewport().grab().toImage()
        pos = m.view_pos_of(place)
        want = colour[place.id]
        return _pixel(m, img, pos.x(), pos.y()) == (want.red(), want.green(), want.blue())

    assert drawn(n1) and drawn(n2)
    m.show_only([n1])
    assert drawn(n1) and not drawn(n2)
    m.show_only(None)
    assert drawn(n2)
    panel.layer_boxes["nsp"].setChecked(False)
    assert not drawn(n1) and not drawn(n2)
    panel.layer_boxes["nsp"].setChecked(True)

    pos = m.view_pos_of(n1)

    def ringed() -> bool:  # white about R + 3 right of the centre: outside the symbol
        img = m.viewport().grab().toImage()
        return any(_pixel(m, img, pos.x() + d, pos.y()) == (255, 255, 255) for d in range(7, 12))

    assert not ringed()
    m.select_place("nsp", "n1")
    assert m.place_items[("nsp", "n1")].selected and not m.place_items[("nsp", "n2")].selected
    assert ringed()
    m.show_only([n2])  # a hidden place's ring goes with its marker
    assert not ringed()
    m.show_only(None)
    m.select_place("nsp", "n2")
    assert not ringed() and m.place_items[("nsp", "n2")].selected

    # an effect area leaves the picture with its incident
    m.centerOn(m.place_items[("incident", "i1")].at)
    inc = m.view_pos_of(PLACES[0])
    inside = m.mapFromScene(to_scene(PLACES[0].lat, PLACES[0].lon + 0.03))  # about 2 km east

    def area_pixel() -> tuple[int, int, int]:
        return _pixel(m, m.viewport().grab().toImage(), inside.x(), inc.y())

    tinted = area_pixel()
    m.show_only([n1])
    bare = area_pixel()
    m.show_only(None)
    assert bare != tinted and area_pixel() == tinted

    # a zoom or a pan draws the markers where they are now
    m.centerOn(m.place_items[("nsp", "n1")].at)
    m.zoom_by(1.5)
    assert drawn(n1)
    m.translate(37, 0)
    m.centerOn(m.mapToScene(m.viewport().rect().center()) + QPointF(23, 11))
    assert drawn(n1)


# the offscreen platform cannot raise the tip's window (and the mark replaces the common one)
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints)")
def test_a_marker_answers_a_tooltip_with_its_place(qtbot: Any, panel: MapPanel) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    m = panel.view
    m.zoom_by(4.0)
    m.centerOn(m.place_items[("nsp", "n1")].at)
    pos = m.view_pos_of(PLACES[2])
    ev = QHelpEvent(QEvent.Type.ToolTip, pos, m.viewport().mapToGlobal(pos))
    QApplication.sendEvent(m.viewport(), ev)
    assert QToolTip.text() == m.place_items[("nsp", "n1")].toolTip()
    assert QToolTip.text().startswith("Kazerne Apeldoorn-Noord\n")
    QToolTip.hideText()
    # inside i1's effect area (3 km), clear of its marker: the area's tooltip
    m.centerOn(m.place_items[("incident", "i1")].at)
    inc = m.view_pos_of(PLACES[0])
    edge = m.mapFromScene(to_scene(PLACES[0].lat, PLACES[0].lon + 0.03))  # about 2 km east
    pos = inc + QPoint((edge - inc).x(), 0)
    assert (pos - inc).x() > 12 and m.place_at(pos) is None
    QApplication.sendEvent(m.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos,
                                                    m.viewport().mapToGlobal(pos)))
    assert QToolTip.text() == "Dijkdoorbraak Tiel"
    QToolTip.hideText()


def test_a_small_effect_area_is_drawn_and_hidden_with_its_incident(qtbot: Any,
                                                                    panel: MapPanel) -> None:
    """With the whole country in view an area is a few pixels across (drawn from a shared
    picture per radius): it must be there, and go with its incident."""
    from widgets.map_items import PER_METRE

    m = panel.view
    radius_m = int(10 / m.transform().m11() / PER_METRE)  # ten pixels on screen
    fire = Place("i7", "incident", "actief", "Brand Zwolle", 52.5, 6.08, ("VR04",),
                 radius_m=radius_m)
    m.set_places([*PLACES, fire])
    c = m.view_pos_of(fire)

    def beside() -> tuple[int, int, int]:  # inside the area, clear of the marker
        return _pixel(m, m.viewport().grab().toImage(), c.x() - 8, c.y())

    tinted = beside()
    m.show_only(PLACES)
    bare = beside()
    m.show_only(None)
    assert tinted != bare and beside() == tinted


def _drawn_with_and_without(m: Any, place: Place) -> tuple[Any, Any]:
    """The map's picture with ``place`` in sight and with it filtered out."""
    m.set_places([*PLACES, place])
    m.set_layer_visible("incident", False)  # (the area alone, not the marker over it)
    with_it = m.viewport().grab().toImage()
    m.show_only(PLACES)
    without = m.viewport().grab().toImage()
    m.show_only(None)
    return with_it, without


def test_a_tiny_circle_area_leaves_a_dot_with_the_whole_country_in_view(
        qtbot: Any, panel: MapPanel) -> None:
    """A 10 m area, the whole country in view, is a tenth of a pixel: drawn as a dot, as a
    cosmetic edge would, not as nothing."""
    fire = Place("i8", "incident", "actief", "Schoorsteenbrand", 52.5, 6.08, ("VR04",),
                 radius_m=10)
    with_it, without = _drawn_with_and_without(panel.view, fire)
    assert with_it != without


def test_an_effect_area_of_corners_on_one_line_is_still_drawn(qtbot: Any,
                                                              panel: MapPanel) -> None:
    """Three corners on one parallel (validation lets that through): bounds without height,
    but a dashed line on the map all the same."""
    road = Place("i9", "incident", "actief", "Afgesloten A1", 52.25, 6.0, ("VR06",),
                 polygon=((52.25, 5.9), (52.25, 6.0), (52.25, 6.1)))
    with_it, without = _drawn_with_and_without(panel.view, road)
    assert with_it != without


def test_a_place_under_the_pointer_shows_a_pointing_hand(qtbot: Any, panel: MapPanel) -> None:
    """The markers are no items of their own (that set their cursor): the view sets it. A
    place in the sea, outside every region (whose items have a hand of their own)."""
    m = panel.view
    buoy = Place("n9", "nsp", "operationeel", "Boorplatform", 53.6, 4.2, ())
    m.set_places([*PLACES, buoy])
    m.zoom_by(3.0)
    m.centerOn(m.place_items[("nsp", "n9")].at)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    def move(pos: QPoint) -> None:  # (a pointer that moves with no button held)
        QApplication.sendEvent(m.viewport(), QMouseEvent(
            QEvent.Type.MouseMove, QPointF(pos), QPointF(m.viewport().mapToGlobal(pos)),
            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))

    at = m.view_pos_of(buoy)
    move(at)
    assert m.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    move(at + QPoint(0, 60))  # open sea
    assert m.region_at(at + QPoint(0, 60)) == ""
    assert m.viewport().cursor().shape() != Qt.CursorShape.PointingHandCursor


def test_a_layer_switched_off_keeps_no_picture_of_the_view(qtbot: Any, panel: MapPanel) -> None:
    m = panel.view
    m.viewport().grab()  # (painted: each layer keeps its picture)
    layer = m._layers["nsp"]
    assert layer._picture is not None
    m.set_layer_visible("nsp", False)
    assert layer._picture is None
    m.set_layer_visible("nsp", True)
    m.viewport().grab()
    assert layer._picture is not None

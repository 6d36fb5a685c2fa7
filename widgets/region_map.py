"""The map of the 25 safety regions, coloured by their worst state, with the places of the
picture on top (incidents and their effect areas, noodsteunpunten, bijstand meldplaatsen).

A click on a region filters by it; a click on a place selects it; the wheel zooms around the
cursor, dragging pans. Outlines are lon/lat rings from ``resources/map/regions.json``; x is
scaled by cos(52°) so the country keeps its shape without a projection library. Markers keep
their size on screen at every zoom (see :mod:`widgets.map_items`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from data.domain.regions import REGION_BY_CODE
from data.picture.places import LAYERS, Place
from widgets import palette
from widgets.map_items import (
    KX,
    SCALE,
    Area,
    AreaLayer,
    Marker,
    MarkerLayer,
    R,
    area_of,
    from_scene,
    place_tip,
    to_scene,
)
from widgets.map_regions import RegionItem, region_items

__all__ = ["KX", "SCALE", "RegionMap"]

#: how far one wheel step or button press zooms
ZOOM_STEP = 1.25
#: the closest zoom, as a multiple of the whole-country view (about 1.5 km across)
MAX_ZOOM = 200.0
#: drawing order of the layers: areas under the markers, all above the regions
LAYER_Z = {"effect": 5, "incident": 6, "nsp": 7, "meldplaats": 8}
#: the cell size of the markers' grid, in scene units (1000 per degree of latitude)
GRID = 20.0
#: a press that moves less than this many pixels is a click, not a drag
CLICK_SLOP = 4
#: a place's key, (kind, id)
_KEY = attrgetter("kind", "id")


def _layer(name: str) -> MarkerLayer | AreaLayer:
    """One layer, one item: the markers of a kind (:class:`MarkerLayer`) or the effect areas
    (:class:`AreaLayer`). Hiding it hides them all at once. Layers lie above the regions and
    their labels (a selected region is raised to 1, labels to 2)."""
    return AreaLayer(LAYER_Z[name]) if name == "effect" else MarkerLayer(LAYER_Z[name])


class RegionMap(QGraphicsView):
    """The regions with places on top. ``set_levels`` colours the regions, ``set_places``
    draws the places; clicks emit ``sig_region_clicked`` or ``sig_place_selected``."""

    sig_region_clicked = Signal(str)
    """A region was clicked: its code (VR01..VR25), or '' when the selected one was clicked
    again (clear the filter)."""
    sig_place_selected = Signal(str, str)
    """A place was clicked: (kind, id) — kind is incident, nsp or meldplaats (a bijstand
    request's id)."""
    sig_point_picked = Signal(float, float)
    """In pick mode, the map was clicked: (lat, lon) of that point."""
    sig_view_changed = Signal()
    """The places, the layers shown or the region levels changed (the legend follows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # every item sets the pen, brush and hints it draws with (a layer of markers that
        # changes more puts it back): no save and restore of the painter around each item
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setScene(self._scene)
        self.items_by_code: dict[str, RegionItem] = {}
        self._labels: dict[str, QGraphicsSimpleTextItem] = {}
        self._levels: dict[str, str] = {}
        self._selected = ""
        self._build()
        self._layers = {name: _layer(name) for name in LAYERS}
        for item in self._layers.values():
            self._scene.addItem(item)
        #: every place's marker (drawn by the layer of its kind)
        self.place_items: dict[tuple[str, str], Marker] = {}
        self._areas: dict[tuple[str, str], Area] = {}
        #: markers by grid cell of the scene (for hit-testing, see place_at)
        self._grid: dict[tuple[int, int], list[tuple[int, Marker]]] = {}
        self._places: list[Place] = []
        #: the keys of the places in sight under the filter (None: every place drawn)
        self._shown: frozenset[tuple[str, str]] | None = None
        #: the keys of the markers hidden now
        self._hidden: frozenset[tuple[str, str]] = frozenset()
        self._selected_place: tuple[str, str] | None = None
        self._zoomed = False
        self._fitted_region = ""
        self._fit_scale = 1.0
        self._press: QPoint | None = None
        self._dragged = False
        self._hand = False  # (the pointing hand over a place, set by mouseMoveEvent)
        self.pick_mode = False
        self._mark: QGraphicsEllipseItem | None = None
        self.restyle()

    def _build(self) -> None:
        for code, item, lab in region_items():
            self._scene.addItem(item)
            self._scene.addItem(lab)
            self.items_by_code[code], self._labels[code] = item, lab
        self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))

    # -- regions -------------------------------------------------------------------------------

    def region_clicked(self, code: str) -> None:
        self.set_selected("" if code == self._selected else code)
        self.sig_region_clicked.emit(self._selected)

    def set_selected(self, code: str) -> None:
        self._selected = code
        self.restyle()

    def set_levels(self, levels: dict[str, str]) -> None:
        """Region code -> level ('ok', 'warn', 'alert' or '' for nothing to report)."""
        if levels == self._levels:
            return  # (a keystroke of a search often leaves them: nothing to colour or explain)
        self._levels = dict(levels)
        self.restyle()
        self.sig_view_changed.emit()

    def levels(self) -> dict[str, str]:
        return dict(self._levels)

    def set_notes(self, teams: dict[str, list[str]]) -> None:
        """Region code -> the teams it has active (opschaling per region): shown under the
        region's short name and in its tooltip; regions left out show their name only."""
        for code, lab in self._labels.items():
            r = REGION_BY_CODE.get(code)
            name = r.short if r else code
            active = teams.get(code) or []
            lab.setText(name + ("\n" + " · ".join(active) if active else ""))
            tip = r.name if r else code
            self.items_by_code[code].setToolTip(
                self.tr("{0} — actief: {1}").format(tip, ", ".join(active)) if active else tip)

    def restyle(self) -> None:
        line = palette.color("map_line")
        for code, item in self.items_by_code.items():
            lvl = self._levels.get(code, "")
            fill = palette.color(lvl) if lvl in ("warn", "alert") else palette.color("map_idle")
            item.setBrush(QBrush(fill))
            sel = code == self._selected
            pen = QPen(palette.color("selected") if sel else line, 3.0 if sel else 0.8)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setZValue(1 if sel else 0)
            self._labels[code].setBrush(QBrush(palette.color("text")))

    def scene_rect(self) -> QRectF:
        return self._scene.sceneRect()

    def item_color(self, code: str) -> QColor:
        return self.items_by_code[code].brush().color()

    # -- places --------------------------------------------------------------------------------

    def set_places(self, places: Sequence[Place],
                   shown: Iterable[Place] | None = None) -> None:
        """Draw these places (the picture's), of which only ``shown`` are in sight (None: all
        of them; see :meth:`show_only`). Only what changed is redrawn: a list equal to the one
        drawn changes no marker, one changed place replaces one marker; a whole new set
        starts from fresh layers."""
        places = list(places)
        if places != self._places:
            self._draw(places)
            self._shown = self._keys(shown)
            self._apply_shown()
            self.sig_view_changed.emit()
        else:
            self.show_only(shown)

    def show_only(self, shown: Iterable[Place] | None) -> None:
        """Keep in sight only these of the places drawn (None: all): a filter that changes
        hides and shows the markers it concerns; none is made again. A filter that leaves
        the same places in sight (the first letter of a search, often) changes nothing."""
        keys = self._keys(shown)
        if keys == self._shown:
            return
        self._shown = keys
        if self._apply_shown():
            self.sig_view_changed.emit()

    @staticmethod
    def _keys(shown: Iterable[Place] | None) -> frozenset[tuple[str, str]] | None:
        return None if shown is None else frozenset(map(_KEY, shown))

    def _apply_shown(self) -> bool:
        """Hand every layer the set of keys the filter hides: each draws what it leaves, in
        one paint (a search over 5,000 places touches no marker one by one). True when that
        set changed."""
        keys = self._shown
        hidden = frozenset() if keys is None else frozenset(self.place_items.keys() - keys)
        if hidden == self._hidden:
            return False
        for layer in self._layers.values():
            layer.set_hidden(hidden)
        self._hidden = hidden
        return True

    def _marker_layers(self) -> list[MarkerLayer]:
        return [layer for layer in self._layers.values() if isinstance(layer, MarkerLayer)]

    def _area_layer(self) -> AreaLayer:
        layer = self._layers["effect"]
        assert isinstance(layer, AreaLayer)
        return layer

    def _draw(self, places: list[Place]) -> None:
        wanted = {(p.kind, p.id): p for p in places}
        stale = [k for k, m in self.place_items.items() if wanted.get(k) != m.place]
        if len(stale) * 4 > len(self.place_items) + 1:
            self._fresh_layers()
        else:
            for key in stale:
                self.place_items.pop(key).layer.remove(key)
                area = self._areas.pop(key, None)
                if area is not None:
                    area.layer.remove(key)
        areas = self._area_layer()
        for p in places:
            key = (p.kind, p.id)
            if key in self.place_items:
                continue
            layer = self._layers[p.kind]
            assert isinstance(layer, MarkerLayer)
            marker = self.place_items[key] = Marker(p, layer)
            layer.add(marker)
            area = area_of(p, areas) if p.kind == "incident" else None
            if area is not None:
                areas.add(area)
                self._areas[key] = area
        for layer in self._layers.values():
            layer.changed()
        self._places = places
        self._regrid()

    def _fresh_layers(self) -> None:
        """Every marker and area goes (quicker than 5,000 removals one by one)."""
        for layer in self._layers.values():
            layer.clear()
        self.place_items, self._areas = {}, {}

    def _regrid(self) -> None:
        """File every marker under its grid cell, in drawing order (for :meth:`place_at`)."""
        self._grid = {}
        for order, marker in enumerate(self.place_items.values()):
            at = marker.at
            self._grid.setdefault((int(at.x() // GRID), int(at.y() // GRID)), []).append(
                (order, marker))

    def places(self) -> list[Place]:
        """The places in sight under the filter (whatever layers are on)."""
        keys = self._shown
        if keys is None:
            return list(self._places)
        return [p for p in self._places if (p.kind, p.id) in keys]

    def shown_places(self) -> list[Place]:
        """The places in sight whose layer is on (what the legend explains)."""
        on = {k for k in LAYERS if self.layer_visible(k)}
        return [p for p in self.places() if p.kind in on or (
            p.kind == "incident" and "effect" in on and p.has_area)]

    def set_layer_visible(self, layer: str, on: bool) -> None:
        """Show or hide a layer: incident, effect, nsp or meldplaats."""
        self._layers[layer].setVisible(on)
        self.sig_view_changed.emit()

    def layer_visible(self, layer: str) -> bool:
        return self._layers[layer].isVisible()

    def layer_items(self, layer: str) -> list[Marker] | list[Area]:
        """What a layer holds: its markers, or (effect) its areas."""
        item = self._layers[layer]
        if isinstance(item, MarkerLayer):
            return list(item.markers.values())
        return list(item.areas.values())

    def mark_point(self, lat: float, lon: float) -> None:
        """A ring at one point (the point a form holds, in pick mode)."""
        if self._mark is None:
            self._mark = QGraphicsEllipseItem(-R - 3, -R - 3, 2 * R + 6, 2 * R + 6)
            self._mark.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self._mark.setPen(QPen(QColor("#ffffff"), 2.5))
            self._mark.setBrush(QBrush(palette.color("selected")))
            self._mark.setZValue(20)
            self._mark.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self._scene.addItem(self._mark)
        self._mark.setPos(to_scene(lat, lon))

    def select_place(self, kind: str, eid: str) -> None:
        """Mark a place as selected (a ring around its marker, now or once it is drawn)."""
        self._selected_place = (kind, eid)
        for name, layer in self._layers.items():
            if isinstance(layer, MarkerLayer):
                layer.set_selected((kind, eid) if name == kind else None)

    def place_at(self, view_pos: QPoint) -> Place | None:
        """The place whose marker is under a point of the view (the topmost), if any.

        Markers keep their size on screen, which Qt's scene index handles by checking every
        one of them; the map keeps its own grid of markers instead, looks in the cells within
        a marker's reach of the point and measures on screen."""
        reach = R + 2
        centre = self.mapToScene(view_pos)
        half = reach / (self.transform().m11() or 1.0)
        x0, x1 = int((centre.x() - half) // GRID), int((centre.x() + half) // GRID)
        y0, y1 = int((centre.y() - half) // GRID), int((centre.y() + half) // GRID)
        best: tuple[float, int, Marker] | None = None
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                for order, marker in self._grid.get((cx, cy), ()):
                    if not marker.isVisible():  # its layer is off, or the filter hides it
                        continue
                    d = self.mapFromScene(marker.at) - view_pos
                    if d.x() * d.x() + d.y() * d.y() > reach * reach:
                        continue
                    rank = (marker.layer.zValue(), order, marker)
                    if best is None or rank[:2] > best[:2]:
                        best = rank
        return best[2].place if best is not None else None

    def view_pos_of(self, place: Place) -> QPoint:
        """Where a place's marker is in the view (for tests and pointing)."""
        return self.mapFromScene(self.place_items[(place.kind, place.id)].at)

    def viewportEvent(self, ev: QEvent) -> bool:  # noqa: N802
        """A marker's or an effect area's tooltip (they are no items of the scene: the map
        finds the one under the pointer); elsewhere the scene's (a region)."""
        if ev.type() == QEvent.Type.ToolTip:
            pos = ev.pos()  # type: ignore[attr-defined]
            place = self.place_at(pos)
            area = self._area_layer().area_at(self.mapToScene(pos)) if place is None else None
            tip = place_tip(place) if place is not None else area.toolTip() if area else ""
            if tip:
                QToolTip.showText(ev.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
                return True
        return super().viewportEvent(ev)

    def region_at(self, view_pos: QPoint) -> str:
        for item in self.items(view_pos):
            if isinstance(item, RegionItem):
                return item.code
        return ""

    # -- zoom and pan --------------------------------------------------------------------------

    def fit(self) -> None:
        """The whole country in view."""
        self._zoomed = False
        self._fitted_region = ""
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fit_scale = self.transform().m11() or 1.0

    def fit_region(self, code: str) -> None:
        """The region ``code`` filling the view, with a margin (its places readable: what a
        region filter is for); an unknown or empty code: the whole country."""
        item = self.items_by_code.get(code)
        if item is None:
            self._fitted_region = ""
            self.fit()
            return
        self._zoomed = False
        self.fit()  # (the whole-country scale the zoom level is counted against)
        self._fitted_region = code  # (followed on a resize until the user zooms or drags)
        r = item.sceneBoundingRect()
        pad = max(r.width(), r.height()) * 0.08
        self.fitInView(r.adjusted(-pad, -pad, pad, pad), Qt.AspectRatioMode.KeepAspectRatio)
        self._zoomed = self.zoom_level() > 1.0001

    def zoom_level(self) -> float:
        """The zoom as a multiple of the whole-country view (1.0: fitted)."""
        return self.transform().m11() / self._fit_scale

    def zoom_by(self, factor: float, under_mouse: bool = False) -> None:
        """Zoom by ``factor`` around the view's centre (or the mouse), between the whole
        country and :data:`MAX_ZOOM` times closer."""
        level = self.zoom_level()
        factor = max(1.0, min(MAX_ZOOM, level * factor)) / level
        if abs(factor - 1.0) < 1e-6:
            return
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse if under_mouse
                                     else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self._fitted_region = ""
        self.scale(factor, factor)
        self._zoomed = self.zoom_level() > 1.0001

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def wheelEvent(self, ev: QWheelEvent) -> None:  # noqa: N802
        steps = ev.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, under_mouse=True)
        ev.accept()

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = ev.position().toPoint(), False
            ev.accept()
            return
        super().mousePressEvent(ev)

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and ev.buttons() & Qt.MouseButton.LeftButton:
            pos = ev.position().toPoint()
            delta = pos - self._press
            if self._dragged or delta.manhattanLength() > CLICK_SLOP:
                self._dragged = True
                self._fitted_region = ""
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                h, v = self.horizontalScrollBar(), self.verticalScrollBar()
                h.setValue(h.value() - delta.x())
                v.setValue(v.value() - delta.y())
                self._press = pos
            ev.accept()
            return
        # a place under the pointer shows a pointing hand, as a region does (the markers are
        # no items of their own: the view sets it)
        over = not ev.buttons() and not self.pick_mode \
            and self.place_at(ev.position().toPoint()) is not None
        if self._hand and not over:
            self.viewport().unsetCursor()
            self._hand = False
        super().mouseMoveEvent(ev)
        if over:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self._hand = True

    def mouseReleaseEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        if ev.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(ev)
            return
        self._press = None
        self.viewport().unsetCursor()
        if not self._dragged:
            self.click_at(ev.position().toPoint())
        ev.accept()

    def click_at(self, pos: QPoint) -> None:
        """What a click at a view point does: pick the point (pick mode), select the place
        under it, or filter by the region under it."""
        if self.pick_mode:
            lat, lon = from_scene(self.mapToScene(pos))
            self.sig_point_picked.emit(lat, lon)
            return
        place = self.place_at(pos)
        if place is not None:
            self.select_place(place.kind, place.id)
            self.sig_place_selected.emit(place.kind, place.id)
            return
        code = self.region_at(pos)
        if code:
            self.region_clicked(code)

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(ev)
        self._refit()

    def showEvent(self, ev: object) -> None:  # noqa: N802
        super().showEvent(ev)  # type: ignore[arg-type]
        self._refit()

    def _refit(self) -> None:
        """A new size: the region filtered on, or the country, fills it again (a zoom or
        drag of the user's own stays as it is)."""
        if self._fitted_region:
            self.fit_region(self._fitted_region)
        elif not self._zoomed:
            self.fit()

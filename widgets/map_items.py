"""What the map draws for a place: a marker of fixed size on screen (a circle for an incident,
a square for a noodsteunpunt, a triangle for a bijstand meldplaats) coloured by its tone, and
an incident's effect area in map units. The legend paints the same symbols. The markers of one
kind are drawn by one item of the scene (:class:`MarkerLayer`), the effect areas by another
(:class:`AreaLayer`).

Scene coordinates: x = lon · cos(52°) · 1000, y = −lat · 1000 (the region map's own)."""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from data.domain.enums import label as status_label
from data.i18n import _ as core_text
from data.picture.places import KIND_LABEL, Place, tone

KX = math.cos(math.radians(52.0))
SCALE = 1000.0
#: scene units per metre (1° of latitude ≈ 111.32 km is SCALE units)
PER_METRE = SCALE / 111_320.0
#: the marker's half size in pixels
R = 6.0

#: marker colours per tone: saturated, readable on both themes' region fills
TONE_COLOR = {"alert": "#e5484d", "warn": "#f5a524", "ok": "#30a46c", "idle": "#8b95a1",
              "meldplaats": "#3e8ed0", "effect": "#c850c0"}


def to_scene(lat: float, lon: float) -> QPointF:
    return QPointF(lon * KX * SCALE, -lat * SCALE)


def from_scene(p: QPointF) -> tuple[float, float]:
    """(lat, lon) of a scene point."""
    return -p.y() / SCALE, p.x() / (KX * SCALE)


def tone_color(t: str) -> QColor:
    return QColor(TONE_COLOR.get(t, TONE_COLOR["idle"]))


def symbol_path(kind: str, r: float = R) -> QPainterPath:
    """The outline of a kind's symbol around (0, 0)."""
    path = QPainterPath()
    if kind == "nsp":
        path.addRect(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7))
    elif kind == "meldplaats":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8),
                                   QPointF(0, -r)]))
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path


def symbol_icon(kind: str, t: str, size: int = 16) -> QIcon:
    """The legend's picture of a symbol (an effect area: a dashed, tinted circle)."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate(size / 2, size / 2)
    c = tone_color(t)
    if kind == "effect":
        fill = QColor(c)
        fill.setAlpha(60)
        p.setBrush(fill)
        p.setPen(QPen(c, 1.2, Qt.PenStyle.DashLine))
        p.drawEllipse(QPointF(0, 0), size / 2 - 1, size / 2 - 1)
    else:
        p.setBrush(c)
        p.setPen(QPen(QColor("#101418"), 1.0))
        p.drawPath(symbol_path(kind, size / 2 - 2))
    p.end()
    return QIcon(pm)


def place_tip(place: Place) -> str:
    """A marker's tooltip: its label, then what it is and its status."""
    what = core_text(KIND_LABEL.get(place.kind, place.kind))
    return f"{place.label}\n{what}" + (f" · {status_label(place.status)}" if place.status else "")


#: the pictures of the markers, one per (kind, colour, device pixel ratio), shared by every
#: marker: thousands of markers each with a path or a cache of their own cost tens of MB
_SPRITES: dict[tuple[str, str, float], QPixmap] = {}
#: the half size of a marker's picture (the symbol and its outline)
_HALF = R + 1.0
#: how far a layer's bounds reach past its outermost markers, in scene units (1000 per degree
#: of latitude): a marker keeps its size on screen, so its edge lies this far out only when
#: R + 4 pixels cover so much of the map, which no usable view comes near
_REACH = 1000.0
#: circle areas up to this radius on screen (pixels) are copied from a shared picture
_SMALL_AREA = 12.0

Key = tuple[str, str]
#: where a marker's picture goes on the device: its key, the top left corner (whole pixels on a
#: device of pixel ratio 1, and no point then; otherwise the same as a point), its picture
Spot = tuple[Key, float, float, QPointF | None, QPixmap]


def marker_sprite(kind: str, color: QColor, dpr: float = 1.0) -> QPixmap:
    """The picture of a marker of ``kind`` in ``color``, drawn once and then shared."""
    key = (kind, color.name(), dpr)
    pm = _SPRITES.get(key)
    if pm is None:
        side = math.ceil(2 * _HALF * dpr)
        pm = QPixmap(side, side)
        pm.setDevicePixelRatio(dpr)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(_HALF, _HALF)
        p.setBrush(color)
        p.setPen(QPen(QColor("#101418"), 1.0))
        p.drawPath(symbol_path(kind))
        p.end()
        _SPRITES[key] = pm
    return pm


class PlaceLayer(QGraphicsItem):
    """One layer of the map's places, drawn by one item. It paints through a picture of the
    view's size, kept until the view's transform or size or what the layer shows changes: a
    repaint of the map for anything else (a region's colour, a tooltip, a repaint asked for)
    costs a copy of that picture, not thousands of markers and areas drawn again."""

    def __init__(self, z: float) -> None:
        super().__init__()
        #: the keys the filter hides (of any kind: the map hands every layer the same set)
        self.hidden: AbstractSet[Key] = frozenset()
        self._bounds = QRectF()
        self._picture: tuple[tuple[float, ...], QPixmap] | None = None
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # (the map takes the clicks)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def set_hidden(self, hidden: AbstractSet[Key]) -> None:
        self.hidden = hidden
        self.redraw()

    def redraw(self) -> None:
        """What the layer shows changed: draw it anew at the next paint."""
        if self._picture is not None:
            self._picture = ((), self._picture[1])  # (its pixels are reused)
        self.update()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange,  # noqa: N802
                   value: Any) -> Any:
        # a layer switched off keeps no picture of the view (megabytes on a large screen)
        if change == QGraphicsItem.GraphicsItemChange.ItemVisibleHasChanged and not value:
            self._picture = None
        return super().itemChange(change, value)

    def is_empty(self) -> bool:
        raise NotImplementedError

    def draw(self, painter: QPainter, world: QTransform, dpr: float, seen: QRectF) -> None:
        """Draw what is in sight onto ``painter`` (its transform: ``world``); ``seen`` is the
        part of the device to fill, in device pixels. The transform is left as it was given."""
        raise NotImplementedError

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.is_empty():
            return
        world = painter.worldTransform()
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        if widget is None:  # (not the view: a render to some other device) drawn directly
            self.draw(painter, world, dpr, world.mapRect(option.exposedRect))
            return
        w, h = widget.width(), widget.height()
        at = (world.m11(), world.m12(), world.m21(), world.m22(), world.dx(), world.dy(), dpr,
              w, h)
        if self._picture is None or self._picture[0] != at:
            size = (math.ceil(w * dpr), math.ceil(h * dpr))
            old = self._picture[1] if self._picture is not None else None
            if old is not None and (old.width(), old.height()) == size \
                    and old.devicePixelRatio() == dpr:
                pm = old  # (a zoom or pan step: the same picture drawn anew, not a new one)
            else:
                pm = QPixmap(*size)
                pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHints(painter.renderHints())
            p.setWorldTransform(world)
            self.draw(p, world, dpr, QRectF(0, 0, w, h))
            p.end()
            self._picture = (at, pm)
        painter.setWorldTransform(QTransform())
        painter.drawPixmap(0, 0, self._picture[1])
        painter.setWorldTransform(world)


class Marker:
    """One place's marker. Not an item of the scene: its layer (:class:`MarkerLayer`) draws
    it, the map finds it under the pointer (``RegionMap.place_at``) and answers its tooltip.
    ``isVisible`` and ``toolTip`` answer as a scene item's would, so that a layer's markers and
    its effect areas can be asked alike."""

    __slots__ = ("at", "color", "key", "layer", "look", "place")

    def __init__(self, place: Place, layer: MarkerLayer) -> None:
        self.place = place
        self.key: Key = (place.kind, place.id)
        #: where the marker's centre is in the scene
        self.at = to_scene(place.lat, place.lon)
        self.color = tone_color(tone(place))
        #: which shared picture draws it: (kind, colour)
        self.look = (place.kind, self.color.name())
        self.layer = layer

    @property
    def selected(self) -> bool:
        return self.layer.selected == self.key

    def isVisible(self) -> bool:  # noqa: N802 - as QGraphicsItem.isVisible
        """In sight: its layer is on and the filter leaves it."""
        return self.key not in self.layer.hidden and self.layer.isVisible()

    def toolTip(self) -> str:  # noqa: N802 - as QGraphicsItem.toolTip
        return place_tip(self.place)


class MarkerLayer(PlaceLayer):
    """Every marker of one kind, drawn by this one item: the shared picture of each marker's
    kind and colour (:func:`marker_sprite`) at its point, the same size at every zoom, and a
    ring around the selected one. A filter is a set of hidden keys, not an item per marker
    made visible or not: 5,000 markers as items of their own cost a Python paint call and
    Qt's bookkeeping each, per repaint and per keystroke of a search."""

    def __init__(self, z: float) -> None:
        super().__init__(z)
        self.markers: dict[Key, Marker] = {}
        #: the key of the selected place, if it is of this layer's kind
        self.selected: Key | None = None
        #: (the painter's transform and pixel ratio, the markers' spots in drawing order),
        #: worked out again when the transform or the markers change
        self._spots: tuple[tuple[float, ...], list[Spot]] | None = None

    def add(self, marker: Marker) -> None:
        self.markers[marker.key] = marker

    def remove(self, key: Key) -> None:
        self.markers.pop(key, None)

    def clear(self) -> None:
        self.markers = {}

    def changed(self) -> None:
        """Markers were added or removed: new bounds, new spots, a repaint."""
        self.prepareGeometryChange()
        if self.markers:
            xs = [m.at.x() for m in self.markers.values()]
            ys = [m.at.y() for m in self.markers.values()]
            self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
                                  ).adjusted(-_REACH, -_REACH, _REACH, _REACH)
        else:
            self._bounds = QRectF()
        self._spots = None
        self.redraw()

    def set_selected(self, key: Key | None) -> None:
        if key != self.selected:
            self.selected = key
            self.redraw()

    def is_empty(self) -> bool:
        return not self.markers

    def _spots_for(self, world: QTransform, dpr: float) -> list[Spot]:
        at = (world.m11(), world.m12(), world.m21(), world.m22(), world.dx(), world.dy(), dpr)
        if self._spots is None or self._spots[0] != at:
            m11, m12, m21, m22, dx, dy = at[:6]
            sprites: dict[tuple[str, str], QPixmap] = {}
            spots: list[Spot] = []
            for m in self.markers.values():
                pm = sprites.get(m.look)
                if pm is None:
                    pm = sprites[m.look] = marker_sprite(m.place.kind, m.color, dpr)
                x, y = m.at.x(), m.at.y()
                left, top = m11 * x + m21 * y + dx - _HALF, m12 * x + m22 * y + dy - _HALF
                if dpr == 1.0:  # on whole pixels, as a translated painter puts the picture
                    spots.append((m.key, round(left), round(top), None, pm))
                else:  # (the painter rounds to the device's smaller pixels itself)
                    spots.append((m.key, left, top, QPointF(left, top), pm))
            self._spots = (at, spots)
        return self._spots[1]

    def draw(self, painter: QPainter, world: QTransform, dpr: float, seen: QRectF) -> None:
        spots = self._spots_for(world, dpr)
        # only the markers that reach into the part of the device being filled
        side = 2 * _HALF
        x0, y0 = seen.left() - side, seen.top() - side
        x1, y1 = seen.right(), seen.bottom()
        hidden = self.hidden
        painter.setWorldTransform(QTransform())
        draw = painter.drawPixmap
        for key, x, y, corner, pm in spots:
            if x0 <= x <= x1 and y0 <= y <= y1 and key not in hidden:
                if corner is None:
                    draw(int(x), int(y), pm)
                else:
                    draw(corner, pm)
        sel = self.markers.get(self.selected) if self.selected is not None else None
        if sel is not None and sel.key not in hidden:
            painter.save()  # (the view does not: see RegionMap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffffff"), 2.0))
            painter.drawEllipse(world.map(sel.at), R + 3, R + 3)
            painter.restore()
        painter.setWorldTransform(world)


class Area:
    """An incident's effect area in map units: a circle of its radius, or its polygon. Like a
    marker, no item of the scene: its layer (:class:`AreaLayer`) draws it."""

    __slots__ = ("bounds", "key", "layer", "place", "polygon")

    def __init__(self, place: Place, layer: AreaLayer) -> None:
        self.place = place
        self.key: Key = (place.kind, place.id)
        self.layer = layer
        #: the corners (a polygon), or None: a circle filling ``bounds``
        self.polygon: QPolygonF | None = None
        if place.polygon:
            self.polygon = QPolygonF([to_scene(a, b) for a, b in place.polygon])
            self.bounds = self.polygon.boundingRect()
        else:
            r = place.radius_m * PER_METRE
            centre = to_scene(place.lat, place.lon)
            self.bounds = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)

    def contains(self, p: QPointF) -> bool:
        """Is the scene point ``p`` inside the area?"""
        if self.polygon is not None:
            return self.polygon.containsPoint(p, Qt.FillRule.OddEvenFill)
        c, r = self.bounds.center(), self.bounds.width() / 2
        dx, dy = p.x() - c.x(), p.y() - c.y()
        return dx * dx + dy * dy <= r * r

    def isVisible(self) -> bool:  # noqa: N802 - as QGraphicsItem.isVisible
        return self.key not in self.layer.hidden and self.layer.isVisible()

    def toolTip(self) -> str:  # noqa: N802 - as QGraphicsItem.toolTip
        return self.place.label


def area_of(place: Place, layer: AreaLayer) -> Area | None:
    """An incident's effect area, if it has one (a radius or a polygon)."""
    return Area(place, layer) if place.polygon or place.radius_m else None


class AreaLayer(PlaceLayer):
    """Every effect area, drawn by this one item (a tinted fill, a dashed edge), under the
    markers; a filter is the same set of hidden keys as the markers' (a thousand areas as
    items of their own cost a setVisible each per search and Qt's bookkeeping per paint)."""

    def __init__(self, z: float) -> None:
        super().__init__(z)
        self.areas: dict[Key, Area] = {}
        c = tone_color("effect")
        fill = QColor(c)
        fill.setAlpha(40)
        self._brush = QBrush(fill)
        self._pen = QPen(c, 1.5, Qt.PenStyle.DashLine)
        self._pen.setCosmetic(True)
        #: pictures of small circle areas by (radius in pixels, pixel ratio)
        self._discs: dict[tuple[float, float], QPixmap] = {}

    def add(self, area: Area) -> None:
        self.areas[area.key] = area

    def remove(self, key: Key) -> None:
        self.areas.pop(key, None)

    def clear(self) -> None:
        self.areas = {}

    def changed(self) -> None:
        """Areas were added or removed: new bounds, a repaint."""
        self.prepareGeometryChange()
        bounds = QRectF()
        for a in self.areas.values():
            bounds = bounds.united(a.bounds)
        # (the cosmetic edge reaches a pixel past the areas, at any zoom)
        self._bounds = bounds.adjusted(-_REACH, -_REACH, _REACH, _REACH) if self.areas \
            else QRectF()
        self.redraw()

    def is_empty(self) -> bool:
        return not self.areas

    def area_at(self, p: QPointF) -> Area | None:
        """The topmost area in sight that holds the scene point ``p``."""
        if not self.isVisible():
            return None
        for a in reversed(self.areas.values()):
            if a.key not in self.hidden and a.bounds.contains(p) and a.contains(p):
                return a
        return None

    def _disc(self, r: float, dpr: float) -> QPixmap:
        """The picture of a circle area of radius ``r`` pixels, drawn once per radius."""
        key = (r, dpr)
        pm = self._discs.get(key)
        if pm is None:
            half = math.ceil(r + 2)
            pm = QPixmap(math.ceil(2 * half * dpr), math.ceil(2 * half * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(self._pen)
            p.setBrush(self._brush)
            p.drawEllipse(QPointF(half, half), r, r)
            p.end()
            self._discs[key] = pm
        return pm

    def draw(self, painter: QPainter, world: QTransform, dpr: float, seen: QRectF) -> None:
        seen = world.inverted()[0].mapRect(seen)  # (in the scene, where the areas are)
        hidden = self.hidden
        scale = math.hypot(world.m11(), world.m12())  # pixels per scene unit
        # circles a few pixels across (most of them, with the whole country in view) are
        # copied from one picture per radius (to a quarter pixel, on whole pixels): drawing
        # each costs Qt a path, a dashed stroke and a fill; the rest are drawn as they are.
        # (Every area has the same colour, so the order they are laid over each other in
        # changes nothing.)
        small: list[tuple[QPointF, float]] = []
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        # (an area of three corners on one line has bounds without height: still drawn)
        pad = 2 / scale if scale else 0.0
        for a in self.areas.values():
            if a.key in hidden or not seen.intersects(a.bounds.adjusted(-pad, -pad, pad, pad)):
                continue
            if a.polygon is not None:
                painter.drawPolygon(a.polygon, Qt.FillRule.OddEvenFill)
                continue
            r = a.bounds.width() / 2 * scale
            if r <= _SMALL_AREA:
                # (at least half a pixel: a 10 m area seen from afar still leaves a dot)
                small.append((a.bounds.center(), max(round(r * 4) / 4, 0.5)))
            else:
                painter.drawEllipse(a.bounds)
        if len(self._discs) > 64:  # (many zoom levels seen: keep the radii of this one)
            self._discs = {}
        painter.setWorldTransform(QTransform())
        for centre, r in small:
            pm = self._disc(r, dpr)
            half = pm.width() / dpr / 2
            c = world.map(centre)
            painter.drawPixmap(round(c.x() - half), round(c.y() - half), pm)
        painter.setWorldTransform(world)

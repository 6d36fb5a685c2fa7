"""What the map draws for a place: a marker of fixed size on screen (a circle for an incident,
a square for a noodsteunpunt, a triangle for a bijstand meldplaats) coloured by its tone, and
an incident's effect area in map units. The legend paints the same symbols.

Scene coordinates: x = lon · cos(52°) · 1000, y = −lat · 1000 (the region map's own)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPolygonItem,
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
#: the half size of a marker's picture (the symbol and its outline), and its top left corner
_HALF = R + 1.0
_CORNER = QPointF(-_HALF, -_HALF)
#: every marker's bounds (asked for twice per marker and paint: 5,000 markers on the map)
_BOUNDS = QRectF(-R - 4, -R - 4, 2 * R + 8, 2 * R + 8)


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


class PlaceItem(QGraphicsItem):
    """One place's marker: the same size at every zoom, its label as tooltip. It draws the
    shared picture of its kind and colour (:func:`marker_sprite`)."""

    def __init__(self, place: Place) -> None:
        super().__init__()
        self.place = place
        self.color = tone_color(tone(place))
        self.selected = False
        self._sprite: QPixmap | None = None
        self._dpr = 0.0
        self.setPos(to_scene(place.lat, place.lon))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setToolTip(place_tip(place))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(10 + ("incident", "nsp", "meldplaats").index(place.kind)
                       if place.kind in ("incident", "nsp", "meldplaats") else 10)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return _BOUNDS

    def shape(self) -> QPainterPath:
        hit = QPainterPath()  # a little larger than the symbol: easy to click
        hit.addEllipse(QPointF(0, 0), R + 2, R + 2)
        return hit

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        if dpr != self._dpr:  # (the picture itself is shared; the item only points at it)
            self._sprite, self._dpr = marker_sprite(self.place.kind, self.color, dpr), dpr
        painter.drawPixmap(_CORNER, self._sprite)
        if self.selected:
            painter.save()  # (the view does not: see RegionMap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffffff"), 2.0))
            painter.drawEllipse(QPointF(0, 0), R + 3, R + 3)
            painter.restore()

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self.update()


def area_item(place: Place) -> QGraphicsItem | None:
    """An incident's effect area in map units (a circle of its radius, or its polygon)."""
    c = tone_color("effect")
    fill = QColor(c)
    fill.setAlpha(40)
    pen = QPen(c, 1.5, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    item: QGraphicsEllipseItem | QGraphicsPolygonItem
    if place.polygon:
        item = QGraphicsPolygonItem(QPolygonF([to_scene(a, b) for a, b in place.polygon]))
    elif place.radius_m:
        r = place.radius_m * PER_METRE
        centre = to_scene(place.lat, place.lon)
        item = QGraphicsEllipseItem(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
    else:
        return None
    item.setBrush(QBrush(fill))
    item.setPen(pen)
    item.setToolTip(place.label)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setZValue(5)
    return item

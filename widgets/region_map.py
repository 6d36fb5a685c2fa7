"""The map of the 25 safety regions, coloured by their worst state; click filters by region.

Outlines are lon/lat rings from ``resources/map/regions.json``; x is scaled by cos(52°) so the
country keeps its shape without a projection library."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from data.domain.regions import REGION_BY_CODE
from widgets import palette
from widgets.resources import region_outlines

KX = math.cos(math.radians(52.0))
SCALE = 1000.0


class _RegionItem(QGraphicsPathItem):
    def __init__(self, code: str, path: QPainterPath, owner: "RegionMap") -> None:
        super().__init__(path)
        self.code = code
        self.owner = owner
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, ev: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.owner.region_clicked(self.code)
        ev.accept()


class RegionMap(QGraphicsView):
    """The 25 regions; ``set_levels`` colours them, a click emits ``sig_region_clicked``."""

    sig_region_clicked = Signal(str)
    """A region was clicked: its code (VR01..VR25), or '' when the selected one was clicked
    again (clear the filter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.items_by_code: dict[str, _RegionItem] = {}
        self._labels: dict[str, QGraphicsSimpleTextItem] = {}
        self._levels: dict[str, str] = {}
        self._selected = ""
        self._build()
        self.restyle()

    def _build(self) -> None:
        data = region_outlines()
        for reg in data["regions"]:
            path = QPainterPath()
            for ring in reg["rings"]:
                pts = [QPointF(lon * KX * SCALE, -lat * SCALE) for lon, lat in ring]
                path.moveTo(pts[0])
                for p in pts[1:]:
                    path.lineTo(p)
                path.closeSubpath()
            item = _RegionItem(reg["code"], path, self)
            r = REGION_BY_CODE.get(reg["code"])
            item.setToolTip(r.name if r else reg["code"])
            self._scene.addItem(item)
            self.items_by_code[reg["code"]] = item
            lab = QGraphicsSimpleTextItem(r.short if r else reg["code"])
            f = QFont()
            f.setPixelSize(12)
            lab.setFont(f)
            lab.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            lab.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            # label at the centre of the largest ring's bounding box
            big = max(reg["rings"], key=len)
            bp = QPainterPath()
            bp.addPolygon([QPointF(lon * KX * SCALE, -lat * SCALE) for lon, lat in big])
            c = bp.boundingRect().center()
            lab.setPos(c.x() - 8, c.y() - 4)  # the label ignores zoom: offset in scene units
            lab.setZValue(2)
            self._scene.addItem(lab)
            self._labels[reg["code"]] = lab
        self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))

    def region_clicked(self, code: str) -> None:
        self.set_selected("" if code == self._selected else code)
        self.sig_region_clicked.emit(self._selected)

    def set_selected(self, code: str) -> None:
        self._selected = code
        self.restyle()

    def set_levels(self, levels: dict[str, str]) -> None:
        """Region code -> level ('ok', 'warn', 'alert' or '' for nothing to report)."""
        self._levels = dict(levels)
        self.restyle()

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

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(ev)
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, ev: object) -> None:  # noqa: N802
        super().showEvent(ev)  # type: ignore[arg-type]
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def scene_rect(self) -> QRectF:
        return self._scene.sceneRect()

    def item_color(self, code: str) -> QColor:
        return self.items_by_code[code].brush().color()

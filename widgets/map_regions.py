"""The 25 safety regions as scene items: one outline per region (lon/lat rings from
``resources/map/regions.json``, x scaled by cos(52°)) and its short name as a label that keeps
its size at every zoom."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from data.domain.regions import REGION_BY_CODE
from widgets.map_items import KX, SCALE
from widgets.resources import region_outlines


class RegionItem(QGraphicsPathItem):
    """One region's outline; ``code`` is VR01..VR25."""

    def __init__(self, code: str, path: QPainterPath) -> None:
        super().__init__(path)
        self.code = code
        self.setCursor(Qt.CursorShape.PointingHandCursor)


def _point(lon: float, lat: float) -> QPointF:
    return QPointF(lon * KX * SCALE, -lat * SCALE)


def region_items() -> Iterator[tuple[str, RegionItem, QGraphicsSimpleTextItem]]:
    """(code, outline, label) per region, not yet in a scene."""
    for reg in region_outlines()["regions"]:
        path = QPainterPath()
        for ring in reg["rings"]:
            pts = [_point(lon, lat) for lon, lat in ring]
            path.moveTo(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            path.closeSubpath()
        item = RegionItem(reg["code"], path)
        r = REGION_BY_CODE.get(reg["code"])
        item.setToolTip(r.name if r else reg["code"])
        lab = QGraphicsSimpleTextItem(r.short if r else reg["code"])
        f = QFont()
        f.setPixelSize(12)
        lab.setFont(f)
        lab.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        lab.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
        # label at the centre of the largest ring's bounding box
        big = max(reg["rings"], key=len)
        bp = QPainterPath()
        bp.addPolygon([_point(lon, lat) for lon, lat in big])
        c = bp.boundingRect().center()
        lab.setPos(c.x() - 8, c.y() - 4)  # the label ignores zoom: offset in scene units
        lab.setZValue(2)
        yield reg["code"], item, lab

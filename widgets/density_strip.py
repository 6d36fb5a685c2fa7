"""The strip of events per hour above Terugkijken's time slider, with the chosen moment as a
line (pyqtgraph; built when the bar is first shown, see :class:`~widgets.deferred.Deferred`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from widgets import palette


class DensityStrip(QWidget):
    """Events per hour as steps; ``set_cursor`` marks a moment (seconds since the epoch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.hideButtons()
        self.plot.setBackground(palette.color("panel"))
        self.bars = pg.PlotDataItem(stepMode="center", fillLevel=0,
                                    brush=pg.mkBrush("#e0a45888"), pen=pg.mkPen("#e0a458"))
        self.plot.addItem(self.bars)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#ffffff", width=2))
        self.plot.addItem(self.cursor)
        lay.addWidget(self.plot)

    def set_density(self, per_hour: Sequence[tuple[str, int]]) -> None:
        """Events per hour ('YYYY-MM-DDTHH', n)."""
        pts: dict[float, int] = {}
        for hour, n in per_hour:
            try:
                t = datetime.strptime(hour, "%Y-%m-%dT%H").replace(tzinfo=UTC).timestamp()
            except ValueError:
                continue
            pts[t] = pts.get(t, 0) + n
        if not pts:
            self.bars.setData([], [])
            return
        xs = np.arange(min(pts), max(pts) + 3600, 3600.0)
        ys = np.array([pts.get(float(x), 0) for x in xs], dtype=float)
        self.bars.setData(np.append(xs, xs[-1] + 3600), ys)

    def set_cursor(self, t: float) -> None:
        self.cursor.setValue(t)

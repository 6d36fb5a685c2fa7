"""The exercise timeline in the trainer console (pyqtgraph): injects as they went out against
the players' responses, in scenario minutes, with a line from each inject to each response
that met (or came late for) one of its expectations, and the present marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from widgets import palette

INJECT_Y, RESPONSE_Y = 1.0, 0.0


class ExerciseTimeline(QWidget):
    """``set_points`` takes (inject id, fired scenario seconds, [response scenario seconds])
    per inject that went out, and the present in scenario seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("ExerciseTimeline")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setLabel("bottom", self.tr("scenariotijd (minuten na T0)"))
        self.plot.setToolTip(self.tr("scenariotijd (minuten na T0)"))
        self.plot.getAxis("left").setTicks([[(INJECT_Y, self.tr("injects")),
                                             (RESPONSE_Y, self.tr("reacties"))]])
        self.plot.setYRange(-0.5, 1.5, padding=0)
        self.links = pg.PlotDataItem([], [], connect="pairs")
        self.injects = pg.ScatterPlotItem(symbol="s", size=11)
        self.responses = pg.ScatterPlotItem(symbol="o", size=9)
        self.now_line = pg.InfiniteLine(angle=90, movable=False, label=self.tr("nu"),
                                        labelOpts={"position": 0.9})
        for item in (self.links, self.injects, self.responses):
            self.plot.addItem(item)
        self.plot.addItem(self.now_line, ignoreBounds=True)
        self.labels: list[pg.TextItem] = []
        lay.addWidget(self.plot)
        self.restyle()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        # a low strip (a 768 px screen) keeps both rows of marks; the axis title goes to the
        # tooltip rather than squeezing them
        self.plot.getAxis("bottom").showLabel(event.size().height() >= 90)
        super().resizeEvent(event)

    def restyle(self) -> None:
        self.plot.setBackground(palette.color("panel"))
        for ax in ("left", "bottom"):
            a = self.plot.getAxis(ax)
            a.setPen(palette.color("muted"))
            a.setTextPen(palette.color("text"))
        self.links.setPen(pg.mkPen(palette.color("muted"), width=1))
        self.injects.setBrush(pg.mkBrush("#f08a00"))
        self.responses.setBrush(pg.mkBrush("#3a7bd5"))
        self.now_line.setPen(pg.mkPen(palette.color("text"), width=1,
                                      style=Qt.PenStyle.DashLine))

    def set_points(self, points: Sequence[tuple[str, int, Sequence[int]]], now_s: int) -> None:
        xs_i = [fired / 60 for _iid, fired, _r in points]
        xs_r = [r / 60 for _iid, _f, rs in points for r in rs]
        self.injects.setData(x=xs_i, y=[INJECT_Y] * len(xs_i),
                             data=[iid for iid, _f, _r in points])
        self.responses.setData(x=xs_r, y=[RESPONSE_Y] * len(xs_r))
        lx: list[float] = []
        ly: list[float] = []
        for _iid, fired, rs in points:
            for r in rs:
                lx += [fired / 60, r / 60]
                ly += [INJECT_Y, RESPONSE_Y]
        self.links.setData(lx, ly)
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        for iid, fired, _r in points:
            t = pg.TextItem(iid, color=palette.color("text"), anchor=(0.5, 1.2))
            t.setPos(fired / 60, INJECT_Y)
            self.plot.addItem(t)
            self.labels.append(t)
        self.now_line.setPos(now_s / 60)

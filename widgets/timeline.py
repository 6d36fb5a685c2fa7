"""A timeline of events per kind per hour (pyqtgraph), for the Overzicht."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from widgets import palette

KIND_LABELS = {"incident": "Incidenten", "bijstand": "Bijstand", "decision": "Besluiten",
               "action": "Acties", "irbt": "IRBT", "journal": "Logboek",
               "comms": "Verbindingen", "nsp": "Noodsteunpunten",
               "conflict": "Tegenstrijdige wijzigingen", "alert": "NL-Alert",
               "capacity": "Schaarste", "partner": "Vitale partners", "centre": "Centra"}
KIND_COLORS = {"journal": "#6aa2d8", "comms": "#9aa4b0", "bijstand": "#e0a458",
               "incident": "#e07a6a", "decision": "#a78bfa", "action": "#8fd19e",
               "nsp": "#5fb3b3", "irbt": "#c4b5fd", "conflict": "#f472b6",
               "alert": "#facc15", "capacity": "#fb923c", "partner": "#34d399",
               "centre": "#93c5fd"}


_NL = {"Mon": "ma", "Tue": "di", "Wed": "wo", "Thu": "do", "Fri": "vr", "Sat": "za",
       "Sun": "zo", "Jan": "jan", "Feb": "feb", "Mar": "mrt", "Apr": "apr", "May": "mei",
       "Jun": "jun", "Jul": "jul", "Aug": "aug", "Sep": "sep", "Oct": "okt", "Nov": "nov",
       "Dec": "dec"}


class DutchDateAxis(pg.DateAxisItem):
    """Date axis with Dutch day and month names (pyqtgraph formats them in English)."""

    def tickStrings(self, values: Any, scale: Any, spacing: Any) -> list[str]:  # noqa: N802
        out = []
        for text in super().tickStrings(values, scale, spacing):
            for en, nl in _NL.items():
                text = text.replace(en, nl)
            out.append(text)
        return out


class Timeline(QWidget):
    """One line per event kind: events per hour by ``occurred_at``.

    ``set_buckets`` takes (hour 'YYYY-MM-DDTHH', kind, count) triples; one PlotDataItem per kind
    is updated with ``setData`` (no re-creation on refresh)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(axisItems={"bottom": DutchDateAxis(utcOffset=None)})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("left", self.tr("gebeurtenissen per uur"))
        self.legend = self.plot.addLegend(offset=(10, 5), colCount=4)
        self.curves: dict[str, pg.PlotDataItem] = {}
        lay.addWidget(self.plot)
        self.restyle()

    def restyle(self) -> None:
        self.plot.setBackground(palette.color("panel"))
        for ax in ("left", "bottom"):
            a = self.plot.getAxis(ax)
            a.setPen(palette.color("muted"))
            a.setTextPen(palette.color("text"))
        if self.legend is not None:
            self.legend.setLabelTextColor(palette.color("text"))

    def set_buckets(self, buckets: Sequence[tuple[str, str, int]]) -> None:
        series: dict[str, dict[float, int]] = {}
        for hour, kind, n in buckets:
            if kind in ("node", "conflict"):
                continue
            try:
                t = datetime.strptime(hour, "%Y-%m-%dT%H").replace(tzinfo=timezone.utc).timestamp()
            except ValueError:
                continue
            series.setdefault(kind, {})[t] = series.get(kind, {}).get(t, 0) + n
        all_t = [t for pts in series.values() for t in pts]
        hours = np.arange(min(all_t), max(all_t) + 3600, 3600.0) if all_t else np.array([])
        for kind, pts in sorted(series.items()):
            xs = hours  # every hour, zeros included, so quiet hours read as quiet
            ys = np.array([pts.get(float(x), 0) for x in xs], dtype=float)
            curve = self.curves.get(kind)
            if curve is None:
                pen = pg.mkPen(KIND_COLORS.get(kind, "#cccccc"), width=2)
                curve = self.plot.plot(name=KIND_LABELS.get(kind, kind), pen=pen)
                curve.setClipToView(True)
                curve.setDownsampling(auto=True, method="peak")
                self.curves[kind] = curve
            curve.setData(xs, ys)
        for kind, curve in self.curves.items():
            if kind not in series:
                curve.setData([], [])

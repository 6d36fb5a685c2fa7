"""A timeline of events per hour as stacked bars per kind (pyqtgraph), for the Overzicht."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems import DateAxisItem as _dai
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from data.picture.timeline import HOUR_S, KIND_ORDER, Stacked, stack
from widgets import palette
from widgets.common import ui_locale

#: the legend's names of the kinds (translated when a bar is made: context 'Timeline')
KIND_LABELS = {"incident": QT_TRANSLATE_NOOP("Timeline", "Incidenten"),
               "bijstand": QT_TRANSLATE_NOOP("Timeline", "Bijstand"),
               "decision": QT_TRANSLATE_NOOP("Timeline", "Besluiten"),
               "action": QT_TRANSLATE_NOOP("Timeline", "Acties"), "irbt": "IRBT",
               "journal": QT_TRANSLATE_NOOP("Timeline", "Logboek"),
               "comms": QT_TRANSLATE_NOOP("Timeline", "Verbindingen"),
               "nsp": QT_TRANSLATE_NOOP("Timeline", "Noodsteunpunten"),
               "conflict": QT_TRANSLATE_NOOP("Timeline", "Tegenstrijdige wijzigingen"),
               "alert": "NL-Alert", "capacity": QT_TRANSLATE_NOOP("Timeline", "Schaarste"),
               "partner": QT_TRANSLATE_NOOP("Timeline", "Vitale partners"),
               "centre": QT_TRANSLATE_NOOP("Timeline", "Centra")}
KIND_COLORS = {"journal": "#6aa2d8", "comms": "#9aa4b0", "bijstand": "#e0a458",
               "incident": "#e07a6a", "decision": "#a78bfa", "action": "#8fd19e",
               "nsp": "#5fb3b3", "irbt": "#c4b5fd", "conflict": "#f472b6",
               "alert": "#facc15", "capacity": "#fb923c", "partner": "#34d399",
               "centre": "#93c5fd"}


def locale_tick(when: datetime, fmt: str, loc: QLocale | None = None) -> str:
    """``when`` formatted by the strftime ``fmt`` of a pyqtgraph tick, with the weekday (%a)
    and month (%b) names of ``loc`` (default :func:`ui_locale`) instead of English ones."""
    loc = loc or ui_locale()
    short = QLocale.FormatType.ShortFormat
    day = loc.standaloneDayName(when.isoweekday(), short).replace("%", "%%")
    month = loc.standaloneMonthName(when.month, short).replace("%", "%%")
    return when.strftime(fmt.replace("%a", day).replace("%b", month))


class LocaleDateAxis(pg.DateAxisItem):
    """Date axis with the day and month names of the current locale (pyqtgraph's strftime
    writes them in English whatever the language)."""

    def tickStrings(self, values: Any, scale: Any, spacing: Any) -> list[str]:  # noqa: N802
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        fmt = spec.format if spec is not None else ""
        if "%a" not in fmt and "%b" not in fmt:
            return list(super().tickStrings(values, scale, spacing))
        loc = ui_locale()
        out = []
        for v in values:
            try:
                when = _dai.utcfromtimestamp(
                    _dai.adjustTimestampToPreferredUtcOffset(v, self.utcOffset))
            except (OverflowError, ValueError, OSError):
                out.append("")
                continue
            out.append(locale_tick(when, fmt, loc))
        return out


#: the width one legend column takes (swatch and the longest kind's name, "Noodsteunpunten")
LEGEND_COLUMN_PX = 150


class Timeline(QWidget):
    """Events per hour by ``occurred_at`` as stacked bars, one colour per kind, with the
    present marked by a vertical line.

    ``set_buckets`` takes (hour 'YYYY-MM-DDTHH', kind, count) triples; one BarGraphItem per
    kind is updated with ``setOpts`` (no re-creation on refresh)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis(utcOffset=None)})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.plot.setLabel("left", self.tr("gebeurtenissen per uur"))
        self.legend = self.plot.addLegend(offset=(10, 5), colCount=4)
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.now_line = pg.InfiniteLine(angle=90, movable=False,
                                        label=self.tr("nu"), labelOpts={"position": 0.95})
        self.plot.addItem(self.now_line, ignoreBounds=True)
        self.scope = QLabel("")
        self.scope.setObjectName("KpiScope")
        self.scope.setWordWrap(True)  # (a laptop's narrow timeline: never wider than it)
        self.scope.hide()
        lay.addWidget(self.plot)
        lay.addWidget(self.scope)
        self.stacked = Stacked()
        self.restyle()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        # as many legend columns as fit (a laptop gives the timeline about 350 px): a legend
        # cut off at the right edge hides the kinds it names
        cols = max(1, min(4, event.size().width() // LEGEND_COLUMN_PX))
        if self.legend is not None and self.legend.columnCount != cols:
            self.legend.setColumnCount(cols)
        super().resizeEvent(event)

    def restyle(self) -> None:
        self.plot.setBackground(palette.color("panel"))
        for ax in ("left", "bottom"):
            a = self.plot.getAxis(ax)
            a.setPen(palette.color("muted"))
            a.setTextPen(palette.color("text"))
        if self.legend is not None:
            self.legend.setLabelTextColor(palette.color("text"))
        self.now_line.setPen(pg.mkPen(palette.color("text"), width=2, style=Qt.PenStyle.DashLine))
        self.now_line.label.setColor(palette.color("text"))

    def set_now(self, now: datetime) -> None:
        """Mark the present (the window's clock: an exercise's scenario time). Moves of less
        than a minute are not drawn (a redraw of the plot is not free)."""
        t = now.timestamp()
        if abs(t - float(self.now_line.value())) >= 60:
            self.now_line.setValue(t)

    def set_scope(self, text: str) -> None:
        """Say what the bars count when a filter is on elsewhere ('' hides the note)."""
        if text != self.scope.text():
            self.scope.setText(text)
            self.scope.setVisible(bool(text))

    def set_buckets(self, buckets: Sequence[tuple[str, str, int]]) -> None:
        st = stack(buckets)
        self.stacked = st
        xs = np.array(st.hours, dtype=float) + HOUR_S / 2
        for kind in KIND_ORDER:
            bar = self.bars.get(kind)
            if kind not in st.counts:
                if bar is not None:
                    bar.setOpts(x=[], height=[], y0=[])
                continue
            heights = np.array(st.counts[kind], dtype=float)
            y0 = np.array(st.bases[kind], dtype=float)
            if bar is None:
                color = KIND_COLORS.get(kind, "#cccccc")
                bar = pg.BarGraphItem(x=xs, height=heights, y0=y0, width=HOUR_S * 0.9,
                                      brush=color, pen=pg.mkPen(None),
                                      name=self.tr(KIND_LABELS.get(kind, kind)))
                self.plot.addItem(bar)  # (its name puts it in the legend)
                self.bars[kind] = bar
            else:
                bar.setOpts(x=xs, height=heights, y0=y0)

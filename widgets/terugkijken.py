"""Terugkijken: the bar over every view while it shows a past picture — a banner that says so,
a time slider over the log's span with the events per hour above it, the axis
(waar / bij ons bekend), steps, play at ×10 … ×600 and the way back to now (Esc)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from data.picture.timefmt import local_hm
from data.scenario.times import fmt_offset
from widgets.deferred import Deferred

#: the axes as the operator reads them (value: data.history's axis name); translated when shown
#: (context 'TerugkijkenBar', also in the handover dialog)
AXES = ((QT_TRANSLATE_NOOP("TerugkijkenBar", "zoals het was (waar)"), "waar"),
        (QT_TRANSLATE_NOOP("TerugkijkenBar", "zoals hier bekend"), "bekend"))
AXIS_BANNER = {"waar": QT_TRANSLATE_NOOP("TerugkijkenBar", "zoals het was"),
               "bekend": QT_TRANSLATE_NOOP("TerugkijkenBar", "zoals hier bekend")}


def axis_text(text: str) -> str:
    """An axis's name (one of :data:`AXES`) in the language in use."""
    return QCoreApplication.translate("TerugkijkenBar", text)
SPEEDS = (10, 60, 600)
PLAY_TICK_MS = 500


def _dt(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _density_strip() -> QWidget:
    from widgets.density_strip import DensityStrip

    return DensityStrip()


class TerugkijkenBar(QWidget):
    """The controls of Terugkijken. The slider counts seconds from the start of the span."""

    sig_moment = Signal(str, str)
    """The operator chose a moment: (moment as ISO UTC, axis 'waar' | 'bekend')."""
    sig_exit = Signal()
    """Back to now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TerugkijkenBar")
        self._start: datetime | None = None
        #: in an exercise world: T0 of the scenario (ms), so the banner says the scenario time
        self.t0_ms: int | None = None
        self.banner = QLabel("")
        self.banner.setObjectName("TerugkijkenBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("QLabel#TerugkijkenBanner { background: #b45309; color: white;"
                                  " font-weight: bold; font-size: 15px; padding: 4px; }")
        self.density = Deferred(_density_strip)  # pyqtgraph: when the bar is first shown
        self.density.setFixedHeight(46)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("TerugkijkenSlider")
        self.slider.setSingleStep(60)
        self.slider.setPageStep(900)
        self.slider.setTracking(True)
        self.axis = QComboBox()
        self.axis.setObjectName("TerugkijkenAxis")
        for text, value in AXES:
            self.axis.addItem(axis_text(text), value)
        self.back = QPushButton(self.tr("◀ 15 min"))
        self.fwd = QPushButton(self.tr("15 min ▶"))
        self.play = QPushButton(self.tr("▶ afspelen"))
        self.play.setCheckable(True)
        self.speed = QComboBox()
        for s in SPEEDS:
            self.speed.addItem(f"×{s}", s)
        self.now = QPushButton(self.tr("Terug naar nu (Esc)"))
        self.now.setObjectName("TerugkijkenNow")
        self.span_label = QLabel("")
        self.span_label.setObjectName("Muted")
        row = QHBoxLayout()
        for w in (self.axis, self.back, self.fwd, self.play, self.speed):
            row.addWidget(w)
        row.addWidget(self.span_label, 1)
        row.addWidget(self.now)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 0, 8, 4)
        lay.setSpacing(2)
        lay.addWidget(self.banner)
        lay.addWidget(self.density)
        lay.addWidget(self.slider)
        lay.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.slider.valueChanged.connect(lambda _v: self._changed())
        self.axis.currentIndexChanged.connect(lambda _i: self._changed())
        self.back.clicked.connect(lambda: self.slider.setValue(self.slider.value() - 900))
        self.fwd.clicked.connect(lambda: self.slider.setValue(self.slider.value() + 900))
        self.play.toggled.connect(self._play)
        self.now.clicked.connect(self.sig_exit)
        self._quiet = False

    # -- what it shows

    def axis_value(self) -> str:
        return str(self.axis.currentData())

    def moment(self) -> str:
        """The chosen moment as ISO UTC ('' before a span is known)."""
        if self._start is None:
            return ""
        return _iso(self._start + timedelta(seconds=self.slider.value()))

    def set_span(self, lo: str, hi: str, at: str | None = None) -> None:
        """The slider runs from ``lo`` to ``hi`` (ISO); it stands at ``at`` (default: ``hi``)
        without announcing a moment."""
        self._start = _dt(lo)
        total = max(0, int((_dt(hi) - self._start).total_seconds()))
        self._quiet = True
        self.slider.setRange(0, total)
        pos = total if at is None else int((_dt(at) - self._start).total_seconds())
        self.slider.setValue(min(max(pos, 0), total))
        self._quiet = False
        self.span_label.setText(self.tr("{0} … {1}").format(local_hm(lo), local_hm(hi)))
        self._show_cursor()

    def set_moment(self, at: str) -> None:
        """Stand at ``at`` (ISO), announcing it like a drag would."""
        if self._start is not None:
            self.slider.setValue(int((_dt(at) - self._start).total_seconds()))

    def set_density(self, per_hour: Sequence[tuple[str, int]]) -> None:
        """Events per hour ('YYYY-MM-DDTHH', n): the strip above the slider."""
        self.density.call("set_density", per_hour)

    def set_banner(self, at: str, axis: str, busy: bool = False) -> None:
        when = local_hm(at)
        if self.t0_ms is not None and axis == "waar" and at:
            # an exercise: what happened is in scenario time, as the header's clock shows it
            secs = int(_dt(at).timestamp()) - self.t0_ms // 1000
            when = self.tr("{0} (scenariotijd T{1})").format(when, fmt_offset(secs - secs % 60))
        self.banner.setText(self.tr("TERUGKIJKEN · beeld van {0} · {1}{2} · dit is niet het "
                                    "actuele beeld").format(
            when, axis_text(AXIS_BANNER.get(axis, axis)),
            self.tr(" · laden…") if busy else ""))

    # -- internals

    def _show_cursor(self) -> None:
        if self._start is not None:
            self.density.call("set_cursor", (self._start + timedelta(
                seconds=self.slider.value())).timestamp())

    def _changed(self) -> None:
        self._show_cursor()
        if not self._quiet and self._start is not None:
            self.sig_moment.emit(self.moment(), self.axis_value())

    def _play(self, on: bool) -> None:
        self.play.setText(self.tr("❚❚ pauze") if on else self.tr("▶ afspelen"))
        if on:
            self._timer.start()
        else:
            self._timer.stop()

    def _tick(self) -> None:
        step = int(self.speed.currentData()) * PLAY_TICK_MS // 1000
        if self.slider.value() >= self.slider.maximum():
            self.play.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + max(step, 1))

    def stop(self) -> None:
        self.play.setChecked(False)
        self._timer.stop()

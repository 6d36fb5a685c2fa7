"""The header of the main window: world banner, centre, clock, sync state, fingerprint, alarms;
and the OEFENING watermark laid over exercise worlds."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from data.clock import Clock, default_clock
from data.picture.timefmt import LOCAL
from widgets.people import OnDutyButton


def is_exercise(world: str) -> bool:
    return world.startswith("OEF-")


def short_world(world: str) -> str:
    """An exercise world without its prefix and date: OEF-20261126-DONKER-OOSTEN → DONKER-OOSTEN
    (a name that is only a date keeps it)."""
    rest = world.removeprefix("OEF-")
    date, sep, name = rest.partition("-")
    return name if sep and date.isdigit() and len(date) == 8 and name else rest


class SyncStateLabel(QLabel):
    """Sync state slot in the header. The sync engine's wiring calls :meth:`set_state`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncState")
        self.set_state("none")

    def set_state(self, state: str, backlog: int = 0, last_success: str = "",
                  detail: str = "") -> None:
        """Show the sync state.

        ``state``: 'none' (no sync configured), 'online', 'offline', 'syncing' or 'error';
        ``backlog``: events not yet acknowledged; ``last_success``: age text of the last good
        sync (e.g. '3 min'); ``detail``: a short reason (tooltip)."""
        texts = {"none": self.tr("geen sync ingesteld"), "online": self.tr("sync: verbonden"),
                 "offline": self.tr("sync: geen verbinding"), "syncing": self.tr("sync: bezig"),
                 "error": self.tr("sync: fout")}
        t = texts.get(state, state)
        if state != "none":
            t += self.tr(" · achterstand {0}").format(backlog)
            if last_success:
                t += self.tr(" · laatst {0} geleden").format(last_success)
        self.setText(t)
        self.setToolTip(detail)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)


class ElidedLabel(QLabel):
    """A one-line label that may shrink to ``least`` pixels: it then ends in "…" and its
    tooltip carries the whole text (``text()`` stays the whole text)."""

    def __init__(self, text: str = "", least: int = 80, tip: str = "",
                 parent: QWidget | None = None,
                 drop_first: bool = False) -> None:
        super().__init__(text, parent)
        self.least = least
        self.drop_first = drop_first  # leave out the part before the first " · " if cut
        self.tip = tip
        self._tip()

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._tip()

    def set_tip(self, tip: str) -> None:
        """The tooltip besides the whole text (shown first when the text is cut)."""
        self.tip = tip
        self._tip()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _tip(self) -> None:
        cut = self.is_elided() and self.text()
        self.setToolTip("\n".join(t for t in (self.text() if cut else "", self.tip) if t))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.least), hint.height())

    def resizeEvent(self, ev: object) -> None:  # noqa: N802
        super().resizeEvent(ev)  # type: ignore[arg-type]
        self._tip()

    def paintEvent(self, _ev: object) -> None:  # noqa: N802
        p = QPainter(self)
        r = self.contentsRect()
        shown = self.text()
        if self.drop_first and self.is_elided():
            shown = shown.partition(" · ")[2] or shown
        shown = self.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, r.width())
        self.style().drawItemText(p, r, int(self.alignment()), self.palette(),
                                  self.isEnabled(), shown, self.foregroundRole())
        p.end()


class HeaderBar(QWidget):
    """World banner, centre name, clock, sync state, fingerprint and alarms."""

    sig_alarm_clicked = Signal(str)
    """The user clicked an alarm: 'conflicten', 'klokafwijking' or 'vork'."""
    sig_tick = Signal()
    """The clock ticked (every second): ages shown elsewhere in the header are refreshed."""

    def __init__(self, world: str, centre: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock_source = clock or default_clock()  # what the clock label shows
        self.setObjectName("HeaderBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.setSpacing(16)
        self.banner = QLabel()
        self.banner.setObjectName("WorldBanner")
        exercise = is_exercise(world)
        self.world = world
        self.banner.setText(self.tr("OEFENING  {0}").format(world) if exercise else self.tr("LIVE"))
        self.banner.setProperty("world", "oefening" if exercise else "live")
        self.banner.setProperty("compact", False)
        self.banner.setToolTip(world)
        self.banner.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.centre = ElidedLabel(centre, least=250)
        self.centre.setObjectName("CentreName")
        self.on_duty = OnDutyButton()  # issue 16: who works at this window
        self.clock = QLabel()
        self.clock.setObjectName("Clock")
        # exercise worlds: "OEFENING · T+02:15 · ×4 · gepauzeerd"; the leading "OEFENING · "
        # goes first when room is short (the banner says it)
        self.scenario = ElidedLabel(least=170, drop_first=True)
        self.scenario.setObjectName("ScenarioClock")
        self.scenario.hide()
        self.sync = SyncStateLabel()
        self.fingerprint = QLabel()  # never cut: read aloud to compare pictures
        self.fingerprint.setObjectName("Fingerprint")
        self.fingerprint.setToolTip(self.tr("Vingerafdruk van het beeld: lees voor om te "
                                            "controleren dat jullie hetzelfde beeld zien"))
        self.fingerprint.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.sync.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.drift = QPushButton()
        self.drift.setObjectName("Alarm")
        self.drift.setFlat(True)
        self.drift.clicked.connect(self._drift_clicked)
        self.fork = QPushButton()
        self.fork.setObjectName("Alarm")
        self.fork.setProperty("severity", "red")
        self.fork.setFlat(True)
        self.fork.clicked.connect(self._fork_clicked)
        self.roster = QPushButton()  # issue 15: a key or roster the pinned root did not sign
        self.roster.setObjectName("Alarm")
        self.roster.setProperty("severity", "red")
        self.roster.setFlat(True)
        self.roster.clicked.connect(self._roster_clicked)
        self.conflicts = QPushButton()
        self.conflicts.setObjectName("Alarm")
        self.conflicts.setFlat(True)
        self.conflicts.clicked.connect(self._conflicts_clicked)
        lay.addWidget(self.banner)
        lay.addWidget(self.centre)
        lay.addWidget(self.scenario)
        lay.addWidget(self.on_duty)
        lay.addStretch(1)
        lay.addWidget(self.fork)
        lay.addWidget(self.roster)
        lay.addWidget(self.conflicts)
        lay.addWidget(self.drift)
        status = QVBoxLayout()  # sync state over the fingerprint: narrow enough for 1280 px
        status.setSpacing(0)
        status.addWidget(self.sync, 0, Qt.AlignmentFlag.AlignRight)
        status.addWidget(self.fingerprint, 0, Qt.AlignmentFlag.AlignRight)
        lay.addLayout(status)
        lay.addWidget(self.clock)
        self.set_alarms([], 0)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.tick()

    # Slots are methods that return None: PySide6 6.12 on Python 3.11 drops a reference to a
    # slot's return value, so a lambda returning emit()'s bool eventually frees True/False.
    def _drift_clicked(self) -> None:
        self.sig_alarm_clicked.emit("klokafwijking")

    def _fork_clicked(self) -> None:
        self.sig_alarm_clicked.emit("vork")

    def _roster_clicked(self) -> None:
        self.sig_alarm_clicked.emit("rooster")

    def _conflicts_clicked(self) -> None:
        self.sig_alarm_clicked.emit("conflicten")

    def resizeEvent(self, ev: object) -> None:  # noqa: N802
        """Below 1600 px the header gets compact: smaller letters, less space between, and the
        exercise banner drops its large, spaced letters and the prefix and date of the
        exercise's name (the tooltip keeps the whole name)."""
        super().resizeEvent(ev)  # type: ignore[arg-type]
        compact = self.width() < 1600
        if self.banner.property("compact") != compact:
            if is_exercise(self.world):
                self.banner.setText(self.tr("OEFENING  {0}").format(
                    short_world(self.world) if compact else self.world))
            self.layout().setSpacing(6 if compact else 16)
            self.layout().setContentsMargins(6 if compact else 12, 6, 6 if compact else 12, 6)
            for w in (self.banner, self.centre, self.fingerprint, self.clock, self.on_duty):
                w.setProperty("compact", compact)
                w.style().unpolish(w)
                w.style().polish(w)
                w.updateGeometry()

    def start_clock(self) -> None:
        self._timer.start()

    def stop_clock(self) -> None:
        self._timer.stop()

    def tick(self) -> None:
        now = self.clock_source.now().astimezone(LOCAL)
        self.clock.setText(f"{now:%H:%M:%S}")
        self.clock.setToolTip(self.tr("{0} (lokale tijd)").format(f"{now:%d-%m-%Y}"))
        self.sig_tick.emit()

    def set_scenario_text(self, text: str) -> None:
        """The exercise clock line ("" hides it)."""
        if text != self.scenario.text():
            self.scenario.setText(text)
        self.scenario.setVisible(bool(text))

    def set_fingerprint(self, text: str) -> None:
        self.fingerprint.setText(text)

    def set_alarms(self, drift: list[dict[str, object]], open_conflicts: int,
                   forks: list[dict[str, object]] | None = None,
                   roster: list[dict[str, object]] | None = None) -> None:
        """Show fork alarms (red: the exchange with a hub stopped), roster alarms (red: a
        centre or a roster the pinned root did not sign), clock-drift alarms (from
        ``store.alarms()``) and the number of open conflicts."""
        if roster:
            who = sorted({str(a.get("origin") or "hub") for a in roster})
            self.roster.setText(self.tr("⛔ ROOSTER: {0}").format(", ".join(who)))
            self.roster.setToolTip("\n\n".join(str(a.get("detail", "")) for a in roster))
            self.roster.show()
        else:
            self.roster.hide()
        if forks:
            origins = sorted({str(a.get("origin", "")) for a in forks})
            self.fork.setText(self.tr("⛔ VORK: {0}").format(", ".join(origins)))
            self.fork.setToolTip("\n\n".join(str(a.get("detail", "")) for a in forks))
            self.fork.show()
        else:
            self.fork.hide()
        if drift:
            origins = sorted({str(a.get("origin", "")) for a in drift})
            self.drift.setText(self.tr("⚠ klokafwijking: {0}").format(", ".join(origins)))
            self.drift.setToolTip("\n".join(str(a.get("detail", "")) for a in drift))
            self.drift.show()
        else:
            self.drift.hide()
        if open_conflicts:
            self.conflicts.setText(
                self.tr("⚠ %n tegenstrijdige wijziging(en)", "", open_conflicts))
            self.conflicts.show()
        else:
            self.conflicts.hide()


class Watermark(QWidget):
    """A large, faint 'OEFENING' across its parent; lets every mouse event through."""

    def __init__(self, parent: QWidget, text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("Watermark")
        self.text = text or self.tr("OEFENING")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.raise_()

    def eventFilter(self, obj: object, ev: object) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.parent() and getattr(ev, "type", lambda: None)() == QEvent.Type.Resize:
            self.setGeometry(self.parent().rect())  # type: ignore[union-attr]
            self.raise_()
        return False

    def paintEvent(self, _ev: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = QColor("#d97706")
        c.setAlpha(34)
        p.setPen(c)
        f = QFont()
        f.setBold(True)
        f.setPixelSize(max(40, self.width() // 9))
        p.setFont(f)
        p.translate(self.width() / 2, self.height() / 2)
        p.rotate(-20)
        r = QRectF(-self.width(), -self.height() / 2, 2 * self.width(), self.height())
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text)
        p.end()

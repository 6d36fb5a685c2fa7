"""KPI tiles for the Overzicht: a big number, a title and one line of detail."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class KpiTile(QFrame):
    """One figure the room watches. ``level``: '' (calm), 'warn' or 'alert'."""

    sig_clicked = Signal()
    """The tile was clicked (the window opens the matching view)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiTile")
        # as wide as the row gives it, not as its texts ask: a figure or detail that changes
        # with every keystroke of a search lays out only its own tile
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(2)
        self.title = QLabel(title)
        self.title.setObjectName("KpiTitle")
        self.title.setWordWrap(True)
        self.value = QLabel("–")
        self.value.setObjectName("KpiValue")
        self.detail = QLabel("")
        self.detail.setObjectName("KpiDetail")
        self.detail.setWordWrap(True)
        self.scope = QLabel("")
        self.scope.setObjectName("KpiScope")
        self.scope.setWordWrap(True)
        # its line is always there, empty without a filter: a search that starts or ends does
        # not resize the tiles, map and timeline, and the first letter of a search only sets
        # six texts (showing six labels again took milliseconds each in the full window)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.detail)
        lay.addWidget(self.scope)
        lay.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # at least the title's longest word (in the font the style gave it): an equal share
        # of the row may be narrower than "bijstandsverzoeken" on a 1366 px screen, and a cut
        # title reads as another word (an explicit minimum: the size policy ignores hints)
        fm = self.title.fontMetrics()
        word = max((fm.horizontalAdvance(w) for w in self.title.text().split()), default=0)
        m, lm = self.contentsMargins(), self.layout().contentsMargins()
        self.setMinimumWidth(word + lm.left() + lm.right() + m.left() + m.right() + 2)
        super().showEvent(event)

    def set_scope(self, text: str) -> None:
        """What the figure is filtered on ('' for the whole picture): said under the figure,
        so that a filtered count never reads as the national one.

        While a filter is in force the tile does not get lower: a search whose details wrap
        to fewer lines at each keystroke would lay the map and timeline under the tiles out
        anew each time, and repaint them whole (thousands of places and areas on the map).
        Without a filter the tile takes its own height again."""
        if text != self.scope.text():
            self.scope.setText(text)
        floor = max(self.minimumHeight(), self.height()) if text and self.isVisible() else 0
        if floor != self.minimumHeight():
            self.setMinimumHeight(floor)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.minimumHeight():
            self.setMinimumHeight(0)  # another width wraps the texts anew: their own height

    def set_value(self, value: str | int, detail: str = "", level: str = "") -> None:
        if (str(value), detail) != (self.value.text(), self.detail.text()):
            self.value.setText(str(value))
            self.detail.setText(detail)
            self.setToolTip(detail)  # the detail line may wrap away on a small screen
        if self.property("level") != level:
            self.setProperty("level", level)
            self.style().unpolish(self)
            self.style().polish(self)
            for w in (self.value, self.title, self.detail):
                self.style().unpolish(w)
                self.style().polish(w)

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        self.sig_clicked.emit()
        super().mousePressEvent(ev)

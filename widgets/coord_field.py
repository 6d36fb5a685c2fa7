"""A coordinate in a form: typed in WGS84 ('51.4988, 3.6109') or RD ('x 31000 y 392000'),
shown in the other system as you type, or picked by clicking on the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from data.domain import geo
from data.domain.validation import ValidationError
from widgets.map_items import to_scene
from widgets.map_panel import MapPanel


class MapPickDialog(QDialog):
    """The map in pick mode: a click chooses the point and closes the dialog."""

    sig_picked = Signal(float, float)
    """A point was chosen: (lat, lon)."""

    def __init__(self, near: tuple[float, float] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plaats kiezen op de kaart"))
        self.resize(720, 640)
        self.panel = MapPanel()
        self.panel.view.pick_mode = True
        self.panel.view.sig_point_picked.connect(self._picked)
        self.panel.legend.hide()  # no places here: only where to click
        for box in self.panel.layer_boxes.values():
            box.hide()
        if near is not None:
            self.panel.view.mark_point(*near)
        note = QLabel(self.tr("Zoom in (scrollwiel of +) en klik op de plaats; slepen verschuift "
                              "de kaart."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.panel, 1)
        lay.addWidget(buttons)
        self._near = near

    def showEvent(self, ev: Any) -> None:  # noqa: N802
        super().showEvent(ev)
        if self._near is not None:  # start close to the point already given
            self.panel.view.zoom_by(12.0)
            self.panel.view.centerOn(to_scene(*self._near))

    def _picked(self, lat: float, lon: float) -> None:
        self.sig_picked.emit(lat, lon)
        self.accept()


class CoordField(QWidget):
    """One point: a line to type it, the other system beside it, a button to pick it."""

    sig_changed = Signal()
    """The point typed or picked changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("51.4988, 3.6109 of x 31000 y 392000"))
        self.line.setClearButtonEnabled(True)
        self.pick = QPushButton(self.tr("Kies op kaart…"))
        self.pick.clicked.connect(self.open_picker)
        self.other = QLabel("")
        self.other.setObjectName("Muted")
        self.other.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.pick)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.other)
        self.line.textChanged.connect(self._typed)
        self.dialog: MapPickDialog | None = None

    def point(self) -> tuple[float, float] | None:
        """The point given, or None (empty, or not a coordinate)."""
        text = self.line.text().strip()
        if not text:
            return None
        try:
            return geo.parse_point(text)
        except ValidationError:
            return None

    def _typed(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.other.setText("")
        else:
            try:
                lat, lon = geo.parse_point(text)
            except ValidationError as e:
                self.other.setText(e.errors[0][1])
            else:
                self.other.setText(self.tr("WGS84 {0} · RD {1}").format(
                    geo.format_wgs84(lat, lon), geo.format_rd(lat, lon)))
        self.sig_changed.emit()

    def value(self) -> Any:
        """For the payload: {"lat", "lon"} when the text is a coordinate, else the text as
        typed (the store refuses it with its message), '' when empty."""
        pt = self.point()
        if pt is not None:
            return {"lat": pt[0], "lon": pt[1]}
        return self.line.text().strip()

    def set_value(self, value: Any) -> None:
        """A stored point ({"lat", "lon"}), a (lat, lon) pair or a typed text."""
        if isinstance(value, dict) and "lat" in value and "lon" in value:
            self.line.setText(geo.format_wgs84(float(value["lat"]), float(value["lon"])))
        elif isinstance(value, (list, tuple)) and len(value) == 2:
            self.line.setText(geo.format_wgs84(float(value[0]), float(value[1])))
        else:
            self.line.setText(str(value or ""))

    def open_picker(self) -> MapPickDialog:
        self.dialog = MapPickDialog(self.point(), self)
        self.dialog.sig_picked.connect(lambda lat, lon: self.set_value((lat, lon)))
        self.dialog.open()
        return self.dialog

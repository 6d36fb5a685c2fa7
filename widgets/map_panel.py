"""The map with its controls: zoom buttons (+, −, passend), the layer switches (incidenten,
effectgebieden, noodsteunpunten, meldplaatsen) and a legend that explains every colour and
symbol on it. The map itself is :class:`widgets.region_map.RegionMap`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data.picture.places import LAYERS, legend
from widgets import palette
from widgets.map_items import symbol_icon, tone_color
from widgets.region_map import RegionMap

#: region fills the legend explains (the level a region's worst state gives it)
REGION_LEVELS = ("alert", "warn")


def _swatch(color: QColor, size: int = 16) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setPen(palette.color("map_line"))
    p.setBrush(color)
    p.drawRect(1, 3, size - 3, size - 7)
    p.end()
    return QIcon(pm)


class MapLegend(QWidget):
    """One line per colour and symbol in use: region fills, then the places shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MapLegend")
        self.setFixedWidth(190)
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(4, 0, 0, 0)
        self._lay.setSpacing(3)
        self._lay.addStretch(1)
        self._rows: list[QWidget] = []
        #: (kind, tone) of every line, in order ('region' lines carry the level)
        self.keys: list[tuple[str, str]] = []
        #: the theme and the (words, key) of every line shown
        self._lines: tuple[str, list[tuple[str, tuple[str, str]]]] = ("", [])

    def show_for(self, m: RegionMap) -> None:
        """The lines for what ``m`` shows; when they are the ones shown (a search that leaves
        the same symbols and statuses, in the same theme), no line is made again and nothing is
        laid out."""
        levels = set(m.levels().values())
        region_words = {"alert": self.tr("Regio: actief incident of uitval"),
                        "warn": self.tr("Regio: gemeld/beheerst incident of storing")}
        lines: list[tuple[str, tuple[str, str]]] = [
            (region_words[lvl], ("region", lvl)) for lvl in REGION_LEVELS if lvl in levels]
        for e in legend(m.shown_places()):
            if e.kind == "effect" and not m.layer_visible("effect"):
                continue
            if e.kind != "effect" and not m.layer_visible(e.kind):
                continue
            lines.append((e.text, (e.kind, e.tone)))
        if not lines:
            lines.append((self.tr("Geen plaatsen op de kaart (geen coördinaten bekend)"),
                          ("", "")))
        if (palette.theme(), lines) == self._lines:
            return
        for row in self._rows:  # gone at once, not when the event loop gets to it
            self._lay.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows, self.keys, self._lines = [], [], (palette.theme(), lines)
        for text, key in lines:
            kind, tone = key
            icon = (_swatch(palette.color(tone)) if kind == "region"
                    else symbol_icon(kind, tone) if kind else QIcon())
            self._add(icon, text, key)

    def _add(self, icon: QIcon, text: str, key: tuple[str, str]) -> None:
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        pic = QLabel()
        pic.setFixedWidth(16)
        if not icon.isNull():
            pic.setPixmap(icon.pixmap(16, 16))
        words = QLabel(text)
        words.setWordWrap(True)
        lay.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(words, 1)
        self._lay.insertWidget(self._lay.count() - 1, row)
        self._rows.append(row)
        self.keys.append(key)

    def texts(self) -> list[str]:
        """The words of every line, in order."""
        return [row.findChildren(QLabel)[1].text() for row in self._rows]

    def colors(self) -> set[str]:
        """The colours the legend explains (hex names), for checks."""
        out = set()
        for kind, t in self.keys:
            if kind == "region":
                out.add(palette.color(t).name())
            elif kind:
                out.add(tone_color(t).name())
        return out


class MapPanel(QWidget):
    """Toolbar, map and legend. ``view`` is the map (signals and data go to it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = RegionMap()
        self.legend = MapLegend()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, fn in (
                ("in", "+", self.tr("Inzoomen (of scrollwiel)"), self.view.zoom_in),
                ("out", "−", self.tr("Uitzoomen"), self.view.zoom_out),
                ("fit", self.tr("Passend"), self.tr("Heel Nederland in beeld"), self.view.fit)):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(fn)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addSpacing(8)
        self.layer_boxes: dict[str, QCheckBox] = {}
        names = {"incident": self.tr("Incidenten"), "effect": self.tr("Effectgebieden"),
                 "nsp": self.tr("Noodsteunpunten"), "meldplaats": self.tr("Meldplaatsen")}
        for layer in LAYERS:
            cb = QCheckBox(names[layer])
            cb.setChecked(True)
            cb.toggled.connect(lambda on, name=layer: self.view.set_layer_visible(name, on))
            bar.addWidget(cb)
            self.layer_boxes[layer] = cb
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(bar)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.view, 1)
        body.addWidget(self.legend)
        lay.addLayout(body, 1)
        self.view.sig_view_changed.connect(self._refresh_legend)
        self._refresh_legend()

    def _refresh_legend(self) -> None:
        self.legend.show_for(self.view)

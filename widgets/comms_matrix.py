"""Verbindingen: the regions × channels matrix of communication states."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from data.clock import Clock, default_clock
from data.domain.enums import label
from data.domain.regions import REGIONS
from data.picture.timefmt import age, local_hm
from widgets import palette
from widgets.common import channel_text

Index = QModelIndex | QPersistentModelIndex
CHANNELS = ("C2000", "eOCS", "112", "P2000", "NCV", "DARES", "telefoon", "mobiel", "internet",
            "NL-Alert", "satelliet")


class CommsMatrixModel(QAbstractTableModel):
    """Rows: the 25 regions; columns: channels; a cell: the newest reported state."""

    def __init__(self, parent: Any = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or default_clock()  # the age of a state in the tooltip
        self.regions = [r.code for r in REGIONS]
        self._names = {r.code: f"{r.name} ({r.short})" for r in REGIONS}
        self.channels = list(CHANNELS)
        self._cells: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._visible = list(self.regions)

    def set_cells(self, cells: Sequence[tuple[str, str, str, str, str]]) -> None:
        """(region, channel, state, at, note) rows, newest per cell."""
        self.beginResetModel()
        self._cells = {(r, c): (s, at, note) for r, c, s, at, note in cells}
        extra = sorted({c for _r, c in self._cells} - set(self.channels))
        self.channels = list(CHANNELS) + extra
        self.endResetModel()

    def set_region_filter(self, region: str) -> None:
        self.beginResetModel()
        self._visible = [region] if region in self.regions else list(self.regions)
        self.endResetModel()

    def cell(self, region: str, channel: str) -> tuple[str, str, str] | None:
        return self._cells.get((region, channel))

    def key_at(self, index: Index) -> tuple[str, str]:
        return self._visible[index.row()], self.channels[index.column()]

    def worst_by_region(self) -> dict[str, str]:
        """Region -> 'alert' (a channel out), 'warn' (disturbed) or 'ok'."""
        rank = {"ok": 0, "warn": 1, "alert": 2}
        out: dict[str, str] = {}
        for (reg, _c), (s, _at, _n) in self._cells.items():
            lvl = {"uitgevallen": "alert", "verstoord": "warn",
                   "terugvaloptie_actief": "warn"}.get(s, "ok")
            out[reg] = max(out.get(reg, "ok"), lvl, key=rank.__getitem__)
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.channels)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.channels):
            return channel_text(self.channels[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._visible):
            return self._names[self._visible[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self._cells.get(self.key_at(index))
        state = cell[0] if cell else "onbekend"
        if role == Qt.ItemDataRole.DisplayRole:
            return label(state)
        if role == Qt.ItemDataRole.BackgroundRole:
            # calm: a working channel gets no fill, only what is wrong draws the eye
            return None if state == "operationeel" else palette.level_color(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.color("ok_text") if state == "operationeel" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if not cell:
                return self.tr("geen melding")
            s, at, note = cell
            return self.tr("{0} sinds {1} ({2} geleden)").format(
                label(s), local_hm(at), age(at, self.clock)) + (
                f"\n{note}" if note else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class CommsMatrix(QTableView):
    """The matrix view; a click (or Enter) on a cell asks to report a new state there."""

    sig_cell_activated = Signal(str, str, str)
    """Report a new state for (region code, channel, current state)."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.matrix = CommsMatrixModel(self, clock)
        self.setModel(self.matrix)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(30)
        self.clicked.connect(self._activate)
        self.activated.connect(self._activate)

    def _activate(self, index: QModelIndex) -> None:
        reg, ch = self.matrix.key_at(index)
        cell = self.matrix.cell(reg, ch)
        self.sig_cell_activated.emit(reg, ch, cell[0] if cell else "onbekend")

"""Noodsteunpunten: status, power, comms and time left to the 72-hour target."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from data.clock import Clock, default_clock
from data.domain.enums import label
from data.domain.regions import REGION_BY_CODE
from data.picture.deadlines import minutes_left, target_alert, target_text
from data.picture.timefmt import age
from widgets import palette
from widgets.common import make_table, set_widths, title_label
from widgets.table_model import ID_ROLE, Column, FilterProxy, RowTableModel


class NspView(QWidget):
    """A table of emergency support points (noodsteunpunten)."""

    sig_new = Signal()
    """Register a new noodsteunpunt."""
    sig_edit = Signal(str)
    """Update a noodsteunpunt (status, power, comms, contact …)."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or default_clock()  # the 72-hour target and ages count to it
        self.model = RowTableModel([
            Column(self.tr("Naam"), 1),
            Column(self.tr("Gemeente"), 2),
            Column(self.tr("Regio"), 3, lambda c: REGION_BY_CODE[c].short
                   if c in REGION_BY_CODE else c),
            Column(self.tr("Status"), 4, label,
                   color=lambda r: None if r[4] in ("operationeel", "gesloten")
                   else palette.color("warn_text")),
            Column(self.tr("Stroom"), 5, label,
                   color=lambda r: palette.color("alert_text") if r[5] == "geen" else None),
            Column(self.tr("Verbindingen"), 6, lambda v: ", ".join(v) or "geen"),
            Column(self.tr("72-uursdoel"), 7, target_text,
                   color=lambda r: palette.color("alert_text") if target_alert(r[7]) else None),
            Column(self.tr("Laatste contact"), 8,
                   lambda v: (age(v, self.clock) + " geleden") if v else "—"),
        ], regions=lambda r: (r[3],), parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table()
        self.table.setModel(self.proxy)
        set_widths(self.table, [250, 120, 80, 130, 110, 200, 150])
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.new_btn = QPushButton(self.tr("Nieuw noodsteunpunt"))
        self.new_btn.setProperty("primary", True)
        self.edit_btn = QPushButton(self.tr("Bijwerken"))
        self.new_btn.clicked.connect(self.sig_new)
        self.edit_btn.clicked.connect(self._edit)
        self.table.doubleClicked.connect(self._edit)
        btns = QHBoxLayout()
        btns.addWidget(self.new_btn)
        btns.addWidget(self.edit_btn)
        btns.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(title_label(self.tr("Noodsteunpunten")))
        lay.addLayout(btns)
        lay.addWidget(self.table, 1)

    def current(self) -> str:
        idx = self.table.currentIndex()
        return str(idx.data(ID_ROLE)) if idx.isValid() else ""

    def _edit(self, *_a: Any) -> None:
        eid = self.current()
        if eid:
            self.sig_edit.emit(eid)

    def set_points(self, states: Sequence[dict[str, Any]]) -> None:
        now = self.clock.now()
        self.model.set_rows([
            (s["id"], s.get("name", ""), s.get("municipality", ""), s.get("region", ""),
             s.get("status", ""), s.get("power", ""), tuple(s.get("comms") or ()),
             minutes_left(s.get("opened_at"), now), s.get("last_contact"))
            for s in states])

    def set_filter(self, text: str, region: str = "") -> None:
        self.proxy.set_filter(text, region)

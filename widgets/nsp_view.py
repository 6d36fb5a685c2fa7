"""Noodsteunpunten: status, power, comms, what a point does not offer, and each point against
the 72-hour target counted from its incident's T0 (per region and for the whole network)."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from data.clock import Clock, default_clock
from data.domain.enums import label
from data.domain.regions import REGION_BY_CODE
from data.picture.continuity import FUEL_WARN_HOURS, fuel_left
from data.picture.deadlines import elapsed_text, nsp_clock, nsp_tallies
from data.picture.timefmt import age
from widgets import palette
from widgets.common import channel_text, make_table, set_widths, title_label
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
                   color=lambda r: None if r[4] in ("operationeel", "vol", "gesloten")
                   else palette.color("warn_text")),
            Column(self.tr("Stroom"), 5, label,
                   color=lambda r: palette.color("alert_text") if r[5] == "geen" else None),
            Column(self.tr("Verbindingen"), 6,
                   lambda v: ", ".join(map(channel_text, v)) or self.tr("geen")),
            Column(self.tr("72-uursdoel (T0)"), 7,
                   color=lambda r: palette.color("alert_text") if r[11] else None),
            Column(self.tr("Sinds T0"), 8, elapsed_text),
            Column(self.tr("Biedt niet"), 9, lambda v: ", ".join(v) or "—"),
            Column(self.tr("Laatste contact"), 10,
                   lambda v: self.tr("{0} geleden").format(age(v, self.clock)) if v else "—"),
            Column(self.tr("Brandstof over"), 12,
                   lambda v: "—" if v is None else self.tr("{0} u").format(f"{v:.0f}"),
                   color=lambda r: palette.color("alert_text")
                   if r[12] is not None and r[12] < FUEL_WARN_HOURS else None),
        ], regions=lambda r: (r[3],), parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table()
        self.table.setModel(self.proxy)
        set_widths(self.table, [165, 90, 55, 110, 75, 110, 195, 75, 100])
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
        self.summary = QLabel()
        """The network and each region against T0+72 h."""
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)

    def current(self) -> str:
        idx = self.table.currentIndex()
        return str(idx.data(ID_ROLE)) if idx.isValid() else ""

    def _edit(self, *_a: Any) -> None:
        eid = self.current()
        if eid:
            self.sig_edit.emit(eid)

    def set_points(self, states: Sequence[dict[str, Any]],
                   t0_of: Mapping[str, str | None] | None = None) -> None:
        """Show the points; ``t0_of`` maps an incident id to its T0 (the crisis start)."""
        now = self.clock.now()
        t0s = t0_of or {}
        rows = []
        for s in states:
            c = nsp_clock(s, t0s.get(str(s.get("incident_id") or "")), now)
            rows.append((s["id"], s.get("name", ""), s.get("municipality", ""),
                         s.get("region", ""), s.get("status", ""), s.get("power", ""),
                         tuple(s.get("comms") or ()), c.text(), c.elapsed,
                         tuple(s.get("not_offered") or ()), s.get("last_contact"), c.flagged,
                         fuel_left(s, now)))
        self.model.set_rows(rows)
        network, regions = nsp_tallies(states, t0s, now)
        short = {c: (REGION_BY_CODE[c].short if c in REGION_BY_CODE else c) for c in regions}
        per_region = " · ".join(f"{short[c]}: {t.text()}"
                                for c, t in sorted(regions.items(), key=lambda kv: short[kv[0]]))
        self.summary.setText(self.tr("Netwerk (T0+72 u): {0}").format(network.text())
                             + (f"  —  {per_region}" if per_region else ""))

    def set_filter(self, text: str, region: str = "") -> None:
        self.proxy.set_filter(text, region)

    def select(self, eid: str) -> None:
        """Select a point's row (when the filters leave it in view)."""
        for r in range(self.proxy.rowCount()):
            if self.proxy.id_at(r) == eid:
                self.table.selectRow(r)
                return

"""Publiek en schaarste: the NL-Alerts sent (with their expected reach), the scarce means
divided by priority (Prioritering), the vital partners with their restoration estimates, and
the centres themselves (teams active per region, fall-back location, generator, fuel left)."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from data.clock import Clock, default_clock
from data.domain.enums import SCARCE_MEANS, label
from data.domain.regions import REGION_BY_CODE
from data.picture.continuity import centre_flags, centre_name, fuel_left
from data.picture.public import alert_reach, restore_overdue, shortfall
from data.picture.timefmt import local_hm
from widgets import palette
from widgets.common import make_table, set_widths, title_label
from widgets.table_model import Column, FilterProxy, RowTableModel


def _short(codes: Sequence[str]) -> str:
    return ", ".join(REGION_BY_CODE[c].short if c in REGION_BY_CODE else c for c in codes)


class PublicView(QWidget):
    """Three tables: NL-Alerts, scarce means, vital partners."""

    sig_new_alert = Signal()
    """Record an NL-Alert that was sent."""
    sig_report_capacity = Signal()
    """Report asked / offered / available for a scarce means."""
    sig_report_partner = Signal()
    """Report a vital partner's state and restoration estimate."""
    sig_report_centre = Signal()
    """Report a centre's active teams and continuity (location, power, fuel)."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or default_clock()
        alert_color = palette.color("alert_text")
        self.alerts = RowTableModel([
            Column(self.tr("Verzonden"), 1, local_hm), Column(self.tr("Regio's"), 2, _short),
            Column(self.tr("Gebied"), 3), Column(self.tr("Bericht"), 4),
            Column(self.tr("Handelingsperspectief"), 5),
            Column(self.tr("Verwacht bereik"), 6,
                   color=lambda r: alert_color if r[7] else None)],
            regions=lambda r: r[2], parent=self)
        self.means = RowTableModel([
            Column(self.tr("Middel"), 1, lambda v: SCARCE_MEANS.get(v, v)),
            Column(self.tr("Gevraagd"), 2), Column(self.tr("Aangeboden"), 3),
            Column(self.tr("Beschikbaar"), 4),
            Column(self.tr("Tekort"), 5, color=lambda r: alert_color if r[5] else None),
            Column(self.tr("Prioritering"), 6)], parent=self)
        self.partners = RowTableModel([
            Column(self.tr("Regio"), 1, lambda c: _short([c])), Column(self.tr("Sector"), 2),
            Column(self.tr("Partner"), 3), Column(self.tr("Status"), 4, label),
            Column(self.tr("Herstel verwacht"), 5, lambda v: local_hm(v) or "—",
                   color=lambda r: alert_color if r[8] else None),
            Column(self.tr("Zekerheid"), 6, lambda v: label(v) if v else "—"),
            Column(self.tr("Toelichting"), 7)],
            regions=lambda r: (r[1],), parent=self)
        self.centres = RowTableModel([
            Column(self.tr("Centrum"), 1), Column(self.tr("Teams actief"), 2),
            Column(self.tr("Werkt op"), 3, lambda v: label(v) if v else "—"),
            Column(self.tr("Uitwijklocatie"), 4), Column(self.tr("Stroom"), 5,
                                                         lambda v: label(v) if v else "—"),
            Column(self.tr("Brandstof over"), 6,
                   lambda v: "—" if v is None else self.tr("{0} u").format(f"{v:.0f}"),
                   color=lambda r: alert_color if r[7] else None),
            Column(self.tr("Let op"), 7, lambda v: ", ".join(v) or "—",
                   color=lambda r: alert_color if r[7] else None)],
            regions=lambda r: (r[8],), parent=self)
        self.proxies = []
        tables = []
        for model, widths in ((self.alerts, [110, 110, 160, 300, 220]),
                              (self.means, [200, 100, 110, 110, 80]),
                              (self.partners, [70, 110, 180, 110, 140, 100]),
                              (self.centres, [80, 140, 110, 200, 90, 110])):
            proxy = FilterProxy(self)
            proxy.setSourceModel(model)
            table = make_table()
            table.setModel(proxy)
            set_widths(table, widths)
            self.proxies.append(proxy)
            tables.append(table)
        self.alert_table, self.means_table, self.partner_table, self.centre_table = tables
        self.alert_btn = QPushButton(self.tr("NL-Alert vastleggen"))
        self.means_btn = QPushButton(self.tr("Middel melden"))
        self.partner_btn = QPushButton(self.tr("Partner melden"))
        self.alert_btn.clicked.connect(self.sig_new_alert)
        self.means_btn.clicked.connect(self.sig_report_capacity)
        self.partner_btn.clicked.connect(self.sig_report_partner)
        self.centre_btn = QPushButton(self.tr("Centrum melden"))
        self.centre_btn.clicked.connect(self.sig_report_centre)
        split = QSplitter(Qt.Orientation.Vertical)
        for text, table, btn in ((self.tr("NL-Alert"), self.alert_table, self.alert_btn),
                                 (self.tr("Schaarse middelen — prioritering"), self.means_table,
                                  self.means_btn),
                                 (self.tr("Vitale partners"), self.partner_table,
                                  self.partner_btn),
                                 (self.tr("Centra — opschaling en continuïteit"),
                                  self.centre_table, self.centre_btn)):
            box = QWidget()
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            head = QHBoxLayout()
            lab = QLabel(text)
            lab.setObjectName("BoardColumnTitle")
            head.addWidget(lab, 1)
            head.addWidget(btn)
            bl.addLayout(head)
            bl.addWidget(table, 1)
            split.addWidget(box)
        lay = QVBoxLayout(self)
        lay.addWidget(title_label(self.tr("Publiek en schaarste")))
        lay.addWidget(split, 1)

    def set_data(self, alerts: Sequence[dict[str, Any]], means: Sequence[dict[str, Any]],
                 partners: Sequence[dict[str, Any]], comms: Sequence[Sequence[Any]],
                 centres: Sequence[dict[str, Any]] = ()) -> None:
        """Fill the tables; ``comms`` (region, channel, state, …) decides NL-Alert's reach."""
        now = self.clock.now()
        rows = []
        for a in alerts:
            regs = tuple(a.get("regions") or ())
            reach, reduced = alert_reach(regs, comms)
            rows.append((a["id"], a.get("sent_at"), regs, a.get("area", ""), a.get("text", ""),
                         a.get("action_perspective", ""), reach, reduced))
        self.alerts.set_rows(rows)
        self.means.set_rows([(m["id"], m.get("means", ""), m.get("asked", 0),
                              m.get("offered", 0), m.get("available", 0), shortfall(m),
                              m.get("priority_note") or "") for m in means])
        self.partners.set_rows([(p["id"], p.get("region", ""), label(p.get("sector", "")),
                                 p.get("partner", ""), p.get("state", ""),
                                 p.get("restore_estimate"), p.get("estimate_quality"),
                                 p.get("note") or "", restore_overdue(p, now))
                                for p in partners])
        self.centres.set_rows([(c["id"], centre_name(str(c.get("centre", ""))),
                                ", ".join(c.get("teams") or []) or "—", c.get("location"),
                                c.get("fallback_location") or "—", c.get("power"),
                                fuel_left(c, now), centre_flags(c, now),
                                c.get("centre", "")) for c in centres])
        self.proxies[0].sort(0, Qt.SortOrder.DescendingOrder)

    def set_filter(self, text: str, region: str = "") -> None:
        for proxy in self.proxies:
            proxy.set_filter(text, region)

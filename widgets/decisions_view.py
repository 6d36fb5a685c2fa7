"""Besluiten: IRBT sessions, their numbered decisions (with versions) and the actions on them."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from data.clock import Clock, default_clock
from data.domain.enums import label
from data.picture.deadlines import actions_summary, is_overdue
from data.picture.decisions import adoption_summary, kind_of, orphaned_actions, team_of
from data.picture.detail_html import decision_html
from data.picture.timefmt import local_hm
from widgets import palette
from widgets.attachments import AttachmentStrip, with_attachments
from widgets.common import make_table, set_widths, title_label, tr_detail
from widgets.table_model import ID_ROLE, Column, FilterProxy, RowTableModel


class DecisionsView(QWidget):
    """Sessions | decisions of the selected session | detail and actions of the decision."""

    sig_open_session = Signal()
    """Open a new session of a team (ROT, GBT, RBT or IRBT)."""
    sig_record = Signal(str)
    """Record a decision in the session (session id)."""
    sig_amend = Signal(str)
    """Amend a decision (decision id)."""
    sig_revoke = Signal(str)
    """Revoke a decision (decision id)."""
    sig_new_action = Signal(str)
    """Create an action on a decision (decision id)."""
    sig_action_status = Signal(str)
    """Change the status of an action (action id)."""
    sig_close_session = Signal(str)
    """Close an IRBT session (session id)."""
    sig_edit_action = Signal(str)
    """Update an action's text, owner or due time (action id)."""
    sig_adoption = Signal(str)
    """Report how far a region has taken up an agreement (decision id)."""
    sig_reattach = Signal(str)
    """Move an action to a decision that stands (action id)."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self._orphaned_decisions: set[str] = set()  # decisions with an action left orphaned
        self.clock = clock or default_clock()  # "overdue" is judged by it
        self.sessions = RowTableModel([
            Column(self.tr("Team"), 5), Column(self.tr("Sessie"), 1),
            Column(self.tr("Status"), 2, label), Column(self.tr("Geopend"), 3, local_hm)],
            regions=lambda r: r[4], parent=self)
        self.decisions = RowTableModel([
            Column(self.tr("Nr"), 1), Column(self.tr("Soort"), 8), Column(self.tr("Versie"), 2),
            Column(self.tr("Status"), 3, label),
            Column(self.tr("Acties"), 5, lambda v: v,
                   color=lambda r: palette.color("alert_text")
                   if r[0] in self._orphaned_decisions else None),
            Column(self.tr("Overname per regio"), 9),
            Column(self.tr("Besluit / afspraak"), 4)],
            regions=lambda r: r[6], parent=self)
        self.actions = RowTableModel([
            Column(self.tr("Actie"), 1),
            Column(self.tr("Status"), 4, lambda v: label(v)),
            Column(self.tr("Let op"), 5, lambda v: v,
                   color=lambda r: palette.color("alert_text") if r[5] else None),
            Column(self.tr("Gereed vóór"), 3, lambda v: local_hm(v) or "—"),
            Column(self.tr("Eigenaar"), 2)], parent=self)
        self.s_proxy, self.d_proxy, self.a_proxy = FilterProxy(self), FilterProxy(self), \
            FilterProxy(self)
        self.s_proxy.setSourceModel(self.sessions)
        self.d_proxy.setSourceModel(self.decisions)
        self.a_proxy.setSourceModel(self.actions)
        self.s_table, self.d_table, self.a_table = make_table(), make_table(), make_table()
        self.s_table.setModel(self.s_proxy)
        self.d_table.setModel(self.d_proxy)
        self.a_table.setModel(self.a_proxy)
        set_widths(self.s_table, [50, 150, 70])
        set_widths(self.d_table, [40, 90, 50, 90, 150, 170])
        set_widths(self.a_table, [250, 110, 90, 130])
        self.d_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.detail = QTextBrowser()
        self.attachments = AttachmentStrip()
        self.open_btn = QPushButton(self.tr("Sessie openen"))
        self.record_btn = QPushButton(self.tr("Besluit vastleggen"))
        self.amend_btn = QPushButton(self.tr("Wijzigen"))
        self.revoke_btn = QPushButton(self.tr("Intrekken"))
        self.action_btn = QPushButton(self.tr("Actie toevoegen"))
        self.action_status_btn = QPushButton(self.tr("Actiestatus"))
        self.action_edit_btn = QPushButton(self.tr("Actie bijwerken"))
        self.close_btn = QPushButton(self.tr("Sessie sluiten"))
        self.adoption_btn = QPushButton(self.tr("Overname"))
        self.adoption_btn.setToolTip(self.tr("Meld per regio of de afspraak is overgenomen en "
                                             "uitgevoerd"))
        self.reattach_btn = QPushButton(self.tr("Ander besluit"))
        self.reattach_btn.setToolTip(self.tr("Hang de actie onder een besluit dat nog staat"))
        self.adoption_btn.clicked.connect(lambda: self._emit(self.sig_adoption, self._dec))
        self.reattach_btn.clicked.connect(lambda: self._emit(self.sig_reattach, self._act))
        self.open_btn.setText(self.tr("Openen"))
        self.close_btn.setText(self.tr("Sluiten"))
        self.record_btn.setText(self.tr("Vastleggen"))
        self.action_btn.setText(self.tr("Toevoegen"))
        self.action_status_btn.setText(self.tr("Status"))
        self.action_edit_btn.setText(self.tr("Bijwerken"))
        self.open_btn.clicked.connect(self.sig_open_session)
        self.record_btn.clicked.connect(lambda: self._emit(self.sig_record, self._sess))
        self.amend_btn.clicked.connect(lambda: self._emit(self.sig_amend, self._dec))
        self.revoke_btn.clicked.connect(lambda: self._emit(self.sig_revoke, self._dec))
        self.action_btn.clicked.connect(lambda: self._emit(self.sig_new_action, self._dec))
        self.action_status_btn.clicked.connect(
            lambda: self._emit(self.sig_action_status, self._act))
        self.action_edit_btn.clicked.connect(lambda: self._emit(self.sig_edit_action, self._act))
        self.close_btn.clicked.connect(lambda: self._emit(self.sig_close_session, self._sess))

        # top: sessions (narrow) beside their decisions (wide); bottom: detail beside actions
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self._titled(self.tr("Sessies"), self.s_table,
                                   self.open_btn, self.close_btn))
        top.addWidget(self._titled(self.tr("Besluiten en afspraken"), self.d_table,
                                   self.record_btn, self.amend_btn, self.revoke_btn,
                                   self.adoption_btn))
        top.setSizes([280, 900])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(with_attachments(self.detail, self.attachments))
        bottom.addWidget(self._titled(self.tr("Acties bij dit besluit"), self.a_table,
                                      self.action_btn, self.action_status_btn,
                                      self.action_edit_btn, self.reattach_btn))
        bottom.setSizes([500, 680])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([330, 470])
        lay = QVBoxLayout(self)
        lay.addWidget(title_label(self.tr("Besluiten")))
        lay.addWidget(split, 1)
        self._sess = self._dec = self._act = ""
        self._decision_states: dict[str, dict[str, Any]] = {}
        self._actions: list[dict[str, Any]] = []
        self.s_table.selectionModel().currentRowChanged.connect(self._on_session)
        self.d_table.selectionModel().currentRowChanged.connect(self._on_decision)
        self.a_table.selectionModel().currentRowChanged.connect(self._on_action)
        self._buttons()

    @staticmethod
    def _emit(sig: Any, eid: str) -> None:
        if eid:
            sig.emit(eid)

    @staticmethod
    def _titled(text: str, w: QWidget, *buttons: QPushButton) -> QWidget:
        """A table under its title, with the buttons that act on it beside the title."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        lab = QLabel(text)
        lab.setObjectName("BoardColumnTitle")
        head.addWidget(lab, 1)
        for b in buttons:
            head.addWidget(b)
        lay.addLayout(head)
        lay.addWidget(w)
        return box

    def _buttons(self) -> None:
        self.record_btn.setEnabled(bool(self._sess))
        for b in (self.amend_btn, self.revoke_btn, self.action_btn, self.adoption_btn):
            b.setEnabled(bool(self._dec))
        self.action_status_btn.setEnabled(bool(self._act))
        self.reattach_btn.setEnabled(bool(self._act))
        self.action_edit_btn.setEnabled(bool(self._act))
        self.close_btn.setEnabled(bool(self._sess))

    def set_data(self, sessions: Sequence[dict[str, Any]], decisions: Sequence[dict[str, Any]],
                 actions: Sequence[dict[str, Any]]) -> None:
        now = self.clock.now()
        self._actions = list(actions)
        by_dec: dict[str, list[dict[str, Any]]] = {}
        for a in actions:
            by_dec.setdefault(a.get("decision_id", ""), []).append(a)
        self._decision_states = {d["id"]: d for d in decisions}
        self._orphans = orphaned_actions(actions, decisions)
        sess_by_id = {s["id"]: s for s in sessions}
        self._all_decisions = []
        self._orphaned_decisions = set()
        for d in decisions:
            mine = by_dec.get(d["id"], [])
            txt = actions_summary(mine, now)
            n_orphan = sum(1 for a in mine if a["id"] in self._orphans)
            if n_orphan:  # never silently 'in uitvoering' under a revoked decision
                txt = self.tr("⚠ {0} zonder besluit").format(n_orphan)
                self._orphaned_decisions.add(d["id"])
            kind = label(kind_of(d, sess_by_id.get(d.get("session_id", ""))))
            self._all_decisions.append((d["id"], d.get("number", 0), d.get("version", 1),
                                        d.get("status", ""), d.get("text", ""), txt,
                                        tuple(d.get("regions") or ()), d.get("session_id", ""),
                                        ("★ " if d.get("key") else "") + kind,
                                        adoption_summary(d)))
        self.sessions.set_rows([(s["id"], s.get("title", ""), s.get("status", ""),
                                 s.get("created_at", ""), tuple(s.get("regions") or ()),
                                 team_of(s))
                                for s in sessions])
        self.s_proxy.sort(3, Qt.SortOrder.DescendingOrder)
        if not self._sess and self.s_proxy.rowCount():
            self.s_table.selectRow(0)
        else:
            self._fill_decisions()
            self._reselect(self.s_table, self.s_proxy, self._sess)

    @staticmethod
    def _reselect(table: Any, proxy: FilterProxy, eid: str) -> None:
        for r in range(proxy.rowCount()):
            if proxy.id_at(r) == eid:
                table.selectRow(r)
                return

    def _fill_decisions(self) -> None:
        self.decisions.set_rows([t for t in getattr(self, "_all_decisions", [])
                                 if t[7] == self._sess])
        if self._dec:
            self._reselect(self.d_table, self.d_proxy, self._dec)
        elif self.d_proxy.rowCount():
            self.d_table.selectRow(0)
        self._fill_actions()

    def _fill_actions(self) -> None:
        now = self.clock.now()
        self.actions.set_rows([(a["id"], a.get("text", ""), a.get("owner", ""), a.get("due"),
                                a.get("status", ""), self._attention(a, now))
                               for a in self._actions if a.get("decision_id") == self._dec])
        if self._act:
            self._reselect(self.a_table, self.a_proxy, self._act)
        d = self._decision_states.get(self._dec)
        self.detail.setHtml(decision_html(d, tr_detail) if d else "")

    def _attention(self, a: dict[str, Any], now: Any) -> str:
        """What the 'Let op' column says of an action."""
        if a["id"] in getattr(self, "_orphans", set()):
            return self.tr("⚠ besluit ingetrokken: afsluiten of ander besluit")
        return self.tr("⚠ te laat") if is_overdue(a, now) else ""

    def _on_session(self, cur: Any, _prev: Any) -> None:
        sid = str(cur.data(ID_ROLE)) if cur.isValid() else ""
        if sid != self._sess:
            self._sess, self._dec, self._act = sid, "", ""
            self._fill_decisions()
            if self.d_proxy.rowCount():
                self.d_table.selectRow(0)
        self._buttons()

    def _on_decision(self, cur: Any, _prev: Any) -> None:
        did = str(cur.data(ID_ROLE)) if cur.isValid() else ""
        if did != self._dec:
            self._dec, self._act = did, ""
            self._fill_actions()
        self.attachments.set_target(did)
        self._buttons()

    def _on_action(self, cur: Any, _prev: Any) -> None:
        self._act = str(cur.data(ID_ROLE)) if cur.isValid() else ""
        self._buttons()

    def select_decision(self, did: str) -> None:
        d = self._decision_states.get(did)
        if not d:
            return
        self._reselect(self.s_table, self.s_proxy, d.get("session_id", ""))
        self._reselect(self.d_table, self.d_proxy, did)

    def select_action(self, aid: str) -> None:
        self._reselect(self.a_table, self.a_proxy, aid)

    def current(self) -> tuple[str, str, str]:
        return self._sess, self._dec, self._act

    def decision_state(self, did: str) -> dict[str, Any] | None:
        return self._decision_states.get(did)

    def action_state(self, aid: str) -> dict[str, Any] | None:
        return next((a for a in self._actions if a["id"] == aid), None)

    def set_filter(self, text: str, region: str = "") -> None:
        for p in (self.s_proxy, self.d_proxy):
            p.set_filter(text, region)
        self.a_proxy.set_filter(text)

"""Incidenten: the table of incidents and the detail with its Beeld–Oordeel–Besluit (a beeld
per discipline, the Oordeel, the decisions that concern it) and its history."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from data.domain.enums import label
from data.domain.lifecycles import next_states
from data.picture.bob import DISCIPLINES
from data.picture.detail_html import incident_html, short_regions
from data.picture.timefmt import local_hm
from widgets import palette
from widgets.attachments import AttachmentStrip, with_attachments
from widgets.common import make_table, set_widths, title_label, tr_detail
from widgets.table_model import ID_ROLE, Column, FilterProxy, RowTableModel

# tuple: id, title, kind, regions(tuple), status, phase, teams(tuple), updated_at, location,
# attachments (how many files: the paperclip count; the states carry it as "attachments")
I_ID, I_TITLE, I_KIND, I_REGIONS, I_STATUS, I_PHASE, I_TEAMS, I_UPD, I_LOC, I_CLIPS = range(10)


def incident_tuple(s: dict[str, Any]) -> tuple[Any, ...]:
    return (s["id"], s.get("title", ""), s.get("kind", ""), tuple(s.get("regions") or ()),
            s.get("status", ""), s.get("phase", ""), tuple(s.get("teams") or ()),
            s.get("updated_at", ""), s.get("location", ""), int(s.get("attachments") or 0))


def _status_color(status: str) -> Any:
    """Only what needs attention is coloured: active incidents."""
    return palette.color("alert_text") if status == "actief" else None


class IncidentsView(QWidget):
    """Incidents table (filterable) and the selected incident's detail."""

    sig_selected = Signal(str)
    """An incident was selected (id); the window loads its full state."""
    sig_new = Signal()
    """Report a new incident."""
    sig_edit = Signal(str)
    """Update the fields of an incident."""
    sig_status = Signal(str)
    """Change the status of an incident."""
    sig_picture = Signal(str)
    """Write a new picture text (beeld) for an incident (the *algemeen* beeld)."""
    sig_picture_discipline = Signal(str, str)
    """Write a new beeld of one discipline for an incident: (id, discipline)."""
    sig_judgement = Signal(str)
    """Write a new Oordeel for an incident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel([
            Column(self.tr("Titel"), I_TITLE),
            # the paperclip count: how many files are attached
            Column(self.tr("Bijl."), I_CLIPS, lambda n: str(n) if n else ""),
            Column(self.tr("Status"), I_STATUS, label,
                   color=lambda r: _status_color(r[I_STATUS])),
            Column(self.tr("Regio's"), I_REGIONS, short_regions),
            Column(self.tr("Bijgewerkt"), I_UPD, local_hm),
        ], regions=lambda r: r[I_REGIONS], parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table()
        self.table.setModel(self.proxy)
        set_widths(self.table, [330, 50, 110, 190])
        # no sideways scrolling on a laptop: the title takes what is left (elided, full text in
        # its tooltip), the other columns as wide as their contents
        head = self.table.horizontalHeader()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 4):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)  # regions: elided
        self.table.setColumnWidth(3, 110)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.attachments = AttachmentStrip()
        btns = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("Nieuw incident (Ctrl+N)"))
        self.edit_btn = QPushButton(self.tr("Bijwerken"))
        self.status_btn = QPushButton(self.tr("Status wijzigen"))
        self.picture_btn = QPushButton(self.tr("Beeld bijwerken"))
        self.picture_btn.setMenu(self._discipline_menu())
        self.judgement_btn = QPushButton(self.tr("Oordeel bijwerken"))
        self.new_btn.setProperty("primary", True)
        for b in (self.new_btn, self.edit_btn, self.status_btn, self.picture_btn,
                  self.judgement_btn):
            btns.addWidget(b)
        btns.addStretch(1)
        self.new_btn.clicked.connect(self.sig_new)
        self.edit_btn.clicked.connect(lambda: self._emit(self.sig_edit))
        self.status_btn.clicked.connect(lambda: self._emit(self.sig_status))
        self.judgement_btn.clicked.connect(lambda: self._emit(self.sig_judgement))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(with_attachments(self.detail, self.attachments))
        split.setSizes([620, 680])  # the BOB wraps in the detail: no sideways scrolling
        lay = QVBoxLayout(self)
        lay.addWidget(title_label(self.tr("Incidenten")))
        lay.addLayout(btns)
        lay.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self._current = ""
        self._filter: tuple[str, str] = ("", "")
        self._stale = False
        self._set_buttons()

    def _emit(self, sig: Any) -> None:
        if self._current:
            sig.emit(self._current)

    def _set_buttons(self) -> None:
        on = bool(self._current)
        for b in (self.edit_btn, self.status_btn, self.picture_btn, self.judgement_btn):
            b.setEnabled(on)

    def _discipline_menu(self) -> QMenu:
        """Beeld bijwerken: one entry per discipline (algemeen first)."""
        menu = QMenu(self)
        names = {"algemeen": self.tr("Algemeen"), "brandweer": self.tr("Brandweer"),
                 "ghor": self.tr("GHOR"), "politie": self.tr("Politie"),
                 "bevolkingszorg": self.tr("Bevolkingszorg"),
                 "crisiscommunicatie": self.tr("Crisiscommunicatie")}
        for disc in DISCIPLINES:
            act = menu.addAction(names.get(disc, disc))
            act.setObjectName(f"beeld_{disc}")
            act.triggered.connect(lambda _c=False, d=disc: self._picture(d))
        return menu

    def _picture(self, discipline: str) -> None:
        if not self._current:
            return
        if discipline == "algemeen":
            self.sig_picture.emit(self._current)
        else:
            self.sig_picture_discipline.emit(self._current, discipline)

    def set_incidents(self, states: Sequence[dict[str, Any]]) -> None:
        self.model.set_rows([incident_tuple(s) for s in states])
        if self._current:
            self.select(self._current)

    def set_filter(self, text: str, region: str = "") -> None:
        """The window's search and region filter. Typed while another view is shown, the
        rows are filtered when the Incidenten are shown (5,000 rows per keystroke for a
        list nobody sees)."""
        self._filter = (text, region)
        if not self.isVisible() and self.window().isVisible():
            self._stale = True
            return
        self.apply_filter()

    def apply_filter(self) -> None:
        """The search and region filter last given, on the rows now: a filter held back while
        the view was hidden (a caller that reads the rows before showing it calls this; with
        nothing held back it changes nothing)."""
        self._stale = False
        self.proxy.set_filter(*self._filter)

    def showEvent(self, ev: Any) -> None:  # noqa: N802
        super().showEvent(ev)
        if self._stale:
            self.apply_filter()

    def current(self) -> str:
        return self._current

    def select(self, eid: str) -> None:
        if self._stale:
            self.apply_filter()
        for r in range(self.proxy.rowCount()):
            if self.proxy.id_at(r) == eid:
                self.table.selectRow(r)
                return

    def _on_row(self, cur: Any, _prev: Any) -> None:
        self._current = str(cur.data(ID_ROLE)) if cur.isValid() else ""
        self._set_buttons()
        self.attachments.set_target(self._current)
        if self._current:
            self.sig_selected.emit(self._current)

    def show_detail(self, state: dict[str, Any] | None) -> None:
        if state and state.get("id") == self._current:
            self.detail.setHtml(incident_html(state, tr_detail))

    def next_states(self) -> list[str]:
        r = self.model.row_of(self._current)
        return next_states("incident", self.model.row_tuple(r)[I_STATUS]) if r >= 0 else []

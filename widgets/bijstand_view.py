"""Bijstand: the board by status plus the detail of the selected request (offers, quantity still
open, full time-stamped history)."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from data.domain.enums import CAPABILITIES, label
from data.domain.regions import region_label
from widgets.bijstand_board import BijstandBoard
from widgets.common import esc, history_html, title_label, tr_detail
from widgets.timefmt import local_hm


def open_quantity(state: dict[str, Any]) -> int:
    """Quantity asked minus the sum of offers not withdrawn."""
    offered = sum(int(o.get("quantity") or 0) for o in (state.get("offers") or {}).values()
                  if not o.get("withdrawn"))
    return max(0, int(state.get("quantity") or 0) - offered)


def bijstand_html(s: dict[str, Any]) -> str:
    cap = CAPABILITIES.get(s.get("capability") or "", s.get("capability_text") or "?")
    offers = s.get("offers") or {}
    out = [f"<h2>{esc(s.get('quantity'))}× {esc(cap)}</h2>",
           f"<p><b>{esc(label(s.get('status', '')))}</b> · prioriteit "
           f"{esc(label(s.get('priority') or 'normaal'))}<br>"
           f"{esc(region_label(s.get('requesting_region', '')))} → {esc(s.get('addressed_to'))}"
           f"<br>nodig vóór: {esc(local_hm(s.get('needed_by')) or '—')} · meldplaats: "
           f"{esc(s.get('meldplaats') or '—')}</p>",
           f"<p style='font-size:18px'><b>Nog open: {open_quantity(s)} "
           f"{esc(s.get('unit') or '')}</b> (gevraagd {esc(s.get('quantity'))})</p>",
           f"<h3>{tr_detail('Aanbod')}</h3>"]
    if offers:
        out.append("<table cellpadding='4'><tr><th align='left'>Aanbieder</th>"
                   "<th align='right'>Aantal</th><th align='left'>Aankomst</th>"
                   "<th align='left'>Gedaan</th><th></th></tr>")
        for oid, o in offers.items():
            w = " (ingetrokken)" if o.get("withdrawn") else ""
            style = " style='color:#888;text-decoration:line-through'" if w else ""
            out.append(f"<tr{style}><td>{esc(region_label(o.get('provider', '')))}</td>"
                       f"<td align='right'>{esc(o.get('quantity'))}</td>"
                       f"<td>{esc(local_hm(o.get('eta')))}</td><td>{esc(local_hm(o.get('at')))}"
                       f" · {esc(o.get('by'))}</td><td>{esc(w)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>nog geen aanbod</p>")
    out.append(history_html(s.get("history") or [], origin=True, created="aangevraagd"))
    return "".join(out)


class BijstandView(QWidget):
    """Board plus detail and the actions on a request."""

    sig_selected = Signal(str)
    """A request was selected (id)."""
    sig_new = Signal()
    """Raise a new bijstand request."""
    sig_offer = Signal(str)
    """Make an offer on the request."""
    sig_withdraw_offer = Signal(str)
    """Withdraw an offer on the request."""
    sig_status = Signal(str)
    """Change the status of the request (through a form)."""
    sig_edit = Signal(str)
    """Update the fields of the request (quantity, needed by, priority …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = BijstandBoard()
        self.detail = QTextBrowser()
        btns = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("Nieuw verzoek"))
        self.new_btn.setProperty("primary", True)
        self.offer_btn = QPushButton(self.tr("Aanbod doen"))
        self.withdraw_btn = QPushButton(self.tr("Aanbod intrekken"))
        self.status_btn = QPushButton(self.tr("Status wijzigen"))
        self.edit_btn = QPushButton(self.tr("Bijwerken"))
        for b in (self.new_btn, self.offer_btn, self.withdraw_btn, self.status_btn, self.edit_btn):
            btns.addWidget(b)
        btns.addStretch(1)
        self.new_btn.clicked.connect(self.sig_new)
        # slots return None (a slot that returns a value is asking for trouble in bindings)
        self.offer_btn.clicked.connect(lambda: self._emit(self.sig_offer))
        self.withdraw_btn.clicked.connect(lambda: self._emit(self.sig_withdraw_offer))
        self.status_btn.clicked.connect(lambda: self._emit(self.sig_status))
        self.edit_btn.clicked.connect(lambda: self._emit(self.sig_edit))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.board)
        split.addWidget(self.detail)
        split.setSizes([480, 320])
        lay = QVBoxLayout(self)
        lay.addWidget(title_label(self.tr("Bijstand")))
        lay.addLayout(btns)
        lay.addWidget(split, 1)
        self._current = ""
        self.board.sig_selected.connect(self._on_selected)
        self._buttons()

    def _emit(self, sig: Any) -> None:
        if self._current:
            sig.emit(self._current)

    def _buttons(self) -> None:
        for b in (self.offer_btn, self.withdraw_btn, self.status_btn, self.edit_btn):
            b.setEnabled(bool(self._current))

    def _on_selected(self, eid: str) -> None:
        if eid == self._current:
            return
        self._current = eid
        self._buttons()
        self.sig_selected.emit(eid)

    def current(self) -> str:
        return self._current

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.board.set_rows(rows)

    def upsert(self, rows: Sequence[Sequence[Any]]) -> None:
        self.board.upsert(rows)

    def set_filter(self, text: str, region: str = "") -> None:
        self.board.set_filter(text, region)

    def show_detail(self, state: dict[str, Any] | None) -> None:
        if state and state.get("id") == self._current:
            self.detail.setHtml(bijstand_html(state))

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

from data.clock import Clock
from data.picture.detail_html import bijstand_html
from widgets.attachments import AttachmentStrip, with_attachments
from widgets.bijstand_board import BijstandBoard
from widgets.common import title_label, tr_detail


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
    sig_forward = Signal(str)
    """KCR2 forwards the request to Defensie (JFC) or the EU (UCPM) as a linked sub-request."""
    sig_offer_update = Signal(str)
    """An offer moves on (gemobiliseerd, ingezet, afgelost …) or names its commander."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.board = BijstandBoard(clock=clock)
        self.detail = QTextBrowser()
        self.attachments = AttachmentStrip()
        btns = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("Nieuw verzoek"))
        self.new_btn.setProperty("primary", True)
        self.offer_btn = QPushButton(self.tr("Aanbod doen"))
        self.withdraw_btn = QPushButton(self.tr("Aanbod intrekken"))
        self.status_btn = QPushButton(self.tr("Status wijzigen"))
        self.edit_btn = QPushButton(self.tr("Bijwerken"))
        self.offer_update_btn = QPushButton(self.tr("Aanbod: status"))
        self.forward_btn = QPushButton(self.tr("Doorzetten"))
        self.forward_btn.setToolTip(self.tr("Alleen KCR2: deelverzoek aan Defensie (JFC) of de "
                                            "EU (UCPM); beschikbaarheid is onzeker"))
        for b in (self.new_btn, self.offer_btn, self.offer_update_btn, self.withdraw_btn,
                  self.status_btn, self.edit_btn, self.forward_btn):
            btns.addWidget(b)
        btns.addStretch(1)
        self.new_btn.clicked.connect(self.sig_new)
        # slots return None (a slot that returns a value is asking for trouble in bindings)
        self.offer_btn.clicked.connect(lambda: self._emit(self.sig_offer))
        self.withdraw_btn.clicked.connect(lambda: self._emit(self.sig_withdraw_offer))
        self.status_btn.clicked.connect(lambda: self._emit(self.sig_status))
        self.edit_btn.clicked.connect(lambda: self._emit(self.sig_edit))
        self.offer_update_btn.clicked.connect(lambda: self._emit(self.sig_offer_update))
        self.forward_btn.clicked.connect(lambda: self._emit(self.sig_forward))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.board)
        split.addWidget(with_attachments(self.detail, self.attachments))
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
        self.attachments.set_target(eid)
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
            self.detail.setHtml(bijstand_html(state, tr_detail))

"""Logboek: the journal table with its own filter box and the quick-entry bar."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.attachments import AttachmentStrip
from widgets.common import make_table, set_widths, title_label, ui_locale
from widgets.journal import JournalModel, QuickEntryBar


class JournalView(QWidget):
    """Journal lines, newest first; typing in the filter box narrows them at once."""

    sig_submitted = Signal(dict)
    """A journal payload from the quick-entry bar (to log with ``journal.logged``)."""
    sig_clear_filters = Signal()
    """The user asked to lift every filter to see a line the filters hid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = JournalModel(self)
        self.table = make_table()
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        set_widths(self.table, [150, 100, 80, 210, 170])
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("filter het logboek (kanaal, van, aan, tekst)"))
        self.filter.setClearButtonEnabled(True)
        self.key_only = QCheckBox(self.tr("alleen kernberichten"))
        self.count = QLabel("")
        self.count.setObjectName("Muted")
        self.entry = QuickEntryBar()
        top = QHBoxLayout()
        top.addWidget(title_label(self.tr("Logboek")))
        top.addWidget(self.filter, 1)
        top.addWidget(self.key_only)
        top.addWidget(self.count)
        # picture: the selected line in full (long messages wrap here, not in the table)
        self.detail = QLabel(self.tr("Kies een regel om het hele bericht te lezen."))
        self.detail.setObjectName("JournalDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMaximumHeight(110)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # picture: a line saved while a filter hides it says so, with a way to see it
        self.hidden_note = QWidget()
        hl = QHBoxLayout(self.hidden_note)
        hl.setContentsMargins(0, 0, 0, 0)
        self.hidden_text = QLabel(self.tr("Opgeslagen, maar het filter verbergt het nieuwe "
                                          "bericht."))
        self.hidden_text.setObjectName("FieldError")
        self.show_all = QPushButton(self.tr("Filter opheffen en tonen"))
        self.show_all.clicked.connect(self._show_hidden)
        hl.addWidget(self.hidden_text, 1)
        hl.addWidget(self.show_all)
        self.hidden_note.hide()
        self.attachments = AttachmentStrip()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.detail)
        lay.addWidget(self.attachments)
        lay.addWidget(self.hidden_note)
        lay.addWidget(self.entry)
        self._region = ""
        self._global = ""
        self._stale = False  # a search typed while another view was shown: filter when shown
        self.filter.textChanged.connect(lambda _t: self._apply())
        self.key_only.toggled.connect(lambda _b: self._apply())
        self.entry.sig_submitted.connect(self.sig_submitted)
        self.model.modelReset.connect(self._count)
        self.model.rowsInserted.connect(self._count)
        self._own: tuple[int, int] | None = None  # (total, shown) when we sent a line
        self.entry.sig_submitted.connect(self._sent)
        self.model.sig_added.connect(self._own_arrived)
        self.model.sig_added.connect(self._count)  # the total grows under a filter too
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    def _sent(self, _payload: dict[str, Any]) -> None:
        self._own = (self.model.total(), self.model.rowCount())
        self.hidden_note.hide()

    def _own_arrived(self, *_a: Any) -> None:
        """Our own line came in: select it, or say that the filter hides it."""
        if self._own is None or self.model.total() <= self._own[0]:
            return
        shown_before = self._own[1]
        self._own = None
        if self.model.rowCount() > shown_before:
            self.table.selectRow(0)  # newest first: the line just saved
        else:
            self.hidden_note.show()

    def _show_hidden(self) -> None:
        self.hidden_note.hide()
        self.filter.clear()
        self.key_only.setChecked(False)
        self.sig_clear_filters.emit()
        self.table.selectRow(0)

    def _show_detail(self, cur: Any, _prev: Any) -> None:
        self.attachments.set_target(self.model.id_at(cur.row()) if cur.isValid() else "")
        if not cur.isValid():
            return
        m = self.model
        cells = [str(m.index(cur.row(), c).data() or "") for c in range(m.columnCount())]
        head = " · ".join(x for x in cells[:-1] if x)
        self.detail.setText(f"{head}\n{cells[-1]}")

    def _apply(self) -> None:
        # the local box is the more specific one; the global filter applies when it is empty
        needle = self.filter.text() or self._global
        self._stale = False
        self.model.set_filter(needle, self._region, self.key_only.isChecked())

    def _count(self, *_a: Any) -> None:
        n, total = self.model.rowCount(), self.model.total()
        loc = ui_locale()  # 12.345 in Dutch, 12,345 in English
        self.count.setText(self.tr("{0} van {1} regels").format(loc.toString(n),
                                                                loc.toString(total)))

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.model.set_rows(rows)

    def add_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.model.add_rows(rows)

    def set_filter(self, text: str, region: str = "") -> None:
        """The window's search and region filter. Typed while another view is shown, the
        lines are filtered when the Logboek is shown (700k lines: tens of ms per keystroke
        for a list nobody sees)."""
        self._global, self._region = text, region
        if not self.isVisible() and self.window().isVisible():
            self._stale = True
            return
        self._apply()

    def showEvent(self, ev: Any) -> None:  # noqa: N802
        super().showEvent(ev)
        if self._stale:
            self._apply()

"""Logboek: the journal table with its own filter box and the quick-entry bar."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from widgets.common import make_table, set_widths, title_label
from widgets.journal import JournalModel, QuickEntryBar


class JournalView(QWidget):
    """Journal lines, newest first; typing in the filter box narrows them at once."""

    sig_submitted = Signal(dict)
    """A journal payload from the quick-entry bar (to log with ``journal.logged``)."""

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
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.entry)
        self._region = ""
        self._global = ""
        self.filter.textChanged.connect(lambda _t: self._apply())
        self.key_only.toggled.connect(lambda _b: self._apply())
        self.entry.sig_submitted.connect(self.sig_submitted)
        self.model.modelReset.connect(self._count)
        self.model.rowsInserted.connect(self._count)

    def _apply(self) -> None:
        # the local box is the more specific one; the global filter applies when it is empty
        needle = self.filter.text() or self._global
        self.model.set_filter(needle, self._region, self.key_only.isChecked())

    def _count(self, *_a: Any) -> None:
        n, total = self.model.rowCount(), self.model.total()
        self.count.setText(self.tr("{0} van {1}").format(f"{n:,}".replace(",", "."),
                                                          f"{total:,}".replace(",", ".")))

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.model.set_rows(rows)

    def add_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.model.add_rows(rows)

    def set_filter(self, text: str, region: str = "") -> None:
        self._global, self._region = text, region
        self._apply()

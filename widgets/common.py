"""Small shared pieces of the views: a configured table view, a view title, the translation of
the detail panes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from data.i18n import _


def make_table(parent: QWidget | None = None, sortable: bool = True) -> QTableView:
    """A read-only, row-selecting table; fixed row height and interactive widths (no
    ResizeToContents: that visits every row)."""
    t = QTableView(parent)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    t.setSortingEnabled(sortable)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    t.verticalHeader().setDefaultSectionSize(30)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setHighlightSections(False)
    return t


def set_widths(table: QTableView, widths: list[int]) -> None:
    for i, w in enumerate(widths):
        if w:
            table.setColumnWidth(i, w)


def title_label(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName("ViewTitle")
    return lab


def tr_detail(text: str) -> str:
    """Translate a heading of the detail panes. The headings are the core's
    (:mod:`data.picture.detail_html`): its gettext catalogue, or a Qt catalogue's context
    'Detail' where one has them."""
    shown = QCoreApplication.translate("Detail", text)
    return _(text) if shown == text else shown

"""Small shared pieces of the views: a configured table view, a view title, the translation of
the detail panes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from data.i18n import _

#: the channels named by an ordinary word (the others are names: C2000, NCV, LCMS …), as the
#: views show them; the stored value stays the Dutch word
CHANNEL_TEXTS = {"telefoon": QT_TRANSLATE_NOOP("Channel", "telefoon"),
                 "mobiel": QT_TRANSLATE_NOOP("Channel", "mobiel"),
                 "satelliet": QT_TRANSLATE_NOOP("Channel", "satelliet"),
                 "koerier": QT_TRANSLATE_NOOP("Channel", "koerier"),
                 "mondeling": QT_TRANSLATE_NOOP("Channel", "mondeling")}


def ui_locale() -> QLocale:
    """The locale of dates and numbers in the views: the default QLocale (choosing a language
    sets it), Dutch while none was chosen (the C locale of a bare process)."""
    loc = QLocale()
    if loc.language() == QLocale.Language.C:
        return QLocale("nl_NL")
    return loc


def channel_text(value: str) -> str:
    """A communication channel as shown in the language in use."""
    text = CHANNEL_TEXTS.get(value)
    return QCoreApplication.translate("Channel", text) if text else value


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

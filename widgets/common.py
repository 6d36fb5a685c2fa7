"""Small shared pieces of the views: a configured table view, a view title, the translation of
the detail panes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

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
    """Column widths, each at least as wide as its header text (a header is never cut)."""
    for i, w in enumerate(widths):
        if w:
            table.setColumnWidth(i, max(w, header_width(table, i)))


def header_width(table: QTableView, section: int) -> int:
    """The width the header text of ``section`` needs (with the sort arrow's room)."""
    head = table.horizontalHeader()
    text = str(table.model().headerData(section, Qt.Orientation.Horizontal) or "")
    return head.fontMetrics().horizontalAdvance(text) + 28


def fit_headers(table: QTableView) -> None:
    """Widen the columns (all but the last, which stretches) to at least their header text."""
    model = table.model()
    for i in range(model.columnCount() - 1):
        table.setColumnWidth(i, max(table.columnWidth(i), header_width(table, i)))


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


def fit_to_screen(w: QWidget, width: int, height: int) -> None:
    """Size a dialog to ``width`` × ``height``, but never larger than the screen it opens on
    leaves (a 1366×768 laptop): the frame stays inside, its buttons reachable."""
    screen = (w.parentWidget().screen() if w.parentWidget() is not None else w.screen())
    room = screen.availableGeometry()
    frame_w, frame_h = 16, 48  # window frame and title bar the size does not count
    w.setMaximumSize(room.width() - frame_w, room.height() - frame_h)
    w.resize(min(width, room.width() - frame_w), min(height, room.height() - frame_h))


class ReadingDialog(QDialog):
    """A text to read (rich text) that scrolls when it is long, and a *Sluiten* button; sized
    to fit the screen."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None,
                 size: tuple[int, int] = (560, 640)) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(True)
        self.view.setHtml(html)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.buttons)
        fit_to_screen(self, *size)

    def text(self) -> str:
        """The text as read (plain)."""
        return self.view.toPlainText()


class ColumnFitter(QObject):
    """Keeps a table's columns inside its width (no sideways scrolling on a 1366 px screen):
    each column gets its preferred width and never less than its header text; when they do
    not all fit, the room above the headers' widths is shared in proportion, and if even the
    headers do not fit, the ``optional`` columns are hidden, in that order (cells carry their
    whole text as a tooltip)."""

    def __init__(self, table: QTableView, widths: list[int],
                 optional: tuple[int, ...] = ()) -> None:
        super().__init__(table)
        self.table = table
        self.widths = widths
        self.optional = optional
        table.horizontalHeader().setStretchLastSection(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802
        if ev.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        cols = self.table.model().columnCount() if self.table.model() else 0
        head = [header_width(self.table, i) for i in range(cols)]
        want = [max(self.widths[i] if i < len(self.widths) else 80, head[i])
                for i in range(cols)]
        room = self.table.viewport().width() - 2
        shown = list(range(cols))
        for i in self.optional:
            if sum(head[k] for k in shown) <= room:
                break
            shown.remove(i)
        for i in range(cols):
            self.table.setColumnHidden(i, i not in shown)
        base, extra = sum(head[k] for k in shown), sum(want[k] - head[k] for k in shown)
        share = 1.0 if extra <= 0 else max(0.0, min(1.0, (room - base) / extra))
        for k in shown[:-1]:
            self.table.setColumnWidth(k, head[k] + int((want[k] - head[k]) * share))

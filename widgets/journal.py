"""The journal (logboek): a big table model with its own fast filter, and the quick-entry bar.

A big store holds hundreds of thousands of journal lines, so the model keeps them column-wise
with repeated strings shared, filters in plain Python over a pre-lowered haystack (a proxy that
calls back into Python for every row would be an order of magnitude slower), and narrows the
previous result when the filter text only grows (the usual case while typing).
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget,
)

from data.domain.enums import Channel, Direction
from data.domain.regions import REGIONS, REGION_BY_CODE, resolve_region
from widgets.table_model import ID_ROLE
from widgets.timefmt import local_hm

Index = QModelIndex | QPersistentModelIndex

# tuple positions (data.store.queries.JOURNAL_COLS)
_ID, _AT, _CH, _DIR, _FROM, _TO, _TEXT, _KEY, _INC, _AUTHOR = range(10)


def _region_tokens(*names: str | None) -> frozenset[str]:
    out = set()
    for n in names:
        if n:
            r = resolve_region(n)
            if r is not None:
                out.add(r.code)
    return frozenset(out)


class JournalData:
    """Journal lines prepared for fast filtering: rows, lower-case haystacks and the regions
    each line names. Pure Python, so a worker thread can build it; repeated strings are shared
    (a big journal repeats channels, senders and often texts)."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []
        self.hay: list[str] = []
        self.regs: list[frozenset[str]] = []
        self._intern: dict[Any, Any] = {}
        self._reg_cache: dict[tuple[Any, Any], frozenset[str]] = {}

    def add(self, raw: Sequence[Sequence[Any]]) -> None:
        s = self._intern.setdefault
        rows, hay, regs, rc = self.rows, self.hay, self.regs, self._reg_cache
        for r in raw:
            row = (r[_ID], s(r[_AT], r[_AT]), s(r[_CH], r[_CH]), s(r[_DIR], r[_DIR]),
                   s(r[_FROM], r[_FROM]), s(r[_TO], r[_TO]), s(r[_TEXT], r[_TEXT]),
                   bool(r[_KEY]), s(r[_INC], r[_INC]), s(r[_AUTHOR], r[_AUTHOR]))
            rows.append(row)
            hk = ("h", row[_CH], row[_FROM], row[_TO], row[_TEXT])
            h = self._intern.get(hk)
            if h is None:
                h = self._intern[hk] = " ".join(x or "" for x in hk[1:]).lower()
            hay.append(h)
            rk = (row[_FROM], row[_TO])
            g = rc.get(rk)
            if g is None:
                g = rc[rk] = _region_tokens(*rk)
            regs.append(g)

    def sort_newest_first(self) -> None:
        order = sorted(range(len(self.rows)), key=lambda i: self.rows[i][_AT] or "", reverse=True)
        self.rows = [self.rows[i] for i in order]
        self.hay = [self.hay[i] for i in order]
        self.regs = [self.regs[i] for i in order]

    def __len__(self) -> int:
        return len(self.rows)


class JournalModel(QAbstractTableModel):
    """Journal lines (newest first by default) with a fast text/region filter and sorting.

    Rows are tuples in ``data.store.queries.JOURNAL_COLS`` order, held in a
    :class:`JournalData`. ``set_filter`` and ``sort`` work on an index list, so the view never
    waits for a proxy to visit every row."""

    HEADERS = ("Tijd", "Kanaal", "Richting", "Van", "Aan", "Bericht")
    _SRC = (_AT, _CH, _DIR, _FROM, _TO, _TEXT)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._d = JournalData()
        self._view: list[int] = []
        self._needle = ""
        self._region = ""
        self._key_only = False
        self._sort_col, self._sort_order = 0, Qt.SortOrder.DescendingOrder
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def _rows(self) -> list[tuple[Any, ...]]:
        return self._d.rows

    # -- loading -----------------------------------------------------------------------------

    def set_data(self, data: JournalData, presorted: bool = True) -> None:
        """Take prepared lines (built off the GUI thread, newest first when ``presorted``)."""
        self.beginResetModel()
        self._d = data
        self._view = self._compute(range(len(data)))
        if not (presorted and self._sort_col == 0
                and self._sort_order == Qt.SortOrder.DescendingOrder):
            self._sort_view()
        self.endResetModel()

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Replace all lines."""
        d = JournalData()
        d.add(rows)
        self.set_data(d, presorted=False)

    def add_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Add new lines (from a change notice); they appear where the sort puts them."""
        if not rows:
            return
        known = {r[_ID] for r in self._rows[-len(rows) * 4:]} if self._rows else set()
        fresh = [r for r in rows if r[_ID] not in known]
        if not fresh:
            return
        self.beginResetModel() if len(fresh) > 1 else None
        start = len(self._rows)
        self._d.add(fresh)
        added = self._compute(range(start, len(self._rows)))
        if len(fresh) > 1:
            self._view.extend(added)
            self._sort_view()
            self.endResetModel()
            return
        for i in added:  # one line: insert it at its place
            pos = self._insert_pos(i)
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._view.insert(pos, i)
            self.endInsertRows()

    def _insert_pos(self, i: int) -> int:
        if self._sort_col == 0 and self._sort_order == Qt.SortOrder.DescendingOrder:
            at = self._rows[i][_AT] or ""
            lo, hi = 0, len(self._view)
            while lo < hi:  # view is sorted newest first
                mid = (lo + hi) // 2
                if (self._rows[self._view[mid]][_AT] or "") > at:
                    lo = mid + 1
                else:
                    hi = mid
            return lo
        return len(self._view)

    # -- filter and sort -----------------------------------------------------------------------

    def _compute(self, candidates: Any) -> list[int]:
        n, reg, hay, regs = self._needle, self._region, self._d.hay, self._d.regs
        rows = self._rows
        out = list(candidates)
        if n:
            out = [i for i in out if n in hay[i]]
        if reg:
            out = [i for i in out if reg in regs[i]]
        if self._key_only:
            out = [i for i in out if rows[i][_KEY]]
        return out

    def set_filter(self, text: str, region: str = "", key_only: bool | None = None) -> None:
        """Show lines containing ``text`` (any case), naming ``region`` (code) in from/to."""
        text = text.strip().lower()
        key_only = self._key_only if key_only is None else key_only
        if (text, region, key_only) == (self._needle, self._region, self._key_only):
            return
        narrowing = (text.startswith(self._needle) and region == self._region
                     and key_only == self._key_only)
        old = self._view
        self._needle, self._region, self._key_only = text, region, key_only
        self.beginResetModel()
        if narrowing:
            self._view = self._compute(old)  # keeps the current order
        else:
            self._view = self._compute(range(len(self._rows)))
            self._sort_view()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_col, self._sort_order = column, order
        self._sort_view()
        self.layoutChanged.emit()

    def _sort_view(self) -> None:
        pos = self._SRC[self._sort_col]
        rows = self._rows
        self._view.sort(key=lambda i: rows[i][pos] or "",
                        reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    # -- access --------------------------------------------------------------------------------

    def total(self) -> int:
        return len(self._rows)

    def id_at(self, row: int) -> str:
        return str(self._rows[self._view[row]][_ID])

    def row_tuple(self, row: int) -> tuple[Any, ...]:
        return self._rows[self._view[row]]

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.HEADERS)):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[self._view[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            v = r[self._SRC[col]]
            if col == 0:
                return local_hm(v)
            if col == 5 and r[_KEY] and role == Qt.ItemDataRole.DisplayRole:
                return "★ " + (v or "")
            return v or ""
        if role == ID_ROLE:
            return r[_ID]
        if role == Qt.ItemDataRole.FontRole and r[_KEY]:
            return self._bold
        return None


class QuickEntryBar(QWidget):
    """One line to log a journal message without leaving the keyboard: channel, from, to,
    text; Enter saves. Tab moves through the fields; the bar keeps focus after saving."""

    sig_submitted = Signal(dict)
    """A journal payload to log (``journal.logged``): channel, direction, sender, recipient,
    text, key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuickEntry")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.channel = QComboBox()
        self.channel.addItems([c.value for c in Channel])
        self.channel.setToolTip(self.tr("Kanaal"))
        self.direction = QComboBox()
        self.direction.addItems([d.value for d in Direction])
        self.sender = QLineEdit()
        self.sender.setPlaceholderText(self.tr("van"))
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("aan"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("bericht — Enter om op te slaan (Ctrl+L)"))
        self.key = QCheckBox(self.tr("kernbericht"))
        self.save = QPushButton(self.tr("Opslaan"))
        self.error = QLabel("")
        self.error.setObjectName("FieldError")
        for w, stretch in ((self.channel, 0), (self.direction, 0), (self.sender, 1),
                           (self.recipient, 1), (self.text, 4), (self.key, 0), (self.save, 0)):
            lay.addWidget(w, stretch)
        lay.addWidget(self.error, 0)
        for w in (self.sender, self.recipient, self.text):
            w.returnPressed.connect(self.submit)
        self.save.clicked.connect(self.submit)

    def payload(self) -> dict[str, Any]:
        return {"channel": self.channel.currentText(), "direction": self.direction.currentText(),
                "sender": self.sender.text().strip(), "recipient": self.recipient.text().strip(),
                "text": self.text.text().strip(), "key": self.key.isChecked()}

    def submit(self) -> None:
        p = self.payload()
        if not p["text"]:
            self.show_error(self.tr("bericht: is verplicht"))
            self.text.setFocus()
            return
        self.error.setText("")
        self.sig_submitted.emit(p)

    def saved(self) -> None:
        """The store took the message: clear the text (keep channel/from/to for the next)."""
        self.text.clear()
        self.key.setChecked(False)
        self.error.setText("")
        self.text.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def focus_entry(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

"""The journal (logboek): a big table model with its own fast filter, and the quick-entry bar.

A big store holds hundreds of thousands of journal lines, so the model keeps them column-wise
with repeated strings shared, filters in plain Python over a pre-lowered haystack (a proxy that
calls back into Python for every row would be an order of magnitude slower), and narrows the
previous result when the filter text only grows (the usual case while typing).
"""

from __future__ import annotations

from array import array
from typing import Any, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from data.domain.enums import Channel, Direction
from data.domain.regions import resolve_region
from data.picture.timefmt import local_hm_epoch
from widgets.common import channel_text
from widgets.table_model import ID_ROLE

#: a message's direction as the journal shows it (the stored value is the Dutch word)
DIRECTION_TEXTS = {"in": QT_TRANSLATE_NOOP("Journal", "in"),
                   "uit": QT_TRANSLATE_NOOP("Journal", "uit"),
                   "intern": QT_TRANSLATE_NOOP("Journal", "intern")}


def direction_text(value: str) -> str:
    text = DIRECTION_TEXTS.get(value)
    return QCoreApplication.translate("Journal", text) if text else value


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


class _RowView:
    """Row access over the columns: ``rows[i]`` builds the tuple of line ``i`` on demand."""

    def __init__(self, d: "JournalData") -> None:
        self._d = d

    def __len__(self) -> int:
        return len(self._d.at)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        d = self._d
        return (d.id_of(i), d.at[i], d.ch[i], d.dir[i], d.frm[i], d.to[i], d.text[i],
                bool(d.key[i] & 1), None, None)


class JournalData:
    """Journal lines prepared for fast filtering, column-wise: one list per shown field, a
    lower-case haystack and the regions each line names. Pure Python, so a worker thread can
    build it. Repeated strings are shared and ids are kept as 16 bytes each in one buffer, so
    700k lines fit in well under 100 MB."""

    def __init__(self) -> None:
        self.at = array("q")  # Unix seconds
        self.ch: list[str] = []
        self.dir: list[str] = []
        self.frm: list[str] = []
        self.to: list[str] = []
        self.text: list[str] = []
        self.key = bytearray()
        self._ids = bytearray()
        self._odd_ids: dict[int, str] = {}  # ids that are not UUIDs (rare)
        self.hay: list[str] = []
        self.regs: list[frozenset[str]] = []
        self._intern: dict[Any, Any] = {}
        self._reg_cache: dict[tuple[Any, Any], frozenset[str]] = {}
        self.rows = _RowView(self)

    def col(self, pos: int) -> Any:
        return {_AT: self.at, _CH: self.ch, _DIR: self.dir, _FROM: self.frm, _TO: self.to,
                _TEXT: self.text, _KEY: self.key}[pos]

    def id_of(self, i: int) -> str:
        odd = self._odd_ids.get(i)
        if odd is not None:
            return odd
        h = self._ids[i * 16:(i + 1) * 16].hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def contains(self, eid: str) -> bool:
        """Is this line already here? (a search through the id buffer: a few ms at 700k)"""
        try:
            if len(eid) != 36:
                raise ValueError
            key = bytes.fromhex(eid.replace("-", ""))
        except ValueError:
            return eid in self._odd_ids.values()
        buf, start = self._ids, 0
        while True:
            at = buf.find(key, start)
            if at < 0:
                return False
            if at % 16 == 0:
                return True
            start = at + 1

    def add(self, raw: Sequence[Sequence[Any]]) -> None:
        s = self._intern.setdefault
        rc = self._reg_cache
        for r in raw:
            i = len(self.at)
            eid = str(r[_ID])
            try:
                if len(eid) != 36:
                    raise ValueError
                self._ids += bytes.fromhex(eid.replace("-", ""))
            except ValueError:
                self._ids += bytes(16)
                self._odd_ids[i] = eid
            at, ch, dr = int(r[_AT] or 0), s(r[_CH], r[_CH]), s(r[_DIR], r[_DIR])
            frm, to, text = s(r[_FROM], r[_FROM]), s(r[_TO], r[_TO]), s(r[_TEXT], r[_TEXT])
            self.at.append(at)
            self.ch.append(ch)
            self.dir.append(dr)
            self.frm.append(frm)
            self.to.append(to)
            self.text.append(text)
            self.key.append(int(r[_KEY] or 0) & 3)  # 1: key message, 2: nagekomen
            hk = ("h", ch, frm, to, text)
            h = self._intern.get(hk)
            if h is None:
                h = self._intern[hk] = " ".join(x or "" for x in hk[1:]).lower()
            self.hay.append(h)
            rk = (frm, to)
            g = rc.get(rk)
            if g is None:
                g = rc[rk] = _region_tokens(*rk)
            self.regs.append(g)

    def sort_newest_first(self) -> None:
        at = self.at
        order = sorted(range(len(at)), key=at.__getitem__, reverse=True)
        self.at = array("q", (at[i] for i in order))
        for name in ("ch", "dir", "frm", "to", "text", "hay", "regs"):
            col = getattr(self, name)
            setattr(self, name, [col[i] for i in order])
        self.key = bytearray(self.key[i] for i in order)
        # the ids as two 64-bit halves each, moved without a bytes object per line
        halves = array("Q")
        halves.frombytes(self._ids)
        moved = array("Q", bytes(len(self._ids)))
        moved[0::2] = array("Q", (halves[2 * i] for i in order))
        moved[1::2] = array("Q", (halves[2 * i + 1] for i in order))
        self._ids = bytearray(moved.tobytes())
        self._odd_ids = {new: self._odd_ids[old] for new, old in enumerate(order)
                         if old in self._odd_ids}

    def __len__(self) -> int:
        return len(self.at)


class JournalModel(QAbstractTableModel):
    """Journal lines (newest first by default) with a fast text/region filter and sorting.

    Rows are tuples in ``data.store.queries.JOURNAL_COLS`` order, held in a
    :class:`JournalData`. ``set_filter`` and ``sort`` work on an index list, so the view never
    waits for a proxy to visit every row."""

    HEADERS = (QT_TRANSLATE_NOOP("JournalModel", "Tijd"),
               QT_TRANSLATE_NOOP("JournalModel", "Kanaal"),
               QT_TRANSLATE_NOOP("JournalModel", "Richting"),
               QT_TRANSLATE_NOOP("JournalModel", "Van"), QT_TRANSLATE_NOOP("JournalModel", "Aan"),
               QT_TRANSLATE_NOOP("JournalModel", "Bericht"))
    _SRC = (_AT, _CH, _DIR, _FROM, _TO, _TEXT)

    sig_added = Signal(int)
    """New lines were added (how many), whether or not the filter shows them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._d = JournalData()
        #: the lines shown, in order (their positions in the data): an array, not a list of
        #: ints (700k ints are 20 MB of objects besides the list)
        self._view = array("i")
        self._needle = ""
        self._region = ""
        self._key_only = False
        self._until: int | None = None
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
        fresh = [r for r in rows if not self._d.contains(str(r[_ID]))]
        if not fresh:
            return
        if len(fresh) > 1:
            self.beginResetModel()
        start = len(self._rows)
        self._d.add(fresh)
        added = self._compute(range(start, len(self._rows)))
        if len(fresh) > 1:
            self._view.extend(added)
            self._sort_view()
            self.endResetModel()
        else:
            for i in added:  # one line: insert it at its place
                pos = self._insert_pos(i)
                self.beginInsertRows(QModelIndex(), pos, pos)
                self._view.insert(pos, i)
                self.endInsertRows()
        self.sig_added.emit(len(fresh))  # also when the filter hides every new line

    def _insert_pos(self, i: int) -> int:
        if self._sort_col == 0 and self._sort_order == Qt.SortOrder.DescendingOrder:
            col = self._d.at
            at = col[i]
            lo, hi = 0, len(self._view)
            while lo < hi:  # view is sorted newest first
                mid = (lo + hi) // 2
                if col[self._view[mid]] > at:
                    lo = mid + 1
                else:
                    hi = mid
            return lo
        return len(self._view)

    # -- filter and sort -----------------------------------------------------------------------

    def _compute(self, candidates: Any) -> array[int]:
        n, reg, hay, regs = self._needle, self._region, self._d.hay, self._d.regs
        key = self._d.key
        if self._until is None and not n and not reg and not self._key_only:
            return array("i", candidates)
        out = candidates
        if self._until is not None:  # Terugkijken: the lines of that moment
            at, until = self._d.at, self._until
            out = [i for i in out if at[i] <= until]
        if n:
            out = [i for i in out if n in hay[i]]
        if reg:
            out = [i for i in out if reg in regs[i]]
        if self._key_only:
            out = [i for i in out if key[i] & 1]
        return array("i", out)

    def set_until(self, seconds: int | None) -> None:
        """Show only lines that happened at or before ``seconds`` (Unix; None: all)."""
        if seconds == self._until:
            return
        self._until = seconds
        self.beginResetModel()
        self._view = self._compute(range(len(self._rows)))
        self._sort_view()
        self.endResetModel()

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
        col = self._d.col(pos)
        self._view = array("i", sorted(
            self._view, key=col.__getitem__ if pos in (_AT, _KEY) else (lambda i: col[i] or ""),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder))

    # -- access --------------------------------------------------------------------------------

    def total(self) -> int:
        return len(self._rows)

    def id_at(self, row: int) -> str:
        return self._d.id_of(self._view[row])

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
        d = self._d
        i = self._view[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            v = d.col(self._SRC[col])[i]
            if col == 0:  # a message re-keyed from paper says so, at the time it happened
                at = local_hm_epoch(v)  # a late entry's time says so
                return self.tr("{0} · nagekomen").format(at) if d.key[i] & 2 else at
            if col == 1:
                return channel_text(v or "")
            if col == 2:
                return direction_text(v or "")
            if col == 5 and d.key[i] & 1 and role == Qt.ItemDataRole.DisplayRole:
                return "★ " + (v or "")
            return v or ""
        if role == ID_ROLE:
            return d.id_of(i)
        if role == Qt.ItemDataRole.FontRole and d.key[i] & 1:
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
        for c in Channel:
            self.channel.addItem(channel_text(c.value), c.value)
        self.channel.setToolTip(self.tr("Kanaal"))
        self.direction = QComboBox()
        for d in Direction:
            self.direction.addItem(direction_text(d.value), d.value)
        self.sender = QLineEdit()
        self.sender.setPlaceholderText(self.tr("van"))
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("aan"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr(
            "bericht — Enter om op te slaan (Ctrl+L); van papier: begin met de tijd, 14:05 …"))
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
        return {"channel": str(self.channel.currentData()),
                "direction": str(self.direction.currentData()),
                "sender": self.sender.text().strip(), "recipient": self.recipient.text().strip(),
                "text": self.text.text().strip(), "key": self.key.isChecked()}

    def submit(self) -> None:
        p = self.payload()
        if not p["text"]:
            self.show_error(self.tr("bericht: is verplicht"))
            self.text.setFocus()
            return
        if p["direction"] == "in" and not p["sender"]:
            # an incoming message without a sender cannot be called back or checked
            self.show_error(self.tr("van: wie stuurde dit bericht? (verplicht bij inkomend)"))
            self.sender.setFocus()
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

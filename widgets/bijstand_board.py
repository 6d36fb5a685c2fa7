"""The bijstand board: one column per status, cards moved by drag or keyboard.

A move is only a request (``sig_transition_requested``); the card changes column when the store
has taken the status change and the refreshed rows come back."""

from __future__ import annotations

from functools import partial
from typing import Any, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from data.clock import Clock, default_clock
from data.domain.enums import label
from data.domain.lifecycles import BIJSTAND_ORDER, legal
from data.domain.regions import region_label
from data.picture.bijstand import card_flags
from data.picture.filtering import BijstandHay
from data.picture.moment import Now
from widgets import palette
from widgets.table_model import ID_ROLE

MIME = "application/x-crisisbeeld-bijstand"
Index = QModelIndex | QPersistentModelIndex

# positions in data.store.queries.BIJSTAND_COLS
B_ID, B_STATUS, B_FROM, B_TO, B_TITLE, B_QTY, B_OFFERED, B_UNIT, B_PRIO, B_NEEDED, B_UPD, B_INC = \
    range(12)


def still_open(row: Sequence[Any]) -> int:
    """Quantity asked minus the sum of offers not withdrawn (never below zero)."""
    return max(0, int(row[B_QTY] or 0) - int(row[B_OFFERED] or 0))


def flags_of(row: Sequence[Any], now: Now) -> list[str]:
    """The card's warnings at ``now``: a passed "nodig vóór", uncertain availability."""
    return card_flags(row[B_STATUS], row[B_TO], row[B_NEEDED], now)


def card_text(row: Sequence[Any], now: Now | None = None) -> str:
    prio = row[B_PRIO] or "normaal"
    # always four lines: the list uses uniform item sizes (fast with thousands of cards)
    title = str(row[B_TITLE])
    if len(title) > 24:
        title = title[:23] + "…"
    flags = flags_of(row, now) if now is not None else []
    last = ("⚠ " + " · ".join(flags)) if flags else QCoreApplication.translate(
        "BijstandBoard", "prioriteit {0}").format(label(prio).lower())
    promised = QCoreApplication.translate("BijstandBoard", "toegezegd {0}/{1} · open {2}").format(
        row[B_OFFERED] or 0, row[B_QTY], still_open(row))
    return "\n".join((title, f"{row[B_FROM]} → {row[B_TO]}", promised, last))


class CardListModel(QAbstractListModel):
    """The cards of one board column (bijstand rows of one status)."""

    def __init__(self, status: str, parent: Any = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.clock = clock or default_clock()  # judges a passed "nodig vóór"
        self._rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card_text(r, self.clock.now())
        if role == Qt.ItemDataRole.ToolTipRole:
            flags = flags_of(r, self.clock.now())
            return f"{r[B_TITLE]}\n{region_label(r[B_FROM])} → {r[B_TO]}" + (
                "\n" + "; ".join(flags) if flags else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.color("alert_text") if flags_of(r, self.clock.now()) else None
        if role == ID_ROLE:
            return r[B_ID]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        md = QMimeData()
        ids = [self._rows[i.row()][B_ID] for i in indexes if i.isValid()]
        md.setData(MIME, QByteArray(("\n".join(f"{self.status}\t{i}" for i in ids)).encode()))
        return md

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: Index) -> bool:
        if not data.hasFormat(MIME):
            return False
        for line in bytes(data.data(MIME).data()).decode().splitlines():
            frm = line.split("\t", 1)[0]
            if not legal("bijstand", frm, self.status):
                return False
        return True

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        board = self.parent()
        for line in bytes(data.data(MIME).data()).decode().splitlines():
            frm, eid = line.split("\t", 1)
            if isinstance(board, BijstandBoard):
                board.sig_transition_requested.emit(eid, frm, self.status)
        return False  # the card moves when the store confirms; nothing is removed here

    def row_tuple(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]


class _Column(QListView):
    def __init__(self, board: "BijstandBoard", model: CardListModel) -> None:
        super().__init__()
        self.board = board
        self.setModel(model)
        self.setObjectName(f"column_{model.status}")
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(3)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def keyPressEvent(self, ev: QKeyEvent) -> None:  # noqa: N802
        mods = ev.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier and ev.key() in (Qt.Key.Key_Right,
                                                                        Qt.Key.Key_Left):
            self.board.move_current(+1 if ev.key() == Qt.Key.Key_Right else -1, self)
            return
        if ev.key() == Qt.Key.Key_Menu or (mods & Qt.KeyboardModifier.ControlModifier
                                           and ev.key() == Qt.Key.Key_M):
            r = self.visualRect(self.currentIndex())
            self._menu(r.center())
            return
        if not mods and ev.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.board.focus_neighbour(self, +1 if ev.key() == Qt.Key.Key_Right else -1)
            return
        super().keyPressEvent(ev)

    def _request(self, eid: str, frm: str, to: str, *_a: Any) -> None:
        self.board.sig_transition_requested.emit(eid, frm, to)

    def _menu(self, pos: QPoint) -> None:
        idx = self.currentIndex()
        if not idx.isValid():
            return
        model = self.model()
        assert isinstance(model, CardListModel)
        eid = str(idx.data(ID_ROLE))
        menu = QMenu(self)
        for st in BIJSTAND_ORDER:
            if legal("bijstand", model.status, st):
                act = menu.addAction(self.tr("Naar {0}").format(label(st)))
                act.triggered.connect(partial(self._request, eid, model.status, st))
        if not menu.isEmpty():
            menu.popup(self.viewport().mapToGlobal(pos))


class BijstandBoard(QWidget):
    """Bijstand requests in columns by status (``BIJSTAND_ORDER``).

    Keyboard: arrows move between cards and columns; Ctrl+→ / Ctrl+← asks to move the selected
    request to the nearest legal status to the right / left; Ctrl+M or the menu key lists all
    legal next statuses."""

    sig_selected = Signal(str)
    """A request was selected (its id)."""
    sig_transition_requested = Signal(str, str, str)
    """The user moved a card: (request id, from status, to status). Not yet done."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or default_clock()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        inner = QWidget()
        lay = QHBoxLayout(inner)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(6)
        self.models: dict[str, CardListModel] = {}
        self.columns: dict[str, _Column] = {}
        self.titles: dict[str, QLabel] = {}
        for st in BIJSTAND_ORDER:
            m = CardListModel(st, self, self.clock)
            col = _Column(self, m)
            col.setMinimumWidth(210)
            box = QWidget()
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            t = QLabel(label(st))
            t.setObjectName("BoardColumnTitle")
            bl.addWidget(t)
            bl.addWidget(col, 1)
            lay.addWidget(box, 1)
            self.models[st], self.columns[st], self.titles[st] = m, col, t
            col.selectionModel().currentChanged.connect(self._on_current)
            col.clicked.connect(self._on_clicked)
        scroll.setWidget(inner)
        self._rows: dict[str, tuple[Any, ...]] = {}
        #: the cards of every column in order, and their search texts (title, from, to,
        #: priority) in that order, from the first search on; the texts themselves are kept by
        #: a hay that the window shares with the Overzicht (:meth:`share_texts`)
        self._order: dict[str, list[tuple[Any, ...]]] = {}
        self._texts: dict[str, list[str]] = {}
        self._search = BijstandHay()
        self._needle = ""
        self._region = ""
        self._stale = False  # a filter changed while the board was hidden

    def _on_clicked(self, index: QModelIndex) -> None:
        self.sig_selected.emit(str(index.data(ID_ROLE)))

    def _on_current(self, cur: QModelIndex, _prev: QModelIndex) -> None:
        if cur.isValid():
            self.sig_selected.emit(str(cur.data(ID_ROLE)))

    def share_texts(self, hay: BijstandHay) -> None:
        """Take the search texts from ``hay`` (the one the Overzicht searches with: 60k texts
        worked out and held once)."""
        self._search = hay
        self._texts = {}

    def prepare_search(self) -> None:
        """Line up the search texts of every column now, not at the first keystroke."""
        for st in self.models:
            self._column_texts(st)

    def _column_texts(self, st: str) -> list[str]:
        texts = self._texts.get(st)
        if texts is None:
            texts = self._texts[st] = self._search.row_texts(self._order.get(st, []))
        return texts

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self._rows = {r[B_ID]: tuple(r) for r in rows}
        self._order = {}
        self._texts = {}
        self._sort(set(BIJSTAND_ORDER))
        self._distribute()

    def upsert(self, rows: Sequence[Sequence[Any]]) -> None:
        """Changed requests: only the columns they leave or enter are rebuilt."""
        touched: set[str] = set()
        for r in rows:
            old = self._rows.get(r[B_ID])
            if old is not None:
                touched.add(old[B_STATUS])
            touched.add(r[B_STATUS])
            self._rows[r[B_ID]] = tuple(r)
        self._sort(touched)
        self._distribute(touched)

    def _sort(self, statuses: set[str]) -> None:
        """The rows of these columns in card order (priority, then needed by), kept: a
        keystroke of the search only leaves cards out."""
        cols: dict[str, list[tuple[Any, ...]]] = {st: [] for st in statuses}
        for r in self._rows.values():
            col = cols.get(r[B_STATUS])
            if col is not None:
                col.append(r)
        prio = {"zeer_hoog": 0, "hoog": 1, "normaal": 2, "laag": 3}
        for st, rows in cols.items():
            rows.sort(key=lambda r: (prio.get(r[B_PRIO] or "", 2), r[B_NEEDED] or "~"))
            self._order[st] = rows
            self._texts.pop(st, None)

    def set_filter(self, text: str, region: str = "") -> None:
        """The window's search and region filter. Typed while another view is shown, the
        cards are handed out again when the board is shown (60k cards per keystroke for
        columns nobody sees); a change of rows still hands out its own columns."""
        needle = text.strip().lower()
        if (needle, region) == (self._needle, self._region):
            return
        self._needle, self._region = needle, region
        if not self.isVisible() and self.window().isVisible():
            self._stale = True
            return
        self._distribute()

    def showEvent(self, ev: QShowEvent) -> None:  # noqa: N802
        super().showEvent(ev)
        if self._stale:
            self._distribute()

    def _distribute(self, only: set[str] | None = None) -> None:
        if only is None:
            self._stale = False
        n, reg = self._needle, self._region
        for st, m in self.models.items():
            if only is not None and st not in only:
                continue
            rows = self._order.get(st, [])
            if n:
                rows = [r for r, t in zip(rows, self._column_texts(st)) if n in t]
            if reg:
                rows = [r for r in rows if reg in (r[B_FROM], r[B_TO])]
            cur = self.columns[st].currentIndex()
            cur_id = cur.data(ID_ROLE) if cur.isValid() else None
            m.set_rows(rows)
            self.titles[st].setText(f"{label(st)} ({len(rows)})")
            if cur_id is not None:
                for i, r in enumerate(rows):
                    if r[B_ID] == cur_id:
                        self.columns[st].setCurrentIndex(m.index(i))
                        break

    def status_of(self, eid: str) -> str:
        r = self._rows.get(eid)
        return str(r[B_STATUS]) if r else ""

    def select(self, eid: str) -> None:
        """Select a card and give its column the focus."""
        st = self.status_of(eid)
        if not st:
            return
        m, col = self.models[st], self.columns[st]
        for i in range(m.rowCount()):
            if m.row_tuple(i)[B_ID] == eid:
                col.setCurrentIndex(m.index(i))
                col.setFocus()
                return

    def move_current(self, direction: int, col: _Column | None = None) -> None:
        """Ask to move the current card of ``col`` to the nearest legal status that way."""
        col = col or next((c for c in self.columns.values() if c.hasFocus()), None)
        if col is None:
            return
        idx = col.currentIndex()
        if not idx.isValid():
            return
        model = col.model()
        assert isinstance(model, CardListModel)
        frm = model.status
        order = list(BIJSTAND_ORDER)
        i = order.index(frm)
        rng = range(i + 1, len(order)) if direction > 0 else range(i - 1, -1, -1)
        for j in rng:
            if legal("bijstand", frm, order[j]):
                self.sig_transition_requested.emit(str(idx.data(ID_ROLE)), frm, order[j])
                return

    def focus_neighbour(self, col: _Column, direction: int) -> None:
        order = list(BIJSTAND_ORDER)
        model = col.model()
        assert isinstance(model, CardListModel)
        i = order.index(model.status) + direction
        while 0 <= i < len(order):
            nxt = self.columns[order[i]]
            if self.models[order[i]].rowCount():
                nxt.setFocus()
                if not nxt.currentIndex().isValid():
                    nxt.setCurrentIndex(self.models[order[i]].index(0))
                return
            i += direction

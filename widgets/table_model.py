"""A generic table model over light row tuples, and the proxy that filters and sorts it.

Rows are tuples (one per entity) with the entity id in column 0 of the tuple; the visible
columns are picked from the tuple by :class:`Column`. The model answers only Display, ToolTip,
Foreground and the id role; sorting uses a per-column sort key so the proxy sorts on raw values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One visible column: header text, the tuple position, and how to show the value."""

    header: str
    pos: int
    fmt: Callable[[Any], str] = lambda v: "" if v is None else str(v)
    width: int = 0  # preferred width in pixels (0: stretch/auto)
    color: Callable[[tuple[Any, ...]], Any] | None = None  # QColor or None


class RowTableModel(QAbstractTableModel):
    """Entities as rows of light tuples; refreshed wholesale or per row from change notices.

    ``haystack`` (optional) builds the lower-case text the proxy's filter searches, and
    ``regions`` the region codes a row concerns (for the region filter). ``context``: the
    translation context of headers kept untranslated in a class-level table (marked with
    ``QT_TRANSLATE_NOOP``); they are translated when shown. Without it a header is shown as
    given (already translated by the view that made the column)."""

    def __init__(self, columns: Sequence[Column],
                 haystack: Callable[[tuple[Any, ...]], str] | None = None,
                 regions: Callable[[tuple[Any, ...]], Sequence[str]] | None = None,
                 parent: Any = None, context: str = "") -> None:
        super().__init__(parent)
        self._cols = list(columns)
        self._context = context
        self._rows: list[tuple[Any, ...]] = []
        self._pos: dict[str, int] = {}
        self._hay_fn = haystack or (lambda r: " ".join(str(x) for x in r[1:] if x).lower())
        self._reg_fn = regions or (lambda r: ())
        self._hay: list[str] = []
        self._regs: list[frozenset[str]] = []

    # -- loading -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Replace every row (a full reload)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def upsert(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Update rows that exist, append the new ones (in one insert batch)."""
        new: list[tuple[Any, ...]] = []
        last = len(self._cols) - 1
        for r in rows:
            i = self._pos.get(r[0])
            if i is None:
                new.append(r)
                continue
            self._rows[i] = r
            self._hay[i] = self._hay_fn(r)
            self._regs[i] = frozenset(self._reg_fn(r))
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        if new:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            self._rows.extend(new)
            for k, r in enumerate(new, start):
                self._pos[r[0]] = k
                self._hay.append(self._hay_fn(r))
                self._regs.append(frozenset(self._reg_fn(r)))
            self.endInsertRows()

    def _reindex(self) -> None:
        self._pos = {r[0]: i for i, r in enumerate(self._rows)}
        self._hay = [self._hay_fn(r) for r in self._rows]
        self._regs = [frozenset(self._reg_fn(r)) for r in self._rows]

    # -- access --------------------------------------------------------------------------------

    def row_tuple(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]

    def row_of(self, entity_id: str) -> int:
        return self._pos.get(entity_id, -1)

    def haystack(self, row: int) -> str:
        return self._hay[row]

    def regions(self, row: int) -> frozenset[str]:
        return self._regs[row]

    def ids(self) -> list[str]:
        return [r[0] for r in self._rows]

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cols)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._cols)):
            header = self._cols[section].header
            return QCoreApplication.translate(self._context, header) if self._context else header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        c = self._cols[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return c.fmt(r[c.pos])
        if role == SORT_ROLE:
            v = r[c.pos]
            return "" if v is None else v
        if role == ID_ROLE:
            return r[0]
        if role == Qt.ItemDataRole.ForegroundRole and c.color is not None:
            return c.color(r)
        return None


class FilterProxy(QSortFilterProxyModel):
    """Filters a :class:`RowTableModel` by free text and region, and sorts on raw values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._region = ""
        self._extra: Callable[[tuple[Any, ...]], bool] | None = None
        self.setSortRole(SORT_ROLE)

    def set_filter(self, text: str, region: str = "") -> None:
        """Show rows whose text contains ``text`` (any case) and that concern ``region``."""
        text = text.strip().lower()
        if (text, region) == (self._needle, self._region):
            return
        self.beginFilterChange()
        self._needle, self._region = text, region
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, fn: Callable[[tuple[Any, ...]], bool] | None) -> None:
        """An extra condition on the row tuple (None: none)."""
        self.beginFilterChange()
        self._extra = fn
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        m = self.sourceModel()
        assert isinstance(m, RowTableModel)
        if self._needle and self._needle not in m.haystack(source_row):
            return False
        if self._region and self._region not in m.regions(source_row):
            return False
        if self._extra is not None and not self._extra(m.row_tuple(source_row)):
            return False
        return True

    def id_at(self, row: int) -> str:
        return str(self.index(row, 0).data(ID_ROLE))

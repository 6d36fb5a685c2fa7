"""Every item model under QAbstractItemModelTester, plus the journal's fast filter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from widgets.bijstand_board import CardListModel, still_open
from widgets.comms_matrix import CommsMatrixModel
from widgets.journal import JournalData, JournalModel
from widgets.table_model import ID_ROLE, SORT_ROLE, Column, FilterProxy, RowTableModel

MODE = QAbstractItemModelTester.FailureReportingMode.Fatal


def _journal_rows(n: int) -> list[tuple[Any, ...]]:
    chans = ("C2000", "NCV", "DARES", "koerier")
    return [(f"01a203f4-3677-7a59-8d76-{i:012x}", 1_700_000_000 + i * 60, chans[i % 4], "in",
             "VNOG" if i % 3 == 0 else "CaCo MKON", "KCR2",
             f"bericht {i} over mast {'Apeldoorn' if i % 5 == 0 else 'Epe'}", i % 7 == 0,
             None, "OL") for i in range(n)]


def test_row_table_model_and_proxy(qapp: Any) -> None:
    m = RowTableModel([Column("Titel", 1), Column("Status", 2)],
                      regions=lambda r: r[3])
    QAbstractItemModelTester(m, MODE)
    p = FilterProxy()
    p.setSourceModel(m)
    QAbstractItemModelTester(p, MODE)
    m.set_rows([("a", "Brand Epe", "actief", ("VR06",)), ("b", "Hoogwater", "gemeld", ("VR08",))])
    m.upsert([("b", "Hoogwater Waal", "actief", ("VR08",)), ("c", "Gaslek", "beheerst", ("VR18",))])
    assert m.rowCount() == 3 and m.index(1, 0).data() == "Hoogwater Waal"
    p.set_filter("waal")
    assert p.rowCount() == 1 and p.id_at(0) == "b"
    p.set_filter("", "VR18")
    assert p.rowCount() == 1 and p.id_at(0) == "c"
    p.set_filter("")
    p.sort(0, Qt.SortOrder.AscendingOrder)
    assert [p.index(r, 0).data() for r in range(3)] == ["Brand Epe", "Gaslek", "Hoogwater Waal"]


def test_journal_model_filter_sort_and_add(qapp: Any) -> None:
    m = JournalModel()
    QAbstractItemModelTester(m, MODE)
    m.set_rows(_journal_rows(500))
    assert m.rowCount() == 500
    assert "bericht 499" in m.index(0, 5).data()  # newest first
    m.set_filter("mast apel")
    assert m.rowCount() == 100
    m.set_filter("mast apeldoorn")  # narrowing keeps the same answer
    assert m.rowCount() == 100
    m.set_filter("mast")  # widening recomputes
    assert m.rowCount() == 500
    m.set_filter("", region="VR06")  # VNOG named in 'van'
    assert m.rowCount() == 167
    m.set_filter("", region="", key_only=True)
    assert m.rowCount() == len([i for i in range(500) if i % 7 == 0])
    m.set_filter("", key_only=False)
    m.sort(1, Qt.SortOrder.AscendingOrder)
    assert m.index(0, 1).data() == "C2000"
    m.sort(0, Qt.SortOrder.DescendingOrder)
    m.add_rows(_journal_rows(501)[500:])
    assert m.rowCount() == 501 and "bericht 500" in m.index(0, 5).data()
    m.add_rows(_journal_rows(501)[:3])  # lines it already has (a reload that crossed a full load)
    assert m.rowCount() == 501
    assert m.id_at(0).endswith(f"{500:012x}")


def test_journal_data_sorts_columns_together() -> None:
    d = JournalData()
    rows = _journal_rows(50)
    d.add(rows[1::2] + list(reversed(rows[::2])))  # (not in any order)
    d.add([("not-a-uuid", 1_600_000_000, "NCV", "uit", "a", "b", "oud", False, None, None)])
    d.sort_newest_first()
    assert d.rows[0][0] == rows[-1][0]
    assert d.rows[len(d) - 1][0] == "not-a-uuid" and d.rows[len(d) - 1][6] == "oud"
    # every line keeps its own id (the ids are moved as 16-byte records)
    assert [(r[0], r[1], r[6]) for r in d.rows[:len(d) - 1]] == [
        (r[0], r[1], r[6]) for r in reversed(rows)]


def test_card_list_model(qapp: Any) -> None:
    m = CardListModel("ingediend")
    QAbstractItemModelTester(m, MODE)
    row = ("x", "ingediend", "VR06", "KCR2", "12× Aggregaten", 12, 7, "aggregaten", "hoog",
           None, "", None)
    m.set_rows([row])
    assert still_open(row) == 5
    assert "open 5" in m.index(0).data()
    md = m.mimeData([m.index(0)])
    assert CardListModel("in_behandeling").canDropMimeData(md, Qt.DropAction.MoveAction, -1, -1,
                                                           m.index(-1))
    assert not CardListModel("ingezet").canDropMimeData(md, Qt.DropAction.MoveAction, -1, -1,
                                                        m.index(-1))


def test_comms_matrix_model(qapp: Any) -> None:
    m = CommsMatrixModel()
    QAbstractItemModelTester(m, MODE)
    m.set_cells([("VR06", "C2000", "uitgevallen", "2026-11-22T10:00:00Z", "accu leeg"),
                 ("VR06", "NCV", "operationeel", "2026-11-22T10:00:00Z", ""),
                 ("VR09", "C2000", "verstoord", "2026-11-22T10:00:00Z", ""),
                 ("VR01", "LCMS", "operationeel", "2026-11-22T10:00:00Z", "")])
    # the eleven matrix channels (112, eOCS, P2000, internet and NL-Alert among them) plus LCMS
    assert m.columnCount() == 12
    assert m.worst_by_region() == {"VR06": "alert", "VR09": "warn", "VR01": "ok"}
    # a short word in the cell (1366 px), the whole state and the region in the tooltip
    cell = m.index(m.regions.index("VR06"), 0)
    assert cell.data() == "uit"
    assert "Uitgevallen sinds" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert m.headerData(cell.row(), Qt.Orientation.Vertical) == "VNOG"
    assert "Noord- en Oost-Gelderland" in m.headerData(cell.row(), Qt.Orientation.Vertical,
                                             Qt.ItemDataRole.ToolTipRole)
    m.set_region_filter("VR09")
    assert m.rowCount() == 1


@pytest.mark.parametrize("n", [100_000])
def test_journal_filter_keystrokes_on_a_big_journal(qapp: Any, n: int) -> None:
    """Typing a filter one key at a time (the narrowing path) on a big journal shows, after
    every key, exactly the matching lines, newest first. (Its speed, 50 ms per keystroke, is
    measured in bench/ui.py, not asserted here.)"""
    m = JournalModel()
    m.set_rows(_journal_rows(n))
    every = [f"01a203f4-3677-7a59-8d76-{i:012x}" for i in reversed(range(n))]
    apeldoorn = [f"01a203f4-3677-7a59-8d76-{i:012x}" for i in reversed(range(0, n, 5))]
    needle = "mast apeldoorn"
    for i in range(1, len(needle) + 1):
        m.set_filter(needle[:i])
        want = every if len(needle[:i].strip()) <= 4 else apeldoorn  # "m" … "mast " match all
        assert m.rowCount() == len(want), needle[:i]
        assert [m.id_at(r) for r in (0, 1, m.rowCount() - 1)] == [want[0], want[1], want[-1]]
    assert [m.id_at(r) for r in range(m.rowCount())] == apeldoorn
    m.set_filter("mast apeldoornx")
    assert m.rowCount() == 0
    m.set_filter("")  # widening again: everything, in the same order
    assert m.rowCount() == n and m.id_at(0) == every[0] and m.id_at(n - 1) == every[-1]


def _order(p: Any) -> list[str]:
    return [p.index(r, 0).data(ID_ROLE) for r in range(p.rowCount())]


def _values(p: Any, col: int) -> list[Any]:
    return [p.index(r, col).data(SORT_ROLE) for r in range(p.rowCount())]


def _sorted_once(rows: list[tuple[Any, ...]], col: int, order: Qt.SortOrder) -> list[str]:
    """The order of ``rows`` loaded into a new model that is sorted once."""
    m = RowTableModel([Column("Titel", 1), Column("Status", 2), Column("Bij", 3)])
    p = FilterProxy()
    p.setSourceModel(m)
    p.sort(col, order)
    m.set_rows(rows)
    return _order(p)


def test_model_sort_shows_what_a_sorting_proxy_shows(qapp: Any) -> None:
    """The FilterProxy hands its sort to the model (one key per row): the values come out in
    the order a Qt proxy sorting on the raw values shows them, ties in load order; after
    upserts, a reload or a cleared search the list shows what the rows sorted at once show
    (the proxy keeps the model's order, it never sorts again)."""
    m = RowTableModel([Column("Titel", 1), Column("Status", 2), Column("Bij", 3)])
    QAbstractItemModelTester(m, MODE)
    p = FilterProxy()
    p.setSourceModel(m)
    QAbstractItemModelTester(p, MODE)
    ref = QSortFilterProxyModel()  # what Qt itself would show
    ref.setSortRole(SORT_ROLE)
    ref.setSourceModel(m)
    statuses = ("actief", "gemeld", "beheerst", None)
    rows = [(f"i{i:03d}", f"Incident {(i * 37) % 50}", statuses[i % 4], (i * 7) % 5)
            for i in range(60)]
    m.set_rows(rows)
    for col, order in ((0, Qt.SortOrder.AscendingOrder), (1, Qt.SortOrder.DescendingOrder),
                       (2, Qt.SortOrder.DescendingOrder), (1, Qt.SortOrder.AscendingOrder)):
        p.sort(col, order)
        ref.sort(col, order)
        assert _values(p, col) == _values(ref, col)
        assert p.sortColumn() == -1  # the proxy itself never sorts
        assert _order(p) == _sorted_once(rows, col, order)  # ties in load order
    changed = [("i005", "Incident 99", "actief", 1), ("n1", "Nieuw", "gemeld", 0),
               ("i010", "Incident 0", None, 4)]
    m.upsert(changed)
    now = [{r[0]: r for r in changed}.get(r[0], r) for r in rows] + [changed[1]]
    assert _order(p) == _sorted_once(now, 1, Qt.SortOrder.AscendingOrder)
    p.set_filter("incident 1")
    assert _order(p) == [i for i in _sorted_once(now, 1, Qt.SortOrder.AscendingOrder)
                         if "incident 1" in m.haystack(m.row_of(i))]
    p.set_filter("")
    assert _order(p) == _sorted_once(now, 1, Qt.SortOrder.AscendingOrder)
    # sorted before a reload: the reloaded rows in that order
    p.sort(2, Qt.SortOrder.DescendingOrder)
    m.set_rows(list(reversed(rows)))
    assert _order(p) == _sorted_once(list(reversed(rows)), 2, Qt.SortOrder.DescendingOrder)
    p.sort(-1)  # no column: load order
    assert _order(p) == [r[0] for r in reversed(rows)]


def test_model_sort_keeps_the_selection(qapp: Any) -> None:
    """A row selected in a table stays selected when the rows are put in order again."""
    from widgets.common import make_table

    m = RowTableModel([Column("Titel", 1)])
    p = FilterProxy()
    p.setSourceModel(m)
    t = make_table()
    t.setModel(p)
    m.set_rows([("a", "Brand"), ("b", "Aardbeving"), ("c", "Dijk")])
    t.selectRow(2)  # Dijk
    t.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _order(p) == ["b", "a", "c"] and t.currentIndex().data(ID_ROLE) == "c"
    m.upsert([("c", "Aa")])
    assert _order(p) == ["c", "b", "a"] and t.currentIndex().data(ID_ROLE) == "c"

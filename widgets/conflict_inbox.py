"""The conflict inbox: competing values side by side, resolved with one action."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data.domain.enums import label
from data.picture.timefmt import local_hm
from widgets.table_model import Column, FilterProxy, RowTableModel

#: what a conflict is about, as the inbox names it (translated when shown)
KIND_NL = {"incident": QT_TRANSLATE_NOOP("ConflictInbox", "incident"),
           "bijstand": QT_TRANSLATE_NOOP("ConflictInbox", "bijstand"),
           "action": QT_TRANSLATE_NOOP("ConflictInbox", "actie"),
           "decision": QT_TRANSLATE_NOOP("ConflictInbox", "besluit"),
           "session": QT_TRANSLATE_NOOP("ConflictInbox", "IRBT-sessie")}
# tuple: id, entity, kind, title, found, wanted, origin, author, at, reason
C_ID, C_ENT, C_KIND, C_TITLE, C_FOUND, C_WANTED, C_ORIGIN, C_AUTHOR, C_AT, C_REASON = range(10)


def conflict_tuple(c: dict[str, Any]) -> tuple[Any, ...]:
    return (c["id"], c["entity"], c["kind"], c["title"], c["found"], c["wanted"], c["origin"],
            c["author"], c["at"], c["reason"])


class ConflictInbox(QWidget):
    """Open conflicts in a table; the selected one shown as 'kept' against 'wanted'.

    Keys: B keeps the current value, T applies the competing one (after selecting a row)."""

    sig_resolve = Signal(str, str, str, str)
    """Resolve a conflict: (entity id, conflict id, 'behouden' or 'toepassen', note)."""
    sig_selected = Signal(str)
    """A conflict was selected: its entity id (the window loads the entity for context)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel([
            Column(self.tr("Wanneer"), C_AT, local_hm),
            Column(self.tr("Soort"), C_KIND, self._kind),
            Column(self.tr("Onderwerp"), C_TITLE),
            Column(self.tr("Huidig"), C_FOUND, lambda v: label(v or "")),
            Column(self.tr("Gewenst"), C_WANTED, lambda v: label(v or "")),
            Column(self.tr("Van"), C_ORIGIN),
        ], parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        for i, w in enumerate((150, 100, 340, 150, 150)):
            self.table.setColumnWidth(i, w)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        self.title = QLabel(self.tr("Kies een conflict"))
        self.title.setObjectName("ViewTitle")
        self.title.setWordWrap(True)
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        dl.addWidget(self.title)
        dl.addWidget(self.reason)
        sides = QHBoxLayout()
        self.kept_box, self.kept = self._side(self.tr("Huidige waarde — behouden"))
        self.wanted_box, self.wanted = self._side(self.tr("Concurrerende waarde — toepassen"))
        sides.addWidget(self.kept_box)
        sides.addWidget(self.wanted_box)
        dl.addLayout(sides)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("toelichting (optioneel)"))
        dl.addWidget(self.note)
        btns = QHBoxLayout()
        self.keep_btn = QPushButton(self.tr("Huidige behouden (B)"))
        self.apply_btn = QPushButton(self.tr("Concurrerende toepassen (T)"))
        self.apply_btn.setProperty("primary", True)
        btns.addWidget(self.keep_btn)
        btns.addWidget(self.apply_btn)
        btns.addStretch(1)
        dl.addLayout(btns)
        self.error = QLabel("")
        self.error.setObjectName("FormError")
        dl.addWidget(self.error)
        dl.addStretch(1)
        self.keep_btn.clicked.connect(lambda: self._resolve("behouden"))
        self.apply_btn.clicked.connect(lambda: self._resolve("toepassen"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([300, 400])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self._current: tuple[Any, ...] | None = None
        self._set_enabled(False)

    def _kind(self, kind: str) -> str:
        return self.tr(KIND_NL[kind]) if kind in KIND_NL else kind

    def _side(self, title: str) -> tuple[QGroupBox, QLabel]:
        box = QGroupBox(title)
        g = QGridLayout(box)
        lab = QLabel("")
        lab.setWordWrap(True)
        lab.setTextFormat(Qt.TextFormat.PlainText)
        g.addWidget(lab, 0, 0)
        return box, lab

    def _set_enabled(self, on: bool) -> None:
        self.keep_btn.setEnabled(on)
        self.apply_btn.setEnabled(on)

    def set_conflicts(self, conflicts: Sequence[dict[str, Any]]) -> None:
        cur = self._current[C_ID] if self._current else None
        self.model.set_rows([conflict_tuple(c) for c in conflicts])
        self._current = None
        self._set_enabled(False)
        if cur is not None and self.model.row_of(cur) >= 0:
            self.select(cur)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.title.setText(self.tr("Geen tegenstrijdige wijzigingen"))
            self.reason.setText("")
            self.kept.setText("")
            self.wanted.setText("")

    def set_filter(self, text: str, region: str = "") -> None:
        self.proxy.set_filter(text)

    def select(self, conflict_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.id_at(r) == conflict_id:
                self.table.selectRow(r)
                return

    def _on_row(self, cur: Any, _prev: Any) -> None:
        if not cur.isValid():
            return
        src = self.proxy.mapToSource(cur)
        t = self.model.row_tuple(src.row())
        self._current = t
        self.title.setText(f"{self._kind(t[C_KIND])}: {t[C_TITLE]}")
        self.reason.setText(t[C_REASON])
        self.kept.setText(self.tr("Status: {0}").format(label(t[C_FOUND] or "?")))
        self.wanted.setText(self.tr("Status: {0}\nvan {1} ({2})\nop {3}").format(
            label(t[C_WANTED] or "?"), t[C_AUTHOR], t[C_ORIGIN], local_hm(t[C_AT])))
        self.error.setText("")
        self._set_enabled(True)
        self.sig_selected.emit(t[C_ENT])

    def set_context(self, entity_state: dict[str, Any] | None) -> None:
        """Who set the current value and when (from the entity's history)."""
        if not entity_state or not self._current:
            return
        found = self._current[C_FOUND]
        for h in reversed(entity_state.get("history", [])):
            if h.get("to") == found:
                self.kept.setText(self.tr("Status: {0}\nvan {1} ({2})\nop {3}").format(
                    label(found or "?"), h.get("by", "?"), h.get("origin", "?"),
                    local_hm(h.get("at"))))
                return

    def _resolve(self, choice: str) -> None:
        if not self._current:
            return
        self._set_enabled(False)
        self.sig_resolve.emit(self._current[C_ENT], self._current[C_ID], choice,
                              self.note.text().strip())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self._set_enabled(True)

    def keyPressEvent(self, ev: Any) -> None:  # noqa: N802
        if ev.key() == Qt.Key.Key_B and not self.note.hasFocus():
            self._resolve("behouden")
            return
        if ev.key() == Qt.Key.Key_T and not self.note.hasFocus():
            self._resolve("toepassen")
            return
        super().keyPressEvent(ev)

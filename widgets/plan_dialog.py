"""The improvement plan of an exercise in the trainer's console: the rows kept so far and a
form for the next one (issue, corrective action, owner, due date, objective).

The dialog only shows and asks; the pane keeps a row beside the control store
(:func:`data.scenario.judgement.add_plan_item`) and calls :meth:`PlanDialog.kept` or
:meth:`PlanDialog.refused` with the store's answer, so the form keeps what was typed when a row
is refused.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class PlanDialog(QDialog):
    """The improvement plan: a table of the rows kept and a form to add one."""

    sig_add = Signal(str, str, str, str, str)
    """Add a row: issue, action, owner, due date (YYYY-MM-DD), objective id ("" for none)."""

    COLUMNS = (QT_TRANSLATE_NOOP("PlanDialog", "probleem"),
               QT_TRANSLATE_NOOP("PlanDialog", "verbeteractie"),
               QT_TRANSLATE_NOOP("PlanDialog", "eigenaar (functie)"),
               QT_TRANSLATE_NOOP("PlanDialog", "gereed"),
               QT_TRANSLATE_NOOP("PlanDialog", "doel"))

    def __init__(self, objectives: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlanDialog")
        self.setWindowTitle(self.tr("Verbeterplan"))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.issue = QLineEdit()
        self.issue.setPlaceholderText(self.tr("wat ging er mis, of wat kan beter"))
        self.action = QPlainTextEdit()
        self.action.setPlaceholderText(self.tr("wat wordt er gedaan"))
        self.action.setFixedHeight(60)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("bv. Hoofd informatie VNOG"))
        self.due = QDateEdit(QDate.currentDate().addDays(30))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd-MM-yyyy")
        self.objective = QComboBox()
        self.objective.addItem(self.tr("(geen doel)"), "")
        for oid, title in objectives:
            self.objective.addItem(f"{oid} — {title}" if title and title != oid else oid, oid)
        self.message = QLabel()
        self.message.setObjectName("FormMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Probleem"), self.issue)
        form.addRow(self.tr("Verbeteractie"), self.action)
        form.addRow(self.tr("Eigenaar"), self.owner)
        form.addRow(self.tr("Gereed op"), self.due)
        form.addRow(self.tr("Doel"), self.objective)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add = buttons.addButton(self.tr("Toevoegen"), QDialogButtonBox.ButtonRole.ActionRole)
        self.add.clicked.connect(self._add)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(760, 520)

    def show_plan(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        """The rows kept so far (issue, action, owner, due, objective), in order."""
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _add(self) -> None:
        self.sig_add.emit(self.issue.text().strip(), self.action.toPlainText().strip(),
                          self.owner.text().strip(), self.due.date().toString("yyyy-MM-dd"),
                          str(self.objective.currentData() or ""))

    def kept(self) -> None:
        """The row was kept: clear the form for the next one."""
        self.issue.clear()
        self.action.clear()
        self.message.setText(self.tr("toegevoegd aan het verbeterplan"))
        self.issue.setFocus()

    def refused(self, why: str) -> None:
        """The row was not kept: say why and keep what was typed."""
        self.message.setText(why)

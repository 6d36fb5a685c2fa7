"""Preview of an MSEL spreadsheet before its injects are added to a running exercise: every
row as it will be imported, the notices of the reader, and *Toevoegen* / *Annuleren*."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from widgets.table_model import Column, RowTableModel


class MselPreview(QDialog):
    """``rows``: (id, scenario time text, from, to, message) per inject; ``notices``: what the
    reader wants the trainer to know (extra columns kept, the T0 it used)."""

    # headers translated when shown (the model's context is this class)
    COLUMNS = (Column(QT_TRANSLATE_NOOP("MselPreview", "inject"), 1, width=70),
               Column(QT_TRANSLATE_NOOP("MselPreview", "tijd"), 2, width=80),
               Column(QT_TRANSLATE_NOOP("MselPreview", "van"), 3, width=120),
               Column(QT_TRANSLATE_NOOP("MselPreview", "aan"), 4, width=120),
               Column(QT_TRANSLATE_NOOP("MselPreview", "bericht"), 5))

    def __init__(self, source: str, rows: list[tuple[Any, ...]], notices: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MSEL inlezen — voorbeeld"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("{0}: %n injects worden toegevoegd aan de oefening", "",
                                     len(rows)).format(source)))
        self.model = RowTableModel(self.COLUMNS, parent=self, context="MselPreview")
        self.model.set_rows([(r[0], *r) for r in rows])
        table = QTableView()
        table.setModel(self.model)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        lay.addWidget(table, 1)
        self.notices = QLabel("\n".join(notices))
        self.notices.setWordWrap(True)
        self.notices.setVisible(bool(notices))
        lay.addWidget(self.notices)
        buttons = QDialogButtonBox()
        self.add = buttons.addButton(self.tr("Toevoegen"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(760, 420)

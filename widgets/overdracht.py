"""Overdracht: what changed since the start of a shift, as the next coordinator reads it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from widgets.terugkijken import AXES, axis_text

_LOCAL = QTimeZone(b"Europe/Amsterdam")


def _to_qt(iso: str) -> QDateTime:
    dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return QDateTime.fromSecsSinceEpoch(int(dt.timestamp()), _LOCAL)


def _from_qt(q: QDateTime) -> str:
    return datetime.fromtimestamp(q.toSecsSinceEpoch(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class OverdrachtDialog(QDialog):
    """Choose the start of the shift (and its end: now); the handover appears below."""

    sig_make = Signal(str, str, str)
    """Make the handover: (from, to as ISO UTC, axis)."""
    sig_save = Signal(str)
    """Save this Markdown to a file."""

    def __init__(self, start: str, end: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Overdracht — wat veranderde sinds begin dienst"))
        self.frm = QDateTimeEdit(_to_qt(start))
        self.to = QDateTimeEdit(_to_qt(end))
        for e in (self.frm, self.to):
            e.setDisplayFormat("dd-MM-yyyy HH:mm")
            e.setCalendarPopup(True)
            e.setTimeZone(_LOCAL)
        self.axis = QComboBox()
        for text, value in AXES:
            self.axis.addItem(axis_text(text), value)
        self.make_button = QPushButton(self.tr("Maak overdracht"))
        self.save_button = QPushButton(self.tr("Opslaan als Markdown…"))
        self.save_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.message = QLabel("")
        self.message.setObjectName("Muted")
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.markdown = ""
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Begin dienst")))
        top.addWidget(self.frm)
        top.addWidget(QLabel(self.tr("tot")))
        top.addWidget(self.to)
        top.addWidget(self.axis)
        top.addWidget(self.make_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.text, 1)
        lay.addLayout(bottom)
        self.make_button.clicked.connect(self.make)
        self.save_button.clicked.connect(lambda: self.sig_save.emit(self.markdown))
        self.close_button.clicked.connect(self.close)
        self.resize(900, 700)

    def make(self) -> None:
        self.sig_make.emit(_from_qt(self.frm.dateTime()), _from_qt(self.to.dateTime()),
                           str(self.axis.currentData()))

    def set_busy(self) -> None:
        self.message.setText(self.tr("overdracht maken…"))
        self.make_button.setEnabled(False)

    def set_markdown(self, text: str) -> None:
        self.markdown = text
        self.text.setMarkdown(text)
        self.message.setText("")
        self.make_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.make_button.setEnabled(True)

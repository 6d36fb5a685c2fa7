"""People on duty (issue 16): the sign-in dialog, the header's "in dienst" button and the
Bezetting view (who is on duty where, at every centre)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from data.picture.bezetting import Post
from data.picture.timefmt import LOCAL
from widgets.common import make_table, title_label
from widgets.table_model import Column, FilterProxy, RowTableModel


class SignInDialog(QDialog):
    """Name, function, optional PIN and the post's channels: taking up (or over) a function.
    It stays open until the store accepted the sign-in (the wiring calls ``accept``)."""

    sig_submitted = Signal(dict)
    """The user asked to sign in with these :meth:`values`."""
    sig_end = Signal()
    """The person at this window ends their shift (offered only when they are on duty)."""
    sig_since = Signal(str)
    """Before a handover: show what changed since the shift of this function began."""

    def __init__(self, functions: list[str], centre: str, parent: QWidget | None = None,
                 person: str = "", function: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aanmelden — {0}").format(centre))
        self.name = QLineEdit(person)
        self.name.setPlaceholderText(self.tr("voor- en achternaam"))
        self.function = QComboBox()
        self.function.setEditable(False)
        self.function.addItems(functions)
        if function in functions:
            self.function.setCurrentText(function)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("alleen als de beheerder er een instelde"))
        self.ncv = QLineEdit()
        self.satellite = QLineEdit()
        self.c2000 = QLineEdit()
        self.error = QLabel("")
        self.error.setObjectName("FormError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Naam"), self.name)
        form.addRow(self.tr("Functie"), self.function)
        form.addRow(self.tr("Pincode"), self.pin)
        form.addRow(self.tr("NCV-nummer van de post"), self.ncv)
        form.addRow(self.tr("Satelliettelefoon"), self.satellite)
        form.addRow(self.tr("C2000-gespreksgroep"), self.c2000)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("In dienst"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.since_btn = QPushButton(self.tr("Wat veranderde sinds deze dienst begon?"))
        self.since_btn.setToolTip(self.tr("Bij een overdracht: de vergelijking van het beeld "
                                          "bij het begin van de dienst met nu (Terugkijken)"))
        self.since_btn.clicked.connect(lambda: self.sig_since.emit(self.function.currentText()))
        self.end_btn = self.buttons.addButton(self.tr("Mijn dienst beëindigen"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.end_btn.clicked.connect(self.sig_end.emit)
        self.end_btn.setVisible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Wie neemt hier dienst? Is de functie al bezet, dan is "
                                     "dit de overdracht.")))
        lay.addLayout(form)
        lay.addWidget(self.since_btn)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        """What was filled in (the controller checks it at the store)."""
        return {"person": self.name.text().strip(), "function": self.function.currentText(),
                "pin": self.pin.text().strip() or None, "ncv": self.ncv.text().strip(),
                "satellite": self.satellite.text().strip(), "c2000": self.c2000.text().strip()}

    def _submit(self) -> None:
        self.error.setText("")
        self.sig_submitted.emit(self.values())

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class MarkdownDialog(QDialog):
    """A text to read (Markdown), e.g. the handover's "since the start of my shift"."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = text
        self.view = QTextBrowser()
        self.view.setMarkdown(text)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(close)
        self.resize(640, 520)


class OnDutyButton(QPushButton):
    """The header's line "in dienst: Naam (functie)"; a click opens the sign-in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OnDuty")
        self.setFlat(True)
        # the header must still fit 1200 px: the button takes what is left, elided (the tooltip
        # says it all)
        self.setMinimumWidth(60)
        self.setMaximumWidth(260)
        self.full_text = ""
        self.set_person("")

    def set_person(self, author: str, others: int = 0) -> None:
        """Show who works at this window (``author``) and how many more are on duty here."""
        if not author:
            full = self.tr("niet aangemeld — aanmelden")
        else:
            more = self.tr(" (+{0} in dienst)").format(others) if others else ""
            full = self.tr("in dienst: {0}{1}").format(author, more)
        self.full_text = full
        self._elide()
        self.setToolTip(full + "\n" + self.tr("Klik om aan te melden of een dienst over te "
                                               "nemen"))


    def _elide(self) -> None:
        """Elide to the width the style leaves for the label (the stylesheet's padding and
        border included): a text wider than that is centred and loses its first letters."""
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.text = ""
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(40, room.width() - 8)))

    def resizeEvent(self, ev: Any) -> None:  # noqa: N802
        super().resizeEvent(ev)
        self._elide()

    def sizeHint(self) -> Any:  # noqa: N802
        hint = super().sizeHint()
        hint.setWidth(min(260, self.fontMetrics().horizontalAdvance(self.full_text) + 24))
        return hint


def _since(v: Any) -> str:
    from datetime import datetime

    try:
        t = datetime.fromisoformat(str(v).replace("Z", "+00:00")).astimezone(LOCAL)
    except ValueError:
        return str(v)
    return f"{t:%d-%m %H:%M}"


class BezettingView(QWidget):
    """Per centre, the functions staffed, by whom, since when, and their channels."""

    sig_sign_in = Signal()
    """The user asked to sign in (or take over a function)."""
    sig_end = Signal()
    """The person at this window asked to end their shift (the function is free again)."""

    # headers translated when shown (the model's context is this class)
    COLUMNS = (Column(QT_TRANSLATE_NOOP("BezettingView", "Centrum"), 1, width=160),
               Column(QT_TRANSLATE_NOOP("BezettingView", "Functie"), 2, width=130),
               Column(QT_TRANSLATE_NOOP("BezettingView", "Naam"), 3, width=180),
               Column(QT_TRANSLATE_NOOP("BezettingView", "Sinds"), 4, _since, width=110),
               Column(QT_TRANSLATE_NOOP("BezettingView", "Bereikbaar via"), 5))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel(self.COLUMNS, parent=self, context="BezettingView")
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.sign_in_btn = QPushButton(self.tr("Aanmelden / overnemen"))
        self.sign_in_btn.clicked.connect(self._sign_in)
        self.end_btn = QPushButton(self.tr("Mijn dienst beëindigen"))
        self.end_btn.setToolTip(self.tr("De functie is daarna vrij; wie hier verder werkt, "
                                        "meldt zich opnieuw aan"))
        self.end_btn.clicked.connect(self.sig_end.emit)
        self.end_btn.setVisible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(title_label(self.tr("Bezetting")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_btn)
        buttons.addWidget(self.end_btn)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)

    def _sign_in(self) -> None:
        self.sig_sign_in.emit()

    def set_on_duty(self, author: str) -> None:
        """Offer "end my shift" only to someone on duty at this window (``author``, or "")."""
        self.end_btn.setVisible(bool(author))
        self.end_btn.setToolTip(self.tr("Beëindig de dienst van {0}; de functie is daarna "
                                        "vrij").format(author) if author else "")

    def set_posts(self, posts: list[Post]) -> None:
        """Show the posts (as :func:`data.picture.bezetting.posts` orders them)."""
        self.model.set_rows([(f"{p.centre}:{p.function}", p.centre_name, p.function, p.person,
                              p.since, p.channels) for p in posts])

    def set_filter(self, text: str, region: str = "") -> None:
        self.proxy.set_filter(text)

"""Dialogs for sync: add a hub, manage hubs, share the picture with neighbours (peer hub).

Views only: they collect input and show what the wiring (``desktop/sync_ui.py``) hands them;
the network and the store are never touched here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def _error_label() -> QLabel:
    lab = QLabel("")
    lab.setObjectName("FieldError")
    lab.setWordWrap(True)
    lab.hide()
    return lab


def url_problem(url: str) -> str:
    """A message when ``url`` is not a usable hub address ('' when it is)."""
    if not url:
        return QCoreApplication.translate(
            "AddHubDialog", "vul het adres van de hub in, bv. http://kcr2.example:8750")
    u = urlparse(url)
    if u.scheme not in ("http", "https") or not u.hostname:
        return QCoreApplication.translate(
            "AddHubDialog",
            "gebruik een adres als http://kcr2.example:8750 (met http:// of https://)")
    try:
        u.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return QCoreApplication.translate("AddHubDialog", "het poortnummer klopt niet")
    return ""


class AddHubDialog(QDialog):
    """URL plus a token file or a pasted token; messages next to the fields; a test button."""

    sig_test_requested = Signal(str, str, str)
    """The user asked to test the connection: (url, token file, pasted token)."""

    def __init__(self, known_urls: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hub toevoegen"))
        self.setMinimumWidth(520)
        self._known = {u.rstrip("/") for u in known_urls}
        self.url = QLineEdit()
        self.url.setObjectName("field_url")
        self.url.setPlaceholderText("http://kcr2.example:8750")
        self.name = QLineEdit()
        self.name.setObjectName("field_name")
        self.name.setPlaceholderText(self.tr("bv. KCR2 (optioneel)"))
        self.token_file = QLineEdit()
        self.token_file.setObjectName("field_token_file")
        browse = QPushButton(self.tr("Kies…"))
        browse.clicked.connect(self._browse)
        tf_row = QHBoxLayout()
        tf_row.addWidget(self.token_file, 1)
        tf_row.addWidget(browse)
        self.token = QLineEdit()
        self.token.setObjectName("field_token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("of plak hier het token"))
        self.errors = {k: _error_label() for k in ("url", "token")}
        form = QFormLayout()
        form.addRow(self.tr("Adres"), self.url)
        form.addRow("", self.errors["url"])
        form.addRow(self.tr("Naam"), self.name)
        form.addRow(self.tr("Tokenbestand"), tf_row)
        form.addRow(self.tr("Token"), self.token)
        form.addRow("", self.errors["token"])
        self.test_button = QPushButton(self.tr("Verbinding testen"))
        self.test_button.clicked.connect(self.request_test)
        self.test_result = QLabel("")
        self.test_result.setObjectName("Muted")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Toevoegen"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(test_row)
        lay.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Tokenbestand kiezen"))
        if path:
            self.token_file.setText(path)

    def values(self) -> tuple[str, str, str, str]:
        """(url, name, token file, pasted token), trimmed."""
        return (self.url.text().strip().rstrip("/"), self.name.text().strip(),
                self.token_file.text().strip(), self.token.text().strip())

    def set_error(self, key: str, text: str) -> None:
        lab = self.errors[key]
        lab.setText(text)
        lab.setVisible(bool(text))

    def error_text(self, key: str) -> str:
        return self.errors[key].text() if self.errors[key].isVisible() else ""

    def validate(self) -> bool:
        """Check the fields; messages appear next to them. True when all is well."""
        url, _name, tf, tok = self.values()
        problem = url_problem(url)
        if not problem and url in self._known:
            problem = self.tr("deze hub staat al in de lijst")
        self.set_error("url", problem)
        tproblem = ""
        if tf and tok:
            tproblem = self.tr("kies een tokenbestand óf plak een token, niet beide")
        elif not tf and not tok:
            tproblem = self.tr("kies het tokenbestand dat de hub gaf, of plak het token")
        elif tf and not Path(tf).is_file():
            tproblem = self.tr("tokenbestand {0} bestaat niet").format(tf)
        elif tok and (len(tok) < 16 or any(c.isspace() for c in tok)):
            tproblem = self.tr("dit lijkt geen token (te kort of met spaties)")
        self.set_error("token", tproblem)
        return not problem and not tproblem

    def request_test(self) -> None:
        url, _name, tf, tok = self.values()
        problem = url_problem(url)
        self.set_error("url", problem)
        if problem:
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("testen…"))
        self.sig_test_requested.emit(url, tf, tok)

    def show_test_result(self, ok: bool, text: str) -> None:
        """The wiring's answer to a test: shown beside the button."""
        self.test_button.setEnabled(True)
        self.test_result.setText(("✓ " if ok else "✗ ") + text)
        self.test_result.setProperty("ok", ok)

    def submit(self) -> None:
        if self.validate():
            self.accept()


class HubsDialog(QDialog):
    """The configured hubs with their state; remove one."""

    sig_remove = Signal(str)
    """The user removes a hub: (url)."""
    sig_add = Signal()
    """The user wants to add a hub."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hubs beheren"))
        self.setMinimumWidth(620)
        self.list = QListWidget()
        self.list.setObjectName("HubList")
        self.empty = QLabel(self.tr("Nog geen hubs. Voeg er een toe met ‘Hub toevoegen…’."))
        self.empty.setObjectName("Muted")
        self.remove_button = QPushButton(self.tr("Verwijderen"))
        self.remove_button.clicked.connect(self._remove)
        add = QPushButton(self.tr("Hub toevoegen…"))
        add.clicked.connect(self.sig_add.emit)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)

    def set_hubs(self, rows: Sequence[tuple[str, str]]) -> None:
        """``rows``: (url, text with name, state, cursors, last error)."""
        current = self.selected()
        self.list.clear()
        for url, text in rows:
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, url)
            self.list.addItem(it)
            if url == current:
                self.list.setCurrentItem(it)
        self.empty.setVisible(not rows)
        self.remove_button.setEnabled(bool(rows))

    def selected(self) -> str:
        it = self.list.currentItem()
        return str(it.data(Qt.ItemDataRole.UserRole)) if it is not None else ""

    def _remove(self) -> None:
        url = self.selected()
        if url:
            self.sig_remove.emit(url)


class PeerHubDialog(QDialog):
    """Serve this store as a hub for neighbours: port, start/stop, address, enrol a neighbour."""

    sig_start = Signal(str, int, str, str, bool)
    """Start the peer hub: (host, port, certificate file, key file, plain http allowed)."""
    sig_stop = Signal()
    """Stop the peer hub."""
    sig_enroll = Signal(str)
    """Enrol a neighbour: (node id)."""

    def __init__(self, port: int, local_only: bool, parent: QWidget | None = None,
                 tls: tuple[str, str, bool] = ("", "", False)) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Beeld delen met buren"))
        self.setMinimumWidth(600)
        intro = QLabel(self.tr(
            "Start een hub op de store van dit centrum. Buurcentra synchroniseren ermee zoals "
            "met die van KCR2, bijvoorbeeld als KCR2 onbereikbaar is."))
        intro.setWordWrap(True)
        self.port = QSpinBox()
        self.port.setObjectName("field_port")
        self.port.setRange(1024, 65535)
        self.port.setValue(port)
        self.local_only = QCheckBox(self.tr("alleen op deze computer (127.0.0.1)"))
        self.local_only.setChecked(local_only)
        self.local_only.toggled.connect(self._network_choice)
        self.network = self._network_box(*tls)
        self.start_button = QPushButton(self.tr("Hub starten"))
        self.start_button.clicked.connect(self._start)
        self.stop_button = QPushButton(self.tr("Hub stoppen"))
        self.stop_button.clicked.connect(self.sig_stop.emit)
        self.status = QLabel(self.tr("De hub draait niet."))
        self.status.setObjectName("PeerHubStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.node = QLineEdit()
        self.node.setObjectName("field_node")
        self.node.setPlaceholderText(self.tr("node-id van de buur, bv. vrgz"))
        self.enroll_button = QPushButton(self.tr("Buur aanmelden"))
        self.enroll_button.clicked.connect(self._enroll)
        self.token = QLineEdit()
        self.token.setObjectName("EnrolledToken")
        self.token.setReadOnly(True)
        self.enroll_info = QLabel("")
        self.enroll_info.setWordWrap(True)
        self.enroll_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Poort"), self.port)
        form.addRow("", self.local_only)
        form.addRow("", self.network)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        enrol = QHBoxLayout()
        enrol.addWidget(self.node, 1)
        enrol.addWidget(self.enroll_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.status)
        lay.addWidget(QLabel(self.tr("Een buur aanmelden (het token wordt één keer getoond):")))
        lay.addLayout(enrol)
        lay.addWidget(self.token)
        lay.addWidget(self.enroll_info)
        lay.addWidget(close)
        self.set_running("", "")
        self._network_choice()

    def _network_box(self, cert: str, key: str, insecure: bool) -> QWidget:
        """What a hub that other computers reach needs: a certificate (https), or the explicit
        choice to go without on a trusted network (as ``--onveilig-http`` at the command line)."""
        box = QWidget()
        why = QLabel(self.tr(
            "Voor andere computers is een certificaat nodig (https): zonder gaan tokens en "
            "gebeurtenissen onversleuteld over het netwerk."))
        why.setWordWrap(True)
        self.tls_cert, self.tls_key = QLineEdit(cert), QLineEdit(key)
        self.tls_cert.setObjectName("field_tls_cert")
        self.tls_key.setObjectName("field_tls_key")
        self.insecure = QCheckBox(self.tr("onversleuteld op een vertrouwd netwerk"))
        self.insecure.setChecked(insecure)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(why)
        for label, field, title in (
                (self.tr("Certificaat"), self.tls_cert, self.tr("Certificaat kiezen (PEM)")),
                (self.tr("Sleutel"), self.tls_key, self.tr("Sleutel bij het certificaat "
                                                            "kiezen (PEM)"))):
            browse = QPushButton(self.tr("Kies…"))
            browse.clicked.connect(lambda _=False, f=field, t=title: self._pick(f, t))
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(browse)
            form.addRow(label, row)
        form.addRow(self.insecure)
        return box

    def _pick(self, field: QLineEdit, title: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, title, "", self.tr("PEM-bestanden (*.pem *.crt *.key);;Alle bestanden (*)"))
        if path:
            field.setText(path)

    def _network_choice(self) -> None:
        self.network.setVisible(not self.local_only.isChecked())

    def _start(self) -> None:
        local = self.local_only.isChecked()
        host = "127.0.0.1" if local else "0.0.0.0"
        self.start_button.setEnabled(False)
        self.status.setText(self.tr("starten…"))
        cert = "" if local else self.tls_cert.text().strip()
        key = "" if local else self.tls_key.text().strip()
        self.sig_start.emit(host, self.port.value(), cert, key,
                            not local and self.insecure.isChecked())

    def _enroll(self) -> None:
        self.enroll_button.setEnabled(False)
        self.sig_enroll.emit(self.node.text().strip())

    def set_running(self, address: str, how_to: str, error: str = "") -> None:
        """Show the state: ``address`` '' when stopped; ``how_to`` tells neighbours what to do."""
        running = bool(address)
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.port.setEnabled(not running)
        self.local_only.setEnabled(not running)
        self.network.setEnabled(not running)
        if running:
            self.status.setText(self.tr("De hub draait op {0}\n{1}").format(address, how_to))
        elif error:
            self.status.setText(self.tr("De hub draait niet: {0}").format(error))
        else:
            self.status.setText(self.tr("De hub draait niet."))

    def show_enrolled(self, node: str, token: str, info: str) -> None:
        self.enroll_button.setEnabled(True)
        self.token.setText(token)
        self.enroll_info.setText(info)

    def show_enroll_error(self, text: str) -> None:
        self.enroll_button.setEnabled(True)
        self.token.clear()
        self.enroll_info.setText("✗ " + text)

"""*Hulp → Over Crisisbeeld* and *Hulp → Diagnose opslaan…*."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop import diagnose, places

translate = QCoreApplication.translate


def show_about(parent: QWidget, db: Path | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(translate("HelpDialogs", "Over Crisisbeeld"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(diagnose.about_html(db))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(translate("HelpDialogs", "Sluiten"))
    box.open()
    return box


def save_diagnose(parent: QWidget, db: Path | None) -> Path | None:
    """Ask where, write the zip, and say where it went (or why not)."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    start = str(places.data_dir() / f"crisisbeeld-diagnose-{stamp}.zip")
    dialog = QFileDialog(parent, translate("HelpDialogs", "Diagnose opslaan"), start,
                         translate("HelpDialogs", "Zip-bestand (*.zip)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("zip")
    if not dialog.exec():
        return None
    out = Path(dialog.selectedFiles()[0])
    try:
        diagnose.write_diagnose(out, db)
    except OSError as e:
        QMessageBox.warning(parent, translate("HelpDialogs", "Diagnose opslaan"),
                            translate("HelpDialogs", "Kon {0} niet schrijven: {1}").format(
                                out, e.strerror or str(e)))
        return None
    QMessageBox.information(parent, translate("HelpDialogs", "Diagnose opslaan"),
                            translate("HelpDialogs", "Opgeslagen in {0}. Er staat geen inhoud van "
                                      "het crisisbeeld in, en geen wachtwoorden of sleutels.")
                            .format(out))
    return out

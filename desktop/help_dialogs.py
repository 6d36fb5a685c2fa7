"""*Hulp → Over Crisisbeeld* and *Hulp → Diagnose opslaan…*."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop import diagnose, places
from widgets.common import ReadingDialog

translate = QCoreApplication.translate


def show_about(parent: QWidget, db: Path | None) -> ReadingDialog:
    """The about text scrolls in a dialog that fits the screen (*Sluiten* always in reach)."""
    box = ReadingDialog(translate("HelpDialogs", "Over Crisisbeeld"), diagnose.about_html(db),
                        parent, size=(560, 680))
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

"""The keyboard shortcuts of the main window, as shown by Hulp → Sneltoetsen (F1)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SHORTCUTS = (
    ("Ctrl+1 … Ctrl+9, Ctrl+0", "naar Overzicht … Publiek en schaarste, Bezetting"),
    ("Ctrl+Shift+S", "naar de Oefening (spelleiding)"),
    ("Ctrl+F", "zoeken in alle schermen"),
    ("Ctrl+L", "logboekbericht typen (Enter slaat op)"),
    ("Ctrl+N", "incident melden"),
    ("Ctrl+B", "bijstand aanvragen"),
    ("Ctrl+Shift+I", "IRBT-sessie openen"),
    ("Ctrl+→ / Ctrl+←", "bijstandskaart naar de volgende / vorige status"),
    ("Ctrl+M", "bijstandskaart: alle toegestane statussen"),
    ("B / T", "conflict: huidige behouden / concurrerende toepassen"),
    ("F11 / Esc", "wandweergave aan / uit"),
    ("F5", "nu synchroniseren"),
    ("Ctrl+P", "situatierapport (voorbeeld, opslaan, afdrukken)"),
    ("Ctrl+Shift+T / Esc", "terugkijken naar een eerder moment / terug naar nu"),
    ("Ctrl+Shift+O", "overdracht: wat veranderde sinds begin dienst"),
)


def shortcuts_box(parent: QWidget) -> QMessageBox:
    """Open (non-modal) the table of shortcuts; returns the box."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    rows = "".join(f"<tr><td><b>{k}</b></td><td>{tr(v)}</td></tr>" for k, v in SHORTCUTS)
    box = QMessageBox(QMessageBox.Icon.Information, tr("Sneltoetsen"),
                      f"<table cellpadding='4'>{rows}</table>", parent=parent)
    box.open()
    return box

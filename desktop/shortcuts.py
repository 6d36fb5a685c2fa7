"""The keyboard shortcuts of the main window, as shown by Hulp → Sneltoetsen (F1)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SHORTCUTS = (
    ("Ctrl+1 … Ctrl+9, Ctrl+0",
     QT_TRANSLATE_NOOP("Shortcuts", "naar Overzicht … Publiek en schaarste, Bezetting")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("Shortcuts", "naar de Oefening (spelleiding)")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "zoeken in alle schermen")),
    ("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "logboekbericht typen (Enter slaat op)")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "incident melden")),
    ("Ctrl+B", QT_TRANSLATE_NOOP("Shortcuts", "bijstand aanvragen")),
    ("Ctrl+Shift+I", QT_TRANSLATE_NOOP("Shortcuts", "IRBT-sessie openen")),
    ("Ctrl+→ / Ctrl+←",
     QT_TRANSLATE_NOOP("Shortcuts", "bijstandskaart naar de volgende / vorige status")),
    ("Ctrl+M", QT_TRANSLATE_NOOP("Shortcuts", "bijstandskaart: alle toegestane statussen")),
    ("B / T",
     QT_TRANSLATE_NOOP("Shortcuts", "conflict: huidige behouden / concurrerende toepassen")),
    ("F11 / Esc", QT_TRANSLATE_NOOP("Shortcuts", "wandweergave aan / uit")),
    ("F5", QT_TRANSLATE_NOOP("Shortcuts", "nu synchroniseren")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "situatierapport (voorbeeld, opslaan, afdrukken)")),
    ("Ctrl+Shift+T / Esc",
     QT_TRANSLATE_NOOP("Shortcuts", "terugkijken naar een eerder moment / terug naar nu")),
    ("Ctrl+Shift+O",
     QT_TRANSLATE_NOOP("Shortcuts", "overdracht: wat veranderde sinds begin dienst")),
)


def shortcuts_box(parent: QWidget) -> QMessageBox:
    """Open (non-modal) the table of shortcuts; returns the box."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("Shortcuts", text)

    rows = "".join(f"<tr><td><b>{k}</b></td><td>{tr(v)}</td></tr>" for k, v in SHORTCUTS)
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("Shortcuts", "Sneltoetsen"),
                      f"<table cellpadding='4'>{rows}</table>", parent=parent)
    box.open()
    return box

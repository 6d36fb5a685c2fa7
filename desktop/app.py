"""The application: QApplication and main window on one store."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from data.store import Store


class MainWindow(QMainWindow):
    """The main window (a bare shell until the views land)."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(f"Crisisbeeld — {store.name} ({store.world})")
        self.setCentralWidget(QLabel(f"{store.name}: {store.fingerprint()}"))
        self.resize(1280, 800)


def run_app(db: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    store = Store.open(db)
    win = MainWindow(store)
    win.show()
    rc = app.exec()
    store.close()
    return int(rc)

"""The application: QApplication, theme, error hook and the main window on one store."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from data.clock import default_clock
from data.store import StoreError, default_author, queries
from desktop import activity, errors, language
from desktop.main_window import MainWindow
from desktop.memory import return_freed_memory
from desktop.theme import apply_theme
from widgets import palette


def make_app(lang: str | None = None) -> QApplication:
    """The QApplication (one per process) in the language ``lang`` (default: the one the user
    chose last, see :mod:`desktop.language`), with a legible default font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return_freed_memory()  # (before the first load: see desktop.memory)
        QCoreApplication.setOrganizationName("Crisisbeeld")
        QCoreApplication.setApplicationName("Crisisbeeld")
        app = QApplication(sys.argv[:1])
    language.install(lang or language.remembered())
    f = QFont(app.font())
    f.setPointSize(max(f.pointSize(), 11))
    app.setFont(f)
    return app


def identity(db: Path) -> tuple[str, str]:
    """World and centre name of a store (a short read at start-up, before the window)."""
    if not db.exists():
        raise StoreError(f"{db} bestaat niet; maak eerst een store met 'crisisbeeld init'")
    try:
        ident = queries.identity(str(db))
    except sqlite3.DatabaseError:  # not SQLite, or SQLite without our tables
        raise StoreError(f"{db} is geen Crisisbeeld-store (een ander soort bestand, of "
                         "beschadigd)") from None
    if not ident["world"]:
        raise StoreError(f"{db} is geen Crisisbeeld-store (meta ontbreekt)")
    return ident["world"], ident["name"]


def build_window(db: Path, theme: str = "dark", lang: str | None = None) -> MainWindow:
    app = make_app(lang)
    palette.set_theme(theme)  # the colours the widgets are made with
    world, name = identity(db)
    # the one place that decides the window's clock (the wall clock unless one was set)
    win = MainWindow(db, world, name, theme=theme, author=default_author(),
                     clock=default_clock())
    # the style sheet once the widgets exist: one polish of the whole window, instead of one
    # per widget as it is added (that took half the time of building the window)
    apply_theme(app, theme)
    return win


class _StopAtPaint(QObject):
    """``$CRISISBEELD_STOP_AT_PAINT`` (bench/startup.py, also for the frozen program): the
    epoch seconds of the command; at the window's first paint print the seconds since then and
    the CPU seconds this process used, and stop."""

    def __init__(self, app: QApplication, since: float) -> None:
        super().__init__(app)
        self.app, self.since = app, since

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802
        if ev.type() == QEvent.Type.Paint:
            print(f"eerste tekening {time.time() - self.since:.4f} {time.process_time():.4f}",
                  flush=True)
            self.app.exit(0)
        return False


def _refuse(db: Path, why: StoreError) -> int:
    """A store that cannot be opened: its own message in a plain box (and on stderr), no
    crash dialog, exit code 2."""
    from PySide6.QtWidgets import QMessageBox

    activity.store_refused(db, why)
    print(f"crisisbeeld: {why}", file=sys.stderr)
    QMessageBox.warning(None, QCoreApplication.translate("App", "Store niet geopend"),
                        QCoreApplication.translate(
                            "App", "Crisisbeeld kan deze store niet openen:\n\n{0}").format(why))
    return 2


def run_app(db: Path, theme: str = "dark", lang: str | None = None) -> int:
    app = make_app(lang)
    errors.install()
    from desktop import __version__

    activity.started(db, __version__)
    try:
        win = build_window(db, theme, lang)
    except StoreError as e:
        return _refuse(db, e)
    win.restore_geometry()
    stop_at = os.environ.get("CRISISBEELD_STOP_AT_PAINT", "")
    if stop_at.replace(".", "", 1).isdigit():
        win.installEventFilter(_StopAtPaint(app, float(stop_at)))
    win.show()
    win.start()
    win.people.start(ask=True)  # issue 16: who is on duty here signs in first
    rc = app.exec()
    while win.replaced_by is not None:  # a change of language put a new window in its place
        win = win.replaced_by
    win.shutdown()
    activity.stopped(db)
    return int(rc)

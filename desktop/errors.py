"""One place for errors: a global excepthook that logs to the user log folder and shows one
dialog at a time; background workers report to the same place."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

log = logging.getLogger("crisisbeeld")
_showing = False


#: the log file rotates at this size and keeps this many old files beside it
LOG_BYTES = 5 << 20
LOG_KEEP = 5


def log_dir() -> Path:
    """The user log folder (see desktop.places)."""
    from desktop.places import log_dir as folder

    return folder()


def setup_logging() -> Path:
    path = log_dir() / "crisisbeeld.log"
    for h in [h for h in log.handlers if isinstance(h, logging.FileHandler)
              and Path(h.baseFilename) != path.absolute()]:  # (the log folder changed)
        log.removeHandler(h)
        h.close()
    if not any(isinstance(h, logging.FileHandler) for h in log.handlers):
        from logging.handlers import RotatingFileHandler

        h = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_KEEP,
                                encoding="utf-8")
        h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(h)
        log.setLevel(logging.INFO)
    return path


def report(text: str, title: str = "") -> None:
    """Log an error and show it, unless an error dialog is already open."""
    global _showing
    log.error("%s\n%s", title or "Onverwachte fout", text)
    if _showing:
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        print(text, file=sys.stderr)
        return
    _showing = True
    try:
        from PySide6.QtCore import QCoreApplication

        box = QMessageBox(QMessageBox.Icon.Critical,
                          title or QCoreApplication.translate("Errors", "Onverwachte fout"),
                          QCoreApplication.translate(
                              "Errors", "Er ging iets mis. Het werk dat als opgeslagen is "
                                        "gemeld, is bewaard.\nDetails staan in {0}.").format(
                              log_dir() / "crisisbeeld.log"))
        box.setDetailedText(text)
        box.exec()
    finally:
        _showing = False


def excepthook(etype: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
    report("".join(traceback.format_exception(etype, value, tb)))


def install() -> None:
    setup_logging()
    sys.excepthook = excepthook

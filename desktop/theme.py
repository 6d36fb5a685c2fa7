"""Applying a theme: the QSS of resources/styles plus the widgets' paint colours."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from widgets import palette
from widgets.resources import stylesheet


def apply_theme(app: QApplication, theme: str) -> None:
    palette.set_theme(theme)
    app.setStyleSheet(stylesheet(theme))

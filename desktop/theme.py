"""Applying a theme: the QSS of resources/styles plus the widgets' paint colours."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from widgets import palette
from widgets.resources import stylesheet


def apply_theme(app: QApplication, theme: str) -> None:
    palette.set_theme(theme)
    sheet = stylesheet(theme)
    if app.styleSheet() != sheet:  # (setting it again would polish every widget again)
        app.setStyleSheet(sheet)

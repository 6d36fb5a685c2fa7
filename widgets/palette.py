"""Colours the widgets paint with (map, board cards, matrix cells), per theme.

Calm by default: only what needs attention gets a saturated colour."""

from __future__ import annotations

from PySide6.QtGui import QColor

_DARK = {
    "bg": "#1b1f24", "panel": "#232930", "text": "#e3e6ea", "muted": "#9aa4b0",
    "line": "#39414c", "map_idle": "#2b323a", "map_line": "#56606c", "selected": "#6aa2d8",
    "ok": "#2f5d45", "warn": "#8a6a22", "alert": "#8c2f2f", "unknown": "#3a4049",
    "card": "#262c33", "card_text": "#e3e6ea", "alert_text": "#f59e8b", "warn_text": "#f5c77e",
    "ok_text": "#8fc9a3",
}
_LIGHT = {
    "bg": "#f4f5f7", "panel": "#ffffff", "text": "#1f2933", "muted": "#5b6773",
    "line": "#d5dae1", "map_idle": "#e4e8ed", "map_line": "#8a96a3", "selected": "#2f6fad",
    "ok": "#b9dfc5", "warn": "#f4d58d", "alert": "#f1a7a0", "unknown": "#dde1e6",
    "card": "#ffffff", "card_text": "#1f2933", "alert_text": "#b42318", "warn_text": "#9a5b00",
    "ok_text": "#1f6b3a",
}

_theme = "dark"

#: level of a status value: ok / warn / alert / unknown
LEVELS = {
    "operationeel": "ok", "verstoord": "warn", "uitgevallen": "alert", "onbekend": "unknown",
    "terugvaloptie_actief": "warn", "geen_voorziening": "unknown",
    "gemeld": "warn", "actief": "alert", "beheerst": "warn", "afgeschaald": "ok",
    "beperkt": "warn", "gesloten": "unknown", "gepland": "unknown", "in_opbouw": "warn",
}


def set_theme(theme: str) -> None:
    """Switch the colours returned by :func:`color` ('dark' or 'light')."""
    global _theme
    _theme = theme


def theme() -> str:
    return _theme


def color(name: str) -> QColor:
    """A named colour of the current theme."""
    table = _DARK if _theme == "dark" else _LIGHT
    return QColor(table.get(name, table["text"]))


def level_color(value: str) -> QColor:
    """Colour for a status value by its level (ok/warn/alert/unknown)."""
    return color(LEVELS.get(value, "unknown"))

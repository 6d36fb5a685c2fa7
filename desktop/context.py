"""What the wiring modules share — the store's operations, the picture as loaded, the clock,
the status line — so that commands, sync and the panes never reach into the main window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from data.clock import Clock
from data.picture.overview import PictureState
from desktop.ops import Ops


class PictureCache(QObject):
    """The picture as last loaded (:class:`~data.picture.overview.PictureState`), shared by
    the panes that load it, the Overzicht that sums it up and the forms that offer choices
    from it."""

    sig_changed = Signal()
    """A part of the picture was loaded again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = PictureState()

    def update(self, **parts: Any) -> None:
        """Replace parts of the picture (fields of PictureState) and tell who listens."""
        for name, value in parts.items():
            if not hasattr(self.state, name):
                raise AttributeError(f"PictureState has no part {name!r}")
            setattr(self.state, name, value)
        self.sig_changed.emit()


@dataclass
class Context:
    """One window's shared services (made by the main window, handed to its wiring)."""

    path: Path
    world: str
    author: str
    clock: Clock
    ops: Ops
    picture: PictureCache
    #: the window: parent of dialogs, owner of the menu bar and shortcuts
    window: QMainWindow
    #: show a short message in the status line
    status: Callable[[str], None]
    #: show a view by name ('overzicht', 'incidenten', …)
    navigate: Callable[[str], None]
    #: the region filter in force ('' for none)
    region: Callable[[], str]
    #: Terugkijken is on: the views hold a past picture, live loads and writes wait
    frozen: Callable[[], bool] = lambda: False

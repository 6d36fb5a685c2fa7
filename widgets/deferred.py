"""A stand-in for a widget whose module is slow to import (the plots: pyqtgraph and numpy,
half a second of a cold start), built once the window has painted.

The window paints with the stand-in; on its first paint it asks for the real widget on the
next turn of the event loop, so the plot arrives a moment after the rest of the view instead
of holding back the first paint. A stand-in told to wait (:meth:`build_after`) builds only once
that has happened too (the Overzicht's timeline waits until its tiles are filled). What the
view was told before (the last call of each method) is played back on the real widget when it
exists; after that calls go straight to it.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class Deferred(QWidget):
    """Holds the place of the widget ``build`` makes (importing what it needs when called)."""

    sig_built = Signal(object)
    """The real widget exists (it is passed along) and has been told what the stand-in was."""

    #: the size hints of a pyqtgraph PlotWidget, so that layouts and splitters share out the
    #: space as they will once the plot is there
    HINT, MINIMUM = QSize(600, 480), QSize(68, 68)

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._real: QWidget | None = None
        self._pending: dict[str, tuple[Any, ...]] = {}
        self._asked = False
        self._held = False  # waiting for the signal given to build_after
        self._painted = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._real is not None

    def real(self) -> QWidget:
        """The real widget, built now when it is not there yet."""
        if self._real is None:
            w = self._build()
            self._real = w
            lay = self.layout()
            assert lay is not None
            lay.addWidget(w)
            w.show()  # (a child added to a window already on screen is not shown by itself)
            pending, self._pending = self._pending, {}
            for method, args in pending.items():
                getattr(w, method)(*args)
            self.sig_built.emit(w)
        return self._real

    def sizeHint(self) -> QSize:  # noqa: N802
        return super().sizeHint() if self._real is not None else self.HINT

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return super().minimumSizeHint() if self._real is not None else self.MINIMUM

    def build_after(self, signal: Any) -> None:
        """Build only once ``signal`` has been emitted as well as the stand-in painted (so the
        import does not hold up what that signal waits for)."""
        if self._real is None:
            self._held = True
            signal.connect(self._release)

    def _release(self) -> None:
        self._held = False
        if self._painted:
            self._ask()

    def _ask(self) -> None:
        if self._real is None and not self._asked:
            self._asked = True  # after this paint has reached the screen
            QTimer.singleShot(0, self, self.real)

    def call(self, method: str, *args: Any) -> None:
        """``method(*args)`` on the real widget, or remembered (the last call of each method,
        in the order of the last calls) until it is built."""
        if self._real is not None:
            getattr(self._real, method)(*args)
            return
        self._pending.pop(method, None)
        self._pending[method] = args

    def paintEvent(self, ev: Any) -> None:  # noqa: N802
        super().paintEvent(ev)
        self._painted = True
        if not self._held:
            self._ask()

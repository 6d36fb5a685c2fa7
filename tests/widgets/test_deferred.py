"""A slow-to-import widget (the plots) held by a stand-in until the window has painted: what the
view was told meanwhile reaches the real widget, the last call of each kind, in order."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from widgets.deferred import Deferred


class Real(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []

    def set_a(self, x: int) -> None:
        self.calls.append(("a", x))

    def set_b(self) -> None:
        self.calls.append(("b",))


def test_built_after_the_first_paint_with_the_calls_played_back(qtbot: Any) -> None:
    made: list[Real] = []

    def build() -> QWidget:
        made.append(Real())
        return made[-1]

    d = Deferred(build)
    qtbot.addWidget(d)
    d.call("set_a", 1)
    d.call("set_b")
    d.call("set_a", 2)
    assert not made and not d.built  # nothing is made before it is seen
    assert d.sizeHint() == Deferred.HINT  # a splitter gives it the room the plot will need
    with qtbot.waitSignal(d.sig_built, timeout=5_000):
        d.resize(300, 200)
        d.show()
    assert made[0].calls == [("b",), ("a", 2)]
    assert made[0].parent() is d and made[0].isVisible()
    d.call("set_b")  # straight through once it is there
    assert made[0].calls[-1] == ("b",)
    assert d.real() is made[0] and len(made) == 1


def test_real_builds_on_demand(qtbot: Any) -> None:
    d = Deferred(Real)
    qtbot.addWidget(d)
    d.call("set_a", 7)
    w = d.real()  # (hidden: no paint needed)
    assert isinstance(w, Real) and w.calls == [("a", 7)]


def test_built_after_a_signal_when_told_to_wait(qtbot: Any) -> None:
    """A stand-in told to wait builds neither at its paint nor before the signal, then at once
    (the Overzicht's timeline waits for the tiles: its import does not hold them up)."""
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        ready = Signal()

    made: list[Real] = []

    def build() -> QWidget:
        made.append(Real())
        return made[-1]

    src = Source()
    d = Deferred(build)
    qtbot.addWidget(d)
    d.build_after(src.ready)
    d.call("set_a", 3)
    d.resize(300, 200)
    d.show()
    qtbot.waitExposed(d)
    d.repaint()
    for _ in range(3):  # turns of the event loop in which an unheld stand-in builds
        QApplication.processEvents()
    assert not made and not d.built
    with qtbot.waitSignal(d.sig_built, timeout=5_000):
        src.ready.emit()
    assert made[0].calls == [("a", 3)] and len(made) == 1

"""Qt test fixtures: fail a test that leaves a QThread running or a QTimer active."""

from __future__ import annotations

import weakref
from typing import Any

import pytest
from PySide6.QtCore import QThread, QTimer


@pytest.fixture(autouse=True)
def no_leaked_threads_or_timers(qapp: Any, monkeypatch: pytest.MonkeyPatch):
    """Track every QThread and QTimer started during the test; after it, none may run."""
    started: list[weakref.ref[Any]] = []
    t_start, q_start = QThread.start, QTimer.start

    def thread_start(self: QThread, *a: Any) -> None:
        started.append(weakref.ref(self))
        t_start(self, *a)

    def timer_start(self: QTimer, *a: Any) -> None:
        started.append(weakref.ref(self))
        q_start(self, *a)

    monkeypatch.setattr(QThread, "start", thread_start)
    monkeypatch.setattr(QTimer, "start", timer_start)
    yield
    qapp.processEvents()
    leaks = []
    for ref in started:
        obj = ref()
        if obj is None:
            continue
        try:
            if isinstance(obj, QThread) and obj.isRunning():
                leaks.append(f"QThread {obj.objectName() or obj!r} still running")
            elif isinstance(obj, QTimer) and obj.isActive():
                leaks.append(f"QTimer {obj.objectName() or obj!r} still active "
                             f"(interval {obj.interval()} ms)")
        except RuntimeError:  # the C++ object is gone: not a leak
            continue
    if leaks:
        pytest.fail("leaked: " + "; ".join(leaks))


@pytest.fixture
def window(qtbot: Any, store_factory: Any):
    """A main window on a fresh store with a small picture; closed and its threads ended."""
    from desktop.app import make_app
    from desktop.main_window import MainWindow
    from desktop.theme import apply_theme

    st = store_factory("kcr2", name="KCR2")
    path = st.path
    world, name = st.world, st.name
    st.close()
    apply_theme(make_app(), "dark")
    from pathlib import Path

    win = MainWindow(Path(path), world, name, author="tester")
    qtbot.addWidget(win)
    # every model the window shows runs under the model tester through the whole flow
    from PySide6.QtTest import QAbstractItemModelTester

    mode = QAbstractItemModelTester.FailureReportingMode.Fatal
    models = [win.incidents.model, win.incidents.proxy, win.decisions.sessions,
              win.decisions.s_proxy, win.decisions.decisions, win.decisions.d_proxy,
              win.decisions.actions, win.decisions.a_proxy, win.nsp.model, win.nsp.proxy,
              win.conflicts.model, win.conflicts.proxy, win.journal.model, win.comms.matrix,
              *win.bijstand.board.models.values()]
    win._testers = [QAbstractItemModelTester(m, mode, win) for m in models]  # noqa: SLF001
    with qtbot.waitSignal(win.sig_loaded, timeout=10_000):
        win.show()
        win.start()
    yield win
    if win.commands.dialog is not None:
        win.commands.dialog.close()
    win.shutdown()


@pytest.fixture
def read_store(window: Any):
    """Open the window's store read-only for checks (a fresh connection each call)."""
    from data.store import Store

    opened: list[Any] = []

    def get() -> Any:
        s = Store.open(window.path, readonly=True)
        opened.append(s)
        return s

    yield get
    for s in opened:
        s.close()


def pytest_collection_modifyitems(items: list[Any]) -> None:
    # The offscreen platform plugin warns about size hints for every top-level window it shows;
    # that is the plugin talking, not our code.
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"))

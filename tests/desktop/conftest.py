"""Desktop test fixtures: a main window on a fresh store, a read-only view of its store, and
the shared leak check (tests/qt_support.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.qt_support import no_leaked_threads_or_timers, pytest_collection_modifyitems

__all__ = ["no_leaked_threads_or_timers", "pytest_collection_modifyitems"]


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


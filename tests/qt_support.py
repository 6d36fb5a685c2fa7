"""Qt test support shared by tests/widgets and tests/desktop: fail a test that leaves a QThread
running or a QTimer active, and ignore the offscreen plugin's size-hint chatter."""

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


def pytest_collection_modifyitems(items: list[Any]) -> None:
    # The offscreen platform plugin warns about size hints for every top-level window it shows;
    # that is the plugin talking, not our code.
    for item in items:
        item.add_marker(
            pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"))

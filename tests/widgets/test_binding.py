"""Guards against known-bad Qt binding builds."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    sig_ping = Signal()
    """Emitted by the test."""


def test_signal_emit_keeps_bool_refcounts(qapp: Any) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to True on every ``Signal.emit``; after a
    few hundred emits the interpreter aborts ('bool_dealloc'). pyproject.toml excludes it."""
    o = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(50):
        o.sig_ping.emit()
    assert sys.getrefcount(True) >= before - 5

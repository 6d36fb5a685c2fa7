"""Typed background operations (desktop/ops.py): results and errors come back on the GUI
thread, writes broadcast their Changes, and every lane writes through one Store object."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from data.domain.validation import ValidationError
from data.store import Changes, Command, Store
from desktop.ops import CollectionOp, Lane, Ops, QueryOp, StoreHost


@pytest.fixture
def ops(qtbot: Any, store_factory: Any):
    st = store_factory("kcr2")
    path = Path(st.path)
    st.close()
    o = Ops(path)
    yield o
    o.stop()


def test_query_result_on_the_gui_thread(qtbot: Any, ops: Ops) -> None:
    seen: list[tuple[str, Any]] = []

    def read(st: Store) -> str:
        return f"{threading.current_thread().name}:{st.readonly}"

    QueryOp(ops, read).success(
        lambda r: seen.append((threading.current_thread().name, r))).run_in_background()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0][0] == threading.main_thread().name
    assert seen[0][1].endswith(":True")  # a reading lane: its own read-only connection
    assert not ops.busy()


def test_write_broadcasts_changes_before_success(qtbot: Any, ops: Ops) -> None:
    order: list[str] = []
    ops.sig_changes.connect(lambda ch: order.append(f"changes:{sorted(ch.kinds)}"))

    def write(st: Store) -> Changes:
        return st.execute([Command("journal.logged", {"channel": "NCV", "text": "x"})], "t")

    with qtbot.waitSignal(ops.sig_changes, timeout=10_000):
        CollectionOp(ops, write).success(lambda _c: order.append("success")).run_in_background()
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    assert order == ["changes:['journal']", "success"]


def test_refusal_goes_to_failure_not_to_the_error_place(qtbot: Any, ops: Ops,
                                                        monkeypatch: Any) -> None:
    from desktop import errors

    reported: list[str] = []
    monkeypatch.setattr(errors, "report", lambda text, title="": reported.append(text))
    failed: list[Exception] = []
    CollectionOp(ops, lambda st: st.execute([Command("incident.reported", {})], "t")) \
        .failure(failed.append).run_in_background()
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert isinstance(failed[0], ValidationError) and not reported
    # an unexpected error reaches the failure callback and the one error place
    QueryOp(ops, lambda _st: 1 // 0).failure(failed.append).run_in_background()
    qtbot.waitUntil(lambda: len(failed) == 2 and bool(reported), timeout=10_000)
    assert isinstance(failed[1], ZeroDivisionError) and "ZeroDivisionError" in reported[0]
    with pytest.raises(ValueError):
        CollectionOp(ops, lambda st: None, Lane.READ)


def test_write_and_sync_lanes_share_one_store(qtbot: Any, ops: Ops, store_factory: Any) -> None:
    stores: dict[Lane, int] = {}
    for lane in (Lane.WRITE, Lane.SYNC):
        QueryOp(ops, lambda st: id(st), lane).success(
            lambda r, lane=lane: stores.__setitem__(lane, r)).run_in_background()
    qtbot.waitUntil(lambda: len(stores) == 2, timeout=10_000)
    assert stores[Lane.WRITE] == stores[Lane.SYNC]
    # a second window on the same file in this process gets the same store object
    other = StoreHost(ops.host.path)
    try:
        assert id(other.writable()) == stores[Lane.WRITE]
    finally:
        other.close()
    assert ops.host.writable().event_count() >= 1  # still open for the first window

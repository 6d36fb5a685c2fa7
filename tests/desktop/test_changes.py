"""Each pane decides from a write's Changes what to load again: a journal line loads journal
rows only — not all conflicts and alarms, not the incidents."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from data.store import Changes, Command


@pytest.fixture
def loads(monkeypatch: Any) -> Counter[str]:
    """Count the whole-table loads the panes ask for (wrapping desktop.reads)."""
    from desktop import reads

    seen: Counter[str] = Counter()
    for name in ("conflicts", "alarms", "comms", "bijstand_counts"):
        fn = getattr(reads, name)

        def counted(st: Any, fn: Any = fn, name: str = name) -> Any:
            seen[name] += 1
            return fn(st)

        monkeypatch.setattr(reads, name, counted)
    states = reads.states

    def counted_states(kind: str, ids: Any = None) -> Any:
        seen[f"states:{kind}"] += 1
        return states(kind, ids)

    monkeypatch.setattr(reads, "states", counted_states)
    return seen


def _drain(qtbot: Any, window: Any) -> None:
    """Wait until every load queued so far on the reading lanes has run (FIFO per lane)."""
    from desktop.ops import Lane, QueryOp

    done: list[Lane] = []
    for lane in (Lane.READ, Lane.SLOW):
        QueryOp(window.ops, lambda _st: None, lane).success(
            lambda _r, lane=lane: done.append(lane)).run_in_background()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10_000)


def test_journal_line_loads_only_journal_rows(qtbot: Any, window: Any,
                                              loads: Counter[str]) -> None:
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([Command("journal.logged", {"channel": "NCV", "text": "hallo"})])
    qtbot.waitUntil(lambda: window.journal.model.rowCount() == 1, timeout=10_000)
    _drain(qtbot, window)
    assert not loads, loads  # no conflicts, alarms, incidents … loaded again


def test_changes_reach_only_the_panes_they_touch(qtbot: Any, window: Any,
                                                 loads: Counter[str]) -> None:
    from desktop.ops import received

    window.commands.new_incident()
    dlg = window.commands.dialog
    dlg.form.set_value("title", "Brand Epe")
    dlg.form.set_value("kind", "natuurbrand")
    dlg.form.set_value("regions", "VNOG")
    with qtbot.waitSignal(dlg.finished, timeout=10_000):
        dlg.form.submit()
    qtbot.waitUntil(lambda: window.incidents.proxy.rowCount() == 1, timeout=10_000)
    _drain(qtbot, window)
    assert loads["conflicts"] == 1  # a lifecycle kind: it may raise a conflict
    assert loads["states:incident"] == 1 and loads["alarms"] == 0
    assert loads["comms"] == 0 and loads["states:nsp"] == 0
    # what came in from elsewhere may carry a clock-drift alarm: the header asks
    window.apply_changes(received(Changes(events=["x"], entities={"j1": "journal"})))
    _drain(qtbot, window)
    assert loads["alarms"] == 1 and loads["conflicts"] == 1

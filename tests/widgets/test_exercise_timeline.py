"""The exercise timeline: injects that went out against the players' responses, with a line
from each inject to each of its responses, in scenario minutes."""

from __future__ import annotations

from typing import Any

import pytest

from widgets.exercise_timeline import INJECT_Y, RESPONSE_Y, ExerciseTimeline

CASES = {
    "nothing out yet": ([], 0, [], [], []),
    "one inject, unanswered": ([("I1", 600, [])], 900, [10.0], [], []),
    "two answers to one, one to another": (
        [("I1", 0, [720, 1200]), ("I2", 1200, [1440])], 6000,
        [0.0, 20.0], [12.0, 20.0, 24.0],
        [(0.0, INJECT_Y), (12.0, RESPONSE_Y), (0.0, INJECT_Y), (20.0, RESPONSE_Y),
         (20.0, INJECT_Y), (24.0, RESPONSE_Y)]),
}


@pytest.mark.parametrize("case", CASES)
def test_points(qtbot: Any, case: str) -> None:
    points, now_s, want_i, want_r, want_links = CASES[case]
    w = ExerciseTimeline()
    qtbot.addWidget(w)
    w.set_points([("X", 60, [120])], 0)  # a refresh replaces what was there
    w.set_points(points, now_s)
    assert [float(x) for x in w.injects.data["x"]] == want_i
    assert [float(x) for x in w.responses.data["x"]] == want_r
    lx, ly = w.links.getData()
    assert list(zip([float(x) for x in (lx if lx is not None else [])],
                    [float(y) for y in (ly if ly is not None else [])])) == want_links
    assert [t.toPlainText() for t in w.labels] == [p[0] for p in points]
    assert w.now_line.value() == now_s / 60

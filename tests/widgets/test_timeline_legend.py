"""The Overzicht timeline's legend keeps every kind in sight: as many columns as the width
holds (a 1366 px laptop leaves the timeline about 350 px; four columns were cut off there)."""

from __future__ import annotations

from typing import Any

from widgets.timeline import Timeline


def test_the_legend_takes_as_many_columns_as_fit_and_names_every_kind(qtbot: Any) -> None:
    t = Timeline()
    qtbot.addWidget(t)
    t.set_buckets([("2026-11-26T10", kind, 3) for kind in ("journal", "comms", "bijstand",
                                                              "incident", "decision", "action",
                                                              "irbt", "nsp")])
    t.show()
    for width, cols in ((350, 2), (480, 3), (1000, 4)):
        t.resize(width, 300)
        qtbot.waitUntil(lambda w=width: t.width() == w, timeout=5_000)
        assert t.legend.columnCount == cols, width
        legend_right = t.legend.mapRectToScene(t.legend.boundingRect()).right()
        assert legend_right <= t.plot.sceneRect().right(), width  # nothing cut off

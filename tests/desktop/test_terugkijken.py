"""Terugkijken in the application: the slider moves every view to a past picture, writes are
refused meanwhile, Esc returns to the live picture; the Overdracht shows what changed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from data.clock import FixedClock, set_default_clock
from data.store import Changes, Command, Store
from desktop.commands import FROZEN_MESSAGE


def _open(qtbot: Any, st: Any, clock: FixedClock) -> Any:
    """The store closed and opened in a window on ``clock``, loaded."""
    from desktop.main_window import MainWindow

    path, world, name = st.path, st.world, st.name
    st.close()
    win = MainWindow(Path(path), world, name, author="tester", clock=clock)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_loaded, timeout=10_000):
        win.show()
        win.start()
    return win


def _incident(st: Store, title: str) -> str:
    return next(iter(st.execute(Command("incident.reported", {
        "title": title, "kind": "stroomuitval", "regions": ["VR06"]}), "IM VNOG").entities))


@pytest.fixture
def history_window(qtbot: Any, store_factory: Any):
    """A window on a store whose events happened at known moments (UTC): incident A at 10:00,
    incident B at 12:00, A active at 13:00; the window's now is 14:00."""
    clock = FixedClock("2026-11-21T09:00:00Z")
    set_default_clock(clock)
    try:
        st = store_factory("kcr2", name="KCR2")
        clock.advance(timedelta(hours=1))
        a = _incident(st, "Stroomuitval Apeldoorn")
        clock.advance(timedelta(hours=2))
        _incident(st, "Dijkdoorbraak Zutphen")
        clock.advance(timedelta(hours=1))
        st.execute(Command("incident.status_changed", {"from": "gemeld", "to": "actief"},
                           entity=a), "IM VNOG")
        clock.advance(timedelta(hours=1))
        win = _open(qtbot, st, clock)
        yield win
        if win.terugkijken.overdracht is not None:
            win.terugkijken.overdracht.close()
        win.shutdown()
    finally:
        set_default_clock(None)


def _titles(win: Any) -> list[str]:
    return sorted(win.incidents.model.row_tuple(r)[1]
                  for r in range(win.incidents.model.rowCount()))


def _statuses(win: Any) -> list[str]:
    return sorted(str(t) for t in (win.incidents.model.row_tuple(r)
                                   for r in range(win.incidents.model.rowCount())))


def test_the_slider_moves_the_views_writes_are_refused_and_esc_returns(
        qtbot: Any, history_window: Any) -> None:
    win = history_window
    tk = win.terugkijken
    assert len(_titles(win)) == 2
    with qtbot.waitSignal(tk.sig_shown, timeout=20_000) as shown:
        win.terugkijken.enter("2026-11-21T10:30:00Z")  # 11:30 Dutch time: only A, reported
    assert shown.args[0].at == "2026-11-21T10:30:00Z"
    assert tk.active and win.terugkijken.bar.isVisible()
    assert "TERUGKIJKEN" in tk.bar.banner.text() and "za 21-11 11:30" in tk.bar.banner.text()
    assert "scenariotijd" not in tk.bar.banner.text()  # (LIVE: there is no scenario)
    assert _titles(win) == ["Stroomuitval Apeldoorn"]
    assert win.overview.tiles["incidents"].value.text() == "0"  # A was still 'gemeld'
    assert "2 gebeurtenissen" in win.header.fingerprint.text()

    # the slider: on to after the status change (an advance, not a new seek)
    with qtbot.waitSignal(tk.sig_shown, timeout=20_000):
        tk.bar.set_moment("2026-11-21T13:30:00Z")
    assert _titles(win) == ["Dijkdoorbraak Zutphen", "Stroomuitval Apeldoorn"]
    assert win.overview.tiles["incidents"].value.text() == "1"
    assert tk._seeker.advanced >= 1  # noqa: SLF001
    # and back before everything: an empty picture
    with qtbot.waitSignal(tk.sig_shown, timeout=20_000):
        tk.bar.set_moment("2026-11-21T09:30:00Z")
    assert _titles(win) == []

    # writes are refused with the Dutch message, and nothing reaches the store
    refused: list[Any] = []
    win.execute([Command("incident.reported", {"title": "Nieuw", "kind": "brand",
                                                "regions": ["VR06"]})],
                on_fail=refused.append)
    assert refused == [[("", FROZEN_MESSAGE)]]
    assert win.status_line.text() == FROZEN_MESSAGE
    assert not win.ops.busy()

    # Esc: back to now, the live picture loads again
    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert not tk.active and not tk.bar.isVisible()
    qtbot.waitUntil(lambda: len(_titles(win)) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "4 gebeurtenissen" in win.header.fingerprint.text(),
                    timeout=10_000)
    saved: list[Any] = []
    with qtbot.waitSignal(win.sig_changes_applied, timeout=10_000):
        win.execute([Command("incident.reported", {"title": "Nieuw", "kind": "brand",
                                                    "regions": ["VR06"]})],
                    on_ok=saved.append)
    qtbot.waitUntil(lambda: len(_titles(win)) == 3, timeout=10_000)


def test_the_axis_toggle_and_a_live_load_do_not_overwrite_the_past(
        qtbot: Any, history_window: Any) -> None:
    win = history_window
    tk = win.terugkijken
    with qtbot.waitSignal(tk.sig_shown, timeout=20_000):
        tk.enter("2026-11-21T10:30:00Z")
    assert _titles(win) == ["Stroomuitval Apeldoorn"]
    # a live load (another centre's change arriving) must not put the live picture back
    with qtbot.waitSignal(win.sig_changes_applied, timeout=10_000):
        win.apply_changes(Changes(entities={"x": "incident"}))
    qtbot.waitUntil(lambda: not win.ops.busy(), timeout=10_000)
    assert _titles(win) == ["Stroomuitval Apeldoorn"]
    # the other axis: what this store had received by then (the same here: events were
    # received as they happened)
    with qtbot.waitSignal(tk.sig_shown, timeout=20_000) as shown:
        tk.bar.axis.setCurrentIndex(1)
    assert shown.args[0].axis == "bekend"
    assert "zoals hier bekend" in tk.bar.banner.text()
    assert _titles(win) == ["Stroomuitval Apeldoorn"]


def test_the_overdracht_lists_what_changed_since_the_start_of_the_shift(
        qtbot: Any, history_window: Any) -> None:
    win = history_window
    dlg = win.terugkijken.open_overdracht()  # default: the 12 hours up to the window's now
    qtbot.waitUntil(lambda: bool(dlg.markdown), timeout=20_000)
    text = dlg.markdown
    assert text.startswith("# Overdracht")
    assert "## In het kort" in text
    assert "- incidenten: 2 nieuw" in text
    assert "nieuw: **Dijkdoorbraak Zutphen**" in text
    # a shift that started after B was reported: A's status change is all that happened
    from widgets.overdracht import _to_qt

    dlg.frm.setDateTime(_to_qt("2026-11-21T12:30:00Z"))
    dlg.markdown = ""
    dlg.make()
    qtbot.waitUntil(lambda: bool(dlg.markdown), timeout=20_000)
    assert "- incidenten: 0 nieuw, 1 van status veranderd" in dlg.markdown
    assert "Gemeld → Actief: 1" in dlg.markdown


def test_in_an_exercise_the_banner_says_the_scenario_time_as_the_header_does(
        qtbot: Any, tmp_path: Path) -> None:
    """An exercise's events happen in scenario time, which may run ahead of the wall clock:
    the banner names the moment as T+HH:MM, the way the header's exercise clock does."""
    from desktop.app import build_window
    from desktop.cli_app import build_demo_exercise

    win = build_window(build_demo_exercise(tmp_path / "oefening.db"), "dark")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_loaded, timeout=30_000):
        win.show()
        win.start()
    try:
        qtbot.waitUntil(lambda: "T+" in win.header.scenario.text(), timeout=10_000)
        paused_at = win.header.scenario.text().split("T+")[1].split(" ")[0]  # e.g. 36:00
        with qtbot.waitSignal(win.terugkijken.sig_shown, timeout=30_000):
            win.terugkijken.enter()  # the end of the log: the present of the paused scenario
        assert f"(scenariotijd T+{paused_at})" in win.terugkijken.bar.banner.text()
    finally:
        win.shutdown()


def test_the_map_of_a_past_moment_shows_the_meldplaatsen_there_were_then(
        qtbot: Any, store_factory: Any) -> None:
    clock = FixedClock("2026-11-21T09:00:00Z")
    set_default_clock(clock)
    try:
        st = store_factory("kcr2", name="KCR2")
        clock.advance(timedelta(hours=1))
        _incident(st, "Stroomuitval Apeldoorn")  # 10:00
        clock.advance(timedelta(hours=1))  # 11:00: a request with its meldplaats
        (bid,) = st.execute(Command("bijstand.requested", {
            "requesting_region": "VNOG", "addressed_to": "KCR2",
            "capability": "aggregaten_noodstroom", "quantity": 4,
            "meldplaats": "Kazerne Apeldoorn", "meldplaats_point": "52.23, 5.97"}),
            "IM VNOG").entities
        clock.advance(timedelta(hours=1))
        win = _open(qtbot, st, clock)
        m = win.overview.map
        qtbot.waitUntil(lambda: ("meldplaats", bid) in m.place_items, timeout=10_000)
        tk = win.terugkijken
        with qtbot.waitSignal(tk.sig_shown, timeout=20_000):
            tk.enter("2026-11-21T10:30:00Z")  # before the request
        assert ("meldplaats", bid) not in m.place_items
        with qtbot.waitSignal(tk.sig_shown, timeout=20_000):
            tk.bar.set_moment("2026-11-21T11:30:00Z")
        assert [p.id for p in m.places() if p.kind == "meldplaats"] == [bid]
        assert m.place_items[("meldplaats", bid)].isVisible()
        # opened before the live picture has its bijstand (it stops loading while this is
        # on): the requests with a point are read from the store itself
        tk.leave()
        win.ctx.picture.state.meldplaatsen = []
        with qtbot.waitSignal(tk.sig_shown, timeout=20_000):
            tk.enter("2026-11-21T11:30:00Z")
        assert [p.id for p in m.places() if p.kind == "meldplaats"] == [bid]
        win.shutdown()
    finally:
        set_default_clock(None)

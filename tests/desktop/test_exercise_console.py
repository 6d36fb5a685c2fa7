"""The trainer console (Oefening view) in a window on the control team's store: play, pause,
postpone, send now, an observer note, the evaluation — and the scenario time in the header of
every centre of the exercise, with the console only where the scenario is."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from data.clock import FixedClock
from data.scenario.control import create_exercise
from data.scenario.observations import load_notes
from data.scenario.player import Player
from data.scenario.toml_format import parse
from data.store import Store
from tests.data.test_aar import AAR


@pytest.fixture(autouse=True)
def no_error_dialogs(monkeypatch: pytest.MonkeyPatch):
    """An unexpected error fails the test instead of opening a modal box."""
    from desktop import errors

    seen: list[str] = []
    monkeypatch.setattr(errors, "report", lambda text, title="": seen.append(text))
    yield
    assert not seen, seen[0]


def open_window(qtbot: Any, path: Path, clock: FixedClock) -> Any:
    from desktop.app import identity, make_app
    from desktop.main_window import MainWindow
    from desktop.theme import apply_theme

    apply_theme(make_app(), "dark")
    world, name = identity(path)
    win = MainWindow(path, world, name, author="waarnemer", clock=clock)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_loaded, timeout=10_000):
        win.show()
        win.start()
    return win


@pytest.fixture
def control(qtbot: Any, tmp_path: Path):
    sc, problems = parse(AAR, "aar.toml")
    assert not problems and sc is not None
    db = tmp_path / "sl.db"
    create_exercise(db, "spelleiding", sc, "OEF-TEST-CONSOLE").close()
    clock = FixedClock("2026-11-26T10:00:00Z")
    win = open_window(qtbot, db, clock)
    yield win, clock, db
    win.shutdown()


def rows(win: Any) -> dict[str, tuple[Any, ...]]:
    m = win.exercise.console.injects
    return {m.row_tuple(r)[0]: m.row_tuple(r) for r in range(m.rowCount())}


def status_of(win: Any, iid: str) -> str:
    return str(rows(win).get(iid, ("",) * 4)[3])


def test_console_flows(qtbot: Any, control: Any, tmp_path: Path) -> None:
    win, clock, db = control
    con, pane = win.exercise.console, win.exercise.pane
    win.show_view("oefening")
    assert win.current_view() == "oefening" and con.isVisible()
    qtbot.waitUntil(lambda: len(rows(win)) == 4)
    assert status_of(win, "I1") == "gepland" and not con.pause.isEnabled()

    # play: the clock starts, the inject due at T+0 goes out on the next tick
    qtbot.mouseClick(con.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: con.pause.isEnabled() and pane.clock_pane.running())
    pane.tick()
    qtbot.waitUntil(lambda: status_of(win, "I1") == "verstuurd")
    clock.advance(timedelta(minutes=5))
    win.header.tick()
    assert win.header.scenario.text() == "OEFENING · T+00:05 · ×1 · loopt"
    assert "T+00:05" in con.scenario_time.text()

    # pause
    qtbot.mouseClick(con.pause, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: con.play.isEnabled() and not pane.clock_pane.running())
    clock.advance(timedelta(minutes=30))  # paused: scenario time stands still
    win.header.tick()
    assert win.header.scenario.text() == "OEFENING · T+00:05 · ×1 · gepauzeerd"

    # another speed, chosen while paused
    con.speed.activated.emit(con.speed.findData(10))
    qtbot.waitUntil(lambda: "×10" in win.header.scenario.text())

    # postpone I3: a bad time changes nothing, a good one moves it
    con.select_inject("I3")
    con.postpone_to.setText("morgen")
    qtbot.mouseClick(con.postpone, Qt.MouseButton.LeftButton)
    assert "T+HH:MM" in con.message.text() and status_of(win, "I3") == "gepland"
    con.postpone_to.setText("T+01:45")
    qtbot.mouseClick(con.postpone, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status_of(win, "I3") == "uitgesteld")
    assert rows(win)["I3"][2] == 6300

    # send now: I2 goes out at the current scenario time (T+00:05), not at its own T+00:20
    con.select_inject("I2")
    qtbot.mouseClick(con.send_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status_of(win, "I2") == "verstuurd")
    assert rows(win)["I2"][4] == 300
    con.select_inject("I2")
    assert not con.send_now.isEnabled()  # already out: cannot go twice

    # an observer note, pinned to the selected inject and the scenario time
    qtbot.keyClicks(con.note, "OL reageert niet op C2000")
    qtbot.keyClick(con.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: con.note.text() == "")
    notes = load_notes(db)
    assert [(n.offset_s, n.inject, n.text, n.author) for n in notes] == [
        (300, "I2", "OL reageert niet op C2000", "waarnemer")]

    # expectations per inject, with their state
    def states() -> dict[str, str]:
        m = con.expectations
        return {m.row_tuple(r)[1]: m.row_tuple(r)[3] for r in range(m.rowCount())}

    qtbot.waitUntil(lambda: states() == {"I1": "open", "I2": "open", "I3": "niet verstuurd"})

    # the evaluation: shown in the view, and saved
    qtbot.mouseClick(con.aar_view, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: con.aar.isVisible() and "Evaluatie" in con.aar.toPlainText())
    assert "OL reageert niet op C2000" in con.aar.toPlainText()
    out = tmp_path / "evaluatie.md"
    pane.export_aar(out)
    qtbot.waitUntil(lambda: "opgeslagen" in con.message.text())
    assert "| I2 | T+00:20 | T+00:05 |" in out.read_text("utf-8")
    pane.export_aar(tmp_path / "evaluatie.pdf")
    qtbot.waitUntil(lambda: "kies .md, .html of .xlsx" in con.message.text())


def test_refusals_are_shown_and_change_nothing(qtbot: Any, control: Any) -> None:
    win, clock, db = control
    con = win.exercise.console
    qtbot.waitUntil(lambda: len(rows(win)) == 4)
    con.select_inject("I3")
    con.postpone_to.setText("T+00:00")  # T+0 is now, not to come
    qtbot.mouseClick(con.postpone, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nog moet komen" in con.message.text())
    assert status_of(win, "I3") == "gepland"
    st = Store.open(db, readonly=True)
    try:
        assert not [e for e in st.iter_events() if e.type.startswith("exercise.")]
    finally:
        st.close()


def test_player_centre_has_the_clock_but_no_console(qtbot: Any, tmp_path: Path) -> None:
    sc, _ = parse(AAR, "aar.toml")
    assert sc is not None
    clock = FixedClock("2026-11-26T10:00:00Z")
    st = create_exercise(tmp_path / "sl.db", "spelleiding", sc, "OEF-TEST-CONSOLE")
    pl = Player(st, sc, clock)
    pl.start(speed=4)
    player = Store.create(tmp_path / "p.db", "vnog", st.world, "VNOG")
    player.ingest([e.to_wire() for e in st.iter_events()])
    player.close()
    st.close()
    clock.advance(timedelta(minutes=15))
    win = open_window(qtbot, tmp_path / "p.db", clock)
    try:
        qtbot.waitUntil(lambda: win.header.scenario.text() == "OEFENING · T+01:00 · ×4 · loopt")
        assert win.exercise.console is None and "oefening" not in win.views
    finally:
        win.shutdown()


def test_live_world_has_neither(window: Any) -> None:
    assert window.exercise.clock is None and window.exercise.console is None
    assert window.header.scenario.isHidden()


def test_console_judges_an_expectation(qtbot: Any, control: Any) -> None:
    """The control team overrides an automatic match from the expectations list; the verdict
    is kept beside the store and shown beside the automatic state."""
    from data.scenario.judgement import judgement_path, load_judgement

    win, clock, db = control
    con, pane = win.exercise.console, win.exercise.pane
    win.show_view("oefening")
    qtbot.waitUntil(lambda: len(rows(win)) == 4)
    m = con.expectations
    qtbot.waitUntil(lambda: m.rowCount() == 3)
    # nothing chosen: a message, nothing kept
    con.x_table.clearSelection()
    con.x_table.setCurrentIndex(m.index(-1, -1))
    qtbot.mouseClick(con.judge, Qt.MouseButton.LeftButton)
    assert "Kies eerst een verwachting" in con.message.text()
    assert not judgement_path(db).exists()

    qtbot.mouseClick(con.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.clock_pane.running())
    pane.tick()
    qtbot.waitUntil(lambda: status_of(win, "I1") == "verstuurd")
    clock.advance(timedelta(minutes=20))  # past I1's window: automatically gemist
    pane.load_review()

    def row(iid: str) -> tuple[Any, ...]:
        return next(m.row_tuple(r) for r in range(m.rowCount()) if m.row_tuple(r)[1] == iid)

    qtbot.waitUntil(lambda: row("I1")[3] == "gemist")
    con.select_expectation("I1", 1)
    con.verdict.setCurrentIndex(con.verdict.findData("deels"))
    qtbot.keyClicks(con.verdict_note, "gebeld, niet gelogd")
    qtbot.keyClick(con.verdict_note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row("I1")[6] == "deels (gebeld, niet gelogd)")
    assert row("I1")[3] == "gemist"  # the automatic state stays beside it
    assert "oordeel bewaard: I1 verwachting 1: deels" in con.message.text()
    assert con.verdict_note.text() == ""
    o = load_judgement(db).overrides[("I1", 1)]
    assert (o.verdict, o.note) == ("deels", "gebeld, niet gelogd")
    # taking the verdict back: the automatic match counts again
    con.select_expectation("I1", 1)
    con.verdict.setCurrentIndex(con.verdict.findData("automatisch"))
    qtbot.mouseClick(con.judge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row("I1")[6] == "")
    assert "oordeel gewist: I1 verwachting 1" in con.message.text()
    assert ("I1", 1) not in load_judgement(db).overrides
    # the timeline shows I1 going out at T+0 (no player answered it)
    qtbot.waitUntil(lambda: [float(x) for x in con.timeline.real().injects.data["x"]] == [0.0])
    assert len(con.timeline.real().responses.data) == 0


def test_console_keeps_the_improvement_plan(qtbot: Any, control: Any) -> None:
    """Verbeterplan…: a refused row says why and keeps what was typed; a kept row is in the
    table, beside the store, and in the evaluation."""
    from PySide6.QtCore import QDate

    from data.scenario.judgement import load_judgement

    win, _clock, db = control
    con = win.exercise.console
    qtbot.mouseClick(con.plan, Qt.MouseButton.LeftButton)
    dlg = win.exercise.pane.plan_dialog
    assert dlg is not None and dlg.isVisible() and dlg.table.rowCount() == 0
    qtbot.keyClicks(dlg.issue, "Uitval C2000 niet gemeld")
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)  # no action, no owner
    qtbot.waitUntil(lambda: "verbeteractie is leeg" in dlg.message.text())
    assert dlg.issue.text() == "Uitval C2000 niet gemeld" and not load_judgement(db).plan
    dlg.action.setPlainText("Meldprocedure oefenen")
    qtbot.keyClicks(dlg.owner, "Hoofd informatie")
    dlg.due.setDate(QDate(2027, 3, 1))
    dlg.objective.setCurrentIndex(dlg.objective.findData("D1"))
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 1)
    assert [dlg.table.item(0, c).text() for c in range(5)] == [
        "Uitval C2000 niet gemeld", "Meldprocedure oefenen", "Hoofd informatie", "2027-03-01",
        "D1"]
    assert dlg.issue.text() == "" and "toegevoegd" in dlg.message.text()
    [p] = load_judgement(db).plan
    assert (p.issue, p.owner, p.due, p.objective) == (
        "Uitval C2000 niet gemeld", "Hoofd informatie", "2027-03-01", "D1")
    dlg.close()
    qtbot.mouseClick(con.aar_view, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Meldprocedure oefenen" in con.aar.toPlainText())


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_console_imports_msel_into_running_exercise(qtbot: Any, control: Any,
                                                    tmp_path: Path) -> None:
    """Import from the console while the exercise runs: a bad sheet changes nothing and says
    why; a cancelled preview changes nothing; a confirmed one adds the injects, and they fire."""
    from data.scenario.control import sidecar_path

    win, clock, db = control
    con, pane = win.exercise.console, win.exercise.pane
    qtbot.waitUntil(lambda: len(rows(win)) == 4)
    qtbot.mouseClick(con.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.clock_pane.running())
    before = sidecar_path(db).read_bytes()
    seen: list[Any] = []

    bad = _csv(tmp_path / "fout.csv", ["Nummer;Tijd;Van;Aan;Bericht",
                                       "N1;+00:10;KCR2;IM VNOG;Eerste",
                                       "N2;morgen;KCR2;IM VNOG;Tweede"])
    pane.confirm_import = lambda sheet: seen.append(sheet) or True
    pane.import_msel(bad)
    qtbot.waitUntil(lambda: "niet ingelezen, niets veranderd" in con.message.text())
    assert "rij 3" in con.message.text() and not seen
    assert sidecar_path(db).read_bytes() == before

    good = _csv(tmp_path / "extra.csv", ["Nummer;Tijd;Van;Aan;Bericht",
                                         "N1;+00:02;KCR2;IM VNOG;Extra inject"])
    pane.confirm_import = lambda sheet: seen.append(sheet) and False
    pane.import_msel(good)
    qtbot.waitUntil(lambda: "geannuleerd" in con.message.text())
    assert [i.id for i in seen[0].injects] == ["N1"]
    assert sidecar_path(db).read_bytes() == before

    pane.confirm_import = lambda sheet: True
    pane.import_msel(good)
    qtbot.waitUntil(lambda: "N1" in rows(win))
    assert "1 injects toegevoegd uit extra.csv" in con.message.text()
    # at the time the preview showed (after the sheet's T0), counted from the exercise's T0
    assert seen[0].injects[0].offset_s == 120
    assert rows(win)["N1"][2] == 120 and status_of(win, "N1") == "gepland"
    clock.advance(timedelta(minutes=3))
    pane.tick()
    qtbot.waitUntil(lambda: status_of(win, "N1") == "verstuurd")
    pane.import_msel(good)  # the same number again: refused, nothing changes
    qtbot.waitUntil(lambda: "staan al in het draaiboek: N1" in con.message.text())
    assert len(rows(win)) == 5
    early = _csv(tmp_path / "vroeg.csv", ["Nummer;Tijd;Van;Aan;Bericht",
                                          "V1;-00:30;KCR2;IM VNOG;Voorbericht"])
    pane.import_msel(early)  # before T0: refused, nothing changes
    qtbot.waitUntil(lambda: "vóór T0" in con.message.text())
    assert len(rows(win)) == 5


def test_console_rates_objectives_and_keeps_findings(qtbot: Any, control: Any) -> None:
    from data.scenario.judgement import load_judgement

    win, clock, db = control
    con = win.exercise.console
    assert [con.objective.itemData(i) for i in range(con.objective.count())] == ["D1", "D2"]
    con.objective.setCurrentIndex(con.objective.findData("D2"))
    con.rating.setCurrentIndex(con.rating.findData("M"))
    qtbot.keyClicks(con.rating_note, "aggregaten te laat")
    qtbot.mouseClick(con.rate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "doel D2 beoordeeld: M" in con.message.text())
    assert con.rating_note.text() == ""
    con.finding_kind.setCurrentIndex(con.finding_kind.findData("verbeter"))
    qtbot.keyClicks(con.finding, "Beeld niet gedeeld")
    qtbot.keyClick(con.finding, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "verbeterpunt bewaard" in con.message.text())
    j = load_judgement(db)
    assert (j.ratings["D2"].rating, j.ratings["D2"].note) == ("M", "aggregaten te laat")
    assert [(f.kind, f.text) for f in j.findings] == [("verbeter", "Beeld niet gedeeld")]
    # and the evaluation shows them
    qtbot.mouseClick(con.aar_view, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Verbeterplan" in con.aar.toPlainText())
    page = con.aar.toPlainText()
    assert "M — uitgevoerd met grote problemen" in page and "Beeld niet gedeeld" in page

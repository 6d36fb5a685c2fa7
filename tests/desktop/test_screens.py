"""A 1366×768 laptop (issue 13): dialogs fit the screen, the header shows what matters."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtWidgets import QApplication

LAPTOP = (1366, 768)


@contextmanager
def _exercise_window(qtbot: Any, tmp_path: Any) -> Iterator[Any]:
    """The real window (theme, sidebar, header) at 1366×768 on the bundled exercise, loaded."""
    from desktop.app import build_window
    from desktop.cli_app import build_demo_exercise

    win = build_window(build_demo_exercise(tmp_path / "oefening.db"), "dark")
    qtbot.addWidget(win)
    win.resize(*LAPTOP)
    with qtbot.waitSignal(win.sig_loaded, timeout=30_000):
        win.show()
        win.start()
    try:
        yield win
    finally:
        win.shutdown()


def settle(qtbot: Any) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(0)


def fits(d: Any) -> bool:
    """The dialog's frame fits a 1366×768 screen and the screen it is on."""
    frame = d.frameGeometry()
    room = d.screen().availableGeometry()
    return (frame.width() <= min(LAPTOP[0], room.width())
            and frame.height() <= min(LAPTOP[1], room.height()))


def test_help_and_report_dialogs_fit_the_screen(qtbot: Any, window: Any) -> None:
    window.show_about()
    window.show_shortcuts()
    dialogs = [window._about_box, window._shortcuts_box,  # noqa: SLF001
               window.report.open_dialog()]
    settle(qtbot)
    try:
        for d in dialogs:
            assert d.isVisible()
            assert fits(d), (d.windowTitle(), d.frameGeometry())
        # the long about text scrolls inside; its Sluiten button is on screen
        assert "Sluiten" in window._about_box.buttons.buttons()[0].text()  # noqa: SLF001
    finally:
        for d in dialogs:
            d.close()


def header_fits(table: Any, section: int) -> bool:
    """The header text fits its section, or the header carries it as a tooltip."""
    from PySide6.QtCore import Qt

    model, head = table.model(), table.horizontalHeader()
    text = str(model.headerData(section, Qt.Orientation.Horizontal))
    tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    return (head.fontMetrics().horizontalAdvance(text) + 12 <= head.sectionSize(section)
            or text in str(tip or ""))


def test_console_shows_six_injects_readable_headers_and_visible_buttons(qtbot: Any) -> None:
    from widgets.exercise_console import ExerciseConsole

    c = ExerciseConsole()
    qtbot.addWidget(c)
    c.resize(1140, 620)  # what the window leaves the console at 1366×768
    c.show()
    c.show_status({"injects": [
        {"id": f"A{i:02d}", "due_s": 300 * i, "status": "gepland", "fired_s": None,
         "sender": "CaCo", "recipient": "OL VNOG", "message": "Stroomstoring"}
        for i in range(12)], "speed": 1, "running": False})
    settle(qtbot)
    head = c.table.horizontalHeader()
    for t in (c.table, c.x_table):
        for i in range(t.model().columnCount() - 1):  # the last one stretches
            text = str(t.model().headerData(i, 1))
            assert head.fontMetrics().horizontalAdvance(text) + 12 <= t.columnWidth(i), text
    for b in (c.play, c.pause, c.jump):
        assert not b.icon().isNull()
        assert b.text()[0].isalpha()  # no glyph the font may lack


def test_the_console_in_the_window_at_1366_shows_six_injects_and_readable_notes(
        qtbot: Any, tmp_path: Any) -> None:
    """In the real window at 1366×768 (theme, sidebar, header): six injects, two expectations,
    and the objective's and the finding's note fields wide enough to read what one types."""
    with _exercise_window(qtbot, tmp_path) as win:
        win.show_view("oefening")
        settle(qtbot)
        c = win.exercise.console
        assert c.table.viewport().height() // c.table.rowHeight(0) >= 6
        assert c.x_table.viewport().height() // c.x_table.rowHeight(0) >= 2
        for field in (c.rating_note, c.finding, c.note, c.verdict_note):
            assert field.width() >= field.fontMetrics().horizontalAdvance("x" * 24), (
                field.placeholderText(), field.width())


def shown_whole(label: Any) -> bool:
    """The label has the room its whole text needs."""
    return label.width() >= label.sizeHint().width()


def test_header_of_an_exercise_store_at_1366(qtbot: Any, store_factory: Any) -> None:
    from pathlib import Path

    from desktop.app import make_app
    from desktop.main_window import MainWindow
    from desktop.theme import apply_theme

    st = store_factory("spelleiding", "OEF-20261126-DONKER-OOSTEN", "Spelleiding Donker Oosten")
    path = Path(st.path)
    st.close()
    apply_theme(make_app(), "dark")
    win = MainWindow(path, "OEF-20261126-DONKER-OOSTEN", "Spelleiding Donker Oosten",
                     author="")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_loaded, timeout=10_000):
        win.show()
        win.start()
    try:
        h = win.header
        h.set_scenario_text("OEFENING · T+00:30 · ×60 · gepauzeerd")
        h.set_fingerprint("0BF3-572E-119D · 30 gebeurtenissen")
        win.resize(*LAPTOP)
        settle(qtbot)
        assert h.width() <= LAPTOP[0]
        assert "DONKER-OOSTEN" in h.banner.text() and shown_whole(h.banner)
        assert "OEF-20261126-DONKER-OOSTEN" in h.banner.toolTip()
        assert h.on_duty.text() == "niet aangemeld — aanmelden"
        assert shown_whole(h.fingerprint) and shown_whole(h.sync)
        assert shown_whole(h.centre) or "Spelleiding Donker Oosten" in h.centre.toolTip()
        # the scenario clock may lose "OEFENING · " (the banner says it), not its time
        assert h.scenario.width() >= h.fontMetrics().horizontalAdvance("T+00:30 · ×60")
        if not shown_whole(h.scenario):
            assert "T+00:30" in h.scenario.toolTip()
    finally:
        win.shutdown()


def test_tables_and_the_bijstand_form_fit_1366(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    window.resize(*LAPTOP)
    for view, table in (("noodsteunpunten", window.nsp.table), ("verbindingen", window.comms)):
        window.show_view(view)
        settle(qtbot)
        assert not table.horizontalScrollBar().isVisible(), view
        for i in range(table.model().columnCount()):
            if not table.isColumnHidden(i):
                assert header_fits(table, i), (view, i)
    # every state word of the matrix fits its cell (no "Onbe…")
    m, fm = window.comms.model(), window.comms.fontMetrics()
    for c in range(m.columnCount()):
        for r in range(m.rowCount()):
            text = str(m.data(m.index(r, c), Qt.ItemDataRole.DisplayRole))
            assert fm.horizontalAdvance(text) + 8 <= window.comms.columnWidth(c), text
    assert "geen melding" in str(m.data(m.index(0, 1), Qt.ItemDataRole.ToolTipRole))
    window.commands.new_bijstand()
    d = window.commands.dialog
    settle(qtbot)
    d.form.submit()  # the required fields get their messages
    settle(qtbot)
    scroll = d.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()
    assert fits(d)


def test_every_tile_title_fits_at_1366(qtbot: Any, tmp_path: Any) -> None:
    """The tiles share the row equally (a search lays out no tile but its own), yet never
    narrower than their title's longest word: "bijstandsverzoeken" was cut to "…verzoeke"
    in the real window (theme, sidebar) at 1366×768."""
    with _exercise_window(qtbot, tmp_path) as win:
        win.show_view("overzicht")
        settle(qtbot)
        for key, tile in win.overview.tiles.items():
            fm = tile.title.fontMetrics()
            longest = max(fm.horizontalAdvance(w) for w in tile.title.text().split())
            assert longest <= tile.title.width(), (key, tile.title.text(), tile.title.width())

"""A 1366×768 laptop (issue 13): dialogs fit the screen, the header shows what matters."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

LAPTOP = (1366, 768)


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

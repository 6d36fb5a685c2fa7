"""The application around the views: snapshot command, exercise banner, wall mode, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from data.demo import Demo
from data.store import Store


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    p = tmp_path / "demo.db"
    st = Store.create(p, "demo-kcr2", "OEF-2026-11", "KCR2 (oefening)")
    Demo(st).run()
    st.close()
    return p


def test_snapshot_command_renders_views(qapp: Any, demo_db: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from desktop.cli import main

    for view in ("overzicht", "bijstand"):
        out = tmp_path / f"{view}.png"
        assert main(["snapshot", "--db", str(demo_db), "--view", view, "--out", str(out),
                     "--size", "1200x800", "--theme", "light"]) == 0
        img = QImage(str(out))
        assert (img.width(), img.height()) == (1200, 800)
    with pytest.raises(SystemExit) as exc:  # refused by the choices, with the list
        main(["snapshot", "--db", str(demo_db), "--view", "nergens", "--out",
              str(tmp_path / "x.png")])
    assert exc.value.code == 2


def test_a_snapshot_under_a_region_filter_counts_the_timeline_under_it(
        qapp: Any, demo_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    """The bars count again under a filter after a pause in typing (a timer): the snapshot
    waits for that count, so its timeline is the filtered one, with its note."""
    from desktop import snapshot as snap
    from widgets.timeline import Timeline

    seen: list[str] = []
    real_save = snap.save

    def save(win: Any, out: Path, fmt: str) -> None:
        tl = win.overview.timeline.real()
        assert isinstance(tl, Timeline)
        seen.append(tl.scope.text())
        real_save(win, out, fmt)

    monkeypatch.setattr(snap, "save", save)
    # (a slow machine: the pause the pane waits for outlasts the snapshot's settling)
    monkeypatch.setattr("desktop.summary_panes.SCOPE_DELAY_MS", 600_000)
    snap.snapshot(demo_db, "overzicht", tmp_path / "o.png", (1366, 768), region="VRGZ",
                  timeout_ms=20_000)
    assert seen and seen[0].startswith("gefilterd op VRGZ")


def test_exercise_world_banner_watermark_and_wall_mode(qtbot: Any, demo_db: Path) -> None:
    from desktop.main_window import MainWindow

    win = MainWindow(demo_db, "OEF-2026-11", "KCR2 (oefening)", author="tester")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_loaded, timeout=10_000):
        win.show()
        win.start()
    try:
        assert "OEFENING" in win.header.banner.text()
        assert win.watermark is not None and win.watermark.isVisible()
        k = win.kpis()
        assert k["incidents_active"] == 3 and k["bijstand_open"] == 5
        assert "VR06" in k["comms_out_regions"]
        assert win.journal.model.rowCount() > 0
        assert "·" in win.header.fingerprint.text()
        win.show_view("logboek")
        win.wall_action.setChecked(True)
        assert win.current_view() == "overzicht" and win.nav.isHidden()
        win.wall_action.setChecked(False)
        assert not win.nav.isHidden()
        win.set_theme("light")
        win.set_theme("dark")
        win.show_shortcuts()
        assert "Ctrl+L" in win._shortcuts_box.text()  # noqa: SLF001
        win._shortcuts_box.close()  # noqa: SLF001
    finally:
        win.shutdown()


def test_error_report_logs_and_shows_one_dialog(qapp: Any, monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    from desktop import errors

    shown: list[str] = []

    class FakeBox:
        class Icon:
            Critical = 0

        def __init__(self, *_a: Any) -> None:
            pass

        def setDetailedText(self, text: str) -> None:  # noqa: N802
            shown.append(text)

        def exec(self) -> int:
            errors.report("second error while the first dialog is open")
            return 0

    import PySide6.QtWidgets as qw

    monkeypatch.setattr(qw, "QMessageBox", FakeBox)
    errors.setup_logging()
    try:
        raise RuntimeError("kapot")
    except RuntimeError:
        import sys

        errors.excepthook(*sys.exc_info())
    assert len(shown) == 1 and "kapot" in shown[0]
    text = (errors.log_dir() / "crisisbeeld.log").read_text()
    assert "kapot" in text and "second error" in text


def test_a_roster_alarm_shows_red_in_the_header_and_says_what_to_do(window: Any, qtbot: Any,
                                                                      monkeypatch) -> None:
    """Issue 15: a centre refused for good because its key is not on the pinned root's
    roster raises an alarm of kind 'rooster'; the header shows it in red and a click says whom
    to call."""
    why = "vrgz: deze sleutel staat niet op het rooster van de vastgepinde root"
    with Store.open(window.path) as st:
        st.raise_alarm("rooster", "vrgz", why)
    window.panes.header.load_alarms()
    qtbot.waitUntil(lambda: window.header.roster.isVisible(), timeout=10_000)
    assert window.header.roster.text() == "⛔ ROOSTER: vrgz"
    assert window.header.roster.property("severity") == "red"
    assert not window.header.fork.isVisible()  # not a fork: its own alarm
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.open",
                        lambda box: shown.append(box.text()))
    qtbot.mouseClick(window.header.roster, Qt.MouseButton.LeftButton)
    assert shown and why in shown[0] and "beheer van de hub (KCR2)" in shown[0]

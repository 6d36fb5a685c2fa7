"""Start-up: what a command imports before it does anything (the figures are in
bench/startup.py; this guards what makes them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _modules_after(code: str) -> set[str]:
    code += "\nimport sys\nprint(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    return set(out.split())


def test_the_window_paints_without_the_plot_library() -> None:
    mods = _modules_after("import desktop.app")
    assert not {"pyqtgraph", "numpy"} & mods  # a timeline is built after the first paint


def test_version_imports_neither_qt_nor_the_store() -> None:
    mods = _modules_after("import sys\nsys.argv = ['crisisbeeld', '--version']\n"
                          "import runpy\n"
                          "try:\n    runpy.run_module('desktop', run_name='__main__')\n"
                          "except SystemExit:\n    pass")
    assert not {m for m in mods if m.startswith(("PySide6", "data.", "multiprocessing"))}


def test_the_overview_timeline_arrives_once_the_window_has_painted(qtbot: Any,
                                                                     tmp_path: Path) -> None:
    from data.demo import Demo
    from data.store import Store
    from desktop.main_window import MainWindow

    db = tmp_path / "demo.db"
    st = Store.create(db, "demo-kcr2", "OEF-2026-11", "KCR2 (oefening)")
    Demo(st).run()
    st.close()
    win = MainWindow(db, "OEF-2026-11", "KCR2 (oefening)", author="tester")
    qtbot.addWidget(win)
    timeline = win.overview.timeline
    win.resize(1366, 768)  # a laptop: the map with its legend and the timeline side by side
    try:
        with qtbot.waitSignal(timeline.sig_built, timeout=10_000):
            win.show()
            win.start()
        real = timeline.real()
        assert real.isVisible() and real.width() > 100  # its share of the splitter
        qtbot.waitUntil(lambda: bool(real.stacked.hours), timeout=10_000)  # the loaded buckets
    finally:
        win.shutdown()


def test_run_stops_at_its_first_paint_when_asked(tmp_path: Path) -> None:
    """What bench/startup.py measures, the frozen program included: the real command."""
    import os
    import time

    from data.store import Store

    db = tmp_path / "s.db"
    Store.create(db, "vru", "OEF-START", "VRU").close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRISISBEELD_HOME=str(tmp_path / "h"),
               XDG_CONFIG_HOME=str(tmp_path / "c"), CRISISBEELD_STOP_AT_PAINT=repr(time.time()))
    r = subprocess.run([sys.executable, "-m", "desktop", "run", "--db", str(db)], env=env,
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
    word, wall, cpu = r.stdout.strip().splitlines()[-1].rsplit(" ", 2)
    assert word == "eerste tekening" and float(wall) > 0 and float(cpu) > 0

"""Before the window opens: missing system libraries are named with their packages, and the
headless verbs need no QT_QPA_PLATFORM from the user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop import cli_app, preflight

LDD = """\
\tlinux-vdso.so.1 (0x00007ffc)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibweird.so.7 => not found
"""


def test_the_missing_libraries_are_read_from_ldd_once_each() -> None:
    assert preflight.missing_in_ldd(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                            "libweird.so.7"]


def test_each_library_is_named_by_its_package() -> None:
    assert preflight.packages_for(["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                   "libxcb-cursor.so.0", "libweird.so.7"]) == [
        "libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libweird.so.7"]


def test_the_message_names_the_packages_to_install(monkeypatch) -> None:
    monkeypatch.setattr(preflight.sys, "platform", "linux")
    monkeypatch.setattr(preflight, "missing_libraries",
                        lambda: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    text = preflight.window_problem({"DISPLAY": ":0"})
    assert text is not None
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in text
    assert "Error" not in text and "Traceback" not in text


def test_no_screen_is_said_in_words_and_a_chosen_platform_is_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(preflight.sys, "platform", "linux")
    monkeypatch.setattr(preflight, "missing_libraries", lambda: ["libxcb-icccm.so.4"])
    assert "geen beeldscherm" in (preflight.window_problem({}) or "")
    assert preflight.window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert preflight.window_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    monkeypatch.setattr(preflight, "missing_libraries", lambda: [])
    assert preflight.window_problem({"DISPLAY": ":0"}) is None


def test_run_stops_with_the_message_before_qt(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setattr("desktop.preflight.window_problem", lambda: "ontbreekt: libxcb-icccm4")
    called = []
    monkeypatch.setattr("desktop.app.run_app", lambda *a: called.append(a) or 0)
    import argparse

    rc = cli_app.cmd_run(argparse.Namespace(db=str(tmp_path / "x.db"), theme="dark"))
    assert rc == 2 and not called
    assert "ontbreekt: libxcb-icccm4" in capsys.readouterr().err


def test_snapshot_needs_no_platform_from_the_user(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                           "WAYLAND_DISPLAY")}
    db = tmp_path / "s.db"
    run = [sys.executable, "-m", "desktop"]
    subprocess.run(run + ["init", "--db", str(db), "--node", "VRU", "--world", "OEF-2026-09"],
                   check=True, env=env, capture_output=True)
    out = tmp_path / "o.png"
    r = subprocess.run(run + ["snapshot", "--db", str(db), "--view", "overzicht", "--out",
                              str(out), "--size", "800x600"], env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 1000


def test_version_answers_without_importing_the_store() -> None:
    code = ("import sys; from desktop.cli import main; main(['--version']); "
            "print(sorted(m for m in sys.modules if m.startswith(('data', 'sqlalchemy', "
            "'PySide6'))))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    from desktop import __version__

    assert r.stdout.splitlines() == [f"crisisbeeld {__version__}", "[]"]


def test_opening_a_store_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    from data.store.store import Store

    Store.create(tmp_path / "a.db", "VRU").close()
    code = ("import sys; from data.store.store import Store; Store.open(sys.argv[1]).close(); "
            "print([m for m in sys.modules if m.startswith(('sqlalchemy', 'sqlmodel'))])")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.db")],
                       capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"

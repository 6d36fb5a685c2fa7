"""Bad input at the window's and snapshot's doors (issue 14): the store's own message in words,
a non-zero exit code, no traceback and no crash dialog; a snapshot that was not written says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data.demo import Demo
from data.store import Store


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    p = tmp_path / "demo.db"
    st = Store.create(p, "demo-kcr2", "OEF-2026-11", "KCR2 (oefening)")
    Demo(st).run()
    st.close()
    return p


def _junk(tmp_path: Path) -> Path:
    p = tmp_path / "junk.db"
    p.write_text("dit is geen database\n" * 50)
    return p


@pytest.mark.parametrize("which", ["missing", "junk"])
def test_run_on_a_bad_store_shows_its_message_not_a_crash(
        qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any,
        which: str) -> None:
    import PySide6.QtWidgets as qw

    from desktop import app, errors

    monkeypatch.setenv("CRISISBEELD_HOME", str(tmp_path / "home"))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(qw.QMessageBox, "warning",
                        staticmethod(lambda _p, title, text: shown.append((title, text))))
    crashes: list[str] = []
    monkeypatch.setattr(errors, "report", lambda text, title="": crashes.append(text))
    db = tmp_path / "nope.db" if which == "missing" else _junk(tmp_path)
    assert app.run_app(db) == 2
    assert not crashes and len(shown) == 1
    text = shown[0][1]
    assert str(db) in text and "Traceback" not in text and "StoreError" not in text
    assert ("bestaat niet" if which == "missing" else "geen Crisisbeeld-store") in text
    assert "file is not a database" not in text
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_snapshot_of_a_file_that_is_no_store_is_one_line(qapp: Any, tmp_path: Path,
                                                         capsys: Any) -> None:
    from desktop.cli import main

    junk = _junk(tmp_path)
    assert main(["snapshot", "--db", str(junk), "--view", "overzicht", "--out",
                 str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("crisisbeeld: ") and err.count("\n") == 1
    assert "geen Crisisbeeld-store" in err and "Traceback" not in err


def test_snapshot_that_cannot_be_written_says_so(qapp: Any, demo_db: Path, tmp_path: Path,
                                                 capsys: Any) -> None:
    from desktop.cli import main

    for out in (tmp_path / "x.txt", Path("/proc/crisisbeeld-y.png")):
        assert main(["snapshot", "--db", str(demo_db), "--view", "overzicht", "--out",
                     str(out), "--size", "800x600"]) == 2, out
        err = capsys.readouterr().err
        assert "kan niet worden geschreven" in err or ".png of .jpg" in err, err
        assert not out.exists()
    jpg = tmp_path / "x.jpg"
    assert main(["snapshot", "--db", str(demo_db), "--view", "bezetting", "--out", str(jpg),
                 "--size", "800x600"]) == 0
    assert jpg.read_bytes()[:2] == b"\xff\xd8"  # a JPEG, as its name says


def test_snapshot_help_lists_every_view_and_oefening_needs_a_scenario(
        qapp: Any, demo_db: Path, tmp_path: Path, capsys: Any) -> None:
    from desktop.cli import main
    from desktop.cli_app import SNAPSHOT_VIEWS
    from desktop.main_window import VIEWS

    assert SNAPSHOT_VIEWS == (*VIEWS, "oefening")
    with pytest.raises(SystemExit):
        main(["snapshot", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for view in SNAPSHOT_VIEWS:
        assert view in out
    assert main(["snapshot", "--db", str(demo_db), "--view", "oefening", "--out",
                 str(tmp_path / "o.png")]) == 2
    assert "geen scenario" in capsys.readouterr().err


def test_snapshot_of_the_exercise_console(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from desktop.cli import main
    from desktop.cli_app import build_demo_exercise

    db = build_demo_exercise(tmp_path / "sl.db")
    out = tmp_path / "oefening.png"
    assert main(["snapshot", "--db", str(db), "--view", "oefening", "--out", str(out),
                 "--size", "1366x768"]) == 0
    assert QImage(str(out)).width() == 1366


def test_a_store_refusal_any_verb_lets_through_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: Any) -> None:
    from data.store import StoreError
    from desktop import cli, cli_core

    def refuse(_a: Any) -> int:
        raise StoreError("x.db is bezet door een ander programma; probeer het zo opnieuw")

    monkeypatch.setattr(cli_core, "cmd_fingerprint", refuse)
    assert cli.main(["fingerprint", "--db", "x.db"]) == 2
    err = capsys.readouterr().err
    assert err == "crisisbeeld: x.db is bezet door een ander programma; probeer het zo opnieuw\n"

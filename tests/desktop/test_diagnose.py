"""The platform's folders, the rotating log, the diagnose zip (no contents, no tokens) and the
About box with the bundled components' licences."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop import diagnose, errors, places


def test_crisisbeeld_home_holds_every_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CRISISBEELD_HOME", str(tmp_path / "h"))
    assert places.data_dir() == tmp_path / "h"
    assert places.config_dir() == tmp_path / "h" / "config"
    assert places.log_dir() == tmp_path / "h" / "log"


def test_without_it_the_platform_folders_are_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CRISISBEELD_HOME", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "s"))
    assert places.data_dir() == tmp_path / "d" / "crisisbeeld"
    assert places.config_dir() == tmp_path / "c" / "crisisbeeld"
    assert places.log_dir() == tmp_path / "s" / "crisisbeeld" / "log"


def test_the_log_rotates(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CRISISBEELD_HOME", str(tmp_path))
    monkeypatch.setattr(errors, "LOG_BYTES", 2000)
    for h in list(errors.log.handlers):  # (a handler an earlier test set up)
        errors.log.removeHandler(h)
        h.close()
    try:
        path = errors.setup_logging()
        for i in range(200):
            errors.log.info("regel %d %s", i, "x" * 40)
        assert path.stat().st_size <= 2000
        assert (path.parent / "crisisbeeld.log.1").exists()
        assert len(list(path.parent.glob("crisisbeeld.log*"))) <= errors.LOG_KEEP + 1
    finally:
        for h in list(errors.log.handlers):
            errors.log.removeHandler(h)
            h.close()
        errors.log.setLevel(logging.NOTSET)


@pytest.fixture()
def store_with_secrets(tmp_path: Path, monkeypatch) -> Path:
    from data.store import Command
    from data.store.store import Store

    monkeypatch.setenv("CRISISBEELD_HOME", str(tmp_path / "home"))
    cfg = places.config_dir()
    cfg.mkdir(parents=True)
    (cfg / "sync.json").write_text(json.dumps({"version": 2, "stores": {"x": {
        "hubs": [{"url": "https://hub.example", "token_file": "/t/vnog.token",
                  "token": "GEHEIM-123"}]}}}))
    db = tmp_path / "s.db"
    st = Store.create(db, "VNOG", "OEF-2026-09")
    st.execute(Command("journal.logged", {"channel": "NCV",
                                          "text": "GEHEIME-INHOUD rond de dijk"}), "IM VNOG")
    st.close()
    (places.log_dir() / "crisisbeeld.log").write_text("regel een\nregel twee\n")
    return db


def test_the_zip_has_facts_and_no_contents_or_tokens(store_with_secrets: Path,
                                                     tmp_path: Path) -> None:
    out = diagnose.write_diagnose(tmp_path / "d.zip", store_with_secrets)
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        blob = b"".join(z.read(n) for n in names).decode()
        facts = json.loads(z.read("store.json"))
        vers = json.loads(z.read("versies.json"))
    assert {"versies.json", "onderdelen.json", "instellingen.json", "log-einde.txt",
            "store.json", "LEESMIJ.txt"} <= names
    assert facts["gebeurtenissen"] == 2 and facts["node"] == "VNOG"
    assert facts["wereld"] == "OEF-2026-09"
    assert vers["crisisbeeld"] and vers["sqlite"]
    assert "regel twee" in blob and "/t/vnog.token" in blob
    assert "GEHEIM-123" not in blob and "GEHEIME-INHOUD" not in blob
    assert "private_key" not in blob
    assert not (tmp_path / "d.zip.deel").exists()


def test_the_cli_writes_it_and_says_a_missing_store_in_words(store_with_secrets: Path,
                                                             tmp_path: Path) -> None:
    run = [sys.executable, "-m", "desktop", "diagnose"]
    r = subprocess.run(run + ["--out", str(tmp_path / "c.zip"), "--db",
                              str(store_with_secrets)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert zipfile.ZipFile(tmp_path / "c.zip").testzip() is None
    r = subprocess.run(run + ["--out", str(tmp_path / "e.zip"), "--db",
                              str(tmp_path / "weg.db")], capture_output=True, text=True)
    assert r.returncode == 2 and "bestaat niet" in r.stderr and "Error" not in r.stderr
    assert not (tmp_path / "e.zip").exists()


def test_the_components_carry_their_licences() -> None:
    comps = {n.lower().replace("_", "-"): lic for n, _, lic in diagnose.components()}
    for name in ("pyside6-essentials", "pyqtgraph", "sqlalchemy", "cryptography", "openpyxl"):
        assert name in comps, name
        assert comps[name] and "zie de licentie" not in comps[name], (name, comps[name])
    assert "pytest" not in comps  # a test tool is not bundled


def test_about_names_version_folders_and_the_cbs_outlines(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CRISISBEELD_HOME", str(tmp_path))
    from desktop import __version__

    html = diagnose.about_html(tmp_path / "s.db")
    assert f"Crisisbeeld {__version__}" in html
    assert "CC BY 4.0" in html and "CBS" in html
    assert str(tmp_path / "log") in html and "PySide6" in html


def _help_action(window, text: str):  # type: ignore[no-untyped-def]
    for menu_action in window.menuBar().actions():
        if menu_action.text() == "&Hulp":
            for act in menu_action.menu().actions():
                if act.text() == text:
                    return act
    raise AssertionError(f"geen {text} in het Hulp-menu")


def test_help_about_shows_the_version(window) -> None:
    from desktop import __version__

    _help_action(window, "Over Crisisbeeld").trigger()
    box = window._about_box  # noqa: SLF001
    assert f"Crisisbeeld {__version__}" in box.text() and "CC BY 4.0" in box.text()
    box.close()


def test_help_saves_the_diagnose_zip(window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    out = tmp_path / "diag.zip"
    monkeypatch.setattr(QFileDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(out)])
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    _help_action(window, "Diagnose opslaan…").trigger()
    assert out.exists() and said and str(out) in said[0]
    facts = json.loads(zipfile.ZipFile(out).read("store.json"))
    assert facts["node"] == "kcr2"

"""The log the diagnose zip carries says what the application did (not only crashes): start,
the store it opened, each hub going online and offline with the reason and the backlog, paper
packs, bundles in and out, refusals at a door — and never a token or an event's contents."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from data.store import Command
from desktop import errors, places
from tests.e2e.synckit import Hub

WAIT = 30_000


@pytest.fixture
def log_file():
    """The rotating log file of this test's CRISISBEELD_HOME (a handler of an earlier test is
    taken off first, and this one afterwards)."""
    for h in list(errors.log.handlers):
        errors.log.removeHandler(h)
        h.close()
    path = errors.setup_logging()
    yield path
    for h in list(errors.log.handlers):
        errors.log.removeHandler(h)
        h.close()
    errors.log.setLevel(logging.NOTSET)


def _text(path: Path) -> str:
    for h in errors.log.handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_a_short_run_leaves_useful_lines_and_no_token(qtbot: Any, log_file: Path, window: Any,
                                                      tmp_path: Path) -> None:
    assert log_file.parent == places.log_dir()
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        token = hub.enroll("kcr2")
        tf = tmp_path / "kcr2.token"
        tf.write_text(token + "\n")
        ctl = window.sync
        ctl.add_hub(hub.url, str(tf))
        qtbot.waitUntil(lambda: "verbonden" in window.header.sync.text(), timeout=WAIT)
    finally:
        hub.stop()
    window.execute([Command("journal.logged", {"channel": "C2000",
                                               "text": "GEHEIME-INHOUD bij de sluis"})])
    qtbot.waitUntil(lambda: "geen verbinding" in window.header.sync.text(), timeout=WAIT)
    out = tmp_path / "kcr2.cbbundle"
    with qtbot.waitSignal(ctl.sig_message, timeout=WAIT):
        ctl.export_bundle(str(out))
    bad = tmp_path / "kapot.cbbundle"
    bad.write_bytes(b"geen bundel")
    with qtbot.waitSignal(ctl.sig_message, timeout=WAIT):
        ctl.import_bundle(str(bad))
    paper = window.report.paper
    paper.packs.folder = tmp_path / "papier"
    with qtbot.waitSignal(paper.sig_pack_done, timeout=60_000):
        window.report.paper_action.setChecked(True)
    window.report.paper_action.setChecked(False)

    text = _text(log_file)
    assert f"store geopend: {window.path} (wereld {window.world}, node kcr2" in text, text
    host = hub.url.split("://", 1)[1]
    assert f"{host}: online" in text and f"{host}: offline" in text, text
    assert "achterstand 1" in text
    assert f"bundel geschreven: {out}" in text
    assert f"geweigerd bij bundel inlezen: {bad} " in text and "geen bundel" in text
    assert "papieren pakket geschreven: " in text
    assert token not in text and "GEHEIME-INHOUD" not in text


def test_start_and_a_refused_store_are_logged(qapp: Any, log_file: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import PySide6.QtWidgets as qw

    from desktop import __version__
    from desktop.app import run_app

    monkeypatch.setattr(qw.QMessageBox, "warning", staticmethod(lambda *_a: None))
    assert run_app(tmp_path / "weg.db") == 2
    text = _text(log_file)
    assert f"start: Crisisbeeld {__version__} op store {tmp_path / 'weg.db'}" in text
    assert "niet geopend" in text and "bestaat niet" in text


def test_a_hub_address_is_logged_without_secrets() -> None:
    from desktop.activity import hub_name

    assert hub_name("https://gebruiker:wachtwoord@kcr2.example:8750/sync?token=x#y") == \
        "https://kcr2.example:8750/sync"


def test_the_bundle_verbs_keep_the_log(log_file: Path, tmp_path: Path, store_factory: Any,
                                       capsys: Any) -> None:
    from desktop.cli import main

    st = store_factory("vnog")
    out = tmp_path / "vnog.cbbundle"
    assert main(["export", "--db", str(st.path), "--out", str(out)]) == 0
    junk = tmp_path / "junk.cbbundle"
    junk.write_bytes(b"geen bundel")
    assert main(["import", "--db", str(st.path), str(junk)]) == 2
    capsys.readouterr()
    text = _text(log_file)
    assert f"bundel geschreven: {out} (1 gebeurtenis, 1 herkomst)" in text
    assert "geweigerd bij crisisbeeld import" in text and "geen bundel" in text
    import zipfile

    from desktop.diagnose import write_diagnose

    zipped = zipfile.ZipFile(write_diagnose(tmp_path / "d.zip", None)).read("log-einde.txt")
    assert b"bundel geschreven" in zipped

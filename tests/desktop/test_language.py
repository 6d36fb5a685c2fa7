"""The interface in the chosen language (issue 14): the main window in English with every view
shown in turn, the Terugkijken, Overdracht and Oefening panes, every menu and the dialogs that
open without a modal loop — no Dutch source text and no ordinary Dutch word shows; in Dutch no
English translation shows; switching English → Dutch → English leaves nothing of the other
language; Qt's own dialogs speak the language; and the choice is remembered across a restart.

Texts of the data (an incident's title, a region's name, a person) are exempt: the world is a
bundled exercise whose data the test reads from the store and the scenario."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from data import i18n
from data.domain.regions import REGIONS
from desktop import language
from tests.desktop import lang_texts as lt
from tests.desktop.lang_allow import UNTRANSLATED

WAIT = 20_000


@pytest.fixture(autouse=True)
def no_error_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An unexpected error fails the test instead of opening a modal box."""
    from desktop import errors

    seen: list[str] = []
    monkeypatch.setattr(errors, "report", lambda text, title="": seen.append(text))
    yield
    assert not seen, seen[0]


@pytest.fixture
def dutch_after() -> Iterator[None]:
    """Whatever a test switched to, the next test starts in Dutch again."""
    yield
    language.install("nl")
    assert i18n.current_language() == "nl"


@pytest.fixture(scope="module")
def exercise_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled exercise `make run` opens (played to its middle): the control team's store,
    so the Oefening view is there too."""
    from desktop.cli_app import build_demo_exercise

    return build_demo_exercise(tmp_path_factory.mktemp("world") / "oefening.db")


def open_window(qtbot: Any, db: Path, lang: str | None = None) -> Any:
    from desktop.app import build_window

    win = build_window(db, "dark", lang)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_loaded, timeout=WAIT):
        win.show()
        win.start()
    return win


def close(win: Any) -> None:
    for top in QApplication.topLevelWidgets():
        if top is not win and top.isVisible():
            top.close()
    win.shutdown()
    win.close()


def exempt(win: Any) -> list[str]:
    """Every string of the world's data: what its events say, the scenario, the regions, the
    centre and the person."""
    from data.store import Store

    st = Store.open(win.path, readonly=True)
    try:
        said = [(e.payload, e.author) for e in st.iter_events()]
        # the fingerprint is hex ("2E09-388D-0DE2"): a "DE" in it is no Dutch word
        said.append(({}, st.fingerprint().code))
    finally:
        st.close()
    scenario = win.exercise.pane.scenario if win.exercise.pane is not None else None
    regions = [(r.name, r.short, r.code, r.grouping) for r in REGIONS]
    from desktop import places

    paths = [str(p) for p in (win.path, places.data_dir(), places.config_dir(),
                              places.log_dir())]
    return lt.data_strings(said, win.picture(), scenario, regions, win.world, win.centre,
                           win.author, paths)


def settle(qtbot: Any) -> None:
    """Let queued loads and repaints come back (no sleeps: one event-loop pass each)."""
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(0)


def tour(qtbot: Any, win: Any) -> set[str]:
    """Show every view in turn, then Terugkijken, the Overdracht, the shortcuts, About, the
    report, the sync dialogs and the forms; the texts of all that was on screen."""
    seen: set[str] = set()
    for name in win.views:
        win.show_view(name)
        settle(qtbot)
        seen |= lt.shown_texts()
    with qtbot.waitSignal(win.terugkijken.sig_shown, timeout=WAIT):
        win.terugkijken.enter()
    seen |= lt.shown_texts()
    win.terugkijken.leave()
    dialogs = [win.terugkijken.open_overdracht()]
    win.show_shortcuts()
    win.show_about()
    dialogs += [win._shortcuts_box, win._about_box]  # noqa: SLF001
    dialogs += [win.report.open_dialog(), win.sync.open_add_hub(), win.sync.open_hubs(),
                win.sync.open_peer_hub()]
    win.people.open_sign_in()
    dialogs.append(win.people.dialog)
    settle(qtbot)
    seen |= lt.shown_texts()
    for d in dialogs:
        d.close()
    for open_form in (win.commands.new_incident, win.commands.new_bijstand,
                      win.commands.new_session, win.commands.new_alert, win.commands.new_nsp):
        open_form()
        settle(qtbot)
        seen |= lt.shown_texts()
        win.commands.dialog.close()
    return seen


def dutch_shown(texts: set[str], cats: lt.Catalogues, data: list[str]) -> list[tuple[str, str]]:
    """What of ``texts`` is Dutch: a Dutch source text or a listed Dutch word (data aside)."""
    bad = []
    for text in sorted(texts):
        rest = lt.without(text, data)
        why = cats.dutch_source(rest.strip()) or cats.dutch_source(text)
        words = lt.dutch_words(rest)
        if why or words:
            bad.append((text, why or ", ".join(words)))
    return bad


def not_allowed(bad: list[tuple[str, str]], cats: lt.Catalogues,
                data: list[str]) -> list[str]:
    """The Dutch texts that are not on the allow-list of the other catalogues — and every one
    that only the desktop has: those are never allowed."""
    out = []
    for text, why in bad:
        own = cats.desktop_source(text) or cats.desktop_source(lt.without(text, data).strip())
        if own or lt.normal(text) not in UNTRANSLATED:
            out.append(f"{text!r} ({own or why})")
    return out


def english_shown(texts: set[str], cats: lt.Catalogues, data: list[str]) -> list[str]:
    bad = []
    for text in sorted(texts):
        why = cats.english_text(text) or cats.english_text(lt.without(text, data).strip())
        if why:
            bad.append(f"{text!r} ({why})")
    return bad


# ---------------------------------------------------------------------- the tests


def test_every_view_and_dialog_in_english_shows_no_dutch(qtbot: Any, exercise_db: Path,
                                                          dutch_after: None) -> None:
    win = open_window(qtbot, exercise_db, "en")
    try:
        assert "oefening" in win.views  # the control team's store: the console is on tour
        texts = tour(qtbot, win)
        cats = lt.Catalogues()
        data = exempt(win)
        bad = not_allowed(dutch_shown(texts, cats, data), cats, data)
        assert not bad, "Dutch in the English interface:\n" + "\n".join(bad)
        assert "Overview" in texts and "Look back (the picture at an earlier moment)" in texts
    finally:
        close(win)


def test_in_dutch_no_english_translation_shows(qtbot: Any, exercise_db: Path,
                                               dutch_after: None) -> None:
    win = open_window(qtbot, exercise_db, "nl")
    try:
        texts = tour(qtbot, win)
        bad = english_shown(texts, lt.Catalogues(), exempt(win))
        assert not bad, "English in the Dutch interface:\n" + "\n".join(bad)
        assert "Overzicht" in texts
    finally:
        close(win)


def test_switching_back_and_forth_leaves_nothing_of_the_other_language(
        qtbot: Any, exercise_db: Path, dutch_after: None) -> None:
    """English → Dutch → English through the menu: the window is made anew each time, on the
    same store, showing the same view and region filter."""
    win = open_window(qtbot, exercise_db, "en")
    cats = lt.Catalogues()
    try:
        win.show_view("besluiten")
        win.set_region("VR06")
        for code in ("nl", "en"):
            old = win
            old.language_actions[code].trigger()
            win = old.replaced_by
            assert win is not None and win is not old and language.current() == code
            qtbot.addWidget(win)
            qtbot.waitSignal(win.sig_loaded, timeout=WAIT).wait()
            assert win.path == old.path and win.current_view() == "besluiten"
            assert win.region == "VR06"
            assert win.language_actions[code].isChecked()
            settle(qtbot)
            texts = lt.shown_texts()
            if code == "nl":
                bad = english_shown(texts, cats, exempt(win))
            else:
                data = exempt(win)
                bad = not_allowed(dutch_shown(texts, cats, data), cats, data)
            assert not bad, f"after switching to {code}:\n" + "\n".join(bad)
    finally:
        close(win)


def test_the_choice_is_remembered_and_a_new_window_reads_it(qtbot: Any, exercise_db: Path,
                                                            dutch_after: None) -> None:
    win = open_window(qtbot, exercise_db)
    assert language.current() == "nl" and win.menuBar().actions()[0].text() == "&Weergave"
    win.language_actions["en"].trigger()
    new = win.replaced_by
    qtbot.addWidget(new)
    close(new)
    assert language.InterfaceSettings.load().language == "en"
    language.install("nl")  # as a fresh process starts: nothing installed yet
    restarted = open_window(qtbot, exercise_db)  # reads the remembered choice
    try:
        assert language.current() == "en" and i18n.current_language() == "en"
        assert restarted.menuBar().actions()[0].text() == "&View"
        assert restarted.language_actions["en"].isChecked()
    finally:
        close(restarted)
    language.remember("nl")


@pytest.mark.parametrize(("code", "cancel"), [("nl", "Annuleren"), ("en", "Cancel")])
def test_qt_own_dialogs_speak_the_language(qtbot: Any, code: str, cancel: str,
                                           dutch_after: None) -> None:
    """Qt's standard buttons and its (non-native) file dialog, from qtbase_<lang>.qm."""
    from desktop.app import make_app

    make_app(code)
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == cancel
    dialog = QFileDialog(None, "?")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert cancel in [b.text() for b in buttons.buttons()]
    dialog.close()


def test_an_unknown_or_broken_choice_falls_back_to_dutch(tmp_path: Path) -> None:
    path = tmp_path / "interface.json"
    path.write_text('{"version": 1, "language": "fr"}', encoding="utf-8")
    assert language.InterfaceSettings.load(path).language == "nl"
    path.write_text("{niet te lezen", encoding="utf-8")
    assert language.InterfaceSettings.load(path).language == "nl"
    language.InterfaceSettings(language="en").save(path)
    assert language.InterfaceSettings.load(path).language == "en"


def test_a_window_that_asks_for_sign_in_still_asks_after_a_switch(
        qtbot: Any, exercise_db: Path, dutch_after: None) -> None:
    """The person at the window stays; nobody signed in yet: the new window asks, in the new
    language."""
    win = open_window(qtbot, exercise_db, "nl")
    win.people.required = True
    win.ctx.author = win.author = "Tess Bakker"
    win.language_actions["en"].trigger()
    new = win.replaced_by
    qtbot.addWidget(new)
    try:
        qtbot.waitSignal(new.sig_loaded, timeout=WAIT).wait()
        assert new.people.required and new.ctx.author == "Tess Bakker"
        assert new.people.dialog is not None and new.people.dialog.isVisible()
    finally:
        close(new)


def test_snapshot_in_english_for_the_guides_leaves_the_choice_alone(
        qtbot: Any, exercise_db: Path, tmp_path: Path, dutch_after: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`crisisbeeld snapshot --taal en` draws the window in English for that picture; the
    language the user chose in the menu stays as it was."""
    from desktop import snapshot as snap
    from desktop.cli import main

    titles: list[str] = []
    real = snap.build_window

    def spy(*args: Any) -> Any:
        win = real(*args)
        titles.append(win.menuBar().actions()[0].text())
        return win

    monkeypatch.setattr(snap, "build_window", spy)
    out = tmp_path / "overview.png"
    assert main(["snapshot", "--db", str(exercise_db), "--view", "overzicht", "--out", str(out),
                 "--size", "1366x768", "--taal", "en"]) == 0
    assert out.exists() and titles == ["&View"]
    assert language.remembered() == "nl"


def test_the_desktop_catalogue_is_complete_current_and_keeps_its_placeholders(
        tmp_path: Path) -> None:
    """Every text of desktop/ (the CLI aside) is in i18n/desktop_en.ts with an English
    translation that has the same placeholders; a text added to the code without one fails."""
    import re
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    tool = Path(sys.executable).parent / "pyside6-lupdate"
    lupdate = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate comes with PySide6"
    sources = sorted(str(p) for p in (lt.ROOT / "desktop").glob("*.py")
                     if not p.name.startswith("cli"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, "-silent", *sources, "-ts", str(fresh)], check=True)
    in_code = {(m.findtext("source") or "") for m in ET.parse(fresh).getroot().iter("message")}
    ours = {m.findtext("source") or "": m.find("translation")
            for m in ET.parse(lt.ROOT / "i18n" / "desktop_en.ts").getroot().iter("message")}
    assert not in_code - set(ours), "not in i18n/desktop_en.ts (run pyside6-lupdate)"
    for source, tr in ours.items():
        assert tr is not None and tr.text and tr.get("type") is None, source
        assert sorted(re.findall(r"\{\d+\}", source)) == sorted(re.findall(r"\{\d+\}", tr.text)), \
            source


def test_a_neighbours_hub_goes_on_serving_after_a_switch(qtbot: Any, window: Any,
                                                         dutch_after: None) -> None:
    """The old window stops its hub before the new one starts it again on the same port."""
    from tests.data.sync.factory import free_port

    port = free_port()
    with qtbot.waitSignal(window.sync.sig_peer_hub_changed, timeout=WAIT):
        window.sync.start_peer_hub("127.0.0.1", port)
    window.language_actions["en"].trigger()
    new = window.replaced_by
    qtbot.addWidget(new)
    try:
        with qtbot.waitSignal(new.sync.sig_peer_hub_changed, timeout=WAIT) as started:
            pass
        assert started.args[0] == f"http://127.0.0.1:{port}" and window.sync.peer is None
    finally:
        close(new)

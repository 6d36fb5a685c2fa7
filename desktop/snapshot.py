"""Render one view of a store to a PNG, offscreen (for docs, reviews and checks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from data.domain.regions import resolve_region
from desktop.app import build_window, make_app
from desktop.main_window import VIEWS

#: every view a snapshot can show ("oefening": the control team's console, in an exercise
#: store with its scenario beside it)
ALL_VIEWS = (*VIEWS, "oefening")

#: the picture formats ``--out`` can have (by its extension)
FORMATS = {".png": "PNG", ".jpg": "JPG", ".jpeg": "JPG"}


class SnapshotError(Exception):
    """A snapshot that cannot be made; the message says why, in words."""


def check_out(out: Path) -> str:
    """The picture format of ``out`` (by its extension), or a SnapshotError."""
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise SnapshotError(f"{out}: kies een bestandsnaam op .png of .jpg (een afbeelding)")
    if out.is_dir():
        raise SnapshotError(f"{out} is een map; geef een bestandsnaam op .png")
    return fmt


def check_view(db: Path, view: str) -> None:
    """Refuse a view this store cannot show, before a window is made."""
    if view not in ALL_VIEWS:
        raise SnapshotError(f"onbekend scherm '{view}'; kies uit: {', '.join(ALL_VIEWS)}")
    if view == "oefening":
        from data.scenario.control import sidecar_path

        if not sidecar_path(db).exists():
            raise SnapshotError(
                f"het scherm 'oefening' is er alleen in de store van de spelleiding: naast "
                f"{db} ligt geen scenario ({sidecar_path(db).name})")


def save(win: object, out: Path, fmt: str) -> None:
    """Grab ``win`` to ``out`` and check that the file is there."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        from desktop.cli_core import file_words

        raise SnapshotError(f"{out} kan niet worden geschreven: {file_words(e)}") from None
    if not win.grab().save(str(out), fmt) or not out.is_file():  # type: ignore[attr-defined]
        raise SnapshotError(f"{out} kan niet worden geschreven: geen rechten, de schijf is "
                            "vol of de map is alleen-lezen")


def snapshot(db: Path, view: str, out: Path, size: tuple[int, int] = (1600, 1000),
             theme: str = "dark", timeout_ms: int = 60_000, region: str = "",
             lang: str | None = None) -> Path:
    """Open the window on ``db``, wait for the first load, show ``view``, grab it to ``out``.

    ``region`` (a code, short code or name) sets the region filter first, as a click on the
    map would. ``lang`` (``nl`` or ``en``) shows it in that language for this picture only;
    without it, in the language the user chose last."""
    fmt = check_out(out)
    check_view(db, view)
    app = make_app(lang)
    win = build_window(db, theme, lang)
    win.resize(*size)
    loop = QEventLoop()
    win.sig_loaded.connect(loop.quit)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(timeout_ms)
    win.show()
    win.start()
    loop.exec()
    guard.stop()
    if region:
        found = resolve_region(region)
        if found is None:
            raise SnapshotError(f"onbekende regio '{region}'")
        win.set_region(found.code)
        if view == "overzicht":  # the bars count again under the filter (a timer, in use)
            counted = QEventLoop()
            win.panes.overview.load_timeline(counted.quit)
            QTimer.singleShot(timeout_ms, counted.quit)
            counted.exec()
    if view not in win.views:  # (the scenario beside the store could not be read)
        win.shutdown()
        raise SnapshotError(f"het scherm '{view}' is er niet in deze store: het scenario "
                            "ernaast is niet te lezen (zie 'crisisbeeld exercise status')")
    win.show_view(view)
    if view == "incidenten" and win.incidents.proxy.rowCount():
        win.incidents.table.selectRow(0)
    elif view == "bijstand":
        rows = [r for r in win.picture().bijstand.values() if r[1] == "deels_toegezegd"]
        if rows:
            win.bijstand.board.select(rows[0][0])
    elif view == "logboek" and win.journal.model.rowCount():
        win.journal.table.selectRow(0)  # the detail pane shows the whole message
    elif view == "conflicten" and win.conflicts.proxy.rowCount():
        win.conflicts.table.selectRow(0)
    # let the detail loads come back and the layout settle
    settle = QEventLoop()
    QTimer.singleShot(400, settle.quit)
    settle.exec()
    app.processEvents()
    try:
        save(win, out, fmt)
    finally:
        win.shutdown()
        win.close()
        win.deleteLater()
        app.processEvents()
    return out

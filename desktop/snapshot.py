"""Render one view of a store to a PNG, offscreen (for docs, reviews and checks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from data.domain.regions import resolve_region
from desktop.app import build_window, make_app
from desktop.main_window import VIEWS


def snapshot(db: Path, view: str, out: Path, size: tuple[int, int] = (1600, 1000),
             theme: str = "dark", timeout_ms: int = 60_000, region: str = "",
             lang: str | None = None) -> Path:
    """Open the window on ``db``, wait for the first load, show ``view``, grab it to ``out``.

    ``region`` (a code, short code or name) sets the region filter first, as a click on the
    map would. ``lang`` (``nl`` or ``en``) shows it in that language for this picture only;
    without it, in the language the user chose last."""
    if view not in VIEWS:
        raise ValueError(f"onbekend scherm '{view}'; kies uit: {', '.join(VIEWS)}")
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
            raise ValueError(f"onbekende regio '{region}'")
        win.set_region(found.code)
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
    out.parent.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(out))
    win.shutdown()
    win.close()
    win.deleteLater()
    app.processEvents()
    return out

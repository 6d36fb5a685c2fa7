"""The MSEL preview shows every inject as it will be imported, and the reader's notices."""

from __future__ import annotations

from typing import Any

from widgets.msel_preview import MselPreview


def test_preview_lists_rows_and_notices(qtbot: Any) -> None:
    d = MselPreview("extra.csv", [("N1", "T+00:02", "KCR2", "IM VNOG", "Extra"),
                                  ("N2", "T+01:00", "MKON", "OL", "Nog een")],
                    ["kolom 'Rol' wordt bewaard bij elke inject"])
    qtbot.addWidget(d)
    m = d.model
    assert [m.row_tuple(r)[1:] for r in range(m.rowCount())] == [
        ("N1", "T+00:02", "KCR2", "IM VNOG", "Extra"), ("N2", "T+01:00", "MKON", "OL", "Nog een")]
    assert "kolom 'Rol'" in d.notices.text() and not d.notices.isHidden()
    d.add.click()
    assert d.result() == 1  # Toevoegen accepts
    empty = MselPreview("leeg.csv", [], [])
    qtbot.addWidget(empty)
    assert empty.notices.isHidden()

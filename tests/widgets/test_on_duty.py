"""The header's on-duty button elides its text to the room its style leaves: a text wider than
that room is centred by Qt and loses its first letters ("iet aangemeld")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from desktop.app import make_app
from desktop.theme import apply_theme
from widgets.people import OnDutyButton


@pytest.mark.parametrize("width", [90, 140, 200, 260])
@pytest.mark.parametrize("author", ["", "Fenna Dijkstra-van den Heuvel (OL VNOG)"])
def test_the_on_duty_text_fits_its_room_and_starts_with_its_first_letter(
        qtbot: Any, width: int, author: str) -> None:
    apply_theme(make_app(), "dark")  # the stylesheet's padding is what made it clip
    b = OnDutyButton()
    qtbot.addWidget(b)
    b.set_person(author)
    b.resize(width, 30)
    b.show()
    opt = QStyleOptionButton()
    b.initStyleOption(opt)
    opt.text = ""
    room = b.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, b)
    assert b.fontMetrics().horizontalAdvance(b.text()) <= room.width()
    shown = b.text().rstrip("…")
    assert shown and b.full_text.startswith(shown)

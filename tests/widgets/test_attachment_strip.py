"""The attachment strip on its own: a thumbnail for a photo, a name for another file, and
"bijlage nog niet ontvangen" where the bytes have not arrived; drops and clicks become signals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage

from widgets.attachments import THUMB, AttachmentStrip


def _items(received: bool = True) -> list[dict[str, Any]]:
    img = QImage(THUMB, THUMB // 2, QImage.Format.Format_RGB32)
    img.fill(QColor("steelblue"))
    return [
        {"id": "a1", "name": "dijk.jpg", "media_type": "image/jpeg", "size": 2048,
         "received": received, "classification": "intern", "caption": "de bres",
         "thumb": img if received else None},
        {"id": "a2", "name": "nlalert.pdf", "media_type": "application/pdf", "size": 900,
         "received": received, "classification": "openbaar"},
    ]


def test_photo_inline_other_file_by_name_and_a_click_opens(qtbot: Any) -> None:
    s = AttachmentStrip()
    qtbot.addWidget(s)
    with qtbot.waitSignal(s.sig_target_changed) as sig:
        s.set_target("inc-1")
    assert sig.args == ["inc-1"]
    s.set_attachments("inc-1", _items())
    photo, pdf = s.tiles()
    assert photo.property("inline") and photo.text() == "dijk.jpg"
    assert photo.icon().pixmap(THUMB).size().toTuple() == (THUMB, THUMB // 2)
    assert "de bres" in photo.toolTip()
    assert not pdf.property("inline") and "nlalert.pdf" in pdf.text()
    assert "(2)" in s.count.text()
    with qtbot.waitSignal(s.sig_open) as opened:
        qtbot.mouseClick(photo, Qt.MouseButton.LeftButton)
    assert opened.args == ["a1"]
    # an answer about an item no longer shown changes nothing
    s.set_attachments("ander-item", [])
    assert len(s.tiles()) == 2


def test_bytes_not_received_yet_say_so_and_cannot_be_opened(qtbot: Any) -> None:
    s = AttachmentStrip()
    qtbot.addWidget(s)
    s.set_target("inc-1")
    s.set_attachments("inc-1", _items(received=False))
    opened: list[str] = []
    s.sig_open.connect(opened.append)
    for tile in s.tiles():
        assert "bijlage nog niet ontvangen" in tile.text()
        assert tile.icon().isNull() and not tile.property("inline")
        tile.click()
        # no "Openen" in its menu, but it can be withdrawn before its bytes arrive
        menu = s.tile_menu(tile, "a1", "dijk.jpg")
        assert [a.text() for a in menu.actions()] == ["Intrekken…"]
        assert tile.isEnabled()  # (a disabled tile would get no menu at all)
    assert opened == []


def test_dropped_files_are_asked_to_be_attached(qtbot: Any, tmp_path: Any) -> None:
    s = AttachmentStrip()
    qtbot.addWidget(s)
    f = tmp_path / "foto.png"
    f.write_bytes(b"x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    s.set_target("inc-1")
    ev = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(s.sig_dropped) as dropped:
        s.dropEvent(ev)
    assert dropped.args == ["inc-1", [str(f)]]
    s.set_target("")
    assert not s.add_btn.isEnabled()

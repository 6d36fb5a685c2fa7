"""Attachments through the main window: attach a photo to an incident (it shows inline and opens
full size), a file past the limit is refused with a Dutch message, a file on a journal line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from data.domain.attachments import MAX_ATTACHMENT_BYTES
from data.store import Command
from desktop import attach_ui
from widgets.attachments import THUMB


def _png(w: int = 640, h: int = 400) -> bytes:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("darkcyan"))
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(ba.data())


def _new_incident(qtbot: Any, window: Any) -> str:
    made: list[Any] = []
    window.commands.execute([Command("incident.reported", {
        "title": "Dijkdoorbraak Lek", "kind": "overstroming", "regions": ["VR09"]})],
        on_ok=made.append)
    qtbot.waitUntil(lambda: bool(made) and window.incidents.proxy.rowCount() > 0, timeout=10_000)
    (iid,) = made[0].entities
    return str(iid)


def test_a_photo_on_an_incident_shows_inline_and_full_size(qtbot: Any, window: Any,
                                                           read_store: Any, tmp_path: Any,
                                                           monkeypatch: Any) -> None:
    iid = _new_incident(qtbot, window)
    window.show_view("incidenten")
    window.incidents.select(iid)
    strip = window.incidents.attachments
    assert strip.target() == iid
    photo = tmp_path / "bres.png"
    photo.write_bytes(_png())
    window.attach.add(iid, [str(photo)])
    qtbot.waitUntil(lambda: len(strip.tiles()) == 1, timeout=10_000)
    (tile,) = strip.tiles()
    qtbot.waitUntil(lambda: bool(tile.property("inline")), timeout=10_000)  # the photo, inline
    assert tile.icon().pixmap(THUMB).size().toTuple() == (THUMB, 60)  # 640×400 scaled
    assert "(1)" in strip.count.text()
    (att,) = read_store().attachments(iid)
    assert att["name"] == "bres.png" and att["received"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.attach.viewer is not None, timeout=10_000)
    shown = window.attach.viewer.findChild(attach_ui.QLabel).pixmap()
    assert (shown.width(), shown.height()) == (640, 400)  # full size, not the thumbnail
    window.attach.viewer.close()
    # past the limit: a Dutch message, nothing stored
    said: list[str] = []
    monkeypatch.setattr(attach_ui.QMessageBox, "warning", lambda *a: said.append(a[2]))
    big = tmp_path / "film.mp4"
    with open(big, "wb") as f:
        f.truncate(MAX_ATTACHMENT_BYTES + 1)
    before = read_store().event_count()
    window.attach.add(iid, [str(big)])
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "te groot" in said[0] and "Error" not in said[0]
    assert read_store().event_count() == before and len(read_store().attachments(iid)) == 1


def test_a_file_on_a_journal_line(qtbot: Any, window: Any, read_store: Any,
                                  tmp_path: Any) -> None:
    made: list[Any] = []
    window.commands.execute([Command("journal.logged", {
        "channel": "telefoon", "text": "NL-Alert verstuurd"})], on_ok=made.append)
    qtbot.waitUntil(lambda: bool(made) and window.journal.model.rowCount() > 0, timeout=10_000)
    (jid,) = made[0].entities
    window.show_view("logboek")
    window.journal.table.selectRow(0)
    strip = window.journal.attachments
    assert strip.target() == jid
    text = tmp_path / "nlalert.txt"
    text.write_text("Verlaat de polder", encoding="utf-8")
    window.attach.add(jid, [str(text)])
    qtbot.waitUntil(lambda: len(strip.tiles()) == 1, timeout=10_000)
    assert "nlalert.txt" in strip.tiles()[0].text() and not strip.tiles()[0].property("inline")
    assert read_store().entity(jid)["text"] == "NL-Alert verstuurd"


def test_a_file_attached_by_mistake_is_withdrawn_from_its_tile(
        qtbot: Any, window: Any, read_store: Any, tmp_path: Any, monkeypatch: Any) -> None:
    iid = _new_incident(qtbot, window)
    window.show_view("incidenten")
    window.incidents.select(iid)
    strip = window.incidents.attachments
    photo = tmp_path / "paspoort.png"
    photo.write_bytes(_png())
    window.attach.add(iid, [str(photo)])
    qtbot.waitUntil(lambda: len(strip.tiles()) == 1, timeout=10_000)
    (tile,) = strip.tiles()
    assert "intrekken" in tile.toolTip()
    # the tile's menu offers it
    shown: list[Any] = []
    monkeypatch.setattr(attach_ui.QInputDialog, "getText",
                        lambda *a, **k: (shown.append(a[2]) or ("", False)))
    assert tile.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    menu = strip.tile_menu(tile, read_store().attachments(iid)[0]["id"], "paspoort.png")
    assert [a.text() for a in menu.actions()] == ["Openen", "Intrekken…"]
    menu.actions()[1].trigger()
    assert "paspoort.png" in shown[0]  # asked why; cancelled: nothing changes
    assert len(read_store().attachments(iid)) == 1
    # an empty reason is refused in words; a reason withdraws it everywhere in the window
    said: list[str] = []
    monkeypatch.setattr(attach_ui.QMessageBox, "warning", lambda *a: said.append(a[2]))
    monkeypatch.setattr(attach_ui.QInputDialog, "getText", lambda *a, **k: (" ", True))
    strip.sig_withdraw.emit(read_store().attachments(iid)[0]["id"], "paspoort.png")
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "reden" in said[0] and "Error" not in said[0]
    monkeypatch.setattr(attach_ui.QInputDialog, "getText",
                        lambda *a, **k: ("persoonsgegevens", True))
    strip.sig_withdraw.emit(read_store().attachments(iid)[0]["id"], "paspoort.png")
    qtbot.waitUntil(lambda: strip.tiles() == [], timeout=10_000)
    assert read_store().attachments(iid) == [] and strip.scroll.isHidden()
    qtbot.waitUntil(lambda: "1 ingetrokken" in strip.count.text(), timeout=10_000)
    assert "paspoort.png" in strip.count.toolTip() and "persoonsgegevens" in strip.count.toolTip()
    (gone,) = read_store().attachments(iid, withdrawn=True)
    assert gone["withdrawn"]["reason"] == "persoonsgegevens"

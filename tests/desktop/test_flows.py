"""Whole flows through the main window, checked in the store and on screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from data.store import Command, Store


def _fill(form: Any, **values: Any) -> None:
    for name, val in values.items():
        w = form.input(name)
        if isinstance(w, QComboBox):
            i = w.findData(val)
            assert i >= 0, (name, val)
            w.setCurrentIndex(i)
        elif isinstance(w, QSpinBox):
            w.setValue(val)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(val)
        elif isinstance(w, QLineEdit):
            w.setText(val)
        else:
            form.set_value(name, val)


def _save(qtbot: Any, window: Any, **values: Any) -> None:
    """Fill the open form, save, and wait until the store took it (dialog closed)."""
    dlg = window.commands.dialog
    _fill(dlg.form, **values)
    with qtbot.waitSignal(dlg.finished, timeout=10_000):
        dlg.form.submit()


def _rows_with(qtbot: Any, proxy: Any, text: str) -> None:
    """Wait until a row of ``proxy`` shows ``text``."""
    _wait_row(qtbot, proxy, text)


def _wait_row(qtbot: Any, proxy: Any, text: str) -> None:
    def seen() -> None:
        assert any(text in str(proxy.index(r, c).data())
                   for r in range(proxy.rowCount()) for c in range(proxy.columnCount()))
    qtbot.waitUntil(seen, timeout=10_000)


def test_report_and_update_incident(qtbot: Any, window: Any, read_store: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = window.commands.dialog
    assert dlg is not None and dlg.isVisible()
    # nothing filled in: the store's messages appear next to the fields
    dlg.form.submit()
    qtbot.waitUntil(lambda: dlg.form.error_text("title") != "", timeout=10_000)
    assert "verplicht" in dlg.form.error_text("title")
    assert dlg.isVisible()
    _save(qtbot, window, title="Dijkdoorbraak Lek", kind="overstroming", regions="VR09, VRZHZ")
    _wait_row(qtbot, window.incidents.proxy, "Dijkdoorbraak Lek")
    inc = read_store().entities("incident")
    assert [i["title"] for i in inc] == ["Dijkdoorbraak Lek"]
    assert inc[0]["regions"] == ["VR09", "VR18"]
    iid = inc[0]["id"]

    window.incidents.select(iid)
    window.incidents.sig_status.emit(iid)
    _save(qtbot, window, to="actief")
    window.incidents.sig_picture.emit(iid)
    _save(qtbot, window, beeld="Bres van 30 meter; evacuatie Lopik gestart.")
    window.incidents.sig_edit.emit(iid)
    _save(qtbot, window, title="Dijkdoorbraak Lek bij Lopik")
    _wait_row(qtbot, window.incidents.proxy, "Dijkdoorbraak Lek bij Lopik")
    s = read_store().entity(iid)
    assert s["status"] == "actief" and s["title"] == "Dijkdoorbraak Lek bij Lopik"
    assert s["beeld"].startswith("Bres van 30 meter")
    qtbot.waitUntil(lambda: "Bres van 30 meter" in window.incidents.detail.toPlainText(),
                    timeout=10_000)
    assert "Actief" in window.incidents.detail.toPlainText()


def test_bijstand_lifecycle_with_partial_offer(qtbot: Any, window: Any, read_store: Any) -> None:
    window.commands.new_bijstand()
    _save(qtbot, window, requesting_region="VR06", addressed_to="KCR2",
          capability="aggregaten_noodstroom", quantity=10, unit="aggregaten")
    board = window.bijstand.board
    qtbot.waitUntil(lambda: board.models["concept"].rowCount() == 1, timeout=10_000)
    bid = read_store().entities("bijstand")[0]["id"]

    # keyboard: Ctrl+→ moves the card to the next legal column (concept → ingediend)
    board.select(bid)
    col = board.columns["concept"]
    qtbot.keyClick(col, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: board.models["ingediend"].rowCount() == 1, timeout=10_000)
    # drag-and-drop goes through the model's drop handler
    src = board.models["ingediend"]
    md = src.mimeData([src.index(0)])
    dst = board.models["in_behandeling"]
    assert dst.canDropMimeData(md, Qt.DropAction.MoveAction, -1, -1, dst.index(-1))
    assert not board.models["onderweg"].canDropMimeData(md, Qt.DropAction.MoveAction, -1, -1,
                                                        dst.index(-1))
    dst.dropMimeData(md, Qt.DropAction.MoveAction, -1, -1, dst.index(-1))
    qtbot.waitUntil(lambda: dst.rowCount() == 1, timeout=10_000)

    window.show_view("bijstand")
    board.select(bid)
    qtbot.waitUntil(lambda: window.bijstand.current() == bid, timeout=10_000)
    window.bijstand.sig_offer.emit(bid)
    _save(qtbot, window, provider="VR09", quantity=4)
    window.bijstand.sig_status.emit(bid)
    _save(qtbot, window, to="deels_toegezegd")
    qtbot.waitUntil(lambda: board.models["deels_toegezegd"].rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "Nog open: 6" in window.bijstand.detail.toPlainText(), timeout=10_000)
    assert "open 6" in board.models["deels_toegezegd"].index(0).data()

    window.bijstand.sig_offer.emit(bid)
    _save(qtbot, window, provider="VR25", quantity=6)
    for to in ("toegezegd", "onderweg", "ingezet", "beeindigd"):
        window.bijstand.sig_status.emit(bid)
        _save(qtbot, window, to=to)
        qtbot.waitUntil(lambda to=to: board.models[to].rowCount() == 1, timeout=10_000)
    s = read_store().entity(bid)
    assert s["status"] == "beeindigd"
    assert [h.get("to") for h in s["history"] if h["what"] == "status"] == [
        "ingediend", "in_behandeling", "deels_toegezegd", "toegezegd", "onderweg", "ingezet",
        "beeindigd"]
    qtbot.waitUntil(lambda: "Nog open: 0" in window.bijstand.detail.toPlainText(), timeout=10_000)


def test_irbt_session_decision_amend_action(qtbot: Any, window: Any, read_store: Any) -> None:
    window.commands.new_session()
    _save(qtbot, window, title="IRBT Lek", regions="VR09, VR18", chair="Voorzitter VRU")
    dv = window.decisions
    qtbot.waitUntil(lambda: dv.current()[0] != "", timeout=10_000)
    dv.sig_record.emit(dv.current()[0])
    assert window.commands.dialog.form.input("number").value() == 1
    _save(qtbot, window, text="Evacuatie Lopik en Schoonhoven.", rationale="Bres groeit.")
    qtbot.waitUntil(lambda: dv.decisions.rowCount() == 1 and dv.current()[1] != "", timeout=10_000)
    did = dv.current()[1]
    dv.sig_amend.emit(did)
    _save(qtbot, window, text="Evacuatie Lopik, Schoonhoven en Vianen.")
    qtbot.waitUntil(lambda: "versie 2" in dv.detail.toPlainText(), timeout=10_000)
    assert "Eerdere versies" in dv.detail.toPlainText()
    dv.sig_new_action.emit(did)
    _save(qtbot, window, text="Bussen regelen", owner="AC Bevolkingszorg",
          due="2020-01-01 10:00")
    qtbot.waitUntil(lambda: dv.actions.rowCount() == 1, timeout=10_000)
    assert "te laat" in dv.a_proxy.index(0, 2).data()  # overdue is marked
    dv.select_action(dv.actions.ids()[0])
    qtbot.waitUntil(lambda: dv.current()[2] != "", timeout=10_000)
    dv.sig_action_status.emit(dv.current()[2])
    _save(qtbot, window, to="gereed")
    qtbot.waitUntil(lambda: dv.a_proxy.index(0, 1).data() == "Gereed", timeout=10_000)
    st = read_store()
    d = st.entity(did)
    assert d["version"] == 2 and d["text"].endswith("en Vianen.")
    assert d["versions"][0]["text"] == "Evacuatie Lopik en Schoonhoven."
    assert st.entities("action")[0]["status"] == "gereed"


def test_journal_quick_entry_keyboard_only(qtbot: Any, window: Any, read_store: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    entry = window.journal.entry
    assert window.current_view() == "logboek"
    entry.sender.setText("CaCo MKON")
    entry.recipient.setText("KCR2")
    for i, text in enumerate(("Mast Apeldoorn op accu", "Mast Epe uitgevallen")):
        qtbot.keyClicks(entry.text, text)
        qtbot.keyClick(entry.text, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda i=i: window.journal.model.rowCount() == i + 1, timeout=10_000)
        assert entry.text.text() == ""
    # empty text: refused next to the bar, nothing stored
    qtbot.keyClick(entry.text, Qt.Key.Key_Return)
    assert "verplicht" in entry.error.text()
    rows = read_store().entities("journal")
    assert sorted(r["text"] for r in rows) == ["Mast Apeldoorn op accu", "Mast Epe uitgevallen"]
    assert {r["sender"] for r in rows} == {"CaCo MKON"}
    # newest first, and the filter box narrows
    assert "Mast Epe" in window.journal.model.index(0, 5).data()
    window.journal.filter.setText("apeldoorn")
    assert window.journal.model.rowCount() == 1


def test_comms_matrix_report(qtbot: Any, window: Any, read_store: Any) -> None:
    window.show_view("verbindingen")
    m = window.comms.matrix
    row = m.regions.index("VR06")
    col = m.channels.index("C2000")
    idx = m.index(row, col)
    assert idx.data() == "?"  # short words in the cells, the full state in the tooltip
    assert "geen melding" in idx.data(Qt.ItemDataRole.ToolTipRole)
    rect = window.comms.visualRect(idx)
    qtbot.mouseClick(window.comms.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dlg = window.commands.dialog
    assert "C2000" in dlg.windowTitle()
    _save(qtbot, window, state="uitgevallen", note="masten op accu leeg")
    qtbot.waitUntil(lambda: m.index(row, col).data() == "uit", timeout=10_000)
    c = read_store().entities("comms")[0]
    assert (c["region"], c["channel"], c["state"]) == ("VR06", "C2000", "uitgevallen")
    # the overview follows: a region with an outage, coloured on the map
    qtbot.waitUntil(lambda: window.kpis()["comms_out_regions"] == ["VR06"], timeout=10_000)
    assert window.region_levels()["VR06"] == "alert"


def test_region_filter_acts_across_views(qtbot: Any, window: Any) -> None:
    window.commands.new_incident()
    _save(qtbot, window, title="Brand Epe", kind="natuurbrand", regions="VNOG")
    window.commands.new_incident()
    _save(qtbot, window, title="Brand Heeze", kind="natuurbrand", regions="VRBZO")
    qtbot.waitUntil(lambda: window.incidents.proxy.rowCount() == 2, timeout=10_000)
    window.overview.map.region_clicked("VR06")
    assert window.region == "VR06"
    assert window.incidents.proxy.rowCount() == 1
    window.overview.map.region_clicked("VR06")  # again: filter off
    assert window.incidents.proxy.rowCount() == 2
    window.filter.setText("heeze")
    qtbot.waitUntil(lambda: window.incidents.proxy.rowCount() == 1, timeout=10_000)


def test_resolve_conflict(qtbot: Any, store_factory: Any, window: Any, read_store: Any) -> None:
    # a: the window's store; b: another centre. Both move the same request concurrently.
    a = Store.open(window.path)
    b = store_factory("vnog")
    ch = a.execute(Command("bijstand.requested", {
        "requesting_region": "VR06", "addressed_to": "KCR2", "capability": "usar",
        "quantity": 1, "status": "ingediend"}), "OL KCR2")
    bid = next(iter(ch.entities))
    b.ingest(list(a.iter_events()))
    a.execute(Command("bijstand.status_changed", {"to": "in_behandeling"}, entity=bid), "OL KCR2")
    b.execute(Command("bijstand.status_changed", {"to": "afgewezen"}, entity=bid), "IM VNOG")
    res = a.ingest(list(b.iter_events()))
    a.close()
    window.apply_changes(res.changes)  # what the sync wiring does with ingested changes
    inbox = window.conflicts
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=10_000)
    assert "1 tegenstrijdige wijziging" in window.header.conflicts.text()
    window.show_view("conflicten")
    inbox.table.selectRow(0)
    qtbot.waitUntil(lambda: inbox.apply_btn.isEnabled(), timeout=10_000)
    assert "Afgewezen" in inbox.wanted.text() and "vnog" in inbox.wanted.text()
    assert "In behandeling" in inbox.kept.text()
    qtbot.mouseClick(inbox.apply_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 0, timeout=10_000)
    st = read_store()
    assert st.conflicts() == []
    assert st.entity(bid)["status"] == "afgewezen"
    qtbot.waitUntil(lambda: window.header.conflicts.isHidden(), timeout=10_000)


def test_changes_before_first_load_and_sync_slot(qtbot: Any, store_factory: Any) -> None:
    """A change notice that arrives while the first load is still under way is safe."""
    from pathlib import Path

    from desktop.main_window import MainWindow

    st = store_factory("vrgz", name="VRGZ")
    ch = st.execute(Command("bijstand.requested", {
        "requesting_region": "VR08", "addressed_to": "KCR2", "capability": "pompcapaciteit",
        "quantity": 2}), "IM VRGZ")
    ch2 = st.execute(Command("journal.logged", {"channel": "NCV", "text": "test"}), "IM VRGZ")
    ch.merge(ch2)
    win = MainWindow(Path(st.path), st.world, st.name, author="tester")
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(win.sig_loaded, timeout=10_000):
            win.apply_changes(ch)  # before start(): the reload requests queue up first
            win.start()
        qtbot.waitUntil(lambda: win.journal.model.rowCount() == 1, timeout=10_000)
        assert win.kpis()["bijstand_open"] == 1
        win.set_sync_state("offline", backlog=12, last_success="4 min", detail="hub onbereikbaar")
        assert "achterstand 12" in win.header.sync.text()
    finally:
        win.shutdown()


def test_noodsteunpunt_register_and_update(qtbot: Any, window: Any, read_store: Any) -> None:
    window.show_view("noodsteunpunten")
    window.nsp.new_btn.click()
    _save(qtbot, window, name="Dorpshuis Wapenveld", kind="lokaal", municipality="Heerde",
          region="VR06", power="aggregaat", opened_at="2026-11-22 08:00")
    qtbot.waitUntil(lambda: window.nsp.proxy.rowCount() == 1, timeout=10_000)
    nid = read_store().entities("nsp")[0]["id"]
    window.nsp.table.selectRow(0)
    window.nsp.edit_btn.click()
    _save(qtbot, window, status="operationeel")
    qtbot.waitUntil(lambda: window.nsp.proxy.index(0, 3).data() == "Operationeel",
                    timeout=10_000)
    s = read_store().entity(nid)
    assert s["status"] == "operationeel" and s["power"] == "aggregaat"
    hist = [h for h in s["history"] if h["what"] == "gewijzigd"]
    assert hist and hist[-1]["fields"] == ["status"]  # only what changed is sent
    assert window.kpis()["nsp_open"] == 1


def test_bijstand_offer_withdrawn_and_request_updated(qtbot: Any, window: Any,
                                                     read_store: Any) -> None:
    window.commands.new_bijstand()
    _save(qtbot, window, requesting_region="VR07", addressed_to="KCR2",
          capability="pompcapaciteit", quantity=4, status="ingediend")
    board = window.bijstand.board
    qtbot.waitUntil(lambda: board.models["ingediend"].rowCount() == 1, timeout=10_000)
    bid = read_store().entities("bijstand")[0]["id"]
    window.show_view("bijstand")
    board.select(bid)
    qtbot.waitUntil(lambda: window.bijstand.current() == bid, timeout=10_000)
    window.bijstand.sig_offer.emit(bid)
    _save(qtbot, window, provider="VR08", quantity=3)
    qtbot.waitUntil(lambda: "Nog open: 1" in window.bijstand.detail.toPlainText(),
                    timeout=10_000)
    old = window.commands.dialog
    window.bijstand.sig_withdraw_offer.emit(bid)  # the form opens once the state is loaded
    qtbot.waitUntil(lambda: window.commands.dialog is not old, timeout=10_000)
    _save(qtbot, window, reason="eenheden elders nodig")
    qtbot.waitUntil(lambda: "Nog open: 4" in window.bijstand.detail.toPlainText(),
                    timeout=10_000)
    old = window.commands.dialog
    window.bijstand.sig_edit.emit(bid)
    qtbot.waitUntil(lambda: window.commands.dialog is not old, timeout=10_000)
    assert window.commands.dialog.form.input("quantity").value() == 4
    _save(qtbot, window, quantity=6)
    qtbot.waitUntil(lambda: "Nog open: 6" in window.bijstand.detail.toPlainText(),
                    timeout=10_000)
    s = read_store().entity(bid)
    assert s["quantity"] == 6 and all(o["withdrawn"] for o in s["offers"].values())


def test_worker_error_reaches_the_gui_thread(qtbot: Any, window: Any,
                                             monkeypatch: Any) -> None:
    import threading

    from desktop import errors

    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "report",
                        lambda text, title="": seen.append((threading.current_thread().name,
                                                            text)))
    from desktop.ops import QueryOp

    def broken(_store: Any) -> None:
        raise KeyError("no-such-load")

    QueryOp(window.ops, broken).run_in_background()  # no failure handler: the one error place
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0][0] == threading.main_thread().name and "KeyError" in seen[0][1]

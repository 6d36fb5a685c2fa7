"""Widgets on their own: forms place messages, header, map, board keyboard, quick entry."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from data.domain.events import validate_payload
from data.domain.validation import ValidationError
from widgets.bijstand_board import BijstandBoard
from widgets.forms import CommandForm
from widgets.header import HeaderBar, Watermark
from widgets.journal import QuickEntryBar
from widgets.region_map import RegionMap


def test_form_shows_store_messages_next_to_fields(qtbot: Any) -> None:
    f = CommandForm("incident.reported")
    qtbot.addWidget(f)
    try:
        validate_payload("incident.reported", f.payload())
    except ValidationError as e:
        f.show_errors(e.errors + [("auteur", "vul in wie dit invoert")])
    assert "verplicht" in f.error_text("title")
    assert "verplicht" in f.error_text("kind")
    assert f.error_text("location") == ""
    assert "auteur" in f.form_error.text()  # a field the form does not have: above the form
    f.clear_errors()
    assert f.error_text("title") == ""


def test_form_payload_types(qtbot: Any) -> None:
    f = CommandForm("bijstand.requested", initial={"quantity": 4, "requesting_region": "VR06"})
    qtbot.addWidget(f)
    p = f.payload()
    assert p["quantity"] == 4 and p["requesting_region"] == "VR06"
    assert "needed_by" not in p  # empty optional fields are left out
    with qtbot.waitSignal(f.sig_submitted) as blocker:
        f.submit()
    assert blocker.args[0] == "bijstand.requested"


def test_header_world_banner_sync_and_alarms(qtbot: Any) -> None:
    h = HeaderBar("OEF-2026-01", "KCR2")
    qtbot.addWidget(h)
    assert "OEFENING" in h.banner.text() and h.banner.property("world") == "oefening"
    assert h.sync.text() == "geen sync ingesteld"
    h.sync.set_state("online", backlog=3, last_success="2 min")
    assert "achterstand 3" in h.sync.text() and "2 min" in h.sync.text()
    h.set_alarms([{"origin": "vrgz", "detail": "klok van vrgz loopt 600 s voor"}], 2)
    assert "vrgz" in h.drift.text() and "2 tegenstrijdige" in h.conflicts.text()
    live = HeaderBar("LIVE", "VNOG")
    qtbot.addWidget(live)
    assert live.banner.text() == "LIVE"
    w = Watermark(live)
    assert w.text == "OEFENING"


def test_header_shows_a_fork_in_red_and_says_what_to_do(qtbot: Any) -> None:
    h = HeaderBar("LIVE", "KCR2")
    qtbot.addWidget(h)
    h.show()
    h.set_alarms([], 0)
    assert not h.fork.isVisible()
    detail = "vork: vnog seq 6 is in deze store gebeurtenis 01a2…, maar er is ook …"
    h.set_alarms([], 0, [{"origin": "vnog", "detail": detail}])
    assert h.fork.isVisible() and h.fork.text() == "⛔ VORK: vnog"
    assert h.fork.toolTip() == detail and h.fork.property("severity") == "red"
    with qtbot.waitSignal(h.sig_alarm_clicked) as blocker:
        qtbot.mouseClick(h.fork, Qt.MouseButton.LeftButton)
    assert blocker.args == ["vork"]


def test_map_click_selects_and_clears(qtbot: Any) -> None:
    m = RegionMap()
    qtbot.addWidget(m)
    assert len(m.items_by_code) == 25
    with qtbot.waitSignal(m.sig_region_clicked) as b:
        m.region_clicked("VR06")
    assert b.args == ["VR06"]
    with qtbot.waitSignal(m.sig_region_clicked) as b:
        m.region_clicked("VR06")
    assert b.args == [""]
    m.set_levels({"VR06": "alert"})
    assert m.item_color("VR06") != m.item_color("VR01")


def test_board_keyboard_moves(qtbot: Any) -> None:
    b = BijstandBoard()
    qtbot.addWidget(b)
    b.show()
    b.set_rows([("x", "in_behandeling", "VR06", "KCR2", "1× USAR", 1, 0, "team", "hoog", None,
                 "", None)])
    b.select("x")
    col = b.columns["in_behandeling"]
    with qtbot.waitSignal(b.sig_transition_requested) as sig:
        qtbot.keyClick(col, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert sig.args == ["x", "in_behandeling", "deels_toegezegd"]
    with qtbot.assertNotEmitted(b.sig_transition_requested):  # no legal step to the left
        qtbot.keyClick(col, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    b.set_filter("", "VR01")
    assert b.models["in_behandeling"].rowCount() == 0


@pytest.mark.parametrize("shared", [False, True])
def test_board_search_keeps_card_order_and_follows_changes(qtbot: Any, shared: bool) -> None:
    """The same with the search texts shared with the Overzicht (one hay, lined up ahead of
    the first keystroke): one text per card, the changed cards' texts worked out anew."""
    from data.picture.filtering import BijstandHay

    b = BijstandBoard()
    qtbot.addWidget(b)
    hay = BijstandHay()
    if shared:
        b.share_texts(hay)

    def row(rid: str, title: str, prio: str, status: str = "ingediend") -> tuple[Any, ...]:
        return (rid, status, "VR06", "KCR2", title, 1, 0, "team", prio, None, "", None)

    def shown(st: str = "ingediend") -> list[str]:
        m = b.models[st]
        return [m.row_tuple(i)[0] for i in range(m.rowCount())]

    b.set_rows([row("a", "Zandzakken", "laag"), row("b", "Pompen", "hoog"),
                row("c", "Zandwagens", "zeer_hoog")])
    assert shown() == ["c", "b", "a"]  # by priority
    if shared:
        b.prepare_search()
        assert len(hay._rows) == 3  # noqa: SLF001 - lined up in the shared hay
        held = dict(hay._rows)  # noqa: SLF001 - what a keystroke will look in
    b.set_filter("zand")
    assert shown() == ["c", "a"]
    if shared:
        assert hay._rows == held  # noqa: SLF001 - looked only
        assert all(t is held[r] for r, t in hay._rows.items())  # noqa: SLF001
    b.upsert([row("b", "Zand en pompen", "normaal"), row("d", "Zandschep", "hoog")])
    assert shown() == ["c", "d", "b", "a"]  # the changed and the new card, in their places
    b.upsert([row("c", "Zandwagens", "zeer_hoog", "in_behandeling")])
    assert shown() == ["d", "b", "a"] and shown("in_behandeling") == ["c"]
    b.set_filter("")
    assert shown() == ["d", "b", "a"]
    b.set_rows([row("a", "Zandzakken", "laag")])  # a new load, changed before any search
    b.upsert([row("e", "Zandbak", "hoog"), row("a", "Pompen", "laag")])
    b.set_filter("zand")
    assert shown() == ["e"]


def test_board_hidden_in_a_shown_window_takes_the_search_when_it_is_shown(qtbot: Any) -> None:
    """A search typed on another view (the board hidden, its window shown) filters the cards
    once the board comes into sight; a change of rows meanwhile still lands in its column."""
    from PySide6.QtWidgets import QStackedWidget, QWidget

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    other, b = QWidget(), BijstandBoard()
    stack.addWidget(other)
    stack.addWidget(b)
    stack.show()  # the other page in sight

    def row(rid: str, title: str) -> tuple[Any, ...]:
        return (rid, "ingediend", "VR06", "KCR2", title, 1, 0, "team", "hoog", None, "", None)

    def shown() -> list[str]:
        m = b.models["ingediend"]
        return sorted(m.row_tuple(i)[0] for i in range(m.rowCount()))

    b.set_rows([row("a", "Zandzakken"), row("b", "Pompen")])
    b.set_filter("zand")
    b.upsert([row("c", "Zandschep")])
    assert "b" not in shown()  # (the column the change touched is handed out with the search)
    b.set_filter("pomp")
    stack.setCurrentWidget(b)
    assert shown() == ["b"]
    assert b.titles["ingediend"].text().endswith("(1)")


def test_quick_entry_enter_submits(qtbot: Any) -> None:
    q = QuickEntryBar()
    qtbot.addWidget(q)
    qtbot.keyClicks(q.text, "Mast Epe uitgevallen")
    with qtbot.assertNotEmitted(q.sig_submitted):  # an incoming line needs a sender
        qtbot.keyClick(q.text, Qt.Key.Key_Return)
    q.sender.setText("CaCo Oost")
    with qtbot.waitSignal(q.sig_submitted) as sig:
        qtbot.keyClick(q.text, Qt.Key.Key_Return)
    assert sig.args[0]["text"] == "Mast Epe uitgevallen" and sig.args[0]["channel"] == "C2000"
    q.saved()
    assert q.text.text() == ""


def test_a_hidden_journal_is_filtered_when_it_is_shown(qtbot: Any) -> None:
    """The window's search typed while another view is shown reaches the Logboek when it is
    shown, with the lines it would have shown at once."""
    from PySide6.QtWidgets import QLabel, QStackedWidget

    from widgets.journal_view import JournalView

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    other, jv = QLabel("Overzicht"), JournalView()
    stack.addWidget(other)
    stack.addWidget(jv)
    jv.set_rows([(f"01a203f4-3677-7a59-8d76-{i:012x}", 1_700_000_000 + i, "C2000", "in",
                  "VNOG", "KCR2", f"bericht {i} {'Apeldoorn' if i % 3 == 0 else 'Epe'}",
                  False, None, "OL") for i in range(9)])
    stack.show()
    qtbot.waitExposed(stack)
    jv.set_filter("apeldoorn", "")
    assert jv.model.rowCount() == 9  # not shown: not filtered yet
    stack.setCurrentWidget(jv)
    assert jv.model.rowCount() == 3
    assert [jv.model.id_at(r)[-1] for r in range(3)] == ["6", "3", "0"]  # newest first
    jv.set_filter("", "")  # shown: at once
    assert jv.model.rowCount() == 9


def test_hidden_incidents_take_the_search_when_they_are_shown(qtbot: Any) -> None:
    """The window's search typed while another view is shown filters the Incidenten once they
    come into sight (not per keystroke before that), with the rows a shown list would have;
    a row selected while still hidden is looked for among the filtered rows."""
    from PySide6.QtWidgets import QLabel, QStackedWidget

    from widgets.incidents_view import IncidentsView

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    other, iv = QLabel("Overzicht"), IncidentsView()
    stack.addWidget(other)
    stack.addWidget(iv)
    iv.set_incidents([{"id": f"i{n}", "title": f"{'Dijk' if n % 2 else 'Brand'} {n}",
                       "regions": ["VR06" if n < 4 else "VR19"], "status": "actief",
                       "updated_at": f"2026-01-01T10:0{n}:00Z"} for n in range(6)])
    stack.show()
    qtbot.waitExposed(stack)

    def ids() -> list[str]:
        return sorted(iv.proxy.id_at(r) for r in range(iv.proxy.rowCount()))

    iv.set_filter("dijk", "")
    assert len(ids()) == 6  # not shown: not filtered yet
    iv.set_filter("dijk", "VR06")
    stack.setCurrentWidget(iv)
    assert ids() == ["i1", "i3"]
    iv.set_filter("", "")  # shown: at once
    assert len(ids()) == 6
    stack.setCurrentWidget(other)
    iv.set_filter("brand", "")
    iv.select("i2")  # (a place clicked on the map: its row is selected)
    assert ids() == ["i0", "i2", "i4"] and iv.current() == "i2"


def test_tiles_keep_their_height_while_a_search_narrows_their_details(qtbot: Any) -> None:
    """A keystroke that leaves shorter details must not shrink the tiles: the map and the
    timeline under them would be laid out and repainted whole at every keystroke. Without a
    filter the tiles take their own height again."""
    from PySide6.QtWidgets import QApplication

    from widgets.overview import OverviewView

    v = OverviewView()
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitExposed(v)
    many = {"comms_out_regions": [f"VR{i:02d}" for i in range(1, 26)], "incidents_active": 9}
    few = {"comms_out_regions": ["VR06"], "incidents_active": 1}
    v.set_kpis(many)
    QApplication.processEvents()
    tall = v.map.height()
    v.set_kpis(few, "zoekterm: apel")
    QApplication.processEvents()
    assert v.map.height() == tall
    v.set_kpis(many, "zoekterm: a")
    v.set_kpis(few, "zoekterm: ap")
    QApplication.processEvents()
    assert v.map.height() == tall
    v.set_kpis(few)  # the search cleared
    QApplication.processEvents()
    assert v.map.height() > tall

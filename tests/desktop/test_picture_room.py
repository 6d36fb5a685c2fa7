"""The picture as a coordination room expects it (issue 13), on screen: the window fits a
1366×768 laptop and a 1920×1080 desktop, the Overzicht tiles obey the filters, and a
notification appears when another centre's event concerns our region — and not otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

from data.store import Command, Store
from desktop.main_window import fits_screen
from desktop.ops import received

SIZES = [(1366, 768), (1920, 1080)]


@pytest.fixture
def zeeland(qtbot: Any, store_factory: Any):
    """A main window on the store of VRZ (Zeeland)."""
    from desktop.app import make_app
    from desktop.main_window import MainWindow
    from desktop.theme import apply_theme

    st = store_factory("vrz", name="VRZ")
    path = Path(st.path)
    st.close()
    apply_theme(make_app(), "dark")
    win = MainWindow(path, "LIVE", "VRZ", author="tester")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_loaded, timeout=20_000):
        win.show()
        win.start()
    yield win
    win.shutdown()


def _inside(win: Any, w: QWidget) -> bool:
    """``w`` is shown and lies wholly within the window's client area."""
    top_left = w.mapTo(win, QPoint(0, 0))
    return w.isVisible() and win.rect().contains(QRect(top_left, w.size()))


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1920x1080"])
def test_nothing_essential_falls_outside_the_window(qtbot: Any, window: Any,
                                                    size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=10_000)
    essentials = [window.header.clock if hasattr(window.header, "clock") else window.header,
                  window.header, window.filter, *window.overview.tiles.values(),
                  window.overview.map]
    for w in essentials:
        assert _inside(window, w), w
    window.focus_quick_entry()
    entry = window.journal.entry
    qtbot.waitUntil(lambda: entry.isVisible(), timeout=10_000)
    for w in (entry, entry.text, entry.sender):
        assert _inside(window, w), w
    for v in ("bijstand", "besluiten", "incidenten", "noodsteunpunten"):
        window.show_view(v)
        assert _inside(window, window.pages[v])


def test_the_incidents_list_needs_no_sideways_scrolling_on_a_laptop(qtbot: Any,
                                                                   window: Any) -> None:
    """Issue 13: at 1366×768 the Incidenten table fits its pane: the title takes what is
    left (elided), the other columns their contents."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1366, 768), timeout=10_000)
    window.show_view("incidenten")
    t = window.incidents.table
    qtbot.waitUntil(lambda: t.isVisible(), timeout=10_000)
    head = t.horizontalHeader()
    used = sum(head.sectionSize(c) for c in range(head.count()))
    assert used <= t.viewport().width() + 1
    assert not t.horizontalScrollBar().isVisible()
    assert head.sectionSize(0) >= 100  # the title keeps room to be read


def test_the_window_opens_at_the_available_screen_size(window: Any) -> None:
    window.fit_to_screen()
    assert window.geometry() == window.screen().availableGeometry()


def test_a_restored_geometry_is_used_only_when_it_fits() -> None:
    screen = QRect(0, 0, 1366, 740)
    assert fits_screen(QRect(10, 10, 1200, 700), screen)
    assert not fits_screen(QRect(0, 0, 1440, 900), screen)  # the old fixed size


def test_every_tile_obeys_the_region_filter_and_the_search(qtbot: Any, window: Any) -> None:
    made: list[Any] = []
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([
            Command("incident.reported", {"title": "Dijkdoorbraak", "kind": "overstroming",
                                          "regions": ["VR19"]}),
            Command("incident.reported", {"title": "Brand Tiel", "kind": "natuurbrand",
                                          "regions": ["VR08"]}),
            Command("comms.reported", {"region": "VR08", "channel": "C2000",
                                       "state": "uitgevallen"}),
            Command("nsp.registered", {"name": "Sporthal", "kind": "lokaal",
                                       "municipality": "Tiel", "region": "VR08",
                                       "status": "operationeel"})], made.append)
    incidents = [e for e, k in made[0].entities.items() if k == "incident"]
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([Command("incident.status_changed", {"to": "actief"}, entity=e)
                        for e in incidents])
    tiles = window.overview.tiles
    qtbot.waitUntil(lambda: tiles["incidents"].value.text() == "2", timeout=10_000)
    assert tiles["comms"].value.text() == "1" and tiles["nsp"].value.text() == "1"
    assert tiles["incidents"].scope.text() == ""  # not filtered: nothing said

    window.set_region("VR19")
    assert [tiles[k].value.text() for k in ("incidents", "comms", "nsp")] == ["1", "0", "0"]
    for key in ("incidents", "bijstand", "decisions", "comms", "nsp"):
        assert tiles[key].scope.text() == "gefilterd op VRZ", key
        assert tiles[key].scope.isVisible()
    assert "alle regio's" in tiles["conflicts"].scope.text()
    assert window.region_label.text() == "Regio: VRZ"
    assert "Zeeland" in window.region_label.toolTip()

    window.set_region("")
    window.filter.setText("tiel")
    qtbot.waitUntil(lambda: tiles["incidents"].value.text() == "1", timeout=10_000)
    assert "‘tiel’" in tiles["incidents"].scope.text()
    assert tiles["nsp"].value.text() == "1"  # the Tiel point matches the search

    # filtered from another view: the tiles follow as soon as the Overzicht is shown again
    window.show_view("logboek")
    window.filter.setText("")
    window.set_region("VR19")
    window.show_view("overzicht")
    assert tiles["incidents"].value.text() == "1" and tiles["nsp"].value.text() == "0"
    assert tiles["incidents"].scope.text() == "gefilterd op VRZ"


def test_the_timeline_counts_what_the_filter_leaves_and_says_so(qtbot: Any, window: Any) -> None:
    """Issue 13: the region filter and the search act on the timeline too."""
    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([
            Command("incident.reported", {"title": "Dijkdoorbraak", "kind": "overstroming",
                                          "regions": ["VR19"]}),
            Command("incident.reported", {"title": "Brand Tiel", "kind": "natuurbrand",
                                          "regions": ["VR08"]}),
            Command("nsp.registered", {"name": "Sporthal", "kind": "lokaal",
                                       "municipality": "Tiel", "region": "VR08",
                                       "status": "operationeel"})])
    tl = window.overview.timeline.real()  # (built after the first paint; here at once)
    pane = window.panes.overview

    def counted() -> dict[str, int]:
        return {k: sum(v) for k, v in tl.stacked.counts.items() if sum(v)}

    pane.load_timeline()
    qtbot.waitUntil(lambda: counted().get("incident") == 2 and counted().get("nsp") == 1,
                    timeout=10_000)
    assert tl.scope.isHidden()
    window.set_region("VR19")
    qtbot.waitUntil(lambda: counted() == {"incident": 1}, timeout=10_000)
    assert tl.scope.text().startswith("gefilterd op VRZ")
    assert "logboekregels zonder regio" in tl.scope.text()
    window.set_region("")
    window.filter.setText("tiel")
    qtbot.waitUntil(lambda: "‘tiel’" in tl.scope.text(), timeout=10_000)
    assert counted() == {"incident": 1}  # Brand Tiel (the point's title is Sporthal)
    window.filter.setText("")
    qtbot.waitUntil(lambda: counted().get("incident") == 2, timeout=10_000)
    assert tl.scope.isHidden()


def test_the_timeline_note_wraps_instead_of_widening_the_window(qtbot: Any, window: Any) -> None:
    """At 1366 px the timeline gets about 350 px: its filter note must not push the layout
    wider (the navigation got a scroll bar when it did)."""
    tl = window.overview.timeline.real()
    tl.set_scope("gefilterd op VRGZ · logboekregels zonder regio tellen niet mee")
    assert tl.scope.minimumSizeHint().width() < 200


def _other_centre(store_factory: Any, win: Any, node: str,
                  commands: list[Command]) -> Any:
    """Another centre writes ``commands``; the window's store takes them in (as sync does)."""
    other = store_factory(node, name=node.upper())
    own = Store.open(win.path)
    other.ingest(list(own.iter_events()))
    other.execute(commands, f"IM {node.upper()}")
    res = own.ingest(list(other.iter_events()))
    own.close()
    return received(res.changes)


def test_a_neighbour_asking_us_for_bijstand_shows_up_quietly(qtbot: Any, zeeland: Any,
                                                              store_factory: Any) -> None:
    notes = zeeland.notes
    qtbot.waitUntil(lambda: zeeland.notify.cursor is not None, timeout=10_000)
    zeeland.filter.setFocus()
    before = zeeland.notify.cursor
    # not for us: an incident in Gelderland-Zuid and a request to KCR2
    changes = _other_centre(store_factory, zeeland, "vrgz", [
        Command("incident.reported", {"title": "Brand Tiel", "kind": "natuurbrand",
                                      "regions": ["VR08"]}),
        Command("bijstand.requested", {"requesting_region": "VR08", "addressed_to": "KCR2",
                                       "capability": "pompcapaciteit", "quantity": 2,
                                       "status": "ingediend"})])
    zeeland.apply_changes(changes)
    qtbot.waitUntil(lambda: zeeland.notify.cursor > before  # the look has been done
                    and not zeeland.notify._busy, timeout=10_000)  # noqa: SLF001
    assert notes.items == [] and notes.list.count() == 0

    changes = _other_centre(store_factory, zeeland, "vrmwb", [
        Command("bijstand.requested", {"requesting_region": "VR20", "addressed_to": "VR19",
                                       "capability": "pompcapaciteit", "quantity": 4,
                                       "status": "ingediend"})])
    zeeland.apply_changes(changes)
    qtbot.waitUntil(lambda: len(notes.items) == 1, timeout=10_000)
    assert "VRMWB vraagt ons om bijstand" in notes.items[0].text
    bij = zeeland.nav.item(2).text()
    assert bij.startswith("3  Bijstand") and bij.endswith("● 1")
    assert "1 nieuw" in notes.title.text()
    assert zeeland.filter.hasFocus() or not zeeland.isActiveWindow()  # nothing took the focus
    assert zeeland.current_view() == "overzicht"

    zeeland.show_view("bijstand")  # seen: the count goes
    assert zeeland.nav.item(2).text() == "3  Bijstand"
    assert notes.unread() == {}


def test_the_list_is_kept_across_a_restart_and_what_came_while_closed_is_news(
        qtbot: Any, zeeland: Any, store_factory: Any) -> None:
    """Close the window with one (read) notification; while it is closed a neighbour asks
    for bijstand (a `sync` from the command line); the window opened again shows both, the
    new one unread."""
    from desktop.main_window import MainWindow

    qtbot.waitUntil(lambda: zeeland.notify.cursor is not None, timeout=10_000)
    request = {"addressed_to": "VR19", "capability": "pompcapaciteit", "quantity": 4,
               "status": "ingediend"}
    zeeland.apply_changes(_other_centre(store_factory, zeeland, "vrmwb", [
        Command("bijstand.requested", {"requesting_region": "VR20", **request})]))
    qtbot.waitUntil(lambda: len(zeeland.notes.items) == 1, timeout=10_000)
    zeeland.show_view("bijstand")  # read
    qtbot.waitUntil(lambda: not zeeland.notify._busy, timeout=10_000)  # noqa: SLF001
    path = Path(zeeland.path)
    zeeland.shutdown()

    _other_centre(store_factory, zeeland, "vrgz", [  # while the window is closed
        Command("bijstand.requested", {"requesting_region": "VR08", **request})])
    again = MainWindow(path, "LIVE", "VRZ", author="tester")
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.sig_loaded, timeout=20_000):
        again.show()
        again.start()
    try:
        qtbot.waitUntil(lambda: len(again.notes.items) == 2, timeout=10_000)
        texts = [n.text for n in again.notes.items]
        assert "VRGZ vraagt ons om bijstand" in texts[0]  # newest on top
        assert "VRMWB vraagt ons om bijstand" in texts[1]
        assert again.notes.unread() == {"bijstand": 1}  # the one read before stays read
        assert again.nav.item(2).text().endswith("● 1")
    finally:
        again.shutdown()


def test_a_line_saved_under_a_filter_says_so_and_a_visible_one_is_selected(
        qtbot: Any, zeeland: Any) -> None:
    j = zeeland.journal
    zeeland.focus_quick_entry()
    entry = j.entry
    entry.sender.setText("CaCo")
    entry.text.setText("Dijk bij Kruiningen houdt")
    with qtbot.waitSignal(zeeland.sig_changes_applied, timeout=10_000):
        entry.submit()
    qtbot.waitUntil(lambda: j.model.total() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: j.table.currentIndex().row() == 0, timeout=10_000)
    assert "Kruiningen" in j.detail.text()  # the whole message, in the detail pane

    j.filter.setText("kruiningen")
    entry.text.setText("Gemaal Vlissingen uitgevallen")
    with qtbot.waitSignal(zeeland.sig_changes_applied, timeout=10_000):
        entry.submit()
    qtbot.waitUntil(lambda: j.model.total() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not j.hidden_note.isHidden(), timeout=10_000)
    assert j.model.rowCount() == 1
    qtbot.mouseClick(j.show_all, Qt.MouseButton.LeftButton)
    assert j.model.rowCount() == 2 and j.hidden_note.isHidden()


def test_an_incoming_line_needs_a_sender(qtbot: Any, zeeland: Any) -> None:
    entry = zeeland.journal.entry
    zeeland.focus_quick_entry()
    entry.direction.setCurrentText("in")
    entry.sender.clear()
    entry.text.setText("Bel terug")
    with qtbot.assertNotEmitted(entry.sig_submitted):
        entry.submit()
    assert "van" in entry.error.text()
    entry.direction.setCurrentText("uit")
    with qtbot.waitSignal(entry.sig_submitted, timeout=1000):
        entry.submit()


def test_forms_start_in_our_region_and_pickers_take_names(qtbot: Any, zeeland: Any) -> None:
    zeeland.commands.new_bijstand()
    form = zeeland.commands.dialog.form
    assert form.payload()["requesting_region"] == "VR19"
    zeeland.commands.dialog.reject()
    zeeland.commands.new_incident()
    form = zeeland.commands.dialog.form
    assert form.payload()["regions"] == ["VR19"]
    form.set_value("regions", "VRGZ, Zeeland")
    assert form.payload()["regions"] == ["VR08", "VR19"]
    zeeland.commands.dialog.reject()


def test_a_changed_form_asks_before_esc_throws_it_away(qtbot: Any, zeeland: Any) -> None:
    zeeland.commands.new_incident()
    dlg = zeeland.commands.dialog
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # untouched: closes at once
    assert not dlg.isVisible()
    zeeland.commands.new_incident()
    dlg = zeeland.commands.dialog
    form = dlg.form
    form.set_value("title", "Dijkdoorbraak")
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert dlg.isVisible() and not dlg.discard_bar.isHidden()
    assert form.payload()["title"] == "Dijkdoorbraak"
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # the second Esc confirms
    assert not dlg.isVisible()


def test_kcr2_forms_preselect_no_region(qtbot: Any, window: Any) -> None:
    window.commands.new_bijstand()
    assert window.commands.dialog.form.payload()["requesting_region"] == ""
    window.commands.dialog.reject()


def test_a_new_incident_is_selected_or_the_filter_says_it_hides_it(qtbot: Any,
                                                                    zeeland: Any) -> None:
    from tests.desktop.test_flows import _save

    zeeland.commands.new_incident()
    _save(qtbot, zeeland, title="Dijk Kruiningen", kind="overstroming")
    view = zeeland.incidents
    qtbot.waitUntil(lambda: view.current() != "", timeout=10_000)
    first = view.current()

    zeeland.set_region("VR08")  # Gelderland-Zuid: our new Zeeland incident falls outside it
    zeeland.commands.new_incident()
    _save(qtbot, zeeland, title="Gemaal Vlissingen", kind="overstroming", regions="VRZ")
    qtbot.waitUntil(lambda: not zeeland.hidden_note.isHidden(), timeout=10_000)
    assert "Incidenten" in zeeland.hidden_note.text()
    assert view.current() == first or view.current() == ""
    qtbot.mouseClick(zeeland.hidden_show, Qt.MouseButton.LeftButton)
    assert zeeland.region == "" and view.proxy.rowCount() == 2
    assert view.current() not in ("", first)


def test_the_search_texts_are_ready_before_the_first_keystroke(qtbot: Any, window: Any) -> None:
    """After a load the search texts of the Overzicht and the bijstand board (one shared set)
    are worked out in slices: the first keystroke only looks, and finds what it would have
    found working them out itself."""
    from data.picture.filtering import BijstandHay, narrow

    with qtbot.waitSignal(window.sig_changes_applied, timeout=10_000):
        window.execute([
            Command("incident.reported", {"title": "Dijkdoorbraak Tiel", "kind": "overstroming",
                                          "regions": ["VR08"]}),
            Command("bijstand.requested", {"requesting_region": "VR08", "addressed_to": "KCR2",
                                           "capability": "pompcapaciteit", "quantity": 2,
                                           "status": "ingediend"})])
    pane, board = window.panes.overview, window.bijstand.board
    p = window.ctx.picture.state
    qtbot.waitUntil(lambda: pane.search_ready and len(p.bijstand) == 1
                    and len(p.incidents) == 1, timeout=10_000)
    held = dict(pane.hay._rows)  # noqa: SLF001 - the texts worked out ahead
    assert list(held) == list(p.bijstand.values())
    assert board._search is pane.hay and board._texts  # noqa: SLF001 - shared, lined up
    cold = narrow(p, "", "pomp", BijstandHay())
    window.filter.setText("pomp")
    window._apply_filters()  # noqa: SLF001 - as the debounce timer would
    assert narrow(p, "", "pomp", pane.hay) == cold and len(cold.bijstand) == 1
    assert pane.hay._rows == held  # noqa: SLF001 - the keystroke only looked
    assert sum(m.rowCount() for m in board.models.values()) == 1

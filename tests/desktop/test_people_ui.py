"""People in the window (issue 16): sign-in from the header, what a function sees, a
waarnemer refused with the message, the Bezetting, and sign-in required at the start."""

from __future__ import annotations

from typing import Any

from data.domain.shifts import holder, shift_command
from data.store import Command, Store
from tests.data.helpers import incident, send


def _sign_in(qtbot: Any, window: Any, person: str, function: str, pin: str = "") -> Any:
    window.header.on_duty.click()
    dlg = window.people.dialog
    assert dlg is not None and dlg.isVisible()
    dlg.name.setText(person)
    dlg.function.setCurrentText(function)
    dlg.pin.setText(pin)
    dlg.ncv.setText("NCV 42")
    return dlg


def _accept(qtbot: Any, dlg: Any) -> None:
    with qtbot.waitSignal(dlg.finished, timeout=10_000):
        dlg.buttons.accepted.emit()


def test_a_waarnemer_sees_no_writing_controls_and_is_refused(qtbot: Any, window: Any,
                                                             read_store: Any) -> None:
    assert not window.incidents.new_btn.isHidden()  # nobody signed in: as before
    _accept(qtbot, _sign_in(qtbot, window, "Wim Smit", "waarnemer"))
    assert window.author == "Wim Smit (waarnemer)"
    assert "in dienst: Wim Smit (waarnemer)" in window.header.on_duty.full_text
    for btn in (window.incidents.new_btn, window.decisions.record_btn,
                window.bijstand.status_btn, window.public.alert_btn):
        assert btn.isHidden()
    assert not window.journal.entry.isEnabled()
    assert not any(a.isEnabled() for a in window.new_actions.values())
    # a write that reaches the store anyway (a shortcut, a script) is refused there
    before = read_store().event_count()
    window.execute([incident()])
    qtbot.waitUntil(lambda: "niet opgeslagen" in window.status_line.text(), timeout=10_000)
    assert "een waarnemer leest alleen mee" in window.status_line.text()
    assert "mag alleen een OL, IM" in window.status_line.text()
    assert read_store().event_count() == before


def test_a_plotter_records_but_does_not_decide(qtbot: Any, window: Any, read_store: Any) -> None:
    _accept(qtbot, _sign_in(qtbot, window, "Pim de Wit", "plotter"))
    assert not window.incidents.new_btn.isHidden()
    assert window.decisions.record_btn.isHidden() and window.decisions.revoke_btn.isHidden()
    assert not window.decisions.open_btn.isHidden()
    window.execute([incident("Dijkdoorbraak")])
    qtbot.waitUntil(lambda: window.status_line.text() == "opgeslagen", timeout=10_000)
    st = read_store()
    authors = {e.author for e in st.iter_events() if e.type == "incident.reported"}
    assert authors == {"Pim de Wit (plotter)"}
    slot = st.entity("dienst:kcr2:plotter")
    assert slot["person"] == "Pim de Wit" and slot["channels"] == {"ncv": "NCV 42"}


def test_a_wrong_pin_keeps_the_dialog_open(qtbot: Any, window: Any, read_store: Any) -> None:
    st = Store.open(window.path)
    try:
        st.set_pin("Ada Jansen", "4711")
    finally:
        st.close()
    dlg = _sign_in(qtbot, window, "Ada Jansen", "OL", "1111")
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "pincode klopt niet" in dlg.error.text(), timeout=10_000)
    assert dlg.isVisible() and window.author == "tester"
    dlg.pin.setText("4711")
    _accept(qtbot, dlg)
    assert window.author == "Ada Jansen (OL)"


def test_bezetting_shows_another_centres_shift(qtbot: Any, window: Any,
                                               store_factory: Any) -> None:
    other = store_factory("vnog", name="VNOG")
    t, p, slot = shift_command(other.roles, "vnog", "begin", "IM", "Bo Peters", c2000="TG 7")
    other.execute(Command(t, p, slot), "Bo Peters (IM)")
    here = Store.open(window.path)
    try:
        send(other, here)
    finally:
        here.close()
    window.apply_changes(_changes({slot: "shift"}))
    model = window.bezetting.model

    def shown() -> None:
        rows = [tuple(model.index(r, c).data() for c in range(model.columnCount()))
                for r in range(model.rowCount())]
        assert ("VNOG", "IM", "Bo Peters") in [r[:3] for r in rows], rows
        assert any("C2000 TG 7" in str(r[4]) for r in rows)
    qtbot.waitUntil(shown, timeout=10_000)


def _changes(entities: dict[str, str]) -> Any:
    from data.store import Changes

    return Changes(["x"], entities)


def test_the_application_asks_who_is_on_duty_first(qtbot: Any, window: Any) -> None:
    window.people.start(ask=True)
    assert window.incidents.new_btn.isHidden()  # nothing that writes before sign-in
    dlg = window.people.dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.name.text() == "tester"  # the name the environment gave, function asked
    dlg.function.setCurrentText("IM")
    _accept(qtbot, dlg)
    assert window.author == "tester (IM)"
    assert not window.incidents.new_btn.isHidden()
    assert not window.decisions.record_btn.isHidden()


def test_ending_my_shift_from_the_bezetting(qtbot: Any, window: Any, read_store: Any) -> None:
    """Only someone on duty is offered "Mijn dienst beëindigen"; it frees the function in the
    store (written by that person), and the window is no longer signed in."""
    assert window.bezetting.end_btn.isHidden()
    _accept(qtbot, _sign_in(qtbot, window, "Ada Jansen", "OL"))
    qtbot.waitUntil(lambda: not window.bezetting.end_btn.isHidden(), timeout=10_000)
    window.bezetting.end_btn.click()
    qtbot.waitUntil(lambda: "dienst beëindigd" in window.status_line.text(), timeout=10_000)
    st = read_store()
    assert holder(st.entity("dienst:kcr2:OL")) is None
    ended = [e for e in st.iter_events() if e.type == "shift.ended"]
    assert [(e.author, e.payload["function"]) for e in ended] == [("Ada Jansen (OL)", "OL")]
    assert window.author == "Ada Jansen"
    assert "niet aangemeld" in window.header.on_duty.full_text
    qtbot.waitUntil(lambda: window.bezetting.end_btn.isHidden(), timeout=10_000)


def test_ending_my_shift_from_the_header(qtbot: Any, window: Any, read_store: Any) -> None:
    """The header's on-duty line opens the dialog, which offers the end of one's own shift."""
    dlg = _sign_in(qtbot, window, "Pim de Wit", "plotter")
    assert dlg.end_btn.isHidden()  # not on duty yet: nothing to end
    _accept(qtbot, dlg)
    qtbot.waitUntil(lambda: not window.bezetting.end_btn.isHidden(), timeout=10_000)
    window.header.on_duty.click()
    dlg = window.people.dialog
    assert not dlg.end_btn.isHidden()
    with qtbot.waitSignal(dlg.finished, timeout=10_000):
        dlg.end_btn.click()
    assert holder(read_store().entity("dienst:kcr2:plotter")) is None
    assert "niet aangemeld" in window.header.on_duty.full_text


def test_a_handover_shows_what_changed_since_the_shift_began(qtbot: Any, window: Any) -> None:
    """In the sign-in dialog, before taking over the OL, the incoming person reads the diff of
    Terugkijken from the outgoing OL's start to now; a free function has nothing to compare."""
    from datetime import UTC, datetime, timedelta

    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    st = Store.open(window.path)
    try:
        t, p, slot = shift_command(st.roles, "kcr2", "begin", "OL", "Ada Jansen")
        st.execute(Command(t, p, slot, occurred_at=start), "Ada Jansen (OL)")
        cmd = incident("Dijkdoorbraak Ooij")
        cmd.occurred_at = start + timedelta(hours=1)
        st.execute(cmd, "Ada Jansen (OL)")
    finally:
        st.close()
    window.apply_changes(_changes({slot: "shift"}))
    qtbot.waitUntil(lambda: any(p.function == "OL" for p in window.people.posts), timeout=10_000)
    dlg = _sign_in(qtbot, window, "Bas Kok", "IM")
    dlg.since_btn.click()
    qtbot.waitUntil(lambda: "niet bezet" in dlg.error.text(), timeout=10_000)
    dlg.function.setCurrentText("OL")
    dlg.since_btn.click()
    qtbot.waitUntil(lambda: window.people.since_dialog is not None, timeout=10_000)
    text = window.people.since_dialog.text
    assert text.startswith("# Overdracht") and "Dijkdoorbraak Ooij" in text, text
    assert "Ada Jansen" in window.people.since_dialog.windowTitle()

"""Beeld–Oordeel–Besluit in the Incidenten view: a discipline's beeld from the menu, the
Oordeel form, a decision that offers the selected incident, and the detail at 1366×768."""

from __future__ import annotations

from typing import Any

from tests.desktop.test_flows import _save, _wait_row


def test_bob_in_the_incident_detail_at_1366x768(qtbot: Any, window: Any,
                                                read_store: Any) -> None:
    window.resize(1366, 768)
    window.commands.new_incident()
    _save(qtbot, window, title="Stroomuitval Oost", kind="stroomuitval", regions="VNOG")
    _wait_row(qtbot, window.incidents.proxy, "Stroomuitval Oost")
    iid = read_store().entities("incident")[0]["id"]
    view = window.incidents
    view.select(iid)
    qtbot.waitUntil(lambda: view.current() == iid, timeout=10_000)

    # Beeld bijwerken ▸ GHOR: the menu entry opens the form for that discipline
    (ghor,) = [a for a in view.picture_btn.menu().actions() if a.objectName() == "beeld_ghor"]
    ghor.trigger()
    assert "GHOR" in window.commands.dialog.windowTitle()
    _save(qtbot, window, beeld="Twee verpleeghuizen vragen brandstof voor hun aggregaat.")
    view.sig_picture_discipline.emit(iid, "brandweer")
    _save(qtbot, window, beeld="Meer koolmonoxidemeldingen door noodkachels.")
    view.judgement_btn.click()
    _save(qtbot, window, analysis="Herstel duurt langer dan 72 uur.",
          scaling="RBT blijft tot de netbeheerder herstel bevestigt.")

    # a decision offers the incident selected in Incidenten
    window.commands.new_session()
    _save(qtbot, window, title="ROT VNOG", regions="VNOG")
    dv = window.decisions
    qtbot.waitUntil(lambda: dv.current()[0] != "", timeout=10_000)
    dv.sig_record.emit(dv.current()[0])
    assert window.commands.dialog.form.input("incident_id").currentData() == iid
    _save(qtbot, window, text="In elke gemeente gaat een noodsteunpunt open.")

    st = read_store()
    s = st.entity(iid)
    assert s["beelden"]["ghor"][0]["by"] == "tester"
    assert s["oordeel"]["analysis"] == "Herstel duurt langer dan 72 uur."
    assert st.entities("decision")[0]["incident_id"] == iid

    window.commands.ctx.navigate("incidenten")
    view.select(iid)
    text = view.detail.toPlainText

    def shown() -> None:
        t = text()
        assert "In elke gemeente gaat een noodsteunpunt open." in t
        assert "Twee verpleeghuizen" in t and "Meer koolmonoxidemeldingen" in t
    qtbot.waitUntil(shown, timeout=10_000)
    t = text()
    assert t.index("Beeld") < t.index("GHOR") < t.index("Oordeel") < t.index("Besluit")
    assert t.index("Brandweer") < t.index("GHOR")  # disciplines in their fixed order
    assert "bijgewerkt" in t and "door tester" in t
    assert "Op- of afschaling" in t
    assert "Nog geen beeld: Algemeen, Politie, Bevolkingszorg, Crisiscommunicatie" in t
    # readable at 1366×768: the detail wraps, nothing to scroll sideways
    assert window.width() <= 1366 and view.detail.isVisible()
    assert view.detail.horizontalScrollBar().maximum() == 0
    assert view.detail.width() >= 450

"""Beeld–Oordeel–Besluit per incident (data.picture.bob, the fold, the command table): a beeld
per discipline with its own versions and authors, old beelden as *algemeen*, the Oordeel,
decisions linked to their incident, refusals in Dutch, one BOB whatever the delivery order, and
the sitrep that shows it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from data.domain.validation import ValidationError
from data.picture.bob import bob_of, decisions_of
from data.report.gather import sitrep
from data.report.html import html
from data.report.markdown import markdown
from data.store import Command, Store
from tests.data.helpers import incident, new, send, snapshot


def _picture(st: Store, iid: str, text: str, author: str, **disc: str) -> None:
    st.execute(Command("incident.picture_updated", {"beeld": text, **disc}, entity=iid), author)


def _bob(st: Store, iid: str) -> Any:
    return bob_of(st.entity(iid) or {}, st.entities("decision"), st.entities("session"))


def test_each_discipline_keeps_its_own_versions_and_authors(store_factory: Any) -> None:
    st = store_factory()
    iid = new(st, incident(beeld="Stroom uit in Apeldoorn."), "Anna Vos (OL)")
    _picture(st, iid, "Veel CO-meldingen.", "Bram Smit (AC)", discipline="brandweer")
    _picture(st, iid, "Ziekenhuizen op noodstroom.", "Cor Bos (AC)", discipline="ghor")
    _picture(st, iid, "CO-meldingen nemen af.", "Dirk Mol (AC)", discipline="brandweer")
    b = _bob(st, iid)
    pics = {p.discipline: p for p in b.pictures}
    assert [p.discipline for p in b.pictures][0] == "algemeen"
    brandweer = pics["brandweer"]
    assert [(v.number, v.text, v.by) for v in brandweer.versions] == [
        (1, "Veel CO-meldingen.", "Bram Smit (AC)"), (2, "CO-meldingen nemen af.", "Dirk Mol (AC)")]
    assert brandweer.current is not None and brandweer.current.byline().startswith("bijgewerkt ")
    assert brandweer.current.byline().endswith("door Dirk Mol (AC)")
    assert [v.text for v in pics["ghor"].versions] == ["Ziekenhuizen op noodstroom."]
    # the algemeen beeld is untouched by the others: the one given with the report
    assert [(v.text, v.by) for v in pics["algemeen"].versions] == [
        ("Stroom uit in Apeldoorn.", "Anna Vos (OL)")]
    assert pics["politie"].current is None
    assert st.entity(iid)["beeld"] == "Stroom uit in Apeldoorn."


def test_a_beeld_without_discipline_is_the_algemeen_one(store_factory: Any) -> None:
    """Events written before disciplines existed carry only ``beeld``: they stay readable as
    the algemeen beeld, in the same fields as before (and validate as they were signed)."""
    st = store_factory()
    iid = new(st, incident())
    _picture(st, iid, "eerste", "IM VNOG")
    _picture(st, iid, "tweede", "IM VNOG", discipline="algemeen")
    _picture(st, iid, "derde", "IM VNOG")
    s = st.entity(iid)
    assert s["beeld"] == "derde" and [h["beeld"] for h in s["beeld_history"]] == [
        "eerste", "tweede", "derde"]
    assert "beelden" not in s
    (algemeen,) = [p for p in _bob(st, iid).pictures if p.discipline == "algemeen"]
    assert [v.number for v in algemeen.versions] == [1, 2, 3]
    old = next(e for e in st.iter_events() if e.type == "incident.picture_updated")
    assert old.payload == {"beeld": "eerste"}


def test_the_oordeel_keeps_versions_and_merges_its_parts(store_factory: Any) -> None:
    st = store_factory()
    iid = new(st, incident())
    st.execute(Command("incident.judgement_updated", {
        "analysis": "Herstel duurt langer dan 72 uur.", "scaling": "RBT blijft"},
        entity=iid), "Anna Vos (OL)")
    st.execute(Command("incident.judgement_updated", {"prognosis": "Eerst het noorden."},
                       entity=iid), "Bram Smit (OL)")
    versions = _bob(st, iid).judgement
    assert [v.number for v in versions] == [1, 2]
    assert dict(versions[-1].parts) == {"analysis": "Herstel duurt langer dan 72 uur.",
                                        "prognosis": "Eerst het noorden.",
                                        "scaling": "RBT blijft"}
    assert versions[-1].by == "Bram Smit (OL)" and versions[0].by == "Anna Vos (OL)"
    assert dict(versions[0].parts) == {"analysis": "Herstel duurt langer dan 72 uur.",
                                       "scaling": "RBT blijft"}


@pytest.mark.parametrize("typ,payload,field,words", [
    ("incident.picture_updated", {"beeld": "x", "discipline": "ambulance"}, "discipline",
     "geen geldige waarde"),
    ("incident.picture_updated", {"discipline": "ghor"}, "beeld", "verplicht"),
    ("incident.judgement_updated", {}, "analyse", "vul minstens één onderdeel"),
    ("incident.judgement_updated", {"analysis": "  ", "dilemmas": ""}, "analyse",
     "vul minstens één onderdeel"),
])
def test_refusals_in_dutch_change_nothing(store_factory: Any, typ: str, payload: Any,
                                          field: str, words: str) -> None:
    st = store_factory()
    iid = new(st, incident())
    before = snapshot(st)
    with pytest.raises(ValidationError) as e:
        st.execute(Command(typ, payload, entity=iid), "IM VNOG")
    assert any(f == field and words in m for f, m in e.value.errors), e.value.errors
    assert snapshot(st) == before


def test_decisions_name_their_incident(store_factory: Any) -> None:
    st = store_factory()
    a, b = new(st, incident("Stroomuitval")), new(st, incident("Hoogwater"))
    sid = new(st, Command("irbt.session_opened", {"title": "ROT", "regions": ["VNOG"],
                                                  "incident_id": a}))

    def decide(n: int, **extra: Any) -> str:
        return new(st, Command("decision.recorded", {"session_id": sid, "number": n,
                                                     "text": f"besluit {n}", **extra}))

    via_session, named_b, named_a = decide(1), decide(2, incident_id=b), decide(3, incident_id=a)
    before = snapshot(st)
    with pytest.raises(ValidationError) as e:  # a session is not an incident
        decide(4, incident_id=sid)
    assert e.value.errors == [("incident", f"'{sid}' is geen incident in deze store")]
    assert snapshot(st) == before
    ids = lambda i: [d["id"] for d in decisions_of(i, st.entities("decision"),  # noqa: E731
                                                   st.entities("session"))]
    assert ids(a) == [via_session, named_a]
    assert ids(b) == [named_b]  # named: it leaves the session's incident
    assert [d["id"] for d in _bob(st, b).decisions] == [named_b]


def test_the_same_events_in_any_order_give_the_same_bob(store_factory: Any) -> None:
    """Two centres write the same discipline and the Oordeel at once; two stores that receive
    their events in opposite orders show the same BOB (and the same incident state)."""
    one, two = store_factory("vnog"), store_factory("vggm")
    iid = new(one, incident())
    send(one, two)
    _picture(one, iid, "Brandweer ziet CO.", "Anna Vos (AC)", discipline="brandweer")
    _picture(two, iid, "Brandweer ziet rook.", "Bram Smit (AC)", discipline="brandweer")
    _picture(two, iid, "Algemeen beeld.", "Bram Smit (OL)")
    one.execute(Command("incident.judgement_updated", {"analysis": "A", "prognosis": "P1"},
                        entity=iid), "Anna Vos (OL)")
    two.execute(Command("incident.judgement_updated", {"prognosis": "P2"}, entity=iid),
                "Bram Smit (OL)")
    first, second = store_factory("vru"), store_factory("vrgz")
    send(one, first)
    send(two, first)
    send(two, second)
    send(one, second)
    assert _bob(first, iid) == _bob(second, iid)
    assert first.entity(iid) == second.entity(iid)  # (each store also holds its own
    # registration, so the fingerprints of the whole stores differ; test_convergence covers
    # them with the union of all events)
    pics = {p.discipline: p for p in _bob(first, iid).pictures}
    assert len(pics["brandweer"].versions) == 2
    assert len(_bob(first, iid).judgement) == 2


def test_the_sitrep_shows_each_incidents_bob(store_factory: Any) -> None:
    st = store_factory("vnog", world="OEF-TEST", name="VNOG")
    iid = new(st, incident("Stroomuitval Oost", beeld="Stroom uit."), "Anna Vos (OL)")
    st.execute(Command("incident.status_changed", {"to": "actief"}, entity=iid), "IM VNOG")
    _picture(st, iid, "Verpleeghuizen vragen brandstof.", "Cor Bos (AC)", discipline="ghor")
    st.execute(Command("incident.judgement_updated", {"dilemmas": "Aggregaten zijn schaars."},
                       entity=iid), "Anna Vos (OL)")
    sid = new(st, Command("irbt.session_opened", {"title": "ROT VNOG", "regions": ["VNOG"],
                                                  "team": "ROT"}))
    new(st, Command("decision.recorded", {"session_id": sid, "number": 1, "incident_id": iid,
                                          "text": "Noodsteunpunt in elke gemeente."}))
    s = sitrep(st, datetime(2099, 1, 1, tzinfo=UTC))
    md = markdown(s)
    block = md[md.index("#### Stroomuitval Oost"):md.index("### 1.3")]
    assert block.index("**Beeld**") < block.index("**Oordeel**") < block.index("**Besluit**")
    assert "- *GHOR*: Verpleeghuizen vragen brandstof. _(bijgewerkt " in block
    assert "door Cor Bos (AC))_" in block
    assert "- *Algemeen*: Stroom uit." in block
    assert "- *Dilemma's*: Aggregaten zijn schaars." in block
    assert "- *ROT · besluit 1 · versie 1 · Vastgesteld — ROT VNOG*: Noodsteunpunt in elke " \
        "gemeente." in block
    page = html(s)
    assert "<b>GHOR</b>: Verpleeghuizen vragen brandstof." in page
    assert "<b>Dilemma&#x27;s</b>: Aggregaten zijn schaars." in page


def test_a_deelbeeld_or_oordeel_in_our_region_is_a_notification() -> None:
    from data.picture.notifications import concerns_us, us

    vnog = us("vnog", "VNOG")
    state = {"title": "Stroomuitval", "regions": ["VR06"]}

    def ev(typ: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {"id": "e1", "origin": "vggm", "type": typ, "entity": "i1",
                "occurred_at": "2026-11-22T10:00:00Z", "payload": payload}

    ghor = concerns_us(ev("incident.picture_updated", {"beeld": "x", "discipline": "ghor"}),
                       state, vnog)
    assert ghor is not None and ghor.text == "Nieuw beeld (GHOR) van incident in onze regio: " \
                                             "‘Stroomuitval’"
    old = concerns_us(ev("incident.picture_updated", {"beeld": "x"}), state, vnog)
    assert old is not None and old.text.startswith("Nieuw beeld van incident")
    oordeel = concerns_us(ev("incident.judgement_updated", {"analysis": "x"}), state, vnog)
    assert oordeel is not None and oordeel.text.startswith("Nieuw oordeel over incident")
    assert oordeel.view == "incidenten"


def test_the_handover_names_new_deelbeelden_and_the_oordeel(store_factory: Any) -> None:
    from data.history.diff import _line

    st = store_factory()
    iid = new(st, incident("Stroomuitval"))
    before = st.entity(iid)
    _picture(st, iid, "Verpleeghuizen vragen brandstof.", "Cor Bos (AC)", discipline="ghor")
    st.execute(Command("incident.judgement_updated", {"prognosis": "Herstel morgen."},
                       entity=iid), "Anna Vos (OL)")
    line = _line("incident", st.entity(iid), before)
    assert "beeld GHOR: Verpleeghuizen vragen brandstof." in line
    assert "oordeel bijgewerkt (Prognose)" in line
    assert _line("incident", st.entity(iid), st.entity(iid)).endswith(": bijgewerkt")

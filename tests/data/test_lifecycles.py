"""Lifecycle rules: locally (a command that does not fit is refused with a message) and in the
fold (a concurrent step that does not fit its place in the order becomes a conflict)."""

from __future__ import annotations

import pytest

from data.domain import lifecycles as lc
from data.domain.validation import ValidationError
from data.store import Command
from tests.data.helpers import (
    bijstand,
    exchange,
    incident,
    move,
    new,
    open_conflicts,
    skew,
    snapshot,
)

# ---------------------------------------------------------------- the tables

def test_tables_are_closed_and_terminal_states_have_no_exit():
    for kind, machine in lc.MACHINES.items():
        for state, nxt in machine.items():
            assert nxt <= set(machine), (kind, state)
            assert state not in nxt, (kind, state)
    assert lc.next_states("incident", "afgeschaald") == []
    # a deployment ends in an evaluation (R12): the old end state 'beeindigd' now leads to it
    assert lc.next_states("bijstand", "beeindigd") == ["geevalueerd"]
    assert lc.next_states("bijstand", "geevalueerd") == []
    assert lc.next_states("action", "vervallen") == []
    assert lc.next_states("incident", "gemeld") == ["actief", "afgeschaald"]
    assert lc.BIJSTAND_ORDER[0] == "concept" and len(lc.BIJSTAND_ORDER) == 13
    assert not lc.legal("incident", "onbekend", "actief")


def _all_pairs(kind: str) -> list[tuple[str, str, bool]]:
    m = lc.MACHINES[kind]
    return [(a, b, b in m[a]) for a in m for b in m if a != b]


def _path(kind: str, target: str, start: str) -> list[str]:
    """Shortest legal path from start to target (breadth first)."""
    m, todo, seen = lc.MACHINES[kind], [[start]], {start}
    while todo:
        p = todo.pop(0)
        if p[-1] == target:
            return p[1:]
        for n in sorted(m[p[-1]]):
            if n not in seen:
                seen.add(n)
                todo.append(p + [n])
    raise AssertionError("unreachable")


def _make(st, kind: str) -> str:  # noqa: ANN001
    if kind == "incident":
        return new(st, incident())
    if kind == "bijstand":
        return new(st, bijstand())
    sid = new(st, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG"]}))
    did = new(st, Command("decision.recorded", {"session_id": sid, "number": 1, "text": "B"}))
    return new(st, Command("action.created", {"decision_id": did, "text": "doe", "owner": "OL"}))


@pytest.mark.parametrize("kind", ["incident", "bijstand", "action"])
def test_every_step_of_every_lifecycle_locally(store_factory, kind):
    """Each (state, next) pair: legal steps apply, others are refused naming both states."""
    st = store_factory()
    start = {"incident": "gemeld", "bijstand": "concept", "action": "open"}[kind]
    typ = f"{kind}.status_changed"
    for a, b, ok in _all_pairs(kind):
        try:
            path = _path(kind, a, start)
        except AssertionError:
            continue
        eid = _make(st, kind)
        for s in path:
            move(st, eid, typ, s)
        assert st.entity(eid)["status"] == a
        if ok:
            move(st, eid, typ, b)
            assert st.entity(eid)["status"] == b
            assert st.entity(eid)["status_times"][b]
        else:
            before = snapshot(st)
            with pytest.raises(ValidationError) as ei:
                move(st, eid, typ, b)
            assert ei.value.field == "naar status"
            assert "mag niet" in str(ei.value)
            assert snapshot(st) == before
    assert not st.conflicts()


def test_stale_from_is_refused(store_factory):
    st = store_factory()
    iid = new(st, incident())
    move(st, iid, "incident.status_changed", "actief")
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("incident.status_changed", {"from": "gemeld", "to": "beheerst"},
                           entity=iid), "OL")
    assert ei.value.errors == [("van status", "de status is intussen Actief; kijk opnieuw")]
    with pytest.raises(ValidationError) as ei:
        move(st, iid, "incident.status_changed", "actief")
    assert ei.value.errors == [("naar status", "de nieuwe status is gelijk aan de huidige")]


def test_bijstand_full_path_offers_and_withdrawal(store_factory):
    st = store_factory()
    bid = new(st, bijstand(status="ingediend"))
    assert st.entity(bid)["status"] == "ingediend"
    move(st, bid, "bijstand.status_changed", "in_behandeling")
    st.execute(Command("bijstand.offer_made", {"offer_id": "o1", "provider": "VR09",
                                               "quantity": 2}, entity=bid), "OL KCR2")
    move(st, bid, "bijstand.status_changed", "deels_toegezegd")
    st.execute(Command("bijstand.offer_withdrawn", {"offer_id": "o1"}, entity=bid), "OL")
    assert st.entity(bid)["offers"]["o1"]["withdrawn"] is True
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("bijstand.offer_withdrawn", {"offer_id": "o2"}, entity=bid), "OL")
    assert ei.value.errors == [("aanbod", "dit aanbod bestaat niet")]
    for s in ("toegezegd", "onderweg", "ingezet", "beeindigd"):
        move(st, bid, "bijstand.status_changed", s)
    assert [h["what"] for h in st.entity(bid)["history"]].count("status") == 6


def test_decision_amend_versions_and_revoke(store_factory):
    st = store_factory()
    sid = new(st, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG", "VGGM"]}))
    did = new(st, Command("decision.recorded", {"session_id": sid, "number": 1,
                                                "text": "Scholen dicht", "rationale": "r1"}))
    d = st.entity(did)
    assert d["status"] == "vastgesteld" and d["regions"] == []
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("decision.revoked", {}, entity=did), "IRBT")
    assert ei.value.errors == [("reden", "is verplicht")]
    st.execute(Command("decision.amended", {"text": "Scholen dicht tot maandag"}, entity=did),
               "IRBT")
    d = st.entity(did)
    assert d["version"] == 2 and d["text"] == "Scholen dicht tot maandag"
    assert d["versions"] == [{"version": 1, "text": "Scholen dicht", "rationale": "r1",
                              "regions": [], "until": d["versions"][0]["until"]}]
    assert d["rationale"] == "r1"  # not given in the amendment: kept
    st.execute(Command("decision.revoked", {"reason": "achterhaald"}, entity=did), "IRBT")
    d = st.entity(did)
    assert d["status"] == "ingetrokken" and d["revoked_reason"] == "achterhaald"
    before = snapshot(st)
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("decision.amended", {"text": "toch"}, entity=did), "IRBT")
    assert ei.value.errors == [("besluit",
                                "een ingetrokken besluit kan niet meer worden gewijzigd")]
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("decision.revoked", {"reason": "nog eens"}, entity=did), "IRBT")
    assert ei.value.errors == [("besluit", "dit besluit is al ingetrokken")]
    assert snapshot(st) == before


def test_decision_needs_existing_session_and_action_existing_decision(store_factory):
    st = store_factory()
    iid = new(st, incident())
    before = snapshot(st)
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("decision.recorded", {"session_id": "nope", "number": 1,
                                                 "text": "x"}), "IRBT")
    assert ei.value.errors == [("sessie", "'nope' bestaat niet in deze store")]
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("decision.recorded", {"session_id": iid, "number": 1,
                                                 "text": "x"}), "IRBT")
    assert ei.value.errors == [("sessie", f"'{iid}' is een incident, geen session")]
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("action.created", {"decision_id": "nope", "text": "x",
                                              "owner": "OL"}), "IRBT")
    assert ei.value.field == "besluit"
    assert snapshot(st) == before


def test_session_close(store_factory):
    st = store_factory()
    sid = new(st, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG"]}))
    assert st.entity(sid)["status"] == "open"
    st.execute(Command("irbt.session_closed", {"note": "klaar"}, entity=sid), "IRBT")
    s = st.entity(sid)
    assert s["status"] == "gesloten" and s["closed_at"]
    before = snapshot(st)
    with pytest.raises(ValidationError) as ei:
        st.execute(Command("irbt.session_closed", {}, entity=sid), "IRBT")
    assert ei.value.errors == [("sessie", "deze sessie is al gesloten")]
    assert snapshot(st) == before


# ---------------------------------------------------------------- concurrent steps

def test_concurrent_incident_steps_raise_the_same_conflict_everywhere(store_factory):
    a, b = store_factory("vnog"), store_factory("vggm")
    iid = new(a, incident())
    exchange(a, b)
    move(a, iid, "incident.status_changed", "actief")
    move(b, iid, "incident.status_changed", "afgeschaald")
    exchange(a, b)
    assert a.fingerprint() == b.fingerprint()
    (c,) = a.conflicts()
    assert open_conflicts(a) == open_conflicts(b)
    assert c["kind"] == "incident" and c["found"] in ("actief", "afgeschaald")
    assert "maar de status was al" in c["reason"]
    # resolving: the losing step applied after all (toepassen)
    st_now = a.entity(iid)["status"]
    with pytest.raises(ValidationError):
        a.execute(Command("conflict.resolved", {"conflict_id": "nope", "choice": "behouden"},
                          entity=iid), "OL")
    a.execute(Command("conflict.resolved", {"conflict_id": c["id"], "choice": "toepassen"},
                      entity=iid), "OL")
    assert a.entity(iid)["status"] == c["wanted"] != st_now
    assert not a.conflicts() and len(a.conflicts(open_only=False)) == 1
    with pytest.raises(ValidationError) as ei:
        a.execute(Command("conflict.resolved", {"conflict_id": c["id"], "choice": "behouden"},
                          entity=iid), "OL")
    assert ei.value.errors == [("conflict", "dit conflict is al opgelost")]
    exchange(a, b)
    assert a.fingerprint() == b.fingerprint() and not b.conflicts()


def test_concurrent_agreement_is_not_a_conflict(store_factory):
    a, b = store_factory("vnog"), store_factory("vggm")
    bid = new(a, bijstand(status="ingediend"))
    exchange(a, b)
    move(a, bid, "bijstand.status_changed", "in_behandeling")
    move(b, bid, "bijstand.status_changed", "in_behandeling")
    exchange(a, b)
    assert not a.conflicts() and not b.conflicts()
    assert a.entity(bid)["status"] == "in_behandeling"
    assert [h["what"] for h in a.entity(bid)["history"]][-1] == "status bevestigd"
    assert a.fingerprint() == b.fingerprint()


def test_keep_choice_leaves_status(store_factory):
    a, b = store_factory("vnog"), store_factory("vggm")
    aid = _make(a, "action")
    exchange(a, b)
    move(a, aid, "action.status_changed", "gereed")
    move(b, aid, "action.status_changed", "vervallen")
    exchange(a, b)
    (c,) = b.conflicts()
    status = b.entity(aid)["status"]
    b.execute(Command("conflict.resolved", {"conflict_id": c["id"], "choice": "behouden",
                                            "note": "zo laten"}, entity=aid), "OL")
    assert b.entity(aid)["status"] == status and not b.conflicts()
    exchange(a, b)
    assert a.fingerprint() == b.fingerprint()


def test_amend_concurrent_with_revoke(store_factory):
    a, b = store_factory("vnog"), store_factory("vggm")
    sid = new(a, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG"]}))
    did = new(a, Command("decision.recorded", {"session_id": sid, "number": 1, "text": "A"}))
    exchange(a, b)
    skew(b, 2000)  # b's clock 2 s ahead (within the drift bound): its amendment folds later
    a.execute(Command("decision.revoked", {"reason": "weg"}, entity=did), "IRBT")
    b.execute(Command("decision.amended", {"text": "B"}, entity=did), "IRBT")
    exchange(a, b)
    assert a.fingerprint() == b.fingerprint()
    d = a.entity(did)
    assert d["status"] == "ingetrokken"
    (c,) = a.conflicts()
    assert c["wanted"] == "gewijzigd" and c["reason"] == "wijziging op een ingetrokken besluit"
    assert open_conflicts(a) == open_conflicts(b)


def test_concurrent_revokes_and_closes_confirm(store_factory):
    a, b = store_factory("vnog"), store_factory("vggm")
    sid = new(a, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG"]}))
    did = new(a, Command("decision.recorded", {"session_id": sid, "number": 1, "text": "A"}))
    exchange(a, b)
    skew(b, 2000)
    a.execute(Command("decision.revoked", {"reason": "weg"}, entity=did), "IRBT")
    a.execute(Command("irbt.session_closed", {}, entity=sid), "IRBT")
    b.execute(Command("decision.revoked", {"reason": "ook weg"}, entity=did), "IRBT")
    b.execute(Command("irbt.session_closed", {}, entity=sid), "IRBT")
    first_close = a.entity(sid)["closed_at"]
    exchange(a, b)
    assert a.fingerprint() == b.fingerprint() and not a.conflicts()
    assert a.entity(did)["revoked_reason"] == "weg"
    assert a.entity(sid)["closed_at"] == first_close
    whats = [h["what"] for h in a.entity(sid)["history"]]
    assert whats.count("gesloten") == 1 and "sluiting bevestigd" in whats

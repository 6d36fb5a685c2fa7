"""Tests that kill the mutants of data/store/fold.py that survived `make mutation`
(docs/mutation.md).

The fold's output is the projection: every key of a state is shown somewhere (detail view,
history, conflict inbox) and goes into the store's fingerprint, so two versions that fold the same
events differently would show two pictures. These tests fold events straight through
:func:`fold.apply` and pin the resulting states exactly.
"""

from __future__ import annotations

from typing import Any

from data.store import fold
from data.store.envelope import Event


class Log:
    """Events of one scenario, with increasing clock, made up by hand (fold does not verify)."""

    def __init__(self) -> None:
        self.n = 0
        self.states: dict[str, fold.State] = {}

    def ev(self, type_: str, entity: str, payload: dict[str, Any], *, origin: str = "vnog",
           author: str = "IM VNOG") -> Event:
        self.n += 1
        n = self.n
        return Event(id=f"ev{n:03d}", world="LIVE", origin=origin, seq=n,
                     hlc=f"{n:013d}-0000-{origin}", occurred_at=f"2026-01-01T10:{n // 60:02d}:"
                     f"{n % 60:02d}Z", recorded_at=f"2026-01-01T11:00:{n % 60:02d}Z",
                     author=author, type=type_, entity=entity, payload_json="{}", prev="0" * 64,
                     payload=payload)

    def fold(self, type_: str, entity: str, kind: str, payload: dict[str, Any],
             **kw: Any) -> fold.State:
        e = self.ev(type_, entity, payload, **kw)
        self.states[entity] = fold.apply(self.states.get(entity), e, kind)
        return self.states[entity]


def at(n: int) -> str:
    return f"2026-01-01T10:{n // 60:02d}:{n % 60:02d}Z"


def rec(n: int) -> str:
    return f"2026-01-01T11:00:{n % 60:02d}Z"


def h(n: int, what: str, **extra: Any) -> dict[str, Any]:
    return {"at": at(n), "recorded_at": rec(n), "by": "IM VNOG", "origin": "vnog", "what": what,
            "event": f"ev{n:03d}", **extra}


def test_bijstand_offers_transitions_conflicts_and_resolutions():
    log = Log()
    log.fold("bijstand.requested", "b1", "bijstand", {"quantity": 2, "capability": "x"})  # 1
    log.fold("bijstand.offer_made", "b1", "bijstand",
             {"offer_id": "o1", "provider": "VGGM", "quantity": 1, "eta": "12:00",
              "note": "n"})  # 2
    log.fold("bijstand.offer_withdrawn", "b1", "bijstand", {"offer_id": "o1"})  # 3
    log.fold("bijstand.offer_withdrawn", "b1", "bijstand", {"offer_id": "nope"})  # 4
    log.fold("bijstand.status_changed", "b1", "bijstand",
             {"from": "concept", "to": "ingediend", "reason": "r"})  # 5 legal
    log.fold("bijstand.status_changed", "b1", "bijstand",
             {"from": "concept", "to": "ingediend"})  # 6 agreement
    log.fold("bijstand.status_changed", "b1", "bijstand",
             {"from": "concept", "to": "ingetrokken"})  # 7 stale 'from': conflict
    log.fold("bijstand.status_changed", "b1", "bijstand",
             {"from": "ingediend", "to": "beeindigd"})  # 8 not a legal step: conflict
    log.fold("conflict.resolved", "b1", "bijstand",
             {"conflict_id": "ev007", "choice": "toepassen", "note": "ok"})  # 9
    log.fold("conflict.resolved", "b1", "bijstand",
             {"conflict_id": "ev007", "choice": "behouden"})  # 10 already resolved
    log.fold("conflict.resolved", "b1", "bijstand",
             {"conflict_id": "ev008", "choice": "behouden"})  # 11
    st = log.fold("conflict.resolved", "b1", "bijstand",
                  {"conflict_id": "zzz", "choice": "toepassen"}, author="OvD")  # 12 unknown
    assert st == {
        "id": "b1", "entity_kind": "bijstand", "created_at": at(1), "created_by": "IM VNOG",
        "origin": "vnog", "updated_at": at(12), "updated_by": "OvD",
        "quantity": 2, "capability": "x", "status": "ingetrokken",
        "offers": {"o1": {"provider": "VGGM", "quantity": 1, "eta": "12:00", "note": "n",
                          "at": at(2), "by": "IM VNOG", "withdrawn": True}},
        "status_times": {"ingediend": at(5), "ingetrokken": at(9)},
        "conflicts": [
            {"id": "ev007", "type": "bijstand.status_changed", "wanted": "ingetrokken",
             "expected": "concept", "found": "ingediend", "origin": "vnog",
             "author": "IM VNOG", "hlc": "0000000000007-0000-vnog", "at": at(7),
             "reason": "wilde Concept → Ingetrokken, maar de status was al Ingediend",
             "resolution": {"choice": "toepassen", "by": "IM VNOG", "at": at(9),
                            "note": "ok", "event": "ev009"}},
            {"id": "ev008", "type": "bijstand.status_changed", "wanted": "beeindigd",
             "expected": "ingediend", "found": "ingediend", "origin": "vnog",
             "author": "IM VNOG", "hlc": "0000000000008-0000-vnog", "at": at(8),
             "reason": "Ingediend → Beëindigd is geen toegestane stap",
             "resolution": {"choice": "behouden", "by": "IM VNOG", "at": at(11),
                            "note": None, "event": "ev011"}},
        ],
        "history": [
            h(1, "aangemaakt", to="concept"),
            h(2, "aanbod", provider="VGGM", quantity=1),
            h(3, "aanbod ingetrokken", offer="o1"),
            h(4, "aanbod ingetrokken", offer="nope"),
            h(5, "status", **{"from": "concept", "to": "ingediend", "reason": "r"}),
            h(6, "status bevestigd", to="ingediend"),
            h(9, "status", **{"from": "ingediend", "to": "ingetrokken",
                              "reason": "conflict opgelost"}),
            h(10, "conflict al opgelost", conflict="ev007"),
            h(11, "conflict opgelost", conflict="ev008", choice="behouden"),
            {**h(12, "onbekend conflict", conflict="zzz"), "by": "OvD"},
        ],
    }
    assert fold.title_of(st) == "2× ?"  # capability "x" is unknown, no capability_text
    assert fold.status_of(st) == "ingetrokken"
    assert fold.regions_of(st) == ""


def test_withdrawing_an_unknown_offer_makes_no_offer():
    log = Log()
    log.fold("bijstand.requested", "b1", "bijstand", {"status": "ingediend"})
    st = log.fold("bijstand.offer_withdrawn", "b1", "bijstand", {"offer_id": "o9"})
    assert st["offers"] == {}
    assert st["status"] == "ingediend"  # a status in the creating payload is kept


def test_decision_amend_revoke_and_a_conflict_that_is_no_status():
    log = Log()
    log.fold("decision.recorded", "d1", "decision",
             {"number": 7, "text": "t1", "rationale": "r1", "regions": ["VNOG"]})  # 1
    log.fold("decision.amended", "d1", "decision", {"text": "t2"})  # 2
    log.fold("decision.amended", "d1", "decision",
             {"rationale": "r3", "regions": ["VGGM"], "other": "x"})  # 3
    log.fold("decision.revoked", "d1", "decision", {"reason": "weg"})  # 4
    log.fold("decision.revoked", "d1", "decision", {"reason": "nog eens"})  # 5
    log.fold("decision.amended", "d1", "decision", {"text": "te laat"})  # 6 conflict
    st = log.fold("conflict.resolved", "d1", "decision",
                  {"conflict_id": "ev006", "choice": "toepassen"})  # 7
    assert st == {
        "id": "d1", "entity_kind": "decision", "created_at": at(1), "created_by": "IM VNOG",
        "origin": "vnog", "updated_at": at(7), "updated_by": "IM VNOG",
        "number": 7, "text": "t2", "rationale": "r3", "regions": ["VGGM"],
        "status": "ingetrokken", "version": 3, "revoked_reason": "weg", "revoked_at": at(4),
        "versions": [
            {"version": 1, "text": "t1", "rationale": "r1", "regions": ["VNOG"],
             "until": at(2)},
            {"version": 2, "text": "t2", "rationale": "r1", "regions": ["VNOG"],
             "until": at(3)},
        ],
        "conflicts": [
            {"id": "ev006", "type": "decision.amended", "wanted": "gewijzigd",
             "expected": "vastgesteld", "found": "ingetrokken", "origin": "vnog",
             "author": "IM VNOG", "hlc": "0000000000006-0000-vnog", "at": at(6),
             "reason": "wijziging op een ingetrokken besluit",
             "resolution": {"choice": "toepassen", "by": "IM VNOG", "at": at(7), "note": None,
                            "event": "ev007"}},
        ],
        "history": [
            h(1, "aangemaakt", to="vastgesteld"),
            h(2, "gewijzigd", version=2),
            h(3, "gewijzigd", version=3),
            h(4, "ingetrokken", reason="weg"),
            h(5, "intrekking bevestigd"),
            h(7, "conflict opgelost", conflict="ev006", choice="toepassen"),
        ],
    }
    assert fold.title_of(st) == "Besluit 7: t2"
    assert fold.regions_of(st) == "VGGM"


def test_decision_title_is_cut_at_200():
    log = Log()
    st = log.fold("decision.recorded", "d1", "decision", {"text": "x" * 300})
    assert fold.title_of(st) == ("Besluit ?: " + "x" * 300)[:200]


def test_session_incident_comms_journal_action_nsp():
    log = Log()
    log.fold("irbt.session_opened", "s1", "session", {"name": "IRBT"})  # 1
    log.fold("irbt.session_closed", "s1", "session", {})  # 2
    s = log.fold("irbt.session_closed", "s1", "session", {})  # 3
    assert s["status"] == "gesloten" and s["closed_at"] == at(2)
    assert s["history"] == [h(1, "aangemaakt", to="open"), h(2, "gesloten"),
                            h(3, "sluiting bevestigd")]
    assert fold.title_of(s) == "IRBT" and fold.status_of(s) == "gesloten"

    c = log.fold("comms.reported", "c1", "comms",
                 {"region": "VNOG", "channel": "NCV", "state": "storing", "note": "n"})  # 4
    c = log.fold("comms.reported", "c1", "comms",
                 {"region": "VNOG", "channel": "NCV", "state": "storing"})  # 5
    assert c["since"] == at(4) and c["created_at"] == at(4) and "placeholder" not in c
    c = log.fold("comms.reported", "c1", "comms",
                 {"region": "VNOG", "channel": "NCV", "state": "werkt"})  # 6
    assert c["since"] == at(6) and c["created_at"] == at(4)
    assert c["history"] == [h(4, "status", to="storing", note="n"),
                            h(5, "status", to="storing", note=None),
                            h(6, "status", to="werkt", note=None)]
    assert fold.title_of(c) == "VNOG · NCV" and fold.status_of(c) == "werkt"
    assert fold.regions_of(c) == "VNOG"

    j = log.fold("journal.logged", "j1", "journal", {"channel": "NCV", "text": "y" * 250})  # 7
    assert j["history"] == [] and "status" not in j and "placeholder" not in j
    assert fold.title_of(j) == "y" * 200 and fold.status_of(j) == "NCV"

    i = log.fold("incident.reported", "i1", "incident",
                 {"title": "brand", "regions": ["VNOG", "VGGM"]})  # 8
    i = log.fold("incident.reported", "i1", "incident", {"title": "anders"},
                 author="OvD")  # 9 a second creation is ignored
    i = log.fold("incident.updated", "i1", "incident", {"title": "grote brand", "b": 1,
                                                         "a": 2})  # 10
    i = log.fold("incident.picture_updated", "i1", "incident", {"beeld": "rook"})  # 11
    i = log.fold("incident.status_changed", "i1", "incident",
                 {"from": "gemeld", "to": "actief"})  # 12
    assert {k: v for k, v in i.items() if k != "history"} == {
        "id": "i1", "entity_kind": "incident", "created_at": at(8), "created_by": "IM VNOG",
        "origin": "vnog", "updated_at": at(12), "updated_by": "IM VNOG", "title": "grote brand",
        "regions": ["VNOG", "VGGM"], "status": "actief", "b": 1, "a": 2, "beeld": "rook",
        "beeld_history": [{"at": at(11), "by": "IM VNOG", "beeld": "rook"}],
        "status_times": {"actief": at(12)}, "conflicts": [],
    }
    assert i["history"] == [
        h(8, "aangemaakt", to="gemeld"),
        {**h(9, "dubbele aanmaak genegeerd"), "by": "OvD"},
        h(10, "gewijzigd", fields=["a", "b", "title"]),
        h(11, "beeld bijgewerkt"),
        h(12, "status", **{"from": "gemeld", "to": "actief", "reason": None}),
    ]
    assert fold.title_of(i) == "grote brand" and fold.regions_of(i) == "VNOG,VGGM"

    a = log.fold("action.created", "a1", "action", {"text": "bel"})  # 13
    assert a["status"] == "open" and fold.title_of(a) == "bel"
    n = log.fold("nsp.registered", "n1", "nsp", {"name": "NSP", "requesting_region": "VGGM"})
    assert "status" not in n and fold.title_of(n) == "NSP" and fold.status_of(n) == ""
    assert fold.regions_of(n) == "VGGM"
    assert n["history"] == [h(14, "aangemaakt", to=None)]
    x = log.fold("node.registered", "vggm", "node", {})
    assert fold.title_of(x) == "vggm"


def test_history_is_trimmed_in_steps_of_a_fifth():
    log = Log()
    st = log.fold("incident.reported", "i1", "incident", {"title": "t"})
    keep = fold.HISTORY_KEEP
    for _ in range(keep + keep // 5 - 1):
        st = log.fold("incident.updated", "i1", "incident", {"title": "u"})
    assert len(st["history"]) == keep + keep // 5 and "history_dropped" not in st  # 240
    st = log.fold("incident.updated", "i1", "incident", {"title": "u"})
    assert len(st["history"]) == keep and st["history_dropped"] == keep // 5 + 1
    assert st["history"][0]["event"] == f"ev{keep // 5 + 2:03d}"  # the oldest went
    for _ in range(keep // 5 + 1):
        st = log.fold("incident.updated", "i1", "incident", {"title": "u"})
    assert len(st["history"]) == keep and st["history_dropped"] == 2 * (keep // 5 + 1)


def test_beeld_history_keeps_the_newest_twenty():
    log = Log()
    st = log.fold("incident.reported", "i1", "incident", {"title": "t"})
    keep = fold.BEELD_KEEP
    for n in range(keep + keep // 5):
        st = log.fold("incident.picture_updated", "i1", "incident", {"beeld": f"b{n}"})
    assert len(st["beeld_history"]) == 24 and "beeld_history_dropped" not in st
    st = log.fold("incident.picture_updated", "i1", "incident", {"beeld": "last"})
    assert [b["beeld"] for b in st["beeld_history"]] == [f"b{n}" for n in range(5, 24)] + ["last"]
    assert st["beeld_history_dropped"] == 5


def test_initial_status_table():
    assert fold.INITIAL_STATUS == {"incident": "gemeld", "action": "open", "session": "open",
                                   "decision": "vastgesteld"}


def test_applying_a_conflict_is_the_first_status_change():
    log = Log()
    log.fold("bijstand.requested", "b1", "bijstand", {})  # concept, no status_times yet
    log.fold("bijstand.status_changed", "b1", "bijstand",
             {"from": "ingediend", "to": "in_behandeling"})  # 2: stale 'from'
    st = log.fold("conflict.resolved", "b1", "bijstand",
                  {"conflict_id": "ev002", "choice": "toepassen"})
    assert st["status"] == "in_behandeling"
    assert st["status_times"] == {"in_behandeling": at(3)}


def test_an_offer_is_open_until_withdrawn():
    log = Log()
    log.fold("bijstand.requested", "b1", "bijstand", {})
    st = log.fold("bijstand.offer_made", "b1", "bijstand",
                  {"offer_id": "o1", "provider": "VGGM", "quantity": 1})
    assert st["offers"]["o1"]["withdrawn"] is False
    assert st["offers"]["o1"]["eta"] is None and st["offers"]["o1"]["note"] is None


def test_a_status_change_before_its_entity_was_created():
    """Events of several origins arrive in any order: a step may be folded before the event
    that made the entity (the state has no status yet)."""
    log = Log()
    st = log.fold("bijstand.status_changed", "b1", "bijstand",
                  {"from": "ingediend", "to": "in_behandeling"})
    assert "status" not in st
    assert st["conflicts"][0]["reason"] == ("wilde Ingediend → In behandeling, maar de status "
                                            "was al ?")
    assert st["conflicts"][0]["found"] is None


def test_a_comms_report_after_another_event_on_its_id_dates_the_entity():
    """The first comms report creates the entity, also when another event for the same id was
    folded before it (a conflict resolution that arrived first)."""
    log = Log()
    log.fold("conflict.resolved", "c1", "comms", {"conflict_id": "x", "choice": "behouden"})
    c = log.fold("comms.reported", "c1", "comms",
                 {"region": "VNOG", "channel": "NCV", "state": "storing"})
    assert c["created_at"] == at(2) and c["since"] == at(2) and "placeholder" not in c
    assert set(c) == {"id", "entity_kind", "created_at", "created_by", "origin", "updated_at",
                      "updated_by", "conflicts", "history", "region", "channel", "state",
                      "since"}

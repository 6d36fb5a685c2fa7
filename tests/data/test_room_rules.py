"""The domain rules as a Dutch coordination room means them (issue 17), table-driven: each row
is a situation an OL would recognise and the answer the picture must give."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from data.picture import deadlines
from data.store import Command
from tests.data.helpers import incident, new

T0 = "2026-11-20T06:00:00Z"
T0_DT = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)


def _h(hours: float) -> datetime:
    return T0_DT + timedelta(hours=hours)


# ----------------------------------------------------------------- 72 hours from T0

@pytest.mark.parametrize(("status", "operational_at", "hours", "verdict"), [
    # opened late in the crisis: still judged from T0, not from its own opening
    ("gepland", None, 10, "op_schema"),
    ("in_opbouw", None, 59.9, "op_schema"),
    ("in_opbouw", None, 60.1, "haalt_doel_niet"),
    ("gepland", None, 70, "haalt_doel_niet"),  # T0+70 h: the OL sees it will miss
    ("beperkt", None, 70, "haalt_doel_niet"),  # partly open is not fully operational
    ("gepland", None, 72.01, "gemist"),
    ("beperkt", None, 80, "gemist"),
    ("operationeel", 30, 80, "gehaald"),
    ("operationeel", 75, 80, "te_laat_gehaald"),
    ("gesloten", None, 80, "gesloten"),
])
def test_nsp_target_counts_from_the_crisis_t0(status: str, operational_at: float | None,
                                             hours: float, verdict: str) -> None:
    point = {"status": status, "status_times": {}}
    if operational_at is not None:
        point["status_times"]["operationeel"] = _h(operational_at).strftime("%Y-%m-%dT%H:%M:%SZ")
    c = deadlines.nsp_clock(point, T0, _h(hours))
    assert c.verdict == verdict
    assert c.flagged == (verdict in ("haalt_doel_niet", "gemist"))


@pytest.mark.parametrize(("status", "times", "hours", "verdict"), [
    ("vol", {"vol": 30}, 80, "gehaald"),  # full is working: it takes no one more
    ("vol", {"operationeel": 20, "vol": 60}, 80, "gehaald"),  # the first working moment
    ("vol", {"vol": 75}, 80, "te_laat_gehaald"),
    ("onveilig", {"operationeel": 20}, 70, "haalt_doel_niet"),  # not safe is not working
    ("onveilig", {"operationeel": 20}, 73, "gemist"),
])
def test_a_full_point_works_and_an_unsafe_one_does_not(status: str, times: dict,
                                                      hours: float, verdict: str) -> None:
    point = {"status": status, "status_times": {
        k: _h(v).strftime("%Y-%m-%dT%H:%M:%SZ") for k, v in times.items()}}
    assert deadlines.nsp_clock(point, T0, _h(hours)).verdict == verdict
    net, _per = deadlines.nsp_tallies([{**point, "incident_id": "i1"}], {"i1": T0}, _h(hours))
    assert net.operational == int(status == "vol")


def test_a_point_counts_its_generator_fuel_down(store_factory) -> None:
    from data.picture.continuity import fuel_left

    st = store_factory("vggm")
    nid = new(st, Command("nsp.registered", {
        "name": "Kazerne Nijmegen-Oost", "kind": "coordinatiepunt", "municipality": "Nijmegen",
        "region": "VRGZ", "power": "aggregaat", "fuel_hours": 10}, occurred_at=T0))
    assert fuel_left(st.entity(nid), _h(4)) == pytest.approx(6)
    st.execute(Command("nsp.updated", {"fuel_hours": 24}, entity=nid,
                       occurred_at="2026-11-20T16:00:00Z"), "AC Bevolkingszorg VRGZ")
    assert fuel_left(st.entity(nid), _h(20)) == pytest.approx(14)


def test_nsp_without_incident_is_not_judged_and_says_so() -> None:
    c = deadlines.nsp_clock({"status": "gepland"}, None, _h(80))
    assert c.verdict == "geen_t0" and not c.flagged
    assert c.text() == "geen incident gekoppeld" and c.elapsed_text() == "—"


@pytest.mark.parametrize(("hours", "text"), [
    (47.9, "T0+47 u"), (48, "T0+48 u ▲48"), (71.9, "T0+71 u ▲48"), (72, "T0+72 u ▲72"),
])
def test_crisis_clock_marks_48_and_72_hours(hours: float, text: str) -> None:
    assert deadlines.nsp_clock({"status": "gepland"}, T0, _h(hours)).elapsed_text() == text


def test_incident_t0_is_the_recorded_start_else_the_report() -> None:
    assert deadlines.incident_t0({"t0": T0, "created_at": "2026-11-21T00:00:00Z"}) == T0
    assert deadlines.incident_t0({"created_at": "2026-11-21T00:00:00Z"}) == "2026-11-21T00:00:00Z"
    assert deadlines.incident_t0(None) is None


def test_tallies_per_region_and_for_the_network() -> None:
    pts = [
        {"region": "VR06", "status": "operationeel", "incident_id": "i1"},
        {"region": "VR06", "status": "gepland", "incident_id": "i1"},
        {"region": "VR04", "status": "in_opbouw", "incident_id": "i1"},
        {"region": "VR04", "status": "gesloten", "incident_id": "i1"},
        {"region": "VR05", "status": "gepland"},  # not linked to a crisis
    ]
    net, per = deadlines.nsp_tallies(pts, {"i1": T0}, _h(70))
    assert (net.total, net.operational, net.at_risk, net.missed, net.unlinked) == (4, 1, 2, 0, 1)
    assert per["VR06"].text() == "1/2 operationeel, 1 haalt doel niet"
    assert per["VR04"].total == 1  # a closed point is out of the network
    net, per = deadlines.nsp_tallies(pts, {"i1": T0}, _h(73))
    assert net.missed == 2 and per["VR04"].text() == "0/1 operationeel, 1 gemist"


def test_fold_stamps_when_a_point_became_operational(store_factory) -> None:
    st = store_factory("vnog")
    iid = new(st, incident(t0=T0))
    nid = new(st, Command("nsp.registered", {
        "name": "Dorpshuis", "kind": "lokaal", "municipality": "Heerde", "region": "VNOG",
        "incident_id": iid, "not_offered": ["telefoon laden", "medische zorg"]},
        occurred_at="2026-11-21T06:00:00Z"))
    st.execute(Command("nsp.updated", {"status": "operationeel"}, entity=nid,
                       occurred_at="2026-11-22T10:00:00Z"), "IM VNOG")
    st.execute(Command("nsp.updated", {"last_contact": "2026-11-22T12:00:00Z"}, entity=nid,
                       occurred_at="2026-11-22T12:00:00Z"), "IM VNOG")
    s = st.entity(nid)
    assert s["status_times"] == {"gepland": "2026-11-21T06:00:00Z",
                                 "operationeel": "2026-11-22T10:00:00Z"}
    assert s["not_offered"] == ["telefoon laden", "medische zorg"]
    t0 = deadlines.incident_t0(st.entity(iid))
    assert t0 == T0
    assert deadlines.nsp_clock(s, t0, _h(90)).verdict == "gehaald"


# ----------------------------------------------------------------- bijstand in layers

from data.domain import lifecycles as lc  # noqa: E402
from data.domain.events import validate_payload  # noqa: E402
from data.domain.routing import availability_uncertain, route_error  # noqa: E402
from data.domain.validation import ValidationError  # noqa: E402
from data.picture import overview  # noqa: E402
from data.picture.bijstand import card_flags, needed_by_overdue  # noqa: E402


@pytest.mark.parametrize(("payload", "refused", "names"), [
    ({"addressed_to": "KCR2"}, False, ""),
    ({"addressed_to": "VR05"}, False, ""),  # a neighbouring region
    ({"addressed_to": "JFC"}, True, "KCR2"),  # a region straight to Defensie
    ({"addressed_to": "jfc"}, True, "JFC"),
    ({"addressed_to": "UCPM"}, True, "Staat"),
    ({"addressed_to": "JFC", "parent_id": "b1"}, False, ""),  # KCR2's sub-request
    ({"addressed_to": "UCPM", "parent_id": "b1"}, True, "Europese Commissie"),
    ({"addressed_to": "UCPM", "parent_id": "b1", "state_request": True}, False, ""),
])
def test_bijstand_runs_through_the_layers(payload: dict, refused: bool, names: str) -> None:
    err = route_error(payload)
    assert (err is not None) == refused
    if refused:
        assert names in err[1]


@pytest.mark.parametrize(("to", "uncertain"), [("JFC", True), ("UCPM", True), ("KCR2", False),
                                               ("VR05", False), (None, False)])
def test_defensie_and_eu_means_are_never_certain(to: str | None, uncertain: bool) -> None:
    assert availability_uncertain(to) == uncertain


@pytest.mark.parametrize(("status", "hours", "late"), [
    ("ingediend", 9.9, False), ("ingediend", 10.1, True), ("concept", 11, True),
    ("in_behandeling", 11, True), ("deels_toegezegd", 11, True), ("toegezegd", 11, True),
    ("onderweg", 11, False), ("ingezet", 11, False), ("afgewezen", 11, False),
    ("ingetrokken", 11, False),
])
def test_a_passed_nodig_voor_is_flagged_until_the_means_move(status: str, hours: float,
                                                              late: bool) -> None:
    needed = "2026-11-20T16:00:00Z"  # T0+10 h
    assert needed_by_overdue(status, needed, _h(hours)) == late
    assert ("nodig vóór verstreken" in card_flags(status, "KCR2", needed, _h(hours))) == late


@pytest.mark.parametrize(("frm", "to", "ok"), [
    ("ingezet", "afgelost", True), ("afgelost", "ingezet", True),
    ("afgelost", "gedemobiliseerd", True), ("ingezet", "gedemobiliseerd", True),
    ("gedemobiliseerd", "geevalueerd", True), ("beeindigd", "geevalueerd", True),
    ("ingezet", "beeindigd", True),  # what older centres still send
    ("toegezegd", "afgelost", False), ("gedemobiliseerd", "ingezet", False),
    ("geevalueerd", "ingezet", False),
])
def test_a_deployment_is_relieved_demobilised_and_evaluated(frm: str, to: str, ok: bool) -> None:
    assert lc.legal("bijstand", frm, to) == ok


def test_overview_counts_open_requests_and_running_deployments_apart() -> None:
    p = overview.PictureState(bijstand={
        "b1": ("b1", "ingediend"), "b2": ("b2", "toegezegd"), "b3": ("b3", "ingezet"),
        "b4": ("b4", "afgelost"), "b5": ("b5", "onderweg"), "b6": ("b6", "gedemobiliseerd"),
        "b7": ("b7", "geevalueerd")})
    k = overview.kpis(p, _h(1))
    assert (k["bijstand_requests"], k["bijstand_deployed"]) == (2, 3)


@pytest.mark.parametrize(("value", "ok"), [
    ("OvD Bevolkingszorg VNOG", True), ("LOCC-coördinator", True),
    ("iemand@vnog.nl", False), ("06-12345678", False), ("026 355 5555", False),
])
def test_contacts_are_functions_not_people(value: str, ok: bool) -> None:
    payload = {"requesting_region": "VNOG", "addressed_to": "KCR2", "quantity": 1,
               "capability": "usar", "contact_function": value}
    if ok:
        assert validate_payload("bijstand.requested", payload)["contact_function"] == value
    else:
        with pytest.raises(ValidationError, match="functie"):
            validate_payload("bijstand.requested", payload)


def test_offers_carry_their_own_status_and_commander(store_factory) -> None:
    st = store_factory("kcr2")
    bid = new(st, Command("bijstand.requested", {
        "requesting_region": "VNOG", "addressed_to": "KCR2", "capability": "handcrew_natuurbrand",
        "quantity": 2, "under_command_of": "OvD Brandweer VNOG", "relief": "na 12 uur",
        "logistics": "24 uur zelfvoorzienend"}))
    st.execute(Command("bijstand.offer_made", {"offer_id": "o1", "provider": "VR04",
                                               "quantity": 1, "commander": "Teamleider Handcrew"},
                       entity=bid), "KCR2")
    st.execute(Command("bijstand.offer_updated", {"offer_id": "o1", "status": "ingezet"},
                       entity=bid, occurred_at="2026-11-21T08:00:00Z"), "KCR2")
    off = st.entity(bid)["offers"]["o1"]
    assert (off["status"], off["commander"]) == ("ingezet", "Teamleider Handcrew")
    assert off["status_times"] == {"ingezet": "2026-11-21T08:00:00Z"}
    with pytest.raises(ValidationError, match="aanbod"):
        st.execute(Command("bijstand.offer_updated", {"offer_id": "nope", "status": "ingezet"},
                           entity=bid), "KCR2")


# ----------------------------------------------------------------- agreements and decisions

from data.picture import decisions as dec  # noqa: E402


@pytest.mark.parametrize(("team", "recorded", "kind"), [
    (None, None, "afspraak"),  # an older store's session is an IRBT: it agrees
    ("IRBT", None, "afspraak"), ("ROT", None, "besluit"), ("GBT", None, "besluit"),
    ("RBT", None, "besluit"), ("ROT", "afspraak", "afspraak"), ("IRBT", "besluit", "besluit"),
])
def test_an_irbt_agrees_and_a_team_decides(team: str | None, recorded: str | None,
                                           kind: str) -> None:
    session = {"team": team} if team else {}
    decision = {"kind": recorded} if recorded else {}
    assert dec.kind_of(decision, session) == kind


@pytest.mark.parametrize(("adoption", "text"), [
    ({}, "0/3 uitgevoerd, 3 open"),
    ({"VR04": "overgenomen"}, "0/3 uitgevoerd, 2 open, 1 overgenomen"),
    ({"VR04": "uitgevoerd", "VR05": "niet_overgenomen"},
     "1/3 uitgevoerd, 1 niet overgenomen, 1 open"),
])
def test_adoption_is_reported_per_region_involved(adoption: dict, text: str) -> None:
    d = {"regions": ["VR04", "VR05", "VR06"],
         "adoption": {r: {"state": s} for r, s in adoption.items()}}
    assert dec.adoption_summary(d) == text


@pytest.mark.parametrize(("decision_status", "action_status", "orphaned"), [
    ("ingetrokken", "open", True), ("ingetrokken", "in_uitvoering", True),
    ("ingetrokken", "gereed", False), ("ingetrokken", "vervallen", False),
    ("vastgesteld", "in_uitvoering", False),
])
def test_actions_under_a_revoked_decision_are_flagged(decision_status: str, action_status: str,
                                                      orphaned: bool) -> None:
    decisions = [{"id": "d1", "status": decision_status}]
    actions = [{"id": "a1", "decision_id": "d1", "status": action_status}]
    assert (dec.orphaned_actions(actions, decisions) == {"a1"}) == orphaned
    k = overview.kpis(overview.PictureState(decisions=decisions, actions=actions), _h(1))
    assert k["actions_orphaned"] == int(orphaned)


def test_revoke_adopt_and_reattach_in_the_store(store_factory) -> None:
    st = store_factory("kcr2")
    sid = new(st, Command("irbt.session_opened", {"title": "IRBT Oost-5", "team": "IRBT",
                                                  "regions": ["VR04", "VR06"]}))
    d1 = new(st, Command("decision.recorded", {"session_id": sid, "number": 1, "kind": "afspraak",
                                               "key": True, "text": "Prioritering aggregaten",
                                               "regions": ["VR04", "VR06"]}))
    d2 = new(st, Command("decision.recorded", {"session_id": sid, "number": 2,
                                               "text": "Eenduidige publieksinformatie"}))
    aid = new(st, Command("action.created", {"decision_id": d1, "text": "Verdeelstaat",
                                             "owner": "OL KCR2"}))
    st.execute(Command("action.status_changed", {"to": "in_uitvoering"}, entity=aid), "OL")
    st.execute(Command("decision.adoption_reported", {"region": "VR06", "state": "uitgevoerd"},
                       entity=d1), "IM VNOG")
    assert dec.adoption_summary(st.entity(d1)) == "1/2 uitgevoerd, 1 open"
    st.execute(Command("decision.revoked", {"reason": "vervangen door afspraak 2"}, entity=d1),
               "IM")
    assert dec.orphaned_actions([st.entity(aid)], [st.entity(d1), st.entity(d2)]) == {aid}
    with pytest.raises(ValidationError, match="ingetrokken"):
        st.execute(Command("decision.adoption_reported", {"region": "VR04",
                                                          "state": "overgenomen"}, entity=d1),
                   "IM")
    st.execute(Command("action.reattached", {"decision_id": d2, "reason": "valt nu onder 2"},
                       entity=aid), "OL")
    a = st.entity(aid)
    assert a["decision_id"] == d2 and a["reattached_from"] == [d1]
    assert dec.orphaned_actions([a], [st.entity(d1), st.entity(d2)]) == set()


# ----------------------------------------------------------------- public warning, scarcity

from data.picture import public  # noqa: E402


@pytest.mark.parametrize(("cells", "reduced", "says"), [
    ([], False, "≈ 92 %"),
    ([("VR06", "mobiel", "operationeel")], False, "≈ 92 %"),
    ([("VR06", "mobiel", "uitgevallen")], True, "mobiel uitgevallen in VNOG"),
    ([("VR06", "mobiel", "verstoord")], True, "mobiel verstoord in VNOG"),
    ([("VR06", "NL-Alert", "uitgevallen")], True, "NL-Alert uitgevallen"),
    ([("VR09", "mobiel", "uitgevallen")], False, "≈ 92 %"),  # another region
    ([("VR06", "C2000", "uitgevallen")], False, "≈ 92 %"),  # not the public's channel
])
def test_nl_alert_reach_drops_with_the_mobile_network(cells: list, reduced: bool,
                                                      says: str) -> None:
    text, low = public.alert_reach(["VR06", "VR04"], cells)
    assert low == reduced and says in text


@pytest.mark.parametrize(("asked", "offered", "short"), [(2, 1, 1), (2, 2, 0), (1, 3, 0),
                                                         (0, 0, 0)])
def test_scarce_means_show_their_shortfall(asked: int, offered: int, short: int) -> None:
    assert public.shortfall({"asked": asked, "offered": offered, "available": 0}) == short


@pytest.mark.parametrize(("state", "estimate", "hours", "late"), [
    ("uitgevallen", "2026-11-21T06:00:00Z", 23, False),
    ("uitgevallen", "2026-11-21T06:00:00Z", 25, True),
    ("verstoord", "2026-11-21T06:00:00Z", 25, True),
    ("operationeel", "2026-11-21T06:00:00Z", 25, False),
    ("uitgevallen", None, 25, False),
])
def test_a_partner_past_its_restoration_estimate_is_flagged(state: str, estimate: str | None,
                                                            hours: float, late: bool) -> None:
    p = {"state": state, "restore_estimate": estimate}
    assert public.restore_overdue(p, _h(hours)) == late


def test_alerts_means_and_partners_in_the_store(store_factory) -> None:
    st = store_factory("kcr2")
    aid = new(st, Command("alert.issued", {
        "regions": ["VNOG"], "area": "Epe en Heerde", "text": "Stroomuitval houdt aan",
        "action_perspective": "Ga naar het noodsteunpunt bij u in de buurt",
        "sent_at": "2026-11-21T07:00:00Z"}))
    assert st.entity(aid)["area"] == "Epe en Heerde"
    for n in (1, 2):  # one standing entity per means: the newest report counts
        st.execute(Command("capacity.reported", {"means": "handcrew_natuurbrand", "asked": 2,
                                                 "offered": n, "available": 0,
                                                 "priority_note": "Prioritering: VNOG eerst"}),
                   "OL KCR2")
    cap = st.entity("capacity:handcrew_natuurbrand")
    assert (cap["offered"], public.shortfall(cap)) == (2, 0)
    st.execute(Command("partner.reported", {"partner": "Netbeheerder Oost", "sector":
                                            "elektriciteit", "region": "VNOG",
                                            "state": "uitgevallen",
                                            "restore_estimate": "2026-11-22T18:00:00Z",
                                            "estimate_quality": "schatting"}), "IM VNOG")
    assert st.entity("partner:VR06:elektriciteit:netbeheerder-oost")["state"] == "uitgevallen"
    with pytest.raises(ValidationError, match="verdringingsreeks|geen geldige"):
        validate_payload("capacity.reported", {"means": "verdringingsreeks", "asked": 1,
                                               "offered": 0, "available": 0})


# ----------------------------------------------------------------- the route, in the command table

def _asked(st, **extra) -> str:
    return new(st, Command("bijstand.requested", {
        "requesting_region": "VNOG", "capability": "helikopter_waterbak", "quantity": 2,
        **extra}), "OL VNOG")


@pytest.mark.parametrize(("parent_to", "sub", "field", "says"), [
    # a region straight to Defensie or the EU: refused, and the message names the route
    (None, {"addressed_to": "JFC"}, "gericht aan", "aan bij KCR2 (LOCC)"),
    (None, {"addressed_to": "UCPM"}, "gericht aan", "richt het verzoek aan KCR2"),
    # only a request made to KCR2 can be forwarded, and only to JFC or the EU
    ("VR05", {"addressed_to": "JFC"}, "deelverzoek van", "alleen KCR2 zet een verzoek door"),
    ("KCR2", {"addressed_to": "VR05"}, "gericht aan", "een buurregio vraagt KCR2 zelf"),
    ("KCR2", {"addressed_to": "UCPM"}, "verzoek van de Staat", "Europese Commissie"),
    ("KCR2", {"addressed_to": "JFC", "requesting_region": "VR04"}, "aanvragende regio",
     "dezelfde regio"),
    ("KCR2", {"addressed_to": "JFC", "parent_id": "bestaat-niet"}, "deelverzoek van",
     "geen bijstandsverzoek"),
    # what the layers allow
    (None, {"addressed_to": "KCR2"}, None, ""),
    (None, {"addressed_to": "VR05"}, None, ""),
    ("KCR2", {"addressed_to": "JFC"}, None, ""),
    ("KCR2", {"addressed_to": "UCPM", "state_request": True}, None, ""),
])
def test_the_store_refuses_a_request_off_the_route(store_factory, parent_to: str | None,
                                                   sub: dict, field: str | None,
                                                   says: str) -> None:
    """The rule lives in the command table, so the CLI, sync (local commands) and every form
    obey it; a refusal changes nothing."""
    st = store_factory("kcr2")
    payload = dict(sub)
    if parent_to is not None:
        payload.setdefault("parent_id", _asked(st, addressed_to=parent_to))
    before = st.event_count()
    if field is None:
        _asked(st, **payload)
        assert st.event_count() == before + 1
        return
    with pytest.raises(ValidationError) as err:
        _asked(st, **payload)
    assert err.value.field == field and says in str(err.value)
    assert st.event_count() == before


# ----------------------------------------------------------------- the centres themselves

from data.picture import continuity as cont  # noqa: E402


@pytest.mark.parametrize(("centre", "hours", "left", "flags"), [
    ({"power": "aggregaat", "fuel_hours": 30, "fuel_at": T0}, 10, 20, []),
    ({"power": "aggregaat", "fuel_hours": 30, "fuel_at": T0}, 18.5, 11.5, ["brandstof < 12 u"]),
    ({"power": "aggregaat", "fuel_hours": 30, "fuel_at": T0}, 31, 0, ["brandstof op"]),
    ({"power": "net", "fuel_hours": 30, "fuel_at": T0}, 31, None, []),  # not burning fuel
    ({"power": "aggregaat"}, 31, None, []),  # no figure given: nothing made up
    ({"power": "geen", "location": "uitwijklocatie"}, 1, None,
     ["op uitwijklocatie", "geen stroom"]),
])
def test_a_centre_counts_its_fuel_down_from_the_report(centre: dict, hours: float,
                                                       left: float | None, flags: list) -> None:
    got = cont.fuel_left(centre, _h(hours))
    assert got == (None if left is None else pytest.approx(left))
    assert cont.centre_flags(centre, _h(hours)) == flags


def test_teams_are_shown_per_region() -> None:
    centres = [{"centre": "VR06", "teams": ["ROT", "RBT"]}, {"centre": "KCR2", "teams": ["IRBT"]},
               {"centre": "VR18", "teams": []}]
    assert cont.teams_by_region(centres) == {"VR06": ["ROT", "RBT"]}


def test_centre_reports_in_the_store(store_factory) -> None:
    st = store_factory("vnog")
    st.execute(Command("centre.reported", {"centre": "VNOG", "teams": ["ROT"],
                                           "power": "aggregaat", "fuel_hours": 48,
                                           "fallback_location": "Zwolle"},
                       occurred_at=T0), "IM VNOG")
    # a later report of one field keeps the others; the fuel count restarts from it
    st.execute(Command("centre.reported", {"centre": "VR06", "fuel_hours": 20},
                       occurred_at="2026-11-21T06:00:00Z"), "IM VNOG")
    c = st.entity("centre:VR06")
    assert (c["teams"], c["fallback_location"], c["fuel_hours"], c["fuel_at"]) == (
        ["ROT"], "Zwolle", 20, "2026-11-21T06:00:00Z")
    assert cont.fuel_left(c, _h(24 + 10)) == pytest.approx(10)
    # moving to the fall-back location: named now or before
    st.execute(Command("centre.reported", {"centre": "VR06", "location": "uitwijklocatie"}),
               "IM VNOG")
    before = st.event_count()
    with pytest.raises(ValidationError, match="uitwijklocatie"):
        st.execute(Command("centre.reported", {"centre": "VRT", "location": "uitwijklocatie"}),
                   "IM VRT")
    assert st.event_count() == before
    st.execute(Command("centre.reported", {"centre": "KCR2", "teams": ["IRBT", "nationaal"]}),
               "IM KCR2")
    assert st.entity("centre:KCR2")["teams"] == ["IRBT", "nationaal"]

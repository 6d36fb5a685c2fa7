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

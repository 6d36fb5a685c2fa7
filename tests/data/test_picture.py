"""The picture rules on fixed moments: overdue, the 72-hour target, the Overzicht figures, region
levels, time formatting and the detail panes. Each moment is chosen so the rule flips around it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from data.clock import FixedClock
from data.picture import deadlines, detail_html, overview, timefmt
from data.picture.moment import at, at_iso

T = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)


def _action(due: str | None, status: str = "open", did: str = "d1", aid: str = "a1") -> dict:
    return {"id": aid, "decision_id": did, "status": status, "due": due}


def test_now_is_a_moment_or_a_clock() -> None:
    assert at(T) == T
    assert at(FixedClock(T)) == T
    assert at(datetime(2026, 11, 22, 12, 0, 0)) == T  # naive counts as UTC
    assert at_iso(T) == "2026-11-22T12:00:00Z"


def test_overdue_flips_at_the_due_second() -> None:
    a = _action("2026-11-22T12:00:00Z")
    assert not deadlines.is_overdue(a, T)  # due now: not yet late
    assert deadlines.is_overdue(a, T + timedelta(seconds=1))
    assert deadlines.is_overdue(a, FixedClock(T + timedelta(hours=1)))
    assert not deadlines.is_overdue(_action("2026-11-22T11:00:00Z", "gereed"), T)
    assert not deadlines.is_overdue(_action(None), T)
    assert deadlines.is_overdue(_action("2026-11-22T11:00:00Z", "in_uitvoering"), T)


def test_actions_summary() -> None:
    acts = [_action("2026-11-22T11:00:00Z", aid="a1"), _action("2026-11-22T13:00:00Z", aid="a2"),
            _action("2026-11-22T10:00:00Z", "gereed", aid="a3")]
    assert deadlines.actions_summary(acts, T) == "2 open, 1 te laat"
    assert deadlines.actions_summary(acts, T - timedelta(hours=2)) == "2 open"
    assert deadlines.actions_summary(acts, T + timedelta(hours=2)) == "2 open, 2 te laat"
    assert deadlines.actions_summary([], T) == "—"


def test_72_hour_target_counts_down_from_opening() -> None:
    opened = "2026-11-20T12:00:00Z"
    assert deadlines.minutes_left(opened, T) == 24 * 60
    assert deadlines.minutes_left(opened, T + timedelta(hours=24)) == 0
    assert deadlines.minutes_left(opened, T + timedelta(hours=25, seconds=1)) == -61
    assert deadlines.minutes_left(None, T) is None
    assert deadlines.target_text(24 * 60) == "nog 24 u 00 min"
    assert deadlines.target_text(-61) == "verstreken 1 u 01 min"
    assert deadlines.target_text(None) == "—"
    assert not deadlines.target_alert(12 * 60) and deadlines.target_alert(12 * 60 - 1)
    assert deadlines.target_alert(-5) and not deadlines.target_alert(None)


def test_time_formatting() -> None:
    assert timefmt.local_hm("2026-11-22T13:05:00Z") == "zo 22-11 14:05"  # CET in November
    assert timefmt.local_hm("2026-07-01T13:05:00Z") == "wo 01-07 15:05"  # CEST in summer
    assert timefmt.local_hm(None) == "" and timefmt.local_hm("gisteren") == ""
    assert timefmt.local_hm_epoch(int(T.timestamp())) == "zo 22-11 13:00"
    assert timefmt.duration(5) == "5 min" and timefmt.duration(190) == "3 u 10 min"
    assert timefmt.duration(52 * 60) == "2 d 4 u" and timefmt.duration(-5) == "-5 min"
    assert timefmt.age("2026-11-22T11:55:00Z", T) == "5 min"
    assert timefmt.age("2026-11-22T11:55:00Z", FixedClock(T + timedelta(hours=1))) == "1 u 05 min"
    assert timefmt.age(None, T) == ""


def test_age_short() -> None:
    assert timefmt.age_short(None, T) == ""
    assert timefmt.age_short("2026-11-22T11:59:48Z", T) == "12 s"
    assert timefmt.age_short("2026-11-22T11:57:00Z", T) == "3 min"
    assert timefmt.age_short("2026-11-22T09:00:00Z", T) == "3 u"
    assert timefmt.age_short("2026-11-20T12:00:00Z", T) == "2 d"
    assert timefmt.age_short("2026-11-22T12:00:30Z", T) == "0 s"  # a clock ahead: never negative
    assert timefmt.age_short("onzin", T) == ""


def _state() -> overview.PictureState:
    return overview.PictureState(
        incidents=[{"id": "i1", "status": "actief", "regions": ["VR06"]},
                   {"id": "i2", "status": "gemeld", "regions": ["VR06", "VR08"]},
                   {"id": "i3", "status": "beheerst", "regions": ["VR09"]},
                   {"id": "i4", "status": "afgeschaald", "regions": ["VR10"]}],
        decisions=[{"id": "d1", "status": "vastgesteld"}, {"id": "d2", "status": "ingetrokken"},
                   {"id": "d3", "status": "vastgesteld"}],
        actions=[_action("2026-11-22T11:00:00Z", did="d1", aid="a1"),
                 _action("2026-11-22T11:00:00Z", did="d2", aid="a2"),
                 _action("2026-11-22T13:00:00Z", did="d3", aid="a3")],
        nsp=[{"status": "operationeel"}, {"status": "beperkt"}, {"status": "gesloten"},
             {"status": "gepland"}],
        bijstand={"b1": ("b1", "ingediend"), "b2": ("b2", "ingediend"),
                  "b3": ("b3", "beeindigd")},
        bijstand_counts={"ingediend": 99},
        comms=[("VR07", "C2000", "uitgevallen", "", ""), ("VR08", "NCV", "verstoord", "", ""),
               ("VR09", "NCV", "operationeel", "", ""), ("VR07", "NCV", "uitgevallen", "", "")],
        conflicts=[{"id": "c1"}])


def test_kpis_at_a_moment() -> None:
    k = overview.kpis(_state(), T)
    assert (k["incidents_active"], k["incidents_gemeld"], k["incidents_beheerst"]) == (1, 1, 1)
    assert k["bijstand_open"] == 2 and k["bijstand_by_status"] == {"ingediend": 2}
    assert k["decisions_open"] == 2  # d2 is revoked: its open action does not count
    assert k["decisions_overdue"] == 1
    assert overview.kpis(_state(), FixedClock(T + timedelta(hours=2)))["decisions_overdue"] == 2
    assert overview.kpis(_state(), T - timedelta(hours=2))["decisions_overdue"] == 0
    assert k["comms_out_regions"] == ["VR07"]
    assert (k["nsp_open"], k["nsp_not_operational"]) == (2, 2)
    assert k["conflicts"] == 1


def test_kpis_use_the_counts_while_the_bijstand_rows_load() -> None:
    p = _state()
    p.bijstand = {}
    p.bijstand_counts = {"ingediend": 3, "beeindigd": 7}
    k = overview.kpis(p, T)
    assert k["bijstand_open"] == 3 and k["bijstand_by_status"] == {"ingediend": 3}


def test_region_levels_take_the_worst() -> None:
    lv = overview.region_levels(_state())
    assert lv["VR06"] == "alert"  # an active incident beats a reported one
    assert lv["VR07"] == "alert"  # a channel outage
    assert lv["VR08"] == "warn"  # a reported incident and a disturbed channel
    assert lv["VR09"] == "warn"  # controlled incident beats a working channel
    assert "VR10" not in lv  # a scaled-down incident colours nothing
    assert overview.drift_alarms([{"kind": "klokafwijking"}, {"kind": "vork"}]) == [
        {"kind": "klokafwijking"}]


def test_detail_html_escapes_and_translates_headings() -> None:
    inc = {"title": "<script>x</script>", "status": "actief", "regions": ["VR06"],
           "beeld": "nu", "beeld_history": [{"at": "2026-11-22T10:00:00Z", "by": "IM",
                                             "beeld": "eerder"}, {"beeld": "nu"}],
           "history": [{"what": "status", "from": "gemeld", "to": "actief",
                        "at": "2026-11-22T11:00:00Z", "by": "OL"}]}
    h = detail_html.incident_html(inc, tr=str.upper)
    assert "&lt;script&gt;" in h and "<script>" not in h
    assert "EERDERE BEELDEN" in h and "GESCHIEDENIS" in h and "eerder" in h
    assert "regio's: VNOG" in h
    assert "zo 22-11 12:00" in h  # the history line in local time
    bij = {"quantity": 10, "unit": "aggregaten", "capability": "aggregaten_noodstroom",
           "status": "deels_toegezegd", "offers": {
               "o1": {"provider": "VR09", "quantity": 4},
               "o2": {"provider": "VR25", "quantity": 6, "withdrawn": True}}, "history": []}
    assert detail_html.open_quantity(bij) == 6
    b = detail_html.bijstand_html(bij)
    assert "Nog open: 6 aggregaten" in b and "(ingetrokken)" in b
    d = detail_html.decision_html({"number": 3, "version": 2, "status": "ingetrokken",
                                   "text": "Evacuatie", "revoked_reason": "<b>",
                                   "versions": [{"version": 1, "text": "oud"}]})
    assert "Besluit 3 · versie 2" in d and "&lt;b&gt;" in d and "Eerdere versies" in d

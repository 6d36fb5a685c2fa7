"""The coordination-room rules of the picture (issue 13): which events of other centres
concern us, the picture narrowed by the filters, and the timeline stacked per hour."""

from __future__ import annotations

from typing import Any

from data.picture.filtering import BijstandHay, narrow, region_short, region_title, scope_text
from data.picture.notifications import concerns_us, unread_per_view, us
from data.picture.overview import PictureState, kpis
from data.picture.timeline import stack

ZEELAND = us("vrz", "VRZ")


def ev(typ: str, payload: dict[str, Any] | None = None, origin: str = "vrgz",
       entity: str = "e1") -> dict[str, Any]:
    return {"id": f"{typ}-{origin}", "origin": origin, "type": typ, "entity": entity,
            "occurred_at": "2026-11-26T03:00:00Z", "payload": payload or {}}


def test_who_we_are_follows_the_node_or_the_centre_name() -> None:
    assert ZEELAND.region == "VR19" and {"VRZ", "VR19", "ZEELAND"} <= ZEELAND.names
    kcr2 = us("kcr2", "KCR2")
    assert kcr2.region == "" and kcr2.named("KCR2")


def test_a_request_addressed_to_us_concerns_us_and_one_to_others_does_not() -> None:
    to_us = {"requesting_region": "VR08", "addressed_to": "VRZ", "title": "Pompen"}
    n = concerns_us(ev("bijstand.requested"), to_us, ZEELAND)
    assert n is not None and n.view == "bijstand" and "VRGZ vraagt ons" in n.text
    elsewhere = {"requesting_region": "VR08", "addressed_to": "KCR2", "title": "Pompen"}
    assert concerns_us(ev("bijstand.requested"), elsewhere, ZEELAND) is None


def test_an_offer_on_our_request_concerns_us() -> None:
    ours = {"requesting_region": "VR19", "addressed_to": "KCR2", "title": "Zandzakken",
            "offers": {"o1": {"provider": "VR08", "quantity": 3}}}
    n = concerns_us(ev("bijstand.offer_made", {"provider": "VR08", "quantity": 3}), ours,
                    ZEELAND)
    assert n is not None and "Aanbod op ons verzoek" in n.text and "VRGZ" in n.text


def test_what_we_did_ourselves_is_no_news() -> None:
    to_us = {"requesting_region": "VR08", "addressed_to": "VRZ", "title": "Pompen"}
    assert concerns_us(ev("bijstand.requested", origin="vrz"), to_us, ZEELAND) is None


def test_a_decision_naming_our_region_directly_or_by_its_session() -> None:
    named = concerns_us(ev("decision.recorded"), {"regions": ["VR19"], "text": "Evacueren"},
                        ZEELAND)
    assert named is not None and named.view == "besluiten"
    by_session = concerns_us(ev("decision.recorded"), {"regions": [], "text": "Dijk"},
                             ZEELAND, session_regions=["VR19", "VR18"])
    assert by_session is not None
    assert concerns_us(ev("decision.recorded"), {"regions": ["VR08"], "text": "x"},
                       ZEELAND) is None


def test_key_messages_and_lines_addressed_to_us_but_not_other_journal_lines() -> None:
    assert concerns_us(ev("journal.logged", {"key": True, "text": "Dijk houdt"}), None,
                       ZEELAND) is not None
    assert concerns_us(ev("journal.logged", {"recipient": "VRZ", "text": "Bel terug"}), None,
                       ZEELAND) is not None
    assert concerns_us(ev("journal.logged", {"recipient": "VRGZ", "text": "x"}), None,
                       ZEELAND) is None


def test_incidents_in_our_region_only() -> None:
    assert concerns_us(ev("incident.reported"), {"regions": ["VR19"], "title": "Dijk"},
                       ZEELAND) is not None
    assert concerns_us(ev("incident.reported"), {"regions": ["VR08"], "title": "Brand"},
                       ZEELAND) is None


def test_unread_counts_per_view() -> None:
    a = concerns_us(ev("incident.reported"), {"regions": ["VR19"], "title": "Dijk"}, ZEELAND)
    b = concerns_us(ev("decision.recorded"), {"regions": ["VR19"], "text": "x"}, ZEELAND)
    assert a is not None and b is not None
    assert unread_per_view([a, b], set()) == {"incidenten": 1, "besluiten": 1}
    assert unread_per_view([a, b], {a.event_id}) == {"besluiten": 1}


def _picture() -> PictureState:
    return PictureState(
        incidents=[{"id": "i1", "status": "actief", "regions": ["VR19"], "title": "Dijk"},
                   {"id": "i2", "status": "actief", "regions": ["VR08"], "title": "Brand"},
                   {"id": "i3", "status": "actief", "regions": ["VR08"], "title": "Dijk Tiel"}],
        sessions=[{"id": "s1", "regions": ["VR19"]}],
        decisions=[{"id": "d1", "session_id": "s1", "regions": []},
                   {"id": "d2", "session_id": "s1", "regions": ["VR08"]}],
        actions=[{"id": "a1", "decision_id": "d1", "status": "open"},
                 {"id": "a2", "decision_id": "d2", "status": "open"}],
        nsp=[{"id": "n1", "region": "VR19", "status": "operationeel"},
             {"id": "n2", "region": "VR08", "status": "operationeel"}],
        bijstand={"b1": ("b1", "ingediend", "VR19", "KCR2", "Pompen", 2, 0, "", "", "", "", ""),
                  "b2": ("b2", "ingediend", "VR08", "KCR2", "Zand", 2, 0, "", "", "", "", "")},
        bijstand_counts={"ingediend": 2},
        comms=[("VR19", "C2000", "uitgevallen", "", ""), ("VR08", "NCV", "uitgevallen", "", "")],
        conflicts=[{"id": "c1"}])


def test_every_tile_figure_obeys_the_region_filter() -> None:
    full = kpis(_picture(), _now())
    assert (full["incidents_active"], full["bijstand_requests"], full["decisions_open"],
            full["nsp_open"], len(full["comms_out_regions"])) == (3, 2, 2, 2, 2)
    z = kpis(narrow(_picture(), "VR19"), _now())
    # the decision without regions counts for its session's region; d2 names only VR08
    assert (z["incidents_active"], z["bijstand_requests"], z["decisions_open"], z["nsp_open"],
            z["comms_out_regions"], z["conflicts"]) == (1, 1, 1, 1, ["VR19"], 1)


def test_the_search_narrows_the_tiles_too() -> None:
    k = kpis(narrow(_picture(), "", "dijk"), _now())
    assert k["incidents_active"] == 2
    assert kpis(narrow(_picture(), "VR08", "dijk"), _now())["incidents_active"] == 1


def test_a_search_typed_on_finds_what_a_search_from_scratch_finds() -> None:
    """One hay kept between keystrokes (typing on looks only at what the last letter left;
    deleting one, or a part loaded again, looks at everything) gives every keystroke the
    picture a fresh search gives."""
    hay, p = BijstandHay(), _picture()
    p.bijstand = {**p.bijstand, "b3": ("b3", "ingediend", "VR08", "KCR2", "Dijkzand", 1, 0,
                                       "", "", "", "", "")}
    for text in ("d", "di", "dij", "dijk", "dij", "z", "za", "zand", "", "p", "po"):
        kept, fresh = narrow(p, "", text, hay), narrow(p, "", text)
        assert kept == fresh, text
        assert kept.bijstand == fresh.bijstand and list(kept.bijstand) == list(fresh.bijstand)
    p.incidents = [*p.incidents, {"id": "i4", "status": "actief", "title": "Poldijk"}]
    assert [s["id"] for s in narrow(p, "", "po", hay).incidents] == ["i4"]
    assert [s["id"] for s in narrow(p, "VR08", "dijk", hay).incidents] == ["i3"]
    assert list(narrow(p, "", "dijkz", hay).bijstand) == ["b3"]


def test_bijstand_counts_are_not_passed_off_as_a_regions_figures() -> None:
    p = _picture()
    p.bijstand = {}
    assert kpis(narrow(p, "VR19"), _now())["bijstand_requests"] == 0
    assert kpis(p, _now())["bijstand_requests"] == 2


def test_filtered_figures_say_what_they_are_filtered_on() -> None:
    assert scope_text("", "") == ""
    assert scope_text("VR19", "") == "gefilterd op VRZ"
    assert scope_text("VR19", " dijk ") == "gefilterd op VRZ · ‘dijk’"
    assert region_short("VR19") == "VRZ" and region_short("KCR2") == "KCR2"
    assert "Zeeland" in region_title("VR19")


def test_timeline_stacks_kinds_per_hour_with_quiet_hours_kept() -> None:
    st = stack([("2026-11-26T01", "journal", 3), ("2026-11-26T01", "bijstand", 2),
                ("2026-11-26T03", "journal", 1), ("2026-11-26T02", "node", 9),
                ("bad", "journal", 5)])
    assert len(st.hours) == 3 and st.hours[1] - st.hours[0] == 3600
    assert st.counts["journal"] == [3, 0, 1] and st.bases["journal"] == [0, 0, 0]
    assert st.counts["bijstand"] == [2, 0, 0] and st.bases["bijstand"] == [3, 0, 1]
    assert st.totals == [5, 0, 1] and "node" not in st.counts
    assert stack([]).hours == []


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime(2026, 11, 26, 4, 0, tzinfo=UTC)

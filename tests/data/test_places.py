"""Places on the map: RD ↔ WGS84, the coordinate checks and their refusals, the fold of an
effect area, and the places rule (narrowed by region) with its legend."""

from __future__ import annotations

import pytest

from data.domain import geo
from data.domain.events import validate_payload
from data.domain.validation import ValidationError
from data.picture.filtering import BijstandHay, narrow
from data.picture.overview import PictureState
from data.picture.places import PlaceIndex, legend, places, tone
from data.store import Command
from data.store.queries import meldplaats_rows
from tests.data.helpers import bijstand, incident, new, snapshot

#: published reference points (RD x, y -> WGS84 lat, lon)
KNOWN = [
    ((155000.0, 463000.0), (52.15517, 5.38721)),              # Amersfoort, the origin
    ((120700.723, 487525.501), (52.37453253, 4.88352559)),    # Westertoren, Amsterdam
    ((233883.131, 582065.167), (53.21938317, 6.56820053)),    # Martinitoren, Groningen
]


@pytest.mark.parametrize(("rd", "wgs"), KNOWN)
def test_rd_to_wgs84_within_a_metre_of_known_points(rd, wgs) -> None:
    assert geo.distance_m(geo.rd_to_wgs84(*rd), wgs) < 1.0


@pytest.mark.parametrize(("rd", "wgs"), KNOWN)
def test_wgs84_to_rd_within_a_metre_of_known_points(rd, wgs) -> None:
    x, y = geo.wgs84_to_rd(*wgs)
    assert abs(x - rd[0]) < 1.0 and abs(y - rd[1]) < 1.0


@pytest.mark.parametrize("rd", [(31000, 392000), (257000, 470000), (100000, 600000),
                                (180000, 320000)])
def test_round_trip_across_the_country_within_a_metre(rd) -> None:
    x, y = geo.wgs84_to_rd(*geo.rd_to_wgs84(*rd))
    assert abs(x - rd[0]) < 1.0 and abs(y - rd[1]) < 1.0


def test_typed_coordinates_in_both_systems() -> None:
    assert geo.parse_point("51.4988, 3.6109") == (51.4988, 3.6109)
    assert geo.parse_point("N 51.4988 E 3.6109") == (51.4988, 3.6109)
    lat, lon = geo.parse_point("x 31000 y 392000")
    assert geo.distance_m((lat, lon), geo.rd_to_wgs84(31000, 392000)) < 0.2
    assert geo.parse_point("31000 392000") == (lat, lon)  # metres: RD without the letters
    assert geo.format_rd(*geo.rd_to_wgs84(155000, 463000)) == "x 155000 y 463000"


@pytest.mark.parametrize(("typed", "words"), [
    ("hallo", "geen coördinaat herkend"),
    ("3.6109, 51.4988", "breedte en lengte omgewisseld"),
    ("48.85, 2.35", "ligt buiten Nederland"),          # Paris
    ("x 400000 y 463000", "RD-coördinaat x 400000 y 463000 ligt buiten Nederland"),
])
def test_refusals_say_what_is_wrong_in_dutch(typed, words) -> None:
    with pytest.raises(ValidationError) as ei:
        validate_payload("nsp.updated", {"point": typed})
    field, message = ei.value.errors[0]
    assert field == "plaats (coördinaat)" and words in message


def test_area_refusals() -> None:
    with pytest.raises(ValidationError, match="minstens drie hoekpunten"):
        validate_payload("incident.updated", {"effect_polygon": "51.5, 3.6; 51.6, 3.6"})
    with pytest.raises(ValidationError, match="hoekpunt 2: .*buiten Nederland"):
        validate_payload("incident.updated", {"effect_polygon": "51.5, 3.6; 40, 3; 51.6, 3.7"})
    with pytest.raises(ValidationError, match="straal ligt tussen 0 en 100000"):
        validate_payload("incident.updated", {"effect_radius_m": 250_000})
    with pytest.raises(ValidationError, match="niet allebei"):
        validate_payload("incident.updated", {"effect_radius_m": 500, "effect_polygon":
                                              "51.5, 3.6; 51.6, 3.6; 51.6, 3.7"})


def test_old_events_without_places_stay_valid() -> None:
    out = validate_payload("incident.reported", {"title": "x", "kind": "brand",
                                                 "regions": ["VR19"]})
    assert "point" not in out


def test_a_refused_place_changes_nothing(store_factory) -> None:
    st = store_factory()
    iid = new(st, incident())
    before = snapshot(st)
    with pytest.raises(ValidationError):
        st.execute(Command("incident.updated", {"point": "4.0, 52.0"}, entity=iid), "IM VNOG")
    assert snapshot(st) == before


def test_effect_area_folds_one_kind_at_a_time(store_factory) -> None:
    st = store_factory()
    iid = new(st, incident(point="52.21, 5.96", effect_radius_m=800))
    e = st.entity(iid)
    assert e["point"] == {"lat": 52.21, "lon": 5.96} and e["effect_radius_m"] == 800
    poly = "52.20, 5.95; 52.22, 5.95; 52.22, 5.98"
    st.execute(Command("incident.updated", {"effect_polygon": poly}, entity=iid), "IM VNOG")
    e = st.entity(iid)
    assert "effect_radius_m" not in e and len(e["effect_polygon"]) == 3
    st.execute(Command("incident.updated", {"effect_radius_m": 0}, entity=iid), "IM VNOG")
    e = st.entity(iid)
    assert "effect_radius_m" not in e and "effect_polygon" not in e


def test_meldplaatsen_are_read_with_their_point(store_factory) -> None:
    st = store_factory()
    bid = new(st, bijstand(meldplaats="Kazerne Apeldoorn", meldplaats_point="52.23, 5.97"))
    new(st, bijstand())  # no coordinate: not on the map
    (row,) = meldplaats_rows(st)
    assert row["id"] == bid and row["requesting_region"] == "VR06"
    assert row["meldplaats_point"] == {"lat": 52.23, "lon": 5.97}


def _picture() -> PictureState:
    pt = {"lat": 52.2, "lon": 5.9}
    return PictureState(
        incidents=[{"id": "i1", "title": "Dijkdoorbraak", "status": "actief", "point": pt,
                    "regions": ["VR06", "VR05"], "effect_radius_m": 500},
                   {"id": "i2", "title": "Zonder plaats", "status": "gemeld",
                    "regions": ["VR06"]}],
        nsp=[{"id": "n1", "name": "Sporthal", "status": "operationeel", "region": "VR06",
              "point": pt},
             {"id": "n2", "name": "Dorpshuis", "status": "onveilig", "region": "VR19",
              "point": {"lat": 51.5, "lon": 3.6}}],
        meldplaatsen=[{"id": "b1", "status": "ingediend", "requesting_region": "VR19",
                       "title": "4× aggregaat", "meldplaats": "Kazerne Middelburg",
                       "meldplaats_point": {"lat": 51.49, "lon": 3.61}}])


def test_places_rule_lists_every_place_with_a_coordinate() -> None:
    ps = places(_picture())
    assert [(p.kind, p.id) for p in ps] == [("incident", "i1"), ("nsp", "n1"), ("nsp", "n2"),
                                            ("meldplaats", "b1")]
    assert ps[0].radius_m == 500 and ps[0].has_area and not ps[1].has_area
    assert ps[3].label == "Kazerne Middelburg — 4× aggregaat"
    assert [tone(p) for p in ps] == ["alert", "ok", "alert", "meldplaats"]


def test_places_follow_the_region_filter() -> None:
    assert [p.id for p in places(_picture(), "VR06")] == ["i1", "n1"]
    assert [p.id for p in places(_picture(), "VR05")] == ["i1"]  # an incident in two regions
    assert [p.id for p in places(_picture(), "VR19")] == ["n2", "b1"]
    assert places(_picture(), "VR01") == []
    assert [p.id for p in places(_picture(), "", "dorps")] == ["n2"]


@pytest.mark.parametrize(("region", "text"), [("", ""), ("VR06", ""), ("VR19", ""),
                                              ("", "dorps"), ("", "DIJK "), ("VR05", "dijk"),
                                              ("VR01", ""), ("", "geen")])
def test_the_place_index_narrows_as_the_places_rule(region: str, text: str) -> None:
    index = PlaceIndex()
    assert index.update(_picture())
    assert index.narrowed(region, text) == places(_picture(), region, text)


def test_the_place_index_follows_a_new_load_of_a_part() -> None:
    p = _picture()
    index = PlaceIndex()
    index.update(p)
    assert [x.id for x in index.narrowed("", "dorps")] == ["n2"]
    assert not index.update(p)  # nothing loaded again: nothing worked out again
    p.nsp = [{**p.nsp[0], "name": "Dorpshuis Wezep"}, p.nsp[1]]  # the nsp part loaded again
    assert index.update(p)
    assert [x.id for x in index.narrowed("", "dorps")] == ["n1", "n2"]
    assert [x.label for x in index.all()] == [x.label for x in places(p)]
    p.incidents = []
    assert index.update(p)
    assert [x.id for x in index.all()] == ["n1", "n2", "b1"]


def test_kept_search_texts_follow_a_new_load() -> None:
    hay = BijstandHay()
    p = _picture()
    assert [s["id"] for s in narrow(p, "", "dijk", hay).incidents] == ["i1"]
    p.incidents = [{**p.incidents[0], "title": "Brand"}, p.incidents[1]]
    assert narrow(p, "", "dijk", hay).incidents == []  # the new list is looked at, not the old
    assert [s["id"] for s in narrow(p, "", "brand", hay).incidents] == ["i1"]


def test_legend_has_a_line_for_every_colour_in_use() -> None:
    entries = legend(places(_picture()))
    assert [(e.kind, e.tone) for e in entries] == [
        ("incident", "alert"), ("nsp", "alert"), ("nsp", "ok"), ("meldplaats", "meldplaats"),
        ("effect", "effect")]
    assert entries[1].text == "Noodsteunpunt — onveilig"
    assert [(e.kind, e.tone) for e in legend(places(_picture(), "VR19"))] == [
        ("nsp", "alert"), ("meldplaats", "meldplaats")]


def _inside(lat: float, lon: float, rings: list[list[list[float]]]) -> bool:
    """Even-odd rule over the region's rings (lon, lat pairs)."""
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def test_demo_places_lie_in_their_own_region() -> None:
    import json
    from pathlib import Path

    from data.demo.story import story

    outlines = json.loads((Path(__file__).resolve().parents[2] / "resources" / "map"
                           / "regions.json").read_text(encoding="utf-8"))
    rings = {r["code"]: r["rings"] for r in outlines["regions"]}
    seen = 0
    for st in story("31-12"):
        p = st.payload
        for key, region in (("point", p.get("region")),
                            ("meldplaats_point", p.get("requesting_region"))):
            if key in p and st.type in ("nsp.registered", "bijstand.requested"):
                assert _inside(p[key]["lat"], p[key]["lon"], rings[region]), (st.key, region)
                seen += 1
        if st.type == "incident.reported":
            pt = p["point"]
            assert any(_inside(pt["lat"], pt["lon"], rings[r]) for r in p["regions"]), st.key
            validate_payload(st.type, {k: v for k, v in p.items() if k not in ("t0",)})
            seen += 1
    assert seen == 4 + 11 + 4


def test_detail_panes_name_the_place_in_both_systems() -> None:
    from data.picture.detail_html import bijstand_html, incident_html

    inc = incident_html({"title": "Gaslek", "point": {"lat": 52.15517440, "lon": 5.38720621},
                         "effect_radius_m": 200})
    assert "plaats: 52.15517, 5.38721 (RD x 155000 y 463000) · effectgebied: straal 200 m" in inc
    assert "plaats:" not in incident_html({"title": "Zonder plaats"})
    bij = bijstand_html({"meldplaats": "Dijkpost Tiel",
                         "meldplaats_point": {"lat": 51.895, "lon": 5.435}})
    assert "meldplaats: Dijkpost Tiel · 51.89500, 5.43500 (RD x " in bij


def test_kept_bijstand_texts_follow_a_new_load() -> None:
    from data.store.queries import BIJSTAND_COLS

    def row(rid: str, title: str) -> tuple[object, ...]:
        r = dict.fromkeys(BIJSTAND_COLS, "")
        r.update(id=rid, status="ingediend", requesting_region="VR06", addressed_to="KCR2",
                 title=title, priority="hoog")
        return tuple(r[c] for c in BIJSTAND_COLS)

    hay = BijstandHay()
    p = PictureState(bijstand={"b1": row("b1", "Zandzakken"), "b2": row("b2", "Pompen")})
    assert list(narrow(p, "", "zand", hay).bijstand) == ["b1"]
    assert list(narrow(p, "", "kcr2", hay).bijstand) == ["b1", "b2"]  # the addressee too
    p.bijstand = {**p.bijstand, "b2": row("b2", "Zandwagens")}  # a change: a new dict
    assert list(narrow(p, "", "zand", hay).bijstand) == ["b1", "b2"]
    assert list(narrow(p, "VR06", "pomp", hay).bijstand) == []


def test_the_search_looks_in_top_level_texts_and_lists_not_in_nested_records() -> None:
    from data.picture.filtering import matches_text

    state = {"title": "Dijk", "regions": ["VR08", "VR06"], "quantity": 12, "none": None,
             "status_times": {"actief": "verborgen"}, "pair": ("a", 3),
             "history": [{"by": "Piet"}]}  # a list of records: its items as text (as before)
    for needle, found in (("dijk", True), ("vr06", True), ("12", True), ("verborgen", False),
                          ("a 3", True), ("none", False), ("piet", True)):
        assert matches_text(state, needle) is found, needle
    assert matches_text(("VR01", "C2000", None, 5), "c2000 5")


def _bijstand_row(rid: str, title: str, frm: str = "VR06") -> tuple[object, ...]:
    from data.store.queries import BIJSTAND_COLS

    r = dict.fromkeys(BIJSTAND_COLS, "")
    r.update(id=rid, status="ingediend", requesting_region=frm, addressed_to="KCR2",
             title=title, priority="hoog")
    return tuple(r[c] for c in BIJSTAND_COLS)


def test_texts_worked_out_ahead_are_the_texts_a_keystroke_works_out() -> None:
    """The warm-up after a load (in slices, even stopped half-way) leaves exactly the texts a
    first keystroke would have worked out itself, and the search finds the same."""
    from data.picture.filtering import _words

    p = _picture()
    p.bijstand = {f"b{i}": _bijstand_row(f"b{i}", f"Zandzakken {i % 7}", ("VR06", "VR19")[i % 2])
                  for i in range(25)}
    p.comms = [("VR06", "C2000", "uitval", None)]
    cold = BijstandHay()
    every = ("dijk", "zand", "zandzakken 3", "vr19", "c2000", "kcr2", "gemeld")
    expected = {w: narrow(p, "", w, cold) for w in every}
    whole = BijstandHay()
    for _ in whole.warm(p, step=4):
        pass
    half = BijstandHay()
    steps = half.warm(p, step=4)
    for _ in range(5):  # stopped half-way: a keystroke does the rest
        next(steps)
    for hay in (whole, half):
        for name in ("incidents", "nsp", "comms", "meldplaatsen"):
            items = getattr(p, name)
            assert hay.texts(name, items) == [_words(x).lower() for x in items], name
        assert hay.bijstand(p.bijstand) == cold.bijstand(p.bijstand)
        for w in every:
            assert narrow(p, "", w, hay) == expected[w], w
    # equal texts are one string (thousands of requests may read alike)
    t = whole.bijstand(p.bijstand)
    assert t[0] == t[14] and t[0] is t[14]


def test_a_changed_row_gets_its_own_text() -> None:
    hay = BijstandHay()
    rows = {"b1": _bijstand_row("b1", "Zandzakken"), "b2": _bijstand_row("b2", "Pompen")}
    assert hay.row_texts(rows.values())[1].startswith("pompen")
    changed = {**rows, "b2": _bijstand_row("b2", "Zandwagens")}
    assert hay.row_texts(changed.values())[1].startswith("zandwagens")
    assert hay.bijstand(changed)[1].startswith("zandwagens")
    assert len(hay._rows) == 2  # noqa: SLF001 - the old row's text is let go

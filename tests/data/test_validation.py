"""Every Field kind and every message of data.domain.validation, and the per-type rules."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from data.domain import validation as v
from data.domain.events import EVENT_TYPES, kind_of, validate_payload
from data.domain.validation import Field, ValidationError, validate


def err(spec: dict[str, Field], payload: object, partial: bool = False) -> ValidationError:
    with pytest.raises(ValidationError) as ei:
        validate(spec, payload, partial=partial)
    return ei.value


def one(check, value, **kw):  # noqa: ANN001
    return check(value, Field("veld", check, **kw))


def msg(check, value, **kw) -> str:  # noqa: ANN001
    with pytest.raises(ValidationError) as ei:
        one(check, value, **kw)
    return str(ei.value)


# ---------------------------------------------------------------- field kinds

def test_text_strips_and_limits_length():
    assert one(v.text, "  hallo ") == "hallo"
    assert msg(v.text, 12) == "moet tekst zijn"
    assert msg(v.text, "x" * 11, max_len=10) == "is te lang (11 tekens, hoogstens 10)"


def test_integer():
    assert one(v.integer, 5) == 5
    assert one(v.integer, " 12 ") == 12
    assert msg(v.integer, True) == "moet een geheel getal zijn"
    assert msg(v.integer, "12a") == "moet een geheel getal zijn"
    assert msg(v.integer, 1.5) == "moet een geheel getal zijn"
    assert msg(v.integer, 0, min_value=1) == "moet minstens 1 zijn"


def test_boolean():
    for yes in (True, "ja", "true", "1", 1):
        assert one(v.boolean, yes) is True
    for no in (False, "nee", "false", "0", 0, ""):
        assert one(v.boolean, no) is False
    assert msg(v.boolean, "misschien") == "moet ja of nee zijn"


def test_choice_names_the_options():
    assert one(v.choice, "a", choices=("a", "b")) == "a"
    assert msg(v.choice, "c", choices=("a", "b")) == "'c' is geen geldige waarde; kies uit: a, b"
    assert "geen geldige waarde" in msg(v.choice, 3, choices=("a",))


def test_choices_list():
    assert one(v.choices_list, "a, b,a", choices=("a", "b")) == ["a", "b"]
    assert one(v.choices_list, ["b"], choices=("a", "b")) == ["b"]
    assert msg(v.choices_list, 5, choices=("a",)) == "moet een lijst zijn"
    assert msg(v.choices_list, ["z"], choices=("a", "b")) == \
        "'z' is geen geldige waarde; kies uit: a, b"


def test_text_list():
    assert one(v.text_list, "EHBO, drinkwater, ") == ["EHBO", "drinkwater"]
    assert one(v.text_list, [" a ", ""]) == ["a"]
    assert msg(v.text_list, [1]) == "moet een lijst met teksten zijn"


def test_region_by_code_short_and_name():
    assert one(v.region, "vr06") == "VR06"
    assert one(v.region, "VNOG") == "VR06"
    assert one(v.region, "gelderland-midden") == "VR07"
    assert msg(v.region, "") == "kies een veiligheidsregio"
    assert msg(v.region, 6) == "kies een veiligheidsregio"
    assert msg(v.region, "Atlantis") == ("'Atlantis' is geen veiligheidsregio (gebruik VR01–VR25 "
                                         "of de afkorting, bv. VNOG)")


def test_regions_list_sorted_unique_and_required():
    assert one(v.regions, "VGGM, VNOG, VR06") == ["VR06", "VR07"]
    assert msg(v.regions, 5) == "moet een lijst van veiligheidsregio's zijn"
    assert msg(v.regions, [], required=True) == "kies minstens één veiligheidsregio"
    assert "geen veiligheidsregio" in msg(v.regions, ["VNOG", "X"])


def test_region_or_partner():
    f = dict(choices=("KCR2", "JFC", "UCPM"))
    assert one(v.region_or_partner, "kcr2", **f) == "KCR2"
    assert one(v.region_or_partner, "VNOG", **f) == "VR06"
    assert msg(v.region_or_partner, "NATO", **f) == \
        "'NATO' is geen regio of partner (kies een regio of KCR2, JFC, UCPM)"


def test_timestamp_local_time_to_utc():
    # Amsterdam is UTC+1 in November
    assert one(v.timestamp, "2026-11-22 14:05") == "2026-11-22T13:05:00Z"
    assert one(v.timestamp, "2026-11-22T14:05:00Z") == "2026-11-22T14:05:00Z"
    assert one(v.timestamp, datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)) == \
        "2026-07-01T12:00:00Z"
    assert msg(v.timestamp, "gisteren") == "geen geldige tijd (gebruik bv. 2026-11-22 14:05)"
    assert msg(v.timestamp, 5) == "geen geldige tijd (gebruik bv. 2026-11-22 14:05)"
    assert v.parse_iso("2026-11-22T13:05:00Z").hour == 13


def test_identifier():
    assert one(v.identifier, "0195-ab:c_d.e") == "0195-ab:c_d.e"
    assert msg(v.identifier, "met spatie") == "is geen geldige verwijzing"
    assert msg(v.identifier, "x" * 81) == "is geen geldige verwijzing"


ACCREDITED = ("staatsgeheime informatie (Stg. Confidentieel, Geheim, Zeer Geheim) hoort niet in "
              "Crisisbeeld; deel die alleen via een daarvoor geaccrediteerd kanaal")


@pytest.mark.parametrize("marking", ["Stg. Confidentieel", "STG GEHEIM", "Zeer geheim",
                                     "staatsgeheim confidentieel", "geheim", "Departementaal "
                                     "Vertrouwelijk of geheim"])
def test_state_secret_refused_with_accredited_channel_message(marking):
    assert msg(v.classification, marking) == ACCREDITED


def test_classification():
    assert one(v.classification, " Vertrouwelijk ") == "vertrouwelijk"
    assert msg(v.classification, 3) == "kies openbaar, intern of vertrouwelijk"
    assert msg(v.classification, "topsecret") == \
        "'topsecret' is geen rubricering; kies openbaar, intern of vertrouwelijk"


def test_state_secret_refused_by_every_event_type_with_a_classification():
    for typ, (_k, spec, partial) in EVENT_TYPES.items():
        if "classification" not in spec:
            continue
        with pytest.raises(ValidationError) as ei:
            validate_payload(typ, {"classification": "Stg. Geheim"})
        assert ("rubricering", ACCREDITED) in ei.value.errors, typ


# ---------------------------------------------------------------- validate()

SPEC = {
    "title": Field("titel", v.text, required=True, max_len=20),
    "n": Field("aantal", v.integer, min_value=1),
    "unit": Field("eenheid", v.text, default="stuks"),
}


def test_not_an_object():
    assert str(err(SPEC, ["x"])) == "de gegevens moeten een object met velden zijn"


def test_unknown_fields_named():
    e = err(SPEC, {"title": "a", "kleur": "rood", "zz": 1})
    assert e.errors == [("kleur", "onbekend veld"), ("zz", "onbekend veld")]


def test_required_missing_and_emptied_and_all_errors_listed():
    e = err(SPEC, {"n": 0})
    assert e.errors == [("titel", "is verplicht"), ("aantal", "moet minstens 1 zijn")]
    assert e.field == "titel"
    assert str(e) == "titel: is verplicht; aantal: moet minstens 1 zijn"
    assert err(SPEC, {"title": "   "}).errors == [("titel", "is verplicht")]


def test_defaults_filled_and_none_or_empty_means_absent():
    assert validate(SPEC, {"title": "a", "n": None, "unit": ""}) == {"title": "a",
                                                                     "unit": "stuks"}


def test_partial_update():
    assert validate(SPEC, {"n": 3}, partial=True) == {"n": 3}
    assert err(SPEC, {}, partial=True).errors == [("", "er is niets gewijzigd")]
    assert err(SPEC, {"title": ""}, partial=True).errors == [
        ("titel", "is verplicht en mag niet leeg worden gemaakt")]
    # partial updates do not fill defaults
    assert "unit" not in validate(SPEC, {"n": 2}, partial=True)


def test_validation_error_forms():
    e = ValidationError("fout", "veld")
    assert e.errors == [("veld", "fout")] and str(e) == "veld: fout" and e.field == "veld"
    assert str(ValidationError("los")) == "los" and ValidationError([]).field == ""
    assert v.first_error([("a", "b")]) == "a: b" and v.first_error([]) == ""
    assert v.first_error([("", "b")]) == "b"
    assert v.known_region("VR25") and not v.known_region("VR26")


# ---------------------------------------------------------------- per event type

def test_unknown_event_type():
    with pytest.raises(ValidationError) as ei:
        validate_payload("incident.exploded", {})
    assert ei.value.errors == [("type", "onbekend gebeurtenistype 'incident.exploded'")]
    with pytest.raises(ValidationError):
        kind_of("nope")
    assert kind_of("conflict.resolved") == "*"


def test_bijstand_needs_capability_or_text():
    base = {"requesting_region": "VNOG", "addressed_to": "KCR2", "quantity": 2}
    with pytest.raises(ValidationError) as ei:
        validate_payload("bijstand.requested", base)
    assert ei.value.errors == [
        ("capaciteit", "kies een capaciteit uit de catalogus of omschrijf wat nodig is")]
    assert validate_payload("bijstand.requested", {**base, "capability_text": "Drones"})[
        "capability_text"] == "Drones"
    out = validate_payload("bijstand.requested", {**base, "capability": "usar"})
    assert out["status"] == "concept" and out["unit"] == "eenheden"
    assert out["priority"] == "normaal" and out["classification"] == "intern"
    with pytest.raises(ValidationError) as ei:
        validate_payload("bijstand.requested", {**base, "capability": "raket"})
    assert ei.value.field == "capaciteit"


def test_bijstand_request_may_only_start_as_concept_or_ingediend():
    base = {"requesting_region": "VNOG", "addressed_to": "JFC", "quantity": 2,
            "capability": "usar", "status": "toegezegd"}
    with pytest.raises(ValidationError) as ei:
        validate_payload("bijstand.requested", base)
    assert ei.value.field == "status"


@pytest.mark.parametrize("typ,state", [("incident.status_changed", "actief"),
                                       ("bijstand.status_changed", "ingediend"),
                                       ("action.status_changed", "gereed")])
def test_same_from_and_to_refused(typ, state):
    with pytest.raises(ValidationError) as ei:
        validate_payload(typ, {"from": state, "to": state})
    assert ei.value.errors == [("naar status", "de nieuwe status is gelijk aan de huidige")]


def test_transition_states_must_exist():
    with pytest.raises(ValidationError) as ei:
        validate_payload("incident.status_changed", {"from": "gemeld", "to": "ontploft"})
    assert ei.value.field == "naar status"


def test_every_event_type_refuses_unknown_fields():
    for typ in EVENT_TYPES:
        with pytest.raises(ValidationError) as ei:
            validate_payload(typ, {"onzin": 1})
        assert ("onzin", "onbekend veld") in ei.value.errors, typ

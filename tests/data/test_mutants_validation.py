"""Tests that kill the mutants of data/domain/validation.py that survived `make mutation`
(docs/mutation.md): each check's exact message and bounds, the generic loop's rules, and the
compiled validators agreeing with it (or declining) on the edge cases."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from data.domain import validation as v
from data.domain.validation import Field, ValidationError


def msg(check, value, f: Field) -> str:
    with pytest.raises(ValidationError) as e:
        check(value, f)
    assert e.value.errors[0][0] == ""  # a check's own message names no field: validate does
    return e.value.errors[0][1]


def test_validation_error_text_and_field():
    e = ValidationError([("a", "x"), ("", "y"), ("c", "z")])
    assert str(e) == "a: x; y; c: z" and e.field == "a"
    e = ValidationError("kapot", "veld")
    assert e.errors == [("veld", "kapot")] and str(e) == "veld: kapot"
    assert ValidationError("kapot").field == "" and str(ValidationError("kapot")) == "kapot"
    assert ValidationError([]).field == ""
    assert v.first_error([("a", "x"), ("b", "y")]) == "a: x"
    assert v.first_error([("", "y")]) == "y" and v.first_error([]) == ""


def test_field_defaults():
    f = Field("t", v.text)
    assert (f.required, f.default, f.choices, f.max_len, f.min_value) == (False, None, (), 4000,
                                                                          None)


def test_text():
    f = Field("t", v.text, max_len=3)
    assert v.text("  abc  ", f) == "abc"
    assert msg(v.text, "abcd", f) == "is te lang (4 tekens, hoogstens 3)"
    assert msg(v.text, 5, f) == "moet tekst zijn"


def test_integer():
    f = Field("n", v.integer, min_value=2)
    assert v.integer(" 12 ", f) == 12 and v.integer(2, f) == 2 and v.integer("7", f) == 7
    assert msg(v.integer, 1, f) == "moet minstens 2 zijn"
    assert msg(v.integer, "-3", f) == "moet minstens 2 zijn"
    assert msg(v.integer, True, f) == "moet een geheel getal zijn"
    assert msg(v.integer, "1.5", f) == "moet een geheel getal zijn"
    assert msg(v.integer, 2.0, f) == "moet een geheel getal zijn"
    assert v.integer(-5, Field("n", v.integer)) == -5
    assert msg(v.integer, 1, Field("n", v.integer, min_value=1.5)) == "moet minstens 1 zijn"


@pytest.mark.parametrize(("value", "out"), [(True, True), (False, False), ("ja", True),
                                            ("true", True), ("1", True), (1, True),
                                            ("nee", False), ("false", False), ("0", False),
                                            (0, False), ("", False), (None, False)])
def test_boolean(value, out):
    assert v.boolean(value, Field("b", v.boolean)) is out


def test_boolean_refuses_the_rest():
    assert msg(v.boolean, "misschien", Field("b", v.boolean)) == "moet ja of nee zijn"
    assert msg(v.boolean, 2, Field("b", v.boolean)) == "moet ja of nee zijn"


def test_choice_and_choices_list():
    f = Field("c", v.choice, choices=("a", "b"))
    assert v.choice("a", f) == "a"
    assert msg(v.choice, "z", f) == "'z' is geen geldige waarde; kies uit: a, b"
    assert msg(v.choice, 1, f) == "'1' is geen geldige waarde; kies uit: a, b"
    g = Field("c", v.choices_list, choices=("a", "b"))
    assert v.choices_list(" a, b ,a,, ", g) == ["a", "b"]
    assert v.choices_list(("b", "a", "b"), g) == ["b", "a"]
    assert msg(v.choices_list, ["a", "z"], g) == "'z' is geen geldige waarde; kies uit: a, b"
    assert msg(v.choices_list, 5, g) == "moet een lijst zijn"


def test_text_list():
    f = Field("l", v.text_list)
    assert v.text_list(" x , y,, ", f) == ["x", "y"]
    assert v.text_list([" x ", "  ", "y"], f) == ["x", "y"]
    assert msg(v.text_list, ["x", 1], f) == "moet een lijst met teksten zijn"
    assert msg(v.text_list, 3, f) == "moet een lijst met teksten zijn"


def test_regions():
    f = Field("r", v.region)
    assert v.region("VNOG", f) == "VR06" and v.region("vr06", f) == "VR06"
    assert msg(v.region, "  ", f) == "kies een veiligheidsregio"
    assert msg(v.region, 3, f) == "kies een veiligheidsregio"
    assert msg(v.region, "Atlantis", f) == ("'Atlantis' is geen veiligheidsregio (gebruik "
                                            "VR01–VR25 of de afkorting, bv. VNOG)")
    g = Field("r", v.regions, required=True)
    assert v.regions("VGGM, VNOG,VR06", g) == ["VR06", "VR07"]
    assert v.regions(["VR07", "VNOG"], g) == ["VR06", "VR07"]
    assert msg(v.regions, [], g) == "kies minstens één veiligheidsregio"
    assert msg(v.regions, ", ,", g) == "kies minstens één veiligheidsregio"
    assert v.regions([], Field("r", v.regions)) == []
    assert msg(v.regions, 5, g) == "moet een lijst van veiligheidsregio's zijn"
    p = Field("p", v.region_or_partner, choices=("KCR2", "LOCC"))
    assert v.region_or_partner(" kcr2 ", p) == "KCR2"
    assert v.region_or_partner("VNOG", p) == "VR06"
    assert msg(v.region_or_partner, "Atlantis", p) == (
        "'Atlantis' is geen regio of partner (kies een regio of KCR2, LOCC)")
    assert msg(v.region_or_partner, 7, p).startswith("'7' is geen regio of partner")


def test_identifier():
    f = Field("i", v.identifier)
    assert v.identifier("a" * 80, f) == "a" * 80 and v.identifier("A-z:0._9", f) == "A-z:0._9"
    for bad in ("a" * 81, "", "a b", "é", 5):
        assert msg(v.identifier, bad, f) == "is geen geldige verwijzing"


def test_to_iso():
    assert v.to_iso("2026-11-22T14:05:00Z") == "2026-11-22T14:05:00Z"
    assert v.to_iso("2026-11-22 14:05") == "2026-11-22T13:05:00Z"  # Amsterdam, winter
    assert v.to_iso("2026-07-01 14:05") == "2026-07-01T12:05:00Z"  # summer
    assert v.to_iso(" 2026-11-22 14:05 ") == "2026-11-22T13:05:00Z"
    assert v.to_iso("2026-11-22T14:05:00+02:00") == "2026-11-22T12:05:00Z"
    assert v.to_iso(datetime(2026, 1, 1, 10, 0, tzinfo=timezone.utc)) == "2026-01-01T10:00:00Z"
    assert v.to_iso(datetime(2026, 1, 1, 10, 0)) == "2026-01-01T09:00:00Z"
    assert v.timestamp("2026-01-01 10:00", Field("t", v.timestamp)) == "2026-01-01T09:00:00Z"
    for bad in ("2026-13-01T00:00:00Z", "gisteren", 5, None):
        with pytest.raises(ValidationError) as e:
            v.to_iso(bad)
        assert str(e.value) == "geen geldige tijd (gebruik bv. 2026-11-22 14:05)"
    assert v.parse_iso("2026-01-01T10:00:00Z") == datetime(2026, 1, 1, 10, tzinfo=timezone.utc)


def test_to_iso_remembers_only_what_it_accepted_and_stays_bounded(monkeypatch):
    seen: set[str] = set()
    monkeypatch.setattr(v, "_ISO_SEEN", seen)
    monkeypatch.setattr(v, "_ISO_SEEN_MAX", 2)
    v.to_iso("2026-01-01T10:00:00Z")
    v.to_iso("2026-01-01 10:00")  # not canonical: not remembered
    assert seen == {"2026-01-01T10:00:00Z"}
    v.to_iso("2026-01-01T10:00:01Z")
    assert len(seen) == 2
    v.to_iso("2026-01-01T10:00:02Z")  # full: emptied first
    assert seen == {"2026-01-01T10:00:02Z"}
    with pytest.raises(ValidationError):
        v.to_iso("2026-02-30T10:00:00Z")
    assert "2026-02-30T10:00:00Z" not in seen
    assert v._iso_fast("2026-01-01T10:00:02Z") == "2026-01-01T10:00:02Z"  # noqa: SLF001
    assert v._iso_fast("2026-01-01T10:00:03Z") == "2026-01-01T10:00:03Z"  # noqa: SLF001
    assert v._iso_fast("2026-02-30T10:00:00Z") is None  # noqa: SLF001
    assert v._iso_fast("2026-01-01 10:00") is None  # noqa: SLF001


def test_classification():
    f = Field("k", v.classification)
    assert v.classification(" Intern ", f) == "intern"
    for secret in ("Stg. Confidentieel", "geheim", "zeer geheim", "confidentieel x"):
        assert msg(v.classification, secret, f).startswith("staatsgeheime informatie")
    assert msg(v.classification, "rood", f) == (
        "'rood' is geen rubricering; kies openbaar, intern of vertrouwelijk")
    assert msg(v.classification, 1, f) == "kies openbaar, intern of vertrouwelijk"


SPEC = {
    "titel": Field("titel", v.text, required=True),
    "aantal": Field("aantal", v.integer, default=1, min_value=1),
    "lijst": Field("lijst", v.text_list, default=[]),
    "regio's": Field("regio's", v.regions, required=True),
    "noot": Field("noot", v.text),
}


def test_validate_whole_payloads():
    out = v.validate(SPEC, {"titel": " t ", "regio's": ["VNOG"]})
    assert out == {"titel": "t", "aantal": 1, "lijst": [], "regio's": ["VR06"]}
    again = v.validate(SPEC, {"titel": "t", "regio's": ["VNOG"]})
    assert again["lijst"] is not out["lijst"] and SPEC["lijst"].default == []
    with pytest.raises(ValidationError) as e:
        v.validate(SPEC, {"titel": "  ", "zz": 1, "aa": 2, "aantal": 0, "noot": None})
    assert e.value.errors == [("aa", "onbekend veld"), ("zz", "onbekend veld"),
                              ("titel", "is verplicht"), ("aantal", "moet minstens 1 zijn"),
                              ("regio's", "is verplicht")]
    with pytest.raises(ValidationError) as e:
        v.validate(SPEC, [1])
    assert str(e.value) == "de gegevens moeten een object met velden zijn"
    with pytest.raises(ValidationError) as e:
        v.validate(SPEC, {"titel": "t", "regio's": ""})
    assert e.value.errors == [("regio's", "is verplicht")]


def test_validate_partial_payloads():
    assert v.validate(SPEC, {"noot": "n"}, partial=True) == {"noot": "n"}
    assert v.validate(SPEC, {"noot": "n", "aantal": None}, partial=True) == {"noot": "n"}
    with pytest.raises(ValidationError) as e:
        v.validate(SPEC, {"titel": ""}, partial=True)
    assert e.value.errors == [("titel", "is verplicht en mag niet leeg worden gemaakt")]
    with pytest.raises(ValidationError) as e:
        v.validate(SPEC, {"noot": None}, partial=True)
    assert e.value.errors == [("", "er is niets gewijzigd")]
    with pytest.raises(ValidationError) as e:
        v.validate(SPEC, {"aantal": 0}, partial=True)
    assert e.value.errors == [("aantal", "moet minstens 1 zijn")]  # not also "niets gewijzigd"


def test_known_region():
    assert v.known_region("VR06") and not v.known_region("VNOG")


# ------------------------------------------------------------------ the compiled validators


def agree(spec, payload, partial=False):
    """The compiled validator returns validate()'s answer, or None (then validate decides)."""
    fast = v.compile_spec(spec, partial)(payload)
    try:
        slow = v.validate(spec, payload, partial=partial)
    except ValidationError:
        assert fast is None, (payload, fast)
        return None
    assert fast is None or fast == slow, (payload, fast, slow)
    return fast


FULL = {
    "t": Field("t", v.text, max_len=3),
    "tr": Field("tr", v.text, required=True, max_len=3),
    "c": Field("c", v.choice, choices=("a", "b")),
    "i": Field("i", v.identifier),
    "r": Field("r", v.region),
    "rs": Field("rs", v.regions),
    "n": Field("n", v.integer, min_value=2),
    "n0": Field("n0", v.integer),
    "b": Field("b", v.boolean),
    "k": Field("k", v.classification),
    "ts": Field("ts", v.timestamp),
    "p": Field("p", v.region_or_partner, choices=("KCR2", "kcr3 ")),
    "l": Field("l", v.text_list, required=True),
    "d": Field("d", v.choice, choices=("x", "y"), default="x"),
    "dl": Field("dl", v.choices_list, choices=("x",), default=["x"]),
    "dn": Field("dn", v.integer, default=5),
    "nf": Field("nf", v.integer, min_value=0.5),
}
OK = {"tr": "abc", "l": ["z"]}


def test_compiled_validator_takes_the_common_case_itself():
    good = {"t": "abc", "tr": "x", "c": "a", "i": "id-1", "r": "VR06", "rs": ["VR07", "VR06"],
            "n": 2, "n0": -4, "b": True, "k": "intern", "ts": "2026-01-01T10:00:00Z",
            "p": "KCR2", "l": ["z"], "nf": 1}
    out = agree(FULL, good)
    assert out == {**good, "rs": ["VR06", "VR07"], "d": "x", "dl": ["x"], "dn": 5}
    assert agree(FULL, {**good, "p": "VR06", "b": False}) is not None
    assert agree(FULL, OK) == {"tr": "abc", "l": ["z"], "d": "x", "dl": ["x"], "dn": 5}
    first, second = v.compile_spec(FULL)(OK), v.compile_spec(FULL)(OK)
    assert first["dl"] is not second["dl"]  # a fresh list each time


@pytest.mark.parametrize("extra", [
    {"t": "abcd"}, {"t": 5}, {"tr": "   "}, {"tr": "abcd"}, {"c": "z"}, {"c": 1}, {"i": "a b"},
    {"i": 3}, {"r": "Atlantis"}, {"r": 3}, {"r": "VNOG"}, {"rs": []}, {"rs": ["VR06", 3]},
    {"rs": "VR06"}, {"rs": ["VNOG"]}, {"rs": ["Atlantis"]}, {"n": 1}, {"n": True}, {"n": "3"},
    {"n0": 2.5},
    {"b": 1}, {"b": "ja"}, {"k": "geheim"}, {"k": " Intern"}, {"k": 3},
    {"ts": "2026-01-01 10:00"}, {"ts": 5}, {"ts": "2026-02-30T10:00:00Z"}, {"p": "kcr3 "},
    {"p": "kcr2"}, {"p": 7}, {"l": []}, {"l": " , "}, {"zz": 1}, {"d": "q"},
])
def test_compiled_validator_declines_or_agrees_on_the_unusual(extra):
    agree(FULL, {**OK, **extra})


def test_compiled_validator_declines_what_is_not_an_object():
    assert v.compile_spec(FULL)([1]) is None
    assert v.compile_spec(FULL)({"tr": None, "l": ["z"]}) is None  # required missing


def test_compiled_partial_validator():
    assert agree(FULL, {"t": "ab"}, partial=True) == {"t": "ab"}
    assert v.compile_spec(FULL, True)({}) is None
    assert v.compile_spec(FULL, True)({"tr": ""}) is None
    assert agree(FULL, {"t": None, "n0": 3}, partial=True) == {"n0": 3}
    assert agree(FULL, {"d": None, "dn": None, "n0": 3}, partial=True) == {"n0": 3}
    assert agree(FULL, {"tr": "abc"}, partial=True) == {"tr": "abc"}
    assert agree(FULL, {"tr": "", "t": "ab"}, partial=True) is None  # required emptied
    assert agree(FULL, {"nf": 0}, partial=True) is None


def test_compiled_constants():
    env: dict = {}
    assert v._const(env, "X", "a'b") == repr("a'b") and env == {}  # noqa: SLF001
    assert v._const(env, "X", 3) == "3" and env == {}  # noqa: SLF001
    assert v._const(env, "X", 1.5) == "X" and env == {"X": 1.5}  # noqa: SLF001
    assert v._const(env, "Y", True) == "Y" and env["Y"] is True  # noqa: SLF001
    assert v._CLASS_AS_IS == {"openbaar", "intern", "vertrouwelijk"}  # noqa: SLF001


def test_a_compiled_validator_carries_its_source():
    assert v.compile_spec(FULL).__doc__.startswith("def make(")

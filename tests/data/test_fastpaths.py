"""The fast paths for received events decide exactly as the plain code they replaced.

``validate_payload`` runs a per-type compiled validator (validation.compile_spec), ``to_iso``
remembers canonical texts it accepted, ``Event.from_wire``/``digest`` take shortcuts. The
reference for payloads is the generic ``validation.validate`` (which still decides whatever the
compiled ones leave to it); for times and envelopes, copies of the code as it was before the
shortcuts. Generated payloads, times and envelopes (valid ones, and wrong in every way the
generators can think of) must get the same answer from both: the same cleaned payload (same
keys in the same order, same value types) or the same refusal (the same messages for the same
fields).
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as hs

from data.domain import attachments as att
from data.domain import geo
from data.domain import validation as v
from data.domain.enums import BIJSTAND_ADDRESSEES
from data.domain.events import EVENT_TYPES, validate_payload
from data.domain.regions import REGIONS
from data.domain.validation import Field, ValidationError
from data.store.envelope import WIRE_FIELDS, Event, canonical_json

# ------------------------------------------------------------ the reference implementation
# The compiled validators answer only when they are sure; the reference is the generic
# ``validate`` with the same check functions (still what decides every other case), plus the
# two rules ``events.validate_payload`` adds. ``to_iso`` is as it was before its memory.

LOCAL_TZ = v.LOCAL_TZ

_CANONICAL_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def ref_to_iso(v_: Any, f: Field | None = None) -> str:
    if isinstance(v_, str) and _CANONICAL_UTC.fullmatch(v_):
        try:
            datetime.fromisoformat(v_[:-1])
        except ValueError:
            raise ValidationError("geen geldige tijd (gebruik bv. 2026-11-22 14:05)") from None
        return v_
    if isinstance(v_, str):
        s = v_.strip().replace(" ", "T", 1)
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError("geen geldige tijd (gebruik bv. 2026-11-22 14:05)") from None
    elif isinstance(v_, datetime):
        dt = v_
    else:
        raise ValidationError("geen geldige tijd (gebruik bv. 2026-11-22 14:05)")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=LOCAL_TZ)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")



def ref_validate_payload(event_type: str, payload: Any) -> dict[str, Any]:
    if event_type not in EVENT_TYPES:
        raise ValidationError(f"onbekend gebeurtenistype '{event_type}'", "type")
    _kind, spec, partial = EVENT_TYPES[event_type]
    if event_type == "incident.judgement_updated" and isinstance(payload, dict) and not any(
            str(x).strip() for x in payload.values() if x is not None):
        raise ValidationError("vul minstens één onderdeel van het oordeel in (analyse, "
                              "dilemma's, prognose of op- of afschaling)", "analyse")
    out = v.validate(spec, payload, partial=partial)
    if event_type == "bijstand.requested" and not out.get("capability") and not out.get(
        "capability_text"
    ):
        raise ValidationError("kies een capaciteit uit de catalogus of omschrijf wat nodig is",
                              "capaciteit")
    if event_type.endswith("status_changed") and out["from"] == out["to"]:
        raise ValidationError("de nieuwe status is gelijk aan de huidige", "naar status")
    if "effect_polygon" in out and out.get("effect_radius_m"):
        raise ValidationError("geef een straal óf hoekpunten, niet allebei",
                              "effectgebied (hoekpunten)")
    return out


def outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    """What a call gives, comparable: the result spelled with its types, or the refusal."""
    try:
        out = fn(*args)
    except ValidationError as e:
        return ("refused", e.errors)
    except Exception as e:  # noqa: BLE001 - any other exception must be the same one too
        return ("raised", (type(e).__name__, str(e)))
    return ("ok", typed(out))


def typed(x: Any) -> Any:
    """``x`` with the type of every value spelled out (so 1, True and '1' differ; and order)."""
    if isinstance(x, dict):
        return ("dict", [(typed(k), typed(val)) for k, val in x.items()])
    if isinstance(x, (list, tuple)):
        return (type(x).__name__, [typed(i) for i in x])
    return (type(x).__name__, repr(x))


# ------------------------------------------------------------ generated payloads

class Sub(str):
    """A str subclass: the fast paths must leave these to the plain code."""


_STAMPS = ("2026-11-22T13:05:00Z", "2026-02-28T23:59:59Z", "2024-02-29T00:00:00Z",
           "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-22T24:00:00Z",
           "2026-11-22T13:60:00Z", "2026-11-22T13:05:60Z", "0000-01-01T00:00:00Z",
           "2026-11-22 14:05", "2026-11-22T14:05:00+01:00", "2026-11-22T13:05:00.5Z",
           "２０２６-11-22T13:05:00Z", "2026-11-22T13:05:00z", " 2026-11-22T13:05:00Z",
           "2026-11-22T13:05:00Z\n", "2026-11-22", "gisteren")
_WORDS = ("", " ", "  \t", "x", " x ", "VR06", "vr06", " VR06", "VNOG", "Twente", "twente ",
          "VR26", "KCR2", "kcr2", " NCC ", "intern", " Intern", "openbaar", "vertrouwelijk",
          "geheim", "Stg. Geheim", "zeer geheim", "ja", "nee", "true", "0", "1", "12", " 12 ",
          "-3", "12a", "٣", "abc-DEF_1.2:3", "a b", "a\x1fb", "é", "01a20460-99b1-7feb-be6b",
          "x" * 80, "x" * 81, "y" * 201, "z" * 4001, "z" * 8001, "concept", "ingediend",
          "gemeld", "actief", "C2000", "in", "uit", "aggregaten_noodstroom", "warm", "ROT",
          "behouden", "VR01, VR02", "VR01,,VNOG", "NCV, DARES", "\u00a0x\u00a0")


def _field_values(f: Field) -> hs.SearchStrategy[Any]:
    specific = list(f.choices) + [c.lower() for c in f.choices] + [f" {c} " for c in f.choices]
    specific += [r.code for r in REGIONS[:4]] + [r.short for r in REGIONS[20:]]
    specific += list(_STAMPS) + list(BIJSTAND_ADDRESSEES)
    atoms = hs.one_of(
        hs.sampled_from(_WORDS + tuple(specific)),
        hs.sampled_from([None, True, False, 0, 1, -1, 2, 10**20, 1.0, 1.5, float("nan"),
                         b"VR06", Sub("VR06"), Sub("intern"), Sub(" x "),
                         datetime(2026, 11, 22, 14, 5)]),
        hs.integers(-5, 5),
        hs.text(max_size=12),
    )
    lists = hs.lists(atoms, max_size=5)
    return hs.one_of(atoms, atoms, lists, lists.map(tuple), hs.dictionaries(hs.text(max_size=3),
                                                                             atoms, max_size=2))


@hs.composite
def payloads(draw: Any, event_type: str) -> Any:
    _kind, spec, _partial = EVENT_TYPES[event_type]
    names = draw(hs.lists(hs.sampled_from(list(spec)), unique=True))
    out: dict[Any, Any] = {n: draw(_field_values(spec[n])) for n in names}
    if draw(hs.integers(0, 9)) == 0:
        out[draw(hs.sampled_from(["onbekend", "Title", "", 1]))] = "x"
    return out


def valid_payload(event_type: str) -> dict[str, Any]:
    """A payload the fast path should take whole (all fields, plain canonical values)."""
    _kind, spec, _partial = EVENT_TYPES[event_type]
    good = {v.text: "tekst", v.integer: 3, v.boolean: True, v.identifier: "abc-1",
            v.region: "VR06", v.regions: ["VR07", "VR06", "VR07"], v.timestamp: _STAMPS[0],
            v.classification: "vertrouwelijk", v.text_list: ["a", " b "],
            v.function_text: "OvD Brandweer", geo.point: {"lat": 52.2, "lon": 5.9},
            geo.radius: 0, geo.polygon: [[52.2, 5.9], [52.3, 5.9], [52.3, 6.0]],
            att.sha256_check: "0" * 64, att.size_check: 3, att.media_check: "image/png",
            att.name_check: "dijk.jpg"}
    out: dict[str, Any] = {}
    for name, f in spec.items():
        if f.check in (v.choice, v.region_or_partner, v.choices_list):
            out[name] = [f.choices[0]] if f.check is v.choices_list else f.choices[-1]
        else:
            out[name] = good[f.check]
    if event_type.endswith("status_changed"):
        out["to"] = spec["to"].choices[0]
    return out


SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
@SETTINGS
@given(data=hs.data())
def test_validate_payload_same_as_reference(event_type: str, data: Any) -> None:
    payload = data.draw(payloads(event_type))
    assert outcome(validate_payload, event_type, payload) == \
        outcome(ref_validate_payload, event_type, payload)


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_valid_payloads_take_the_compiled_path_and_match(event_type: str) -> None:
    from data.domain.events import _COMPILED

    payload = valid_payload(event_type)
    spec = EVENT_TYPES[event_type][1]
    ref = outcome(ref_validate_payload, event_type, payload)
    assert outcome(validate_payload, event_type, payload) == ref
    if ref[0] == "ok":
        # the compiled validator answered on its own (no fallback to the generic loop)
        fast = _COMPILED[event_type][1]
        assert typed(fast(payload)) == ref[1]
    # each field emptied, padded, too long or of the wrong type in turn
    for name, f in spec.items():
        edge = ["x" * f.max_len, "x" * (f.max_len + 1), f" {'x' * f.max_len} "]
        for bad in (None, "", "  ", 7, 0, True, [], ["VR06", None], ["VR06", []], Sub("x"),
                    " x ", "x" * 9000, "2026-02-30T10:00:00Z", "2026-11-22 14:05",
                    "\ud800", *edge):
            p = {**payload, name: bad}
            assert outcome(validate_payload, event_type, p) == \
                outcome(ref_validate_payload, event_type, p), (name, bad)
        p = {k: val for k, val in payload.items() if k != name}
        assert outcome(validate_payload, event_type, p) == \
            outcome(ref_validate_payload, event_type, p), name


def test_defaults_are_fresh_copies() -> None:
    a = validate_payload("incident.reported", {"title": "t", "kind": "k", "regions": ["VR01"]})
    b = validate_payload("incident.reported", {"title": "t", "kind": "k", "regions": ["VR01"]})
    assert a["teams"] == [] and a["teams"] is not b["teams"]


@pytest.mark.parametrize("bad", [None, [], "x", 3, ("a",)])
def test_non_dict_payloads_and_unknown_types(bad: Any) -> None:
    for typ in ("journal.logged", "incident.updated", "onbekend.type"):
        assert outcome(validate_payload, typ, bad) == outcome(ref_validate_payload, typ, bad)
    assert outcome(validate_payload, ["x"], {}) == outcome(ref_validate_payload, ["x"], {})


def test_dict_subclass_payload() -> None:
    class D(dict):
        def get(self, k: Any, d: Any = None) -> Any:
            return "VR06" if k == "region" else super().get(k, d)

    p = D(channel="C2000", state="operationeel")
    assert outcome(validate_payload, "comms.reported", p) == \
        outcome(ref_validate_payload, "comms.reported", p)
    assert validate_payload("comms.reported", p)["region"] == "VR06"


# ------------------------------------------------------------ to_iso and its memory

@given(hs.one_of(
    hs.sampled_from(_STAMPS),
    hs.builds(lambda y, mo, d, h, mi, s: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
              hs.integers(0, 9999), hs.integers(0, 13), hs.integers(0, 32),
              hs.integers(0, 25), hs.integers(0, 61), hs.integers(0, 61)),
    hs.text(alphabet="0123456789-T:Z ٣+.", min_size=18, max_size=22),
    hs.datetimes(),
))
@settings(max_examples=200, deadline=None)
@example("2026-02-30T10:00:00Z")
@example(Sub("2026-11-22T13:05:00Z"))
def test_to_iso_same_as_reference(value: Any) -> None:
    for _ in range(2):  # the second time from its memory, if it kept the text
        assert outcome(v.to_iso, value) == outcome(ref_to_iso, value)
        if type(value) is str:  # the compiled validators' shortcut: the same, or no answer
            fast = v._iso_fast(value)  # noqa: SLF001
            assert fast is None or ("ok", typed(fast)) == outcome(ref_to_iso, value)
    assert all(type(s) is str and ref_to_iso(s) == s for s in v._ISO_SEEN)  # noqa: SLF001


def test_to_iso_memory_is_bounded() -> None:
    for i in range(v._ISO_SEEN_MAX + 10):  # noqa: SLF001
        v.to_iso(f"2026-11-22T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z")
    assert len(v._ISO_SEEN) <= v._ISO_SEEN_MAX  # noqa: SLF001
    with pytest.raises(ValidationError):
        v.to_iso("2026-02-30T10:00:00Z")


# ------------------------------------------------------------ Event.from_wire and digest

_TEXT_FIELDS = tuple(f for f in WIRE_FIELDS if f not in ("seq", "payload"))


def ref_from_wire(d: Any, payload_json: Any = None) -> Event:
    if type(d) is not dict and not isinstance(d, dict):
        raise ValueError("gebeurtenis is geen object")
    try:
        (id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload, prev,
         sig) = [d[f] for f in WIRE_FIELDS]
    except KeyError:
        missing = [f for f in WIRE_FIELDS if f not in d]
        raise ValueError(f"velden ontbreken: {', '.join(missing)}") from None
    if type(seq) is not int or seq < 1:
        raise ValueError("seq moet een positief geheel getal zijn")
    if type(payload) is not dict:
        raise ValueError("payload moet een object zijn")
    texts = (id_, world, origin, hlc, occ, rec, author, typ, entity, prev, sig)
    for f, val in zip(_TEXT_FIELDS, texts):
        if type(val) is not str:
            raise ValueError(f"veld '{f}' moet tekst zijn")
    joined = "".join(texts)
    if "\x1f" in joined:
        f = next(f for f, val in zip(_TEXT_FIELDS, texts) if "\x1f" in val)
        raise ValueError(f"veld '{f}' bevat een ongeldig teken")
    try:
        if payload_json is None:
            payload_json = canonical_json(payload)
        joined.encode()
        payload_json.encode()
    except (TypeError, ValueError, AttributeError) as e:
        raise ValueError(f"inhoud is geen geldige JSON-tekst ({e})") from None
    return Event(id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload_json,
                 prev, sig, payload)


def ref_digest(e: Event) -> str:
    text = "\x1f".join(
        (e.id, e.world, e.origin, str(e.seq), e.hlc, e.occurred_at, e.recorded_at, e.author,
         e.type, e.entity, e.payload_json, e.prev)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


WIRE = {
    "id": "01a20460-99b2-7a48-8201-99ebeed4d112", "world": "LIVE", "origin": "bron", "seq": 6,
    "hlc": "001795369769394.000003", "occurred_at": "2026-11-21T15:49:29Z",
    "recorded_at": "2026-11-22T17:49:29Z", "author": "OL VNOG", "type": "journal.logged",
    "entity": "01a20460-99b2-7486-9eb6-16a34f00017d",
    "payload": {"channel": "C2000", "text": "Masten vallen uit; accu's leeg – é", "key": True},
    "prev": "e" * 64, "sig": "b" * 128,
}


def wire_outcome(fn: Any, d: Any, pj: Any = None) -> tuple[str, Any]:
    try:
        e = fn(d, pj)
    except Exception as err:  # noqa: BLE001
        return ("raised", (type(err).__name__, str(err)))
    return ("ok", [(f, typed(getattr(e, f))) for f in e.__slots__], ref_digest(e), e.digest())


_ODD = ["", "x", "\x1f", "a\x1fb", "\ud800", "é", 0, 1, True, -1, None, 1.5, 10**30, [], {},
        Sub("x"), {"a": 1}, {"a": "\ud800"}, {"a": 1.5}, {"a": [1, {"b": None}]}, {1: "x"},
        {"a": 10**30}, {"a": Sub("x")}, {"a": (1, 2)}, b"x"]


@given(hs.dictionaries(hs.sampled_from(WIRE_FIELDS + ("extra",)), hs.sampled_from(_ODD),
                       max_size=4),
       hs.sets(hs.sampled_from(WIRE_FIELDS), max_size=2),
       hs.sampled_from([None, None, '{"a":1}', "\ud800", b"{}", Sub("{}"), 3]))
@settings(max_examples=100, deadline=None)
def test_from_wire_same_as_reference(changes: dict, dropped: set, pj: Any) -> None:
    d = {k: val for k, val in {**WIRE, **changes}.items() if k not in dropped}
    assert wire_outcome(Event.from_wire, d, pj) == wire_outcome(ref_from_wire, d, pj)


@pytest.mark.parametrize("field", WIRE_FIELDS)
def test_from_wire_each_field_odd(field: str) -> None:
    for odd in _ODD:
        d = {**WIRE, field: odd}
        for pj in (None, '{"a":1}', "\ud800", b"{}", 3):
            assert wire_outcome(Event.from_wire, d, pj) == wire_outcome(ref_from_wire, d, pj)
    d = {k: val for k, val in WIRE.items() if k != field}
    assert wire_outcome(Event.from_wire, d) == wire_outcome(ref_from_wire, d)


def test_from_wire_not_a_dict() -> None:
    for d in (None, [], "x", [("id", "x")]):
        assert wire_outcome(Event.from_wire, d) == wire_outcome(ref_from_wire, d)


@pytest.mark.parametrize("payload", [
    {}, {"a": "b"}, {"b": 1, "a": [1, 2, {"z": None, "y": True}]}, {"a": 1.5}, {"a": [1e-07]},
    {"é": "ü", "a": "–"}, {"a": [{"b": 1}, {"c": [1.0]}]}, {"a": [[]], "b": {}},
    {"a": float("nan")}, {"a": 2**63}, {"a": -(2**63)},
])
def test_from_wire_payload_text(payload: dict) -> None:
    d = {**WIRE, "payload": payload}
    assert wire_outcome(Event.from_wire, d) == wire_outcome(ref_from_wire, d)

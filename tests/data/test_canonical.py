"""canonical_json (orjson where it is safe) must give exactly the bytes of the json encoder that
every event hash was made with, and loads() exactly what json.loads gives."""

from __future__ import annotations

import contextlib
import enum
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from data.domain.events import EVENT_TYPES, validate_payload
from data.domain.validation import ValidationError
from data.store import fold
from data.store.envelope import Event, canonical_json, loads

_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode

TRICKY_TEXT = [
    "", "gewoon", "Ééñ ü ß ø — “quotes” ‘x’ € ½", "日本語 中文 한국어",
    "emoji 😀🚒🧯 \U0001F1F3\U0001F1F1",
    "".join(chr(i) for i in range(0x20)), "tab\tnewline\ncr\rbs\bff\f", '"quote" \\back\\ /slash/',
    "line\u2028sep\u2029para", "\x7f\x80\x9f\xa0\xad", "\ufeff\ufffe\uffff",
    "\u200b\u200d zero width",
    "</script><!--", "14:05.3] 1e-7, [1.5}", "a\x1fb", "\U0010ffff",
]
TRICKY_INTS = [0, 1, -1, 2**31, 2**53 + 1, 2**63 - 1, -(2**63), 2**64 - 1, 2**64, 2**70, -(2**70)]
FLOATS = [0.0, -0.0, 1.0, 0.1, 1e-7, 1e16, 1.5e300, 5e-324, 123456789.125, float("inf")]


class Color(str, enum.Enum):
    RED = "rood"


class Num(enum.IntEnum):
    ONE = 1


def same(obj: Any) -> None:
    try:
        want = _JSON(obj)
    except (TypeError, ValueError):
        with pytest.raises((TypeError, ValueError)):
            canonical_json(obj).encode()
        return
    assert canonical_json(obj) == want
    assert canonical_json(obj).encode() == want.encode()


@pytest.mark.parametrize("s", TRICKY_TEXT)
def test_text_is_encoded_like_json(s: str) -> None:
    same({"text": s, s: [s, {"k": s}], "n": 1})
    same([s])


@pytest.mark.parametrize("n", TRICKY_INTS)
def test_integers_like_json(n: int) -> None:
    same({"quantity": n, "l": [n, True, False, None]})


@pytest.mark.parametrize("x", FLOATS)
def test_floats_take_the_json_path(x: float) -> None:
    same({"key": x})
    same({"nested": [{"a": [x]}]})


def test_key_order_is_codepoint_order() -> None:
    keys = ["b", "a", "B", "A", "_", "10", "9", "é", "e", "z", "€", "😀", "\uffff", "ü", ""]
    same({k: i for i, k in enumerate(keys)})
    same({"outer": {k: [k] for k in keys}})


def test_other_types_take_the_json_path() -> None:
    same({"c": Color.RED, "n": Num.ONE})
    same({1: "non-text key"})
    same({"d": datetime(2026, 1, 1, tzinfo=UTC)})  # json refuses: so must we
    same({"t": (1, 2)})


def test_lone_surrogates_are_refused() -> None:
    with pytest.raises((TypeError, ValueError)):
        canonical_json({"x": "a\ud800b"}).encode()
    d = {"id": "x", "world": "LIVE", "origin": "o", "seq": 1, "hlc": "0" * 15 + ".000000",
         "occurred_at": "2026-11-22T10:00:00Z", "recorded_at": "2026-11-22T10:00:00Z",
         "author": "a", "type": "journal.logged", "entity": "e", "prev": "0" * 64, "sig": "",
         "payload": {"text": "\udc00"}}
    with pytest.raises(ValueError):
        Event.from_wire(d)


def _payloads() -> list[dict[str, Any]]:
    """One valid payload per event type, with text that stresses the encoder."""
    out = []
    samples = {
        "text": "Melding om 14:05. Brand — “groot” 😀\u2028\x01", "name": "Zoë", "title": "Dijk ↯",
        "kind": "overstroming", "regions": ["VR06", "VR01"], "region": "VR06", "quantity": 3,
        "requesting_region": "VR06", "addressed_to": "LOCC", "capability": "usar",
        "channel": "C2000", "state": "verstoord", "from": "gemeld", "to": "in_behandeling",
        "public_key": "ab" * 32, "world": "LIVE", "beeld": "Situatie\n\tregel 2",
        "session_id": "s1", "number": 2, "decision_id": "d1", "owner": "OvD", "offer_id": "o1",
        "provider": "VR01", "conflict_id": "c1", "choice": "behouden", "reason": "want: \"x\"",
        "municipality": "Arnhem", "key": True, "due": "2026-11-22T10:00:00Z",
    }
    for typ, (_kind, spec, _partial) in EVENT_TYPES.items():
        payload = {k: samples[k] for k in spec if k in samples}
        # (types whose transitions need other states than these samples are left out)
        with contextlib.suppress(ValidationError):
            out.append(validate_payload(typ, payload))
    return out


def test_payloads_and_folded_states_like_json() -> None:
    payloads = _payloads()
    assert len(payloads) > 10
    for i, p in enumerate(payloads):
        same(p)
        ev = Event(f"id{i}", "LIVE", "o", 1, "0" * 15 + ".000001", "2026-11-22T10:00:00Z",
                   "2026-11-22T10:00:00Z", "Zoë ✓", "journal.logged", f"e{i}",
                   canonical_json(p), "0" * 64, "", p)
        st = fold.apply(None, ev, "journal")
        same(st)
        assert loads(canonical_json(st)) == json.loads(_JSON(st))


def test_received_boolean_as_float_is_kept_byte_exact() -> None:
    # validation lets 1.0 through for a yes/no field; the hashed text must stay json's
    same({"key": 1.0, "channel": "C2000", "text": "x"})


@pytest.mark.parametrize("text", [
    '{"a":1}', '{"big":18446744073709551616}', '{"n":-9223372036854775809}', '{"f":1e-7}',
    '{"s":"\\ud800"}', '{"x":NaN}', '[1.0,2]', '{"u":"\\u2028é😀"}', '{"z":[{"y":[]}]}',
])
def test_loads_like_json(text: str) -> None:
    want = json.loads(text)
    got = loads(text)
    assert json.dumps(got, sort_keys=True) == json.dumps(want, sort_keys=True)
    assert type(got) is type(want)


_values = hs.recursive(
    hs.none() | hs.booleans() | hs.integers(min_value=-(2**70), max_value=2**70)
    | hs.floats(allow_nan=False) | hs.text(hs.characters(blacklist_categories=("Cs",))),
    lambda inner: hs.lists(inner, max_size=4)
    | hs.dictionaries(hs.text(hs.characters(blacklist_categories=("Cs",)), max_size=6), inner,
                      max_size=4),
    max_leaves=20,
)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(hs.dictionaries(hs.text(max_size=8), _values,
                       max_size=6))
def test_any_json_value_encodes_like_json(obj: dict[str, Any]) -> None:
    same(obj)
    try:
        text = _JSON(obj)
    except (TypeError, ValueError):
        return
    try:
        text.encode()
    except UnicodeEncodeError:
        return
    assert _JSON(loads(text)) == _JSON(json.loads(text))


@pytest.mark.parametrize("obj", [
    {"history": [{"a": 1, "b": 1e-7}, {"a": 2}]},
    {"history": [{"a": 1, "fields": [1e-7]}]},
    {"history": [{"a": 1}, 1e-7]},
    {"x": {"y": {"z": [[1e-7]]}}},
    [{"a": "b"}, [{"c": 1e22}]],
])
def test_floats_deep_inside_records_take_the_json_path(obj: Any) -> None:
    same(obj)

"""Tests that kill the mutants of data/sync/wire.py (the checks every sync door uses) that
survived `make mutation` (docs/mutation.md): the inflate limits at and past their bound with
their messages, Accept-Encoding parsing, and the orjson/json equivalence guard."""

from __future__ import annotations

import gzip
import json

import pytest

from data.store.envelope import canonical_json
from data.sync import wire
from data.sync.wire import InflateError

MiB = 1024 * 1024


@pytest.mark.parametrize("coding", ["", "identity", " IDENTITY "])
def test_plain_bodies_up_to_the_limit(coding):
    assert wire.inflate_limited(b"x" * 10, coding, limit=10) == b"x" * 10
    with pytest.raises(InflateError) as e:
        wire.inflate_limited(b"x" * (2 * MiB + 1), coding, limit=2 * MiB)
    assert str(e.value) == "uitgepakt groter dan 2 MiB" and e.value.too_large


@pytest.mark.parametrize(("coding", "pack"), [("gzip", gzip.compress), ("x-gzip", gzip.compress),
                                              (" Gzip", gzip.compress),
                                              ("zstd", wire.zstd_bytes),
                                              ("ZSTD ", wire.zstd_bytes)])
def test_packed_bodies_up_to_the_limit(coding, pack):
    assert wire.inflate_limited(pack(b"y" * 100), coding, limit=100) == b"y" * 100
    with pytest.raises(InflateError) as e:
        wire.inflate_limited(pack(b"y" * (3 * MiB + 1)), coding, limit=3 * MiB)
    assert str(e.value) == "uitgepakt groter dan 3 MiB" and e.value.too_large


def test_a_body_inflating_to_the_limit_exactly_passes_and_one_more_is_refused():
    for pack, unpack in ((gzip.compress, wire.gunzip_limited),
                         (wire.zstd_bytes, wire.unzstd_limited)):
        assert unpack(pack(b"z" * 4096), 4096) == b"z" * 4096
        with pytest.raises(InflateError) as e:
            unpack(pack(b"z" * 4097), 4096)
        assert e.value.too_large


def test_the_default_limit_is_the_protocol_one():
    assert wire.MAX_INFLATED_BYTES == 256 * MiB and wire.MAX_BODY_BYTES == 32 * MiB
    assert wire.MAX_BATCH_EVENTS == 20_000 and wire.MAX_PULL_LIMIT == 20_000


def test_damaged_and_cut_bodies():
    with pytest.raises(InflateError) as e:
        wire.gunzip_limited(b"\x1f\x8b kapot")
    assert str(e.value).startswith("geen geldige gzip (") and not e.value.too_large
    with pytest.raises(InflateError) as e:
        wire.gunzip_limited(gzip.compress(b"a" * 1000)[:-8])
    assert str(e.value) == "gzip is afgebroken (onvolledig verstuurd)"
    with pytest.raises(InflateError) as e:
        wire.unzstd_limited(b"\x28\xb5\x2f\xfd kapot")
    assert str(e.value).startswith("geen geldige zstd (") and not e.value.too_large
    with pytest.raises(InflateError) as e:
        wire.unzstd_limited(wire.zstd_bytes(b"a" * 1000)[:-3])
    assert str(e.value) == "zstd is afgebroken (onvolledig verstuurd)"
    with pytest.raises(InflateError) as e:
        wire.unzstd_limited(wire.zstd_bytes(b"a") + b"meer")
    assert str(e.value) == "na het zstd-frame volgen nog gegevens"
    with pytest.raises(InflateError) as e:
        wire.inflate_limited(b"x", "br")
    assert str(e.value) == "onbekende Content-Encoding 'br' (wel: zstd, gzip)"
    assert not e.value.too_large


@pytest.mark.parametrize(("header", "codings"), [
    ("", set()),
    ("gzip", {"gzip"}),
    ("GZIP, Zstd", {"gzip", "zstd"}),
    ("gzip;q=0, zstd", {"zstd"}),
    ("gzip; q=0.0, zstd;q=0.000", set()),
    ("gzip;q=0.5, zstd;q=1", {"gzip", "zstd"}),
    ("gzip;q=0.01", {"gzip"}),
    ("gzip;q=1.0", {"gzip"}),
    ("gzip;level=0", {"gzip"}),
    (" , gzip ,", {"gzip"}),
])
def test_accept_encoding(header, codings):
    assert wire.accepted_encodings(header) == codings


def test_encode_body_compresses_only_what_is_big_and_asked():
    small = b"a" * 4096
    assert wire.encode_body(small, "zstd, gzip") == (small, "")
    big = b"a" * 4097
    data, coding = wire.encode_body(big, "gzip, zstd")
    assert coding == "zstd" and wire.unzstd_limited(data) == big
    data, coding = wire.encode_body(big, "gzip")
    assert coding == "gzip" and gzip.decompress(data) == big
    assert wire.encode_body(big, "br") == (big, "")
    assert wire.encode_body(big, "") == (big, "")
    assert wire.encode_body(b"ab", "gzip", min_size=1)[1] == "gzip"


def test_bodies_of_a_push():
    assert wire.batch_body(['{"a":1}', '{"b":2}']) == b'{"events":[{"a":1},{"b":2}]}'
    assert wire.batch_body([]) == b'{"events":[]}'
    assert wire.ndjson_body(['{"a":1}', '{"b":"é"}']) == '{"a":1}\n{"b":"é"}\n'.encode()
    assert json.loads(gzip.decompress(wire.gzip_bytes(b'{"x":1}'))) == {"x": 1}


def test_wire_row_is_the_canonical_envelope():
    row = ("id1", "LIVE", "vnog", "7", "000001790000000.000000", "2026-01-01T10:00:00Z",
           "2026-01-01T10:00:01Z", "IM é", "journal.logged", "j1",
           canonical_json({"text": "ë", "channel": "NCV"}), "a" * 64, "b" * 128)
    env = {"id": "id1", "world": "LIVE", "origin": "vnog", "seq": 7,
           "hlc": "000001790000000.000000", "occurred_at": "2026-01-01T10:00:00Z",
           "recorded_at": "2026-01-01T10:00:01Z", "author": "IM é", "type": "journal.logged",
           "entity": "j1", "payload": {"text": "ë", "channel": "NCV"}, "prev": "a" * 64,
           "sig": "b" * 128}
    assert wire.wire_row(row) == canonical_json(env)
    assert wire.ROW_COLS == ("id", "world", "origin", "seq", "hlc", "occurred_at",
                             "recorded_at", "author", "type", "entity", "payload", "prev",
                             "sig")


BIG = 2**70  # orjson reads this as a float, json as an int


@pytest.mark.parametrize("events", [
    [{"seq": 1, "payload": {"n": BIG}}],
    [{"seq": BIG, "payload": {}}],
    [{"seq": 1, "payload": {"xs": [1, BIG]}}],
    [{"seq": 1, "payload": {"f": 1.5}}],
    [{"seq": 1, "payload": {"d": {"n": BIG}}}],
    [{"seq": 1, "payload": {"a": "x"}}, {"seq": 2, "payload": "geen object"},
     {"seq": 3, "payload": {"n": BIG}}],
])
def test_numbers_orjson_reads_otherwise_are_read_by_json(events):
    text = json.dumps({"events": events, "next": 3})
    assert wire.load_page(text.encode()) == json.loads(text)
    lines = [json.dumps(e) for e in events]
    assert wire.load_lines(lines) == [json.loads(x) for x in lines]
    assert wire.load_lines([x.encode() for x in lines]) == [json.loads(x) for x in lines]


@pytest.mark.parametrize("events", [
    [{"seq": 1, "payload": {"a": "x", "b": 2, "c": True, "d": None}}],
    [{"seq": 1, "payload": {"regions": ["VNOG", "VGGM"], "n": 3}}, {"seq": 2}],
    [],
])
def test_plain_events_are_read_as_json_would(events):
    text = json.dumps({"events": events})
    assert wire.load_page(text.encode()) == json.loads(text)
    assert wire._exact(events) is True  # noqa: SLF001


@pytest.mark.parametrize("events", [
    "x", [1], [{"seq": 1.0}], [{"seq": 1, "payload": {"l": [[1]]}}],
])
def test_what_is_not_plain_is_not_exact(events):
    assert wire._exact(events) is (events == [{"seq": 1, "payload": {"l": [[1]]}}])  # noqa: SLF001


def test_json_reads_what_orjson_refuses():
    assert wire.load_page(b'{"events": [], "x": NaN}')["events"] == []
    assert wire.load_lines(['{"a": NaN}', '{"b": 1}'])[1] == {"b": 1}


def test_a_page_must_be_a_page():
    with pytest.raises(ValueError, match="^antwoord is geen pagina met gebeurtenissen$"):
        wire.prepare_page(b"[1, 2]", "LIVE")
    with pytest.raises(ValueError, match="^antwoord is geen pagina met gebeurtenissen$"):
        wire.prepare_page(b'{"events": {}}', "LIVE")
    prep, page = wire.prepare_page(b'{"next": 4, "more": false}', "LIVE")
    assert page == {"next": 4, "more": False}


def test_unreadable_lines_are_named_by_number():
    prep = wire.prepare_lines([b'{"a": 1}', b"{kapot", b"[1"], "LIVE", first=10)
    reasons = [r for _i, r in prep.unreadable]
    assert reasons[0].startswith("onleesbare gebeurtenis: regel 11 is geen JSON (")
    assert reasons[1].startswith("onleesbare gebeurtenis: regel 12 is geen JSON (")


def test_gzip_means_gzip_not_a_bare_zlib_stream():
    import zlib

    with pytest.raises(InflateError) as e:
        wire.gunzip_limited(zlib.compress(b"{}"))
    assert str(e.value).startswith("geen geldige gzip (")


@pytest.mark.parametrize("pack, unpack", [(gzip.compress, wire.gunzip_limited),
                                          (wire.zstd_bytes, wire.unzstd_limited)])
def test_a_bomb_stops_early(pack, unpack):
    """Refused before it is inflated: memory stays near the limit, not the bomb's size."""
    import tracemalloc

    bomb = pack(b"\0" * (48 * MiB))
    tracemalloc.start()
    try:
        with pytest.raises(InflateError) as e:
            unpack(bomb, 1 * MiB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # near the limit plus the 4 MiB pieces it inflates in, far from the bomb's 48 MiB
    assert e.value.too_large and peak < 16 * MiB, peak


def test_the_helper_processes_work_packs_what_the_store_unpacks():
    """prepare_*_packed run in the helper process; here they run in this one."""
    from data.store.prepare import Prepared

    lines = [b'{"a": 1}', b"{kapot"]
    direct = wire.prepare_lines(lines, "LIVE", first=5)
    packed, page = Prepared.from_bytes(wire.prepare_lines_packed(lines, "LIVE", first=5))
    assert packed.unreadable == direct.unreadable and len(packed.unreadable) == 2
    assert "regel 6" in packed.unreadable[0][1]
    body = b'{"events": [{"a": 1}], "next": 7, "more": true}'
    prep, page = Prepared.from_bytes(wire.prepare_page_packed(body, "LIVE"))
    assert page == {"next": 7, "more": True}
    assert prep.unreadable == wire.prepare_page(body, "LIVE")[0].unreadable


def test_the_helper_processes_work_checks_the_world_and_counts_lines_from_one():
    import tempfile
    from pathlib import Path

    from data.store import Store
    from data.store.prepare import Prepared

    with tempfile.TemporaryDirectory() as d:
        with Store.create(Path(d) / "s.db", "vnog", "LIVE") as st:
            line = next(st.iter_events()).wire_line().encode()
    packed, _ = Prepared.from_bytes(wire.prepare_lines_packed([line, b"{kapot"], "LIVE"))
    assert [e.origin for e in packed.events] == ["vnog"] and packed.world == "LIVE"
    assert "regel 2 " in packed.unreadable[0][1]
    body = b'{"events": [' + line + b'], "next": 1, "more": false}'
    prep, page = Prepared.from_bytes(wire.prepare_page_packed(body, "LIVE"))
    assert [e.origin for e in prep.events] == ["vnog"] and prep.world == "LIVE"


def test_in_a_long_batch_only_the_inexact_lines_are_read_again_and_all_read_as_json():
    lines = [json.dumps({"seq": k, "payload": {"n": k}}) for k in range(1, 601)]
    for k in (3, 400, 599):  # one early, one in a later slice, one in the last (short) slice
        lines[k] = json.dumps({"seq": k + 1, "payload": {"n": BIG, "f": 1e-07}})
    got = wire.load_lines(lines)
    assert json.dumps(got) == json.dumps([json.loads(x) for x in lines])  # values and types
    assert [type(got[k]["payload"]["n"]) for k in (3, 400, 599)] == [int, int, int]

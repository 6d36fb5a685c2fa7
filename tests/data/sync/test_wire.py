import gzip

import pytest

from data.store.envelope import canonical_json
from data.sync.wire import InflateError, gunzip_limited, gzip_bytes, wire_json


def test_wire_json_is_the_canonical_envelope(store_factory):
    from tests.data.sync.factory import fill

    st = store_factory("vnog")
    fill(st, 30, seed=3)
    for e in st.iter_events():
        line = wire_json(e.id, e.world, e.origin, e.seq, e.hlc, e.occurred_at, e.recorded_at,
                         e.author, e.type, e.entity, e.payload_json, e.prev, e.sig)
        assert line == canonical_json(e.to_wire())


def test_sql_wire_line_is_the_canonical_envelope(store_factory):
    import sqlite3

    from data.store import Command
    from data.sync.wire import SQL_WIRE_LINE
    from tests.data.sync.factory import fill

    st = store_factory("vnog")
    fill(st, 20, seed=4)
    for text in ('Zoë "x" \\ \n\t\x01\x1f\x7f é 😀 \u2028', "a/b</script>"):
        st.execute(Command("journal.logged", {"channel": "NCV", "text": text}), "OL \"Zoë\"")
    want = [canonical_json(e.to_wire()) for e in st.iter_events()]
    c = sqlite3.connect(st.path)
    got = [r[0] for r in c.execute(f"SELECT {SQL_WIRE_LINE} FROM event ORDER BY local_seq")]
    c.close()
    assert got == want


def test_wire_json_keeps_unicode_and_escapes():
    line = wire_json('a"b', "LIVE", "o", 1, "h", "t", "t", "Zoë \\ \n", "x", "e", "{}", "p", "s")
    assert '"author":"Zoë \\\\ \\n"' in line
    assert '"id":"a\\"b"' in line


def test_gunzip_limits():
    data = b"x" * 10_000
    assert gunzip_limited(gzip_bytes(data), 10_000) == data
    with pytest.raises(InflateError) as e:
        gunzip_limited(gzip_bytes(data), 9_999)
    assert e.value.too_large
    with pytest.raises(InflateError) as e:
        gunzip_limited(gzip.compress(data)[:-12], 20_000)
    assert not e.value.too_large
    with pytest.raises(InflateError):
        gunzip_limited(b"not gzip at all")


@pytest.mark.parametrize("payload", [
    {"a": 1.5}, {"a": [1, 2.0]}, {"a": 10**20}, {"a": -10**20}, {"a": 1e-7},
    {"a": {"b": 3e10}}, {"a": [{"b": 1.5}]}, {"a": 1}, {"a": "1.5"},
    {"t": "om 14:00. klaar, 3,5e"}, {"a": 2**63}, {"s": "\ud800"}, {"lijn": "a\u2028b"},
])
def test_pages_and_lines_read_as_json_does(payload):
    import json

    from data.sync.wire import load_lines, load_page

    ev = {"id": "x", "seq": 1, "payload": payload}
    for seq in (1, 10**20):
        ev["seq"] = seq
        page = {"events": [ev, {"id": "y", "seq": 2, "payload": {}}], "next": 3, "more": False}
        for text in (json.dumps(page, separators=(",", ":")), json.dumps(page, indent=1)):
            got = load_page(text.encode())
            assert json.dumps(got) == json.dumps(json.loads(text))  # same values and types
        line = json.dumps(ev, separators=(",", ":")).encode()
        (got,) = load_lines([line])
        assert json.dumps(got) == json.dumps(json.loads(line))


def test_a_bundle_with_a_number_beyond_64_bits_imports(tmp_path):
    """orjson would read 10**20 as a float (another hash): that line takes the exact path."""
    from data.store import Command, Store
    from data.sync.bundle import export_bundle, import_bundle

    a = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    a.execute(Command("bijstand.requested", {
        "requesting_region": "VNOG", "addressed_to": "KCR2",
        "capability": "aggregaten_noodstroom", "quantity": 10**20}), "IM")
    export_bundle(a, tmp_path / "b.cbbundle")
    b = Store.create(tmp_path / "b.db", "kcr2", "LIVE")
    res = import_bundle(b, tmp_path / "b.cbbundle")
    assert not res.rejected and len(res.accepted) == a.event_count()
    (state,) = b.entities("bijstand")
    assert state["quantity"] == 10**20


# ---------------------------------------------------------------- content encodings

BODY = b'{"events":[' + b",".join(b'{"id":"%d","tekst":"Zo\xc3\xab"}' % i
                                  for i in range(400)) + b"]}"


@pytest.mark.parametrize("coding", ["zstd", "ZSTD ", "gzip", "x-gzip", "identity", ""])
def test_inflate_limited_reads_each_coding(coding):
    from data.sync.wire import inflate_limited, zstd_bytes

    name = coding.strip().lower()
    packed = {"zstd": zstd_bytes, "gzip": gzip_bytes, "x-gzip": gzip.compress}.get(
        name, lambda b: b)(BODY)
    assert inflate_limited(packed, coding, len(BODY)) == BODY  # exactly the limit is allowed
    with pytest.raises(InflateError) as e:
        inflate_limited(packed, coding, len(BODY) - 1)
    assert e.value.too_large


def test_a_zstd_bomb_stops_at_the_limit():
    """64 MiB of zeros in 2 kB: refused as too large without ever holding the 64 MiB."""
    import tracemalloc

    from data.sync.wire import inflate_limited, unzstd_limited, zstd

    c = zstd.ZstdCompressor(level=19)
    zeros = bytes(1 << 20)
    bomb = b"".join(c.compress(zeros) for _ in range(64)) + c.flush()
    assert len(bomb) < 10_000
    for read in (lambda b: inflate_limited(b, "zstd", 1 << 20),
                 lambda b: unzstd_limited(b, 1 << 20)):
        tracemalloc.start()
        try:
            with pytest.raises(InflateError) as e:
                read(bomb)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert e.value.too_large
        assert peak < 16 << 20, peak  # (the whole would be 64 MiB)


def test_damaged_zstd_is_refused_but_not_as_too_large():
    from data.sync.wire import inflate_limited, zstd_bytes

    packed = zstd_bytes(BODY)
    damaged = [
        packed[:-5],                  # cut off near the end
        packed[: len(packed) // 2],   # cut off halfway
        packed[:3],                   # not even a whole magic number and header
        packed + b"rommel",           # trailing garbage
        packed + packed,              # a second frame behind the first
        b"not zstd at all",
        b"",
    ]
    for raw in damaged:
        with pytest.raises(InflateError) as e:
            inflate_limited(raw, "zstd", 10 * len(BODY))
        assert not e.value.too_large, raw[:20]


@pytest.mark.parametrize("coding", ["br", "deflate", "compress", "gzip, zstd", "zst"])
def test_an_unknown_coding_is_refused(coding):
    from data.sync.wire import inflate_limited

    with pytest.raises(InflateError, match="onbekende Content-Encoding") as e:
        inflate_limited(BODY, coding)
    assert not e.value.too_large


@pytest.mark.parametrize("header, want", [
    ("", set()),
    ("gzip", {"gzip"}),
    ("gzip, deflate, zstd", {"gzip", "deflate", "zstd"}),
    ("ZSTD;Q=1.0 , GZIP", {"zstd", "gzip"}),
    ("zstd;q=0, gzip", {"gzip"}),
    ("zstd; q=0.0, gzip;q=0.5", {"gzip"}),
    ("zstd;q=0.000,gzip;q=0.001", {"gzip"}),
    ("zstd;q=0.5, gzip;q=0", {"zstd"}),
    ("zstd;q=1", {"zstd"}),
    (" , zstd ,", {"zstd"}),
])
def test_accepted_encodings(header, want):
    from data.sync.wire import accepted_encodings

    assert accepted_encodings(header) == want


def test_encode_body_picks_the_best_accepted_coding():
    from data.sync.wire import ENCODINGS, encode_body, gunzip_limited, unzstd_limited

    assert ENCODINGS[0] == "zstd" and "gzip" in ENCODINGS
    data, coding = encode_body(BODY, "gzip, deflate, zstd")
    assert coding == "zstd" and len(data) < len(BODY) and unzstd_limited(data) == BODY
    data, coding = encode_body(BODY, "zstd;q=0, gzip")
    assert coding == "gzip" and gunzip_limited(data) == BODY
    data, coding = encode_body(BODY, "gzip")
    assert coding == "gzip" and gunzip_limited(data) == BODY
    for nothing in ("", "identity", "br, deflate", "zstd;q=0, gzip;q=0"):
        assert encode_body(BODY, nothing) == (BODY, "")
    small = BODY[:4096]
    assert encode_body(small, "zstd, gzip") == (small, "")  # not worth it
    assert encode_body(BODY[:4097], "zstd, gzip")[1] == "zstd"
    assert encode_body(BODY, "zstd", min_size=len(BODY)) == (BODY, "")

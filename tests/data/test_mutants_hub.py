"""Tests that kill the mutants of the hub's door (data/sync/hub/app.py) that survived
`make mutation` (docs/mutation.md): every refusal with its status, code, Dutch sentence and
headers, each bound at and just past its limit, and the exact shape of the answers.

The hub runs over a small fake event log, so that the door itself is what is tested (the
storage has tests of its own, tests/data/sync/test_hub_api.py)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from data.sync import wire
from data.sync.hub import app as hub_app
from data.sync.hub.app import HubError, _push_batch
from data.sync.hub.storage import NodeAuth, PushOutcome
from tests.data.sync.conftest import ThreadHub

READER_WRITER = NodeAuth("vnog", frozenset({"LIVE", "OEF-1"}), frozenset({"LIVE"}))


class FakeAuth:
    def __init__(self) -> None:
        self.touched: list[tuple[Any, ...]] = []

    def authenticate(self, token: str) -> NodeAuth | None:
        return READER_WRITER if token == "geheim" else None

    def touch(self, node: str, world: str, pushed: int = 0, pulled: int = 0,
              force: bool = False) -> None:
        self.touched.append((node, world, pulled))

    def nodes(self, world: str) -> list[dict[str, Any]]:
        return [{"node": "vnog", "can_write": True, "last_seen": None, "last_push_at": None,
                 "last_pull_at": "2026-01-01T10:00:00Z", "pushed": 1, "pulled": 2,
                 "revoked": False}]


class FakeLog:
    kind = "nep"
    hub_id = "hub-123"

    def __init__(self) -> None:
        self.auth = FakeAuth()
        self.served: list[str] | None = None
        self.pushed: list[tuple[Any, ...]] = []
        self.outcome = PushOutcome()
        self.page: tuple[list[str], int, bool] = (['{"id":"a"}', '{"id":"b"}'], 9, True)
        self.pulled: list[tuple[str, int, int]] = []

    def worlds(self) -> list[str] | None:
        return self.served

    def push(self, world: str, node: str, items: Any, lines: Any = None) -> PushOutcome:
        self.pushed.append((world, node, items, lines))
        return self.outcome

    def pull(self, world: str, after: int, limit: int) -> tuple[list[str], int, bool]:
        self.pulled.append((world, after, limit))
        return self.page

    def heads(self, world: str) -> dict[str, int]:
        return {"vnog": 3}

    def counts(self, world: str) -> dict[str, Any]:
        return {"events": 3, "cursor": 7}

    def head_hashes(self, world: str) -> dict[str, str]:
        return {}

    def hash_at(self, world: str, origin: str, seq: int) -> str | None:
        return None

    def latest(self, world: str) -> int:
        return 7

    def forks(self, world: str) -> list[dict[str, Any]]:
        return []

    def close(self) -> None:
        pass


@pytest.fixture
def hub() -> Iterator[tuple[str, FakeLog]]:
    """A hub of its own per test: mutmut maps a test to the functions it runs, and
    create_app runs when the hub starts (a shared hub would tie it to one test only)."""
    log = FakeLog()
    h = ThreadHub(log)
    yield h.url, log
    h.stop()


AUTH = {"Authorization": "Bearer geheim"}


def error(r: requests.Response) -> tuple[int, str, str]:
    body = r.json()
    assert set(body) == {"code", "detail"}
    return r.status_code, body["code"], body["detail"]


# ------------------------------------------------------------------ who and which world


@pytest.mark.parametrize("header", [None, "", "Basic geheim", "Bearer", "Bearer    ",
                                    "geheim"])
def test_door_no_token(hub, header):
    url, _ = hub
    r = requests.get(url + "/v1/me", headers={} if header is None else
                     {"Authorization": header}, timeout=10)
    assert error(r) == (401, "geen_token", "geen token meegestuurd: stuur 'Authorization: "
                        "Bearer <token>' (een token krijgt u met 'crisisbeeld hub enroll')")
    assert r.headers["WWW-Authenticate"] == "Bearer"


def test_door_unknown_token(hub):
    url, _ = hub
    r = requests.get(url + "/v1/me", headers={"Authorization": "Bearer fout"}, timeout=10)
    assert error(r) == (401, "token_onbekend",
                        "token onbekend of ingetrokken: laat deze node opnieuw aanmelden")
    assert r.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


@pytest.mark.parametrize("header", ["Bearer geheim", "bearer geheim", "BEARER geheim",
                                    "Bearer  geheim  "])
def test_door_the_scheme_is_read_case_blind_and_the_token_stripped(hub, header):
    url, _ = hub
    r = requests.get(url + "/v1/me", headers={"Authorization": header}, timeout=10)
    assert r.status_code == 200
    assert r.json() == {"node": "vnog", "read": ["LIVE", "OEF-1"], "write": ["LIVE"]}


def test_door_health_needs_no_token(hub):
    url, log = hub
    log.served = ["LIVE"]
    assert requests.get(url + "/v1/health", timeout=10).json() == {
        "status": "ok", "protocol": wire.PROTOCOL, "hub_id": "hub-123", "storage": "nep",
        "worlds": ["LIVE"], "encodings": ["zstd", "gzip"], "features": ["wait", "roster"]}


def test_door_world_checks_in_order(hub):
    url, log = hub
    get = lambda world: requests.get(f"{url}/v1/worlds/{world}/heads", headers=AUTH,  # noqa: E731
                                      timeout=10)
    assert error(get("ZOMAAR")) == (400, "ongeldige_wereld",
                                    "wereld 'ZOMAAR' bestaat niet: gebruik LIVE of OEF-…")
    assert error(get("OEF-2")) == (403, "wereld_verboden",
                                   "node vnog mag wereld OEF-2 niet lezen of schrijven")
    log.served = ["LIVE", "OEF-9"]
    assert error(get("OEF-1")) == (403, "wereld_niet_bediend",
                                   "deze hub bedient alleen wereld LIVE, OEF-9, niet OEF-1")
    assert get("LIVE").json() == {"world": "LIVE", "heads": {"vnog": 3}, "hashes": {},
                                  "checked": None}
    log.served = None
    assert get("OEF-1").status_code == 200  # reading a world read-only is fine


def test_door_writing_needs_the_write_right(hub):
    url, log = hub
    r = requests.post(f"{url}/v1/worlds/OEF-1/events", headers=AUTH, data=b"x", timeout=10)
    assert error(r) == (403, "alleen_lezen",
                        "node vnog mag in wereld OEF-1 alleen lezen, niet schrijven")
    assert log.pushed == []


# ------------------------------------------------------------------ push over HTTP


def test_door_a_push_answers_per_event(hub):
    url, log = hub
    log.outcome = PushOutcome([("a", "accepted", "", False), ("b", "duplicate", "", False),
                               ("c", "rejected", "keten van vnog onderbroken; later opnieuw",
                                True),
                               ("d", "rejected", "handtekening ongeldig", False)], 4, 5)
    r = requests.post(f"{url}/v1/worlds/LIVE/events", headers=AUTH,
                      data=json.dumps({"events": [{"x": 1}]}).encode(), timeout=10)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.content == (
        b'{"accepted":1,"duplicates":1,"rejected":2,"cursor_before":4,"cursor_after":5,'
        b'"results":[{"id":"a","status":"accepted"},{"id":"b","status":"duplicate"},'
        b'{"id":"c","status":"rejected","reason":"keten van vnog onderbroken; later opnieuw",'
        b'"retry":true},{"id":"d","status":"rejected","reason":"handtekening ongeldig",'
        b'"retry":false}]}')
    assert log.pushed == [("LIVE", "vnog", [{"x": 1}], None)]


def test_door_push_body_bounds(hub):
    url, log = hub
    limit = wire.MAX_BODY_BYTES
    post = lambda data: requests.post(f"{url}/v1/worlds/LIVE/events",  # noqa: E731
                                      headers=AUTH, data=data, timeout=60)
    assert error(post(b" " * (limit + 1))) == (
        413, "te_groot", f"batch te groot ({limit + 1} bytes; hoogstens {limit} gecomprimeerd)")
    # exactly the limit passes the size checks (and is then an empty batch)
    assert error(post(b" " * limit))[:2] == (400, "onleesbaar")

    def chunks(n: int) -> Iterator[bytes]:  # no Content-Length: counted while read
        block = b" " * (1 << 20)
        for _ in range(n // len(block)):
            yield block
        yield b" " * (n % len(block))

    assert error(post(chunks(limit + 1))) == (
        413, "te_groot", f"batch te groot (meer dan {limit} bytes gecomprimeerd)")
    assert error(post(chunks(limit)))[:2] == (400, "onleesbaar")
    assert log.pushed == []


# ------------------------------------------------------------------ pull, heads, status


def test_door_pull_page_and_headers(hub):
    url, log = hub
    r = requests.get(f"{url}/v1/worlds/LIVE/events?after=3&limit=2", headers=AUTH,
                     timeout=10)
    assert r.status_code == 200
    assert r.content == b'{"events":[{"id":"a"},{"id":"b"}],"next":9,"more":true}'
    assert r.headers[wire.NEXT_HEADER] == "9" and r.headers[wire.MORE_HEADER] == "1"
    assert r.headers["Vary"] == "Accept-Encoding" and "Content-Encoding" not in r.headers
    assert log.pulled == [("LIVE", 3, 2)]
    assert log.auth.touched == [("vnog", "LIVE", 2)]
    log.page = ([], 9, False)
    r = requests.get(f"{url}/v1/worlds/LIVE/events", headers=AUTH, timeout=10)
    assert r.content == b'{"events":[],"next":9,"more":false}'
    assert r.headers[wire.MORE_HEADER] == "0"
    assert log.pulled[-1] == ("LIVE", 0, 5000)  # the defaults


def test_door_a_big_page_is_compressed_as_asked(hub):
    url, log = hub
    log.page = ([json.dumps({"id": "x" * 30, "n": i}) for i in range(400)], 400, False)
    r = requests.get(f"{url}/v1/worlds/LIVE/events", timeout=10,
                     headers={**AUTH, "Accept-Encoding": "gzip"})
    assert r.headers["Content-Encoding"] == "gzip"
    assert len(r.json()["events"]) == 400


@pytest.mark.parametrize(("query", "field"), [("limit=0", "limit"), ("after=-1", "after"),
                                              (f"limit={wire.MAX_PULL_LIMIT + 1}", "limit")])
def test_door_pull_bounds(hub, query, field):
    url, log = hub
    r = requests.get(f"{url}/v1/worlds/LIVE/events?{query}", headers=AUTH, timeout=10)
    status, code, detail = error(r)
    assert (status, code) == (422, "ongeldig_verzoek")
    assert detail.startswith(f"ongeldig verzoek: '{field}' ")
    assert log.pulled == []


def test_door_pull_limit_at_its_bound(hub):
    url, log = hub
    r = requests.get(f"{url}/v1/worlds/LIVE/events?limit={wire.MAX_PULL_LIMIT}", headers=AUTH,
                     timeout=10)
    assert r.status_code == 200 and log.pulled == [("LIVE", 0, wire.MAX_PULL_LIMIT)]


def test_door_status(hub):
    url, log = hub
    r = requests.get(f"{url}/v1/worlds/LIVE/status", headers=AUTH, timeout=10)
    assert r.json() == {"world": "LIVE", "events": 3, "cursor": 7, "origins": {"vnog": 3},
                        "nodes": [{"node": "vnog", "can_write": True, "last_seen": None,
                                   "last_push_at": None,
                                   "last_pull_at": "2026-01-01T10:00:00Z", "pushed": 1,
                                   "pulled": 2, "revoked": False}], "forks": []}
    assert log.auth.touched == [("vnog", "LIVE", 0)]


def test_door_unknown_paths_and_methods(hub):
    url, _ = hub
    assert error(requests.get(url + "/v2/niets", timeout=10)) == (
        404, "http_404", "onbekend adres; zie /docs")
    assert error(requests.delete(url + "/v1/health", timeout=10)) == (
        405, "http_405", "deze methode kan hier niet")


# ------------------------------------------------------------------ the batch itself


def push_batch(raw: bytes, encoding: str = "", ctype: str = "application/json",
               log: FakeLog | None = None) -> Any:
    return json.loads(_push_batch(log or FakeLog(), "LIVE", "vnog", raw, encoding, ctype))


def refusal(raw: bytes, encoding: str = "", ctype: str = "application/json"
            ) -> tuple[int, str, str]:
    with pytest.raises(HubError) as e:
        _push_batch(FakeLog(), "LIVE", "vnog", raw, encoding, ctype)
    return e.value.status, e.value.code, e.value.detail


EMPTY = json.dumps({"events": []}).encode()


@pytest.mark.parametrize(("encoding", "body"), [
    ("", EMPTY), ("identity", EMPTY), (" Identity ", EMPTY), ("gzip", gzip.compress(EMPTY)),
    ("x-gzip", gzip.compress(EMPTY)), ("GZIP", gzip.compress(EMPTY)),
    ("zstd", wire.zstd_bytes(EMPTY)),
])
def test_door_encodings_read(encoding, body):
    assert push_batch(body, encoding) == {"accepted": 0, "duplicates": 0, "rejected": 0,
                                          "results": []}


def test_door_an_encoding_not_read():
    assert refusal(EMPTY, "br") == (
        415, "codering", "Content-Encoding 'br' wordt niet gelezen; gebruik zstd of gzip")


def test_door_damaged_and_too_big_compressed_bodies(monkeypatch):
    status, code, detail = refusal(b"\x1f\x8bkapot", "gzip")
    assert (status, code) == (400, "onleesbaar") and detail.startswith(
        "batch onleesbaar: geen geldige gzip")
    monkeypatch.setattr(hub_app, "MAX_INFLATED_BYTES", 100)
    assert refusal(gzip.compress(b" " * 101), "gzip") == (
        413, "te_groot", "batch te groot: uitgepakt groter dan 0 MiB")
    assert push_batch(gzip.compress(EMPTY + b" " * (100 - len(EMPTY))), "gzip")["results"] == []


def test_door_empty_and_not_utf8():
    assert refusal(b"") == (400, "leeg", 'lege batch: stuur {"events": [...]}')
    status, code, detail = refusal(b"\xff\xfe")
    assert (status, code) == (400, "onleesbaar")
    assert detail == ("batch is geen UTF-8: 'utf-8' codec can't decode byte 0xff in position 0: "
                      "invalid start byte")
    for magic in (gzip.compress(b"x\xff"), wire.zstd_bytes(b"\xff" * 10)):
        assert magic[:1] in (b"\x1f", b"\x28")
        detail = refusal(magic + b"\xff")[2]
        assert detail.endswith(" (gecomprimeerd? zet Content-Encoding: zstd of gzip)"), detail


def test_door_json_body_shape():
    status, code, detail = refusal(b"{nee")
    assert (status, code) == (400, "onleesbaar")
    assert detail.startswith("batch is geen geldige JSON: ")
    for doc in ([], {"events": {}}, {"andere": []}, "x"):
        assert refusal(json.dumps(doc).encode()) == (
            400, "onleesbaar", 'batch moet een object {"events": [...]} zijn')


def test_door_batch_size_bound(monkeypatch):
    monkeypatch.setattr(hub_app, "MAX_BATCH_EVENTS", 3)
    log = FakeLog()
    push_batch(json.dumps({"events": [1, 2, 3]}).encode(), log=log)
    assert log.pushed[0][2] == [1, 2, 3]
    assert refusal(json.dumps({"events": [1, 2, 3, 4]}).encode()) == (
        413, "te_veel", "te veel gebeurtenissen in één batch (4; hoogstens 3)")
    push_batch(b"1\n2\n3\n", ctype="application/x-ndjson")
    # NDJSON lines are counted while unpacking, before anything is parsed
    assert refusal(b"1\n2\n3\n4\n", ctype="application/x-ndjson") == (
        413, "te_veel", "te veel gebeurtenissen in één batch: meer dan 3 regels "
                        "(gebeurtenissen)")


def test_door_batch_complexity_bound(monkeypatch):
    """Counted while the body inflates: more JSON values than the hub's bound is refused with
    its own words, whatever the number of events (one deep event, or a nest of brackets)."""
    monkeypatch.setattr(hub_app, "MAX_BATCH_TOKENS", 10)
    push_batch(json.dumps({"events": [[1, 2, 3]]}).encode())  # within the bound
    said = (413, "te_complex", "batch te bewerkelijk: meer dan 10 JSON-waarden; stuur minder "
                               "gebeurtenissen per batch")
    assert refusal(json.dumps({"events": [list(range(11))]}).encode()) == said
    assert refusal(b"[" * 5000 + b"]" * 5000) == said


def test_door_a_batch_nested_too_deep_is_refused_in_words():
    """A bracket nest within the value bound but deeper than the JSON reader goes."""
    body = b'{"events": [' + b"[" * 5000 + b"]" * 5000 + b"]}"
    assert refusal(body) == (400, "te_diep", f"batch te diep genest (hoogstens "
                                             f"{hub_app.MAX_DEPTH} niveaus)")


@pytest.mark.parametrize(("kind", "look"), [("sqlite", "LOOK_EVERY_S"),
                                            ("postgresql", "LOOK_SAFETY_S")])
def test_door_waiters_look_at_the_log_often_unless_notify_wakes_them(monkeypatch, kind, look):
    """Without LISTEN/NOTIFY (SQLite) the waiters look at the log often; on PostgreSQL the
    look is only a safety net beside the notices."""
    from data.sync.hub import news

    monkeypatch.delenv(news.LOOK_ENV, raising=False)
    log = FakeLog()
    log.kind = kind
    assert hub_app.create_app(log).state.news.look_every == getattr(news, look)
    assert news.LOOK_EVERY_S < news.LOOK_SAFETY_S


@pytest.mark.parametrize("ctype", ["application/x-ndjson", "Application/X-NDJSON; charset=utf-8"])
def test_door_ndjson_lines_are_kept_and_a_bad_line_is_one_refusal(ctype):
    log = FakeLog()
    push_batch(b'{"a":1}\n\n  \n{"b":[2]}\n', ctype=ctype, log=log)
    assert log.pushed == [("LIVE", "vnog", [{"a": 1}, {"b": [2]}], ['{"a":1}', '{"b":[2]}'])]
    log = FakeLog()
    push_batch(b'{"a":1}\n{kapot\n3\n', ctype=ctype, log=log)
    assert log.pushed == [("LIVE", "vnog", [{"a": 1}, None, 3], ['{"a":1}', "{kapot", "3"])]


def test_door_the_cursor_span_needs_both_ends():
    log = FakeLog()
    log.outcome = PushOutcome([("a", "accepted", "", False)], None, 5)
    assert "cursor_before" not in push_batch(EMPTY, log=log)
    log.outcome = PushOutcome([("a", "accepted", "", False)], 5, None)
    assert "cursor_after" not in push_batch(EMPTY, log=log)
    log.outcome = PushOutcome([("a", "accepted", "", False)], 0, 1)
    out = push_batch(EMPTY, log=log)
    assert (out["cursor_before"], out["cursor_after"]) == (0, 1)


def test_door_reasons_stay_readable_utf8():
    log = FakeLog()
    log.outcome = PushOutcome([("é", "rejected", "één ‘fout’", False)])
    raw = _push_batch(log, "LIVE", "vnog", EMPTY, "", "application/json")
    assert '"reason":"één ‘fout’"'.encode() in raw and b'"id":"\xc3\xa9"' in raw


def test_door_a_hub_error_reads_as_its_sentence():
    e = HubError(400, "code", "een zin", {"X": "1"})
    assert str(e) == "een zin" and (e.status, e.code, e.detail, e.headers) == (
        400, "code", "een zin", {"X": "1"})
    assert HubError(401, "c", "d").headers is None


def test_door_the_app_describes_itself_and_keeps_its_lifespan():
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_app):
        yield

    import asyncio

    ran: list[str] = []

    @asynccontextmanager
    async def kept(_app):
        ran.append("in")
        yield
        ran.append("uit")

    app = hub_app.create_app(FakeLog(), lifespan=kept)

    async def run_lifespan() -> None:
        async with app.router.lifespan_context(app):
            assert ran == ["in"]

    asyncio.run(run_lifespan())
    assert ran == ["in", "uit"]  # the caller's lifespan runs inside the hub's own
    info = app.openapi()["info"]
    assert info == {"title": "Crisisbeeld hub", "version": f"{wire.PROTOCOL}.0",
                    "description": "Sync van het gedeelde crisisbeeld: push, pull, status."}


def test_door_the_token_is_what_follows_the_first_space(hub):
    url, _ = hub
    r = requests.get(url + "/v1/me", headers={"Authorization": "Bearer geheim extra"},
                     timeout=10)
    assert error(r)[:2] == (401, "token_onbekend")


# ------------------------------------------------ the hub's words for a refused request

@pytest.mark.parametrize(("err", "said"), [
    ({"type": "missing", "loc": ("query", "after")}, "'after' ontbreekt"),
    ({"type": "int_parsing", "loc": ("query", "limit")}, "'limit' moet een geheel getal zijn"),
    ({"type": "int_from_float", "loc": ("query", "limit")}, "'limit' moet een geheel getal zijn"),
    ({"type": "greater_than_equal", "loc": ("query", "after"), "ctx": {"ge": 0}},
     "'after' moet minstens 0 zijn"),
    ({"type": "greater_than", "loc": ("query", "x"), "ctx": {"gt": 1}},
     "'x' moet groter dan 1 zijn"),
    ({"type": "less_than_equal", "loc": ("query", "limit"), "ctx": {"le": 50000}},
     "'limit' mag hoogstens 50000 zijn"),
    ({"type": "less_than", "loc": ("query", "x"), "ctx": {"lt": 9}},
     "'x' moet kleiner dan 9 zijn"),
    ({"type": "string_type", "loc": ("body", "events", 0)}, "'events.0' moet tekst zijn"),
    ({"type": "json_invalid", "loc": ("body",)}, "'verzoek' is geen geldige JSON"),
    ({"type": "iets_nieuws", "loc": ("path", "world")}, "'world' heeft een ongeldige waarde"),
    ({"type": "missing", "loc": ("header", "x-a", "b")}, "'x-a.b' ontbreekt"),
    ({"type": "missing"}, "'verzoek' ontbreekt"),
    # a message whose figure is missing from the context still reads as a sentence
    ({"type": "greater_than_equal", "loc": ("query", "after")},
     "'after' heeft een ongeldige waarde"),
    ({"type": "greater_than_equal", "loc": ("query", "after"), "ctx": None},
     "'after' heeft een ongeldige waarde"),
])
def test_refusal_words_for_every_kind_of_bad_field(err: dict[str, Any], said: str) -> None:
    assert hub_app._dutch(err) == said  # noqa: SLF001


def test_disk_full_is_read_from_the_error_and_whatever_caused_it() -> None:
    import errno
    import sqlite3

    assert hub_app.disk_full(OSError(errno.ENOSPC, "vol"))
    assert hub_app.disk_full(OSError(errno.EDQUOT, "quotum"))
    assert not hub_app.disk_full(OSError(errno.EACCES, "geen toegang"))
    assert hub_app.disk_full(sqlite3.OperationalError("database or disk is full"))
    assert hub_app.disk_full(sqlite3.OperationalError("Disk FULL"))
    assert not hub_app.disk_full(sqlite3.OperationalError("database is locked"))
    assert not hub_app.disk_full(sqlite3.DatabaseError("database or disk is full"))

    class Pg(Exception):
        def __init__(self, state: str, attr: str = "sqlstate") -> None:
            super().__init__("pg")
            setattr(self, attr, state)

    assert hub_app.disk_full(Pg("53100"))
    assert hub_app.disk_full(Pg("53100", "pgcode"))
    assert not hub_app.disk_full(Pg("53200"))

    class Wrapped(Exception):  # SQLAlchemy keeps the driver's error as .orig
        def __init__(self, orig: BaseException | None) -> None:
            super().__init__("wrapped")
            self.orig = orig

    assert hub_app.disk_full(Wrapped(OSError(errno.ENOSPC, "vol")))
    assert not hub_app.disk_full(Wrapped(None))
    try:
        raise RuntimeError("schrijven mislukt") from OSError(errno.ENOSPC, "vol")
    except RuntimeError as e:
        assert hub_app.disk_full(e)  # the cause
    try:
        try:
            raise OSError(errno.EDQUOT, "quotum")
        except OSError:
            raise ValueError("daarna") from None
    except ValueError as e:
        assert e.__suppress_context__ and hub_app.disk_full(e)  # the context still says it
    a, b = RuntimeError("a"), RuntimeError("b")
    a.__cause__, b.__cause__ = b, a  # a cycle ends, without an answer
    assert not hub_app.disk_full(a)
    assert not hub_app.disk_full(ValueError("iets anders"))

"""The hub API over HTTP (a real uvicorn in a thread): results per event, auth, rights, bad
input. (Starlette's HubHttp warns about httpx, and warnings are errors here.)"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from data.store.envelope import canonical_json
from data.sync.hub.storage import SqlEventLog
from data.sync.wire import gzip_bytes
from tests.data.sync.factory import fill


class HubHttp:
    """requests against the hub's base URL, shaped like a test client."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.s = requests.Session()

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.s.get(self.base + path, timeout=30, **kw)

    def post(self, path: str, content: bytes = b"", **kw: Any) -> requests.Response:
        return self.s.post(self.base + path, data=content, timeout=30, **kw)


@pytest.fixture
def hub(sql_hub) -> Iterator[tuple[HubHttp, SqlEventLog]]:
    c = HubHttp(sql_hub.url)
    yield c, sql_hub.log
    c.s.close()


def wire(st: Any) -> list[dict[str, Any]]:
    return [e.to_wire() for e in st.iter_events()]


def H(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def push(c: HubHttp, token: str, events: list[Any], world: str = "LIVE",
         raw: bytes | None = None, **headers: str) -> Any:
    body = raw if raw is not None else gzip_bytes(json.dumps({"events": events}).encode())
    hdr = {"Content-Encoding": "gzip", "Content-Type": "application/json", **H(token), **headers}
    return c.post(f"/v1/worlds/{world}/events", content=body, headers=hdr)


def count(log: SqlEventLog) -> int:
    return int(log.counts("LIVE")["events"])


def test_health_needs_no_token_and_names_the_hub(hub):
    c, log = hub
    r = c.get("/v1/health")
    assert r.status_code == 200
    assert r.json()["hub_id"] == log.hub_id and r.json()["status"] == "ok"
    assert c.get("/openapi.json").json()["paths"]["/v1/worlds/{world}/events"]


def test_push_pull_results_per_event(hub, store_factory):
    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    st = store_factory("vnog")
    fill(st, 40, seed=1)
    evs = wire(st)
    r = push(c, tok, evs)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["accepted"] == len(evs) and body["rejected"] == 0
    assert [x["id"] for x in body["results"]] == [e["id"] for e in evs]
    # again: all duplicates, nothing new stored
    body = push(c, tok, evs).json()
    assert body["duplicates"] == len(evs) and count(log) == len(evs)
    # pull in pages, in arrival order, cursor = arrival counter
    got, after = [], 0
    while True:
        page = c.get("/v1/worlds/LIVE/events", params={"after": after, "limit": 7},
                     headers=H(tok)).json()
        got += page["events"]
        after = page["next"]
        if not page["more"]:
            break
    assert [canonical_json(e) for e in got] == [canonical_json(e) for e in evs]
    assert c.get("/v1/worlds/LIVE/heads", headers=H(tok)).json()["heads"] == {"vnog": len(evs)}
    status = c.get("/v1/worlds/LIVE/status", headers=H(tok)).json()
    assert status["events"] == len(evs)
    assert status["nodes"][0]["node"] == "vnog" and status["nodes"][0]["pushed"] == len(evs)


def test_relay_of_other_origins_is_accepted(hub, store_factory):
    c, log = hub
    relay = log.auth.enroll("kcr2", ["LIVE"])
    st = store_factory("vnog")
    fill(st, 10)
    assert push(c, relay, wire(st)).json()["accepted"] == 11


def test_gap_forgery_and_bad_payload_are_rejected_with_reasons(hub, store_factory):
    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    st = store_factory("vnog")
    fill(st, 10)
    evs = wire(st)
    body = push(c, tok, evs[:2] + evs[3:]).json()  # seq 3 missing
    assert body["accepted"] == 2 and body["rejected"] == len(evs) - 3
    first = body["results"][2]
    assert first["status"] == "rejected" and "voorganger" in first["reason"] and first["retry"]
    # forged: a changed payload breaks the signature / chain; never retry
    forged = dict(evs[2], payload={**evs[2]["payload"], "text": "vervalst"})
    res = push(c, tok, [forged]).json()["results"][0]
    assert res["status"] == "rejected" and res["retry"] is False
    bad = dict(evs[2], type="bestaat.niet")
    res = push(c, tok, [bad]).json()["results"][0]
    assert "onbekend type" in res["reason"]
    other = dict(evs[2], world="OEF-1")
    res = push(c, tok, [other]).json()["results"][0]
    assert "andere wereld" in res["reason"]
    assert count(log) == 2
    assert push(c, tok, evs).json()["accepted"] == len(evs) - 2


@pytest.mark.parametrize("headers, code", [
    ({}, "geen_token"),
    ({"Authorization": "Bearer verkeerd"}, "token_onbekend"),
    ({"Authorization": "Basic abc"}, "geen_token"),
])
def test_missing_or_wrong_token_is_401(hub, store_factory, headers, code):
    c, log = hub
    log.auth.enroll("vnog", ["LIVE"])
    st = store_factory("vnog")
    r = c.post("/v1/worlds/LIVE/events", content=gzip_bytes(
        json.dumps({"events": wire(st)}).encode()),
        headers={"Content-Encoding": "gzip", **headers})
    assert r.status_code == 401 and r.json()["code"] == code
    assert "token" in r.json()["detail"] and r.headers["www-authenticate"].startswith("Bearer")
    for path in ("/v1/worlds/LIVE/events", "/v1/worlds/LIVE/heads", "/v1/worlds/LIVE/status",
                 "/v1/me"):
        assert c.get(path, headers=headers).status_code == 401
    assert count(log) == 0


def test_revoked_token_is_refused(hub):
    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    assert c.get("/v1/me", headers=H(tok)).json()["node"] == "vnog"
    log.auth.revoke("vnog")
    assert c.get("/v1/me", headers=H(tok)).status_code == 401


def test_other_world_and_read_only_world_are_403(hub, store_factory):
    c, log = hub
    tok = log.auth.enroll("vnog", ["OEF-2026-01"], ["LIVE"])
    st = store_factory("vnog")
    r = push(c, tok, wire(st))
    assert r.status_code == 403 and r.json()["code"] == "alleen_lezen"
    assert "alleen lezen" in r.json()["detail"]
    assert c.get("/v1/worlds/LIVE/events", headers=H(tok)).status_code == 200
    r = c.get("/v1/worlds/OEF-2099-9/events", headers=H(tok))
    assert r.status_code == 403 and r.json()["code"] == "wereld_verboden"
    r = push(c, tok, wire(st), world="OEF-2099-9")
    assert r.status_code == 403
    r = c.get("/v1/worlds/GEEN/events", headers=H(tok))
    assert r.status_code == 400 and "LIVE" in r.json()["detail"]
    assert count(log) == 0


def test_malformed_batches_are_400_and_store_nothing(hub):
    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    cases = [
        gzip_bytes(b"{niet json"),
        gzip_bytes(b"[1, 2]"),
        gzip_bytes(b'{"events": 5}'),
        b"\x1f\x8b\x08\x00kapot",
        gzip_bytes(b'{"events": []}')[:-6],
        gzip_bytes(b""),
    ]
    for raw in cases:
        r = push(c, tok, [], raw=raw)
        assert r.status_code == 400, (raw, r.text)
        assert r.json()["code"] in ("onleesbaar", "leeg") and r.json()["detail"]
    # uncompressed gzip-looking body without the header gets a hint
    r = c.post("/v1/worlds/LIVE/events", content=gzip_bytes(b'{"events":[]}'), headers=H(tok))
    assert r.status_code == 400 and "Content-Encoding" in r.json()["detail"]
    # items that are not events: rejected one by one with a reason
    body = push(c, tok, [1, {"id": "x"}, None]).json()
    assert body["rejected"] == 3, body
    assert all("onleesbare" in x["reason"] for x in body["results"]), body
    r = c.get("/v1/worlds/LIVE/events", params={"after": -1}, headers=H(tok))
    assert r.status_code == 422 and r.json()["code"] == "ongeldig_verzoek"
    assert count(log) == 0


def test_oversized_batches_are_413_and_store_nothing(hub, store_factory, monkeypatch):
    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    import data.sync.hub.app as app_mod

    monkeypatch.setattr(app_mod, "MAX_BODY_BYTES", 20_000)
    monkeypatch.setattr(app_mod, "MAX_INFLATED_BYTES", 50_000)
    monkeypatch.setattr(app_mod, "MAX_BATCH_EVENTS", 5)
    st = store_factory("vnog")
    fill(st, 10)
    r = push(c, tok, wire(st))
    assert r.status_code == 413 and r.json()["code"] == "te_veel"
    bomb = gzip.compress(b'{"events":[' + b" " * 2_000_000 + b"]}", 9)
    assert len(bomb) < 20_000
    r = push(c, tok, [], raw=bomb)
    assert r.status_code == 413 and "groot" in r.json()["detail"]
    r = push(c, tok, [], raw=b"x" * 30_000)
    assert r.status_code == 413
    assert count(log) == 0


def test_a_signed_event_reusing_a_known_id_is_not_stored_twice(hub, store_factory, monkeypatch):
    """New events (above their origin's head) skip the id lookup; one that reuses a known id
    trips the unique index, and the batch is redone with every id looked up."""
    c, log = hub
    tok = log.auth.enroll("kcr2", ["LIVE"])
    a = store_factory("vnog")
    fill(a, 5)
    first = wire(a)
    assert push(c, tok, first).json()["accepted"] == 6
    import data.store.store as store_mod

    b = store_factory("vrbzo")
    reused = iter([None, first[3]["id"]])  # the new incident's id, then its event's id
    real = store_mod.uuid7
    monkeypatch.setattr(store_mod, "uuid7", lambda: next(reused, None) or real())
    fill(b, 1)
    monkeypatch.setattr(store_mod, "uuid7", real)
    evs = wire(b)
    assert evs[1]["id"] == first[3]["id"]
    r = push(c, tok, evs)
    assert r.status_code == 200, r.text
    st = {x["id"]: x["status"] for x in r.json()["results"]}
    assert st[evs[0]["id"]] == "accepted" and st[first[3]["id"]] == "duplicate"
    assert count(log) == 7


# ---------------------------------------------------------------- content encodings


def test_health_lists_the_encodings_a_push_may_use(hub):
    from data.sync.wire import ENCODINGS

    c, _ = hub
    got = c.get("/v1/health").json()["encodings"]
    assert got == list(ENCODINGS) and got[0] == "zstd" and "gzip" in got


@pytest.mark.parametrize("ctype", ["application/json", "application/x-ndjson"])
def test_a_zstd_push_is_accepted(hub, store_factory, ctype):
    from data.sync.wire import ndjson_body, zstd_bytes

    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    st = store_factory("vnog")
    fill(st, 30, seed=2)
    evs = wire(st)
    raw = (ndjson_body([canonical_json(e) for e in evs]) if "ndjson" in ctype
           else json.dumps({"events": evs}).encode())
    r = push(c, tok, [], raw=zstd_bytes(raw), **{"Content-Encoding": "zstd",
                                                 "Content-Type": ctype})
    assert r.status_code == 200, r.text
    assert r.json()["accepted"] == len(evs) and count(log) == len(evs)


def test_a_damaged_or_oversized_zstd_push_stores_nothing(hub, store_factory, monkeypatch):
    import data.sync.hub.app as app_mod
    from data.sync.wire import zstd_bytes

    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    st = store_factory("vnog")
    fill(st, 10)
    packed = zstd_bytes(json.dumps({"events": wire(st)}).encode())
    zstd = {"Content-Encoding": "zstd"}
    for raw in (packed[:-4], packed + b"rommel", b"geen zstd"):
        r = push(c, tok, [], raw=raw, **zstd)
        assert r.status_code == 400 and r.json()["code"] == "onleesbaar", r.text
    # zstd sent without saying so: a hint
    r = push(c, tok, [], raw=packed, **{"Content-Encoding": ""})
    assert r.status_code == 400 and "Content-Encoding: zstd" in r.json()["detail"]
    monkeypatch.setattr(app_mod, "MAX_INFLATED_BYTES", 50_000)
    bomb = zstd_bytes(b'{"events":[' + b" " * 2_000_000 + b"]}")
    r = push(c, tok, [], raw=bomb, **zstd)
    assert r.status_code == 413 and r.json()["code"] == "te_groot"
    assert count(log) == 0


@pytest.mark.parametrize("coding", ["br", "deflate", "zst", "gzip, zstd"])
def test_an_unknown_content_encoding_is_415(hub, store_factory, coding):
    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    st = store_factory("vnog")
    fill(st, 5)
    r = push(c, tok, wire(st), **{"Content-Encoding": coding})
    assert r.status_code == 415, r.text
    assert r.json()["code"] == "codering" and "zstd" in r.json()["detail"]
    assert count(log) == 0
    assert "415" in c.get("/openapi.json").json()["paths"]["/v1/worlds/{world}/events"][
        "post"]["responses"]


def test_pull_pages_in_the_coding_asked_for_with_next_and_more_headers(hub, store_factory):
    from data.sync.wire import MORE_HEADER, NEXT_HEADER, gunzip_limited, unzstd_limited

    c, log = hub
    tok = log.auth.enroll("vnog", ["LIVE"])
    st = store_factory("vnog")
    fill(st, 60, seed=4)
    evs = wire(st)
    assert push(c, tok, evs).json()["accepted"] == 61
    unpack = {"zstd": unzstd_limited, "gzip": gunzip_limited, "": lambda b: b}

    def page(after: int, limit: int, accept: str) -> tuple[dict[str, Any], str]:
        r = c.get("/v1/worlds/LIVE/events", params={"after": after, "limit": limit},
                  headers={**H(tok), "Accept-Encoding": accept}, stream=True)
        assert r.status_code == 200
        coding = r.headers.get("Content-Encoding", "")
        body = json.loads(unpack[coding](r.raw.read(decode_content=False)))
        assert r.headers[NEXT_HEADER] == str(body["next"])
        assert r.headers[MORE_HEADER] == ("1" if body["more"] else "0")
        assert "Accept-Encoding" in r.headers["Vary"]
        return body, coding

    for accept, want in (("zstd", "zstd"), ("gzip, deflate, zstd", "zstd"), ("gzip", "gzip"),
                         ("zstd;q=0, gzip", "gzip"), ("identity", ""), ("br", "")):
        got, after, codings = [], 0, []
        while True:
            body, coding = page(after, 25, accept)
            got += body["events"]
            codings.append(coding)
            if not body["more"]:
                break
            after = body["next"]
        assert [canonical_json(e) for e in got] == [canonical_json(e) for e in evs]
        assert codings[:2] == [want, want], accept  # pages of 25 events: well over 4096 bytes
        assert len(codings) == 3
    # a small page goes as it is, with the headers all the same
    body, coding = page(60, 25, "zstd")
    assert coding == "" and body["next"] == 61 and body["more"] is False
    body, coding = page(61, 25, "zstd")
    assert coding == "" and body["events"] == [] and body["next"] == 61

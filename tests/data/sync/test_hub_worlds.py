"""A hub that serves one world (a centre's own store, ``crisisbeeld serve``) refuses every
request for another world, even from a node whose grants include that world."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest
import requests

from data.sync.hub.store_log import StoreEventLog
from tests.data.helpers import incident, new, snapshot
from tests.data.sync.conftest import ThreadHub

OTHER = "OEF-2026-01"
REFUSAL = {"code": "wereld_niet_bediend",
           "detail": f"deze hub bedient alleen wereld LIVE, niet {OTHER}"}


@pytest.fixture
def live_hub(store_factory) -> Iterator[tuple[ThreadHub, StoreEventLog]]:
    centre = store_factory("vnog")
    new(centre, incident())
    log = StoreEventLog(centre)  # the centre's own store: it serves LIVE only
    hub = ThreadHub(log)
    yield hub, log
    hub.stop()
    log.close()


def test_a_request_for_a_world_the_hub_does_not_serve_is_refused(live_hub, store_factory):
    hub, log = live_hub
    assert log.worlds() == ["LIVE"]
    tok = hub.enroll("vrgz", worlds=("LIVE", OTHER))  # the node may write both worlds
    auth = {"Authorization": f"Bearer {tok}"}
    oef = store_factory("vrgz", OTHER)
    new(oef, incident("Oefenbrand"))
    body = gzip.compress(json.dumps({"events": [e.to_wire() for e in oef.iter_events()]})
                         .encode())
    before = snapshot(log.store)
    with requests.Session() as s:
        assert s.get(f"{hub.url}/v1/worlds/LIVE/heads", headers=auth,
                     timeout=30).status_code == 200
        for method, path in (("GET", "events"), ("GET", "heads"), ("GET", "status"),
                             ("POST", "events")):
            r = s.request(method, f"{hub.url}/v1/worlds/{OTHER}/{path}", timeout=30,
                          headers={**auth, "Content-Encoding": "gzip"} if method == "POST"
                          else auth, data=body if method == "POST" else None)
            assert (r.status_code, r.json()) == (403, REFUSAL), (method, path, r.text)
    assert snapshot(log.store) == before

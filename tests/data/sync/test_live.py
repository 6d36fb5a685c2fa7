"""Live propagation: a pull may wait at the hub for news, and the engine uses that, so a
change reaches another centre within a round trip instead of a polling interval."""

from __future__ import annotations

import json
import threading

from data.store import Command
from data.sync.client import HubClient, PeerConfig, SyncEngine
from tests.data.sync.factory import fill
from tests.waiting import wait_until


def test_a_wait_answers_at_once_when_there_is_news_and_wakes_on_a_push(sql_hub, store_factory):
    a = store_factory("vnog")
    fill(a, 3)
    tok = sql_hub.enroll("vnog")
    c = HubClient(PeerConfig(sql_hub.url, tok))
    c.push("LIVE", [json.dumps(e.to_wire()) for e in a.iter_events()])
    assert c.wait("LIVE", after=0, timeout=20) is True  # there are events: no waiting
    latest = sql_hub.log.latest("LIVE")
    assert latest == 4
    got: list[bool] = []
    t = threading.Thread(target=lambda: got.append(
        HubClient(PeerConfig(sql_hub.url, tok)).wait("LIVE", after=latest, timeout=20)))
    t.start()
    wait_until(lambda: sql_hub.log.latest("LIVE") == 4, "hub ready")
    fill(a, 1, seed=9)
    c.push("LIVE", [json.dumps(e.to_wire()) for e in a.iter_events()])
    t.join(30)
    assert got == [True]
    assert c.wait("LIVE", after=sql_hub.log.latest("LIVE"), timeout=0) is False  # no news


def test_the_engine_hears_news_within_a_round_trip_not_an_interval(sql_hub, store_factory):
    """Both engines poll only once a minute; the second centre still gets the first one's
    new incident while this test waits (at most 30 s), because its engine was waiting at the
    hub and was told."""
    a, b = store_factory("vnog"), store_factory("vrbzo")
    ea = SyncEngine(a, [PeerConfig(sql_hub.url, sql_hub.enroll("vnog"))], interval=60)
    eb = SyncEngine(b, [PeerConfig(sql_hub.url, sql_hub.enroll("vrbzo"))], interval=60)
    try:
        ea.start()
        eb.start()
        wait_until(lambda: all(e.state.peers[0].status == "online" and
                               e.state.peers[0].last_success for e in (ea, eb)),
                   "both centres had a first round", 30)
        ch = a.execute(Command("incident.reported", {"title": "Dijkdoorbraak", "kind": "overig",
                                                      "regions": ["VNOG"]}), "OL")
        ea.nudge()  # what the application does after every local write
        (eid,) = ch.entities
        wait_until(lambda: b.entity(eid) is not None, "the incident reached the other centre",
                   30)
        assert b.entity(eid)["title"] == "Dijkdoorbraak"
    finally:
        ea.close()
        eb.close()

"""A clock far in the future (a hardware clock reset wrongly after a power cut: 75 years
ahead) does not get its events into any picture, where they would win every later update: the
hub and the stores hold them back as retryable, loudly."""

from __future__ import annotations

from data.store import Command
from data.sync.hub.storage import SqlEventLog
from tests.data.helpers import incident, new, skew

YEARS_75_MS = 75 * 365 * 24 * 3600 * 1000


def test_the_hub_holds_back_events_from_a_clock_far_ahead(tmp_path, store_factory):
    src = store_factory("vrzeeland")
    new(src, incident("klok nog goed"))
    skew(src, YEARS_75_MS)
    new(src, incident("klok 75 jaar vooruit"))
    wire = [e.to_wire() for e in src.iter_events()]
    log = SqlEventLog(str(tmp_path / "hub.db"))
    try:
        out = log.push("LIVE", "vrzeeland", wire)
        status = {r[0]: r[1:] for r in out.results}
        assert [status[w["id"]][0] for w in wire] == ["accepted", "accepted", "rejected"]
        what, reason, retry = status[wire[2]["id"]]
        assert retry and reason.startswith("klok van vrzeeland loopt ")
        assert reason.endswith(" s voor (meer dan 5 min); later opnieuw")
        assert log.heads("LIVE") == {"vrzeeland": 2}
    finally:
        log.close()


def test_a_store_never_lets_a_future_event_win(store_factory):
    src, dst = store_factory("vrzeeland"), store_factory("kcr2")
    iid = new(src, incident("dijk"))
    wire = [e.to_wire() for e in src.iter_events()]
    assert not dst.ingest(wire).rejected
    skew(src, YEARS_75_MS)
    src.execute(Command("incident.updated", {"title": "vervalst door een klok in 2101"},
                        entity=iid), "OL")
    res = dst.ingest([e.to_wire() for e in src.iter_events()])
    assert len(res.held) == 1 and dst.entity(iid)["title"] == "dijk"
    assert [a["kind"] for a in dst.alarms()] == ["klokafwijking"]

"""Beeld–Oordeel–Besluit travels as ordinary events: two centres syncing through a real hub
end with the same BOB (beelden per discipline, Oordeel, a decision naming the incident)."""

from __future__ import annotations

from typing import Any

from data.picture.bob import bob_of
from data.store import Command, Store
from data.sync.client import PeerConfig, SyncEngine


def _bob(st: Store, iid: str) -> Any:
    return bob_of(st.entity(iid) or {}, st.entities("decision"), st.entities("session"))


def test_bob_events_sync_through_a_hub(sql_hub: Any, store_factory: Any) -> None:
    a, b = store_factory("vnog"), store_factory("vggm")
    (iid,) = a.execute(Command("incident.reported", {
        "title": "Stroomuitval", "kind": "stroomuitval", "regions": ["VNOG"],
        "beeld": "Stroom uit."}), "IM VNOG").entities
    a.execute(Command("incident.picture_updated", {"beeld": "Verpleeghuizen op aggregaat.",
                                                   "discipline": "ghor"}, entity=iid), "AC VNOG")
    a.execute(Command("incident.judgement_updated", {"analysis": "Duurt langer dan 72 uur."},
                      entity=iid), "OL VNOG")
    (sid,) = a.execute(Command("irbt.session_opened", {"title": "ROT", "regions": ["VNOG"],
                                                       "team": "ROT"}), "IM VNOG").entities
    a.execute(Command("decision.recorded", {"session_id": sid, "number": 1, "text": "NSP open",
                                            "incident_id": iid}), "OL VNOG")
    peers = {st: SyncEngine(st, [PeerConfig(sql_hub.url, sql_hub.enroll(st.node_id))],
                            backoff_base=0.01, backoff_cap=0.05, timeout=(2.0, 10.0))
             for st in (a, b)}
    try:
        peers[a].sync_once()
        peers[b].sync_once()
        b.execute(Command("incident.picture_updated", {"beeld": "Preventierondes.",
                                                       "discipline": "brandweer"}, entity=iid),
                  "AC VGGM")
        b.execute(Command("incident.judgement_updated", {"scaling": "RBT blijft"}, entity=iid),
                  "OL VGGM")
        peers[b].sync_once()
        peers[a].sync_once()
        peers[b].sync_once()
    finally:
        for e in peers.values():
            e.close()
    assert a.fingerprint() == b.fingerprint()
    assert _bob(a, iid) == _bob(b, iid)
    bob = _bob(b, iid)
    pics = {p.discipline: p.current.text for p in bob.pictures if p.current}
    assert pics == {"algemeen": "Stroom uit.", "ghor": "Verpleeghuizen op aggregaat.",
                    "brandweer": "Preventierondes."}
    assert dict(bob.oordeel.parts) == {"analysis": "Duurt langer dan 72 uur.",
                                       "scaling": "RBT blijft"}
    assert [d["text"] for d in bob.decisions] == ["NSP open"]

"""Lead times of the bijstand, IRBT and comms chains (scenario seconds, the clock's mapping
given): table-driven over small event sequences, and once through a played exercise."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from data.scenario.aar import review
from data.scenario.chains import Chain, chains
from data.store import Command
from tests.data.test_aar import at, played  # noqa: F401  (the fixture)


def ev(n: int, type_: str, entity: str, **payload):
    """A stand-in event at scenario second ``n * 60`` (fold order = n)."""
    return SimpleNamespace(type=type_, entity=entity, key=(f"{n:04d}",), payload={},
                           payload_json=json.dumps(payload), t=n * 60)


REQ = dict(capability="handcrew", capability_text="handcrew")
CASES = {
    "request, offer, toegezegd": (
        [ev(1, "bijstand.requested", "b1", status="ingediend", **REQ),
         ev(4, "bijstand.offer_made", "b1", offer_id="o1", provider="VNOG", quantity=1),
         ev(9, "bijstand.offer_made", "b1", offer_id="o2", provider="GM", quantity=1),
         ev(10, "bijstand.status_changed", "b1", **{"from": "ingediend", "to": "toegezegd"})],
        [Chain("bijstand", "b1", "handcrew", 60, 180, 360, 540)]),
    "a concept counts from ingediend": (
        [ev(1, "bijstand.requested", "b2", status="concept", **REQ),
         ev(3, "bijstand.status_changed", "b2", **{"from": "concept", "to": "ingediend"}),
         ev(5, "bijstand.offer_made", "b2", offer_id="o1", provider="VNOG", quantity=2)],
        [Chain("bijstand", "b2", "handcrew", 180, 120, None, None)]),
    "a concept never sent is no chain": (
        [ev(1, "bijstand.requested", "b3", status="concept", **REQ),
         ev(2, "bijstand.offer_made", "b3", offer_id="o1", provider="VNOG", quantity=2)],
        []),
    "IRBT to first decision in its own session": (
        [ev(2, "irbt.session_opened", "s1", title="IRBT stroom", regions=["VNOG"]),
         ev(3, "irbt.session_opened", "s2", title="ROT", regions=["VNOG"], team="ROT"),
         ev(4, "decision.recorded", "d0", session_id="s2", number=1, text="x"),
         ev(7, "decision.recorded", "d1", session_id="s1", number=1, text="y"),
         ev(8, "decision.recorded", "d2", session_id="s1", number=2, text="z")],
        [Chain("IRBT", "s1", "IRBT stroom", 120, 300)]),
    "outage to fallback in the same region": (
        [ev(1, "comms.reported", "c1", region="VNOG", channel="C2000", state="uitgevallen"),
         ev(2, "comms.reported", "c2", region="IJS", channel="C2000", state="uitgevallen"),
         ev(3, "comms.reported", "c3", region="VNOG", channel="C2000", state="uitgevallen"),
         ev(6, "comms.reported", "c4", region="VNOG", channel="DARES",
            state="terugvaloptie_actief"),
         ev(8, "comms.reported", "c5", region="VNOG", channel="C2000", state="uitgevallen")],
        [Chain("verbinding", "c1", "C2000 in VNOG", 60, 300),
         Chain("verbinding", "c2", "C2000 in IJS", 120, None),
         Chain("verbinding", "c5", "C2000 in VNOG", 480, None)]),
}


@pytest.mark.parametrize("case", CASES)
def test_chains(case) -> None:
    events, want = CASES[case]
    assert chains(list(reversed(events)), lambda e: e.t) == want


def test_paused_time_left_out(played) -> None:  # noqa: F811
    """Through a played exercise: the outage at T+1:38 (after a ×10 jump), the fallback ten
    wall seconds later = 100 scenario seconds."""
    db, st, sc, clock = played
    at(clock, "10:18:10")
    pl_cmd = Command("comms.reported", {"region": "VNOG", "channel": "C2000",
                                        "state": "uitgevallen"}, "comms-vnog-c2000")
    st.execute(pl_cmd, "OL VNOG")
    at(clock, "10:18:20")
    st.execute(Command("comms.reported", {"region": "VNOG", "channel": "DARES",
                                          "state": "terugvaloptie_actief"}, "comms-vnog-dares"),
               "OL VNOG")
    r = review(st, sc, [], now_wall_ms=clock.now_ms())
    (c,) = r.chains
    assert (c.kind, c.label, c.start_s, c.first_s) == ("verbinding", "C2000 in VNOG",
                                                        100 * 60 + 100, 100)

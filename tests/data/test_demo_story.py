"""The demo and the bundled scenarios tell one coherent story: no journal line twice, no line
before what it speaks of, every step taken by the role that takes it, bijstand through KCR2."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from data.clock import FixedClock
from data.demo import KCR2_STEPS, Demo
from data.domain.regions import REGION_BY_CODE
from data.domain.roles import split_author
from data.picture.coherence import journal_faults
from data.scenario.control import create_exercise
from data.scenario.library import bundled
from data.scenario.player import Player

NOW = datetime(2027, 1, 21, 8, 0, tzinfo=UTC)


def _line(at: str, text: str, incident: str = "") -> dict[str, Any]:
    return {"entity_kind": "journal", "id": f"j{at}", "created_at": at, "text": text,
            "incident_id": incident or None}


INC = {"entity_kind": "incident", "id": "i1", "title": "Stroomuitval Oost",
       "created_at": "2027-01-19T08:00:00Z", "t0": "2027-01-19T06:00:00Z"}
NSP = {"entity_kind": "nsp", "id": "n1", "name": "Dorpshuis Heerde",
       "created_at": "2027-01-19T12:00:00Z"}


@pytest.mark.parametrize(("lines", "fault"), [
    ([_line("2027-01-19T07:00:00Z", "Stroom weg", "i1")], None),  # after T0, before report
    ([_line("2027-01-19T05:00:00Z", "Stroom weg", "i1")], "vóór het begin"),
    ([_line("2027-01-19T09:00:00Z", "Masten op accu"),
      _line("2027-01-19T10:00:00Z", "Masten op accu")], "herhaald"),
    ([_line("2027-01-19T11:00:00Z", "Veel vragen bij Dorpshuis Heerde")], "noemt"),
    ([_line("2027-01-19T13:00:00Z", "Veel vragen bij dorpshuis heerde")], None),
    ([{**_line("2027-01-19T11:00:00Z", "Aggregaat onderweg"),
       "recipient": "Dorpshuis Heerde"}], "noemt"),  # sent to a point not yet there
    ([_line("2027-01-19T09:00:00Z", "Ander incident", "onbekend")], None),
])
def test_journal_faults(lines: list[dict[str, Any]], fault: str | None) -> None:
    found = journal_faults(lines, [INC, NSP])
    if fault is None:
        assert found == []
    else:
        assert len(found) == 1 and fault in found[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    from data.store import Store

    st = Store.create(tmp_path_factory.mktemp("demo") / "d.db", "kcr2", "OEF-2027-01", "KCR2")
    Demo(st, seed=1, now=NOW).run()
    yield st
    st.close()


def _all(st: Any) -> list[dict[str, Any]]:
    kinds = ("incident", "bijstand", "session", "decision", "action", "nsp", "alert",
             "capacity", "partner", "centre", "comms")
    return [s for k in kinds for s in st.entities(k)]


def test_the_demo_journal_has_no_repeats_and_nothing_early(demo: Any) -> None:
    journal = demo.entities("journal")
    assert len(journal) >= 15
    assert journal_faults(journal, _all(demo)) == []
    for n in demo.entities("nsp"):  # every point counts from its crisis's T0 ...
        assert demo.entity(n["incident_id"])["kind"] == "stroomuitval"
        if n["kind"] == "coordinatiepunt":  # ... and says what it does not offer
            assert "drinkwater" in n["not_offered"]


def test_a_continued_demo_still_hangs_together(tmp_path: Path) -> None:
    from data.store import Store

    st = Store.create(tmp_path / "c.db", "kcr2", "OEF-2027-01", "KCR2")
    Demo(st, seed=1, now=NOW).run()
    for i in range(3):
        Demo(st, seed=i, now=NOW.replace(hour=9 + i)).run()
    assert journal_faults(st.entities("journal"), _all(st)) == []
    st.close()


def _role(author: str) -> str:
    """The role a demo author played: "Hanna Postma (IM VNOG)" -> "IM VNOG"."""
    return split_author(author)[1] or author


def _ours(author: str, region: str) -> bool:
    r = REGION_BY_CODE[region]
    return _role(author).split()[-1] in (r.short, r.code)


def test_every_step_is_taken_by_its_role(demo: Any) -> None:
    for b in demo.entities("bijstand"):
        asker, to = b["requesting_region"], b["addressed_to"]
        if b.get("parent_id"):  # KCR2's sub-request to Defensie or the EU
            assert _role(b["created_by"]) == "LOCC KCR2" and to in ("JFC", "UCPM")
            parent = demo.entity(b["parent_id"])
            assert parent["addressed_to"] == "KCR2" and parent["requesting_region"] == asker
        else:  # the requesting region's OL asks, never JFC or the EU itself
            assert to not in ("JFC", "UCPM") and _ours(b["created_by"], asker), b
        for h in b["history"]:
            if h["what"] == "aanbod":
                assert _ours(h["by"], h["provider"]), h
            elif h["what"] == "status" and h["to"] in KCR2_STEPS:
                handler = "LOCC KCR2" if to == "KCR2" else None
                assert _role(h["by"]) == handler or _ours(h["by"], to), (b["capability"], h)
            elif h["what"] == "status":
                assert _ours(h["by"], asker), (b["capability"], h)


def test_each_story_is_told_in_time_order(demo: Any) -> None:
    for s in _all(demo):
        times = [h["at"] for h in s["history"]]
        assert times == sorted(times), (s.get("title") or s["id"], times)
    outage = next(i for i in demo.entities("incident") if i["kind"] == "stroomuitval")
    # the reported beeld is kept; each update after it speaks of the outage itself
    assert "TenneT" in outage["beeld_history"][0]["beeld"]
    assert not any(re.search(r"\bbrand\b", b["beeld"].lower()) for b in outage["beeld_history"])


@pytest.mark.parametrize("name", [name for name, _sc, _n in bundled()])
def test_bundled_scenarios_hang_together(tmp_path: Path, name: str) -> None:
    sc = next(s for n, s, _ in bundled() if n == name)
    assert sc is not None
    st = create_exercise(tmp_path / f"{name}.db", "spelleiding", sc, f"OEF-T-{name}"[:40])
    pl = Player(st, sc, FixedClock("2026-11-26T10:00:00Z"))
    pl.start(speed=60)
    pl.jump(max(i.offset_s for i in sc.injects) + 3600)
    assert journal_faults(st.entities("journal"), _all(st)) == []
    for b in st.entities("bijstand"):
        assert b["addressed_to"] not in ("JFC", "UCPM") or b.get("parent_id"), b
    for n in st.entities("nsp"):  # the 72-hour target counts from its crisis's T0
        assert st.entity(n["incident_id"])["entity_kind"] == "incident", n["name"]
    st.close()

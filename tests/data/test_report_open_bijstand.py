"""The open bijstand and the key messages of a sitrep counted in SQLite (data.report.open_bijstand,
log.key_journal_newest) against the
Python rules on full states: requests in every state, several regions and classifications,
offers (one withdrawn), needed-by past, future and missing."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from data.domain.lifecycles import OPEN_BIJSTAND
from data.picture.bijstand import needed_by_overdue
from data.picture.detail_html import open_quantity
from data.report.content import RANK, Filters, class_of, compose
from data.report.gather import gather, meta_of
from data.report.markdown import markdown
from data.store import Command, Store
from tests.data import report_store as rs

#: status paths from "ingediend" (the first step is the request itself)
PATHS = {
    "ingediend": [],
    "in_behandeling": ["in_behandeling"],
    "toegezegd": ["in_behandeling", "toegezegd"],
    "onderweg": ["in_behandeling", "toegezegd", "onderweg"],
    "ingezet": ["in_behandeling", "toegezegd", "onderweg", "ingezet"],
    "afgewezen": ["afgewezen"],
    "ingetrokken": ["ingetrokken"],
}
REGIONS = ("VR06", "VR05", "VR01")
CLASSES = ("openbaar", "intern", "vertrouwelijk")


def _request(st: Store, n: int, status: str) -> str:
    payload: dict[str, Any] = {
        "requesting_region": REGIONS[n % 3], "addressed_to": ("KCR2", "VR09")[n % 2],
        "capability": "aggregaten_noodstroom", "quantity": 3 + n % 5, "unit": "stuks",
        "status": "ingediend", "classification": CLASSES[n % 3]}
    if n % 4:  # a quarter without a needed-by; the others in the past or in the future
        payload["needed_by"] = rs.at((n % 5) - 2)  # (one exactly at the moment)
    (eid,) = st.execute(Command("bijstand.requested", payload, occurred_at=rs.at(10)),
                        "IM VNOG").entities
    prev = "ingediend"
    for to in PATHS[status]:
        st.execute(Command("bijstand.status_changed", {"from": prev, "to": to}, entity=eid,
                           occurred_at=rs.at(9)), "IM VNOG")
        prev = to
    for k in range(n % 3):  # offers; the second of each request withdrawn
        st.execute(Command("bijstand.offer_made", {"offer_id": f"of-{n}-{k}", "provider": "VRU",
                                                   "quantity": 1 + k}, entity=eid,
                           occurred_at=rs.at(8)), "IM VRU")
        if k == 1:
            st.execute(Command("bijstand.offer_withdrawn", {"offer_id": f"of-{n}-{k}"},
                               entity=eid, occurred_at=rs.at(7)), "IM VRU")
    return eid


def _key_lines(st: Store, incidents: list[str]) -> None:
    """Key messages (and some that are not) of several incidents and classifications, some at
    the same second, some outside the window."""
    for n in range(40):
        payload: dict[str, Any] = {"channel": "NCV", "text": f"kern {n}", "key": n % 5 != 4}
        if n % 4:
            payload["classification"] = CLASSES[n % 3]
        if n % 3:
            payload["incident_id"] = incidents[n % len(incidents)]
        st.execute(Command("journal.logged", payload, occurred_at=rs.at(30 - (n // 3) * 2.5)),
                   "IM VNOG")


@pytest.fixture(scope="module")
def board(tmp_path_factory: Any) -> Any:
    st = Store.create(tmp_path_factory.mktemp("b") / "b.db", "vnog", "OEF-TEST", "VNOG")
    ids = rs.build(st)
    for n in range(42):
        _request(st, n, list(PATHS)[n % len(PATHS)])
    (south,) = st.execute(Command("incident.reported", {
        "title": "Dijkdoorbraak", "kind": "overstroming", "regions": ["VR05"],
        "classification": "openbaar"}, occurred_at=rs.at(20)), "IM VNOG").entities
    _key_lines(st, [ids["inc"], south])
    yield st
    st.close()


def _python_tally(states: list[dict[str, Any]], moment: datetime, f: Filters) -> dict[str, Any]:
    """The old rule, request by request, on full states."""
    counts: dict[str, int] = {}
    late = still = withheld = 0
    top = -1
    for b in states:
        if b.get("status") not in OPEN_BIJSTAND:
            continue
        regs = [*(b.get("regions") or []),
                *(str(b[k]) for k in ("region", "requesting_region", "addressed_to") if b.get(k))]
        if not f.in_regions(regs):
            continue
        if not f.allows(b):
            withheld += 1
            continue
        counts[b["status"]] = counts.get(b["status"], 0) + 1
        late += needed_by_overdue(b.get("status"), b.get("needed_by"), moment)
        still += open_quantity(b)
        top = max(top, RANK[class_of(b)])
    return {"counts": counts, "late": late, "open_quantity": still, "withheld": withheld,
            "highest": {r: c for c, r in RANK.items()}.get(top)}


FILTERS = [Filters(), Filters(max_class="openbaar"), Filters(max_class="intern"),
           Filters(regions=("VR06",)), Filters(regions=("VR05", "VR09"), max_class="intern")]


@pytest.mark.parametrize("f", FILTERS)
@pytest.mark.parametrize("hours", [0, 4])
def test_the_counts_in_sqlite_are_those_of_the_python_rule(board: Any, f: Filters,
                                                           hours: int) -> None:
    moment = rs.NOW - timedelta(hours=hours)
    raw = gather(board, moment, rs.at(24), filters=f, listed=5)
    t = raw.bijstand_tally
    assert t is not None
    want = _python_tally(board.entities("bijstand"), moment, f)
    assert {"counts": t.counts, "late": t.late, "open_quantity": t.open_quantity,
            "withheld": t.withheld, "highest": t.highest} == want
    assert t.total > 0 and len(raw.bijstand) == min(5, t.total)


def test_the_store_holds_what_the_comparison_needs(board: Any) -> None:
    """Late and not-late requests, withdrawn offers, open and closed states, all classes."""
    states = board.entities("bijstand")
    assert {s["status"] for s in states} >= set(PATHS)
    assert {s.get("classification") for s in states} == set(CLASSES)
    t = _python_tally(states, rs.NOW, Filters())
    assert 0 < t["late"] < sum(t["counts"].values())
    assert any(o.get("withdrawn") for s in states for o in (s.get("offers") or {}).values())


@pytest.mark.parametrize("f", [*FILTERS, Filters(regions=("VR05",), since=rs.at(40))])
@pytest.mark.parametrize("listed", [0, 3, 40])
def test_a_sitrep_from_the_counts_is_the_sitrep_from_every_state(
        board: Any, f: Filters, listed: int, monkeypatch: Any) -> None:
    """Composed from SQLite's tallies (open bijstand, key messages) and the most urgent
    states and newest messages, or from every open state and key message read in full: the
    same sitrep (figures, oordeel, the lists and their order, the header's highest
    classification and what the ceiling withheld), and the same Markdown."""
    from data.report import content
    from data.report import gather as g

    monkeypatch.setattr(content, "JOURNAL_LISTED", 4)  # the key messages are cut too
    monkeypatch.setattr(g, "JOURNAL_LISTED", 4)
    meta = meta_of(board)
    full = compose(gather(board, rs.NOW, rs.at(24)), meta, rs.NOW, f, listed)
    counted = compose(gather(board, rs.NOW, rs.at(24), filters=f, listed=listed), meta, rs.NOW,
                      f, listed)
    assert counted == full
    assert markdown(counted) == markdown(full)
    assert [b["id"] for b in counted.bijstand] == [b["id"] for b in full.bijstand]
    if f == Filters():  # the store has enough to cut the key messages too
        assert len(full.journal) == 4 and full.journal_more > 0


def test_a_tally_is_refused_for_other_filters_or_a_longer_list(board: Any) -> None:
    raw = gather(board, rs.NOW, rs.at(24), filters=Filters(), listed=3)
    meta = meta_of(board)
    with pytest.raises(ValueError):
        compose(raw, meta, rs.NOW, Filters(max_class="openbaar"), 3)
    with pytest.raises(ValueError):
        compose(raw, meta, rs.NOW - timedelta(hours=1), Filters(), 3)
    with pytest.raises(ValueError):
        compose(raw, meta, rs.NOW, Filters(), 40)
    assert compose(raw, meta, rs.NOW, Filters(), 2).bijstand_more > 0

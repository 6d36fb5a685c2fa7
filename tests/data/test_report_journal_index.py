"""The journal index of the reports (data.store.log.JOURNAL_INDEX): the pack's count and
newest lines under a ceiling are those of the Python rule over every line, with and without it;
a store gets the index when reports are first made there (data.report.gather.prepare), not
before (ingest does not pay for it), and keeps its fingerprint and its projection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data.report.content import DEFAULT_CLASS, RANK, Filters
from data.report.gather import prepare
from data.store import Command, Store, log
from tests.data import report_store as rs

INDEX = "ix_event_journal"


def _lines(st: Store) -> None:
    """Journal lines in every classification, many at the same second (ties by id)."""
    for n in range(30):
        payload: dict[str, Any] = {"channel": "NCV", "text": f"regel {n}", "key": n % 4 == 0}
        if n % 5:
            payload["classification"] = ("openbaar", "intern", "vertrouwelijk", "intern")[n % 4]
        st.execute(Command("journal.logged", payload, occurred_at=rs.at(3 - (n // 7) * 0.5)),
                   "IM VNOG")


@pytest.fixture
def journal(store_factory: Any) -> Store:
    st = store_factory("vnog", world="OEF-TEST", name="VNOG")
    rs.build(st)
    _lines(st)
    assert prepare(st)  # (made now: reports are made here)
    return st


def _has_index(st: Store) -> bool:
    with st.reader() as conn:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                            (INDEX,)).fetchone() is not None


def _python_rule(st: Store, lo: str, hi: str, f: Filters, limit: int) -> tuple[int, list[int]]:
    """What the pack did before: every line's classification, judged in Python."""
    with st.reader() as conn:
        marks = log.journal_marks(conn, lo, hi)
    allowed = [n for n, c in marks if f.allows({"classification": c})]
    return len(allowed), allowed[-limit:] if limit else []


def _newest(st: Store, lo: str, hi: str, f: Filters, limit: int) -> tuple[int, list[int]]:
    with st.reader() as conn:
        return log.journal_newest(conn, lo, hi, RANK, RANK[DEFAULT_CLASS],
                                          RANK[f.max_class], limit)


@pytest.mark.parametrize("ceiling", ["openbaar", "intern", "vertrouwelijk"])
@pytest.mark.parametrize("limit", [0, 1, 7, 1000])
def test_count_and_newest_under_a_ceiling_are_those_of_the_python_rule(
        journal: Store, ceiling: str, limit: int) -> None:
    f = Filters(max_class=ceiling)
    assert _has_index(journal)
    want = _python_rule(journal, rs.at(24), rs.at(0), f, limit)
    assert 0 < want[0]
    assert _newest(journal, rs.at(24), rs.at(0), f, limit) == want
    with journal.transaction():  # the same answers without the index (a store not migrated)
        journal._conn.execute(f"DROP INDEX {INDEX}")  # noqa: SLF001
    assert _newest(journal, rs.at(24), rs.at(0), f, limit) == want


def test_the_count_is_read_from_the_index(journal: Store) -> None:
    with journal.reader() as conn:
        ranks = [x for kv in RANK.items() for x in kv]
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM event WHERE type = 'journal.logged' AND "
            f"occurred_at > ? AND occurred_at <= ? AND CASE {log.JOURNAL_CLASS} "
            + "WHEN ? THEN ? " * len(RANK) + "ELSE ? END <= ?",
            [rs.at(24), rs.at(0), *ranks, 1, 1]))
    assert INDEX in plan


def test_a_store_gets_the_index_when_reports_are_first_made_there(store_factory: Any) -> None:
    st = store_factory("vnog", world="OEF-TEST", name="VNOG")
    rs.build(st)
    _lines(st)
    assert not _has_index(st)  # a new store: ingest does not pay for an index nobody reads
    path = st.path
    code = st.fingerprint().code
    st.close()
    ro = Store.open(path, readonly=True)  # a reading lane cannot make it: read as before
    assert not prepare(ro) and not _has_index(ro)
    before = _newest(ro, rs.at(24), rs.at(0), Filters(max_class="intern"), 5)
    ro.close()
    st = Store.open(path)
    try:
        assert prepare(st) and _has_index(st)
        assert not prepare(st)  # once
        assert st.fingerprint().code == code
        assert _newest(st, rs.at(24), rs.at(0), Filters(max_class="intern"), 5) == before
        states = sorted(map(str, st.entities("bijstand")))
        st.rebuild()  # the projection rebuilt from the log: the same, and the index stays
        assert sorted(map(str, st.entities("bijstand"))) == states
        assert st.fingerprint().code == code and _has_index(st)
    finally:
        st.close()


def test_the_cli_makes_the_index_where_it_makes_a_report(store_factory: Any,
                                                          tmp_path: Path) -> None:
    from desktop.cli import main

    st = store_factory("vnog", world="OEF-TEST", name="VNOG")
    rs.build(st)
    path = st.path
    st.close()
    assert main(["sitrep", "--db", str(path), "--out", str(tmp_path / "s.md")]) == 0
    st = Store.open(path, readonly=True)
    try:
        assert _has_index(st)
    finally:
        st.close()


def test_once_made_ingest_keeps_the_index_current(journal: Store) -> None:
    f = Filters()
    n, newest = _newest(journal, rs.at(24), rs.at(-1), f, 1)
    journal.execute(Command("journal.logged", {"channel": "NCV", "text": "nieuw",
                                               "classification": "openbaar"},
                            occurred_at=rs.at(-0.5)), "IM VNOG")
    n2, newest2 = _newest(journal, rs.at(24), rs.at(-1), f, 1)
    assert n2 == n + 1 and newest2 != newest
    assert (n2, newest2) == _python_rule(journal, rs.at(24), rs.at(-1), f, 1)

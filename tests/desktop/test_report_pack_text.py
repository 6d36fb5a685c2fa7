"""A paper pack says, part for part, what it said when it read every open request and
classified every journal line of the day in Python (before SQLite counted them): the same
sitrep, the same bijstand board, the same journal lines and counts, under every ceiling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data.clock import FixedClock
from data.picture.timefmt import LOCAL
from data.report.content import BIJSTAND_LISTED, Filters, compose, relisted
from data.report.gather import default_since, gather, journal_line, meta_of
from data.report.pack import parts
from data.store import log
from desktop.paper import PaperPacks
from tests.data import report_store as rs
from tests.data.test_report_journal_index import _lines
from tests.data.test_report_open_bijstand import PATHS, _request

BOARD, JOURNAL = 4, 5


@pytest.fixture
def busy(store_factory: Any) -> Any:
    st = store_factory("vnog", world="OEF-TEST", name="VNOG")
    rs.build(st)
    for n in range(21):
        _request(st, n, list(PATHS)[n % len(PATHS)])
    _lines(st)
    return st


def _the_old_way(st: Any, f: Filters, stamp: str) -> tuple[Any, list[Any]]:
    since = f.since or default_since(rs.NOW)
    board = compose(gather(st, rs.NOW, since), meta_of(st), rs.NOW, f, BOARD)
    s = relisted(board, BIJSTAND_LISTED)
    with st.reader() as conn:
        marks = log.journal_marks(conn, since, s.moment)
        allowed = [n for n, c in marks if f.allows({"classification": c})]
        lines = [journal_line(e) for e in log.by_local_seq(conn, allowed[-JOURNAL:])]
    return s, parts(s, lines, stamp, board, len(allowed))


@pytest.mark.parametrize("f", [Filters(), Filters(max_class="openbaar"),
                               Filters(max_class="intern"), Filters(regions=("VR06",)),
                               Filters(since=rs.at(2))])
def test_a_pack_says_what_the_full_reads_said(busy: Any, tmp_path: Path, monkeypatch: Any,
                                             f: Filters) -> None:
    import desktop.paper as paper
    from data.report import pack

    monkeypatch.setattr(pack, "JOURNAL_MAX", JOURNAL)
    monkeypatch.setattr(paper, "JOURNAL_MAX", JOURNAL)
    monkeypatch.setattr(paper, "BOARD_MAX", BOARD)
    got: dict[str, Any] = {}

    def capture(s: Any, path: Path, ps: Any) -> int:
        got.update(s=s, parts=ps)
        return 1

    res = PaperPacks(tmp_path, filters=f, writer=capture).write(busy, FixedClock(rs.NOW))
    assert not res.problem
    s, want = _the_old_way(busy, f, f"{rs.NOW.astimezone(LOCAL):%Y%m%d-%H%M}")
    assert got["s"] == s
    assert [p.body for p in got["parts"]] == [p.body for p in want]
    assert got["parts"] == want
    # the board and the journal were cut: what the tally and the count say is on paper
    assert "andere open verzoeken" in got["parts"][2].body or f.max_class == "openbaar"
    assert "oudere regels niet afgedrukt" in got["parts"][1].body

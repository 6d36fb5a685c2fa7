"""The handover shown at sign-in ("sinds het begin van de dienst") is made from the
checkpoints next to the store, as the Overdracht and ``crisisbeeld diff`` make it, and reads
exactly as the handover folded from the whole log."""

from __future__ import annotations

from typing import Any

from data.demo import Demo
from data.history import WAAR, Checkpoints, picture_at, prepare, reading
from data.history.diff import markdown
from data.history.frame import span
from data.store import Store, log
from desktop.people_ui import since_op


def _without_checkpoints(st: Store, since: str, until: str) -> str:
    """The sign-in handover as it was made before: both pictures folded from the whole log,
    every key message read."""
    t1 = min(since, until)
    with reading(st) as conn:
        p1, p2 = picture_at(conn, t1, WAAR), picture_at(conn, until, WAAR)
        key = log.key_journal_between(conn, occurred=(t1, until))
    return markdown(p1, p2, t1, until, key)


def test_the_sign_in_handover_comes_from_the_checkpoints_and_reads_the_same(
        tmp_path: Any, monkeypatch: Any) -> None:
    path = tmp_path / "demo.db"
    st = Store.create(path, "kcr2", "OEF-TEST", "KCR2")
    Demo(st, seed=5).run(extra_events=400)
    cps = Checkpoints(path, every=97)
    assert prepare(st, cps) > 4
    cps.close()
    loaded: list[Any] = []
    real_load = Checkpoints.load
    monkeypatch.setattr(Checkpoints, "load",
                        lambda self, m: loaded.append(m) or real_load(self, m))
    lo, hi = span(st)[WAAR]
    with reading(st) as conn:
        rows = conn.execute("SELECT occurred_at FROM event ORDER BY occurred_at").fetchall()
    moments = [str(rows[len(rows) * i // 5][0]) for i in (1, 2, 4)]
    texts = []
    for since, until in [(lo, hi), *((m, hi) for m in moments), (moments[0], moments[1]),
                         (hi, moments[2])]:  # (a start after "now": nothing changed)
        n = len(loaded)
        texts.append(since_op(since, until, path)(st))
        assert texts[-1] == _without_checkpoints(st, since, until)
        if since != lo:  # (at the log's start: before every checkpoint, so it folds on)
            assert len(loaded) > n, ("made without the checkpoints", since, until)
    assert "## In het kort" in texts[0] and "Geen wijzigingen." in texts[-1]
    st.close()

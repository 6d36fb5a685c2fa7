"""What the views read, as functions of a (read-only) store: the bodies of their QueryOps.

Each runs on a reading lane of :mod:`desktop.ops`; big results are prepared there (journal
sorted, repeated values shared) so the GUI thread only hands them to a model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from data.store import Store
from data.store import queries as q
from widgets.journal import JournalData

Rows = list[tuple[Any, ...]]


def trim_heap() -> None:
    """Give memory freed after a big load back to the system (glibc only; no-op elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def shared(rows: Rows) -> Rows:
    """The same rows with repeated values (statuses, regions, titles, …) as one object each:
    60k bijstand rows repeat most of their fields."""
    pool: dict[Any, Any] = {}
    share = pool.setdefault
    out = [(r[0],) + tuple(share(v, v) for v in r[1:]) for r in rows]
    trim_heap()
    return out


def states(kind: str, ids: Sequence[str] | None = None) -> Callable[[Store], list[dict[str, Any]]]:
    """The states of all entities of ``kind`` (or of ``ids``)."""
    return lambda st: q.states(st, kind, ids)


def states_with_clips(kind: str) -> Callable[[Store], list[dict[str, Any]]]:
    """The states of all entities of ``kind``, each with ``attachments``: how many files, and
    without their ``history`` (kept for thousands of entities, read for one in its detail)."""
    plain = states(kind)

    def read(st: Store) -> list[dict[str, Any]]:
        counts = st.attachment_counts()
        out = plain(st)
        pool: dict[str, str] = {}
        for i, s in enumerate(out):
            s["attachments"] = counts.get(str(s.get("id")), 0)
            # the lists, tiles, map and forms use no history, the detail reads the full state:
            # a store may hold thousands of incidents, each with a history of its own
            s.pop("history", None)
            out[i] = _lean(s, pool)
        return out
    return read


def _lean(state: dict[str, Any], pool: dict[str, str]) -> dict[str, Any]:
    """The state with its keys and short texts (statuses, kinds, names) as one object each
    across the states of a load: each state is parsed on its own, so each held a copy of every
    key and status (some 1.5 kB an incident)."""
    share = pool.setdefault
    return {share(k, k): share(v, v) if type(v) is str and len(v) <= 40 else v
            for k, v in state.items()}


def bijstand_rows(ids: Sequence[str] | None = None) -> Callable[[Store], Rows]:
    """Board rows of all bijstand requests (or of ``ids``)."""
    return lambda st: shared(q.bijstand_rows(st, ids))


def meldplaatsen(st: Store) -> list[dict[str, Any]]:
    """Bijstand requests with a meldplaats coordinate (the map's meldplaatsen)."""
    return q.meldplaats_rows(st)


def whole_journal(st: Store) -> JournalData:
    """The whole journal, prepared and sorted newest first here, off the GUI thread."""
    d = JournalData()
    for chunk in q.iter_journal_rows(st):
        d.add(chunk)
    d.sort_newest_first()
    trim_heap()
    return d


def journal_rows(ids: Sequence[str]) -> Callable[[Store], Rows]:
    """The journal rows of ``ids`` (new lines)."""
    return lambda st: q.journal_rows(st, ids)


def entity(eid: str) -> Callable[[Store], dict[str, Any] | None]:
    """One entity's full state (with its history), for a detail pane or a form."""
    return lambda st: st.entity(eid)


def incident_detail(eid: str) -> Callable[[Store], dict[str, Any] | None]:
    """An incident's full state with the decisions that concern it (its BOB's Besluit) under
    ``bob_decisions``."""
    def read(st: Store) -> dict[str, Any] | None:
        from data.picture.bob import decisions_of

        with st.snapshot():
            state = st.entity(eid)
            if state is None:
                return None
            state["bob_decisions"] = decisions_of(eid, q.states(st, "decision"),
                                                  q.states(st, "session"))
        return state
    return read


def kinds_of(ids: Sequence[str]) -> Callable[[Store], dict[str, str]]:
    """The kinds of entities known only by id (a conflict resolution names no kind)."""
    return lambda st: q.kinds_of(st, ids)


def comms(st: Store) -> list[tuple[str, str, str, str, str]]:
    return q.comms_latest(st)


def conflicts(st: Store) -> list[dict[str, Any]]:
    return st.conflicts()


def alarms(st: Store) -> list[dict[str, Any]]:
    return st.alarms()


def bijstand_counts(st: Store) -> dict[str, int]:
    return q.count_by_status(st, "bijstand")


def fingerprint(st: Store) -> str:
    return str(st.fingerprint())


def timeline(st: Store, region: str = "", text: str = "") -> list[tuple[str, str, int]]:
    return [(b.hour, b.kind, b.count) for b in q.timeline(st, region=region, text=text)]

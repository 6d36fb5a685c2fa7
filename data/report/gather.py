"""Read what a sitrep or a paper pack needs from a store, in one read snapshot.

Only what is printed is decoded: SQLite counts the open bijstand (data.report.open_bijstand)
and the key messages of the window (through the journal index, log.JOURNAL_INDEX, made once
per store by :func:`prepare`) under the sitrep's filters, and hands back the most urgent
requests (without their history) and the newest messages.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from typing import Any

import orjson

from data.domain.lifecycles import OPEN_BIJSTAND
from data.picture.moment import Now, at, at_iso
from data.report import open_bijstand
from data.report.content import (
    BIJSTAND_LISTED,
    DEFAULT_CLASS,
    DEFAULT_SINCE_HOURS,
    JOURNAL_LISTED,
    RANK,
    Filters,
    JournalTally,
    Meta,
    Raw,
    Sitrep,
    compose,
    incidents_in,
)
from data.store import Store, log
from data.store import queries as q
from data.store.envelope import Event


def prepare(st: Store) -> bool:
    """Make the journal index of the reports (:data:`data.store.log.JOURNAL_INDEX`) once per
    store, where reports are made: the first sitrep or pack (CLI), the Situatierapport dialog
    or the paper fallback (application). One pass over the journal (about 1.2 s of CPU at 1M
    events); after that ingest keeps it current, which costs bulk ingest about 8 % of its CPU,
    so a store that never makes a report does not carry it. Needs a writable store; returns
    whether the index was made now (False: there already, or the store is read-only)."""
    if st.readonly:
        return False
    with st.reader() as conn:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = "
                        "'ix_event_journal'").fetchone():
            return False
        log.ensure_journal_index(conn)
    return True


#: open requests without their history (thousands on a big store; the sitrep needs none of it)
_OPEN_BIJSTAND_SQL = ("SELECT json_remove(state, '$.history', '$.conflicts') FROM entity "
                      "WHERE kind = 'bijstand' AND status IN ({marks})")
#: the newest report per (region, channel) cell, as full states (with its classification)
_COMMS_SQL = ("SELECT state FROM entity WHERE kind = 'comms' AND id IN (SELECT id FROM "
              "(SELECT id, max(updated_at) FROM entity WHERE kind = 'comms' GROUP BY title))")


def _state(text: str) -> Any:
    """An entity state as a report reads it: orjson straight (a report has no use for the
    store's exact-number check, which costs more than the decoding on 60k open requests)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # what only the standard decoder accepts (NaN, surrogates)
        return json.loads(text)


def journal_line(ev: Event) -> dict[str, Any]:
    """A journal event as a sitrep line: when it happened, channel, from/to, text, marks."""
    p = ev.payload
    return {"id": ev.entity, "at": ev.occurred_at, "recorded_at": ev.recorded_at,
            "channel": p.get("channel"), "direction": p.get("direction"),
            "sender": p.get("sender"), "recipient": p.get("recipient"), "text": p.get("text"),
            "key": bool(p.get("key")), "incident_id": p.get("incident_id"),
            "classification": p.get("classification"), "author": ev.author,
            "nagekomen": bool(p.get("nagekomen"))}


def meta_of(st: Store) -> Meta:
    """Centre, node, world and fingerprint of a store (a reading lane's store has not read
    its identity: then it comes from the meta table)."""
    node, world, name = st.node_id, st.world, st.name
    if not world:
        ident = q.identity(str(st.path))
        node, world, name = ident["node_id"], ident["world"], ident["name"]
    return Meta(name or node, node, world, str(st.fingerprint()))


def gather(st: Store, now: Now, since: str, key_only: bool = True,
           filters: Filters | None = None, listed: int = BIJSTAND_LISTED) -> Raw:
    """The raw picture for a sitrep at ``now``: journal messages in (``since``, now] (only the
    key messages unless ``key_only`` is False). With ``filters``, SQLite counts the open
    requests and the key messages under them, and only the ``listed`` most urgent requests and
    the newest :data:`JOURNAL_LISTED` messages are read (compose the sitrep with the same
    filters and at most ``listed``); without, every open request and message is read in full."""
    iso = at_iso(now)
    with st.snapshot():
        raw = Raw(incidents=q.states(st, "incident"), sessions=q.states(st, "session"),
                  decisions=q.states(st, "decision"), actions=q.states(st, "action"),
                  nsp=q.states(st, "nsp"))
        with st.reader() as conn:
            if filters is not None:
                raw.bijstand_tally, states = open_bijstand.tally(conn, iso, filters, listed)
                raw.bijstand = [_state(s) for s in states]
            else:
                marks = ",".join("?" * len(OPEN_BIJSTAND))
                raw.bijstand = [_state(r[0]) for r in conn.execute(
                    _OPEN_BIJSTAND_SQL.format(marks=marks), sorted(OPEN_BIJSTAND))]
            raw.comms = [_state(r[0]) for r in conn.execute(_COMMS_SQL)]
            if filters is not None and key_only:
                raw.journal_tally, events = _key_messages(conn, raw, since, iso, filters)
            else:
                events = log.journal_between(conn, since, iso, key_only)
            raw.journal = [journal_line(e) for e in events]
    raw.attachments = st.attachments()
    return raw


def _key_messages(conn: sqlite3.Connection, raw: Raw, since: str, iso: str,
                  filters: Filters) -> tuple[JournalTally, list[Event]]:
    """The key messages of the window under ``filters``, counted by SQLite, and the newest
    :data:`JOURNAL_LISTED` of them (a line counts when its incident is in the regions)."""
    incidents = incidents_in(raw.incidents, filters) if filters.regions else None
    sides, events = log.key_journal_newest(conn, since, iso, RANK, RANK[DEFAULT_CLASS],
                                           RANK[filters.max_class], incidents, JOURNAL_LISTED)
    n, top = sides.get(True, (0, -1))
    by_rank = {r: c for c, r in RANK.items()}
    return JournalTally(n, sides.get(False, (0, 0))[0], by_rank.get(top)), events


def default_since(now: Now) -> str:
    """The start of the journal window when none is chosen: 24 hours before ``now``."""
    return at_iso(at(now) - timedelta(hours=DEFAULT_SINCE_HOURS))


def sitrep(st: Store, now: Now, filters: Filters = Filters()) -> Sitrep:
    """The sitrep of a store at ``now`` after ``filters``."""
    moment = at(now)  # one moment for the read and the rules (``now`` may be a clock)
    since = filters.since or default_since(moment)
    return compose(gather(st, moment, since, filters=filters), meta_of(st), moment, filters)

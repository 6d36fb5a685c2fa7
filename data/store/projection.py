"""How a store turns events into projection rows: the fold of one entity, its table rows, the
light-journal rule and the picture sum behind the fingerprint.

Pure functions over events and states (no SQL): the store, the rebuild and the rebuild's
helper processes all use these, so a projection row is made one way only.

The light-journal rule lives here and nowhere else: a journal entry is written once and never
changed, so an entity whose only event is one ``journal.logged`` is *light* (see
:data:`LIGHT_TYPE`); :data:`LIGHT_WHERE` is the one SQL condition that finds such entries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from data.domain.events import EVENT_TYPES
from data.store import fold
from data.store.envelope import Event, canonical_json

KEY_SEP = "\x1f"


@dataclass(slots=True)
class Ent:
    """An entity as the fold holds it during a transaction or a rebuild."""


    kind: str
    state: dict[str, Any] | None
    last_key: str
    dirty: bool = False
    #: the conflict table may hold rows for this entity (replace them when it is written)
    stored_conflicts: bool = False
    #: share of the picture sum still counted for this entity as a light journal entry (see
    #: :data:`LIGHT_TYPE`); taken out when its first table row is written
    light_sum: int = 0


#: A journal entry is written once and never changed: an entity whose only event is one
#: ``journal.logged`` is "light". Its projection is a pure function of that one event, so the
#: store keeps no row and no JSON state for it (readers fold the event when asked, and the
#: Logboek reads its fields from the log); its share of the picture sum is the event's own hash.
#: Anything more on the same id (a second event of any type) gives it an ordinary row.
#: Journal entries are most of a picture's events, and this halves the cost of taking them in.
LIGHT_TYPE = "journal.logged"


#: SQL condition on the ``event`` table that selects the events of the light journal entries
LIGHT_WHERE = (f"type = '{LIGHT_TYPE}' AND NOT EXISTS "
               "(SELECT 1 FROM entity WHERE entity.id = event.entity)")


def light_contribution(event_hash: str) -> int:
    """A light journal entry's share of the picture sum (its event hash fixes its state)."""
    return int(event_hash[:32], 16)


def fold_key(ev: Event) -> str:
    """The fold's total order: (hlc, origin, id) as one sortable string."""
    return ev.hlc + KEY_SEP + ev.origin + KEY_SEP + ev.id


_ORJSON_DUMPS = orjson.dumps
_ORJSON_SORT = orjson.OPT_SORT_KEYS
SUM_KEY = "picture_sum"
SUM_MOD = 1 << 128


def contribution(eid: str, digest: str) -> int:
    """One entity's share of the picture sum (see :meth:`Store.fingerprint`): its state digest
    as a number (every state names its own id, so the digest already covers it)."""
    return int(digest, 16)


def state_json(st: dict[str, Any]) -> str:
    """A state's stored text. States hold only what validated payloads and the fold put in
    (text, whole numbers, booleans, lists and objects), which orjson writes exactly as
    :func:`canonical_json` does, without that function's check of every value first (a state
    with a long history is large); whatever orjson refuses goes the canonical way."""
    try:
        return _ORJSON_DUMPS(st, option=_ORJSON_SORT).decode()
    except TypeError:
        return canonical_json(st)


def state_digest(st: dict[str, Any]) -> str:
    """The digest :func:`entity_row` gives ``st``, without the row: the SHA-256 of the text
    :func:`state_json` writes, hashed as orjson's bytes (no ``str`` made and encoded again)."""
    try:
        text = _ORJSON_DUMPS(st, option=_ORJSON_SORT)
    except TypeError:
        text = canonical_json(st).encode()
    return hashlib.sha256(text).hexdigest()[:32]


def entity_row(eid: str, kind: str, st: dict[str, Any], last_key: str) -> tuple[Any, ...]:
    """The ``entity`` table row of a projected state (the digest feeds the fingerprint)."""
    text = state_json(st)
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    return (eid, kind, fold.status_of(st), fold.title_of(st), fold.regions_of(st),
            st.get("updated_at", ""), text, digest, last_key)


def conflict_rows(eid: str, kind: str, st: dict[str, Any]) -> list[tuple[Any, ...]]:
    title = fold.title_of(st)
    return [(c["id"], eid, kind, title, c.get("found") or "", c["wanted"], c["origin"],
             c["author"], c["at"], c["reason"], c["resolution"] is not None)
            for c in st["conflicts"]]


_KINDS: dict[str, str] = {t: spec[0] for t, spec in EVENT_TYPES.items()}


def kind_of_events(evs: Sequence[Event]) -> str:
    """An entity's kind: that of its first event (in fold order) that names one."""
    for e in evs:
        k = _KINDS[e.type]
        if k != "*":
            return k
    return "*"


def fold_one(ent: Ent, e: Event) -> None:
    k = _KINDS[e.type]
    if k != "*" and ent.kind not in ("*", k):
        if ent.state is not None:  # an event of another kind on this id: keep it visible
            ent.state["history"].append({"at": e.occurred_at, "what": "genegeerd: " + e.type,
                                         "event": e.id, "by": e.author, "origin": e.origin})
    else:
        ent.state = fold.apply(ent.state, e, ent.kind)
    ent.last_key = fold_key(e)


def fold_events(evs: Sequence[Event]) -> Ent:
    """The projection of one entity from its events, which must be in (hlc, origin, id) order."""
    ent = Ent(kind_of_events(evs), None, "", dirty=True)
    for e in evs:
        fold_one(ent, e)
    return ent

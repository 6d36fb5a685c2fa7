"""The wiring of the notification list: what other centres add or change that concerns this
centre (the rule is :func:`data.picture.notifications.concerns_us`), read from the log after
every batch that sync or a bundle brought in — never after our own writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from data.picture.notifications import Notification, Us, concerns_us, us
from data.store import Changes, Store, queries
from desktop.context import Context
from desktop.ops import QueryOp, ReceivedChanges
from desktop.panes import Pane, Then

#: at most this many new events are looked at per batch; past it, one line says so
BATCH_LIMIT = 2000


@dataclass
class Found:
    """What one look at the log after the cursor found."""

    cursor: int
    me: Us
    items: list[Notification] = field(default_factory=list)
    skipped: int = 0


def start_mark(st: Store) -> Found:
    """Where the list starts: events already in the store at start-up are no news. (A reading
    lane's store may not carry the identity: the meta table has it.)"""
    node, name = st.node_id, st.name
    if not node:
        ident = queries.identity(str(st.path))
        node, name = ident["node_id"], ident["name"]
    return Found(st.log_mark(), us(node, name))


def new_since(cursor: int, me: Us) -> Callable[[Store], Found]:
    """A read (for a QueryOp): the notifications among the events that arrived after
    ``cursor``, in arrival order."""

    def read(st: Store) -> Found:
        rows = st.events_since(cursor, BATCH_LIMIT + 1)
        mark = st.log_mark()
        out = Found(mark, me)
        if len(rows) > BATCH_LIMIT:
            out.skipped = mark - rows[BATCH_LIMIT - 1][0]
            rows = rows[:BATCH_LIMIT]
        states: dict[str, Any] = {}
        for _seq, ev in rows:
            if ev.origin == me.node:
                continue
            if ev.entity not in states:
                states[ev.entity] = st.entity(ev.entity)
            state = states[ev.entity]
            session_regions: Any = ()
            if ev.type.startswith("decision.") and state and state.get("session_id"):
                session = st.entity(state["session_id"]) or {}
                session_regions = session.get("regions") or ()
            n = concerns_us({"id": ev.id, "origin": ev.origin, "type": ev.type,
                             "entity": ev.entity, "occurred_at": ev.occurred_at,
                             "payload": ev.payload}, state, me, session_regions)
            if n is not None:
                out.items.append(n)
        return out

    return read


class NotificationsPane(Pane):
    """Looks at what arrived from other centres and hands what concerns us to ``show``."""

    def __init__(self, ctx: Context, show: Any) -> None:
        super().__init__(ctx)
        self.show = show  # callable(list[Notification], skipped: int)
        self.cursor: int | None = None
        self.me: Us | None = None
        self._pending = False
        self._busy = False  # one look at a time, so that no event is reported twice

    def load(self, then: Then = None) -> None:
        self.query(start_mark, self._started, then)

    def _started(self, found: Found) -> None:
        self.cursor, self.me = found.cursor, found.me
        if self._pending:
            self._look()

    def on_changes(self, changes: Changes) -> None:
        if not isinstance(changes, ReceivedChanges):
            return
        self._pending = True
        if self.cursor is not None and not self._busy:
            self._look()  # (else: the start mark or the previous look is still on its way)

    def _look(self) -> None:
        assert self.cursor is not None and self.me is not None
        self._pending, self._busy = False, True
        op = QueryOp(self.ctx.ops, new_since(self.cursor, self.me)).success(self._found)
        op.failure(self._failed)
        op.run_in_background()

    def _failed(self, _e: Exception) -> None:
        self._busy = False  # the error went to the one error place; the next batch looks again

    def _found(self, found: Found) -> None:
        self._busy = False
        self.cursor = max(self.cursor or 0, found.cursor)
        if found.items or found.skipped:
            self.show(found.items, found.skipped)
        if self._pending:
            self._look()

"""The wiring of the notification list: what other centres add or change that concerns this
centre (the rule is :func:`data.picture.notifications.concerns_us`), read from the log after
every batch that sync or a bundle brought in — never after our own writes. The list, what was
read and how far the log was looked at are kept beside the store (desktop.notify_memory), so
that what arrived while the window was closed is news when it opens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.picture.notifications import Notification, Us, concerns_us, us
from data.store import Changes, Store, queries
from desktop import notify_memory
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
    #: at the start: what the list held when the window last closed (None: nothing kept)
    kept: notify_memory.Memory | None = None
    world: str = ""


def start_mark(st: Store) -> Found:
    """Where the list starts: where the log was looked at last time (kept beside the store),
    else its end: events already in the store at the first start are no news. (A reading
    lane's store may not carry the identity: the meta table has it.)"""
    node, name, world = st.node_id, st.name, st.world
    if not node:
        ident = queries.identity(str(st.path))
        node, name, world = ident["node_id"], ident["name"], ident.get("world", world)
    mark = st.log_mark()
    kept = notify_memory.load(Path(st.path), str(world), node, mark)
    return Found(kept.cursor if kept else mark, us(node, name), kept=kept, world=str(world))


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
    """Looks at what arrived from other centres and hands what concerns us to ``notes`` (the
    list: widgets.notifications.NotificationList), and keeps the list beside the store."""

    def __init__(self, ctx: Context, notes: Any) -> None:
        super().__init__(ctx)
        self.notes = notes
        self.cursor: int | None = None
        self.me: Us | None = None
        self.world = ctx.world
        self._pending = False
        self._busy = False  # one look at a time, so that no event is reported twice
        notes.sig_unread_changed.connect(lambda _counts: self._remember())

    def load(self, then: Then = None) -> None:
        self.query(start_mark, self._started, then)

    def _started(self, found: Found) -> None:
        self.cursor, self.me, self.world = found.cursor, found.me, found.world or self.world
        if found.kept is not None:
            self.notes.restore(found.kept.items, found.kept.read)
        if found.kept is not None or self._pending:
            self._look()  # (what arrived while the window was closed)

    def _remember(self) -> None:
        if self.cursor is None or self.me is None:
            return
        notify_memory.save(Path(self.ctx.path), notify_memory.Memory(
            self.world, self.me.node, self.cursor, list(self.notes.items),
            set(self.notes.read)))

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
            self.notes.add(found.items, found.skipped)  # (which remembers, through its signal)
        else:
            self._remember()  # how far the log was looked at
        if self._pending:
            self._look()

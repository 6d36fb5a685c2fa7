"""The wiring of each view to the store: what it loads, and which changes make it load again.

Every pane has ``on_changes(changes)``, connected to :attr:`desktop.ops.Ops.sig_changes` in one
loop; it decides from the :class:`~data.store.Changes` itself (``touches(kind)``, the ids)
whether and what to load — a journal line reloads journal rows, nothing else. Loads are
:class:`~desktop.ops.QueryOp` s; results go to the view and to the shared picture.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any, TypeVar

from data.picture.deadlines import incident_t0
from data.store import Changes, Store
from desktop import reads
from desktop.context import Context
from desktop.ops import Lane, QueryOp
from widgets.bijstand_view import BijstandView
from widgets.comms_matrix import CommsMatrix
from widgets.conflict_inbox import ConflictInbox
from widgets.decisions_view import DecisionsView
from widgets.incidents_view import IncidentsView
from widgets.journal import JournalData
from widgets.journal_view import JournalView
from widgets.nsp_view import NspView
from widgets.public_view import PublicView

T = TypeVar("T")
Then = Callable[[], None] | None
#: kinds with a lifecycle: a change to one of them may raise or clear a conflict
CONFLICT_KINDS = frozenset({"incident", "bijstand", "decision", "action", "session", "*"})
#: past this many journal lines the cyclic GC is told to leave them alone (see JournalPane)
GC_FREEZE_LINES = 50_000


def ids_of(changes: Changes, kind: str) -> list[str]:
    """The ids of the entities of ``kind`` that ``changes`` touched."""
    return [eid for eid, k in changes.entities.items() if k == kind]


class Pane:
    """Base of the panes: a load runs ``fn`` on a reading lane and hands the result on."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def query(self, fn: Callable[[Store], T], apply: Callable[[T], None], then: Then = None,
              lane: Lane = Lane.READ) -> None:
        # while Terugkijken holds a past picture, a live load does not overwrite it (the views
        # load again on the way back)
        op = QueryOp(self.ctx.ops, fn, lane).success(
            lambda r: None if self.ctx.frozen() else apply(r))
        if then is not None:
            op.success(lambda _r: then())
        op.run_in_background()

    def on_changes(self, changes: Changes) -> None:
        """Load again what ``changes`` touched of this pane (default: nothing)."""

    def stop(self) -> None:
        """Stop timers (the window closes)."""


class IncidentsPane(Pane):
    """Incidenten: the table, and the detail of the selected incident."""

    def __init__(self, ctx: Context, view: IncidentsView) -> None:
        super().__init__(ctx)
        self.view = view
        view.sig_selected.connect(self.detail)

    def load(self, then: Then = None) -> None:
        self.query(reads.states_with_clips("incident"), self._show, then)

    def _show(self, states: list[dict[str, Any]]) -> None:
        self.ctx.picture.update(incidents=states)
        self.view.set_incidents(states)

    def detail(self, eid: str) -> None:
        self.query(reads.incident_detail(eid), self.view.show_detail)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("incident") or changes.touches("attachment"):
            self.load()
        if self.view.current() in changes.entities or (
                self.view.current() and changes.touches("decision")):
            self.detail(self.view.current())


class BijstandPane(Pane):
    """Bijstand: the board (first the counts per status for the tile, then the rows; after a
    change only the changed rows), and the detail of the selected request."""

    def __init__(self, ctx: Context, view: BijstandView) -> None:
        super().__init__(ctx)
        self.view = view
        view.sig_selected.connect(self.detail)

    def load_counts(self, then: Then = None) -> None:
        self.query(reads.bijstand_counts,
                   lambda counts: self.ctx.picture.update(bijstand_counts=counts), then)

    def load(self, then: Then = None) -> None:
        self.query(reads.bijstand_rows(), self._show, then)
        self.load_meldplaatsen()

    def load_meldplaatsen(self) -> None:
        """The requests with a meldplaats on the map (few: only those with a coordinate)."""
        self.query(reads.meldplaatsen, lambda ms: self.ctx.picture.update(meldplaatsen=ms))

    def _show(self, rows: reads.Rows) -> None:
        self.ctx.picture.update(bijstand={r[0]: r for r in rows})
        self.view.set_rows(rows)

    def _upsert(self, rows: reads.Rows) -> None:
        # a new dict, never the old one changed: what is kept per loaded part (the search
        # texts of 60k rows) follows it (a copy of 60k entries takes a few ms)
        held = {**self.ctx.picture.state.bijstand, **{r[0]: r for r in rows}}
        self.ctx.picture.update(bijstand=held)
        self.view.upsert(rows)

    def detail(self, eid: str) -> None:
        self.query(reads.entity(eid), self.view.show_detail)

    def on_changes(self, changes: Changes) -> None:
        ids = ids_of(changes, "bijstand")
        if ids:
            self.query(reads.bijstand_rows(ids), self._upsert)  # only the changed rows
            self.load_meldplaatsen()
        if self.view.current() in changes.entities:
            self.detail(self.view.current())


class DecisionsPane(Pane):
    """Besluiten: sessions, decisions and actions, each loaded when it changed."""

    def __init__(self, ctx: Context, view: DecisionsView) -> None:
        super().__init__(ctx)
        self.view = view

    def _show(self, **part: list[dict[str, Any]]) -> None:
        self.ctx.picture.update(**part)
        p = self.ctx.picture.state
        self.view.set_data(p.sessions, p.decisions, p.actions)

    def load_sessions(self, then: Then = None) -> None:
        self.query(reads.states("session"), lambda s: self._show(sessions=s), then)

    def load_decisions(self, then: Then = None) -> None:
        self.query(reads.states("decision"), lambda s: self._show(decisions=s), then)

    def load_actions(self, then: Then = None) -> None:
        self.query(reads.states("action"), lambda s: self._show(actions=s), then)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("session"):
            self.load_sessions()
        if changes.touches("decision"):
            self.load_decisions()
        if changes.touches("action"):
            self.load_actions()


class NspPane(Pane):
    """Noodsteunpunten, judged against T0+72 h of the incident each point belongs to."""

    def __init__(self, ctx: Context, view: NspView) -> None:
        super().__init__(ctx)
        self.view = view
        self._states: list[dict[str, Any]] = []
        self._t0: dict[str, str | None] = {}
        # T0 comes from the incidents as the Incidenten pane loaded them: no read of our own
        ctx.picture.sig_changed.connect(self._incidents_maybe_changed)

    def load(self, then: Then = None) -> None:
        self.query(reads.states("nsp"), self._show, then)

    def _show(self, states: list[dict[str, Any]]) -> None:
        self._states = states
        self.ctx.picture.update(nsp=states)
        self._t0 = self._t0_map()
        self.view.set_points(states, self._t0)

    def _t0_map(self) -> dict[str, str | None]:
        return {str(s.get("id")): incident_t0(s) for s in self.ctx.picture.state.incidents}

    def _incidents_maybe_changed(self) -> None:
        t0 = self._t0_map()
        if t0 != self._t0:
            self._t0 = t0
            self.view.set_points(self._states, t0)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("nsp"):
            self.load()


class CommsPane(Pane):
    """Verbindingen: the newest state per region and channel."""

    def __init__(self, ctx: Context, view: CommsMatrix) -> None:
        super().__init__(ctx)
        self.view = view

    def load(self, then: Then = None) -> None:
        self.query(reads.comms, self._show, then)

    def _show(self, cells: list[tuple[str, str, str, str, str]]) -> None:
        self.ctx.picture.update(comms=cells)
        self.view.matrix.set_cells(cells)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("comms"):
            self.load()


class PublicPane(Pane):
    """Publiek en schaarste: NL-Alerts, scarce means, vital partners, centres (small lists).
    ``on_centres`` hears the centres' states too (the map shows the teams active per region)."""

    KINDS = ("alert", "capacity", "partner", "centre")

    def __init__(self, ctx: Context, view: PublicView,
                 on_centres: Callable[[list[dict[str, Any]]], None] | None = None) -> None:
        super().__init__(ctx)
        self.view = view
        self._on_centres = on_centres
        self._data: dict[str, list[dict[str, Any]]] = {k: [] for k in self.KINDS}
        self._comms: Any = None
        # NL-Alert's reach follows the comms cells the Verbindingen pane loaded
        ctx.picture.sig_changed.connect(self._comms_maybe_changed)

    def load(self, then: Then = None) -> None:
        def read(st: Store) -> dict[str, list[dict[str, Any]]]:
            return {k: reads.states(k)(st) for k in self.KINDS}
        self.query(read, self._show, then)

    def _show(self, data: dict[str, list[dict[str, Any]]]) -> None:
        self._data = data
        self._comms = self.ctx.picture.state.comms
        self.view.set_data(data["alert"], data["capacity"], data["partner"], self._comms,
                           data["centre"])
        if self._on_centres is not None:
            self._on_centres(data["centre"])

    def _comms_maybe_changed(self) -> None:
        if self.ctx.picture.state.comms is not self._comms and self._data["alert"]:
            self._show(self._data)

    def on_changes(self, changes: Changes) -> None:
        if any(changes.touches(k) for k in self.KINDS):
            self.load()


class JournalPane(Pane):
    """Logboek: the whole journal once, then only new lines."""

    def __init__(self, ctx: Context, view: JournalView) -> None:
        super().__init__(ctx)
        self.view = view

    def load(self, then: Then = None) -> None:
        self.query(reads.whole_journal, self._show, then)

    def _show(self, data: JournalData) -> None:
        self.view.model.set_data(data)
        # hundreds of thousands of long-lived objects: keep the cyclic GC from walking them
        # again and again (a full collection would stall typing for 100+ ms)
        if len(data) > GC_FREEZE_LINES:
            gc.freeze()

    def on_changes(self, changes: Changes) -> None:
        ids = ids_of(changes, "journal")
        if ids:
            self.query(reads.journal_rows(ids), self.view.add_rows)


class ConflictsPane(Pane):
    """Tegenstrijdige wijzigingen (conflicts): the inbox, and who set the current value of the
    selected conflict."""

    def __init__(self, ctx: Context, view: ConflictInbox) -> None:
        super().__init__(ctx)
        self.view = view
        view.sig_selected.connect(self.context_of)

    def load(self, then: Then = None) -> None:
        self.query(reads.conflicts, self._show, then)

    def _show(self, conflicts: list[dict[str, Any]]) -> None:
        self.ctx.picture.update(conflicts=conflicts)
        self.view.set_conflicts(conflicts)

    def context_of(self, eid: str) -> None:
        self.query(reads.entity(eid), self.view.set_context)

    def on_changes(self, changes: Changes) -> None:
        # only a change to an entity with a lifecycle can raise or clear a conflict
        if changes.conflicts or changes.kinds & CONFLICT_KINDS:
            self.load()

"""The panes of one window put together: one per view, each hearing every ``Changes``, and the
order of the first load (what the Overzicht tiles need first, the big journal last, the
whole-log scans once the tiles are filled)."""

from __future__ import annotations

from dataclasses import dataclass, field

from data.picture.continuity import teams_by_region
from desktop import panes as p
from desktop import summary_panes as sp
from desktop.context import Context
from widgets.bijstand_view import BijstandView
from widgets.comms_matrix import CommsMatrix
from widgets.conflict_inbox import ConflictInbox
from widgets.decisions_view import DecisionsView
from widgets.header import HeaderBar
from widgets.incidents_view import IncidentsView
from widgets.journal_view import JournalView
from widgets.nsp_view import NspView
from widgets.overview import OverviewView
from widgets.public_view import PublicView


@dataclass
class Panes:
    """The panes of one window."""

    incidents: p.IncidentsPane
    bijstand: p.BijstandPane
    decisions: p.DecisionsPane
    nsp: p.NspPane
    comms: p.CommsPane
    journal: p.JournalPane
    conflicts: p.ConflictsPane
    header: sp.HeaderPane
    overview: sp.OverviewPane
    kinds: sp.UnknownKinds
    public: p.PublicPane | None = None
    first_load: sp.FirstLoad = field(init=False)

    def all(self) -> list[p.Pane]:
        extra: list[p.Pane] = [self.public] if self.public is not None else []
        return [self.incidents, self.bijstand, self.decisions, self.nsp, self.comms,
                self.journal, self.conflicts, self.header, self.overview, self.kinds, *extra]

    def stop(self) -> None:
        for pane in self.all():
            pane.stop()


def wire_panes(ctx: Context, header: HeaderBar, overview: OverviewView,
               incidents: IncidentsView, bijstand: BijstandView, decisions: DecisionsView,
               journal: JournalView, comms: CommsMatrix, nsp: NspView,
               conflicts: ConflictInbox, public: PublicView | None = None) -> Panes:
    """Make the panes, connect each one's ``on_changes`` (one loop), plan the first load."""
    ps = Panes(p.IncidentsPane(ctx, incidents), p.BijstandPane(ctx, bijstand),
               p.DecisionsPane(ctx, decisions), p.NspPane(ctx, nsp), p.CommsPane(ctx, comms),
               p.JournalPane(ctx, journal), p.ConflictsPane(ctx, conflicts),
               sp.HeaderPane(ctx, header), sp.OverviewPane(ctx, overview), sp.UnknownKinds(ctx),
               p.PublicPane(ctx, public, on_centres=lambda cs: overview.map.set_notes(
                   teams_by_region(cs))) if public is not None else None)
    for pane in ps.all():
        ctx.ops.sig_changes.connect(pane.on_changes)
    ps.first_load = sp.FirstLoad(
        ctx,
        tiles=[ps.incidents.load, ps.comms.load, ps.nsp.load, ps.decisions.load_actions,
               ps.decisions.load_decisions, ps.bijstand.load_counts],
        rest=[ps.conflicts.load, ps.header.load_alarms, ps.decisions.load_sessions,
              ps.bijstand.load, *([ps.public.load] if ps.public is not None else []),
              ps.journal.load],
        slow=[ps.header.load_fingerprint, ps.overview.load_timeline])
    # one set of search texts for the Overzicht and the bijstand board, ready before typing
    bijstand.board.share_texts(ps.overview.hay)
    ps.overview.after_warm = bijstand.board.prepare_search
    ps.first_load.sig_tiles_filled.connect(ps.overview.start_warming)
    return ps

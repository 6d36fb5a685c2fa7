"""Terugkijken in the application: every view shows the picture as of a chosen moment, and the
Overdracht (what changed since the start of a shift).

While Terugkijken is on, ``Context.frozen()`` is true: the panes' live loads do not overwrite
the past picture (:class:`desktop.panes.Pane`) and writes are refused with a Dutch message
(:class:`desktop.commands.CommandWiring`). Pictures are made on their own reading lane
(``Lane.HISTORY``) by a :class:`data.history.frame.Seeker`, one at a time: while one is being
made, only the newest moment asked for waits (a dragged slider does not queue a hundred seeks).
Esc, or the button, returns to now: every view loads the live picture again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from data.history.frame import Frame, Seeker, span
from data.picture.deadlines import incident_t0
from data.picture.places import places
from data.store import Store
from data.store import queries as q
from desktop.context import Context
from desktop.ops import Lane, QueryOp
from desktop.wiring import Panes
from widgets.overdracht import OverdrachtDialog
from widgets.terugkijken import TerugkijkenBar

translate = QCoreApplication.translate


#: how often at most the requests with a meldplaats are read again while the log changes (s)
REREAD_POINTS_S = 60.0


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Terugkijken(QObject):
    """The Terugkijken mode of one window."""

    sig_shown = Signal(object)
    """A past picture is on the views: (the Frame)."""
    sig_active = Signal(bool)
    """The mode went on (True) or off (False)."""

    def __init__(self, ctx: Context, panes: Panes, views: Any, header: Any,
                 current_view: Callable[[], str]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.panes = panes
        self.v = views  # the window: overview, incidents, bijstand, … as attributes
        self.header = header
        self.current_view = current_view
        self.bar = TerugkijkenBar()
        self.bar.hide()
        self.bar.sig_moment.connect(self.request)
        self.bar.sig_exit.connect(self.leave)
        self.active = False
        self.axis = "waar"
        self.frame: Frame | None = None
        self._seeker = Seeker(ctx.path)
        #: in an exercise world: T0 of the scenario in ms (None: no exercise, or not started)
        self.scenario_t0: Callable[[], int | None] = lambda: None
        self._span: dict[str, Any] = {}
        self._busy = False
        self._want: tuple[str, str] | None = None
        self._prepared = False
        self._used = False  # the seeker was handed to the HISTORY lane
        #: the requests with a meldplaats now (the only ones that can have had one then), as
        #: read on the HISTORY lane, with the log's mark and the time it was read then
        self._with_point: tuple[list[str], int, float] | None = None
        self.overdracht: OverdrachtDialog | None = None

    # ------------------------------------------------------------------ menu

    def add_actions(self, menu: QMenu) -> None:
        """Weergave → Terugkijken (Ctrl+Shift+T) and Overdracht (Ctrl+Shift+O)."""
        window = self.ctx.window
        for text, key, fn in ((translate("Terugkijken", "Terugkijken (beeld op een eerder moment)"),
                               "Ctrl+Shift+T",
                               self.enter),
                              (translate("Terugkijken",
                                         "Overdracht (wat veranderde sinds begin dienst)"),
                               "Ctrl+Shift+O", self.open_overdracht)):
            act = QAction(text, window)
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(lambda _=False, f=fn: f())
            menu.addAction(act)
            window.addAction(act)

    # ------------------------------------------------------------------ the mode

    def enter(self, at: str | None = None, axis: str = "waar") -> None:
        """Turn the mode on; the views show the picture at ``at`` (ISO; default: the end of
        the log) once the log's span is known."""
        t0 = self.scenario_t0()
        self.bar.t0_ms = int(t0) if t0 else None
        if not self.active:
            self.active = True
            self.bar.show()
            self.bar.set_banner(at or "", axis, busy=True)
            self.sig_active.emit(True)
            self._prepare()
        self.axis = axis
        self.bar.axis.blockSignals(True)
        self.bar.axis.setCurrentIndex(0 if axis == "waar" else 1)
        self.bar.axis.blockSignals(False)
        QueryOp(self.ctx.ops, span, Lane.HISTORY).success(
            lambda d: self._got_span(d, at)).run_in_background()

    def _prepare(self) -> None:
        """Once per window: the occurred_at index (a write, once per store) and the missing
        checkpoints (a long read the first time: on the slow lane, so seeks go on meanwhile)."""
        if self._prepared:
            return
        self._prepared = True
        from data.history import Checkpoints, prepare
        from data.store import log

        def index(st: Store) -> None:
            with st.reader() as conn:
                log.ensure_occurred_index(conn)

        QueryOp(self.ctx.ops, index, Lane.WRITE).run_in_background()
        path = self.ctx.path

        def checkpoints(st: Store) -> int:
            cps = Checkpoints(path)
            try:
                return prepare(st, cps)
            finally:
                cps.close()

        QueryOp(self.ctx.ops, checkpoints, Lane.SLOW, expected=(Exception,)).failure(
            lambda _e: None) \
            .run_in_background()

    def _got_span(self, d: dict[str, Any], at: str | None) -> None:
        if not self.active:
            return
        self._span = d
        self.bar.set_density(d["per_hour"])
        lo, hi = d[self.axis]
        if lo is None:  # an empty log: nothing to look back at
            self.bar.set_banner("", self.axis)
            return
        self.bar.set_span(lo, hi, at)
        self.request(self.bar.moment(), self.axis)

    def request(self, at: str, axis: str) -> None:
        """Show the picture at ``at`` on ``axis`` (the newest request wins)."""
        if not self.active or not at:
            return
        if axis != self.axis and self._span:  # the other axis spans other moments
            self.axis = axis
            lo, hi = self._span[axis]
            if lo is not None:
                at = min(max(at, lo), hi)
                self.bar.set_span(lo, hi, at)
        self.axis = axis
        self._want = (at, axis)
        self.bar.set_banner(at, axis, busy=True)
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if self._want is None:
            return
        at, axis = self._want
        self._want = None
        self._busy = True
        part = self.current_view()
        seeker = self._seeker

        self._used = True

        def seek(st: Store) -> Frame:
            return seeker.frame(st, at, axis, {part},  # type: ignore[arg-type]
                                self._meldplaatsen(st))

        QueryOp(self.ctx.ops, seek, Lane.HISTORY).success(self._show).failure(
            self._failed).run_in_background()

    def _meldplaatsen(self, st: Store) -> list[str]:
        """The ids of the requests with a meldplaats point now (on the HISTORY lane; one seek
        at a time). Read from the store, not the live picture: that one stops loading while
        Terugkijken is on, and may not have its bijstand yet when it opens. Read again when
        the log has changed, at most once a minute (a read of every request's state)."""
        mark, got = st.log_mark(), self._with_point
        if got is None or (mark != got[1] and time.monotonic() - got[2] >= REREAD_POINTS_S):
            got = self._with_point = ([str(m["id"]) for m in q.meldplaats_rows(st)], mark,
                                      time.monotonic())
        return got[0]

    def _failed(self, _e: Exception) -> None:
        self._busy = False
        self.ctx.status(translate("Terugkijken", "terugkijken: dit moment kon niet worden gelezen"))
        self._next()

    def _show(self, fr: Frame) -> None:
        self._busy = False
        if not self.active:
            return
        if self._want is None:  # (a newer moment waiting: skip painting this one)
            self.apply(fr)
        self._next()

    def view_changed(self) -> None:
        """Another view came up: fetch its part of the picture at the same moment."""
        if self.active and self.frame is not None and \
                self.current_view() not in self.frame.parts:
            self.request(self.frame.at, self.frame.axis)

    def apply(self, fr: Frame) -> None:
        """Put the picture of ``fr`` on every view (the Overzicht always, the others as far
        as ``fr`` carries them)."""
        self.frame = fr
        v, ps = self.v, fr.state
        self.bar.set_banner(fr.at, fr.axis)
        v.overview.set_kpis(dict(fr.kpis))
        v.overview.map.set_levels(fr.levels)
        v.overview.map.set_places(places(ps))
        self.header.set_fingerprint(fr.fingerprint)
        v.incidents.set_incidents(ps.incidents)
        v.decisions.set_data(ps.sessions, ps.decisions, ps.actions)
        v.nsp.set_points(ps.nsp, {str(s.get("id")): incident_t0(s) for s in ps.incidents})
        v.comms.matrix.set_cells(ps.comms)
        v.conflicts.set_conflicts(ps.conflicts)
        if "bijstand" in fr.parts:
            v.bijstand.set_rows(fr.bijstand_rows)
        if "publiek" in fr.parts and v.public is not None:
            v.public.set_data(fr.public["alert"], fr.public["capacity"], fr.public["partner"],
                              ps.comms)
        moment = datetime.fromisoformat(fr.at.replace("Z", "+00:00"))
        v.journal.model.set_until(int(moment.timestamp()))
        self.sig_shown.emit(fr)

    def leave(self) -> None:
        """Back to now: every view loads the live picture again."""
        if not self.active:
            return
        self.active = False
        self._want = None
        self.frame = None
        self._with_point = None
        self.bar.stop()
        self.bar.hide()
        self.v.journal.model.set_until(None)
        fl = self.panes.first_load
        for load in [*fl.tiles, *fl.rest, *fl.slow]:
            load(None)
        self.ctx.status(translate("Terugkijken", "terug naar het actuele beeld"))
        self.sig_active.emit(False)

    def stop(self) -> None:
        """The window closes: the seeker's connection is closed on its own lane, after any
        seek still under way there."""
        self.bar.stop()
        seeker = self._seeker
        if self._used:
            QueryOp(self.ctx.ops, lambda _st: seeker.close(), Lane.HISTORY).run_in_background()
        if self.overdracht is not None:
            self.overdracht.close()

    # ------------------------------------------------------------------ Overdracht

    def open_overdracht(self) -> OverdrachtDialog:
        """The handover since the start of the shift (default: 12 hours ago)."""
        now = self.ctx.clock.now()
        dlg = OverdrachtDialog(_iso(now - timedelta(hours=12)), _iso(now), self.ctx.window)
        dlg.sig_make.connect(lambda t1, t2, axis: self.make_overdracht(dlg, t1, t2, axis))
        dlg.sig_save.connect(lambda text: self._save(dlg, text))
        self.overdracht = dlg
        dlg.open()
        dlg.make()
        return dlg

    def make_overdracht(self, dlg: OverdrachtDialog, t1: str, t2: str, axis: str) -> None:
        from data.history.diff import handover

        if t1 > t2:
            dlg.show_error(translate("Terugkijken",
                                     "Het begin ligt na het einde; kies een eerder begin."))
            return
        seeker = self._seeker

        self._used = True

        def make(st: Store) -> str:
            return handover(st, t1, t2, axis, seeker.checkpoints)  # type: ignore[arg-type]

        dlg.set_busy()
        QueryOp(self.ctx.ops, make, Lane.HISTORY).success(dlg.set_markdown).failure(
            lambda _e: dlg.show_error(translate("Terugkijken",
                                                "De overdracht kon niet worden gemaakt."))
        ).run_in_background()

    def _save(self, dlg: OverdrachtDialog, text: str) -> None:
        path, _f = QFileDialog.getSaveFileName(dlg, translate("Terugkijken", "Overdracht opslaan"),
                                               "overdracht.md",
                                               translate("Terugkijken", "Markdown (*.md)"))
        if not path:
            return
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as e:
            dlg.show_error(translate("Terugkijken", "Niet opgeslagen: {0}")
                           .format(e.strerror or str(e)))
            return
        self.ctx.status(translate("Terugkijken", "overdracht opgeslagen: {0}").format(path))

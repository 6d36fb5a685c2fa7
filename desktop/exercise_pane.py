"""Wiring of exercises in a window: the scenario time in the header (every centre of an
exercise world: the clock events are in every log) and, in the control team's store (the one
with the scenario beside it), the *Oefening* console.

Clock and inject actions are writes on the WRITE lane (each in one transaction, whose
``Changes`` every view hears); the inject list is a read; the evaluation and observer notes
run on the SLOW lane. The console's clock ticks once a second while the exercise runs, and a
tick is a write only when an inject falls due.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog

from data.domain.validation import ValidationError
from data.scenario.aar import Review, review
from data.scenario.aar_render import RenderError, to_html, write
from data.scenario.clock_text import clock_text
from data.scenario.control import append_injects, load_scenario, sidecar_path
from data.scenario.judgement import (
    JudgementError,
    add_finding,
    add_plan_item,
    judge,
    load_judgement,
    rate,
)
from data.scenario.model import Scenario
from data.scenario.msel import MselError, Sheet, read_msel
from data.scenario.observations import Note, NoteError, add_note, load_notes
from data.scenario.player import CLOCK_ENTITY, ExerciseError, Player
from data.store import Changes, Store, StoreError, queries
from desktop.context import Context
from desktop.ops import CollectionOp, Lane, QueryOp
from desktop.panes import Pane
from widgets.exercise_console import ExerciseConsole
from widgets.header import HeaderBar, is_exercise
from widgets.plan_dialog import PlanDialog

translate = QCoreApplication.translate

EXPECTED = (ExerciseError, ValidationError, StoreError, NoteError, RenderError, JudgementError,
            OSError)
REVIEW_DELAY_MS = 400


class ExerciseClockPane(Pane):
    """The exercise clock in the header: loaded when a clock event arrives, shown each second."""

    def __init__(self, ctx: Context, header: HeaderBar) -> None:
        super().__init__(ctx)
        self.header = header
        self.state: dict[str, Any] | None = None
        self.listeners: list[Callable[[], None]] = []
        header.sig_tick.connect(self.show)

    def load(self) -> None:
        self.query(lambda st: st.entity(CLOCK_ENTITY), self._set)

    def _set(self, state: dict[str, Any] | None) -> None:
        self.state = state
        self.show()

    def show(self) -> None:
        self.header.set_scenario_text(clock_text(self.state, self.ctx.clock.now_ms()))
        for fn in self.listeners:
            fn()

    def running(self) -> bool:
        return bool(self.state and self.state.get("running"))

    def on_changes(self, changes: Changes) -> None:
        if CLOCK_ENTITY in changes.entities:
            self.load()


class ExercisePane(Pane):
    """The trainer console on the control team's store."""

    def __init__(self, ctx: Context, view: ExerciseConsole, scenario: Scenario,
                 clock_pane: ExerciseClockPane) -> None:
        super().__init__(ctx)
        self.view = view
        self.scenario = scenario
        self.clock_pane = clock_pane
        self.last_review: Review | None = None
        self._players: dict[int, Player] = {}
        self._identity = queries.identity(str(ctx.path))
        self._tick_pending = False
        parent: QObject = ctx.window
        self._ticker = QTimer(parent)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._review_timer = QTimer(parent)
        self._review_timer.setSingleShot(True)
        self._review_timer.setInterval(REVIEW_DELAY_MS)
        self._review_timer.timeout.connect(self.load_review)
        clock_pane.listeners.append(self._show_clock)
        v = view
        v.sig_play.connect(self.play)
        v.sig_pause.connect(lambda: self.act(lambda p: p.pause(), "gepauzeerd"))
        v.sig_speed.connect(self.set_speed)
        v.sig_jump_next.connect(self.jump_next)
        v.sig_send_now.connect(
            lambda i: self.act(lambda p: p.send_now(i), f"inject {i} verstuurd"))
        v.sig_postpone.connect(self.postpone)
        v.sig_withdraw.connect(
            lambda i: self.act(lambda p: p.withdraw(i), f"inject {i} ingetrokken"))
        v.sig_note.connect(self.note)
        v.sig_judge.connect(self.judge)
        v.sig_import.connect(self._ask_import)
        v.sig_rate.connect(self.rate)
        v.sig_finding.connect(self.finding)
        v.sig_plan.connect(self.open_plan)
        self.plan_dialog: PlanDialog | None = None
        v.set_objectives(self._objectives())
        self.confirm_import: Callable[[Sheet], bool] = self._preview
        v.sig_aar_view.connect(self.view_aar)
        v.sig_aar_export.connect(self._ask_export)

    def player(self, st: Store) -> Player:
        """One player per connection (each lane has its own), so its plan cache is reused."""
        p = self._players.get(id(st))
        if p is None or p.store is not st:
            if not st.world:  # a reading lane's store is opened without its identity
                st.world, st.node_id = self._identity["world"], self._identity["node_id"]
            p = self._players[id(st)] = Player(st, self.scenario, self.ctx.clock)
        # the person on duty leads the exercise (issue 16): their name and function are the
        # author of every clock and inject event, so the core's trainer-only rule applies
        p.author = self.ctx.author or p.author
        return p

    # ------------------------------------------------------------------ loads

    def load(self) -> None:
        self.load_status()
        self.load_review()

    def load_status(self) -> None:
        notes = {i.id: i.notes for i in self.scenario.injects}

        def get(st: Store) -> dict[str, Any]:
            s = self.player(st).status()
            for r in s["injects"]:
                r["notes"] = notes.get(r["id"], "")
            return s

        self.query(get, self._show_status)

    def _show_status(self, status: dict[str, Any]) -> None:
        self.view.show_status(status)
        if status["running"] and not self._ticker.isActive():
            self._ticker.start()
        elif not status["running"]:
            self._ticker.stop()

    def load_review(self) -> None:
        self.query(self._review, self._show_review, lane=Lane.SLOW)

    def _review(self, st: Store) -> Review:
        self.player(st)  # gives a reading store its identity (whose events are the control's)
        return review(st, self.scenario, load_notes(self.ctx.path), self.ctx.clock.now_ms(),
                      judgement=load_judgement(self.ctx.path))

    def _show_review(self, r: Review) -> None:
        self.last_review = r
        self.view.show_expectations([
            (i.id, x.text or x.type, x.state,
             x.response.response_s if x.response else None,
             x.response.author if x.response else "",
             x.override + (f" ({x.override_note})" if x.override_note else ""), n)
            for i in r.injects for n, x in enumerate(i.expectations, 1)])
        self.view.show_timeline(
            [(i.id, i.fired_s, [x.response.offset_s for x in i.expectations if x.response])
             for i in r.injects if i.fired_s is not None], r.now_s)

    def _show_clock(self) -> None:
        now = self.ctx.clock.now()
        self.view.show_clock(clock_text(self.clock_pane.state, self.ctx.clock.now_ms()),
                             now.strftime("%H:%M:%S UTC"))

    def on_changes(self, changes: Changes) -> None:
        if any(k == "exercise" for k in changes.entities.values()):
            self.load_status()
        if changes.events:
            self._review_timer.start()  # a player's action may meet an expectation

    def stop(self) -> None:
        self._ticker.stop()
        self._review_timer.stop()

    # ------------------------------------------------------------------ actions

    def act(self, fn: Callable[[Player], Any], done: str) -> None:
        """One clock or inject action as one write; its result or refusal on the console."""

        def run(st: Store) -> Changes:
            with st.transaction() as ch:
                fn(self.player(st))
            return ch

        CollectionOp(self.ctx.ops, run, expected=EXPECTED) \
            .success(lambda _c: self.view.show_message(done)) \
            .failure(lambda e: self.view.show_message(str(e))) \
            .run_in_background()

    def tick(self) -> None:
        """Fire what fell due (a write only then); one tick in flight at a time."""
        if self._tick_pending or not self.clock_pane.running():
            return
        self._tick_pending = True

        def run(st: Store) -> Changes:
            with st.transaction() as ch:
                self.player(st).tick()
            return ch

        def done(_r: Any = None) -> None:
            self._tick_pending = False

        CollectionOp(self.ctx.ops, run, expected=EXPECTED).success(done).failure(
            lambda e: (done(), self.view.show_message(str(e)))).run_in_background()

    def play(self) -> None:
        speed = int(self.view.speed.currentData() or 1)

        def go(p: Player) -> None:
            if p.clock_state().started:
                p.resume()
            else:
                p.start(speed=speed)

        self.act(go, translate("ExercisePane", "de oefening loopt"))

    def set_speed(self, speed: int) -> None:
        def go(p: Player) -> None:
            if p.clock_state().started:
                p.set_speed(speed)

        self.act(go, translate("ExercisePane", "snelheid ×{0}").format(speed))

    def jump_next(self) -> None:
        def go(p: Player) -> None:
            now = p.offset_s()
            due = [r["due_s"] for r in p.status()["injects"]
                   if r["status"] in ("gepland", "uitgesteld") and r["due_s"] > now]
            if not due:
                raise ExerciseError(translate("ExercisePane", "er staat geen inject meer gepland"))
            p.jump(min(due))

        self.act(go, translate("ExercisePane", "naar de volgende inject gesprongen"))

    def postpone(self, inject_id: str, to_s: int) -> None:
        from data.scenario.times import fmt_offset

        self.act(lambda p: p.postpone(inject_id, to_s),
                 translate("ExercisePane", "inject {0} uitgesteld naar T{1}")
                 .format(inject_id, fmt_offset(to_s)))

    def note(self, text: str, inject_id: str) -> None:
        path = self.ctx.path
        author = self.ctx.author

        def keep(st: Store) -> Note:
            p = self.player(st)
            return add_note(path, Note(p.offset_s(), p.wall_ms(), text, inject_id, author))

        def kept(n: Note) -> None:
            from data.scenario.times import fmt_offset

            self.view.note_kept()
            self.view.show_message(translate("ExercisePane", "waarneming bewaard op T{0}")
                                   .format(fmt_offset(n.offset_s)))
            self.load_review()

        QueryOp(self.ctx.ops, keep, Lane.SLOW, expected=EXPECTED).success(kept).failure(
            lambda e: self.view.show_message(str(e))).run_in_background()

    def judge(self, inject_id: str, n: int, verdict: str, note: str) -> None:
        """Keep the control team's verdict beside the store (never synced), then review."""
        path, scenario = self.ctx.path, self.scenario

        def kept(_o: Any) -> None:
            self.view.judged()
            self.view.show_message(
                translate("ExercisePane", "oordeel gewist: {0} verwachting {1} telt weer "
                          "automatisch").format(inject_id, n)
                if verdict == "automatisch"
                else translate("ExercisePane", "oordeel bewaard: {0} verwachting {1}: {2}")
                .format(inject_id, n, verdict))
            self.load_review()

        QueryOp(self.ctx.ops, lambda _st: judge(path, scenario, inject_id, n, verdict, note),
                Lane.SLOW, expected=EXPECTED).success(kept).failure(
            lambda e: self.view.show_message(str(e))).run_in_background()

    def _objectives(self) -> list[tuple[str, str]]:
        sc = self.scenario
        ids = list(sc.objectives) + sorted({i.objective for i in sc.injects if i.objective}
                                           - set(sc.objectives))
        return [(o, sc.objectives.get(o, "")) for o in ids]

    def _judging(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Keep one judgement record beside the store (SLOW lane), then review again."""
        def ok(r: Any) -> None:
            done(r)
            self.load_review()

        QueryOp(self.ctx.ops, lambda _st: fn(), Lane.SLOW, expected=EXPECTED).success(ok).failure(
            lambda e: self.view.show_message(str(e))).run_in_background()

    def rate(self, objective: str, rating: str, note: str) -> None:
        path, sc = self.ctx.path, self.scenario

        def done(r: Any) -> None:
            self.view.rated()
            self.view.show_message(translate("ExercisePane", "doel {0} beoordeeld: {1}")
                                   .format(r.objective, r.rating))

        self._judging(lambda: rate(path, sc, objective, rating, note), done)

    def finding(self, kind: str, text: str) -> None:
        path, sc = self.ctx.path, self.scenario

        def done(f: Any) -> None:
            self.view.finding_kept()
            self.view.show_message(translate(
                "ExercisePane", "sterk punt bewaard") if f.kind == "sterk"
                                   else translate("ExercisePane", "verbeterpunt bewaard"))

        self._judging(lambda: add_finding(path, sc, kind, text), done)

    def open_plan(self) -> None:
        """The improvement plan: the rows kept so far and a form for the next (non-modal)."""
        if self.plan_dialog is None:
            self.plan_dialog = PlanDialog(self._objectives(), self.ctx.window)
            self.plan_dialog.sig_add.connect(self.add_plan_row)
        self._show_plan()
        self.plan_dialog.show()

    def _show_plan(self) -> None:
        if self.plan_dialog is not None:
            self.plan_dialog.show_plan([(p.issue, p.action, p.owner, p.due, p.objective)
                                        for p in load_judgement(self.ctx.path).plan])

    def add_plan_row(self, issue: str, action: str, owner: str, due: str, objective: str) -> None:
        path, sc, dialog = self.ctx.path, self.scenario, self.plan_dialog

        def done(p: Any) -> None:
            if dialog is not None:
                dialog.kept()
            self._show_plan()
            self.view.show_message(translate(
                "ExercisePane", "verbeterplan: '{0}' — {1}, gereed {2}").format(
                    p.issue, p.owner, p.due))
            self.load_review()

        def refused(e: Exception) -> None:
            if dialog is not None:
                dialog.refused(str(e))

        QueryOp(self.ctx.ops, lambda _st: add_plan_item(path, sc, issue, action, owner, due,
                                                        objective),
                Lane.SLOW, expected=EXPECTED).success(done).failure(refused).run_in_background()

    def _ask_import(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self.ctx.window, translate(
                "ExercisePane", "MSEL inlezen"), str(Path(self.ctx.path).parent),
            translate("ExercisePane", "MSEL (*.xlsx *.csv)"))
        if name:
            self.import_msel(Path(name))

    def _preview(self, sheet: Sheet) -> bool:
        from data.scenario.times import fmt_offset
        from widgets.msel_preview import MselPreview

        rows = [(i.id, f"T{fmt_offset(i.offset_s)}", i.sender, i.recipient, i.message)
                for i in sheet.injects]
        return MselPreview(sheet.source, rows, sheet.notices, self.ctx.window).exec() == 1

    def import_msel(self, path: Path) -> None:
        """Read the sheet (all or nothing; every bad row named), show the preview, and on
        *Toevoegen* add its injects to the exercise, also while it runs."""

        def read(_st: Store) -> Sheet:
            try:
                return read_msel(path)
            except MselError as e:
                probs = [str(p) for p in e.problems]
                more = (translate("ExercisePane", " (en nog {0})").format(len(probs) - 5)
                        if len(probs) > 5 else "")
                raise StoreError(translate(
                    "ExercisePane", "{0} niet ingelezen, niets veranderd: {1}")
                                 .format(path.name, "; ".join(probs[:5])) + more) from None

        def add(sheet: Sheet) -> None:
            if not self.confirm_import(sheet):
                self.view.show_message(translate(
                    "ExercisePane", "inlezen geannuleerd; niets veranderd"))
                return
            QueryOp(self.ctx.ops, lambda _st: append_injects(self.ctx.path, sheet), Lane.SLOW,
                    expected=EXPECTED).success(lambda sc: added(sc, len(sheet.injects))).failure(
                lambda e: self.view.show_message(str(e))).run_in_background()

        def added(sc: Scenario, n: int) -> None:
            self.scenario = sc
            self._players.clear()  # each lane's player reads the new plan
            self.view.set_objectives(self._objectives())
            self.view.show_message(translate("ExercisePane", "{0} injects toegevoegd uit {1}")
                                   .format(n, path.name))
            self.load()

        QueryOp(self.ctx.ops, read, Lane.SLOW, expected=EXPECTED).success(add).failure(
            lambda e: self.view.show_message(str(e))).run_in_background()

    def view_aar(self) -> None:
        QueryOp(self.ctx.ops, lambda st: to_html(self._review(st)), Lane.SLOW,
                expected=EXPECTED).success(self.view.show_aar).failure(
            lambda e: self.view.show_message(str(e))).run_in_background()

    def _ask_export(self) -> None:
        name, _f = QFileDialog.getSaveFileName(
            self.ctx.window, translate(
                "ExercisePane", "Evaluatie opslaan"), str(Path.home() / "evaluatie.html"),
            translate("ExercisePane", "Evaluatie (*.html *.md *.xlsx)"))
        if name:
            self.export_aar(Path(name))

    def export_aar(self, path: Path) -> None:
        QueryOp(self.ctx.ops, lambda st: write(self._review(st), path), Lane.SLOW,
                expected=EXPECTED).success(
            lambda p: self.view.show_message(translate(
                "ExercisePane", "evaluatie opgeslagen: {0}").format(p))).failure(
            lambda e: self.view.show_message(str(e))).run_in_background()


@dataclass
class ExerciseWiring:
    """What a window of an exercise world has of exercises (nothing in LIVE)."""

    clock: ExerciseClockPane | None = None
    pane: ExercisePane | None = None
    console: ExerciseConsole | None = None

    def start(self) -> None:
        if self.clock is not None:
            self.clock.load()
        if self.pane is not None:
            self.pane.load()

    def stop(self) -> None:
        if self.pane is not None:
            self.pane.stop()


def wire_exercise(ctx: Context, header: HeaderBar) -> ExerciseWiring:
    """The header's scenario time in any exercise world; the console where the scenario is."""
    if not is_exercise(ctx.world):
        return ExerciseWiring()
    clock = ExerciseClockPane(ctx, header)
    ctx.ops.sig_changes.connect(clock.on_changes)
    w = ExerciseWiring(clock)
    if sidecar_path(ctx.path).exists():
        try:
            sc = load_scenario(ctx.path)
        except StoreError as e:
            ctx.status(str(e))
            return w
        w.console = ExerciseConsole()
        w.pane = ExercisePane(ctx, w.console, sc, clock)
        ctx.ops.sig_changes.connect(w.pane.on_changes)
    return w

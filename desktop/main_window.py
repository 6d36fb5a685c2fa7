"""The main window: header, navigation, views, global filters, shortcuts and the data flow.

Data flow: the window asks the reader worker for what the views show and distributes what comes
back; writes go to the writer worker, whose ``Changes`` decide what is loaded again. Nothing here
touches the store directly.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from data.clock import Clock, default_clock
from data.domain.regions import region_label
from data.picture import overview as overview_rules
from data.picture.overview import Kpis, PictureState
from data.store import Changes, Command
from desktop import errors
from desktop.commands import CommandWiring
from desktop.theme import apply_theme
from desktop.workers import Workers
from widgets.bijstand_view import BijstandView
from widgets.common import title_label
from widgets.comms_matrix import CommsMatrix
from widgets.conflict_inbox import ConflictInbox
from widgets.decisions_view import DecisionsView
from widgets.header import HeaderBar, Watermark, is_exercise
from widgets.incidents_view import IncidentsView
from widgets.journal_view import JournalView
from widgets.nsp_view import NspView
from widgets.overview import OverviewView

VIEWS = ("overzicht", "incidenten", "bijstand", "besluiten", "logboek", "verbindingen",
         "noodsteunpunten", "conflicten")
VIEW_TITLES = {"overzicht": "Overzicht", "incidenten": "Incidenten", "bijstand": "Bijstand",
               "besluiten": "Besluiten", "logboek": "Logboek", "verbindingen": "Verbindingen",
               "noodsteunpunten": "Noodsteunpunten", "conflicten": "Conflicten"}
#: the last load the Overzicht tiles need (after it, the slow loads start)
TILES_LAST = "bijstand_counts"
#: what every first load asks for, small and visible first; the big journal last
FIRST_LOAD = ("incident", "comms", "nsp", "action", "decision", "bijstand_counts", "conflicts",
              "alarms", "session", "bijstand", "fingerprint", "timeline", "journal")


class MainWindow(QMainWindow):
    """One window on one store (via the workers)."""

    sig_loaded = Signal()
    """Everything of the first load has arrived (views are filled)."""
    sig_changes_applied = Signal(object)
    """A ``Changes`` from a write has been applied and the refresh requested."""

    def __init__(self, path: Path, world: str, centre: str, theme: str = "dark",
                 author: str = "operator", clock: Clock | None = None) -> None:
        super().__init__()
        self.clock = clock or default_clock()  # the one "now" of every view in this window
        self.path = path
        self.world = world
        self.author = author
        self.theme = theme
        self.setWindowTitle(self.tr("Crisisbeeld — {0} ({1})").format(centre, world))
        self.workers = Workers(path, self)
        self.workers.reader.sig_loaded.connect(self._on_loaded)
        # bound methods of this window: PySide queues them to the GUI thread (a plain function
        # would run in the worker's thread)
        self.workers.reader.sig_error.connect(self._on_worker_error)
        self.workers.writer.sig_done.connect(self._on_done)
        self.workers.writer.sig_failed.connect(self._on_failed)
        self.workers.writer.sig_error.connect(self._on_worker_error)
        self._pending: dict[int, tuple[Callable[[Changes], None] | None,
                                       Callable[[list[tuple[str, str]]], None] | None]] = {}
        self._waiting_first = set(FIRST_LOAD)
        self.region = ""
        self._bijstand_counts: dict[str, int] = {}
        self._entity_waiters: dict[str, list[Callable[[dict[str, Any]], None]]] = {}
        self.data: dict[str, Any] = {"incident": [], "session": [], "decision": [], "action": [],
                                     "nsp": [], "bijstand": {}, "comms": [], "conflicts": [],
                                     "alarms": []}

        # -- header, navigation, filters, views --
        self.header = HeaderBar(world, centre, clock=self.clock)
        self.header.sig_alarm_clicked.connect(
            lambda which: self.show_view("conflicten" if which == "conflicten" else "overzicht"))
        self.nav = QListWidget()
        self.nav.setObjectName("NavList")
        for i, name in enumerate(VIEWS):
            self.nav.addItem(f"{i + 1}  {self.tr(VIEW_TITLES[name])}")
        self.stack = QStackedWidget()
        self.overview = OverviewView()
        self.incidents = IncidentsView()
        self.bijstand = BijstandView()
        self.decisions = DecisionsView(clock=self.clock)
        self.journal = JournalView()
        self.comms = CommsMatrix(clock=self.clock)
        comms_page = QWidget()
        cl = QVBoxLayout(comms_page)
        cl.addWidget(title_label(self.tr("Verbindingen")))
        hint = QLabel(self.tr("Klik op een cel (of Enter) om een nieuwe status te melden"))
        hint.setObjectName("Muted")
        cl.addWidget(hint)
        cl.addWidget(self.comms, 1)
        self.nsp = NspView(clock=self.clock)
        self.conflicts = ConflictInbox()
        conf_page = QWidget()
        fl = QVBoxLayout(conf_page)
        fl.addWidget(title_label(self.tr("Conflicten")))
        fl.addWidget(self.conflicts, 1)
        self.pages = {"overzicht": self.overview, "incidenten": self.incidents,
                      "bijstand": self.bijstand, "besluiten": self.decisions,
                      "logboek": self.journal, "verbindingen": comms_page,
                      "noodsteunpunten": self.nsp, "conflicten": conf_page}
        for name in VIEWS:
            self.stack.addWidget(self.pages[name])
        self.nav.currentRowChanged.connect(self._on_nav)

        self.filter = QLineEdit()
        self.filter.setObjectName("GlobalFilter")
        self.filter.setPlaceholderText(self.tr("Zoeken in alle schermen (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self._apply_filters)
        self.region_label = QLabel("")
        self.region_clear = QPushButton(self.tr("✕ regiofilter"))
        self.region_clear.clicked.connect(lambda: self.set_region(""))
        self.region_clear.hide()
        self.status_line = QLabel(self.tr("laden…"))
        self.status_line.setObjectName("Muted")
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 0)
        bar.addWidget(self.filter, 2)
        bar.addWidget(self.region_label)
        bar.addWidget(self.region_clear)
        bar.addStretch(1)
        bar.addWidget(self.status_line)
        self.filter_bar = QWidget()
        self.filter_bar.setLayout(bar)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.filter_bar)
        rl.addWidget(self.stack, 1)
        body = QWidget()
        bl = QHBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(0)
        bl.addWidget(self.nav)
        bl.addWidget(right, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addWidget(body, 1)
        self.setCentralWidget(central)
        self.watermark = Watermark(central) if is_exercise(world) else None
        self.nav.setCurrentRow(0)

        self.commands = CommandWiring(self)
        self._wire_views()
        self._menus_and_shortcuts()
        from desktop.sync_ui import SyncController

        self.sync = SyncController(self)

        # debounced refreshes of the expensive bits (fingerprint, timeline)
        self._fp_timer = self._single_shot(1500, lambda: self.workers.load("fingerprint"))
        self._tl_timer = self._single_shot(20_000, lambda: self.workers.load("timeline"))
        self.resize(1440, 900)

    def _single_shot(self, ms: int, fn: Callable[[], None]) -> QTimer:
        t = QTimer(self)
        t.setSingleShot(True)
        t.setInterval(ms)
        t.timeout.connect(fn)
        return t

    # ------------------------------------------------------------------ lifecycle

    def restore_geometry(self) -> None:
        """Window geometry from QSettings (only geometry lives there; CONVENTIONS §12)."""
        geo = QSettings().value("main_window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)

    def save_geometry(self) -> None:
        if not self.isFullScreen():
            QSettings().setValue("main_window/geometry", self.saveGeometry())

    def start(self) -> None:
        """Ask for everything the views show (the first load) and start the clock."""
        for what in FIRST_LOAD:
            if what not in Workers.SLOW:
                self.workers.load(what)
        self.header.start_clock()
        self.sync.start()

    def shutdown(self) -> None:
        """Stop timers and worker threads (idempotent)."""
        for t in (self._fp_timer, self._tl_timer, self._filter_timer):
            t.stop()
        self.header.stop_clock()
        self.sync.shutdown()
        if self.workers is not None:
            self.workers.stop()

    def closeEvent(self, ev: Any) -> None:  # noqa: N802
        self.save_geometry()
        self.shutdown()
        super().closeEvent(ev)

    # ------------------------------------------------------------------ views and filters

    def show_view(self, name: str) -> None:
        self.nav.setCurrentRow(VIEWS.index(name))

    def _on_nav(self, row: int) -> None:
        """Show the view and put the keyboard where the work is (its table, board or bar)."""
        self.stack.setCurrentIndex(row)
        target = {"incidenten": self.incidents.table, "besluiten": self.decisions.d_table,
                  "logboek": self.journal.entry.text, "verbindingen": self.comms,
                  "noodsteunpunten": self.nsp.table, "conflicten": self.conflicts.table}.get(
            VIEWS[row])
        if VIEWS[row] == "bijstand":
            board = self.bijstand.board
            target = next((board.columns[s] for s, m in board.models.items() if m.rowCount()),
                          None)
        if target is not None and self.isVisible():
            target.setFocus()

    def current_view(self) -> str:
        return VIEWS[self.stack.currentIndex()]

    def set_region(self, code: str) -> None:
        """Filter every view to one region ('' for all)."""
        self.region = code
        self.overview.set_region(code)
        self.comms.matrix.set_region_filter(code)
        self.region_label.setText(self.tr("Regio: {0}").format(region_label(code)) if code else "")
        self.region_clear.setVisible(bool(code))
        self._apply_filters()

    def _apply_filters(self) -> None:
        text, reg = self.filter.text(), self.region
        for v in (self.incidents, self.bijstand, self.decisions, self.journal, self.nsp,
                  self.conflicts):
            v.set_filter(text, reg)

    def _wire_views(self) -> None:
        self.overview.sig_region_clicked.connect(self.set_region)
        self.overview.sig_open_view.connect(self.show_view)
        self.incidents.sig_selected.connect(lambda i: self.workers.load("entity", i))
        self.bijstand.sig_selected.connect(lambda i: self.workers.load("entity", i))
        self.conflicts.sig_selected.connect(lambda i: self.workers.load("entity", i))
        self.commands.wire()

    def _menus_and_shortcuts(self) -> None:
        mb = self.menuBar()
        m_view = mb.addMenu(self.tr("&Beeld"))
        for i, name in enumerate(VIEWS):
            act = QAction(self.tr(VIEW_TITLES[name]), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, n=name: self.show_view(n))
            m_view.addAction(act)
            self.addAction(act)
        m_view.addSeparator()
        self.wall_action = QAction(self.tr("Wandweergave (Overzicht schermvullend)"), self)
        self.wall_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.wall_action.setCheckable(True)
        self.wall_action.toggled.connect(self.set_wall_mode)
        m_view.addAction(self.wall_action)
        self.addAction(self.wall_action)
        self.theme_action = QAction(self.tr("Licht thema"), self)
        self.theme_action.setCheckable(True)
        self.theme_action.setChecked(self.theme == "light")
        self.theme_action.toggled.connect(
            lambda on: self.set_theme("light" if on else "dark"))
        m_view.addAction(self.theme_action)
        m_new = mb.addMenu(self.tr("&Nieuw"))
        for text, key, fn in (
                (self.tr("Incident melden"), "Ctrl+N", self.commands.new_incident),
                (self.tr("Bijstandsverzoek"), "Ctrl+B", self.commands.new_bijstand),
                (self.tr("IRBT-sessie openen"), "Ctrl+Shift+I", self.commands.new_session),
                (self.tr("Logboekbericht (snelinvoer)"), "Ctrl+L", self.focus_quick_entry)):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(fn)
            m_new.addAction(act)
            self.addAction(act)
        m_help = mb.addMenu(self.tr("&Hulp"))
        keys = QAction(self.tr("Sneltoetsen"), self)
        keys.setShortcut(QKeySequence(Qt.Key.Key_F1))
        keys.triggered.connect(self.show_shortcuts)
        m_help.addAction(keys)
        self.addAction(keys)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self.focus_filter)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.activated.connect(lambda: self.wall_action.setChecked(False))

    def set_sync_state(self, state: str, backlog: int = 0, last_success: str = "",
                       detail: str = "") -> None:
        """For the sync wiring: show the engine's state in the header (see SyncStateLabel)."""
        self.header.sync.set_state(state, backlog, last_success, detail)

    SHORTCUTS = (
        ("Ctrl+1 … Ctrl+8", "naar Overzicht … Conflicten"),
        ("Ctrl+F", "zoeken in alle schermen"),
        ("Ctrl+L", "logboekbericht typen (Enter slaat op)"),
        ("Ctrl+N", "incident melden"),
        ("Ctrl+B", "bijstand aanvragen"),
        ("Ctrl+Shift+I", "IRBT-sessie openen"),
        ("Ctrl+→ / Ctrl+←", "bijstandskaart naar de volgende / vorige status"),
        ("Ctrl+M", "bijstandskaart: alle toegestane statussen"),
        ("B / T", "conflict: huidige behouden / concurrerende toepassen"),
        ("F11 / Esc", "wandweergave aan / uit"),
        ("F5", "nu synchroniseren"),
    )

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rows = "".join(f"<tr><td><b>{k}</b></td><td>{self.tr(v)}</td></tr>"
                       for k, v in self.SHORTCUTS)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Sneltoetsen"),
                          f"<table cellpadding='4'>{rows}</table>", parent=self)
        box.open()
        self._shortcuts_box = box

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def focus_quick_entry(self) -> None:
        self.show_view("logboek")
        self.journal.entry.focus_entry()

    def set_wall_mode(self, on: bool) -> None:
        """Wandweergave: the Overzicht alone, full screen."""
        self.nav.setVisible(not on)
        self.filter_bar.setVisible(not on)
        self.menuBar().setVisible(not on)
        if on:
            self.show_view("overzicht")
            self.showFullScreen()
        else:
            self.showNormal()

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        self.overview.map.restyle()
        self.overview.timeline.restyle()
        self.comms.viewport().update()

    # ------------------------------------------------------------------ writes

    def execute(self, commands: list[Command],
                on_ok: Callable[[Changes], None] | None = None,
                on_fail: Callable[[list[tuple[str, str]]], None] | None = None) -> int:
        """Send commands to the writer; callbacks run on the GUI thread when it answers."""
        req = self.workers.execute(commands, self.author)
        self._pending[req] = (on_ok, on_fail)
        self.status_line.setText(self.tr("opslaan…"))
        return req

    def _on_worker_error(self, text: str) -> None:
        errors.report(text)

    def _on_done(self, req: int, changes: Changes) -> None:
        on_ok, _ = self._pending.pop(req, (None, None))
        self.status_line.setText(self.tr("opgeslagen"))
        self.apply_changes(changes)
        if on_ok:
            on_ok(changes)

    def _on_failed(self, req: int, errs: list[tuple[str, str]], message: str) -> None:
        _, on_fail = self._pending.pop(req, (None, None))
        self.status_line.setText(self.tr("niet opgeslagen: {0}").format(message))
        if on_fail:
            on_fail(errs)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what a write changed (also the slot for the sync engine's changes)."""
        ents = changes.entities
        by_kind: dict[str, list[str]] = {}
        for eid, kind in ents.items():
            by_kind.setdefault(kind, []).append(eid)
        if "*" in by_kind:  # conflict resolution: the entity keeps its own kind; ask which
            self.workers.load("kinds", by_kind.pop("*"))
        self._reload_kinds(by_kind)
        if changes.conflicts or by_kind:
            self.workers.load("conflicts")
        self.workers.load("alarms")
        self._fp_timer.start()
        if not self._tl_timer.isActive():
            self._tl_timer.start()
        self.sig_changes_applied.emit(changes)

    def _reload_kinds(self, by_kind: dict[str, list[str]]) -> None:
        for kind, ids in by_kind.items():
            if kind in ("bijstand", "journal"):
                self.workers.load(kind, ids)  # big kinds: only the changed rows
            elif kind in ("incident", "session", "decision", "action", "nsp", "comms"):
                self.workers.load(kind)
        cur = {self.incidents.current(), self.bijstand.current()}
        for kind, ids in by_kind.items():
            for i in ids:
                if i in cur:
                    self.workers.load("entity", i)

    # ------------------------------------------------------------------ loads

    def when_entity_loaded(self, eid: str, fn: Callable[[dict[str, Any]], None]) -> None:
        """Load one entity's full state; call ``fn`` with it here on the GUI thread."""
        self._entity_waiters.setdefault(eid, []).append(fn)
        self.workers.load("entity", eid)

    def _on_loaded(self, what: str, arg: Any, result: Any) -> None:
        if what == "entity":
            for fn in self._entity_waiters.pop(arg, []):
                if result:
                    fn(result)
            if result:
                self.incidents.show_detail(result)
                self.bijstand.show_detail(result)
                self.conflicts.set_context(result)
        elif what == "kinds":
            self._reload_kinds({k: [i for i, kk in result.items() if kk == k]
                                for k in set(result.values())})
        elif what == "fingerprint":
            self.header.set_fingerprint(result)
        elif what == "bijstand_counts":
            self._bijstand_counts = result
        elif what == "timeline":
            self.overview.timeline.set_buckets(result)
        elif what == "journal":
            if arg is None:
                self.journal.model.set_data(result)
                # hundreds of thousands of long-lived objects: keep the cyclic GC from walking
                # them again and again (a full collection would stall typing for 100+ ms)
                if len(result) > 50_000:
                    gc.freeze()
            else:
                self.journal.add_rows(result)
        elif what == "bijstand":
            if arg is None:
                self.data["bijstand"] = {r[0]: r for r in result}
                self.bijstand.set_rows(result)
            else:
                self.data["bijstand"].update({r[0]: r for r in result})
                self.bijstand.upsert(result)
        else:
            self.data[what] = result
            if what == "incident":
                self.incidents.set_incidents(result)
            elif what in ("session", "decision", "action"):
                self.decisions.set_data(self.data["session"], self.data["decision"],
                                        self.data["action"])
            elif what == "nsp":
                self.nsp.set_points(result)
            elif what == "comms":
                self.comms.matrix.set_cells(result)
            elif what == "conflicts":
                self.conflicts.set_conflicts(result)
            if what in ("conflicts", "alarms"):
                self.header.set_alarms([a for a in self.data["alarms"]
                                        if a.get("kind") == "klokafwijking"],
                                       len(self.data["conflicts"]))
        if what not in ("entity", "kinds", "fingerprint", "timeline", "journal", "alarms"):
            self._update_overview()
        if self._waiting_first:
            self._waiting_first.discard(what)
            if what == TILES_LAST:
                # the whole-log scans start once the tiles are filled, so they do not compete
                for slow in Workers.SLOW:
                    self.workers.load(slow)
                self.workers.warm_up()
            if not self._waiting_first:
                self.status_line.setText("")
                self._apply_filters()
                self.sig_loaded.emit()

    # ------------------------------------------------------------------ overview figures

    def picture(self) -> PictureState:
        """What the views hold, for the picture rules."""
        d = self.data
        return PictureState(d["incident"], d["session"], d["decision"], d["action"], d["nsp"],
                            d["bijstand"], self._bijstand_counts, d["comms"], d["conflicts"],
                            d["alarms"])

    def kpis(self) -> Kpis:
        """The figures of the Overzicht now (by the window's clock)."""
        return overview_rules.kpis(self.picture(), self.clock)

    def region_levels(self) -> dict[str, str]:
        """Worst state per region (see :func:`data.picture.overview.region_levels`)."""
        return overview_rules.region_levels(self.picture())

    def _update_overview(self) -> None:
        self.overview.set_kpis(self.kpis())
        self.overview.map.set_levels(self.region_levels())

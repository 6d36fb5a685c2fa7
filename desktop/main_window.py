"""The main window: header, navigation, views, global filters and shortcuts — layout and
navigation only.

The data flow lives elsewhere: each view's pane (:mod:`desktop.panes`,
:mod:`desktop.summary_panes`) loads what it shows through typed operations (:mod:`desktop.ops`)
and decides from every write's ``Changes`` what to load again; commands
(:mod:`desktop.commands`) and sync (:mod:`desktop.sync_ui`) get a :class:`~desktop.context.Context`,
not this window. Nothing here touches the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from data.clock import Clock, default_clock
from data.picture import overview as overview_rules
from data.picture.filtering import region_short, region_title
from data.picture.overview import Kpis, PictureState
from data.store import Changes, Command
from desktop import language
from desktop.attach_ui import AttachmentsPane
from desktop.commands import CommandWiring, Errors, Views
from desktop.context import Context, PictureCache
from desktop.exercise_pane import wire_exercise
from desktop.memory import give_back
from desktop.notify_pane import NotificationsPane
from desktop.ops import Ops
from desktop.people_ui import PeopleController
from desktop.reveal import NewItemReveal
from desktop.shortcuts import shortcuts_box
from desktop.sync_ui import SyncController
from desktop.terugkijken import Terugkijken
from desktop.theme import apply_theme
from desktop.wiring import wire_panes
from widgets.bijstand_view import BijstandView
from widgets.common import title_label
from widgets.comms_matrix import CommsMatrix
from widgets.conflict_inbox import ConflictInbox
from widgets.decisions_view import DecisionsView
from widgets.header import HeaderBar, Watermark, is_exercise
from widgets.incidents_view import IncidentsView
from widgets.journal_view import JournalView
from widgets.notifications import NotificationList
from widgets.nsp_view import NspView
from widgets.overview import OverviewView
from widgets.people import BezettingView
from widgets.public_view import PublicView

VIEWS = ("overzicht", "incidenten", "bijstand", "besluiten", "logboek", "verbindingen",
         "noodsteunpunten", "conflicten", "publiek", "bezetting")
VIEW_TITLES = {"overzicht": QT_TRANSLATE_NOOP("MainWindow", "Overzicht"),
               "incidenten": QT_TRANSLATE_NOOP("MainWindow", "Incidenten"),
               "bijstand": QT_TRANSLATE_NOOP("MainWindow", "Bijstand"),
               "besluiten": QT_TRANSLATE_NOOP("MainWindow", "Besluiten"),
               "logboek": QT_TRANSLATE_NOOP("MainWindow", "Logboek"),
               "verbindingen": QT_TRANSLATE_NOOP("MainWindow", "Verbindingen"),
               "noodsteunpunten": QT_TRANSLATE_NOOP("MainWindow", "Noodsteunpunten"),
               # 'conflicten' on a wall screen reads as a real-world conflict
               "conflicten": QT_TRANSLATE_NOOP("MainWindow", "Tegenstrijdige wijzigingen"),
               "publiek": QT_TRANSLATE_NOOP("MainWindow", "Publiek en schaarste"),
               "bezetting": QT_TRANSLATE_NOOP("MainWindow", "Bezetting")}


#: the smallest window every view stays usable in (a 1366×768 laptop minus its task bar)
MIN_WIDTH, MIN_HEIGHT = 1024, 600


def fits_screen(frame: QRect, available: QRect) -> bool:
    """A restored window is used only when it lies wholly on the available screen."""
    return available.contains(frame)


class MainWindow(QMainWindow):
    """One window on one store (through its operation lanes, :class:`~desktop.ops.Ops`)."""

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
        self.centre = centre
        #: the window that took this one's place after a change of language (see set_language)
        self.replaced_by: MainWindow | None = None
        self.setWindowTitle(self.tr("Crisisbeeld — {0} ({1})").format(centre, world))
        self.ops = Ops(path, self)
        self.region = ""

        # -- header, navigation, filters, views --
        self.header = HeaderBar(world, centre, clock=self.clock)
        self.header.sig_alarm_clicked.connect(self._on_alarm)
        self.views = list(VIEWS)  # + "oefening" in the control team's exercise store
        self.nav = QListWidget()
        self.nav.setObjectName("NavList")
        self.nav.setWordWrap(True)  # long titles (Tegenstrijdige wijzigingen) wrap, not clip
        for i, name in enumerate(VIEWS):
            self.nav.addItem(f"{(i + 1) % 10}  {self.tr(VIEW_TITLES[name])}")  # Ctrl+1 … Ctrl+0
        self.stack = QStackedWidget()
        self.overview = OverviewView()
        self.incidents = IncidentsView()
        self.bijstand = BijstandView(clock=self.clock)
        self.decisions = DecisionsView(clock=self.clock)
        self.journal = JournalView()
        self.comms = CommsMatrix(clock=self.clock)
        comms_page = QWidget()
        cl = QVBoxLayout(comms_page)
        cl.addWidget(title_label(self.tr("Verbindingen")))
        hint = self.comms.legend_label()  # how to report, what the short words mean
        hint.setObjectName("Muted")
        cl.addWidget(hint)
        cl.addWidget(self.comms, 1)
        self.nsp = NspView(clock=self.clock)
        self.conflicts = ConflictInbox()
        self.public = PublicView(clock=self.clock)
        self.bezetting = BezettingView()
        conf_page = QWidget()
        fl = QVBoxLayout(conf_page)
        fl.addWidget(title_label(self.tr("Tegenstrijdige wijzigingen")))
        fl.addWidget(self.conflicts, 1)
        self.pages = {"overzicht": self.overview, "incidenten": self.incidents,
                      "bijstand": self.bijstand, "besluiten": self.decisions,
                      "logboek": self.journal, "verbindingen": comms_page,
                      "noodsteunpunten": self.nsp, "conflicten": conf_page,
                      "publiek": self.public, "bezetting": self.bezetting}
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
        bl.addWidget(self._nav_column())  # picture: navigation with the notification list
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

        self.picture_cache = PictureCache(self)
        self.ctx = Context(path, world, author, self.clock, self.ops, self.picture_cache, self,
                           self.status_line.setText, self.show_view, lambda: self.region)
        self.commands = CommandWiring(self.ctx, Views(
            self.incidents, self.bijstand, self.decisions, self.journal, self.comms, self.nsp,
            self.conflicts, self.public))
        self.panes = wire_panes(self.ctx, self.header, self.overview, self.incidents,
                                self.bijstand, self.decisions, self.journal, self.comms,
                                self.nsp, self.conflicts, self.public)
        self.first_load = self.panes.first_load
        self.first_load.sig_done.connect(self._first_load_done)
        # the timeline's pyqtgraph import (a quarter of a second) once the tiles are filled
        self.overview.timeline.build_after(self.first_load.sig_tiles_filled)
        self.attach = AttachmentsPane(self.ctx, [v.attachments for v in (  # files on items
            self.incidents, self.bijstand, self.decisions, self.journal)])
        self.ops.sig_changes.connect(self.attach.on_changes)
        self.ops.sig_changes.connect(self.sig_changes_applied)
        self._wire_exercise()
        # Terugkijken (issue 11): a past picture over every view, and the Overdracht
        self.terugkijken = Terugkijken(self.ctx, self.panes, self, self.header, self.current_view)
        if (clock := self.exercise.clock) is not None:  # Terugkijken names the scenario time
            self.terugkijken.scenario_t0 = lambda: (clock.state or {}).get("t0_ms")
        self.ctx.frozen = lambda: self.terugkijken.active
        outer.insertWidget(1, self.terugkijken.bar)
        self.nav.currentRowChanged.connect(lambda _r: self.terugkijken.view_changed())
        self._wire_views()
        self._menus_and_shortcuts()
        self.sync = SyncController(self.ctx, self.header)
        self.people = PeopleController(self.ctx, self)
        from desktop.report_ui import ReportWiring  # issue 12: sitrep dialog, paper fallback

        self.report = ReportWiring(self.ctx, self.header)
        self._wire_notifications()
        self._wire_reveal()
        # -- picture: the window fits the screen it opens on (issue 13, item 1) --
        self.fit_to_screen()

    # ------------------------------------------------------------------ picture: notifications

    def _nav_column(self) -> QWidget:
        """The navigation on top, the quiet notification list below it (issue 13, item 7)."""
        self.notes = NotificationList()
        col = QSplitter(Qt.Orientation.Vertical)
        col.setObjectName("NavColumn")
        col.addWidget(self.nav)
        col.addWidget(self.notes)
        col.setStretchFactor(0, 3)
        col.setStretchFactor(1, 2)
        col.setMaximumWidth(260)
        return col

    def _wire_notifications(self) -> None:
        self.notify = NotificationsPane(self.ctx, self.notes)
        self.ops.sig_changes.connect(self.notify.on_changes)
        self.first_load.sig_tiles_filled.connect(lambda: self.notify.load())
        self.notes.sig_unread_changed.connect(self._show_unread)
        self.notes.sig_open.connect(self._open_notification)
        self.journal.sig_clear_filters.connect(self.clear_filters)
        self.nav.currentRowChanged.connect(  # (rows after VIEWS: the Oefening)
            lambda row: self.notes.mark_view_read(VIEWS[row]) if 0 <= row < len(VIEWS) else None)

    def _wire_reveal(self) -> None:
        """A new item is selected; when a filter hides it, a note in the filter bar says so."""
        self.hidden_note = QLabel("")
        self.hidden_note.setObjectName("FieldError")
        self.hidden_show = QPushButton(self.tr("Filter opheffen en tonen"))
        bar = self.filter_bar.layout()
        assert isinstance(bar, QHBoxLayout)
        bar.insertWidget(3, self.hidden_note)
        bar.insertWidget(4, self.hidden_show)
        self.hidden_note.hide()
        self.hidden_show.hide()
        self.reveal = NewItemReveal(self.incidents, self.bijstand, self._item_hidden, self)
        self.commands.on_created = self.reveal.expect
        self.hidden_show.clicked.connect(self._show_hidden_item)

    def _item_hidden(self, view: str) -> None:
        self.hidden_note.setText(self.tr("Opgeslagen, maar het filter verbergt het in {0}.")
                                 .format(self.tr(VIEW_TITLES[view])))
        self.hidden_note.show()
        self.hidden_show.show()
        self._hidden_view = view

    def _show_hidden_item(self) -> None:
        self.hidden_note.hide()
        self.hidden_show.hide()
        self.clear_filters()
        self.show_view(getattr(self, "_hidden_view", "overzicht"))
        if self.reveal.last_hidden is not None:
            self.reveal.expect(*self.reveal.last_hidden)  # now that nothing hides it

    def clear_filters(self) -> None:
        """Lift the search and the region filter (to see an item they hid)."""
        self.filter.clear()
        self.set_region("")
        self._apply_filters()

    def _show_unread(self, counts: dict[str, int]) -> None:
        """Unread notifications per view, as a count after the view's name in the navigation."""
        for i, name in enumerate(VIEWS):
            n = counts.get(name, 0)
            self.nav.item(i).setText(f"{(i + 1) % 10}  {self.tr(VIEW_TITLES[name])}"
                                     + (f"  ● {n}" if n else ""))

    def _open_notification(self, view: str, entity: str) -> None:
        self.show_view(view)
        self.notes.mark_view_read(view)
        select = {"incidenten": self.incidents.select, "bijstand": self.bijstand.board.select}
        if view in select:
            select[view](entity)

    # ------------------------------------------------------------------ lifecycle

    def restore_geometry(self) -> None:
        """Window geometry from QSettings (only geometry lives there; CONVENTIONS §12), when it
        still fits the screen; otherwise the window fills the available screen."""
        geo = QSettings().value("main_window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            before = self.geometry()
            self.restoreGeometry(geo)
            if not fits_screen(self.frameGeometry(), self.screen().availableGeometry()):
                self.setGeometry(before)
                self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Open at the available size of the screen (a 1366×768 laptop, a 4K wall screen)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
            self.resize(1440, 900)
            return
        avail = screen.availableGeometry()
        # a screen smaller than the minimum still gets a window that fits it
        self.setMinimumSize(min(MIN_WIDTH, avail.width()), min(MIN_HEIGHT, avail.height()))
        self.setGeometry(avail)

    def save_geometry(self) -> None:
        if not self.isFullScreen():
            QSettings().setValue("main_window/geometry", self.saveGeometry())

    def start(self) -> None:
        """Ask for everything the views show (the first load) and start the clock."""
        self.first_load.start()
        self.people.start()
        self.exercise.start()
        self.header.start_clock()
        self.sync.start()

    def _first_load_done(self) -> None:
        self.status_line.setText("")
        self._apply_filters()
        self.sig_loaded.emit()

    def shutdown(self) -> None:
        """Stop timers, sync and the operation lanes (idempotent)."""
        self._filter_timer.stop()
        self.report.stop()
        self.panes.stop()
        self.exercise.stop()
        self.notify.stop()
        self.terugkijken.stop()
        self.header.stop_clock()
        self.sync.shutdown()  # its last jobs go on the sync lane, which ends next
        self.ops.stop()

    def closeEvent(self, ev: Any) -> None:  # noqa: N802
        self.save_geometry()
        self.shutdown()
        super().closeEvent(ev)

    # ------------------------------------------------------------------ views and filters

    def show_view(self, name: str) -> None:
        self.nav.setCurrentRow(self.views.index(name))

    def _on_nav(self, row: int) -> None:
        """Show the view and put the keyboard where the work is (its table, board or bar)."""
        self.stack.setCurrentIndex(row)
        if self.views[row] == "oefening":
            return
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
        return self.views[self.stack.currentIndex()]

    def set_region(self, code: str) -> None:
        """Filter every view to one region ('' for all)."""
        self.region = code
        self.overview.set_region(code)
        self.comms.matrix.set_region_filter(code)
        self.region_label.setText(self.tr("Regio: {0}").format(region_short(code)) if code else "")
        self.region_label.setToolTip(region_title(code) if code else "")
        self.region_clear.setVisible(bool(code))
        self._apply_filters()

    def open_place(self, kind: str, eid: str) -> None:
        """A place clicked on the map: its view, with the item selected."""
        view, select = {"incident": ("incidenten", self.incidents.select),
                        "nsp": ("noodsteunpunten", self.nsp.select),
                        "meldplaats": ("bijstand", self.bijstand.board.select)}[kind]
        self.show_view(view)
        select(eid)

    def _apply_filters(self) -> None:
        self._filter_timer.stop()  # applied now: a keystroke still waiting would do it again
        text, reg = self.filter.text(), self.region
        for v in (self.incidents, self.bijstand, self.decisions, self.journal, self.nsp,
                  self.conflicts, self.public):
            v.set_filter(text, reg)
        self.panes.overview.set_scope(reg, text)  # picture: the tiles obey the filters too
        give_back()  # what the filter before this one built and let go (see desktop.memory)

    def _wire_exercise(self) -> None:
        """Scenario time in the header of an exercise world; the Oefening view (Ctrl+Shift+S) in
        the control team's store (:mod:`desktop.exercise_pane`)."""
        self.exercise = wire_exercise(self.ctx, self.header)
        if self.exercise.console is None:
            return
        self.views.append("oefening")
        self.nav.addItem(f"O  {self.tr('Oefening')}")
        self.stack.addWidget(self.exercise.console)
        self.pages["oefening"] = self.exercise.console
        act = QAction(self.tr("Oefening"), self)
        act.setShortcut(QKeySequence("Ctrl+Shift+S"))  # spelleiding (Ctrl+0: the tenth view)
        act.triggered.connect(lambda: self.show_view("oefening"))
        self.addAction(act)

    def _wire_views(self) -> None:
        self.overview.sig_region_clicked.connect(self.set_region)
        self.overview.sig_place_selected.connect(self.open_place)
        self.overview.sig_open_view.connect(self.show_view)
        self.commands.wire()

    def _menus_and_shortcuts(self) -> None:
        mb = self.menuBar()
        # "Weergave", not "Beeld": the *beeld* is the situation picture everywhere else
        m_view = mb.addMenu(self.tr("&Weergave"))
        for i, name in enumerate(VIEWS):
            act = QAction(self.tr(VIEW_TITLES[name]), self)
            act.setShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"))
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
        self._language_menu(m_view)
        m_view.addSeparator()
        self.terugkijken.add_actions(m_view)
        m_new = mb.addMenu(self.tr("&Nieuw"))
        #: command type -> its action in the Nieuw menu (people_ui hides what one may not do)
        self.new_actions: dict[str, QAction] = {}
        for text, key, fn, cmd_type in (
                (self.tr("Incident melden"), "Ctrl+N", self.commands.new_incident,
                 "incident.reported"),
                (self.tr("Bijstandsverzoek"), "Ctrl+B", self.commands.new_bijstand,
                 "bijstand.requested"),
                (self.tr("Sessie openen (ROT/GBT/RBT/IRBT)"), "Ctrl+Shift+I",
                 self.commands.new_session, "irbt.session_opened"),
                (self.tr("Logboekbericht (snelinvoer)"), "Ctrl+L", self.focus_quick_entry,
                 "journal.logged")):
            act = QAction(text, self)
            self.new_actions[cmd_type] = act
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
        m_help.addSeparator()
        diag = QAction(self.tr("Diagnose opslaan…"), self)
        diag.triggered.connect(self.save_diagnose)
        m_help.addAction(diag)
        about = QAction(self.tr("Over Crisisbeeld"), self)
        about.triggered.connect(self.show_about)
        m_help.addAction(about)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self.focus_filter)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.activated.connect(lambda: self.terugkijken.leave() if self.terugkijken.active
                              else self.wall_action.setChecked(False))

    def _language_menu(self, m_view: QMenu) -> None:
        """Weergave → Taal: Nederlands / English (each in its own language), remembered."""
        self.language_menu = m_view.addMenu(self.tr("Taal"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in language.LANGUAGES:
            act = QAction(language.NAMES[code], self)
            act.setCheckable(True)
            act.setChecked(code == language.current())
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[code] = act

    def set_language(self, code: str) -> MainWindow:
        """Remember ``code`` and show the window in it (a new window in this one's place, on
        the same store and view; see :mod:`desktop.language`). Returns the window in use."""
        if code == language.current():
            return self
        language.choose(code)
        return language.rebuild(self)

    def _on_alarm(self, which: str) -> None:
        if which == "vork":  # what happened and what to do, in the alarm's own words
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Vork in de keten"),
                              self.header.fork.toolTip(), QMessageBox.StandardButton.Ok, self)
            box.open()
            self._fork_box = box
            return
        if which == "rooster":  # refused for good: the administrator of KCR2's hub must act
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Niet op het rooster"),
                              self.header.roster.toolTip() + self.tr(
                                  "\n\nMeld dit bij het beheer van de hub (KCR2): alleen centra "
                                  "op het rooster dat de vastgepinde root ondertekende, worden "
                                  "aangenomen."), QMessageBox.StandardButton.Ok, self)
            box.open()
            self._fork_box = box
            return
        self.show_view("conflicten" if which == "conflicten" else "overzicht")

    def set_sync_state(self, state: str, backlog: int = 0, last_success: str = "",
                       detail: str = "") -> None:
        """For the sync wiring: show the engine's state in the header (see SyncStateLabel)."""
        self.header.sync.set_state(state, backlog, last_success, detail)

    def save_diagnose(self) -> None:
        from desktop.help_dialogs import save_diagnose

        save_diagnose(self, Path(self.path))

    def show_about(self) -> None:
        from desktop.help_dialogs import show_about

        self._about_box = show_about(self, Path(self.path))

    def show_shortcuts(self) -> None:
        """The shortcuts at a glance (F1), in a non-modal box."""
        self._shortcuts_box = shortcuts_box(self)

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

    # ------------------------------------------------------------------ for tests and tools

    def execute(self, commands: list[Command],
                on_ok: Callable[[Changes], None] | None = None,
                on_fail: Callable[[Errors], None] | None = None) -> None:
        """Send commands to the store (see :meth:`CommandWiring.execute`)."""
        self.commands.execute(commands, on_ok, on_fail)

    def apply_changes(self, changes: Changes) -> None:
        """Tell every view what changed (what the sync wiring does with what it took in)."""
        self.ops.broadcast(changes)

    def picture(self) -> PictureState:
        """What the views hold, for the picture rules."""
        return self.picture_cache.state

    def kpis(self) -> Kpis:
        """The figures of the Overzicht now (by the window's clock)."""
        return overview_rules.kpis(self.picture(), self.clock)

    def region_levels(self) -> dict[str, str]:
        """Worst state per region (see :func:`data.picture.overview.region_levels`)."""
        return overview_rules.region_levels(self.picture())

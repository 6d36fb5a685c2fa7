"""Sync in the application: the "Synchronisatie" menu, the engine on its own thread, the peer
hub, bundles, and the sync state in the header.

The Qt-free :class:`~data.sync.client.SyncEngine` calls its listeners on its own thread;
:class:`SyncBridge` turns those calls into signals, delivered to the GUI thread by queued
connection. Everything that touches disk or network (connection tests, bundles, enrolment,
building and closing the engine) runs as an operation on the ``SYNC`` lane of
:mod:`desktop.ops`, on the window's one writable store — the same store object, and so the same
clock, as the operator's commands.

The controller is put together from one part per job: hubs (:mod:`desktop.sync_hubs`), the
peer hub (:mod:`desktop.sync_peer`) and bundles (:mod:`desktop.sync_bundles`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from data.picture.timefmt import age_short
from data.store import Changes, Store
from desktop.context import Context
from desktop.ops import ReceivedChanges, received
from desktop.sync_base import STATUS_NL, SyncJob, peer_lines
from desktop.sync_bundles import BundlesJob
from desktop.sync_hubs import HubsJob
from desktop.sync_peer import PeerHubJob, local_addresses
from desktop.sync_settings import SyncSettings
from widgets.header import HeaderBar
from widgets.sync_dialogs import AddHubDialog, HubsDialog, PeerHubDialog

__all__ = ["SyncController", "SyncBridge", "STATUS_NL", "peer_lines", "local_addresses"]


class SyncBridge(QObject):
    """The engine's listeners as Qt signals (emitted on the engine's thread, received queued)."""

    sig_sync_state_changed = Signal(int, object)
    """The engine's state changed: (engine generation, SyncState)."""
    sig_changes_arrived = Signal(int, object)
    """Pulled events were committed to the store: (engine generation, Changes)."""

    def listeners(self, gen: int) -> tuple[Any, Any]:
        """The two listener functions for the engine of generation ``gen`` (an engine that was
        replaced may still have a signal on its way; the generation tells it apart)."""

        def on_state(state: Any) -> None:
            self.sig_sync_state_changed.emit(gen, state)

        def on_changes(changes: Any) -> None:
            self.sig_changes_arrived.emit(gen, changes)

        return on_state, on_changes

    def peer_changes(self, changes: Any) -> None:
        """What a neighbour pushed to this centre's peer hub changed (on the hub's thread)."""
        self.sig_changes_arrived.emit(-1, changes)


def open_engine(st: Store, peers: list[Any], interval: float, old: Any) -> Any:
    """Close the previous engine (if any) and build one on the window's store."""
    from data.sync.client import SyncEngine

    if old is not None:
        old.close()
    if not peers:
        return None
    return SyncEngine(st, peers, interval=interval)


class SyncController(HubsJob, PeerHubJob, BundlesJob, SyncJob, QObject):
    """Wires sync into one main window: menu, engine, peer hub, bundles, header."""

    sig_peer_hub_changed = Signal(str)
    """The peer hub started ('' when stopped): (its URL on this computer)."""
    sig_message = Signal(str, bool)
    """A result for the user was shown: (text, ok)."""

    def __init__(self, ctx: Context, header: HeaderBar,
                 settings_file: Path | None = None) -> None:
        QObject.__init__(self, ctx.window)
        self.ctx = ctx
        self.header = header
        self.path = Path(ctx.path)
        self.settings_file = settings_file
        self.settings = SyncSettings.load(settings_file)
        self.bridge = SyncBridge()
        self.bridge.sig_sync_state_changed.connect(self._on_state,
                                                   Qt.ConnectionType.QueuedConnection)
        self.bridge.sig_changes_arrived.connect(self._on_changes,
                                                Qt.ConnectionType.QueuedConnection)
        self.engine: Any = None
        self.engine_interval = 5.0
        self.state: Any = None
        self._unsubscribe: list[Any] = []
        self._engine_gen = 0
        self.peer: Any = None       # the running BackgroundHub
        self.peer_url = ""          # its address on this computer
        self._peer_starting = False
        self.add_dialog: AddHubDialog | None = None
        self.hubs_dialog: HubsDialog | None = None
        self.peer_dialog: PeerHubDialog | None = None
        self.message_box: QMessageBox | None = None
        self.last_message = ""
        self._stopped = False
        self._forks_shown: set[str] = set()
        self._shown: tuple[str, int, str, str] | None = None
        self._build_menu()
        ctx.ops.sig_changes.connect(self._on_local_write)
        header.sig_tick.connect(self._refresh_header)

    # ------------------------------------------------------------------ menu

    def _build_menu(self) -> None:
        win = self.ctx.window
        mb = win.menuBar()
        menu = mb.addMenu(self.tr("&Synchronisatie"))
        acts = mb.actions()
        if len(acts) >= 2:  # before "Hulp"
            mb.insertMenu(acts[-2], menu)
        self.menu = menu

        def add(text: str, fn: Any, key: str = "") -> QAction:
            act = QAction(text, win)
            if key:
                act.setShortcut(QKeySequence(key))
                win.addAction(act)
            act.triggered.connect(lambda _=False: fn())
            menu.addAction(act)
            return act

        self.act_add = add(self.tr("Hub toevoegen…"), self.open_add_hub)
        self.act_manage = add(self.tr("Hubs beheren…"), self.open_hubs)
        self.act_now = add(self.tr("Nu synchroniseren"), self.sync_now, "F5")
        menu.addSeparator()
        self.act_peer = add(self.tr("Beeld delen met buren (hub starten)…"), self.open_peer_hub)
        menu.addSeparator()
        self.act_export = add(self.tr("Bundel exporteren…"), self.export_bundle)
        self.act_export_inc = add(self.tr("Incrementele bundel exporteren…"),
                                  self.export_incremental)
        self.act_state = add(self.tr("Statusbestand schrijven…"), self.write_state)
        self.act_import = add(self.tr("Bundel importeren…"), self.import_bundle)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """At window start: the engine when hubs are configured, the peer hub if it was on."""
        self._refresh_header()
        if self.cfg.hubs:
            self.restart_engine()
        if self.cfg.serve_peer:
            self.start_peer_hub(self.cfg.peer_host, self.cfg.peer_port, remember=False)

    def shutdown(self) -> None:
        """Stop the engine and the peer hub (idempotent; on window close, before the window
        ends its lanes: these jobs are the last on the sync lane)."""
        if self._stopped:
            return
        self._stopped = True
        for d in (self.add_dialog, self.hubs_dialog, self.peer_dialog, self.message_box):
            if d is not None:
                d.close()
        self._detach_engine()
        eng, self.engine = self.engine, None
        if eng is not None:
            self.sync_op(lambda _st: eng.close())
        hub, self.peer = self.peer, None
        if hub is not None:
            self.sync_op(lambda _st: hub.stop())

    # ------------------------------------------------------------------ engine

    def _detach_engine(self) -> None:
        for un in self._unsubscribe:
            un()
        self._unsubscribe = []

    def peer_configs(self) -> list[Any]:
        from data.sync.client import PeerConfig, read_token

        cfgs = []
        for h in self.cfg.hubs:
            try:
                cfgs.append(PeerConfig(h.url, read_token(h.token_file), h.name))
            except (OSError, ValueError) as e:
                self.show_message(self.tr("Hub {0}: het tokenbestand is onleesbaar ({1})")
                                  .format(h.url, e), ok=False)
        return cfgs

    def restart_engine(self) -> None:
        """(Re)build the engine for the configured hubs, off the GUI thread, and start it."""
        self._detach_engine()
        old, self.engine = self.engine, None
        self._engine_gen += 1
        gen = self._engine_gen
        cfgs = self.peer_configs()  # reads small token files
        if not cfgs:
            self.state = None
            self._refresh_header()
        interval = self.engine_interval
        self.sync_op(lambda st: open_engine(st, cfgs, interval, old),
                     on_ok=lambda eng: self._engine_ready(gen, eng),
                     on_fail=lambda msg: self.show_message(
                         self.tr("Synchronisatie niet gestart: {0}").format(msg), ok=False))

    def _engine_ready(self, gen: int, eng: Any) -> None:
        if eng is None:
            return
        if self._stopped:  # the window closed meanwhile (its lanes have ended); not started
            eng.close()
            return
        if gen != self._engine_gen:  # superseded meanwhile
            self.sync_op(lambda _st: eng.close())
            return
        self.engine = eng
        on_state, on_changes = self.bridge.listeners(gen)
        self._unsubscribe = [eng.add_listener(on_state), eng.add_changes_listener(on_changes)]
        eng.blobs.on_received = on_changes  # an attachment's bytes arrived: show them
        self._apply_state(eng.state)
        eng.start()

    def sync_now(self) -> None:
        if self.engine is not None:
            self.engine.nudge()
        elif not self.cfg.hubs:
            self.show_message(self.tr("Er is nog geen hub ingesteld (Synchronisatie → "
                                      "Hub toevoegen…)."), ok=False)

    def _on_local_write(self, changes: Changes) -> None:
        """An operator's write: pass it on to the hubs now (not what sync itself took in)."""
        if self.engine is not None and not isinstance(changes, ReceivedChanges):
            self.engine.wrote()

    def _on_state(self, gen: int, state: Any) -> None:
        if gen == self._engine_gen and self.engine is not None:
            self._apply_state(state)

    def _apply_state(self, state: Any) -> None:
        from desktop import activity

        activity.sync_changed(self.state, state)  # (for the log: a line per change per hub)
        self.state = state
        self._refresh_header()
        forks = {p.fork for p in state.peers if getattr(p, "fork", "")}
        if forks - self._forks_shown:  # the engine raised a fork alarm in the store: show it
            self._forks_shown |= forks
            self.ctx.ops.broadcast(received(Changes()))
        if self.hubs_dialog is not None and self.hubs_dialog.isVisible():
            self._fill_hubs_dialog()

    def _on_changes(self, gen: int, changes: Any) -> None:
        # changes of a replaced engine are still real changes of this store: always apply
        if not self._stopped:
            self.ctx.ops.broadcast(received(changes))

    def _refresh_header(self) -> None:
        """Show the state; called on every state change and by the header's clock tick (age)."""
        s = self.state
        if s is None or not s.peers:
            if self.cfg.hubs:
                shown = ("offline", 0, "", self.tr("synchronisatie start…"))
            else:
                shown = ("none", 0, "", self.tr(
                    "Geen hub ingesteld: Synchronisatie → Hub toevoegen…"))
        else:
            detail = "\n".join(peer_lines(s, self.ctx.clock))
            if self.peer_url:
                detail += "\n" + self.tr("Buren-hub draait op poort {0}").format(
                    self.cfg.peer_port)
            status = "syncing" if s.busy and s.status == "online" else s.status
            shown = (status, s.backlog, age_short(s.last_success, self.ctx.clock), detail)
        if shown != self._shown:  # the clock ticks every second; restyle only on a change
            self._shown = shown
            self.header.sync.set_state(*shown)

    # ------------------------------------------------------------------ messages

    def show_message(self, text: str, ok: bool, popup: bool = True) -> None:
        """A result for the user: in the status line and (non-modal) in a message box."""
        self.last_message = text
        self.ctx.status(text if len(text) < 90 else text[:87] + "…")
        if popup and not self._stopped:
            if self.message_box is not None:
                self.message_box.close()
            box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
                              self.tr("Synchronisatie"), text, parent=self.ctx.window)
            self.message_box = box
            box.open()
        self.sig_message.emit(text, ok)

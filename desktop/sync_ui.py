"""Sync in the application: the "Synchronisatie" menu, the engine on its own thread, the peer
hub, bundles, and the sync state in the header.

The Qt-free :class:`~data.sync.client.SyncEngine` calls its listeners on its own thread;
:class:`SyncBridge` turns those calls into signals, delivered to the GUI thread by queued
connection. Everything that touches disk or network (connection tests, bundles, enrolment,
building and closing the engine) runs as an operation on the ``SYNC`` lane of
:mod:`desktop.ops`, on the window's one writable store — the same store object, and so the same
clock, as the operator's commands.

"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from data.picture.timefmt import age_short
from data.store import Changes, Store
from desktop.context import Context
from desktop.ops import ReceivedChanges, received
from desktop.sync_base import STATUS_NL, JobError, SyncJob, peer_lines
from desktop.sync_settings import HubEntry, SyncSettings, save_token
from widgets.header import HeaderBar
from widgets.sync_dialogs import AddHubDialog, HubsDialog, PeerHubDialog

__all__ = ["SyncController", "SyncBridge", "STATUS_NL", "peer_lines", "local_addresses"]


def health(url: str, token: str) -> dict[str, Any]:
    """GET /v1/health and, with a token, /v1/me: is the hub there and does it know us?"""
    from data.sync.client import HubClient, PeerConfig

    c = HubClient(PeerConfig(url, token), timeout=(3.0, 10.0))
    try:
        out = c.health()
        if token:
            out["me"] = c._call("GET", "/v1/me")
        return out
    finally:
        c.close()


def local_addresses() -> list[str]:
    """This computer's addresses a neighbour may reach (best effort, no traffic sent)."""
    found = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # picks the outgoing interface; sends nothing
            found.append(s.getsockname()[0])
    except OSError:
        pass
    name = socket.gethostname()
    if name:
        found.append(name)
    return found or ["127.0.0.1"]


class _NotifyingStore:
    """The window's store as the peer hub sees it: what a neighbour's push changed also goes
    to ``notify`` (which emits a Qt signal), so the window shows it at once."""

    def __init__(self, store: Store, notify: Callable[[Any], None]) -> None:
        self._store, self._notify = store, notify

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def ingest(self, items: Any) -> Any:
        res = self._store.ingest(items)
        if res.changes.entities or res.changes.conflicts:
            self._notify(res.changes)
        return res


def _port_free(host: str, port: int) -> None:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            s.bind((host, port))
        except OSError as e:
            raise JobError(f"poort {port} is bezet of niet beschikbaar ({e.strerror}); "
                           "kies een andere") from None


def peer_start(st: Store, host: str, port: int, notify: Callable[[Any], None]) -> Any:
    """Serve ``st`` as a hub from a thread; returns the hub once the port listens."""
    from data.sync.hub.server import BackgroundHub
    from data.sync.hub.storage import HubStorageError, StoreEventLog

    _port_free(host, port)  # before uvicorn: its failed bind ends its thread with SystemExit
    try:
        log = StoreEventLog(st)
    except HubStorageError as e:
        raise JobError(str(e)) from None
    log.store = _NotifyingStore(log.store, notify)  # type: ignore[assignment]
    try:
        hub = BackgroundHub(log, host=host, port=port)
        hub.start()
    except (OSError, SystemExit):
        log.close()
        raise JobError(f"poort {port} is bezet of niet beschikbaar; kies een andere") from None
    return hub


def enroll(st: Store, node: str, world: str) -> str:
    """Enrol a neighbour at this store's peer hub; returns the token (shown once). The hub's
    tables live in the store's file; the store object is the window's own (left open)."""
    from data.sync.hub.storage import HubStorageError, StoreEventLog

    node = node.strip()
    if not node or len(node) > 80 or not all(c.isalnum() or c in "-_." for c in node):
        raise JobError("node-id: gebruik letters, cijfers, '-', '_' of '.' (hoogstens 80)")
    try:
        log = StoreEventLog(st)
    except HubStorageError as e:
        raise JobError(str(e)) from None
    try:
        return str(log.auth.enroll(node, [world], []))
    finally:
        log.close()


BUNDLE_FILTER = "Crisisbeeld-bundel (*.cbbundle *.zip);;Alle bestanden (*)"
STATE_FILTER = "Statusbestand (*.json);;Alle bestanden (*)"


def export(db: Path, out: str, state_file: str | None) -> Any:
    """Write a bundle of the store at ``db`` (read on a read-only connection of its own)."""
    from data.sync.bundle import export_bundle, read_state

    st = Store.open(db, readonly=True)
    try:
        since = read_state(state_file, st.world) if state_file else None
        return export_bundle(st, out, since)
    finally:
        st.close()


def state_file_of(db: Path, out: str) -> dict[str, Any]:
    """Write the state file of the store at ``db`` (what it holds per origin)."""
    from data.sync.bundle import write_state

    st = Store.open(db, readonly=True)
    try:
        return write_state(st, out)
    finally:
        st.close()


def import_into(st: Store, path: str) -> Any:
    """Ingest a bundle into the window's store; its changes are marked as received."""
    from data.sync.bundle import import_bundle

    res = import_bundle(st, path)
    res.changes = received(res.changes)
    return res


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


class SyncController(SyncJob, QObject):
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
                self.show_message(self.tr("Hub {0}: tokenbestand onleesbaar ({1})")
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
            self.engine.nudge()

    def _on_state(self, gen: int, state: Any) -> None:
        if gen == self._engine_gen and self.engine is not None:
            self._apply_state(state)

    def _apply_state(self, state: Any) -> None:
        self.state = state
        self._refresh_header()
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

    # ------------------------------------------------------------------ hubs

    def open_add_hub(self) -> AddHubDialog:
        if self.add_dialog is not None:
            self.add_dialog.close()
        d = AddHubDialog([h.url for h in self.cfg.hubs], self.ctx.window)
        d.sig_test_requested.connect(self._test_connection)
        d.accepted.connect(lambda: self._add_hub(d))
        self.add_dialog = d
        d.open()
        return d

    def _test_connection(self, url: str, token_file: str, token: str) -> None:
        from data.sync.client import read_token

        d = self.add_dialog
        if token_file and not token:
            try:
                token = read_token(token_file)
            except (OSError, ValueError) as e:
                if d is not None:
                    d.show_test_result(False, str(e))
                return

        def ok(h: dict[str, Any]) -> None:
            me = h.get("me") or {}
            text = self.tr("hub {0} bereikbaar").format(h.get("hub_id", "?"))
            worlds = h.get("worlds")
            if worlds and self.ctx.world not in worlds:
                if d is not None:
                    d.show_test_result(False, self.tr("deze hub bedient wereld {0}, niet {1}")
                                       .format(", ".join(worlds), self.ctx.world))
                return
            if me:
                if self.ctx.world not in (me.get("write") or []):
                    if d is not None:
                        d.show_test_result(False, self.tr(
                            "token van node {0} mag wereld {1} niet schrijven").format(
                            me.get("node"), self.ctx.world))
                    return
                text += self.tr("; token geldig (node {0})").format(me.get("node"))
            if d is not None:
                d.show_test_result(True, text)

        def fail(msg: str) -> None:
            if d is not None:
                d.show_test_result(False, msg)

        self.sync_op(lambda _st: health(url, token), on_ok=ok, on_fail=fail)

    def _add_hub(self, d: AddHubDialog) -> None:
        url, name, token_file, token = d.values()
        if token:
            token_file = str(save_token(token, url,
                                        (self.settings_file.parent / "tokens")
                                        if self.settings_file else None))
        self.add_hub(url, token_file, name)

    def add_hub(self, url: str, token_file: str, name: str = "") -> None:
        """Remember a hub for this store and restart the engine with it."""
        self.cfg.hubs.append(HubEntry(url.rstrip("/"), str(Path(token_file).resolve()), name))
        self.save_settings()
        self.show_message(self.tr("Hub {0} toegevoegd").format(name or url), ok=True,
                          popup=False)
        self.restart_engine()
        if self.hubs_dialog is not None and self.hubs_dialog.isVisible():
            self._fill_hubs_dialog()

    def remove_hub(self, url: str) -> None:
        self.cfg.hubs = [h for h in self.cfg.hubs if h.url != url]
        self.save_settings()
        self.restart_engine()
        if self.hubs_dialog is not None:
            self._fill_hubs_dialog()

    def open_hubs(self) -> HubsDialog:
        if self.hubs_dialog is None:
            self.hubs_dialog = HubsDialog(self.ctx.window)
            self.hubs_dialog.sig_remove.connect(self._confirm_remove)
            self.hubs_dialog.sig_add.connect(self.open_add_hub)
        self._fill_hubs_dialog()
        self.hubs_dialog.open()
        return self.hubs_dialog

    def _confirm_remove(self, url: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Hub verwijderen"),
                          self.tr("Niet meer synchroniseren met {0}?").format(url),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.hubs_dialog)
        box.accepted.connect(lambda: self.remove_hub(url))
        self.message_box = box
        box.open()

    def _fill_hubs_dialog(self) -> None:
        if self.hubs_dialog is None:
            return
        states = {p.url: p for p in (self.state.peers if self.state else ())}
        rows = []
        for h in self.cfg.hubs:
            p = states.get(h.url)
            text = f"{h.name or h.url}" + (f"  ({h.url})" if h.name else "")
            if p is not None:
                from data.sync.client import SyncState

                line = peer_lines(SyncState(peers=(p,)), self.ctx.clock)[0]
                text += "\n" + line.split(": ", 1)[1]
            rows.append((h.url, text))
        self.hubs_dialog.set_hubs(rows)

    # ------------------------------------------------------------------ peer hub

    def open_peer_hub(self) -> PeerHubDialog:
        if self.peer_dialog is None:
            d = PeerHubDialog(self.cfg.peer_port, self.cfg.peer_host == "127.0.0.1",
                              self.ctx.window)
            d.sig_start.connect(lambda host, port: self.start_peer_hub(host, port))
            d.sig_stop.connect(lambda: self.stop_peer_hub())
            d.sig_enroll.connect(self.enroll_neighbour)
            self.peer_dialog = d
        self._show_peer_state()
        self.peer_dialog.open()
        return self.peer_dialog

    def start_peer_hub(self, host: str = "0.0.0.0", port: int = 8750,
                       remember: bool = True) -> None:
        """Serve this store as a hub for neighbours (as ``crisisbeeld serve`` does), from a
        thread of this process on the window's one writable store: neighbours' pushes go
        through the same store lock and clock, and what they change is shown at once."""
        if self.peer is not None or self._peer_starting:
            return
        self.cfg.peer_host, self.cfg.peer_port = host, port
        self._peer_starting = True
        notify = self.bridge.peer_changes
        self.sync_op(lambda st: peer_start(st, host, port, notify),
                     on_ok=lambda hub: self._peer_ready(hub, remember), on_fail=self._peer_failed)

    def _peer_ready(self, hub: Any, remember: bool) -> None:
        self._peer_starting = False
        if self._stopped:  # the window closed meanwhile (its lanes have ended)
            hub.stop()
            return
        self.peer = hub
        self.peer_url = hub.url
        if remember:  # started again with the application from now on
            self.cfg.serve_peer = True
            self.save_settings()
        self._show_peer_state()
        self._refresh_header()
        self.sig_peer_hub_changed.emit(self.peer_url)

    def _peer_failed(self, msg: str) -> None:
        self._peer_starting = False
        self._show_peer_state(error=msg)
        self.show_message(self.tr("Buren-hub niet gestart: {0}").format(msg), ok=False)

    def stop_peer_hub(self) -> None:
        """Stop the peer hub (and do not start it again at the next start)."""
        self.cfg.serve_peer = False
        self.save_settings()
        hub, self.peer = self.peer, None
        self.peer_url = ""
        if hub is None:
            return
        self.sync_op(lambda _st: hub.stop(), on_ok=lambda _r: self._peer_stopped(),
                     on_fail=lambda _m: self._peer_stopped())

    def _peer_stopped(self) -> None:
        self._show_peer_state()
        self._refresh_header()
        self.sig_peer_hub_changed.emit("")

    def peer_how_to(self) -> tuple[str, str]:
        """(address for neighbours, what they do) while the peer hub runs."""
        port = self.cfg.peer_port
        hosts = ["127.0.0.1"] if self.cfg.peer_host == "127.0.0.1" else local_addresses()
        addrs = ", ".join(f"http://{h}:{port}" for h in hosts)
        how = self.tr(
            "Buren: meld hieronder hun node-id aan en geef hun het token; zij kiezen "
            "Synchronisatie → Hub toevoegen… met dit adres en dat token "
            "(of: crisisbeeld sync --hub ADRES --token-file BESTAND).")
        return addrs, how

    def _show_peer_state(self, error: str = "") -> None:
        if self.peer_dialog is None:
            return
        if self.peer_url:
            addr, how = self.peer_how_to()
            self.peer_dialog.set_running(addr, how)
        else:
            self.peer_dialog.set_running("", "", error)

    def enroll_neighbour(self, node: str) -> None:
        def ok(token: str) -> None:
            info = self.tr("Node {0} aangemeld voor wereld {1}. Geef dit token aan de buur "
                           "(veilig: het wordt niet opnieuw getoond; de hub bewaart alleen een "
                           "hash). CLI: crisisbeeld hub enroll --store {2} --node {0} "
                           "--worlds {1}").format(node, self.ctx.world, self.path)
            if self.peer_dialog is not None:
                self.peer_dialog.show_enrolled(node, token, info)
            self.last_enrolled = (node, token)

        def fail(msg: str) -> None:
            if self.peer_dialog is not None:
                self.peer_dialog.show_enroll_error(msg)

        world = self.ctx.world
        self.sync_op(lambda st: enroll(st, node, world), on_ok=ok, on_fail=fail)

    # ------------------------------------------------------------------ bundles

    def _ask_save(self, title: str, filt: str, suggestion: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.ctx.window, title, suggestion, filt)
        return path

    def _ask_open(self, title: str, filt: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.ctx.window, title, "", filt)
        return path

    def _suggest(self, suffix: str) -> str:
        stamp = self.ctx.clock.now().astimezone().strftime("%Y%m%d-%H%M")
        return str(Path.home() / f"crisisbeeld-{self.ctx.world}-{stamp}{suffix}")

    def export_bundle(self, path: str | None = None) -> None:
        path = path or self._ask_save(self.tr("Bundel exporteren"), BUNDLE_FILTER,
                                      self._suggest(".cbbundle"))
        if path:
            self._export(path, None)

    def export_incremental(self, state_file: str | None = None, path: str | None = None) -> None:
        state_file = state_file or self._ask_open(
            self.tr("Statusbestand van de ontvanger kiezen"), STATE_FILTER)
        if not state_file:
            return
        path = path or self._ask_save(self.tr("Incrementele bundel exporteren"), BUNDLE_FILTER,
                                      self._suggest("-incr.cbbundle"))
        if path:
            self._export(path, state_file)

    def _export(self, path: str, state_file: str | None) -> None:
        self.ctx.status(self.tr("bundel schrijven…"))

        def ok(res: Any) -> None:
            kind = self.tr("Incrementele bundel") if state_file else self.tr("Bundel")
            self.show_message(self.tr("{0} geschreven: {1} gebeurtenissen van {2} oorsprong(en) "
                                      "naar {3}").format(kind, res.events, len(res.origins),
                                                         res.path), ok=True)

        self.sync_op(lambda _st: export(self.path, path, state_file), on_ok=ok,
                     on_fail=lambda m: self.show_message(
            self.tr("Bundel niet geschreven: {0}").format(m), ok=False))

    def write_state(self, path: str | None = None) -> None:
        path = path or self._ask_save(self.tr("Statusbestand schrijven"), STATE_FILTER,
                                      self._suggest("-status.json"))
        if not path:
            return

        def ok(doc: dict[str, Any]) -> None:
            self.show_message(self.tr("Statusbestand geschreven ({0} oorsprong(en)) naar {1}. "
                                      "Geef het aan wie een bundel voor u maakt.")
                              .format(len(doc.get("heads", {})), path), ok=True)

        self.sync_op(lambda _st: state_file_of(self.path, path), on_ok=ok,
                     on_fail=lambda m: self.show_message(
            self.tr("Statusbestand niet geschreven: {0}").format(m), ok=False))

    def import_bundle(self, path: str | None = None) -> None:
        path = path or self._ask_open(self.tr("Bundel importeren"), BUNDLE_FILTER)
        if not path:
            return
        self.ctx.status(self.tr("bundel inlezen…"))

        def ok(res: Any) -> None:
            text = self.tr("Bundel ingelezen: {0} nieuw, {1} al aanwezig, {2} geweigerd").format(
                len(res.accepted), len(res.duplicates), len(res.rejected))
            if res.rejected:
                eid, why = res.rejected[0]
                text += self.tr(" (o.a. {0}: {1})").format(eid, why)
            self.show_message(text, ok=not res.rejected)
            if res.accepted and self.engine is not None:
                self.engine.nudge()  # pass them on to the hubs

        # a write: the views get its (received) changes before ``ok`` runs
        self.sync_op(lambda st: import_into(st, path), on_ok=ok, write=True,
                     on_fail=lambda m: self.show_message(
            self.tr("Bundel niet ingelezen: {0}").format(m), ok=False))

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

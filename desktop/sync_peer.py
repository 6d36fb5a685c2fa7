"""Sync job "peer hub": serve this centre's store as a hub for neighbours, from a thread of
this process, and enrol the neighbours that may sync with it."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from data.store import Store
from desktop.sync_base import JobError, SyncJob
from widgets.sync_dialogs import PeerHubDialog

translate = QCoreApplication.translate


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
        except OSError:
            raise JobError(translate("Sync", "poort {0} is bezet of niet beschikbaar; kies een "
                                     "andere").format(port)) from None


def _may_serve(host: str, cert: str, key: str, insecure: bool) -> None:
    """The rule of `crisisbeeld hub`: on an address other computers reach, https (certificate
    and key) or plain http chosen explicitly; raises JobError in the dialog's words."""
    from data.sync.hub.server import tls_options
    from data.sync.wire import is_loopback

    if bool(cert) != bool(key):
        raise JobError(translate("Sync", "kies het certificaat én de sleutel die erbij hoort"))
    if not cert and not insecure and not is_loopback(host):
        raise JobError(translate(
            "Sync", "de hub zou op alle adressen luisteren zonder TLS: tokens en gebeurtenissen "
                    "zouden onversleuteld over het netwerk gaan. Kies een certificaat en "
                    "sleutel, of (alleen op een vertrouwd netwerk) 'onversleuteld op een "
                    "vertrouwd netwerk'; of houd de hub op deze computer."))
    try:
        tls_options(host, cert or None, key or None, insecure)
    except ValueError as e:  # a file that cannot be read: the sentence names it
        raise JobError(str(e)) from None


def peer_start(st: Store, host: str, port: int, notify: Callable[[Any], None],
               tls: tuple[str, str, bool] = ("", "", False)) -> Any:
    """Serve ``st`` as a hub from a thread; returns the hub once the port listens. ``tls``:
    (certificate, key, plain http allowed) — as `crisisbeeld hub`, a network address needs
    https or the explicit choice of plain http."""
    from data.sync.hub.server import BackgroundHub
    from data.sync.hub.storage import HubStorageError
    from data.sync.hub.store_log import StoreEventLog

    cert, key, insecure = tls
    _may_serve(host, cert, key, insecure)  # (nothing listens when this says no)
    _port_free(host, port)  # before uvicorn: its failed bind ends its thread with SystemExit
    try:
        log = StoreEventLog(st)
    except HubStorageError as e:
        raise JobError(str(e)) from None
    log.store = _NotifyingStore(log.store, notify)  # type: ignore[assignment]
    try:
        hub = BackgroundHub(log, host=host, port=port, tls_cert=cert or None,
                            tls_key=key or None, insecure_http=insecure)
        hub.start()
    except (OSError, SystemExit):
        log.close()
        raise JobError(translate("Sync", "poort {0} is bezet of niet beschikbaar; kies een "
                                 "andere").format(port)) from None
    return hub


def enroll(st: Store, node: str, world: str) -> str:
    """Enrol a neighbour at this store's peer hub; returns the token (shown once). The hub's
    tables live in the store's file; the store object is the window's own (left open)."""
    from data.sync.hub.storage import HubStorageError
    from data.sync.hub.store_log import StoreEventLog

    node = node.strip()
    if not node or len(node) > 80 or not all(c.isalnum() or c in "-_." for c in node):
        raise JobError(translate("Sync", "naam van het buurcentrum: gebruik letters, cijfers, "
                                 "'-', '_' of '.' (hoogstens 80)"))
    try:
        log = StoreEventLog(st)
    except HubStorageError as e:
        raise JobError(str(e)) from None
    try:
        was = log.auth.enrolment(node)
        if was is not None:  # a second enrolment would end its token: never silently
            raise JobError(translate(
                "Sync", "Centrum {0} is al aangemeld bij deze hub ({1}); er is niets veranderd. "
                        "Opnieuw aanmelden maakt zijn huidige token ongeldig; doe dat alleen "
                        "bewust, met 'crisisbeeld hub enroll --store … --node {0} --vervang'.")
                .format(node, was.describe()))
        return str(log.auth.enroll(node, [world], []))
    finally:
        log.close()


class PeerHubJob(SyncJob):
    """The peer hub (part of the sync controller)."""

    sig_peer_hub_changed: Any  # the controller's Signal(str)
    bridge: Any
    peer: Any
    _peer_starting: bool
    peer_dialog: PeerHubDialog | None
    last_enrolled: tuple[str, str]

    def open_peer_hub(self) -> PeerHubDialog:
        if self.peer_dialog is None:
            c = self.cfg
            d = PeerHubDialog(c.peer_port, c.peer_host == "127.0.0.1", self.ctx.window,
                              (c.peer_tls_cert, c.peer_tls_key, c.peer_insecure_http))
            d.sig_start.connect(lambda host, port, cert, key, insecure: self.start_peer_hub(
                host, port, tls=(cert, key, insecure)))
            d.sig_stop.connect(lambda: self.stop_peer_hub())
            d.sig_enroll.connect(self.enroll_neighbour)
            self.peer_dialog = d
        self._show_peer_state()
        self.peer_dialog.open()
        return self.peer_dialog

    def start_peer_hub(self, host: str = "127.0.0.1", port: int = 8750,
                       remember: bool = True, tls: tuple[str, str, bool] | None = None) -> None:
        """Serve this store as a hub for neighbours (as ``crisisbeeld serve`` does), from a
        thread of this process on the window's one writable store: neighbours' pushes go
        through the same store lock and clock, and what they change is shown at once.
        ``tls``: (certificate, key, plain http allowed); None: as in the settings."""
        if self.peer is not None or self._peer_starting:
            return
        c = self.cfg
        if tls is None:
            tls = (c.peer_tls_cert, c.peer_tls_key, c.peer_insecure_http)
        c.peer_host, c.peer_port = host, port
        c.peer_tls_cert, c.peer_tls_key, c.peer_insecure_http = tls
        self._peer_starting = True
        notify = self.bridge.peer_changes
        self.sync_op(lambda st: peer_start(st, host, port, notify, tls),
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
        self.show_message(translate("Sync", "Buren-hub niet gestart: {0}").format(msg), ok=False)

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
        scheme = "https" if self.peer is not None and self.peer.tls else "http"
        addrs = ", ".join(f"{scheme}://{h}:{port}" for h in hosts)
        how = translate(
            "Sync", "Buren: meld hieronder de naam van hun centrum aan en geef hun het token "
                    "dat verschijnt; zij kiezen Synchronisatie → Hub toevoegen… met dit adres "
                    "en dat token.")
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
            info = translate(
                "Sync", "Centrum {0} aangemeld voor beeld {1}. Geef dit token aan de buur "
                        "langs een veilige weg: het wordt niet opnieuw getoond (de hub bewaart "
                        "alleen een controlegetal ervan).").format(node, self.ctx.world)
            if self.peer_dialog is not None:
                self.peer_dialog.show_enrolled(node, token, info)
            self.last_enrolled = (node, token)

        def fail(msg: str) -> None:
            if self.peer_dialog is not None:
                self.peer_dialog.show_enroll_error(msg)

        world = self.ctx.world
        self.sync_op(lambda st: enroll(st, node, world), on_ok=ok, on_fail=fail)

"""Sync job "hubs": add a hub (with a connection test), remove one, the list of hubs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop.sync_base import SyncJob, peer_lines
from desktop.sync_settings import HubEntry, save_token
from widgets.sync_dialogs import AddHubDialog, HubsDialog

translate = QCoreApplication.translate


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


class HubsJob(SyncJob):
    """The hubs this store syncs with (part of the sync controller)."""

    add_dialog: AddHubDialog | None
    hubs_dialog: HubsDialog | None
    message_box: QMessageBox | None

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
            text = translate("Sync", "hub {0} bereikbaar").format(h.get("hub_id", "?"))
            worlds = h.get("worlds")
            if worlds and self.ctx.world not in worlds:
                if d is not None:
                    d.show_test_result(False, translate(
                        "Sync", "deze hub bedient wereld {0}, niet {1}")
                                       .format(", ".join(worlds), self.ctx.world))
                return
            if me:
                if self.ctx.world not in (me.get("write") or []):
                    if d is not None:
                        d.show_test_result(False, translate(
                            "Sync", "het token van centrum {0} geeft geen recht om in "
                                    "beeld {1} te schrijven").format(
                            me.get("node"), self.ctx.world))
                    return
                text += translate("Sync", "; token geldig (centrum {0})").format(
                    me.get("node"))
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
        self.show_message(translate("Sync", "Hub {0} toegevoegd").format(name or url), ok=True,
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
        box = QMessageBox(QMessageBox.Icon.Question, translate("Sync", "Hub verwijderen"),
                          translate("Sync", "Niet meer synchroniseren met {0}?").format(url),
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

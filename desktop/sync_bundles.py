"""Sync job "bundles": export a bundle (all, or what a receiver lacks per its state file),
write this store's state file, import a bundle — for when there is no network at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog

from data.store import Store
from desktop import activity
from desktop.ops import received
from desktop.sync_base import SyncJob

translate = QCoreApplication.translate

BUNDLE_FILTER = QT_TRANSLATE_NOOP(
    "Sync", "Crisisbeeld-bundel (*.cbbundle);;Oudere bundels (*.cbz *.zip);;Alle bestanden (*)")
STATE_FILTER = QT_TRANSLATE_NOOP("Sync", "Statusbestand (*.json);;Alle bestanden (*)")


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


class BundlesJob(SyncJob):
    """Bundles from the menu (part of the sync controller)."""

    engine: Any

    def _ask_save(self, title: str, filt: str, suggestion: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.ctx.window, title, suggestion,
                                              translate("Sync", filt))
        return path

    def _ask_open(self, title: str, filt: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.ctx.window, title, "",
                                              translate("Sync", filt))
        return path

    def _suggest(self, suffix: str) -> str:
        stamp = self.ctx.clock.now().astimezone().strftime("%Y%m%d-%H%M")
        return str(Path.home() / f"crisisbeeld-{self.ctx.world}-{stamp}{suffix}")

    def export_bundle(self, path: str | None = None) -> None:
        path = path or self._ask_save(translate("Sync", "Bundel exporteren"), BUNDLE_FILTER,
                                      self._suggest(".cbbundle"))
        if path:
            self._export(path, None)

    def export_incremental(self, state_file: str | None = None, path: str | None = None) -> None:
        state_file = state_file or self._ask_open(
            translate("Sync", "Statusbestand van de ontvanger kiezen"), STATE_FILTER)
        if not state_file:
            return
        path = path or self._ask_save(translate("Sync", "Incrementele bundel exporteren"),
                                      BUNDLE_FILTER,
                                      self._suggest("-incr.cbbundle"))
        if path:
            self._export(path, state_file)

    def _export(self, path: str, state_file: str | None) -> None:
        self.ctx.status(translate("Sync", "bundel schrijven…"))

        def ok(res: Any) -> None:
            activity.exported(res.path, res.events, len(res.origins))
            kind = (translate("Sync", "Incrementele bundel") if state_file
                    else translate("Sync", "Bundel"))
            self.show_message(translate("Sync", "{0} geschreven: {1} gebeurtenissen van {2} "
                                                 "oorsprong(en) "
                                      "naar {3}").format(kind, res.events, len(res.origins),
                                                         res.path), ok=True)

        def fail(m: str) -> None:
            activity.refused("bundel schrijven", m)
            self.show_message(translate("Sync", "Bundel niet geschreven: {0}").format(m),
                              ok=False)

        self.sync_op(lambda _st: export(self.path, path, state_file), on_ok=ok, on_fail=fail)

    def write_state(self, path: str | None = None) -> None:
        path = path or self._ask_save(translate("Sync", "Statusbestand schrijven"), STATE_FILTER,
                                      self._suggest("-status.json"))
        if not path:
            return

        def ok(doc: dict[str, Any]) -> None:
            self.show_message(translate("Sync", "Statusbestand geschreven ({0} oorsprong(en)) "
                                                 "naar {1}. "
                                      "Geef het aan wie een bundel voor u maakt.")
                              .format(len(doc.get("heads", {})), path), ok=True)

        self.sync_op(lambda _st: state_file_of(self.path, path), on_ok=ok,
                     on_fail=lambda m: self.show_message(
            translate("Sync", "Statusbestand niet geschreven: {0}").format(m), ok=False))

    def import_bundle(self, path: str | None = None) -> None:
        path = path or self._ask_open(translate("Sync", "Bundel importeren"), BUNDLE_FILTER)
        if not path:
            return
        self.ctx.status(translate("Sync", "bundel inlezen…"))

        def ok(res: Any) -> None:
            activity.imported(path, len(res.accepted), len(res.duplicates), len(res.rejected))
            text = translate("Sync", "Bundel ingelezen: {0} nieuw, {1} al aanwezig, "
                                    "{2} geweigerd").format(
                len(res.accepted), len(res.duplicates), len(res.rejected))
            if res.rejected:
                eid, why = res.rejected[0]
                text += translate("Sync", " (o.a. {0}: {1})").format(eid, why)
            self.show_message(text, ok=not res.rejected)
            if res.accepted and self.engine is not None:
                self.engine.wrote()  # pass them on to the hubs

        # a write: the views get its (received) changes before ``ok`` runs
        def fail(m: str) -> None:
            activity.refused("bundel inlezen", m)
            self.show_message(translate("Sync", "Bundel niet ingelezen: {0}").format(m),
                              ok=False)

        self.sync_op(lambda st: import_into(st, path), on_ok=ok, write=True, on_fail=fail)

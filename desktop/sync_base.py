"""What the sync jobs share: the errors that are an answer for a person, and the part of the
sync controller each job (hubs, peer hub, bundles) relies on.

Every sync job runs as an operation on the ``SYNC`` lane of :mod:`desktop.ops` (network and
files never on the GUI thread), on the window's one writable store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from data.clock import Clock, default_clock
from data.picture.timefmt import age_short
from data.store import StoreError

if TYPE_CHECKING:
    from data.sync.client import SyncState
    from desktop.context import Context
    from desktop.sync_settings import StoreSync, SyncSettings

translate = QCoreApplication.translate

STATUS_NL = {"online": QT_TRANSLATE_NOOP("Sync", "verbonden"),
             "offline": QT_TRANSLATE_NOOP("Sync", "geen verbinding"),
             "error": QT_TRANSLATE_NOOP("Sync", "fout")}


def peer_lines(state: SyncState, now: Clock | datetime | None = None) -> list[str]:
    """One line per hub: state, cursors, backlog, age and last error (tooltip, hubs list)."""
    out = []
    for p in state.peers:
        age = age_short(p.last_success, now or default_clock())
        # (the cursors are positions in the log: "sent up to" and "received up to")
        line = translate("Sync", "{0}: {1} · verzonden t/m {2} · ontvangen t/m {3} · nog te "
                                 "verzenden {4}").format(
            p.name or p.url, translate("Sync", STATUS_NL.get(p.status, p.status)), p.push_cursor,
            p.pull_cursor, p.backlog)
        line += (translate("Sync", " · laatst gelukt {0} geleden").format(age) if age
                 else translate("Sync", " · nog niet gelukt"))
        if p.last_error:
            line += translate("Sync", "\n    laatste fout: {0}").format(p.last_error)
        if p.status != "online" and p.next_attempt_in:
            line += translate("Sync", "\n    volgende poging over {0} s").format(
                f"{p.next_attempt_in:.0f}")
        out.append(line)
    return out


class JobError(Exception):
    """A job that could not be done; the message is for a person."""


def expected_errors() -> tuple[type[BaseException], ...]:
    """Errors of a sync job that are an answer (shown to the user), not a bug."""
    from data.sync.bundle import BundleError
    from data.sync.client import HubRefused, LinkDown

    return (JobError, BundleError, StoreError, HubRefused, LinkDown, OSError, ValueError)


class SyncJob:
    """Base of the sync controller's parts (a mixin): the attributes they share."""

    ctx: Context
    path: Path
    settings: SyncSettings
    settings_file: Path | None
    engine: Any
    state: Any
    peer_url: str
    _stopped: bool

    @property
    def cfg(self) -> StoreSync:
        return self.settings.for_store(self.path)

    def save_settings(self) -> None:
        self.settings.save(self.settings_file)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """Translate in the controller's context (every part shares it)."""
        return QCoreApplication.translate("SyncController", text, disambiguation, n)

    def show_message(self, text: str, ok: bool, popup: bool = True) -> None:
        raise NotImplementedError

    def restart_engine(self) -> None:
        raise NotImplementedError

    def _refresh_header(self) -> None:
        raise NotImplementedError

    def sync_op(self, fn: Any, on_ok: Any = None, on_fail: Any = None, write: bool = False) -> None:
        """Run ``fn(store)`` on the sync lane; ``on_fail`` gets the message for a person."""
        from desktop.ops import CollectionOp, Lane, QueryOp

        kind = CollectionOp if write else QueryOp
        op = kind(self.ctx.ops, fn, Lane.SYNC, expected=expected_errors())
        if on_ok is not None:
            op.success(on_ok)

        def fail(e: Exception) -> None:
            msg = (str(e) if isinstance(e, expected_errors())
                   else translate("Sync", "onverwachte fout: {0}").format(e))
            if on_fail is not None:
                on_fail(msg)

        op.failure(fail).run_in_background()

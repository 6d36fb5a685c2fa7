"""What the sync engine tells the application: per hub and overall state, and a token file
reader. Qt-free values (frozen dataclasses) handed to listeners on the engine's thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from data.i18n import _, ngettext

Status = Literal["online", "offline", "error"]

@dataclass(frozen=True)
class PeerState:
    """How syncing with one hub goes. ``status`` is online from the moment the hub answered
    in a round until a call fails; ``last_success`` is the end of the last complete round."""

    url: str
    name: str = ""
    status: Status = "offline"
    hub_id: str = ""
    push_cursor: int = 0
    pull_cursor: int = 0
    backlog: int = 0                 # local events this hub does not have yet (as far as known)
    last_success: str | None = None  # ISO time of the last complete round
    last_error: str = ""
    pushed: int = 0                  # accepted by the hub, this session
    pulled: int = 0                  # accepted into the store, this session
    rejected: int = 0                # refused by the hub or the store, this session
    next_attempt_in: float = 0.0     # seconds until the next try (after a failure)
    busy: bool = False               # events are being sent or taken in right now
    undelivered: int = 0             # events of this store the hub refused for good
    refused_in: int = 0              # events of the hub this store refused for good
    held: int = 0                    # pulled events not taken in yet (a retry may cure it)
    fork: str = ""                   # a fork between this store and the hub (red alarm)

    @property
    def trouble(self) -> str:
        """What could not be exchanged, for a person; empty when all went through."""
        parts = []
        if self.fork:
            parts.append(self.fork)
        if self.held:
            parts.append(ngettext("{n} ontvangen gebeurtenis wacht op haar voorganger",
                                  "{n} ontvangen gebeurtenissen wachten op hun voorganger",
                                  self.held).format(n=self.held))
        if self.undelivered:
            parts.append(ngettext("{n} eigen gebeurtenis door de hub geweigerd",
                                  "{n} eigen gebeurtenissen door de hub geweigerd",
                                  self.undelivered).format(n=self.undelivered))
        if self.refused_in:
            parts.append(ngettext("{n} gebeurtenis van de hub geweigerd",
                                  "{n} gebeurtenissen van de hub geweigerd",
                                  self.refused_in).format(n=self.refused_in))
        return "; ".join(parts)


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows. ``status`` is online when any hub is reachable, else error
    when any hub refuses us (token, rights), else offline. ``backlog`` is the largest backlog
    over the hubs; ``last_success`` the newest success of any hub."""

    status: Status = "offline"
    backlog: int = 0
    last_success: str | None = None
    running: bool = False
    peers: tuple[PeerState, ...] = ()

    @property
    def busy(self) -> bool:
        """Events are moving to or from some hub right now (not set by rounds with nothing to
        send or fetch, so a quiet link does not blink)."""
        return any(p.busy for p in self.peers)

    @property
    def last_error(self) -> str:
        return next((p.last_error for p in self.peers if p.last_error), "")


def why_of(result: dict[str, object]) -> str:
    """The reason a hub gave for refusing one event ('' when it gave none)."""
    return str(result.get("reason", ""))


def refused_text(n: int, first: str, why: str) -> str:
    """What a person reads when the hub's events were refused for good."""
    return _("{n} gebeurtenissen van de hub geweigerd, o.a. {id}: {why}").format(
        n=n, id=first, why=why)


def read_token(path: str) -> str:
    """A token file holds the token on its own (trailing whitespace ignored)."""
    with open(path, encoding="utf-8") as f:
        token = f.read().strip().splitlines()
    if not token or not token[-1].strip():
        raise ValueError(_("tokenbestand {path} is leeg").format(path=path))
    return token[-1].strip()

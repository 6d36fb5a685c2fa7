"""What the sync engine keeps per hub, and how long it waits there for news."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from data.sync.hub_client import Backoff, HubClient, PeerConfig
from data.sync.state import PeerState

#: how long one wait at the hub for news lasts (seconds); then it is asked again
WAIT_S = 20.0
#: after a pull on news, how long news is gathered before the next wait (seconds)
GATHER_S = 0.25
#: while the engine waits at a hub for news, how often a full round still runs (seconds): its
#: checks (forks, the hub's heads) and the fallback should a notice be lost
WAITING_INTERVAL_S = 60.0


@dataclass
class Peer:
    """What the engine keeps per hub."""

    cfg: PeerConfig
    client: HubClient
    backoff: Backoff
    state: PeerState
    due: float = 0.0
    heads: dict[str, int] = field(default_factory=dict)
    refused: int = 0  # HTTP status of the hub's last refusal (0: none)
    waits: bool = False  # the hub can hold a request until it has news (health: "wait")
    rosters: bool = False  # the hub passes on a roster (health: "roster")
    news: bool = False  # the hub said it has events after our pull cursor: pull them
    wrote: bool = False  # a local write since the last push: push it (a light round will do)
    wait_fails: bool = False  # waits at the hub fail (a proxy that allows no long requests?)
    round_done: threading.Event = field(default_factory=threading.Event)
    held_rounds: int = 0  # rounds in a row that ended with pulled events not taken in

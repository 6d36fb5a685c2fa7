"""A fork this centre found is told to the hub too: the hub keeps its own list of forks (its
status and its log), but sees one only when the second event with that origin and seq reaches
it. The engine finds most forks before it pushes anything, so it offers the hub this store's
event at the forked seq; the hub refuses it (it holds another) and records the fork."""

from __future__ import annotations

import json
import sqlite3
from typing import TypeVar

from data.store import log
from data.sync.hub_client import HubClient, HubRefused, LinkDown

E = TypeVar("E", bound=Exception)


def told_hub(client: HubClient, db: sqlite3.Connection, world: str, origin: str, seq: int,
             alarm: E) -> E:
    """Offer this store's event ``origin``/``seq`` to the hub (best effort: the alarm here
    stands whatever the hub answers); returns ``alarm``, to raise."""
    held = log.chain_after(db, origin, seq - 1, limit=1)
    if held and held[0].seq == seq:
        try:
            client.push(world, [json.dumps(held[0].to_wire(from_json=True))])
        except (LinkDown, HubRefused):
            pass
    return alarm

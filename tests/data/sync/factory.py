"""Stores with local changes for sync tests (shared by tests/data/sync and tests/e2e)."""

from __future__ import annotations

import random
import socket
from pathlib import Path

from data.store import Command, Store

REGIONS = ("VR06", "VR04", "VR05", "VR07", "VR08")
CHANNELS = ("C2000", "NCV", "DARES", "telefoon")


def fill(st: Store, n: int, seed: int = 0) -> None:
    """About ``n`` events of local traffic: an incident of its own, journal lines, picture
    updates, and comms reports on entities every centre shares (so folds really merge)."""
    rnd = random.Random(f"{seed}:{st.node_id}")
    with st.transaction():
        ch = st.execute(Command("incident.reported", {
            "title": f"Stroomuitval {st.node_id}", "kind": "stroomuitval",
            "regions": [rnd.choice(REGIONS)]}), "IM " + st.node_id)
        (inc,) = ch.entities
        for i in range(max(0, n - 1)):
            x = rnd.random()
            if x < 0.6:
                st.execute(Command("journal.logged", {
                    "channel": rnd.choice(CHANNELS), "text": f"bericht {i} van {st.node_id}",
                    "incident_id": inc}), "OL " + st.node_id)
            elif x < 0.8:
                st.execute(Command("incident.picture_updated", {"beeld": f"stand {i}"},
                                   entity=inc), "IM " + st.node_id)
            else:
                st.execute(Command("comms.reported", {
                    "region": rnd.choice(REGIONS), "channel": rnd.choice(CHANNELS),
                    "state": rnd.choice(["operationeel", "verstoord", "uitgevallen"])}),
                    "IM " + st.node_id)


def make_store(path: Path, node: str, n: int, seed: int = 0, world: str = "LIVE") -> Path:
    st = Store.create(path, node, world, node)
    try:
        fill(st, n, seed)
    finally:
        st.close()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])

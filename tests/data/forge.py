"""A centre outside any store: events made and signed by hand, as another origin would send them.

Store.execute checks every command itself, so a step that execute refuses can only reach the
fold as a *received* event. :class:`Origin` makes such events: its own Ed25519 key, its own
hash chain (seq 1, 2, 3 … each pointing at the previous one), deterministic ids, and clocks
that the caller chooses.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from data.store.envelope import GENESIS, Event, Signer, canonical_json
from data.store.hlc import encode

#: 2026-11-01T00:00:00Z: a fixed moment in the past (no clock-drift alarm, deterministic).
BASE_MS = 1_793_491_200_000
_IDS = uuid.UUID("6f0c1d0e-3a52-4c7b-9d0e-0c1d0e3a524c")


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms // 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Origin:
    """One centre's key and chain; every event it makes is signed and continues the chain."""

    def __init__(self, node: str, world: str = "LIVE") -> None:
        self.node, self.world = node, world
        self.signer = Signer()
        self.seq, self.head = 0, GENESIS

    def event(self, typ: str, entity: str, payload: dict[str, Any], ms: int, counter: int = 0,
              author: str = "OL", seq: int | None = None, prev: str | None = None,
              ) -> dict[str, Any]:
        """The next event of this origin as a wire dict (``seq``/``prev`` override the chain)."""
        seq = self.seq + 1 if seq is None else seq
        ev = Event(str(uuid.uuid5(_IDS, f"{self.node}:{seq}:{typ}:{entity}")), self.world,
                   self.node, seq, encode(ms, counter), iso(ms), iso(ms), author, typ, entity,
                   canonical_json(payload), self.head if prev is None else prev, "", payload)
        digest = ev.digest()
        ev.sig = self.signer.sign(digest)
        self.seq, self.head = seq, digest
        return ev.to_wire()

    def register(self, ms: int = BASE_MS) -> dict[str, Any]:
        """Seq 1: the registration that carries this origin's public key."""
        return self.event("node.registered", self.node,
                          {"name": self.node, "public_key": self.signer.public_hex,
                           "world": self.world}, ms, author="systeem")


CREATE: dict[str, tuple[str, dict[str, Any]]] = {
    "incident": ("incident.reported",
                 {"title": "Stroomuitval", "kind": "stroomuitval", "regions": ["VNOG"]}),
    "bijstand": ("bijstand.requested",
                 {"requesting_region": "VNOG", "addressed_to": "KCR2",
                  "capability": "aggregaten_noodstroom", "quantity": 4}),
    "action": ("action.created", {"decision_id": "besluit-1", "text": "doe", "owner": "OL"}),
}

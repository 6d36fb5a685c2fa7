"""Attachments' bytes between a store and a hub, after the events of a sync round.

Events name a file by its SHA-256; the bytes travel beside them (:mod:`data.sync.hub.blobs`).
After each round the store asks the hub which of the hashes it cares about the hub holds — those
its attachments name and it holds (to upload the rest), and those it still lacks (to fetch) —
in one small request, and only when there is something it does not know yet. What the hub does
not hold yet stays "bijlage nog niet ontvangen" here and is asked again next round; nothing of
this is an error of the round.
"""

from __future__ import annotations

from collections.abc import Callable

from data.store import Changes, Store
from data.store.blobs import BlobError
from data.sync.hub.blobs import MAX_HELD_ASK
from data.sync.hub_client import HubClient, HubRefused


class BlobSync:
    """Keeps one store's attachments' bytes in step with its hubs (one per sync engine)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: hub id -> hashes that hub is known to hold (asked once, then remembered)
        self._at_hub: dict[str, set[str]] = {}
        #: told which attachments' bytes arrived (the window shows them then); on the sync
        #: engine's thread, like its changes listeners
        self.on_received: Callable[[Changes], None] | None = None

    def run(self, client: HubClient, hub_id: str) -> str:
        """Upload what the hub lacks, fetch what this store lacks; returns a warning for the
        status line ('' when all went well or there was nothing to do)."""
        world = self.store.world
        self.store.purge_withdrawn()  # (a withdrawal that came with the round's events)
        known = self._at_hub.setdefault(hub_id, set())
        mine = self.store.referenced_blobs()
        wanted = self.store.wanted_blobs()
        ask = sorted((mine - known) | wanted)
        if not ask:
            return ""
        try:
            for k in range(0, len(ask), MAX_HELD_ASK):
                known.update(client.blobs_held(world, ask[k:k + MAX_HELD_ASK]))
        except HubRefused as e:
            if e.status in (404, 405):  # a hub of an older version: carries no attachments
                return ""
            raise
        warn = ""
        for h in sorted(mine - known):
            data = self.store.blob(h)
            if data is not None:
                client.put_blob(world, h, data)
                known.add(h)
        got: set[str] = set()
        for h in sorted(wanted & known):
            try:
                self.store.put_blob(client.get_blob(world, h), h)
                got.add(h)
            except HubRefused as e:
                if e.status != 404:
                    raise
            except BlobError as e:  # the hub passed on other bytes: not kept, asked again
                warn = f"bijlage van de hub geweigerd: {e}"
        if got and self.on_received is not None:
            self.on_received(Changes(entities={
                str(a["id"]): "attachment" for a in self.store.attachments()
                if a.get("sha256") in got}))
        return warn

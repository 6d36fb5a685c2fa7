"""Event log and projections (Qt-free)."""

from data.store.store import (
    WORLD_LIVE,
    Changes,
    Command,
    Fingerprint,
    IngestResult,
    Store,
    StoreError,
    default_author,
    valid_world,
)

__all__ = ["Store", "Command", "Changes", "IngestResult", "Fingerprint", "StoreError",
           "WORLD_LIVE", "valid_world", "default_author"]

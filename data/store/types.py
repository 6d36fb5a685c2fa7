"""The values that cross a store's doors: commands in, changes and ingest results out, the
fingerprint, worlds, and the store's error for a person."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from data.i18n import ngettext

WORLD_LIVE = "LIVE"


def valid_world(world: str) -> bool:
    """LIVE or an exercise id 'OEF-…'."""
    return world == WORLD_LIVE or (
        world.startswith("OEF-") and 4 < len(world) <= 40
        and all(c.isalnum() or c in "-_" for c in world)
    )


class StoreError(Exception):
    """A store cannot be opened or created (message is for a person)."""


@dataclass(slots=True)
class Command:
    """One user intention, turned into one event by :meth:`Store.execute`.

    ``entity`` may be empty for creating commands (a new id is made). ``occurred_at`` is when it
    happened in the world, if not now (a re-keyed paper form)."""

    type: str
    payload: dict[str, Any]
    entity: str = ""
    occurred_at: str | datetime | None = None


@dataclass
class Changes:
    """What a write changed: the views decide from this whether to refresh."""

    events: list[str] = field(default_factory=list)
    entities: dict[str, str] = field(default_factory=dict)  # entity id -> kind
    conflicts: bool = False

    @property
    def kinds(self) -> set[str]:
        return set(self.entities.values())

    def touches(self, kind: str) -> bool:
        return kind in self.entities.values()

    def merge(self, other: "Changes") -> None:
        self.events += other.events
        self.entities.update(other.entities)
        self.conflicts = self.conflicts or other.conflicts

    def __bool__(self) -> bool:
        return bool(self.events)


@dataclass
class IngestResult:
    """Per-batch outcome of :meth:`Store.ingest`."""

    accepted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (event id, reason)
    #: of the rejected: those a later retry may take in (their predecessor is missing)
    held: list[str] = field(default_factory=list)
    #: of the rejected: (origin, seq) held here with another event (a fork; an alarm is raised)
    forks: list[tuple[str, int]] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    #: local_seq of the first and last accepted event (one insert under the store's lock, so
    #: nothing else lies between them); None when none was accepted
    span: tuple[int, int] | None = None

    def summary(self) -> str:
        return (f"{len(self.accepted)} geaccepteerd, {len(self.duplicates)} dubbel, "
                f"{len(self.rejected)} geweigerd")


@dataclass(frozen=True)
class Fingerprint:
    """A digest of the projected picture, short enough to read over a radio."""

    code: str
    events: int

    def __str__(self) -> str:
        return ngettext("{code} · {n} gebeurtenis", "{code} · {n} gebeurtenissen",
                        self.events).format(code=self.code, n=self.events)


def default_author() -> str:
    return os.environ.get("CRISISBEELD_AUTHOR") or os.environ.get("USER") or "operator"

"""What the notification list keeps across a restart, in a small file beside the store
(``<store>.meldingen.json``): the newest notifications, which of them were read, and how far
the log had been looked at. A request that arrived while the window was closed (a `sync` from
the command line, a bundle, a crash in between) is still news when the window opens again.

Local to this computer and this store, never in the signed log: what an operator has read is
not part of the shared picture. A file of another store (another world or node id), or one
that names more of the log than the store holds (a store put back from a backup), is ignored.
Qt-free."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from data.picture.notifications import Notification

log = logging.getLogger(__name__)

#: the newest this many notifications are kept (as many as the list shows)
KEEP = 200
FORMAT = 1


def memory_path(store: Path) -> Path:
    return store.with_name(store.name + ".meldingen.json")


@dataclass
class Memory:
    world: str
    node: str
    cursor: int
    items: list[Notification] = field(default_factory=list)  # newest first
    read: set[str] = field(default_factory=set)


def load(store: Path, world: str, node: str, mark: int) -> Memory | None:
    """The memory of this store, or None (none kept, unreadable, another store's, or ahead of
    the log at ``mark``)."""
    try:
        doc = json.loads(memory_path(store).read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT or doc.get("world") != world or doc.get("node") != node:
            return None
        cursor = int(doc["cursor"])
        if not 0 <= cursor <= mark:
            return None
        items = [Notification(**{k: str(n[k]) for k in Notification.__dataclass_fields__})
                 for n in doc.get("items", [])[:KEEP]]
        read = {str(x) for x in doc.get("read", [])}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as e:
        log.warning("meldingen van de vorige keer niet te lezen (%s): opnieuw begonnen", e)
        return None
    return Memory(world, node, cursor, items, read & {n.event_id for n in items})


def save(store: Path, memory: Memory) -> None:
    """Write atomically (temporary file, then rename); a failure is logged, never raised:
    the list itself goes on."""
    items = memory.items[:KEEP]
    kept = {n.event_id for n in items}
    doc: dict[str, Any] = {"format": FORMAT, "world": memory.world, "node": memory.node,
                           "cursor": memory.cursor, "items": [asdict(n) for n in items],
                           "read": sorted(memory.read & kept)}
    path = memory_path(store)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        log.warning("meldingen niet bewaard (%s)", e)

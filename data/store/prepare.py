"""The checks of received events that need no store, done ahead of :meth:`Store.ingest`.

Reading an event (JSON, envelope fields, canonical payload), checking it on its own merits
(:func:`data.store.verify.check_envelope`) and hashing it is more than half of what taking in a
pulled page or a bundle costs, and none of it needs the database. :func:`prepare` does that part
and gives a :class:`Prepared` batch; the store then only looks at what needs its tables (ids it
holds, chain heads, signatures, folding).

A :class:`Prepared` batch pickles compactly, so the work can run in a helper process
(:mod:`data.sync.helper`) on the other core while the store writes the previous batch: a pull
page or a bundle slice arrives already checked. The store applies exactly the same rules either
way; a batch prepared in-process and one prepared in a helper are equal.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from data.store.envelope import Event, LazyEvent, link
from data.store.verify import check_envelope


@dataclass(slots=True)
class Prepared:
    """Received events read and checked for one world, ready for :meth:`Store.ingest`.

    ``events`` holds the first occurrence of each id in the order given, with its hash in
    ``hashes`` and in ``reasons`` why :func:`check_envelope` refuses it ('' when it does not);
    ``links``: what the next event of its origin names as ``prev`` (:func:`link` of its hash and
    signature), so the store's chain check hashes nothing itself.
    ``unreadable``: (id or '?', reason) of items that are not an event at all; ``duplicates``:
    ids given more than once in the batch."""

    world: str
    events: list[Event] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.events) + len(self.unreadable) + len(self.duplicates)

    def __getstate__(self) -> tuple[Any, ...]:
        # tuples of plain values pickle and load several times faster than slotted objects;
        # the payload dicts stay behind: their text is there (see LazyEvent)
        rows = [(e.id, e.world, e.origin, e.seq, e.hlc, e.occurred_at, e.recorded_at, e.author,
                 e.type, e.entity, e.payload_json, e.prev, e.sig) for e in self.events]
        return (self.world, rows, self.hashes, self.reasons, self.links, self.unreadable,
                self.duplicates)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        (world, rows, self.hashes, self.reasons, self.links, self.unreadable,
         self.duplicates) = state
        self.world = world
        self.events = [LazyEvent(*r, None) for r in rows]  # type: ignore[arg-type]

    def to_bytes(self, extra: Any = None) -> bytes:
        """This batch (and ``extra``, plain values) as bytes for another process; four times
        faster than ``pickle.dumps``: the pickler keeps no memo (there are no shared or
        recursive objects here: it all came from JSON)."""
        buf = io.BytesIO()
        p = pickle.Pickler(buf, pickle.HIGHEST_PROTOCOL)
        p.fast = True  # no memo
        p.dump((self.__getstate__(), extra))
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> tuple["Prepared", Any]:
        """The batch and ``extra`` that :meth:`to_bytes` wrote."""
        state, extra = pickle.loads(data)
        out = cls.__new__(cls)
        out.__setstate__(state)
        return out, extra


def prepare(items: Iterable[Event | dict[str, Any]], world: str) -> Prepared:
    """Read and check received events (wire dicts, or Events made elsewhere) for ``world``."""
    out = Prepared(world)
    events, hashes, reasons, links = out.events, out.hashes, out.reasons, out.links
    seen: set[str] = set()
    from_wire = Event.from_wire
    for it in items:
        try:
            if isinstance(it, Event):
                # The hash covers payload_json; fold what the hash covers, never a payload
                # dict that may have been changed beside it.
                ev = from_wire(it.to_wire(from_json=True), it.payload_json)
            else:
                ev = from_wire(it)
        except (ValueError, TypeError, RecursionError) as err:
            rid = it.get("id", "?") if isinstance(it, dict) else "?"
            why = "te diep genest" if isinstance(err, RecursionError) else err
            out.unreadable.append((str(rid), f"onleesbare gebeurtenis: {why}"))
            continue
        if ev.id in seen:
            out.duplicates.append(ev.id)
            continue
        seen.add(ev.id)
        events.append(ev)
        reasons.append(check_envelope(ev, world))
        h = ev.digest()
        hashes.append(h)
        links.append(link(h, ev.sig))
    return out


__all__ = ["Prepared", "prepare"]

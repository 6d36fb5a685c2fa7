"""The moment a picture rule judges by: a ``datetime`` or a :class:`~data.clock.Clock`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeAlias

from data.clock import Clock, to_iso

Now: TypeAlias = "datetime | Clock"
"""What a rule accepts as "now": a moment, or a clock to read it from."""


def at(now: Now) -> datetime:
    """The moment ``now`` stands for, timezone-aware UTC (a naive datetime counts as UTC)."""
    if isinstance(now, datetime):
        return now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    return now.now()


def at_iso(now: Now) -> str:
    """The moment as the log writes it: ``2026-11-26T03:14:00Z`` (compares as a string)."""
    return to_iso(at(now))

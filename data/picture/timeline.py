"""The Overzicht's timeline as stacked bars: events per hour, one layer per kind.

:func:`stack` turns the store's (hour, kind, count) buckets into one row of hours (every hour
from the first to the last, quiet hours included) and, per kind, its count and the height it
stands on, so that a view only has to draw rectangles. Kinds stack in a fixed order, busiest
kinds at the bottom, so that a colour stays where the eye learnt it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

#: kinds shown, bottom to top; 'node' and 'conflict' are bookkeeping, not events of the crisis
KIND_ORDER = ("journal", "comms", "bijstand", "incident", "decision", "action", "irbt", "nsp")
HOUR_S = 3600.0
#: the bars cover at most the last two weeks of the log (a stray old date makes no wide plot)
MAX_HOURS = 14 * 24


@dataclass
class Stacked:
    """Hours (UTC epoch seconds, the start of each hour) and per kind its counts and bases."""

    hours: list[float] = field(default_factory=list)
    counts: dict[str, list[int]] = field(default_factory=dict)
    bases: dict[str, list[int]] = field(default_factory=dict)

    @property
    def totals(self) -> list[int]:
        """Events per hour, all kinds together."""
        return [sum(c[i] for c in self.counts.values()) for i in range(len(self.hours))]


def hour_start(hour: str) -> float | None:
    """'2026-11-25T14' -> epoch seconds of 14:00 UTC; None for anything else."""
    try:
        return datetime.strptime(hour, "%Y-%m-%dT%H").replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


def stack(buckets: Sequence[tuple[str, str, int]]) -> Stacked:
    """Stack the buckets (hour 'YYYY-MM-DDTHH', kind, count) per hour in :data:`KIND_ORDER`."""
    per: dict[str, dict[float, int]] = {}
    for hour, kind, n in buckets:
        t = hour_start(hour)
        if t is None or kind not in KIND_ORDER:
            continue
        per.setdefault(kind, {})[t] = per.get(kind, {}).get(t, 0) + int(n)
    times = [t for pts in per.values() for t in pts]
    if not times:
        return Stacked()
    hi = max(times)
    lo = max(min(times), hi - (MAX_HOURS - 1) * HOUR_S)
    hours = [lo + i * HOUR_S for i in range(int((hi - lo) // HOUR_S) + 1)]
    out = Stacked(hours=hours)
    base = [0] * len(hours)
    for kind in KIND_ORDER:
        if kind not in per:
            continue
        counts = [per[kind].get(t, 0) for t in hours]
        if not any(counts):
            continue
        out.counts[kind] = counts
        out.bases[kind] = list(base)
        base = [b + c for b, c in zip(base, counts, strict=True)]
    return out

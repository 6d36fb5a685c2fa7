"""Times as the operators read them: local (Europe/Amsterdam), 24-hour, no seconds."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")


def parse(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None


@lru_cache(maxsize=200_000)
def local_hm(iso: str | None) -> str:
    """'2026-11-22T13:05:00Z' -> 'za 22-11 14:05' (local)."""
    dt = parse(iso)
    if dt is None:
        return ""
    d = dt.astimezone(LOCAL)
    days = ("ma", "di", "wo", "do", "vr", "za", "zo")
    return f"{days[d.weekday()]} {d:%d-%m %H:%M}"


def age(iso: str | None, now: datetime | None = None) -> str:
    """How long ago, short: '5 min', '3 u 10 min', '2 d 4 u'."""
    dt = parse(iso)
    if dt is None:
        return ""
    now = now or datetime.now(timezone.utc)
    mins = int((now - dt).total_seconds() // 60)
    return duration(mins)


def duration(mins: int) -> str:
    sign = "-" if mins < 0 else ""
    mins = abs(mins)
    if mins < 60:
        return f"{sign}{mins} min"
    h, m = divmod(mins, 60)
    if h < 48:
        return f"{sign}{h} u {m:02d} min"
    d, h = divmod(h, 24)
    return f"{sign}{d} d {h} u"


_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


@lru_cache(maxsize=4096)
def local_hm_epoch(seconds: int) -> str:
    """Unix seconds -> 'za 22-11 14:05' (local)."""
    if not seconds:
        return ""
    d = datetime.fromtimestamp(seconds, LOCAL)
    return f"{_DAYS[d.weekday()]} {d:%d-%m %H:%M}"

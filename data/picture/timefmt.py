"""Times as the operators read them: local (Europe/Amsterdam), 24-hour, no seconds; ages and
durations short ('5 min', '3 u 10 min', '2 d 4 u')."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from data.picture.moment import Now, at

LOCAL = ZoneInfo("Europe/Amsterdam")
_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def parse(iso: str | None) -> datetime | None:
    """An ISO moment of the log ('Z' or an offset), or None when empty or unreadable."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None


@lru_cache(maxsize=200_000)
def local_hm(iso: str | None) -> str:
    """'2026-11-22T13:05:00Z' -> 'zo 22-11 14:05' (local); '' when there is none."""
    dt = parse(iso)
    if dt is None:
        return ""
    d = dt.astimezone(LOCAL)
    return f"{_DAYS[d.weekday()]} {d:%d-%m %H:%M}"


@lru_cache(maxsize=4096)
def local_hm_epoch(seconds: int) -> str:
    """Unix seconds -> 'zo 22-11 14:05' (local); '' for 0."""
    if not seconds:
        return ""
    d = datetime.fromtimestamp(seconds, LOCAL)
    return f"{_DAYS[d.weekday()]} {d:%d-%m %H:%M}"


def duration(mins: int) -> str:
    """Minutes as '5 min', '3 u 10 min' (under 48 hours) or '2 d 4 u'; negative with '-'."""
    sign = "-" if mins < 0 else ""
    mins = abs(mins)
    if mins < 60:
        return f"{sign}{mins} min"
    h, m = divmod(mins, 60)
    if h < 48:
        return f"{sign}{h} u {m:02d} min"
    d, h = divmod(h, 24)
    return f"{sign}{d} d {h} u"


def age(iso: str | None, now: Now) -> str:
    """How long before ``now`` the moment ``iso`` was, as a :func:`duration`; '' if none."""
    dt = parse(iso)
    if dt is None:
        return ""
    return duration(int((at(now) - dt).total_seconds() // 60))


def age_short(iso: str | None, now: Now) -> str:
    """'12 s', '3 min', '2 u', '4 d' since an ISO time (UTC, 'Z', whole seconds); '' when there
    is none or it is unreadable; never negative (the age of the last sync in the header)."""
    if not iso:
        return ""
    try:
        t = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return ""
    s = max(0, int((at(now) - t).total_seconds()))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 86400:
        return f"{s // 3600} u"
    return f"{s // 86400} d"

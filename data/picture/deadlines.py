"""Deadlines of the picture: actions over their due time, and the 72-hour target of a
noodsteunpunt (the time it should be able to hold out on its own after opening)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from data.picture.moment import Now, at, at_iso
from data.picture.timefmt import duration, parse

#: the statuses of an action that is still to be done
OPEN_ACTION = ("open", "in_uitvoering")
#: hours a noodsteunpunt should hold out after opening
TARGET_HOURS = 72
#: under this many minutes left, the 72-hour column is shown as an alert
TARGET_ALERT_MINUTES = 12 * 60


def is_overdue(action: dict[str, Any], now: Now) -> bool:
    """An open action whose due time lies before ``now`` (to the second)."""
    due = action.get("due")
    return bool(due) and action.get("status") in OPEN_ACTION and str(due) < at_iso(now)


def overdue_ids(actions: Iterable[dict[str, Any]], now: Now) -> set[str]:
    """The ids of the actions that are overdue at ``now``."""
    iso = at_iso(now)
    return {str(a.get("id")) for a in actions
            if a.get("due") and a.get("status") in OPEN_ACTION and str(a["due"]) < iso}


def actions_summary(actions: list[dict[str, Any]], now: Now) -> str:
    """What a decision's actions need: '2 open', '2 open, 1 te laat', or '—' when none."""
    if not actions:
        return "—"
    n_open = sum(1 for a in actions if a.get("status") in OPEN_ACTION)
    n_late = len(overdue_ids(actions, now))
    return f"{n_open} open" + (f", {n_late} te laat" if n_late else "")


def minutes_left(opened_at: str | None, now: Now) -> int | None:
    """Minutes left until 72 hours after opening (negative when past), None if not opened."""
    dt = parse(opened_at)
    if dt is None:
        return None
    return int((dt + timedelta(hours=TARGET_HOURS) - at(now)).total_seconds() // 60)


def target_text(minutes: int | None) -> str:
    """The 72-hour column: 'nog 5 u 00 min', 'verstreken 2 d 3 u', or '—' when not opened."""
    if minutes is None:
        return "—"
    return "verstreken " + duration(-minutes) if minutes < 0 else "nog " + duration(minutes)


def target_alert(minutes: int | None) -> bool:
    """The target is near (under 12 hours left) or past."""
    return minutes is not None and minutes < TARGET_ALERT_MINUTES

"""Re-keying paper later: a message written on a paper form at 14:05 and typed in at 18:30
keeps 14:05 as when it happened, and is marked *nagekomen*.

The quick-entry bar takes a leading time (``14:05 tekst`` or ``14.05 tekst``); a form takes a
time field. The time is local (Europe/Amsterdam) and means the most recent such moment not after
"now": typed in just after midnight, ``23:50`` is yesterday evening.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from data.clock import to_iso
from data.i18n import _
from data.picture.moment import Now, at
from data.picture.timefmt import LOCAL

_LEADING = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s+(\S.*)$", re.S)
_ALONE = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$")


def occurred_from_hm(hour: int, minute: int, now: Now) -> str:
    """The most recent local moment hour:minute not after ``now``, as the log writes it."""
    moment = at(now)
    local = moment.astimezone(LOCAL)
    cand = datetime(local.year, local.month, local.day, hour, minute, tzinfo=LOCAL)
    if cand > local:
        day = (local - timedelta(days=1)).date()
        cand = datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL)
    return to_iso(cand)


def split_leading_time(text: str, now: Now) -> tuple[str | None, str]:
    """('2026-11-26T13:05:00Z', 'tekst') for '14:05 tekst'; (None, text) without a time."""
    m = _LEADING.match(text)
    if m is None:
        return None, text
    return occurred_from_hm(int(m.group(1)), int(m.group(2)), now), m.group(3).strip()


def parse_time_field(value: str, now: Now) -> str | None:
    """A form's time field ('14:05', '' for now) as the log writes it; ValueError in Dutch for
    anything else."""
    if not value.strip():
        return None
    m = _ALONE.match(value)
    if m is None:
        raise ValueError(_("tijd '{value}' niet begrepen; schrijf uu:mm, bijv. 14:05").format(
            value=value.strip()))
    return occurred_from_hm(int(m.group(1)), int(m.group(2)), now)

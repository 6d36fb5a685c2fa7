"""Scenario times as trainers write them, read into seconds from T0.

Two families:

* **offsets** from T0: ``+01:30``, ``-00:15``, ``T+90`` (minutes), ``T+1:30``, ``D+2 H+3 M+45``,
  ``J+1 H+2 M-5`` (French *jour*), a spreadsheet duration;
* **moments**: a clock time ``09:00`` or ``0900`` (on T0's day, or day *n* with ``D+1 06:00``),
  an ISO timestamp, a spreadsheet time or date-time cell.

:func:`parse_time` reads one text into a :class:`When`; :func:`resolve` places a list of them
on T0 (a moment becomes an offset; a clock time earlier than the row before it by more than 12
hours rolls to the next day, the way a night shift writes 23:40 then 00:10).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from data.i18n import _

DAY = 86_400


class TimeError(ValueError):
    """A time that cannot be read (message in Dutch, for a person)."""


@dataclass(frozen=True, slots=True)
class When:
    """One parsed time: ``kind`` is 'offset' (seconds from T0), 'clock' (day, seconds in the
    day) or 'moment' (an absolute UTC datetime)."""

    kind: str
    seconds: int = 0
    day: int = 0
    moment: datetime | None = None


_HHMM = r"(\d{1,3}):(\d{2})(?::(\d{2}))?"
_OFFSET = re.compile(rf"([+-])\s*{_HHMM}")
_T_MIN = re.compile(r"t\s*([+-])\s*(\d+)(?:\s*(?:min|m))?")
_T_HHMM = re.compile(rf"t\s*([+-])\s*{_HHMM}")
_PARTS = re.compile(r"([djhmst])\s*([+-])\s*(\d+)")
_CLOCK = re.compile(_HHMM)
_MIL = re.compile(r"(\d{2})(\d{2})")
_DAY_CLOCK = re.compile(rf"[dj]\s*([+-])\s*(\d+)\s+(?:om\s+)?{_HHMM}")
_DAY_ONLY = re.compile(r"[dj](?:\s*([+-])\s*(\d+))?")
_DMY = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ t]+(\d{1,2})[:h.](\d{2}))?")
_AMPM = re.compile(r"(?:[a-z]+\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?")
_UNIT = {"d": DAY, "j": DAY, "h": 3600, "m": 60, "s": 1}


def _hms(h: str, m: str, s: str | None) -> int:
    hh, mm, ss = int(h), int(m), int(s or 0)
    if mm > 59 or ss > 59:
        raise TimeError(_("minuten en seconden gaan tot 59"))
    return hh * 3600 + mm * 60 + ss


def parse_time(value: object) -> When:
    """Read one scenario time (text or a spreadsheet cell value)."""
    if isinstance(value, datetime):
        v = value if value.tzinfo else value.replace(tzinfo=UTC)
        return When("moment", moment=v.astimezone(UTC))
    if isinstance(value, time):
        return When("clock", seconds=value.hour * 3600 + value.minute * 60 + value.second)
    if isinstance(value, timedelta):
        return When("offset", seconds=int(value.total_seconds()))
    if isinstance(value, date):
        return When("moment", moment=datetime(value.year, value.month, value.day, tzinfo=UTC))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 0 <= value < 1:  # a spreadsheet time stored as a fraction of a day
            return When("clock", seconds=round(value * DAY))
        value = str(int(value)).zfill(4) if float(value).is_integer() else str(value)
    if not isinstance(value, str):
        raise TimeError(_("geen tijd"))
    text = " ".join(value.strip().lower().split())
    if not text:
        raise TimeError(_("leeg"))
    m = _OFFSET.fullmatch(text)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        return When("offset", seconds=sign * _hms(m.group(2), m.group(3), m.group(4)))
    m = _T_HHMM.fullmatch(text)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        return When("offset", seconds=sign * _hms(m.group(2), m.group(3), m.group(4)))
    m = _T_MIN.fullmatch(text)
    if m:
        return When("offset", seconds=(-1 if m.group(1) == "-" else 1) * int(m.group(2)) * 60)
    m = _DAY_CLOCK.fullmatch(text)
    if m:
        day = (-1 if m.group(1) == "-" else 1) * int(m.group(2))
        secs = _hms(m.group(3), m.group(4), m.group(5))
        if secs >= DAY:
            raise TimeError(_("een kloktijd gaat tot 23:59"))
        return When("clock", seconds=secs, day=day)
    m = _DAY_ONLY.fullmatch(text)
    if m:
        n = int(m.group(2) or 0) * (-1 if m.group(1) == "-" else 1)
        return When("offset", seconds=n * DAY)
    m = _DMY.fullmatch(text)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            dt = datetime(y, mo, d, int(m.group(4) or 0), int(m.group(5) or 0), tzinfo=UTC)
        except ValueError:
            raise TimeError(_("'{value}' is geen bestaande datum of tijd").format(
                value=value)) from None
        return When("moment", moment=dt)
    m = _AMPM.fullmatch(text)
    if m:
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= h <= 12 or mi > 59:
            raise TimeError(_("'{value}' is geen kloktijd").format(value=value))
        h = h % 12 + (12 if m.group(3) == "p" else 0)
        return When("clock", seconds=h * 3600 + mi * 60)
    parts = _PARTS.findall(text)
    if parts and _PARTS.sub("", text).replace(" ", "") == "":
        total = 0
        seen: set[str] = set()
        for unit, sign, n in parts:
            if unit == "t" or unit in seen:
                raise TimeError(_("elke eenheid (D/J, H, M, S) hoogstens één keer"))
            seen.add(unit)
            total += (-1 if sign == "-" else 1) * int(n) * _UNIT[unit]
        return When("offset", seconds=total)
    m = _CLOCK.fullmatch(text) or _MIL.fullmatch(text)
    if m:
        secs = _hms(m.group(1), m.group(2), m.group(3) if m.re is _CLOCK else None)
        if secs >= DAY:
            raise TimeError(_("een kloktijd gaat tot 23:59 (bedoelt u +HH:MM na T0?)"))
        return When("clock", seconds=secs)
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise TimeError(
            _("'{value}' is geen tijd; gebruik bv. +01:30, 09:00, T+90, D+1 06:00, D+2 "
              "H+3 M+45 of 2027-01-19T09:00").format(value=value)) from None
    return parse_time(dt)


def t0_of(items: list[When], given: datetime | None) -> datetime:
    """T0: the one given, else the earliest moment, else the earliest clock time on day 0 of a
    fixed exercise date (clock-only sheets), else that date at midnight."""
    if given is not None:
        return given.astimezone(UTC)
    moments = [w.moment for w in items if w.kind == "moment" and w.moment is not None]
    if moments:
        return min(moments)
    base = datetime(2027, 1, 1, tzinfo=UTC)
    clocks = [w.seconds for w in items if w.kind == "clock" and w.day == 0]
    return base + timedelta(seconds=min(clocks)) if clocks else base


def resolve(items: list[When], t0: datetime) -> list[int]:
    """Seconds from T0 for each item, in the given (row) order."""
    out: list[int] = []
    midnight = datetime(t0.year, t0.month, t0.day, tzinfo=UTC)
    roll = 0
    prev_clock: int | None = None
    for w in items:
        if w.kind == "offset":
            out.append(w.seconds)
        elif w.kind == "moment":
            assert w.moment is not None
            out.append(int((w.moment - t0).total_seconds()))
        else:
            here = w.seconds + roll * DAY
            if w.day == 0 and prev_clock is not None and here < prev_clock - DAY // 2:
                roll += 1
            at = midnight + timedelta(days=w.day + (roll if w.day == 0 else 0), seconds=w.seconds)
            secs = int((at - t0).total_seconds())
            prev_clock = w.seconds + (roll * DAY if w.day == 0 else w.day * DAY)
            out.append(secs)
    return out


def fmt_offset(seconds: int) -> str:
    """``+HH:MM`` (or ``+HH:MM:SS``), hours unbounded: the form the export writes."""
    sign = "-" if seconds < 0 else "+"
    s = abs(seconds)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{sec:02d}" if sec else "")

"""Times as the operators read them: local (Europe/Amsterdam), 24-hour, no seconds; ages and
durations short ('5 min', '3 u 10 min', '2 d 4 u')."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from data.i18n import N_, _, current_language, on_language_change
from data.picture.moment import Now, at

LOCAL = ZoneInfo("Europe/Amsterdam")
#: the weekdays, Monday first, as one text: the language in use names them
_DAYS = N_("ma di wo do vr za zo")
#: a local moment as the table columns show it: weekday, day and month, hour and minute
_MOMENT = N_("{day} {moment:%d-%m %H:%M}")


#: (weekday names, moment format) in the language in use; emptied by a switch
_TEXTS: list[tuple[list[str], str]] = []


def _texts() -> tuple[list[str], str]:
    if not _TEXTS:
        _TEXTS.append((_(_DAYS).split(), _(_MOMENT)))
    return _TEXTS[0]


def weekday(index: int) -> str:
    """The short name of weekday ``index`` (0: Monday) in the language in use."""
    return _texts()[0][index]


def _moment(d: datetime) -> str:
    days, form = _texts()
    return form.format(day=days[d.weekday()], moment=d)


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
    return _moment(dt.astimezone(LOCAL))


@lru_cache(maxsize=4096)
def local_hm_epoch(seconds: int) -> str:
    """Unix seconds -> 'zo 22-11 14:05' (local); '' for 0."""
    if not seconds:
        return ""
    return _moment(datetime.fromtimestamp(seconds, LOCAL))


#: the Babel locale of each language, for numbers
_NUMBER_LOCALE = {"nl": "nl_NL", "en": "en_GB"}


def number(value: float, digits: int = 0) -> str:
    """``value`` as the language in use writes it, with ``digits`` decimals: '1.234,5' in
    Dutch, '1,234.5' in English."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern,
                          locale=_NUMBER_LOCALE.get(current_language(), "nl_NL"))


def duration(mins: int) -> str:
    """Minutes as '5 min', '3 u 10 min' (under 48 hours) or '2 d 4 u'; negative with '-'."""
    sign = "-" if mins < 0 else ""
    mins = abs(mins)
    if mins < 60:
        return sign + _("{n} min").format(n=mins)
    h, m = divmod(mins, 60)
    if h < 48:
        return sign + _("{h} u {m:02d} min").format(h=h, m=m)
    d, h = divmod(h, 24)
    return sign + _("{d} d {h} u").format(d=d, h=h)


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
        return _("{n} s").format(n=s)
    if s < 3600:
        return _("{n} min").format(n=s // 60)
    if s < 86400:
        return _("{n} u").format(n=s // 3600)
    return _("{n} d").format(n=s // 86400)


# the cached texts were made in the language then in use
on_language_change(_TEXTS.clear)
on_language_change(local_hm.cache_clear)
on_language_change(local_hm_epoch.cache_clear)

"""The public warning, scarce means and vital partners as a room reads them, at a chosen now.

NL-Alert reaches about 92 % of people (ages 12+) when the mobile networks work; where the mobile
network is down or disturbed in a region the message goes to, the reach is lower, by how much
nobody can say, so the picture says *that* it is lower and why, not a made-up figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from data.domain.regions import REGION_BY_CODE
from data.i18n import _
from data.picture.moment import Now, at_iso

#: NL-Alert's measured reach with the mobile networks up (test message, December 2025)
NL_ALERT_BASELINE_PCT = 92
#: channels whose loss lowers NL-Alert's reach (cell broadcast runs over the mobile networks)
REACH_CHANNELS = ("mobiel", "NL-Alert")


def alert_reach(regions: Iterable[str], comms: Sequence[Sequence[Any]]) -> tuple[str, bool]:
    """The expected reach of an NL-Alert to ``regions`` given the comms cells
    (region, channel, state, …): ('≈ 92 %', False) or ('onder 92 %: mobiel uitgevallen in
    VNOG', True)."""
    wanted = set(regions)
    down, disturbed = [], []
    for row in comms:
        reg, chan, state = row[0], row[1], row[2]
        if reg in wanted and chan in REACH_CHANNELS:
            short = REGION_BY_CODE[reg].short if reg in REGION_BY_CODE else reg
            if state == "uitgevallen":
                down.append(_("{channel} uitgevallen in {region}").format(channel=chan,
                                                                          region=short))
            elif state in ("verstoord", "terugvaloptie_actief"):
                disturbed.append(_("{channel} verstoord in {region}").format(channel=chan,
                                                                             region=short))
    if down or disturbed:
        return (_("onder {pct} %: {why}").format(pct=NL_ALERT_BASELINE_PCT,
                                                 why=", ".join(sorted(down) + sorted(disturbed))),
                True)
    return _("≈ {pct} %").format(pct=NL_ALERT_BASELINE_PCT), False


def shortfall(capacity: Mapping[str, Any]) -> int:
    """What was asked and not (yet) offered for a scarce means (never below zero)."""
    return max(0, int(capacity.get("asked") or 0) - int(capacity.get("offered") or 0))


def restore_overdue(partner: Mapping[str, Any], now: Now) -> bool:
    """A partner still not operational past its own restoration estimate."""
    est = partner.get("restore_estimate")
    return bool(est) and partner.get("state") != "operationeel" and str(est) < at_iso(now)

"""Bijstand on the board: what a card must warn about at a chosen moment.

A request whose "nodig vóór" has passed while its means are not yet on their way is late, and
the board says so; means asked of Defensie (JFC) or the EU (UCPM) are never certain.
"""

from __future__ import annotations

from data.domain.lifecycles import REQUESTED_BIJSTAND
from data.domain.routing import availability_uncertain
from data.i18n import _
from data.picture.moment import Now, at_iso


def needed_by_overdue(status: str | None, needed_by: str | None, now: Now) -> bool:
    """The means were needed before ``now`` and are not yet on their way (to the second)."""
    return bool(needed_by) and status in REQUESTED_BIJSTAND and str(needed_by) < at_iso(now)


def card_flags(status: str | None, addressed_to: str | None, needed_by: str | None,
               now: Now) -> list[str]:
    """Short warnings for a card, most urgent first."""
    flags = []
    if needed_by_overdue(status, needed_by, now):
        flags.append(_("nodig vóór verstreken"))
    if availability_uncertain(addressed_to):
        flags.append(_("beschikbaarheid onzeker"))
    return flags

"""Bezetting: who is on duty where, from the shift slots of every centre (issue 16).

The input is the folded states of kind ``shift`` (one per function staffed at a centre, from
every centre whose events reached this store) and the centres' names (``node`` states). The
output is one row per function on duty, grouped by centre, standard functions first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from data.domain.roles import FUNCTIONS
from data.domain.shifts import holder
from data.i18n import N_, _

CHANNEL_LABELS = {"ncv": "NCV", "satellite": N_("satelliet"), "c2000": "C2000"}


@dataclass(frozen=True)
class Post:
    """One function on duty at one centre."""

    centre: str        # node id of the centre
    centre_name: str
    function: str
    person: str
    since: str         # occurred_at of the start or handover
    channels: str      # "NCV 0123 · C2000 TG 12", as the centre typed them


def _order(function: str) -> tuple[int, str]:
    names = list(FUNCTIONS)
    return (names.index(function) if function in names else len(names), function.lower())


def channels_text(channels: dict[str, Any] | None) -> str:
    """The reachable channels of a post, in a fixed order."""
    ch = channels or {}
    return " · ".join(f"{_(CHANNEL_LABELS[k])} {ch[k]}" for k in CHANNEL_LABELS if ch.get(k))


def posts(shifts: list[dict[str, Any]], nodes: list[dict[str, Any]] | None = None) -> list[Post]:
    """The functions on duty, per centre (sorted by centre name, then function)."""
    names = {str(n.get("id")): str(n.get("name") or n.get("id")) for n in nodes or []}
    out = []
    for st in shifts:
        who = holder(st)
        if who is None:
            continue
        centre = str(st.get("origin") or "")
        out.append(Post(centre, names.get(centre, centre), str(st.get("function") or ""), who,
                        str(st.get("since") or ""), channels_text(st.get("channels"))))
    out.sort(key=lambda p: (p.centre_name.lower(), p.centre, *_order(p.function)))
    return out


def by_centre(items: list[Post]) -> dict[str, list[Post]]:
    """Posts grouped by centre name, in the order of :func:`posts`."""
    out: dict[str, list[Post]] = {}
    for p in items:
        out.setdefault(p.centre_name, []).append(p)
    return out


def on_duty_here(shifts: list[dict[str, Any]], node: str) -> list[Post]:
    """Who is on duty at centre ``node`` (the header's line)."""
    return [p for p in posts(shifts) if p.centre == node]

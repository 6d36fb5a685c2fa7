"""Decision lists as a room reads them: a team's *besluit* or an IRBT *afspraak*, key
decisions marked, how far each region involved has taken an agreement up, and actions left
under a revoked decision.

An IRBT has no powers of its own: it agrees, and each voorzitter adopts the agreement for their
region. A revoked decision does not close its actions by itself (another centre may still be
working on one): an action still open under it is *zonder besluit* and is flagged until it is
closed or re-attached to a decision that stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from data.domain.enums import label
from data.i18n import _
from data.picture.deadlines import OPEN_ACTION

#: the team whose list a session keeps when the session does not say (older stores)
DEFAULT_TEAM = "IRBT"


def team_of(session: Mapping[str, Any] | None) -> str:
    return str((session or {}).get("team") or DEFAULT_TEAM)


def kind_of(decision: Mapping[str, Any], session: Mapping[str, Any] | None = None) -> str:
    """'afspraak' or 'besluit': as recorded, else an IRBT agrees and other teams decide."""
    kind = decision.get("kind")
    if kind:
        return str(kind)
    return "afspraak" if team_of(session) == "IRBT" else "besluit"


def orphaned_actions(actions: Iterable[Mapping[str, Any]],
                     decisions: Iterable[Mapping[str, Any]]) -> set[str]:
    """Ids of actions still open or in progress under a revoked decision."""
    revoked = {str(d.get("id")) for d in decisions if d.get("status") == "ingetrokken"}
    return {str(a.get("id")) for a in actions
            if a.get("status") in OPEN_ACTION and str(a.get("decision_id")) in revoked}


def adoption_summary(decision: Mapping[str, Any]) -> str:
    """Per region involved, how far the agreement is taken up: '1/3 uitgevoerd, 1 overgenomen,
    1 open'; '—' when no region is involved."""
    regions = list(decision.get("regions") or [])
    if not regions:
        return "—"
    adoption: Mapping[str, Any] = decision.get("adoption") or {}
    counts: dict[str, int] = {}
    for r in regions:
        state = str((adoption.get(r) or {}).get("state") or "open")
        counts[state] = counts.get(state, 0) + 1
    done = counts.pop("uitgevoerd", 0)
    rest = [f"{n} {label(s).lower()}" for s, n in sorted(counts.items())]
    return ", ".join([_("{n}/{total} uitgevoerd").format(n=done, total=len(regions)), *rest])

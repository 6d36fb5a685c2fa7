"""Lifecycles (state machines) of incidents, bijstand requests, decisions and actions.

A transition event names the state its author saw (``from``) and the state wanted (``to``). In
the fold it applies when the entity is in ``from`` and the step is legal; when the entity is
already in ``to`` it is an agreement and changes nothing; anything else is a conflict that a
person resolves in the conflict inbox.
"""

from __future__ import annotations

from data.domain.enums import ActionStatus as A
from data.domain.enums import BijstandStatus as B
from data.domain.enums import IncidentStatus as I

INCIDENT: dict[str, frozenset[str]] = {
    I.GEMELD: frozenset({I.ACTIEF, I.AFGESCHAALD}),
    I.ACTIEF: frozenset({I.BEHEERST}),
    I.BEHEERST: frozenset({I.ACTIEF, I.AFGESCHAALD}),
    I.AFGESCHAALD: frozenset(),
}

BIJSTAND: dict[str, frozenset[str]] = {
    B.CONCEPT: frozenset({B.INGEDIEND, B.INGETROKKEN}),
    B.INGEDIEND: frozenset({B.IN_BEHANDELING, B.AFGEWEZEN, B.INGETROKKEN}),
    B.IN_BEHANDELING: frozenset({B.DEELS_TOEGEZEGD, B.TOEGEZEGD, B.AFGEWEZEN, B.INGETROKKEN}),
    B.DEELS_TOEGEZEGD: frozenset({B.TOEGEZEGD, B.ONDERWEG, B.INGETROKKEN}),
    B.TOEGEZEGD: frozenset({B.ONDERWEG, B.INGETROKKEN}),
    B.ONDERWEG: frozenset({B.INGEZET}),
    B.INGEZET: frozenset({B.AFGELOST, B.GEDEMOBILISEERD, B.BEEINDIGD}),
    # relieved: the fresh unit is at work (back to ingezet) or everyone goes home
    B.AFGELOST: frozenset({B.INGEZET, B.GEDEMOBILISEERD}),
    B.GEDEMOBILISEERD: frozenset({B.GEEVALUEERD}),
    B.GEEVALUEERD: frozenset(),
    # ended in a store from before demobilisation and evaluation were told apart
    B.BEEINDIGD: frozenset({B.GEEVALUEERD}),
    B.AFGEWEZEN: frozenset(),
    B.INGETROKKEN: frozenset(),
}

#: Bijstand states in board order (the columns of the board).
BIJSTAND_ORDER: tuple[str, ...] = tuple(s.value for s in B)

ACTION: dict[str, frozenset[str]] = {
    A.OPEN: frozenset({A.IN_UITVOERING, A.GEREED, A.VERVALLEN}),
    A.IN_UITVOERING: frozenset({A.GEREED, A.VERVALLEN, A.OPEN}),
    A.GEREED: frozenset({A.IN_UITVOERING}),
    A.VERVALLEN: frozenset(),
}

MACHINES: dict[str, dict[str, frozenset[str]]] = {
    "incident": INCIDENT,
    "bijstand": BIJSTAND,
    "action": ACTION,
}

#: a request still waiting for (all of) its means
REQUESTED_BIJSTAND = frozenset(
    {B.CONCEPT, B.INGEDIEND, B.IN_BEHANDELING, B.DEELS_TOEGEZEGD, B.TOEGEZEGD}
)
#: means on their way or at work: a running deployment (lopende inzet)
DEPLOYED_BIJSTAND = frozenset({B.ONDERWEG, B.INGEZET, B.AFGELOST})
OPEN_BIJSTAND = REQUESTED_BIJSTAND | DEPLOYED_BIJSTAND


def legal(kind: str, current: str, to: str) -> bool:
    """Is ``current → to`` a legal step in the lifecycle of ``kind``?"""
    return to in MACHINES[kind].get(current, frozenset())


def next_states(kind: str, current: str) -> list[str]:
    """Legal next states, in the lifecycle's own order (for menus and keyboard moves)."""
    order = [s for s in MACHINES[kind]]
    return [s for s in order if s in MACHINES[kind].get(current, frozenset())]

"""What a scenario is, whatever file it came from (TOML, MSEL spreadsheet).

A :class:`Scenario` holds the injects of one exercise at offsets from T0. Each inject becomes
real events in the exercise world when it fires (:class:`EventSpec`); what only the control
team sees (expectations, controller notes, contingencies, extra spreadsheet columns) stays in
the scenario, which is kept beside the control store and never synced.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from data.clock import parse_iso, to_iso

_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")


@dataclass(slots=True)
class EventSpec:
    """One event an inject becomes: its type, entity (stable id, so later injects can refer to
    it) and payload (fields as :mod:`data.domain.events` defines them)."""

    type: str
    payload: dict[str, Any]
    entity: str = ""
    author: str = ""


@dataclass(slots=True)
class Expectation:
    """A player action the control team expects after an inject: an event of ``type`` whose
    payload holds ``where`` (field -> value), within ``within_s`` scenario seconds; when it is
    missed, the contingency inject ``contingency`` fires."""

    type: str
    where: dict[str, Any] = field(default_factory=dict)
    within_s: int = 1800
    text: str = ""
    contingency: str = ""


@dataclass(slots=True)
class Inject:
    id: str
    offset_s: int
    message: str
    sender: str = ""
    recipient: str = ""
    channel: str = "telefoon"
    kind: str = ""
    objective: str = ""
    notes: str = ""
    expected: str = ""  # the expected player action in words (a spreadsheet's column)
    events: list[EventSpec] = field(default_factory=list)
    expect: list[Expectation] = field(default_factory=list)
    contingency: bool = False  # fires only when an expectation that names it is missed
    extra: dict[str, str] = field(default_factory=dict)  # columns kept from a spreadsheet
    line: int = 0  # where it stands in its file (line, or spreadsheet row)


@dataclass(slots=True)
class Scenario:
    id: str
    title: str
    t0: datetime
    description: str = ""
    regions: list[str] = field(default_factory=list)
    centres: list[str] = field(default_factory=list)
    objectives: dict[str, str] = field(default_factory=dict)
    injects: list[Inject] = field(default_factory=list)
    source: str = ""

    def inject(self, inject_id: str) -> Inject | None:
        for i in self.injects:
            if i.id == inject_id:
                return i
        return None

    def scheduled(self) -> list[Inject]:
        """The injects the clock fires (contingencies fire only on a missed expectation), in
        firing order: by offset, then by their place in the file."""
        order = {i.id: n for n, i in enumerate(self.injects)}
        return sorted((i for i in self.injects if not i.contingency),
                      key=lambda i: (i.offset_s, order[i.id]))

    def rebase(self, t0: datetime) -> None:
        """Move the exercise to a new T0: every inject keeps its offset, and every moment
        written inside an inject's events (a deadline ``needed_by``, an ``eta``) moves by as
        much, so it stays as far from T0 as the scenario's author meant."""
        shift = t0 - self.t0
        self.t0 = t0
        if not shift:
            return
        for inj in self.injects:
            for ev in inj.events:
                ev.payload = _shifted(ev.payload, shift)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["t0"] = to_iso(self.t0)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Scenario":
        injects = []
        for i in d.get("injects", []):
            i = dict(i)
            i["events"] = [EventSpec(**e) for e in i.get("events", [])]
            i["expect"] = [Expectation(**x) for x in i.get("expect", [])]
            injects.append(Inject(**i))
        return cls(id=d["id"], title=d["title"], t0=parse_iso(d["t0"]),
                   description=d.get("description", ""), regions=list(d.get("regions", [])),
                   centres=list(d.get("centres", [])),
                   objectives=dict(d.get("objectives", {})), injects=injects,
                   source=d.get("source", ""))


def _shifted(value: Any, shift: timedelta) -> Any:
    """``value`` with every ISO moment in it (``2027-01-19T23:40:00Z``) moved by ``shift``."""
    if isinstance(value, dict):
        return {k: _shifted(v, shift) for k, v in value.items()}
    if isinstance(value, list):
        return [_shifted(v, shift) for v in value]
    if isinstance(value, datetime):
        return value + shift
    if isinstance(value, str) and _MOMENT.fullmatch(value):
        try:
            return to_iso(parse_iso(value) + shift)
        except ValueError:
            return value
    return value


def default_events(inj: Inject) -> list[EventSpec]:
    """The events an inject becomes: its own list, or one journal message by default."""
    if inj.events:
        return inj.events
    return [EventSpec("journal.logged", {
        "channel": inj.channel or "telefoon", "direction": "in",
        "sender": inj.sender[:120], "recipient": inj.recipient[:120], "text": inj.message[:4000],
    }, author=inj.sender)]

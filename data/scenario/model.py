"""What a scenario is, whatever file it came from (TOML, MSEL spreadsheet).

A :class:`Scenario` holds the injects of one exercise at offsets from T0. Each inject becomes
real events in the exercise world when it fires (:class:`EventSpec`); what only the control
team sees (expectations, controller notes, contingencies, extra spreadsheet columns) stays in
the scenario, which is kept beside the control store and never synced.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from data.clock import parse_iso, to_iso


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


def default_events(inj: Inject) -> list[EventSpec]:
    """The events an inject becomes: its own list, or one journal message by default."""
    if inj.events:
        return inj.events
    return [EventSpec("journal.logged", {
        "channel": inj.channel or "telefoon", "direction": "in",
        "sender": inj.sender[:120], "recipient": inj.recipient[:120], "text": inj.message[:4000],
    }, author=inj.sender)]

"""Check a scenario before it is played: every problem, with where it stands, in Dutch.

The events of each inject are checked with the same validation as every other door
(:func:`data.domain.events.validate_payload`), in firing order, against the entities the
scenario itself creates, so a scenario that passes here fires without refusals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from data.domain.commands import ENTITY_ID
from data.domain.enums import Channel
from data.domain.events import EVENT_TYPES, kind_of, validate_payload
from data.domain.lifecycles import legal
from data.domain.regions import resolve_region
from data.domain.routing import route_error
from data.domain.validation import ValidationError
from data.i18n import N_, _
from data.scenario.model import Scenario, default_events

_CREATE_STATUS = {"incident.reported": "gemeld", "bijstand.requested": "concept",
                  "irbt.session_opened": "open", "decision.recorded": "vastgesteld",
                  "action.created": "open", "journal.logged": None, "nsp.registered": None}
_REFS = {"incident_id": "incident", "session_id": "session", "decision_id": "decision"}
CHANNELS = tuple(c.value for c in Channel)


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # line in the file (row in a spreadsheet); 0 when it concerns the whole file
    text: str
    unit: str = N_("regel")  # "rij" in a spreadsheet (marked, translated when shown)

    def __str__(self) -> str:
        return f"{_(self.unit)} {self.line}: {self.text}" if self.line else self.text


#: where a key of an inject stands: (inject index, sub-table kind, sub index, key) -> line
Locator = Callable[[int, str, int, str], int]


def check(sc: Scenario, where: Locator | None = None) -> list[Problem]:
    """Every problem of ``sc``; empty when it can be played."""
    loc: Locator = where or (lambda i, sub, j, key: sc.injects[i].line if i >= 0 else 0)
    out: list[Problem] = []
    if not sc.title.strip():
        out.append(Problem(loc(-1, "", 0, "title"), _("de titel ontbreekt")))
    for r in sc.regions:
        if resolve_region(r) is None:
            out.append(Problem(loc(-1, "", 0, "regions"), _("'{r}' is geen "
                                                            "veiligheidsregio").format(r=r)))
    index = {inj.id: n for n, inj in enumerate(sc.injects)}
    seen: set[str] = set()
    for n, inj in enumerate(sc.injects):
        if not ENTITY_ID.fullmatch(inj.id or ""):
            out.append(Problem(loc(n, "", 0, "id"), _("inject-id '{id}' mag alleen "
                                                      "letters, cijfers, '.', '_', ':' "
                                                      "en '-' bevatten").format(id=inj.id)))
        elif inj.id in seen:
            out.append(Problem(loc(n, "", 0, "id"), _("inject-id '{id}' komt twee keer "
                                                      "voor").format(id=inj.id)))
        seen.add(inj.id)
        if not inj.message.strip() and not inj.events:
            out.append(Problem(loc(n, "", 0, "message"), _("inject {id}: het bericht "
                                                           "is leeg").format(id=inj.id)))
        if not inj.events and inj.channel not in CHANNELS:
            out.append(Problem(loc(n, "", 0, "channel"),
                               _("inject {id}: kanaal '{channel}' bestaat niet; kies "
                                 "uit {items}").format(
                                   id=inj.id, channel=inj.channel, items=', '.join(CHANNELS))))
        if inj.objective and sc.objectives and inj.objective not in sc.objectives:
            out.append(Problem(loc(n, "", 0, "objective"),
                               _("inject {id}: doel '{objective}' staat niet bij de "
                                 "doelen").format(id=inj.id, objective=inj.objective)))
        for j, x in enumerate(inj.expect):
            if x.type not in EVENT_TYPES:
                out.append(Problem(loc(n, "expect", j, "type"),
                                   _("inject {id}: verwachte actie '{type}' is geen "
                                     "gebeurtenistype").format(id=inj.id, type=x.type)))
            if x.within_s <= 0:
                out.append(Problem(loc(n, "expect", j, "within"),
                                   _("inject {id}: de termijn moet na het inject liggen").format(
                                       id=inj.id)))
            if x.contingency:
                c = index.get(x.contingency)
                if c is None:
                    out.append(Problem(loc(n, "expect", j, "contingency"),
                                       _("inject {id}: terugvalinject '{contingency}' "
                                         "bestaat niet").format(
                                           id=inj.id, contingency=x.contingency)))
                elif not sc.injects[c].contingency:
                    out.append(Problem(loc(n, "expect", j, "contingency"),
                                       _("inject {id}: '{contingency}' is geen "
                                         "terugvalinject (zet daar contingency = true)").format(
                                           id=inj.id, contingency=x.contingency)))
    out += _check_events(sc, loc)
    return sorted(out, key=lambda p: p.line)


def _check_events(sc: Scenario, loc: Locator) -> list[Problem]:
    """Validate every event in firing order, tracking what the scenario creates."""
    out: list[Problem] = []
    states: dict[str, tuple[str, str]] = {}  # entity -> (kind, status)
    addressed: dict[str, str] = {}  # bijstand request -> to whom it is addressed
    index = {inj.id: n for n, inj in enumerate(sc.injects)}
    # contingencies are checked right after the inject whose expectation names them
    order = []
    for inj in sc.scheduled():
        order.append(inj)
        for x in inj.expect:
            if x.contingency in index and sc.injects[index[x.contingency]].contingency:
                order.append(sc.injects[index[x.contingency]])
    for inj in order:
        n = index[inj.id]
        for j, ev in enumerate(default_events(inj)):
            here = loc(n, "event", j, "type") if inj.events else loc(n, "", 0, "message")
            what = f"inject {inj.id}, gebeurtenis {j + 1} ({ev.type})"
            if ev.type not in EVENT_TYPES or ev.type.startswith(("exercise.", "node.",
                                                                  "conflict.")):
                out.append(Problem(here, _("{what}: dit type kan een inject niet maken").format(
                                             what=what)))
                continue
            payload: dict[str, Any] = dict(ev.payload)
            kind = kind_of(ev.type)
            creates = ev.type in _CREATE_STATUS
            if ev.entity and not ENTITY_ID.fullmatch(ev.entity):
                out.append(Problem(loc(n, "event", j, "entity"),
                                   _("{what}: '{entity}' is geen geldige id").format(
                                       what=what, entity=ev.entity)))
                continue
            if creates and ev.entity in states:
                out.append(Problem(loc(n, "event", j, "entity"),
                                   _("{what}: '{entity}' bestaat dan al").format(
                                       what=what, entity=ev.entity)))
                continue
            if not creates and ev.type != "comms.reported":
                if ev.entity not in states:
                    out.append(Problem(loc(n, "event", j, "entity"),
                                       _("{what}: '{value}' is dan nog niet gemaakt "
                                         "door een eerder inject").format(
                                           what=what, value=ev.entity or '(geen entity)')))
                    continue
                if states[ev.entity][0] != kind:
                    out.append(Problem(loc(n, "event", j, "entity"),
                                       _("{what}: '{entity}' is een {value}, geen "
                                         "{kind}").format(
                                           what=what,
                                           entity=ev.entity,
                                           value=states[ev.entity][0],
                                           kind=kind)))
                    continue
            if ev.type.endswith("status_changed"):
                payload.setdefault("from", states[ev.entity][1])
            if not inj.events and inj.channel not in CHANNELS:
                continue  # reported with the inject itself
            valid = True
            try:
                clean = validate_payload(ev.type, payload)
            except ValidationError as e:
                for fld, msg in e.errors:
                    out.append(Problem(loc(n, "event", j, _key_of(ev.type, fld) or "type"),
                                       f"{what}: {fld + ': ' if fld else ''}{msg}"))
                clean, valid = payload, False  # the checks below still run on what is there
            for fld, want in _REFS.items():
                ref = clean.get(fld)
                if ref and (ref not in states or states[ref][0] != want):
                    out.append(Problem(loc(n, "event", j, fld),
                                       _("{what}: '{ref}' is dan nog geen {want} uit "
                                         "dit scenario").format(what=what, ref=ref, want=want)))
            if ev.type == "bijstand.requested":  # the route, as the command table has it
                wrong = route_error(clean)
                parent = clean.get("parent_id")
                if wrong is None and parent and addressed.get(str(parent)) != "KCR2":
                    wrong = (_("gericht aan"), _("alleen KCR2 zet een verzoek door; het verzoek "
                                                 "'{id}' is niet aan KCR2 gericht").format(
                                                     id=parent))
                if wrong is not None:
                    out.append(Problem(loc(n, "event", j, "addressed_to"), f"{what}: {wrong[1]}"))
            if ev.type.endswith("status_changed"):
                cur, to = states[ev.entity][1], clean.get("to")
                if valid and not legal(kind, str(cur), str(to)):
                    out.append(Problem(loc(n, "event", j, "to"),
                                       _("{what}: van '{cur}' naar '{to}' mag niet").format(
                                           what=what, cur=cur, to=to)))
                states[ev.entity] = (kind, str(to) if valid else cur)
            elif creates:
                ent = ev.entity or f"{inj.id}:{j}"
                status = str(clean.get("status") or _CREATE_STATUS[ev.type] or "")
                states[ent] = (kind, status)
                if ev.type == "bijstand.requested":
                    addressed[ent] = str(clean.get("addressed_to") or "").upper()
    return out


def _key_of(event_type: str, label: str) -> str:
    """The payload key whose Dutch label is ``label`` (validation names fields by label)."""
    spec = EVENT_TYPES.get(event_type, ("", {}, False))[1]
    for key, f in spec.items():
        if f.label == label:
            return key
    return ""

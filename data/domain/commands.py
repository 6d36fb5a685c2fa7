"""What a local command needs before it may become an event: one table, the twin of the fold's
handler table (:data:`data.store.fold.HANDLERS`).

Per command type a :class:`Rule` says whether it creates its entity, which state it must find,
and which other entities it must point at. :func:`check` applies the table; the store only
supplies what it holds of an entity (a :class:`Target`) and stamps the result. Received events
are not held to these rules: what another centre signed is folded, and a step that is not legal
at its place becomes a conflict there.

:data:`GUARDS` is where rules about *who* may do something plug in (roles): each guard sees the
command type, its payload and the author, and raises :class:`ValidationError` to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from data.domain import shifts
from data.domain.enums import FORWARDED_ONLY, label
from data.domain.events import EVENT_TYPES, kind_of, validate_payload
from data.domain.lifecycles import legal
from data.domain.routing import route_error
from data.domain.validation import ValidationError
from data.i18n import N_, _

ENTITY_ID = re.compile(r"[A-Za-z0-9:._\-]{1,80}")


@dataclass(frozen=True, slots=True)
class Target:
    """What the store holds of an entity: its kind and folded state (None: only referred to)."""

    kind: str
    state: dict[str, Any] | None

    @property
    def real(self) -> bool:
        """It exists as itself, not as a placeholder made by an event that pointed at it."""
        return self.state is not None and not self.state.get("placeholder")


#: a check on the current state of the entity a command changes: raises ValidationError
StateCheck = Callable[[dict[str, Any], Target], None]
#: looks up an entity by id in the store (None: unknown there)
Lookup = Callable[[str], "Target | None"]
#: who may do what (roles plug in here): (command type, payload, author) -> raise to refuse
Guard = Callable[[str, dict[str, Any], str], None]
#: a check on the validated payload that may look other entities up: raises ValidationError
PayloadCheck = Callable[[dict[str, Any], Lookup], None]


@dataclass(frozen=True, slots=True)
class Rule:
    """The preconditions of one command type."""

    #: makes a new entity (a new id when none is given; an existing one is refused)
    creates: bool = False
    #: checks on the state of the entity it changes (before its payload is validated)
    state: tuple[StateCheck, ...] = ()
    #: (payload field, kind, label): entities it must point at (after validation)
    refers: tuple[tuple[str, str, str], ...] = ()
    #: derives the entity id from the payload when none is given (one entity per comms cell)
    entity_of: Callable[[dict[str, Any]], str] | None = None
    #: checks on the validated payload, run last (may look up what it points at)
    payload: tuple[PayloadCheck, ...] = ()


# ---------------------------------------------------------------- state checks

def _status_step(payload: dict[str, Any], t: Target) -> None:
    """A status change starts from the status the user saw, and is a legal step."""
    assert t.state is not None
    cur = t.state.get("status")
    payload.setdefault("from", cur)
    to = payload.get("to")
    if payload["from"] != cur:
        raise ValidationError(_("de status is intussen {status}; kijk opnieuw").format(
            status=label(str(cur))), _("van status"))
    if isinstance(to, str) and to != cur and not legal(t.kind, cur, to):
        raise ValidationError(_("van {old} naar {new} mag niet").format(
            old=label(str(cur)), new=label(to)), _("naar status"))


def _open_conflict(payload: dict[str, Any], t: Target) -> None:
    assert t.state is not None
    cid = payload.get("conflict_id")
    match = [c for c in t.state.get("conflicts", []) if c["id"] == cid]
    if not match:
        raise ValidationError(_("dit conflict hoort niet bij deze invoer"), _("conflict"))
    if match[0]["resolution"] is not None:
        raise ValidationError(_("dit conflict is al opgelost"), _("conflict"))


def _not_revoked(what: str) -> StateCheck:
    def check(payload: dict[str, Any], t: Target) -> None:
        assert t.state is not None
        if t.state.get("status") == "ingetrokken":
            raise ValidationError(_(what), _("besluit"))
    return check


def _attachment_live(payload: dict[str, Any], t: Target) -> None:
    assert t.state is not None
    if t.state.get("withdrawn"):
        raise ValidationError(_("deze bijlage is al ingetrokken"), _("bijlage"))


def _session_open(payload: dict[str, Any], t: Target) -> None:
    assert t.state is not None
    if t.state.get("status") == "gesloten":
        raise ValidationError(_("deze sessie is al gesloten"), _("sessie"))


def _offer_exists(payload: dict[str, Any], t: Target) -> None:
    assert t.state is not None
    if payload.get("offer_id") not in t.state.get("offers", {}):
        raise ValidationError(_("dit aanbod bestaat niet"), _("aanbod"))


def _comms_cell(payload: dict[str, Any]) -> str:
    """The entity of a comms report: one per (region, channel) cell."""
    from data.domain.regions import resolve_region

    reg, chan = payload.get("region"), payload.get("channel")
    r = resolve_region(reg) if isinstance(reg, str) else None
    return f"comms:{r.code if r else reg}:{chan}"


def _partner_cell(payload: dict[str, Any]) -> str:
    """The entity of a vital partner's report: one per (region, sector, partner)."""
    from data.domain.regions import resolve_region

    reg = payload.get("region")
    r = resolve_region(reg) if isinstance(reg, str) else None
    name = re.sub(r"[^A-Za-z0-9]+", "-", str(payload.get("partner") or "")).strip("-")[:40]
    return f"partner:{r.code if r else reg}:{payload.get('sector')}:{name.lower() or 'x'}"


def _shift(check: Callable[[dict[str, Any], dict[str, Any] | None], None]) -> StateCheck:
    def run(payload: dict[str, Any], t: Target) -> None:
        check(payload, t.state)
    return run


def _bijstand_route(clean: dict[str, Any], lookup: Lookup) -> None:
    """Bijstand travels layer by layer: a region asks KCR2 or a neighbouring region; only KCR2
    goes on to Defensie (JFC) or the EU (UCPM), as a sub-request of a request made to KCR2."""
    wrong = route_error(clean)
    if wrong is not None:
        raise ValidationError(wrong[1], wrong[0])
    parent = clean.get("parent_id")
    if not parent:
        return
    t = lookup(parent)
    if t is None or not t.real or t.kind != "bijstand":
        raise ValidationError(_("'{id}' is geen bijstandsverzoek in deze store").format(id=parent),
                              _("deelverzoek van"))
    assert t.state is not None
    if str(t.state.get("addressed_to") or "").upper() != "KCR2":
        raise ValidationError(_("alleen KCR2 zet een verzoek door; dit verzoek is niet aan KCR2 "
                                "gericht"), _("deelverzoek van"))
    if clean.get("addressed_to") not in FORWARDED_ONLY:
        raise ValidationError(_("een deelverzoek gaat van KCR2 naar Defensie (JFC) of de EU "
                                "(UCPM); een buurregio vraagt KCR2 zelf"), _("gericht aan"))
    if clean.get("requesting_region") != t.state.get("requesting_region"):
        raise ValidationError(_("een deelverzoek hoort bij het verzoek van dezelfde regio"),
                              _("aanvragende regio"))


def _centre_code(value: Any) -> str:
    """KCR2, or the code of the region whose centre reports (VNOG -> VR06)."""
    from data.domain.regions import resolve_region

    if isinstance(value, str) and value.strip().upper() == "KCR2":
        return "KCR2"
    r = resolve_region(value) if isinstance(value, str) else None
    return r.code if r else str(value)


def _fallback_named(clean: dict[str, Any], lookup: Lookup) -> None:
    """A centre that moves to its fall-back location says where that is (now or before)."""
    if clean.get("location") != "uitwijklocatie" or clean.get("fallback_location"):
        return
    t = lookup(f"centre:{clean['centre']}")
    if t is None or not t.state or not t.state.get("fallback_location"):
        raise ValidationError(_("noem de uitwijklocatie waar het centrum nu werkt"),
                              _("uitwijklocatie"))


def _incident_named(clean: dict[str, Any], lookup: Lookup) -> None:
    """A decision that names the incident it concerns names one this store holds."""
    ref = clean.get("incident_id")
    if not ref:
        return
    t = lookup(ref)
    if t is None or not t.real or t.kind != "incident":
        raise ValidationError(_("'{0}' is geen incident in deze store").format(ref),
                              _("incident"))


def _attachment_target(clean: dict[str, Any], lookup: Lookup) -> None:
    """A file belongs to an item this store holds, of the kind it names; without a
    classification of its own it takes the item's."""
    from data.domain.attachments import TARGET_KINDS

    tid, kind = clean["target_id"], clean["target_kind"]
    t = lookup(tid)
    if t is None or not t.real:
        raise ValidationError(_("'{0}' bestaat niet in deze store").format(tid), _("hoort bij"))
    if t.kind != kind:
        raise ValidationError(_("'{0}' is geen {1}").format(tid, _(TARGET_KINDS[kind])),
                              _("hoort bij"))
    if not clean.get("classification"):
        assert t.state is not None
        clean["classification"] = str(t.state.get("classification") or "intern")


# ---------------------------------------------------------------- the table

_CREATES = Rule(creates=True)
_STATUS = Rule(state=(_status_step,))

RULES: dict[str, Rule] = {
    "node.registered": _CREATES,
    "incident.reported": _CREATES,
    "bijstand.requested": Rule(creates=True, payload=(_bijstand_route,)),
    "irbt.session_opened": _CREATES,
    "decision.recorded": Rule(creates=True, refers=(("session_id", "session", N_("sessie")),),
                              payload=(_incident_named,)),
    "action.created": Rule(creates=True, refers=(("decision_id", "decision", N_("besluit")),)),
    "journal.logged": _CREATES,
    "nsp.registered": _CREATES,
    "comms.reported": Rule(entity_of=_comms_cell),
    "conflict.resolved": Rule(state=(_open_conflict,)),
    "decision.amended": Rule(state=(_not_revoked(
        N_("een ingetrokken besluit kan niet meer worden gewijzigd")),)),
    "decision.revoked": Rule(state=(_not_revoked(N_("dit besluit is al ingetrokken")),)),
    "irbt.session_closed": Rule(state=(_session_open,)),
    "bijstand.offer_withdrawn": Rule(state=(_offer_exists,)),
    # issue 17: the room's records
    "bijstand.offer_updated": Rule(state=(_offer_exists,)),
    "decision.adoption_reported": Rule(state=(_not_revoked(
        N_("een ingetrokken besluit of afspraak wordt niet meer overgenomen")),)),
    "action.reattached": Rule(refers=(("decision_id", "decision", N_("besluit")),)),
    "alert.issued": _CREATES,
    "capacity.reported": Rule(entity_of=lambda p: f"capacity:{p.get('means')}"),
    "partner.reported": Rule(entity_of=_partner_cell),
    # issue 16: one slot per function staffed at a centre (data.domain.shifts)
    "shift.started": Rule(entity_of=shifts.no_slot, state=(_shift(shifts.check_start),)),
    "shift.handed_over": Rule(state=(_shift(shifts.check_handover),)),
    "shift.ended": Rule(state=(_shift(shifts.check_end),)),
    "centre.reported": Rule(entity_of=lambda p: f"centre:{_centre_code(p.get('centre'))}",
                            payload=(_fallback_named,)),
    "attachment.added": Rule(creates=True, payload=(_attachment_target,)),
    "attachment.withdrawn": Rule(state=(_attachment_live,)),
}
# the exercise clock is one entity; each inject's lifecycle another (data.scenario)
for _t in EVENT_TYPES:
    if _t.startswith("exercise.inject_"):
        RULES[_t] = Rule(entity_of=lambda p: f"inject:{p.get('inject')}")
    elif _t.startswith("exercise."):
        RULES[_t] = Rule(entity_of=lambda p: "oefening:klok")
# every status change is a lifecycle step; every other type changes an existing entity
for _t in EVENT_TYPES:
    if _t.endswith("status_changed"):
        RULES[_t] = _STATUS
    RULES.setdefault(_t, Rule())

#: who-may-do-what checks, run before any other (see the module docstring)
GUARDS: list[Guard] = []


@dataclass(slots=True)
class Checked:
    """A command that may become an event: its entity id and validated payload."""

    entity: str
    payload: dict[str, Any]
    new: bool = field(default=False)


def check(cmd_type: str, payload: Any, entity: str, author: str, lookup: Lookup,
          new_id: Callable[[], str], guards: Sequence[Guard] = ()) -> Checked:
    """Apply the table to one command; raises :class:`ValidationError` (the store changes
    nothing then). ``guards`` run after :data:`GUARDS` (a store's role table)."""
    rule = RULES.get(cmd_type)
    if rule is None:
        raise ValidationError(_("onbekende opdracht '{type}'").format(type=cmd_type), _("type"))
    if not isinstance(payload, dict):
        raise ValidationError(_("de gegevens moeten een object met velden zijn"))
    payload = dict(payload)
    for guard in (*GUARDS, *guards):
        guard(cmd_type, payload, author)
    kind = kind_of(cmd_type)
    entity = entity.strip() if entity else ""
    if entity and not ENTITY_ID.fullmatch(entity):
        raise ValidationError(_("is geen geldige verwijzing (letters, cijfers, ':', '.', '_', "
                                "'-'; hoogstens 80 tekens)"), _("id"))
    new = False
    if rule.creates:
        if not entity:
            entity, new = new_id(), True
        else:
            existing = lookup(entity)
            if existing is not None and existing.real:
                raise ValidationError(_("{id} bestaat al").format(id=entity), _("id"))
    elif rule.entity_of is not None:
        entity = entity or rule.entity_of(payload)
        existing = lookup(entity)
        if existing is not None and existing.kind not in (kind, "*"):
            raise ValidationError(_("'{id}' is een {kind}, geen {wanted}").format(
                id=entity, kind=existing.kind, wanted=kind), _("id"))
        for state_check in rule.state:
            state_check(payload, existing or Target(kind, None))
    else:
        existing = lookup(entity) if entity else None
        if existing is None or existing.state is None:
            raise ValidationError(_("'{id}' bestaat niet (meer) in deze store").format(id=entity),
                                  _("id"))
        if kind != "*" and existing.kind != kind:
            raise ValidationError(_("'{id}' is een {kind}, geen {wanted}").format(
                id=entity, kind=existing.kind, wanted=kind), _("id"))
        for state_check in rule.state:
            state_check(payload, existing)
    clean = validate_payload(cmd_type, payload)
    # A closed session or a revoked decision is not refused here: a paper form may be keyed
    # in afterwards for something that happened before the close.
    for fld, want, what in rule.refers:
        ref = clean[fld]
        target = lookup(ref)
        if target is None or not target.real:
            raise ValidationError(_("'{id}' bestaat niet in deze store").format(id=ref), _(what))
        if target.kind != want:
            raise ValidationError(_("'{id}' is een {kind}, geen {wanted}").format(
                id=ref, kind=target.kind, wanted=want), _(what))
    for payload_check in rule.payload:
        payload_check(clean, lookup)
    return Checked(entity, clean, new)

"""The event types of Crisisbeeld: which entity kind each concerns and what its payload holds.

One table, used by every door: the command API, ingest, bundle import and the hub validate a
payload with :func:`validate_payload` before anything is stored.
"""

from __future__ import annotations

from typing import Any

from data.domain import geo
from data.domain import validation as v
from data.domain.attachments import ATTACHMENT_FIELDS
from data.domain.enums import (
    BIJSTAND_ADDRESSEES,
    CAPABILITIES,
    SCARCE_MEANS,
    ActionStatus,
    Adoption,
    BijstandStatus,
    CentreLocation,
    Channel,
    Classification,
    CommsState,
    DecisionKind,
    Direction,
    Discipline,
    EstimateQuality,
    IncidentStatus,
    NspHost,
    NspKind,
    NspStatus,
    OfferStatus,
    Phase,
    PowerSource,
    Priority,
    Sector,
    Team,
)
from data.domain.validation import Field, ValidationError
from data.i18n import N_, _


def _vals(e: Any) -> tuple[str, ...]:
    return tuple(x.value for x in e)


CLASS = Field(N_("rubricering"), v.classification, default=Classification.INTERN.value)

INCIDENT_FIELDS = {
    "title": Field(N_("titel"), v.text, required=True, max_len=200),
    "kind": Field(N_("soort"), v.text, required=True, max_len=80),
    "regions": Field(N_("regio's"), v.regions, required=True),
    "location": Field(N_("locatie"), v.text, max_len=300),
    "phase": Field(N_("fase"), v.choice, choices=_vals(Phase), default=Phase.WARM.value),
    "teams": Field(N_("teams"), v.choices_list, choices=_vals(Team), default=[]),
    "beeld": Field(N_("beeld"), v.text, max_len=8000),
    # T0: the start of the crisis; the 24/48/72-hour clock counts from it (default: reported)
    "t0": Field(N_("T0 (start crisis)"), v.timestamp),
    "classification": CLASS,
    # the map (issue 13): where it happens and the area it affects (a radius or a polygon)
    "point": Field(N_("plaats (coördinaat)"), geo.point),
    "effect_radius_m": Field(N_("effectgebied (straal m)"), geo.radius),
    "effect_polygon": Field(N_("effectgebied (hoekpunten)"), geo.polygon),
}

#: one discipline's beeld of an incident (no discipline: the *algemeen* beeld, as every beeld
#: written before disciplines existed; no default, so such an event validates as it was signed)
PICTURE_FIELDS = {
    "beeld": Field(N_("beeld"), v.text, required=True, max_len=8000),
    "discipline": Field(N_("discipline"), v.choice, choices=_vals(Discipline)),
}

#: the Oordeel of an incident (Beeld–Oordeel–Besluit): the parts given replace the ones before
JUDGEMENT_FIELDS = {
    "analysis": Field(N_("analyse"), v.text, max_len=4000),
    "dilemmas": Field(N_("dilemma's"), v.text, max_len=4000),
    "prognosis": Field(N_("prognose"), v.text, max_len=4000),
    "scaling": Field(N_("op- of afschaling"), v.text, max_len=1000),
}

BIJSTAND_FIELDS = {
    "requesting_region": Field(N_("aanvragende regio"), v.region, required=True),
    "addressed_to": Field(
        N_("gericht aan"), v.region_or_partner, required=True, choices=BIJSTAND_ADDRESSEES
    ),
    "capability": Field(N_("capaciteit"), v.choice, choices=tuple(CAPABILITIES)),
    "capability_text": Field(N_("omschrijving"), v.text, max_len=300),
    "quantity": Field(N_("aantal"), v.integer, required=True, min_value=1),
    "unit": Field(N_("eenheid"), v.text, max_len=40, default="eenheden"),
    "needed_by": Field(N_("nodig vóór"), v.timestamp),
    "meldplaats": Field(N_("meldplaats"), v.text, max_len=200),
    "priority": Field(N_("prioriteit"), v.choice, choices=_vals(Priority), default="normaal"),
    "incident_id": Field(N_("incident"), v.identifier),
    # what a request must say for the provider to decide and the host to receive the means
    "competent_authority": Field(N_("bevoegd gezag"), v.text, max_len=160),
    "contact_function": Field(N_("contact (functie)"), v.function_text, max_len=160),
    "task": Field(N_("taak"), v.text, max_len=1000),
    "duration": Field(N_("duur inzet"), v.text, max_len=120),
    "relief": Field(N_("aflossing"), v.text, max_len=300),
    "under_command_of": Field(N_("onder commando van"), v.function_text, max_len=160),
    "logistics": Field(N_("logistiek / zelfvoorzienendheid"), v.text, max_len=1000),
    "cost_agreement": Field(N_("kostenafspraak"), v.text, max_len=300),
    # KCR2's sub-request to JFC or UCPM points at the region's own request
    "parent_id": Field(N_("deelverzoek van"), v.identifier),
    "state_request": Field(N_("verzoek van de Staat ingediend"), v.boolean),
    "classification": CLASS,
    "meldplaats_point": Field(N_("meldplaats (coördinaat)"), geo.point),
}

SESSION_FIELDS = {
    "title": Field(N_("titel"), v.text, required=True, max_len=200),
    "regions": Field(N_("regio's"), v.regions, required=True),
    "chair": Field(N_("voorzitter"), v.text, max_len=120),
    "medium": Field(N_("vergadervorm"), v.text, max_len=80),
    "incident_id": Field(N_("incident"), v.identifier),
    # which team meets: ROT, GBT and RBT keep a decision list too (absent: an IRBT)
    "team": Field(N_("team"), v.choice, choices=("ROT", "GBT", "RBT", "IRBT")),
    "classification": CLASS,
}

DECISION_FIELDS = {
    "session_id": Field(N_("sessie"), v.identifier, required=True),
    "number": Field(N_("nummer"), v.integer, required=True, min_value=1),
    "text": Field(N_("besluit"), v.text, required=True, max_len=4000),
    "rationale": Field(N_("motivering"), v.text, max_len=4000),
    "regions": Field(N_("betrokken regio's"), v.regions, default=[]),
    # an IRBT agrees (afspraak); a ROT/GBT/RBT decides (besluit). Absent: besluit.
    "kind": Field(N_("soort"), v.choice, choices=_vals(DecisionKind)),
    "key": Field(N_("sleutelbesluit"), v.boolean),
    # the incident the decision concerns (its BOB shows it under Besluit); absent: the
    # incident of its session, if any
    "incident_id": Field(N_("incident"), v.identifier),
    "classification": CLASS,
}

ACTION_FIELDS = {
    "decision_id": Field(N_("besluit"), v.identifier, required=True),
    "text": Field(N_("actie"), v.text, required=True, max_len=1000),
    "owner": Field(N_("eigenaar"), v.text, required=True, max_len=120),
    "due": Field(N_("gereed vóór"), v.timestamp),
    "classification": CLASS,
}

#: re-keyed from paper later: occurred_at is the time written on the form, not when it was
#: typed in (issue 12). A journal line has it as a field; every other event type may carry it
#: too (see validate_payload), and the fold marks the history line it makes.
NAGEKOMEN = Field(N_("nagekomen"), v.boolean)

JOURNAL_FIELDS = {
    "channel": Field(N_("kanaal"), v.choice, required=True, choices=_vals(Channel)),
    "direction": Field(N_("richting"), v.choice, choices=_vals(Direction), default="in"),
    "sender": Field(N_("van"), v.text, max_len=120),
    "recipient": Field(N_("aan"), v.text, max_len=120),
    "text": Field(N_("bericht"), v.text, required=True, max_len=4000),
    "incident_id": Field(N_("incident"), v.identifier),
    "key": Field(N_("kernbericht"), v.boolean, default=False),
    "classification": CLASS,
    # re-keyed from paper later: occurred_at is the time written on the form (issue 12)
    "nagekomen": NAGEKOMEN,
}

COMMS_FIELDS = {
    "region": Field(N_("regio"), v.region, required=True),
    "channel": Field(N_("kanaal"), v.choice, required=True, choices=_vals(Channel)),
    "state": Field(N_("status"), v.choice, required=True, choices=_vals(CommsState)),
    "note": Field(N_("toelichting"), v.text, max_len=500),
    "classification": CLASS,
}

NSP_FIELDS = {
    "name": Field(N_("naam"), v.text, required=True, max_len=160),
    "kind": Field(N_("soort"), v.choice, required=True, choices=_vals(NspKind)),
    "host_type": Field(N_("type locatie"), v.choice, choices=_vals(NspHost), default="overig"),
    "municipality": Field(N_("gemeente"), v.text, required=True, max_len=120),
    "region": Field(N_("regio"), v.region, required=True),
    "status": Field(N_("status"), v.choice, choices=_vals(NspStatus), default="gepland"),
    "power": Field(N_("stroom"), v.choice, choices=_vals(PowerSource), default="net"),
    "comms": Field(N_("verbindingen"), v.choices_list, choices=_vals(Channel), default=[]),
    "functions": Field(N_("functies"), v.text_list, default=[]),
    # said out loud at the door, so that nobody comes for what is not there
    "not_offered": Field(N_("biedt niet"), v.text_list, default=[]),
    # the crisis whose T0 the 72-hour target counts from
    "incident_id": Field(N_("incident"), v.identifier),
    "opened_at": Field(N_("geopend op"), v.timestamp),
    "last_contact": Field(N_("laatste contact"), v.timestamp),
    # hours of fuel for the point's generator, counted down from the report that gave it
    "fuel_hours": Field(N_("brandstof (uren)"), v.integer, min_value=0),
    "classification": CLASS,
    "point": Field(N_("plaats (coördinaat)"), geo.point),
}


def _transition(states: tuple[str, ...]) -> dict[str, Field]:
    return {
        "from": Field(N_("van status"), v.choice, required=True, choices=states),
        "to": Field(N_("naar status"), v.choice, required=True, choices=states),
        "reason": Field(N_("toelichting"), v.text, max_len=1000),
    }


def _subset(fields: dict[str, Field], *names: str) -> dict[str, Field]:
    return {n: fields[n] for n in names}

# ---------------------------------------------------------------- issue 17: the room's records
# One block, so that other new event types can be merged next to it.

#: where one provider's contribution stands, and who commands it
OFFER_UPDATE_FIELDS = {
    "offer_id": Field(N_("aanbod"), v.identifier, required=True),
    "status": Field(N_("status aanbod"), v.choice, choices=_vals(OfferStatus)),
    "commander": Field(N_("commandant (functie)"), v.function_text, max_len=160),
    "eta": Field(N_("verwachte aankomst"), v.timestamp),
    "note": Field(N_("toelichting"), v.text, max_len=500),
}

ALERT_FIELDS = {
    "regions": Field(N_("regio's"), v.regions, required=True),
    "area": Field(N_("gebied"), v.text, required=True, max_len=300),
    "text": Field(N_("bericht"), v.text, required=True, max_len=1000),
    "action_perspective": Field(N_("handelingsperspectief"), v.text, required=True, max_len=500),
    "sent_at": Field(N_("verzonden om"), v.timestamp, required=True),
    "incident_id": Field(N_("incident"), v.identifier),
    "classification": CLASS,
}

CAPACITY_FIELDS = {
    "means": Field(N_("middel"), v.choice, required=True, choices=tuple(SCARCE_MEANS)),
    "asked": Field(N_("gevraagd"), v.integer, required=True, min_value=0),
    "offered": Field(N_("aangeboden"), v.integer, required=True, min_value=0),
    "available": Field(N_("beschikbaar"), v.integer, required=True, min_value=0),
    "unit": Field(N_("eenheid"), v.text, max_len=40),
    "priority_note": Field(N_("prioritering"), v.text, max_len=1000),
    "classification": CLASS,
}

PARTNER_FIELDS = {
    "partner": Field(N_("partner"), v.function_text, required=True, max_len=120),
    "sector": Field(N_("sector"), v.choice, required=True, choices=_vals(Sector)),
    "region": Field(N_("regio"), v.region, required=True),
    "state": Field(N_("status"), v.choice, required=True, choices=_vals(CommsState)),
    "restore_estimate": Field(N_("herstel verwacht"), v.timestamp),
    "estimate_quality": Field(N_("zekerheid"), v.choice, choices=_vals(EstimateQuality)),
    "note": Field(N_("toelichting"), v.text, max_len=500),
    "classification": CLASS,
}

#: a centre's own state: which teams are active (opschaling per region) and its continuity
#: (where it works, on what power, fuel for how long). The newest report of each field counts.
CENTRE_FIELDS = {
    "centre": Field(N_("centrum"), v.region_or_partner, required=True, choices=("KCR2",)),
    "teams": Field(N_("teams actief"), v.choices_list, choices=_vals(Team)),
    "incident_id": Field(N_("incident"), v.identifier),
    "location": Field(N_("werkt op"), v.choice, choices=_vals(CentreLocation)),
    "fallback_location": Field(N_("uitwijklocatie"), v.text, max_len=200),
    "power": Field(N_("stroom"), v.choice, choices=_vals(PowerSource)),
    "fuel_hours": Field(N_("brandstof (uren)"), v.integer, min_value=0),
    "note": Field(N_("toelichting"), v.text, max_len=500),
    "classification": CLASS,
}

ROOM_EVENT_TYPES: dict[str, tuple[str, dict[str, Field], bool]] = {
    "bijstand.offer_updated": ("bijstand", OFFER_UPDATE_FIELDS, False),
    "decision.adoption_reported": (
        "decision",
        {"region": Field(N_("regio"), v.region, required=True),
         "state": Field(N_("overname"), v.choice, required=True, choices=_vals(Adoption)),
         "note": Field(N_("toelichting"), v.text, max_len=500)},
        False,
    ),
    "action.reattached": (
        "action",
        {"decision_id": Field(N_("besluit"), v.identifier, required=True),
         "reason": Field(N_("toelichting"), v.text, max_len=1000)},
        False,
    ),
    "alert.issued": ("alert", ALERT_FIELDS, False),
    "capacity.reported": ("capacity", CAPACITY_FIELDS, False),
    "partner.reported": ("partner", PARTNER_FIELDS, False),
    "centre.reported": ("centre", CENTRE_FIELDS, False),
}


#: event type -> (entity kind, payload spec, partial?)
EVENT_TYPES: dict[str, tuple[str, dict[str, Field], bool]] = {
    "node.registered": (
        "node",
        {
            "name": Field(N_("naam"), v.text, required=True, max_len=120),
            "public_key": Field(N_("sleutel"), v.text, required=True, max_len=128),
            "world": Field(N_("wereld"), v.text, required=True, max_len=40),
        },
        False,
    ),
    "incident.reported": ("incident", INCIDENT_FIELDS, False),
    "incident.updated": (
        "incident",
        _subset(INCIDENT_FIELDS, "title", "kind", "regions", "location", "phase", "teams",
                "t0", "classification", "point", "effect_radius_m", "effect_polygon"),
        True,
    ),
    "incident.picture_updated": ("incident", PICTURE_FIELDS, False),
    "incident.judgement_updated": ("incident", JUDGEMENT_FIELDS, True),
    "incident.status_changed": ("incident", _transition(_vals(IncidentStatus)), False),
    "bijstand.requested": (
        "bijstand",
        {**BIJSTAND_FIELDS,
         "status": Field(N_("status"), v.choice, choices=("concept", "ingediend"),
                         default="concept")},
        False,
    ),
    "bijstand.updated": (
        "bijstand",
        _subset(BIJSTAND_FIELDS, "capability", "capability_text", "quantity", "unit",
                "needed_by", "meldplaats", "priority", "incident_id", "competent_authority",
                "contact_function", "task", "duration", "relief", "under_command_of",
                "logistics", "cost_agreement", "state_request", "classification",
                "meldplaats_point"),
        True,
    ),
    "bijstand.status_changed": ("bijstand", _transition(_vals(BijstandStatus)), False),
    "bijstand.offer_made": (
        "bijstand",
        {
            "offer_id": Field(N_("aanbod"), v.identifier, required=True),
            "provider": Field(
                N_("aanbieder"), v.region_or_partner, required=True, choices=BIJSTAND_ADDRESSEES
            ),
            "quantity": Field(N_("aantal"), v.integer, required=True, min_value=1),
            "eta": Field(N_("verwachte aankomst"), v.timestamp),
            "note": Field(N_("toelichting"), v.text, max_len=500),
            "commander": Field(N_("commandant (functie)"), v.function_text, max_len=160),
            "self_sufficient_hours": Field(N_("zelfvoorzienend (uren)"), v.integer, min_value=0),
        },
        False,
    ),
    "bijstand.offer_withdrawn": (
        "bijstand",
        {"offer_id": Field(N_("aanbod"), v.identifier, required=True),
         "reason": Field(N_("toelichting"), v.text, max_len=500)},
        False,
    ),
    "irbt.session_opened": ("session", SESSION_FIELDS, False),
    "irbt.session_closed": (
        "session", {"note": Field(N_("toelichting"), v.text, max_len=1000)}, False
    ),
    "decision.recorded": ("decision", DECISION_FIELDS, False),
    "decision.amended": (
        "decision",
        {"text": Field(N_("besluit"), v.text, required=True, max_len=4000),
         "rationale": Field(N_("motivering"), v.text, max_len=4000),
         "regions": Field(N_("betrokken regio's"), v.regions)},
        False,
    ),
    "decision.revoked": (
        "decision", {"reason": Field(N_("reden"), v.text, required=True, max_len=1000)}, False
    ),
    "action.created": ("action", ACTION_FIELDS, False),
    "action.updated": ("action", _subset(ACTION_FIELDS, "text", "owner", "due"), True),
    "action.status_changed": ("action", _transition(_vals(ActionStatus)), False),
    "journal.logged": ("journal", JOURNAL_FIELDS, False),
    "comms.reported": ("comms", COMMS_FIELDS, False),
    "nsp.registered": ("nsp", NSP_FIELDS, False),
    "nsp.updated": (
        "nsp",
        _subset(NSP_FIELDS, "name", "host_type", "municipality", "status", "power", "comms",
                "functions", "not_offered", "incident_id", "opened_at", "last_contact",
                "fuel_hours", "classification", "point"),
        True,
    ),
    "conflict.resolved": (
        "*",
        {
            "conflict_id": Field(N_("conflict"), v.identifier, required=True),
            "choice": Field(N_("keuze"), v.choice, required=True,
                            choices=("behouden", "toepassen")),
            "note": Field(N_("toelichting"), v.text, max_len=1000),
        },
        False,
    ),
    **ROOM_EVENT_TYPES,
}

# ---- exercise: the exercise clock and the inject lifecycle (data.scenario). Only in an OEF-…
# world. Clock events carry the whole clock after them (wall and scenario moment in ms, speed,
# running), so the clock is the last of them; inject events say what the control team did with
# one inject. What the control team keeps to itself (messages not yet sent, expectations,
# controller notes) is never in these events.
_MS = Field(N_("moment (ms)"), v.integer, required=True, min_value=0)

EXERCISE_CLOCK_FIELDS = {
    "wall_ms": _MS,
    "scenario_ms": Field(N_("scenariotijd (ms)"), v.integer, required=True, min_value=0),
    "speed": Field(N_("snelheid"), v.integer, required=True, min_value=1),  # ×60 at most: player
    "running": Field(N_("loopt"), v.boolean, required=True),
    "t0_ms": Field(N_("T0 (ms)"), v.integer, min_value=0),
    "title": Field(N_("titel"), v.text, max_len=200),
    "note": Field(N_("toelichting"), v.text, max_len=500),
}
_INJECT = Field(N_("inject"), v.identifier, required=True)
EXERCISE_TYPES: dict[str, tuple[str, dict[str, Field], bool]] = {
    **{t: ("exercise", EXERCISE_CLOCK_FIELDS, False) for t in (
        "exercise.started", "exercise.paused", "exercise.resumed", "exercise.speed_changed",
        "exercise.jumped")},
    "exercise.inject_fired": ("exercise", {
        "inject": _INJECT,
        "scenario_ms": Field(N_("scenariotijd (ms)"), v.integer, required=True, min_value=0),
        "wall_ms": _MS,
        "events": Field(N_("gebeurtenissen"), v.text_list, default=[]),
        "how": Field(N_("hoe"), v.choice, choices=("klok", "nu", "terugval"), default="klok"),
    }, False),
    "exercise.inject_postponed": ("exercise", {
        "inject": _INJECT,
        "offset_s": Field(N_("nieuw tijdstip (s na T0)"), v.integer, required=True),
        "note": Field(N_("toelichting"), v.text, max_len=500),
    }, False),
    "exercise.inject_withdrawn": ("exercise", {
        "inject": _INJECT,
        "note": Field(N_("toelichting"), v.text, max_len=500),
    }, False),
}
EVENT_TYPES.update(EXERCISE_TYPES)
# ---- end exercise

# ---- trust: a centre switches to a new key (signed with the old one; data/store/roster.py)
EVENT_TYPES["node.key_rotated"] = ("node", {
    "public_key": Field(N_("sleutel"), v.text, required=True, max_len=128),
}, False)
# ---- end trust

#: Entity kinds in display order.
KINDS = ("incident", "bijstand", "session", "decision", "action", "journal", "comms", "nsp",
         "alert", "capacity", "partner", "centre", "node", "exercise")


# ---- issue 16: people on duty. One entity per function staffed at a centre (the slot
# ``dienst:<node>:<function>``, see data.domain.shifts); its events say who took the function up,
# handed it over or ended it, and how the person on duty is reached. No personal data beyond a
# name: channels are the centre's (an NCV number, a satellite phone, a C2000 talk group).
SHIFT_CHANNELS = {
    "ncv": Field(N_("NCV-nummer"), v.text, max_len=40),
    "satellite": Field(N_("satelliettelefoon"), v.text, max_len=40),
    "c2000": Field(N_("C2000-gespreksgroep"), v.text, max_len=60),
}
SHIFT_TYPES: dict[str, tuple[str, dict[str, Field], bool]] = {
    "shift.started": ("shift", {
        "person": Field(N_("naam"), v.text, required=True, max_len=80),
        "function": Field(N_("functie"), v.function_text, required=True, max_len=40),
        **SHIFT_CHANNELS,
        "note": Field(N_("toelichting"), v.text, max_len=500),
    }, False),
    "shift.handed_over": ("shift", {
        "person": Field(N_("naam (nieuw)"), v.text, required=True, max_len=80),
        "function": Field(N_("functie"), v.function_text, required=True, max_len=40),
        "outgoing": Field(N_("naam (vertrekkend)"), v.text, required=True, max_len=80),
        **SHIFT_CHANNELS,
        "note": Field(N_("toelichting"), v.text, max_len=500),
    }, False),
    "shift.ended": ("shift", {
        "function": Field(N_("functie"), v.function_text, required=True, max_len=40),
        "person": Field(N_("naam"), v.text, required=True, max_len=80),
        "note": Field(N_("toelichting"), v.text, max_len=500),
    }, False),
}
EVENT_TYPES.update(SHIFT_TYPES)
KINDS = (*KINDS, "shift")
# ---- end people on duty

# ---- attachments: a file on an incident, decision, bijstand request or journal line; its bytes
# are kept beside the log by SHA-256 (data.domain.attachments, data.store.blobs)
EVENT_TYPES["attachment.added"] = ("attachment", ATTACHMENT_FIELDS, False)
# a file attached by mistake (the wrong photo, personal data): withdrawn with a reason; the
# signed record that it was attached stays, its bytes are no longer shown or passed on
EVENT_TYPES["attachment.withdrawn"] = ("attachment", {
    "reason": Field(N_("reden"), v.text, required=True, max_len=500),
}, False)
KINDS = (*KINDS, "attachment")
# ---- end attachments


def kind_of(event_type: str) -> str:
    """The entity kind an event type concerns ('*' for events on any kind)."""
    try:
        return EVENT_TYPES[event_type][0]
    except KeyError:
        raise ValidationError(_("onbekend gebeurtenistype '{type}'").format(type=event_type),
                              _("type")) from None


def validate_payload(event_type: str, payload: Any) -> dict[str, Any]:
    """Validate and normalise the payload of ``event_type``; raise ValidationError if bad."""
    entry = EVENT_TYPES.get(event_type)
    if entry is None:
        raise ValidationError(_("onbekend gebeurtenistype '{type}'").format(type=event_type),
                              _("type"))
    if event_type == "incident.judgement_updated" and _blank(payload):
        raise ValidationError(_("vul minstens één onderdeel van het oordeel in (analyse, "
                                "dilemma's, prognose of op- of afschaling)"), _("analyse"))
    late = None
    if type(payload) is dict and "nagekomen" in payload and "nagekomen" not in entry[1]:
        # any form re-keyed from paper may say so (a journal line has it as a field)
        payload = dict(payload)
        late = v.boolean(payload.pop("nagekomen"), NAGEKOMEN)
    compiled = _COMPILED.get(event_type)
    if compiled is None or compiled[0] is not entry:
        compiled = _compile(event_type, entry)
    out = compiled[1](payload)
    if out is None:  # not clear at once: the generic check decides (and words the refusal)
        _kind, spec, partial = entry
        out = v.validate(spec, payload, partial=partial)
    rule = compiled[2]
    if rule == _NEEDS_CAPABILITY and not out.get("capability") and not out.get(
        "capability_text"
    ):
        raise ValidationError(_("kies een capaciteit uit de catalogus of omschrijf wat nodig is"),
                              _("capaciteit"))
    if rule == _STATUS_CHANGE and out["from"] == out["to"]:
        raise ValidationError(_("de nieuwe status is gelijk aan de huidige"), _("naar status"))
    if "effect_polygon" in out and out.get("effect_radius_m"):
        raise ValidationError(_("geef een straal óf hoekpunten, niet allebei"),
                              _("effectgebied (hoekpunten)"))
    if late:
        out = {**out, "nagekomen": True}
    return out


def _blank(payload: Any) -> bool:
    """A payload object whose every value is empty (an Oordeel with nothing in it)."""
    return isinstance(payload, dict) and not any(
        str(x).strip() for x in payload.values() if x is not None)


# The extra rule of an event type beyond its fields, and the compiled validator of its spec
# (validation.compile_spec), made on first use: event type -> (EVENT_TYPES entry, validator,
# rule).
_NEEDS_CAPABILITY, _STATUS_CHANGE = 1, 2
_COMPILED: dict[str, tuple[tuple[str, dict[str, Field], bool], Any, int]] = {}


def _compile(event_type: str, entry: tuple[str, dict[str, Field], bool]) -> tuple[Any, Any, int]:
    rule = (_NEEDS_CAPABILITY if event_type == "bijstand.requested"
            else _STATUS_CHANGE if event_type.endswith("status_changed") else 0)
    compiled = _COMPILED[event_type] = (entry, v.compile_spec(entry[1], entry[2]), rule)
    return compiled

"""The projection of one entity: a pure function of its events folded in (hlc, origin, id) order.

``apply(state, event)`` returns the next state (a plain dict). Plain fields follow last writer
wins in fold order. Lifecycle steps that do not fit the state reached at their place in the order
are kept as conflicts inside the state (so every store shows the same conflicts) until a
``conflict.resolved`` event settles them.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from data.domain.enums import CAPABILITIES, capability_label, label, source_label
from data.domain.lifecycles import legal
from data.i18n import N_, SOURCE, _, current_language
from data.store.envelope import Event

State = dict[str, Any]

INITIAL_STATUS = {"incident": "gemeld", "action": "open", "session": "open",
                  "decision": "vastgesteld"}


def _new(ev: Event, kind: str) -> State:
    return {
        "id": ev.entity, "entity_kind": kind, "created_at": ev.occurred_at, "created_by": ev.author,
        "origin": ev.origin, "updated_at": ev.occurred_at, "conflicts": [], "history": [],
        "placeholder": True,
    }


def _attachment(st: State, ev: Event) -> None:
    # Two files attached in the same millisecond keep the order they were attached in: the
    # clock of the creating event breaks the tie, not the random id.
    _create(st, ev, None)
    st.setdefault("created_hlc", ev.hlc)


def _attachment_withdrawn(st: State, ev: Event) -> None:
    # for good: the first withdrawal in fold order is the one kept (every store folds the same
    # order, so every store names the same one); a later one is only history
    if st.get("withdrawn"):
        _hist(st, ev, N_("al ingetrokken"))
        return
    st["withdrawn"] = {"at": ev.occurred_at, "by": ev.author, "reason": ev.payload["reason"]}
    _hist(st, ev, N_("bijlage ingetrokken"), reason=ev.payload["reason"])


def _touch(st: State, ev: Event) -> None:
    st["updated_at"] = ev.occurred_at
    st["updated_by"] = ev.author


#: How much history a state keeps (the newest 200 changes, 20 versions of the beeld); the
#: oldest entries go first. The complete history is the
#: event log itself (its events by entity); the state holds what a detail view shows, so that a
#: command on a long-lived entity (an incident with thousands of updates) stays cheap. Trimming
#: depends only on the state, so the fold stays a pure function of the ordered events.
HISTORY_KEEP = 200
BEELD_KEEP = 20


def _trim(st: State, key: str, keep: int) -> None:
    items = st[key]
    if len(items) > keep + keep // 5:  # in steps, not on every append
        drop = len(items) - keep
        del items[:drop]
        st[key + "_dropped"] = st.get(key + "_dropped", 0) + drop


def _hist(st: State, ev: Event, what: str, **extra: Any) -> None:
    if ev.payload.get("nagekomen") is True:  # re-keyed from paper: ``at`` is the paper's time
        extra["nagekomen"] = True
    st["history"].append({"at": ev.occurred_at, "recorded_at": ev.recorded_at, "by": ev.author,
                          "origin": ev.origin, "what": what, "event": ev.id, **extra})
    _trim(st, "history", HISTORY_KEEP)


def _create(st: State, ev: Event, status: str | None) -> None:
    if not st.get("placeholder"):
        # A second creation event for the same id: keep the first, note the duplicate.
        _hist(st, ev, N_("dubbele aanmaak genegeerd"))
        return
    st.pop("placeholder", None)
    st["created_at"], st["created_by"], st["origin"] = ev.occurred_at, ev.author, ev.origin
    for k, val in ev.payload.items():
        st[k] = val
    if st["entity_kind"] != "journal":
        st.pop("nagekomen", None)  # (a mark of the report, in its history line)
    if status is not None and "status" not in ev.payload:
        st["status"] = status
    if st["entity_kind"] != "journal":
        _hist(st, ev, N_("aangemaakt"), to=st.get("status"))


def _fields(st: State, ev: Event) -> None:
    changed = sorted(k for k in ev.payload if k != "nagekomen")  # (a mark of the change)
    for k in changed:
        st[k] = ev.payload[k]
    _hist(st, ev, N_("gewijzigd"), fields=changed)


def _conflict(st: State, ev: Event, wanted: str, expected: str, reason: str) -> None:
    st["conflicts"].append({
        "id": ev.id, "type": ev.type, "wanted": wanted, "expected": expected,
        "found": st.get("status"), "origin": ev.origin, "author": ev.author, "hlc": ev.hlc,
        "at": ev.occurred_at, "reason": reason, "resolution": None,
    })


def _transition(st: State, ev: Event) -> None:
    frm, to = ev.payload["from"], ev.payload["to"]
    cur = st.get("status")
    reason = ev.payload.get("reason")
    if cur == to:
        _hist(st, ev, N_("status bevestigd"), to=to)
        return
    if cur == frm and legal(st["entity_kind"], cur, to):
        st["status"] = to
        st.setdefault("status_times", {})[to] = ev.occurred_at
        _hist(st, ev, N_("status"), **{"from": frm, "to": to, "reason": reason})
        return
    # the state keeps the Dutch text (the fold is the same in every language); a view shows
    # conflict_reason(c)
    why = _step_reason(frm, to, cur, source_label, lambda m: m)
    _conflict(st, ev, to, frm, why)


_AMEND_REVOKED = N_("wijziging op een ingetrokken besluit")
_STEP_RACED = N_("wilde {old} → {new}, maar de status was al {found}")
_STEP_ILLEGAL = N_("{old} → {new} is geen toegestane stap")


def _step_reason(frm: str, to: str, cur: str | None, lab: Callable[[str], str],
                 tr: Callable[[str], str]) -> str:
    if cur != frm:
        return tr(_STEP_RACED).format(old=lab(frm), new=lab(to), found=lab(cur or "?"))
    return tr(_STEP_ILLEGAL).format(old=lab(frm), new=lab(to))


_RACED = re.compile(r"wilde (.+) → (.+), maar de status was al (.+)", re.S)
_ILLEGAL = re.compile(r"(.+) → (.+) is geen toegestane stap", re.S)


def conflict_reason(c: dict[str, Any]) -> str:
    """Why conflict ``c`` arose, in the language in use: ``c`` is one of a state's
    ``conflicts`` or a row of the store's conflict list (which keeps only the Dutch reason; its
    labels are message ids of the catalogue)."""
    if c.get("wanted") == "gewijzigd":
        return _(_AMEND_REVOKED)
    if c.get("expected") is not None and c.get("wanted") is not None:
        return _step_reason(str(c["expected"]), str(c["wanted"]), c.get("found"), label, _)
    reason = str(c.get("reason") or "")
    if m := _RACED.fullmatch(reason):
        return _(_STEP_RACED).format(old=_(m[1]), new=_(m[2]), found=_(m[3]))
    if m := _ILLEGAL.fullmatch(reason):
        return _(_STEP_ILLEGAL).format(old=_(m[1]), new=_(m[2]))
    return _(reason)


def _incident(st: State, ev: Event) -> None:
    """An incident's report or its changed fields; on the map its effect area is a radius or
    a polygon, so giving one takes the other away, and a radius of 0 takes both away."""
    applies = ev.type != "incident.reported" or st.get("placeholder")
    if ev.type == "incident.reported":
        _create(st, ev, "gemeld")
    else:
        _fields(st, ev)
    if not applies:  # a duplicate report changes nothing
        return
    p = ev.payload
    if "effect_polygon" in p:
        st.pop("effect_radius_m", None)
    if "effect_radius_m" in p:
        st.pop("effect_polygon", None)
        if not p["effect_radius_m"]:
            st.pop("effect_radius_m", None)


def _nsp(st: State, ev: Event) -> None:
    """A noodsteunpunt's fields; a status change also stamps when the status was reached
    (the 72-hour target asks *when* a point became operational)."""
    before = None if st.get("placeholder") else st.get("status")
    if ev.type == "nsp.registered":
        _create(st, ev, None)
    else:
        _fields(st, ev)
    status = st.get("status")
    if status and status != before:
        st.setdefault("status_times", {}).setdefault(status, ev.occurred_at)
    if "fuel_hours" in ev.payload:
        st["fuel_at"] = ev.occurred_at


def _offer(st: State, ev: Event) -> None:
    offers = st.setdefault("offers", {})
    p = ev.payload
    offers[p["offer_id"]] = {"provider": p["provider"], "quantity": p["quantity"],
                             "eta": p.get("eta"), "note": p.get("note"), "at": ev.occurred_at,
                             "by": ev.author, "withdrawn": False}
    for k in ("commander", "self_sufficient_hours"):
        if k in p:
            offers[p["offer_id"]][k] = p[k]
    _hist(st, ev, N_("aanbod"), provider=p["provider"], quantity=p["quantity"])


def _offer_withdrawn(st: State, ev: Event) -> None:
    off = st.setdefault("offers", {}).get(ev.payload["offer_id"])
    if off is not None:
        off["withdrawn"] = True
    _hist(st, ev, N_("aanbod ingetrokken"), offer=ev.payload["offer_id"])


def _offer_update(st: State, ev: Event) -> None:
    """One provider's contribution moves on (status) or names its commander."""
    p = ev.payload
    off = st.setdefault("offers", {}).get(p["offer_id"])
    if off is None:  # an update of an offer this store has not seen made: keep it visible
        _hist(st, ev, N_("onbekend aanbod bijgewerkt"), offer=p["offer_id"])
        return
    for k in ("status", "commander", "eta", "note"):
        if k in p:
            off[k] = p[k]
    if "status" in p:
        off.setdefault("status_times", {})[p["status"]] = ev.occurred_at
    _hist(st, ev, N_("aanbod bijgewerkt"), offer=p["offer_id"], to=p.get("status"))


def _adoption(st: State, ev: Event) -> None:
    """Per region involved: how far it has taken up the agreement (last report counts)."""
    p = ev.payload
    st.setdefault("adoption", {})[p["region"]] = {"state": p["state"], "at": ev.occurred_at,
                                                  "by": ev.author, "note": p.get("note")}
    _hist(st, ev, N_("overname"), region=p["region"], to=p["state"])


def _reattach(st: State, ev: Event) -> None:
    """An action moves to another decision (typically when its own was revoked)."""
    st.setdefault("reattached_from", []).append(st.get("decision_id"))
    st["decision_id"] = ev.payload["decision_id"]
    _hist(st, ev, N_("ander besluit"), to=ev.payload["decision_id"],
          reason=ev.payload.get("reason"))


def _report(st: State, ev: Event) -> None:
    """A standing report (a scarce means, a vital partner): the newest report counts."""
    if st.get("placeholder"):
        st.pop("placeholder", None)
        st["created_at"] = ev.occurred_at
    previous = st.get("state")
    st.update(ev.payload)
    st.pop("nagekomen", None)  # (a mark of this report, in its history line)
    st["since"] = ev.occurred_at if previous != st.get("state") else st.get("since")
    _hist(st, ev, N_("gemeld"), to=ev.payload.get("state"))


def _centre(st: State, ev: Event) -> None:
    """A centre's report: each field given replaces the one before; the fuel count runs from
    the report that gave it."""
    if st.get("placeholder"):
        st.pop("placeholder", None)
        st["created_at"] = ev.occurred_at
    st.update(ev.payload)
    st.pop("nagekomen", None)  # (a mark of this report, in its history line)
    if "fuel_hours" in ev.payload:
        st["fuel_at"] = ev.occurred_at
    _hist(st, ev, N_("gemeld"), fields=sorted(k for k in ev.payload if k != "nagekomen"))


def _picture(st: State, ev: Event) -> None:
    """One discipline's beeld: the *algemeen* one (also every beeld without a discipline, as
    written before disciplines existed) stays in ``beeld``/``beeld_history``; the others each
    keep their versions under ``beelden[discipline]``."""
    disc = ev.payload.get("discipline") or "algemeen"
    if disc != "algemeen":
        versions = st.setdefault("beelden", {}).setdefault(disc, [])
        versions.append({"at": ev.occurred_at, "by": ev.author, "beeld": ev.payload["beeld"]})
        _trim_versions(st, "beelden", disc)
        _hist(st, ev, N_("beeld bijgewerkt"), discipline=disc)
        return
    if "beeld_history" not in st and st.get("beeld") and not st.get("placeholder"):
        # the beeld given with the report is the first entry, so no update erases it
        st["beeld_history"] = [{"at": st["created_at"], "by": st["created_by"],
                                "beeld": st["beeld"]}]
    st["beeld"] = ev.payload["beeld"]
    st.setdefault("beeld_history", []).append(
        {"at": ev.occurred_at, "by": ev.author, "beeld": ev.payload["beeld"]}
    )
    _trim(st, "beeld_history", BEELD_KEEP)
    _hist(st, ev, N_("beeld bijgewerkt"))


def _trim_versions(st: State, key: str, part: str) -> None:
    """:func:`_trim` for one part of a versioned map (a discipline's beelden)."""
    items = st[key][part]
    if len(items) > BEELD_KEEP + BEELD_KEEP // 5:
        drop = len(items) - BEELD_KEEP
        del items[:drop]
        dropped = st.setdefault(key + "_dropped", {})
        dropped[part] = dropped.get(part, 0) + drop


#: the parts of an Oordeel (events.JUDGEMENT_FIELDS)
JUDGEMENT_PARTS = ("analysis", "dilemmas", "prognosis", "scaling")


def _judgement(st: State, ev: Event) -> None:
    """The Oordeel of an incident: the parts given replace the ones before; every update is
    a version (the whole Oordeel after it, by its author)."""
    current = dict(st.get("oordeel") or {})
    changed = sorted(k for k in ev.payload if k in JUDGEMENT_PARTS)
    for k in changed:
        current[k] = ev.payload[k]
    st["oordeel"] = current
    st.setdefault("oordeel_history", []).append(
        {"at": ev.occurred_at, "by": ev.author, "fields": changed, **current})
    _trim(st, "oordeel_history", BEELD_KEEP)
    _hist(st, ev, N_("oordeel bijgewerkt"), fields=changed)


def _amend(st: State, ev: Event) -> None:
    if st.get("status") == "ingetrokken":
        _conflict(st, ev, "gewijzigd", "vastgesteld", _AMEND_REVOKED)
        return
    versions = st.setdefault("versions", [])
    versions.append({"version": st.get("version", 1), "text": st.get("text"),
                     "rationale": st.get("rationale"), "regions": st.get("regions"),
                     "until": ev.occurred_at})
    st["version"] = st.get("version", 1) + 1
    for k in ("text", "rationale", "regions"):
        if k in ev.payload:
            st[k] = ev.payload[k]
    _hist(st, ev, N_("gewijzigd"), version=st["version"])


def _revoke(st: State, ev: Event) -> None:
    if st.get("status") == "ingetrokken":
        _hist(st, ev, N_("intrekking bevestigd"))
        return
    st["status"] = "ingetrokken"
    st["revoked_reason"] = ev.payload["reason"]
    st["revoked_at"] = ev.occurred_at
    _hist(st, ev, N_("ingetrokken"), reason=ev.payload["reason"])


def _session_closed(st: State, ev: Event) -> None:
    if st.get("status") == "gesloten":
        # Closed concurrently by two centres: the first close in fold order counts.
        _hist(st, ev, N_("sluiting bevestigd"))
        return
    st["status"] = "gesloten"
    st["closed_at"] = ev.occurred_at
    _hist(st, ev, N_("gesloten"))


def _comms(st: State, ev: Event) -> None:
    if st.get("placeholder"):
        st.pop("placeholder", None)
        st["created_at"] = ev.occurred_at
    previous = st.get("state")
    for k, val in ev.payload.items():
        st[k] = val
    st.pop("nagekomen", None)  # (a mark of this change, in its history line)
    st["since"] = ev.occurred_at if previous != ev.payload["state"] else st.get("since")
    _hist(st, ev, N_("status"), to=ev.payload["state"], note=ev.payload.get("note"))


def _resolve(st: State, ev: Event) -> None:
    cid, choice = ev.payload["conflict_id"], ev.payload["choice"]
    for c in st["conflicts"]:
        if c["id"] == cid:
            if c["resolution"] is not None:
                _hist(st, ev, N_("conflict al opgelost"), conflict=cid)
                return
            c["resolution"] = {"choice": choice, "by": ev.author, "at": ev.occurred_at,
                               "note": ev.payload.get("note"), "event": ev.id}
            if choice == "toepassen" and c["wanted"] != "gewijzigd":
                before = st.get("status")
                st["status"] = c["wanted"]
                st.setdefault("status_times", {})[c["wanted"]] = ev.occurred_at
                _hist(st, ev, N_("status"), **{"from": before, "to": c["wanted"],
                                           "reason": "conflict opgelost"})
            else:
                _hist(st, ev, N_("conflict opgelost"), conflict=cid, choice=choice)
            return
    _hist(st, ev, N_("onbekend conflict"), conflict=cid)


_EXERCISE_WHAT = {
    "exercise.started": N_("oefening gestart"), "exercise.paused": N_("gepauzeerd"),
    "exercise.resumed": N_("hervat"), "exercise.speed_changed": N_("snelheid gewijzigd"),
    "exercise.jumped": N_("vooruitgesprongen"), "exercise.inject_fired": N_("inject verstuurd"),
    "exercise.inject_postponed": N_("inject uitgesteld"), "exercise.inject_withdrawn":
    N_("inject ingetrokken"),
}


def _exercise(st: State, ev: Event) -> None:
    """The exercise clock (entity ``oefening:klok``) and one inject's lifecycle
    (``inject:<id>``): the clock is its newest event; an inject fires at most once."""
    st.pop("placeholder", None)
    p = ev.payload
    if ev.type == "exercise.inject_fired":
        if st.get("fired"):
            _hist(st, ev, N_("inject al verstuurd: genegeerd"))
            return
        st.update(fired=True, fired_ms=p["scenario_ms"], fired_wall_ms=p["wall_ms"],
                  how=p.get("how", "klok"), events=p.get("events", []), inject=p["inject"],
                  fired_hlc=ev.hlc)
    elif ev.type == "exercise.inject_postponed":
        st.update(inject=p["inject"], offset_s=p["offset_s"])
    elif ev.type == "exercise.inject_withdrawn":
        st.update(inject=p["inject"], withdrawn=True)
    else:
        for k in ("wall_ms", "scenario_ms", "speed", "running", "t0_ms", "title"):
            if k in p:
                st[k] = p[k]
        st["title"] = st.get("title") or "Oefenklok"
    st["status"] = ("ingetrokken" if st.get("withdrawn") else "verstuurd" if st.get("fired")
                    else "uitgesteld" if "offset_s" in st else
                    ("loopt" if st.get("running") else "gepauzeerd") if "speed" in st else "")
    _hist(st, ev, _EXERCISE_WHAT.get(ev.type, ev.type))


def _shift(st: State, ev: Event) -> None:
    """A function staffed at a centre (issue 16): who holds it since when, how they are
    reached. A handover names both people; the newest event in fold order counts."""
    if st.pop("placeholder", None):
        st["created_at"], st["created_by"], st["origin"] = ev.occurred_at, ev.author, ev.origin
    p = ev.payload
    st["function"] = p["function"]
    if ev.type == "shift.ended":
        st.update(status="vrij", ended_at=ev.occurred_at, last_person=p["person"])
        _hist(st, ev, N_("dienst beëindigd"), person=p["person"])
        return
    st.update(status="in dienst", person=p["person"], since=ev.occurred_at,
              channels={k: p[k] for k in ("ncv", "satellite", "c2000") if p.get(k)})
    if ev.type == "shift.handed_over":
        _hist(st, ev, N_("overdracht"), person=p["person"], outgoing=p["outgoing"])
    else:
        _hist(st, ev, N_("dienst begonnen"), person=p["person"])


HANDLERS: dict[str, Callable[[State, Event], None]] = {
    "node.registered": lambda st, ev: _create(st, ev, None),
    "incident.reported": _incident,
    "incident.updated": _incident,
    "incident.picture_updated": _picture,
    "incident.judgement_updated": _judgement,
    "incident.status_changed": _transition,
    "bijstand.requested": lambda st, ev: _create(st, ev, "concept"),
    "bijstand.updated": _fields,
    "bijstand.status_changed": _transition,
    "bijstand.offer_made": _offer,
    "bijstand.offer_withdrawn": _offer_withdrawn,
    "irbt.session_opened": lambda st, ev: _create(st, ev, "open"),
    "irbt.session_closed": _session_closed,
    "decision.recorded": lambda st, ev: _create(st, ev, "vastgesteld"),
    "decision.amended": _amend,
    "decision.revoked": _revoke,
    "action.created": lambda st, ev: _create(st, ev, "open"),
    "action.updated": _fields,
    "action.status_changed": _transition,
    "journal.logged": lambda st, ev: _create(st, ev, None),
    "comms.reported": _comms,
    "nsp.registered": _nsp,
    "nsp.updated": _nsp,
    "conflict.resolved": _resolve,
    # issue 17: the room's records
    "bijstand.offer_updated": _offer_update,
    "decision.adoption_reported": _adoption,
    "action.reattached": _reattach,
    "alert.issued": lambda st, ev: _create(st, ev, None),
    "capacity.reported": _report,
    "partner.reported": _report,
    "centre.reported": _centre,
    **{t: _exercise for t in _EXERCISE_WHAT},
    "shift.started": _shift, "shift.handed_over": _shift, "shift.ended": _shift,
    "node.key_rotated": _fields,  # (trust: the node's key as the log last says it)
    "attachment.added": _attachment,
    "attachment.withdrawn": _attachment_withdrawn,
}


def apply(state: State | None, ev: Event, kind: str) -> State:
    """Fold one event into an entity's state (mutates and returns it)."""
    st = state if state is not None else _new(ev, kind)
    HANDLERS[ev.type](st, ev)
    _touch(st, ev)
    return st


def title_of(st: State) -> str:
    """A one-line title for lists and the conflict inbox."""
    k = st.get("entity_kind")
    if k == "bijstand":
        cap = CAPABILITIES.get(st.get("capability") or "", st.get("capability_text") or "?")
        return f"{st.get('quantity', '?')}× {cap}"
    if k == "decision":
        return f"Besluit {st.get('number', '?')}: {st.get('text', '')}"[:200]
    if k == "comms":
        return f"{st.get('region')} · {st.get('channel')}"
    if k == "capacity":
        return str(st.get("means", ""))
    if k == "partner":
        return f"{st.get('region')} · {st.get('partner')}"
    if k == "centre":
        return f"Centrum {st.get('centre')}"
    if k == "alert":
        return f"NL-Alert: {st.get('text', '')}"[:200]
    if k == "attachment":
        return str(st.get("name", ""))[:200]
    if k in ("journal", "action"):
        return str(st.get("text", ""))[:200]
    return str(st.get("title") or st.get("name") or st.get("id"))


_COUNTED = re.compile(r"(\d+|\?)× (.+)", re.S)
_DECISION = re.compile(r"Besluit (\d+|\?): (.*)", re.S)
_CENTRE = re.compile(r"Centrum (.+)", re.S)
_CAPABILITY_KEYS = {text: key for key, text in CAPABILITIES.items()}


def shown_title(kind: str, title: str) -> str:
    """A title :func:`title_of` made (and the store keeps, in Dutch) in the language in use:
    '3× Aggregaten / noodstroom', 'Besluit 4: …', 'Centrum VR06'. Titles people typed are
    shown as they are."""
    if current_language() == SOURCE:
        return title
    if kind == "bijstand" and (m := _COUNTED.fullmatch(title)) and m[2] in _CAPABILITY_KEYS:
        return f"{m[1]}× {capability_label(_CAPABILITY_KEYS[m[2]])}"
    if kind == "decision" and (m := _DECISION.fullmatch(title)):
        return _("Besluit {n}: {text}").format(n=m[1], text=m[2])
    if kind == "centre" and (m := _CENTRE.fullmatch(title)):
        return _("Centrum {code}").format(code=m[1])
    return title


def status_of(st: State) -> str:
    k = st.get("entity_kind")
    if k in ("comms", "partner"):
        return str(st.get("state", ""))
    if k == "journal":
        return str(st.get("channel", ""))
    return str(st.get("status", ""))


def regions_of(st: State) -> str:
    regs = st.get("regions")
    if isinstance(regs, list):
        return ",".join(regs)
    for k in ("region", "requesting_region"):
        if st.get(k):
            return str(st[k])
    return ""

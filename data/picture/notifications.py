"""Which events of other centres concern this centre: the rule behind the quiet notification
list ("VRZ vraagt ons om bijstand", "aanbod op ons verzoek", "besluit noemt onze regio").

An event concerns us when another centre made it and it is

- about a bijstand request from our region, addressed to us, or with an offer of ours
  (a new request, an offer, a status change, a withdrawal);
- a decision (recorded or amended) that names our region, or that was taken in a session
  that does;
- an incident reported or updated in our region;
- a journal line marked as key message (*kernbericht*), or addressed to us.

What we did ourselves is never news to us. The rule gets the event and the entity's state
as the store projects it after the event, so an offer on a request reads the request's
region. Pure: no store, no Qt, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from data.domain.enums import label
from data.domain.regions import REGION_BY_CODE, resolve_region
from data.i18n import N_, SOURCE, _, current_language

#: the view a notification opens, per entity kind
VIEW_OF_KIND = {"bijstand": "bijstand", "decision": "besluiten", "incident": "incidenten",
                "journal": "logboek"}


@dataclass(frozen=True)
class Us:
    """Who "we" are: the store's node id, and the region and names it answers to.

    ``names`` holds every spelling another centre may address us by (region code, short code,
    node id, centre name), upper case."""

    node: str
    region: str
    names: frozenset[str]

    def named(self, value: Any) -> bool:
        return isinstance(value, str) and value.strip().upper() in self.names

    def in_regions(self, codes: Iterable[Any] | None) -> bool:
        return bool(self.region) and self.region in (codes or ())


def us(node: str, name: str = "") -> Us:
    """Who a store is, from its node id and centre name ('vrz', 'VRZ' → Zeeland; 'kcr2' →
    no region, addressed as KCR2)."""
    region = resolve_region(node) or (resolve_region(name) if name else None)
    names = {x.strip().upper() for x in (node, name) if x and x.strip()}
    if region is not None:
        names |= {region.code, region.short, region.name.upper()}
    return Us(node, region.code if region else "", frozenset(names))


@dataclass(frozen=True)
class Notification:
    """One line of the notification list."""

    event_id: str
    at: str  # occurred_at of the event
    origin: str
    view: str  # the view that shows it
    entity: str
    text: str


def _region_name(code: Any) -> str:
    r = REGION_BY_CODE.get(str(code))
    return r.short if r else str(code)


def _bijstand(ev_type: str, payload: Mapping[str, Any], state: Mapping[str, Any],
              me: Us) -> str:
    title = state.get("title") or state.get("capability") or _("bijstand")
    ours = me.named(state.get("requesting_region")) or state.get("requesting_region") == me.region
    to_us = me.named(state.get("addressed_to"))
    offers = state.get("offers") or {}
    offer_list = offers.values() if isinstance(offers, Mapping) else offers
    we_offer = any(isinstance(o, Mapping) and me.named(o.get("provider")) for o in offer_list)
    frm = _region_name(state.get("requesting_region"))
    if ev_type == "bijstand.offer_made" and ours:
        return _("Aanbod op ons verzoek ‘{title}’: {n} van {provider}").format(
            title=title, n=payload.get("quantity"), provider=_region_name(payload.get("provider")))
    if ev_type == "bijstand.requested" and to_us:
        return _("{region} vraagt ons om bijstand: ‘{title}’").format(region=frm, title=title)
    if not (ours or to_us or we_offer):
        return ""
    if ev_type == "bijstand.status_changed":
        to = str(payload.get("to", ""))
        # Dutch: the stored value as words; another language: its label
        now = to.replace("_", " ") if current_language() == SOURCE else label(to).lower()
        return _("Bijstand ‘{title}’ ({region}) nu: {status}").format(
            title=title, region=frm, status=now)
    if ev_type == "bijstand.offer_withdrawn":
        return _("Aanbod ingetrokken op ‘{title}’ ({region})").format(title=title, region=frm)
    return _("Bijstand ‘{title}’ ({region}) gewijzigd").format(title=title, region=frm)


def _decision(ev_type: str, state: Mapping[str, Any], session_regions: Iterable[Any],
              me: Us) -> str:
    regions = state.get("regions") or session_regions
    if not me.in_regions(regions):
        return ""
    verb = _DECISION_VERBS.get(ev_type, N_("Besluit"))
    text = str(state.get("text") or "")
    return _("{what} dat onze regio noemt: ‘{text}’").format(what=_(verb), text=text[:80])


_DECISION_VERBS = {"decision.recorded": N_("Nieuw besluit"),
                   "decision.amended": N_("Besluit gewijzigd"),
                   "decision.revoked": N_("Besluit ingetrokken")}
_INCIDENT_NEWS = {"incident.reported": N_("Nieuw incident in onze regio"),
                  "incident.status_changed": N_("Status incident in onze regio"),
                  "incident.picture_updated": N_("Nieuw beeld van incident in onze regio"),
                  "incident.judgement_updated": N_("Nieuw oordeel over incident in onze regio")}


def concerns_us(ev: Mapping[str, Any], state: Mapping[str, Any] | None, me: Us,
                session_regions: Iterable[Any] = ()) -> Notification | None:
    """The notification for event ``ev`` (a dict with id, origin, type, entity, occurred_at,
    payload), given its entity's ``state`` after it; None when it does not concern ``me``.

    ``session_regions`` are the regions of a decision's session (a decision without regions
    of its own concerns the regions of its session)."""
    if ev.get("origin") == me.node:
        return None
    typ = str(ev.get("type", ""))
    kind = typ.split(".", 1)[0]
    payload: Mapping[str, Any] = ev.get("payload") or {}
    st: Mapping[str, Any] = state or {}
    text = ""
    if kind == "bijstand":
        text = _bijstand(typ, payload, st, me)
    elif kind == "decision" and typ in ("decision.recorded", "decision.amended",
                                        "decision.revoked"):
        text = _decision(typ, st, session_regions, me)
    elif typ in ("incident.reported", "incident.status_changed", "incident.picture_updated",
                 "incident.judgement_updated"):
        if me.in_regions(st.get("regions")):
            what = _(_INCIDENT_NEWS[typ])
            disc = payload.get("discipline")
            if typ == "incident.picture_updated" and disc and disc != "algemeen":
                # whose beeld: 'Nieuw beeld (GHOR) van …'
                what = _("Nieuw beeld ({discipline}) van incident in onze regio").format(
                    discipline=label(str(disc)))
            text = _("{what}: ‘{title}’").format(what=what, title=st.get("title", ""))
    elif typ == "journal.logged":
        if payload.get("key"):
            text = _("Kernbericht: {text}").format(text=str(payload.get("text", ""))[:100])
        elif me.named(payload.get("recipient")):
            text = _("Bericht aan ons van {sender}: {text}").format(
                sender=payload.get("sender") or ev.get("origin"),
                text=str(payload.get("text", ""))[:80])
    if not text:
        return None
    return Notification(str(ev.get("id", "")), str(ev.get("occurred_at", "")),
                        str(ev.get("origin", "")), VIEW_OF_KIND.get(kind, "overzicht"),
                        str(ev.get("entity", "")), text)


def unread_per_view(items: Iterable[Notification], read: set[str]) -> dict[str, int]:
    """Unread notifications per view (for the counts in the navigation)."""
    out: dict[str, int] = {}
    for n in items:
        if n.event_id not in read:
            out[n.view] = out.get(n.view, 0) + 1
    return out

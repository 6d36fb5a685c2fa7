"""A small store whose sitrep is known by heart: one incident per classification, an IRBT
decision with an overdue and an open action, bijstand with an offer, a missed noodsteunpunt,
a channel out with its fallback, and journal lines of every classification."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from data.store import Command, Store

NOW = datetime(2026, 11, 21, 14, 0, tzinfo=timezone.utc)
SECRET = "Locatie van de noodopvang Zuid nog niet naar buiten brengen"
INTERNAL_INCIDENT = "Brandstoftekort zorginstellingen"
SECRET_DECISION = "Reserve-aggregaten voorbehouden aan de ziekenhuizen"


def at(hours_ago: float) -> str:
    return (NOW - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _new(st: Store, cmd: Command) -> str:
    (eid,) = st.execute(cmd, "IM VNOG").entities
    return eid


def build(st: Store) -> dict[str, str]:
    """Lay the known picture down; returns the ids that tests name."""
    ids = {}
    ids["inc"] = _new(st, Command("incident.reported", {
        "title": "Stroomuitval Oost", "kind": "stroomuitval", "regions": ["VNOG", "VRIJ"],
        "beeld": "Oost zonder stroom; herstel niet voor morgen.", "classification": "openbaar",
        "t0": at(80)}, occurred_at=at(80)))
    st.execute(Command("incident.status_changed", {"to": "actief"}, entity=ids["inc"],
                       occurred_at=at(79)), "IM VNOG")
    _new(st, Command("incident.reported", {
        "title": INTERNAL_INCIDENT, "kind": "tekort", "regions": ["VRBZO"],
        "classification": "intern"}, occurred_at=at(5)))
    ids["session"] = _new(st, Command("irbt.session_opened", {
        "title": "IRBT Oost 3", "regions": ["VNOG", "VRIJ"], "classification": "openbaar"},
        occurred_at=at(6)))
    ids["dec"] = _new(st, Command("decision.recorded", {
        "session_id": ids["session"], "number": 7, "text": "Aggregaten eerst naar drinkwater",
        "regions": ["VNOG"], "classification": "openbaar"}, occurred_at=at(5.5)))
    _new(st, Command("decision.recorded", {
        "session_id": ids["session"], "number": 8, "text": SECRET_DECISION,
        "classification": "vertrouwelijk"}, occurred_at=at(5.4)))
    _new(st, Command("action.created", {
        "decision_id": ids["dec"], "text": "Lijst drinkwaterlocaties rondsturen",
        "owner": "AC Bevolkingszorg", "due": at(1), "classification": "openbaar"},
        occurred_at=at(5)))
    _new(st, Command("action.created", {
        "decision_id": ids["dec"], "text": "Brandstofroute plannen", "owner": "OvD Logistiek",
        "due": at(-3), "classification": "openbaar"}, occurred_at=at(5)))
    ids["bij"] = _new(st, Command("bijstand.requested", {
        "requesting_region": "VNOG", "addressed_to": "KCR2",
        "capability": "aggregaten_noodstroom", "quantity": 12, "unit": "aggregaten",
        "needed_by": at(2), "status": "ingediend", "classification": "openbaar"},
        occurred_at=at(8)))
    st.execute(Command("bijstand.offer_made", {
        "offer_id": "of-1", "provider": "VRU", "quantity": 5, "eta": at(-1)}, entity=ids["bij"],
        occurred_at=at(4)), "IM VRU")
    _new(st, Command("nsp.registered", {
        "name": "Sporthal De Kamp", "kind": "lokaal", "municipality": "Apeldoorn",
        "region": "VNOG", "status": "in_opbouw", "incident_id": ids["inc"],
        "classification": "openbaar"}, occurred_at=at(70)))
    st.execute(Command("comms.reported", {
        "region": "VNOG", "channel": "C2000", "state": "uitgevallen",
        "classification": "openbaar"}, occurred_at=at(3)), "IM VNOG")
    st.execute(Command("comms.reported", {
        "region": "VNOG", "channel": "satelliet", "state": "terugvaloptie_actief",
        "note": "satelliettelefoon ROT", "classification": "openbaar"}, occurred_at=at(3)),
        "IM VNOG")
    for text, cls, h in (("Stroom terug in Epe-Noord", "openbaar", 2),
                         ("Personeel ziekenhuis Apeldoorn uitgeput", "intern", 1.5),
                         (SECRET, "vertrouwelijk", 1)):
        st.execute(Command("journal.logged", {
            "channel": "NCV", "text": text, "key": True, "classification": cls},
            occurred_at=at(h)), "IM VNOG")
    st.execute(Command("journal.logged", {"channel": "NCV", "text": "Oud bericht", "key": True,
                                          "classification": "openbaar"},
                       occurred_at=at(40)), "IM VNOG")
    return ids

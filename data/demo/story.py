"""The demo's story: one winter crisis told once, in time order, by the roles that act.

A long power outage in Oost-5 (T0 is 62 hours before the demo's now, so the 72-hour target of
the noodsteunpunten is ten hours away and the points not yet operational show it), a C2000
outage that follows when the masts' batteries run out, high water on the Waal and the Nederrijn,
and a gas leak in Dordrecht that is over. Every line is written once; each step names the role
that takes it: the requesting region's OL or IM asks, the LOCC of KCR2 handles, the providing
region offers. Times are hours before the demo's now; :class:`Ref` names an entity made by an
earlier step.

Outside knowledge (not in the digest), kept to what a trainer would accept: which meldkamer
serves which region, and that Twente and Gelderland-Midden are the Oost-5 regions with a DARES
agreement (the digest's scenario A10 names them as illustration).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from data.domain.regions import GROUPINGS

OOST5 = sorted(GROUPINGS["Oost-5"])
#: the crisis start of the outage, in hours before now
T0_OUTAGE = 62.0


@dataclass(frozen=True)
class Ref:
    """The id of the entity an earlier step made under ``key``."""

    key: str


@dataclass(frozen=True)
class Step:
    """One thing that happened: ``hours`` before now, by ``author``."""

    hours: float
    author: str
    type: str
    payload: dict[str, Any]
    key: str = ""  # the name later steps use for the entity this step makes
    entity: Ref | str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _status(h: float, who: str, ref: str, to: str, reason: str = "",
            typ: str = "bijstand.status_changed") -> Step:
    p = {"to": to, **({"reason": reason} if reason else {})}
    return Step(h, who, typ, p, entity=Ref(ref))


def _log(h: float, who: str, channel: str, direction: str, sender: str, recipient: str,
         text: str, incident: str = "", key: bool = False) -> Step:
    p: dict[str, Any] = {"channel": channel, "direction": direction, "sender": sender,
                         "recipient": recipient, "text": text, "key": key}
    if incident:
        p["incident_id"] = Ref(incident)
    return Step(h, who, "journal.logged", p)


def _beeld(h: float, who: str, ref: str, text: str) -> Step:
    return Step(h, who, "incident.picture_updated", {"beeld": text}, entity=Ref(ref))


def _offer(h: float, who: str, ref: str, provider: str, qty: int, commander: str,
           eta_h: float, hours_self: int = 24) -> Step:
    return Step(h, who, "bijstand.offer_made", {
        "offer_id": f"{ref}-{provider}", "provider": provider, "quantity": qty,
        "commander": commander, "self_sufficient_hours": hours_self, "eta": eta_h},
        entity=Ref(ref))


def _offer_status(h: float, who: str, ref: str, provider: str, status: str) -> Step:
    return Step(h, who, "bijstand.offer_updated", {"offer_id": f"{ref}-{provider}",
                                                   "status": status}, entity=Ref(ref))


def _request(h: float, who: str, key: str, region: str, to: str, qty: int, unit: str,
             incident: str, needed_h: float, **fields: Any) -> Step:
    p: dict[str, Any] = {"requesting_region": region, "addressed_to": to, "quantity": qty,
                         "unit": unit, "incident_id": Ref(incident), "needed_by": needed_h,
                         "status": "ingediend", **fields}
    return Step(h, who, "bijstand.requested", p, key=key)


def _nsp(h: float, who: str, key: str, name: str, kind: str, host: str, town: str,
         region: str, power: str, comms: list[str], functions: list[str],
         not_offered: list[str]) -> Step:
    return Step(h, who, "nsp.registered", {
        "name": name, "kind": kind, "host_type": host, "municipality": town, "region": region,
        "status": "in_opbouw", "power": power, "comms": comms, "functions": functions,
        "not_offered": not_offered, "incident_id": Ref("su")}, key=key)


def _nsp_state(h: float, who: str, ref: str, status: str, **more: Any) -> Step:
    return Step(h, who, "nsp.updated", {"status": status, "last_contact": h, **more},
                entity=Ref(ref))


#: what a coördinatiepunt is for (coordination and the line to the meldkamer), and what a
#: local point offers while the mobile network is down: charging phones is of little use then
CP_DOES = ["coördinatie", "verbinding met meldkamer", "informatie"]
CP_NOT = ["drinkwater", "EHBO", "telefoon laden"]
LOCAL_DOES = ["informatie", "drinkwater", "warmte", "EHBO"]
LOCAL_NOT = ["telefoon laden (mobiel netwerk uit)", "medicijnen", "overnachting"]


def story(school_date: str) -> list[Step]:
    """The whole story; ``school_date`` is the last day the schools stay shut (a date)."""
    su, c2, hw, gl = "su", "c2", "hw", "gl"
    s: list[Step] = [
        # ---- the power outage, T0 = 62 h ago
        Step(T0_OUTAGE, "IM VNOG", "incident.reported", {
            "title": "Langdurige stroomuitval Oost-Nederland", "kind": "stroomuitval",
            "regions": OOST5, "location": "Gelderland en Overijssel, ca. 1,2 mln aansluitingen",
            "phase": "warm", "teams": ["ROT"], "t0": T0_OUTAGE,
            "beeld": "Storing in het hoogspanningsnet bij een knooppunt van TenneT; oorzaak en "
                     "duur onbekend. Verkeerslichten en liften uit, meldkamer op noodstroom."},
            key=su),
        _log(61.9, "IM VNOG", "telefoon", "in", "Netbeheerder (liaison)", "OL VNOG",
             "Storing in het hoogspanningsnet bevestigd; grote delen van Gelderland en "
             "Overijssel zonder stroom.", su, key=True),
        _status(61.8, "OL VNOG", su, "actief", typ="incident.status_changed"),
        Step(61.5, "IM VNOG", "incident.updated", {"teams": ["ROT", "RBT", "IRBT"]},
             entity=Ref(su)),
        _log(61.2, "IM VNOG", "telefoon", "uit", "OL VNOG", "Netbeheerder (liaison)",
             "Verzoek: liaison van de netbeheerder naar het ROT VNOG.", su),
        _log(60.5, "IM KCR2", "C2000", "in", "CaCo MKON", "IM KCR2",
             "Meerdere C2000-masten in Oost-5 draaien op accu; uitval verwacht binnen enkele "
             "uren.", su),
        Step(60.0, "AC Communicatie VNOG", "alert.issued", {
            "regions": OOST5, "area": "Gelderland en Overijssel",
            "text": "Grote stroomstoring in uw omgeving. De oorzaak wordt onderzocht.",
            "action_perspective": "Bel 112 alleen bij nood. Houd de radio aan voor informatie.",
            "sent_at": 60.0, "incident_id": Ref(su)}),
        _beeld(58.5, "IM VNOG", su,
               "Netbeheerder verwacht gefaseerd herstel, niet binnen 48 uur. Pinverkeer en "
               "mobiel netwerk verstoord; eerste zorginstellingen op aggregaat."),
        # ---- C2000 follows when the batteries run out
        Step(58.0, "CaCo MKON", "incident.reported", {
            "title": "C2000-storing Oost-Nederland", "kind": "verbindingsstoring",
            "regions": OOST5, "location": "Verzorgingsgebied Meldkamer Oost-Nederland",
            "phase": "warm", "teams": ["ROT"], "t0": 58.0,
            "beeld": "C2000-masten vallen uit nu hun accu's leeg raken. Terugvallen op NCV, "
                     "DARES waar afgesproken en koeriers; meldkamer werkt met de "
                     "terugvalprocedure."}, key=c2),
        _status(57.9, "CaCo MKON", c2, "actief", typ="incident.status_changed"),
        _log(57.8, "IM KCR2", "NCV", "uit", "IM KCR2", "IM VNOG",
             "Bestuurlijke lijn Oost-5 over NCV; testoproep geslaagd.", c2),
        _log(56.0, "IM VRT", "DARES", "in", "DARES-post Enschede", "IM VRT",
             "DARES-verbinding met het coördinatiepunt Enschede staat; berichten elk heel uur.",
             c2),
        # ---- the IRBT agrees; each voorzitter adopts for the own region
        Step(55.0, "IM KCR2", "irbt.session_opened", {
            "title": "IRBT Oost-5 stroomuitval", "regions": OOST5, "team": "IRBT",
            "chair": "Voorzitter VNOG", "medium": "NCV-video", "incident_id": Ref(su)},
            key="irbt"),
        _log(54.9, "IM KCR2", "NCV-video", "intern", "Secretaris IRBT", "Voorzitters Oost-5",
             "Eerste IRBT Oost-5 geopend via NCV-video; netbeheerder sluit aan.", su),
        Step(54.6, "IM KCR2", "decision.recorded", {
            "session_id": Ref("irbt"), "number": 1, "kind": "afspraak", "key": True,
            "text": "Prioritering aggregaten: beschikbare aggregaten eerst naar ziekenhuizen, "
                    "zorginstellingen en drinkwaterproductie.",
            "rationale": "Vitale processen gaan voor; elke voorzitter past dit toe in de eigen "
                         "regio.", "regions": OOST5, "incident_id": Ref(su)}, key="d1"),
        Step(54.5, "IM KCR2", "decision.recorded", {
            "session_id": Ref("irbt"), "number": 2, "kind": "afspraak",
            "text": "Eén publiekslijn voor heel Oost-5: noodsteunpunten zijn de plek voor "
                    "informatie en levensbehoeften.",
            "rationale": "Eenduidige boodschap over regiogrenzen heen.", "regions": OOST5},
            key="d2"),
        Step(54.4, "IM KCR2", "decision.recorded", {
            "session_id": Ref("irbt"), "number": 3, "kind": "afspraak",
            "text": f"Scholen in het getroffen gebied blijven gesloten tot en met {school_date}.",
            "rationale": "Geen verwarming en geen verbinding; de gemeenten voeren uit.",
            "regions": OOST5}, key="d3"),
        Step(54.3, "IM KCR2", "decision.recorded", {
            "session_id": Ref("irbt"), "number": 4, "kind": "afspraak",
            "text": "De regio's vragen transport van aggregaten als militaire bijstand aan bij "
                    "KCR2 (LOCC).",
            "rationale": "Eigen transportcapaciteit lijkt ontoereikend.", "regions": OOST5},
            key="d4"),
        Step(54.0, "IM KCR2", "action.created", {
            "decision_id": Ref("d1"), "text": "Lijst vitale afnemers per regio aanleveren aan "
            "KCR2", "owner": "IM VNOG", "due": 50.0}, key="a1"),
        Step(54.0, "IM KCR2", "action.created", {
            "decision_id": Ref("d1"), "text": "Brandstofbevoorrading aggregaten plannen tot "
            "T0+96 uur", "owner": "AC Logistiek VGGM", "due": 40.0}, key="a2"),
        Step(54.0, "IM KCR2", "action.created", {
            "decision_id": Ref("d2"), "text": "Kernboodschap voor noodsteunpunten verspreiden via "
            "koeriers", "owner": "AC Communicatie VNOG", "due": 48.0}, key="a3"),
        Step(54.0, "IM KCR2", "action.created", {
            "decision_id": Ref("d3"), "text": "Besluit scholen doorgeven aan de schoolbesturen",
            "owner": "AC Bevolkingszorg VNOG", "due": 50.0}, key="a4"),
        Step(54.0, "IM KCR2", "action.created", {
            "decision_id": Ref("d4"), "text": "Verzoek militair transport opstellen per regio",
            "owner": "OL VNOG", "due": 46.0}, key="a5"),
        Step(54.0, "IM KCR2", "action.created", {
            "decision_id": Ref("d4"), "text": "Aanrijroutes voor aggregaattransport vaststellen",
            "owner": "OL VGGM", "due": 44.0}, key="a6"),
        _status(53.5, "IM VNOG", "a1", "in_uitvoering", typ="action.status_changed"),
        _status(53.0, "AC Logistiek VGGM", "a2", "in_uitvoering", typ="action.status_changed"),
        _status(52.0, "AC Bevolkingszorg VNOG", "a4", "gereed", typ="action.status_changed"),
        _status(52.0, "OL VGGM", "a6", "in_uitvoering", typ="action.status_changed"),
        _status(51.0, "AC Communicatie VNOG", "a3", "in_uitvoering", typ="action.status_changed"),
        _status(49.5, "IM VNOG", "a1", "gereed", typ="action.status_changed"),
        _status(39.0, "AC Logistiek VGGM", "a2", "gereed", typ="action.status_changed"),
        _status(30.0, "OL VGGM", "a6", "gereed", typ="action.status_changed"),
        Step(53.0, "IM VNOG", "decision.adoption_reported",
             {"region": "VR06", "state": "in_uitvoering"}, entity=Ref("d1")),
        Step(52.8, "IM VRIJ", "decision.adoption_reported",
             {"region": "VR04", "state": "overgenomen"}, entity=Ref("d1")),
        Step(52.5, "IM VRT", "decision.adoption_reported",
             {"region": "VR05", "state": "uitgevoerd"}, entity=Ref("d1")),
        Step(52.4, "IM VGGM", "decision.adoption_reported",
             {"region": "VR07", "state": "overgenomen"}, entity=Ref("d2")),
        # ---- ROT VNOG keeps its own decision list
        Step(57.0, "IM VNOG", "irbt.session_opened", {
            "title": "ROT VNOG stroomuitval", "regions": ["VR06"], "team": "ROT",
            "chair": "Operationeel Leider VNOG", "medium": "fysiek", "incident_id": Ref(su)},
            key="rot"),
        Step(56.8, "IM VNOG", "decision.recorded", {
            "session_id": Ref("rot"), "number": 1, "kind": "besluit", "key": True,
            "text": "In elke gemeente van VNOG gaat ten minste één noodsteunpunt open.",
            "rationale": "Burgers kunnen 72 uur zelf; daarna moeten de punten volledig werken.",
            "regions": ["VR06"]}, key="r1"),
        # ---- bijstand, layer by layer
        _request(56.0, "OL VNOG", "b-agg6", "VR06", "KCR2", 12, "aggregaten", su, 50.0,
                 capability="aggregaten_noodstroom", priority="zeer_hoog",
                 meldplaats="Uitgangsstelling Apeldoorn-Noord",
                 competent_authority="Voorzitter VNOG", contact_function="LOCC-contact VNOG",
                 task="Noodstroom voor zorginstellingen en noodsteunpunten",
                 duration="72 uur", relief="Bedienaars na 12 uur afgelost door VNOG",
                 under_command_of="OvD Brandweer VNOG",
                 logistics="Eerste 24 uur brandstof meeleveren; daarna diesel door VNOG",
                 cost_agreement="Kosten volgens afspraak via KCR2"),
        _status(55.6, "LOCC KCR2", "b-agg6", "in_behandeling"),
        _offer(53.0, "OL VRU", "b-agg6", "VR09", 4, "Ploegleider aggregaten VRU", 49.0),
        _offer(52.6, "OL VRFL", "b-agg6", "VR25", 3, "Ploegleider aggregaten VRFL", 48.0),
        _status(52.5, "LOCC KCR2", "b-agg6", "deels_toegezegd",
                "7 van 12 toegezegd; landelijk geen aggregaten meer vrij"),
        _offer_status(51.0, "LOCC KCR2", "b-agg6", "VR09", "geaccepteerd"),
        _offer_status(50.0, "OL VRU", "b-agg6", "VR09", "gemobiliseerd"),
        _request(50.5, "OL VRIJ", "b-agg4", "VR04", "KCR2", 5, "aggregaten", su, 40.0,
                 capability="aggregaten_noodstroom", priority="hoog",
                 meldplaats="Kazerne Zwolle-Zuid", competent_authority="Voorzitter IJsselland",
                 contact_function="LOCC-contact VRIJ", task="Noodstroom voor gemalen",
                 duration="48 uur", under_command_of="OvD Brandweer VRIJ",
                 logistics="Zelfvoorzienend voor 24 uur"),
        _status(50.2, "LOCC KCR2", "b-agg4", "in_behandeling"),
        _offer(49.5, "OL VRNHN", "b-agg4", "VR10", 5, "Ploegleider aggregaten VRNHN", 45.0),
        _status(49.4, "LOCC KCR2", "b-agg4", "toegezegd"),
        _status(47.0, "LOCC KCR2", "b-agg4", "onderweg"),
        _offer_status(46.9, "OL VRNHN", "b-agg4", "VR10", "gemobiliseerd"),
        _status(44.5, "OL VRIJ", "b-agg4", "ingezet"),
        _offer_status(44.4, "OL VRIJ", "b-agg4", "VR10", "ingezet"),
        _request(48.0, "OL VGGM", "b-aflos7", "VR07", "KCR2", 6, "functionarissen", su, 30.0,
                 capability="aflossing_crisisfunctionarissen", priority="normaal",
                 competent_authority="Voorzitter VGGM", contact_function="IM VGGM",
                 task="Aflossing ROT-functionarissen in de tweede nacht", duration="2 diensten",
                 under_command_of="OL VGGM"),
        _status(47.6, "LOCC KCR2", "b-aflos7", "in_behandeling"),
        _offer(46.0, "OL VRH", "b-aflos7", "VR15", 3, "Teamleider aflossing VRH", 32.0),
        _offer(45.5, "OL VRR", "b-aflos7", "VR17", 3, "Teamleider aflossing VRR", 32.0),
        _status(45.4, "LOCC KCR2", "b-aflos7", "toegezegd"),
        _status(31.5, "LOCC KCR2", "b-aflos7", "onderweg"),
        _status(30.0, "OL VGGM", "b-aflos7", "ingezet"),
        _offer_status(30.0, "OL VGGM", "b-aflos7", "VR15", "ingezet"),
        _offer_status(30.0, "OL VGGM", "b-aflos7", "VR17", "ingezet"),
        # ---- the IRBT's transport request is overtaken: revoked, and its actions handled
        Step(42.0, "IM KCR2", "decision.amended", {
            "text": "Prioritering aggregaten: beschikbare aggregaten eerst naar ziekenhuizen, "
                    "zorginstellingen en drinkwaterproductie; daarna gemalen en "
                    "noodsteunpunten.",
            "rationale": "Vitale processen gaan voor; gemalen erbij vanwege hoogwater."},
            entity=Ref("d1")),
        Step(41.0, "IM KCR2", "decision.revoked", {
            "reason": "Transport van aggregaten geregeld met vervoerders in de eigen regio's; "
                      "militair transport niet meer nodig."}, entity=Ref("d4")),
        _status(40.8, "OL VNOG", "a5", "vervallen", "Afspraak 4 ingetrokken",
                typ="action.status_changed"),
        Step(40.7, "OL VGGM", "action.reattached", {
            "decision_id": Ref("d1"), "reason": "Routes blijven nodig voor de verdeling van "
            "aggregaten volgens afspraak 1"}, entity=Ref("a6")),
        # ---- noodsteunpunten of the outage, counted from its T0
        _nsp(59.0, "AC Bevolkingszorg VNOG", "n1", "Kazerne Apeldoorn-Noord", "coordinatiepunt",
             "kazerne", "Apeldoorn", "VR06", "aggregaat", ["NCV", "satelliet"], CP_DOES, CP_NOT),
        _nsp_state(56.5, "AC Bevolkingszorg VNOG", "n1", "operationeel"),
        _nsp(50.0, "AC Bevolkingszorg VNOG", "n2", "Dorpshuis Heerde", "lokaal", "dorpshuis",
             "Heerde", "VR06", "aggregaat", ["koerier"], LOCAL_DOES, LOCAL_NOT),
        _nsp_state(41.0, "AC Bevolkingszorg VNOG", "n2", "operationeel", fuel_hours=48),
        _nsp_state(15.0, "AC Bevolkingszorg VNOG", "n2", "vol"),
        _nsp(46.0, "AC Bevolkingszorg VNOG", "n3", "Sporthal De Bongerd", "lokaal", "sporthal",
             "Zutphen", "VR06", "geen", ["koerier"], ["informatie"],
             ["warmte (geen aggregaat)", "drinkwater", "telefoon laden (mobiel netwerk uit)"]),
        _nsp_state(20.0, "AC Bevolkingszorg VNOG", "n3", "beperkt"),
        _nsp(58.0, "AC Bevolkingszorg VRIJ", "n4", "Kazerne Zwolle-Zuid", "coordinatiepunt",
             "kazerne", "Zwolle", "VR04", "aggregaat", ["NCV"], CP_DOES, CP_NOT),
        _nsp_state(55.0, "AC Bevolkingszorg VRIJ", "n4", "operationeel"),
        _nsp(30.0, "AC Bevolkingszorg VRIJ", "n5", "Wijkcentrum Holtenbroek", "lokaal",
             "wijkcentrum", "Zwolle", "VR04", "aggregaat", ["koerier"], LOCAL_DOES, LOCAL_NOT),
        _nsp(57.5, "AC Bevolkingszorg VRT", "n6", "Kazerne Enschede-Noord", "coordinatiepunt",
             "kazerne", "Enschede", "VR05", "aggregaat", ["NCV", "DARES", "satelliet"], CP_DOES,
             CP_NOT),
        _nsp_state(55.5, "AC Bevolkingszorg VRT", "n6", "operationeel"),
        _nsp(44.0, "AC Bevolkingszorg VRT", "n7", "Moskee Hengelo-Noord", "lokaal", "moskee",
             "Hengelo", "VR05", "aggregaat", ["koerier", "DARES"], LOCAL_DOES, LOCAL_NOT),
        _nsp_state(36.0, "AC Bevolkingszorg VRT", "n7", "operationeel"),
        _nsp(57.0, "AC Bevolkingszorg VGGM", "n8", "Kazerne Arnhem-Zuid", "coordinatiepunt",
             "kazerne", "Arnhem", "VR07", "aggregaat", ["NCV", "DARES"], CP_DOES, CP_NOT),
        _nsp_state(54.0, "AC Bevolkingszorg VGGM", "n8", "operationeel"),
        Step(12.0, "AC Bevolkingszorg VGGM", "nsp.registered", {
            "name": "Kerk Ede-Centrum", "kind": "lokaal", "host_type": "kerk",
            "municipality": "Ede", "region": "VR07", "status": "gepland", "power": "geen",
            "comms": [], "functions": ["informatie"],
            "not_offered": ["warmte", "drinkwater", "telefoon laden (mobiel netwerk uit)"],
            "incident_id": Ref(su)}, key="n9"),
        _nsp(56.0, "AC Bevolkingszorg VRGZ", "n10", "Kazerne Nijmegen-Oost", "coordinatiepunt",
             "kazerne", "Nijmegen", "VR08", "aggregaat", ["NCV"], CP_DOES, CP_NOT),
        _nsp_state(53.0, "AC Bevolkingszorg VRGZ", "n10", "operationeel", fuel_hours=24),
        Step(39.0, "AC Bevolkingszorg VRGZ", "nsp.updated", {"fuel_hours": 10},
             entity=Ref("n10")),
        _nsp_state(8.0, "AC Bevolkingszorg VRGZ", "n10", "beperkt", fuel_hours=2),
        _nsp(40.0, "AC Bevolkingszorg VRGZ", "n11", "Sporthal Tiel-West", "lokaal", "sporthal",
             "Tiel", "VR08", "aggregaat", ["koerier"], LOCAL_DOES, LOCAL_NOT),
        _nsp_state(30.0, "AC Bevolkingszorg VRGZ", "n11", "operationeel"),
        # ---- traffic the rooms logged, each line once, after what it speaks of
        _log(50.0, "IM VRIJ", "NCV", "in", "Politie Oost-Nederland", "IM VRIJ",
             "Onrust bij een tankstation in Zwolle-Zuid; extra surveillance ingezet.", su),
        _log(49.0, "IM VNOG", "koerier", "in", "Dorpshuis Heerde", "IM VNOG",
             "Veel vragen over drinkwater en medicijnen; twee bewoners met thuisbeademing "
             "gemeld.", su, key=True),
        _log(47.5, "IM VNOG", "telefoon", "in", "Netbeheerder (liaison)", "IM VNOG",
             "Herstel van de eerste ring niet vóór morgenmiddag.", su),
        _log(46.0, "IM KCR2", "LCMS", "uit", "IM KCR2", "NCC",
             "Landelijk beeld stroomuitval Oost-5 gedeeld met het NCC.", su),
        _log(44.0, "IM VRT", "satelliet", "in", "Kazerne Enschede-Noord", "IM VRT",
             "Aggregaat coördinatiepunt draait; brandstof voor 18 uur.", su),
        _log(43.0, "OL KCR2", "mondeling", "intern", "OL KCR2", "IM KCR2",
             "Capaciteitsoverzicht aggregaten bijwerken na de toezeggingen.", su),
        _log(39.0, "AC Bevolkingszorg VRGZ", "koerier", "in", "Kazerne Nijmegen-Oost",
             "IM VRGZ", "Coördinatiepunt Nijmegen meldt brandstof voor 10 uur.", su),
        _log(11.5, "IM VGGM", "koerier", "uit", "AC Bevolkingszorg VGGM", "Kerk Ede-Centrum",
             "Opbouw noodsteunpunt: aggregaat nog niet beschikbaar, zie afspraak 1.", su),
        _log(9.0, "IM VRGZ", "DARES", "in", "DARES-post Nijmegen", "IM VRGZ",
             "Kazerne Nijmegen-Oost werkt beperkt: brandstof bijna op, wacht op levering.", su),
        _beeld(36.0, "IM KCR2", su,
               "Herstel gefaseerd gestart in de noordelijke ring; het zuiden van Gelderland "
               "blijft zonder stroom. Drinkwaterdruk daalt in delen van VNOG."),
        _beeld(14.0, "IM KCR2", su,
               "Zorginstellingen melden brandstofzorgen; aggregaten verdeeld volgens IRBT-"
               "afspraak 1. Twee noodsteunpunten halen het 72-uursdoel mogelijk niet."),
        _beeld(30.0, "CaCo MKON", c2,
               "C2000 deels hersteld rond Enschede; elders blijven NCV en koeriers nodig."),
        # ---- high water on the Waal and the Nederrijn
        Step(40.0, "IM VRGZ", "incident.reported", {
            "title": "Hoogwater Waal en Nederrijn", "kind": "hoogwater",
            "regions": ["VR07", "VR08"], "location": "Uiterwaarden Tiel–Nijmegen",
            "phase": "lauw", "teams": ["ROT"], "t0": 40.0,
            "beeld": "Hoge afvoer verwacht; waterschappen bewaken de dijken, nog geen "
                     "evacuatie."}, key=hw),
        _status(39.5, "OL VRGZ", hw, "actief", typ="incident.status_changed"),
        _log(31.0, "IM VRGZ", "e-mail", "in", "Waterschap Rivierenland", "IM VRGZ",
             "Waterstand Waal stijgt sneller dan verwacht.", hw),
        _beeld(30.0, "IM VRGZ", hw,
               "Waterstand stijgt sneller dan verwacht; dijkbewaking verscherpt, zandzakken "
               "gevraagd."),
        _request(29.0, "OL VRGZ", "b-zand8", "VR08", "KCR2", 20000, "zandzakken", hw, 18.0,
                 capability="zandzakken_transport", priority="hoog",
                 meldplaats="Dijkpost Tiel", competent_authority="Voorzitter VRGZ",
                 contact_function="LOCC-contact VRGZ",
                 task="Zandzakken vullen en naar de dijkposten brengen", duration="48 uur",
                 under_command_of="OvD Brandweer VRGZ",
                 logistics="Opslag en maaltijden bij de dijkpost"),
        _status(28.5, "LOCC KCR2", "b-zand8", "in_behandeling"),
        Step(28.0, "LOCC KCR2", "bijstand.requested", {
            "requesting_region": "VR08", "addressed_to": "JFC", "quantity": 20000,
            "unit": "zandzakken", "capability": "zandzakken_transport",
            "incident_id": Ref(hw), "needed_by": 18.0, "parent_id": Ref("b-zand8"),
            "status": "ingediend", "priority": "hoog", "meldplaats": "Dijkpost Tiel",
            "competent_authority": "Voorzitter VRGZ", "contact_function": "LOCC-coördinator",
            "task": "Militaire ondersteuning bij vullen en transport van zandzakken",
            "under_command_of": "OvD Brandweer VRGZ"}, key="b-zand8-jfc"),
        _log(27.5, "OL KCR2", "NCV", "uit", "LOCC KCR2", "OL VRGZ",
             "Deelverzoek zandzakken doorgezet naar Defensie (JFC); beschikbaarheid onzeker.",
             hw),
        _request(27.0, "OL VRGZ", "b-pomp8", "VR08", "KCR2", 4, "pompen", hw, 20.0,
                 capability="pompcapaciteit", priority="normaal",
                 competent_authority="Voorzitter VRGZ", contact_function="LOCC-contact VRGZ",
                 task="Kwelwater wegpompen achter de dijk bij Tiel"),
        _status(26.5, "LOCC KCR2", "b-pomp8", "in_behandeling"),
        _status(25.0, "LOCC KCR2", "b-pomp8", "afgewezen",
                "Geen pompcapaciteit vrij; het waterschap zet eigen pompen in"),
        _beeld(10.0, "IM VRGZ", hw, "Top verwacht over een etmaal; nog geen evacuatie nodig."),
        # ---- the gas leak in Dordrecht, over
        Step(28.0, "IM VRZHZ", "incident.reported", {
            "title": "Gaslek na aanrijding spoorzone Dordrecht", "kind": "gevaarlijke stoffen",
            "regions": ["VR18"], "location": "Dordrecht, spoorzone", "phase": "warm",
            "teams": ["CoPI"], "t0": 28.2,
            "beeld": "Gaslek na aanrijding; omgeving ontruimd in een straal van 200 meter."},
            key=gl),
        _status(27.8, "OL VRZHZ", gl, "actief", typ="incident.status_changed"),
        _request(27.5, "OL VRZHZ", "b-meet18", "VR18", "VR17", 1, "meetploeg", gl, 26.5,
                 capability="gaspakdragers_meetploeg", priority="zeer_hoog",
                 competent_authority="Burgemeester Dordrecht",
                 contact_function="OvD Brandweer VRZHZ", task="Metingen rond het lek",
                 duration="6 uur", under_command_of="OvD Brandweer VRZHZ"),
        _status(27.35, "OL VRR", "b-meet18", "in_behandeling"),
        _offer(27.3, "OL VRR", "b-meet18", "VR17", 1, "Ploegleider meetploeg VRR", 26.8, 6),
        _status(27.2, "OL VRR", "b-meet18", "toegezegd"),
        _status(27.1, "OL VRR", "b-meet18", "onderweg"),
        _status(26.6, "OL VRZHZ", "b-meet18", "ingezet"),
        _request(27.4, "OL VRZHZ", "b-usar18", "VR18", "KCR2", 1, "team", gl, 26.0,
                 capability="usar", priority="hoog", competent_authority="Burgemeester "
                 "Dordrecht", contact_function="OvD Brandweer VRZHZ"),
        _status(26.2, "OL VRZHZ", "b-usar18", "ingetrokken",
                "Geen ingesloten personen; USAR niet nodig"),
        _beeld(24.5, "IM VRZHZ", gl, "Lek gedicht; metingen schoon. Omgeving vrijgegeven."),
        _status(24.4, "OL VRZHZ", gl, "beheerst", typ="incident.status_changed"),
        _status(22.0, "OL VRZHZ", "b-meet18", "gedemobiliseerd"),
        _status(21.0, "OL VRZHZ", gl, "afgeschaald", "CoPI schaalt af",
                typ="incident.status_changed"),
        _status(6.0, "OL VRZHZ", "b-meet18", "geevalueerd", "Evaluatie met VRR gehouden"),
    ]
    from data.demo.bob_story import bob_steps  # (it builds on the Step of this module)

    return _placed(s) + _contacts(s) + standing_reports() + bob_steps()


def _pt(lat: float, lon: float) -> dict[str, float]:
    return {"lat": lat, "lon": lon}


#: where the story happens (real places, in the right regions): step key -> fields to add to
#: the step that creates it
PLACES: dict[str, dict[str, Any]] = {
    # the outage: the knooppunt near Apeldoorn, the area without power across Oost-5
    "su": {"point": _pt(52.2112, 5.9699), "effect_polygon": [
        [52.72, 5.85], [52.62, 6.70], [52.30, 7.00], [51.95, 6.75], [51.82, 6.05],
        [51.90, 5.55], [52.25, 5.70]]},
    "c2": {"point": _pt(52.2186, 5.9530), "effect_radius_m": 35000},  # meldkamer Apeldoorn
    "hw": {"point": _pt(51.8870, 5.4290), "effect_polygon": [
        [51.905, 5.38], [51.895, 5.62], [51.875, 5.85], [51.855, 5.85], [51.872, 5.60],
        [51.880, 5.38]]},
    "gl": {"point": _pt(51.8073, 4.6680), "effect_radius_m": 200},   # spoorzone Dordrecht
    "n1": {"point": _pt(52.2380, 5.9580)}, "n2": {"point": _pt(52.3870, 6.0420)},
    "n3": {"point": _pt(52.1330, 6.2100)}, "n4": {"point": _pt(52.4930, 6.1070)},
    "n5": {"point": _pt(52.5250, 6.0930)}, "n6": {"point": _pt(52.2380, 6.8800)},
    "n7": {"point": _pt(52.2750, 6.7900)}, "n8": {"point": _pt(51.9600, 5.8900)},
    "n9": {"point": _pt(52.0420, 5.6650)}, "n10": {"point": _pt(51.8450, 5.8850)},
    "n11": {"point": _pt(51.8870, 5.4050)},
    "b-agg6": {"meldplaats_point": _pt(52.2500, 5.9450)},
    "b-agg4": {"meldplaats_point": _pt(52.4915, 6.1120)},
    "b-zand8": {"meldplaats_point": _pt(51.8950, 5.4350)},
    "b-zand8-jfc": {"meldplaats_point": _pt(51.8950, 5.4350)},
}


def _placed(steps: list[Step]) -> list[Step]:
    """The creating steps with their coordinates (:data:`PLACES`) added."""
    return [replace(st, payload={**st.payload, **PLACES[st.key]}) if st.key in PLACES else st
            for st in steps]


def _contacts(steps: list[Step]) -> list[Step]:
    """Every point reports in every four hours from its registration on (a courier, DARES or
    NCV round), which is what *laatste contact* shows."""
    out = []
    for st in steps:
        if st.type == "nsp.registered" and st.payload.get("status") != "gepland":
            who = st.author
            h = st.hours - 4.0
            while h > 0.5:
                out.append(Step(h, who, "nsp.updated", {"last_contact": h}, entity=Ref(st.key)))
                h -= 4.0
    return out


#: what the mobile network, C2000 and the fixed line did in Oost-5 (hours ago, state)
_OOST5_COMMS = {
    "C2000": [(60.0, "verstoord"), (57.5, "uitgevallen")],
    "mobiel": [(60.0, "verstoord"), (52.0, "uitgevallen")],
    "telefoon": [(59.0, "verstoord")],
    "internet": [(59.0, "verstoord")],
    "NL-Alert": [(52.0, "verstoord")],
    "NCV": [(61.0, "operationeel")],
    "112": [(59.5, "verstoord")],
}
#: the Oost-5 regions with a DARES agreement (illustration, outside knowledge)
DARES_REGIONS = ("VR05", "VR07")


def standing_reports() -> list[Step]:
    """Channels per region, scarce means, vital partners, and the centres' own state."""
    from data.domain.regions import REGIONS

    out: list[Step] = []
    for r in REGIONS:
        if r.code in OOST5:
            who = f"IM {r.short}"
            for chan, steps in _OOST5_COMMS.items():
                for h, state in steps:
                    out.append(Step(h, who, "comms.reported",
                                    {"region": r.code, "channel": chan, "state": state}))
            dares = "terugvaloptie_actief" if r.code in DARES_REGIONS else "geen_voorziening"
            out.append(Step(57.0, who, "comms.reported",
                            {"region": r.code, "channel": "DARES", "state": dares}))
        else:
            for chan in ("C2000", "112", "NCV", "mobiel", "telefoon", "internet", "NL-Alert"):
                out.append(Step(61.0, f"IM {r.short}", "comms.reported",
                                {"region": r.code, "channel": chan, "state": "operationeel"}))
    out += [
        Step(52.0, "OL KCR2", "capacity.reported", {
            "means": "aggregaten_noodstroom", "asked": 12, "offered": 7, "available": 0,
            "unit": "aggregaten",
            "priority_note": "Prioritering volgens IRBT-afspraak 1: ziekenhuizen, zorg, "
                             "drinkwater"}),
        Step(49.0, "OL KCR2", "capacity.reported", {
            "means": "aggregaten_noodstroom", "asked": 17, "offered": 12, "available": 0,
            "unit": "aggregaten",
            "priority_note": "Prioritering volgens IRBT-afspraak 1: ziekenhuizen, zorg, "
                             "drinkwater"}),
        Step(40.0, "OL KCR2", "capacity.reported", {
            "means": "brandstof", "asked": 60000, "offered": 35000, "available": 0,
            "unit": "liter diesel", "priority_note": "Eerst aggregaten van zorg en "
                                                     "coördinatiepunten"}),
        Step(25.0, "OL KCR2", "capacity.reported", {
            "means": "pompcapaciteit", "asked": 4, "offered": 0, "available": 0,
            "unit": "pompen", "priority_note": "Waterschap zet eigen pompen in"}),
        Step(47.0, "IM VNOG", "partner.reported", {
            "partner": "Netbeheerder Oost", "sector": "elektriciteit", "region": "VR06",
            "state": "uitgevallen", "restore_estimate": 4.0, "estimate_quality": "schatting",
            "note": "Gefaseerd herstel, noordelijke ring eerst"}),
        Step(46.0, "IM VRGZ", "partner.reported", {
            "partner": "Netbeheerder Oost", "sector": "elektriciteit", "region": "VR08",
            "state": "uitgevallen", "restore_estimate": -12.0,
            "estimate_quality": "onbevestigd"}),
        Step(35.0, "IM VNOG", "partner.reported", {
            "partner": "Drinkwaterbedrijf Oost", "sector": "drinkwater", "region": "VR06",
            "state": "verstoord", "note": "Druk laag in hoger gelegen wijken; noodwater via "
                                          "de noodsteunpunten"}),
        Step(33.0, "IM VNOG", "partner.reported", {
            "partner": "Zorginstellingen Apeldoorn", "sector": "zorg", "region": "VR06",
            "state": "verstoord", "note": "Op aggregaat; brandstof voor 18 uur"}),
        Step(45.0, "AC Communicatie VNOG", "alert.issued", {
            "regions": OOST5, "area": "Gelderland en Overijssel",
            "text": "De stroomstoring duurt nog minstens een dag. Noodsteunpunten zijn open.",
            "action_perspective": "Ga voor informatie, water en warmte naar het noodsteunpunt "
                                  "bij u in de buurt.", "sent_at": 45.0,
            "incident_id": Ref("su")}),
    ]
    # the centres themselves: teams active (opschaling) and continuity
    out += [
        Step(61.0, "IM VNOG", "centre.reported", {
            "centre": "VR06", "teams": ["ROT", "RBT"], "location": "eigen_locatie",
            "fallback_location": "Zwolle (IJsselland), ook zonder net", "power": "aggregaat",
            "fuel_hours": 48, "incident_id": Ref("su")}),
        Step(20.0, "IM VNOG", "centre.reported", {"centre": "VR06", "fuel_hours": 30}),
        Step(60.0, "IM VRIJ", "centre.reported", {
            "centre": "VR04", "teams": ["ROT", "GBT"], "location": "eigen_locatie",
            "power": "aggregaat", "fuel_hours": 40, "incident_id": Ref("su")}),
        Step(24.0, "IM VRIJ", "centre.reported", {"centre": "VR04", "fuel_hours": 48}),
        Step(59.0, "IM VRT", "centre.reported", {
            "centre": "VR05", "teams": ["ROT"], "location": "eigen_locatie",
            "power": "aggregaat", "fuel_hours": 72, "incident_id": Ref("su")}),
        Step(59.0, "IM VGGM", "centre.reported", {
            "centre": "VR07", "teams": ["ROT", "RBT"], "location": "eigen_locatie",
            "power": "aggregaat", "fuel_hours": 72, "incident_id": Ref("su")}),
        Step(58.0, "IM VRGZ", "centre.reported", {
            "centre": "VR08", "teams": ["ROT"], "location": "uitwijklocatie",
            "fallback_location": "Uitwijklocatie Nijmegen-West", "power": "aggregaat",
            "fuel_hours": 36, "incident_id": Ref("su")}),
        Step(22.0, "IM VRGZ", "centre.reported", {"centre": "VR08", "fuel_hours": 30,
                                                  "note": "Levering diesel onzeker"}),
        Step(27.5, "IM VRZHZ", "centre.reported", {
            "centre": "VR18", "teams": ["CoPI"], "location": "eigen_locatie", "power": "net",
            "incident_id": Ref("gl")}),
        Step(21.0, "IM VRZHZ", "centre.reported", {"centre": "VR18", "teams": []}),
        Step(55.0, "IM KCR2", "centre.reported", {
            "centre": "KCR2", "teams": ["IRBT", "nationaal"], "location": "eigen_locatie",
            "power": "net"}),
    ]
    return out

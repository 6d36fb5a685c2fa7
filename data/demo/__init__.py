"""A coherent demo picture: an autumn crisis in which a long power outage in Oost-5 and a C2000
outage coincide with wildfires and high water elsewhere.

Everything is made through the store's command API, so the demo exercises the same doors a user
does. On an empty store it lays down the picture; on a store that already holds one it continues
it (advances requests and actions, updates pictures, logs new traffic). ``extra_events`` scales
it up with realistic traffic for benchmarks.

All persons are roles, not names.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from data.bulk import gc_paused
from data.domain.enums import CAPABILITIES
from data.domain.lifecycles import next_states
from data.domain.regions import GROUPINGS, REGIONS
from data.store import Command, Store
from data.store.envelope import uuid7

OOST5 = list(GROUPINGS["Oost-5"])
AUTHORS = ("OL KCR2", "IM KCR2", "IM VNOG", "OL VNOG", "CaCo MKON", "IM VGGM", "IM VRGZ",
           "AC Bevolkingszorg", "IM Drenthe", "IM VRBZO")

INCIDENTS: list[dict[str, Any]] = [
    {"title": "Langdurige stroomuitval Oost-Nederland", "kind": "stroomuitval",
     "regions": OOST5, "location": "Gelderland en Overijssel, ca. 1,2 mln aansluitingen",
     "phase": "warm", "teams": ["ROT", "RBT", "IRBT", "nationaal"], "hours_ago": 30,
     "status": ["actief"],
     "beeld": "Hoogspanningsstoring bij een knooppunt van TenneT; netbeheerders verwachten "
              "gefaseerd herstel niet binnen 48 uur. Pinverkeer en mobiel netwerk verstoord."},
    {"title": "C2000-storing Oost-Nederland", "kind": "verbindingsstoring",
     "regions": OOST5 + ["VR09"], "location": "Meldkamer Oost-Nederland en omgeving",
     "phase": "warm", "teams": ["ROT", "nationaal"], "hours_ago": 26, "status": ["actief"],
     "beeld": "Masten vallen uit nu hun accu's leeg raken. Terugvallen op NCV, DARES en "
              "koeriers; meldkamer werkt met noodprocedure."},
    {"title": "Natuurbrand Veluwe bij Epe", "kind": "natuurbrand", "regions": ["VR06"],
     "location": "Epe, Tongerense Heide", "phase": "warm", "teams": ["CoPI", "ROT"],
     "hours_ago": 9, "status": ["actief"],
     "beeld": "Snel uitbreidende heidebrand, windkracht 5 uit het oosten; twee vakantieparken "
              "bedreigd."},
    {"title": "Natuurbrand Drents-Friese Wold", "kind": "natuurbrand", "regions": ["VR03"],
     "location": "Appelscha", "phase": "warm", "teams": ["CoPI"], "hours_ago": 8,
     "status": ["actief", "beheerst"],
     "beeld": "Brand ingesloten; nablussen en bewaken, eenheden komen vrij voor VNOG."},
    {"title": "Natuurbrand Strabrechtse Heide", "kind": "natuurbrand", "regions": ["VR22"],
     "location": "Heeze-Leende", "phase": "warm", "teams": ["CoPI", "ROT"], "hours_ago": 7,
     "status": ["actief"], "beeld": "Brand in de Peel; Handcrew Zuid-Nederland lokaal nodig."},
    {"title": "Hoogwater Waal en Nederrijn", "kind": "hoogwater", "regions": ["VR07", "VR08"],
     "location": "Uiterwaarden Tiel–Nijmegen", "phase": "lauw", "teams": ["ROT"],
     "hours_ago": 20, "status": [],
     "beeld": "Hoge afvoer verwacht; waterschappen bewaken dijken, nog geen evacuatie."},
    {"title": "Gaslek na aanrijding spoorzone Dordrecht", "kind": "gevaarlijke stoffen",
     "regions": ["VR18"], "location": "Dordrecht, spoorzone", "phase": "nafase",
     "teams": ["CoPI"], "hours_ago": 28, "status": ["actief", "beheerst", "afgeschaald"],
     "beeld": "Lek gedicht; omgeving vrijgegeven."},
]

#: (capability, requesting region, addressed to, qty, unit, final status, offers)
BIJSTAND: list[tuple[str, str, str, int, str, str, list[tuple[str, int]]]] = [
    ("aggregaten_noodstroom", "VR06", "KCR2", 12, "aggregaten", "deels_toegezegd",
     [("VR09", 4), ("VR25", 3)]),
    ("handcrew_natuurbrand", "VR06", "KCR2", 2, "teams", "onderweg", [("VR04", 1), ("VR05", 1)]),
    ("specialistisch_natuurbrandteam", "VR06", "KCR2", 1, "team", "in_behandeling", []),
    ("helikopter_waterbak", "VR06", "JFC", 2, "helikopters", "ingediend", []),
    ("brandweercompagnie", "VR22", "KCR2", 1, "compagnie", "ingezet", [("VR20", 1)]),
    ("aflossing_crisisfunctionarissen", "VR07", "KCR2", 6, "functionarissen", "toegezegd",
     [("VR15", 3), ("VR17", 3)]),
    ("zandzakken_transport", "VR08", "JFC", 20000, "zandzakken", "concept", []),
    ("pompcapaciteit", "VR08", "KCR2", 4, "pompen", "afgewezen", []),
    ("gaspakdragers_meetploeg", "VR18", "VR17", 1, "meetploeg", "beeindigd", [("VR17", 1)]),
    ("usar", "VR18", "KCR2", 1, "team", "ingetrokken", []),
    ("aggregaten_noodstroom", "VR04", "KCR2", 5, "aggregaten", "toegezegd", [("VR10", 5)]),
]

PATHS: dict[str, list[str]] = {
    "concept": [], "ingediend": ["ingediend"],
    "in_behandeling": ["ingediend", "in_behandeling"],
    "deels_toegezegd": ["ingediend", "in_behandeling", "deels_toegezegd"],
    "toegezegd": ["ingediend", "in_behandeling", "toegezegd"],
    "onderweg": ["ingediend", "in_behandeling", "toegezegd", "onderweg"],
    "ingezet": ["ingediend", "in_behandeling", "toegezegd", "onderweg", "ingezet"],
    "beeindigd": ["ingediend", "in_behandeling", "toegezegd", "onderweg", "ingezet", "beeindigd"],
    "afgewezen": ["ingediend", "in_behandeling", "afgewezen"],
    "ingetrokken": ["ingediend", "ingetrokken"],
}

DECISIONS = [
    ("Verdringingsreeks: beschikbare aggregaten eerst naar ziekenhuizen, zorginstellingen en "
     "drinkwaterproductie.", "Vitale processen gaan voor; afgestemd met netbeheerders."),
    ("Eén publiekslijn voor heel Oost-5: noodsteunpunten zijn de plek voor informatie en "
     "levensbehoeften.", "Eenduidige boodschap over regiogrenzen heen."),
    ("Scholen in het getroffen gebied blijven morgen gesloten.", "Geen verwarming en "
     "communicatie; afgestemd met de gemeenten."),
    ("Aanvraag militaire bijstand voor transport van aggregaten via KCR2 en JFC.",
     "Eigen transportcapaciteit ontoereikend."),
]

ACTIONS = [
    (0, "Lijst vitale afnemers per regio aanleveren aan KCR2", "IM VNOG", 2),
    (0, "Brandstofbevoorrading aggregaten plannen voor 72 uur", "AC Logistiek VGGM", 6),
    (1, "Kernboodschap voor noodsteunpunten verspreiden via koeriers", "AC Communicatie", -1),
    (1, "NL-Alert tekst afstemmen met buurregio's", "IM KCR2", 1),
    (2, "Besluit scholen communiceren naar schoolbesturen", "AC Bevolkingszorg", -2),
    (3, "Verzoek militaire bijstand opstellen", "OL KCR2", 3),
]

NSPS = [
    ("Kazerne Apeldoorn-Noord", "coordinatiepunt", "kazerne", "Apeldoorn", "VR06", "operationeel",
     "aggregaat", ["NCV", "DARES", "satelliet"], 26),
    ("Dorpshuis Heerde", "lokaal", "dorpshuis", "Heerde", "VR06", "operationeel", "aggregaat",
     ["koerier"], 20),
    ("Sporthal De Bongerd", "lokaal", "sporthal", "Zutphen", "VR06", "beperkt", "geen",
     ["koerier"], 14),
    ("Kazerne Zwolle-Zuid", "coordinatiepunt", "kazerne", "Zwolle", "VR04", "operationeel",
     "aggregaat", ["NCV", "DARES"], 25),
    ("Wijkcentrum Holtenbroek", "lokaal", "wijkcentrum", "Zwolle", "VR04", "in_opbouw", "net",
     ["koerier"], 6),
    ("Kazerne Enschede-Noord", "coordinatiepunt", "kazerne", "Enschede", "VR05", "operationeel",
     "aggregaat", ["NCV", "satelliet"], 24),
    ("Moskee Hengelo-Noord", "lokaal", "moskee", "Hengelo", "VR05", "operationeel", "aggregaat",
     ["koerier", "DARES"], 18),
    ("Kazerne Arnhem-Zuid", "coordinatiepunt", "kazerne", "Arnhem", "VR07", "operationeel",
     "aggregaat", ["NCV"], 27),
    ("Kerk Ede-Centrum", "lokaal", "kerk", "Ede", "VR07", "gepland", "geen", [], 0),
    ("Kazerne Nijmegen-Oost", "coordinatiepunt", "kazerne", "Nijmegen", "VR08", "beperkt",
     "aggregaat", ["NCV", "DARES"], 22),
    ("Sporthal Tiel-West", "lokaal", "sporthal", "Tiel", "VR08", "operationeel", "aggregaat",
     ["koerier"], 12),
]

JOURNAL_LINES = [
    ("C2000", "in", "CaCo MKON", "KCR2", "Meerdere C2000-masten in Oost-5 op accu; uitval verwacht "
     "binnen het uur."),
    ("NCV", "uit", "KCR2", "VNOG", "Overgaan op NCV voor bestuurlijke lijn; test geslaagd."),
    ("DARES", "in", "DARES-post Apeldoorn", "VNOG", "Verbinding met coördinatiepunt Apeldoorn "
     "staat; berichten elk heel uur."),
    ("satelliet", "in", "Coördinatiepunt Enschede", "VRT", "Aggregaat draait, brandstof voor 18 "
     "uur."),
    ("koerier", "in", "Dorpshuis Heerde", "VNOG", "Veel vragen over drinkwater en medicijnen; "
     "twee bewoners met thuisbeademing gemeld."),
    ("NCV-video", "intern", "IRBT", "Voorzitters Oost-5", "IRBT gestart via NCV-video."),
    ("telefoon", "in", "Netbeheerder", "KCR2", "Herstel eerste ring niet voor morgenmiddag."),
    ("mobiel", "in", "Politie Oost-Nederland", "VRIJ", "Onrust bij tankstation Zwolle-Zuid; extra "
     "surveillance ingezet."),
    ("LCMS", "uit", "KCR2", "NCC", "Landelijk beeld gedeeld; volgende update 16:00."),
    ("e-mail", "in", "Waterschap Rivierenland", "VRGZ", "Waterstand Waal stijgt sneller dan "
     "verwacht."),
    ("mondeling", "intern", "OL KCR2", "IM KCR2", "Capaciteitsoverzicht aggregaten bijwerken."),
    ("koerier", "uit", "VGGM", "Kerk Ede-Centrum", "Opbouw noodsteunpunt: aggregaat onderweg."),
    ("DARES", "in", "DARES-post Nijmegen", "VRGZ", "Coördinatiepunt Nijmegen meldt beperkte "
     "brandstof."),
    ("C2000", "in", "Meldkamer Oost-Brabant", "VRBZO", "Handcrew Zuid-Nederland blijft in de "
     "Peel ingezet."),
]

PICTURE_UPDATES = [
    "Herstel gefaseerd gestart in de noordelijke ring; zuiden blijft zonder stroom.",
    "Drinkwaterdruk daalt in delen van het gebied; noodwatervoorziening wordt opgezet.",
    "Zorginstellingen melden brandstofzorgen; prioriteit volgens de verdringingsreeks.",
    "Brand breidt uit naar het westen; extra compagnie gevraagd.",
    "Situatie stabiel; volgende update over twee uur.",
]

CHANNELS_MATRIX = ("C2000", "NCV", "DARES", "telefoon", "mobiel", "satelliet")


class Demo:
    """Builds or continues the demo picture on one store."""

    def __init__(self, store: Store, seed: int = 1, now: datetime | None = None) -> None:
        if not store.world.startswith("OEF-"):
            raise ValueError(f"demogegevens komen nooit in {store.world}: gebruik een "
                             "oefenwereld (OEF-…)")
        self.store = store
        self.rnd = random.Random(f"{seed}:{store.node_id}:{store.event_count()}")
        self.now = now or datetime.now(timezone.utc)

    def author(self) -> str:
        return self.rnd.choice(AUTHORS)

    def at(self, hours_ago: float) -> str:
        return (self.now - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def run(self, extra_events: int = 0, progress: Callable[[int], None] | None = None) -> int:
        """Lay down or continue the picture, then add ``extra_events`` of traffic."""
        start = self.store.event_count()
        if not self.store.rows("incident"):
            self.build()
        else:
            self.continue_picture()
        if extra_events:
            self.traffic(extra_events, progress)
        return self.store.event_count() - start

    def _do(self, cmd: Command, author: str | None = None) -> str:
        ch = self.store.execute(cmd, author or self.author())
        return next(iter(ch.entities)) if ch.entities else cmd.entity

    # ------------------------------------------------------------------ base picture

    def build(self) -> None:
        st = self.store
        with st.transaction():
            incident_ids = []
            for inc in INCIDENTS:
                h = inc["hours_ago"]
                payload = {k: inc[k] for k in ("title", "kind", "regions", "location", "phase",
                                               "teams", "beeld")}
                iid = self._do(Command("incident.reported", payload, occurred_at=self.at(h)))
                incident_ids.append(iid)
                for i, to in enumerate(inc["status"]):
                    self._do(Command("incident.status_changed", {"to": to}, entity=iid,
                                     occurred_at=self.at(h - 0.3 - i * 2.5)))
                for j in range(2 if h > 10 else 1):
                    self._do(Command("incident.picture_updated",
                                     {"beeld": self.rnd.choice(PICTURE_UPDATES)}, entity=iid,
                                     occurred_at=self.at(h * (0.6 - j * 0.3))))
            for n, (cap, reg, to, qty, unit, final, offers) in enumerate(BIJSTAND):
                h = 24 - n * 1.7
                inc_for = {"VR06": 2, "VR22": 4, "VR07": 0, "VR08": 5, "VR18": 6, "VR04": 0}
                bid = self._do(Command("bijstand.requested", {
                    "requesting_region": reg, "addressed_to": to, "capability": cap,
                    "quantity": qty, "unit": unit, "priority": self.rnd.choice(
                        ["zeer_hoog", "hoog", "normaal"]),
                    "meldplaats": f"Uitgangsstelling {self.rnd.choice(['Noord', 'Zuid', 'Oost'])}",
                    "needed_by": self.at(h - 4), "incident_id": incident_ids[inc_for[reg]],
                }, occurred_at=self.at(h)))
                step = 0.0
                for to_state in PATHS[final]:
                    step += 0.7
                    if to_state in ("deels_toegezegd", "toegezegd", "beeindigd"):
                        for prov, q in offers:
                            self._do(Command("bijstand.offer_made", {
                                "offer_id": f"{bid}-{prov}", "provider": prov, "quantity": q,
                                "eta": self.at(h - step - 2)}, entity=bid,
                                occurred_at=self.at(h - step)))
                            offers = [] if to_state != "beeindigd" else offers
                    self._do(Command("bijstand.status_changed", {"to": to_state}, entity=bid,
                                     occurred_at=self.at(h - step)))
            sid = self._do(Command("irbt.session_opened", {
                "title": "IRBT Oost-5 stroomuitval", "regions": OOST5,
                "chair": "Voorzitter VNOG", "medium": "NCV-video",
                "incident_id": incident_ids[0]}, occurred_at=self.at(20)))
            dec_ids = []
            for i, (text, why) in enumerate(DECISIONS):
                did = self._do(Command("decision.recorded", {
                    "session_id": sid, "number": i + 1, "text": text, "rationale": why,
                    "regions": OOST5}, occurred_at=self.at(19.5 - i * 0.2)))
                dec_ids.append(did)
            self._do(Command("decision.amended", {
                "text": DECISIONS[0][0] + " Daarna gemalen en noodsteunpunten.",
                "rationale": DECISIONS[0][1]}, entity=dec_ids[0], occurred_at=self.at(12)))
            self._do(Command("decision.revoked", {"reason": "JFC meldt transportcapaciteit "
                                                  "beschikbaar via KCR2-pool; verzoek vervalt."},
                             entity=dec_ids[3], occurred_at=self.at(10)))
            for di, text, owner, due_h in ACTIONS:
                aid = self._do(Command("action.created", {
                    "decision_id": dec_ids[di], "text": text, "owner": owner,
                    "due": self.at(-due_h)}, occurred_at=self.at(19)))
                if due_h < 0:
                    continue
                if due_h >= 6:
                    self._do(Command("action.status_changed", {"to": "gereed"}, entity=aid,
                                     occurred_at=self.at(8)))
                elif due_h >= 2:
                    self._do(Command("action.status_changed", {"to": "in_uitvoering"},
                                     entity=aid, occurred_at=self.at(9)))
            for r in REGIONS:
                for ch in CHANNELS_MATRIX:
                    state = "operationeel"
                    if r.code in OOST5:
                        state = {"C2000": "uitgevallen", "mobiel": "uitgevallen",
                                 "telefoon": "verstoord"}.get(ch, "operationeel")
                    elif r.code == "VR09" and ch == "C2000":
                        state = "verstoord"
                    elif ch == "DARES" and r.code not in ("VR04", "VR05", "VR06", "VR07",
                                                         "VR08", "VR03"):
                        state = "onbekend"
                    self._do(Command("comms.reported", {"region": r.code, "channel": ch,
                                                        "state": state},
                                     occurred_at=self.at(self.rnd.uniform(1, 25))))
            for name, kind, host, mun, reg, status, power, comms, opened_h in NSPS:
                nsp: dict[str, Any] = {
                    "name": name, "kind": kind, "host_type": host, "municipality": mun,
                    "region": reg, "status": status, "power": power, "comms": comms,
                    "functions": ["informatie", "EHBO", "drinkwater", "telefoon laden"]
                    [: 2 + len(comms)]}
                if opened_h:
                    nsp["opened_at"] = self.at(opened_h)
                    nsp["last_contact"] = self.at(self.rnd.uniform(0.2, 3))
                self._do(Command("nsp.registered", nsp, occurred_at=self.at(opened_h or 4)))
            for i, (ch, d, frm, to, text) in enumerate(JOURNAL_LINES * 3):
                line: dict[str, Any] = {"channel": ch, "direction": d, "sender": frm,
                                        "recipient": to, "text": text, "key": i % 7 == 0}
                if "Oost" in text or i % 3 == 0:
                    line["incident_id"] = incident_ids[0]
                self._do(Command("journal.logged", line,
                                 occurred_at=self.at(24 - i * 0.55)))

    # ------------------------------------------------------------------ continuation

    def continue_picture(self) -> None:
        """Move the existing picture on: one step for open requests, picture updates, actions,
        connectivity and support-point contacts, and new journal traffic."""
        st = self.store
        with st.transaction():
            for b in st.entities("bijstand"):
                if self.rnd.random() < 0.5:
                    continue
                nxt = [s for s in next_states("bijstand", b["status"])
                       if s not in ("afgewezen", "ingetrokken")]
                if not nxt:
                    continue
                to = nxt[0]
                if to in ("deels_toegezegd", "toegezegd"):
                    prov = self.rnd.choice([r.code for r in REGIONS if r.code not in OOST5])
                    self._do(Command("bijstand.offer_made", {
                        "offer_id": f"{b['id']}-{prov}-{self.rnd.randrange(10**6)}",
                        "provider": prov, "quantity": max(1, b.get("quantity", 1) // 2),
                        "eta": self.at(-2)}, entity=b["id"]))
                self._do(Command("bijstand.status_changed", {"to": to}, entity=b["id"]))
            for inc in st.entities("incident"):
                if inc["status"] != "afgeschaald" and self.rnd.random() < 0.6:
                    self._do(Command("incident.picture_updated",
                                     {"beeld": self.rnd.choice(PICTURE_UPDATES)}, entity=inc["id"]))
            for a in st.entities("action"):
                nxt = [s for s in next_states("action", a["status"]) if s != "vervallen"]
                if nxt and self.rnd.random() < 0.4:
                    self._do(Command("action.status_changed", {"to": nxt[0]}, entity=a["id"]))
            for _ in range(5):
                self._comms_change()
            for n in st.entities("nsp"):
                if self.rnd.random() < 0.5:
                    self._do(Command("nsp.updated", {"last_contact": self.at(0)}, entity=n["id"]))
            self._journal(12)

    def _comms_change(self) -> None:
        r = self.rnd.choice(REGIONS)
        ch = self.rnd.choice(CHANNELS_MATRIX)
        state = self.rnd.choice(["operationeel", "verstoord", "uitgevallen", "operationeel"])
        self._do(Command("comms.reported", {"region": r.code, "channel": ch, "state": state,
                                            "note": "gemeld via " + self.rnd.choice(
                                                ["NCV", "DARES", "koerier"])}))

    def _journal(self, n: int) -> None:
        incidents = [r[0] for r in self.store.rows("incident")]
        for i in range(n):
            ch, d, frm, to, text = self.rnd.choice(JOURNAL_LINES)
            payload: dict[str, Any] = {"channel": ch, "direction": d, "sender": frm,
                                       "recipient": to, "text": text,
                                       "key": self.rnd.random() < 0.08}
            if incidents and self.rnd.random() < 0.5:
                payload["incident_id"] = self.rnd.choice(incidents)
            self._do(Command("journal.logged", payload,
                             occurred_at=self.at(self.rnd.uniform(0, 0.5))))

    # ------------------------------------------------------------------ bulk traffic

    def traffic(self, n: int, progress: Callable[[int], None] | None = None) -> None:
        """Add about ``n`` events of realistic traffic, in transactions of a few thousand."""
        st = self.store
        incidents = [r[0] for r in st.rows("incident")]
        open_bijstand: list[tuple[str, str]] = []
        caps = list(CAPABILITIES)
        done = 0
        hours = 30.0
        while done < n:
            with gc_paused(), st.transaction():
                batch = min(5000, n - done)
                cmds: list[Command] = []
                for i in range(batch):
                    x = self.rnd.random()
                    when = self.at(hours * (1 - (done + i) / n))
                    if x < 0.72:
                        ch, d, frm, to, text = self.rnd.choice(JOURNAL_LINES)
                        cmds.append(Command("journal.logged", {
                            "channel": ch, "direction": d, "sender": frm, "recipient": to,
                            "text": text, "key": self.rnd.random() < 0.03,
                            "incident_id": self.rnd.choice(incidents)}, occurred_at=when))
                    elif x < 0.82:
                        r = self.rnd.choice(REGIONS)
                        cmds.append(Command("comms.reported", {
                            "region": r.code, "channel": self.rnd.choice(CHANNELS_MATRIX),
                            "state": self.rnd.choice(["operationeel", "verstoord",
                                                      "uitgevallen"])}, occurred_at=when))
                    elif x < 0.86:
                        cmds.append(Command("incident.picture_updated", {
                            "beeld": self.rnd.choice(PICTURE_UPDATES)},
                            entity=self.rnd.choice(incidents), occurred_at=when))
                    elif x < 0.92 or not open_bijstand:
                        reg = self.rnd.choice(REGIONS).code
                        cmds.append(Command("bijstand.requested", {
                            "requesting_region": reg, "addressed_to": "KCR2",
                            "capability": self.rnd.choice(caps),
                            "quantity": self.rnd.randint(1, 8), "status": "ingediend"},
                            entity=uuid7(),
                            occurred_at=when))
                        open_bijstand.append((cmds[-1].entity, "ingediend"))
                    else:
                        k = self.rnd.randrange(len(open_bijstand))
                        bid, cur = open_bijstand[k]
                        nxt = [s for s in next_states("bijstand", cur)
                               if s not in ("afgewezen", "ingetrokken", "deels_toegezegd")]
                        if not nxt:
                            # finished: swap-remove (O(1)) and log the end in the journal, so
                            # the batch still adds one event per step
                            open_bijstand[k] = open_bijstand[-1]
                            open_bijstand.pop()
                            cmds.append(Command("journal.logged", {
                                "channel": "NCV", "text": f"Bijstand {bid} beëindigd"},
                                occurred_at=when))
                            continue
                        cmds.append(Command("bijstand.status_changed", {"to": nxt[0]},
                                            entity=bid, occurred_at=when))
                        open_bijstand[k] = (bid, nxt[0])
                for c in cmds:
                    self.store.execute(c, self.author())
                done += batch
            if progress:
                progress(done)

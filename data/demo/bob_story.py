"""The demo's Beeld–Oordeel–Besluit: the pictures per discipline and the Oordeel of the power
outage and the high water, written by the sections of the ROT (algemeen commandanten) and the
operationeel leider, at the moments a room would write them.

Kept to what the digest supports: the 72 hours inwoners bridge themselves, the IRBT's
priority for aggregates, NL-Alert's weaker reach with the mobile network down, scaling told in
teams (CoPI, ROT, RBT, IRBT), not in GRIP levels (the sources have none).
"""

from __future__ import annotations

from typing import Any

from data.demo.story import Ref, Step


def _deel(h: float, who: str, ref: str, discipline: str, text: str) -> Step:
    return Step(h, who, "incident.picture_updated", {"beeld": text, "discipline": discipline},
                entity=Ref(ref))


def _oordeel(h: float, who: str, ref: str, **parts: Any) -> Step:
    return Step(h, who, "incident.judgement_updated", parts, entity=Ref(ref))


def bob_steps() -> list[Step]:
    """Deelbeelden and Oordeel of the outage (``su``) and the high water (``hw``)."""
    su, hw = "su", "hw"
    return [
        _deel(50.0, "AC Brandweer VNOG", su, "brandweer",
              "Meer meldingen van koolmonoxide en kleine branden door kaarsen en noodkachels. "
              "Kazernes zijn permanent bemand nu alarmering via C2000 niet overal werkt; "
              "preventierondes in wijken zonder stroom."),
        _deel(48.0, "AC GHOR VNOG", su, "ghor",
              "Ziekenhuizen op noodstroom, planbare zorg uitgesteld. Twee verpleeghuizen vragen "
              "brandstof voor hun aggregaat. Thuiswonenden met zuurstof of thuisbeademing "
              "worden via de thuiszorg nagelopen."),
        _deel(47.0, "AC Politie VNOG", su, "politie",
              "Verkeersregelaars op grote kruispunten zonder verkeerslichten. Extra toezicht "
              "bij tankstations na onrust aan de pomp; verder rustig."),
        _deel(44.0, "AC Bevolkingszorg VNOG", su, "bevolkingszorg",
              "In elke gemeente is een noodsteunpunt open of in opbouw; enkele wachten op een "
              "aggregaat. Wijkteams bezoeken kwetsbare inwoners die zich niet melden."),
        _deel(42.0, "AC Communicatie VNOG", su, "crisiscommunicatie",
              "Kernboodschap via de noodsteunpunten, de calamiteitenzender en koeriers. "
              "NL-Alert bereikt minder mensen nu het mobiele netwerk uitvalt."),
        _oordeel(45.0, "OL VNOG", su,
                 analysis="Herstel duurt langer dan de 72 uur die inwoners zelf kunnen "
                          "overbruggen; de druk verschuift van de hulpdiensten naar "
                          "bevolkingszorg en zorg thuis.",
                 dilemmas="Aggregaten en brandstof zijn schaars: ziekenhuizen en "
                          "drinkwaterproductie gaan voor (IRBT-afspraak 1), terwijl "
                          "verpleeghuizen en noodsteunpunten ook vragen.",
                 prognosis="Gefaseerd herstel volgens de netbeheerder; tot dan stijgt de vraag "
                           "naar brandstof en warmte, zeker bij nachtvorst.",
                 scaling="ROT en RBT blijven; IRBT Oost-5 elke 12 uur. Afschalen naar het ROT "
                         "pas als de netbeheerder herstel van het grootste deel van de "
                         "aansluitingen bevestigt."),
        _deel(20.0, "AC Communicatie VNOG", su, "crisiscommunicatie",
              "Zuidelijk Gelderland blijft zonder stroom: boodschap daar herhaald via "
              "koeriers en huis-aan-huis; in de noordelijke ring weer via de gewone kanalen."),
        _oordeel(16.0, "OL VNOG", su,
                 prognosis="Noordelijke ring grotendeels hersteld; het zuiden van Gelderland "
                           "nog zeker een etmaal zonder stroom. Twee noodsteunpunten halen het "
                           "72-uursdoel mogelijk niet."),
        _deel(29.0, "AC Brandweer VRGZ", hw, "brandweer",
              "Dijkposten bemand, zandzakken gevuld bij de dijkpost Tiel; pompen van het "
              "waterschap in gebruik achter de dijk."),
        _deel(28.0, "AC Bevolkingszorg VRGZ", hw, "bevolkingszorg",
              "Lijst van kwetsbare locaties in de uiterwaarden bijgewerkt; opvang voor een "
              "mogelijke evacuatie voorbereid, nog niet geopend."),
        _oordeel(12.0, "OL VRGZ", hw,
                 analysis="De dijken houden; kwel achter de dijk bij Tiel is beheersbaar met de "
                          "pompen van het waterschap.",
                 prognosis="Top over ongeveer een etmaal; daarna dalend.",
                 scaling="ROT blijft tot na de top; daarna afschalen en de dijkbewaking aan "
                         "het waterschap laten."),
    ]

"""Enumerations of the domain, with the Dutch labels the interface shows.

Values are stable identifiers stored in events; labels are display text. One spelling per
concept across code, UI and docs.
"""

from __future__ import annotations

from enum import StrEnum


class Classification(StrEnum):
    OPENBAAR = "openbaar"
    INTERN = "intern"
    VERTROUWELIJK = "vertrouwelijk"


#: Markings for state secrets. Such information never belongs in Crisisbeeld.
STATE_SECRET_MARKINGS = (
    "stg. confidentieel",
    "stg confidentieel",
    "staatsgeheim confidentieel",
    "confidentieel",
    "stg. geheim",
    "stg geheim",
    "staatsgeheim geheim",
    "geheim",
    "stg. zeer geheim",
    "stg zeer geheim",
    "staatsgeheim zeer geheim",
    "zeer geheim",
)


class Phase(StrEnum):
    KOUD = "koud"
    LAUW = "lauw"
    WARM = "warm"
    NAFASE = "nafase"


class Team(StrEnum):
    COPI = "CoPI"
    ROT = "ROT"
    GBT = "GBT"
    RBT = "RBT"
    IRBT = "IRBT"
    NATIONAAL = "nationaal"


class IncidentStatus(StrEnum):
    GEMELD = "gemeld"
    ACTIEF = "actief"
    BEHEERST = "beheerst"
    AFGESCHAALD = "afgeschaald"


class BijstandStatus(StrEnum):
    CONCEPT = "concept"
    INGEDIEND = "ingediend"
    IN_BEHANDELING = "in_behandeling"
    DEELS_TOEGEZEGD = "deels_toegezegd"
    TOEGEZEGD = "toegezegd"
    ONDERWEG = "onderweg"
    INGEZET = "ingezet"
    #: the deployed unit was relieved by a fresh one (aflossing); the deployment goes on
    AFGELOST = "afgelost"
    GEDEMOBILISEERD = "gedemobiliseerd"
    GEEVALUEERD = "geevalueerd"
    #: the old end state, kept so that stores written before the three above still read
    BEEINDIGD = "beeindigd"
    AFGEWEZEN = "afgewezen"
    INGETROKKEN = "ingetrokken"


class Priority(StrEnum):
    ZEER_HOOG = "zeer_hoog"
    HOOG = "hoog"
    NORMAAL = "normaal"
    LAAG = "laag"


class DecisionStatus(StrEnum):
    VASTGESTELD = "vastgesteld"
    INGETROKKEN = "ingetrokken"


class SessionStatus(StrEnum):
    OPEN = "open"
    GESLOTEN = "gesloten"


class DecisionKind(StrEnum):
    """A team's own decision, or an agreement between regions (an IRBT has no powers of its
    own: each voorzitter adopts what was agreed for their region)."""

    BESLUIT = "besluit"
    AFSPRAAK = "afspraak"


class Adoption(StrEnum):
    """How far one region involved has taken up an agreement."""

    OPEN = "open"
    OVERGENOMEN = "overgenomen"
    IN_UITVOERING = "in_uitvoering"
    UITGEVOERD = "uitgevoerd"
    NIET_OVERGENOMEN = "niet_overgenomen"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_UITVOERING = "in_uitvoering"
    GEREED = "gereed"
    VERVALLEN = "vervallen"


class Channel(StrEnum):
    C2000 = "C2000"
    EOCS = "eOCS"
    NOODNUMMER = "112"
    NCV = "NCV"
    NCV_VIDEO = "NCV-video"
    DARES = "DARES"
    TELEFOON = "telefoon"
    MOBIEL = "mobiel"
    SATELLIET = "satelliet"
    KOERIER = "koerier"
    LCMS = "LCMS"
    INTERNET = "internet"
    NL_ALERT = "NL-Alert"
    P2000 = "P2000"
    EMAIL = "e-mail"
    MONDELING = "mondeling"


class Sector(StrEnum):
    """Vital partners whose state a coordination room follows."""

    ELEKTRICITEIT = "elektriciteit"
    DRINKWATER = "drinkwater"
    ZORG = "zorg"
    TELECOM = "telecom"
    BRANDSTOF = "brandstof"
    OVERIG = "overig"


class EstimateQuality(StrEnum):
    """How firm a partner's figure is (a grid operator's restore time is usually a guess)."""

    BEVESTIGD = "bevestigd"
    SCHATTING = "schatting"
    ONBEVESTIGD = "onbevestigd"


#: Scarce means a room divides by priority (Prioritering), with their display names.
SCARCE_MEANS: dict[str, str] = {
    "handcrew_natuurbrand": "Handcrews",
    "usar": "USAR",
    "cbrn_ondersteuning": "CBRN",
    "aggregaten_noodstroom": "Aggregaten",
    "brandstof": "Brandstof",
    "specialistisch_natuurbrandteam": "Specialistische natuurbrandteams",
    "pompcapaciteit": "Pompcapaciteit",
}


class Direction(StrEnum):
    IN = "in"
    UIT = "uit"
    INTERN = "intern"


class CommsState(StrEnum):
    OPERATIONEEL = "operationeel"
    VERSTOORD = "verstoord"
    UITGEVALLEN = "uitgevallen"
    #: the primary means is out and the agreed fallback carries the traffic
    TERUGVALOPTIE_ACTIEF = "terugvaloptie_actief"
    #: the region has no such means or agreement (e.g. no DARES agreement): not a failure
    GEEN_VOORZIENING = "geen_voorziening"
    ONBEKEND = "onbekend"


class NspKind(StrEnum):
    COORDINATIEPUNT = "coordinatiepunt"
    LOKAAL = "lokaal"


class NspHost(StrEnum):
    KAZERNE = "kazerne"
    WIJKCENTRUM = "wijkcentrum"
    DORPSHUIS = "dorpshuis"
    KERK = "kerk"
    MOSKEE = "moskee"
    SPORTHAL = "sporthal"
    GEMEENTEHUIS = "gemeentehuis"
    OVERIG = "overig"


class NspStatus(StrEnum):
    GEPLAND = "gepland"
    IN_OPBOUW = "in_opbouw"
    OPERATIONEEL = "operationeel"
    BEPERKT = "beperkt"
    #: open and working, but it cannot take more people: send them to another point
    VOL = "vol"
    #: not safe to stay (no heating in frost, unrest, water rising): not operational
    ONVEILIG = "onveilig"
    GESLOTEN = "gesloten"


class PowerSource(StrEnum):
    NET = "net"
    AGGREGAAT = "aggregaat"
    GEEN = "geen"


#: The bijstand capability catalogue. Free text is allowed besides these.
CAPABILITIES: dict[str, str] = {
    "handcrew_natuurbrand": "Handcrew natuurbrand",
    "brandweercompagnie": "Brandweercompagnie",
    "specialistisch_natuurbrandteam": "Specialistisch natuurbrandteam",
    "usar": "USAR-team",
    "gaspakdragers_meetploeg": "Gaspakdragers / meetploeg",
    "aggregaten_noodstroom": "Aggregaten / noodstroom",
    "pompcapaciteit": "Pompcapaciteit",
    "helikopter_waterbak": "Helikopter met waterbak",
    "zandzakken_transport": "Zandzakken / transport",
    "aflossing_crisisfunctionarissen": "Aflossing crisisfunctionarissen",
    "cbrn_ondersteuning": "CBRN-ondersteuning",
    "geneeskundige_combinatie": "Geneeskundige combinatie",
}

#: Who a bijstand request can be addressed to, besides a region code.
BIJSTAND_ADDRESSEES = ("KCR2", "JFC", "UCPM")
#: Addressees only KCR2 (LOCC) forwards to, as a sub-request of a region's request:
#: Defensie through the JFC, the EU through the UCPM (which needs a request of the state).
FORWARDED_ONLY = ("JFC", "UCPM")


class OfferStatus(StrEnum):
    """Where one provider's contribution to a request stands."""

    AANGEBODEN = "aangeboden"
    GEACCEPTEERD = "geaccepteerd"
    GEMOBILISEERD = "gemobiliseerd"
    INGEZET = "ingezet"
    AFGELOST = "afgelost"
    GEDEMOBILISEERD = "gedemobiliseerd"

class CentreLocation(StrEnum):
    """Where a coordination centre works: its own rooms or its fall-back location."""

    EIGEN_LOCATIE = "eigen_locatie"
    UITWIJKLOCATIE = "uitwijklocatie"


class Discipline(StrEnum):
    """Whose picture: one beeld per discipline per incident, as in LCMS's Landelijk
    Crisisbeeld. A beeld written before disciplines existed counts as *algemeen*."""

    ALGEMEEN = "algemeen"
    BRANDWEER = "brandweer"
    GHOR = "ghor"
    POLITIE = "politie"
    BEVOLKINGSZORG = "bevolkingszorg"
    CRISISCOMMUNICATIE = "crisiscommunicatie"


LABELS: dict[str, str] = {
    # disciplines (the beeld per discipline)
    "algemeen": "Algemeen", "brandweer": "Brandweer", "ghor": "GHOR", "politie": "Politie",
    "bevolkingszorg": "Bevolkingszorg", "crisiscommunicatie": "Crisiscommunicatie",
    # statuses
    "gemeld": "Gemeld", "actief": "Actief", "beheerst": "Beheerst",
    # stored as 'afgeschaald' (older stores); teams schalen af, an incident is afgesloten
    "afgeschaald": "Afgesloten",
    "concept": "Concept", "ingediend": "Ingediend", "in_behandeling": "In behandeling",
    "deels_toegezegd": "Deels toegezegd", "toegezegd": "Toegezegd", "onderweg": "Onderweg",
    "ingezet": "Ingezet", "beeindigd": "Beëindigd", "afgelost": "Afgelost",
    "gedemobiliseerd": "Gedemobiliseerd", "geevalueerd": "Geëvalueerd",
    "overgenomen": "Overgenomen", "uitgevoerd": "Uitgevoerd",
    "niet_overgenomen": "Niet overgenomen", "besluit": "Besluit", "afspraak": "Afspraak",
    "aangeboden": "Aangeboden", "geaccepteerd": "Geaccepteerd", "gemobiliseerd": "Gemobiliseerd",
    "afgewezen": "Afgewezen",
    "ingetrokken": "Ingetrokken", "vastgesteld": "Vastgesteld", "open": "Open",
    "gesloten": "Gesloten", "in_uitvoering": "In uitvoering", "gereed": "Gereed",
    "vervallen": "Vervallen", "operationeel": "Operationeel", "verstoord": "Verstoord",
    "uitgevallen": "Uitgevallen", "onbekend": "Onbekend",
    "terugvaloptie_actief": "Terugvaloptie actief", "geen_voorziening": "Geen voorziening",
    "gepland": "Gepland",
    "in_opbouw": "In opbouw", "beperkt": "Beperkt", "vol": "Vol", "onveilig": "Onveilig",
    # priorities, phases, classification
    "zeer_hoog": "Zeer hoog", "hoog": "Hoog", "normaal": "Normaal", "laag": "Laag",
    "koud": "Koud", "lauw": "Lauw", "warm": "Warm", "nafase": "Nafase",
    "openbaar": "Openbaar", "intern": "Intern", "vertrouwelijk": "Vertrouwelijk",
    "coordinatiepunt": "Coördinatiepunt", "lokaal": "Lokaal steunpunt",
    "net": "Net", "aggregaat": "Aggregaat", "geen": "Geen",
    "elektriciteit": "Elektriciteit", "drinkwater": "Drinkwater", "zorg": "Zorg",
    "telecom": "Telecom", "brandstof": "Brandstof", "overig": "Overig",
    "bevestigd": "Bevestigd", "schatting": "Schatting", "onbevestigd": "Onbevestigd",
    "eigen_locatie": "Eigen locatie", "uitwijklocatie": "Uitwijklocatie",
}


def label(value: str) -> str:
    """Dutch display label for an enum value (the value itself when none is defined)."""
    return LABELS.get(value, CAPABILITIES.get(value, value))

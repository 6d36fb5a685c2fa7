"""Enumerations of the domain, with the Dutch labels the interface shows.

Values are stable identifiers stored in events; labels are display text. One spelling per
concept across code, UI and docs.
"""

from __future__ import annotations

from enum import StrEnum

from data.i18n import N_, _


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
    "handcrew_natuurbrand": N_("Handcrews"),
    "usar": N_("USAR"),
    "cbrn_ondersteuning": N_("CBRN"),
    "aggregaten_noodstroom": N_("Aggregaten"),
    "brandstof": N_("Brandstof"),
    "specialistisch_natuurbrandteam": N_("Specialistische natuurbrandteams"),
    "pompcapaciteit": N_("Pompcapaciteit"),
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
    "handcrew_natuurbrand": N_("Handcrew natuurbrand"),
    "brandweercompagnie": N_("Brandweercompagnie"),
    "specialistisch_natuurbrandteam": N_("Specialistisch natuurbrandteam"),
    "usar": N_("USAR-team"),
    "gaspakdragers_meetploeg": N_("Gaspakdragers / meetploeg"),
    "aggregaten_noodstroom": N_("Aggregaten / noodstroom"),
    "pompcapaciteit": N_("Pompcapaciteit"),
    "helikopter_waterbak": N_("Helikopter met waterbak"),
    "zandzakken_transport": N_("Zandzakken / transport"),
    "aflossing_crisisfunctionarissen": N_("Aflossing crisisfunctionarissen"),
    "cbrn_ondersteuning": N_("CBRN-ondersteuning"),
    "geneeskundige_combinatie": N_("Geneeskundige combinatie"),
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
    "algemeen": N_("Algemeen"), "brandweer": N_("Brandweer"), "ghor": "GHOR",
    "politie": N_("Politie"), "bevolkingszorg": N_("Bevolkingszorg"),
    "crisiscommunicatie": N_("Crisiscommunicatie"),
    # statuses
    "gemeld": N_("Gemeld"), "actief": N_("Actief"), "beheerst": N_("Beheerst"),
    # stored as 'afgeschaald' (older stores); teams schalen af, an incident is afgesloten
    "afgeschaald": N_("Afgesloten"),
    "concept": N_("Concept"), "ingediend": N_("Ingediend"), "in_behandeling": N_("In behandeling"),
    "deels_toegezegd": N_("Deels toegezegd"), "toegezegd": N_("Toegezegd"),
    "onderweg": N_("Onderweg"),
    "ingezet": N_("Ingezet"), "beeindigd": N_("Beëindigd"), "afgelost": N_("Afgelost"),
    "gedemobiliseerd": N_("Gedemobiliseerd"), "geevalueerd": N_("Geëvalueerd"),
    "overgenomen": N_("Overgenomen"), "uitgevoerd": N_("Uitgevoerd"),
    "niet_overgenomen": N_("Niet overgenomen"), "besluit": N_("Besluit"),
    "afspraak": N_("Afspraak"),
    "aangeboden": N_("Aangeboden"), "geaccepteerd": N_("Geaccepteerd"),
    "gemobiliseerd": N_("Gemobiliseerd"),
    "afgewezen": N_("Afgewezen"),
    "ingetrokken": N_("Ingetrokken"), "vastgesteld": N_("Vastgesteld"), "open": N_("Open"),
    "gesloten": N_("Gesloten"), "in_uitvoering": N_("In uitvoering"), "gereed": N_("Gereed"),
    "vervallen": N_("Vervallen"), "operationeel": N_("Operationeel"), "verstoord": N_("Verstoord"),
    "uitgevallen": N_("Uitgevallen"), "onbekend": N_("Onbekend"),
    "terugvaloptie_actief": N_("Terugvaloptie actief"), "geen_voorziening": N_("Geen voorziening"),
    "gepland": N_("Gepland"),
    "in_opbouw": N_("In opbouw"), "beperkt": N_("Beperkt"), "vol": N_("Vol"),
    "onveilig": N_("Onveilig"),
    # priorities, phases, classification
    "zeer_hoog": N_("Zeer hoog"), "hoog": N_("Hoog"), "normaal": N_("Normaal"), "laag": N_("Laag"),
    "koud": N_("Koud"), "lauw": N_("Lauw"), "warm": N_("Warm"), "nafase": N_("Nafase"),
    "openbaar": N_("Openbaar"), "intern": N_("Intern"), "vertrouwelijk": N_("Vertrouwelijk"),
    "coordinatiepunt": N_("Coördinatiepunt"), "lokaal": N_("Lokaal steunpunt"),
    "net": N_("Net"), "aggregaat": N_("Aggregaat"), "geen": N_("Geen"),
    "elektriciteit": N_("Elektriciteit"), "drinkwater": N_("Drinkwater"), "zorg": N_("Zorg"),
    "telecom": N_("Telecom"), "brandstof": N_("Brandstof"), "overig": N_("Overig"),
    "bevestigd": N_("Bevestigd"), "schatting": N_("Schatting"), "onbevestigd": N_("Onbevestigd"),
    "eigen_locatie": N_("Eigen locatie"), "uitwijklocatie": N_("Uitwijklocatie"),
    # states shown as they are stored (lower case): the exercise clock and injects, a shift,
    # an expectation of an exercise
    "loopt": N_("loopt"), "gepauzeerd": N_("gepauzeerd"), "verstuurd": N_("verstuurd"),
    "uitgesteld": N_("uitgesteld"), "niet verstuurd": N_("niet verstuurd"),
    "in dienst": N_("in dienst"), "vrij": N_("vrij"), "gehaald": N_("gehaald"),
    "deels": N_("deels"), "gemist": N_("gemist"), "te laat": N_("te laat"),
}


def label(value: str) -> str:
    """Display label for an enum value in the language in use (the value itself when none is
    defined)."""
    text = LABELS.get(value) or CAPABILITIES.get(value)
    return _(text) if text is not None else value


def source_label(value: str) -> str:
    """The Dutch label of an enum value, whatever the language in use: for what is stored (the
    fold's texts) and for the reports written for Dutch authorities."""
    return LABELS.get(value) or CAPABILITIES.get(value) or value


def means_label(key: str) -> str:
    """Display name of a scarce means (:data:`SCARCE_MEANS`) in the language in use."""
    text = SCARCE_MEANS.get(key)
    return _(text) if text is not None else key


def capability_label(key: str, default: str | None = None) -> str:
    """Display name of a capability (:data:`CAPABILITIES`) in the language in use; ``default``
    (else the key) when it is not in the catalogue."""
    text = CAPABILITIES.get(key)
    if text is not None:
        return _(text)
    return key if default is None else default

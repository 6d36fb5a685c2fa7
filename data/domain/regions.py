"""Reference data: the 25 safety regions, their groupings and the national partners.

Names and numbering follow the CBS 2025 division (VR01..VR25). Short codes are the ones the
regions use themselves where the sources give them (VNOG, VGGM, VRBN) and the usual "VR…"
abbreviations otherwise. Outlines live in ``resources/map/regions.json`` (derived from the CBS
GeoJSON, see ``tools/make_region_resource.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Region:
    """One veiligheidsregio."""

    code: str  # VR01..VR25 (CBS statcode)
    name: str
    short: str
    grouping: str | None  # Oost-5, Noordwest-3, Noord-3 or None


@dataclass(frozen=True, slots=True)
class Partner:
    """A national partner that can be addressed (bijstand) or named in the journal."""

    code: str
    name: str


REGIONS: tuple[Region, ...] = (
    Region("VR01", "Groningen", "VRG", "Noord-3"),
    Region("VR02", "Fryslân", "VRF", "Noord-3"),
    Region("VR03", "Drenthe", "VRD", "Noord-3"),
    Region("VR04", "IJsselland", "VRIJ", "Oost-5"),
    Region("VR05", "Twente", "VRT", "Oost-5"),
    Region("VR06", "Noord- en Oost-Gelderland", "VNOG", "Oost-5"),
    Region("VR07", "Gelderland-Midden", "VGGM", "Oost-5"),
    Region("VR08", "Gelderland-Zuid", "VRGZ", "Oost-5"),
    Region("VR09", "Utrecht", "VRU", None),
    Region("VR10", "Noord-Holland-Noord", "VRNHN", "Noordwest-3"),
    Region("VR11", "Zaanstreek-Waterland", "VRZW", "Noordwest-3"),
    Region("VR12", "Kennemerland", "VRK", "Noordwest-3"),
    Region("VR13", "Amsterdam-Amstelland", "VRAA", None),
    Region("VR14", "Gooi en Vechtstreek", "VRGV", None),
    Region("VR15", "Haaglanden", "VRH", None),
    Region("VR16", "Hollands Midden", "VRHM", None),
    Region("VR17", "Rotterdam-Rijnmond", "VRR", None),
    Region("VR18", "Zuid-Holland-Zuid", "VRZHZ", None),
    Region("VR19", "Zeeland", "VRZ", None),
    Region("VR20", "Midden- en West-Brabant", "VRMWB", None),
    Region("VR21", "Brabant-Noord", "VRBN", None),
    Region("VR22", "Brabant-Zuidoost", "VRBZO", None),
    Region("VR23", "Limburg-Noord", "VRLN", None),
    Region("VR24", "Zuid-Limburg", "VRZL", None),
    Region("VR25", "Flevoland", "VRFL", None),
)

REGION_BY_CODE: dict[str, Region] = {r.code: r for r in REGIONS}
REGION_BY_SHORT: dict[str, Region] = {r.short: r for r in REGIONS}

GROUPINGS: dict[str, tuple[str, ...]] = {
    g: tuple(r.code for r in REGIONS if r.grouping == g)
    for g in ("Oost-5", "Noordwest-3", "Noord-3")
}

PARTNERS: tuple[Partner, ...] = (
    Partner("KCR2", "Knooppunt Coördinatie Regio's-Rijk"),
    Partner("NCC", "Nationaal Crisiscentrum"),
    Partner("JFC", "Defensie (via Joint Force Command)"),
    Partner("BRWNL", "Brandweer Nederland"),
    Partner("UCPM", "EU (via Union Civil Protection Mechanism)"),
    Partner("LMS", "Landelijke Meldkamer Samenwerking"),
)

PARTNER_BY_CODE: dict[str, Partner] = {p.code: p for p in PARTNERS}


def resolve_region(value: str) -> Region | None:
    """Find a region by code (VR06), short code (VNOG) or exact name, case-insensitively."""
    v = value.strip()
    up = v.upper()
    if up in REGION_BY_CODE:
        return REGION_BY_CODE[up]
    if up in REGION_BY_SHORT:
        return REGION_BY_SHORT[up]
    for r in REGIONS:
        if r.name.lower() == v.lower():
            return r
    return None


def region_label(code: str) -> str:
    """Display name for a region code, or the code itself for an unknown value."""
    r = REGION_BY_CODE.get(code)
    return r.name if r else code

"""Words and lines the sitrep renderers share, so Markdown, HTML and PDF say the same."""

from __future__ import annotations

from typing import Any

from data.domain.enums import source_label as label
from data.domain.regions import REGION_BY_CODE, region_label
from data.picture.bob import part_title
from data.picture.detail_html import short_regions
from data.picture.timefmt import local_hm
from data.report.content import Sitrep, class_label

EXERCISE_MARK = "OEFENING"

#: section titles, in order (Beeld, its parts, Oordeel, Besluit)
SECTIONS = ("1. Beeld", "1.1 Kerncijfers", "1.2 Incidenten", "1.3 Bijstand (open)",
            "1.4 Verbindingen", "1.5 Noodsteunpunten", "1.6 Kernberichten",
            "2. Oordeel", "3. Besluiten en acties")


def filter_text(s: Sitrep) -> str:
    """'regio's VNOG, IJsselland · tot en met Openbaar · 3 onderdelen boven de rubricering
    weggelaten' — or 'geen' when nothing is filtered."""
    f = s.filters
    parts = []
    if f.regions:
        parts.append("regio's " + short_regions(list(f.regions)))
    if f.max_class != "vertrouwelijk":
        parts.append(f"tot en met {class_label(f.max_class)}")
    if s.withheld:
        parts.append(f"{s.withheld} onderdelen boven de rubricering weggelaten")
    return " · ".join(parts) or "geen"


def figure_lines(s: Sitrep) -> list[str]:
    """The key figures, one line each."""
    f = s.figures
    out = [f"Incidenten: {f['incidents_active']} actief, {f['incidents_gemeld']} gemeld, "
           f"{f['incidents_beheerst']} beheerst",
           f"Bijstand open: {f['bijstand_open']} verzoeken ({f['bijstand_requests']} wachten op "
           f"middelen, {f['bijstand_deployed']} onderweg of ingezet); nog niet gedekt: "
           f"{f['bijstand_open_quantity']} eenheden",
           f"Besluiten met open acties: {f['decisions_open']}, waarvan met acties te laat: "
           f"{f['decisions_overdue']}",
           f"Noodsteunpunten open: {f['nsp_open']}, niet operationeel: "
           f"{f['nsp_not_operational']}"]
    if f["comms_out_regions"]:
        out.append("Verbinding uitgevallen in: " + short_regions(f["comms_out_regions"]))
    return out


def offer_text(o: dict[str, Any]) -> str:
    """'12 van VNOG, ETA za 21-11 16:30'."""
    prov = str(o.get("provider") or "")
    who = REGION_BY_CODE[prov].short if prov in REGION_BY_CODE else prov
    eta = f", ETA {local_hm(o.get('eta'))}" if o.get("eta") else ""
    return f"{o.get('quantity')} van {who}{eta}"


def comms_cells(s: Sitrep) -> list[list[str]]:
    """Per region: channels out, channels disturbed, fallback in use (with its note)."""
    by: dict[str, dict[str, list[str]]] = {}
    for c in s.comms:
        cell = by.setdefault(str(c.get("region")), {"uitgevallen": [], "verstoord": [],
                                                    "terugvaloptie_actief": []})
        note = f" ({c['note']})" if c.get("note") else ""
        cell[str(c.get("state"))].append(f"{c.get('channel')}{note}")
    return [[region_label(r), ", ".join(v["uitgevallen"]) or "—",
             ", ".join(v["verstoord"]) or "—", ", ".join(v["terugvaloptie_actief"]) or "—"]
            for r, v in sorted(by.items())]


def decision_head(d: dict[str, Any]) -> str:
    """'IRBT · afspraak 4 · versie 2 · vastgesteld — Stroomuitval Oost'."""
    kind = label(str(d.get("kind") or ("afspraak" if d.get("team") == "IRBT" else "besluit")))
    key = " · ★ sleutelbesluit" if d.get("key") else ""
    session = f" — {d['session']}" if d.get("session") else ""
    return (f"{d.get('team')} · {kind.lower()} {d.get('number')} · versie "
            f"{d.get('version', 1)} · {label(str(d.get('status') or ''))}{key}{session}")


def bob_parts(i: dict[str, Any]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """An incident's Beeld–Oordeel–Besluit for the sitrep, the same in every renderer:
    (section, [(heading, text, byline)]) for Beeld (per discipline), Oordeel and Besluit."""
    bob = i.get("bob")
    if bob is None:
        return []
    beeld = [(p.title, p.current.text, p.current.byline()) for p in bob.pictures
             if p.current is not None]
    cur = bob.oordeel
    oordeel = ([(part_title(k), t, "") for k, t in cur.parts[:-1]]
               + [(part_title(k), t, cur.byline()) for k, t in cur.parts[-1:]]
               if cur is not None else [])
    besluit = [(f"{decision_head(d)}", str(d.get("text") or ""), "") for d in bob.decisions]
    return [("Beeld", beeld or [("", "—", "")]), ("Oordeel", oordeel or [("", "—", "")]),
            ("Besluit", besluit or [("", "—", "")])]


def region_names(codes: list[str]) -> str:
    return ", ".join(region_label(c) for c in codes)


def more_bijstand(s: Sitrep) -> str:
    """What the bijstand list leaves out, per status (the figures above count them all)."""
    f = s.figures["bijstand_by_status"]
    per = ", ".join(f"{n} {label(st).lower()}" for st, n in sorted(f.items()))
    return (f"… en {s.bijstand_more} andere open verzoeken, hier niet uitgeschreven (alle open "
            f"verzoeken per status: {per}); het volledige bord staat in de applicatie.")


def more_journal(s: Sitrep) -> str:
    return (f"… {s.journal_more} eerdere kernberichten in deze periode niet uitgeschreven; "
            "zie het logboek.")

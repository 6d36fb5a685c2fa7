"""What a picture at a moment amounts to: counts per kind and status, the Overzicht figures at
that moment, and the fingerprint — as data (for ``--json``) and as lines for a terminal."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from data.clock import parse_iso
from data.history.asof import OVERVIEW_KINDS, WAAR, Picture
from data.i18n import N_
from data.picture.overview import PictureState, kpis

KIND_LABELS = {
    "incident": "Incidenten", "bijstand": "Bijstandsaanvragen", "session": "IRBT-sessies",
    "decision": "Besluiten", "action": "Acties", "comms": "Verbindingen",
    "journal": "Logboekregels", "nsp": "Noodsteunpunten", "node": "Centra",
}
KIND_ORDER = list(KIND_LABELS)
AXIS_LABELS = {WAAR: N_("wat was waar"), "bekend": N_("wat wisten wij hier")}


Scan = tuple[dict[str, list[str]], dict[str, int], list[str]]


def scan(pic: Picture) -> Scan:
    """One pass over a picture's entities (placeholders left out): the ids of the kinds the
    Overzicht reads, bijstand counts per status, and the ids with open conflicts."""
    ids: dict[str, list[str]] = {}
    bijstand: dict[str, int] = {}
    conflicted = []
    for eid, v in pic.ents.items():
        if v[5]:
            continue
        if v[0] == "bijstand":
            bijstand[v[4]] = bijstand.get(v[4], 0) + 1
        elif v[0] in OVERVIEW_KINDS:
            ids.setdefault(v[0], []).append(eid)
        if v[6]:
            conflicted.append(eid)
    return ids, bijstand, conflicted


def picture_state(pic: Picture, scanned: Scan | None = None) -> PictureState:
    """The Overzicht's inputs from a picture (placeholders left out), in one pass over its
    entities (``scanned``: that pass, made already); bijstand as counts per status (what the
    tiles need), not as rows."""
    ids, bijstand, conflicted = scan(pic) if scanned is None else scanned

    def states(kind: str) -> list[dict[str, Any]]:
        return [pic.state(eid) for eid in ids.get(kind, ())]

    comms = [(s.get("region"), s.get("channel"), s.get("state"), s.get("since"), s.get("note"))
             for s in states("comms")]
    conflicts = [c for eid in conflicted for c in pic.state(eid)["conflicts"]
                 if c.get("resolution") is None]
    return PictureState(
        incidents=states("incident"), sessions=states("session"),
        decisions=states("decision"), actions=states("action"), nsp=states("nsp"),
        bijstand_counts=bijstand, comms=comms, conflicts=conflicts)




def counts(pic: Picture) -> dict[str, dict[str, int]]:
    """Per kind: entities per status (journal lines per channel are not split: ``totaal``)."""
    out: dict[str, dict[str, int]] = {}
    for _eid, kind, status in pic.rows():
        if kind == "journal":
            continue
        status = status or "-"
        by = out.setdefault(kind, {})
        by[status] = by.get(status, 0) + 1
    journal = list(pic.states("journal"))
    n = pic.light_count + len(journal)
    if n:
        out["journal"] = {"totaal": n,
                          "kernbericht": pic.light_key + sum(1 for s in journal if s.get("key"))}
    return dict(sorted(out.items(), key=lambda kv: (KIND_ORDER.index(kv[0])
                                                    if kv[0] in KIND_ORDER else 99, kv[0])))


def summary(pic: Picture, at: str) -> dict[str, Any]:
    """The picture at ``at`` (ISO) as plain data."""
    moment: datetime = parse_iso(at)
    return {
        "moment": at,
        "as": pic.axis,
        "fingerprint": str(pic.fingerprint()),
        "events": pic.events,
        "counts": counts(pic),
        "kpis": kpis(picture_state(pic), moment),
    }


def lines(doc: dict[str, Any], local_at: str) -> list[str]:
    """The summary for a terminal (Dutch)."""
    out = [f"Beeld om {local_at} ({AXIS_LABELS[doc['as']]}):"]
    for kind, by in doc["counts"].items():
        total = by["totaal"] if kind == "journal" else sum(by.values())
        detail = ", ".join(f"{s} {n}" for s, n in sorted(by.items()) if s not in ("totaal", "-"))
        out.append(f"  {KIND_LABELS.get(kind, kind)}: {total}" + (f" ({detail})" if detail else ""))
    k = doc["kpis"]
    out.append(f"  Overzicht: {k['incidents_active']} actieve incidenten, "
               f"{k['bijstand_open']} open bijstandsaanvragen, {k['decisions_open']} besluiten "
               f"met open acties ({k['decisions_overdue']} over tijd), "
               f"{k['conflicts']} open conflicten"
               + (f", verbinding uitgevallen in {', '.join(k['comms_out_regions'])}"
                  if k["comms_out_regions"] else ""))
    out.append(doc["fingerprint"])
    return out

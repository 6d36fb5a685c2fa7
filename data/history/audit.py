"""The audit export (issue 16): who decided what, who did what and who was on duty, with the
evidence that it was so, in one file that verifies on its own.

The file holds, besides the readable *records* (decisions and their versions, actions, bijstand
transitions, shift changes, each with person, function, event id, hash and signature), the
*evidence*: every event of every origin concerned, from its first, so that the hash chain and
the signatures can be checked with the *roster* (origin -> public key) in the same file and
nothing else. :func:`verify_file` checks it with the store's own rules
(:func:`data.store.verify.verify_chains`, :func:`data.store.verify.check_envelope`), derives the
records from the verified events once more and compares them, and checks that the file is
byte for byte in the form it was written in (so no byte can change unnoticed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.clock import now_iso
from data.domain.roles import split_author
from data.store.envelope import Event
from data.store.store import Store
from data.store.verify import check_envelope, verify_chains

FORMAT = "crisisbeeld-audit"
VERSION = 1

#: event types the records list, and how a person would say what happened
AUDITED: dict[str, str] = {
    "irbt.session_opened": "sessie geopend",
    "irbt.session_closed": "sessie gesloten",
    "decision.recorded": "besluit vastgelegd",
    "decision.amended": "besluit gewijzigd (nieuwe versie)",
    "decision.revoked": "besluit ingetrokken",
    "decision.adoption_reported": "overname van besluit gemeld",
    "action.created": "actie aangemaakt",
    "action.updated": "actie gewijzigd",
    "action.status_changed": "actiestatus gewijzigd",
    "action.reattached": "actie aan ander besluit gekoppeld",
    "bijstand.requested": "bijstandsverzoek aangemaakt",
    "bijstand.status_changed": "bijstandsstatus gewijzigd",
    "shift.started": "dienst begonnen",
    "shift.handed_over": "dienst overgedragen",
    "shift.ended": "dienst beëindigd",
}


def _detail(e: Event, versions: dict[str, int]) -> dict[str, Any]:
    p = e.payload
    if e.type == "decision.recorded":
        versions[e.entity] = 1
        return {"version": 1, "text": p.get("text"), "number": p.get("number")}
    if e.type == "decision.amended":
        versions[e.entity] = versions.get(e.entity, 1) + 1
        return {"version": versions[e.entity], "text": p.get("text")}
    if e.type.endswith("status_changed"):
        return {"from": p.get("from"), "to": p.get("to")}
    if e.type.startswith("shift."):
        return {k: p[k] for k in ("function", "person", "outgoing") if k in p}
    keep = ("text", "reason", "title", "owner", "decision_id", "quantity", "capability")
    return {k: p[k] for k in keep if k in p}


def records(events: list[Event]) -> list[dict[str, Any]]:
    """The readable records of ``events`` (in fold order): one per audited event."""
    versions: dict[str, int] = {}
    out = []
    for e in sorted(events, key=lambda x: x.key):
        if e.type not in AUDITED:
            continue
        person, function = split_author(e.author)
        out.append({
            "at": e.occurred_at, "recorded_at": e.recorded_at, "origin": e.origin,
            "what": AUDITED[e.type], "type": e.type, "entity": e.entity,
            "person": person, "function": function or "(geen functie genoemd)",
            "detail": _detail(e, versions),
            "event": e.id, "hash": e.digest(), "sig": e.sig,
        })
    return out


def _dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def export(st: Store, out: str | Path) -> dict[str, int]:
    """Write the audit file of ``st`` to ``out``; returns counts (records, events, origins)."""
    events = list(st.iter_events())
    recs = records(events)
    concerned = sorted({e.origin for e in events})
    keys = {o["origin"]: o["public_key"] for o in st.origins()}
    names = {n["id"]: n.get("name") for n in st.entities("node")}
    roster = [{"node": o, "name": names.get(o) or o, "public_key": keys.get(o, "")}
              for o in concerned]
    evidence = sorted((e for e in events), key=lambda e: (e.origin, e.seq))
    doc = {
        "format": FORMAT, "version": VERSION, "world": st.world, "centre": st.node_id,
        "written_at": now_iso(), "roster": roster, "records": recs,
        "events": [e.to_wire(from_json=True) for e in evidence],
    }
    Path(out).write_text(_dump(doc), encoding="utf-8")
    return {"records": len(recs), "events": len(evidence), "origins": len(roster)}


@dataclass
class Verdict:
    """What :func:`verify_file` found: ``problems`` empty means intact."""

    records: int = 0
    events: int = 0
    origins: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_file(path: str | Path) -> Verdict:
    """Check an audit file with nothing but the file (see the module docstring)."""
    v = Verdict()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        v.problems.append(f"het bestand is niet te lezen ({e.__class__.__name__})")
        return v
    try:
        doc = json.loads(text)
    except ValueError as e:
        v.problems.append(f"het bestand is geen geldig auditbestand: JSON kapot op regel "
                          f"{getattr(e, 'lineno', '?')}")
        return v
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        v.problems.append("dit is geen Crisisbeeld-auditbestand")
        return v
    if _dump(doc) != text:
        v.problems.append("het bestand is niet meer in de vorm waarin het is geschreven "
                          "(er is iets aan veranderd)")
    world = str(doc.get("world"))
    roster = {str(r.get("node")): str(r.get("public_key")) for r in doc.get("roster") or []
              if isinstance(r, dict)}
    events: list[Event] = []
    for i, d in enumerate(doc.get("events") or []):
        try:
            e = Event.from_wire(d)
        except ValueError as err:
            v.problems.append(f"gebeurtenis {i + 1}: {err}")
            continue
        reason = check_envelope(e, world)
        if reason:
            v.problems.append(f"gebeurtenis {e.id}: {reason}")
            continue
        events.append(e)
    for origin in sorted({e.origin for e in events}):
        if origin not in roster:
            v.problems.append(f"{origin} staat niet in de sleutellijst van het bestand")
    ok, _hashes, rejected = verify_chains(events, lambda origin: None)
    for r in rejected:
        v.problems.append(f"gebeurtenis {r.id}: {r.reason}")
    for e in ok:
        if e.seq == 1 and roster.get(e.origin) != e.payload.get("public_key"):
            v.problems.append(f"de sleutel van {e.origin} in de sleutellijst is niet de sleutel "
                              f"waarmee {e.origin} zich aanmeldde")
    if records(ok) != doc.get("records"):
        v.problems.append("de overzichtsregels kloppen niet met de ondertekende gebeurtenissen")
    v.records = len(doc.get("records") or [])
    v.events, v.origins = len(ok), len(roster)
    return v

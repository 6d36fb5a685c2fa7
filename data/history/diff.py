"""Verschil / overdracht: what changed between two moments, as Markdown for the next shift."""

from __future__ import annotations

from typing import Any

from data.history.asof import WAAR, Picture
from data.history.summary import AXIS_LABELS
from data.picture.timefmt import local_hm
from data.store import fold
from data.store.envelope import Event

#: the sections of a handover, in reading order
SECTIONS = [
    ("incident", "Incidenten"), ("bijstand", "Bijstand"), ("session", "IRBT-sessies"),
    ("decision", "Besluiten"), ("action", "Acties"), ("comms", "Verbindingen"),
    ("nsp", "Noodsteunpunten"), ("journal", "Logboek (gewijzigde regels)"), ("node", "Centra"),
]


def _line(kind: str, st: dict[str, Any], before: dict[str, Any] | None) -> str:
    title = fold.title_of(st)
    if kind == "bijstand" and st.get("requesting_region"):
        title += f" voor {st['requesting_region']}"
    status = fold.status_of(st)
    if before is None:
        where = f" ({status})" if status and kind not in ("journal", "node") else ""
        return f"- nieuw: **{title}**{where}"
    old_status = fold.status_of(before)
    what = []
    if old_status != status:
        what.append(f"{old_status or '?'} → **{status}**")
    if kind == "decision" and st.get("version") != before.get("version"):
        what.append(f"versie {st.get('version')}")
    if kind == "incident" and st.get("beeld") != before.get("beeld") and st.get("beeld"):
        what.append(f"beeld: {str(st['beeld'])[:160]}")
    if fold.title_of(before) != fold.title_of(st):
        what.append(f"was: {fold.title_of(before)}")
    open_now = sum(1 for c in st.get("conflicts", []) if c.get("resolution") is None)
    if open_now:
        what.append(f"{open_now} open conflict{'en' if open_now > 1 else ''}")
    return f"- **{title}**: " + ("; ".join(what) if what else "bijgewerkt")


def changes(p1: Picture, p2: Picture) -> dict[str, list[str]]:
    """Per kind: lines for the entities that are new or changed from ``p1`` to ``p2``."""
    found: dict[str, list[tuple[str, str]]] = {}
    for eid, kind, _status in p2.rows():
        v1 = p1.ents.get(eid)
        if v1 is not None and v1[1] == p2.ents[eid][1]:
            continue
        before = p1.state(eid) if v1 is not None and not v1[5] else None
        st = p2.state(eid)
        found.setdefault(kind, []).append((str(st.get("updated_at", "")),
                                           _line(kind, st, before)))
    return {k: [line for _at, line in sorted(v)] for k, v in found.items()}


def key_lines(events: list[Event]) -> list[str]:
    out = []
    for e in sorted(events, key=lambda e: (e.occurred_at, e.id)):
        p = e.payload
        who = " → ".join(x for x in (p.get("sender"), p.get("recipient")) if x)
        out.append(f"- {local_hm(e.occurred_at)} [{p.get('channel', '')}]"
                   + (f" {who}:" if who else "") + f" {p.get('text', '')}")
    return out


def _capped(items: list[str], limit: int) -> list[str]:
    if len(items) <= limit:
        return items
    return items[:limit] + [f"- … en nog {len(items) - limit} (zie de lijsten of het logboek)"]


def markdown(p1: Picture, p2: Picture, t1: str, t2: str, key: list[Event],
             limit: int = 50) -> str:
    """The handover between moments ``t1`` and ``t2`` (ISO), Dutch headings; at most
    ``limit`` lines per section (the newest changes last)."""
    axis = AXIS_LABELS[p2.axis]
    lines = [f"# Overdracht {local_hm(t1)} → {local_hm(t2)}", "",
             f"Wat veranderde tussen {local_hm(t1)} en {local_hm(t2)} ({axis}"
             + (", naar het moment waarop het gebeurde" if p2.axis == WAAR
                else ", naar het moment waarop het hier binnenkwam") + ").", "",
             f"- beeld om {local_hm(t1)}: `{p1.fingerprint()}`",
             f"- beeld om {local_hm(t2)}: `{p2.fingerprint()}`",
             f"- {p2.events - p1.events} gebeurtenissen ertussen", ""]
    per_kind = changes(p1, p2)
    for kind, title in SECTIONS:
        items = per_kind.pop(kind, [])
        if items:
            lines += [f"## {title} ({len(items)})", "", *_capped(items, limit), ""]
    for kind, items in per_kind.items():
        lines += [f"## {kind} ({len(items)})", "", *_capped(items, limit), ""]
    kl = key_lines(key)
    lines += [f"## Kernberichten ({len(kl)})", ""] + (_capped(kl, limit) or ["- geen"]) + [""]
    if not any(per_kind.values()) and len(lines) < 12:
        lines += ["Geen wijzigingen.", ""]
    return "\n".join(lines)

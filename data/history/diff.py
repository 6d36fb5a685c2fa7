"""Verschil / overdracht: what changed between two moments, as Markdown for the next shift."""

from __future__ import annotations

from typing import Any

from data.domain.enums import label
from data.history.asof import WAAR, Axis, Picture
from data.history.checkpoints import Checkpoints
from data.history.summary import AXIS_LABELS
from data.oswords import count
from data.picture.deadlines import OPEN_ACTION
from data.picture.timefmt import local_hm
from data.store import Store, fold, log
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
    if kind == "incident":
        what += _bob_changes(st, before)
    if fold.title_of(before) != fold.title_of(st):
        what.append(f"was: {fold.title_of(before)}")
    open_now = sum(1 for c in st.get("conflicts", []) if c.get("resolution") is None)
    if open_now:
        what.append(f"{open_now} open conflict{'en' if open_now > 1 else ''}")
    return f"- **{title}**: " + ("; ".join(what) if what else "bijgewerkt")


def _bob_changes(st: dict[str, Any], before: dict[str, Any]) -> list[str]:
    """A new algemeen beeld, a new beeld of another discipline (the newest version), a new
    Oordeel (its parts that changed)."""
    out = []
    if st.get("beeld") != before.get("beeld") and st.get("beeld"):
        out.append(f"beeld: {str(st['beeld'])[:160]}")
    old = before.get("beelden") or {}
    for disc, versions in sorted((st.get("beelden") or {}).items()):
        if versions and (old.get(disc) or [None])[-1] != versions[-1]:
            out.append(f"beeld {label(disc)}: {str(versions[-1].get('beeld'))[:160]}")
    if (st.get("oordeel") or {}) != (before.get("oordeel") or {}):
        from data.picture.bob import part_title

        now, was = st.get("oordeel") or {}, before.get("oordeel") or {}
        parts = [part_title(k) for k in now if now.get(k) != was.get(k)]
        out.append("oordeel bijgewerkt (" + ", ".join(parts) + ")")
    return out


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


def _moves(p1: Picture, p2: Picture, kind: str) -> tuple[int, dict[tuple[str, str], int]]:
    """New entities of ``kind`` and status moves (from, to) -> how many, from p1 to p2."""
    new, moves = 0, {}
    for eid, k, status in p2.rows(kind):
        v1 = p1.ents.get(eid)
        if v1 is None or v1[5]:
            new += 1
        elif v1[4] != status:
            moves[(str(v1[4]), str(status))] = moves.get((str(v1[4]), str(status)), 0) + 1
    return new, moves


def open_actions(p2: Picture, t2: str) -> list[str]:
    """The actions still open at ``t2``, those past their due time first (then by due time)."""
    acts = [a for a in p2.states("action") if a.get("status") in OPEN_ACTION]
    decisions = {str(d.get("id")): d for d in p2.states("decision")}
    out = []
    for a in sorted(acts, key=lambda a: (not (a.get("due") and str(a["due"]) < t2),
                                         str(a.get("due") or "9"))):
        late = bool(a.get("due")) and str(a["due"]) < t2
        d = decisions.get(str(a.get("decision_id")))
        out.append(f"- {'**over tijd** ' if late else ''}{a.get('text', '')}"
                   + (f" — {a['owner']}" if a.get("owner") else "")
                   + (f", uiterlijk {local_hm(a['due'])}" if a.get("due") else "")
                   + (f" (besluit {d.get('number')})" if d and d.get("number") else ""))
    return out


def in_short(p1: Picture, p2: Picture, t2: str, n_key: int) -> list[str]:
    """The first lines a coordinator reads: what is new, what moved, what is still open."""
    inc_new, inc_moves = _moves(p1, p2, "incident")
    bij_new, bij_moves = _moves(p1, p2, "bijstand")
    dec_new, dec_moves = _moves(p1, p2, "decision")
    acts = [a for a in p2.states("action") if a.get("status") in OPEN_ACTION]
    late = sum(1 for a in acts if a.get("due") and str(a["due"]) < t2)
    out = [f"- incidenten: {inc_new} nieuw, {sum(inc_moves.values())} van status veranderd"]
    out += [f"  - {label(a)} → {label(b)}: {n}" for (a, b), n in sorted(inc_moves.items())]
    out.append(f"- besluiten: {dec_new} nieuw, {sum(dec_moves.values())} van status veranderd"
               + "".join(f"; {n}× {label(b)}" for (_a, b), n in sorted(dec_moves.items())))
    out.append(f"- bijstand: {bij_new} nieuwe aanvragen, {sum(bij_moves.values())} verplaatst")
    top = sorted(bij_moves.items(), key=lambda kv: -kv[1])[:6]
    out += [f"  - {label(a)} → {label(b)}: {n}" for (a, b), n in top]
    out.append(f"- openstaande acties om {local_hm(t2)}: {len(acts)}"
               + (f", waarvan {late} over tijd" if late else ""))
    out_now = sorted({f"{s.get('region')} {s.get('channel')}" for s in p2.states("comms")
                      if s.get("state") == "uitgevallen"})
    if out_now:
        out.append(f"- verbindingen uitgevallen om {local_hm(t2)}: {len(out_now)} "
                   f"({', '.join(out_now[:12])}{', …' if len(out_now) > 12 else ''})")
    out.append(f"- kernberichten: {n_key}")
    return out


def markdown(p1: Picture, p2: Picture, t1: str, t2: str, key: list[Event],
             limit: int = 50) -> str:
    """The handover between moments ``t1`` and ``t2`` (ISO), Dutch headings: first *In het
    kort* and the actions still open, then per kind what is new or changed (at most ``limit``
    lines per section, the newest last) and the key journal messages."""
    axis = AXIS_LABELS[p2.axis]
    lines = [f"# Overdracht {local_hm(t1)} → {local_hm(t2)}", "",
             f"Wat veranderde tussen {local_hm(t1)} en {local_hm(t2)} ({axis}"
             + (", naar het moment waarop het gebeurde" if p2.axis == WAAR
                else ", naar het moment waarop het hier binnenkwam") + ").", "",
             f"- beeld om {local_hm(t1)}: `{p1.fingerprint()}`",
             f"- beeld om {local_hm(t2)}: `{p2.fingerprint()}`",
             f"- {count(p2.events - p1.events, 'gebeurtenis', 'gebeurtenissen')} ertussen", ""]
    if p2.events == p1.events and p2.picture_sum() == p1.picture_sum():
        return "\n".join(lines + ["Geen wijzigingen.", ""])
    lines += ["## In het kort", "", *in_short(p1, p2, t2, len(key)), ""]
    acts = open_actions(p2, t2)
    lines += [f"## Openstaande acties om {local_hm(t2)} ({len(acts)})", "",
              *(_capped(acts, limit) or ["- geen"]), ""]
    per_kind = changes(p1, p2)
    for kind, title in SECTIONS:
        items = per_kind.pop(kind, [])
        if items:
            lines += [f"## {title} ({len(items)})", "", *_capped(items, limit), ""]
    for kind, items in per_kind.items():
        lines += [f"## {kind} ({len(items)})", "", *_capped(items, limit), ""]
    kl = key_lines(key)
    lines += [f"## Kernberichten ({len(kl)})", ""] + (_capped(kl, limit) or ["- geen"]) + [""]
    return "\n".join(lines)


def handover(st: Store, t1: str, t2: str, axis: Axis,
             checkpoints: Checkpoints | None = None, limit: int = 50) -> str:
    """The handover from ``t1`` to ``t2`` (ISO) on ``axis`` as Markdown — what ``crisisbeeld
    diff`` prints and the application's Overdracht shows."""
    from data.history import picture_at, reading

    with reading(st) as conn:
        p1 = picture_at(conn, t1, axis, checkpoints)
        p2 = picture_at(conn, t2, axis, checkpoints)
        key = (log.key_journal_between(conn, occurred=(t1, t2)) if axis == WAAR else
               log.key_journal_between(conn, arrived=(int(p1.pos or 0), int(p2.pos or 0))))
    return markdown(p1, p2, t1, t2, key, limit)

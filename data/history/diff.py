"""Verschil / overdracht: what changed between two moments, as Markdown for the next shift."""

from __future__ import annotations

import sqlite3
from typing import Any

from data.domain.enums import label
from data.history.asof import WAAR, Axis, Picture, advance, no_cycle_collection, position
from data.history.checkpoints import Checkpoints
from data.history.summary import AXIS_LABELS
from data.i18n import N_, _, ngettext
from data.picture.deadlines import OPEN_ACTION
from data.picture.timefmt import local_hm
from data.store import Store, fold, log
from data.store.envelope import Event

#: the sections of a handover, in reading order
SECTIONS = [
    ("incident", N_("Incidenten")), ("bijstand", N_("Bijstand")),
    ("session", N_("IRBT-sessies")), ("decision", N_("Besluiten")), ("action", N_("Acties")),
    ("comms", N_("Verbindingen")), ("nsp", N_("Noodsteunpunten")),
    ("journal", N_("Logboek (gewijzigde regels)")), ("node", N_("Centra")),
]


def _line(kind: str, st: dict[str, Any], before: dict[str, Any] | None) -> str:
    title = fold.title_of(st)
    if kind == "bijstand" and st.get("requesting_region"):
        title += _(" voor {region}").format(region=st["requesting_region"])
    status = fold.status_of(st)
    if before is None:
        where = f" ({status})" if status and kind not in ("journal", "node") else ""
        return _("- nieuw: **{title}**{where}").format(title=title, where=where)
    old_status = fold.status_of(before)
    what = []
    if old_status != status:
        what.append(f"{old_status or '?'} → **{status}**")
    if kind == "decision" and st.get("version") != before.get("version"):
        what.append(_("versie {n}").format(n=st.get("version")))
    if kind == "incident":
        what += _bob_changes(st, before)
    if fold.title_of(before) != fold.title_of(st):
        what.append(_("was: {title}").format(title=fold.title_of(before)))
    open_now = sum(1 for c in st.get("conflicts", []) if c.get("resolution") is None)
    if open_now:
        what.append(ngettext("{n} open conflict", "{n} open conflicten", open_now).format(
            n=open_now))
    return f"- **{title}**: " + ("; ".join(what) if what else _("bijgewerkt"))


def _bob_changes(st: dict[str, Any], before: dict[str, Any]) -> list[str]:
    """A new algemeen beeld, a new beeld of another discipline (the newest version), a new
    Oordeel (its parts that changed)."""
    out = []
    if st.get("beeld") != before.get("beeld") and st.get("beeld"):
        out.append(_("beeld: {text}").format(text=str(st["beeld"])[:160]))
    old = before.get("beelden") or {}
    for disc, versions in sorted((st.get("beelden") or {}).items()):
        if versions and (old.get(disc) or [None])[-1] != versions[-1]:
            out.append(_("beeld {discipline}: {text}").format(
                discipline=label(disc), text=str(versions[-1].get("beeld"))[:160]))
    if (st.get("oordeel") or {}) != (before.get("oordeel") or {}):
        from data.picture.bob import part_title

        now, was = st.get("oordeel") or {}, before.get("oordeel") or {}
        parts = [part_title(k) for k in now if now.get(k) != was.get(k)]
        out.append(_("oordeel bijgewerkt ({parts})").format(parts=", ".join(parts)))
    return out


def changes(p1: Picture, p2: Picture, limit: int | None = None
            ) -> dict[str, tuple[list[str], int]]:
    """Per kind: lines for the entities that are new or changed from ``p1`` to ``p2`` (oldest
    change first) and how many there are; with ``limit``, only the first ``limit`` lines are
    made. Which entities changed and when tells each picture's rows (digest, updated_at): only
    the states of the lines shown are read."""
    found: dict[str, list[tuple[str, str]]] = {}
    for eid, v2 in p2.ents.items():
        if v2[5]:
            continue
        v1 = p1.ents.get(eid)
        if v1 is not None and v1[1] == v2[1]:
            continue
        found.setdefault(v2[0], []).append((str(v2[7]), eid))
    out = {}
    for kind, items in found.items():
        items.sort()
        if limit is not None and len(items) > limit:  # (and those tied with the last shown:
            last = items[limit - 1][0]                # their lines decide the order)
            items = [it for i, it in enumerate(items) if i < limit or it[0] == last]
        lines = sorted((at, _line(kind, p2.state(eid), _before(p1, eid))) for at, eid in items)
        out[kind] = ([line for _at, line in lines[:limit]], len(found[kind]))
    return out


def _before(p1: Picture, eid: str) -> dict[str, Any] | None:
    v1 = p1.ents.get(eid)
    return p1.state(eid) if v1 is not None and not v1[5] else None


def key_lines(events: list[Event]) -> list[str]:
    out = []
    for e in sorted(events, key=lambda e: (e.occurred_at, e.id)):
        p = e.payload
        who = " → ".join(x for x in (p.get("sender"), p.get("recipient")) if x)
        out.append(f"- {local_hm(e.occurred_at)} [{p.get('channel', '')}]"
                   + (f" {who}:" if who else "") + f" {p.get('text', '')}")
    return out


def _capped(items: list[str], limit: int, total: int | None = None) -> list[str]:
    """The first ``limit`` of ``items`` and, when there are more (``total`` of them), how many
    more."""
    total = len(items) if total is None else total
    if total <= limit:
        return items[:limit]
    return items[:limit] + [_("- … en nog {n} (zie de lijsten of het logboek)").format(
        n=total - limit)]


def _moves(p1: Picture, p2: Picture, kinds: tuple[str, ...]
           ) -> dict[str, tuple[int, dict[tuple[str, str], int]]]:
    """Per kind of ``kinds``: its new entities and status moves (from, to) -> how many, from p1
    to p2 (one pass over p2's rows)."""
    out: dict[str, tuple[int, dict[tuple[str, str], int]]] = {k: (0, {}) for k in kinds}
    for eid, v2 in p2.ents.items():
        if v2[0] not in out or v2[5]:
            continue
        new, moves = out[v2[0]]
        v1 = p1.ents.get(eid)
        if v1 is None or v1[5]:
            out[v2[0]] = (new + 1, moves)
        elif v1[4] != v2[4]:
            move = (str(v1[4]), str(v2[4]))
            moves[move] = moves.get(move, 0) + 1
    return out


def open_actions(p2: Picture, t2: str) -> list[str]:
    """The actions still open at ``t2``, those past their due time first (then by due time and
    id: the order does not hang on how the picture was made)."""
    acts = [a for a in p2.states("action") if a.get("status") in OPEN_ACTION]
    decisions = {str(d.get("id")): d for d in p2.states("decision")}
    out = []
    for a in sorted(acts, key=lambda a: (not (a.get("due") and str(a["due"]) < t2),
                                         str(a.get("due") or "9"), str(a.get("id")))):
        late = bool(a.get("due")) and str(a["due"]) < t2
        d = decisions.get(str(a.get("decision_id")))
        out.append("- " + (_("**over tijd** ") if late else "") + str(a.get("text", ""))
                   + (f" — {a['owner']}" if a.get("owner") else "")
                   + (_(", uiterlijk {at}").format(at=local_hm(a["due"])) if a.get("due") else "")
                   + (_(" (besluit {n})").format(n=d.get("number")) if d and d.get("number")
                      else ""))
    return out


def in_short(p1: Picture, p2: Picture, t2: str, n_key: int) -> list[str]:
    """The first lines a coordinator reads: what is new, what moved, what is still open."""
    moved = _moves(p1, p2, ("incident", "bijstand", "decision"))
    (inc_new, inc_moves), (bij_new, bij_moves), (dec_new, dec_moves) = (
        moved["incident"], moved["bijstand"], moved["decision"])
    acts = [a for a in p2.states("action") if a.get("status") in OPEN_ACTION]
    late = sum(1 for a in acts if a.get("due") and str(a["due"]) < t2)
    out = [_("- incidenten: {new} nieuw, {moved} van status veranderd").format(
        new=inc_new, moved=sum(inc_moves.values()))]
    out += [f"  - {label(a)} → {label(b)}: {n}" for (a, b), n in sorted(inc_moves.items())]
    out.append(_("- besluiten: {new} nieuw, {moved} van status veranderd").format(
        new=dec_new, moved=sum(dec_moves.values()))
        + "".join(f"; {n}× {label(b)}" for (_a, b), n in sorted(dec_moves.items())))
    out.append(_("- bijstand: {new} nieuwe aanvragen, {moved} verplaatst").format(
        new=bij_new, moved=sum(bij_moves.values())))
    # (ties by the move: the picture's order hangs on how it was made)
    top = sorted(bij_moves.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    out += [f"  - {label(a)} → {label(b)}: {n}" for (a, b), n in top]
    out.append(_("- openstaande acties om {at}: {n}").format(at=local_hm(t2), n=len(acts))
               + (_(", waarvan {n} over tijd").format(n=late) if late else ""))
    out_now = sorted({f"{s.get('region')} {s.get('channel')}" for s in p2.states("comms")
                      if s.get("state") == "uitgevallen"})
    if out_now:
        out.append(_("- verbindingen uitgevallen om {at}: {n}").format(at=local_hm(t2),
                                                                        n=len(out_now))
                   + f" ({', '.join(out_now[:12])}{', …' if len(out_now) > 12 else ''})")
    out.append(_("- kernberichten: {n}").format(n=n_key))
    return out


def markdown(p1: Picture, p2: Picture, t1: str, t2: str, key: list[Event],
             limit: int = 50, n_key: int | None = None) -> str:
    """The handover between moments ``t1`` and ``t2`` (ISO), Dutch headings: first *In het
    kort* and the actions still open, then per kind what is new or changed (at most ``limit``
    lines per section, the newest last) and the key journal messages (``key``: at least the
    first ``limit`` of them, of ``n_key`` when given)."""
    n_key = len(key) if n_key is None else n_key
    axis = _(AXIS_LABELS[p2.axis])
    a, b = local_hm(t1), local_hm(t2)
    n_between = p2.events - p1.events
    lines = [_("# Overdracht {a} → {b}").format(a=a, b=b), "",
             _("Wat veranderde tussen {a} en {b} ({axis}").format(a=a, b=b, axis=axis)
             + (_(", naar het moment waarop het gebeurde") if p2.axis == WAAR
                else _(", naar het moment waarop het hier binnenkwam")) + ").", "",
             _("- beeld om {at}: `{sum}`").format(at=a, sum=p1.fingerprint()),
             _("- beeld om {at}: `{sum}`").format(at=b, sum=p2.fingerprint()),
             ngettext("- {n} gebeurtenis ertussen", "- {n} gebeurtenissen ertussen",
                      n_between).format(n=n_between), ""]
    none = _("- geen")
    if p2.events == p1.events and p2.picture_sum() == p1.picture_sum():
        return "\n".join(lines + [_("Geen wijzigingen."), ""])
    lines += [_("## In het kort"), "", *in_short(p1, p2, t2, n_key), ""]
    acts = open_actions(p2, t2)
    lines += [_("## Openstaande acties om {at} ({n})").format(at=b, n=len(acts)), "",
              *(_capped(acts, limit) or [none]), ""]
    per_kind = changes(p1, p2, limit)
    for kind, title in SECTIONS:
        items, n = per_kind.pop(kind, ([], 0))
        if n:
            lines += [f"## {_(title)} ({n})", "", *_capped(items, limit, n), ""]
    for kind, (items, n) in sorted(per_kind.items()):
        lines += [f"## {kind} ({n})", "", *_capped(items, limit, n), ""]
    kl = key_lines(key)
    lines += [_("## Kernberichten ({n})").format(n=n_key), ""] + (_capped(kl, limit, n_key)
                                                                  or [none])
    lines.append("")
    return "\n".join(lines)


def pictures(conn: sqlite3.Connection, t1: str, t2: str, axis: Axis,
             checkpoints: Checkpoints | None = None) -> tuple[Picture, Picture]:
    """The pictures at ``t1`` and at ``t2``: the second one folded on from a copy of the first
    (without checkpoints the whole log was folded twice), unless ``t2`` lies before ``t1`` or
    a checkpoint more than a stretch ahead of the first."""
    from data.history import picture_at
    from data.history.frame import _ahead, _copy

    p1 = picture_at(conn, t1, axis, checkpoints)
    pos = position(conn, axis, t2)
    m = checkpoints.best_mark(conn, axis, pos) if checkpoints is not None else None
    if not _ahead(p1, pos) or (m is not None and checkpoints is not None
                               and m.events > p1.events + checkpoints.every):
        return p1, picture_at(conn, t2, axis, checkpoints)
    p2 = _copy(p1)
    advance(conn, p2, pos)
    return p1, p2


def handover(st: Store, t1: str, t2: str, axis: Axis,
             checkpoints: Checkpoints | None = None, limit: int = 50) -> str:
    """The handover from ``t1`` to ``t2`` (ISO) on ``axis`` as Markdown — what ``crisisbeeld
    diff`` prints and the application's Overdracht shows."""
    from data.history import reading

    with no_cycle_collection(), reading(st) as conn:  # (two whole pictures alive: see there)
        p1, p2 = pictures(conn, t1, t2, axis, checkpoints)
        key, n_key = (
            log.key_journal(conn, occurred=(t1, t2), limit=limit) if axis == WAAR else
            log.key_journal(conn, arrived=(int(p1.pos or 0), int(p2.pos or 0)), limit=limit))
        return markdown(p1, p2, t1, t2, key, limit, n_key)

"""The detail panes as HTML: an incident (facts, beeld, earlier beelden, history), a bijstand
request (offers, quantity still open, history) and a decision (with its earlier versions).

Headings go through ``tr`` (the caller's translation function; Qt's in the application), so
this module stays Qt-free. Every value from the store is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from data.domain import geo
from data.domain.enums import CAPABILITIES, label
from data.domain.regions import REGION_BY_CODE, region_label
from data.domain.routing import availability_uncertain
from data.picture import bob as b
from data.picture.timefmt import local_hm

Tr = Callable[[str], str]


def _same(text: str) -> str:
    return text


def esc(v: Any) -> str:
    """A value as HTML text ('' for None)."""
    return html.escape("" if v is None else str(v))


def short_regions(codes: Sequence[str]) -> str:
    """Region codes as their short names, comma-separated (unknown codes as they are)."""
    return ", ".join(REGION_BY_CODE[c].short if c in REGION_BY_CODE else c for c in codes)


def history_html(history: list[dict[str, Any]], *, origin: bool = False,
                 created: str = "aangemaakt", tr: Tr = _same) -> str:
    """The time-stamped history of an entity (newest first) as an HTML table: when, who,
    optionally the centre it came from, and what happened, in the users' words (``created``
    names the creating step, e.g. 'aangevraagd' for a bijstand request)."""
    out = [f"<h3>{tr('Geschiedenis')}</h3><table cellpadding='3'>"]
    for h in reversed(history):
        what = h.get("what", "")
        if what == "status":
            what = f"status {label(h.get('from') or '')} → {label(h.get('to') or '')}"
            if h.get("reason"):
                what += f" ({h['reason']})"
        elif what == "aanbod":
            what = f"aanbod {h.get('quantity')} van {region_label(h.get('provider', ''))}"
        elif what == "aangemaakt":
            what = f"{created} ({label(h['to'])})" if h.get("to") else created
        elif what == "beeld bijgewerkt" and h.get("discipline"):
            what += f" ({label(h['discipline'])})"
        elif what == "oordeel bijgewerkt":
            what += ": " + ", ".join(b.part_title(f) for f in h.get("fields") or [])
        elif h.get("fields"):
            what += ": " + ", ".join(h["fields"])
        cells = [local_hm(h.get("at")), h.get("by")] + ([h.get("origin")] if origin else [])
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells)
                   + f"<td>{esc(what)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _place(s: dict[str, Any]) -> str:
    """The coordinate line of an incident's facts ('' without a point)."""
    where = geo.describe(s.get("point"))
    if not where:
        return ""
    area = geo.describe_area(s)
    return f"<br>plaats: {esc(where)}" + (f" · effectgebied: {esc(area)}" if area else "")


def incident_html(s: dict[str, Any], tr: Tr = _same,
                  decisions: Sequence[dict[str, Any]] | None = None) -> str:
    """The detail of one incident: title and facts, then its Beeld–Oordeel–Besluit (a beeld
    per discipline, the Oordeel, the decisions that concern it: ``decisions``, else the ones
    the reader put in ``bob_decisions``), then the history."""
    linked = decisions if decisions is not None else s.get("bob_decisions") or []
    out = [f"<h2>{esc(s.get('title'))}</h2>",
           f"<p><b>{esc(label(s.get('status', '')))}</b> · fase {esc(label(s.get('phase', '')))}"
           f" · {esc(s.get('kind'))}<br>regio's: {esc(short_regions(s.get('regions') or []))}"
           f"<br>locatie: {esc(s.get('location') or '—')}{_place(s)}"
           f"<br>teams: {esc(', '.join(s.get('teams') or []) or '—')}</p>"]
    out.append(bob_html(b.Bob(tuple(b.picture(s, d) for d in b.DISCIPLINES), b.judgement(s),
                              tuple(linked)), tr))
    out.append(history_html(s.get("history") or [], tr=tr))
    return "".join(out)


#: earlier versions a detail lists per discipline (the rest: the history, the log)
EARLIER_SHOWN = 3
_BYLINE = "<br><span style='color:#555;font-size:small'>{0}</span>"


def _earlier(versions: Sequence[Any], tr: Tr, text: Callable[[Any], str],
             heading: str = "Eerdere beelden") -> str:
    if not versions:
        return ""
    rows = "".join(f"<li>{esc(local_hm(v.at))} · {esc(v.by)}: {text(v)}</li>"
                   for v in versions[:EARLIER_SHOWN])
    more = len(versions) - EARLIER_SHOWN
    tail = f"<li>… {tr('en {0} oudere').format(more)}</li>" if more > 0 else ""
    return (f"<p style='font-size:small;margin-bottom:0'><i>{tr(heading)}</i></p>"
            f"<ul style='font-size:small;margin-top:0'>{rows}{tail}</ul>")


def _parts_text(v: Any) -> str:
    return " · ".join(f"{esc(b.part_title(k))}: {esc(t)}" for k, t in v.parts)


def bob_html(bob: b.Bob, tr: Tr = _same) -> str:
    """Beeld (a section per discipline, with 'bijgewerkt 14:05 door …' and earlier versions),
    Oordeel and Besluit of one incident, as HTML that wraps in a narrow pane."""
    out = [f"<h3>{tr('Beeld')}</h3>"]
    empty = []
    for pic in bob.pictures:
        cur = pic.current
        if cur is None:
            empty.append(tr(pic.title))
            continue
        out.append(f"<h4 style='margin-bottom:0'>{esc(tr(pic.title))} "
                   f"<span style='font-weight:normal'>(versie {cur.number})</span></h4>"
                   f"<p style='font-size:16px;margin-top:2px'>{esc(cur.text)}"
                   f"{_BYLINE.format(esc(cur.byline()))}</p>"
                   + _earlier(pic.earlier, tr, lambda v: esc(v.text)))
    if empty:
        out.append(f"<p style='color:#555'>{esc(tr('Nog geen beeld'))}: "
                   f"{esc(', '.join(empty))}</p>")
    out.append(f"<h3>{tr('Oordeel')}</h3>")
    cur = bob.oordeel
    if cur is None:
        out.append(f"<p>{esc(tr('nog geen oordeel'))}</p>")
    else:
        out.append("".join(f"<p style='margin-bottom:0'><b>{esc(tr(b.part_title(k)))}</b><br>"
                           f"{esc(t)}</p>" for k, t in cur.parts)
                   + f"<p>(versie {cur.number}){_BYLINE.format(esc(cur.byline()))}</p>"
                   + _earlier(tuple(reversed(bob.judgement[:-1])), tr, _parts_text,
                             "Eerdere oordelen"))
    out.append(f"<h3>{tr('Besluit')}</h3>")
    if not bob.decisions:
        out.append(f"<p>{esc(tr('geen besluiten bij dit incident'))}</p>")
    for d in bob.decisions:
        gone = d.get("status") == "ingetrokken"
        style = " style='color:#888;text-decoration:line-through'" if gone else ""
        out.append(f"<p{style}><b>{esc(label(str(d.get('kind') or 'besluit')))} "
                   f"{esc(d.get('number'))}</b> ({esc(local_hm(d.get('created_at')))}, "
                   f"{esc(label(str(d.get('status') or '')))}): {esc(d.get('text'))}</p>")
    return "".join(out)


def open_quantity(state: dict[str, Any]) -> int:
    """Quantity asked minus the sum of offers not withdrawn."""
    offered = sum(int(o.get("quantity") or 0) for o in (state.get("offers") or {}).values()
                  if not o.get("withdrawn"))
    return max(0, int(state.get("quantity") or 0) - offered)


#: the request's own facts, as the detail lists them (label, field)
REQUEST_FACTS = (
    ("Bevoegd gezag", "competent_authority"), ("Contact (functie)", "contact_function"),
    ("Taak", "task"), ("Duur inzet", "duration"), ("Aflossing", "relief"),
    ("Onder commando van", "under_command_of"),
    ("Logistiek / zelfvoorzienendheid", "logistics"), ("Kostenafspraak", "cost_agreement"),
)


def bijstand_html(s: dict[str, Any], tr: Tr = _same) -> str:
    """The detail of one bijstand request (what, who asks whom, open quantity, offers)."""
    cap = CAPABILITIES.get(s.get("capability") or "", s.get("capability_text") or "?")
    offers = s.get("offers") or {}
    out = [f"<h2>{esc(s.get('quantity'))}× {esc(cap)}</h2>",
           f"<p><b>{esc(label(s.get('status', '')))}</b> · prioriteit "
           f"{esc(label(s.get('priority') or 'normaal'))}<br>"
           f"{esc(region_label(s.get('requesting_region', '')))} → {esc(s.get('addressed_to'))}"
           f"<br>nodig vóór: {esc(local_hm(s.get('needed_by')) or '—')} · meldplaats: "
           f"{esc(s.get('meldplaats') or '—')}"
           + (f" · {esc(geo.describe(s.get('meldplaats_point')))}"
              if s.get("meldplaats_point") else "") + "</p>",
           f"<p style='font-size:18px'><b>Nog open: {open_quantity(s)} "
           f"{esc(s.get('unit') or '')}</b> (gevraagd {esc(s.get('quantity'))})</p>"]
    if availability_uncertain(s.get("addressed_to")):
        out.append("<p><b>Beschikbaarheid onzeker</b>: Defensie en de EU leveren alleen als "
                   "er middelen vrij zijn.</p>")
    if s.get("parent_id"):
        out.append(f"<p>Deelverzoek van KCR2 bij verzoek {esc(s.get('parent_id'))}"
                   + (" · verzoek van de Staat ingediend" if s.get("state_request") else "")
                   + "</p>")
    facts = [(k, s.get(f)) for k, f in REQUEST_FACTS if s.get(f)]
    if facts:
        out.append("<p>" + "<br>".join(f"{esc(k)}: {esc(v)}" for k, v in facts) + "</p>")
    out.append(f"<h3>{tr('Aanbod')}</h3>")
    if offers:
        out.append("<table cellpadding='4'><tr><th align='left'>Aanbieder</th>"
                   "<th align='right'>Aantal</th><th align='left'>Status</th>"
                   "<th align='left'>Commandant</th><th align='left'>Aankomst</th>"
                   "<th align='left'>Gedaan</th><th></th></tr>")
        for o in offers.values():
            w = " (ingetrokken)" if o.get("withdrawn") else ""
            style = " style='color:#888;text-decoration:line-through'" if w else ""
            out.append(f"<tr{style}><td>{esc(region_label(o.get('provider', '')))}</td>"
                       f"<td align='right'>{esc(o.get('quantity'))}</td>"
                       f"<td>{esc(label(o.get('status') or 'aangeboden'))}</td>"
                       f"<td>{esc(o.get('commander') or '—')}</td>"
                       f"<td>{esc(local_hm(o.get('eta')))}</td><td>{esc(local_hm(o.get('at')))}"
                       f" · {esc(o.get('by'))}</td><td>{esc(w)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>nog geen aanbod</p>")
    out.append(history_html(s.get("history") or [], origin=True, created="aangevraagd", tr=tr))
    return "".join(out)


def decision_html(d: dict[str, Any], tr: Tr = _same) -> str:
    """The detail of one decision (number, version, status, text, rationale, versions)."""
    kind = label(str(d.get("kind") or "besluit"))
    key = " · ★ sleutelbesluit" if d.get("key") else ""
    out = [f"<h2>{esc(kind)} {esc(d.get('number'))} · versie {esc(d.get('version', 1))}"
           f"{esc(key)}</h2>",
           f"<p><b>{esc(label(d.get('status', '')))}</b> · regio's: "
           f"{esc(short_regions(d.get('regions') or []) or '—')}</p>",
           f"<p style='font-size:17px'>{esc(d.get('text'))}</p>",
           f"<p><i>Motivering:</i> {esc(d.get('rationale') or '—')}</p>"]
    adoption = d.get("adoption") or {}
    if d.get("regions"):
        rows = "".join(
            f"<tr><td>{esc(region_label(r))}</td>"
            f"<td>{esc(label(str((adoption.get(r) or {}).get('state') or 'open')))}</td>"
            f"<td>{esc(local_hm((adoption.get(r) or {}).get('at')) or '')}</td></tr>"
            for r in d.get("regions") or [])
        out.append(f"<h3>{tr('Overname per regio')}</h3><table cellpadding='3'>{rows}</table>")
    if d.get("status") == "ingetrokken":
        out.append(f"<p><b>Ingetrokken</b> op {esc(local_hm(d.get('revoked_at')))}: "
                   f"{esc(d.get('revoked_reason'))}</p>")
    versions = d.get("versions") or []
    if versions:
        out.append(f"<h3>{tr('Eerdere versies')}</h3>")
        for v in reversed(versions):
            out.append(f"<p><b>versie {esc(v.get('version'))}</b> (tot "
                       f"{esc(local_hm(v.get('until')))}): {esc(v.get('text'))}</p>")
    return "".join(out)

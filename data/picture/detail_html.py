"""The detail panes as HTML: an incident (facts, beeld, earlier beelden, history), a bijstand
request (offers, quantity still open, history) and a decision (with its earlier versions).

Every text goes through :func:`data.i18n._` (the language in use); headings then also through
``tr`` (the caller's translation function; Qt's in the application), so this module stays
Qt-free. Every value from the store is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from data.domain import geo
from data.domain.enums import capability_label, label
from data.domain.regions import REGION_BY_CODE, region_label
from data.domain.routing import availability_uncertain
from data.i18n import N_, _
from data.picture import bob as b
from data.picture.timefmt import local_hm

Tr = Callable[[str], str]

#: texts translated inside the f-strings below, where the catalogue's extractor does not look
_IN_F_STRINGS = (
    N_("Geschiedenis"), N_("fase"), N_("locatie:"), N_("teams:"), N_("Beeld"),
    N_("Eerdere beelden"), N_("prioriteit"), N_("nodig vóór:"), N_("meldplaats:"), N_("Aanbod"),
    N_("nog geen aanbod"), N_("versie"), N_("Motivering:"), N_("Overname per regio"),
    N_("Eerdere versies"), N_("plaats:"), N_("effectgebied:"),
)


def _same(text: str) -> str:
    return text


def esc(v: Any) -> str:
    """A value as HTML text ('' for None)."""
    return html.escape("" if v is None else str(v))


def short_regions(codes: Sequence[str]) -> str:
    """Region codes as their short names, comma-separated (unknown codes as they are)."""
    return ", ".join(REGION_BY_CODE[c].short if c in REGION_BY_CODE else c for c in codes)


def history_html(history: list[dict[str, Any]], *, origin: bool = False,
                 created: str = N_("aangemaakt"), tr: Tr = _same) -> str:
    """The time-stamped history of an entity (newest first) as an HTML table: when, who,
    optionally the centre it came from, and what happened, in the users' words (``created``
    names the creating step, e.g. 'aangevraagd' for a bijstand request)."""
    out = [f"<h3>{tr(_('Geschiedenis'))}</h3><table cellpadding='3'>"]
    for h in reversed(history):
        what = h.get("what", "")
        if what == "status":
            what = _("status {old} → {new}").format(old=label(h.get("from") or ""),
                                                    new=label(h.get("to") or ""))
            if h.get("reason"):
                what += f" ({_(h['reason'])})"
        elif what == "aanbod":
            what = _("aanbod {n} van {provider}").format(
                n=h.get("quantity"), provider=region_label(h.get("provider", "")))
        elif what == "aangemaakt":
            what = f"{_(created)} ({label(h['to'])})" if h.get("to") else _(created)
        elif what == "beeld bijgewerkt" and h.get("discipline"):
            what = _(what) + f" ({label(h['discipline'])})"
        elif what == "oordeel bijgewerkt":
            what = _(what) + ": " + ", ".join(b.part_title(f) for f in h.get("fields") or [])
        elif h.get("fields"):
            what = _(what) + ": " + ", ".join(h["fields"])
        else:
            what = _(what)
        at = local_hm(h.get("at"))
        if h.get("nagekomen"):
            at = _("{time} · nagekomen").format(time=at)
        cells = [at, h.get("by")] + ([h.get("origin")] if origin else [])
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
    return (f"<br>{_('plaats:')} {esc(where)}"
            + (f" · {_('effectgebied:')} {esc(area)}" if area else ""))


def incident_html(s: dict[str, Any], tr: Tr = _same,
                  decisions: Sequence[dict[str, Any]] | None = None) -> str:
    """The detail of one incident: title and facts, then its Beeld–Oordeel–Besluit (a beeld
    per discipline, the Oordeel, the decisions that concern it: ``decisions``, else the ones
    the reader put in ``bob_decisions``), then the history."""
    linked = decisions if decisions is not None else s.get("bob_decisions") or []
    out = [f"<h2>{esc(s.get('title'))}</h2>",
           f"<p><b>{esc(label(s.get('status', '')))}</b> · {_('fase')} "
           f"{esc(label(s.get('phase', '')))}"
           f" · {esc(s.get('kind'))}<br>{_regions_word()} "
           f"{esc(short_regions(s.get('regions') or []))}"
           f"<br>{_('locatie:')} {esc(s.get('location') or '—')}{_place(s)}"
           f"<br>{_('teams:')} {esc(', '.join(s.get('teams') or []) or '—')}</p>"]
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
    (N_("Bevoegd gezag"), "competent_authority"), (N_("Contact (functie)"), "contact_function"),
    (N_("Taak"), "task"), (N_("Duur inzet"), "duration"), (N_("Aflossing"), "relief"),
    (N_("Onder commando van"), "under_command_of"),
    (N_("Logistiek / zelfvoorzienendheid"), "logistics"),
    (N_("Kostenafspraak"), "cost_agreement"),
)


def _regions_word() -> str:
    return _("regio's:")


_OFFER_HEADS = (("left", N_("Aanbieder")), ("right", N_("Aantal")), ("left", N_("Status")),
                ("left", N_("Commandant")), ("left", N_("Aankomst")), ("left", N_("Gedaan")))


def bijstand_html(s: dict[str, Any], tr: Tr = _same) -> str:
    """The detail of one bijstand request (what, who asks whom, open quantity, offers)."""
    cap = capability_label(s.get("capability") or "", s.get("capability_text") or "?")
    offers = s.get("offers") or {}
    out = [f"<h2>{esc(s.get('quantity'))}× {esc(cap)}</h2>",
           f"<p><b>{esc(label(s.get('status', '')))}</b> · {_('prioriteit')} "
           f"{esc(label(s.get('priority') or 'normaal'))}<br>"
           f"{esc(region_label(s.get('requesting_region', '')))} → {esc(s.get('addressed_to'))}"
           f"<br>{_('nodig vóór:')} {esc(local_hm(s.get('needed_by')) or '—')} · "
           f"{_('meldplaats:')} {esc(s.get('meldplaats') or '—')}"
           + (f" · {esc(geo.describe(s.get('meldplaats_point')))}"
              if s.get("meldplaats_point") else "") + "</p>",
           "<p style='font-size:18px'><b>"
           + _("Nog open: {n} {unit}</b> (gevraagd {asked})").format(
               n=open_quantity(s), unit=esc(s.get("unit") or ""), asked=esc(s.get("quantity")))
           + "</p>"]
    if availability_uncertain(s.get("addressed_to")):
        out.append(_("<p><b>Beschikbaarheid onzeker</b>: Defensie en de EU leveren alleen als "
                     "er middelen vrij zijn.</p>"))
    if s.get("parent_id"):
        out.append("<p>" + _("Deelverzoek van KCR2 bij verzoek {id}").format(
                   id=esc(s.get("parent_id")))
                   + (" · " + _("verzoek van de Staat ingediend") if s.get("state_request")
                      else "")
                   + "</p>")
    facts = [(k, s.get(f)) for k, f in REQUEST_FACTS if s.get(f)]
    if facts:
        out.append("<p>" + "<br>".join(f"{esc(_(k))}: {esc(v)}" for k, v in facts) + "</p>")
    out.append(f"<h3>{tr(_('Aanbod'))}</h3>")
    if offers:
        out.append("<table cellpadding='4'><tr>" + "".join(
            f"<th align='{a}'>{_(t)}</th>" for a, t in _OFFER_HEADS) + "<th></th></tr>")
        for o in offers.values():
            w = _(" (ingetrokken)") if o.get("withdrawn") else ""
            style = " style='color:#888;text-decoration:line-through'" if w else ""
            out.append(f"<tr{style}><td>{esc(region_label(o.get('provider', '')))}</td>"
                       f"<td align='right'>{esc(o.get('quantity'))}</td>"
                       f"<td>{esc(label(o.get('status') or 'aangeboden'))}</td>"
                       f"<td>{esc(o.get('commander') or '—')}</td>"
                       f"<td>{esc(local_hm(o.get('eta')))}</td><td>{esc(local_hm(o.get('at')))}"
                       f" · {esc(o.get('by'))}</td><td>{esc(w)}</td></tr>")
        out.append("</table>")
    else:
        out.append(f"<p>{_('nog geen aanbod')}</p>")
    out.append(history_html(s.get("history") or [], origin=True, created=N_("aangevraagd"),
                            tr=tr))
    return "".join(out)


def decision_html(d: dict[str, Any], tr: Tr = _same) -> str:
    """The detail of one decision (number, version, status, text, rationale, versions)."""
    kind = label(str(d.get("kind") or "besluit"))
    key = " · ★ " + _("sleutelbesluit") if d.get("key") else ""
    out = [f"<h2>{esc(kind)} {esc(d.get('number'))} · {_('versie')} "
           f"{esc(d.get('version', 1))}{esc(key)}</h2>",
           f"<p><b>{esc(label(d.get('status', '')))}</b> · "
           f"{_regions_word()} "
           f"{esc(short_regions(d.get('regions') or []) or '—')}</p>",
           f"<p style='font-size:17px'>{esc(d.get('text'))}</p>",
           f"<p><i>{_('Motivering:')}</i> {esc(d.get('rationale') or '—')}</p>"]
    adoption = d.get("adoption") or {}
    if d.get("regions"):
        rows = "".join(
            f"<tr><td>{esc(region_label(r))}</td>"
            f"<td>{esc(label(str((adoption.get(r) or {}).get('state') or 'open')))}</td>"
            f"<td>{esc(local_hm((adoption.get(r) or {}).get('at')) or '')}</td></tr>"
            for r in d.get("regions") or [])
        out.append(f"<h3>{tr(_('Overname per regio'))}</h3><table cellpadding='3'>{rows}</table>")
    if d.get("status") == "ingetrokken":
        out.append("<p>" + _("<b>Ingetrokken</b> op {at}: {reason}").format(
            at=esc(local_hm(d.get("revoked_at"))), reason=esc(d.get("revoked_reason"))) + "</p>")
    versions = d.get("versions") or []
    if versions:
        out.append(f"<h3>{tr(_('Eerdere versies'))}</h3>")
        for v in reversed(versions):
            out.append("<p>" + _("<b>versie {n}</b> (tot {until}): {text}").format(
                n=esc(v.get("version")), until=esc(local_hm(v.get("until"))),
                text=esc(v.get("text"))) + "</p>")
    return "".join(out)

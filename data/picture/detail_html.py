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

from data.domain.enums import capability_label, label
from data.domain.regions import REGION_BY_CODE, region_label
from data.domain.routing import availability_uncertain
from data.i18n import N_, _
from data.picture.timefmt import local_hm

Tr = Callable[[str], str]

#: texts translated inside the f-strings below, where the catalogue's extractor does not look
_IN_F_STRINGS = (
    N_("Geschiedenis"), N_("fase"), N_("locatie:"), N_("teams:"), N_("Beeld"),
    N_("Eerdere beelden"), N_("prioriteit"), N_("nodig vóór:"), N_("meldplaats:"), N_("Aanbod"),
    N_("nog geen aanbod"), N_("versie"), N_("Motivering:"), N_("Overname per regio"),
    N_("Eerdere versies"),
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
        elif h.get("fields"):
            what = _(what) + ": " + ", ".join(h["fields"])
        else:
            what = _(what)
        cells = [local_hm(h.get("at")), h.get("by")] + ([h.get("origin")] if origin else [])
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells)
                   + f"<td>{esc(what)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def incident_html(s: dict[str, Any], tr: Tr = _same) -> str:
    """The detail of one incident (title, facts, beeld, beeld history, history)."""
    out = [f"<h2>{esc(s.get('title'))}</h2>",
           f"<p><b>{esc(label(s.get('status', '')))}</b> · {_('fase')} "
           f"{esc(label(s.get('phase', '')))}"
           f" · {esc(s.get('kind'))}<br>{_regions_word()} "
           f"{esc(short_regions(s.get('regions') or []))}"
           f"<br>{_('locatie:')} {esc(s.get('location') or '—')}"
           f"<br>{_('teams:')} {esc(', '.join(s.get('teams') or []) or '—')}</p>",
           f"<h3>{tr(_('Beeld'))}</h3>",
           f"<p style='font-size:17px'>{esc(s.get('beeld') or '—')}</p>"]
    hist = list(reversed(s.get("beeld_history") or []))
    if hist and s.get("beeld") == hist[0].get("beeld"):
        hist = hist[1:]  # the newest is the current picture, shown above
    if hist:
        out.append(f"<h3>{tr(_('Eerdere beelden'))}</h3><table cellpadding='4'>")
        for h in hist:
            out.append(f"<tr><td valign='top'>{esc(local_hm(h.get('at')))}</td>"
                       f"<td valign='top'>{esc(h.get('by'))}</td>"
                       f"<td>{esc(h.get('beeld'))}</td></tr>")
        out.append("</table>")
    out.append(history_html(s.get("history") or [], tr=tr))
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
           f"{_('meldplaats:')} {esc(s.get('meldplaats') or '—')}</p>",
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

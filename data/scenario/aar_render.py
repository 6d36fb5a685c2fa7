"""The after-action review written out: Markdown, one self-contained HTML page (styles and the
response-time chart inline, nothing fetched), or an ``.xlsx`` workbook with one sheet a table."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from data.i18n import N_, _, current_language
from data.scenario.aar import Review
from data.scenario.judgement import FINDING_KINDS
from data.scenario.times import fmt_offset

#: texts translated inside the f-strings below, where the catalogue's extractor does not look
_IN_F_STRINGS = (N_("Evaluatie {title}"), N_("OEFENING"), N_("Evaluatie — {title}"),
                 N_("Regel:"), N_("(geen)"))
#: the states of an inject and of an expectation (aar.review), shown in the language in use
_STATES = (N_("ingetrokken"), N_("verstuurd"), N_("terugval"), N_("uitgesteld"), N_("gepland"),
           N_("gehaald"), N_("te laat"), N_("gemist"), N_("open"), N_("niet verstuurd"),
           N_("deels"))


class RenderError(ValueError):
    """The review cannot be written (message for a person)."""


def _t(s: int | None) -> str:
    return "" if s is None else f"T{fmt_offset(s)}"


def _dur(s: int | None) -> str:
    if s is None:
        return ""
    m, sec = divmod(abs(s), 60)
    return ("-" if s < 0 else "") + _("{n} min").format(n=m) + (
        " " + _("{n} s").format(n=sec) if sec else "")


def _wall(ms: int | None) -> str:
    if not ms:
        return ""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")


#: the tables of a review: title and column heads (translated when written)
_TABLES = (
    (N_("Injects"), (N_("inject"), N_("gepland"), N_("werkelijk"), N_("verschil"), N_("status"),
                     N_("hoe"), N_("verstuurd (UTC)"), N_("eerste reactie"), N_("doel"),
                     N_("van"), N_("aan"), N_("bericht"))),
    (N_("Verwachtingen"), (N_("inject"), N_("verwachting"), N_("gebeurtenis"), N_("binnen"),
                           N_("stand"), N_("gehaald op"), N_("reactietijd"), N_("door"),
                           N_("oordeel spelleiding"), N_("toelichting"))),
    (N_("Doelen"), (N_("doel"), N_("omschrijving"), N_("injects"), N_("verstuurd"),
                    N_("gehaald"), N_("te laat"), N_("gemist"), N_("open"),
                    N_("gem. reactietijd"), N_("beoordeling"), N_("toelichting"))),
    (N_("Doorlooptijden"), (N_("keten"), N_("wat"), N_("id"), N_("begin"),
                            N_("tot aanbod / besluit / terugval"), N_("aanbod → toegezegd"),
                            N_("verzoek → toegezegd"))),
    (N_("Bevindingen"), (N_("soort"), N_("doel"), N_("bevinding"))),
    (N_("Verbeterplan"), (N_("probleem"), N_("verbeteractie"), N_("eigenaar"), N_("gereed"),
                          N_("doel"))),
    # (who observed: 'door', as in the expectations; 'waarnemer' is a function's name)
    (N_("Waarnemingen"), (N_("scenariotijd"), N_("inject"), N_("door"), N_("waarneming"))),
    (N_("Tijdlijn"), (N_("scenariotijd"), N_("wandklok (UTC)"), N_("wat"))),
)


def tables(r: Review) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The review as titled tables (header, rows): what every format writes."""
    injects = [[i.id, _t(i.planned_s), _t(i.fired_s), _dur(i.delay_s), _(i.status), i.how,
                _wall(i.fired_wall_ms), _dur(i.first_response_s), i.objective, i.sender,
                i.recipient, i.message] for i in r.injects]
    expect = []
    for i in r.injects:
        for x in i.expectations:
            where = ", ".join(f"{k}={v}" for k, v in x.where.items())
            rp = x.response
            expect.append([i.id, x.text or x.type, f"{x.type}" + (f" ({where})" if where else ""),
                           _dur(x.within_s), _(x.state), _t(rp.offset_s) if rp else "",
                           _dur(rp.response_s) if rp else "",
                           f"{rp.author} ({rp.origin})" if rp else "",
                           x.override, x.override_note])
    objectives = [[o.id, o.title, o.injects, o.fired, o.met, o.late, o.missed, o.open,
                   _dur(o.mean_response_s), o.rating_text, o.rating_note]
                  for o in r.objectives]
    findings = [[_(FINDING_KINDS.get(f.kind, f.kind)), f.objective, f.text] for f in r.findings]
    plan = [[p.issue, p.action, p.owner, p.due, p.objective] for p in r.plan]
    chains = [[c.kind, c.label, c.entity, _t(c.start_s), _dur(c.first_s), _dur(c.second_s),
               _dur(c.total_s)] for c in r.chains]
    notes = [[_t(n.offset_s), n.inject, n.author, n.text] for n in r.notes]
    timeline = [[_t(e.offset_s), _wall(e.wall_ms), e.what] for e in r.timeline]
    rows = (injects, expect, objectives, chains, findings, plan, notes, timeline)
    return [(_(title), [_(h) for h in head], body) for (title, head), body in zip(_TABLES, rows)]


def msel_columns(r: Review) -> tuple[list[str], dict[str, list[Any]]]:
    """Columns the MSEL export adds from the review: the player actions that met (or came
    late for) each inject's expectations, with their times, and the observer notes."""
    cells: dict[str, list[Any]] = {}
    for i in r.injects:
        acts = []
        for x in i.expectations:
            rp = x.response
            acts.append(f"{x.text or x.type}: {_(x.state)}" + (
                " " + _("{at} (+{after}) door {author}").format(
                    at=_t(rp.offset_s), after=_dur(rp.response_s), author=rp.author) if rp else "")
                + (_(" (spelleiding: {verdict})").format(verdict=_(x.override))
                   if x.override else ""))
        cells[i.id] = ["; ".join(acts), _dur(i.first_response_s),
                       "; ".join(f"{_t(n.offset_s)} {n.text}" for n in i.notes)]
    return [_("Reacties spelers"), _("Eerste reactie"), _("Waarnemingen")], cells


def summary(r: Review) -> list[str]:
    state = (_("loopt") if r.running else _("gepauzeerd")) if r.started else _("niet gestart")
    fired = sum(1 for i in r.injects if i.status == "verstuurd")
    xs = [x for i in r.injects for x in i.expectations]
    return [
        _("Oefening: {title} ({world}); T0 {t0} UTC").format(title=r.title, world=r.world,
                                                             t0=_wall(r.t0_ms)),
        _("Stand: {state}, ×{speed}, scenariotijd {now}").format(state=state, speed=r.speed,
                                                                 now=_t(r.now_s)),
        _("Klok liep {ran} en stond {stood} stil (wandklok)").format(
            ran=_dur(r.running_wall_s), stood=_dur(r.paused_wall_s)),
        _("Injects verstuurd: {n} van {total}").format(n=fired, total=len(r.injects)),
        _("Verwachtingen: {met} gehaald, {late} te laat, {missed} gemist, {open} open, van "
          "{total}").format(met=sum(x.state == "gehaald" for x in xs),
                            late=sum(x.state == "te laat" for x in xs),
                            missed=sum(x.state == "gemist" for x in xs),
                            open=sum(x.state == "open" for x in xs), total=len(xs)),
    ] + ([_("Door de spelleiding beoordeeld: {n} verwachting(en) (zie 'oordeel spelleiding' "
            "naast de automatische stand)").format(n=sum(bool(x.override) for x in xs))]
         if any(x.override for x in xs) else [])


def to_markdown(r: Review) -> str:
    def cell(v: Any) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    out = [_("# Evaluatie — {title}").format(title=r.title), ""] + [
        f"- {s}" for s in summary(r)] + ["", _("*Regel:* {rule}").format(rule=_(r.rule)), ""]
    for title, head, rows in tables(r):
        out += [f"## {title}", ""]
        if not rows:
            out += [_("(geen)"), ""]
            continue
        out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out)


_CSS = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:3px 6px;
text-align:left;vertical-align:top;font-size:13px}th{background:#eee}
.gehaald{background:#d7f0d7}.gemist{background:#f6d5d5}.te.laat{background:#fbe9c8}
.banner{background:#f08a00;color:#fff;padding:4px 8px;font-weight:bold;display:inline-block}"""


def _chart(r: Review) -> str:
    """Inline SVG: time to first response per fired inject (scenario minutes)."""
    bars = [(i.id, i.first_response_s) for i in r.injects if i.fired_s is not None]
    if not bars:
        return ""
    top = max([s or 0 for _, s in bars] + [60])
    w, h, bw = 40 + 34 * len(bars), 180, 24
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h + 40}" '
             f'role="img" aria-label="{html.escape(_("reactietijd per inject"))}">']
    for n, (iid, s) in enumerate(bars):
        x = 30 + 34 * n
        if s is not None:
            bh = max(1, round(h * s / top))
            parts.append(f'<rect x="{x}" y="{h - bh}" width="{bw}" height="{bh}" fill="#3a7bd5">'
                         f'<title>{html.escape(iid)}: {_dur(s)}</title></rect>')
        else:
            parts.append(f'<text x="{x + 6}" y="{h - 4}" font-size="11">–</text>')
        parts.append(f'<text x="{x}" y="{h + 14}" font-size="10">{html.escape(iid[:6])}</text>')
    parts.append(f'<text x="0" y="{h + 32}" font-size="11">'
                 + html.escape(_("eerste reactie per inject (hoogste balk {top} scenariotijd)")
                               .format(top=_dur(top))) + "</text></svg>")
    return "".join(parts)


def to_html(r: Review) -> str:
    e = html.escape
    out = [f"<!DOCTYPE html><html lang='{current_language()}'><head><meta charset='utf-8'>",
           f"<title>{e(_('Evaluatie {title}').format(title=r.title))}</title>"
           f"<style>{_CSS}</style></head><body>",
           f"<div class='banner'>{e(_('OEFENING'))}</div>",
           f"<h1>{e(_('Evaluatie — {title}').format(title=r.title))}</h1><ul>"]
    out += [f"<li>{e(s)}</li>" for s in summary(r)]
    out += ["</ul>", f"<p><em>{e(_('Regel:'))}</em> {e(_(r.rule))}</p>", _chart(r)]
    # the rows show a state in the language in use; its CSS class stays the stored state
    state_of = {_(s): s for s in ("gehaald", "gemist", "te laat", "open")}
    expectations = _("Verwachtingen")
    for title, head, rows in tables(r):
        out.append(f"<h2>{e(title)}</h2>")
        if not rows:
            out.append(f"<p>{e(_('(geen)'))}</p>")
            continue
        out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>")
        for row in rows:
            cls = (f" class='{e(state_of.get(str(row[4]), str(row[4])))}'"
                   if title == expectations else "")
            out.append(f"<tr{cls}>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def to_xlsx(r: Review, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = _("Samenvatting")
    for s in summary(r) + ["", _(r.rule)]:
        ws.append([s])
    for title, head, rows in tables(r):
        sh = wb.create_sheet(title)
        sh.append(head)
        for row in rows:
            sh.append([("'" + v) if isinstance(v, str) and v[:1] in ("=", "@") else v
                       for v in row])
    wb.save(path)


def write(r: Review, path: str | Path) -> Path:
    """Write the review; the format follows the file's extension (.md, .html, .xlsx)."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext == ".md":
        p.write_text(to_markdown(r), encoding="utf-8")
    elif ext in (".html", ".htm"):
        p.write_text(to_html(r), encoding="utf-8")
    elif ext == ".xlsx":
        to_xlsx(r, p)
    else:
        raise RenderError(_("{name}: kies .md, .html of .xlsx").format(name=p.name))
    return p

"""The after-action review written out: Markdown, one self-contained HTML page (styles and the
response-time chart inline, nothing fetched), or an ``.xlsx`` workbook with one sheet a table."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from data.i18n import _
from data.scenario.aar import Review
from data.scenario.judgement import FINDING_KINDS
from data.scenario.times import fmt_offset


class RenderError(ValueError):
    """The review cannot be written (message for a person)."""


def _t(s: int | None) -> str:
    return "" if s is None else f"T{fmt_offset(s)}"


def _dur(s: int | None) -> str:
    if s is None:
        return ""
    m, sec = divmod(abs(s), 60)
    return f"{'-' if s < 0 else ''}{m} min" + (f" {sec} s" if sec else "")


def _wall(ms: int | None) -> str:
    if not ms:
        return ""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")


def tables(r: Review) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The review as titled tables (header, rows): what every format writes."""
    injects = [[i.id, _t(i.planned_s), _t(i.fired_s), _dur(i.delay_s), i.status, i.how,
                _wall(i.fired_wall_ms), _dur(i.first_response_s), i.objective, i.sender,
                i.recipient, i.message] for i in r.injects]
    expect = []
    for i in r.injects:
        for x in i.expectations:
            where = ", ".join(f"{k}={v}" for k, v in x.where.items())
            rp = x.response
            expect.append([i.id, x.text or x.type, f"{x.type}" + (f" ({where})" if where else ""),
                           _dur(x.within_s), x.state, _t(rp.offset_s) if rp else "",
                           _dur(rp.response_s) if rp else "",
                           f"{rp.author} ({rp.origin})" if rp else "",
                           x.override, x.override_note])
    objectives = [[o.id, o.title, o.injects, o.fired, o.met, o.late, o.missed, o.open,
                   _dur(o.mean_response_s), o.rating_text, o.rating_note]
                  for o in r.objectives]
    findings = [[FINDING_KINDS.get(f.kind, f.kind), f.objective, f.text] for f in r.findings]
    plan = [[p.issue, p.action, p.owner, p.due, p.objective] for p in r.plan]
    chains = [[c.kind, c.label, c.entity, _t(c.start_s), _dur(c.first_s), _dur(c.second_s),
               _dur(c.total_s)] for c in r.chains]
    notes = [[_t(n.offset_s), n.inject, n.author, n.text] for n in r.notes]
    timeline = [[_t(e.offset_s), _wall(e.wall_ms), e.what] for e in r.timeline]
    return [
        ("Injects", ["inject", "gepland", "werkelijk", "verschil", "status", "hoe",
                     "verstuurd (UTC)", "eerste reactie", "doel", "van", "aan", "bericht"],
         injects),
        ("Verwachtingen", ["inject", "verwachting", "gebeurtenis", "binnen", "stand",
                           "gehaald op", "reactietijd", "door", "oordeel spelleiding",
                           "toelichting"], expect),
        ("Doelen", ["doel", "omschrijving", "injects", "verstuurd", "gehaald", "te laat",
                    "gemist", "open", "gem. reactietijd", "beoordeling", "toelichting"],
         objectives),
        ("Doorlooptijden", ["keten", "wat", "id", "begin", "tot aanbod / besluit / terugval",
                            "aanbod → toegezegd", "verzoek → toegezegd"], chains),
        ("Bevindingen", ["soort", "doel", "bevinding"], findings),
        ("Verbeterplan", ["probleem", "verbeteractie", "eigenaar", "gereed", "doel"], plan),
        ("Waarnemingen", ["scenariotijd", "inject", "waarnemer", "waarneming"], notes),
        ("Tijdlijn", ["scenariotijd", "wandklok (UTC)", "wat"], timeline),
    ]


def msel_columns(r: Review) -> tuple[list[str], dict[str, list[Any]]]:
    """Columns the MSEL export adds from the review: the player actions that met (or came
    late for) each inject's expectations, with their times, and the observer notes."""
    cells: dict[str, list[Any]] = {}
    for i in r.injects:
        acts = []
        for x in i.expectations:
            rp = x.response
            acts.append(f"{x.text or x.type}: {x.state}" + (
                f" {_t(rp.offset_s)} (+{_dur(rp.response_s)}) door {rp.author}" if rp else "")
                + (f" (spelleiding: {x.override})" if x.override else ""))
        cells[i.id] = ["; ".join(acts), _dur(i.first_response_s),
                       "; ".join(f"{_t(n.offset_s)} {n.text}" for n in i.notes)]
    return ["Reacties spelers", "Eerste reactie", "Waarnemingen"], cells


def summary(r: Review) -> list[str]:
    state = ("loopt" if r.running else "gepauzeerd") if r.started else "niet gestart"
    fired = sum(1 for i in r.injects if i.status == "verstuurd")
    xs = [x for i in r.injects for x in i.expectations]
    return [
        f"Oefening: {r.title} ({r.world}); T0 {_wall(r.t0_ms)} UTC",
        f"Stand: {state}, ×{r.speed}, scenariotijd {_t(r.now_s)}",
        f"Klok liep {_dur(r.running_wall_s)} en stond {_dur(r.paused_wall_s)} stil "
        "(wandklok)",
        f"Injects verstuurd: {fired} van {len(r.injects)}",
        f"Verwachtingen: {sum(x.state == 'gehaald' for x in xs)} gehaald, "
        f"{sum(x.state == 'te laat' for x in xs)} te laat, "
        f"{sum(x.state == 'gemist' for x in xs)} gemist, "
        f"{sum(x.state == 'open' for x in xs)} open, van {len(xs)}",
    ] + ([f"Door de spelleiding beoordeeld: {sum(bool(x.override) for x in xs)} "
          "verwachting(en) (zie 'oordeel spelleiding' naast de automatische stand)"]
         if any(x.override for x in xs) else [])


def to_markdown(r: Review) -> str:
    def cell(v: Any) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    out = [f"# Evaluatie — {r.title}", ""] + [f"- {s}" for s in summary(r)] + [
        "", f"*Regel:* {r.rule}", ""]
    for title, head, rows in tables(r):
        out += [f"## {title}", ""]
        if not rows:
            out += ["(geen)", ""]
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
             'role="img" aria-label="reactietijd per inject">']
    for n, (iid, s) in enumerate(bars):
        x = 30 + 34 * n
        if s is not None:
            bh = max(1, round(h * s / top))
            parts.append(f'<rect x="{x}" y="{h - bh}" width="{bw}" height="{bh}" fill="#3a7bd5">'
                         f'<title>{html.escape(iid)}: {_dur(s)}</title></rect>')
        else:
            parts.append(f'<text x="{x + 6}" y="{h - 4}" font-size="11">–</text>')
        parts.append(f'<text x="{x}" y="{h + 14}" font-size="10">{html.escape(iid[:6])}</text>')
    parts.append(f'<text x="0" y="{h + 32}" font-size="11">eerste reactie per inject '
                 f'(hoogste balk {_dur(top)} scenariotijd)</text></svg>')
    return "".join(parts)


def to_html(r: Review) -> str:
    e = html.escape
    out = ["<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>",
           f"<title>Evaluatie {e(r.title)}</title><style>{_CSS}</style></head><body>",
           "<div class='banner'>OEFENING</div>", f"<h1>Evaluatie — {e(r.title)}</h1><ul>"]
    out += [f"<li>{e(s)}</li>" for s in summary(r)]
    out += ["</ul>", f"<p><em>Regel:</em> {e(r.rule)}</p>", _chart(r)]
    for title, head, rows in tables(r):
        out.append(f"<h2>{e(title)}</h2>")
        if not rows:
            out.append("<p>(geen)</p>")
            continue
        out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>")
        for row in rows:
            cls = f" class='{e(str(row[4]))}'" if title == "Verwachtingen" else ""
            out.append(f"<tr{cls}>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def to_xlsx(r: Review, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Samenvatting"
    for s in summary(r) + ["", r.rule]:
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

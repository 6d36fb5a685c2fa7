"""The sitrep as self-contained HTML that prints well (A4), and the HTML the PDF is drawn from.

One function for both: in a browser the map is inline SVG, OEFENING stands on every printed page
through a fixed element, and the table of contents links to the sections; for the PDF
(``for_pdf``) the map is an image the painter supplies, the contents carry page numbers and the
painter itself puts OEFENING and the page number on every page. Only markup Qt's rich text
understands is used for the PDF (tables with attributes, simple CSS).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from data.domain.enums import source_label as label
from data.domain.regions import region_label
from data.picture.detail_html import esc, short_regions
from data.picture.timefmt import local_hm
from data.report import regionmap
from data.report.content import Sitrep, class_label
from data.report.text import (
    EXERCISE_MARK,
    SECTIONS,
    bob_parts,
    comms_cells,
    decision_head,
    figure_lines,
    filter_text,
    more_bijstand,
    more_journal,
    offer_text,
)

#: the image name the PDF painter registers the map under
MAP_IMAGE = "kaart.png"

PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 13pt; margin-top: 14pt;
  border-bottom: 1px solid #999; } h3 { font-size: 11pt; margin-top: 10pt; }
h4 { font-size: 10pt; margin: 8pt 0 2pt 0; }
table { border-collapse: collapse; width: 100%; } th { text-align: left; background: #eee; }
td, th { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; }
tr { page-break-inside: avoid; } .late { font-weight: bold; color: #a00; }
.beeld { margin: 2pt 0 6pt 10pt; font-style: italic; }
.head td { border: none; padding: 0 6pt 0 0; } .toc a { color: #111; text-decoration: none; }
.mark { position: fixed; top: 0; right: 0; font-weight: bold; color: #a00;
  border: 2px solid #a00; padding: 1pt 6pt; }
.water { position: fixed; top: 40%; left: 8%; font-size: 90pt; color: rgba(170,0,0,0.10);
  transform: rotate(-30deg); z-index: -1; }
@media screen { body { max-width: 190mm; margin: 10mm auto; } }
"""

TABLE = "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"


def table(head: Sequence[str], rows: Sequence[Sequence[Any]], late_col: int = -1) -> str:
    """An HTML table; a row whose ``late_col`` cell starts with '⚠' is shown as late."""
    if not rows:
        return "<p><i>geen</i></p>"
    out = [TABLE, "<tr>" + "".join(f"<th align='left'>{esc(h)}</th>" for h in head) + "</tr>"]
    for r in rows:
        late = late_col >= 0 and str(r[late_col]).startswith("⚠")
        cls = " class='late'" if late else ""
        out.append(f"<tr{cls}>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>")
    out.append("</table>")
    return "".join(out)


#: what the PDF painter puts where a section's page number goes, to fill in after layout
def toc_token(n: int) -> str:
    return f"§{n}§"


def _toc(pages: Sequence[int | str] | None) -> str:
    rows = []
    for n, title in enumerate(SECTIONS):
        pad = "&nbsp;&nbsp;&nbsp;&nbsp;" if "." in title.split(" ")[0][:-1] else ""
        page = f"<td align='right'>{pages[n]}</td>" if pages is not None else ""
        rows.append(f"<tr><td>{pad}<a href='#s{n}'>{esc(title)}</a></td>{page}</tr>")
    return ("<h3>Inhoud</h3><table class='toc head' cellpadding='1' width='60%'>"
            + "".join(rows) + "</table>")


def header(s: Sitrep, title: str = "Situatierapport") -> str:
    """The header block: centre, world, moment, fingerprint, highest classification."""
    m = s.meta
    rows = [("Centrum", f"{m.centre} ({m.node})"), ("Wereld", m.world),
            ("Moment", f"{local_hm(s.moment)} ({s.moment})"), ("Vingerafdruk", m.fingerprint),
            ("Rubricering", class_label(s.highest_class).upper()
             + " (hoogste in dit rapport)"), ("Filters", filter_text(s))]
    return (f"<h1>{esc(title)} {esc(m.centre)}</h1><table class='head' cellpadding='1'>"
            + "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in rows)
            + "</table>")


def _h(n: int, level: int) -> str:
    return f"<h{level} id='s{n}'><a name='s{n}'></a>{esc(SECTIONS[n])}</h{level}>"


def _bob(i: dict[str, Any]) -> str:
    """Beeld per discipline, Oordeel and Besluit of one incident (short lines: they wrap)."""
    out = []
    for section, items in bob_parts(i):
        rows = "".join(
            "<li>" + (f"<b>{esc(head)}</b>: " if head else "") + esc(text)
            + (f" <span style='color:#555'>({esc(byline)})</span>" if byline else "") + "</li>"
            for head, text, byline in items)
        out.append(f"<p style='margin:4pt 0 0 0'><b>{esc(section)}</b></p>"
                   f"<ul style='margin-top:0'>{rows}</ul>")
    return "".join(out)


def body(s: Sitrep, *, map_src: str | None = None, toc: Sequence[int | str] | None = None,
         with_toc: bool = True) -> str:
    """The sitrep's sections as HTML (no ``<html>`` around them)."""
    out = [header(s)]
    if with_toc:
        out.append(_toc(toc))
    out.append(_h(0, 2) + _h(1, 3))
    out.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in figure_lines(s)) + "</ul>")
    sel = tuple(s.filters.regions)
    if map_src is None:
        out.append(f"<div>{regionmap.svg(s.region_levels, 330, sel)}</div>")
    else:
        out.append(f"<p><img src='{esc(map_src)}' width='330'></p>")
    legend = " · ".join(f"<span style='background:{regionmap.FILL[k]}'>&nbsp;&nbsp;&nbsp;"
                        f"</span> {esc(t)}" for k, t in regionmap.LEGEND)
    out.append(f"<p style='font-size:8pt'>{legend}</p>")
    out.append(_h(2, 3))
    if not s.incidents:
        out.append("<p><i>geen</i></p>")
    for i in s.incidents:
        out.append(f"<h4>{esc(i.get('title'))}</h4><p>{esc(label(str(i.get('status') or '')))}"
                   f" · fase {esc(label(str(i.get('phase') or '')))} · regio's: "
                   f"{esc(short_regions(i.get('regions') or []))} · teams: "
                   f"{esc(', '.join(i.get('teams') or []) or '—')}</p>" + _bob(i))
        if i.get("attachments"):
            out.append(f"<p>Bijlagen: {esc(', '.join(i['attachments']))}</p>")
    out.append(_h(3, 3))
    out.append(table(["verzoek", "van", "aan", "status", "nog open", "nodig vóór",
                      "aanbod (ETA)"],
                     [[b.get("title") or label(str(b.get("capability") or "")),
                       region_label(str(b.get("requesting_region") or "")),
                       region_label(str(b.get("addressed_to") or "")),
                       label(str(b.get("status") or "")),
                       f"{b['open_quantity']} van {b.get('quantity')} {b.get('unit') or ''}",
                       ("⚠ " if b["late"] else "") + local_hm(b.get("needed_by")),
                       "; ".join(offer_text(o) for o in b["offers_live"]) or "—"]
                      for b in s.bijstand], late_col=5))
    if s.bijstand_more:
        out.append(f"<p><i>{esc(more_bijstand(s))}</i></p>")
    out.append(_h(4, 3))
    out.append(table(["regio", "uitgevallen", "verstoord", "terugval in gebruik"],
                     comms_cells(s)))
    out.append(_h(5, 3))
    out.append(table(["noodsteunpunt", "gemeente", "regio", "status", "T0+", "72-uursdoel"],
                     [[p.get("name"), p.get("municipality"), region_label(str(p.get("region"))),
                       label(str(p.get("status") or "")), p["elapsed"],
                       ("⚠ " if p["flagged"] else "") + p["clock"]] for p in s.nsp],
                     late_col=5))
    out.append(_h(6, 3) + f"<p>{esc(local_hm(s.since))} – {esc(local_hm(s.moment))}</p>")
    if s.journal_more:
        out.append(f"<p><i>{esc(more_journal(s))}</i></p>")
    out.append(table(["tijd", "kanaal", "van", "aan", "bericht"],
                     [[local_hm(j.get("at")) + (" (nagekomen)" if j.get("nagekomen") else ""),
                       j.get("channel"), j.get("sender"), j.get("recipient"), j.get("text")]
                      for j in s.journal]))
    out.append(_h(7, 2) + "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in s.judgements)
               + "</ul>")
    out.append(_h(8, 2))
    if not s.decisions:
        out.append("<p><i>geen</i></p>")
    for d in s.decisions:
        out.append(f"<h4>{esc(decision_head(d))}</h4><p>{esc(d.get('text'))}</p>")
        if d["open_actions"]:
            out.append(table(["actie", "eigenaar", "gereed vóór", "status"],
                             [[a.get("text"), a.get("owner"), local_hm(a.get("due")),
                               "⚠ TE LAAT" if a["overdue"] else label(str(a.get("status")))]
                              for a in d["open_actions"]], late_col=3))
    return "".join(out)


def document(title: str, inner: str, exercise: bool) -> str:
    """A whole HTML page around ``inner``: print CSS, and OEFENING on every printed page."""
    mark = (f"<div class='mark'>{EXERCISE_MARK}</div><div class='water'>{EXERCISE_MARK}</div>"
            if exercise else "")
    return (f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>{esc(title)}"
            f"</title><style>{PRINT_CSS}</style></head><body>{mark}{inner}</body></html>")


def html(s: Sitrep) -> str:
    """The sitrep as one self-contained HTML file for a browser (and its print dialog)."""
    return document(f"Situatierapport {s.meta.centre} {local_hm(s.moment)}", body(s),
                    s.meta.exercise)

"""The paper pack of the paper fallback (*Papieren terugval*): the parts, as HTML bodies.

When the UPS is running out, what is not on paper is gone from the room. A pack holds the
sitrep, the full journal of the last 24 hours, the bijstand board, the open actions, and blank
numbered journal and bijstand forms pre-filled with the centre, so the room can carry on with
pen and paper and key the forms in later (each form has a time field: the time of the message,
which the application keeps as when it happened, marked *nagekomen*).

A big store can hold hundreds of thousands of journal lines in a day; the pack prints at most
:data:`JOURNAL_MAX` of them (the newest) and says how many it left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from data.domain.enums import source_label as label
from data.domain.regions import region_label
from data.picture.detail_html import esc
from data.picture.timefmt import local_hm
from data.report import html as rhtml
from data.report.content import Sitrep
from data.report.text import more_bijstand

#: journal lines a pack prints at most (the newest), so a pack stays quick and portable
JOURNAL_MAX = 1000
#: open requests the bijstand board of a pack prints at most (the most urgent)
BOARD_MAX = 300
#: lines on a blank journal form
FORM_LINES = 20


@dataclass(frozen=True)
class Part:
    """One part of a pack: its title (in the page header) and its HTML body."""

    title: str
    body: str
    #: the sitrep part gets a table of contents with page numbers
    sitrep: bool = False


def journal_part(s: Sitrep, lines: list[dict[str, Any]], total: int | None = None) -> Part:
    """The full journal of the window (newest last), capped at :data:`JOURNAL_MAX` lines;
    ``total``: how many messages the window holds when ``lines`` are only the newest."""
    total = len(lines) if total is None else max(total, len(lines))
    shown = lines[max(0, len(lines) - JOURNAL_MAX):]
    left_out = total - len(shown)
    note = (f"<p><b>{left_out} oudere regels niet afgedrukt</b> (meer dan {JOURNAL_MAX} in 24 "
            "uur); het volledige logboek staat in de applicatie.</p>" if left_out else "")
    rows = [[local_hm(j.get("at")) + (" (nagekomen)" if j.get("nagekomen") else ""),
             j.get("channel"), j.get("direction"), j.get("sender"), j.get("recipient"),
             ("★ " if j.get("key") else "") + str(j.get("text") or "")] for j in shown]
    body = (f"<h2>Logboek laatste 24 uur</h2><p>{esc(local_hm(s.since))} – "
            f"{esc(local_hm(s.moment))} · {total} berichten</p>{note}"
            + rhtml.table(["tijd", "kanaal", "richting", "van", "aan", "bericht"], rows))
    return Part("Logboek 24 uur", body)


def bijstand_part(s: Sitrep, board: Sitrep | None = None) -> Part:
    """The bijstand board: open requests per status, with what is still open and the offers
    (from ``board``, a sitrep composed to list up to :data:`BOARD_MAX` requests)."""
    b_s = board or s
    out = ["<h2>Bijstandsbord</h2>"]
    if b_s.bijstand_more:
        out.append(f"<p><i>{esc(more_bijstand(b_s))}</i></p>")
    by: dict[str, list[dict[str, Any]]] = {}
    for b in b_s.bijstand:
        by.setdefault(str(b.get("status")), []).append(b)
    if not by:
        out.append("<p><i>geen open bijstand</i></p>")
    for status, rows in sorted(by.items()):
        out.append(f"<h3>{esc(label(status))} ({len(rows)})</h3>")
        out.append(rhtml.table(
            ["verzoek", "van", "aan", "nog open", "nodig vóór", "meldplaats", "aanbod"],
            [[b.get("title") or label(str(b.get("capability") or "")),
              region_label(str(b.get("requesting_region") or "")),
              region_label(str(b.get("addressed_to") or "")),
              f"{b['open_quantity']} van {b.get('quantity')} {b.get('unit') or ''}",
              ("⚠ " if b["late"] else "") + local_hm(b.get("needed_by")),
              b.get("meldplaats") or "—",
              "; ".join(f"{o.get('quantity')} {local_hm(o.get('eta'))}".strip()
                        for o in b["offers_live"]) or "—"] for b in rows], late_col=4))
    return Part("Bijstandsbord", "".join(out))


def actions_part(s: Sitrep) -> Part:
    """All open actions, overdue first, with their decision, owner and due time."""
    rows = [(a, d) for d in s.decisions for a in d["open_actions"]]
    rows.sort(key=lambda ad: (not ad[0]["overdue"], str(ad[0].get("due") or "9")))
    body = "<h2>Open acties</h2>" + rhtml.table(
        ["actie", "eigenaar", "gereed vóór", "besluit", "status"],
        [["⚠ " + str(a.get("text")) if a["overdue"] else a.get("text"), a.get("owner"),
          local_hm(a.get("due")), f"{d.get('team')} {d.get('number')}",
          "TE LAAT" if a["overdue"] else label(str(a.get("status") or ""))] for a, d in rows],
        late_col=0)
    return Part("Open acties", body)


def _blank(head: list[str], lines: int, widths: list[int]) -> str:
    cols = "".join(f"<th align='left' width='{w}%'>{esc(h)}</th>" for h, w in zip(head, widths))
    empty = "".join("<td>&nbsp;</td>" for _ in head[1:])
    rows = "".join(f"<tr><td>{n}</td>{empty}</tr>" for n in range(1, lines + 1))
    return (f"<table border='1' cellspacing='0' cellpadding='7' width='100%'><tr>{cols}</tr>"
            f"{rows}</table>")


def journal_form(s: Sitrep, pack_no: str) -> Part:
    """A blank journal form, numbered, with the centre filled in."""
    m = s.meta
    body = (f"<h2>Logboekformulier {pack_no}-L</h2><p>Centrum: <b>{esc(m.centre)}</b> "
            f"({esc(m.node)}) · wereld {esc(m.world)} · blad ____ · ingevuld door "
            "__________________</p><p>Noteer bij elk bericht de <b>werkelijke tijd</b> (uu:mm). "
            "Bij later invoeren: begin de snelinvoer met die tijd (bijv. <i>14:05 tekst</i>); "
            "het bericht komt als <i>nagekomen</i> op zijn eigen plaats in het logboek.</p>"
            + _blank(["nr", "tijd", "kanaal", "van", "aan", "bericht", "paraaf"], FORM_LINES,
                     [5, 8, 10, 12, 12, 45, 8]))
    return Part("Logboekformulier", body)


def bijstand_form(s: Sitrep, pack_no: str) -> Part:
    """A blank bijstand request form, numbered, with the centre filled in."""
    m = s.meta
    fields = ["Tijd van het verzoek (uu:mm)", "Aanvragende regio", "Gericht aan",
              "Capaciteit / omschrijving", "Aantal en eenheid", "Nodig vóór", "Meldplaats",
              "Bevoegd gezag", "Contact (functie)", "Taak", "Duur inzet", "Aflossing",
              "Onder commando van", "Logistiek / zelfvoorzienendheid", "Prioriteit",
              "Incident"]
    rows = "".join(f"<tr><td width='30%'><b>{n}. {esc(f)}</b></td><td>&nbsp;<br>&nbsp;</td>"
                   "</tr>" for n, f in enumerate(fields, 1))
    body = (f"<h2>Bijstandsformulier {pack_no}-B</h2><p>Centrum: <b>{esc(m.centre)}</b> "
            f"({esc(m.node)}) · wereld {esc(m.world)} · ingevuld door __________________</p>"
            f"{rhtml.TABLE}{rows}</table>")
    return Part("Bijstandsformulier", body)


def parts(s: Sitrep, journal: list[dict[str, Any]], pack_no: str,
          board: Sitrep | None = None, journal_total: int | None = None) -> list[Part]:
    """Every part of a pack, in the order they are printed; ``pack_no`` numbers its forms
    (the pack's local time, e.g. '20261126-1415', so every form on paper is unique);
    ``journal_total``: the messages of the window when ``journal`` holds only the newest."""
    return [Part("Situatierapport", "", sitrep=True), journal_part(s, journal, journal_total),
            bijstand_part(s, board), actions_part(s), journal_form(s, pack_no),
            bijstand_form(s, pack_no)]


def pack_document(s: Sitrep, journal: list[dict[str, Any]], pack_no: str) -> str:
    """The whole pack as one HTML page for a browser (each part on a new printed page)."""
    inner = [rhtml.body(s)]
    for p in parts(s, journal, pack_no)[1:]:
        inner.append(f"<div style='page-break-before: always'>{p.body}</div>")
    return rhtml.document(f"Papieren pakket {s.meta.centre}", "".join(inner), s.meta.exercise)

"""The sitrep as Markdown: the same sections and facts as the HTML and the PDF."""

from __future__ import annotations

from typing import Any

from data.domain.enums import source_label as label
from data.domain.regions import region_label
from data.picture.detail_html import short_regions
from data.picture.timefmt import local_hm
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


def _cell(v: Any) -> str:
    return ("" if v is None else str(v)).replace("|", "\\|").replace("\n", " ")


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    if not rows:
        return ["_geen_", ""]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return out + [""]


def _bob(i: dict[str, Any]) -> list[str]:
    """Beeld per discipline, Oordeel and Besluit of one incident."""
    out = []
    for section, items in bob_parts(i):
        out.append(f"**{section}**")
        out.append("")
        for head, text, byline in items:
            lead = f"*{_cell(head)}*: " if head else ""
            tail = f" _({_cell(byline)})_" if byline else ""
            out.append(f"- {lead}{_cell(text)}{tail}")
        out.append("")
    return out


def markdown(s: Sitrep) -> str:
    """The whole sitrep as one Markdown document."""
    m = s.meta
    out = []
    if m.exercise:
        out += [f"**{EXERCISE_MARK}** — {EXERCISE_MARK} — {EXERCISE_MARK}", ""]
    out += [f"# Situatierapport {m.centre}", "",
            f"- Centrum: {m.centre} ({m.node})",
            f"- Wereld: {m.world}",
            f"- Moment: {local_hm(s.moment)} ({s.moment})",
            f"- Vingerafdruk: {m.fingerprint}",
            f"- Hoogste rubricering in dit rapport: **{class_label(s.highest_class).upper()}**",
            f"- Filters: {filter_text(s)}", ""]
    out += [f"## {SECTIONS[0]}", "", f"### {SECTIONS[1]}", ""]
    out += [f"- {line}" for line in figure_lines(s)] + [""]
    out += [f"### {SECTIONS[2]}", ""]
    if not s.incidents:
        out += ["_geen_", ""]
    for i in s.incidents:
        out += [f"#### {_cell(i.get('title'))}", "",
                f"{label(str(i.get('status') or ''))} · fase {label(str(i.get('phase') or ''))}"
                f" · regio's: {short_regions(i.get('regions') or [])}"
                f" · teams: {', '.join(i.get('teams') or []) or '—'}", ""]
        out += _bob(i)
        if i.get("attachments"):
            out += [f"Bijlagen: {_cell(', '.join(i['attachments']))}", ""]
    out += [f"### {SECTIONS[3]}", ""]
    out += _table(["verzoek", "van", "aan", "status", "nog open", "nodig vóór", "aanbod (ETA)"],
                  [[b.get("title") or label(str(b.get("capability") or "")),
                    region_label(str(b.get("requesting_region") or "")),
                    region_label(str(b.get("addressed_to") or "")),
                    label(str(b.get("status") or "")),
                    f"{b['open_quantity']} van {b.get('quantity')} {b.get('unit') or ''}",
                    local_hm(b.get("needed_by")) + (" ⚠ verstreken" if b["late"] else ""),
                    "; ".join(offer_text(o) for o in b["offers_live"]) or "—"]
                   for b in s.bijstand])
    if s.bijstand_more:
        out += [f"_{more_bijstand(s)}_", ""]
    out += [f"### {SECTIONS[4]}", ""]
    out += _table(["regio", "uitgevallen", "verstoord", "terugval in gebruik"], comms_cells(s))
    out += [f"### {SECTIONS[5]}", ""]
    out += _table(["noodsteunpunt", "gemeente", "regio", "status", "T0+", "72-uursdoel"],
                  [[p.get("name"), p.get("municipality"), region_label(str(p.get("region"))),
                    label(str(p.get("status") or "")), p["elapsed"],
                    ("⚠ " if p["flagged"] else "") + p["clock"]] for p in s.nsp])
    out += [f"### {SECTIONS[6]} ({local_hm(s.since)} – {local_hm(s.moment)})", ""]
    if s.journal_more:
        out += [f"_{more_journal(s)}_", ""]
    out += _table(["tijd", "kanaal", "van", "aan", "bericht"],
                  [[local_hm(j.get("at")) + (" (nagekomen)" if j.get("nagekomen") else ""),
                    j.get("channel"), j.get("sender"), j.get("recipient"), j.get("text")]
                   for j in s.journal])
    out += [f"## {SECTIONS[7]}", ""] + [f"- {t}" for t in s.judgements] + [""]
    out += [f"## {SECTIONS[8]}", ""]
    if not s.decisions:
        out += ["_geen_", ""]
    for d in s.decisions:
        out += [f"#### {_cell(decision_head(d))}", "", f"{_cell(d.get('text'))}", ""]
        if d["open_actions"]:
            out += _table(["actie", "eigenaar", "gereed vóór", "status"],
                          [[a.get("text"), a.get("owner"), local_hm(a.get("due")),
                            ("TE LAAT" if a["overdue"] else label(str(a.get("status") or "")))]
                           for a in d["open_actions"]])
    if m.exercise:
        out += ["", f"**{EXERCISE_MARK}**"]
    return "\n".join(out) + "\n"

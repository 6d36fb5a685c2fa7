"""Small shared pieces of the views: a configured table view, a view title, HTML escaping."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget


def make_table(parent: QWidget | None = None, sortable: bool = True) -> QTableView:
    """A read-only, row-selecting table; fixed row height and interactive widths (no
    ResizeToContents: that visits every row)."""
    t = QTableView(parent)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    t.setSortingEnabled(sortable)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    t.verticalHeader().setDefaultSectionSize(30)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setHighlightSections(False)
    return t


def set_widths(table: QTableView, widths: list[int]) -> None:
    for i, w in enumerate(widths):
        if w:
            table.setColumnWidth(i, w)


def title_label(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName("ViewTitle")
    return lab


def esc(v: Any) -> str:
    return html.escape("" if v is None else str(v))


def tr_detail(text: str) -> str:
    """Translate a text of the detail panes (context 'Detail')."""
    return QCoreApplication.translate("Detail", text)


def history_html(history: list[dict[str, Any]], *, origin: bool = False,
                 created: str = "aangemaakt") -> str:
    """The time-stamped history of an entity (newest first) as an HTML table: when, who,
    optionally the centre it came from, and what happened, in the users' words (``created``
    names the creating step, e.g. 'aangevraagd' for a bijstand request)."""
    from data.domain.enums import label
    from data.domain.regions import region_label
    from widgets.timefmt import local_hm

    out = [f"<h3>{tr_detail('Geschiedenis')}</h3><table cellpadding='3'>"]
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
        elif h.get("fields"):
            what += ": " + ", ".join(h["fields"])
        cells = [local_hm(h.get("at")), h.get("by")] + ([h.get("origin")] if origin else [])
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells)
                   + f"<td>{esc(what)}</td></tr>")
    out.append("</table>")
    return "".join(out)

"""The open bijstand of a sitrep, counted in SQLite: only the requests it lists are decoded.

A 1M-event store holds some 56,000 open requests; a sitrep lists the 40 most urgent and a
pack's board 300, while the figures and the *oordeel* count them all. Decoding every state to
count them cost more than a second. Here SQLite reads the few fields the rules need (one parse
of each state), applies the sitrep's filters (regions, classification ceiling), counts per
status, sums what is still open, counts the late ones, and hands back the most urgent states
in the sitrep's order (late first, then by needed-by, then by title).

The rules are those of :func:`data.report.content.compose` on full states (``class_of``,
``Filters``, ``needed_by_overdue``, ``open_quantity``), written in SQL;
tests/data/test_report_open_bijstand.py holds the two to the same answers.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from data.domain.lifecycles import OPEN_BIJSTAND, REQUESTED_BIJSTAND
from data.report.content import DEFAULT_CLASS, RANK, BijstandTally, Filters

#: the fields of a state the rules read, in the order of the array SQLite makes of them
_FIELDS = ("status", "classification", "needed_by", "title", "quantity", "offers", "regions",
           "region", "requesting_region", "addressed_to")


def _truthy(x: str) -> str:
    """SQL for Python's truth of a JSON value (None, '', 0 and false are false)."""
    return f"({x} IS NOT NULL AND {x} <> '' AND {x} <> 0)"


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _sql(filters: Filters, moment: str) -> tuple[str, list[Any]]:
    """The open requests at ``moment`` in ``filters``' regions as a CTE ``c``: rowid ``n``,
    status, ``ok`` (under the ceiling), ``cls`` (rank), ``late``, ``oq`` (quantity still open)
    and the sort keys."""
    opened, requested = sorted(OPEN_BIJSTAND), sorted(REQUESTED_BIJSTAND)
    paths = ", ".join(f"'$.{f}'" for f in _FIELDS)
    col = {f: f"json_extract(j, '$[{i}]')" for i, f in enumerate(_FIELDS)}
    case = "CASE " + col["classification"] + " " + "WHEN ? THEN ? " * len(RANK) + "ELSE ? END"
    ranks = [x for kv in RANK.items() for x in kv] + [RANK[DEFAULT_CLASS]]
    offered = ("(SELECT coalesce(sum(CAST(json_extract(value, '$.quantity') AS INTEGER)), 0) "
               "FROM json_each(offers) WHERE NOT " + _truthy("json_extract(value, '$.withdrawn')")
               + ")")
    where = ""
    if filters.regions:
        m = _marks(len(filters.regions))
        where = (f" AND (EXISTS (SELECT 1 FROM json_each(regions) WHERE value IN ({m})) "
                 f"OR region IN ({m}) OR requesting_region IN ({m}) OR addressed_to IN ({m}))")
    sql = (
        "WITH v AS MATERIALIZED (SELECT rowid AS n, json_extract(state, " + paths + ") AS j "
        f"FROM entity WHERE kind = 'bijstand' AND status IN ({_marks(len(opened))})), "
        "b AS (SELECT n, " + col["status"] + " AS status, " + case + " AS cls, "
        + col["needed_by"] + " AS nb, " + col["title"] + " AS title, "
        + col["quantity"] + " AS qty, " + col["offers"] + " AS offers, "
        + col["regions"] + " AS regions, " + col["region"] + " AS region, "
        + col["requesting_region"] + " AS requesting_region, "
        + col["addressed_to"] + " AS addressed_to FROM v), "
        "c AS MATERIALIZED (SELECT n, status, cls, cls <= ? AS ok, "
        f"(status IN ({_marks(len(requested))}) AND " + _truthy("nb")
        + " AND CAST(nb AS TEXT) < ?) AS late, "
        "max(0, coalesce(CAST(qty AS INTEGER), 0) - " + offered + ") AS oq, "
        "CASE WHEN " + _truthy("nb") + " THEN CAST(nb AS TEXT) ELSE '9' END AS k_nb, "
        "CASE WHEN " + _truthy("title") + " THEN CAST(title AS TEXT) ELSE '' END AS k_title "
        f"FROM b WHERE status IN ({_marks(len(opened))}){where}) ")
    region_args = list(filters.regions) * 4 if filters.regions else []
    return sql, [*opened, *ranks, RANK[filters.max_class], *requested, moment, *opened,
                 *region_args]


def tally(conn: sqlite3.Connection, moment: str, filters: Filters,
          listed: int) -> tuple[BijstandTally, list[str]]:
    """The open requests at ``moment`` (ISO) under ``filters``: their tally and the states
    (JSON, without history and conflicts) of the ``listed`` most urgent, in the sitrep's
    order; one statement, so one read of each state (and one snapshot)."""
    cte, args = _sql(filters, moment)
    counts: dict[str, int] = {}
    late = oq = withheld = 0
    top = -1
    states: list[str] = []
    for part, _pos, status, ok, n, n_late, n_oq, cls, state in conn.execute(
            cte + "SELECT 0, NULL, status, ok, count(*), sum(late), sum(oq), max(cls), NULL "
            "FROM c GROUP BY status, ok UNION ALL "
            "SELECT 1, row_number() OVER (ORDER BY t.late DESC, t.k_nb, t.k_title, t.n), NULL, "
            "NULL, NULL, NULL, NULL, NULL, json_remove(e.state, '$.history', '$.conflicts') "
            "FROM (SELECT n, late, k_nb, k_title FROM c WHERE ok ORDER BY late DESC, k_nb, "
            "k_title, n LIMIT ?) t JOIN entity e ON e.rowid = t.n ORDER BY 1, 2",
            [*args, listed]):
        if part:
            states.append(str(state))
        elif not ok:
            withheld += int(n)
        else:
            counts[str(status)] = int(n)
            late, oq, top = late + int(n_late), oq + int(n_oq), max(top, int(cls))
    by_rank = {r: c for c, r in RANK.items()}
    return (BijstandTally(moment, filters.regions, filters.max_class, listed, counts, late, oq,
                          withheld, by_rank.get(top)), states)

"""Subcommands for Terugkijken: asof (the picture at a moment) and diff (the handover)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from data.clock import now as clock_now
from data.clock import to_iso
from data.oswords import count
from data.picture.timefmt import LOCAL, local_hm
from desktop.cli_core import UserError, file_words, open_store

_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d")


def parse_moment(text: str) -> str:
    """A moment as an operator types it — local time (Europe/Amsterdam) like
    ``2026-11-21 14:05``, or ISO with ``Z``/an offset — as the log writes it (UTC)."""
    t = text.strip()
    if t.endswith("Z") or "+" in t[10:] or t[10:].count("-") > 0:
        try:
            return to_iso(datetime.fromisoformat(t.replace("Z", "+00:00")))
        except ValueError:
            pass
    for fmt in _FORMATS:
        try:
            return to_iso(datetime.strptime(t, fmt).replace(tzinfo=LOCAL))
        except ValueError:
            continue
    raise UserError(f"tijdstip '{text}' niet begrepen; schrijf bijvoorbeeld "
                    "\"2026-11-21 14:05\" (Nederlandse tijd) of 2026-11-21T13:05:00Z")


def _axis(a: argparse.Namespace) -> Any:
    from data.history import BEKEND, WAAR

    return BEKEND if a.known else WAAR


def _open(a: argparse.Namespace) -> tuple[Any, Any]:
    from data.history import Checkpoints, prepare

    st = open_store(a.db)
    cps = Checkpoints(a.db)
    try:
        made = prepare(st, cps)
    except sqlite3.OperationalError as e:  # busy or read-only: seek without making any
        print(f"checkpoints niet bijgewerkt ({e}); terugkijken vouwt langer", file=sys.stderr)
        made = 0
    if made:
        print(f"{made} checkpoints gemaakt ({cps.path})", file=sys.stderr)
    return st, cps


def cmd_asof(a: argparse.Namespace) -> int:
    from data.history import picture_at, reading
    from data.history.summary import lines, summary

    at = parse_moment(a.at)
    st, cps = _open(a)
    try:
        with reading(st) as conn:
            pic = picture_at(conn, at, _axis(a), cps)
        doc = summary(pic, at)
    finally:
        cps.close()
        st.close()
    if a.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines(doc, local_hm(at))))
    return 0


def cmd_diff(a: argparse.Namespace) -> int:
    from data.history.diff import handover

    # now, rounded up to the whole second: what arrived in this second (to the millisecond)
    # belongs to "now" on the arrival axis
    t2 = parse_moment(a.to) if a.to else to_iso(
        clock_now().replace(microsecond=0) + timedelta(seconds=1))
    t1 = parse_moment(a.frm) if a.frm else to_iso(
        datetime.fromisoformat(t2.replace("Z", "+00:00")).astimezone(UTC) - timedelta(hours=12))
    if t1 > t2:
        raise UserError("--from ligt na --to; kies een eerder begin")
    st, cps = _open(a)
    try:
        text = handover(st, t1, t2, _axis(a), cps)
    finally:
        cps.close()
        st.close()
    if a.out:
        try:
            Path(a.out).write_text(text, encoding="utf-8")
        except OSError as e:
            raise UserError(f"{a.out} kan niet worden geschreven: {file_words(e)}") from None
        print(f"overdracht geschreven: {a.out}")
    else:
        print(text)
    return 0


def cmd_fork(a: argparse.Namespace) -> int:
    from data.history import position, reading
    from data.history.fork import fork
    from data.store import StoreError, valid_world

    at = parse_moment(a.at)
    if a.world == "LIVE" or not valid_world(a.world):
        raise UserError(f"wereld '{a.world}': een fork is een oefening, kies een id als OEF-…")
    if Path(a.out).exists():
        raise UserError(f"{a.out} bestaat al; kies een nieuw bestand")
    st = open_store(a.db)
    try:
        with reading(st) as conn:
            res = fork(conn, st.node_id, _axis(a), position(conn, _axis(a), at), a.out,
                       a.world, local_hm(at))
    except StoreError as e:
        raise UserError(str(e)) from None
    finally:
        st.close()
    print(f"fork geschreven: {a.out} ({count(res.made, 'gebeurtenis', 'gebeurtenissen')}, "
          f"wereld {a.world}; "
          f"{len(res.skipped)} niet overgenomen)")
    for eid, reason in res.skipped[:10]:
        print(f"  niet overgenomen {eid}: {reason}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("asof", help="het beeld zoals het was op een moment (terugkijken)")
    p.add_argument("--db", required=True)
    p.add_argument("--at", required=True,
                   help="moment, bv. \"2026-11-21 14:05\" (Nederlandse tijd) of ISO met Z")
    p.add_argument("--known", action="store_true",
                   help="wat wij hier wisten (ontvangen) in plaats van wat waar was (gebeurd)")
    p.add_argument("--json", action="store_true", help="samenvatting als JSON")
    p.set_defaults(func=cmd_asof)

    p = sub.add_parser("diff", help="wat veranderde tussen twee momenten (overdracht, Markdown)")
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="frm", help="begin (standaard: 12 uur voor --to)")
    p.add_argument("--to", help="einde (standaard: nu)")
    p.add_argument("--known", action="store_true",
                   help="naar ontvangst hier in plaats van naar het moment van gebeuren")
    p.add_argument("--out", help="schrijf de Markdown naar dit bestand")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("fork", help="begin een oefenstore vanuit het beeld op een moment")
    p.add_argument("--db", required=True)
    p.add_argument("--at", required=True)
    p.add_argument("--out", required=True, help="pad van de nieuwe store")
    p.add_argument("--world", required=True, help="oefening-id, bv. OEF-2026-12")
    p.add_argument("--known", action="store_true", help="vanuit wat wij hier wisten")
    p.set_defaults(func=cmd_fork)

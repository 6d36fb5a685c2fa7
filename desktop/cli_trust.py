"""Subcommands on the roster of centres (data.store.roster): pin the root, show, import."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from data.oswords import os_words
from desktop.cli_core import UserError, open_store


def pin(st: Any, fp: str) -> str:
    from data.store.roster import RosterError

    try:
        return str(st.pin_root(fp))
    except RosterError as e:
        raise UserError(str(e)) from None


def cmd_pin(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        fp = pin(st, a.fingerprint)
        print(f"root {fp} vastgepind: alleen centra op het rooster van die root worden nog "
              f"aangenomen")
        print(st.trust_status())
    finally:
        st.close()
    return 0


def cmd_unpin(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        st.unpin_root()
        print(st.trust_status())
    finally:
        st.close()
    return 0


def cmd_show(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        print(st.trust_status())
        doc = st.roster_document()
        for e in (doc or {}).get("entries", []):
            what = (f"sleutel {e['key'][:16]}…" if e["action"] == "aanmelding" else
                    "ingetrokken na seq " + (", ".join(f"{w} {s}" for w, s in e["until"].items())
                                             or "0 (in elke wereld)"))
            print(f"  {e['n']:>4}  {e['node']:<20} {e['action']:<11} {what}  "
                  f"({e['by'] or '-'}, {e['at']})")
    finally:
        st.close()
    return 0


def cmd_import(a: argparse.Namespace) -> int:
    from data.store.roster import MAX_BYTES, RosterError

    p = Path(a.file)
    try:
        text = p.read_bytes()[:MAX_BYTES + 1]
        doc = json.loads(text)
    except OSError as e:
        raise UserError(f"{p} kan niet worden gelezen: {os_words(e, reading=True)}") from None
    except ValueError:
        raise UserError(f"{p} is geen leesbaar rooster (geen JSON-document van een "
                        "rooster)") from None
    st = open_store(a.db)
    try:
        try:
            n = st.learn_roster(doc)
        except RosterError as e:
            raise UserError(f"rooster geweigerd: {e}") from None
        print(f"{n} nieuwe rooster-regels overgenomen")
        print(st.trust_status())
    finally:
        st.close()
    return 0


def register(sub: Any) -> None:
    r = sub.add_parser("roster", help="het rooster van centra en de vastgepinde root")
    rs = r.add_subparsers(dest="roster_command", metavar="ACTIE", required=True)
    p = rs.add_parser("pin", help="pin de vingerafdruk van de root (van de beheerder van KCR2)")
    p.add_argument("--db", required=True)
    p.add_argument("--fingerprint", required=True, help="32 tekens 0-9/A-F, spaties mogen")
    p.set_defaults(func=cmd_pin)
    p = rs.add_parser("unpin", help="maak de root los (terug naar vertrouwen bij eerste gebruik)")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_unpin)
    p = rs.add_parser("show", help="toon de vastgepinde root en het rooster")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_show)
    p = rs.add_parser("import", help="lees een rooster in uit een bestand (JSON)")
    p.add_argument("--db", required=True)
    p.add_argument("file")
    p.set_defaults(func=cmd_import)

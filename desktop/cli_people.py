"""Subcommands on people (issue 16): ``dienst begin|overdracht|eind|wie|pin|functies`` and
``audit`` / ``audit verify``.

Who gives a command is named once for every subcommand: ``crisisbeeld --als "Naam (functie)"``
(or ``$CRISISBEELD_AUTHOR``), with ``--pin`` (or ``$CRISISBEELD_PIN``) when the beheerder set
one for that person. The store checks the function against its role table, so a waarnemer is
refused here exactly as in the application.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from data.domain.roles import RoleTable, format_author, split_author
from data.domain.shifts import holder, shift_command
from data.domain.validation import ValidationError
from data.oswords import count, os_words
from data.store import Command, Store
from desktop.cli_core import UserError, open_store


def _pin(a: argparse.Namespace) -> str | None:
    return (getattr(a, "pin", None) or getattr(a, "als_pin", None)
            or os.environ.get("CRISISBEELD_PIN") or None)


def person(st: Store, a: argparse.Namespace, required: bool = True) -> str | None:
    """The author named for this command (``--als`` / ``$CRISISBEELD_AUTHOR``), checked
    against the store's functions and PINs; None when none was named and none is required."""
    named = (getattr(a, "als", None) or os.environ.get("CRISISBEELD_AUTHOR", "")).strip()
    if not named:
        if required:
            raise UserError(NAME_YOURSELF)
        return None
    if split_author(named)[1] is None:
        # every line in a history names a person and a function: a name alone is refused
        raise UserError(f"'{named}' noemt geen functie. {NAME_YOURSELF}")
    try:
        return st.check_author(named, _pin(a))
    except ValidationError as e:
        raise UserError(str(e)) from None


def setup_author(a: argparse.Namespace) -> str:
    """Who sets a store up or changes its key: the person named (``--als`` /
    ``$CRISISBEELD_AUTHOR``, with function: it must be the beheerder, the role check says so),
    else the computer account that runs the command, as beheerder (issue 16)."""
    import getpass

    named = (getattr(a, "als", None) or os.environ.get("CRISISBEELD_AUTHOR", "")).strip()
    if named:
        if split_author(named)[1] is None:
            raise UserError(f"'{named}' noemt geen functie. {NAME_YOURSELF}")
        return named
    try:
        account = getpass.getuser().strip()
    except (OSError, KeyError):  # no account name known (a container without a user entry)
        account = ""
    return format_author(account[:80] or "installatie", "beheerder")


#: how a CLI user names themselves (said whenever the name or the function is missing)
NAME_YOURSELF = ('Noem wie dit doet, met functie: crisisbeeld --als "Naam (functie)" …, '
                 'of zet CRISISBEELD_AUTHOR="Naam (functie)".')


def _execute(st: Store, cmd: Command, author: str) -> None:
    try:
        st.execute(cmd, author)
    except ValidationError as e:
        raise UserError(str(e)) from None


def _channels(a: argparse.Namespace) -> dict[str, Any]:
    return {"ncv": a.ncv, "satellite": a.satelliet, "c2000": a.c2000}


def _take_up(st: Store, a: argparse.Namespace, action: str) -> tuple[str, Command]:
    """The person named in ``a`` signs in, and the shift command ``action`` ("begin" or
    "overdracht") of their function; a refusal as a UserError."""
    try:
        author = st.sign_in(a.naam, a.functie, _pin(a))
        typ, payload, entity = shift_command(st.roles, st.node_id, action, a.functie, a.naam,
                                             note=a.toelichting, **_channels(a))
    except ValidationError as e:
        raise UserError(str(e)) from None
    return author, Command(typ, payload, entity)


def cmd_begin(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        author, cmd = _take_up(st, a, "begin")
        _execute(st, cmd, author)
        print(f"in dienst: {author} bij {st.name}")
    finally:
        st.close()
    return 0


def cmd_handover(a: argparse.Namespace) -> int:
    """The incoming person signs in and takes the function over from whoever holds it."""
    st = open_store(a.db)
    try:
        author, cmd = _take_up(st, a, "overdracht")
        outgoing = holder(st.entity(cmd.entity))
        _execute(st, cmd, author)
        print(f"overdracht: {cmd.payload['function']} van {outgoing} naar {a.naam}")
    finally:
        st.close()
    return 0


def cmd_end(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        try:
            typ, payload, entity = shift_command(st.roles, st.node_id, "eind", a.functie)
        except ValidationError as e:
            raise UserError(str(e)) from None
        who = holder(st.entity(entity))
        author = person(st, a, required=False)
        if author is None:
            if who is None:
                raise UserError(f"niemand is in dienst als {payload['function']}")
            try:  # the one on duty ends their own shift
                author = st.sign_in(who, payload["function"],
                                    _pin(a))
            except ValidationError as e:
                raise UserError(str(e)) from None
        _execute(st, Command(typ, payload, entity), author)
        print(f"dienst beëindigd: {who} ({payload['function']})")
    finally:
        st.close()
    return 0


def cmd_who(a: argparse.Namespace) -> int:
    from data.picture.bezetting import by_centre, posts

    st = open_store(a.db)
    try:
        rows = posts(st.entities("shift"), st.entities("node"))
    finally:
        st.close()
    if not rows:
        print("niemand in dienst (of nog geen diensten ontvangen)")
        return 0
    for centre, items in by_centre(rows).items():
        print(centre)
        for p in items:
            line = f"  {p.function:<12} {p.person:<24} sinds {p.since[:16].replace('T', ' ')}"
            print(line + (f"  {p.channels}" if p.channels else ""))
    return 0


def _admin(st: Store, a: argparse.Namespace) -> str:
    author = person(st, a)
    assert author is not None
    _person, function = split_author(author)
    if st.roles.canonical(function or "") != "beheerder":
        raise UserError("pincodes en functies stelt de beheerder in: "
                        'crisisbeeld --als "Naam (beheerder)" …')
    return author


def cmd_pin(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        _admin(st, a)
        try:
            st.set_pin(a.naam, None if a.weg else a.nieuw)
        except ValidationError as e:
            raise UserError(str(e)) from None
    finally:
        st.close()
    print(f"pincode van {a.naam} {'verwijderd' if a.weg else 'ingesteld'}")
    return 0


def cmd_functions(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        table = RoleTable.from_json(st.roles.to_json())  # a copy: the store's own stays as is
        if a.toevoegen or a.besluiten:
            _admin(st, a)
            if a.toevoegen:
                table.extra = tuple(dict.fromkeys([*table.extra, *a.toevoegen]))
            if a.besluiten:
                wanted = [x.strip() for x in a.besluiten.split(",") if x.strip()]
                canon = [table.canonical(x) for x in wanted]
                if None in canon:
                    raise UserError(f"onbekende functie in --besluiten; kies uit "
                                    f"{', '.join(table.functions())}")
                table.rights["besluiten"] = tuple(c for c in canon if c)
            st.set_roles(table)
        for f in table.functions():
            rights = [r for r in ("invoeren", "besluiten", "oefenleiding", "beheer")
                      if f in table.holders(r)]
            print(f"{f:<14} {', '.join(rights) or 'alleen lezen'}")
    finally:
        st.close()
    return 0


def cmd_audit(a: argparse.Namespace) -> int:
    from data.history.audit import export

    if not (a.db and a.out):
        raise UserError("gebruik: crisisbeeld audit --db PAD --out BESTAND, of "
                        "crisisbeeld audit verify BESTAND")
    st = open_store(a.db)
    try:
        n = export(st, a.out)
    except OSError as e:
        raise UserError(f"auditbestand {a.out} kan niet worden geschreven: "
                        f"{os_words(e)}") from None
    finally:
        st.close()
    print(f"auditbestand geschreven: {a.out} ({count(n['records'], 'regel', 'regels')}, "
          f"{count(n['events'], 'gebeurtenis', 'gebeurtenissen')} van "
          f"{count(n['origins'], 'centrum', 'centra')})")
    return 0


def cmd_audit_verify(a: argparse.Namespace) -> int:
    from data.history.audit import verify_file

    v = verify_file(a.file)
    if v.ok:
        print(f"auditbestand intact: {count(v.records, 'regel', 'regels')}, "
              f"{count(v.events, 'gebeurtenis', 'gebeurtenissen')} van "
              f"{count(v.origins, 'centrum', 'centra')}; ketens en handtekeningen kloppen")
        return 0
    print(f"auditbestand NIET intact ({count(len(v.problems), 'probleem', 'problemen')}):",
          file=sys.stderr)
    for p in v.problems[:50]:
        print(f"  {p}", file=sys.stderr)
    return 1


def _channel_args(p: Any) -> None:
    p.add_argument("--ncv", help="NCV-nummer van de post")
    p.add_argument("--satelliet", help="satelliettelefoon van de post")
    p.add_argument("--c2000", help="C2000-gespreksgroep")
    p.add_argument("--toelichting")


def register(sub: Any) -> None:
    d = sub.add_parser("dienst", help="wie is in dienst: aanmelden, overdragen, afmelden")
    ds = d.add_subparsers(dest="dienst", metavar="OPDRACHT", required=True)
    p = ds.add_parser("begin", help="meld je aan in een functie")
    p.add_argument("--db", required=True)
    p.add_argument("--naam", required=True)
    p.add_argument("--functie", required=True, help="OL, IM, plotter, CaCo, waarnemer, …")
    p.add_argument("--pin", help="pincode (als de beheerder er een instelde)")
    _channel_args(p)
    p.set_defaults(func=cmd_begin)
    p = ds.add_parser("overdracht", help="neem een functie over van wie hem nu heeft")
    p.add_argument("--db", required=True)
    p.add_argument("--naam", required=True, help="wie de dienst overneemt")
    p.add_argument("--functie", required=True)
    p.add_argument("--pin", help="pincode van wie overneemt")
    _channel_args(p)
    p.set_defaults(func=cmd_handover)
    p = ds.add_parser("eind", help="beëindig een dienst")
    p.add_argument("--db", required=True)
    p.add_argument("--functie", required=True)
    p.set_defaults(func=cmd_end)
    p = ds.add_parser("wie", help="bezetting: wie is waar in dienst (alle centra)")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_who)
    p = ds.add_parser("pin", help="stel de pincode van een persoon in (beheerder)")
    p.add_argument("--db", required=True)
    p.add_argument("--naam", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--nieuw", help="de nieuwe pincode (4 tot 12 cijfers)")
    g.add_argument("--weg", action="store_true", help="verwijder de pincode")
    p.set_defaults(func=cmd_pin)
    p = ds.add_parser("functies", help="functies van dit centrum en wat ze mogen")
    p.add_argument("--db", required=True)
    p.add_argument("--toevoegen", nargs="+", help="eigen functies van het centrum (beheerder)")
    p.add_argument("--besluiten", help="wie besluiten vastlegt, bv. OL,IM (beheerder)")
    p.set_defaults(func=cmd_functions)

    p = sub.add_parser("audit", help="auditbestand schrijven, of controleren (audit verify)")
    p.add_argument("--db")
    p.add_argument("--out")
    p.set_defaults(func=cmd_audit)
    av = p.add_subparsers(dest="audit", metavar="verify")
    v = av.add_parser("verify", help="controleer een auditbestand met alleen het bestand")
    v.add_argument("file")
    v.set_defaults(func=cmd_audit_verify)


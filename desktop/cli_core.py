"""Subcommands on the store: init, demo, export, import, state, fingerprint, rebuild."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from data.domain.validation import ValidationError
from data.oswords import count
from data.store import Store, StoreError


class UserError(Exception):
    """A mistake a person can fix; printed as one line, exit code 2."""


def file_words(e: OSError) -> str:
    """Why a file could not be written, in words (no errno, no temporary file name); see
    :func:`data.oswords.os_words` (also for reading)."""
    from data.oswords import os_words

    return os_words(e)


def open_store(path: str) -> Store:
    try:
        return Store.open(path)
    except StoreError as e:
        raise UserError(str(e)) from None


def cmd_init(a: argparse.Namespace) -> int:
    if a.pin_root:  # (checked first: a wrong fingerprint leaves no store behind)
        from data.store.roster import RosterError, normal_fingerprint

        try:
            normal_fingerprint(a.pin_root)
        except RosterError as e:
            raise UserError(f"--pin-root: {e}") from None
    from data.domain.roles import RoleTable
    from data.domain.validation import ValidationError
    from desktop.cli_people import setup_author

    author = setup_author(a)
    try:  # checked before the file exists: a refused person leaves no store behind
        RoleTable().guard("node.registered", {}, author)
        st = Store.create(a.db, a.node, a.world, a.name or "", author=author)
    except (StoreError, ValidationError) as e:
        raise UserError(str(e)) from None
    print(f"store aangemaakt: node {st.node_id}, wereld {st.world}, door {author}")
    if a.pin_root:
        from desktop.cli_trust import pin

        try:
            print(f"root {pin(st, a.pin_root)} vastgepind")
        finally:
            st.close()
        return 0
    st.close()
    return 0


def cmd_demo(a: argparse.Namespace) -> int:
    from data.demo import Demo

    p = Path(a.db)
    if a.world == "LIVE":
        raise UserError("demogegevens komen nooit in LIVE; kies een oefenwereld, "
                        "bv. --world OEF-DEMO")
    if p.exists():
        st = open_store(a.db)
        if st.world == "LIVE":
            st.close()
            raise UserError(f"{a.db} is een LIVE-store: demogegevens komen nooit in LIVE. "
                            "Gebruik een oefenstore (crisisbeeld exercise new) of een nieuw "
                            "bestand")
    else:
        try:
            st = Store.create(p, a.node, a.world, a.name or a.node)
        except StoreError as e:
            raise UserError(str(e)) from None
    t0 = time.perf_counter()

    def progress(done: int) -> None:
        if a.events >= 50_000 and done % 50_000 < 5000:
            print(f"  {done} / {a.events}", file=sys.stderr, flush=True)

    try:
        n = Demo(st, seed=a.seed).run(extra_events=a.events, progress=progress)
        print(f"demo: {count(n, 'gebeurtenis', 'gebeurtenissen')} toegevoegd in "
              f"{time.perf_counter() - t0:.1f} s; {st.fingerprint()}")
    except ValidationError as e:
        raise UserError(str(e)) from None
    finally:
        st.close()
    return 0


def cmd_export(a: argparse.Namespace) -> int:
    from data.sync.bundle import BundleError, export_bundle, read_state

    st = open_store(a.db)
    try:
        heads = read_state(a.state, st.world) if a.state else None
        res = export_bundle(st, a.out, since_heads=heads, fmt=a.format)
    except BundleError as e:
        raise UserError(str(e)) from None
    except OSError as e:
        raise UserError(f"bundel {a.out} kan niet worden geschreven: {file_words(e)}") from None
    finally:
        st.close()
    from desktop import activity

    activity.exported(res.path, res.events, len(res.origins))
    kind = "incrementele bundel" if heads is not None else "bundel"
    print(f"{kind} geschreven: {res.path} ({count(res.events, 'gebeurtenis', 'gebeurtenissen')}, "
          f"{count(len(res.origins), 'herkomst', 'herkomsten')})")
    return 0


def cmd_import(a: argparse.Namespace) -> int:
    from data.sync.bundle import BundleError, import_bundle

    st = open_store(a.db)
    try:
        res = import_bundle(st, a.file)
        fp = st.fingerprint()
    except BundleError as e:
        raise UserError(str(e)) from None
    finally:
        st.close()
    from desktop import activity

    activity.imported(a.file, len(res.accepted), len(res.duplicates), len(res.rejected))
    print(f"import: {len(res.accepted)} geaccepteerd, {len(res.duplicates)} dubbel, "
          f"{len(res.rejected)} geweigerd")
    for eid, reason in res.rejected[:20]:
        print(f"  geweigerd {eid}: {reason}")
    if len(res.rejected) > 20:
        print(f"  … en nog {len(res.rejected) - 20}")
    print(f"vingerafdruk: {fp}")
    return 1 if res.rejected else 0


def cmd_state(a: argparse.Namespace) -> int:
    from data.sync.bundle import write_state

    st = open_store(a.db)
    try:
        doc = write_state(st, a.out)
    except OSError as e:
        raise UserError(f"statusbestand {a.out} kan niet worden geschreven: "
                        f"{file_words(e)}") from None
    finally:
        st.close()
    print(f"statusbestand geschreven: {a.out} "
          f"({count(len(doc['heads']), 'herkomst', 'herkomsten')})")
    return 0


def cmd_fingerprint(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    print(st.fingerprint())
    st.close()
    return 0


def cmd_rebuild(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    t0 = time.perf_counter()
    n = st.rebuild(workers=a.workers)
    dt = time.perf_counter() - t0
    print(f"projecties opnieuw opgebouwd uit {count(n, 'gebeurtenis', 'gebeurtenissen')} "
          f"in {dt:.2f} s; {st.fingerprint()}")
    st.close()
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="maak een nieuwe store")
    p.add_argument("--db", required=True, help="pad van het storebestand")
    p.add_argument("--node", required=True, help="node-id van dit centrum, bv. vnog of kcr2")
    p.add_argument("--world", default="LIVE", help="LIVE of een oefening-id (OEF-…)")
    p.add_argument("--name", help="naam van het centrum")
    p.add_argument("--pin-root", help="vingerafdruk van de root (KCR2): alleen centra op haar "
                                      "rooster worden aangenomen")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="vul of vervolg het demobeeld")
    p.add_argument("--db", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--events", type=int, default=0, help="extra verkeer (voor benchmarks)")
    p.add_argument("--node", default="demo", help="node-id als de store nog niet bestaat")
    p.add_argument("--world", default="OEF-DEMO",
                   help="oefenwereld als de store nog niet bestaat (nooit LIVE)")
    p.add_argument("--name", help="naam van het centrum als de store nog niet bestaat")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("export", help="schrijf een bundel (USB-stick)")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--state", help="statusbestand van de ontvanger: alleen wat daar ontbreekt")
    p.add_argument("--format", type=int, choices=(1, 2), default=2,
                   help="bundelformaat; 1 voor een ontvanger met een oudere Crisisbeeld")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="lees een bundel in")
    p.add_argument("--db", required=True)
    p.add_argument("file")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("state", help="schrijf het statusbestand voor een incrementele bundel")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_state)

    p = sub.add_parser("fingerprint", help="vingerafdruk van het beeld (om voor te lezen)")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_fingerprint)

    p = sub.add_parser("rebuild",
                       help="bouw alle projecties opnieuw op uit de gebeurtenissen in de store")
    p.add_argument("--db", required=True)
    p.add_argument("--workers", type=int, default=None,
                   help="processen die parallel vouwen (standaard: naar aantal cores)")
    p.set_defaults(func=cmd_rebuild)

"""Subcommands for sync: hub (serve, enroll, revoke), serve (a hub on this centre's store), sync."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from typing import Any

from data.oswords import os_words
from desktop.cli_core import UserError, open_store


def _worlds(text: str | None) -> list[str]:
    from data.store import valid_world

    out = [w.strip() for w in (text or "").split(",") if w.strip()]
    bad = [w for w in out if not valid_world(w)]
    if bad:
        raise UserError(f"wereld {', '.join(bad)}: gebruik LIVE of een oefening-id als OEF-2026-01")
    return out


def _open_log(a: argparse.Namespace) -> Any:
    from data.sync.hub.storage import HubStorageError, open_log

    try:
        return open_log(db=getattr(a, "db", None), store=getattr(a, "store", None))
    except HubStorageError as e:
        raise UserError(str(e)) from None


def _sigterm_as_interrupt() -> None:
    def stop(*_: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


def cmd_hub(a: argparse.Namespace) -> int:
    from data.sync.hub.server import serve, tls_options

    try:  # (before the log is opened: nothing listens when this says no)
        tls_options(a.host, a.tls_cert, a.tls_key, a.insecure_http)
    except ValueError as e:
        raise UserError(str(e)) from None
    log = _open_log(a)
    where = f"store {a.store} (wereld {log.worlds()[0]})" if a.store else f"{log.kind}-database"
    scheme = "https" if a.tls_cert else "http"
    print(f"hub {log.hub_id} op {scheme}://{a.host}:{a.port} met {where}; stoppen met Ctrl-C",
          flush=True)
    try:
        serve(log, a.host, a.port, log_level=a.log_level, workers=a.workers, db=a.db,
              store=a.store, tls_cert=a.tls_cert, tls_key=a.tls_key,
              insecure_http=a.insecure_http)
    except KeyboardInterrupt:
        pass
    return 0


def _admin(a: argparse.Namespace, how: str) -> str:
    """A roster entry's ``by``: what was done and by whom — the person named (``--als`` /
    ``$CRISISBEELD_AUTHOR``) or the computer account, who must hold the beheerder's function
    (issue 16: hub and roster administration belong to the administrator)."""
    from data.domain.roles import RoleTable
    from data.domain.validation import ValidationError
    from desktop.cli_people import setup_author

    author = setup_author(a)
    try:
        RoleTable().guard("node.registered", {}, author)  # the right 'beheer'
    except ValidationError as e:
        raise UserError(str(e)) from None
    return f"{how} door {author}"[:200]


def cmd_enroll(a: argparse.Namespace) -> int:
    by = _admin(a, "aanmelding")
    write = _worlds(a.worlds)
    read = _worlds(a.read_worlds)
    if not write and not read:
        raise UserError("geef met --worlds (of --read-worlds) minstens één wereld")
    node = a.node.strip()
    if not node or len(node) > 80 or not all(c.isalnum() or c in "-_." for c in node):
        raise UserError("node-id: gebruik letters, cijfers, '-', '_' of '.' (hoogstens 80)")
    log = _open_log(a)
    served = log.worlds()
    if served is not None and any(w not in served for w in write + read):
        log.close()
        raise UserError(f"deze store-hub bedient alleen wereld {', '.join(served)}")
    key = _public_key(a.key) if a.key else None
    try:
        was = _may_enroll(log, node, key, a.vervang)
        token = log.auth.enroll(node, write, read, public_key=key)
        signed = key and hasattr(log, "roster") and log.roster.enrol(node, key, by=by)
    finally:
        log.close()
    if was is not None:
        print(f"vorige aanmelding van {node} vervangen ({was.describe()}); "
              f"het oude token werkt niet meer")
    print(f"node {node} aangemeld; schrijven: {', '.join(write) or '-'}; "
          f"alleen lezen: {', '.join(read) or '-'}")
    if key:
        print(f"sleutel van {node} vastgelegd: {key[:16]}…")
        if signed:
            print(f"op het rooster gezet als regel {signed.n} (ondertekend door de root)")
    elif was is not None and was.public_key:
        print(f"sleutel van {node} blijft: {was.public_key[:16]}…")
    else:
        print(f"geen --key: de eerste push van {node} zelf legt zijn sleutel vast")
    print("bewaar dit token (het wordt niet opnieuw getoond; de hub bewaart alleen een hash):")
    print(token)
    return 0


def _may_enroll(log: Any, node: str, key: str | None, replace: bool) -> Any:
    """What the hub holds of ``node`` when it may be enrolled again (None: it is new here);
    refuses a second enrolment without ``--vervang``, and another key always (that is a key
    rotation: 'hub key')."""
    was = log.auth.enrolment(node)
    if was is None:
        return None
    if key and was.public_key and key != was.public_key:
        raise UserError(
            f"{node} is hier al aangemeld ({was.describe()}) en --key geeft een andere sleutel. "
            f"Er is niets veranderd. Een nieuwe sleutel gaat alleen via een sleutelwissel: "
            f"'crisisbeeld key --rotate' bij het centrum (zijn volgende synchronisatie geeft de "
            f"hub de nieuwe sleutel; een hub met root zet hem op het rooster met 'crisisbeeld "
            f"hub key --db … --node {node} --key …'). Is dit een ander centrum, kies dan een "
            f"andere node-id.")
    if not replace and was.revoked:
        raise UserError(
            f"{node} is hier aangemeld geweest en ingetrokken ({was.describe()}); er is niets "
            f"veranderd. Wilt u het weer toelaten met een nieuw token, geef dan --vervang.")
    if not replace:
        raise UserError(
            f"{node} is hier al aangemeld ({was.describe()}); er is niets veranderd. "
            f"Opnieuw aanmelden maakt zijn huidige token ongeldig (het centrum krijgt dan 401 "
            f"tot het het nieuwe token heeft) en zet de werelden opnieuw. Bedoelt u dat, "
            f"geef dan --vervang.")
    return was


def _public_key(path: str) -> str:
    """A centre's public key from its store, or from a file written by `crisisbeeld key`."""
    from pathlib import Path

    from data.store import Store, StoreError

    p = Path(path)
    if not p.exists():
        raise UserError(f"{p} bestaat niet (geef de store van het centrum of een sleutelbestand)")
    try:
        text = p.read_text(encoding="ascii").strip()
    except (UnicodeDecodeError, OSError):
        text = ""
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        return text
    try:
        with Store.open(p, readonly=True) as st:
            return st.public_key
    except StoreError:
        raise UserError(f"{p} is geen store en geen sleutelbestand (64 hexadecimale tekens, "
                        f"geschreven door 'crisisbeeld key')") from None


def cmd_root(a: argparse.Namespace) -> int:
    _admin(a, "root")
    log = _open_log(a)
    try:
        if not hasattr(log, "roster"):
            raise UserError("alleen een hubdatabase (--db) kan een root hebben")
        from sqlalchemy import select

        from data.sync.hub.auth import IDENT

        with log.read.connect() as c:
            bound = {str(n): str(k) for n, k in c.execute(
                select(IDENT.c.node_id, IDENT.c.public_key))}
        fp, made = log.roster.make_root(bound)
    finally:
        log.close()
    print(("root-sleutel aangemaakt" if made else "deze hub heeft al een root-sleutel")
          + f"; vingerafdruk (lees voor aan elk centrum, dat hem pint):\n{fp}")
    return 0


def cmd_hub_key(a: argparse.Namespace) -> int:
    """A centre's new key on the roster (after `crisisbeeld key --rotate` there); its token
    and grants stay as they are."""
    by = _admin(a, "sleutelwissel")
    key = _public_key(a.key)
    log = _open_log(a)
    try:
        if not hasattr(log, "roster") or log.roster.root_fingerprint() is None:
            raise UserError("deze hub heeft geen root-sleutel ('crisisbeeld hub root')")
        entry = log.roster.enrol(a.node, key, by=by)
    finally:
        log.close()
    print(f"sleutel {key[:16]}… van {a.node} "
          + (f"op het rooster gezet als regel {entry.n}" if entry else "stond al op het rooster"))
    return 0


def cmd_key(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        if a.rotate:
            from data.domain.validation import ValidationError
            from desktop.cli_people import setup_author

            try:
                st.rotate_key(setup_author(a))
            except ValidationError as e:
                raise UserError(str(e)) from None
            print(f"{st.node_id} tekent vanaf nu met een nieuwe sleutel (de oude tekende de "
                  f"wissel); laat hem aanmelden met 'hub enroll --key' bij een hub met root")
        key = st.public_key
        node = st.node_id
    finally:
        st.close()
    if a.out:
        from pathlib import Path

        Path(a.out).write_text(key + "\n", encoding="ascii")
        print(f"publieke sleutel van {node} geschreven naar {a.out}")
    else:
        print(key)
    return 0


def cmd_revoke(a: argparse.Namespace) -> int:
    by = _admin(a, "intrekking")
    log = _open_log(a)
    try:
        ok = log.auth.revoke(a.node)
        entry = None
        if ok and hasattr(log, "roster"):
            # what this hub holds of the centre stays valid; nothing after it
            until = log.holds_of(a.node)
            entry = log.roster.revoke(a.node, until, by=by)
    finally:
        log.close()
    if not ok:
        raise UserError(f"node {a.node} is hier niet aangemeld")
    print(f"token van {a.node} ingetrokken")
    if entry is not None:
        held = ", ".join(f"{w} t/m seq {s}" for w, s in sorted(entry.until.items())) or "niets"
        print(f"ingetrokken op het rooster (regel {entry.n}); geldig blijft: {held}")
    return 0


def cmd_serve(a: argparse.Namespace) -> int:
    a.store = a.db
    a.db = None
    return cmd_hub(a)


def cmd_sync(a: argparse.Namespace) -> int:
    import os

    from data.sync.client import PeerConfig, SyncEngine, read_token
    from data.sync.hub_client import url_refusal

    hubs: list[str] = a.hub
    files: list[str] = a.token_file
    if len(files) not in (1, len(hubs)):
        raise UserError("geef één --token-file, of één per --hub in dezelfde volgorde")
    if a.ca_file and not os.path.isfile(a.ca_file):
        raise UserError(f"CA-bestand {a.ca_file} bestaat niet")
    cfgs = []
    for i, url in enumerate(hubs):
        why = url_refusal(url, a.insecure_http)
        if why:
            raise UserError(why)
        f = files[i] if len(files) > 1 else files[0]
        try:
            cfgs.append(PeerConfig(url, read_token(f), ca_file=a.ca_file,
                                   insecure_http=a.insecure_http))
        except OSError as e:
            raise UserError(f"tokenbestand {f} kan niet worden gelezen: "
                            f"{os_words(e, reading=True)}") from None
        except ValueError as e:
            raise UserError(str(e)) from None
    st = open_store(a.db)
    eng = SyncEngine(st, cfgs, batch=a.batch, interval=a.interval, backoff_base=a.backoff_base,
                     backoff_cap=a.backoff_cap, timeout=(a.timeout, a.timeout * 4),
                     seed=a.seed)
    last = [""]

    def show(s: Any) -> None:
        line = " | ".join(f"{p.label if hasattr(p, 'label') else p.url}: {_status(p.status)}"
                          f" (achterstand {p.backlog}, push {p.push_cursor}, pull {p.pull_cursor})"
                          + (f" — {p.last_error}" if p.last_error else "") for p in s.peers)
        if line != last[0] and not a.quiet:
            last[0] = line
            print(line, file=sys.stderr, flush=True)

    eng.add_listener(show)
    from desktop import activity

    seen: list[Any] = [None]

    def note(s: Any) -> None:  # the log: a line per change of a hub's state
        activity.sync_changed(seen[0], s)
        seen[0] = s

    eng.add_listener(note)
    try:
        if a.watch:
            import threading

            from data.sync.local_writes import follow_local_writes

            _sigterm_as_interrupt()
            eng.start()
            try:  # what the application writes beside us is pushed at once (issue 19)
                follow_local_writes(st, eng, threading.Event())
            except KeyboardInterrupt:
                pass
            return 0
        ok = eng.run_until_synced(time.monotonic() + a.give_up, give_up_on_refusal=True)
        s = eng.state
        for p in s.peers:
            print(f"{p.url}: {_status(p.status)}; {p.pushed} verstuurd, {p.pulled} ontvangen, "
                  f"{p.rejected} geweigerd; achterstand {p.backlog}"
                  + (f"; {p.last_error}" if p.last_error and p.last_error != p.fork else ""))
            if p.trouble:
                print(f"LET OP: {p.trouble}", file=sys.stderr)
        print(f"vingerafdruk: {st.fingerprint()}")
        print(st.trust_status())  # pinned root and roster, or trust on first use
        # nothing skipped silently: whatever could not be exchanged makes the exit code 1
        return 0 if ok and not any(p.trouble or p.backlog for p in s.peers) else 1
    finally:
        eng.close()
        st.close()


#: a hub's sync state in the words of the window's status line (the engine keeps its own codes)
STATUS_WORDS = {"online": "verbonden", "offline": "geen verbinding", "error": "fout",
                "syncing": "bezig"}


def _status(code: str) -> str:
    return STATUS_WORDS.get(code, code)


def _serving_options(p: argparse.ArgumentParser) -> None:
    """TLS and its refusal, for every verb that serves a hub."""
    p.add_argument("--tls-cert", help="certificaat (PEM) van de hub: dan https")
    p.add_argument("--tls-key", help="private sleutel (PEM) bij --tls-cert")
    p.add_argument("--onveilig-http", "--insecure-http", dest="insecure_http",
                   action="store_true",
                   help="sta http zonder TLS toe op een adres dat andere machines bereiken "
                        "(alleen op een vertrouwd netwerk)")


def register(sub: Any) -> None:
    p = sub.add_parser("hub", help="start een hub (of: hub enroll / hub revoke)")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--db", help="hubdatabase: pad (SQLite) of postgresql+psycopg://…")
    src.add_argument("--store", help="de store van dit centrum als hub (buurcentra)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8750)
    p.add_argument("--log-level", default="warning")
    p.add_argument("--workers", type=int, default=1,
                   help="aantal hubprocessen op deze poort (zelfde database)")
    _serving_options(p)
    p.set_defaults(func=cmd_hub)
    hs = p.add_subparsers(dest="hub_command", metavar="ACTIE")
    e = hs.add_parser("enroll", help="meld een node aan; drukt het token één keer af")
    g = e.add_mutually_exclusive_group(required=True)
    g.add_argument("--db")
    g.add_argument("--store")
    e.add_argument("--node", required=True, help="node-id van het centrum")
    e.add_argument("--worlds", default="", help="werelden om te lezen en schrijven: LIVE,OEF-…")
    e.add_argument("--read-worlds", default="", help="werelden om alleen te lezen")
    e.add_argument("--key", help="store of sleutelbestand van het centrum: legt zijn publieke "
                                 "sleutel vast (anders doet zijn eerste push dat)")
    e.add_argument("--vervang", action="store_true",
                   help="meld een node die hier al is aangemeld opnieuw aan: nieuw token (het "
                        "oude werkt niet meer) en deze werelden; zijn sleutel blijft")
    e.set_defaults(func=cmd_enroll)
    r = hs.add_parser("revoke", help="trek het token van een node in")
    g = r.add_mutually_exclusive_group(required=True)
    g.add_argument("--db")
    g.add_argument("--store")
    r.add_argument("--node", required=True)
    r.set_defaults(func=cmd_revoke)
    r = hs.add_parser("root", help="geef deze hub een root-sleutel die het rooster ondertekent "
                                   "(KCR2); drukt de vingerafdruk af")
    r.add_argument("--db", required=True)
    r.set_defaults(func=cmd_root)
    r = hs.add_parser("key", help="zet een nieuwe sleutel van een centrum op het rooster "
                                  "(na 'crisisbeeld key --rotate' daar)")
    r.add_argument("--db", required=True)
    r.add_argument("--node", required=True)
    r.add_argument("--key", required=True, help="sleutelbestand of store van het centrum")
    r.set_defaults(func=cmd_hub_key)

    p = sub.add_parser("serve", help="bied de store van dit centrum aan als hub voor buren")
    p.add_argument("--db", required=True, help="de store van dit centrum")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8750)
    p.add_argument("--log-level", default="warning")
    p.add_argument("--workers", type=int, default=1)
    _serving_options(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("key", help="toon of schrijf de publieke sleutel van deze store "
                                   "(voor 'hub enroll --key')")
    p.add_argument("--db", required=True)
    p.add_argument("--out", help="schrijf naar dit bestand")
    p.add_argument("--rotate", action="store_true",
                   help="wissel naar een nieuwe sleutel (een gebeurtenis, getekend met de oude)")
    p.set_defaults(func=cmd_key)

    p = sub.add_parser("sync", help="synchroniseer deze store met een of meer hubs")
    p.add_argument("--db", required=True)
    p.add_argument("--hub", required=True, action="append", help="adres, bv. https://kcr2:8750")
    p.add_argument("--token-file", required=True, action="append")
    p.add_argument("--ca-file", help="CA-certificaat (PEM) waarmee het certificaat van een "
                                     "https-hub wordt gecontroleerd (anders: die van het systeem)")
    p.add_argument("--onveilig-http", "--insecure-http", dest="insecure_http",
                   action="store_true",
                   help="sta http zonder TLS toe naar een hub op een andere machine "
                        "(alleen op een vertrouwd netwerk)")
    m = p.add_mutually_exclusive_group()
    m.add_argument("--once", action="store_true", help="tot één volledige ronde gelukt is")
    m.add_argument("--watch", action="store_true", help="blijf synchroniseren (Ctrl-C stopt)")
    p.add_argument("--interval", type=float, default=5.0, help="seconden tussen rondes")
    p.add_argument("--give-up", type=float, default=300.0, help="--once: opgeven na seconden")
    p.add_argument("--timeout", type=float, default=10.0, help="verbindingstimeout (s)")
    p.add_argument("--backoff-base", type=float, default=0.5)
    p.add_argument("--backoff-cap", type=float, default=30.0)
    p.add_argument("--batch", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_sync)

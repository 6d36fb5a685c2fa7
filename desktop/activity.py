"""What the application did, for the log the diagnose zip carries (Qt-free): start and stop,
the store it opened, each hub's sync state as it changes, paper packs, bundles in and out, and
refusals at a door (counts).

Never event contents, names from the picture or tokens: a line says *that* something happened,
to which file or hub, and how many. The lines go to the ``crisisbeeld`` logger
(:func:`desktop.errors.setup_logging` writes it to the rotating log file)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from data.oswords import count

log = logging.getLogger("crisisbeeld.activiteit")
# without a log file set up (a test, a verb that keeps no log) the lines go nowhere, not to
# stderr through logging's last resort
log.addHandler(logging.NullHandler())


def hub_name(url: str) -> str:
    """A hub's address without anything secret in it (user and password, query, fragment)."""
    try:
        u = urlsplit(url)
    except ValueError:
        return "?"
    host = u.hostname or ""
    return urlunsplit((u.scheme, host + (f":{u.port}" if u.port else ""), u.path, "", ""))


def started(db: Path, version: str) -> None:
    log.info("start: Crisisbeeld %s op store %s", version, db)


def stopped(db: Path) -> None:
    log.info("stop: store %s gesloten", db)


def store_opened(st: Any) -> None:
    log.info("store geopend: %s (wereld %s, node %s, %s)", st.path, st.world, st.node_id,
             count(st.event_count(), "gebeurtenis", "gebeurtenissen"))


def store_refused(db: Path, why: object) -> None:
    log.warning("store %s niet geopend: %s", db, why)


def sync_changed(old: Any, new: Any) -> None:
    """One line per hub whose status, reason or trouble changed since ``old`` (None: all)."""
    before = {p.url: p for p in (old.peers if old is not None else ())}
    for p in new.peers:
        was = before.get(p.url)
        now = (p.status, p.last_error, p.trouble)
        if was is not None and (was.status, was.last_error, was.trouble) == now:
            continue
        reason = "; ".join(x for x in (p.last_error, p.trouble) if x)
        level = logging.WARNING if reason else logging.INFO
        log.log(level, "sync %s: %s%s; achterstand %d, verstuurd %d, ontvangen %d, "
                       "geweigerd %d", hub_name(p.url), p.status,
                f" ({reason})" if reason else "", p.backlog, p.pushed, p.pulled, p.rejected)
    gone = set(before) - {p.url for p in new.peers}
    for url in sorted(gone):
        log.info("sync %s: niet meer gevolgd", hub_name(url))


def paper(path: Path | None, pages: int, problem: str) -> None:
    if problem:
        log.warning("papieren pakket: %s", problem)
    if path is not None and not problem:
        log.info("papieren pakket geschreven: %s (%d pagina's)", path, pages)


def exported(path: object, events: int, origins: int) -> None:
    log.info("bundel geschreven: %s (%s, %s)", path, count(events, "gebeurtenis",
             "gebeurtenissen"), count(origins, "herkomst", "herkomsten"))


def imported(path: object, accepted: int, duplicates: int, rejected: int) -> None:
    level = logging.WARNING if rejected else logging.INFO
    log.log(level, "bundel ingelezen: %s (%d nieuw, %d al aanwezig, %d geweigerd)",
            path, accepted, duplicates, rejected)


def refused(door: str, why: object, what: object = "") -> None:
    """Something refused at a door (a bundle, a file, a command): which door, what, why."""
    log.warning("geweigerd bij %s: %s%s", door, f"{what}: " if what else "", why)

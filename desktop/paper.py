"""The paper fallback (*Papieren terugval*): a fresh PDF pack on a timer, the last N kept.

:class:`PaperPacks` is the whole rule without Qt timers: when the next pack is due (by a chosen
clock, so a test can move time), writing one pack from a read-only store, pruning the old ones,
and handing the new one to a printer. The command line runs it in a loop
(``crisisbeeld paper``); the application runs ``crisisbeeld paper --once`` in a child process
(desktop/report_ui.py), so a pack never blocks the window. A failing printer or a full disk is
an answer, not a crash: the pack that could not be written leaves nothing half-written behind,
and the next tick tries again.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from data.clock import Clock
from data.picture.timefmt import LOCAL
from data.report.content import DEFAULT_CLASS, RANK, Filters
from data.report.gather import default_since, gather, journal_line, meta_of
from data.report.pack import BOARD_MAX, JOURNAL_MAX, parts
from data.store import Store, log

translate = QCoreApplication.translate

PREFIX = "papier-"
#: a printer: called with the PDF's path; raises OSError (with a message) when it fails
Printer = Callable[[Path], None]


def lp_printer(name: str = "") -> Printer:
    """Print with the system's ``lp`` (CUPS), to ``name`` or the default printer."""

    def send(path: Path) -> None:
        cmd = ["lp"] + (["-d", name] if name else []) + [str(path)]
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise OSError(translate("Paper", "de printer is niet bereikbaar")) from None
        if res.returncode != 0:
            raise OSError(translate("Paper", "de printer weigert: {0}")
                          .format((res.stderr or res.stdout).strip()[:200]))

    return send


def parse_every(text: str) -> timedelta:
    """'15m', '1h', '90s', '15' (minutes) as a period; ValueError with a Dutch message."""
    t = text.strip().lower()
    unit = {"s": 1, "m": 60, "h": 3600, "u": 3600}.get(t[-1:], 0)
    num = t[:-1] if unit else t
    try:
        n = int(num)
    except ValueError:
        n = 0
    if n <= 0:
        raise ValueError(translate("Paper", "interval '{0}' niet begrepen; schrijf bijvoorbeeld "
                                   "15m, 1h of 90s").format(text))
    seconds = n * (unit or 60)
    if seconds < 60:
        raise ValueError(translate("Paper", "interval korter dan een minuut: kies minstens 1m"))
    return timedelta(seconds=seconds)


@dataclass
class PackResult:
    """What one tick did: the pack written (or None), pages, pruned files, and the problem a
    person must see (printer or disk), in their words."""

    path: Path | None = None
    pages: int = 0
    pruned: list[Path] = field(default_factory=list)
    problem: str = ""
    at: datetime | None = None


@dataclass
class PaperPacks:
    """Writes packs into ``folder`` every ``every``; keeps the newest ``keep``."""

    folder: Path
    every: timedelta = timedelta(minutes=15)
    keep: int = 8
    printer: Printer | None = None
    filters: Filters = Filters()
    last: datetime | None = None
    writer: Callable[..., int] | None = None  # (sitrep, path, parts) -> pages; default: PDF

    def due(self, now: datetime) -> bool:
        return self.last is None or now - self.last >= self.every

    def next_at(self) -> datetime | None:
        return None if self.last is None else self.last + self.every

    def packs(self) -> list[Path]:
        """The packs in the folder, oldest first."""
        return sorted(self.folder.glob(f"{PREFIX}*.pdf"))

    def write(self, st: Store, clock: Clock) -> PackResult:
        """Write one pack now (by ``clock``), prune, print. Never raises for a printer or a
        disk: the result carries the problem."""
        now = clock.now()
        self.last = now  # a failed attempt waits a period too: no storm of retries
        res = PackResult(at=now)
        since = self.filters.since or default_since(now)
        try:
            from data.report.content import BIJSTAND_LISTED, compose, relisted

            raw = gather(st, now, since, filters=self.filters, listed=BOARD_MAX)
            board = compose(raw, meta_of(st), now, self.filters, BOARD_MAX)
            s = relisted(board, BIJSTAND_LISTED)
            with st.reader() as conn:  # the newest lines the ceiling lets through, and a count
                total, newest = log.journal_newest(
                    conn, since, s.moment, RANK, RANK[DEFAULT_CLASS],
                    RANK[self.filters.max_class], JOURNAL_MAX)
                lines = [journal_line(e) for e in log.by_local_seq(conn, newest)]
            stamp = f"{now.astimezone(LOCAL):%Y%m%d-%H%M%S}"
            name = f"{PREFIX}{stamp}.pdf"
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / name
            write = self.writer or _pdf_writer()
            res.pages = write(s, path, parts(s, lines, stamp[:-2], board, total))
            res.path = path
        except OSError as e:
            res.problem = translate(
                "Paper", "papieren pakket niet geschreven: {0}").format(_reason(e))
            return res
        res.pruned = self.prune()
        if self.printer is not None:
            try:
                self.printer(path)
            except OSError as e:
                res.problem = translate(
                    "Paper", "pakket geschreven, maar niet afgedrukt: {0}").format(
                    _reason(e))
        return res

    def prune(self) -> list[Path]:
        """Remove all but the newest ``keep`` packs; returns what went."""
        old = self.packs()[:-self.keep] if self.keep > 0 else []
        for p in old:
            p.unlink(missing_ok=True)
        return old


def _reason(e: OSError) -> str:
    import errno

    if e.errno == errno.ENOSPC:
        return translate("Paper", "de schijf is vol")
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return translate("Paper", "geen schrijfrechten in de map")
    if e.errno in (errno.ENOTDIR, errno.EEXIST, errno.ENOENT):
        return translate("Paper", "de map voor de pakketten bestaat niet of is geen map")
    return e.strerror or str(e)


def _pdf_writer() -> Callable[..., int]:
    from desktop.report_pdf import write_pdf

    return write_pdf

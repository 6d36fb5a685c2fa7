"""Subcommands for situation reports and the paper fallback: ``sitrep`` and ``paper``.

Both work headless: the PDF is drawn with Qt on an offscreen platform they start themselves.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from data.clock import FixedClock, WallClock
from data.clock import now as clock_now
from data.domain.enums import Classification
from data.picture.timefmt import local_hm
from data.report.content import Filters, region_codes
from desktop.cli_core import UserError
from desktop.cli_history import parse_moment

FORMATS = (".pdf", ".html", ".htm", ".md")


def _open_readonly(path: str) -> Any:
    from data.store import Store, StoreError

    if not Path(path).exists():
        raise UserError(f"{path} bestaat niet")
    try:
        return Store.open(path, readonly=True)
    except StoreError as e:
        raise UserError(str(e)) from None


def _prepare(path: str) -> None:
    """The journal index of the reports, once per store (data.report.gather.prepare); a store
    that cannot be written (a read-only stick, another process writing) is read without it."""
    import sqlite3

    from data.report.gather import prepare
    from data.store import Store, StoreError

    try:
        st = Store.open(path)
    except (StoreError, OSError, sqlite3.Error):
        return
    try:
        prepare(st)
    except sqlite3.Error:
        pass
    finally:
        st.close()


def filters_of(a: argparse.Namespace) -> Filters:
    """The filters as given on the command line; a bad value is refused in Dutch."""
    try:
        regions = region_codes(a.region or [])
    except ValueError as e:
        raise UserError(str(e)) from None
    since = parse_moment(a.since) if getattr(a, "since", None) else ""
    return Filters(regions, a.max_class, since)


def write_sitrep(st: Any, out: Path, filters: Filters, at: str = "") -> str:
    """Write the sitrep of ``st`` to ``out`` (format by its suffix); returns a one-line
    summary. Raises UserError for a suffix it does not know or a file it cannot write."""
    from data.report.gather import sitrep

    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"{out}: kies een bestand op .pdf, .html of .md")
    s = sitrep(st, FixedClock(at) if at else WallClock(), filters)
    try:
        if suffix == ".pdf":
            from desktop.report_pdf import write_pdf

            pages = write_pdf(s, out)
            what = f"{pages} pagina's"
        elif suffix == ".md":
            from data.report.markdown import markdown

            out.write_text(markdown(s), encoding="utf-8")
            what = "Markdown"
        else:
            from data.report.html import html

            out.write_text(html(s), encoding="utf-8")
            what = "HTML"
    except OSError as e:
        raise UserError(f"{out} kan niet worden geschreven: {e.strerror or e}") from None
    return (f"situatierapport geschreven: {out} ({what}; {local_hm(s.moment)}; rubricering "
            f"{s.highest_class}; vingerafdruk {s.meta.fingerprint})")


def cmd_sitrep(a: argparse.Namespace) -> int:
    filters = filters_of(a)
    at = parse_moment(a.at) if a.at else ""
    st = _open_readonly(a.db)  # (refuses a store that is not there, in words)
    st.close()
    _prepare(a.db)
    st = _open_readonly(a.db)
    try:
        print(write_sitrep(st, Path(a.out), filters, at))
    finally:
        st.close()
    return 0


def cmd_paper(a: argparse.Namespace) -> int:
    from desktop.paper import PaperPacks, lp_printer, parse_every

    try:
        every = parse_every(a.every)
    except ValueError as e:
        raise UserError(str(e)) from None
    if a.keep < 1:
        raise UserError("--keep: bewaar minstens 1 pakket")
    packs = PaperPacks(Path(a.dir), every, a.keep, lp_printer(a.printer) if a.print else None,
                       filters_of(a))
    clock = WallClock()
    failures = 0
    _open_readonly(a.db).close()  # (refuses a store that is not there, in words)
    _prepare(a.db)
    while True:
        st = _open_readonly(a.db)
        try:
            res = packs.write(st, clock)
        finally:
            st.close()
        if a.json:  # for the application, which runs one pack in a child process
            print(json.dumps({"path": str(res.path or ""), "pages": res.pages,
                              "pruned": [str(x) for x in res.pruned], "problem": res.problem,
                              "at": res.at.isoformat() if res.at else ""}), flush=True)
        elif res.path is not None:
            print(f"{local_hm(clock_now(clock).isoformat())} pakket {res.path} "
                  f"({res.pages} pagina's)" + (f"; {len(res.pruned)} oude verwijderd"
                                              if res.pruned else ""), flush=True)
        if res.problem:
            failures += 1
            if not a.json:
                print(f"crisisbeeld: {res.problem}", file=sys.stderr, flush=True)
        if a.once:
            return 1 if res.problem else 0
        nxt = packs.next_at()
        wait = max(1.0, (nxt - clock.now()).total_seconds()) if nxt else every.total_seconds()
        try:
            time.sleep(wait)
        except KeyboardInterrupt:
            return 1 if failures else 0


def _common(p: Any) -> None:
    p.add_argument("--db", required=True)
    p.add_argument("--region", action="append",
                   help="alleen deze regio('s): VR06, VNOG, …; herhaal of scheid met komma's")
    p.add_argument("--max-class", dest="max_class", default=Classification.VERTROUWELIJK.value,
                   choices=[c.value for c in Classification],
                   help="hoogste rubricering die erin mag (openbaar: niets intern/vertrouwelijk)")
    p.add_argument("--since", help="kernberichten vanaf dit moment (standaard: 24 uur terug)")


def register(sub: Any) -> None:
    p = sub.add_parser("sitrep", help="situatierapport als PDF, HTML of Markdown")
    _common(p)
    p.add_argument("--out", required=True, help="bestand op .pdf, .html of .md")
    p.add_argument("--at", help="moment van het rapport (standaard: nu)")
    p.set_defaults(func=cmd_sitrep)

    p = sub.add_parser("paper", help="papieren terugval: elke zoveel minuten een PDF-pakket")
    _common(p)
    p.add_argument("--dir", required=True, help="map voor de pakketten")
    p.add_argument("--every", default="15m", help="interval, bv. 15m of 1h (standaard 15m)")
    p.add_argument("--keep", type=int, default=8, help="bewaar de laatste N pakketten")
    p.add_argument("--once", action="store_true", help="schrijf één pakket en stop")
    p.add_argument("--print", action="store_true", help="druk elk pakket af (lp)")
    p.add_argument("--printer", default="", help="naam van de printer (standaard: de standaard)")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_paper)

"""Subcommands that show the application: run and snapshot."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any


def user_data_dir() -> Path:
    """Where `make run` keeps its exercise store (see desktop.places)."""
    from desktop.places import data_dir

    return data_dir()


#: the bundled scenario `make run` opens, played to its middle and paused
DEMO_SCENARIO = "donker-oosten"


#: the invented trainer who runs the demo exercise (every line names a person and a function)
DEMO_TRAINER = "Tess Bakker (trainer)"


def ensure_demo_store() -> Path:
    """The exercise `make run` opens: a bundled scenario in an exercise world (never LIVE),
    played to its middle and paused, with T0 chosen so that the middle is about now."""
    return build_demo_exercise(user_data_dir() / "oefening.db")


def build_demo_exercise(path: Path, scenario: str = DEMO_SCENARIO) -> Path:
    from datetime import UTC, datetime, timedelta

    from data.scenario.control import create_exercise
    from data.scenario.library import resolve
    from data.scenario.player import Player

    if path.exists():
        return path
    sc = resolve(scenario)
    middle = max(i.offset_s for i in sc.scheduled()) // 2
    sc.rebase((datetime.now(UTC) - timedelta(seconds=middle)).replace(second=0, microsecond=0))
    st = create_exercise(path, "oefening-kcr2", sc, name="KCR2 (oefening)")
    try:
        pl = Player(st, sc, author=DEMO_TRAINER)
        pl.start()
        pl.jump(middle)
        pl.pause()
    finally:
        st.close()
    return path


def cmd_run(a: argparse.Namespace) -> int:
    import sys

    from desktop.preflight import window_problem

    problem = window_problem()
    if problem:
        print(f"crisisbeeld: {problem}", file=sys.stderr)
        return 2
    from desktop.app import run_app

    db = Path(a.db) if a.db else ensure_demo_store()
    return run_app(db, a.theme, a.taal)


def headless() -> None:
    """Verbs that render without a screen choose Qt's offscreen platform themselves (unless
    the user chose a platform)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("gebruik BREEDTExHOOGTE, bv. 1600x1000") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError("maat buiten 320x240 … 8000x8000")
    return w, h


def cmd_snapshot(a: argparse.Namespace) -> int:
    from desktop import cli_core

    headless()
    db = Path(a.db)
    if not db.exists():
        raise cli_core.UserError(f"{db} bestaat niet")
    from desktop.snapshot import SnapshotError, snapshot

    if a.region:
        from data.domain.regions import resolve_region

        if resolve_region(a.region) is None:
            raise cli_core.UserError(f"onbekende regio '{a.region}' (bijvoorbeeld VR19 of VRZ)")
    from data.store import StoreError

    try:
        out = snapshot(db, a.view, Path(a.out), a.size, a.theme, region=a.region or "",
                       lang=a.taal)
    except (StoreError, SnapshotError) as e:
        raise cli_core.UserError(str(e)) from None
    print(f"{out}")
    return 0


def cmd_diagnose(a: argparse.Namespace) -> int:
    from desktop import cli_core
    from desktop.diagnose import write_diagnose

    db = Path(a.db) if a.db else None
    if db is not None and not db.exists():
        raise cli_core.UserError(f"{db} bestaat niet")
    out = Path(a.out)
    if not out.parent.is_dir():
        raise cli_core.UserError(f"de map {out.parent} bestaat niet")
    try:
        write_diagnose(out, db)
    except OSError as e:
        raise cli_core.UserError(f"kon {out} niet schrijven: {cli_core.file_words(e)}") from None
    print(f"diagnose geschreven: {out} (geen inhoud van het beeld, geen tokens of sleutels)")
    return 0


#: the views ``snapshot --view`` takes (desktop.main_window.VIEWS and "oefening"; kept here
#: so that ``--help`` does not import Qt; tests/desktop/test_app.py keeps them equal)
SNAPSHOT_VIEWS = ("overzicht", "incidenten", "bijstand", "besluiten", "logboek",
                  "verbindingen", "noodsteunpunten", "conflicten", "publiek", "bezetting",
                  "oefening")


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="start de applicatie (zonder --db: op een oefening uit "
                                   "een meegeleverd scenario)")
    p.add_argument("--db", help="pad van de store")
    p.add_argument("--theme", choices=("dark", "light"), default="dark")
    p.add_argument("--taal", choices=("nl", "en"),
                   help="taal van het venster voor deze keer (nl of en); zonder: de taal die "
                        "in Weergave → Taal is gekozen")
    p.set_defaults(func=cmd_run)
    s = sub.add_parser("snapshot", help="schrijf een scherm als PNG (ook zonder beeldscherm)")
    s.add_argument("--db", required=True, help="pad van de store")
    s.add_argument("--view", required=True, choices=SNAPSHOT_VIEWS, metavar="SCHERM",
                   help=f"een van: {', '.join(SNAPSHOT_VIEWS)} (oefening: alleen in de store "
                        "van de spelleiding, met het scenario ernaast)")
    s.add_argument("--out", required=True, help="afbeelding: .png of .jpg")
    s.add_argument("--size", type=_size, default=(1600, 1000), help="BREEDTExHOOGTE")
    s.add_argument("--theme", choices=("dark", "light"), default="dark")
    s.add_argument("--region", help="regiofilter aan, zoals een klik op de kaart (VR19 of VRZ)")
    s.add_argument("--taal", choices=("nl", "en"),
                   help="taal van de afbeelding (nl of en); zonder: de gekozen taal")
    s.set_defaults(func=cmd_snapshot)
    d = sub.add_parser("diagnose", help="schrijf een zip voor de servicedesk: versies, "
                                        "instellingen zonder tokens, einde van het logboek, "
                                        "tellingen van de store (geen inhoud)")
    d.add_argument("--out", required=True, help="zip-bestand")
    d.add_argument("--db", help="pad van de store (voor de tellingen)")
    d.set_defaults(func=cmd_diagnose)

"""Subcommands that show the application: run (and, later, snapshot)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any


def user_data_dir() -> Path:
    """Where `make run` keeps its demo store (XDG data folder, or CRISISBEELD_HOME)."""
    base = os.environ.get("CRISISBEELD_HOME") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "crisisbeeld")
    p = Path(base)
    p.mkdir(parents=True, exist_ok=True)
    return p


def ensure_demo_store() -> Path:
    from data.demo import Demo
    from data.store import Store

    path = user_data_dir() / "demo.db"
    if not path.exists():
        st = Store.create(path, "demo-kcr2", "LIVE", "KCR2 (demo)")
        Demo(st).run()
        st.close()
    return path


def cmd_run(a: argparse.Namespace) -> int:
    from desktop.app import run_app

    db = Path(a.db) if a.db else ensure_demo_store()
    return run_app(db)


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="start de applicatie (zonder --db: op de demostore)")
    p.add_argument("--db", help="pad van de store")
    p.set_defaults(func=cmd_run)

"""The ``crisisbeeld`` command: one entry point, subcommands registered by their modules.

Qt is imported only by the subcommands that show something, so the data verbs start fast and
run on a machine without a screen.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from desktop import cli_core

#: Modules that add subcommands: each has ``register(subparsers)``.
MODULES = ["desktop.cli_core", "desktop.cli_app", "desktop.cli_sync", "desktop.cli_exercise",
           "desktop.cli_history", "desktop.cli_trust"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crisisbeeld",
        description="Crisisbeeld: het gedeelde crisisbeeld van veiligheidsregio's en KCR2.",
    )
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT")
    import importlib

    for name in MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name == name:
                continue
            raise
        mod.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except cli_core.UserError as e:
        print(f"crisisbeeld: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

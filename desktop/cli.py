"""The ``crisisbeeld`` command: one entry point, subcommands registered by their modules.

Qt is imported only by the subcommands that show something, so the data verbs start fast and
run on a machine without a screen.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

#: Modules that add subcommands: each has ``register(subparsers)``.
MODULES = ["desktop.cli_core", "desktop.cli_app", "desktop.cli_sync", "desktop.cli_exercise",
           "desktop.cli_history", "desktop.cli_people", "desktop.cli_report",
           "desktop.cli_trust", "desktop.cli_bob", "desktop.cli_attach"]


#: verbs that keep the log (desktop.activity): bundles in and out, sync with hubs
LOGGED = {"export", "import", "sync"}


def build_parser() -> argparse.ArgumentParser:
    from desktop import cli_words

    cli_words.install()
    p = argparse.ArgumentParser(
        prog="crisisbeeld",
        description="Crisisbeeld: het gedeelde crisisbeeld van veiligheidsregio's en KCR2.",
    )
    from desktop import __version__

    p.add_argument("-V", "--version", action="version", version=f"crisisbeeld {__version__}",
                   help="toon het versienummer en stop")
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
    # issue 16: who gives the command (any subcommand that writes reads it: cli_people.person)
    p.add_argument("--als", metavar='"NAAM (FUNCTIE)"',
                   help="wie dit doet, met functie (anders $CRISISBEELD_AUTHOR)")
    p.add_argument("--pin", dest="als_pin", help="pincode van die persoon ($CRISISBEELD_PIN)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else list(argv)
    if args_in[:1] in (["--version"], ["-V"]):
        # answered before any subcommand module is imported: a support desk's first question
        from desktop import __version__

        print(f"crisisbeeld {__version__}")
        return 0
    from desktop import cli_core

    parser = build_parser()
    args = parser.parse_args(args_in)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if args.command in LOGGED:
        from desktop import errors

        errors.setup_logging()
    from data.store import StoreError

    try:
        rc = int(args.func(args) or 0)
        sys.stdout.flush()  # (inside the try: a reader that stopped early is seen here)
        return rc
    except BrokenPipeError:
        if not _stdout_gone():
            raise  # a pipe of the verb's own work (not our reader): an error, said as one
        return _reader_gone()
    except (cli_core.UserError, StoreError) as e:  # (a store's refusal a verb let through)
        from desktop import activity

        activity.refused(f"crisisbeeld {args.command}", e)
        print(f"crisisbeeld: {e}", file=sys.stderr)
        return 2


def _stdout_gone() -> bool:
    """Whether our standard output is the pipe that broke (the reader stopped)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return True
    try:  # nothing was pending: ask the pipe itself (its reader closed: POLLERR)
        import select

        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        return any(ev & select.POLLERR for _fd, ev in poll.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def _reader_gone() -> int:
    """The program reading our output stopped early (``crisisbeeld exercise status | head``):
    what it read was right, so no traceback. Further output goes nowhere (as Python's manual
    advises), and the exit code is the one a shell gives a program stopped by SIGPIPE."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


if __name__ == "__main__":
    sys.exit(main())

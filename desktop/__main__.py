"""``python -m desktop`` does what the ``crisisbeeld`` command does."""

import sys

if __name__ == "__main__":
    if getattr(sys, "frozen", False) and sys.argv[1:] not in (["--version"], ["-V"]):
        # a frozen build (PyInstaller) starts its helper processes (rebuild, checks of received
        # events) by running itself again: let those runs do their work instead of the CLI
        import multiprocessing

        multiprocessing.freeze_support()
    from desktop.cli import main

    sys.exit(main())

"""``python -m desktop`` does what the ``crisisbeeld`` command does."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # a frozen build (PyInstaller) starts its helper processes (rebuild, checks of received
    # events) by running itself again: let those runs do their work instead of the CLI
    multiprocessing.freeze_support()
    sys.exit(main())

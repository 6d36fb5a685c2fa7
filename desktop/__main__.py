"""``python -m desktop`` does what the ``crisisbeeld`` command does."""

import sys

from desktop.cli import main

sys.exit(main())

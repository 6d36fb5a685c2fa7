"""Where Crisisbeeld keeps things on this machine: the platform's own folders (platformdirs),
or, when ``$CRISISBEELD_HOME`` is set, folders under it for all of them (a portable install, a
test, a second centre on one machine).

| what | with ``CRISISBEELD_HOME`` | otherwise (Linux; Windows and macOS have their own) |
|---|---|---|
| data (the exercise `make run` opens) | ``HOME`` | ``~/.local/share/crisisbeeld`` |
| settings, token files | ``HOME/config`` | ``~/.config/crisisbeeld`` |
| log | ``HOME/log`` | ``~/.local/state/crisisbeeld/log`` |
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "crisisbeeld"


def _home() -> Path | None:
    base = os.environ.get("CRISISBEELD_HOME")
    return Path(base) if base else None


def _made(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p


def data_dir() -> Path:
    home = _home()
    if home is not None:
        return _made(home)
    import platformdirs

    return _made(Path(platformdirs.user_data_dir(APP, appauthor=False)))


def config_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def log_dir() -> Path:
    home = _home()
    if home is not None:
        return _made(home / "log")
    import platformdirs

    return _made(Path(platformdirs.user_log_dir(APP, appauthor=False)))

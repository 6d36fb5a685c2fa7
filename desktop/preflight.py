"""Before the window opens: can Qt show one on this machine?

On Linux Qt's ``xcb`` platform plugin needs a handful of X libraries that a minimal desktop
install may lack. Without them Qt aborts with a message that names one plugin and not the
missing packages ("xcb-cursor0 is needed", also when the missing ones are others). This module
finds out first, without importing Qt, and tells the user which packages to install.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import subprocess
import sys
from pathlib import Path

#: shared library → the Debian/Ubuntu package that brings it
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def missing_in_ldd(text: str) -> list[str]:
    """The libraries ``ldd`` reports as not found, each once, in the order it names them."""
    seen: dict[str, None] = {}
    for name in _NOT_FOUND.findall(text):
        seen.setdefault(name, None)
    return list(seen)


def packages_for(libraries: list[str]) -> list[str]:
    """The packages to install for ``libraries`` (a library we do not know stands for itself)."""
    out: dict[str, None] = {}
    for lib in libraries:
        out.setdefault(DEBIAN_PACKAGES.get(lib, lib), None)
    return list(out)


def _qt_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "Qt"


def missing_libraries() -> list[str]:
    """Libraries the xcb platform plugin cannot load on this machine (empty when all is well,
    and when this cannot be told: not Linux, no ``ldd``, another platform chosen)."""
    if not sys.platform.startswith("linux"):
        return []
    qt = _qt_dir()
    if qt is None:
        return []
    found: list[str] = []
    for so in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"):
        if not so.exists():
            continue
        try:
            out = subprocess.run(["ldd", str(so)], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            return []
        found += [lib for lib in missing_in_ldd(out.stdout) if lib not in found]
    # Qt 6.5+ loads xcb-cursor at run time, so ldd does not name it
    if ctypes.util.find_library("xcb-cursor") is None and "libxcb-cursor.so.0" not in found:
        found.append("libxcb-cursor.so.0")
    return found


def window_problem(environ: dict[str, str] | None = None) -> str | None:
    """A message in the user's words when the window cannot open here, else None."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, …: the user chose; Qt will say what it lacks
    if not sys.platform.startswith("linux"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("Er is geen beeldscherm (DISPLAY en WAYLAND_DISPLAY zijn leeg). Start Crisisbeeld "
                "op een bureaublad, of maak zonder scherm een afbeelding met 'crisisbeeld "
                "snapshot'.")
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return None
    missing = missing_libraries()
    if not missing:
        return None
    pkgs = " ".join(packages_for(missing))
    return ("Het venster kan niet openen: deze systeembibliotheken voor Qt ontbreken: "
            f"{', '.join(missing)}.\nInstalleer ze (Debian/Ubuntu):\n    sudo apt install {pkgs}\n"
            "De README noemt ze per platform.")

"""Build the compiled translation catalogues from their sources; they are built, never committed.

* Qt (widgets, desktop): ``i18n/*.ts`` → ``resources/i18n/*.qm`` with ``pyside6-lrelease``.
* gettext (the Qt-free core, :mod:`data.i18n`): ``data/locale/*/LC_MESSAGES/*.po`` → ``.mo`` beside
  it, with Babel.

Run by ``make`` before ``run``, ``test`` and ``dist``; ``python tools/catalogues.py`` by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent


def _lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease niet gevonden: installeer eerst PySide6 (make).")
    return found


def build(root: Path = ROOT) -> list[Path]:
    built: list[Path] = []
    sources = sorted((root / "i18n").glob("*.ts"))
    if sources:
        out = root / "resources" / "i18n"
        out.mkdir(parents=True, exist_ok=True)
        tool = _lrelease()
        for ts in sources:
            qm = out / (ts.stem + ".qm")
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
            built.append(qm)
    for po in sorted((root / "data" / "locale").glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            catalogue = read_po(f)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalogue)
        built.append(mo)
    return built


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(ROOT))

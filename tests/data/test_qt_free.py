"""data/ is Qt-free: the import-linter contracts hold, and the data tests pass in a process in
which PySide6, shiboken6, pyqtgraph and pytest-qt cannot be imported."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD_FLAG = "CRISISBEELD_NO_QT_CHILD"

BLOCKER = textwrap.dedent("""
    # Loaded at interpreter start (PYTHONPATH): Qt and pyqtgraph are "not installed".
    import sys

    BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "pytestqt")

    class _NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is not installed (Qt-free test run)")
            return None

    sys.meta_path.insert(0, _NoQt())
""")

INI = textwrap.dedent("""
    [pytest]
    addopts = -ra --strict-markers -p no:pytest-qt -p no:cacheprovider
    markers =
        slow: long-running reliability tests
        postgres: needs the PostgreSQL server
    filterwarnings =
        error
""")


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


@pytest.mark.skipif(os.environ.get(CHILD_FLAG) == "1", reason="inside the Qt-free run")
def test_import_contracts_hold():
    r = subprocess.run([_bin("lint-imports")], cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert "0 broken" in r.stdout


@pytest.mark.skipif(os.environ.get(CHILD_FLAG) == "1", reason="inside the Qt-free run")
def test_data_tests_pass_without_qt(tmp_path):
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    ini = tmp_path / "pytest.ini"
    ini.write_text(INI, encoding="utf-8")
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.update({CHILD_FLAG: "1", "PYTHONPATH": os.pathsep.join([str(shim), str(ROOT)])})
    # the blocker really blocks
    probe = subprocess.run([sys.executable, "-c", "import PySide6"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and "not installed (Qt-free test run)" in probe.stderr
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ini), "--rootdir", str(ROOT), "-q",
         "-m", "not slow and not postgres", "tests/data"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    tail = r.stdout[-4000:] + r.stderr[-2000:]
    assert r.returncode == 0, tail
    assert " passed" in r.stdout and "PySide6" not in r.stdout.replace(
        "PySide6 is not installed", ""), tail
    # nothing of Qt was loaded: any import would have failed the run above

"""ruff (rules in pyproject.toml) over the whole repository: lint findings fail the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean() -> None:
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_only_the_log_module_touches_the_event_table() -> None:
    """Every SQL statement on a store's ``event`` table lives in data/store/log.py (the hub
    keeps its own tables in data/sync/hub/). A statement elsewhere fails this test."""
    import re

    pattern = re.compile(r"\b(FROM|INTO|UPDATE|JOIN)\s+event\b", re.IGNORECASE)
    allowed = {ROOT / "data" / "store" / "log.py"}
    found = []
    for path in sorted((ROOT / "data").rglob("*.py")):
        if path in allowed or (ROOT / "data" / "sync" / "hub") in path.parents:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


def test_no_module_in_data_is_over_600_lines() -> None:
    big = [f"{p.relative_to(ROOT)}: {n}" for p in sorted((ROOT / "data").rglob("*.py"))
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600]
    assert not big, big

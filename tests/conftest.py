"""Shared fixtures: a fresh store per test, never the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CRISISBEELD_HOME", str(home / "crisisbeeld"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    yield


@pytest.fixture
def store_factory(tmp_path: Path):
    from data.store import Store

    made = []

    def make(node: str = "vnog", world: str = "LIVE", name: str = "") -> Store:
        st = Store.create(tmp_path / f"{node}-{len(made)}.db", node, world, name or node)
        made.append(st)
        return st

    yield make
    for st in made:
        st.close()

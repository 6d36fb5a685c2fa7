"""``crisisbeeld beeld`` and ``crisisbeeld oordeel``: a discipline's beeld and the Oordeel from
the command line, the BOB shown as text, refusals in Dutch that change nothing."""

from __future__ import annotations

from typing import Any

import pytest

from data.store import Command, Store
from desktop.cli import main


@pytest.fixture
def db(store_factory: Any) -> tuple[str, str]:
    st = store_factory("vnog")
    (iid,) = st.execute(Command("incident.reported", {
        "title": "Stroomuitval Oost", "kind": "stroomuitval", "regions": ["VNOG"]}),
        "IM VNOG").entities
    path = str(st.path)
    st.close()
    return path, iid


def _events(path: str) -> int:
    st = Store.open(path)
    try:
        return st.event_count()
    finally:
        st.close()


def test_beeld_per_discipline_and_oordeel(db: tuple[str, str], capsys: Any) -> None:
    path, iid = db
    als = ["--als", "Anna Vos (AC)"]
    assert main([*als, "beeld", "--db", path, "--incident", iid, "--discipline", "GHOR",
                 "Verpleeghuizen vragen brandstof."]) == 0
    assert main([*als, "oordeel", "--db", path, "--incident", iid,
                 "--prognose", "Herstel niet voor morgen.", "--schaling", "RBT blijft"]) == 0
    capsys.readouterr()
    assert main(["beeld", "--db", path, "--incident", iid]) == 0
    out = capsys.readouterr().out
    assert "GHOR (versie 1, bijgewerkt " in out and "door Anna Vos (AC))" in out
    assert "Verpleeghuizen vragen brandstof." in out
    assert "Prognose: Herstel niet voor morgen." in out and "Op- of afschaling: RBT blijft" in out
    assert main(["beeld", "--db", path]) == 0
    assert iid in capsys.readouterr().out  # the list to choose from


@pytest.mark.parametrize("args,words", [
    (["beeld", "--discipline", "ambulance", "x"], "onbekende discipline 'ambulance'; kies uit"),
    (["oordeel"], "vul minstens één onderdeel van het oordeel in"),
    (["oordeel", "--analyse", "  "], "vul minstens één onderdeel van het oordeel in"),
])
def test_refusals_are_dutch_and_change_nothing(db: tuple[str, str], capsys: Any,
                                               args: list[str], words: str) -> None:
    path, iid = db
    before = _events(path)
    assert main(["--als", "Anna Vos (OL)", args[0], "--db", path, "--incident", iid,
                 *args[1:]]) == 2
    err = capsys.readouterr().err
    assert words in err and "Error" not in err
    assert _events(path) == before


def test_an_unknown_incident_is_refused(db: tuple[str, str], capsys: Any) -> None:
    path, _iid = db
    assert main(["--als", "Anna Vos (OL)", "beeld", "--db", path, "--incident", "nee",
                 "tekst"]) == 2
    assert "'nee' is geen incident in deze store" in capsys.readouterr().err
